/* test-fetch.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fetching counts and recent media from the three platforms (issue #5)
 * against tests/platforms/mk-fake-server: fixtures, paging, the page cap,
 * every injected error kind, latency, cancellation and the logs rows. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "mk-fake-server.h"
#include "mk-http.h"
#include "mk-logs-table.h"
#include "mk-platform-error.h"
#include "mk-facebook-fetch.h"
#include "mk-instagram-fetch.h"
#include "mk-platform-provider.h"
#include "mk-platform-response.h"
#include "mk-youtube-fetch.h"
#include "store-test-util.h"

/* The tokens a test sends; no log row may ever hold them. */
#define IG_TOKEN   "IGAAtestFetchTokenInstagram0123456789"
#define FB_TOKEN   "EAAtestFetchUserTokenFacebook0123456789"
#define YT_TOKEN   "ya29.testFetchTokenYouTube0123456789"
#define PAGE_TOKEN "EAAGm0PX4ZCpsBOSarahLensFixturePageTokenZDZDpQrStUv9876543210"

typedef struct
{
  MkFakeServer *server;
  char         *dir;
  MkStore      *store;
  MkHttp       *http;
  char         *user_id;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *spec = NULL;
  g_autoptr(MkEndpoints) endpoints = NULL;
  g_autoptr(GError) error = NULL;

  fixture->server = mk_fake_server_new ();
  spec = mk_fake_server_get_endpoints_spec (fixture->server);
  endpoints = mk_endpoints_parse (spec, &error);
  g_assert_no_error (error);

  fixture->dir = store_test_make_dir ();
  fixture->store = store_test_open (fixture->dir);
  fixture->user_id = store_test_add_user (fixture->store, "sarah@example.com");
  fixture->http = mk_http_new (endpoints, fixture->store);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->http);
  g_clear_object (&fixture->store);
  mk_fake_server_free (fixture->server);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->user_id);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static const char *
token_for (MkPlatform platform)
{
  switch (platform)
    {
    case MK_PLATFORM_INSTAGRAM:
      return IG_TOKEN;
    case MK_PLATFORM_FACEBOOK:
      return FB_TOKEN;
    default:
      return YT_TOKEN;
    }
}

static MkMetricsSnapshot *
fetch_counts (Fixture     *fixture,
              MkPlatform   platform,
              GError     **error)
{
  g_autoptr(MkPlatformProvider) provider = mk_platform_provider_new_for_platform (platform);
  g_autoptr(GAsyncResult) result = NULL;

  mk_platform_provider_fetch_counts_async (provider, fixture->http, token_for (platform), "104857392018475",
                                           fixture->user_id, NULL, on_done, &result);
  return mk_platform_provider_fetch_counts_finish (provider, wait_for (&result), error);
}

static GPtrArray *
fetch_media (Fixture       *fixture,
             MkPlatform     platform,
             guint          max_items,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(MkPlatformProvider) provider = mk_platform_provider_new_for_platform (platform);
  g_autoptr(GAsyncResult) result = NULL;

  mk_platform_provider_fetch_media_async (provider, fixture->http, token_for (platform), NULL,
                                          fixture->user_id, max_items, cancellable, on_done, &result);
  return mk_platform_provider_fetch_media_finish (provider, wait_for (&result), error);
}

/* The fetch rows are queued on MkHttp's log writer (off the main
 * thread) and written in batches; here the fetch is over, so flushing
 * only makes "the rows of what happened" what the table holds. */
static GPtrArray *
all_logs (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *logs;

  mk_log_writer_flush (mk_http_get_log_writer (fixture->http));
  logs = mk_store_logs_list_page (fixture->store, NULL, NULL, NULL, 1000, &error);

  g_assert_no_error (error);
  return logs;
}

/* No token in any row, whatever the outcome. */
static void
assert_no_token_logged (Fixture *fixture)
{
  g_autoptr(GPtrArray) logs = all_logs (fixture);
  const char *tokens[] = { IG_TOKEN, FB_TOKEN, YT_TOKEN, PAGE_TOKEN, "IGAAS4rahLensFixtureLongLivedToken" };

  for (guint i = 0; i < logs->len; i++)
    {
      MkLogEntry *entry = g_ptr_array_index (logs, i);
      g_autofree char *row = g_strconcat (mk_log_entry_get_message (entry) ?: "", "|",
                                          mk_log_entry_get_request_payload (entry) ?: "", "|",
                                          mk_log_entry_get_response_payload (entry) ?: "", NULL);

      for (guint t = 0; t < G_N_ELEMENTS (tokens); t++)
        g_assert_null (strstr (row, tokens[t]));
    }
}

static MkMediaItem *
find_item (GPtrArray  *items,
           const char *media_id)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (mk_media_item_get_platform_media_id (g_ptr_array_index (items, i)), media_id) == 0)
      return g_ptr_array_index (items, i);
  return NULL;
}

