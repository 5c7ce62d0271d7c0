/* mk-platform-provider.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mk-enums.h"
#include "mk-http.h"
#include "mk-media-item.h"
#include "mk-metrics-snapshot.h"
#include "mk-token-response.h"

G_BEGIN_DECLS

/* What differs between platforms when connecting, as in GOA's
 * GoaOAuth2Provider: endpoints, scopes, PKCE, which ways to connect, how to
 * exchange, refresh and ask "who is this". Subclasses only describe requests
 * (MkOAuthCall); the base class sends them through MkHttp and parses the
 * answers, so every platform gets the same error handling and logging. */

typedef enum
{
  MK_CONNECT_WAY_BROWSER = 1 << 0, /* authorization code + loopback redirect */
  MK_CONNECT_WAY_DEVICE  = 1 << 1, /* device code shown to the person */
  MK_CONNECT_WAY_PASTE   = 1 << 2, /* a long-lived token pasted by the person */
} MkConnectWays;

typedef struct
{
  char *client_id;
  char *client_secret;  /* NULL when not entered; never built in */
  char *client_token;   /* Facebook Login for Devices only */
} MkClientCredentials;

void mk_client_credentials_clear (MkClientCredentials *creds);

typedef struct
{
  char *method;
  char *url;    /* official URL, query included */
  char *form;   /* POST body or NULL */
} MkOAuthCall;

/* name, value, …, NULL: percent-encoded "a=b&c=d". Pairs whose value is
 * NULL are left out. */
char        *mk_oauth_form_encode (const char *first_name,
                                   ...) G_GNUC_NULL_TERMINATED;

MkOAuthCall *mk_oauth_call_new  (const char  *method,
                                 char        *url,
                                 char        *form);
void         mk_oauth_call_free (MkOAuthCall *call);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkOAuthCall, mk_oauth_call_free)

typedef struct
{
  char *id;       /* platform_user_id */
  char *handle;   /* "@name" or a title; may be NULL */
} MkPlatformIdentity;

void mk_platform_identity_free (MkPlatformIdentity *identity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkPlatformIdentity, mk_platform_identity_free)

/* Fetching figures and media is a short series of requests (Facebook:
 * find the page and its token, then ask the page; YouTube: the channel's
 * uploads playlist, then pages of it, then their statistics). A subclass
 * describes the next request in an MkFetch and parses each answer; the
 * base class sends, checks, logs and stops at MK_FETCH_MAX_REQUESTS. */

/* The page cap: a safety stop should a platform keep sending "next". */
#define MK_FETCH_MAX_REQUESTS 50
/* Recent media asked for by default. */
#define MK_FETCH_DEFAULT_MEDIA 50

typedef struct
{
  /* Set by the base class. */
  char              *platform_user_id;
  guint              max_items;
  guint              requests;    /* sent so far */

  /* The next request: an official URL (NULL: done) and the token to send
   * with it (NULL: the account's). Subclasses own these strings. */
  char              *url;
  char              *token;

  /* Subclass scratch: a step number and whatever the next step needs. */
  guint              stage;
  char              *scratch;
  char              *cursor;
  GPtrArray         *pending;     /* of char * */

  /* Results. */
  MkMetricsSnapshot *snapshot;
  GPtrArray         *items;       /* MkMediaItem, newest first */
  char              *summary;     /* what the last answer held, for the log */
} MkFetch;

/* Sets a new next URL (takes @url), wiping the old one. */
void mk_fetch_set_url   (MkFetch *fetch,
                         char    *url);
/* Sets the per-request token (copied; NULL: the account's). */
void mk_fetch_set_token (MkFetch    *fetch,
                         const char *token);

#define MK_TYPE_PLATFORM_PROVIDER (mk_platform_provider_get_type ())

G_DECLARE_DERIVABLE_TYPE (MkPlatformProvider, mk_platform_provider, MK, PLATFORM_PROVIDER, GObject)

struct _MkPlatformProviderClass
{
  GObjectClass parent_class;

