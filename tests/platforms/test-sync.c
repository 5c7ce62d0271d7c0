/* test-sync.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "mk-connection-service.h"
#include "mk-connections-table.h"
#include "mk-engagement.h"
#include "mk-fake-server.h"
#include "mk-logs-table.h"
#include "mk-media-table.h"
#include "mk-metrics-table.h"
#include "mk-sync-service.h"
#include "mk-sync-waits.h"
#include "mk-thumbnail-cache.h"
#include "mk-time.h"
#include "store-test-util.h"
#include "sync-test-util.h"

/* MkSyncService against the fake server and the real keyring that
 * build-aux/headless-run starts. Skipped without a session bus. Media are
 * always the fake's generated ones, whose thumbnails are on the fake too:
 * the fixtures' CDN addresses must never be fetched. */

#define GENERATED 5
#define TINY_PNG_SIZE 67

static GString *captured_output;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (fields[i].length < 0)
      g_string_append_printf (captured_output, "%s\n", (const char *) fields[i].value);
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
capture_print (const char *text)
{
  g_string_append (captured_output, text);
  fputs (text, stdout);
  fflush (stdout);
}

typedef struct
{
  MkFakeServer        *server;
  char                *dir;
  char                *cache_dir;
  MkStore             *store;
  MkVault             *vault;
  MkHttp              *http;
  MkConnectionService *connections;
  MkSyncService       *sync;
  char                *user_id;
  GDateTime           *now;       /* NULL: the real clock */
  guint                syncing_notifies;
  guint                updated[MK_PLATFORM_YOUTUBE + 1];
} Fixture;

static GDateTime *
fixture_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  if (fixture->now != NULL)
    return g_date_time_ref (fixture->now);
  return g_date_time_new_now_utc ();
}

static void
advance_clock (Fixture *fixture,
               int      seconds)
{
  GDateTime *later;

  if (fixture->now == NULL)
    fixture->now = g_date_time_new_now_utc ();
  later = g_date_time_add_seconds (fixture->now, seconds);
  g_date_time_unref (fixture->now);
  fixture->now = later;
}

static gboolean
have_keyring (void)
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    return TRUE;
  g_test_skip ("No session bus: run under build-aux/headless-run for a real keyring");
  return FALSE;
}

static void
on_syncing (GObject    *object,
            GParamSpec *pspec,
            Fixture    *fixture)
{
  fixture->syncing_notifies++;
}

static void
on_platform_updated (MkSyncService *sync,
                     MkPlatform     platform,
                     Fixture       *fixture)
{
  fixture->updated[platform]++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *spec = NULL;
  g_autoptr(MkEndpoints) endpoints = NULL;
  g_autoptr(GError) error = NULL;

  fixture->server = mk_fake_server_new ();
  mk_fake_server_set_generated_media (fixture->server, GENERATED);
  spec = mk_fake_server_get_endpoints_spec (fixture->server);
  endpoints = mk_endpoints_parse (spec, &error);
  g_assert_no_error (error);

  fixture->dir = store_test_make_dir ();
  fixture->cache_dir = g_build_filename (fixture->dir, "cache", NULL);
  fixture->store = store_test_open (fixture->dir);
  fixture->user_id = store_test_add_user (fixture->store, "sarah@example.com");
  fixture->vault = mk_vault_new ();
  fixture->http = mk_http_new (endpoints, fixture->store);
  fixture->connections = mk_connection_service_new (fixture->store, fixture->vault, fixture->http,
                                                    fixture->user_id);
  mk_connection_service_set_client_id (fixture->connections, MK_PLATFORM_YOUTUBE,
                                       "482913007751-test.apps.googleusercontent.com");
  mk_connection_service_set_client_id (fixture->connections, MK_PLATFORM_INSTAGRAM, "465029381746502");
  mk_connection_service_set_client_id (fixture->connections, MK_PLATFORM_FACEBOOK, "465029381746502");
  /* No client secrets: they are keyring items shared by name with
   * test-connect, which may run at the same time; the fake's refresh does
   * not ask for one. */

  fixture->sync = mk_sync_service_new (fixture->connections, fixture->store, fixture->user_id,
                                       fixture->cache_dir, NULL);
  mk_sync_service_set_clock (fixture->sync, fixture_clock, fixture);
  g_signal_connect (fixture->sync, "notify::syncing", G_CALLBACK (on_syncing), fixture);
  g_signal_connect (fixture->sync, "platform-updated", G_CALLBACK (on_platform_updated), fixture);
}

static void wait_thumbnails (Fixture *fixture);

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Nothing may still be writing into the folder that goes next. */
  mk_sync_service_cancel (fixture->sync);
  wait_thumbnails (fixture);

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    {
      /* Leave nothing in the keyring. */
      sync_test_clear_keyring (fixture->store, fixture->vault, fixture->user_id);
    }

  g_clear_object (&fixture->sync);
  g_clear_object (&fixture->connections);
  g_clear_object (&fixture->http);
  g_clear_object (&fixture->vault);
  g_clear_object (&fixture->store);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->cache_dir);
  g_free (fixture->user_id);
  g_clear_pointer (&fixture->now, g_date_time_unref);
  mk_fake_server_free (fixture->server);
}

static void
seed (Fixture    *fixture,
      MkPlatform  platform,
      const char *access,
      const char *refresh)
{
  g_autofree char *id = sync_test_seed_connection (fixture->store, fixture->vault, fixture->user_id,
                                                   platform, access, refresh);
}