/* Counts */

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkMetricsSnapshot) instagram = NULL;
  g_autoptr(MkMetricsSnapshot) facebook = NULL;
  g_autoptr(MkMetricsSnapshot) youtube = NULL;

  instagram = fetch_counts (fixture, MK_PLATFORM_INSTAGRAM, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_metrics_snapshot_get_platform (instagram), ==, MK_PLATFORM_INSTAGRAM);
  g_assert_cmpint (mk_metrics_snapshot_get_follower_count (instagram), >, 0);
  g_assert_cmpint (mk_metrics_snapshot_get_media_count (instagram), ==, 27);
  g_assert_cmpint (mk_metrics_snapshot_get_view_count (instagram), ==, -1);
  g_assert_true (isnan (mk_metrics_snapshot_get_engagement_rate (instagram)));

  /* followers_count, not fan_count, and only through the page's token
   * (the fake answers error 32 to the user token). */
  facebook = fetch_counts (fixture, MK_PLATFORM_FACEBOOK, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_metrics_snapshot_get_follower_count (facebook), ==, 33875);
  g_assert_cmpint (mk_metrics_snapshot_get_media_count (facebook), ==, -1);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_FB_ACCOUNTS), ==, 1);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_FB_PAGE), ==, 1);

  /* YouTube's numbers are strings. */
  youtube = fetch_counts (fixture, MK_PLATFORM_YOUTUBE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_metrics_snapshot_get_follower_count (youtube), ==, 61200);
  g_assert_cmpint (mk_metrics_snapshot_get_media_count (youtube), ==, 15);
  g_assert_cmpint (mk_metrics_snapshot_get_view_count (youtube), ==, 4821937);

  assert_no_token_logged (fixture);
}

static void
test_counts_log_row (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkMetricsSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) logs = NULL;
  MkLogEntry *entry;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *response, *headers;

  snapshot = fetch_counts (fixture, MK_PLATFORM_INSTAGRAM, &error);
  g_assert_no_error (error);

  logs = all_logs (fixture);
  g_assert_cmpuint (logs->len, ==, 1);
  entry = g_ptr_array_index (logs, 0);
  g_assert_cmpstr (mk_log_entry_get_action (entry), ==, "fetch_metrics");
  g_assert_cmpint (mk_log_entry_get_platform (entry), ==, MK_PLATFORM_INSTAGRAM);
  g_assert_cmpint (mk_log_entry_get_status (entry), ==, MK_LOG_STATUS_SUCCESS);
  g_assert_cmpstr (mk_log_entry_get_user_id (entry), ==, fixture->user_id);
  g_assert_cmpstr (mk_log_entry_get_ip_address (entry), ==, "127.0.0.1");
  g_assert_nonnull (strstr (mk_log_entry_get_message (entry), "Instagram"));
  g_assert_nonnull (strstr (mk_log_entry_get_message (entry), "posts 27"));
  g_assert_nonnull (strstr (mk_log_entry_get_request_payload (entry), "\"GET\""));
  g_assert_nonnull (strstr (mk_log_entry_get_request_payload (entry), "https://graph.instagram.com/v24.0/me?fields="));

  g_assert_true (json_parser_load_from_data (parser, mk_log_entry_get_response_payload (entry), -1, &error));
  response = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (response, "status"), ==, 200);
  headers = json_object_get_object_member (response, "headers");
  g_assert_true (json_object_has_member (headers, "x-business-use-case-usage"));
  g_assert_false (json_object_has_member (headers, "x-fb-trace-id"));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (response, "body")));
}

/* Media */