  MkPlatform     platform;
  MkConnectWays  ways;
  gboolean       use_pkce;
  const char    *scopes;           /* as the authorize URL wants them */
  const char    *build_client_id;  /* from the meson option, may be "" */

  char        *(*build_authorize_url)       (MkPlatformProvider        *self,
                                             const MkClientCredentials *creds,
                                             const char                *redirect_uri,
                                             const char                *state,
                                             const char                *challenge);
  MkOAuthCall *(*build_code_exchange)       (MkPlatformProvider        *self,
                                             const MkClientCredentials *creds,
                                             const char                *code,
                                             const char                *verifier,
                                             const char                *redirect_uri);
  /* Short-lived → long-lived token; NULL when the platform has no such step. */
  MkOAuthCall *(*build_long_lived_exchange) (MkPlatformProvider        *self,
                                             const MkClientCredentials *creds,
                                             const char                *short_token);
  /* NULL when the token cannot be refreshed (reconnect instead). */
  MkOAuthCall *(*build_refresh)             (MkPlatformProvider        *self,
                                             const MkClientCredentials *creds,
                                             const char                *access_token,
                                             const char                *refresh_token);
  /* @expires_at is never NULL here. */
  gboolean     (*needs_refresh)             (MkPlatformProvider        *self,
                                             GDateTime                 *now,
                                             GDateTime                 *expires_at);
  MkOAuthCall *(*build_device_start)        (MkPlatformProvider        *self,
                                             const MkClientCredentials *creds);
  MkOAuthCall *(*build_device_poll)         (MkPlatformProvider        *self,
                                             const MkClientCredentials *creds,
                                             const char                *device_code);
  /* GET with the token as "Authorization: Bearer". */
  char        *(*build_identity_url)        (MkPlatformProvider        *self);
  MkPlatformIdentity *(*parse_identity)     (MkPlatformProvider        *self,
                                             JsonNode                  *root,
                                             GError                   **error);

  /* Fetching. "https://graph.instagram.com": paging links must stay on it
   * (or on what MEDIAKIT_ENDPOINTS maps it to), since the token goes along. */
  const char  *api_origin;
  /* mk_meta_check_response or mk_google_check_response. */
  gboolean     (*check_response)            (guint                      status,
                                             GHashTable                *headers,
                                             const char                *data,
                                             gsize                      len,
                                             GDateTime                 *now,
                                             JsonNode                 **out_root,
                                             GError                   **error);
  /* Set fetch->url to the first request. */
  void         (*counts_begin)              (MkPlatformProvider        *self,
                                             MkFetch                   *fetch);
  /* Parse a successful answer: set fetch->snapshot when done, or a next
   * fetch->url. Leaving both unset is "done without figures". */
  gboolean     (*counts_parse)              (MkPlatformProvider        *self,
                                             MkFetch                   *fetch,
                                             const char                *data,
                                             gsize                      len,
                                             GError                   **error);
  void         (*media_begin)               (MkPlatformProvider        *self,
                                             MkFetch                   *fetch);
  /* Append to fetch->items and set fetch->url to the next page, or to
   * NULL when the continuation marker is absent. */
  gboolean     (*media_parse)               (MkPlatformProvider        *self,
                                             MkFetch                   *fetch,
                                             const char                *data,
                                             gsize                      len,
                                             GError                   **error);
};

/* The provider of @platform (instagram, facebook, youtube); NULL otherwise. */
MkPlatformProvider *mk_platform_provider_new_for_platform (MkPlatform platform);

MkPlatform     mk_platform_provider_get_platform     (MkPlatformProvider *self);
MkConnectWays  mk_platform_provider_get_ways         (MkPlatformProvider *self);
gboolean       mk_platform_provider_uses_pkce        (MkPlatformProvider *self);
const char    *mk_platform_provider_get_scopes       (MkPlatformProvider *self);
const char    *mk_platform_provider_get_build_client_id (MkPlatformProvider *self);
/* Meta's Graph API version, e.g. "v24.0" (configuration, never assumed). */
const char    *mk_platform_provider_get_graph_version (MkPlatformProvider *self);
void           mk_platform_provider_set_graph_version (MkPlatformProvider *self,
                                                       const char         *version);

