/* mk-platform-response.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mk-platform-error.h"

G_BEGIN_DECLS

/* Turns an API answer into success or a typed MK_PLATFORM_ERROR, deciding
 * on the body rather than the HTTP status (platform-apis.md §0.6, §3, §4).
 * Pure functions of the bytes, for tests and fuzzing. @headers (lower-case
 * names, may be NULL) give Retry-After and the usage headers; @now (may be
 * NULL for "now") is for Retry-After dates and YouTube's quota reset.
 *
 * On success, @out_root (optional) receives the parsed body. */

gboolean mk_meta_check_response   (guint         status,
                                   GHashTable   *headers,
                                   const char   *data,
                                   gsize         len,
                                   GDateTime    *now,
                                   JsonNode    **out_root,
                                   GError      **error);
gboolean mk_google_check_response (guint         status,
                                   GHashTable   *headers,
                                   const char   *data,
                                   gsize         len,
                                   GDateTime    *now,
                                   JsonNode    **out_root,
                                   GError      **error);

/* The highest percentage in X-App-Usage / X-Business-Use-Case-Usage
 * (call_count, total_cputime, total_time), or -1 without those headers.
 * Meta asks apps to slow down above 75 and stop at 100. */
int      mk_meta_usage_percent    (GHashTable   *headers);
/* The longest estimated_time_to_regain_access, in seconds; -1 without. */
gint64   mk_meta_usage_regain_seconds (GHashTable *headers);

/* Seconds from @now to the next midnight in America/Los_Angeles, when
 * YouTube's daily quota is reset. */
gint64   mk_google_seconds_to_quota_reset (GDateTime *now);

G_END_DECLS
