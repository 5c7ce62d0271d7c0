/* mk-fake-server.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The project's own stand-in for Instagram, Facebook, YouTube and the Meta
 * and Google OAuth endpoints: a SoupServer on 127.0.0.1 (free port) running
 * on its own thread and main context, serving tests/platforms/fixtures/ as
 * the fixtures README says (origins in bodies rewritten to its own, any
 * Graph API version accepted). The app reaches it through MkEndpoints with
 * mk_fake_server_get_endpoints_spec(). Counters say how often each route
 * was hit; setters inject errors. All calls are thread-safe. */

typedef struct _MkFakeServer MkFakeServer;

typedef enum
{
  MK_FAKE_REFRESH_OK,            /* token_refresh.json / refresh_access_token.json */
  MK_FAKE_REFRESH_ROTATE,        /* same, plus a new refresh token */
  MK_FAKE_REFRESH_INVALID_GRANT, /* Google invalid_grant, Instagram 190 */
  MK_FAKE_REFRESH_BAD_GATEWAY,   /* an HTML 502 page */
} MkFakeRefreshMode;

/* Route names for mk_fake_server_get_hits(). */
#define MK_FAKE_GOOGLE_TOKEN_CODE    "google-token-code"
#define MK_FAKE_GOOGLE_TOKEN_REFRESH "google-token-refresh"
#define MK_FAKE_GOOGLE_TOKEN_DEVICE  "google-token-device"
#define MK_FAKE_GOOGLE_DEVICE_CODE   "google-device-code"
#define MK_FAKE_IG_CODE              "ig-code"
#define MK_FAKE_IG_EXCHANGE          "ig-exchange"
#define MK_FAKE_IG_REFRESH           "ig-refresh"
#define MK_FAKE_FB_CODE              "fb-code"
#define MK_FAKE_FB_EXCHANGE          "fb-exchange"
#define MK_FAKE_FB_DEVICE_LOGIN      "fb-device-login"
#define MK_FAKE_FB_DEVICE_STATUS     "fb-device-status"
#define MK_FAKE_IG_ME                "ig-me"
#define MK_FAKE_FB_ME                "fb-me"
#define MK_FAKE_YT_CHANNELS          "yt-channels"

/* The authorization code the fake accepts (Google's fixture code). */
#define MK_FAKE_GOOGLE_CODE "4/0AVMBsJ-fixture-code"
#define MK_FAKE_META_CODE   "AQBxFixtureCode123"

MkFakeServer *mk_fake_server_new                  (void);
void          mk_fake_server_free                 (MkFakeServer      *self);

/* "http://127.0.0.1:PORT" */
const char   *mk_fake_server_get_origin           (MkFakeServer      *self);
/* Every official origin mapped to this server, for mk_endpoints_parse(). */
char         *mk_fake_server_get_endpoints_spec   (MkFakeServer      *self);

guint         mk_fake_server_get_hits             (MkFakeServer      *self,
                                                   const char        *route);
/* The form or query of the last request on @route (NULL if none). */
char         *mk_fake_server_get_last_params      (MkFakeServer      *self,
                                                   const char        *route);

void          mk_fake_server_set_refresh_mode     (MkFakeServer      *self,
                                                   MkFakeRefreshMode  mode);
/* Token endpoints answer with these instead of the fixture tokens (NULL:
 * the fixture's); for canary tests. */
void          mk_fake_server_set_issued_tokens    (MkFakeServer      *self,
                                                   const char        *access_token,
                                                   const char        *refresh_token);
/* Google's code exchange requires BASE64URL(SHA256(code_verifier)) to be
 * @challenge (NULL: any verifier). */
void          mk_fake_server_expect_challenge     (MkFakeServer      *self,
                                                   const char        *challenge);
/* Device polls answer in this order, then keep the last: a comma-separated
 * list of "pending", "slow_down", "denied", "expired", "ok". */
void          mk_fake_server_set_device_script    (MkFakeServer      *self,
                                                   const char        *script);
/* Token answers carry this "scope" (NULL: the fixture's), e.g. to play a
 * person who unticked a permission. */
void          mk_fake_server_set_granted_scope    (MkFakeServer      *self,
                                                   const char        *scope);
/* API calls with this token get the platform's invalid-token error. */
void          mk_fake_server_set_rejected_token   (MkFakeServer      *self,
                                                   const char        *token);

/* Fetching (issue #5): the routes of mk-fake-server-fetch.c. */
#define MK_FAKE_IG_MEDIA             "ig-media"
#define MK_FAKE_FB_ACCOUNTS          "fb-accounts"
#define MK_FAKE_FB_PAGE              "fb-page"
#define MK_FAKE_FB_POSTS             "fb-posts"
#define MK_FAKE_YT_PLAYLIST          "yt-playlist"
#define MK_FAKE_YT_VIDEOS            "yt-videos"
#define MK_FAKE_THUMBNAIL            "thumbnail"

/* Every error kind of platform-apis.md §3 and §4, as the platform of the
 * route sends it (Meta's error object with its code and subcode and usage
 * headers, or Google's). Where a platform has no such error the nearest
 * one is sent (noted). */
