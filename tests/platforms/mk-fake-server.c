/* mk-fake-server.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "mk-endpoints.h"
#include "mk-fake-server.h"
#include "mk-fake-server-private.h"
#include "mk-pkce.h"

struct _MkFakeServer
{
  GThread           *thread;
  GMainContext      *context;
  GMainLoop         *loop;
  SoupServer        *server;
  char              *fixtures;
  char              *origin;

  GMutex             lock;
  GCond              ready_cond;
  gboolean           ready;
  GHashTable        *hits;         /* route → GUINT_TO_POINTER (count) */
  GHashTable        *last_params;  /* route → char* */
  MkFakeRefreshMode  refresh_mode;
  char              *issued_access;
  char              *issued_refresh;
  char              *challenge;
  char             **device_script;
  guint              device_step;
  char              *rejected_token;
  char              *granted_scope;
  guint              rotations;
  MkFakeFetch       *fetch;        /* the fetch half, mk-fake-server-fetch.c */
};

static char *
load_fixture (MkFakeServer *self,
              const char   *name)
{
  g_autofree char *path = g_build_filename (self->fixtures, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  char *contents = NULL;
  static const char *origins[] = {
    "https://graph.instagram.com", "https://graph.facebook.com", "https://www.googleapis.com",
  };

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("Fixture %s: %s", name, error->message);

  text = g_string_new (contents);
  g_free (contents);
  /* Paging links live in API answers only; OAuth answers hold scope names
   * that look like Google URLs and must stay as they are. */
  if (!g_str_has_suffix (name, "-oauth") && strstr (name, "-oauth/") == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (origins); i++)
      g_string_replace (text, origins[i], self->origin, 0);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
count_hit (MkFakeServer *self,
           const char   *route,
           const char   *params)
{
  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->hits, g_strdup (route),
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, route)) + 1));
  g_hash_table_replace (self->last_params, g_strdup (route), g_strdup (params));
  g_mutex_unlock (&self->lock);
}

static void
reply (SoupServerMessage *msg,
       guint              status,
       gboolean           token_endpoint,
       gboolean           meta,
       char              *body)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (meta)
    {
      soup_message_headers_replace (headers, "facebook-api-version", "v24.0");
      soup_message_headers_replace (headers, "x-fb-trace-id", "AbCdEfGhIjK");
    }
  if (token_endpoint)
    {
      soup_message_headers_replace (headers, "Cache-Control", "no-store");
      soup_message_headers_replace (headers, "Pragma", "no-cache");
    }
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=UTF-8",
                                    SOUP_MEMORY_TAKE, body, strlen (body));
}

static void
reply_html_502 (SoupServerMessage *msg)
{
  const char *page = "<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>";

  soup_server_message_set_status (msg, 502, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
}

/* A fixture token response with the test's own tokens in it. */
static char *
token_body (MkFakeServer *self,
            const char   *fixture,
            gboolean      with_refresh,
            gboolean      rotate)
{
  g_autofree char *text = load_fixture (self, fixture);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *object;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, -1, NULL))
    g_error ("Fixture %s is not JSON", fixture);
  root = json_parser_get_root (parser);
  object = json_node_get_object (root);

  g_mutex_lock (&self->lock);
  if (self->issued_access != NULL)
    json_object_set_string_member (object, "access_token", self->issued_access);
  if (self->granted_scope != NULL)
    json_object_set_string_member (object, "scope", self->granted_scope);
  if (rotate)
    {
      g_autofree char *rotated = NULL;

      self->rotations++;
      rotated = self->issued_refresh != NULL
                ? g_strdup_printf ("%s-rotated-%u", self->issued_refresh, self->rotations)
                : g_strdup_printf ("1//rotated-refresh-token-%u", self->rotations);
      json_object_set_string_member (object, "refresh_token", rotated);
    }
  else if (with_refresh && self->issued_refresh != NULL)
    json_object_set_string_member (object, "refresh_token", self->issued_refresh);
  g_mutex_unlock (&self->lock);

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static GHashTable *
request_params (SoupServerMessage *msg,
                GHashTable        *query,
                char             **out_text)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (g_strcmp0 (soup_server_message_get_method (msg), "POST") == 0 && body->length > 0)
    {
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      *out_text = g_strdup (text);
      return soup_form_decode (text);
    }

  *out_text = g_strdup (g_uri_get_query (soup_server_message_get_uri (msg)));
  return query != NULL ? g_hash_table_ref (query) : g_hash_table_new (g_str_hash, g_str_equal);
}

