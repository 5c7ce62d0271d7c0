/* mk-metrics-table.c
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

#define COLUMNS "id, user_id, platform, follower_count, media_count, view_count," \
                " engagement_rate, last_updated"

static MkMetricsSnapshot *
snapshot_from_row (MkStmt *stmt)
{
  MkMetricsSnapshot *snapshot = mk_metrics_snapshot_new ();
  MkPlatform platform = MK_PLATFORM_NONE;

  mk_platform_from_string (mk_stmt_column_text (stmt, 2), &platform);
  mk_metrics_snapshot_set_id (snapshot, mk_stmt_column_text (stmt, 0));
  mk_metrics_snapshot_set_user_id (snapshot, mk_stmt_column_text (stmt, 1));
  mk_metrics_snapshot_set_platform (snapshot, platform);
  mk_metrics_snapshot_set_follower_count (snapshot, mk_stmt_column_count (stmt, 3));
  mk_metrics_snapshot_set_media_count (snapshot, mk_stmt_column_count (stmt, 4));
  mk_metrics_snapshot_set_view_count (snapshot, mk_stmt_column_count (stmt, 5));
  mk_metrics_snapshot_set_engagement_rate (snapshot, mk_stmt_column_double (stmt, 6));
  mk_metrics_snapshot_set_last_updated (snapshot, mk_stmt_column_text (stmt, 7));
  return snapshot;
}

gboolean
mk_store_metrics_append (MkStore            *store,
                         MkMetricsSnapshot  *snapshot,
                         GError            **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (MK_IS_METRICS_SNAPSHOT (snapshot), FALSE);

  if (mk_metrics_snapshot_get_id (snapshot) == NULL)
    {
      g_autofree char *id = mk_uuid_new ();
      mk_metrics_snapshot_set_id (snapshot, id);
    }
  if (mk_metrics_snapshot_get_last_updated (snapshot) == NULL)
    {
      g_autofree char *now = mk_time_now_timestamp ();
      mk_metrics_snapshot_set_last_updated (snapshot, now);
    }

  if (!mk_metrics_snapshot_validate (snapshot, error))
    return FALSE;

  stmt = mk_database_prepare (db,
                              "INSERT INTO cached_metrics (" COLUMNS ")"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                              error);
  if (stmt == NULL)
    return FALSE;

  mk_stmt_bind_text (stmt, 1, mk_metrics_snapshot_get_id (snapshot));
  mk_stmt_bind_text (stmt, 2, mk_metrics_snapshot_get_user_id (snapshot));
  mk_stmt_bind_text (stmt, 3, mk_platform_to_string (mk_metrics_snapshot_get_platform (snapshot)));
  mk_stmt_bind_count (stmt, 4, mk_metrics_snapshot_get_follower_count (snapshot));
  mk_stmt_bind_count (stmt, 5, mk_metrics_snapshot_get_media_count (snapshot));
  mk_stmt_bind_count (stmt, 6, mk_metrics_snapshot_get_view_count (snapshot));
  mk_stmt_bind_double (stmt, 7, mk_metrics_snapshot_get_engagement_rate (snapshot));
  mk_stmt_bind_text (stmt, 8, mk_metrics_snapshot_get_last_updated (snapshot));
  return mk_database_run (db, stmt, error);
}

MkMetricsSnapshot *
mk_store_metrics_latest (MkStore     *store,
                         const char  *user_id,
                         MkPlatform   platform,
                         GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (user_id != NULL, NULL);

  /* One index step backwards on cached_metrics_user_platform_updated; the
   * id breaks a tie of two fetches in one second. */
  stmt = mk_database_prepare (db,
                              "SELECT " COLUMNS " FROM cached_metrics"
                              " WHERE user_id = ?1 AND platform = ?2"
                              " ORDER BY last_updated DESC, rowid DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, user_id);
  mk_stmt_bind_text (stmt, 2, mk_platform_to_string (platform));
  rc = mk_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return snapshot_from_row (stmt);
  if (rc == SQLITE_DONE)
    /* Translators: %s is a platform name such as "Instagram" */
    mk_store_set_not_found (error, _("No %s figures have been fetched yet"),
                            mk_platform_get_display_name (platform));
  return NULL;
}

GPtrArray *
mk_store_metrics_history (MkStore     *store,
                          const char  *user_id,
                          MkPlatform   platform,
                          const char  *since,
                          GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  g_autoptr(GPtrArray) snapshots = mk_store_new_object_array ();
  int rc;

  g_return_val_if_fail (user_id != NULL, NULL);

  stmt = mk_database_prepare (db,
                              "SELECT " COLUMNS " FROM cached_metrics"
                              " WHERE user_id = ?1 AND platform = ?2 AND last_updated >= ?3"
                              " ORDER BY last_updated, rowid",
                              error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, user_id);
  mk_stmt_bind_text (stmt, 2, mk_platform_to_string (platform));
  /* "" sorts before every timestamp: the whole history. */
  mk_stmt_bind_text (stmt, 3, since != NULL ? since : "");
  while ((rc = mk_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (snapshots, snapshot_from_row (stmt));

  return rc == SQLITE_DONE ? g_steal_pointer (&snapshots) : NULL;
}

gboolean
mk_store_metrics_set_engagement_rate (MkStore     *store,
                                      const char  *id,
                                      double       rate,
                                      GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (id != NULL, FALSE);

  stmt = mk_database_prepare (db, "UPDATE cached_metrics SET engagement_rate = ?2 WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  mk_stmt_bind_text (stmt, 1, id);
  mk_stmt_bind_double (stmt, 2, rate);
  return mk_database_run (db, stmt, error);
}
