/* mk-facebook-fetch.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-platforms"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-facebook-fetch.h"
#include "mk-fetch-private.h"
#include "mk-platform-response.h"

#define GRAPH "https://graph.facebook.com"
#define POST_FIELDS "id,message,created_time,permalink_url,full_picture,shares," \
                    "reactions.summary(total_count).limit(0),comments.summary(true).limit(0)"
#define PAGE_SIZE 50

enum {
  STAGE_ACCOUNTS,
  STAGE_PAGE,
};

/* The "data" list of GET /me/accounts, or a typed error: both the sync's
 * choice of Page and the Page picker's list read it. */
static JsonArray *
accounts_data (JsonNode  *root,
               GError   **error)
{
  JsonArray *pages = mk_json_get_array (json_node_get_object (root), "data");

  if (pages == NULL)
    mk_fetch_set_malformed (error, _("The list of Facebook Pages is missing from the answer"));
  return pages;
}

gboolean
mk_facebook_parse_accounts (const char  *data,
                            gsize        len,
                            const char  *wanted_page_id,
                            char       **page_id,
                            char       **page_token,
                            GError     **error)
{
  g_autoptr(JsonNode) root = mk_fetch_parse_object (data, len, error);
  JsonArray *pages;
  JsonObject *chosen = NULL;

  g_return_val_if_fail (page_id != NULL && page_token != NULL, FALSE);

  *page_id = NULL;
  *page_token = NULL;
  if (root == NULL)
    return FALSE;

  pages = accounts_data (root, error);
  if (pages == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (pages); i++)
    {
      JsonNode *node = json_array_get_element (pages, i);
      JsonObject *page;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      page = json_node_get_object (node);
      if (!mk_fetch_id_is_sane (mk_json_get_string (page, "id")) ||
          mk_json_get_string (page, "access_token") == NULL)
        continue;

      if (chosen == NULL)
        chosen = page;
      if (g_strcmp0 (mk_json_get_string (page, "id"), wanted_page_id) == 0)
        {
          chosen = page;
          break;
        }
    }

  if (chosen == NULL)
    {
      mk_platform_error_set (error, MK_PLATFORM_ERROR_NOT_FOUND, -1, 0, 0, "%s",
                             _("This Facebook account manages no Page; figures come from a Page"));
      return FALSE;
    }

  *page_id = g_strdup (mk_json_get_string (chosen, "id"));
  *page_token = g_strdup (mk_json_get_string (chosen, "access_token"));
  return TRUE;
}

/* json-glib keeps its own copy of every string; the Page tokens in there
 * are wiped before the tree goes, as the fetch wipes the copy it keeps. */
static void
wipe_page_tokens (JsonArray *pages)
{
  for (guint i = 0; i < json_array_get_length (pages); i++)
    {
      JsonNode *node = json_array_get_element (pages, i);
      JsonNode *token;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      token = json_object_get_member (json_node_get_object (node), "access_token");
      if (token != NULL && JSON_NODE_HOLDS_VALUE (token)
          && json_node_get_value_type (token) == G_TYPE_STRING)
        {
          char *text = (char *) json_node_get_string (token);

          if (text != NULL)
            memset (text, 0, strlen (text));
        }
    }
}

static gboolean
store_has_page (GListStore *store,
                const char *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MkFacebookPage) page = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (mk_facebook_page_get_id (page), id) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