static void
seed_all (Fixture *fixture)
{
  seed (fixture, MK_PLATFORM_INSTAGRAM, "IGAAtestaccesstoken", NULL);
  seed (fixture, MK_PLATFORM_FACEBOOK, "EAAtestusertoken", NULL);
  seed (fixture, MK_PLATFORM_YOUTUBE, "ya29.test-access", "1//test-refresh");
  mk_sync_service_reload (fixture->sync);
}

static gboolean
run_sync (Fixture  *fixture,
          GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mk_sync_service_sync_async (fixture->sync, NULL, sync_test_on_done, &result);
  return mk_sync_service_sync_finish (fixture->sync, sync_test_wait (&result), error);
}

static void
wait_thumbnails (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;

  mk_sync_service_wait_thumbnails_async (fixture->sync, NULL, sync_test_on_done, &result);
  g_assert_true (mk_sync_service_wait_thumbnails_finish (fixture->sync, sync_test_wait (&result), NULL));
}

static guint
history_len (Fixture    *fixture,
             MkPlatform  platform)
{
  g_autoptr(GPtrArray) rows = mk_store_metrics_history (fixture->store, fixture->user_id, platform, NULL, NULL);

  g_assert_nonnull (rows);
  return rows->len;
}

static GPtrArray *
media_of (Fixture    *fixture,
          MkPlatform  platform)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = mk_store_media_list (fixture->store, fixture->user_id, platform, 0, &error);

  g_assert_no_error (error);
  return items;
}

static gint64
count_logs (Fixture    *fixture,
            const char *action,
            MkLogStatus status)
{
  MkLogFilter filter = { .action = action, .has_status = TRUE, .status = status };

  return mk_store_logs_count (fixture->store, &filter, NULL);
}

static MkSyncStatus *
status_of (Fixture    *fixture,
           MkPlatform  platform)
{
  return mk_sync_service_get_status (fixture->sync, platform);
}

static const MkPlatform all_platforms[] = {
  MK_PLATFORM_INSTAGRAM, MK_PLATFORM_FACEBOOK, MK_PLATFORM_YOUTUBE,
};

static void
test_three_platforms (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  if (!have_keyring ())
    return;

  seed_all (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (mk_sync_service_get_statuses (fixture->sync)), ==, 3);

  /* All three are under way at once, not one after the other. */
  mk_sync_service_sync_async (fixture->sync, NULL, sync_test_on_done, &result);
  g_assert_true (mk_sync_service_get_syncing (fixture->sync));
  for (guint i = 0; i < G_N_ELEMENTS (all_platforms); i++)
    g_assert_cmpint (mk_sync_status_get_state (status_of (fixture, all_platforms[i])), ==, MK_SYNC_STATE_SYNCING);
  g_assert_true (mk_sync_service_sync_finish (fixture->sync, sync_test_wait (&result), &error));
  g_assert_no_error (error);
  g_assert_false (mk_sync_service_get_syncing (fixture->sync));
  g_assert_cmpuint (fixture->syncing_notifies, ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (all_platforms); i++)
    {
      MkPlatform platform = all_platforms[i];
      MkSyncStatus *status = status_of (fixture, platform);
      g_autoptr(GPtrArray) media = media_of (fixture, platform);

      g_assert_cmpuint (history_len (fixture, platform), ==, 1);
      g_assert_cmpuint (media->len, ==, GENERATED);
      g_assert_cmpint (mk_sync_status_get_state (status), ==, MK_SYNC_STATE_DONE);
      g_assert_true (mk_sync_status_get_connected (status));
      g_assert_nonnull (mk_sync_status_get_last_updated (status));
      g_assert_null (mk_sync_status_get_message (status));
      g_assert_cmpfloat (mk_sync_status_get_progress (status), ==, 1.0);
      g_assert_cmpuint (fixture->updated[platform], ==, 1);
    }

  {
    g_autoptr(MkMetricsSnapshot) ig = mk_store_metrics_latest (fixture->store, fixture->user_id,
                                                               MK_PLATFORM_INSTAGRAM, NULL);
    g_assert_cmpint (mk_metrics_snapshot_get_follower_count (ig), ==, 48230);
  }
  g_assert_cmpint (count_logs (fixture, "fetch_metrics", MK_LOG_STATUS_SUCCESS), >=, 3);
  g_assert_cmpint (count_logs (fixture, "fetch_media", MK_LOG_STATUS_SUCCESS), >=, 3);

  /* A second sync adds history; it does not replace it. */
  g_assert_true (run_sync (fixture, &error));
  for (guint i = 0; i < G_N_ELEMENTS (all_platforms); i++)
    g_assert_cmpuint (history_len (fixture, all_platforms[i]), ==, 2);
}

