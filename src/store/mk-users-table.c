/* mk-users-table.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-store-private.h"
#include "mk-time.h"
#include "mk-uuid.h"

#define COLUMNS "id, email, password_hash, created_at, failed_logins, locked_until"

static MkUser *
user_from_row (MkStmt *stmt)
{
  MkUser *user = mk_user_new ();

  mk_user_set_id (user, mk_stmt_column_text (stmt, 0));
  mk_user_set_email (user, mk_stmt_column_text (stmt, 1));
  mk_user_set_password_hash (user, mk_stmt_column_text (stmt, 2));
  mk_user_set_created_at (user, mk_stmt_column_text (stmt, 3));
  mk_user_set_failed_logins (user, sqlite3_column_int (stmt, 4));
  mk_user_set_locked_until (user, mk_stmt_column_text (stmt, 5));
  return user;
}

gboolean
mk_store_users_insert (MkStore  *store,
                       MkUser   *user,
                       GError  **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (MK_IS_USER (user), FALSE);

  if (mk_user_get_id (user) == NULL)
    {
      g_autofree char *id = mk_uuid_new ();
      mk_user_set_id (user, id);
    }
  if (mk_user_get_created_at (user) == NULL)
    {
      g_autofree char *now = mk_time_now_timestamp ();
      mk_user_set_created_at (user, now);
    }

  if (!mk_user_validate (user, error))
    return FALSE;

  stmt = mk_database_prepare (db, "INSERT INTO users (" COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return FALSE;

  mk_stmt_bind_text (stmt, 1, mk_user_get_id (user));
  mk_stmt_bind_text (stmt, 2, mk_user_get_email (user));
  mk_stmt_bind_text (stmt, 3, mk_user_get_password_hash (user));
  mk_stmt_bind_text (stmt, 4, mk_user_get_created_at (user));
  mk_stmt_bind_int64 (stmt, 5, mk_user_get_failed_logins (user));
  mk_stmt_bind_optional_text (stmt, 6, mk_user_get_locked_until (user));
  return mk_database_run (db, stmt, error);
}

gboolean
mk_store_users_update (MkStore  *store,
                       MkUser   *user,
                       GError  **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (MK_IS_USER (user), FALSE);

  if (!mk_user_validate (user, error))
    return FALSE;

  stmt = mk_database_prepare (db,
                              "UPDATE users SET email = ?2, password_hash = ?3, failed_logins = ?4,"
                              " locked_until = ?5 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  mk_stmt_bind_text (stmt, 1, mk_user_get_id (user));
  mk_stmt_bind_text (stmt, 2, mk_user_get_email (user));
  mk_stmt_bind_text (stmt, 3, mk_user_get_password_hash (user));
  mk_stmt_bind_int64 (stmt, 4, mk_user_get_failed_logins (user));
  mk_stmt_bind_optional_text (stmt, 5, mk_user_get_locked_until (user));
  if (!mk_database_run (db, stmt, error))
    return FALSE;

  if (mk_database_changes (db) == 0)
    {
      mk_store_set_not_found (error, _("There is no account %s"), mk_user_get_id (user));
      return FALSE;
    }

  return TRUE;
}

static MkUser *
get_one (MkStore     *store,
         const char  *sql,
         const char  *key,
         GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  int rc;

  stmt = mk_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, key);
  rc = mk_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return user_from_row (stmt);
  if (rc == SQLITE_DONE)
    /* Translators: %s is an account id or an email address */
    mk_store_set_not_found (error, _("There is no account %s"), key);
  return NULL;
}

MkUser *
mk_store_users_get (MkStore     *store,
                    const char  *id,
                    GError     **error)
{
  g_return_val_if_fail (id != NULL, NULL);

  return get_one (store, "SELECT " COLUMNS " FROM users WHERE id = ?1", id, error);
}

MkUser *
mk_store_users_find_by_email (MkStore     *store,
                              const char  *email,
                              GError     **error)
{
  g_return_val_if_fail (email != NULL, NULL);

  /* The column is COLLATE NOCASE, so "=" ignores case and uses the index. */
  return get_one (store, "SELECT " COLUMNS " FROM users WHERE email = ?1", email, error);
}

GPtrArray *
mk_store_users_list (MkStore  *store,
                     GError  **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  g_autoptr(GPtrArray) users = mk_store_new_object_array ();
  int rc;

  stmt = mk_database_prepare (db, "SELECT " COLUMNS " FROM users ORDER BY created_at, email", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = mk_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (users, user_from_row (stmt));

  return rc == SQLITE_DONE ? g_steal_pointer (&users) : NULL;
}

gint64
mk_store_users_count (MkStore  *store,
                      GError  **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  stmt = mk_database_prepare (db, "SELECT count(*) FROM users", error);
  if (stmt == NULL || mk_database_step (db, stmt, error) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

gboolean
mk_store_users_delete (MkStore     *store,
                       const char  *id,
                       GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (id != NULL, FALSE);

  stmt = mk_database_prepare (db, "DELETE FROM users WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  mk_stmt_bind_text (stmt, 1, id);
  if (!mk_database_run (db, stmt, error))
    return FALSE;

  if (mk_database_changes (db) == 0)
    {
      mk_store_set_not_found (error, _("There is no account %s"), id);
      return FALSE;
    }

  return TRUE;
}
