/* test-oauth.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "mk-device-flow.h"
#include "mk-fake-server.h"
#include "mk-http.h"
#include "mk-loopback-listener.h"
#include "mk-oauth-error.h"
#include "mk-pkce.h"
#include "mk-platform-provider.h"
#include "mk-token-response.h"

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

/* PKCE and state */

static void
test_pkce_rfc7636_vector (void)
{
  g_autofree char *challenge = mk_pkce_challenge ("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

  g_assert_cmpstr (challenge, ==, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

static void
test_pkce_verifier (void)
{
  g_autofree char *a = mk_pkce_new_verifier ();
  g_autofree char *b = mk_pkce_new_verifier ();
  g_autofree char *challenge = mk_pkce_challenge (a);

  /* 32 bytes, base64url without padding. */
  g_assert_cmpuint (strlen (a), ==, 43);
  for (const char *p = a; *p; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_');
  g_assert_cmpstr (a, !=, b);
  g_assert_nonnull (challenge);
  g_assert_cmpuint (strlen (challenge), ==, 43);
  g_assert_null (strchr (challenge, '='));

  /* Out of RFC 7636's alphabet or length: refused. */
  g_assert_null (mk_pkce_challenge ("short"));
  g_assert_null (mk_pkce_challenge ("dBjftJeZ4CVP+mB92K27uhbUJU1p1r/wW1gFWFOEjXk"));
  g_assert_null (mk_pkce_challenge (NULL));
}

static void
test_state (void)
{
  g_autofree char *a = mk_oauth_new_state ();
  g_autofree char *b = mk_oauth_new_state ();
  g_autofree char *a_copy = g_strdup (a);

  /* At least 128 bits: 43 base64url characters carry 256. */
  g_assert_cmpuint (strlen (a), >=, 22);
  g_assert_cmpstr (a, !=, b);
  g_assert_true (mk_oauth_state_equal (a, a_copy));
  g_assert_false (mk_oauth_state_equal (a, b));
  g_assert_false (mk_oauth_state_equal (a, NULL));
  g_assert_false (mk_oauth_state_equal (a, ""));
  a_copy[strlen (a_copy) - 1] ^= 1;
  g_assert_false (mk_oauth_state_equal (a, a_copy));
}

/* Token responses */

static MkTokenResponse *
parse (guint        status,
       const char  *content_type,
       const char  *body,
       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  return mk_token_response_parse (status, content_type, bytes, error);
}

static void
test_token_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkTokenResponse) google = NULL;
  g_autoptr(MkTokenResponse) instagram = NULL;
  g_autoptr(MkTokenResponse) flat = NULL;

  google = parse (200, "application/json",
                  "{\"access_token\":\"ya29.A\",\"expires_in\":3599,\"refresh_token\":\"1//R\","
                  "\"scope\":\"https://www.googleapis.com/auth/youtube.readonly\",\"token_type\":\"Bearer\"}",
                  &error);
  g_assert_no_error (error);
  g_assert_cmpstr (google->access_token, ==, "ya29.A");
  g_assert_cmpstr (google->refresh_token, ==, "1//R");
  g_assert_cmpint (google->expires_in, ==, 3599);

  instagram = parse (200, "application/json",
                     "{\"data\":[{\"access_token\":\"IGAA\",\"user_id\":\"9276584013257741\","
                     "\"permissions\":\"a,b\"}]}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (instagram->access_token, ==, "IGAA");
  g_assert_cmpstr (instagram->user_id, ==, "9276584013257741");
  g_assert_null (instagram->refresh_token);
  g_assert_cmpint (instagram->expires_in, ==, 0);

  /* The flat shape with a user_id beyond 2^53: exact, never through double. */
  flat = parse (200, NULL, "{\"access_token\":\"IGAB\",\"user_id\":9007199254740993}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (flat->user_id, ==, "9007199254740993");
}

static void
test_token_errors (void)
{
  static const struct {
    guint status;
    const char *content_type;
    const char *body;
    MkOAuthError code;
  } cases[] = {
    { 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}", MK_OAUTH_ERROR_INVALID_GRANT },
    { 401, "application/json", "{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}", MK_OAUTH_ERROR_INVALID_CLIENT },
    { 428, "application/json", "{\"error\":\"authorization_pending\"}", MK_OAUTH_ERROR_PENDING },
    { 403, "application/json", "{\"error\":\"slow_down\"}", MK_OAUTH_ERROR_SLOW_DOWN },
    { 400, "application/json", "{\"error\":{\"message\":\"Invalid OAuth access token\",\"type\":\"OAuthException\",\"code\":190,\"fbtrace_id\":\"x\"}}", MK_OAUTH_ERROR_INVALID_TOKEN },
    { 400, "application/json", "{\"error\":{\"message\":\"m\",\"type\":\"OAuthException\",\"code\":31,\"error_subcode\":1349174}}", MK_OAUTH_ERROR_PENDING },
    { 400, "application/json", "{\"error\":{\"message\":\"m\",\"code\":31,\"error_subcode\":1349172}}", MK_OAUTH_ERROR_SLOW_DOWN },
    { 400, "application/json", "{\"error\":{\"message\":\"m\",\"code\":31,\"error_subcode\":1349173}}", MK_OAUTH_ERROR_ACCESS_DENIED },
    { 400, "application/json", "{\"error\":{\"message\":\"m\",\"code\":31,\"error_subcode\":1349152}}", MK_OAUTH_ERROR_EXPIRED },
    { 400, "application/json", "{\"error\":{\"message\":\"limit\",\"code\":4}}", MK_OAUTH_ERROR_RATE_LIMITED },
    { 400, "application/json", "{\"error_type\":\"OAuthException\",\"code\":400,\"error_message\":\"Invalid authorization code\"}", MK_OAUTH_ERROR_INVALID_GRANT },
    { 502, "text/html", "<html><body>Bad Gateway</body></html>", MK_OAUTH_ERROR_SERVER },
    { 200, "text/html", "<!DOCTYPE html><p>captive portal</p>", MK_OAUTH_ERROR_SERVER },
    { 200, "application/json", "{\"access_token\":", MK_OAUTH_ERROR_MALFORMED },
    { 200, "application/json", "[1,2]", MK_OAUTH_ERROR_MALFORMED },
    { 200, "application/json", "{\"token_type\":\"bearer\"}", MK_OAUTH_ERROR_MALFORMED },
    { 503, "application/json", "{}", MK_OAUTH_ERROR_SERVER },
    { 429, "text/plain", "slow down", MK_OAUTH_ERROR_RATE_LIMITED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MkTokenResponse) token = NULL;

      token = parse (cases[i].status, cases[i].content_type, cases[i].body, &error);
      g_assert_null (token);
      g_assert_error (error, MK_OAUTH_ERROR, (gint) cases[i].code);
    }
}

static void
test_error_classes (void)
{
  g_autoptr(GError) grant = g_error_new_literal (MK_OAUTH_ERROR, MK_OAUTH_ERROR_INVALID_GRANT, "x");
  g_autoptr(GError) server = g_error_new_literal (MK_OAUTH_ERROR, MK_OAUTH_ERROR_SERVER, "x");
  g_autoptr(GError) limit = g_error_new_literal (MK_OAUTH_ERROR, MK_OAUTH_ERROR_RATE_LIMITED, "x");
  g_autoptr(GError) net = g_error_new_literal (MK_OAUTH_ERROR, MK_OAUTH_ERROR_NETWORK, "x");

  g_assert_true (mk_oauth_error_needs_reconnect (grant));
  g_assert_false (mk_oauth_error_needs_reconnect (server));
  g_assert_false (mk_oauth_error_needs_reconnect (limit));
  g_assert_false (mk_oauth_error_needs_reconnect (net));
  g_assert_true (mk_oauth_error_is_transient (net));
}

/* The loopback listener */

typedef struct
{
  SoupSession *session;
} Browser;

/* GET like a browser would; returns the status, 0 when nothing answered. */
static guint
browser_get (SoupSession *session,
             const char  *url,
             char       **out_body)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, on_done, &result);
  body = soup_session_send_and_read_finish (session, wait_for (&result), &error);
  if (body == NULL)
    return 0;

  if (out_body != NULL)
    *out_body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  return soup_message_get_status (msg);
}

static void
test_listener_bound_to_loopback (void)
{
  g_autoptr(MkLoopbackListener) listener = mk_loopback_listener_new ("s");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  const char *uri;

  g_assert_true (mk_loopback_listener_start (listener, &error));
  g_assert_no_error (error);
  uri = mk_loopback_listener_get_redirect_uri (listener);
  g_assert_true (g_str_has_prefix (uri, "http://127.0.0.1:"));
  g_assert_cmpuint (mk_loopback_listener_get_port (listener), >, 0);

  /* What the socket really bound: 127.0.0.1, not a wildcard address. */
  connection = g_socket_client_connect_to_host (client, "127.0.0.1",
                                                (guint16) mk_loopback_listener_get_port (listener),
                                                NULL, &error);
  g_assert_no_error (error);
  local = g_socket_connection_get_remote_address (connection, &error);
  g_assert_no_error (error);
  {
    g_autofree char *text = g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local)));
    g_assert_cmpstr (text, ==, "127.0.0.1");
  }
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);

  /* And nothing answers on the IPv6 loopback or the wildcard. */
  {
    g_autoptr(GSocketConnection) v6 = NULL;
    g_autoptr(GError) v6_error = NULL;

    v6 = g_socket_client_connect_to_host (client, "::1",
                                          (guint16) mk_loopback_listener_get_port (listener),
                                          NULL, &v6_error);
    g_assert_null (v6);
  }
}

