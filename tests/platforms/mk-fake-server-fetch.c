/* mk-fake-server-fetch.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "mk-fake-server-private.h"

/* The fetch half of the fake platforms: Instagram /me/media, Facebook
 * /me/accounts (one Page, several, none or a malformed list), the pages and
 * their /posts, YouTube playlistItems and videos
 * (channels and /me are served by the connect half), with paging as the
 * fixtures README says, generated media in any number, error injection on
 * every API route and a latency for every answer. */

#define IG_APP_ID       "9276584013257741"
#define IG_USER_ID      "17841400927365812"
#define IG_AFTER        "QVFIlJFrfpb2898JcojGsf4F9GfrSZjpD5BCZVkti3ANZhHb"
#define FB_PAGE_ID      "104857392018475"
#define FB_PAGE_TOKEN   "EAAGm0PX4ZCpsBOSarahLensFixturePageTokenZDZDpQrStUv9876543210"
#define FB_PAGE2_ID     "231907455618342"
#define FB_PAGE2_TOKEN  "EAAGm0PX4ZCpsBOTravelNotesFixturePageTokenZDZDwXyZ1234567890"
#define FB_PAGES_AFTER  "QVFIUkN3dW5GaXh0dXJlU2V2ZXJhbEFmdGVy"
#define FB_AFTER        "QVFIqeO30QQqjNnbakD1heyvFqTvjDEGGVXFA0PLLrZTjQIK"
#define YT_PAGE_TOKEN   "EAAaBlBUOkNBbw"
#define YT_FIRST_ID     "bNY8hyAobbJ"

#define IG_BUC "{\"" IG_USER_ID "\":[{\"type\":\"instagram\",\"call_count\":3,\"total_cputime\":1,\"total_time\":2,\"estimated_time_to_regain_access\":0}]}"
#define FB_BUC "{\"" FB_PAGE_ID "\":[{\"type\":\"pages\",\"call_count\":4,\"total_cputime\":1,\"total_time\":2,\"estimated_time_to_regain_access\":0}]}"
#define FB_APP_USAGE "{\"call_count\":7,\"total_cputime\":2,\"total_time\":3}"

typedef struct
{
  MkFakeError error;
  guint       after;
  guint       seen;
} Injection;

struct _MkFakeFetch
{
  GMutex      lock;
  GHashTable *injections;  /* route → Injection */
  GHashTable *last_paths;  /* route → path */
  guint       latency_ms;
  guint       generated;
  MkFakeFbPages fb_pages;
};

/* 1×1 transparent PNG: enough for a decoder to accept. */
static const guint8 tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
};

MkFakeFetch *
mk_fake_fetch_new (void)
{
  MkFakeFetch *fetch = g_new0 (MkFakeFetch, 1);

  g_mutex_init (&fetch->lock);
  fetch->injections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fetch->last_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return fetch;
}

void
mk_fake_fetch_free (MkFakeFetch *fetch)
{
  if (fetch == NULL)
    return;
  g_hash_table_unref (fetch->injections);
  g_hash_table_unref (fetch->last_paths);
  g_mutex_clear (&fetch->lock);
  g_free (fetch);
}

void
mk_fake_server_set_error (MkFakeServer *self,
                          const char   *route,
                          MkFakeError   error,
                          guint         after)
{
  MkFakeFetch *fetch = mk_fake_server_get_fetch (self);
  Injection *injection = g_new0 (Injection, 1);

  injection->error = error;
  injection->after = after;
  g_mutex_lock (&fetch->lock);
  g_hash_table_replace (fetch->injections, g_strdup (route), injection);
  g_mutex_unlock (&fetch->lock);
}

void
mk_fake_server_set_latency (MkFakeServer *self,
                            guint         ms)
{
  MkFakeFetch *fetch = mk_fake_server_get_fetch (self);

  g_mutex_lock (&fetch->lock);
  fetch->latency_ms = ms;
  g_mutex_unlock (&fetch->lock);
}

void
mk_fake_server_set_generated_media (MkFakeServer *self,
                                    guint         count)
{
  MkFakeFetch *fetch = mk_fake_server_get_fetch (self);

  g_mutex_lock (&fetch->lock);
  fetch->generated = count;
  g_mutex_unlock (&fetch->lock);
}

void
mk_fake_server_set_facebook_pages (MkFakeServer  *self,
                                   MkFakeFbPages  pages)
{
  MkFakeFetch *fetch = mk_fake_server_get_fetch (self);

  g_mutex_lock (&fetch->lock);
  fetch->fb_pages = pages;
  g_mutex_unlock (&fetch->lock);
}

