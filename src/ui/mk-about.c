/* mk-about.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mk-about.h"

#define MK_WEBSITE   "https://github.com/mediakit/mediakit"
#define MK_ISSUE_URL "https://github.com/mediakit/mediakit/issues"

/**
 * mk_about_window_present:
 * @parent: (nullable): the window About was opened from
 *
 * Shows the About window of Mediakit.
 */
void
mk_about_window_present (GtkWindow *parent)
{
  static const char *developers[] = { "The Mediakit authors", NULL };
  const char *translators = _("translator-credits");
  const char *icon_name = APP_ID;
  AdwAboutWindow *about;
  GtkIconTheme *icon_theme;

  g_return_if_fail (!parent || GTK_IS_WINDOW (parent));

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (about), parent);
      gtk_window_set_modal (GTK_WINDOW (about), TRUE);
    }

  /* The Devel icon exists once installed; the resources carry the base one. */
  icon_theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (about)));
  if (!gtk_icon_theme_has_icon (icon_theme, icon_name))
    icon_name = BASE_APP_ID;

  adw_about_window_set_application_icon (about, icon_name);
  adw_about_window_set_application_name (about, _("Mediakit"));
  adw_about_window_set_developer_name (about, _("The Mediakit authors"));
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_website (about, MK_WEBSITE);
  adw_about_window_set_issue_url (about, MK_ISSUE_URL);
  adw_about_window_set_copyright (about, "© 2026 The Mediakit authors");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_developers (about, developers);

  /* Untranslated, the msgid would be shown as a name. */
  if (!g_str_equal (translators, "translator-credits"))
    adw_about_window_set_translator_credits (about, translators);

  gtk_window_present (GTK_WINDOW (about));
}