static void
test_listener_state (void)
{
  g_autofree char *state = mk_oauth_new_state ();
  g_autofree char *other = mk_oauth_new_state ();
  g_autoptr(MkLoopbackListener) listener = mk_loopback_listener_new (state);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *page = NULL;
  g_autofree char *code = NULL;
  const char *base;

  g_assert_true (mk_loopback_listener_start (listener, &error));
  base = mk_loopback_listener_get_redirect_uri (listener);
  mk_loopback_listener_wait_async (listener, NULL, on_done, &result);

  /* Missing, wrong (another attempt's) state: refused, still waiting. */
  url = g_strdup_printf ("%s?code=X1", base);
  g_assert_cmpuint (browser_get (session, url, NULL), ==, SOUP_STATUS_BAD_REQUEST);
  g_free (url);
  url = g_strdup_printf ("%s?code=X2&state=%s", base, other);
  g_assert_cmpuint (browser_get (session, url, NULL), ==, SOUP_STATUS_BAD_REQUEST);
  g_free (url);
  url = g_strdup_printf ("%s?code=X3&state=", base);
  g_assert_cmpuint (browser_get (session, url, NULL), ==, SOUP_STATUS_BAD_REQUEST);
  g_assert_null (result);
  g_assert_true (mk_loopback_listener_is_listening (listener));

  /* The valid one: a page that says the tab can be closed, without the code. */
  g_free (url);
  url = g_strdup_printf ("%s?state=%s&code=TheSecretCode42&scope=x", base, state);
  g_assert_cmpuint (browser_get (session, url, &page), ==, SOUP_STATUS_OK);
  g_assert_nonnull (strstr (page, "close this tab"));
  g_assert_null (strstr (page, "TheSecretCode42"));

  code = mk_loopback_listener_wait_finish (listener, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, "TheSecretCode42");

  /* Replayed: the listener is gone (or refuses). */
  while (mk_loopback_listener_is_listening (listener))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (browser_get (session, url, NULL), !=, SOUP_STATUS_OK);
}

