/* mk-metrics-table.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-metrics-snapshot.h"

G_BEGIN_DECLS

typedef struct _MkStore MkStore;

/* Adds a row (history is kept); fills in id and last_updated when NULL. */
gboolean           mk_store_metrics_append  (MkStore            *store,
                                             MkMetricsSnapshot  *snapshot,
                                             GError            **error);
/* Sets one row's engagement_rate (percent); for the demo workspace, whose
 * rates are computed after its posts are made. */
gboolean           mk_store_metrics_set_engagement_rate (MkStore     *store,
                                                         const char  *id,
                                                         double       rate,
                                                         GError     **error);
/* The newest row for @user_id and @platform, or NULL with NOT_FOUND. */
MkMetricsSnapshot *mk_store_metrics_latest  (MkStore            *store,
                                             const char         *user_id,
                                             MkPlatform          platform,
                                             GError            **error);
/* MkMetricsSnapshot with last_updated ≥ @since (a timestamp; NULL: all),
 * oldest first, for charts. */
GPtrArray         *mk_store_metrics_history (MkStore            *store,
                                             const char         *user_id,
                                             MkPlatform          platform,
                                             const char         *since,
                                             GError            **error);

G_END_DECLS