static void
test_instagram_media (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) logs = NULL;
  MkMediaItem *reel, *image, *album, *hidden;

  items = fetch_media (fixture, MK_PLATFORM_INSTAGRAM, 0, NULL, &error);
  g_assert_no_error (error);
  /* 15 + 12, following paging.next until it is absent. */
  g_assert_cmpuint (items->len, ==, 27);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_MEDIA), ==, 2);

  reel = g_ptr_array_index (items, 0);
  g_assert_cmpstr (mk_media_item_get_platform_media_id (reel), ==, "18110313051608316");
  g_assert_cmpint (mk_media_item_get_media_type (reel), ==, MK_MEDIA_TYPE_REEL);
  g_assert_cmpstr (mk_media_item_get_published_at (reel), ==, "2025-06-27T19:42:11Z");
  g_assert_cmpint (mk_media_item_get_like_count (reel), ==, 3841);
  g_assert_cmpint (mk_media_item_get_comment_count (reel), ==, 112);
  g_assert_cmpint (mk_media_item_get_view_count (reel), ==, -1);
  g_assert_cmpint (mk_media_item_get_platform (reel), ==, MK_PLATFORM_INSTAGRAM);
  g_assert_true (g_str_has_prefix (mk_media_item_get_thumbnail_url (reel), "https://scontent-lis1-1.cdninstagram.com/v/"));
  g_assert_cmpstr (mk_media_item_get_permalink (reel), ==, "https://www.instagram.com/reel/euawX3JjVT8/");

  /* A photo is its own thumbnail. */
  image = g_ptr_array_index (items, 1);
  g_assert_cmpint (mk_media_item_get_media_type (image), ==, MK_MEDIA_TYPE_IMAGE);
  g_assert_nonnull (strstr (mk_media_item_get_thumbnail_url (image), "682957914_n.jpg"));
  album = g_ptr_array_index (items, 2);
  g_assert_cmpint (mk_media_item_get_media_type (album), ==, MK_MEDIA_TYPE_CAROUSEL);

  /* Page 2's third post hides its likes: unknown, never 0. The fifth has
   * no caption. */
  hidden = g_ptr_array_index (items, 15 + 2);
  g_assert_cmpint (mk_media_item_get_like_count (hidden), ==, -1);
  g_assert_cmpint (mk_media_item_get_comment_count (hidden), >=, 0);
  g_assert_null (mk_media_item_get_caption (g_ptr_array_index (items, 15 + 4)));

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GError) invalid = NULL;
      MkMediaItem *item = g_ptr_array_index (items, i);

      mk_media_item_set_user_id (item, fixture->user_id);
      g_assert_true (mk_media_item_validate (item, &invalid));
      g_assert_no_error (invalid);
    }

  /* One row per request; the page-2 link's token is redacted. */
  logs = all_logs (fixture);
  g_assert_cmpuint (logs->len, ==, 2);
  for (guint i = 0; i < logs->len; i++)
    g_assert_cmpstr (mk_log_entry_get_action (g_ptr_array_index (logs, i)), ==, "fetch_media");
  g_assert_nonnull (strstr (mk_log_entry_get_request_payload (g_ptr_array_index (logs, 0)), "after="));
  assert_no_token_logged (fixture);
}

static void
test_media_max_items (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  items = fetch_media (fixture, MK_PLATFORM_INSTAGRAM, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 10);
  /* Enough on page 1: page 2 is not asked for. */
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_MEDIA), ==, 1);
}

static void
test_facebook_media (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  MkMediaItem *first, *no_shares, *no_message;

  items = fetch_media (fixture, MK_PLATFORM_FACEBOOK, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 12);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_FB_POSTS), ==, 2);

  first = g_ptr_array_index (items, 0);
  g_assert_cmpstr (mk_media_item_get_platform_media_id (first), ==, "104857392018475_4203085852935064");
  g_assert_cmpint (mk_media_item_get_media_type (first), ==, MK_MEDIA_TYPE_POST);
  g_assert_cmpint (mk_media_item_get_like_count (first), ==, 1284);
  g_assert_cmpint (mk_media_item_get_comment_count (first), ==, 96);
  g_assert_cmpint (mk_media_item_get_share_count (first), ==, 48);
  g_assert_cmpstr (mk_media_item_get_published_at (first), ==, "2025-06-26T17:05:12Z");

  /* "shares" is absent when there are none: 0 there, by the contract. */
  no_shares = find_item (items, "104857392018475_7842537277343871");
  g_assert_nonnull (no_shares);
  g_assert_cmpint (mk_media_item_get_share_count (no_shares), ==, 0);
  no_message = no_shares;
  g_assert_null (mk_media_item_get_caption (no_message));

  /* No picture on post 3. */
  g_assert_null (mk_media_item_get_thumbnail_url (g_ptr_array_index (items, 2)));
  assert_no_token_logged (fixture);
}

static void
test_youtube_media (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  MkMediaItem *first, *hidden, *off;

  items = fetch_media (fixture, MK_PLATFORM_YOUTUBE, 0, NULL, &error);
  g_assert_no_error (error);
  /* 10 + 5 videos; the private upload on page 2 is dropped by videos.list. */
  g_assert_cmpuint (items->len, ==, 15);
  g_assert_null (find_item (items, "Pr1vateVid0"));
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_YT_PLAYLIST), ==, 2);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_YT_VIDEOS), ==, 2);

  first = g_ptr_array_index (items, 0);
  g_assert_cmpstr (mk_media_item_get_platform_media_id (first), ==, "bNY8hyAobbJ");
  g_assert_cmpint (mk_media_item_get_view_count (first), ==, 184233);
  g_assert_cmpint (mk_media_item_get_like_count (first), ==, 9120);
  g_assert_cmpint (mk_media_item_get_comment_count (first), ==, 612);
  g_assert_cmpstr (mk_media_item_get_permalink (first), ==, "https://www.youtube.com/watch?v=bNY8hyAobbJ");
  g_assert_nonnull (mk_media_item_get_thumbnail_url (first));
  g_assert_true (g_str_has_suffix (mk_media_item_get_published_at (first), "Z"));

  /* In the uploads' order. */
  g_assert_cmpstr (mk_media_item_get_platform_media_id (g_ptr_array_index (items, 10)), ==, "yndWHiRj2eB");

  hidden = find_item (items, "hIFeKXdjuIS");
  g_assert_cmpint (mk_media_item_get_like_count (hidden), ==, -1);
  off = find_item (items, "_vKiRG_-juF");
  g_assert_cmpint (mk_media_item_get_comment_count (off), ==, -1);
}

