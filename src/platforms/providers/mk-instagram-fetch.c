/* mk-instagram-fetch.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-platforms"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-fetch-private.h"
#include "mk-instagram-fetch.h"
#include "mk-platform-response.h"

#define GRAPH "https://graph.instagram.com"
#define MEDIA_FIELDS "id,caption,media_type,media_product_type,media_url,thumbnail_url," \
                     "permalink,timestamp,like_count,comments_count"
/* Instagram's documented default page is 25; its maximum is not
 * documented, 50 is accepted in practice. */
#define PAGE_SIZE 50

MkMetricsSnapshot *
mk_instagram_parse_counts (const char  *data,
                           gsize        len,
                           GError     **error)
{
  g_autoptr(JsonNode) root = mk_fetch_parse_object (data, len, error);
  MkMetricsSnapshot *snapshot;
  JsonObject *object;

  if (root == NULL)
    return NULL;

  object = json_node_get_object (root);
  if (mk_json_get_string (object, "id") == NULL)
    {
      mk_fetch_set_malformed (error, _("Instagram did not say which account this is"));
      return NULL;
    }

  snapshot = mk_metrics_snapshot_new ();
  mk_metrics_snapshot_set_platform (snapshot, MK_PLATFORM_INSTAGRAM);
  mk_metrics_snapshot_set_follower_count (snapshot, mk_json_get_count (object, "followers_count"));
  mk_metrics_snapshot_set_media_count (snapshot, mk_json_get_count (object, "media_count"));
  return snapshot;
}

static MkMediaType
media_type_from (const char *type,
                 const char *product)
{
  /* The product type says more (a reel is a VIDEO on the FEED's terms). */
  if (g_strcmp0 (product, "REELS") == 0)
    return MK_MEDIA_TYPE_REEL;
  if (g_strcmp0 (product, "STORY") == 0)
    return MK_MEDIA_TYPE_STORY;
  if (g_strcmp0 (type, "VIDEO") == 0)
    return MK_MEDIA_TYPE_VIDEO;
  if (g_strcmp0 (type, "CAROUSEL_ALBUM") == 0)
    return MK_MEDIA_TYPE_CAROUSEL;
  if (g_strcmp0 (type, "IMAGE") == 0)
    return MK_MEDIA_TYPE_IMAGE;
  return MK_MEDIA_TYPE_POST;
}

static MkMediaItem *
item_from_object (JsonObject *object)
{
  const char *id = mk_json_get_string (object, "id");
  const char *type = mk_json_get_string (object, "media_type");
  const char *thumbnail;
  g_autofree char *caption = NULL;
  g_autofree char *published = NULL;
  MkMediaItem *item;

  if (!mk_fetch_id_is_sane (id))
    return NULL;

  /* Videos have a thumbnail_url (not always); for a photo or an album the
   * image itself is the thumbnail. */
  thumbnail = mk_fetch_url_or_null (mk_json_get_string (object, "thumbnail_url"));
  if (thumbnail == NULL && g_strcmp0 (type, "VIDEO") != 0)
    thumbnail = mk_fetch_url_or_null (mk_json_get_string (object, "media_url"));

  caption = mk_fetch_text (mk_json_get_string (object, "caption"));
  published = mk_json_normalize_timestamp (mk_json_get_string (object, "timestamp"));

  item = mk_media_item_new ();
  mk_media_item_set_platform (item, MK_PLATFORM_INSTAGRAM);
  mk_media_item_set_platform_media_id (item, id);
  mk_media_item_set_media_type (item, media_type_from (type, mk_json_get_string (object, "media_product_type")));
  mk_media_item_set_caption (item, caption);
  mk_media_item_set_permalink (item, mk_fetch_url_or_null (mk_json_get_string (object, "permalink")));
  mk_media_item_set_thumbnail_url (item, thumbnail);
  /* Absent when the owner hid like counts: unknown, not 0. */
  mk_media_item_set_like_count (item, mk_json_get_count (object, "like_count"));
  mk_media_item_set_comment_count (item, mk_json_get_count (object, "comments_count"));
  mk_media_item_set_published_at (item, published);
  return item;
}

gboolean
mk_instagram_parse_media_page (const char  *data,
                               gsize        len,
                               GPtrArray   *out,
                               char       **next_url,
                               GError     **error)
{
  g_autoptr(JsonNode) root = mk_fetch_parse_object (data, len, error);
  JsonObject *object;
  JsonArray *items;

  g_return_val_if_fail (out != NULL, FALSE);

  if (next_url != NULL)
    *next_url = NULL;
  if (root == NULL)
    return FALSE;

  object = json_node_get_object (root);
  items = mk_json_get_array (object, "data");
  if (items == NULL)
    {
      mk_fetch_set_malformed (error, _("The list of media is missing from the answer"));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      MkMediaItem *item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      item = item_from_object (json_node_get_object (node));
      if (item != NULL)
        g_ptr_array_add (out, item);
    }

  /* A page may be empty and still have a next one. */
  if (next_url != NULL)
    *next_url = mk_fetch_meta_next (object);
  return TRUE;
}

static void
counts_begin (MkPlatformProvider *provider,
              MkFetch            *fetch)
{
  mk_fetch_set_url (fetch, g_strdup_printf (GRAPH "/%s/me?fields=id,username,followers_count,follows_count,media_count",
                                            mk_platform_provider_get_graph_version (provider)));
}

static gboolean
counts_parse (MkPlatformProvider  *provider,
              MkFetch             *fetch,
              const char          *data,
              gsize                len,
              GError             **error)
{
  fetch->snapshot = mk_instagram_parse_counts (data, len, error);
  if (fetch->snapshot == NULL)
    return FALSE;

  mk_fetch_set_url (fetch, NULL);
  {
    g_autofree char *followers = mk_fetch_count_text (mk_metrics_snapshot_get_follower_count (fetch->snapshot));
    g_autofree char *posts = mk_fetch_count_text (mk_metrics_snapshot_get_media_count (fetch->snapshot));

    /* Translators: for the activity log; %s are numbers or "?" */
    fetch->summary = g_strdup_printf (_("followers %s, posts %s"), followers, posts);
  }
  return TRUE;
}

static void
media_begin (MkPlatformProvider *provider,
             MkFetch            *fetch)
{
  mk_fetch_set_url (fetch, g_strdup_printf (GRAPH "/%s/me/media?fields=" MEDIA_FIELDS "&limit=%u",
                                            mk_platform_provider_get_graph_version (provider),
                                            MIN (fetch->max_items, PAGE_SIZE)));
}

static gboolean
media_parse (MkPlatformProvider  *provider,
             MkFetch             *fetch,
             const char          *data,
             gsize                len,
             GError             **error)
{
  char *next = NULL;
  guint before = fetch->items->len;

  if (!mk_instagram_parse_media_page (data, len, fetch->items, &next, error))
    return FALSE;

  mk_fetch_set_url (fetch, next);
  fetch->summary = g_strdup_printf (_("%u media items on page %u"), fetch->items->len - before, fetch->requests);
  return TRUE;
}

void
mk_instagram_fetch_install (MkPlatformProviderClass *klass)
{
  klass->api_origin = GRAPH;
  klass->check_response = mk_meta_check_response;
  klass->counts_begin = counts_begin;
  klass->counts_parse = counts_parse;
  klass->media_begin = media_begin;
  klass->media_parse = media_parse;
}
