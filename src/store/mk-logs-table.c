/* mk-logs-table.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-redact.h"
#include "mk-store-private.h"
#include "mk-time.h"
#include "mk-uuid.h"

#define COLUMNS "id, user_id, platform, action, status, message, request_payload," \
                " response_payload, ip_address, created_at"

#define MAX_PAGE 1000

static MkLogEntry *
entry_from_row (MkStmt *stmt)
{
  MkLogEntry *entry = mk_log_entry_new ();
  MkPlatform platform = MK_PLATFORM_NONE;
  MkLogStatus status = MK_LOG_STATUS_SUCCESS;

  mk_platform_from_string (mk_stmt_column_text (stmt, 2), &platform);
  mk_log_status_from_string (mk_stmt_column_text (stmt, 4), &status);

  mk_log_entry_set_id (entry, mk_stmt_column_text (stmt, 0));
  mk_log_entry_set_user_id (entry, mk_stmt_column_text (stmt, 1));
  mk_log_entry_set_platform (entry, platform);
  mk_log_entry_set_action (entry, mk_stmt_column_text (stmt, 3));
  mk_log_entry_set_status (entry, status);
  mk_log_entry_set_message (entry, mk_stmt_column_text (stmt, 5));
  mk_log_entry_set_request_payload (entry, mk_stmt_column_text (stmt, 6));
  mk_log_entry_set_response_payload (entry, mk_stmt_column_text (stmt, 7));
  mk_log_entry_set_ip_address (entry, mk_stmt_column_text (stmt, 8));
  mk_log_entry_set_created_at (entry, mk_stmt_column_text (stmt, 9));
  return entry;
}

/* Redaction happens here and nowhere else, on the entry itself, so what
 * the caller holds afterwards is exactly what was stored. */
static void
redact_entry (MkLogEntry *entry)
{
  const char *message = mk_log_entry_get_message (entry);
  const char *request = mk_log_entry_get_request_payload (entry);
  const char *response = mk_log_entry_get_response_payload (entry);

  if (message != NULL)
    {
      g_autofree char *redacted = mk_redact_text (message);
      mk_log_entry_set_message (entry, redacted);
    }
  if (request != NULL)
    {
      g_autofree char *redacted = mk_redact_json_text (request);
      mk_log_entry_set_request_payload (entry, redacted);
    }
  if (response != NULL)
    {
      g_autofree char *redacted = mk_redact_json_text (response);
      mk_log_entry_set_response_payload (entry, redacted);
    }
}

gboolean
mk_store_logs_insert (MkStore     *store,
                      MkLogEntry  *entry,
                      GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;

  g_return_val_if_fail (MK_IS_LOG_ENTRY (entry), FALSE);

  redact_entry (entry);

  if (mk_log_entry_get_id (entry) == NULL)
    {
      /* Time-ordered, so rows of one second keep their order in the pane. */
      g_autofree char *id = mk_uuid_new_time_ordered ();
      mk_log_entry_set_id (entry, id);
    }
  if (mk_log_entry_get_created_at (entry) == NULL)
    {
      g_autofree char *now = mk_time_now_timestamp ();
      mk_log_entry_set_created_at (entry, now);
    }

  if (!mk_log_entry_validate (entry, error))
    return FALSE;

  stmt = mk_database_prepare (db,
                              "INSERT INTO logs (" COLUMNS ")"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                              error);
  if (stmt == NULL)
    return FALSE;

  mk_stmt_bind_text (stmt, 1, mk_log_entry_get_id (entry));
  mk_stmt_bind_text (stmt, 2, mk_log_entry_get_user_id (entry));
  mk_stmt_bind_text (stmt, 3, mk_platform_to_string (mk_log_entry_get_platform (entry)));
  mk_stmt_bind_text (stmt, 4, mk_log_entry_get_action (entry));
  mk_stmt_bind_text (stmt, 5, mk_log_status_to_string (mk_log_entry_get_status (entry)));
  mk_stmt_bind_optional_text (stmt, 6, mk_log_entry_get_message (entry));
  mk_stmt_bind_text (stmt, 7, mk_log_entry_get_request_payload (entry));
  mk_stmt_bind_text (stmt, 8, mk_log_entry_get_response_payload (entry));
  mk_stmt_bind_optional_text (stmt, 9, mk_log_entry_get_ip_address (entry));
  mk_stmt_bind_text (stmt, 10, mk_log_entry_get_created_at (entry));
  return mk_database_run (db, stmt, error);
}

