/* mk-export-defaults.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mk-export-defaults.h"

/* The schema's default of export-sections, for when there is no schema. */
static const char * const default_sections[] = {
  MK_PORTFOLIO_SECTION_AUDIENCE,
  MK_PORTFOLIO_SECTION_MEDIA,
  MK_PORTFOLIO_SECTION_REVIEWS,
  NULL
};

static gboolean
is_hex_color (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

char *
mk_export_defaults_check_color (const char *color)
{
  /* The key is a free string (dconf-editor can write anything): checked
   * here rather than trusted by every reader. */
  if (!is_hex_color (color))
    {
      if (color != NULL && *color != '\0')
        g_debug ("Ignoring the accent colour “%s”: not #rrggbb", color);
      return g_strdup (MK_PORTFOLIO_DEFAULT_ACCENT_COLOR);
    }

  return g_ascii_strdown (color, -1);
}

char *
mk_export_defaults_dup_accent_color (GSettings *settings)
{
  g_autofree char *color = NULL;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  if (settings != NULL)
    color = g_settings_get_string (settings, "export-accent-color");

  return mk_export_defaults_check_color (color);
}

gboolean
mk_export_defaults_has_section (GSettings  *settings,
                                const char *section)
{
  g_auto(GStrv) sections = NULL;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (section != NULL, FALSE);

  if (settings == NULL)
    return g_strv_contains (default_sections, section);

  sections = g_settings_get_strv (settings, "export-sections");
  return g_strv_contains ((const char * const *) sections, section);
}

void
mk_export_defaults_apply (GSettings   *settings,
                          MkPortfolio *doc)
{
  g_auto(GStrv) sections = NULL;
  g_autofree char *accent = NULL;

  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (MK_IS_PORTFOLIO (doc));

  if (settings != NULL)
    sections = g_settings_get_strv (settings, "export-sections");
  mk_portfolio_apply_sections (doc, sections != NULL ? (const char * const *) sections : default_sections);

  accent = mk_export_defaults_dup_accent_color (settings);
  mk_portfolio_set_accent_color (doc, accent, NULL);
}

char *
mk_export_defaults_rgba_to_color (const GdkRGBA *rgba)
{
  g_return_val_if_fail (rgba != NULL, NULL);

  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) CLAMP (rgba->red * 255 + 0.5, 0, 255),
                          (guint) CLAMP (rgba->green * 255 + 0.5, 0, 255),
                          (guint) CLAMP (rgba->blue * 255 + 0.5, 0, 255));
}

void
mk_export_defaults_label_button (GtkColorButton *button)
{
  g_return_if_fail (GTK_IS_COLOR_BUTTON (button));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (button));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_BUTTON (child))
        continue;

      gtk_widget_set_tooltip_text (child, _("Choose the accent colour"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Accent colour"),
                                      -1);
    }
}