static void
test_listener_denied (void)
{
  g_autoptr(MkLoopbackListener) listener = mk_loopback_listener_new ("abc");
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *code = NULL;

  g_assert_true (mk_loopback_listener_start (listener, &error));
  mk_loopback_listener_wait_async (listener, NULL, on_done, &result);
  url = g_strdup_printf ("%s?error=access_denied&state=abc", mk_loopback_listener_get_redirect_uri (listener));
  g_assert_cmpuint (browser_get (session, url, NULL), ==, SOUP_STATUS_OK);
  code = mk_loopback_listener_wait_finish (listener, wait_for (&result), &error);
  g_assert_null (code);
  g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_ACCESS_DENIED);
}

static void
test_listener_timeout (void)
{
  g_autoptr(MkLoopbackListener) listener = mk_loopback_listener_new ("abc");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  g_assert_cmpuint (MK_LOOPBACK_LISTENER_DEFAULT_TIMEOUT, ==, 300);
  g_assert_true (mk_loopback_listener_start (listener, &error));
  mk_loopback_listener_set_timeout (listener, 1);
  mk_loopback_listener_wait_async (listener, NULL, on_done, &result);
  code = mk_loopback_listener_wait_finish (listener, wait_for (&result), &error);
  g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_EXPIRED);
  g_assert_false (mk_loopback_listener_is_listening (listener));
}