char *
mk_fake_server_get_last_path (MkFakeServer *self,
                              const char   *route)
{
  MkFakeFetch *fetch = mk_fake_server_get_fetch (self);
  char *path;

  g_mutex_lock (&fetch->lock);
  path = g_strdup (g_hash_table_lookup (fetch->last_paths, route));
  g_mutex_unlock (&fetch->lock);
  return path;
}

static void
record_path (MkFakeServer *server,
             const char   *route,
             const char   *path)
{
  MkFakeFetch *fetch = mk_fake_server_get_fetch (server);

  g_mutex_lock (&fetch->lock);
  g_hash_table_replace (fetch->last_paths, g_strdup (route), g_strdup (path));
  g_mutex_unlock (&fetch->lock);
}

static MkFakeFbPages
facebook_pages (MkFakeServer *server)
{
  MkFakeFetch *fetch = mk_fake_server_get_fetch (server);
  MkFakeFbPages pages;

  g_mutex_lock (&fetch->lock);
  pages = fetch->fb_pages;
  g_mutex_unlock (&fetch->lock);
  return pages;
}

static guint
generated_count (MkFakeServer *server)
{
  MkFakeFetch *fetch = mk_fake_server_get_fetch (server);
  guint count;

  g_mutex_lock (&fetch->lock);
  count = fetch->generated;
  g_mutex_unlock (&fetch->lock);
  return count;
}

/* The injected error for this request of @route, counting it. */
static MkFakeError
take_injection (MkFakeServer *server,
                const char   *route)
{
  MkFakeFetch *fetch = mk_fake_server_get_fetch (server);
  MkFakeError error = MK_FAKE_ERROR_NONE;
  Injection *injection;

  g_mutex_lock (&fetch->lock);
  injection = g_hash_table_lookup (fetch->injections, route);
  if (injection != NULL && injection->error != MK_FAKE_ERROR_NONE)
    {
      if (injection->seen >= injection->after)
        error = injection->error;
      injection->seen++;
    }
  g_mutex_unlock (&fetch->lock);
  return error;
}

static void
send_body (SoupServerMessage *msg,
           guint              status,
           const char        *content_type,
           char              *body,
           gsize              len)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_TAKE, body, len);
}

static void
send_json (SoupServerMessage *msg,
           gboolean           meta,
           guint              status,
           char              *body)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (meta)
    {
      soup_message_headers_replace (headers, "facebook-api-version", "v24.0");
      soup_message_headers_replace (headers, "x-fb-trace-id", "AbCdEfGhIjK");
    }
  send_body (msg, status, "application/json; charset=UTF-8", body, strlen (body));
}

static void
add_header (SoupServerMessage *msg,
            const char        *name,
            const char        *value)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), name, value);
}

static char *
meta_error (int         code,
            int         subcode,
            gboolean    transient,
            const char *message)
{
  g_autofree char *sub = subcode > 0 ? g_strdup_printf (",\"error_subcode\":%d", subcode) : g_strdup ("");

  return g_strdup_printf ("{\"error\":{\"message\":\"%s\",\"type\":\"OAuthException\",\"code\":%d%s%s,"
                          "\"fbtrace_id\":\"AbCdEfGhIjK\"}}",
                          message, code, sub, transient ? ",\"is_transient\":true" : "");
}

static char *
google_error (int         code,
              const char *reason,
              const char *domain)
{
  return g_strdup_printf ("{\"error\":{\"code\":%d,\"message\":\"%s\",\"errors\":[{\"message\":\"%s\","
                          "\"domain\":\"%s\",\"reason\":\"%s\"}]}}",
                          code, reason, reason, domain, reason);
}

/* A normal answer of @route, for cutting in half. */
static const char *
normal_fixture (const char *route)
{
  if (g_str_equal (route, MK_FAKE_IG_ME))
    return "instagram/me.json";
  if (g_str_equal (route, MK_FAKE_IG_MEDIA))
    return "instagram/me_media_page1.json";
  if (g_str_equal (route, MK_FAKE_FB_ME))
    return "facebook/me.json";
  if (g_str_equal (route, MK_FAKE_FB_ACCOUNTS))
    return "facebook/me_accounts.json";
  if (g_str_equal (route, MK_FAKE_FB_PAGE))
    return "facebook/page.json";
  if (g_str_equal (route, MK_FAKE_FB_POSTS))
    return "facebook/page_posts_page1.json";
  if (g_str_equal (route, MK_FAKE_YT_PLAYLIST))
    return "youtube/playlist_items_page1.json";
  if (g_str_equal (route, MK_FAKE_YT_VIDEOS))
    return "youtube/videos_stats_page1.json";
  return "youtube/channels_mine.json";
}

