/* test-connect.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "mk-connection-service.h"
#include "mk-connections-table.h"
#include "mk-fake-server.h"
#include "mk-logs-table.h"
#include "mk-oauth-error.h"
#include "mk-time.h"
#include "store-test-util.h"

/* MkConnectionService against the fake server and the real keyring that
 * build-aux/headless-run starts. Skipped without a session bus. */

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

static void
capture_printerr (const char *text)
{
  g_string_append (captured_output, text);
  fputs (text, stderr);
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

typedef struct
{
  MkFakeServer        *server;
  char                *dir;
  MkStore             *store;
  MkVault             *vault;
  MkHttp              *http;
  MkConnectionService *service;
  char                *user_id;
  char                *authorize_url;
  SoupSession         *browser;
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
set_secret (Fixture    *fixture,
            MkPlatform  platform,
            const char *secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mk_connection_service_set_client_secret_async (fixture->service, platform, secret, NULL, on_done, &result);
  g_assert_true (mk_connection_service_set_client_secret_finish (fixture->service, wait_for (&result), &error));
  g_assert_no_error (error);
}

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
  fixture->vault = mk_vault_new ();
  fixture->http = mk_http_new (endpoints, fixture->store);
  fixture->service = mk_connection_service_new (fixture->store, fixture->vault, fixture->http,
                                                fixture->user_id);
  fixture->browser = soup_session_new ();
  mk_connection_service_set_client_id (fixture->service, MK_PLATFORM_YOUTUBE, "482913007751-test.apps.googleusercontent.com");
  mk_connection_service_set_client_id (fixture->service, MK_PLATFORM_INSTAGRAM, "465029381746502");
  mk_connection_service_set_client_id (fixture->service, MK_PLATFORM_FACEBOOK, "465029381746502");
  mk_connection_service_set_client_token (fixture->service, "fixture-client-token");
  mk_connection_service_set_device_time_unit (fixture->service, 5);

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    {
      set_secret (fixture, MK_PLATFORM_YOUTUBE, "GOCSPX-fixture-secret");
      set_secret (fixture, MK_PLATFORM_INSTAGRAM, "ig-fixture-app-secret");
    }
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    {
      g_autoptr(GAsyncResult) result = NULL;

      /* Leave nothing in the keyring. */
      for (MkPlatform p = MK_PLATFORM_INSTAGRAM; p <= MK_PLATFORM_YOUTUBE; p++)
        {
          g_clear_object (&result);
          mk_connection_service_disconnect_async (fixture->service, p, NULL, on_done, &result);
          g_assert_true (mk_connection_service_disconnect_finish (fixture->service, wait_for (&result), NULL));
        }
      set_secret (fixture, MK_PLATFORM_YOUTUBE, NULL);
      set_secret (fixture, MK_PLATFORM_INSTAGRAM, NULL);
    }

  g_clear_object (&fixture->browser);
  g_clear_object (&fixture->service);
  g_clear_object (&fixture->http);
  g_clear_object (&fixture->vault);
  g_clear_object (&fixture->store);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->user_id);
  g_free (fixture->authorize_url);
  mk_fake_server_free (fixture->server);
}

static void
open_uri (const char *uri,
          gpointer    user_data)
{
  Fixture *fixture = user_data;

  g_free (fixture->authorize_url);
  fixture->authorize_url = g_strdup (uri);
}

static guint
browser_get (Fixture    *fixture,
             const char *url)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) body = NULL;

  soup_session_send_and_read_async (fixture->browser, msg, G_PRIORITY_DEFAULT, NULL, on_done, &result);
  body = soup_session_send_and_read_finish (fixture->browser, wait_for (&result), NULL);

  return body != NULL ? soup_message_get_status (msg) : 0;
}

static char *
vault_get (Fixture    *fixture,
           const char *connection,
           const char *kind)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  mk_vault_lookup_async (fixture->vault, connection, kind, NULL, on_done, &result);
  secret = mk_vault_lookup_finish (fixture->vault, wait_for (&result), &error);
  g_assert_no_error (error);

  return secret;
}