typedef enum
{
  MK_FAKE_ERROR_NONE,
  MK_FAKE_ERROR_TOKEN_EXPIRED,     /* Meta 190/463 + WWW-Authenticate; Google 401 authError */
  MK_FAKE_ERROR_TOKEN_INVALID,     /* Meta 190; Google 401 authError */
  MK_FAKE_ERROR_PASSWORD_CHANGED,  /* Meta 190/460; Google 401 */
  MK_FAKE_ERROR_SESSION_INVALID,   /* Meta 102; Google 401 */
  MK_FAKE_ERROR_RATE_LIMIT_APP,    /* Meta 4 + X-App-Usage 100 %; Google 403 rateLimitExceeded */
  MK_FAKE_ERROR_RATE_LIMIT_USER,   /* Meta 17; Google 403 userRateLimitExceeded */
  MK_FAKE_ERROR_RATE_LIMIT_PAGE,   /* Meta 32 + BUC (5 min); Google 403 rateLimitExceeded */
  MK_FAKE_ERROR_RATE_LIMIT_CUSTOM, /* Meta 613/1996; Google 403 rateLimitExceeded */
  MK_FAKE_ERROR_RATE_LIMIT_POLICY, /* Meta 341; Google 403 rateLimitExceeded */
  MK_FAKE_ERROR_BUC,               /* Meta 80002 (Instagram) / 80001 (Pages) + BUC (12 min) */
  MK_FAKE_ERROR_TOO_MANY_REQUESTS, /* HTTP 429 with Retry-After: 30 (Meta code 4, Google rateLimitExceeded) */
  MK_FAKE_ERROR_QUOTA,             /* Google 403 quotaExceeded; Meta 4 */
  MK_FAKE_ERROR_PERMISSION,        /* Meta 10 (Instagram) / 200 (Pages), 403; Google 403 insufficientPermissions */
  MK_FAKE_ERROR_FORBIDDEN,         /* Google 403 forbidden; Meta 200 */
  MK_FAKE_ERROR_NOT_FOUND,         /* Meta 100/33; Google 404 playlistNotFound */
  MK_FAKE_ERROR_BAD_REQUEST,       /* Meta 100; Google 400 invalidPageToken */
  MK_FAKE_ERROR_TRANSIENT,         /* Meta 2 is_transient, HTTP 500; Google 503 backendError */
  MK_FAKE_ERROR_HTML_502,          /* a proxy's HTML "502 Bad Gateway" page */
  MK_FAKE_ERROR_TRUNCATED,         /* the normal answer cut in the middle, HTTP 200 */
  MK_FAKE_ERROR_DEEP_JSON,         /* 100 000 nested arrays, HTTP 200 */
  MK_FAKE_ERROR_EMPTY,             /* an empty body, HTTP 200 */
  MK_FAKE_ERROR_INVALID_JSON,      /* "{\"data\": [1,,]}", HTTP 200 */
  MK_FAKE_ERROR_FOREIGN_NEXT,      /* an empty page whose paging.next points to another host */
  MK_FAKE_ERROR_USAGE_FULL,        /* the normal answer, with usage at 100 % (Meta BUC, 7 min) */
  MK_FAKE_ERROR_PAGE_ROLE_LOST,    /* Meta 190/492 (the Page's token, role lost); Google 401 */
} MkFakeError;

/* @route ("ig-me", "fb-posts", MK_FAKE_YT_VIDEOS, …) answers @error from
 * its (@after + 1)-th request on, until set to MK_FAKE_ERROR_NONE. */
void          mk_fake_server_set_error            (MkFakeServer      *self,
                                                   const char        *route,
                                                   MkFakeError        error,
                                                   guint              after);
/* Every answer is held back this long (0: none). */
void          mk_fake_server_set_latency          (MkFakeServer      *self,
                                                   guint              ms);
/* Instagram media, Facebook posts and YouTube uploads become @count
 * generated items (0: the fixtures), paged by the request's limit /
 * maxResults, with thumbnails on this server (/thumbnails/…, a small PNG). */
void          mk_fake_server_set_generated_media  (MkFakeServer      *self,
                                                   guint              count);

/* What Facebook's /me/accounts lists (the Page picker). SEVERAL is
 * facebook/me_accounts_several.json: two Pages with the page routes served
 * (104857392018475, 231907455618342, each answering only to its own
 * token), then, through paging.next whatever the limit, a third that is
 * only listed. */
typedef enum
{
  MK_FAKE_FB_PAGES_ONE,        /* facebook/me_accounts.json, the default */
  MK_FAKE_FB_PAGES_SEVERAL,
  MK_FAKE_FB_PAGES_NONE,       /* {"data":[]} */
  MK_FAKE_FB_PAGES_MALFORMED,  /* facebook/me_accounts_malformed.json: "data" is no list */
} MkFakeFbPages;

void          mk_fake_server_set_facebook_pages   (MkFakeServer      *self,
                                                   MkFakeFbPages      pages);
/* The path (Graph version stripped) of the last request on @route, e.g.
 * "/231907455618342" for MK_FAKE_FB_PAGE; NULL if none. */
char         *mk_fake_server_get_last_path        (MkFakeServer      *self,
                                                   const char        *route);

G_END_DECLS