static void
test_thumbnails (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) media = NULL;
  g_autoptr(GPtrArray) logs = NULL;
  g_autofree char *expected_dir = g_build_filename (fixture->cache_dir, "thumbnails", NULL);
  MkLogFilter filter = { .action = "fetch_thumbnail" };

  if (!have_keyring ())
    return;

  seed_all (fixture);
  g_assert_cmpstr (mk_sync_service_get_thumbnail_dir (fixture->sync), ==, expected_dir);
  g_assert_true (run_sync (fixture, &error));
  wait_thumbnails (fixture);

  media = media_of (fixture, MK_PLATFORM_NONE);
  g_assert_cmpuint (media->len, ==, 3 * GENERATED);
  for (guint i = 0; i < media->len; i++)
    {
      MkMediaItem *item = g_ptr_array_index (media, i);
      const char *file = mk_media_item_get_thumbnail_file (item);
      g_autofree char *path = NULL;
      g_autofree char *expected = mk_thumbnail_cache_file_name (mk_media_item_get_platform (item),
                                                                mk_media_item_get_platform_media_id (item));

      g_assert_nonnull (file);
      g_assert_cmpstr (file, ==, expected);
      path = g_build_filename (expected_dir, file, NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_THUMBNAIL), ==, 3 * GENERATED);

  /* Written under a temporary name and renamed: nothing else is left. */
  {
    g_autoptr(GDir) dir = g_dir_open (expected_dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_assert_cmpuint (strlen (name), ==, 64);
        n++;
      }
    g_assert_cmpuint (n, ==, 3 * GENERATED);
  }

  /* One row per request, its URL without the query string. */
  g_assert_cmpint (count_logs (fixture, "fetch_thumbnail", MK_LOG_STATUS_SUCCESS), ==, 3 * GENERATED);
  logs = mk_store_logs_list_page (fixture->store, &filter, NULL, NULL, 100, NULL);
  for (guint i = 0; i < logs->len; i++)
    {
      MkLogEntry *entry = g_ptr_array_index (logs, i);

      g_assert_null (strchr (mk_log_entry_get_request_payload (entry), '?'));
      g_assert_cmpstr (mk_log_entry_get_ip_address (entry), ==, "127.0.0.1");
      g_assert_nonnull (strstr (mk_log_entry_get_request_payload (entry), "/thumbnails/"));
    }

  /* Files already there are not downloaded again. */
  g_assert_true (run_sync (fixture, &error));
  wait_thumbnails (fixture);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_THUMBNAIL), ==, 3 * GENERATED);
}

static guint64
dir_size (const char *path,
          guint      *n_files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint64 total = 0;

  *n_files = 0;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (child, &st), ==, 0);
      total += st.st_size;
      (*n_files)++;
    }
  return total;
}

static void
test_thumbnail_cap (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) media = NULL;
  guint n_files = 0;
  guint recorded = 0;

  if (!have_keyring ())
    return;

  mk_fake_server_set_generated_media (fixture->server, 20);
  mk_sync_service_set_thumbnail_cap (fixture->sync, 10 * TINY_PNG_SIZE);
  seed_all (fixture);
  g_assert_true (run_sync (fixture, &error));
  wait_thumbnails (fixture);

  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_THUMBNAIL), ==, 60);
  g_assert_cmpuint (dir_size (mk_sync_service_get_thumbnail_dir (fixture->sync), &n_files), <=, 10 * TINY_PNG_SIZE);
  g_assert_cmpuint (n_files, ==, 10);

  /* The database names exactly the files that stayed. */
  media = media_of (fixture, MK_PLATFORM_NONE);
  for (guint i = 0; i < media->len; i++)
    {
      const char *file = mk_media_item_get_thumbnail_file (g_ptr_array_index (media, i));

      if (file != NULL)
        {
          g_autofree char *path = g_build_filename (mk_sync_service_get_thumbnail_dir (fixture->sync), file, NULL);

          g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
          recorded++;
        }
    }
  g_assert_cmpuint (recorded, ==, 10);
}

/* The rate stored is the one the "engagement-formula" setting asks for. */
static void
test_engagement_setting (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autoptr(MkSyncService) sync = NULL;
  g_autoptr(GError) error = NULL;
  const char *formulas[] = { "mean", "median" };
  MkEngagementMethod methods[] = { MK_ENGAGEMENT_METHOD_MEAN, MK_ENGAGEMENT_METHOD_MEDIAN };
  double rates[2];

  if (!have_keyring ())
    return;

  mk_fake_server_set_generated_media (fixture->server, 15);
  seed (fixture, MK_PLATFORM_INSTAGRAM, "IGAAtestaccesstoken", NULL);
  sync = mk_sync_service_new (fixture->connections, fixture->store, fixture->user_id,
                              fixture->cache_dir, settings);

  for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(MkMetricsSnapshot) latest = NULL;
      g_autoptr(GPtrArray) media = NULL;
      MkEngagement expected;

      g_settings_set_string (settings, "engagement-formula", formulas[i]);
      mk_sync_service_sync_async (sync, NULL, sync_test_on_done, &result);
      g_assert_true (mk_sync_service_sync_finish (sync, sync_test_wait (&result), &error));

      latest = mk_store_metrics_latest (fixture->store, fixture->user_id, MK_PLATFORM_INSTAGRAM, NULL);
      media = media_of (fixture, MK_PLATFORM_INSTAGRAM);
      mk_engagement_compute (MK_PLATFORM_INSTAGRAM, mk_metrics_snapshot_get_follower_count (latest),
                             media, methods[i], &expected);
      rates[i] = mk_metrics_snapshot_get_engagement_rate (latest);
      g_assert_false (isnan (rates[i]));
      g_assert_cmpfloat_with_epsilon (rates[i], expected.rate, 1e-9);
    }

  /* The generated posts are uneven enough for the two to differ. */
  g_assert_cmpfloat (rates[0], !=, rates[1]);

  {
    g_autoptr(GAsyncResult) result = NULL;
    mk_sync_service_wait_thumbnails_async (sync, NULL, sync_test_on_done, &result);
    mk_sync_service_wait_thumbnails_finish (sync, sync_test_wait (&result), NULL);
  }
}

