/* test-pages.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>

#include "mk-connection-service.h"
#include "mk-connections-table.h"
#include "mk-facebook-fetch.h"
#include "mk-fake-server.h"
#include "mk-logs-table.h"
#include "mk-metrics-table.h"
#include "mk-oauth-error.h"
#include "mk-platform-error.h"
#include "mk-sync-service.h"
#include "store-test-util.h"
#include "sync-test-util.h"

/* Choosing the Facebook Page Mediakit reads: listing the Pages (paged),
 * choosing one, the sync reading it, Meta's 190/492 and the answers that
 * are not a list; against the fake server and the real keyring that
 * build-aux/headless-run starts (skipped without a session bus). */

#define USER_TOKEN   "EAAtestPagesUserTokenFacebook0123456789"
#define PAGING_TOKEN "EAAGm0PX4ZCpsBOSarahLensFixtureUserTokenInPagingLinkZDZD"
#define PHOTO_ID     "104857392018475"
#define TRAVEL_ID    "231907455618342"
#define WORKSHOPS_ID "318840562047719"

/* Every token of the fixtures and of the test: none may reach a logs row
 * or the database file. */
static const char * const tokens[] = {
  USER_TOKEN,
  PAGING_TOKEN,
  "EAAGm0PX4ZCpsBOSarahLensFixturePageTokenZDZDpQrStUv9876543210",
  "EAAGm0PX4ZCpsBOTravelNotesFixturePageTokenZDZDwXyZ1234567890",
  "EAAGm0PX4ZCpsBOWorkshopsFixturePageTokenZDZDaBcDeF0987654321",
};

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
  guint                changed;
} Fixture;

static gboolean
have_keyring (void)
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    return TRUE;
  g_test_skip ("No session bus: run under build-aux/headless-run for a real keyring");
  return FALSE;
}

static void
on_changed (MkConnectionService *service,
            MkPlatform           platform,
            Fixture             *fixture)
{
  if (platform == MK_PLATFORM_FACEBOOK)
    fixture->changed++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *spec = NULL;
  g_autoptr(MkEndpoints) endpoints = NULL;
  g_autoptr(GError) error = NULL;

  fixture->server = mk_fake_server_new ();
  /* The fixtures' posts point at Facebook's CDN, which a test must not
   * fetch; generated ones have their thumbnails on the fake. */
  mk_fake_server_set_generated_media (fixture->server, 3);
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
  g_signal_connect (fixture->connections, "changed", G_CALLBACK (on_changed), fixture);
  fixture->sync = mk_sync_service_new (fixture->connections, fixture->store, fixture->user_id,
                                       fixture->cache_dir, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;

  /* Nothing may still be writing into the folder that goes next. */
  mk_sync_service_cancel (fixture->sync);
  mk_sync_service_wait_thumbnails_async (fixture->sync, NULL, sync_test_on_done, &result);
  g_assert_true (mk_sync_service_wait_thumbnails_finish (fixture->sync, sync_test_wait (&result), NULL));

  /* The queued logs rows go in while the database is still there. */
  mk_log_writer_flush (mk_http_get_log_writer (fixture->http));

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    sync_test_clear_keyring (fixture->store, fixture->vault, fixture->user_id);

  g_clear_object (&fixture->sync);
  g_clear_object (&fixture->connections);
  g_clear_object (&fixture->http);
  g_clear_object (&fixture->vault);
  g_clear_object (&fixture->store);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->cache_dir);
  g_free (fixture->user_id);
  mk_fake_server_free (fixture->server);
}

/* A Facebook connection as a sign-in leaves it: the person's own id in
 * platform_user_id, the user token in the keyring. */
static void
seed_facebook (Fixture *fixture)
{
  g_autofree char *id = sync_test_seed_connection (fixture->store, fixture->vault, fixture->user_id,
                                                   MK_PLATFORM_FACEBOOK, USER_TOKEN, NULL);

  mk_sync_service_reload (fixture->sync);
}

static GListModel *
list_pages (Fixture  *fixture,
            GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mk_connection_service_list_pages_async (fixture->connections, NULL, sync_test_on_done, &result);
  return mk_connection_service_list_pages_finish (fixture->connections, sync_test_wait (&result), error);
}

static gboolean
run_sync (Fixture  *fixture,
          GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mk_sync_service_sync_async (fixture->sync, NULL, sync_test_on_done, &result);
  return mk_sync_service_sync_finish (fixture->sync, sync_test_wait (&result), error);
}

