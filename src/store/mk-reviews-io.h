/* mk-reviews-io.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-reviews-csv.h"

G_BEGIN_DECLS

/* The slow halves of CSV import and export, off the main thread. */

/* Reads and parses @file in a worker thread, for a preview. */
void                mk_reviews_io_load_async    (GFile               *file,
                                                 const char          *user_id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
MkReviewsCsvImport *mk_reviews_io_load_finish   (GAsyncResult        *result,
                                                 GError             **error);

/* Stores @reviews with mk_store_reviews_import() in a worker thread that
 * opens its own store on @db_path. @reviews must not change meanwhile. */
void                mk_reviews_io_import_async  (const char          *db_path,
                                                 const char          *user_id,
                                                 GPtrArray           *reviews,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean            mk_reviews_io_import_finish (GAsyncResult        *result,
                                                 GError             **error);

/* Writes @reviews as CSV to a temporary file renamed over @path, so @path is
 * never half-written. */
gboolean            mk_reviews_io_export_file   (GPtrArray           *reviews,
                                                 const char          *path,
                                                 GError             **error);

G_END_DECLS