static void
test_listener_cancel (void)
{
  g_autoptr(MkLoopbackListener) listener = mk_loopback_listener_new ("abc");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  g_assert_true (mk_loopback_listener_start (listener, &error));
  mk_loopback_listener_wait_async (listener, cancellable, on_done, &result);
  g_cancellable_cancel (cancellable);
  code = mk_loopback_listener_wait_finish (listener, wait_for (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (mk_loopback_listener_is_listening (listener));
}

/* MkHttp */

static void
test_http_refuses_plain_http (void)
{
  g_autoptr(MkEndpoints) endpoints = mk_endpoints_parse (NULL, NULL);
  g_autoptr(MkHttp) http = mk_http_new (endpoints, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *ok = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(MkHttpResponse) response = NULL;
  MkHttpRequest request = { .method = "GET", .url = "http://graph.instagram.com/me" };

  ok = mk_http_resolve_url (http, "http://127.0.0.1:1/x", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ok, ==, "http://127.0.0.1:1/x");

  bad = mk_http_resolve_url (http, "http://graph.instagram.com/me", &error);
  g_assert_null (bad);
  g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_INSECURE_URL);
  g_clear_error (&error);

  mk_http_send_async (http, &request, NULL, on_done, &result);
  response = mk_http_send_finish (http, wait_for (&result), &error);
  g_assert_null (response);
  g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_INSECURE_URL);
}

/* Device flow against the fake server */

typedef struct
{
  MkFakeServer *server;
  MkEndpoints  *endpoints;
  MkHttp       *http;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *spec = NULL;
  g_autoptr(GError) error = NULL;

  fixture->server = mk_fake_server_new ();
  spec = mk_fake_server_get_endpoints_spec (fixture->server);
  fixture->endpoints = mk_endpoints_parse (spec, &error);
  g_assert_no_error (error);
  fixture->http = mk_http_new (fixture->endpoints, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->http);
  g_clear_object (&fixture->endpoints);
  mk_fake_server_free (fixture->server);
}

static void
on_code_ready (MkDeviceFlow *flow,
               gpointer      user_data)
{
  gboolean *seen = user_data;

  *seen = TRUE;
}

static MkTokenResponse *
run_device (Fixture      *fixture,
            MkPlatform    platform,
            const char   *script,
            guint        *out_interval,
            guint        *out_polls,
            GError      **error)
{
  g_autoptr(MkPlatformProvider) provider = mk_platform_provider_new_for_platform (platform);
  MkClientCredentials creds = { .client_id = (char *) "123", .client_token = (char *) "ct" };
  g_autoptr(MkDeviceFlow) flow = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gboolean seen = FALSE;
  MkTokenResponse *token;

  mk_fake_server_set_device_script (fixture->server, script);
  flow = mk_device_flow_new (provider, fixture->http, &creds);
  mk_device_flow_set_time_unit (flow, 5);
  g_signal_connect (flow, "code-ready", G_CALLBACK (on_code_ready), &seen);
  mk_device_flow_run_async (flow, NULL, NULL, on_done, &result);
  token = mk_device_flow_run_finish (flow, wait_for (&result), error);

  g_assert_true (seen || token == NULL);
  if (seen)
    {
      g_assert_nonnull (mk_device_flow_get_user_code (flow));
      g_assert_nonnull (mk_device_flow_get_verification_uri (flow));
    }
  *out_interval = mk_device_flow_get_interval (flow);
  *out_polls = mk_device_flow_get_poll_count (flow);

  return token;
}

static void
test_device_google (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkTokenResponse) token = NULL;
  guint interval = 0, polls = 0;

  token = run_device (fixture, MK_PLATFORM_YOUTUBE, "pending,slow_down,pending,ok", &interval, &polls, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token->refresh_token);
  g_assert_true (g_str_has_prefix (token->access_token, "ya29."));
  /* 5 s from device_code.json, +5 s for the one slow_down. */
  g_assert_cmpuint (interval, ==, 10);
  g_assert_cmpuint (polls, ==, 4);
  g_assert_cmpuint (mk_fake_server_get_hits (fixture->server, MK_FAKE_GOOGLE_DEVICE_CODE), ==, 1);
}

