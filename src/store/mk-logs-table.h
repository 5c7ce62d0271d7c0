/* mk-logs-table.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-log-entry.h"

G_BEGIN_DECLS

typedef struct _MkStore MkStore;

/* The one way every layer writes a logs row. Secrets are redacted here, so
 * callers need not: @message through mk_redact_text(), the payloads through
 * mk_redact_json_text() (which also turns text that is not JSON into a JSON
 * string). @user_id, @message, @request_json, @response_json and
 * @ip_address may be NULL; @platform may be MK_PLATFORM_NONE. */
gboolean    mk_store_log             (MkStore      *store,
                                      const char   *user_id,
                                      MkPlatform    platform,
                                      const char   *action,
                                      MkLogStatus   status,
                                      const char   *message,
                                      const char   *request_json,
                                      const char   *response_json,
                                      const char   *ip_address,
                                      GError      **error);

/* The same for a prepared entry (e.g. demo data with an older created_at);
 * redacts the same way and fills in id and created_at when NULL. */
gboolean    mk_store_logs_insert     (MkStore      *store,
                                      MkLogEntry   *entry,
                                      GError      **error);

/* Which rows to show. Zero-initialise it: NULL / MK_PLATFORM_NONE /
 * has_status = FALSE mean "any".
 *
 * @search: words that must all start a word of the message, in any case and
 *   accent ("rate lim" finds "Rate limit reached"); searched through the
 *   logs_fts index, never with LIKE
 * @since, @until: timestamps ("2026-11-24T18:20:00Z"); rows with
 *   since <= created_at < until */
typedef struct {
  const char  *user_id;
  MkPlatform   platform;
  const char  *action;
  gboolean     has_status;
  MkLogStatus  status;
  const char  *search;
  const char  *since;
  const char  *until;
} MkLogFilter;

/* A deep copy (NULL copies as "any row"), freed with mk_log_filter_free(). */
MkLogFilter *mk_log_filter_copy      (const MkLogFilter *filter);
void        mk_log_filter_free       (MkLogFilter       *filter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkLogFilter, mk_log_filter_free)

/* Whether @entry passes @filter, decided in C the way the SQL decides it
 * (for rows that arrive live through MkStore::log-added). */
gboolean    mk_log_filter_matches    (const MkLogFilter *filter,
                                      MkLogEntry        *entry);

/* One page of MkLogEntry, newest first (created_at DESC, id DESC). For the
 * first page pass NULL for both @before_created_at and @before_id; for the
 * next, the created_at and id of the last entry of the previous page.
 * @filter may be NULL. */
GPtrArray  *mk_store_logs_list_page  (MkStore           *store,
                                      const MkLogFilter *filter,
                                      const char        *before_created_at,
                                      const char        *before_id,
                                      guint              limit,
                                      GError           **error);
/* A row of the log as a list shows it: no payloads, user or address.
 * One allocation holds the strings too; free it with g_free(). */
typedef struct {
  const char  *id;
  const char  *action;
  const char  *message;     /* may be NULL */
  const char  *created_at;
  MkPlatform   platform;
  MkLogStatus  status;
} MkLogRow;

MkLogRow   *mk_log_row_new_from_entry (MkLogEntry       *entry);
/* An entry with the row's fields only (the others NULL), for a list. */
MkLogEntry *mk_log_row_to_entry      (const MkLogRow    *row);

/* mk_store_logs_list_page() for a list: a page of MkLogRow (the array
 * frees them). */
GPtrArray  *mk_store_logs_list_rows  (MkStore           *store,
                                      const MkLogFilter *filter,
                                      const char        *before_created_at,
                                      const char        *before_id,
                                      guint              limit,
                                      GError           **error);
/* The whole entry of row @id, payloads included; NULL with
 * MK_STORE_ERROR_NOT_FOUND when it is gone. */
MkLogEntry *mk_store_logs_get        (MkStore           *store,
                                      const char        *id,
                                      GError           **error);
/* -1 on error. */
gint64      mk_store_logs_count      (MkStore           *store,
                                      const MkLogFilter *filter,
                                      GError           **error);

/* Deletes every row with created_at < @older_than (a timestamp), in
 * batches so that other writers are never kept waiting long. Returns how
 * many rows went, or -1 on error. Meant for a worker thread's own store. */
gint64      mk_store_logs_purge      (MkStore           *store,
                                      const char        *older_than,
                                      GCancellable      *cancellable,
                                      GError           **error);

/* The distinct actions of @user_id's rows (all rows when NULL), sorted. */
GStrv       mk_store_logs_list_actions (MkStore         *store,
                                        const char      *user_id,
                                        GError         **error);

G_END_DECLS