static void
test_generated_and_page_cap (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fifty = NULL;
  g_autoptr(GPtrArray) five_hundred = NULL;
  g_autoptr(GPtrArray) capped = NULL;
  g_autoptr(GPtrArray) youtube = NULL;
  g_autoptr(GPtrArray) facebook = NULL;

  mk_fake_server_set_generated_media (fixture->server, 500);

  fifty = fetch_media (fixture, MK_PLATFORM_INSTAGRAM, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fifty->len, ==, MK_FETCH_DEFAULT_MEDIA);

  five_hundred = fetch_media (fixture, MK_PLATFORM_INSTAGRAM, 500, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (five_hundred->len, ==, 500);
  g_assert_nonnull (mk_media_item_get_thumbnail_url (g_ptr_array_index (five_hundred, 499)));

  youtube = fetch_media (fixture, MK_PLATFORM_YOUTUBE, 120, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (youtube->len, ==, 120);
  g_assert_cmpint (mk_media_item_get_view_count (g_ptr_array_index (youtube, 119)), ==, 10119);

  facebook = fetch_media (fixture, MK_PLATFORM_FACEBOOK, 75, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facebook->len, ==, 75);

  /* A platform that never stops sending "next": stop after the cap. */
  mk_fake_server_set_generated_media (fixture->server, 100000);
  capped = fetch_media (fixture, MK_PLATFORM_INSTAGRAM, 100000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (capped->len, ==, MK_FETCH_MAX_REQUESTS * 50);
}

/* Errors */

typedef struct
{
  MkPlatform      platform;
  gboolean        media;
  const char     *route;
  MkFakeError     injected;
  MkPlatformError expected;
  gint64          retry_after;   /* -1: none; -2: "some, below a day" */
  int             vendor_code;   /* 0: not checked */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { MK_PLATFORM_INSTAGRAM, FALSE, MK_FAKE_IG_ME, MK_FAKE_ERROR_TOKEN_EXPIRED, MK_PLATFORM_ERROR_TOKEN_EXPIRED, -1, 190 },
  { MK_PLATFORM_INSTAGRAM, FALSE, MK_FAKE_IG_ME, MK_FAKE_ERROR_TOKEN_INVALID, MK_PLATFORM_ERROR_TOKEN_INVALID, -1, 190 },
  { MK_PLATFORM_FACEBOOK, FALSE, MK_FAKE_FB_PAGE, MK_FAKE_ERROR_PASSWORD_CHANGED, MK_PLATFORM_ERROR_TOKEN_INVALID, -1, 190 },
  { MK_PLATFORM_FACEBOOK, FALSE, MK_FAKE_FB_ACCOUNTS, MK_FAKE_ERROR_SESSION_INVALID, MK_PLATFORM_ERROR_TOKEN_INVALID, -1, 102 },
  { MK_PLATFORM_INSTAGRAM, TRUE, MK_FAKE_IG_MEDIA, MK_FAKE_ERROR_RATE_LIMIT_APP, MK_PLATFORM_ERROR_RATE_LIMITED, -1, 4 },
  { MK_PLATFORM_FACEBOOK, TRUE, MK_FAKE_FB_POSTS, MK_FAKE_ERROR_RATE_LIMIT_USER, MK_PLATFORM_ERROR_RATE_LIMITED, -1, 17 },
  { MK_PLATFORM_FACEBOOK, TRUE, MK_FAKE_FB_POSTS, MK_FAKE_ERROR_RATE_LIMIT_PAGE, MK_PLATFORM_ERROR_RATE_LIMITED, 300, 32 },
  { MK_PLATFORM_FACEBOOK, FALSE, MK_FAKE_FB_PAGE, MK_FAKE_ERROR_RATE_LIMIT_CUSTOM, MK_PLATFORM_ERROR_RATE_LIMITED, -1, 613 },
  { MK_PLATFORM_INSTAGRAM, FALSE, MK_FAKE_IG_ME, MK_FAKE_ERROR_RATE_LIMIT_POLICY, MK_PLATFORM_ERROR_RATE_LIMITED, -1, 341 },
  { MK_PLATFORM_INSTAGRAM, TRUE, MK_FAKE_IG_MEDIA, MK_FAKE_ERROR_BUC, MK_PLATFORM_ERROR_RATE_LIMITED, 720, 80002 },
  { MK_PLATFORM_FACEBOOK, TRUE, MK_FAKE_FB_POSTS, MK_FAKE_ERROR_BUC, MK_PLATFORM_ERROR_RATE_LIMITED, 720, 80001 },
  { MK_PLATFORM_INSTAGRAM, TRUE, MK_FAKE_IG_MEDIA, MK_FAKE_ERROR_TOO_MANY_REQUESTS, MK_PLATFORM_ERROR_RATE_LIMITED, 30, 4 },
  { MK_PLATFORM_INSTAGRAM, FALSE, MK_FAKE_IG_ME, MK_FAKE_ERROR_PERMISSION, MK_PLATFORM_ERROR_PERMISSION, -1, 10 },
  { MK_PLATFORM_FACEBOOK, FALSE, MK_FAKE_FB_PAGE, MK_FAKE_ERROR_PERMISSION, MK_PLATFORM_ERROR_PERMISSION, -1, 200 },
  { MK_PLATFORM_FACEBOOK, FALSE, MK_FAKE_FB_PAGE, MK_FAKE_ERROR_NOT_FOUND, MK_PLATFORM_ERROR_NOT_FOUND, -1, 100 },
  { MK_PLATFORM_INSTAGRAM, TRUE, MK_FAKE_IG_MEDIA, MK_FAKE_ERROR_BAD_REQUEST, MK_PLATFORM_ERROR_BAD_REQUEST, -1, 100 },
  { MK_PLATFORM_INSTAGRAM, TRUE, MK_FAKE_IG_MEDIA, MK_FAKE_ERROR_TRANSIENT, MK_PLATFORM_ERROR_SERVER, -1, 2 },
  { MK_PLATFORM_INSTAGRAM, TRUE, MK_FAKE_IG_MEDIA, MK_FAKE_ERROR_HTML_502, MK_PLATFORM_ERROR_MALFORMED, -1, 502 },
  { MK_PLATFORM_FACEBOOK, TRUE, MK_FAKE_FB_POSTS, MK_FAKE_ERROR_TRUNCATED, MK_PLATFORM_ERROR_MALFORMED, -1, 0 },
  { MK_PLATFORM_INSTAGRAM, FALSE, MK_FAKE_IG_ME, MK_FAKE_ERROR_DEEP_JSON, MK_PLATFORM_ERROR_MALFORMED, -1, 0 },
  { MK_PLATFORM_YOUTUBE, TRUE, MK_FAKE_YT_VIDEOS, MK_FAKE_ERROR_EMPTY, MK_PLATFORM_ERROR_MALFORMED, -1, 0 },
  { MK_PLATFORM_YOUTUBE, FALSE, MK_FAKE_YT_CHANNELS, MK_FAKE_ERROR_INVALID_JSON, MK_PLATFORM_ERROR_MALFORMED, -1, 0 },
  { MK_PLATFORM_YOUTUBE, FALSE, MK_FAKE_YT_CHANNELS, MK_FAKE_ERROR_TOKEN_EXPIRED, MK_PLATFORM_ERROR_TOKEN_EXPIRED, -1, 401 },
  { MK_PLATFORM_YOUTUBE, TRUE, MK_FAKE_YT_PLAYLIST, MK_FAKE_ERROR_QUOTA, MK_PLATFORM_ERROR_QUOTA_EXCEEDED, -2, 403 },
  { MK_PLATFORM_YOUTUBE, TRUE, MK_FAKE_YT_VIDEOS, MK_FAKE_ERROR_RATE_LIMIT_APP, MK_PLATFORM_ERROR_RATE_LIMITED, -1, 403 },
  { MK_PLATFORM_YOUTUBE, TRUE, MK_FAKE_YT_VIDEOS, MK_FAKE_ERROR_RATE_LIMIT_USER, MK_PLATFORM_ERROR_RATE_LIMITED, -1, 403 },
  { MK_PLATFORM_YOUTUBE, FALSE, MK_FAKE_YT_CHANNELS, MK_FAKE_ERROR_TOO_MANY_REQUESTS, MK_PLATFORM_ERROR_RATE_LIMITED, 30, 429 },
  { MK_PLATFORM_YOUTUBE, FALSE, MK_FAKE_YT_CHANNELS, MK_FAKE_ERROR_PERMISSION, MK_PLATFORM_ERROR_PERMISSION, -1, 403 },
  { MK_PLATFORM_YOUTUBE, FALSE, MK_FAKE_YT_CHANNELS, MK_FAKE_ERROR_FORBIDDEN, MK_PLATFORM_ERROR_PERMISSION, -1, 403 },
  { MK_PLATFORM_YOUTUBE, TRUE, MK_FAKE_YT_PLAYLIST, MK_FAKE_ERROR_NOT_FOUND, MK_PLATFORM_ERROR_NOT_FOUND, -1, 404 },
  { MK_PLATFORM_YOUTUBE, TRUE, MK_FAKE_YT_PLAYLIST, MK_FAKE_ERROR_BAD_REQUEST, MK_PLATFORM_ERROR_BAD_REQUEST, -1, 400 },
  { MK_PLATFORM_YOUTUBE, TRUE, MK_FAKE_YT_VIDEOS, MK_FAKE_ERROR_TRANSIENT, MK_PLATFORM_ERROR_SERVER, -1, 503 },
  { MK_PLATFORM_YOUTUBE, TRUE, MK_FAKE_YT_VIDEOS, MK_FAKE_ERROR_HTML_502, MK_PLATFORM_ERROR_MALFORMED, -1, 502 },
};

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) logs = NULL;
      gint64 retry;
      MkLogEntry *last;

      g_test_message ("case %u: %s error %d", i, c->route, c->injected);
      mk_fake_server_set_error (fixture->server, c->route, c->injected, 0);

      if (c->media)
        {
          g_autoptr(GPtrArray) items = fetch_media (fixture, c->platform, 0, NULL, &error);
          g_assert_null (items);
        }
      else
        {
          g_autoptr(MkMetricsSnapshot) snapshot = fetch_counts (fixture, c->platform, &error);
          g_assert_null (snapshot);
        }

      g_assert_error (error, MK_PLATFORM_ERROR, (int)c->expected);
      retry = mk_platform_error_get_retry_after (error);
      if (c->retry_after == -2)
        {
          g_assert_cmpint (retry, >, 0);
          g_assert_cmpint (retry, <=, 25 * 3600);
        }
      else
        g_assert_cmpint (retry, ==, c->retry_after);
      if (c->vendor_code != 0)
        g_assert_cmpint (mk_platform_error_get_vendor_code (error), ==, c->vendor_code);
      g_assert_cmpstr (error->message, !=, "");

      /* The failure is in the log, with its readable message. */
      logs = all_logs (fixture);
      last = g_ptr_array_index (logs, 0);
      g_assert_cmpint (mk_log_entry_get_status (last), ==, MK_LOG_STATUS_FAILURE);
      g_assert_cmpstr (mk_log_entry_get_action (last), ==, c->media ? "fetch_media" : "fetch_metrics");
      g_assert_nonnull (strstr (mk_log_entry_get_message (last), error->message));
      g_assert_nonnull (mk_log_entry_get_response_payload (last));

      mk_fake_server_set_error (fixture->server, c->route, MK_FAKE_ERROR_NONE, 0);
    }

  assert_no_token_logged (fixture);
}

