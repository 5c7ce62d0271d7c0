/* mk-metrics-card.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mk-enums.h"
#include "mk-sync-status.h"

G_BEGIN_DECLS

#define MK_TYPE_METRICS_CARD (mk_metrics_card_get_type ())

G_DECLARE_FINAL_TYPE (MkMetricsCard, mk_metrics_card, MK, METRICS_CARD, GtkBox)

MkMetricsCard *mk_metrics_card_new             (MkPlatform      platform);
MkPlatform     mk_metrics_card_get_platform    (MkMetricsCard  *self);
/* @history: MkMetricsSnapshot, oldest first; the newest is the snapshot. */
void           mk_metrics_card_set_history     (MkMetricsCard  *self,
                                                GPtrArray      *history);
/* @rate in percent, NAN when unknown; @formula says how it was found. */
void           mk_metrics_card_set_engagement  (MkMetricsCard  *self,
                                                double          rate,
                                                const char     *formula,
                                                gboolean        estimated,
                                                gboolean        partial);
/* The sync state of the platform: progress, last update, last error. */
void           mk_metrics_card_set_status      (MkMetricsCard  *self,
                                                MkSyncStatus   *status);
/* Re-words "Updated N ago" against @now. */
void           mk_metrics_card_update_time     (MkMetricsCard  *self,
                                                GDateTime      *now);

/* What the card shows, for tests. */
const char    *mk_metrics_card_get_followers_text (MkMetricsCard *self);
const char    *mk_metrics_card_get_change_text    (MkMetricsCard *self,
                                                   int            days);
const char    *mk_metrics_card_get_updated_text   (MkMetricsCard *self);
const char    *mk_metrics_card_get_error_text     (MkMetricsCard *self);

G_END_DECLS