static const char *
next_device_step (MkFakeServer *self)
{
  const char *step = "pending";

  g_mutex_lock (&self->lock);
  if (self->device_script != NULL && self->device_script[0] != NULL)
    {
      guint n = g_strv_length (self->device_script);

      step = self->device_script[MIN (self->device_step, n - 1)];
      self->device_step++;
    }
  g_mutex_unlock (&self->lock);

  return step;
}

static gboolean
is_rejected (MkFakeServer      *self,
             SoupServerMessage *msg,
             GHashTable        *params)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");
  const char *token = params != NULL ? g_hash_table_lookup (params, "access_token") : NULL;
  gboolean rejected;

  if (auth != NULL && g_str_has_prefix (auth, "Bearer "))
    token = auth + strlen ("Bearer ");

  g_mutex_lock (&self->lock);
  rejected = token == NULL || (self->rejected_token != NULL && g_str_equal (token, self->rejected_token));
  g_mutex_unlock (&self->lock);

  return rejected;
}

static void
handle_google_token (MkFakeServer      *self,
                     SoupServerMessage *msg,
                     GHashTable        *params,
                     const char        *text)
{
  const char *grant = g_hash_table_lookup (params, "grant_type");

  if (g_strcmp0 (grant, "authorization_code") == 0)
    {
      const char *verifier = g_hash_table_lookup (params, "code_verifier");
      g_autofree char *challenge = verifier != NULL ? mk_pkce_challenge (verifier) : NULL;
      gboolean challenge_ok;

      count_hit (self, MK_FAKE_GOOGLE_TOKEN_CODE, text);
      g_mutex_lock (&self->lock);
      challenge_ok = challenge != NULL && (self->challenge == NULL || g_str_equal (self->challenge, challenge));
      g_mutex_unlock (&self->lock);

      if (g_strcmp0 (g_hash_table_lookup (params, "code"), MK_FAKE_GOOGLE_CODE) != 0 || !challenge_ok)
        reply (msg, 400, TRUE, FALSE, load_fixture (self, "google-oauth/token_invalid_grant_code.json"));
      else
        reply (msg, 200, TRUE, FALSE, token_body (self, "google-oauth/token.json", TRUE, FALSE));
    }
  else if (g_strcmp0 (grant, "refresh_token") == 0)
    {
      MkFakeRefreshMode mode;

      count_hit (self, MK_FAKE_GOOGLE_TOKEN_REFRESH, text);
      g_mutex_lock (&self->lock);
      mode = self->refresh_mode;
      g_mutex_unlock (&self->lock);

      if (mode == MK_FAKE_REFRESH_INVALID_GRANT)
        reply (msg, 400, TRUE, FALSE, load_fixture (self, "google-oauth/token_invalid_grant.json"));
      else if (mode == MK_FAKE_REFRESH_BAD_GATEWAY)
        reply_html_502 (msg);
      else
        reply (msg, 200, TRUE, FALSE, token_body (self, "google-oauth/token_refresh.json", FALSE,
                                                  mode == MK_FAKE_REFRESH_ROTATE));
    }
  else if (g_strcmp0 (grant, "urn:ietf:params:oauth:grant-type:device_code") == 0)
    {
      const char *step;

      count_hit (self, MK_FAKE_GOOGLE_TOKEN_DEVICE, text);
      step = next_device_step (self);
      if (g_str_equal (step, "ok"))
        reply (msg, 200, TRUE, FALSE, token_body (self, "google-oauth/device_token_success.json", TRUE, FALSE));
      else if (g_str_equal (step, "slow_down"))
        reply (msg, 403, TRUE, FALSE, g_strdup ("{\"error\":\"slow_down\",\"error_description\":\"Forbidden\"}"));
      else if (g_str_equal (step, "denied"))
        reply (msg, 403, TRUE, FALSE, g_strdup ("{\"error\":\"access_denied\",\"error_description\":\"Forbidden\"}"));
      else if (g_str_equal (step, "expired"))
        reply (msg, 400, TRUE, FALSE, g_strdup ("{\"error\":\"expired_token\",\"error_description\":\"Bad Request\"}"));
      else
        reply (msg, 428, TRUE, FALSE, load_fixture (self, "google-oauth/device_token_pending.json"));
    }
  else
    reply (msg, 400, TRUE, FALSE, g_strdup ("{\"error\":\"unsupported_grant_type\"}"));
}