static MkFacebookPage *
page_at (GListModel *pages,
         guint       position)
{
  MkFacebookPage *page = g_list_model_get_item (pages, position);

  g_assert_nonnull (page);
  g_object_unref (page);  /* the model keeps it */
  return page;
}

static char *
stored_page_id (Fixture *fixture)
{
  g_autoptr(MkConnection) row = NULL;
  g_autoptr(GError) error = NULL;

  row = mk_store_connections_get_for_platform (fixture->store, fixture->user_id, MK_PLATFORM_FACEBOOK, &error);
  g_assert_no_error (error);
  return g_strdup (mk_connection_get_platform_user_id (row));
}

static gint64
count_logs (Fixture    *fixture,
            const char *action,
            MkLogStatus status)
{
  MkLogFilter filter = { .action = action, .has_status = TRUE, .status = status };

  mk_log_writer_flush (mk_http_get_log_writer (fixture->http));
  return mk_store_logs_count (fixture->store, &filter, NULL);
}

/* No token in any logs row, nor anywhere in the database file or its WAL
 * (free pages included). */
static void
assert_no_token_stored (Fixture *fixture)
{
  g_autoptr(GPtrArray) logs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (fixture->dir, "mediakit.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);

  mk_log_writer_flush (mk_http_get_log_writer (fixture->http));
  logs = mk_store_logs_list_page (fixture->store, NULL, NULL, NULL, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (logs->len, >, 0);

  for (guint i = 0; i < logs->len; i++)
    {
      MkLogEntry *entry = g_ptr_array_index (logs, i);
      g_autofree char *row = g_strconcat (mk_log_entry_get_message (entry) ?: "", "|",
                                          mk_log_entry_get_request_payload (entry) ?: "", "|",
                                          mk_log_entry_get_response_payload (entry) ?: "", NULL);

      for (guint t = 0; t < G_N_ELEMENTS (tokens); t++)
        g_assert_null (strstr (row, tokens[t]));
    }

  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  for (guint t = 0; t < G_N_ELEMENTS (tokens); t++)
    {
      g_assert_false (store_test_file_contains (db, tokens[t]));
      g_assert_false (store_test_file_contains (wal, tokens[t]));
    }
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GListModel) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  MkFacebookPage *page;

  if (!have_keyring ())
    return;

  seed_facebook (fixture);
  mk_fake_server_set_facebook_pages (fixture->server, MK_FAKE_FB_PAGES_SEVERAL);

  pages = list_pages (fixture, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (pages) == MK_TYPE_FACEBOOK_PAGE);

  /* Two on the first page of the answer, one behind paging.next. */
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, 3);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_FB_ACCOUNTS), ==, 2);
  path = mk_fake_server_get_last_path (fixture->server, MK_FAKE_FB_ACCOUNTS);
  g_assert_cmpstr (path, ==, "/me/accounts");

  page = page_at (pages, 0);
  g_assert_cmpstr (mk_facebook_page_get_id (page), ==, PHOTO_ID);
  g_assert_cmpstr (mk_facebook_page_get_name (page), ==, "Sarah Lens Photography");
  g_assert_cmpstr (mk_facebook_page_get_category (page), ==, "Photographer");
  page = page_at (pages, 1);
  g_assert_cmpstr (mk_facebook_page_get_id (page), ==, TRAVEL_ID);
  g_assert_cmpstr (mk_facebook_page_get_category (page), ==, "Travel Company");
  page = page_at (pages, 2);
  g_assert_cmpstr (mk_facebook_page_get_id (page), ==, WORKSHOPS_ID);
  g_assert_true (g_str_has_prefix (mk_facebook_page_get_title (page), "Lens & Light Workshops"));

  /* Listing alone chooses nothing; the person's own id is no Page. */
  name = mk_connection_service_dup_page_name (fixture->connections);
  g_assert_null (name);
  g_assert_cmpint (count_logs (fixture, "fetch_pages", MK_LOG_STATUS_SUCCESS), ==, 2);
  assert_no_token_stored (fixture);
}

