/* mk-media-item.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mk-media-item.h"
#include "mk-time.h"
#include "mk-validate.h"

G_DEFINE_ENUM_TYPE (MkMediaType, mk_media_type,
                    G_DEFINE_ENUM_VALUE (MK_MEDIA_TYPE_IMAGE, "image"),
                    G_DEFINE_ENUM_VALUE (MK_MEDIA_TYPE_VIDEO, "video"),
                    G_DEFINE_ENUM_VALUE (MK_MEDIA_TYPE_CAROUSEL, "carousel"),
                    G_DEFINE_ENUM_VALUE (MK_MEDIA_TYPE_REEL, "reel"),
                    G_DEFINE_ENUM_VALUE (MK_MEDIA_TYPE_SHORT, "short"),
                    G_DEFINE_ENUM_VALUE (MK_MEDIA_TYPE_STORY, "story"),
                    G_DEFINE_ENUM_VALUE (MK_MEDIA_TYPE_POST, "post"))

static const char * const media_type_strings[] = {
  "image", "video", "carousel", "reel", "short", "story", "post",
};

const char *
mk_media_type_to_string (MkMediaType type)
{
  g_return_val_if_fail ((guint)type < G_N_ELEMENTS (media_type_strings), NULL);
  return media_type_strings[type];
}

gboolean
mk_media_type_from_string (const char  *str,
                           MkMediaType *out_type)
{
  g_return_val_if_fail (out_type != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (media_type_strings); i++)
    if (g_strcmp0 (str, media_type_strings[i]) == 0)
      {
        *out_type = (MkMediaType)i;
        return TRUE;
      }
  return FALSE;
}

const char *
mk_media_type_get_display_name (MkMediaType type)
{
  switch (type)
    {
    case MK_MEDIA_TYPE_IMAGE:
      return _("Photo");
    case MK_MEDIA_TYPE_VIDEO:
      return _("Video");
    case MK_MEDIA_TYPE_CAROUSEL:
      return _("Carousel");
    case MK_MEDIA_TYPE_REEL:
      return _("Reel");
    case MK_MEDIA_TYPE_SHORT:
      return _("Short");
    case MK_MEDIA_TYPE_STORY:
      return _("Story");
    case MK_MEDIA_TYPE_POST:
      return _("Post");
    default:
      g_return_val_if_reached (NULL);
    }
}

struct _MkMediaItem
{
  GObject parent_instance;

  char *id;
  char *user_id;
  MkPlatform platform;
  char *platform_media_id;
  MkMediaType media_type;
  char *caption;
  char *permalink;
  char *thumbnail_url;
  char *thumbnail_file;
  gint64 like_count;
  gint64 comment_count;
  gint64 share_count;
  gint64 view_count;
  char *published_at;
  char *fetched_at;
};

G_DEFINE_FINAL_TYPE (MkMediaItem, mk_media_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USER_ID,
  PROP_PLATFORM,
  PROP_PLATFORM_MEDIA_ID,
  PROP_MEDIA_TYPE,
  PROP_CAPTION,
  PROP_PERMALINK,
  PROP_THUMBNAIL_URL,
  PROP_THUMBNAIL_FILE,
  PROP_LIKE_COUNT,
  PROP_COMMENT_COUNT,
  PROP_SHARE_COUNT,
  PROP_VIEW_COUNT,
  PROP_PUBLISHED_AT,
  PROP_FETCHED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
mk_media_item_finalize (GObject *object)
{
  MkMediaItem *self = (MkMediaItem *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->platform_media_id, g_free);
  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->permalink, g_free);
  g_clear_pointer (&self->thumbnail_url, g_free);
  g_clear_pointer (&self->thumbnail_file, g_free);
  g_clear_pointer (&self->published_at, g_free);
  g_clear_pointer (&self->fetched_at, g_free);

  G_OBJECT_CLASS (mk_media_item_parent_class)->finalize (object);
}

static void
mk_media_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MkMediaItem *self = MK_MEDIA_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_USER_ID:
      g_value_set_string (value, self->user_id);
      break;

    case PROP_PLATFORM:
      g_value_set_enum (value, self->platform);
      break;

    case PROP_PLATFORM_MEDIA_ID:
      g_value_set_string (value, self->platform_media_id);
      break;

    case PROP_MEDIA_TYPE:
      g_value_set_enum (value, self->media_type);
      break;

    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;

    case PROP_PERMALINK:
      g_value_set_string (value, self->permalink);
      break;

    case PROP_THUMBNAIL_URL:
      g_value_set_string (value, self->thumbnail_url);
      break;

    case PROP_THUMBNAIL_FILE:
      g_value_set_string (value, self->thumbnail_file);
      break;

    case PROP_LIKE_COUNT:
      g_value_set_int64 (value, self->like_count);
      break;

    case PROP_COMMENT_COUNT:
      g_value_set_int64 (value, self->comment_count);
      break;

    case PROP_SHARE_COUNT:
      g_value_set_int64 (value, self->share_count);
      break;

    case PROP_VIEW_COUNT:
      g_value_set_int64 (value, self->view_count);
      break;

    case PROP_PUBLISHED_AT:
      g_value_set_string (value, self->published_at);
      break;

    case PROP_FETCHED_AT:
      g_value_set_string (value, self->fetched_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_media_item_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MkMediaItem *self = MK_MEDIA_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      mk_media_item_set_id (self, g_value_get_string (value));
      break;

    case PROP_USER_ID:
      mk_media_item_set_user_id (self, g_value_get_string (value));
      break;

    case PROP_PLATFORM:
      mk_media_item_set_platform (self, g_value_get_enum (value));
      break;

    case PROP_PLATFORM_MEDIA_ID:
      mk_media_item_set_platform_media_id (self, g_value_get_string (value));
      break;

    case PROP_MEDIA_TYPE:
      mk_media_item_set_media_type (self, g_value_get_enum (value));
      break;

    case PROP_CAPTION:
      mk_media_item_set_caption (self, g_value_get_string (value));
      break;

    case PROP_PERMALINK:
      mk_media_item_set_permalink (self, g_value_get_string (value));
      break;

    case PROP_THUMBNAIL_URL:
      mk_media_item_set_thumbnail_url (self, g_value_get_string (value));
      break;

    case PROP_THUMBNAIL_FILE:
      mk_media_item_set_thumbnail_file (self, g_value_get_string (value));
      break;

    case PROP_LIKE_COUNT:
      mk_media_item_set_like_count (self, g_value_get_int64 (value));
      break;

    case PROP_COMMENT_COUNT:
      mk_media_item_set_comment_count (self, g_value_get_int64 (value));
      break;

    case PROP_SHARE_COUNT:
      mk_media_item_set_share_count (self, g_value_get_int64 (value));
      break;

    case PROP_VIEW_COUNT:
      mk_media_item_set_view_count (self, g_value_get_int64 (value));
      break;

    case PROP_PUBLISHED_AT:
      mk_media_item_set_published_at (self, g_value_get_string (value));
      break;

    case PROP_FETCHED_AT:
      mk_media_item_set_fetched_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_media_item_class_init (MkMediaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_media_item_finalize;
  object_class->get_property = mk_media_item_get_property;
  object_class->set_property = mk_media_item_set_property;

  /* Lower-case UUID; the store makes one on insert when NULL. */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_USER_ID] =
    g_param_spec_string ("user-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PLATFORM] =
    g_param_spec_enum ("platform", NULL, NULL, MK_TYPE_PLATFORM, MK_PLATFORM_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The platform's own id of the post or video. */
  properties [PROP_PLATFORM_MEDIA_ID] =
    g_param_spec_string ("platform-media-id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MEDIA_TYPE] =
    g_param_spec_enum ("media-type", NULL, NULL, MK_TYPE_MEDIA_TYPE, MK_MEDIA_TYPE_IMAGE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Untrusted text from the platform: escape before showing it as markup. */
  properties [PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PERMALINK] =
    g_param_spec_string ("permalink", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Signed, expiring CDN address: where to download from, not a permanent link. */
  properties [PROP_THUMBNAIL_URL] =
    g_param_spec_string ("thumbnail-url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A file name inside the thumbnail cache directory; NULL until downloaded. */
  properties [PROP_THUMBNAIL_FILE] =
    g_param_spec_string ("thumbnail-file", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Likes (Facebook: reactions); -1 when hidden or unknown. */
  properties [PROP_LIKE_COUNT] =
    g_param_spec_int64 ("like-count", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* -1 when comments are off or unknown. */
  properties [PROP_COMMENT_COUNT] =
    g_param_spec_int64 ("comment-count", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Facebook shares; -1 elsewhere. */
  properties [PROP_SHARE_COUNT] =
    g_param_spec_int64 ("share-count", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* -1 when the platform does not report views. */
  properties [PROP_VIEW_COUNT] =
    g_param_spec_int64 ("view-count", NULL, NULL, G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* ISO 8601 UTC; NULL when the platform did not say. */
  properties [PROP_PUBLISHED_AT] =
    g_param_spec_string ("published-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* ISO 8601 UTC; the store fills it when NULL. */
  properties [PROP_FETCHED_AT] =
    g_param_spec_string ("fetched-at", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mk_media_item_init (MkMediaItem *self)
{
  self->platform = MK_PLATFORM_NONE;
  self->media_type = MK_MEDIA_TYPE_IMAGE;
  self->like_count = -1;
  self->comment_count = -1;
  self->share_count = -1;
  self->view_count = -1;
}

MkMediaItem *
mk_media_item_new (void)
{
  return g_object_new (MK_TYPE_MEDIA_ITEM, NULL);
}

MkMediaItem *
mk_media_item_copy (MkMediaItem *self)
{
  MkMediaItem *copy;

  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), NULL);

  copy = mk_media_item_new ();
  mk_media_item_set_id (copy, self->id);
  mk_media_item_set_user_id (copy, self->user_id);
  mk_media_item_set_platform (copy, self->platform);
  mk_media_item_set_platform_media_id (copy, self->platform_media_id);
  mk_media_item_set_media_type (copy, self->media_type);
  mk_media_item_set_caption (copy, self->caption);
  mk_media_item_set_permalink (copy, self->permalink);
  mk_media_item_set_thumbnail_url (copy, self->thumbnail_url);
  mk_media_item_set_thumbnail_file (copy, self->thumbnail_file);
  mk_media_item_set_like_count (copy, self->like_count);
  mk_media_item_set_comment_count (copy, self->comment_count);
  mk_media_item_set_share_count (copy, self->share_count);
  mk_media_item_set_view_count (copy, self->view_count);
  mk_media_item_set_published_at (copy, self->published_at);
  mk_media_item_set_fetched_at (copy, self->fetched_at);

  return copy;
}

const char *
mk_media_item_get_id (MkMediaItem *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), NULL);

  return self->id;
}

void
mk_media_item_set_id (MkMediaItem *self,
                      const char * value)
{
  g_return_if_fail (MK_IS_MEDIA_ITEM (self));

  if (g_strcmp0 (self->id, value) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char *
mk_media_item_get_user_id (MkMediaItem *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), NULL);

  return self->user_id;
}

void
mk_media_item_set_user_id (MkMediaItem *self,
                           const char * value)
{
  g_return_if_fail (MK_IS_MEDIA_ITEM (self));

  if (g_strcmp0 (self->user_id, value) == 0)
    return;

  g_free (self->user_id);
  self->user_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USER_ID]);
}

MkPlatform
mk_media_item_get_platform (MkMediaItem *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), 0);

  return self->platform;
}

void
mk_media_item_set_platform (MkMediaItem *self,
                            MkPlatform value)
{
  g_return_if_fail (MK_IS_MEDIA_ITEM (self));

  if (self->platform == value)
    return;

  self->platform = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLATFORM]);
}

const char *
mk_media_item_get_platform_media_id (MkMediaItem *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), NULL);

  return self->platform_media_id;
}

void
mk_media_item_set_platform_media_id (MkMediaItem *self,
                                     const char * value)
{
  g_return_if_fail (MK_IS_MEDIA_ITEM (self));

  if (g_strcmp0 (self->platform_media_id, value) == 0)
    return;

  g_free (self->platform_media_id);
  self->platform_media_id = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLATFORM_MEDIA_ID]);
}