static char *
meta_device_error (int subcode)
{
  return g_strdup_printf ("{\"error\":{\"message\":\"device\",\"type\":\"OAuthException\",\"code\":31,"
                          "\"error_subcode\":%d,\"fbtrace_id\":\"AbCdEfGhIjK\"}}", subcode);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *raw_path,
        GHashTable        *query,
        gpointer           user_data)
{
  MkFakeServer *self = user_data;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *text = NULL;
  const char *path = raw_path;
  const char *method = soup_server_message_get_method (msg);
  gboolean post = g_strcmp0 (method, "POST") == 0;

  params = request_params (msg, query, &text);

  /* Any Graph API version prefix, or none. */
  if (g_str_has_prefix (path, "/v") && g_ascii_isdigit (path[2]) && strchr (path + 1, '/') != NULL)
    path = strchr (path + 1, '/');

  if (mk_fake_fetch_handle (self, msg, path, params, text))
    ;
  else if (post && g_str_equal (path, "/token"))
    handle_google_token (self, msg, params, text);
  else if (post && g_str_equal (path, "/device/code"))
    {
      count_hit (self, MK_FAKE_GOOGLE_DEVICE_CODE, text);
      reply (msg, 200, TRUE, FALSE, load_fixture (self, "google-oauth/device_code.json"));
    }
  else if (post && g_str_equal (path, "/oauth/access_token"))
    {
      count_hit (self, MK_FAKE_IG_CODE, text);
      if (g_strcmp0 (g_hash_table_lookup (params, "code"), MK_FAKE_META_CODE) != 0)
        reply (msg, 400, TRUE, TRUE, load_fixture (self, "meta-oauth/ig_code_exchange_error.json"));
      else
        reply (msg, 200, TRUE, TRUE, load_fixture (self, "meta-oauth/ig_code_exchange.json"));
    }
  else if (!post && g_str_equal (path, "/access_token"))
    {
      count_hit (self, MK_FAKE_IG_EXCHANGE, text);
      reply (msg, 200, TRUE, TRUE, token_body (self, "meta-oauth/ig_long_lived_exchange.json", FALSE, FALSE));
    }
  else if (!post && g_str_equal (path, "/refresh_access_token"))
    {
      MkFakeRefreshMode mode;

      count_hit (self, MK_FAKE_IG_REFRESH, text);
      g_mutex_lock (&self->lock);
      mode = self->refresh_mode;
      g_mutex_unlock (&self->lock);
      if (mode == MK_FAKE_REFRESH_INVALID_GRANT)
        reply (msg, 400, TRUE, TRUE, load_fixture (self, "instagram/error_invalid_token.json"));
      else if (mode == MK_FAKE_REFRESH_BAD_GATEWAY)
        reply_html_502 (msg);
      else
        reply (msg, 200, TRUE, TRUE, token_body (self, "instagram/refresh_access_token.json", FALSE, FALSE));
    }
  else if (!post && g_str_equal (path, "/oauth/access_token"))
    {
      gboolean exchange = g_strcmp0 (g_hash_table_lookup (params, "grant_type"), "fb_exchange_token") == 0;

      count_hit (self, exchange ? MK_FAKE_FB_EXCHANGE : MK_FAKE_FB_CODE, text);
      if (exchange)
        reply (msg, 200, TRUE, TRUE, token_body (self, "meta-oauth/fb_long_lived_exchange.json", FALSE, FALSE));
      else if (g_strcmp0 (g_hash_table_lookup (params, "code"), MK_FAKE_META_CODE) != 0)
        reply (msg, 400, TRUE, TRUE, load_fixture (self, "facebook/error_token_expired.json"));
      else
        reply (msg, 200, TRUE, TRUE, token_body (self, "meta-oauth/fb_code_exchange.json", FALSE, FALSE));
    }
  else if (post && g_str_equal (path, "/device/login"))
    {
      count_hit (self, MK_FAKE_FB_DEVICE_LOGIN, text);
      reply (msg, 200, TRUE, TRUE, load_fixture (self, "meta-oauth/fb_device_login.json"));
    }
  else if (post && g_str_equal (path, "/device/login_status"))
    {
      const char *step;

      count_hit (self, MK_FAKE_FB_DEVICE_STATUS, text);
      step = next_device_step (self);
      if (g_str_equal (step, "ok"))
        reply (msg, 200, TRUE, TRUE, token_body (self, "meta-oauth/fb_device_login_status_success.json", FALSE, FALSE));
      else if (g_str_equal (step, "slow_down"))
        reply (msg, 400, TRUE, TRUE, meta_device_error (1349172));
      else if (g_str_equal (step, "denied"))
        reply (msg, 400, TRUE, TRUE, meta_device_error (1349173));
      else if (g_str_equal (step, "expired"))
        reply (msg, 400, TRUE, TRUE, meta_device_error (1349152));
      else
        reply (msg, 400, TRUE, TRUE, load_fixture (self, "meta-oauth/fb_device_login_status_pending.json"));
    }
  else if (!post && g_str_equal (path, "/me"))
    {
      const char *fields = g_hash_table_lookup (params, "fields");
      gboolean instagram = fields != NULL && strstr (fields, "username") != NULL;

      count_hit (self, instagram ? MK_FAKE_IG_ME : MK_FAKE_FB_ME, text);
      if (is_rejected (self, msg, params))
        reply (msg, 400, FALSE, TRUE, load_fixture (self, "instagram/error_invalid_token.json"));
      else
        reply (msg, 200, FALSE, TRUE, load_fixture (self, instagram ? "instagram/me.json" : "facebook/me.json"));
    }
  else if (!post && g_str_equal (path, "/youtube/v3/channels"))
    {
      count_hit (self, MK_FAKE_YT_CHANNELS, text);
      if (is_rejected (self, msg, params))
        reply (msg, 401, FALSE, FALSE, load_fixture (self, "youtube/error_auth.json"));
      else
        reply (msg, 200, FALSE, FALSE, load_fixture (self, "youtube/channels_mine.json"));
    }
  else
    reply (msg, 404, FALSE, FALSE, g_strdup ("{\"error\":{\"code\":404,\"message\":\"Not found\",\"errors\":[]}}"));

  mk_fake_fetch_delay (self, msg);
}

