/* mk-log-export.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-store.h"

G_BEGIN_DECLS

typedef enum {
  MK_LOG_EXPORT_JSON_LINES,
  MK_LOG_EXPORT_CSV,
} MkLogExportFormat;

/* Writes the rows that pass @filter, newest first, to @path: one JSON
 * object per line (payloads as JSON values), or CSV per RFC 4180 (UTF-8,
 * CRLF, a header row). The rows are what the table holds — redacted when
 * they were written; nothing is added back. The file is written beside
 * @path under a temporary name and renamed, so @path never holds half an
 * export. Returns the number of rows, or -1 with @error set. */
gint64  mk_log_export_write        (MkStore             *store,
                                    const MkLogFilter   *filter,
                                    MkLogExportFormat    format,
                                    const char          *path,
                                    GCancellable        *cancellable,
                                    GError             **error);

/* The same in a thread, on its own connection to the database at
 * @db_path (mk_store_get_path()). */
void    mk_log_export_write_async  (const char          *db_path,
                                    const MkLogFilter   *filter,
                                    MkLogExportFormat    format,
                                    const char          *path,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gint64  mk_log_export_write_finish (GAsyncResult        *result,
                                    GError             **error);

G_END_DECLS
