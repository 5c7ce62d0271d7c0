/* mk-style-colors.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For widgets that draw themselves (charts, the month's day cells): what
 * they draw has no CSS node of its own to take colours from. */

/* The foreground colour of @widget's style. */
void     mk_style_foreground (GtkWidget *widget,
                              GdkRGBA   *out_color);

/* TRUE when @widget is drawn on a dark style. */
gboolean mk_style_is_dark    (GtkWidget *widget);

G_END_DECLS