static GHashTable *
authorize_params (Fixture *fixture)
{
  g_autoptr(GUri) uri = NULL;

  while (fixture->authorize_url == NULL)
    g_main_context_iteration (NULL, TRUE);

  uri = g_uri_parse (fixture->authorize_url, G_URI_FLAGS_ENCODED, NULL);
  g_assert_nonnull (uri);
  /* The authorize URL went through MEDIAKIT_ENDPOINTS too. */
  g_assert_true (g_str_has_prefix (fixture->authorize_url, mk_fake_server_get_origin (fixture->server)));

  return soup_form_decode (g_uri_get_query (uri));
}

/* Browser sign-in of YouTube up to the written row. */
static MkConnection *
connect_youtube (Fixture  *fixture,
                 gboolean  try_bad_states)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  const char *redirect;
  const char *state;
  MkConnection *connection;

  g_clear_pointer (&fixture->authorize_url, g_free);
  mk_connection_service_connect_browser_async (fixture->service, MK_PLATFORM_YOUTUBE, open_uri, fixture,
                                               NULL, on_done, &result);
  params = authorize_params (fixture);
  redirect = g_hash_table_lookup (params, "redirect_uri");
  state = g_hash_table_lookup (params, "state");
  g_assert_true (g_str_has_prefix (redirect, "http://127.0.0.1:"));
  g_assert_cmpuint (strlen (state), >=, 22);
  g_assert_cmpstr (g_hash_table_lookup (params, "code_challenge_method"), ==, "S256");
  g_assert_cmpstr (g_hash_table_lookup (params, "access_type"), ==, "offline");
  mk_fake_server_expect_challenge (fixture->server, g_hash_table_lookup (params, "code_challenge"));

  if (try_bad_states)
    {
      g_autofree char *wrong = g_strdup_printf ("%s?state=%sX&code=%s", redirect, state, MK_FAKE_GOOGLE_CODE);
      g_autofree char *missing = g_strdup_printf ("%s?code=%s", redirect, MK_FAKE_GOOGLE_CODE);
      g_autofree char *other = g_strdup_printf ("%s?state=%s&code=%s", redirect,
                                                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", MK_FAKE_GOOGLE_CODE);

      g_assert_cmpuint (browser_get (fixture, wrong), ==, 400);
      g_assert_cmpuint (browser_get (fixture, missing), ==, 400);
      g_assert_cmpuint (browser_get (fixture, other), ==, 400);
      g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_GOOGLE_TOKEN_CODE), ==, 0);
      g_assert_null (result);
    }

  url = g_strdup_printf ("%s?state=%s&code=%s&scope=https://www.googleapis.com/auth/youtube.readonly",
                         redirect, state, MK_FAKE_GOOGLE_CODE);
  g_assert_cmpuint (browser_get (fixture, url), ==, 200);

  connection = mk_connection_service_connect_finish (fixture->service, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (connection);

  if (try_bad_states)
    {
      guint hits = mk_fake_server_get_hits (fixture->server, MK_FAKE_GOOGLE_TOKEN_CODE);

      /* Replayed: refused, and no second exchange. */
      g_assert_cmpuint (browser_get (fixture, url), !=, 200);
      g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_GOOGLE_TOKEN_CODE), ==, hits);
    }

  return connection;
}

static gint64
count_logs (Fixture    *fixture,
            const char *action,
            MkLogStatus status)
{
  MkLogFilter filter = { .action = action, .has_status = TRUE, .status = status };

  return mk_store_logs_count (fixture->store, &filter, NULL);
}

