/* mk-platform-error.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What went wrong when fetching figures and media, sorted by what the app
 * does about it (platform-apis.md §0.11, §3, §4). The vendor's own code and
 * a back-off hint travel with the error (an extended GError, as
 * MK_VALIDATE_ERROR carries its field). */

#define MK_PLATFORM_ERROR (mk_platform_error_quark ())

typedef enum
{
  MK_PLATFORM_ERROR_MALFORMED,      /* not the JSON we expect: HTML page, truncated, bad shape; retry later */
  MK_PLATFORM_ERROR_TOKEN_EXPIRED,  /* refresh the token, then retry once (Meta 190/463, Google 401) */
  MK_PLATFORM_ERROR_TOKEN_INVALID,  /* connect again (Meta 190 and its other subcodes, 102) */
  MK_PLATFORM_ERROR_RATE_LIMITED,   /* back off (Meta 4/17/32/341/368/613/80001/80002, Google rateLimitExceeded/429) */
  MK_PLATFORM_ERROR_QUOTA_EXCEEDED, /* YouTube's daily quota: stop until midnight Pacific */
  MK_PLATFORM_ERROR_PERMISSION,     /* a scope is missing or was revoked (Meta 10/200–299, Google insufficientPermissions/forbidden) */
  MK_PLATFORM_ERROR_NOT_FOUND,      /* no channel, no uploads playlist, unknown id */
  MK_PLATFORM_ERROR_BAD_REQUEST,    /* our bug (Meta 100, Google 400): log, no retry */
  MK_PLATFORM_ERROR_SERVER,         /* the platform's trouble (Meta 1/2, is_transient, 5xx): retry later */
  MK_PLATFORM_ERROR_NETWORK,        /* no answer at all */
  MK_PLATFORM_ERROR_FAILED,         /* anything else */
} MkPlatformError;

GQuark      mk_platform_error_quark           (void);

/* Sets an MK_PLATFORM_ERROR with a back-off hint in seconds (-1: none) and
 * the vendor's numeric code and subcode (0: none). */
void        mk_platform_error_set             (GError        **error,
                                               MkPlatformError code,
                                               gint64          retry_after,
                                               int             vendor_code,
                                               int             vendor_subcode,
                                               const char     *format,
                                               ...) G_GNUC_PRINTF (6, 7);

/* Seconds to wait before the next try, from Retry-After, the usage headers'
 * estimated_time_to_regain_access or (quota) the time until midnight
 * Pacific; -1 when the platform gave no hint (then back off
 * exponentially) or for any other error. */
gint64      mk_platform_error_get_retry_after (const GError *error);
/* Meta's "code" / "error_subcode", Google's HTTP code; 0 when none. */
int         mk_platform_error_get_vendor_code (const GError *error);
int         mk_platform_error_get_vendor_subcode (const GError *error);

/* Trying again later may work: rate limits, quota, server, network,
 * malformed answers. */
gboolean    mk_platform_error_is_transient    (const GError *error);

/* Retry-After's value: seconds, or an HTTP-date; -1 when neither. */
gint64      mk_platform_parse_retry_after     (const char   *value,
                                               GDateTime    *now);

G_END_DECLS
