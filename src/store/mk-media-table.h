/* mk-media-table.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-media-item.h"

G_BEGIN_DECLS

typedef struct _MkStore MkStore;

/* In one transaction, @user_id's media on @platform become exactly @items
 * (MkMediaItem): rows not in @items are deleted, the others inserted or
 * updated, matched on platform_media_id. A row that stays keeps its id and
 * its thumbnail_file (the download is not repeated), unless the item
 * brings a thumbnail_file of its own. Items get their id, user_id,
 * platform and fetched_at filled in. All-or-nothing: one invalid item and
 * nothing changes. */
gboolean   mk_store_media_replace            (MkStore     *store,
                                              const char  *user_id,
                                              MkPlatform   platform,
                                              GPtrArray   *items,
                                              GError     **error);
/* MkMediaItem newest first (undated last); MK_PLATFORM_NONE for all
 * platforms; @limit 0 for no limit. */
GPtrArray *mk_store_media_list               (MkStore     *store,
                                              const char  *user_id,
                                              MkPlatform   platform,
                                              guint        limit,
                                              GError     **error);
/* @file: a bare name in the thumbnail cache dir, or NULL to forget it.
 * NOT_FOUND when the row is gone (replaced by a newer fetch meanwhile). */
gboolean   mk_store_media_set_thumbnail_file (MkStore     *store,
                                              const char  *media_id,
                                              const char  *file,
                                              GError     **error);

G_END_DECLS