mk_facebook_parse_page_list (const char  *data,
                             gsize        len,
                             GListStore  *out,
                             char       **next_url,
                             GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *pages;

  g_return_val_if_fail (G_IS_LIST_STORE (out), FALSE);
  g_return_val_if_fail (g_list_model_get_item_type (G_LIST_MODEL (out)) == MK_TYPE_FACEBOOK_PAGE, FALSE);

  if (next_url != NULL)
    *next_url = NULL;

  root = mk_fetch_parse_object (data, len, error);
  if (root == NULL)
    return FALSE;

  object = json_node_get_object (root);
  pages = accounts_data (root, error);
  if (pages == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (pages); i++)
    {
      JsonNode *node = json_array_get_element (pages, i);
      JsonObject *page;
      const char *id;
      g_autofree char *name = NULL;
      g_autofree char *category = NULL;
      g_autoptr(MkFacebookPage) item = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      page = json_node_get_object (node);
      id = mk_json_get_string (page, "id");
      /* The id becomes platform_user_id and part of request paths. */
      if (!mk_fetch_id_is_sane (id) || store_has_page (out, id))
        continue;

      name = mk_fetch_text (mk_json_get_string (page, "name"));
      category = mk_fetch_text (mk_json_get_string (page, "category"));
      item = mk_facebook_page_new (id, name, category);
      g_list_store_append (out, item);
    }

  if (next_url != NULL)
    *next_url = mk_fetch_meta_next (object);
  wipe_page_tokens (pages);
  return TRUE;
}

MkMetricsSnapshot *
mk_facebook_parse_page (const char  *data,
                        gsize        len,
                        GError     **error)
{
  g_autoptr(JsonNode) root = mk_fetch_parse_object (data, len, error);
  MkMetricsSnapshot *snapshot;
  JsonObject *object;
  gint64 followers;

  if (root == NULL)
    return NULL;

  object = json_node_get_object (root);
  if (mk_json_get_string (object, "id") == NULL)
    {
      mk_fetch_set_malformed (error, _("Facebook did not say which Page this is"));
      return NULL;
    }

  /* followers_count is what Meta shows as followers; fan_count (likes of
   * the page) is the older figure, used only when the other is absent. */
  followers = mk_json_get_count (object, "followers_count");
  if (followers < 0)
    followers = mk_json_get_count (object, "fan_count");

  snapshot = mk_metrics_snapshot_new ();
  mk_metrics_snapshot_set_platform (snapshot, MK_PLATFORM_FACEBOOK);
  mk_metrics_snapshot_set_follower_count (snapshot, followers);
  return snapshot;
}

static gint64
summary_total (JsonObject *object,
               const char *member)
{
  return mk_json_get_count (mk_json_get_object (mk_json_get_object (object, member), "summary"),
                            "total_count");
}

static MkMediaItem *
item_from_object (JsonObject *object)
{
  const char *id = mk_json_get_string (object, "id");
  JsonObject *shares;
  g_autofree char *caption = NULL;
  g_autofree char *published = NULL;
  MkMediaItem *item;

  if (!mk_fetch_id_is_sane (id))
    return NULL;

  caption = mk_fetch_text (mk_json_get_string (object, "message"));
  published = mk_json_normalize_timestamp (mk_json_get_string (object, "created_time"));

  item = mk_media_item_new ();
  mk_media_item_set_platform (item, MK_PLATFORM_FACEBOOK);
  mk_media_item_set_platform_media_id (item, id);
  mk_media_item_set_media_type (item, MK_MEDIA_TYPE_POST);
  mk_media_item_set_caption (item, caption);
  mk_media_item_set_permalink (item, mk_fetch_url_or_null (mk_json_get_string (object, "permalink_url")));
  mk_media_item_set_thumbnail_url (item, mk_fetch_url_or_null (mk_json_get_string (object, "full_picture")));
  mk_media_item_set_like_count (item, summary_total (object, "reactions"));
  mk_media_item_set_comment_count (item, summary_total (object, "comments"));
  /* The Graph API leaves "shares" out when there are none: there, absent
   * does mean 0. A shares object without a count is unknown. */
  shares = mk_json_get_object (object, "shares");
  mk_media_item_set_share_count (item, shares == NULL ? 0 : mk_json_get_count (shares, "count"));
  mk_media_item_set_published_at (item, published);
  return item;
}

