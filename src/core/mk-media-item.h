/* mk-media-item.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include "mk-enums.h"

G_BEGIN_DECLS

/* What the platform calls the item. The string forms are the database's. */
typedef enum {
  MK_MEDIA_TYPE_IMAGE,
  MK_MEDIA_TYPE_VIDEO,
  MK_MEDIA_TYPE_CAROUSEL,   /* Instagram CAROUSEL_ALBUM */
  MK_MEDIA_TYPE_REEL,       /* Instagram media_product_type REELS */
  MK_MEDIA_TYPE_SHORT,      /* YouTube Shorts */
  MK_MEDIA_TYPE_STORY,
  MK_MEDIA_TYPE_POST,       /* a Facebook post: /posts does not say photo, video or text */
} MkMediaType;

#define MK_TYPE_MEDIA_TYPE (mk_media_type_get_type ())
GType        mk_media_type_get_type         (void) G_GNUC_CONST;
/* "image", "video", "carousel", "reel", "short", "story", "post" */
const char  *mk_media_type_to_string        (MkMediaType  type);
gboolean     mk_media_type_from_string      (const char  *str,
                                             MkMediaType *out_type);
/* "Photo", "Video", "Carousel", … translated, for badges. */
const char  *mk_media_type_get_display_name (MkMediaType  type);

/* One post or video of a connected account: one row of `media_items`.
 * Counts are -1 when unknown (hidden likes, comments off) and NULL in the
 * database; unknown is never 0. */

#define MK_TYPE_MEDIA_ITEM (mk_media_item_get_type ())

G_DECLARE_FINAL_TYPE (MkMediaItem, mk_media_item, MK, MEDIA_ITEM, GObject)

MkMediaItem *mk_media_item_new      (void);
MkMediaItem *mk_media_item_copy     (MkMediaItem  *self);
gboolean     mk_media_item_validate (MkMediaItem  *self,
                                     GError      **error);
const char  *mk_media_item_get_id (MkMediaItem *self);
void         mk_media_item_set_id (MkMediaItem *self,
                                   const char *value);
const char  *mk_media_item_get_user_id (MkMediaItem *self);
void         mk_media_item_set_user_id (MkMediaItem *self,
                                        const char *value);
MkPlatform   mk_media_item_get_platform (MkMediaItem *self);
void         mk_media_item_set_platform (MkMediaItem *self,
                                         MkPlatform value);
const char  *mk_media_item_get_platform_media_id (MkMediaItem *self);
void         mk_media_item_set_platform_media_id (MkMediaItem *self,
                                                  const char *value);
MkMediaType  mk_media_item_get_media_type (MkMediaItem *self);
void         mk_media_item_set_media_type (MkMediaItem *self,
                                           MkMediaType value);
const char  *mk_media_item_get_caption (MkMediaItem *self);
void         mk_media_item_set_caption (MkMediaItem *self,
                                        const char *value);
const char  *mk_media_item_get_permalink (MkMediaItem *self);
void         mk_media_item_set_permalink (MkMediaItem *self,
                                          const char *value);
const char  *mk_media_item_get_thumbnail_url (MkMediaItem *self);
void         mk_media_item_set_thumbnail_url (MkMediaItem *self,
                                              const char *value);
const char  *mk_media_item_get_thumbnail_file (MkMediaItem *self);
void         mk_media_item_set_thumbnail_file (MkMediaItem *self,
                                               const char *value);
gint64       mk_media_item_get_like_count (MkMediaItem *self);
void         mk_media_item_set_like_count (MkMediaItem *self,
                                           gint64 value);
gint64       mk_media_item_get_comment_count (MkMediaItem *self);
void         mk_media_item_set_comment_count (MkMediaItem *self,
                                              gint64 value);
gint64       mk_media_item_get_share_count (MkMediaItem *self);
void         mk_media_item_set_share_count (MkMediaItem *self,
                                            gint64 value);
gint64       mk_media_item_get_view_count (MkMediaItem *self);
void         mk_media_item_set_view_count (MkMediaItem *self,
                                           gint64 value);
const char  *mk_media_item_get_published_at (MkMediaItem *self);
void         mk_media_item_set_published_at (MkMediaItem *self,
                                             const char *value);
const char  *mk_media_item_get_fetched_at (MkMediaItem *self);
void         mk_media_item_set_fetched_at (MkMediaItem *self,
                                           const char *value);

G_END_DECLS
