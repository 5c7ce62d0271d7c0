/* mk-thumbnail-cache.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-http.h"
#include "mk-media-item.h"

G_BEGIN_DECLS

/* Thumbnails of media items, downloaded a few at a time into one folder and
 * recorded in media_items.thumbnail_file (a bare file name). Files are named
 * by a hash of platform and media id, written to a temporary name and
 * renamed, and the folder is kept under a size cap by deleting the oldest
 * files (and forgetting them in the database). Disk and database work runs
 * on a worker thread with its own connection; each request leaves a
 * `fetch_thumbnail` logs row, its URL without the query string (CDN
 * signatures). The pixels are not decoded here: the UI does that, off the
 * main thread.
 *
 * Signal ::thumbnail-ready (const char *media_id, const char *path). */

#define MK_TYPE_THUMBNAIL_CACHE (mk_thumbnail_cache_get_type ())

G_DECLARE_FINAL_TYPE (MkThumbnailCache, mk_thumbnail_cache, MK, THUMBNAIL_CACHE, GObject)

MkThumbnailCache *mk_thumbnail_cache_new         (MkHttp           *http,
                                                  const char       *db_path,
                                                  const char       *user_id,
                                                  const char       *dir);
const char       *mk_thumbnail_cache_get_dir     (MkThumbnailCache *self);
void              mk_thumbnail_cache_set_cap     (MkThumbnailCache *self,
                                                  guint64           bytes);
/* The bare file name that @platform's @platform_media_id gets. */
char             *mk_thumbnail_cache_file_name   (MkPlatform        platform,
                                                  const char       *platform_media_id);

/* Downloads the thumbnails of @items (MkMediaItem, stored: they have ids)
 * that are not in the folder yet; those that are only get recorded. */
void              mk_thumbnail_cache_queue       (MkThumbnailCache *self,
                                                  GPtrArray        *items);
/* Drops what is queued and stops the downloads under way. */
void              mk_thumbnail_cache_cancel      (MkThumbnailCache *self);
gboolean          mk_thumbnail_cache_is_idle     (MkThumbnailCache *self);

/* Resolves once everything queued so far is written (or failed). */
void              mk_thumbnail_cache_wait_async  (MkThumbnailCache    *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean          mk_thumbnail_cache_wait_finish (MkThumbnailCache    *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