static void
test_error_log_has_usage (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) logs = NULL;
  const char *response;

  mk_fake_server_set_error (fixture->server, MK_FAKE_IG_MEDIA, MK_FAKE_ERROR_BUC, 0);
  items = fetch_media (fixture, MK_PLATFORM_INSTAGRAM, 0, NULL, &error);
  g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_RATE_LIMITED);

  logs = all_logs (fixture);
  response = mk_log_entry_get_response_payload (g_ptr_array_index (logs, 0));
  g_assert_nonnull (strstr (response, "\"status\":400"));
  g_assert_nonnull (strstr (response, "estimated_time_to_regain_access"));
  g_assert_nonnull (strstr (response, "80002"));
}

static void
test_error_on_second_page (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) logs = NULL;

  /* Page 1 is fine, page 2 is a proxy page: the fetch fails as a whole
   * (the caller keeps its last good media), it does not half-succeed. */
  mk_fake_server_set_error (fixture->server, MK_FAKE_IG_MEDIA, MK_FAKE_ERROR_HTML_502, 1);
  items = fetch_media (fixture, MK_PLATFORM_INSTAGRAM, 0, NULL, &error);
  g_assert_null (items);
  g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "web page"));
  g_assert_true (mk_platform_error_is_transient (error));

  logs = all_logs (fixture);
  g_assert_cmpuint (logs->len, ==, 2);
  g_assert_cmpint (mk_log_entry_get_status (g_ptr_array_index (logs, 0)), ==, MK_LOG_STATUS_FAILURE);
  g_assert_cmpint (mk_log_entry_get_status (g_ptr_array_index (logs, 1)), ==, MK_LOG_STATUS_SUCCESS);
}