static void
send_format_error (MkFakeServer      *server,
                   SoupServerMessage *msg,
                   const char        *route,
                   MkFakeError        error)
{
  switch (error)
    {
    case MK_FAKE_ERROR_HTML_502:
      {
        const char *page = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
                           "<body><h1>Bad Gateway</h1></body></html>";
        send_body (msg, 502, "text/html", g_strdup (page), strlen (page));
        break;
      }

    case MK_FAKE_ERROR_TRUNCATED:
      {
        char *text = mk_fake_server_load_fixture (server, normal_fixture (route));
        send_body (msg, 200, "application/json; charset=UTF-8", text, strlen (text) / 2);
        break;
      }

    case MK_FAKE_ERROR_DEEP_JSON:
      {
        gsize depth = 100000;
        char *text = g_malloc (depth * 2 + 1);

        memset (text, '[', depth);
        memset (text + depth, ']', depth);
        text[depth * 2] = '\0';
        send_body (msg, 200, "application/json; charset=UTF-8", text, depth * 2);
        break;
      }

    case MK_FAKE_ERROR_EMPTY:
      send_body (msg, 200, "application/json; charset=UTF-8", g_strdup (""), 0);
      break;

    case MK_FAKE_ERROR_FOREIGN_NEXT:
      {
        const char *text = "{\"data\":[],\"paging\":{\"next\":\"https://graph.instagram.com.evil.example/v24.0/me/media?after=x\"},"
                           "\"nextPageToken\":\"x\"}";
        send_body (msg, 200, "application/json; charset=UTF-8", g_strdup (text), strlen (text));
        break;
      }

    case MK_FAKE_ERROR_INVALID_JSON:
    default:
      {
        const char *text = "{\"data\": [1,,]}";
        send_body (msg, 200, "application/json; charset=UTF-8", g_strdup (text), strlen (text));
        break;
      }
    }
}

