/* mk-metrics-snapshot.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include "mk-enums.h"

G_BEGIN_DECLS

/* One successful fetch of a platform's figures: one row of `cached_metrics`.
 * The newest row per user and platform is "the snapshot"; older rows are the
 * history the charts draw. Counts are -1 when unknown, the engagement rate
 * (a percentage) is NAN when unknown; both are NULL in the database. */

#define MK_TYPE_METRICS_SNAPSHOT (mk_metrics_snapshot_get_type ())

G_DECLARE_FINAL_TYPE (MkMetricsSnapshot, mk_metrics_snapshot, MK, METRICS_SNAPSHOT, GObject)

MkMetricsSnapshot * mk_metrics_snapshot_new                 (void);
MkMetricsSnapshot * mk_metrics_snapshot_copy                (MkMetricsSnapshot *self);
gboolean            mk_metrics_snapshot_validate            (MkMetricsSnapshot *self,
                                                             GError **error);
const char *        mk_metrics_snapshot_get_id              (MkMetricsSnapshot *self);
void                mk_metrics_snapshot_set_id              (MkMetricsSnapshot *self,
                                                             const char *value);
const char *        mk_metrics_snapshot_get_user_id         (MkMetricsSnapshot *self);
void                mk_metrics_snapshot_set_user_id         (MkMetricsSnapshot *self,
                                                             const char *value);
MkPlatform          mk_metrics_snapshot_get_platform        (MkMetricsSnapshot *self);
void                mk_metrics_snapshot_set_platform        (MkMetricsSnapshot *self,
                                                             MkPlatform value);
gint64              mk_metrics_snapshot_get_follower_count  (MkMetricsSnapshot *self);
void                mk_metrics_snapshot_set_follower_count  (MkMetricsSnapshot *self,
                                                             gint64 value);
gint64              mk_metrics_snapshot_get_media_count     (MkMetricsSnapshot *self);
void                mk_metrics_snapshot_set_media_count     (MkMetricsSnapshot *self,
                                                             gint64 value);
gint64              mk_metrics_snapshot_get_view_count      (MkMetricsSnapshot *self);
void                mk_metrics_snapshot_set_view_count      (MkMetricsSnapshot *self,
                                                             gint64 value);
double              mk_metrics_snapshot_get_engagement_rate (MkMetricsSnapshot *self);
void                mk_metrics_snapshot_set_engagement_rate (MkMetricsSnapshot *self,
                                                             double value);
const char *        mk_metrics_snapshot_get_last_updated    (MkMetricsSnapshot *self);
void                mk_metrics_snapshot_set_last_updated    (MkMetricsSnapshot *self,
                                                             const char *value);

G_END_DECLS