static void
test_foreign_paging_link (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) logs = NULL;

  /* The token would travel with the link: never follow it off the API's
   * host, even to a look-alike name. */
  mk_fake_server_set_error (fixture->server, MK_FAKE_IG_MEDIA, MK_FAKE_ERROR_FOREIGN_NEXT, 0);
  items = fetch_media (fixture, MK_PLATFORM_INSTAGRAM, 0, NULL, &error);
  g_assert_null (items);
  g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_MALFORMED);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_MEDIA), ==, 1);

  logs = all_logs (fixture);
  g_assert_cmpuint (logs->len, ==, 2);
  g_assert_nonnull (strstr (mk_log_entry_get_request_payload (g_ptr_array_index (logs, 0)), "evil.example"));
}

static void
test_usage_full_stops_paging (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  /* Page 1 arrives, but at 100 % usage asking for page 2 would only
   * extend the block: stop and say how long to wait. */
  mk_fake_server_set_error (fixture->server, MK_FAKE_IG_MEDIA, MK_FAKE_ERROR_USAGE_FULL, 0);
  items = fetch_media (fixture, MK_PLATFORM_INSTAGRAM, 0, NULL, &error);
  g_assert_null (items);
  g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_RATE_LIMITED);
  g_assert_cmpint (mk_platform_error_get_retry_after (error), ==, 7 * 60);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_MEDIA), ==, 1);
  g_clear_error (&error);

  /* The last page of a fetch at full usage is still a success. */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = fetch_media (fixture, MK_PLATFORM_INSTAGRAM, 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 5);
}

