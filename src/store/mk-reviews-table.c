/* mk-reviews-table.c
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

#define COLUMNS "id, user_id, client_name, client_email, rating, review_text, project_type," \
                " is_verified, is_published, created_at"

static MkReview *
review_from_row (MkStmt *stmt)
{
  MkReview *review = mk_review_new ();

  mk_review_set_id (review, mk_stmt_column_text (stmt, 0));
  mk_review_set_user_id (review, mk_stmt_column_text (stmt, 1));
  mk_review_set_client_name (review, mk_stmt_column_text (stmt, 2));
  mk_review_set_client_email (review, mk_stmt_column_text (stmt, 3));
  mk_review_set_rating (review, sqlite3_column_int (stmt, 4));
  mk_review_set_review_text (review, mk_stmt_column_text (stmt, 5));
  mk_review_set_project_type (review, mk_stmt_column_text (stmt, 6));
  mk_review_set_is_verified (review, sqlite3_column_int (stmt, 7) != 0);
  mk_review_set_is_published (review, sqlite3_column_int (stmt, 8) != 0);
  mk_review_set_created_at (review, mk_stmt_column_text (stmt, 9));
  return review;
}

static void
bind_values (MkStmt   *stmt,
             MkReview *review)
{
  mk_stmt_bind_text (stmt, 1, mk_review_get_id (review));
  mk_stmt_bind_text (stmt, 2, mk_review_get_user_id (review));
  mk_stmt_bind_text (stmt, 3, mk_review_get_client_name (review));
  mk_stmt_bind_optional_text (stmt, 4, mk_review_get_client_email (review));
  mk_stmt_bind_int64 (stmt, 5, mk_review_get_rating (review));
  mk_stmt_bind_text (stmt, 6, mk_review_get_review_text (review));
  mk_stmt_bind_optional_text (stmt, 7, mk_review_get_project_type (review));
  mk_stmt_bind_int64 (stmt, 8, mk_review_get_is_verified (review) ? 1 : 0);
  mk_stmt_bind_int64 (stmt, 9, mk_review_get_is_published (review) ? 1 : 0);
  mk_stmt_bind_text (stmt, 10, mk_review_get_created_at (review));
}

gboolean
mk_store_reviews_insert (MkStore   *store,
                         MkReview  *review,
                         GError   **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (MK_IS_REVIEW (review), FALSE);

  if (mk_review_get_id (review) == NULL)
    {
      g_autofree char *id = mk_uuid_new ();
      mk_review_set_id (review, id);
    }
  if (mk_review_get_created_at (review) == NULL)
    {
      g_autofree char *now = mk_time_now_timestamp ();
      mk_review_set_created_at (review, now);
    }

  if (!mk_review_validate (review, error))
    return FALSE;

  stmt = mk_database_prepare (db,
                              "INSERT INTO reviews (" COLUMNS ")"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                              error);
  if (stmt == NULL)
    return FALSE;

  bind_values (stmt, review);
  return mk_database_run (db, stmt, error);
}

gboolean
mk_store_reviews_update (MkStore   *store,
                         MkReview  *review,
                         GError   **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (MK_IS_REVIEW (review), FALSE);

  if (!mk_review_validate (review, error))
    return FALSE;

  /* user_id and created_at are never rewritten; the bound ?10 is ignored. */
  stmt = mk_database_prepare (db,
                              "UPDATE reviews SET client_name = ?3, client_email = ?4, rating = ?5,"
                              " review_text = ?6, project_type = ?7, is_verified = ?8, is_published = ?9"
                              " WHERE id = ?1 AND user_id = ?2",
                              error);
  if (stmt == NULL)
    return FALSE;

  bind_values (stmt, review);
  if (!mk_database_run (db, stmt, error))
    return FALSE;

  if (mk_database_changes (db) == 0)
    {
      mk_store_set_not_found (error, _("There is no review %s"), mk_review_get_id (review));
      return FALSE;
    }

  return TRUE;
}

