/* mk-chart-colors.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <adwaita.h>

#include "mk-chart-colors.h"

typedef struct {
  const char *light;
  const char *dark;
} Pair;

/* GNOME palette: blue 4/2, purple 3/1, red 3/1, orange 4/2, green 5/2. */
static const Pair palette[] = {
  [MK_PLATFORM_NONE]      = { "#26a269", "#8ff0a4" },
  [MK_PLATFORM_INSTAGRAM] = { "#c061cb", "#dc8add" },
  [MK_PLATFORM_FACEBOOK]  = { "#1c71d8", "#99c1f1" },
  [MK_PLATFORM_YOUTUBE]   = { "#e01b24", "#f66151" },
  [MK_PLATFORM_TIKTOK]    = { "#c64600", "#ffa348" },
};

void
mk_chart_platform_color (MkPlatform  platform,
                         gboolean    dark,
                         GdkRGBA    *out_color)
{
  const Pair *pair;

  g_return_if_fail (out_color != NULL);

  if ((guint)platform >= G_N_ELEMENTS (palette))
    platform = MK_PLATFORM_NONE;

  pair = &palette[platform];
  gdk_rgba_parse (out_color, dark ? pair->dark : pair->light);
}