static void
test_rejected_token (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  mk_fake_server_set_rejected_token (fixture->server, YT_TOKEN);
  items = fetch_media (fixture, MK_PLATFORM_YOUTUBE, 0, NULL, &error);
  g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_TOKEN_EXPIRED);
}

static void
test_network_error (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MkEndpoints) endpoints = NULL;
  g_autoptr(MkHttp) http = NULL;
  g_autoptr(MkPlatformProvider) provider = mk_platform_provider_new_for_platform (MK_PLATFORM_INSTAGRAM);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkMetricsSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) logs = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autofree char *spec = NULL;
  guint16 port;

  /* A port that was free a moment ago: nobody answers there. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new (loopback, 0);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  g_clear_object (&address);
  address = g_socket_get_local_address (socket, &error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));
  g_socket_close (socket, NULL);

  spec = g_strdup_printf ("https://graph.instagram.com=http://127.0.0.1:%u", port);
  endpoints = mk_endpoints_parse (spec, &error);
  g_assert_no_error (error);
  http = mk_http_new (endpoints, fixture->store);

  mk_platform_provider_fetch_counts_async (provider, http, IG_TOKEN, NULL, fixture->user_id,
                                           NULL, on_done, &result);
  snapshot = mk_platform_provider_fetch_counts_finish (provider, wait_for (&result), &error);
  g_assert_null (snapshot);
  g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_NETWORK);
  g_assert_true (mk_platform_error_is_transient (error));

  /* This client's own writer: all_logs() flushes the fixture's. */
  mk_log_writer_flush (mk_http_get_log_writer (http));
  logs = all_logs (fixture);
  g_assert_cmpuint (logs->len, ==, 1);
  g_assert_cmpint (mk_log_entry_get_status (g_ptr_array_index (logs, 0)), ==, MK_LOG_STATUS_FAILURE);
  g_assert_null (mk_log_entry_get_response_payload (g_ptr_array_index (logs, 0)));
}