MkMediaType
mk_media_item_get_media_type (MkMediaItem *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), 0);

  return self->media_type;
}

void
mk_media_item_set_media_type (MkMediaItem *self,
                              MkMediaType value)
{
  g_return_if_fail (MK_IS_MEDIA_ITEM (self));

  if (self->media_type == value)
    return;

  self->media_type = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEDIA_TYPE]);
}

const char *
mk_media_item_get_caption (MkMediaItem *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), NULL);

  return self->caption;
}

void
mk_media_item_set_caption (MkMediaItem *self,
                           const char * value)
{
  g_return_if_fail (MK_IS_MEDIA_ITEM (self));

  if (g_strcmp0 (self->caption, value) == 0)
    return;

  g_free (self->caption);
  self->caption = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAPTION]);
}

const char *
mk_media_item_get_permalink (MkMediaItem *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), NULL);

  return self->permalink;
}

void
mk_media_item_set_permalink (MkMediaItem *self,
                             const char * value)
{
  g_return_if_fail (MK_IS_MEDIA_ITEM (self));

  if (g_strcmp0 (self->permalink, value) == 0)
    return;

  g_free (self->permalink);
  self->permalink = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERMALINK]);
}

const char *
mk_media_item_get_thumbnail_url (MkMediaItem *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), NULL);

  return self->thumbnail_url;
}