char          *mk_platform_provider_build_authorize_url (MkPlatformProvider        *self,
                                                         const MkClientCredentials *creds,
                                                         const char                *redirect_uri,
                                                         const char                *state,
                                                         const char                *challenge);
MkOAuthCall   *mk_platform_provider_build_device_start  (MkPlatformProvider        *self,
                                                         const MkClientCredentials *creds);
MkOAuthCall   *mk_platform_provider_build_device_poll   (MkPlatformProvider        *self,
                                                         const MkClientCredentials *creds,
                                                         const char                *device_code);
gboolean       mk_platform_provider_needs_refresh       (MkPlatformProvider        *self,
                                                         GDateTime                 *now,
                                                         GDateTime                 *expires_at);
gboolean       mk_platform_provider_can_refresh         (MkPlatformProvider        *self);

/* Sends @call through @http and parses a token answer. */
void             mk_platform_provider_token_call_async  (MkPlatformProvider  *self,
                                                         MkHttp              *http,
                                                         MkOAuthCall         *call,
                                                         const char          *user_id,
                                                         const char          *action,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
MkTokenResponse *mk_platform_provider_token_call_finish (MkPlatformProvider  *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

/* Code → token, then → long-lived token where the platform has that step. */
void             mk_platform_provider_exchange_code_async  (MkPlatformProvider        *self,
                                                            MkHttp                    *http,
                                                            const MkClientCredentials *creds,
                                                            const char                *code,
                                                            const char                *verifier,
                                                            const char                *redirect_uri,
                                                            const char                *user_id,
                                                            GCancellable              *cancellable,
                                                            GAsyncReadyCallback        callback,
                                                            gpointer                   user_data);
MkTokenResponse *mk_platform_provider_exchange_code_finish (MkPlatformProvider        *self,
                                                            GAsyncResult              *result,
                                                            GError                   **error);

/* MK_OAUTH_ERROR_UNSUPPORTED when the platform cannot refresh. */
void             mk_platform_provider_refresh_async  (MkPlatformProvider        *self,
                                                      MkHttp                    *http,
                                                      const MkClientCredentials *creds,
                                                      const char                *access_token,
                                                      const char                *refresh_token,
                                                      const char                *user_id,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
MkTokenResponse *mk_platform_provider_refresh_finish (MkPlatformProvider        *self,
                                                      GAsyncResult              *result,
                                                      GError                   **error);

void                mk_platform_provider_fetch_identity_async  (MkPlatformProvider  *self,
                                                                MkHttp              *http,
                                                                const char          *access_token,
                                                                const char          *user_id,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
MkPlatformIdentity *mk_platform_provider_fetch_identity_finish (MkPlatformProvider  *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);

/* Followers, media count and total views (-1 where unknown; the
 * engagement rate is left unset). Writes a "fetch_metrics" logs row per
 * request. Errors are MK_PLATFORM_ERROR (or G_IO_ERROR_CANCELLED). */
void               mk_platform_provider_fetch_counts_async  (MkPlatformProvider  *self,
                                                             MkHttp              *http,
                                                             const char          *access_token,
                                                             const char          *platform_user_id,
                                                             const char          *user_id,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
MkMetricsSnapshot *mk_platform_provider_fetch_counts_finish (MkPlatformProvider  *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);

/* Up to @max_items (0: MK_FETCH_DEFAULT_MEDIA) recent MkMediaItem, newest
 * first, following the platform's paging; "fetch_media" logs rows. Items
 * have platform, user_id (= @user_id) and platform_media_id set; no id. */
void               mk_platform_provider_fetch_media_async   (MkPlatformProvider  *self,
                                                             MkHttp              *http,
                                                             const char          *access_token,
                                                             const char          *platform_user_id,
                                                             const char          *user_id,
                                                             guint                max_items,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
GPtrArray         *mk_platform_provider_fetch_media_finish  (MkPlatformProvider  *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);

G_END_DECLS
