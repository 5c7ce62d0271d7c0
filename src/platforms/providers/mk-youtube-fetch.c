/* mk-youtube-fetch.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-platforms"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-fetch-private.h"
#include "mk-platform-response.h"
#include "mk-youtube-fetch.h"

#define API          "https://www.googleapis.com"
#define CHANNELS_URL API "/youtube/v3/channels?part=snippet,contentDetails,statistics&mine=true"
#define WATCH_URL    "https://www.youtube.com/watch?v="
/* playlistItems and videos take at most 50 per call. */
#define PAGE_SIZE    50

enum {
  STAGE_CHANNEL,
  STAGE_PLAYLIST,
  STAGE_VIDEOS,
};

/* Video and playlist ids go into a comma-separated query: letters,
 * digits, '-' and '_' only. */
static gboolean
id_is_sane (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

MkMetricsSnapshot *
mk_youtube_parse_channel (const char  *data,
                          gsize        len,
                          char       **uploads,
                          GError     **error)
{
  g_autoptr(JsonNode) root = mk_fetch_parse_object (data, len, error);
  MkMetricsSnapshot *snapshot;
  JsonArray *items;
  JsonObject *channel = NULL;
  JsonObject *statistics;
  const char *playlist;

  if (uploads != NULL)
    *uploads = NULL;
  if (root == NULL)
    return NULL;

  items = mk_json_get_array (json_node_get_object (root), "items");
  if (items != NULL && json_array_get_length (items) > 0 &&
      JSON_NODE_HOLDS_OBJECT (json_array_get_element (items, 0)))
    channel = json_array_get_object_element (items, 0);

  if (channel == NULL)
    {
      mk_platform_error_set (error, MK_PLATFORM_ERROR_NOT_FOUND, -1, 0, 0, "%s",
                             _("This Google account has no YouTube channel yet; create one on YouTube first"));
      return NULL;
    }

  statistics = mk_json_get_object (channel, "statistics");

  snapshot = mk_metrics_snapshot_new ();
  mk_metrics_snapshot_set_platform (snapshot, MK_PLATFORM_YOUTUBE);
  /* A hidden count may come as "0" or not at all: unknown either way. */
  if (!mk_json_get_boolean (statistics, "hiddenSubscriberCount", FALSE))
    mk_metrics_snapshot_set_follower_count (snapshot, mk_json_get_count (statistics, "subscriberCount"));
  mk_metrics_snapshot_set_media_count (snapshot, mk_json_get_count (statistics, "videoCount"));
  mk_metrics_snapshot_set_view_count (snapshot, mk_json_get_count (statistics, "viewCount"));

  playlist = mk_json_get_string (mk_json_get_object (mk_json_get_object (channel, "contentDetails"),
                                                     "relatedPlaylists"),
                                 "uploads");
  if (uploads != NULL && id_is_sane (playlist))
    *uploads = g_strdup (playlist);

  return snapshot;
}

gboolean
mk_youtube_parse_playlist_page (const char  *data,
                                gsize        len,
                                GPtrArray   *video_ids,
                                char       **next_page_token,
                                GError     **error)
{
  g_autoptr(JsonNode) root = mk_fetch_parse_object (data, len, error);
  JsonObject *object;
  JsonArray *items;
  const char *token;

  g_return_val_if_fail (video_ids != NULL, FALSE);

  if (next_page_token != NULL)
    *next_page_token = NULL;
  if (root == NULL)
    return FALSE;

  object = json_node_get_object (root);
  items = mk_json_get_array (object, "items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *item;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      item = json_node_get_object (node);
      id = mk_json_get_string (mk_json_get_object (item, "contentDetails"), "videoId");
      if (id == NULL)
        id = mk_json_get_string (mk_json_get_object (mk_json_get_object (item, "snippet"), "resourceId"),
                                 "videoId");
      /* Private and deleted uploads are listed too; videos.list leaves
       * them out, so they fall away there. */
      if (id_is_sane (id))
        g_ptr_array_add (video_ids, g_strdup (id));
    }

  token = mk_json_get_string (object, "nextPageToken");
  if (next_page_token != NULL && token != NULL && *token != '\0')
    *next_page_token = g_strdup (token);
  return TRUE;
}

static const char *
best_thumbnail (JsonObject *snippet)
{
  static const char * const sizes[] = { "high", "medium", "standard", "default" };
  JsonObject *thumbnails = mk_json_get_object (snippet, "thumbnails");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      const char *url = mk_fetch_url_or_null (mk_json_get_string (mk_json_get_object (thumbnails, sizes[i]), "url"));

      if (url != NULL)
        return url;
    }
  return NULL;
}

