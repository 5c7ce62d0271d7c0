/* mk-chart-colors.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mk-enums.h"

G_BEGIN_DECLS

/* The colour of @platform's series, from the GNOME palette: a darker shade
 * on the light style and a lighter one on the dark style, so that lines and
 * bars keep their contrast against the window background in both. */
void mk_chart_platform_color (MkPlatform  platform,
                              gboolean    dark,
                              GdkRGBA    *out_color);

G_END_DECLS