static void
send_meta_error (MkFakeServer      *server,
                 SoupServerMessage *msg,
                 gboolean           instagram,
                 MkFakeError        error)
{
  const char *www = "OAuth \"Facebook Platform\" \"invalid_token\" \"Error validating access token: Session has expired\"";

  switch (error)
    {
    case MK_FAKE_ERROR_TOKEN_EXPIRED:
      add_header (msg, "WWW-Authenticate", www);
      send_json (msg, TRUE, 400, mk_fake_server_load_fixture (server, instagram ? "instagram/error_token_expired.json"
                                                                                : "facebook/error_token_expired.json"));
      break;
    case MK_FAKE_ERROR_TOKEN_INVALID:
      add_header (msg, "WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\" \"Invalid OAuth access token - Cannot parse access token\"");
      send_json (msg, TRUE, 400, mk_fake_server_load_fixture (server, "instagram/error_invalid_token.json"));
      break;
    case MK_FAKE_ERROR_PASSWORD_CHANGED:
      add_header (msg, "WWW-Authenticate", www);
      send_json (msg, TRUE, 400, mk_fake_server_load_fixture (server, "facebook/error_password_changed.json"));
      break;
    case MK_FAKE_ERROR_PAGE_ROLE_LOST:
      add_header (msg, "WWW-Authenticate", www);
      send_json (msg, TRUE, 400, mk_fake_server_load_fixture (server, "facebook/error_page_role_lost.json"));
      break;
    case MK_FAKE_ERROR_SESSION_INVALID:
      send_json (msg, TRUE, 400, meta_error (102, 0, FALSE, "Session key invalid or no longer valid"));
      break;
    case MK_FAKE_ERROR_RATE_LIMIT_APP:
    case MK_FAKE_ERROR_QUOTA:
      add_header (msg, "X-App-Usage", "{\"call_count\":100,\"total_cputime\":12,\"total_time\":15}");
      send_json (msg, TRUE, 400, mk_fake_server_load_fixture (server, instagram ? "instagram/error_rate_limit.json"
                                                                                : "facebook/error_rate_limit_app.json"));
      break;
    case MK_FAKE_ERROR_RATE_LIMIT_USER:
      add_header (msg, "X-App-Usage", "{\"call_count\":41,\"total_cputime\":5,\"total_time\":6}");
      send_json (msg, TRUE, 400, mk_fake_server_load_fixture (server, "facebook/error_rate_limit_user.json"));
      break;
    case MK_FAKE_ERROR_RATE_LIMIT_PAGE:
      add_header (msg, "X-Business-Use-Case-Usage",
                  "{\"" FB_PAGE_ID "\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":30,"
                  "\"total_time\":33,\"estimated_time_to_regain_access\":5}]}");
      send_json (msg, TRUE, 400, mk_fake_server_load_fixture (server, "facebook/error_rate_limit_page.json"));
      break;
    case MK_FAKE_ERROR_RATE_LIMIT_CUSTOM:
      send_json (msg, TRUE, 400, meta_error (613, 1996, TRUE, "Calls to this api have exceeded the rate limit."));
      break;
    case MK_FAKE_ERROR_RATE_LIMIT_POLICY:
      send_json (msg, TRUE, 400, meta_error (341, 0, TRUE, "Application limit reached"));
      break;
    case MK_FAKE_ERROR_BUC:
      add_header (msg, "X-Business-Use-Case-Usage",
                  instagram ? "{\"" IG_USER_ID "\":[{\"type\":\"instagram\",\"call_count\":104,\"total_cputime\":9,"
                              "\"total_time\":11,\"estimated_time_to_regain_access\":12}]}"
                            : "{\"" FB_PAGE_ID "\":[{\"type\":\"pages\",\"call_count\":104,\"total_cputime\":9,"
                              "\"total_time\":11,\"estimated_time_to_regain_access\":12}]}");
      if (instagram)
        send_json (msg, TRUE, 400, mk_fake_server_load_fixture (server, "instagram/error_buc_rate_limit.json"));
      else
        send_json (msg, TRUE, 400, meta_error (80001, 0, TRUE, "There have been too many calls to this Page account."));
      break;
    case MK_FAKE_ERROR_TOO_MANY_REQUESTS:
      add_header (msg, "Retry-After", "30");
      send_json (msg, TRUE, 429, meta_error (4, 0, TRUE, "Application request limit reached"));
      break;
    case MK_FAKE_ERROR_PERMISSION:
    case MK_FAKE_ERROR_FORBIDDEN:
      send_json (msg, TRUE, 403, mk_fake_server_load_fixture (server, instagram ? "instagram/error_permission.json"
                                                                                : "facebook/error_permission.json"));
      break;
    case MK_FAKE_ERROR_NOT_FOUND:
      send_json (msg, TRUE, 400, meta_error (100, 33, FALSE, "Unsupported get request. Object does not exist"));
      break;
    case MK_FAKE_ERROR_BAD_REQUEST:
      send_json (msg, TRUE, 400, meta_error (100, 0, FALSE, "(#100) Tried accessing nonexisting field"));
      break;
    case MK_FAKE_ERROR_TRANSIENT:
      send_json (msg, TRUE, 500, meta_error (2, 0, TRUE, "An unexpected error has occurred. Please retry your request later."));
      break;
    case MK_FAKE_ERROR_NONE:
    default:
      send_format_error (server, msg, instagram ? MK_FAKE_IG_MEDIA : MK_FAKE_FB_POSTS, error);
      break;
    }
}

static void
send_google_error (MkFakeServer      *server,
                   SoupServerMessage *msg,
                   MkFakeError        error)
{
  const char *www = "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"";

  switch (error)
    {
    case MK_FAKE_ERROR_TOKEN_EXPIRED:
    case MK_FAKE_ERROR_TOKEN_INVALID:
    case MK_FAKE_ERROR_PASSWORD_CHANGED:
    case MK_FAKE_ERROR_SESSION_INVALID:
    case MK_FAKE_ERROR_PAGE_ROLE_LOST:
      add_header (msg, "WWW-Authenticate", www);
      send_json (msg, FALSE, 401, mk_fake_server_load_fixture (server, "youtube/error_auth.json"));
      break;
    case MK_FAKE_ERROR_RATE_LIMIT_USER:
      send_json (msg, FALSE, 403, google_error (403, "userRateLimitExceeded", "usageLimits"));
      break;
    case MK_FAKE_ERROR_RATE_LIMIT_APP:
    case MK_FAKE_ERROR_RATE_LIMIT_PAGE:
    case MK_FAKE_ERROR_RATE_LIMIT_CUSTOM:
    case MK_FAKE_ERROR_RATE_LIMIT_POLICY:
    case MK_FAKE_ERROR_BUC:
      send_json (msg, FALSE, 403, google_error (403, "rateLimitExceeded", "usageLimits"));
      break;
    case MK_FAKE_ERROR_TOO_MANY_REQUESTS:
      add_header (msg, "Retry-After", "30");
      send_json (msg, FALSE, 429, google_error (429, "rateLimitExceeded", "usageLimits"));
      break;
    case MK_FAKE_ERROR_QUOTA:
      send_json (msg, FALSE, 403, mk_fake_server_load_fixture (server, "youtube/error_quota_exceeded.json"));
      break;
    case MK_FAKE_ERROR_PERMISSION:
      add_header (msg, "WWW-Authenticate",
                  "Bearer realm=\"https://accounts.google.com/\", error=\"insufficient_scope\", "
                  "scope=\"https://www.googleapis.com/auth/youtube.readonly\"");
      send_json (msg, FALSE, 403, mk_fake_server_load_fixture (server, "youtube/error_insufficient_scope.json"));
      break;
    case MK_FAKE_ERROR_FORBIDDEN:
      send_json (msg, FALSE, 403, mk_fake_server_load_fixture (server, "youtube/error_forbidden.json"));
      break;
    case MK_FAKE_ERROR_NOT_FOUND:
      send_json (msg, FALSE, 404, google_error (404, "playlistNotFound", "youtube.playlistItem"));
      break;
    case MK_FAKE_ERROR_BAD_REQUEST:
      send_json (msg, FALSE, 400, google_error (400, "invalidPageToken", "youtube.parameter"));
      break;
    case MK_FAKE_ERROR_TRANSIENT:
      send_json (msg, FALSE, 503, google_error (503, "backendError", "global"));
      break;
    case MK_FAKE_ERROR_NONE:
    default:
      send_format_error (server, msg, MK_FAKE_YT_VIDEOS, error);
      break;
    }
}