void
mk_media_item_set_thumbnail_url (MkMediaItem *self,
                                 const char * value)
{
  g_return_if_fail (MK_IS_MEDIA_ITEM (self));

  if (g_strcmp0 (self->thumbnail_url, value) == 0)
    return;

  g_free (self->thumbnail_url);
  self->thumbnail_url = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_THUMBNAIL_URL]);
}

const char *
mk_media_item_get_thumbnail_file (MkMediaItem *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), NULL);

  return self->thumbnail_file;
}

void
mk_media_item_set_thumbnail_file (MkMediaItem *self,
                                  const char * value)
{
  g_return_if_fail (MK_IS_MEDIA_ITEM (self));

  if (g_strcmp0 (self->thumbnail_file, value) == 0)
    return;

  g_free (self->thumbnail_file);
  self->thumbnail_file = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_THUMBNAIL_FILE]);
}

gint64
mk_media_item_get_like_count (MkMediaItem *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), -1);

  return self->like_count;
}

void
mk_media_item_set_like_count (MkMediaItem *self,
                              gint64 value)
{
  g_return_if_fail (MK_IS_MEDIA_ITEM (self));

  if (self->like_count == value)
    return;

  self->like_count = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIKE_COUNT]);
}

gint64
mk_media_item_get_comment_count (MkMediaItem *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), -1);

  return self->comment_count;
}