static void
test_latency_and_cancel (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkMetricsSnapshot) snapshot = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 start;

  mk_fake_server_set_latency (fixture->server, 200);

  start = g_get_monotonic_time ();
  snapshot = fetch_counts (fixture, MK_PLATFORM_INSTAGRAM, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 200 * 1000);

  /* Cancel while the first page is held back. */
  g_timeout_add_once (50, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  items = fetch_media (fixture, MK_PLATFORM_INSTAGRAM, 0, cancellable, &error);
  g_assert_null (items);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The pure parsers, without the network (what the fuzz harnesses call). */

static void
test_parsers_defensive (void)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(MkMetricsSnapshot) snapshot = NULL;
  char *next = (char *) "unset";
  const char *page = "{\"data\":[{\"id\":\"1\",\"media_type\":\"IMAGE\",\"like_count\":\"12\","
                     "\"comments_count\":9223372036854775807,\"permalink\":\"javascript:alert(1)\","
                     "\"timestamp\":\"garbage\",\"caption\":\"\\u202e\\ud83d\\ude00\"},"
                     "{\"media_type\":\"VIDEO\"},{\"id\":\"a/../b\"},{\"id\":42},{\"id\":\"x\\u0085y\"},"
                     "{\"id\":\" \"},{\"id\":\"1\\u2028\"},\"str\",null],"
                     "\"paging\":{\"next\":\"ftp://elsewhere\"}}";
  MkMediaItem *item;

  g_assert_true (mk_instagram_parse_media_page (page, strlen (page), out, &next, &error));
  g_assert_no_error (error);
  /* Only the item with a usable id is kept. */
  g_assert_cmpuint (out->len, ==, 1);
  g_assert_null (next);
  item = g_ptr_array_index (out, 0);
  g_assert_cmpint (mk_media_item_get_like_count (item), ==, 12);
  g_assert_cmpint (mk_media_item_get_comment_count (item), ==, G_MAXINT64);
  g_assert_null (mk_media_item_get_permalink (item));
  g_assert_null (mk_media_item_get_published_at (item));
  g_assert_cmpstr (mk_media_item_get_caption (item), ==, "\u202e😀");

  g_assert_false (mk_instagram_parse_media_page ("{\"paging\":{}}", 13, out, &next, &error));
  g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_MALFORMED);
  g_clear_error (&error);

  g_assert_false (mk_instagram_parse_media_page ("[1,2]", 5, out, NULL, &error));
  g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_MALFORMED);
  g_clear_error (&error);

  /* Hidden YouTube subscribers: unknown even when sent as "0". */
  {
    const char *channel = "{\"items\":[{\"id\":\"UC1\",\"statistics\":{\"viewCount\":\"18446744073709551615\","
                          "\"subscriberCount\":\"0\",\"hiddenSubscriberCount\":true,\"videoCount\":\"5000000000\"},"
                          "\"contentDetails\":{\"relatedPlaylists\":{\"uploads\":\"UU1,evil\"}}}]}";
    char *uploads = NULL;

    snapshot = mk_youtube_parse_channel (channel, strlen (channel), &uploads, &error);
    g_assert_no_error (error);
    g_assert_cmpint (mk_metrics_snapshot_get_follower_count (snapshot), ==, -1);
    g_assert_cmpint (mk_metrics_snapshot_get_view_count (snapshot), ==, -1);
    g_assert_cmpint (mk_metrics_snapshot_get_media_count (snapshot), ==, G_GINT64_CONSTANT (5000000000));
    /* An id that would smuggle a second parameter is refused. */
    g_assert_null (uploads);
  }

  /* No channel: the "create a channel" state. */
  g_clear_object (&snapshot);
  {
    const char *empty = "{\"kind\":\"youtube#channelListResponse\"}";

    snapshot = mk_youtube_parse_channel (empty, strlen (empty), NULL, &error);
  }
  g_assert_null (snapshot);
  g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A person who manages no page. */
  {
    char *page_id = NULL, *page_token = NULL;

    g_assert_false (mk_facebook_parse_accounts ("{\"data\":[]}", strlen ("{\"data\":[]}"), NULL, &page_id, &page_token, &error));
    g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_NOT_FOUND);
    g_assert_null (page_id);
    g_assert_null (page_token);
  }
}

static void
test_retry_after (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 24, 12, 0, 0);
  g_autoptr(GDateTime) pacific_evening = g_date_time_new_utc (2026, 11, 25, 7, 30, 0);

  g_assert_cmpint (mk_platform_parse_retry_after ("120", now), ==, 120);
  g_assert_cmpint (mk_platform_parse_retry_after (" 7 ", now), ==, 7);
  g_assert_cmpint (mk_platform_parse_retry_after ("Tue, 24 Nov 2026 12:01:30 GMT", now), ==, 90);
  g_assert_cmpint (mk_platform_parse_retry_after ("Tue, 24 Nov 2026 11:00:00 GMT", now), ==, 0);
  g_assert_cmpint (mk_platform_parse_retry_after ("-5", now), ==, -1);
  g_assert_cmpint (mk_platform_parse_retry_after ("soon", now), ==, -1);
  g_assert_cmpint (mk_platform_parse_retry_after (NULL, now), ==, -1);

  /* 07:30 UTC on 25 Nov is 23:30 PST on the 24th: half an hour left. */
  g_assert_cmpint (mk_google_seconds_to_quota_reset (pacific_evening), ==, 30 * 60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/fetch/counts", test_counts);
  ADD ("/fetch/counts-log-row", test_counts_log_row);
  ADD ("/fetch/instagram-media", test_instagram_media);
  ADD ("/fetch/media-max-items", test_media_max_items);
  ADD ("/fetch/facebook-media", test_facebook_media);
  ADD ("/fetch/youtube-media", test_youtube_media);
  ADD ("/fetch/generated-and-page-cap", test_generated_and_page_cap);
  ADD ("/fetch/errors", test_errors);
  ADD ("/fetch/error-log-usage", test_error_log_has_usage);
  ADD ("/fetch/error-second-page", test_error_on_second_page);
  ADD ("/fetch/foreign-paging-link", test_foreign_paging_link);
  ADD ("/fetch/usage-full", test_usage_full_stops_paging);
  ADD ("/fetch/rejected-token", test_rejected_token);
  ADD ("/fetch/network-error", test_network_error);
  ADD ("/fetch/latency-and-cancel", test_latency_and_cancel);
  g_test_add_func ("/fetch/parsers-defensive", test_parsers_defensive);
  g_test_add_func ("/fetch/retry-after", test_retry_after);

  return g_test_run ();
}