static void
test_choose_then_sync (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GListModel) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkMetricsSnapshot) latest = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *name = NULL;
  g_autofree char *page_path = NULL;
  g_autofree char *posts_path = NULL;
  guint changed;

  if (!have_keyring ())
    return;

  seed_facebook (fixture);
  mk_fake_server_set_facebook_pages (fixture->server, MK_FAKE_FB_PAGES_SEVERAL);

  /* Before any choice the sync reads the first Page listed, as before. */
  g_assert_true (run_sync (fixture, &error));
  g_assert_no_error (error);
  page_path = mk_fake_server_get_last_path (fixture->server, MK_FAKE_FB_PAGE);
  g_assert_cmpstr (page_path, ==, "/" PHOTO_ID);
  g_clear_pointer (&page_path, g_free);

  /* Only a Page the last listing held can be chosen. */
  g_assert_false (mk_connection_service_set_page (fixture->connections, TRAVEL_ID, &error));
  g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  pages = list_pages (fixture, &error);
  g_assert_no_error (error);
  g_assert_false (mk_connection_service_set_page (fixture->connections, "999999999999999", &error));
  g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  changed = fixture->changed;
  g_assert_true (mk_connection_service_set_page (fixture->connections, TRAVEL_ID, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, >, changed);
  stored = stored_page_id (fixture);
  g_assert_cmpstr (stored, ==, TRAVEL_ID);
  name = mk_connection_service_dup_page_name (fixture->connections);
  g_assert_cmpstr (name, ==, "Sarah Lens Travel Notes");
  g_assert_cmpint (count_logs (fixture, "choose_page", MK_LOG_STATUS_SUCCESS), ==, 1);

  /* The next sync reads that Page, with that Page's token (the fake
   * refuses any other). */
  g_assert_true (run_sync (fixture, &error));
  g_assert_no_error (error);
  page_path = mk_fake_server_get_last_path (fixture->server, MK_FAKE_FB_PAGE);
  posts_path = mk_fake_server_get_last_path (fixture->server, MK_FAKE_FB_POSTS);
  g_assert_cmpstr (page_path, ==, "/" TRAVEL_ID);
  g_assert_cmpstr (posts_path, ==, "/" TRAVEL_ID "/posts");
  latest = mk_store_metrics_latest (fixture->store, fixture->user_id, MK_PLATFORM_FACEBOOK, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_metrics_snapshot_get_follower_count (latest), ==, 5120);

  assert_no_token_stored (fixture);
}

static void
test_page_role_lost (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GListModel) pages = NULL;
  g_autoptr(GListModel) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *page_path = NULL;

  if (!have_keyring ())
    return;

  seed_facebook (fixture);
  mk_fake_server_set_facebook_pages (fixture->server, MK_FAKE_FB_PAGES_SEVERAL);
  pages = list_pages (fixture, &error);
  g_assert_no_error (error);
  g_assert_true (mk_connection_service_set_page (fixture->connections, TRAVEL_ID, &error));

  /* Meta 190/492 on the Page: the connection asks for another Page. */
  mk_fake_server_set_error (fixture->server, MK_FAKE_FB_PAGE, MK_FAKE_ERROR_PAGE_ROLE_LOST, 0);
  g_assert_false (run_sync (fixture, &error));
  g_assert_error (error, MK_SYNC_ERROR, MK_SYNC_ERROR_PARTIAL);
  g_clear_error (&error);
  g_assert_cmpint (mk_connection_service_get_state (fixture->connections, MK_PLATFORM_FACEBOOK, &reason),
                   ==, MK_CONNECTION_STATE_NEEDS_RECONNECT);
  g_assert_nonnull (strstr (reason, "choose another Page"));
  /* What was listed before the doubt does not count. */
  g_assert_false (mk_connection_service_set_page (fixture->connections, PHOTO_ID, &error));
  g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The user token still lists the Pages; choosing one clears the state. */
  again = list_pages (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (again), ==, 3);
  g_assert_true (mk_connection_service_set_page (fixture->connections, PHOTO_ID, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mk_connection_service_get_state (fixture->connections, MK_PLATFORM_FACEBOOK, NULL),
                   ==, MK_CONNECTION_STATE_CONNECTED);

  mk_fake_server_set_error (fixture->server, MK_FAKE_FB_PAGE, MK_FAKE_ERROR_NONE, 0);
  g_assert_true (run_sync (fixture, &error));
  g_assert_no_error (error);
  page_path = mk_fake_server_get_last_path (fixture->server, MK_FAKE_FB_PAGE);
  g_assert_cmpstr (page_path, ==, "/" PHOTO_ID);
  assert_no_token_stored (fixture);
}

