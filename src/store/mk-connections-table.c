/* mk-connections-table.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-store-private.h"
#include "mk-uuid.h"

#define COLUMNS "id, user_id, platform, platform_user_id, account_name, token_expires_at, is_connected"

static MkConnection *
connection_from_row (MkStmt *stmt)
{
  MkConnection *connection = mk_connection_new ();
  MkPlatform platform = MK_PLATFORM_NONE;

  mk_platform_from_string (mk_stmt_column_text (stmt, 2), &platform);
  mk_connection_set_id (connection, mk_stmt_column_text (stmt, 0));
  mk_connection_set_user_id (connection, mk_stmt_column_text (stmt, 1));
  mk_connection_set_platform (connection, platform);
  mk_connection_set_platform_user_id (connection, mk_stmt_column_text (stmt, 3));
  mk_connection_set_account_name (connection, mk_stmt_column_text (stmt, 4));
  mk_connection_set_token_expires_at (connection, mk_stmt_column_text (stmt, 5));
  mk_connection_set_is_connected (connection, sqlite3_column_int (stmt, 6) != 0);
  return connection;
}

static void
bind_values (MkStmt       *stmt,
             MkConnection *connection)
{
  mk_stmt_bind_text (stmt, 1, mk_connection_get_id (connection));
  mk_stmt_bind_text (stmt, 2, mk_connection_get_user_id (connection));
  mk_stmt_bind_text (stmt, 3, mk_platform_to_string (mk_connection_get_platform (connection)));
  mk_stmt_bind_text (stmt, 4, mk_connection_get_platform_user_id (connection));
  mk_stmt_bind_optional_text (stmt, 5, mk_connection_get_account_name (connection));
  mk_stmt_bind_optional_text (stmt, 6, mk_connection_get_token_expires_at (connection));
  mk_stmt_bind_int64 (stmt, 7, mk_connection_get_is_connected (connection) ? 1 : 0);
}

gboolean
mk_store_connections_insert (MkStore       *store,
                             MkConnection  *connection,
                             GError       **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (MK_IS_CONNECTION (connection), FALSE);

  if (mk_connection_get_id (connection) == NULL)
    {
      g_autofree char *id = mk_uuid_new ();
      mk_connection_set_id (connection, id);
    }

  if (!mk_connection_validate (connection, error))
    return FALSE;

  stmt = mk_database_prepare (db,
                              "INSERT INTO social_connections (" COLUMNS ")"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              error);
  if (stmt == NULL)
    return FALSE;

  bind_values (stmt, connection);
  return mk_database_run (db, stmt, error);
}

gboolean
mk_store_connections_update (MkStore       *store,
                             MkConnection  *connection,
                             GError       **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (MK_IS_CONNECTION (connection), FALSE);

  if (!mk_connection_validate (connection, error))
    return FALSE;

  /* user_id (?2) is bound but not written: a connection never changes hands. */
  stmt = mk_database_prepare (db,
                              "UPDATE social_connections SET platform = ?3, platform_user_id = ?4,"
                              " account_name = ?5, token_expires_at = ?6, is_connected = ?7"
                              " WHERE id = ?1 AND user_id = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  bind_values (stmt, connection);
  if (!mk_database_run (db, stmt, error))
    return FALSE;

  if (mk_database_changes (db) == 0)
    {
      mk_store_set_not_found (error, _("There is no platform connection %s"),
                              mk_connection_get_id (connection));
      return FALSE;
    }

  return TRUE;
}

MkConnection *
mk_store_connections_get (MkStore     *store,
                          const char  *id,
                          GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (id != NULL, NULL);

  stmt = mk_database_prepare (db, "SELECT " COLUMNS " FROM social_connections WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, id);
  rc = mk_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return connection_from_row (stmt);
  if (rc == SQLITE_DONE)
    mk_store_set_not_found (error, _("There is no platform connection %s"), id);
  return NULL;
}

MkConnection *
mk_store_connections_get_for_platform (MkStore     *store,
                                       const char  *user_id,
                                       MkPlatform   platform,
                                       GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (user_id != NULL, NULL);

  stmt = mk_database_prepare (db,
                              "SELECT " COLUMNS " FROM social_connections"
                              " WHERE user_id = ?1 AND platform = ?2",
                              error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, user_id);
  mk_stmt_bind_text (stmt, 2, mk_platform_to_string (platform));
  rc = mk_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return connection_from_row (stmt);
  if (rc == SQLITE_DONE)
    /* Translators: %s is a platform name such as "Instagram" */
    mk_store_set_not_found (error, _("There is no %s connection"),
                            mk_platform_get_display_name (platform));
  return NULL;
}

GPtrArray *
mk_store_connections_list (MkStore     *store,
                           const char  *user_id,
                           GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  g_autoptr(GPtrArray) connections = mk_store_new_object_array ();
  int rc;

  g_return_val_if_fail (user_id != NULL, NULL);

  stmt = mk_database_prepare (db,
                              "SELECT " COLUMNS " FROM social_connections WHERE user_id = ?1"
                              " ORDER BY CASE platform WHEN 'instagram' THEN 1"
                              " WHEN 'facebook' THEN 2 WHEN 'youtube' THEN 3 ELSE 4 END",
                              error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, user_id);
  while ((rc = mk_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (connections, connection_from_row (stmt));

  return rc == SQLITE_DONE ? g_steal_pointer (&connections) : NULL;
}

gboolean
mk_store_connections_delete (MkStore     *store,
                             const char  *id,
                             GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (id != NULL, FALSE);

  stmt = mk_database_prepare (db, "DELETE FROM social_connections WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  mk_stmt_bind_text (stmt, 1, id);
  if (!mk_database_run (db, stmt, error))
    return FALSE;

  if (mk_database_changes (db) == 0)
    {
      mk_store_set_not_found (error, _("There is no platform connection %s"), id);
      return FALSE;
    }

  return TRUE;
}
