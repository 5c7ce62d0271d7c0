/* mk-bar-chart.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mk-enums.h"

G_BEGIN_DECLS

#define MK_TYPE_BAR_CHART (mk_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (MkBarChart, mk_bar_chart, MK, BAR_CHART, GtkWidget)

GtkWidget *mk_bar_chart_new                (void);
void       mk_bar_chart_clear              (MkBarChart  *self);
/* One horizontal bar: @value_text is drawn at its end, @detail (how the value
 * was found) when the bar is under the pointer or the keyboard focus. */
void       mk_bar_chart_add_bar            (MkBarChart  *self,
                                            MkPlatform   platform,
                                            const char  *name,
                                            double       value,
                                            const char  *value_text,
                                            const char  *detail);
guint      mk_bar_chart_get_n_bars         (MkBarChart  *self);
/* The text alternative, also the accessible description. */
char      *mk_bar_chart_dup_summary        (MkBarChart  *self);
void       mk_bar_chart_select             (MkBarChart  *self,
                                            int          bar);
char      *mk_bar_chart_dup_selection_text (MkBarChart  *self);

G_END_DECLS
