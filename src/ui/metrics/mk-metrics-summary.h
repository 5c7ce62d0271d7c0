/* mk-metrics-summary.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mk-engagement.h"
#include "mk-store.h"

G_BEGIN_DECLS

/* The figures of the Metrics cards that come from history, kept apart from
 * the widgets so that tests can check the arithmetic. */

/* The change in followers over @days: the newest snapshot of @history
 * (MkMetricsSnapshot, oldest first) against the newest one taken at least
 * @days before it. FALSE when the history does not reach back that far or
 * a count is unknown. */
gboolean mk_metrics_follower_change (GPtrArray  *history,
                                     int         days,
                                     gint64     *out_change);

/* "Updated just now", "Updated 5 minutes ago", "Updated 3 hours ago",
 * "Updated 2 days ago"; NULL when @timestamp is NULL or not one. */
char    *mk_metrics_format_updated  (const char *timestamp,
                                     GDateTime  *now);

/* The engagement rate of @platform as the panes show it: from the stored
 * recent posts with @method ("median" or "mean"), so that changing the
 * setting shows at once. FALSE when no post is stored: the caller falls back
 * to the rate the last sync stored. */
gboolean mk_metrics_engagement_from_media (MkStore      *store,
                                           const char   *user_id,
                                           MkPlatform    platform,
                                           gint64        followers,
                                           const char   *method,
                                           MkEngagement *out);

G_END_DECLS