static gpointer
server_thread (gpointer user_data)
{
  MkFakeServer *self = user_data;
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, handle, self, NULL);
  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  address = g_inet_socket_address_new (loopback, 0);
  if (!soup_server_listen (self->server, address, 0, &error))
    g_error ("Fake server: %s", error->message);

  uris = soup_server_get_uris (self->server);
  self->origin = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_mutex_lock (&self->lock);
  self->ready = TRUE;
  g_cond_signal (&self->ready_cond);
  g_mutex_unlock (&self->lock);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

MkFakeServer *
mk_fake_server_new (void)
{
  MkFakeServer *self = g_new0 (MkFakeServer, 1);

  self->fixtures = g_test_build_filename (G_TEST_DIST, "platforms", "fixtures", NULL);
  self->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->last_params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&self->lock);
  g_cond_init (&self->ready_cond);
  self->fetch = mk_fake_fetch_new ();
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("fake-server", server_thread, self);

  g_mutex_lock (&self->lock);
  while (!self->ready)
    g_cond_wait (&self->ready_cond, &self->lock);
  g_mutex_unlock (&self->lock);

  return self;
}

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

void
mk_fake_server_free (MkFakeServer *self)
{
  if (self == NULL)
    return;

  g_main_context_invoke (self->context, quit_loop, self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_hash_table_unref (self->hits);
  g_hash_table_unref (self->last_params);
  g_free (self->fixtures);
  g_free (self->origin);
  g_free (self->issued_access);
  g_free (self->issued_refresh);
  g_free (self->challenge);
  g_strfreev (self->device_script);
  g_free (self->rejected_token);
  g_free (self->granted_scope);
  mk_fake_fetch_free (self->fetch);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->ready_cond);
  g_free (self);
}

