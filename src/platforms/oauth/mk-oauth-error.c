/* mk-oauth-error.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-oauth"

#include "config.h"

#include "mk-oauth-error.h"

G_DEFINE_QUARK (mk-oauth-error-quark, mk_oauth_error)

gboolean
mk_oauth_error_needs_reconnect (const GError *error)
{
  return error != NULL
         && (g_error_matches (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_INVALID_GRANT)
             || g_error_matches (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_INVALID_TOKEN));
}

gboolean
mk_oauth_error_is_transient (const GError *error)
{
  return error != NULL
         && (g_error_matches (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_RATE_LIMITED)
             || g_error_matches (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_SERVER)
             || g_error_matches (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_NETWORK));
}