static void
test_malformed (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GListModel) pages = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_keyring ())
    return;

  seed_facebook (fixture);

  /* "data" is an object, not a list. */
  mk_fake_server_set_facebook_pages (fixture->server, MK_FAKE_FB_PAGES_MALFORMED);
  pages = list_pages (fixture, &error);
  g_assert_null (pages);
  g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_cmpint (count_logs (fixture, "fetch_pages", MK_LOG_STATUS_FAILURE), ==, 1);
  /* Facebook's trouble, not the sign-in's. */
  g_assert_cmpint (mk_connection_service_get_state (fixture->connections, MK_PLATFORM_FACEBOOK, NULL),
                   ==, MK_CONNECTION_STATE_CONNECTED);

  /* Not JSON at all, and cut in the middle. */
  mk_fake_server_set_facebook_pages (fixture->server, MK_FAKE_FB_PAGES_SEVERAL);
  mk_fake_server_set_error (fixture->server, MK_FAKE_FB_ACCOUNTS, MK_FAKE_ERROR_HTML_502, 0);
  pages = list_pages (fixture, &error);
  g_assert_null (pages);
  g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_MALFORMED);
  g_clear_error (&error);
  mk_fake_server_set_error (fixture->server, MK_FAKE_FB_ACCOUNTS, MK_FAKE_ERROR_TRUNCATED, 0);
  pages = list_pages (fixture, &error);
  g_assert_null (pages);
  g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_MALFORMED);
  g_clear_error (&error);

  /* A refused user token: the connection needs a new sign-in. */
  mk_fake_server_set_error (fixture->server, MK_FAKE_FB_ACCOUNTS, MK_FAKE_ERROR_PASSWORD_CHANGED, 0);
  pages = list_pages (fixture, &error);
  g_assert_null (pages);
  g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_TOKEN_INVALID);
  g_assert_cmpint (mk_connection_service_get_state (fixture->connections, MK_PLATFORM_FACEBOOK, NULL),
                   ==, MK_CONNECTION_STATE_NEEDS_RECONNECT);

  assert_no_token_stored (fixture);
}

static void
test_no_pages (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GListModel) pages = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_keyring ())
    return;

  /* Not connected at all. */
  pages = list_pages (fixture, &error);
  g_assert_null (pages);
  g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_NOT_CONNECTED);
  g_clear_error (&error);

  seed_facebook (fixture);
  mk_fake_server_set_facebook_pages (fixture->server, MK_FAKE_FB_PAGES_NONE);
  pages = list_pages (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, 0);
}

/* The parser alone, on shapes the fake does not send. */
static void
test_parse (void)
{
  g_autoptr(GListStore) store = g_list_store_new (MK_TYPE_FACEBOOK_PAGE);
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  const char *mixed = "{\"data\":[{\"id\":\"1\",\"name\":\"One\",\"access_token\":\"EAAsecret\"},"
                      "{\"id\":\"a/b\",\"name\":\"Bad id\"},{\"name\":\"No id\"},7,"
                      "{\"id\":\"1\",\"name\":\"Twice\"},{\"id\":\"2\",\"name\":\"\\u202eTwo \\ud83d\\udcf8\"}],"
                      "\"paging\":{\"next\":\"javascript:alert(1)\"}}";
  static const char * const malformed[] = {
    "[]", "{}", "{\"data\":{}}", "{\"data\":\"x\"}", "{\"data\":null}", "<html>", "",
  };

  g_assert_true (mk_facebook_parse_page_list (mixed, strlen (mixed), store, &next, &error));
  g_assert_no_error (error);
  g_assert_null (next);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  {
    g_autoptr(MkFacebookPage) two = g_list_model_get_item (G_LIST_MODEL (store), 1);

    g_assert_cmpstr (mk_facebook_page_get_id (two), ==, "2");
    g_assert_true (g_utf8_validate (mk_facebook_page_get_name (two), -1, NULL));
    g_assert_null (mk_facebook_page_get_category (two));
  }

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_assert_false (mk_facebook_parse_page_list (malformed[i], strlen (malformed[i]), store, NULL, &error));
      g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_MALFORMED);
      g_clear_error (&error);
    }

  /* The sync's parser agrees on what is no list. */
  {
    char *page_id = NULL, *page_token = NULL;

    g_assert_false (mk_facebook_parse_accounts ("{}", 2, NULL, &page_id, &page_token, &error));
    g_assert_error (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_MALFORMED);
    g_assert_null (page_id);
    g_assert_null (page_token);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pages/parse", test_parse);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/pages/list", test_list);
  ADD ("/pages/choose-then-sync", test_choose_then_sync);
  ADD ("/pages/role-lost", test_page_role_lost);
  ADD ("/pages/malformed", test_malformed);
  ADD ("/pages/none", test_no_pages);
#undef ADD

  return g_test_run ();
}
