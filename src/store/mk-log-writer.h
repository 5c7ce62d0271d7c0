/* mk-log-writer.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-store.h"

G_BEGIN_DECLS

/* Logs rows written in batches by a thread of its own, with its own
 * connection to @store's file, for the high-volume rows (one per platform
 * request) whose fsync each would otherwise stall the main loop. Rows keep
 * the order in which they were given (id and created_at are set then);
 * each batch — what arrived within 50 ms, or 200 rows — is one
 * transaction, written through mk_store_logs_insert(), so redaction and
 * the search index work exactly as for mk_store_log(). After each commit,
 * MkStore::log-added is emitted on @store, in the thread-default main
 * context of the thread that created the writer.
 *
 * Single rows a person waits on (sign-in, edits) stay with mk_store_log().
 * Disposing the writer flushes it. */

#define MK_TYPE_LOG_WRITER (mk_log_writer_get_type ())

G_DECLARE_FINAL_TYPE (MkLogWriter, mk_log_writer, MK, LOG_WRITER, GObject)

MkLogWriter *mk_log_writer_new          (MkStore             *store);

/* Like mk_store_log(), but queued; safe from any thread. */
void         mk_log_writer_log          (MkLogWriter         *self,
                                         const char          *user_id,
                                         MkPlatform           platform,
                                         const char          *action,
                                         MkLogStatus          status,
                                         const char          *message,
                                         const char          *request_json,
                                         const char          *response_json,
                                         const char          *ip_address);

/* Resolves once every row queued before the call is committed and its
 * log-added emitted. Never fails: a row that could not be written was
 * reported with g_warning(). */
void         mk_log_writer_flush_async  (MkLogWriter         *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean     mk_log_writer_flush_finish (MkLogWriter         *self,
                                         GAsyncResult        *result,
                                         GError             **error);

/* The same, blocking: for the command line before it exits, and tests.
 * Called in the writer's main context, it also emits the pending
 * log-added signals before returning. */
void         mk_log_writer_flush        (MkLogWriter         *self);

/* Batch limits (50 ms and 200 rows by default): tests use a long delay to
 * see that nothing is written row by row. */
void         mk_log_writer_set_batch    (MkLogWriter         *self,
                                         guint                delay_ms,
                                         guint                max_rows);

G_END_DECLS