static void
test_device_denied_and_expired (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkTokenResponse) token = NULL;
  guint interval = 0, polls = 0;

  token = run_device (fixture, MK_PLATFORM_YOUTUBE, "pending,denied", &interval, &polls, &error);
  g_assert_null (token);
  g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_ACCESS_DENIED);
  g_assert_cmpuint (polls, ==, 2);
  g_clear_error (&error);

  token = run_device (fixture, MK_PLATFORM_FACEBOOK, "pending,expired", &interval, &polls, &error);
  g_assert_null (token);
  g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_EXPIRED);
  g_clear_error (&error);

  /* Never approved: stops by itself at the code's expiry (420 "s" × 5 ms). */
  token = run_device (fixture, MK_PLATFORM_FACEBOOK, "pending", &interval, &polls, &error);
  g_assert_null (token);
  g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_EXPIRED);
  g_assert_cmpuint (polls, <=, 420 / 5 + 1);
}

static void
test_device_facebook (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkTokenResponse) token = NULL;
  g_autofree char *params = NULL;
  guint interval = 0, polls = 0;

  token = run_device (fixture, MK_PLATFORM_FACEBOOK, "pending,slow_down,ok", &interval, &polls, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (token->access_token, "EAAG"));
  g_assert_cmpint (token->expires_in, ==, 5183944);
  g_assert_cmpuint (interval, ==, 10);
  params = mk_fake_server_get_last_params (fixture->server, MK_FAKE_FB_DEVICE_LOGIN);
  g_assert_nonnull (strstr (params, "access_token=123%7Cct"));
}

static void
test_device_unsupported (void)
{
  g_autoptr(MkEndpoints) endpoints = mk_endpoints_parse (NULL, NULL);
  g_autoptr(MkHttp) http = mk_http_new (endpoints, NULL);
  g_autoptr(MkPlatformProvider) provider = mk_platform_provider_new_for_platform (MK_PLATFORM_INSTAGRAM);
  MkClientCredentials creds = { .client_id = (char *) "123" };
  g_autoptr(MkDeviceFlow) flow = mk_device_flow_new (provider, http, &creds);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkTokenResponse) token = NULL;

  mk_device_flow_run_async (flow, NULL, NULL, on_done, &result);
  token = mk_device_flow_run_finish (flow, wait_for (&result), &error);
  g_assert_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_UNSUPPORTED);
}

/* Providers */