static void
test_browser_youtube (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(MkConnection) connection = NULL;
  g_autoptr(MkConnection) row = NULL;
  g_autoptr(MkVaultSecret) access = NULL;
  g_autoptr(MkVaultSecret) refresh = NULL;
  g_autofree char *form = NULL;

  if (!have_keyring ())
    return;

  connection = connect_youtube (fixture, TRUE);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_GOOGLE_TOKEN_CODE), ==, 1);
  form = mk_fake_server_get_last_params (fixture->server, MK_FAKE_GOOGLE_TOKEN_CODE);
  g_assert_nonnull (strstr (form, "code_verifier="));
  g_assert_nonnull (strstr (form, "client_secret=GOCSPX-fixture-secret"));

  row = mk_store_connections_get_for_platform (fixture->store, fixture->user_id, MK_PLATFORM_YOUTUBE, NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (mk_connection_get_platform_user_id (row), ==, "UCq7Xr2mB4kN9pLs3TfVwY1A");
  g_assert_cmpstr (mk_connection_get_account_name (row), ==, "@sarahlens");
  g_assert_true (mk_connection_get_is_connected (row));
  g_assert_nonnull (mk_connection_get_token_expires_at (row));
  g_assert_cmpint (mk_connection_service_get_state (fixture->service, MK_PLATFORM_YOUTUBE, NULL),
                   ==, MK_CONNECTION_STATE_CONNECTED);

  access = vault_get (fixture, mk_connection_get_id (row), MK_VAULT_KIND_ACCESS);
  refresh = vault_get (fixture, mk_connection_get_id (row), MK_VAULT_KIND_REFRESH);
  g_assert_true (g_str_has_prefix (access, "ya29.a0AeXRPp6SarahLensFixtureAccessToken1"));
  g_assert_true (g_str_has_prefix (refresh, "1//09SarahLensFixtureRefreshToken"));
  g_assert_cmpint (count_logs (fixture, "connect", MK_LOG_STATUS_SUCCESS), ==, 1);
  /* Every request has its row too: the exchange and the identity call. */
  g_assert_cmpint (count_logs (fixture, "oauth_token", MK_LOG_STATUS_SUCCESS), ==, 1);
  g_assert_cmpint (count_logs (fixture, "fetch_identity", MK_LOG_STATUS_SUCCESS), ==, 1);
}

static void
test_scope_unticked (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkConnection) row = NULL;
  g_autofree char *url = NULL;

  if (!have_keyring ())
    return;

  /* The person unticked YouTube on Google's consent screen. */
  mk_fake_server_set_granted_scope (fixture->server, "openid");
  mk_connection_service_connect_browser_async (fixture->service, MK_PLATFORM_YOUTUBE, open_uri, fixture,
                                               NULL, on_done, &result);
  params = authorize_params (fixture);
  mk_fake_server_expect_challenge (fixture->server, g_hash_table_lookup (params, "code_challenge"));
  url = g_strdup_printf ("%s?state=%s&code=%s", (char *) g_hash_table_lookup (params, "redirect_uri"),
                         (char *) g_hash_table_lookup (params, "state"), MK_FAKE_GOOGLE_CODE);
  g_assert_cmpuint (browser_get (fixture, url), ==, 200);

  g_assert_null (mk_connection_service_connect_finish (fixture->service, wait_for (&result), &error));
  g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_ACCESS_DENIED);
  row = mk_store_connections_get_for_platform (fixture->store, fixture->user_id, MK_PLATFORM_YOUTUBE, NULL);
  g_assert_null (row);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_YT_CHANNELS), ==, 0);
}

static void
test_reconnect_keeps_row (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(MkConnection) first = NULL;
  g_autoptr(MkConnection) second = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(MkVaultSecret) access = NULL;

  if (!have_keyring ())
    return;

  first = connect_youtube (fixture, FALSE);
  mk_fake_server_set_issued_tokens (fixture->server, "ya29.second-sign-in", "1//second-refresh");
  second = connect_youtube (fixture, FALSE);

  g_assert_cmpstr (mk_connection_get_id (first), ==, mk_connection_get_id (second));
  all = mk_store_connections_list (fixture->store, fixture->user_id, NULL);
  g_assert_cmpuint (all->len, ==, 1);
  access = vault_get (fixture, mk_connection_get_id (second), MK_VAULT_KIND_ACCESS);
  g_assert_cmpstr (access, ==, "ya29.second-sign-in");
}