gboolean
mk_facebook_parse_posts_page (const char  *data,
                              gsize        len,
                              GPtrArray   *out,
                              char       **next_url,
                              GError     **error)
{
  g_autoptr(JsonNode) root = mk_fetch_parse_object (data, len, error);
  JsonObject *object;
  JsonArray *posts;

  g_return_val_if_fail (out != NULL, FALSE);

  if (next_url != NULL)
    *next_url = NULL;
  if (root == NULL)
    return FALSE;

  object = json_node_get_object (root);
  posts = mk_json_get_array (object, "data");
  if (posts == NULL)
    {
      mk_fetch_set_malformed (error, _("The list of posts is missing from the answer"));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (posts); i++)
    {
      JsonNode *node = json_array_get_element (posts, i);
      MkMediaItem *item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      item = item_from_object (json_node_get_object (node));
      if (item != NULL)
        g_ptr_array_add (out, item);
    }

  if (next_url != NULL)
    *next_url = mk_fetch_meta_next (object);
  return TRUE;
}

static void
accounts_begin (MkPlatformProvider *provider,
                MkFetch            *fetch)
{
  fetch->stage = STAGE_ACCOUNTS;
  mk_fetch_set_url (fetch, g_strdup_printf (GRAPH "/%s/me/accounts?fields=id,name,access_token,category,tasks&limit=100",
                                            mk_platform_provider_get_graph_version (provider)));
}

/* Step one of both fetches: remember the page and switch to its token. */
static gboolean
accounts_parse (MkFetch     *fetch,
                const char  *data,
                gsize        len,
                GError     **error)
{
  g_autofree char *page_id = NULL;
  char *page_token = NULL;

  if (!mk_facebook_parse_accounts (data, len, fetch->platform_user_id, &page_id, &page_token, error))
    return FALSE;

  mk_fetch_set_token (fetch, page_token);
  memset (page_token, 0, strlen (page_token));
  g_free (page_token);

  g_free (fetch->scratch);
  fetch->scratch = g_steal_pointer (&page_id);
  fetch->stage = STAGE_PAGE;
  /* Translators: %s is a Facebook Page id */
  fetch->summary = g_strdup_printf (_("using Page %s"), fetch->scratch);
  return TRUE;
}

static gboolean
counts_parse (MkPlatformProvider  *provider,
              MkFetch             *fetch,
              const char          *data,
              gsize                len,
              GError             **error)
{
  if (fetch->stage == STAGE_ACCOUNTS)
    {
      if (!accounts_parse (fetch, data, len, error))
        return FALSE;
      mk_fetch_set_url (fetch, g_strdup_printf (GRAPH "/%s/%s?fields=id,name,username,fan_count,followers_count",
                                                mk_platform_provider_get_graph_version (provider),
                                                fetch->scratch));
      return TRUE;
    }

  fetch->snapshot = mk_facebook_parse_page (data, len, error);
  if (fetch->snapshot == NULL)
    return FALSE;

  mk_fetch_set_url (fetch, NULL);
  {
    g_autofree char *followers = mk_fetch_count_text (mk_metrics_snapshot_get_follower_count (fetch->snapshot));

    /* Translators: for the activity log; %s is a number or "?" */
    fetch->summary = g_strdup_printf (_("followers %s"), followers);
  }
  return TRUE;
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

  if (fetch->stage == STAGE_ACCOUNTS)
    {
      if (!accounts_parse (fetch, data, len, error))
        return FALSE;
      mk_fetch_set_url (fetch, g_strdup_printf (GRAPH "/%s/%s/posts?fields=" POST_FIELDS "&limit=%u",
                                                mk_platform_provider_get_graph_version (provider),
                                                fetch->scratch, MIN (fetch->max_items, PAGE_SIZE)));
      return TRUE;
    }

  if (!mk_facebook_parse_posts_page (data, len, fetch->items, &next, error))
    return FALSE;

  mk_fetch_set_url (fetch, next);
  fetch->summary = g_strdup_printf (_("%u posts on page %u"), fetch->items->len - before, fetch->requests - 1);
  return TRUE;
}

void
mk_facebook_fetch_install (MkPlatformProviderClass *klass)
{
  klass->api_origin = GRAPH;
  klass->check_response = mk_meta_check_response;
  klass->counts_begin = accounts_begin;
  klass->counts_parse = counts_parse;
  klass->media_begin = accounts_begin;
  klass->media_parse = media_parse;
}