const char *
mk_fake_server_get_origin (MkFakeServer *self)
{
  return self->origin;
}

char *
mk_fake_server_get_endpoints_spec (MkFakeServer *self)
{
  const char * const *origins = mk_endpoints_get_official_origins ();
  GString *spec = g_string_new (NULL);

  for (guint i = 0; origins[i] != NULL; i++)
    g_string_append_printf (spec, "%s%s=%s", i > 0 ? "," : "", origins[i], self->origin);

  return g_string_free (spec, FALSE);
}

guint
mk_fake_server_get_hits (MkFakeServer *self,
                         const char   *route)
{
  guint hits;

  g_mutex_lock (&self->lock);
  hits = GPOINTER_TO_UINT (g_hash_table_lookup (self->hits, route));
  g_mutex_unlock (&self->lock);

  return hits;
}

char *
mk_fake_server_get_last_params (MkFakeServer *self,
                                const char   *route)
{
  char *params;

  g_mutex_lock (&self->lock);
  params = g_strdup (g_hash_table_lookup (self->last_params, route));
  g_mutex_unlock (&self->lock);

  return params;
}

void
mk_fake_server_set_refresh_mode (MkFakeServer      *self,
                                 MkFakeRefreshMode  mode)
{
  g_mutex_lock (&self->lock);
  self->refresh_mode = mode;
  g_mutex_unlock (&self->lock);
}

void
mk_fake_server_set_issued_tokens (MkFakeServer *self,
                                  const char   *access_token,
                                  const char   *refresh_token)
{
  g_mutex_lock (&self->lock);
  g_free (self->issued_access);
  self->issued_access = g_strdup (access_token);
  g_free (self->issued_refresh);
  self->issued_refresh = g_strdup (refresh_token);
  g_mutex_unlock (&self->lock);
}

void
mk_fake_server_expect_challenge (MkFakeServer *self,
                                 const char   *challenge)
{
  g_mutex_lock (&self->lock);
  g_free (self->challenge);
  self->challenge = g_strdup (challenge);
  g_mutex_unlock (&self->lock);
}

void
mk_fake_server_set_device_script (MkFakeServer *self,
                                  const char   *script)
{
  g_mutex_lock (&self->lock);
  g_strfreev (self->device_script);
  self->device_script = script != NULL ? g_strsplit (script, ",", -1) : NULL;
  self->device_step = 0;
  g_mutex_unlock (&self->lock);
}

void
mk_fake_server_set_rejected_token (MkFakeServer *self,
                                   const char   *token)
{
  g_mutex_lock (&self->lock);
  g_free (self->rejected_token);
  self->rejected_token = g_strdup (token);
  g_mutex_unlock (&self->lock);
}

void
mk_fake_server_set_granted_scope (MkFakeServer *self,
                                  const char   *scope)
{
  g_mutex_lock (&self->lock);
  g_free (self->granted_scope);
  self->granted_scope = g_strdup (scope);
  g_mutex_unlock (&self->lock);
}

/* For the fetch half (mk-fake-server-private.h). */

MkFakeFetch *
mk_fake_server_get_fetch (MkFakeServer *self)
{
  return self->fetch;
}

char *
mk_fake_server_load_fixture (MkFakeServer *self,
                             const char   *name)
{
  return load_fixture (self, name);
}

void
mk_fake_server_count_hit (MkFakeServer *self,
                          const char   *route,
                          const char   *params)
{
  count_hit (self, route, params);
}

gboolean
mk_fake_server_is_rejected (MkFakeServer      *self,
                            SoupServerMessage *msg,
                            GHashTable        *params)
{
  return is_rejected (self, msg, params);
}
