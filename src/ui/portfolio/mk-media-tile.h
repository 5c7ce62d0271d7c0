/* mk-media-tile.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mk-media-item.h"

G_BEGIN_DECLS

#define MK_TYPE_MEDIA_TILE (mk_media_tile_get_type ())

G_DECLARE_FINAL_TYPE (MkMediaTile, mk_media_tile, MK, MEDIA_TILE, AdwBin)

GtkWidget   *mk_media_tile_new           (void);
/* @thumbnail_dir: where the item's thumbnail_file is; the picture is
 * decoded in a worker thread, a placeholder shows meanwhile. */
void         mk_media_tile_set_item      (MkMediaTile *self,
                                          MkMediaItem *item,
                                          const char  *thumbnail_dir);
MkMediaItem *mk_media_tile_get_item      (MkMediaTile *self);
/* TRUE once the thumbnail is shown rather than the placeholder. */
gboolean     mk_media_tile_has_thumbnail (MkMediaTile *self);
/* "Instagram reel, 1,204 likes, 58 comments: <caption>" */
char        *mk_media_tile_dup_description (MkMediaItem *item);

G_END_DECLS