static void
test_failure_keeps_last_good (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *last_updated = NULL;
  MkSyncStatus *youtube;
  MkSyncStatus *facebook;

  if (!have_keyring ())
    return;

  seed_all (fixture);
  g_assert_true (run_sync (fixture, &error));
  youtube = status_of (fixture, MK_PLATFORM_YOUTUBE);
  facebook = status_of (fixture, MK_PLATFORM_FACEBOOK);
  last_updated = g_strdup (mk_sync_status_get_last_updated (youtube));
  before = media_of (fixture, MK_PLATFORM_YOUTUBE);

  /* YouTube's server is down; Facebook answers with a proxy's HTML page. */
  mk_fake_server_set_generated_media (fixture->server, GENERATED + 2);
  mk_fake_server_set_error (fixture->server, MK_FAKE_YT_CHANNELS, MK_FAKE_ERROR_TRANSIENT, 0);
  mk_fake_server_set_error (fixture->server, MK_FAKE_FB_POSTS, MK_FAKE_ERROR_HTML_502, 0);
  advance_clock (fixture, 60);

  g_assert_false (run_sync (fixture, &error));
  g_assert_error (error, MK_SYNC_ERROR, MK_SYNC_ERROR_PARTIAL);

  /* Instagram went ahead. */
  g_assert_cmpuint (history_len (fixture, MK_PLATFORM_INSTAGRAM), ==, 2);
  g_assert_cmpint (mk_sync_status_get_state (status_of (fixture, MK_PLATFORM_INSTAGRAM)), ==, MK_SYNC_STATE_DONE);
  {
    g_autoptr(GPtrArray) ig = media_of (fixture, MK_PLATFORM_INSTAGRAM);
    g_assert_cmpuint (ig->len, ==, GENERATED + 2);
  }

  /* YouTube and Facebook keep what they had, and say why. */
  g_assert_cmpuint (history_len (fixture, MK_PLATFORM_YOUTUBE), ==, 1);
  g_assert_cmpuint (history_len (fixture, MK_PLATFORM_FACEBOOK), ==, 1);
  after = media_of (fixture, MK_PLATFORM_YOUTUBE);
  g_assert_cmpuint (after->len, ==, before->len);
  {
    g_autoptr(GPtrArray) fb = media_of (fixture, MK_PLATFORM_FACEBOOK);
    g_assert_cmpuint (fb->len, ==, GENERATED);
  }
  g_assert_cmpint (mk_sync_status_get_state (youtube), ==, MK_SYNC_STATE_FAILED);
  g_assert_cmpint (mk_sync_status_get_state (facebook), ==, MK_SYNC_STATE_FAILED);
  g_assert_cmpstr (mk_sync_status_get_last_updated (youtube), ==, last_updated);
  g_assert_nonnull (strstr (mk_sync_status_get_message (youtube), "YouTube"));
  g_assert_nonnull (strstr (mk_sync_status_get_message (facebook), "Facebook"));
  g_assert_false (mk_sync_status_get_needs_reconnect (youtube));
  g_assert_cmpint (mk_connection_service_get_state (fixture->connections, MK_PLATFORM_YOUTUBE, NULL),
                   ==, MK_CONNECTION_STATE_CONNECTED);

  /* The platform is back: the next sync brings it up to date. */
  mk_fake_server_set_error (fixture->server, MK_FAKE_YT_CHANNELS, MK_FAKE_ERROR_NONE, 0);
  mk_fake_server_set_error (fixture->server, MK_FAKE_FB_POSTS, MK_FAKE_ERROR_NONE, 0);
  g_clear_error (&error);
  g_assert_true (run_sync (fixture, &error));
  g_assert_cmpuint (history_len (fixture, MK_PLATFORM_YOUTUBE), ==, 2);
  g_assert_null (mk_sync_status_get_message (youtube));
}

static void
test_expired_token_retry (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkConnection) row = NULL;
  guint channels_before;

  if (!have_keyring ())
    return;

  /* Google answers 401 to the stored token: one refresh, one retry. */
  seed (fixture, MK_PLATFORM_YOUTUBE, "ya29.expired-test-token", "1//test-refresh");
  mk_fake_server_set_rejected_token (fixture->server, "ya29.expired-test-token");
  mk_sync_service_reload (fixture->sync);

  g_assert_true (run_sync (fixture, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_GOOGLE_TOKEN_REFRESH), ==, 1);
  /* The counts twice (refused, then retried with the new token), the media
   * listing once (it looks up the uploads playlist there). */
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_YT_CHANNELS), ==, 3);
  g_assert_cmpint (count_logs (fixture, "fetch_metrics", MK_LOG_STATUS_FAILURE), ==, 1);
  g_assert_cmpuint (history_len (fixture, MK_PLATFORM_YOUTUBE), ==, 1);
  g_assert_cmpint (mk_sync_status_get_state (status_of (fixture, MK_PLATFORM_YOUTUBE)), ==, MK_SYNC_STATE_DONE);

  /* Still refused after the refresh: exactly one retry, then "needs
   * reconnecting", here and in Connections. */
  mk_fake_server_set_error (fixture->server, MK_FAKE_YT_CHANNELS, MK_FAKE_ERROR_TOKEN_EXPIRED, 0);
  channels_before = mk_fake_server_get_hits (fixture->server, MK_FAKE_YT_CHANNELS);
  g_assert_false (run_sync (fixture, &error));
  g_assert_error (error, MK_SYNC_ERROR, MK_SYNC_ERROR_PARTIAL);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_YT_CHANNELS), ==, channels_before + 2);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_GOOGLE_TOKEN_REFRESH), ==, 2);
  g_assert_true (mk_sync_status_get_needs_reconnect (status_of (fixture, MK_PLATFORM_YOUTUBE)));
  g_assert_cmpint (mk_sync_status_get_state (status_of (fixture, MK_PLATFORM_YOUTUBE)), ==, MK_SYNC_STATE_FAILED);
  g_assert_cmpint (mk_connection_service_get_state (fixture->connections, MK_PLATFORM_YOUTUBE, NULL),
                   ==, MK_CONNECTION_STATE_NEEDS_RECONNECT);
  g_assert_cmpuint (history_len (fixture, MK_PLATFORM_YOUTUBE), ==, 1);

  /* Not tried again until reconnected. */
  g_clear_error (&error);
  channels_before = mk_fake_server_get_hits (fixture->server, MK_FAKE_YT_CHANNELS);
  g_assert_false (run_sync (fixture, &error));
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_YT_CHANNELS), ==, channels_before);
  row = mk_store_connections_get_for_platform (fixture->store, fixture->user_id, MK_PLATFORM_YOUTUBE, NULL);
  g_assert_true (mk_connection_get_is_connected (row));
}

