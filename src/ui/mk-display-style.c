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
mk_display_style_add_sheet (GdkDisplay *display,
                            const char *resource)
{
  g_autoptr(GtkCssProvider) provider = NULL;
  GHashTable *added;

  g_return_if_fail (display == NULL || GDK_IS_DISPLAY (display));
  g_return_if_fail (resource != NULL);

  if (display == NULL)
    return;

  added = g_object_get_data (G_OBJECT (display), "mk-style-sheets");
  if (added == NULL)
    {
      added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (display), "mk-style-sheets", added,
                              (GDestroyNotify) g_hash_table_unref);
    }
  if (!g_hash_table_add (added, g_strdup (resource)))
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, resource);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
mk_display_style_init (GdkDisplay *display)
{
  g_return_if_fail (GDK_IS_DISPLAY (display));

  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                    RESOURCE_PREFIX "/icons");
  mk_display_style_add_sheet (display, RESOURCE_PREFIX "/style.css");
}