gboolean
mk_store_reviews_delete (MkStore     *store,
                         const char  *id,
                         GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (id != NULL, FALSE);

  stmt = mk_database_prepare (db, "DELETE FROM reviews WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  mk_stmt_bind_text (stmt, 1, id);
  if (!mk_database_run (db, stmt, error))
    return FALSE;

  if (mk_database_changes (db) == 0)
    {
      mk_store_set_not_found (error, _("There is no review %s"), id);
      return FALSE;
    }

  return TRUE;
}

MkReview *
mk_store_reviews_get (MkStore     *store,
                      const char  *id,
                      GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (id != NULL, NULL);

  stmt = mk_database_prepare (db, "SELECT " COLUMNS " FROM reviews WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, id);
  rc = mk_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return review_from_row (stmt);
  if (rc == SQLITE_DONE)
    mk_store_set_not_found (error, _("There is no review %s"), id);
  return NULL;
}

/* Two statements rather than "(?2 = 0 OR is_published = 1)": each one then
 * matches its own index (reviews_user_created, reviews_user_published). */
GPtrArray *
mk_store_reviews_list (MkStore     *store,
                       const char  *user_id,
                       gboolean     published_only,
                       GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  g_autoptr(GPtrArray) reviews = mk_store_new_object_array ();
  int rc;

  g_return_val_if_fail (user_id != NULL, NULL);

  if (published_only)
    stmt = mk_database_prepare (db,
                                "SELECT " COLUMNS " FROM reviews WHERE user_id = ?1 AND is_published = 1"
                                " ORDER BY created_at DESC, id DESC",
                                error);
  else
    stmt = mk_database_prepare (db,
                                "SELECT " COLUMNS " FROM reviews WHERE user_id = ?1"
                                " ORDER BY created_at DESC, id DESC",
                                error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, user_id);
  while ((rc = mk_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (reviews, review_from_row (stmt));

  return rc == SQLITE_DONE ? g_steal_pointer (&reviews) : NULL;
}

gint64
mk_store_reviews_count (MkStore     *store,
                        const char  *user_id,
                        gboolean     published_only,
                        GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (user_id != NULL, -1);

  if (published_only)
    stmt = mk_database_prepare (db, "SELECT count(*) FROM reviews WHERE user_id = ?1 AND is_published = 1", error);
  else
    stmt = mk_database_prepare (db, "SELECT count(*) FROM reviews WHERE user_id = ?1", error);
  if (stmt == NULL)
    return -1;

  mk_stmt_bind_text (stmt, 1, user_id);
  if (mk_database_step (db, stmt, error) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

gboolean
mk_store_reviews_import (MkStore     *store,
                         const char  *user_id,
                         GPtrArray   *reviews,
                         GError     **error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (user_id != NULL, FALSE);
  g_return_val_if_fail (reviews != NULL, FALSE);

  if (!mk_store_transaction_begin (store, error))
    return FALSE;

  for (guint i = 0; i < reviews->len; i++)
    {
      MkReview *review = g_ptr_array_index (reviews, i);

      if (g_strcmp0 (mk_review_get_user_id (review), user_id) != 0 ||
          !mk_store_reviews_insert (store, review, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error_literal (error, MK_STORE_ERROR, MK_STORE_ERROR_CONSTRAINT,
                                 _("A review to import belongs to another account"));
          mk_store_transaction_rollback (store, NULL);
          return FALSE;
        }
    }

  message = g_strdup_printf (ngettext ("Imported %u review", "Imported %u reviews", reviews->len),
                             reviews->len);
  if (!mk_store_log (store, user_id, MK_PLATFORM_NONE, "import_reviews",
                     MK_LOG_STATUS_SUCCESS, message, NULL, NULL, NULL, error) ||
      !mk_store_transaction_commit (store, error))
    {
      mk_store_transaction_rollback (store, NULL);
      return FALSE;
    }

  return TRUE;
}