static void
test_invalid_token (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_keyring ())
    return;

  /* Meta 190 without the "expired" subcode: no refresh, reconnect. */
  seed (fixture, MK_PLATFORM_INSTAGRAM, "IGAArevokedtoken", NULL);
  seed (fixture, MK_PLATFORM_YOUTUBE, "ya29.test-access", "1//test-refresh");
  mk_fake_server_set_rejected_token (fixture->server, "IGAArevokedtoken");
  mk_sync_service_reload (fixture->sync);

  g_assert_false (run_sync (fixture, &error));
  g_assert_error (error, MK_SYNC_ERROR, MK_SYNC_ERROR_PARTIAL);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_REFRESH), ==, 0);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_ME), ==, 1);
  g_assert_true (mk_sync_status_get_needs_reconnect (status_of (fixture, MK_PLATFORM_INSTAGRAM)));
  g_assert_nonnull (strstr (mk_sync_status_get_message (status_of (fixture, MK_PLATFORM_INSTAGRAM)),
                            "connected again"));
  g_assert_cmpint (mk_connection_service_get_state (fixture->connections, MK_PLATFORM_INSTAGRAM, NULL),
                   ==, MK_CONNECTION_STATE_NEEDS_RECONNECT);
  /* The other platform is not held up by it. */
  g_assert_cmpuint (history_len (fixture, MK_PLATFORM_YOUTUBE), ==, 1);
}

static void
test_rate_limit_retry_after (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = NULL;
  MkSyncStatus *instagram;
  GDateTime *retry_at;
  guint hits;

  if (!have_keyring ())
    return;

  advance_clock (fixture, 0);
  start = g_date_time_ref (fixture->now);
  seed (fixture, MK_PLATFORM_INSTAGRAM, "IGAAtestaccesstoken", NULL);
  seed (fixture, MK_PLATFORM_YOUTUBE, "ya29.test-access", "1//test-refresh");
  mk_sync_service_reload (fixture->sync);
  instagram = status_of (fixture, MK_PLATFORM_INSTAGRAM);

  /* HTTP 429 with Retry-After: 30. */
  mk_fake_server_set_error (fixture->server, MK_FAKE_IG_ME, MK_FAKE_ERROR_TOO_MANY_REQUESTS, 0);
  g_assert_false (run_sync (fixture, &error));
  g_assert_error (error, MK_SYNC_ERROR, MK_SYNC_ERROR_PARTIAL);
  g_assert_cmpint (mk_sync_status_get_state (instagram), ==, MK_SYNC_STATE_WAITING);
  retry_at = mk_sync_status_get_retry_at (instagram);
  g_assert_nonnull (retry_at);
  g_assert_cmpint (g_date_time_difference (retry_at, start), ==, 30 * G_TIME_SPAN_SECOND);
  g_assert_nonnull (strstr (mk_sync_status_get_message (instagram), "try again at"));
  g_assert_false (mk_sync_status_get_needs_reconnect (instagram));
  g_assert_cmpint (mk_connection_service_get_state (fixture->connections, MK_PLATFORM_INSTAGRAM, NULL),
                   ==, MK_CONNECTION_STATE_CONNECTED);
  g_assert_cmpuint (history_len (fixture, MK_PLATFORM_YOUTUBE), ==, 1);

  /* Before then, the platform is skipped: no request at all. */
  mk_fake_server_set_error (fixture->server, MK_FAKE_IG_ME, MK_FAKE_ERROR_NONE, 0);
  hits = mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_ME);
  advance_clock (fixture, 29);
  g_clear_error (&error);
  g_assert_false (run_sync (fixture, &error));
  g_assert_error (error, MK_SYNC_ERROR, MK_SYNC_ERROR_PARTIAL);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_ME), ==, hits);
  g_assert_cmpint (mk_sync_status_get_state (instagram), ==, MK_SYNC_STATE_WAITING);
  g_assert_cmpuint (history_len (fixture, MK_PLATFORM_YOUTUBE), ==, 2);

  /* After it, it is fetched again. */
  advance_clock (fixture, 2);
  g_clear_error (&error);
  g_assert_true (run_sync (fixture, &error));
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_ME), ==, hits + 1);
  g_assert_cmpint (mk_sync_status_get_state (instagram), ==, MK_SYNC_STATE_DONE);
  g_assert_null (mk_sync_status_get_retry_at (instagram));
  g_assert_cmpuint (history_len (fixture, MK_PLATFORM_INSTAGRAM), ==, 1);
}

