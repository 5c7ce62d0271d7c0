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

G_END_DECLS