static const char *
token_of (SoupServerMessage *msg,
          GHashTable        *params)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");

  if (auth != NULL && g_str_has_prefix (auth, "Bearer "))
    return auth + strlen ("Bearer ");
  return params != NULL ? g_hash_table_lookup (params, "access_token") : NULL;
}

static guint
param_uint (GHashTable *params,
            const char *name,
            guint       fallback)
{
  const char *value = params != NULL ? g_hash_table_lookup (params, name) : NULL;
  guint64 number;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, 1000, &number, NULL))
    return fallback;
  return (guint)number;
}

/* Generated cursors are "gen-<offset>". */
static guint
param_offset (GHashTable *params,
              const char *name)
{
  const char *value = params != NULL ? g_hash_table_lookup (params, name) : NULL;
  guint64 number;

  if (value == NULL || !g_str_has_prefix (value, "gen-") ||
      !g_ascii_string_to_unsigned (value + 4, 10, 0, G_MAXUINT, &number, NULL))
    return 0;
  return (guint)number;
}

static char *
generated_time (guint index,
                gboolean meta)
{
  g_autoptr(GDateTime) base = g_date_time_new_utc (2026, 11, 1, 12, 0, 0);
  g_autoptr(GDateTime) when = g_date_time_add_hours (base, -(gint)(index * 7));

  return g_date_time_format (when, meta ? "%Y-%m-%dT%H:%M:%S+0000" : "%Y-%m-%dT%H:%M:%SZ");
}

