/* mk-display-style.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives @display Mediakit's icons (<prefix>/icons, for the icon theme) and
 * style sheet (<prefix>/style.css), the two things an application's
 * resource base path would otherwise bring. Call it once per display, at
 * once after adw_init(): see mk-display-style.c for why that moment. */
void mk_display_style_init      (GdkDisplay *display);

/* Adds the style sheet at @resource to @display (nothing when there is no
 * display), once however often it is asked for: each pane brings its own
 * sheet when it is first built. */
void mk_display_style_add_sheet (GdkDisplay *display,
                                 const char *resource);

G_END_DECLS