gboolean
mk_youtube_parse_videos (const char  *data,
                         gsize        len,
                         GPtrArray   *out,
                         GError     **error)
{
  g_autoptr(JsonNode) root = mk_fetch_parse_object (data, len, error);
  JsonArray *items;

  g_return_val_if_fail (out != NULL, FALSE);

  if (root == NULL)
    return FALSE;

  items = mk_json_get_array (json_node_get_object (root), "items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *video, *snippet, *statistics;
      const char *id;
      g_autofree char *title = NULL;
      g_autofree char *published = NULL;
      g_autofree char *permalink = NULL;
      MkMediaItem *item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      video = json_node_get_object (node);
      id = mk_json_get_string (video, "id");
      if (!id_is_sane (id))
        continue;

      snippet = mk_json_get_object (video, "snippet");
      statistics = mk_json_get_object (video, "statistics");
      title = mk_fetch_text (mk_json_get_string (snippet, "title"));
      published = mk_json_normalize_timestamp (mk_json_get_string (snippet, "publishedAt"));
      permalink = g_strconcat (WATCH_URL, id, NULL);

      item = mk_media_item_new ();
      mk_media_item_set_platform (item, MK_PLATFORM_YOUTUBE);
      mk_media_item_set_platform_media_id (item, id);
      mk_media_item_set_media_type (item, MK_MEDIA_TYPE_VIDEO);
      mk_media_item_set_caption (item, title);
      mk_media_item_set_permalink (item, permalink);
      mk_media_item_set_thumbnail_url (item, best_thumbnail (snippet));
      /* likeCount is absent when likes are hidden, commentCount when
       * comments are off: unknown, not 0. */
      mk_media_item_set_view_count (item, mk_json_get_count (statistics, "viewCount"));
      mk_media_item_set_like_count (item, mk_json_get_count (statistics, "likeCount"));
      mk_media_item_set_comment_count (item, mk_json_get_count (statistics, "commentCount"));
      mk_media_item_set_published_at (item, published);
      g_ptr_array_add (out, item);
    }

  return TRUE;
}

static void
channel_begin (MkPlatformProvider *provider,
               MkFetch            *fetch)
{
  fetch->stage = STAGE_CHANNEL;
  mk_fetch_set_url (fetch, g_strdup (CHANNELS_URL));
}

static gboolean
counts_parse (MkPlatformProvider  *provider,
              MkFetch             *fetch,
              const char          *data,
              gsize                len,
              GError             **error)
{
  fetch->snapshot = mk_youtube_parse_channel (data, len, NULL, error);
  if (fetch->snapshot == NULL)
    return FALSE;

  mk_fetch_set_url (fetch, NULL);
  {
    g_autofree char *subscribers = mk_fetch_count_text (mk_metrics_snapshot_get_follower_count (fetch->snapshot));
    g_autofree char *videos = mk_fetch_count_text (mk_metrics_snapshot_get_media_count (fetch->snapshot));
    g_autofree char *views = mk_fetch_count_text (mk_metrics_snapshot_get_view_count (fetch->snapshot));

    /* Translators: for the activity log; %s are numbers or "?" */
    fetch->summary = g_strdup_printf (_("subscribers %s, videos %s, views %s"), subscribers, videos, views);
  }
  return TRUE;
}

static char *
playlist_url (MkFetch *fetch)
{
  guint wanted = MIN (fetch->max_items - MIN (fetch->items->len, fetch->max_items), PAGE_SIZE);
  g_autofree char *token = fetch->cursor != NULL ? g_uri_escape_string (fetch->cursor, NULL, FALSE) : NULL;

  return g_strdup_printf (API "/youtube/v3/playlistItems?part=snippet,contentDetails"
                          "&playlistId=%s&maxResults=%u%s%s",
                          fetch->scratch, MAX (wanted, 1),
                          token != NULL ? "&pageToken=" : "", token != NULL ? token : "");
}

