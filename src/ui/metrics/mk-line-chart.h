/* mk-line-chart.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mk-enums.h"

G_BEGIN_DECLS

#define MK_TYPE_LINE_CHART (mk_line_chart_get_type ())

G_DECLARE_FINAL_TYPE (MkLineChart, mk_line_chart, MK, LINE_CHART, GtkWidget)

GtkWidget *mk_line_chart_new                (void);
void       mk_line_chart_clear              (MkLineChart   *self);
/* @times are Unix times in seconds, oldest first; @values are counts. The
 * series takes @platform's colour. */
void       mk_line_chart_add_series         (MkLineChart   *self,
                                             MkPlatform     platform,
                                             const char    *name,
                                             const gint64  *times,
                                             const double  *values,
                                             guint          n_points);
guint      mk_line_chart_get_n_series       (MkLineChart   *self);
/* The text alternative, also the accessible description: per series its
 * first and last value with their dates and the change between them. */
char      *mk_line_chart_dup_summary        (MkLineChart   *self);
/* Selects a point as the pointer or the arrow keys do; -1, -1 clears. */
void       mk_line_chart_select             (MkLineChart   *self,
                                             int            series,
                                             int            point);
/* "Instagram, 24 Nov: 48,210 followers", or NULL without a selection. */
char      *mk_line_chart_dup_selection_text (MkLineChart   *self);

G_END_DECLS