static void
test_rate_limit_backoff (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  MkSyncStatus *instagram;
  GTimeSpan wait;

  if (!have_keyring ())
    return;

  advance_clock (fixture, 0);
  seed (fixture, MK_PLATFORM_INSTAGRAM, "IGAAtestaccesstoken", NULL);
  mk_sync_service_reload (fixture->sync);
  instagram = status_of (fixture, MK_PLATFORM_INSTAGRAM);

  /* Meta 17 sends no hint: 2 s, then 4 s, each ± 20 %. */
  mk_fake_server_set_error (fixture->server, MK_FAKE_IG_ME, MK_FAKE_ERROR_RATE_LIMIT_USER, 0);
  g_assert_false (run_sync (fixture, &error));
  wait = g_date_time_difference (mk_sync_status_get_retry_at (instagram), fixture->now);
  g_assert_cmpint (wait, >=, 1 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (wait, <=, 3 * G_TIME_SPAN_SECOND);

  advance_clock (fixture, 3);
  g_clear_error (&error);
  g_assert_false (run_sync (fixture, &error));
  wait = g_date_time_difference (mk_sync_status_get_retry_at (instagram), fixture->now);
  g_assert_cmpint (wait, >=, 3 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (wait, <=, 5 * G_TIME_SPAN_SECOND);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_ME), ==, 2);
}

/* The waits file: other accounts' groups survive a write, a damaged file
 * reads as "no wait" (one request too early at worst) and is replaced, and
 * the last wait gone removes the file. */