static char *
generated_meta_page (MkFakeServer *server,
                     gboolean      instagram,
                     const char   *path,
                     GHashTable   *params,
                     guint         total)
{
  const char *origin = mk_fake_server_get_origin (server);
  guint limit = param_uint (params, "limit", 25);
  guint offset = param_offset (params, "after");
  g_autoptr(GString) body = g_string_new ("{\"data\":[");

  for (guint i = offset; i < total && i < offset + limit; i++)
    {
      g_autofree char *when = generated_time (i, TRUE);

      if (i > offset)
        g_string_append_c (body, ',');
      if (instagram)
        g_string_append_printf (body,
                                "{\"id\":\"179%014u\",\"caption\":\"Generated post %u\",\"media_type\":\"%s\","
                                "\"media_url\":\"%s/thumbnails/ig-%u.png\",\"permalink\":\"https://www.instagram.com/p/gen%u/\","
                                "\"timestamp\":\"%s\",\"like_count\":%u,\"comments_count\":%u}",
                                i, i, i % 3 == 0 ? "IMAGE" : "CAROUSEL_ALBUM", origin, i, i, when,
                                1000 + i, 10 + i % 50);
      else
        g_string_append_printf (body,
                                "{\"id\":\"" FB_PAGE_ID "_%u\",\"message\":\"Generated post %u\",\"created_time\":\"%s\","
                                "\"permalink_url\":\"https://www.facebook.com/" FB_PAGE_ID "/posts/%u\","
                                "\"full_picture\":\"%s/thumbnails/fb-%u.png\",\"shares\":{\"count\":%u},"
                                "\"reactions\":{\"data\":[],\"summary\":{\"total_count\":%u}},"
                                "\"comments\":{\"data\":[],\"summary\":{\"order\":\"ranked\",\"total_count\":%u,\"can_comment\":true}}}",
                                i, i, when, i, origin, i, i % 7, 500 + i, 5 + i % 20);
    }
  g_string_append (body, "]");

  if (offset + limit < total)
    g_string_append_printf (body, ",\"paging\":{\"cursors\":{\"after\":\"gen-%u\"},"
                            "\"next\":\"%s/v24.0%s?access_token=%s&limit=%u&after=gen-%u\"}",
                            offset + limit, origin, path,
                            instagram ? "IGAAgeneratedToken" : FB_PAGE_TOKEN, limit, offset + limit);
  g_string_append (body, "}");
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static char *
generated_playlist (GHashTable *params,
                    guint       total)
{
  guint limit = param_uint (params, "maxResults", 5);
  guint offset = param_offset (params, "pageToken");
  g_autoptr(GString) body = g_string_new ("{\"kind\":\"youtube#playlistItemListResponse\",\"etag\":\"gen\"");

  if (offset + limit < total)
    g_string_append_printf (body, ",\"nextPageToken\":\"gen-%u\"", offset + limit);
  g_string_append_printf (body, ",\"pageInfo\":{\"totalResults\":%u,\"resultsPerPage\":%u},\"items\":[", total, limit);
  for (guint i = offset; i < total && i < offset + limit; i++)
    {
      g_autofree char *when = generated_time (i, FALSE);

      g_string_append_printf (body,
                              "%s{\"kind\":\"youtube#playlistItem\",\"id\":\"pi%u\",\"snippet\":{\"publishedAt\":\"%s\","
                              "\"title\":\"Generated video %u\",\"resourceId\":{\"kind\":\"youtube#video\",\"videoId\":\"gv%09u\"}},"
                              "\"contentDetails\":{\"videoId\":\"gv%09u\",\"videoPublishedAt\":\"%s\"}}",
                              i > offset ? "," : "", i, when, i, i, i, when);
    }
  g_string_append (body, "]}");
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static char *
generated_videos (MkFakeServer *server,
                  GHashTable   *params)
{
  const char *ids = params != NULL ? g_hash_table_lookup (params, "id") : NULL;
  g_auto(GStrv) list = g_strsplit (ids != NULL ? ids : "", ",", -1);
  g_autoptr(GString) body = g_string_new ("{\"kind\":\"youtube#videoListResponse\",\"items\":[");
  gboolean first = TRUE;

  for (guint i = 0; list[i] != NULL; i++)
    {
      guint64 n;
      g_autofree char *when = NULL;

      if (!g_str_has_prefix (list[i], "gv") ||
          !g_ascii_string_to_unsigned (list[i] + 2, 10, 0, G_MAXUINT, &n, NULL))
        continue;
      when = generated_time ((guint)n, FALSE);
      g_string_append_printf (body,
                              "%s{\"kind\":\"youtube#video\",\"id\":\"%s\",\"snippet\":{\"publishedAt\":\"%s\","
                              "\"title\":\"Generated video %u\",\"thumbnails\":{\"high\":{\"url\":\"%s/thumbnails/yt-%u.png\","
                              "\"width\":480,\"height\":360}},\"liveBroadcastContent\":\"none\"},"
                              "\"contentDetails\":{\"duration\":\"PT4M%uS\"},"
                              "\"statistics\":{\"viewCount\":\"%u\",\"likeCount\":\"%u\",\"favoriteCount\":\"0\",\"commentCount\":\"%u\"}}",
                              first ? "" : ",", list[i], when, (guint)n, mk_fake_server_get_origin (server), (guint)n,
                              (guint)(n % 60), 10000 + (guint)n, 400 + (guint)n, 20 + (guint)(n % 30));
      first = FALSE;
    }
  g_string_append (body, "]}");
  return g_string_free (g_steal_pointer (&body), FALSE);
}

/* Which fetch route @path is, or NULL. */
static const char *
route_of (const char *path,
          GHashTable *params)
{
  if (g_str_equal (path, "/me"))
    {
      const char *fields = params != NULL ? g_hash_table_lookup (params, "fields") : NULL;
      return fields != NULL && strstr (fields, "username") != NULL && strstr (fields, "fan_count") == NULL
             ? MK_FAKE_IG_ME : MK_FAKE_FB_ME;
    }
  if (g_str_equal (path, "/me/media") || g_str_equal (path, "/" IG_APP_ID "/media") ||
      g_str_equal (path, "/" IG_USER_ID "/media"))
    return MK_FAKE_IG_MEDIA;
  if (g_str_equal (path, "/me/accounts"))
    return MK_FAKE_FB_ACCOUNTS;
  if (g_str_equal (path, "/" FB_PAGE_ID) || g_str_equal (path, "/" FB_PAGE2_ID))
    return MK_FAKE_FB_PAGE;
  if (g_str_equal (path, "/" FB_PAGE_ID "/posts") || g_str_equal (path, "/" FB_PAGE2_ID "/posts"))
    return MK_FAKE_FB_POSTS;
  if (g_str_equal (path, "/youtube/v3/channels"))
    return MK_FAKE_YT_CHANNELS;
  if (g_str_equal (path, "/youtube/v3/playlistItems"))
    return MK_FAKE_YT_PLAYLIST;
  if (g_str_equal (path, "/youtube/v3/videos"))
    return MK_FAKE_YT_VIDEOS;
  if (g_str_has_prefix (path, "/thumbnails/"))
    return MK_FAKE_THUMBNAIL;
  return NULL;
}

gboolean
mk_fake_fetch_handle (MkFakeServer      *server,
                      SoupServerMessage *msg,
                      const char        *path,
                      GHashTable        *params,
                      const char        *text)
{
  const char *route = route_of (path, params);
  gboolean google, instagram;
  MkFakeError error;
  gboolean full_usage;
  guint generated;

  if (route == NULL || g_strcmp0 (soup_server_message_get_method (msg), "GET") != 0)
    return FALSE;

  record_path (server, route, path);
  google = g_str_has_prefix (route, "yt-");
  instagram = g_str_has_prefix (route, "ig-");
  error = take_injection (server, route);
  full_usage = error == MK_FAKE_ERROR_USAGE_FULL;
  if (full_usage)
    error = MK_FAKE_ERROR_NONE;

  if (error != MK_FAKE_ERROR_NONE)
    {
      mk_fake_server_count_hit (server, route, text);
      if (google)
        send_google_error (server, msg, error);
      else
        send_meta_error (server, msg, instagram, error);
      return TRUE;
    }

  /* Facebook's /me and channels belong to the connect half; Instagram's
   * /me is served here too, for its usage header. */
  if (g_str_equal (route, MK_FAKE_FB_ME) || g_str_equal (route, MK_FAKE_YT_CHANNELS))
    return FALSE;

  mk_fake_server_count_hit (server, route, text);

  if (g_str_equal (route, MK_FAKE_THUMBNAIL))
    {
      send_body (msg, 200, "image/png", g_memdup2 (tiny_png, sizeof tiny_png), sizeof tiny_png);
      return TRUE;
    }

  if (mk_fake_server_is_rejected (server, msg, params))
    {
      if (google)
        send_google_error (server, msg, MK_FAKE_ERROR_TOKEN_INVALID);
      else
        send_meta_error (server, msg, instagram, MK_FAKE_ERROR_TOKEN_INVALID);
      return TRUE;
    }

  /* Page calls want the page's own token (Pages limits, error 32 otherwise). */
  if ((g_str_equal (route, MK_FAKE_FB_PAGE) || g_str_equal (route, MK_FAKE_FB_POSTS)) &&
      g_strcmp0 (token_of (msg, params),
                 g_str_has_prefix (path, "/" FB_PAGE2_ID) ? FB_PAGE2_TOKEN : FB_PAGE_TOKEN) != 0)
    {
      send_meta_error (server, msg, FALSE, MK_FAKE_ERROR_RATE_LIMIT_PAGE);
      return TRUE;
    }

  generated = generated_count (server);

  if (g_str_equal (route, MK_FAKE_IG_ME))
    {
      add_header (msg, "X-Business-Use-Case-Usage", IG_BUC);
      send_json (msg, TRUE, 200, mk_fake_server_load_fixture (server, "instagram/me.json"));
    }
  else if (g_str_equal (route, MK_FAKE_IG_MEDIA))
    {
      const char *after = params != NULL ? g_hash_table_lookup (params, "after") : NULL;

      add_header (msg, "X-Business-Use-Case-Usage", IG_BUC);
      if (generated > 0)
        send_json (msg, TRUE, 200, generated_meta_page (server, TRUE, path, params, generated));
      else
        send_json (msg, TRUE, 200,
                   mk_fake_server_load_fixture (server, g_strcmp0 (after, IG_AFTER) == 0
                                                        ? "instagram/me_media_page2.json"
                                                        : "instagram/me_media_page1.json"));
    }
  else if (g_str_equal (route, MK_FAKE_FB_ACCOUNTS))
    {
      const char *after = params != NULL ? g_hash_table_lookup (params, "after") : NULL;

      add_header (msg, "X-App-Usage", FB_APP_USAGE);
      switch (facebook_pages (server))
        {
        case MK_FAKE_FB_PAGES_SEVERAL:
          send_json (msg, TRUE, 200,
                     mk_fake_server_load_fixture (server, g_strcmp0 (after, FB_PAGES_AFTER) == 0
                                                          ? "facebook/me_accounts_several_page2.json"
                                                          : "facebook/me_accounts_several.json"));
          break;
        case MK_FAKE_FB_PAGES_NONE:
          send_json (msg, TRUE, 200, g_strdup ("{\"data\":[]}"));
          break;
        case MK_FAKE_FB_PAGES_MALFORMED:
          send_json (msg, TRUE, 200, mk_fake_server_load_fixture (server, "facebook/me_accounts_malformed.json"));
          break;
        case MK_FAKE_FB_PAGES_ONE:
        default:
          send_json (msg, TRUE, 200, mk_fake_server_load_fixture (server, "facebook/me_accounts.json"));
          break;
        }
    }
  else if (g_str_equal (route, MK_FAKE_FB_PAGE))
    {
      add_header (msg, "X-Business-Use-Case-Usage", FB_BUC);
      send_json (msg, TRUE, 200,
                 mk_fake_server_load_fixture (server, g_str_equal (path, "/" FB_PAGE2_ID)
                                                      ? "facebook/page_travel.json"
                                                      : "facebook/page.json"));
    }
  else if (g_str_equal (route, MK_FAKE_FB_POSTS))
    {
      const char *after = params != NULL ? g_hash_table_lookup (params, "after") : NULL;

      add_header (msg, "X-Business-Use-Case-Usage", FB_BUC);
      if (generated > 0)
        send_json (msg, TRUE, 200, generated_meta_page (server, FALSE, path, params, generated));
      else
        send_json (msg, TRUE, 200,
                   mk_fake_server_load_fixture (server, g_strcmp0 (after, FB_AFTER) == 0
                                                        ? "facebook/page_posts_page2.json"
                                                        : "facebook/page_posts_page1.json"));
    }
  else if (g_str_equal (route, MK_FAKE_YT_PLAYLIST))
    {
      const char *token = params != NULL ? g_hash_table_lookup (params, "pageToken") : NULL;

      if (generated > 0)
        send_json (msg, FALSE, 200, generated_playlist (params, generated));
      else
        send_json (msg, FALSE, 200,
                   mk_fake_server_load_fixture (server, g_strcmp0 (token, YT_PAGE_TOKEN) == 0
                                                        ? "youtube/playlist_items_page2.json"
                                                        : "youtube/playlist_items_page1.json"));
    }
  else
    {
      const char *ids = params != NULL ? g_hash_table_lookup (params, "id") : NULL;

      if (generated > 0)
        send_json (msg, FALSE, 200, generated_videos (server, params));
      else
        send_json (msg, FALSE, 200,
                   mk_fake_server_load_fixture (server, ids != NULL && g_str_has_prefix (ids, YT_FIRST_ID)
                                                        ? "youtube/videos_stats_page1.json"
                                                        : "youtube/videos_stats_page2.json"));
    }

  if (full_usage)
    add_header (msg, "X-Business-Use-Case-Usage",
                "{\"" IG_USER_ID "\":[{\"type\":\"instagram\",\"call_count\":100,\"total_cputime\":20,"
                "\"total_time\":25,\"estimated_time_to_regain_access\":7}]}");
  return TRUE;
}

static gboolean
release_message (gpointer user_data)
{
  soup_server_message_unpause (user_data);
  return G_SOURCE_REMOVE;
}

void
mk_fake_fetch_delay (MkFakeServer      *server,
                     SoupServerMessage *msg)
{
  MkFakeFetch *fetch = mk_fake_server_get_fetch (server);
  g_autoptr(GSource) source = NULL;
  guint ms;

  g_mutex_lock (&fetch->lock);
  ms = fetch->latency_ms;
  g_mutex_unlock (&fetch->lock);

  if (ms == 0)
    return;

  /* The answer is complete; only its sending waits, on the server's own
   * thread, so many requests can be waiting at once. */
  soup_server_message_pause (msg);
  source = g_timeout_source_new (ms);
  g_source_set_callback (source, release_message, g_object_ref (msg), g_object_unref);
  g_source_attach (source, g_main_context_get_thread_default ());
}