void
mk_media_item_set_comment_count (MkMediaItem *self,
                                 gint64 value)
{
  g_return_if_fail (MK_IS_MEDIA_ITEM (self));

  if (self->comment_count == value)
    return;

  self->comment_count = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMMENT_COUNT]);
}

gint64
mk_media_item_get_share_count (MkMediaItem *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), -1);

  return self->share_count;
}

void
mk_media_item_set_share_count (MkMediaItem *self,
                               gint64 value)
{
  g_return_if_fail (MK_IS_MEDIA_ITEM (self));

  if (self->share_count == value)
    return;

  self->share_count = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHARE_COUNT]);
}

gint64
mk_media_item_get_view_count (MkMediaItem *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), -1);

  return self->view_count;
}

void
mk_media_item_set_view_count (MkMediaItem *self,
                              gint64 value)
{
  g_return_if_fail (MK_IS_MEDIA_ITEM (self));

  if (self->view_count == value)
    return;

  self->view_count = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VIEW_COUNT]);
}

const char *
mk_media_item_get_published_at (MkMediaItem *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), NULL);

  return self->published_at;
}

void
mk_media_item_set_published_at (MkMediaItem *self,
                                const char * value)
{
  g_return_if_fail (MK_IS_MEDIA_ITEM (self));

  if (g_strcmp0 (self->published_at, value) == 0)
    return;

  g_free (self->published_at);
  self->published_at = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PUBLISHED_AT]);
}