static void
test_waits_file (void)
{
  static const MkPlatform two[] = { MK_PLATFORM_INSTAGRAM, MK_PLATFORM_YOUTUBE };
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *db = g_build_filename (dir, "mediakit.db", NULL);
  g_autofree char *path = mk_sync_waits_path (db);
  g_autoptr(GError) error = NULL;
  MkSyncWait waits[2] = { { 1900000000, 3, FALSE }, { 1900000600, 0, TRUE } };
  MkSyncWait other[2] = { { 1900001234, 1, FALSE }, { 0 } };
  MkSyncWait read[2];

  g_assert_true (g_str_has_prefix (path, dir));

  g_assert_true (mk_sync_waits_write (path, "user-a", two, waits, 2, &error));
  g_assert_no_error (error);
  g_assert_true (mk_sync_waits_write (path, "user-b", two, other, 2, &error));
  g_assert_no_error (error);

  mk_sync_waits_read (path, "user-a", two, read, 2);
  g_assert_cmpint (read[0].retry_at, ==, 1900000000);
  g_assert_cmpuint (read[0].failures, ==, 3);
  g_assert_false (read[0].quota);
  g_assert_cmpint (read[1].retry_at, ==, 1900000600);
  g_assert_true (read[1].quota);
  mk_sync_waits_read (path, "user-b", two, read, 2);
  g_assert_cmpint (read[0].retry_at, ==, 1900001234);
  g_assert_cmpint (read[1].retry_at, ==, 0);
  mk_sync_waits_read (path, "nobody", two, read, 2);
  g_assert_cmpint (read[0].retry_at, ==, 0);

  /* Damaged: no wait, and the next write replaces it. */
  g_assert_true (g_file_set_contents (path, "[user-a\ninstagram-retry-at=soon\n\x01\x02", -1, NULL));
  mk_sync_waits_read (path, "user-a", two, read, 2);
  g_assert_cmpint (read[0].retry_at, ==, 0);
  g_assert_cmpuint (read[0].failures, ==, 0);
  g_assert_true (g_file_set_contents (path, "[user-a]\ninstagram-retry-at=soon\ninstagram-failures=-4\n", -1, NULL));
  mk_sync_waits_read (path, "user-a", two, read, 2);
  g_assert_cmpint (read[0].retry_at, ==, 0);
  g_assert_true (mk_sync_waits_write (path, "user-a", two, waits, 2, &error));
  mk_sync_waits_read (path, "user-a", two, read, 2);
  g_assert_cmpint (read[0].retry_at, ==, 1900000000);

  /* No wait left for anyone: no file. (The damaged file took user-b's
   * group with it, so it is written again.) */
  g_assert_true (mk_sync_waits_write (path, "user-b", two, other, 2, &error));
  memset (waits, 0, sizeof waits);
  g_assert_true (mk_sync_waits_write (path, "user-a", two, waits, 2, &error));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  mk_sync_waits_read (path, "user-b", two, read, 2);
  g_assert_cmpint (read[0].retry_at, ==, 1900001234);
  g_assert_true (mk_sync_waits_write (path, "user-b", two, waits, 2, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  store_test_remove_dir (dir);
}

/* A wait outlives the process that was told to wait: a new service on the
 * same data (a restarted window, a --sync from a timer) skips the platform
 * until then, and the back-off grows on from where it was. */
static void
test_rate_limit_kept (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "sync-waits.ini", NULL);
  g_autofree char *contents = NULL;
  MkSyncStatus *instagram;
  gint64 retry_at;
  GTimeSpan wait;
  guint hits;

  if (!have_keyring ())
    return;

  advance_clock (fixture, 0);
  seed (fixture, MK_PLATFORM_INSTAGRAM, "IGAAtestaccesstoken", NULL);
  mk_sync_service_reload (fixture->sync);

  /* HTTP 429 with Retry-After: 30. */
  mk_fake_server_set_error (fixture->server, MK_FAKE_IG_ME, MK_FAKE_ERROR_TOO_MANY_REQUESTS, 0);
  g_assert_false (run_sync (fixture, &error));
  retry_at = g_date_time_to_unix (mk_sync_status_get_retry_at (status_of (fixture, MK_PLATFORM_INSTAGRAM)));

  /* On disk once the run has finished: times and counts, no token. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, fixture->user_id));
  g_assert_null (strstr (contents, "IGAAtestaccesstoken"));

  /* "Restart". */
  g_clear_object (&fixture->sync);
  fixture->sync = mk_sync_service_new (fixture->connections, fixture->store, fixture->user_id,
                                       fixture->cache_dir, NULL);
  mk_sync_service_set_clock (fixture->sync, fixture_clock, fixture);
  instagram = status_of (fixture, MK_PLATFORM_INSTAGRAM);
  g_assert_cmpint (mk_sync_status_get_state (instagram), ==, MK_SYNC_STATE_WAITING);
  g_assert_nonnull (mk_sync_status_get_retry_at (instagram));
  g_assert_cmpint (g_date_time_to_unix (mk_sync_status_get_retry_at (instagram)), ==, retry_at);
  g_assert_nonnull (strstr (mk_sync_status_get_message (instagram), "try again at"));

  /* Before then: skipped, no request. */
  mk_fake_server_set_error (fixture->server, MK_FAKE_IG_ME, MK_FAKE_ERROR_RATE_LIMIT_USER, 0);
  hits = mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_ME);
  g_clear_error (&error);
  g_assert_false (run_sync (fixture, &error));
  g_assert_error (error, MK_SYNC_ERROR, MK_SYNC_ERROR_PARTIAL);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_ME), ==, hits);

  /* After it, a limit without a hint is the back-off's second step:
   * 4 s ± 20 %, not the first step's 2 s. */
  advance_clock (fixture, 31);
  g_clear_error (&error);
  g_assert_false (run_sync (fixture, &error));
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_ME), ==, hits + 1);
  wait = g_date_time_difference (mk_sync_status_get_retry_at (instagram), fixture->now);
  g_assert_cmpint (wait, >=, 3 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (wait, <=, 5 * G_TIME_SPAN_SECOND);

  /* A sync that succeeds ends the wait, on disk too. */
  mk_fake_server_set_error (fixture->server, MK_FAKE_IG_ME, MK_FAKE_ERROR_NONE, 0);
  advance_clock (fixture, 6);
  g_clear_error (&error);
  g_assert_true (run_sync (fixture, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_quota_exceeded (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) pacific = g_time_zone_new_identifier ("America/Los_Angeles");
  g_autoptr(GDateTime) there = NULL;
  MkSyncStatus *youtube;
  GDateTime *retry_at;

  if (!have_keyring ())
    return;

  seed (fixture, MK_PLATFORM_YOUTUBE, "ya29.test-access", "1//test-refresh");
  mk_sync_service_reload (fixture->sync);
  youtube = status_of (fixture, MK_PLATFORM_YOUTUBE);

  mk_fake_server_set_error (fixture->server, MK_FAKE_YT_CHANNELS, MK_FAKE_ERROR_QUOTA, 0);
  g_assert_false (run_sync (fixture, &error));
  g_assert_cmpint (mk_sync_status_get_state (youtube), ==, MK_SYNC_STATE_WAITING);
  g_assert_nonnull (strstr (mk_sync_status_get_message (youtube), "quota"));

  /* Until midnight in California. */
  retry_at = mk_sync_status_get_retry_at (youtube);
  g_assert_nonnull (retry_at);
  g_assert_nonnull (pacific);
  there = g_date_time_to_timezone (retry_at, pacific);
  g_assert_cmpint (g_date_time_get_hour (there), ==, 0);
  g_assert_cmpint (g_date_time_get_minute (there), ==, 0);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_assert_cmpint (g_date_time_difference (retry_at, now), >, 0);
    g_assert_cmpint (g_date_time_difference (retry_at, now), <=, 25 * G_TIME_SPAN_HOUR);
  }
}

static void
test_sync_if_stale (Fixture       *fixture,
                    gconstpointer  data)
{
  if (!have_keyring ())
    return;

  advance_clock (fixture, 0);
  /* Nothing connected: nothing to do. */
  g_assert_false (mk_sync_service_sync_if_stale (fixture->sync));

  seed (fixture, MK_PLATFORM_INSTAGRAM, "IGAAtestaccesstoken", NULL);
  /* Never fetched: stale. */
  g_assert_true (mk_sync_service_sync_if_stale (fixture->sync));
  while (mk_sync_service_get_syncing (fixture->sync))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (history_len (fixture, MK_PLATFORM_INSTAGRAM), ==, 1);

  /* Fresh: the window opens without a request. */
  advance_clock (fixture, 5 * 3600);
  g_assert_false (mk_sync_service_sync_if_stale (fixture->sync));

  /* Older than the default six hours. */
  advance_clock (fixture, 3600 + 1);
  g_assert_true (mk_sync_service_sync_if_stale (fixture->sync));
  while (mk_sync_service_get_syncing (fixture->sync))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (history_len (fixture, MK_PLATFORM_INSTAGRAM), ==, 2);
}

static void
test_nothing_connected (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (run_sync (fixture, &error));
  g_assert_error (error, MK_SYNC_ERROR, MK_SYNC_ERROR_NOTHING_CONNECTED);
  g_assert_false (mk_sync_service_get_syncing (fixture->sync));
  for (guint i = 0; i < G_N_ELEMENTS (all_platforms); i++)
    g_assert_false (mk_sync_status_get_connected (status_of (fixture, all_platforms[i])));
}

static gboolean
cancel_soon (gpointer user_data)
{
  mk_sync_service_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_keyring ())
    return;

  seed_all (fixture);
  mk_fake_server_set_latency (fixture->server, 2000);
  g_timeout_add (100, cancel_soon, fixture->sync);
  g_assert_false (run_sync (fixture, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (mk_sync_service_get_syncing (fixture->sync));

  for (guint i = 0; i < G_N_ELEMENTS (all_platforms); i++)
    {
      g_assert_cmpuint (history_len (fixture, all_platforms[i]), ==, 0);
      g_assert_cmpint (mk_sync_status_get_state (status_of (fixture, all_platforms[i])), ==, MK_SYNC_STATE_IDLE);
    }
}

static void
test_join (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;

  if (!have_keyring ())
    return;

  seed (fixture, MK_PLATFORM_INSTAGRAM, "IGAAtestaccesstoken", NULL);
  mk_sync_service_reload (fixture->sync);

  /* A Refresh click while the start-up sync runs joins it. */
  mk_sync_service_sync_async (fixture->sync, NULL, sync_test_on_done, &first);
  mk_sync_service_sync_async (fixture->sync, NULL, sync_test_on_done, &second);
  g_assert_true (mk_sync_service_sync_finish (fixture->sync, sync_test_wait (&first), NULL));
  g_assert_true (mk_sync_service_sync_finish (fixture->sync, sync_test_wait (&second), NULL));
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_ME), ==, 1);
  g_assert_cmpuint (history_len (fixture, MK_PLATFORM_INSTAGRAM), ==, 1);
}

