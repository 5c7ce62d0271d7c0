/* mk-thumbnail-loader.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Decodes a cached thumbnail in a worker thread, scaled to fit @size × @size
 * pixels, into a texture; the main thread only receives the result. */
void        mk_thumbnail_load_async   (const char          *path,
                                       int                  size,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
GdkTexture *mk_thumbnail_load_finish  (GAsyncResult        *result,
                                       GError             **error);

/* How many decodes ran on the thread that asked for them (it should be
 * none), and how many ran at all. For tests. */
guint       mk_thumbnail_get_main_thread_decodes (void);
guint       mk_thumbnail_get_decodes             (void);

G_END_DECLS