const char *
mk_media_item_get_fetched_at (MkMediaItem *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), NULL);

  return self->fetched_at;
}

void
mk_media_item_set_fetched_at (MkMediaItem *self,
                              const char * value)
{
  g_return_if_fail (MK_IS_MEDIA_ITEM (self));

  if (g_strcmp0 (self->fetched_at, value) == 0)
    return;

  g_free (self->fetched_at);
  self->fetched_at = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FETCHED_AT]);
}

static gboolean
validate_count (const char  *field,
                gint64       value,
                GError     **error)
{
  if (value >= -1)
    return TRUE;

  mk_validate_set_error (error, MK_VALIDATE_ERROR_OUT_OF_RANGE, field,
                         _("A count cannot be negative"));
  return FALSE;
}

static gboolean
validate_url (const char  *field,
              const char  *value,
              GError     **error)
{
  if (value == NULL || g_str_has_prefix (value, "https://") || g_str_has_prefix (value, "http://"))
    return TRUE;

  mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, field,
                         _("A media address must start with https://"));
  return FALSE;
}

/* A bare name: the cache directory is joined in front of it, so a slash or
 * a leading dot would let a row point anywhere on the disk. */
static gboolean
validate_file_name (const char  *value,
                    GError     **error)
{
  if (value == NULL ||
      (*value != '\0' && *value != '.' && strchr (value, '/') == NULL &&
       strlen (value) <= 255 && g_utf8_validate (value, -1, NULL)))
    return TRUE;

  mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "thumbnail_file",
                         _("A thumbnail must be a file name inside the cache folder"));
  return FALSE;
}

gboolean
mk_media_item_validate (MkMediaItem  *self,
                        GError      **error)
{
  g_return_val_if_fail (MK_IS_MEDIA_ITEM (self), FALSE);

  if (!mk_validate_uuid ("id", self->id, FALSE, error) ||
      !mk_validate_uuid ("user_id", self->user_id, TRUE, error))
    return FALSE;

  if (!mk_platform_is_connectable (self->platform))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "platform",
                             _("Platform must be Instagram, Facebook or YouTube"));
      return FALSE;
    }

  if (!mk_validate_text ("platform_media_id", _("Media id"), self->platform_media_id, 255,
                         MK_VALIDATE_TEXT_REQUIRED | MK_VALIDATE_TEXT_SINGLE_LINE, error))
    return FALSE;

  if ((guint)self->media_type > MK_MEDIA_TYPE_POST)
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "media_type",
                             _("Unknown kind of media"));
      return FALSE;
    }

  /* Captions are the platform's text, checked only for being UTF-8: a
   * caption may hold any control character a person typed. */
  if (self->caption != NULL && !g_utf8_validate (self->caption, -1, NULL))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_ENCODING, "caption",
                             _("The caption is not valid text"));
      return FALSE;
    }

  if (!validate_url ("permalink", self->permalink, error) ||
      !validate_url ("thumbnail_url", self->thumbnail_url, error) ||
      !validate_file_name (self->thumbnail_file, error))
    return FALSE;

  if (!validate_count ("like_count", self->like_count, error) ||
      !validate_count ("comment_count", self->comment_count, error) ||
      !validate_count ("share_count", self->share_count, error) ||
      !validate_count ("view_count", self->view_count, error))
    return FALSE;

  return mk_validate_timestamp ("published_at", _("Published"), self->published_at, FALSE, error) &&
         mk_validate_timestamp ("fetched_at", _("Fetched"), self->fetched_at, FALSE, error);
}