static void
expire_row (Fixture    *fixture,
            MkPlatform  platform,
            int         seconds_from_now)
{
  g_autoptr(MkConnection) row = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) when = g_date_time_add_seconds (now, seconds_from_now);
  g_autofree char *text = mk_time_format_timestamp (when);

  row = mk_store_connections_get_for_platform (fixture->store, fixture->user_id, platform, NULL);
  mk_connection_set_token_expires_at (row, text);
  g_assert_true (mk_store_connections_update (fixture->store, row, NULL));
}

static char *
get_token (Fixture    *fixture,
           MkPlatform  platform,
           gboolean    force,
           GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mk_connection_service_get_access_token_async (fixture->service, platform, force, NULL, on_done, &result);
  return mk_connection_service_get_access_token_finish (fixture->service, wait_for (&result), error);
}

static void
test_single_flight (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MkConnection) connection = NULL;
  GAsyncResult *results[10] = { NULL, };

  if (!have_keyring ())
    return;

  connection = connect_youtube (fixture, FALSE);
  expire_row (fixture, MK_PLATFORM_YOUTUBE, -60);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    mk_connection_service_get_access_token_async (fixture->service, MK_PLATFORM_YOUTUBE, FALSE, NULL,
                                                  on_done, &results[i]);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MkVaultSecret) token = NULL;

      token = mk_connection_service_get_access_token_finish (fixture->service, wait_for (&results[i]), &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (token, "ya29.a0AeXRPp6SarahLensFixtureAccessToken2"));
      g_clear_object (&results[i]);
    }

  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_GOOGLE_TOKEN_REFRESH), ==, 1);
  g_assert_cmpint (count_logs (fixture, "refresh_token", MK_LOG_STATUS_SUCCESS), ==, 1);

  /* Fresh now: no further refresh. */
  {
    g_autoptr(MkVaultSecret) token = get_token (fixture, MK_PLATFORM_YOUTUBE, FALSE, NULL);
    g_assert_nonnull (token);
    g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_GOOGLE_TOKEN_REFRESH), ==, 1);
  }
}

static void
test_rotated_refresh_token (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(MkConnection) connection = NULL;
  g_autoptr(MkVaultSecret) token = NULL;
  g_autoptr(MkVaultSecret) refresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *form = NULL;

  if (!have_keyring ())
    return;

  connection = connect_youtube (fixture, FALSE);
  mk_fake_server_set_refresh_mode (fixture->server, MK_FAKE_REFRESH_ROTATE);
  expire_row (fixture, MK_PLATFORM_YOUTUBE, 120);   /* < 10 minutes left */

  token = get_token (fixture, MK_PLATFORM_YOUTUBE, FALSE, &error);
  g_assert_no_error (error);
  refresh = vault_get (fixture, mk_connection_get_id (connection), MK_VAULT_KIND_REFRESH);
  g_assert_cmpstr (refresh, ==, "1//rotated-refresh-token-1");

  /* The next refresh uses the rotated token. */
  g_clear_pointer (&token, mk_vault_secret_free);
  token = get_token (fixture, MK_PLATFORM_YOUTUBE, TRUE, &error);
  g_assert_no_error (error);
  form = mk_fake_server_get_last_params (fixture->server, MK_FAKE_GOOGLE_TOKEN_REFRESH);
  g_assert_nonnull (strstr (form, "refresh_token=1%2F%2Frotated-refresh-token-1"));
}