/* The canary: tokens that must be nowhere but in the keyring. */

static guint
assert_tree_clean (const char *dir,
                   const char *needle)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint checked = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_equal (name, "keyrings"))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        checked += assert_tree_clean (path, needle);
      else if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          if (store_test_file_contains (path, needle))
            g_error ("The canary token was found in %s", path);
          checked++;
        }
    }
  return checked;
}

static void
test_canary (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *canary = g_strdup_printf ("CANARY%08x%08x", g_random_int (), g_random_int ());
  g_autofree char *yt_old = g_strconcat ("ya29.", canary, "-old", NULL);
  g_autofree char *yt_new = g_strconcat ("ya29.", canary, "-new", NULL);
  g_autofree char *yt_refresh = g_strconcat ("1//", canary, "-refresh", NULL);
  g_autofree char *ig = g_strconcat ("IGAA", canary, NULL);
  g_autofree char *fb = g_strconcat ("EAA", canary, NULL);
  g_autoptr(GPtrArray) logs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *wal = NULL;

  if (!have_keyring ())
    return;

  seed (fixture, MK_PLATFORM_INSTAGRAM, ig, NULL);
  seed (fixture, MK_PLATFORM_FACEBOOK, fb, NULL);
  seed (fixture, MK_PLATFORM_YOUTUBE, yt_old, yt_refresh);
  mk_sync_service_reload (fixture->sync);
  /* An expired token and its refresh travel too; Meta's paging links carry
   * access_token= in their query. */
  mk_fake_server_set_rejected_token (fixture->server, yt_old);
  mk_fake_server_set_issued_tokens (fixture->server, yt_new, NULL);
  mk_fake_server_set_generated_media (fixture->server, 30);
  mk_sync_service_set_media_limit (fixture->sync, 30);

  g_assert_true (run_sync (fixture, &error));
  g_assert_no_error (error);
  wait_thumbnails (fixture);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_GOOGLE_TOKEN_REFRESH), ==, 1);

  /* A failing sync writes error bodies into the logs too. */
  mk_fake_server_set_error (fixture->server, MK_FAKE_IG_MEDIA, MK_FAKE_ERROR_TOKEN_INVALID, 0);
  g_assert_false (run_sync (fixture, &error));

  logs = mk_store_logs_list_page (fixture->store, NULL, NULL, NULL, 1000, NULL);
  g_assert_cmpuint (logs->len, >, 10);
  for (guint i = 0; i < logs->len; i++)
    {
      MkLogEntry *entry = g_ptr_array_index (logs, i);

      g_assert_null (strstr (mk_log_entry_get_message (entry) ?: "", canary));
      g_assert_null (strstr (mk_log_entry_get_request_payload (entry) ?: "", canary));
      g_assert_null (strstr (mk_log_entry_get_response_payload (entry) ?: "", canary));
    }

  db = g_build_filename (fixture->dir, "mediakit.db", NULL);
  wal = g_strconcat (db, "-wal", NULL);
  g_assert_false (store_test_file_contains (db, canary));
  g_assert_false (store_test_file_contains (wal, canary));
  /* The data dir, the thumbnail cache inside it included. */
  g_assert_cmpuint (assert_tree_clean (fixture->dir, canary), >, 3 * 30);
  assert_tree_clean (g_get_user_cache_dir (), canary);
  g_assert_null (strstr (captured_output->str, canary));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  captured_output = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_set_print_handler (capture_print);
  g_set_printerr_handler (capture_print);

  g_test_add_func ("/sync/rate-limit/waits-file", test_waits_file);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/sync/three-platforms", test_three_platforms);
  ADD ("/sync/thumbnails", test_thumbnails);
  ADD ("/sync/thumbnails/cap", test_thumbnail_cap);
  ADD ("/sync/engagement-setting", test_engagement_setting);
  ADD ("/sync/failure-keeps-last-good", test_failure_keeps_last_good);
  ADD ("/sync/token/expired-refresh-retry", test_expired_token_retry);
  ADD ("/sync/token/invalid", test_invalid_token);
  ADD ("/sync/rate-limit/retry-after", test_rate_limit_retry_after);
  ADD ("/sync/rate-limit/backoff", test_rate_limit_backoff);
  ADD ("/sync/rate-limit/quota", test_quota_exceeded);
  ADD ("/sync/rate-limit/kept-across-restart", test_rate_limit_kept);
  ADD ("/sync/if-stale", test_sync_if_stale);
  ADD ("/sync/nothing-connected", test_nothing_connected);
  ADD ("/sync/cancel", test_cancel);
  ADD ("/sync/join", test_join);
  ADD ("/sync/canary", test_canary);
#undef ADD

  return g_test_run ();
}
