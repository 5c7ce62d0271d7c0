/* mk-style-colors.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include "mk-style-colors.h"

void
mk_style_foreground (GtkWidget *widget,
                     GdkRGBA   *out_color)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (out_color != NULL);

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, out_color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), out_color);
#endif
}

gboolean
mk_style_is_dark (GtkWidget *widget)
{
  GdkRGBA fg;

  /* The foreground is light exactly when the background is dark; this also
   * holds for high contrast and for a style set on a parent only. */
  mk_style_foreground (widget, &fg);
  return (0.299 * fg.red + 0.587 * fg.green + 0.114 * fg.blue) > 0.5;
}