static void
test_invalid_grant (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MkConnection) connection = NULL;
  g_autoptr(MkConnection) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  char *token;

  if (!have_keyring ())
    return;

  connection = connect_youtube (fixture, FALSE);
  mk_fake_server_set_refresh_mode (fixture->server, MK_FAKE_REFRESH_INVALID_GRANT);
  expire_row (fixture, MK_PLATFORM_YOUTUBE, -5);

  token = get_token (fixture, MK_PLATFORM_YOUTUBE, FALSE, &error);
  g_assert_null (token);
  g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_INVALID_GRANT);
  g_assert_cmpint (mk_connection_service_get_state (fixture->service, MK_PLATFORM_YOUTUBE, &reason),
                   ==, MK_CONNECTION_STATE_NEEDS_RECONNECT);
  g_assert_nonnull (strstr (reason, "expired or revoked"));
  g_assert_cmpint (count_logs (fixture, "refresh_token", MK_LOG_STATUS_FAILURE), ==, 1);
  {
    MkLogFilter filter = { .action = "oauth_refresh" };
    g_autoptr(GPtrArray) rows = mk_store_logs_list_page (fixture->store, &filter, NULL, NULL, 10, NULL);

    /* A failed token answer is kept (it says why), a successful one is not. */
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_nonnull (strstr (mk_log_entry_get_response_payload (rows->pdata[0]), "invalid_grant"));
  }

  /* Never loops: a second caller gets the same answer without a request. */
  g_clear_error (&error);
  token = get_token (fixture, MK_PLATFORM_YOUTUBE, FALSE, &error);
  g_assert_null (token);
  g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_INVALID_GRANT);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_GOOGLE_TOKEN_REFRESH), ==, 1);

  /* Still a connection (history kept), just one that needs a sign-in. */
  row = mk_store_connections_get_for_platform (fixture->store, fixture->user_id, MK_PLATFORM_YOUTUBE, NULL);
  g_assert_true (mk_connection_get_is_connected (row));
}

static void
test_transient_keeps_connection (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(MkConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkVaultSecret) token = NULL;
  char *expired_token;

  if (!have_keyring ())
    return;

  connection = connect_youtube (fixture, FALSE);
  mk_fake_server_set_refresh_mode (fixture->server, MK_FAKE_REFRESH_BAD_GATEWAY);

  /* Not expired yet: the old token is still handed out. */
  expire_row (fixture, MK_PLATFORM_YOUTUBE, 120);
  token = get_token (fixture, MK_PLATFORM_YOUTUBE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (token, "ya29.a0AeXRPp6SarahLensFixtureAccessToken1"));

  /* Expired: an error that says "later", never "reconnect". */
  expire_row (fixture, MK_PLATFORM_YOUTUBE, -5);
  expired_token = get_token (fixture, MK_PLATFORM_YOUTUBE, FALSE, &error);
  g_assert_null (expired_token);
  g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_SERVER);
  g_assert_cmpint (mk_connection_service_get_state (fixture->service, MK_PLATFORM_YOUTUBE, NULL),
                   ==, MK_CONNECTION_STATE_CONNECTED);
}

