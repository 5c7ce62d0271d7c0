/* mk-metrics-pane.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MK_TYPE_METRICS_PANE (mk_metrics_pane_get_type ())

G_DECLARE_FINAL_TYPE (MkMetricsPane, mk_metrics_pane, MK, METRICS_PANE, AdwBin)

G_END_DECLS
