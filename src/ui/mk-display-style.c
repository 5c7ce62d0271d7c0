/* mk-display-style.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Why not the resource base path: on GTK 4.8 a path added to an icon
 * theme throws away what the theme has read, after waiting for a read still
 * running in GTK's thread. GtkApplication's start-up creates the theme,
 * which starts that read, and adds <base>/icons; libadwaita's start-up adds
 * its own path after that. Every start-up so waited ~10 ms for a read it
 * discarded, and read the whole theme again on the main thread at the first
 * icon. Added at once after adw_init() has made the theme with its path,
 * ours costs 0.2 ms and the first read is the one kept. */

#include "config.h"

#include "mk-display-style.h"

void
mk_display_style_init (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                    RESOURCE_PREFIX "/icons");

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