static void
test_instagram_browser (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkConnection) connection = NULL;
  g_autoptr(GDateTime) expires = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(MkVaultSecret) access = NULL;
  g_autofree char *url = NULL;

  if (!have_keyring ())
    return;

  mk_connection_service_connect_browser_async (fixture->service, MK_PLATFORM_INSTAGRAM, open_uri, fixture,
                                               NULL, on_done, &result);
  params = authorize_params (fixture);
  g_assert_cmpstr (g_hash_table_lookup (params, "scope"), ==,
                   "instagram_business_basic,instagram_business_manage_insights");
  url = g_strdup_printf ("%s?code=%s&state=%s", (char *) g_hash_table_lookup (params, "redirect_uri"),
                         MK_FAKE_META_CODE, (char *) g_hash_table_lookup (params, "state"));
  g_assert_cmpuint (browser_get (fixture, url), ==, 200);
  connection = mk_connection_service_connect_finish (fixture->service, wait_for (&result), &error);
  g_assert_no_error (error);

  /* Short-lived code exchange, then the 60-day token. */
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_CODE), ==, 1);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_EXCHANGE), ==, 1);
  g_assert_cmpstr (mk_connection_get_platform_user_id (connection), ==, "9276584013257741");
  g_assert_cmpstr (mk_connection_get_account_name (connection), ==, "@sarahlens");
  expires = mk_time_parse_timestamp (mk_connection_get_token_expires_at (connection));
  g_assert_cmpint (g_date_time_difference (expires, now) / G_TIME_SPAN_DAY, ==, 59);
  access = vault_get (fixture, mk_connection_get_id (connection), MK_VAULT_KIND_ACCESS);
  g_assert_cmpstr (access, ==, "IGAAS4rahLensFixtureLongLivedTokenZQmVhdGhlcjEyMzQ1Njc4OTA");

  /* 6 days left (and older than a day): refreshed on use. */
  expire_row (fixture, MK_PLATFORM_INSTAGRAM, 6 * 86400);
  {
    g_autoptr(MkVaultSecret) token = get_token (fixture, MK_PLATFORM_INSTAGRAM, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (token, ==, "IGAAS4rahLensFixtureRefreshedTokenWjJ4eU56QXdNakl6TlRZPQ");
    g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_IG_REFRESH), ==, 1);
  }

  /* Meta code 190 on refresh: needs reconnecting. */
  mk_fake_server_set_refresh_mode (fixture->server, MK_FAKE_REFRESH_INVALID_GRANT);
  expire_row (fixture, MK_PLATFORM_INSTAGRAM, 6 * 86400);
  {
    g_autoptr(MkVaultSecret) token = get_token (fixture, MK_PLATFORM_INSTAGRAM, FALSE, &error);
    g_assert_null (token);
    g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_INVALID_TOKEN);
    g_assert_cmpint (mk_connection_service_get_state (fixture->service, MK_PLATFORM_INSTAGRAM, NULL),
                     ==, MK_CONNECTION_STATE_NEEDS_RECONNECT);
  }
}

static void
on_device_code (MkConnectionService *service,
                MkPlatform           platform,
                const char          *user_code,
                const char          *uri,
                gpointer             user_data)
{
  char **shown = user_data;

  *shown = g_strdup_printf ("%s %s", user_code, uri);
}

static void
test_facebook_device (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkConnection) connection = NULL;
  g_autofree char *shown = NULL;

  if (!have_keyring ())
    return;

  mk_fake_server_set_device_script (fixture->server, "pending,slow_down,ok");
  g_signal_connect (fixture->service, "device-code", G_CALLBACK (on_device_code), &shown);
  mk_connection_service_connect_device_async (fixture->service, MK_PLATFORM_FACEBOOK, NULL, on_done, &result);
  connection = mk_connection_service_connect_finish (fixture->service, wait_for (&result), &error);
  g_signal_handlers_disconnect_by_func (fixture->service, on_device_code, &shown);
  g_assert_no_error (error);
  g_assert_cmpstr (shown, ==, "SLX4Q9 https://www.facebook.com/device");
  g_assert_cmpstr (mk_connection_get_platform_user_id (connection), ==, "10229384756102938");
  g_assert_cmpstr (mk_connection_get_account_name (connection), ==, "Sarah Lens");
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_FB_DEVICE_STATUS), ==, 3);

  /* Instagram offers no device sign-in. */
  g_clear_object (&result);
  g_clear_error (&error);
  mk_connection_service_connect_device_async (fixture->service, MK_PLATFORM_INSTAGRAM, NULL, on_done, &result);
  g_assert_null (mk_connection_service_connect_finish (fixture->service, wait_for (&result), &error));
  g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_UNSUPPORTED);
}

