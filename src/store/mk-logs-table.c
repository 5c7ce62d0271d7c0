/* mk-logs-table.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include <string.h>

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
  MkPlatform platform = MK_PLATFORM_NONE;
  MkLogStatus status = MK_LOG_STATUS_SUCCESS;

  mk_platform_from_string (mk_stmt_column_text (stmt, 2), &platform);
  mk_log_status_from_string (mk_stmt_column_text (stmt, 4), &status);

  return mk_log_entry_new_full (mk_stmt_column_text (stmt, 0),
                                mk_stmt_column_text (stmt, 1),
                                platform,
                                mk_stmt_column_text (stmt, 3),
                                status,
                                mk_stmt_column_text (stmt, 5),
                                mk_stmt_column_text (stmt, 6),
                                mk_stmt_column_text (stmt, 7),
                                mk_stmt_column_text (stmt, 8),
                                mk_stmt_column_text (stmt, 9));
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

/* logs_fts is kept in sync here rather than by triggers: trusted_schema=OFF
 * forbids virtual tables inside triggers (see 0002-logs-search.sql). */
static gboolean
index_message (MkDatabase  *db,
               const char  *message,
               GError     **error)
{
  g_autoptr(MkStmt) stmt = NULL;

  if (message == NULL)
    return TRUE;

  stmt = mk_database_prepare (db,
                              "INSERT INTO logs_fts (rowid, message)"
                              " VALUES (last_insert_rowid (), ?1)",
                              error);
  if (stmt == NULL)
    return FALSE;

  mk_stmt_bind_text (stmt, 1, message);
  return mk_database_run (db, stmt, error);
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

  /* The row and its search-index entry go together or not at all. */
  if (!mk_database_begin (db, error))
    return FALSE;
  if (!mk_database_run (db, stmt, error) ||
      !index_message (db, mk_log_entry_get_message (entry), error) ||
      !mk_database_commit (db, error))
    {
      mk_database_rollback (db, NULL);
      return FALSE;
    }

  mk_store_emit_log_added (store, entry);
  return TRUE;
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

/* The user's words as an FTS5 query: each word a quoted prefix ("rate"*),
 * all required. Splitting on what is not a letter or digit, as the
 * unicode61 tokenizer does, leaves no quote or operator to escape; NULL
 * when there is no word at all. */
static char *
build_match (const char *search)
{
  g_autoptr(GString) match = NULL;
  g_autoptr(GString) word = g_string_new (NULL);

  if (search == NULL)
    return NULL;

  match = g_string_new (NULL);
  for (const char *p = search; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_string_append_printf (match, "%s\"%s\"*", match->len > 0 ? " " : "", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  if (match->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&match), FALSE);
}

MkLogFilter *
mk_log_filter_copy (const MkLogFilter *filter)
{
  MkLogFilter *copy = g_new0 (MkLogFilter, 1);

  if (filter == NULL)
    return copy;

  *copy = *filter;
  copy->user_id = g_strdup (filter->user_id);
  copy->action = g_strdup (filter->action);
  copy->search = g_strdup (filter->search);
  copy->since = g_strdup (filter->since);
  copy->until = g_strdup (filter->until);
  return copy;
}

void
mk_log_filter_free (MkLogFilter *filter)
{
  if (filter == NULL)
    return;

  g_free ((char *)filter->user_id);
  g_free ((char *)filter->action);
  g_free ((char *)filter->search);
  g_free ((char *)filter->since);
  g_free ((char *)filter->until);
  g_free (filter);
}

gboolean
mk_log_filter_matches (const MkLogFilter *filter,
                       MkLogEntry        *entry)
{
  const char *created_at = mk_log_entry_get_created_at (entry);

  g_return_val_if_fail (MK_IS_LOG_ENTRY (entry), FALSE);

  if (filter == NULL)
    return TRUE;
  if (filter->user_id != NULL &&
      g_strcmp0 (filter->user_id, mk_log_entry_get_user_id (entry)) != 0)
    return FALSE;
  if (filter->platform != MK_PLATFORM_NONE &&
      filter->platform != mk_log_entry_get_platform (entry))
    return FALSE;
  if (filter->action != NULL &&
      g_strcmp0 (filter->action, mk_log_entry_get_action (entry)) != 0)
    return FALSE;
  if (filter->has_status && filter->status != mk_log_entry_get_status (entry))
    return FALSE;
  if (filter->since != NULL && g_strcmp0 (created_at, filter->since) < 0)
    return FALSE;
  if (filter->until != NULL && g_strcmp0 (created_at, filter->until) >= 0)
    return FALSE;
  if (filter->search != NULL)
    {
      g_autofree char *match = build_match (filter->search);
      const char *message = mk_log_entry_get_message (entry);

      /* Each search word a prefix of some word of the message, folded:
       * what the prefix query on logs_fts finds. */
      if (match != NULL &&
          (message == NULL || !g_str_match_string (filter->search, message, FALSE)))
        return FALSE;
    }

  return TRUE;
}

/* The WHERE clause holds only the filters in use, so that SQLite can pick
 * the matching (user_id, column…, created_at, id) index; each shape is
 * prepared once and cached by its text. Parameters keep fixed numbers:
 *   ?1 user_id  ?2 platform  ?3 action  ?4 status  ?5/?6 before  ?7 limit
 *   ?8 search   ?9 since     ?10 until */
static char *
build_where (const MkLogFilter *filter,
             gboolean           paged)
{
  GString *where = g_string_new ("1");
  g_autofree char *match = filter != NULL ? build_match (filter->search) : NULL;

  if (filter != NULL && filter->user_id != NULL)
    g_string_append (where, " AND user_id = ?1");
  if (filter != NULL && filter->platform != MK_PLATFORM_NONE)
    g_string_append (where, " AND platform = ?2");
  if (filter != NULL && filter->action != NULL)
    g_string_append (where, " AND action = ?3");
  if (filter != NULL && filter->has_status)
    g_string_append (where, " AND status = ?4");
  if (filter != NULL && filter->since != NULL)
    g_string_append (where, " AND created_at >= ?9");
  if (filter != NULL && filter->until != NULL)
    g_string_append (where, " AND created_at < ?10");
  if (match != NULL)
    g_string_append (where, " AND rowid IN (SELECT rowid FROM logs_fts WHERE logs_fts MATCH ?8)");
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
  mk_stmt_bind_text (stmt, 9, filter->since);
  mk_stmt_bind_text (stmt, 10, filter->until);
  if (filter->search != NULL)
    {
      g_autofree char *match = build_match (filter->search);
      mk_stmt_bind_text (stmt, 8, match);
    }
}

/* The page query for @columns, prepared (cached) and bound. */
static MkStmt *
prepare_page (MkDatabase         *db,
              const char         *columns,
              const MkLogFilter  *filter,
              const char         *before_created_at,
              const char         *before_id,
              guint               limit,
              GError            **error)
{
  gboolean paged = before_created_at != NULL;
  g_autofree char *where = build_where (filter, paged);
  g_autofree char *sql = NULL;
  MkStmt *stmt;

  sql = g_strconcat ("SELECT ", columns, " FROM logs WHERE ", where,
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

  return stmt;
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
  int rc;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);
  g_return_val_if_fail ((before_created_at == NULL) == (before_id == NULL), NULL);

  stmt = prepare_page (db, COLUMNS, filter, before_created_at, before_id, limit, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = mk_database_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));

  return rc == SQLITE_DONE ? g_steal_pointer (&entries) : NULL;
}

/* Copies the strings after the struct, each once; NULL stays NULL. */
static MkLogRow *
row_new (const char * const *values,
         const gsize        *lengths,
         MkPlatform          platform,
         MkLogStatus         status)
{
  gsize size = sizeof (MkLogRow);
  const char **fields[4];
  MkLogRow *row;
  char *p;

  for (guint i = 0; i < 4; i++)
    size += values[i] != NULL ? lengths[i] + 1 : 0;

  row = g_malloc (size);
  fields[0] = &row->id;
  fields[1] = &row->action;
  fields[2] = &row->message;
  fields[3] = &row->created_at;
  p = (char *)(row + 1);
  for (guint i = 0; i < 4; i++)
    {
      if (values[i] == NULL)
        {
          *fields[i] = NULL;
          continue;
        }
      memcpy (p, values[i], lengths[i]);
      p[lengths[i]] = '\0';
      *fields[i] = p;
      p += lengths[i] + 1;
    }
  row->platform = platform;
  row->status = status;

  return row;
}

MkLogRow *
mk_log_row_new_from_entry (MkLogEntry *entry)
{
  const char *values[4];
  gsize lengths[4];

  g_return_val_if_fail (MK_IS_LOG_ENTRY (entry), NULL);

  values[0] = mk_log_entry_get_id (entry);
  values[1] = mk_log_entry_get_action (entry);
  values[2] = mk_log_entry_get_message (entry);
  values[3] = mk_log_entry_get_created_at (entry);
  for (guint i = 0; i < 4; i++)
    lengths[i] = values[i] != NULL ? strlen (values[i]) : 0;

  return row_new (values, lengths, mk_log_entry_get_platform (entry),
                  mk_log_entry_get_status (entry));
}

MkLogEntry *
mk_log_row_to_entry (const MkLogRow *row)
{
  g_return_val_if_fail (row != NULL, NULL);

  return mk_log_entry_new_full (row->id, NULL, row->platform, row->action, row->status,
                                row->message, NULL, NULL, NULL, row->created_at);
}

#define ROW_COLUMNS "id, action, message, created_at, platform, status"

GPtrArray *
mk_store_logs_list_rows (MkStore           *store,
                         const MkLogFilter *filter,
                         const char        *before_created_at,
                         const char        *before_id,
                         guint              limit,
                         GError           **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int rc;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);
  g_return_val_if_fail ((before_created_at == NULL) == (before_id == NULL), NULL);

  stmt = prepare_page (db, ROW_COLUMNS, filter, before_created_at, before_id, limit, error);
  if (stmt == NULL)
    return NULL;

  rows = g_ptr_array_new_full (CLAMP (limit, 1, MAX_PAGE), g_free);
  while ((rc = mk_database_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *values[4];
      gsize lengths[4];
      MkPlatform platform = MK_PLATFORM_NONE;
      MkLogStatus status = MK_LOG_STATUS_SUCCESS;

      /* Text first, then its length: the order SQLite asks for. */
      for (int c = 0; c < 4; c++)
        {
          values[c] = (const char *)sqlite3_column_text (stmt, c);
          lengths[c] = sqlite3_column_bytes (stmt, c);
        }
      mk_platform_from_string ((const char *)sqlite3_column_text (stmt, 4), &platform);
      mk_log_status_from_string ((const char *)sqlite3_column_text (stmt, 5), &status);
      g_ptr_array_add (rows, row_new (values, lengths, platform, status));
    }

  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}

MkLogEntry *
mk_store_logs_get (MkStore     *store,
                   const char  *id,
                   GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = mk_database_prepare (db, "SELECT " COLUMNS " FROM logs WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, id);
  rc = mk_database_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    return entry_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND,
                 _("This log entry no longer exists"));
  return NULL;
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

#define PURGE_BATCH 5000

/* One batch: the search-index entries first (an external-content FTS
 * table needs the old text to forget it), then the rows. */
static gint64
purge_batch (MkDatabase  *db,
             const char  *older_than,
             GError     **error)
{
  g_autoptr(MkStmt) unindex = NULL;
  g_autoptr(MkStmt) delete = NULL;
  gint64 deleted;

#define BATCH "SELECT rowid FROM logs WHERE created_at < ?1 ORDER BY created_at LIMIT " G_STRINGIFY (PURGE_BATCH)
  unindex = mk_database_prepare (db,
                                 "INSERT INTO logs_fts (logs_fts, rowid, message)"
                                 " SELECT 'delete', rowid, message FROM logs"
                                 " WHERE rowid IN (" BATCH ") AND message IS NOT NULL",
                                 error);
  if (unindex == NULL)
    return -1;
  delete = mk_database_prepare (db, "DELETE FROM logs WHERE rowid IN (" BATCH ")", error);
  if (delete == NULL)
    return -1;
#undef BATCH

  mk_stmt_bind_text (unindex, 1, older_than);
  mk_stmt_bind_text (delete, 1, older_than);

  if (!mk_database_begin (db, error))
    return -1;
  if (!mk_database_run (db, unindex, error) ||
      !mk_database_run (db, delete, error))
    {
      mk_database_rollback (db, NULL);
      return -1;
    }
  deleted = mk_database_changes (db);
  if (!mk_database_commit (db, error))
    {
      mk_database_rollback (db, NULL);
      return -1;
    }

  return deleted;
}

gint64
mk_store_logs_purge (MkStore       *store,
                     const char    *older_than,
                     GCancellable  *cancellable,
                     GError       **error)
{
  MkDatabase *db = mk_store_get_database (store);
  gint64 total = 0;
  gint64 deleted;

  g_return_val_if_fail (MK_IS_STORE (store), -1);
  g_return_val_if_fail (older_than != NULL, -1);

  do
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
      deleted = purge_batch (db, older_than, error);
      if (deleted < 0)
        return -1;
      total += deleted;
    }
  while (deleted == PURGE_BATCH);

  return total;
}

GStrv
mk_store_logs_list_actions (MkStore     *store,
                            const char  *user_id,
                            GError     **error)
{
  MkDatabase *db = mk_store_get_database (store);
  g_autoptr(MkStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) actions = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);

  /* A skip-scan: one index seek per distinct action, instead of a
   * SELECT DISTINCT that would read every row of a big table. */
  if (user_id != NULL)
    stmt = mk_database_prepare (db,
                                "WITH RECURSIVE a (x) AS ("
                                " SELECT min (action) FROM logs WHERE user_id = ?1"
                                " UNION ALL"
                                " SELECT (SELECT min (action) FROM logs WHERE user_id = ?1 AND action > x)"
                                " FROM a WHERE x IS NOT NULL)"
                                " SELECT x FROM a WHERE x IS NOT NULL",
                                error);
  else
    stmt = mk_database_prepare (db,
                                "WITH RECURSIVE a (x) AS ("
                                " SELECT min (action) FROM logs"
                                " UNION ALL"
                                " SELECT (SELECT min (action) FROM logs WHERE action > x)"
                                " FROM a WHERE x IS NOT NULL)"
                                " SELECT x FROM a WHERE x IS NOT NULL",
                                error);
  if (stmt == NULL)
    return NULL;

  mk_stmt_bind_text (stmt, 1, user_id);
  while ((rc = mk_database_step (db, stmt, error)) == SQLITE_ROW)
    g_strv_builder_add (actions, mk_stmt_column_text (stmt, 0));

  return rc == SQLITE_DONE ? g_strv_builder_end (actions) : NULL;
}