static int
find_id (GPtrArray  *items,
         const char *id)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (mk_media_item_get_platform_media_id (g_ptr_array_index (items, i)), id) == 0)
      return (int)i;
  return -1;
}

static gboolean
media_parse (MkPlatformProvider  *provider,
             MkFetch             *fetch,
             const char          *data,
             gsize                len,
             GError             **error)
{
  switch (fetch->stage)
    {
    case STAGE_CHANNEL:
      {
        g_autoptr(MkMetricsSnapshot) snapshot = NULL;
        char *uploads = NULL;

        snapshot = mk_youtube_parse_channel (data, len, &uploads, error);
        if (snapshot == NULL)
          return FALSE;

        g_free (fetch->scratch);
        fetch->scratch = uploads;
        if (uploads == NULL)
          {
            fetch->summary = g_strdup (_("the channel has no uploads"));
            mk_fetch_set_url (fetch, NULL);
            return TRUE;
          }
        fetch->stage = STAGE_PLAYLIST;
        mk_fetch_set_url (fetch, playlist_url (fetch));
        fetch->summary = g_strdup (_("found the uploads list"));
        return TRUE;
      }

    case STAGE_PLAYLIST:
      {
        char *next = NULL;
        guint room = fetch->max_items - MIN (fetch->items->len, fetch->max_items);
        g_autoptr(GString) ids = g_string_new (NULL);

        g_ptr_array_set_size (fetch->pending, 0);
        if (!mk_youtube_parse_playlist_page (data, len, fetch->pending, &next, error))
          return FALSE;
        g_free (fetch->cursor);
        fetch->cursor = next;

        if (fetch->pending->len > room)
          g_ptr_array_set_size (fetch->pending, room);
        fetch->summary = g_strdup_printf (_("%u uploads listed"), fetch->pending->len);

        if (fetch->pending->len == 0)
          {
            /* An empty page with a next page is still not the end. */
            mk_fetch_set_url (fetch, fetch->cursor != NULL ? playlist_url (fetch) : NULL);
            return TRUE;
          }

        for (guint i = 0; i < fetch->pending->len; i++)
          {
            if (i > 0)
              g_string_append_c (ids, ',');
            g_string_append (ids, g_ptr_array_index (fetch->pending, i));
          }
        fetch->stage = STAGE_VIDEOS;
        mk_fetch_set_url (fetch, g_strdup_printf (API "/youtube/v3/videos?part=snippet,contentDetails,statistics&id=%s",
                                                  ids->str));
        return TRUE;
      }

    case STAGE_VIDEOS:
    default:
      {
        g_autoptr(GPtrArray) videos = g_ptr_array_new_with_free_func (g_object_unref);
        guint added = 0;

        if (!mk_youtube_parse_videos (data, len, videos, error))
          return FALSE;

        /* In the uploads' order (newest first), which videos.list does
         * not promise to keep. */
        for (guint i = 0; i < fetch->pending->len; i++)
          {
            int found = find_id (videos, g_ptr_array_index (fetch->pending, i));

            if (found < 0)
              continue;
            g_ptr_array_add (fetch->items, g_object_ref (g_ptr_array_index (videos, found)));
            added++;
          }
        g_ptr_array_set_size (fetch->pending, 0);

        fetch->summary = g_strdup_printf (_("statistics of %u videos"), added);
        fetch->stage = STAGE_PLAYLIST;
        mk_fetch_set_url (fetch, fetch->cursor != NULL && fetch->items->len < fetch->max_items
                                 ? playlist_url (fetch) : NULL);
        return TRUE;
      }
    }
}

void
mk_youtube_fetch_install (MkPlatformProviderClass *klass)
{
  klass->api_origin = API;
  klass->check_response = mk_google_check_response;
  klass->counts_begin = channel_begin;
  klass->counts_parse = counts_parse;
  klass->media_begin = channel_begin;
  klass->media_parse = media_parse;
}