static void
test_paste_token (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkConnection) connection = NULL;
  g_autoptr(MkConnection) row = NULL;

  if (!have_keyring ())
    return;

  /* Checked against the platform before it is kept. */
  mk_fake_server_set_rejected_token (fixture->server, "garbage-token");
  mk_connection_service_connect_token_async (fixture->service, MK_PLATFORM_INSTAGRAM, " garbage-token\n",
                                             NULL, on_done, &result);
  g_assert_null (mk_connection_service_connect_finish (fixture->service, wait_for (&result), &error));
  g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_INVALID_TOKEN);
  row = mk_store_connections_get_for_platform (fixture->store, fixture->user_id, MK_PLATFORM_INSTAGRAM, NULL);
  g_assert_null (row);
  g_assert_cmpint (count_logs (fixture, "connect", MK_LOG_STATUS_FAILURE), ==, 1);

  g_clear_object (&result);
  g_clear_error (&error);
  mk_connection_service_connect_token_async (fixture->service, MK_PLATFORM_INSTAGRAM, "IGAAgoodpastedtoken",
                                             NULL, on_done, &result);
  connection = mk_connection_service_connect_finish (fixture->service, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_connection_get_platform_user_id (connection), ==, "9276584013257741");
}

static void
test_disconnect (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(MkConnection) connection = NULL;
  g_autoptr(MkConnection) row = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  if (!have_keyring ())
    return;

  connection = connect_youtube (fixture, FALSE);
  mk_connection_service_disconnect_async (fixture->service, MK_PLATFORM_YOUTUBE, NULL, on_done, &result);
  g_assert_true (mk_connection_service_disconnect_finish (fixture->service, wait_for (&result), &error));
  g_assert_no_error (error);

  secret = vault_get (fixture, mk_connection_get_id (connection), MK_VAULT_KIND_ACCESS);
  g_assert_null (secret);
  secret = vault_get (fixture, mk_connection_get_id (connection), MK_VAULT_KIND_REFRESH);
  g_assert_null (secret);

  /* The row (and the history hanging off it) stays. */
  row = mk_store_connections_get_for_platform (fixture->store, fixture->user_id, MK_PLATFORM_YOUTUBE, NULL);
  g_assert_nonnull (row);
  g_assert_false (mk_connection_get_is_connected (row));
  g_assert_cmpint (mk_connection_service_get_state (fixture->service, MK_PLATFORM_YOUTUBE, NULL),
                   ==, MK_CONNECTION_STATE_NOT_CONNECTED);
  g_assert_cmpint (count_logs (fixture, "disconnect", MK_LOG_STATUS_SUCCESS), ==, 1);

  g_assert_null (get_token (fixture, MK_PLATFORM_YOUTUBE, FALSE, &error));
  g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_NOT_CONNECTED);
}

/* The canary: a token that must be nowhere but in the keyring. */

static void
assert_tree_clean (const char *dir,
                   const char *needle)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      /* gnome-keyring's own (encrypted) files are where the token belongs. */
      if (g_str_equal (name, "keyrings"))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        assert_tree_clean (path, needle);
      else if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && store_test_file_contains (path, needle))
        g_error ("The canary token was found in %s", path);
    }
}