static void
test_provider_urls (void)
{
  MkClientCredentials creds = { .client_id = (char *) "cid" };
  g_autoptr(MkPlatformProvider) yt = mk_platform_provider_new_for_platform (MK_PLATFORM_YOUTUBE);
  g_autoptr(MkPlatformProvider) ig = mk_platform_provider_new_for_platform (MK_PLATFORM_INSTAGRAM);
  g_autoptr(MkPlatformProvider) fb = mk_platform_provider_new_for_platform (MK_PLATFORM_FACEBOOK);
  g_autofree char *yt_url = mk_platform_provider_build_authorize_url (yt, &creds, "http://127.0.0.1:5/", "ST", "CH");
  g_autofree char *ig_url = mk_platform_provider_build_authorize_url (ig, &creds, "http://127.0.0.1:5/", "ST", NULL);
  g_autofree char *fb_url = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 1, 10, 12, 0, 0);
  g_autoptr(GDateTime) in_5_min = g_date_time_add_minutes (now, 5);
  g_autoptr(GDateTime) in_1_h = g_date_time_add_hours (now, 1);
  g_autoptr(GDateTime) in_6_d = g_date_time_add_days (now, 6);
  g_autoptr(GDateTime) in_8_d = g_date_time_add_days (now, 8);
  g_autoptr(GDateTime) in_60_d = g_date_time_add_seconds (now, 60.0 * 86400 - 3600);
  g_autoptr(GDateTime) ago = g_date_time_add_hours (now, -1);

  g_assert_true (g_str_has_prefix (yt_url, "https://accounts.google.com/o/oauth2/v2/auth?"));
  g_assert_nonnull (strstr (yt_url, "code_challenge=CH&code_challenge_method=S256"));
  g_assert_nonnull (strstr (yt_url, "access_type=offline"));
  g_assert_nonnull (strstr (yt_url, "state=ST"));
  g_assert_nonnull (strstr (yt_url, "redirect_uri=http%3A%2F%2F127.0.0.1%3A5%2F"));
  g_assert_true (g_str_has_prefix (ig_url, "https://www.instagram.com/oauth/authorize?"));
  mk_platform_provider_set_graph_version (fb, "v25.0");
  fb_url = mk_platform_provider_build_authorize_url (fb, &creds, "http://127.0.0.1:5/", "ST", NULL);
  g_assert_true (g_str_has_prefix (fb_url, "https://www.facebook.com/v25.0/dialog/oauth?"));

  g_assert_cmpint (mk_platform_provider_get_ways (ig), ==, MK_CONNECT_WAY_BROWSER | MK_CONNECT_WAY_PASTE);
  g_assert_true (mk_platform_provider_get_ways (fb) & MK_CONNECT_WAY_DEVICE);
  g_assert_true (mk_platform_provider_get_ways (yt) & MK_CONNECT_WAY_DEVICE);

  /* Google: fewer than 10 minutes left. */
  g_assert_true (mk_platform_provider_needs_refresh (yt, now, in_5_min));
  g_assert_true (mk_platform_provider_needs_refresh (yt, now, ago));
  g_assert_false (mk_platform_provider_needs_refresh (yt, now, in_1_h));
  /* Instagram: fewer than 7 days left, at least a day old, not expired. */
  g_assert_true (mk_platform_provider_needs_refresh (ig, now, in_6_d));
  g_assert_false (mk_platform_provider_needs_refresh (ig, now, in_8_d));
  g_assert_false (mk_platform_provider_needs_refresh (ig, now, in_60_d));
  g_assert_false (mk_platform_provider_needs_refresh (ig, now, ago));
  /* Facebook user tokens are not refreshable. */
  g_assert_false (mk_platform_provider_can_refresh (fb));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/oauth/pkce/rfc7636-vector", test_pkce_rfc7636_vector);
  g_test_add_func ("/oauth/pkce/verifier", test_pkce_verifier);
  g_test_add_func ("/oauth/state", test_state);
  g_test_add_func ("/oauth/token/parse", test_token_parse);
  g_test_add_func ("/oauth/token/errors", test_token_errors);
  g_test_add_func ("/oauth/error-classes", test_error_classes);
  g_test_add_func ("/oauth/listener/loopback-only", test_listener_bound_to_loopback);
  g_test_add_func ("/oauth/listener/state", test_listener_state);
  g_test_add_func ("/oauth/listener/denied", test_listener_denied);
  g_test_add_func ("/oauth/listener/timeout", test_listener_timeout);
  g_test_add_func ("/oauth/listener/cancel", test_listener_cancel);
  g_test_add_func ("/oauth/http/plain-http-refused", test_http_refuses_plain_http);
  g_test_add_func ("/oauth/provider/urls-and-rules", test_provider_urls);
  g_test_add_func ("/oauth/device/unsupported", test_device_unsupported);
  g_test_add ("/oauth/device/google", Fixture, NULL, fixture_setup, test_device_google, fixture_teardown);
  g_test_add ("/oauth/device/facebook", Fixture, NULL, fixture_setup, test_device_facebook, fixture_teardown);
  g_test_add ("/oauth/device/denied-expired", Fixture, NULL, fixture_setup, test_device_denied_and_expired, fixture_teardown);

  return g_test_run ();
}