gboolean
mk_store_log (MkStore      *store,
              const char   *user_id,
              MkPlatform    platform,
              const char   *action,
              MkLogStatus   status,
              const char   *message,
              const char   *request_json,
              const char   *response_json,
              const char   *ip_address,
              GError      **error)
{
  g_autoptr(MkLogEntry) entry = mk_log_entry_new ();

  g_return_val_if_fail (MK_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  mk_log_entry_set_user_id (entry, user_id);
  mk_log_entry_set_platform (entry, platform);
  mk_log_entry_set_action (entry, action);
  mk_log_entry_set_status (entry, status);
  mk_log_entry_set_message (entry, message);
  mk_log_entry_set_request_payload (entry, request_json);
  mk_log_entry_set_response_payload (entry, response_json);
  mk_log_entry_set_ip_address (entry, ip_address);

  return mk_store_logs_insert (store, entry, error);
}

/* The WHERE clause holds only the filters in use, so that SQLite can pick
 * the matching (column, created_at, id) index; each shape is prepared once
 * and cached by its text. Parameters keep fixed numbers:
 *   ?1 user_id  ?2 platform  ?3 action  ?4 status  ?5/?6 before  ?7 limit */
static char *
build_where (const MkLogFilter *filter,
             gboolean           paged)
{
  GString *where = g_string_new ("1");

  if (filter != NULL && filter->user_id != NULL)
    g_string_append (where, " AND user_id = ?1");
  if (filter != NULL && filter->platform != MK_PLATFORM_NONE)
    g_string_append (where, " AND platform = ?2");
  if (filter != NULL && filter->action != NULL)
    g_string_append (where, " AND action = ?3");
  if (filter != NULL && filter->has_status)
    g_string_append (where, " AND status = ?4");
  /* Keyset: rows strictly before (?5, ?6) in (created_at, id) order, written
   * so that the index still ranges over created_at. */
  if (paged)
    g_string_append (where, " AND created_at <= ?5 AND (created_at < ?5 OR id < ?6)");

  return g_string_free (where, FALSE);
}

static void
bind_filter (MkStmt            *stmt,
             const MkLogFilter *filter)
{
  if (filter == NULL)
    return;

  /* Binding a number the statement does not use is harmless (SQLITE_RANGE). */
  mk_stmt_bind_text (stmt, 1, filter->user_id);
  if (filter->platform != MK_PLATFORM_NONE)
    mk_stmt_bind_text (stmt, 2, mk_platform_to_string (filter->platform));
  mk_stmt_bind_text (stmt, 3, filter->action);
  if (filter->has_status)
    mk_stmt_bind_text (stmt, 4, mk_log_status_to_string (filter->status));
}

GPtrArray *
mk_store_logs_list_page (MkStore           *store,
                         const MkLogFilter *filter,
                         const char        *before_created_at,
                         const char        *before_id,
                         guint              limit,
                         GError           **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = mk_store_new_object_array ();
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  gboolean paged;
  int rc;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);
  g_return_val_if_fail ((before_created_at == NULL) == (before_id == NULL), NULL);

  paged = before_created_at != NULL;
  where = build_where (filter, paged);
  sql = g_strconcat ("SELECT " COLUMNS " FROM logs WHERE ", where,
                     " ORDER BY created_at DESC, id DESC LIMIT ?7", NULL);

  stmt = mk_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  bind_filter (stmt, filter);
  if (paged)
    {
      mk_stmt_bind_text (stmt, 5, before_created_at);
      mk_stmt_bind_text (stmt, 6, before_id);
    }
  mk_stmt_bind_int64 (stmt, 7, CLAMP (limit, 1, MAX_PAGE));

  while ((rc = mk_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));

  return rc == SQLITE_DONE ? g_steal_pointer (&entries) : NULL;
}

gint64
mk_store_logs_count (MkStore           *store,
                     const MkLogFilter *filter,
                     GError           **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (MK_IS_STORE (store), -1);

  where = build_where (filter, FALSE);
  sql = g_strconcat ("SELECT count(*) FROM logs WHERE ", where, NULL);

  stmt = mk_database_prepare (db, sql, error);
  if (stmt == NULL)
    return -1;

  bind_filter (stmt, filter);
  if (mk_database_step (db, stmt, error) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}