static void
test_canary (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *canary = NULL;
  g_autofree char *canary_access = NULL;
  g_autofree char *canary_refresh = NULL;
  g_autoptr(MkConnection) connection = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) logs = NULL;
  g_autofree char *db = NULL;
  g_autofree char *wal = NULL;
  guint8 bytes[8];

  if (!have_keyring ())
    return;

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_random_int ();
  canary = g_strdup_printf ("CANARY%02x%02x%02x%02x%02x%02x%02x%02x", bytes[0], bytes[1], bytes[2],
                            bytes[3], bytes[4], bytes[5], bytes[6], bytes[7]);
  canary_access = g_strconcat ("ya29.", canary, "-access", NULL);
  canary_refresh = g_strconcat ("1//", canary, "-refresh", NULL);
  mk_fake_server_set_issued_tokens (fixture->server, canary_access, canary_refresh);

  /* connect */
  connection = connect_youtube (fixture, TRUE);

  /* refresh (with a rotation, so a new canary refresh token travels too) */
  mk_fake_server_set_refresh_mode (fixture->server, MK_FAKE_REFRESH_ROTATE);
  expire_row (fixture, MK_PLATFORM_YOUTUBE, -5);
  {
    g_autoptr(MkVaultSecret) token = get_token (fixture, MK_PLATFORM_YOUTUBE, FALSE, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (token, canary));
  }

  /* "sync": an API call with the token, plus a refused refresh */
  {
    g_autoptr(MkVaultSecret) token = get_token (fixture, MK_PLATFORM_YOUTUBE, FALSE, &error);
    g_autoptr(MkPlatformProvider) provider = mk_platform_provider_new_for_platform (MK_PLATFORM_YOUTUBE);
    g_autoptr(MkPlatformIdentity) identity = NULL;
    g_autoptr(GAsyncResult) sync_result = NULL;

    mk_platform_provider_fetch_identity_async (provider, fixture->http, token, fixture->user_id, NULL,
                                               on_done, &sync_result);
    identity = mk_platform_provider_fetch_identity_finish (provider, wait_for (&sync_result), &error);
    g_assert_no_error (error);
  }
  mk_fake_server_set_refresh_mode (fixture->server, MK_FAKE_REFRESH_INVALID_GRANT);
  {
    g_autoptr(MkVaultSecret) token = get_token (fixture, MK_PLATFORM_YOUTUBE, TRUE, &error);
    g_assert_null (token);
    g_clear_error (&error);
  }

  /* disconnect */
  mk_connection_service_disconnect_async (fixture->service, MK_PLATFORM_YOUTUBE, NULL, on_done, &result);
  g_assert_true (mk_connection_service_disconnect_finish (fixture->service, wait_for (&result), &error));

  /* The logs table, row by row. */
  logs = mk_store_logs_list_page (fixture->store, NULL, NULL, NULL, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (logs->len, >, 5);
  for (guint i = 0; i < logs->len; i++)
    {
      MkLogEntry *entry = g_ptr_array_index (logs, i);

      g_assert_null (strstr (mk_log_entry_get_message (entry) ?: "", canary));
      g_assert_null (strstr (mk_log_entry_get_request_payload (entry) ?: "", canary));
      g_assert_null (strstr (mk_log_entry_get_response_payload (entry) ?: "", canary));
    }

  /* The database file and its WAL, byte by byte (free pages included). */
  db = g_build_filename (fixture->dir, "mediakit.db", NULL);
  wal = g_strconcat (db, "-wal", NULL);
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_false (store_test_file_contains (db, canary));
  g_assert_false (store_test_file_contains (wal, canary));
  assert_tree_clean (fixture->dir, canary);

  /* The data and cache dirs. */
  assert_tree_clean (g_get_user_data_dir (), canary);
  assert_tree_clean (g_get_user_cache_dir (), canary);

  /* Everything logged or printed so far (stdout/stderr go through these). */
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
  g_set_printerr_handler (capture_printerr);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/connect/browser/youtube", test_browser_youtube);
  ADD ("/connect/browser/instagram", test_instagram_browser);
  ADD ("/connect/browser/scope-unticked", test_scope_unticked);
  ADD ("/connect/device/facebook", test_facebook_device);
  ADD ("/connect/paste", test_paste_token);
  ADD ("/connect/reconnect-keeps-row", test_reconnect_keeps_row);
  ADD ("/connect/refresh/single-flight", test_single_flight);
  ADD ("/connect/refresh/rotated", test_rotated_refresh_token);
  ADD ("/connect/refresh/invalid-grant", test_invalid_grant);
  ADD ("/connect/refresh/transient", test_transient_keeps_connection);
  ADD ("/connect/disconnect", test_disconnect);
  ADD ("/connect/canary", test_canary);
#undef ADD

  return g_test_run ();
}
