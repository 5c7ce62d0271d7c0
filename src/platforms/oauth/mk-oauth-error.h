/* mk-oauth-error.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MK_OAUTH_ERROR (mk_oauth_error_quark ())

/**
 * MkOAuthError:
 * @MK_OAUTH_ERROR_INVALID_GRANT: the platform refused a code or refresh token
 *   (used, expired or revoked). The connection needs reconnecting.
 * @MK_OAUTH_ERROR_INVALID_TOKEN: the access token is not valid any more
 *   (Meta code 190 or 102, Google 401). The connection needs reconnecting.
 * @MK_OAUTH_ERROR_INVALID_CLIENT: the client id or secret is wrong: fix them
 *   in Preferences.
 * @MK_OAUTH_ERROR_ACCESS_DENIED: the person declined in the browser or on the
 *   device page.
 * @MK_OAUTH_ERROR_EXPIRED: the sign-in took too long (device code expired, or
 *   the browser never came back within the listener's time).
 * @MK_OAUTH_ERROR_STATE_MISMATCH: a callback with a wrong, missing or already
 *   used state; nothing was sent to the token endpoint.
 * @MK_OAUTH_ERROR_PENDING: device flow: not approved yet, keep polling.
 * @MK_OAUTH_ERROR_SLOW_DOWN: device flow: polling too fast, add 5 s.
 * @MK_OAUTH_ERROR_RATE_LIMITED: a rate limit; try later, never disconnect.
 * @MK_OAUTH_ERROR_SERVER: a 5xx or an HTML error page; try later.
 * @MK_OAUTH_ERROR_MALFORMED: the answer is not the JSON that was expected.
 * @MK_OAUTH_ERROR_NETWORK: no answer at all (offline, refused, timed out).
 * @MK_OAUTH_ERROR_INSECURE_URL: a plain http:// URL on a host that is not
 *   loopback; the request was not sent.
 * @MK_OAUTH_ERROR_NOT_CONFIGURED: no client id (or secret) for this platform.
 * @MK_OAUTH_ERROR_UNSUPPORTED: the platform does not offer this way to connect.
 * @MK_OAUTH_ERROR_NOT_CONNECTED: the platform is not connected (or was
 *   disconnected); there is no token to use.
 * @MK_OAUTH_ERROR_FAILED: any other refusal; the message says what the
 *   platform said.
 */
typedef enum
{
  MK_OAUTH_ERROR_INVALID_GRANT,
  MK_OAUTH_ERROR_INVALID_TOKEN,
  MK_OAUTH_ERROR_INVALID_CLIENT,
  MK_OAUTH_ERROR_ACCESS_DENIED,
  MK_OAUTH_ERROR_EXPIRED,
  MK_OAUTH_ERROR_STATE_MISMATCH,
  MK_OAUTH_ERROR_PENDING,
  MK_OAUTH_ERROR_SLOW_DOWN,
  MK_OAUTH_ERROR_RATE_LIMITED,
  MK_OAUTH_ERROR_SERVER,
  MK_OAUTH_ERROR_MALFORMED,
  MK_OAUTH_ERROR_NETWORK,
  MK_OAUTH_ERROR_INSECURE_URL,
  MK_OAUTH_ERROR_NOT_CONFIGURED,
  MK_OAUTH_ERROR_UNSUPPORTED,
  MK_OAUTH_ERROR_NOT_CONNECTED,
  MK_OAUTH_ERROR_FAILED,
} MkOAuthError;

GQuark   mk_oauth_error_quark          (void);

/* Whether @error means the stored tokens are dead and only a new sign-in
 * helps (invalid_grant, Meta 190/102, Google 401). Network errors, 5xx and
 * rate limits are not. */
gboolean mk_oauth_error_needs_reconnect (const GError *error);

/* Whether trying the same thing later may work (network, 5xx, rate limit). */
gboolean mk_oauth_error_is_transient    (const GError *error);

G_END_DECLS
