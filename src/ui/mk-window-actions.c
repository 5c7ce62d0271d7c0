/* mk-window-actions.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "export/mk-export-dialog.h"
#include "mk-preferences-window.h"
#include "mk-window-private.h"

/* win.show-section("calendar"): for toasts and other code that names a
 * section, e.g. a "Details" button that opens the Activity section. */
static void
mk_window_actions_show_section (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  MkWindow *self = MK_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, name) == NULL)
    {
      g_warning ("No section named “%s”", name);
      return;
    }

  mk_window_set_section (self, name);
}

/* win.show-nth-section(1): Alt+1…Alt+5, in the switcher's order, so the
 * shortcuts follow the list of panes rather than repeating it. */
static void
mk_window_actions_show_nth_section (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  MkWindow *self = MK_WINDOW (widget);
  g_autoptr(GtkSelectionModel) pages = NULL;
  int nth = g_variant_get_int32 (param);

  pages = adw_view_stack_get_pages (self->stack);

  if (nth < 1 || (guint)nth > g_list_model_get_n_items (G_LIST_MODEL (pages)))
    return;

  gtk_selection_model_select_item (pages, nth - 1, TRUE);
}

/* GtkShortcutLabel (GTK 4.8) shows a key without a symbol of its own by
 * its keyval name, translated by GTK where a translation exists and raw,
 * "Page_Up", where not, as in English. Those it leaves raw get words. */
static void
name_raw_keys (GtkWidget *widget,
               gboolean   in_shortcut_label)
{
  in_shortcut_label = in_shortcut_label || GTK_IS_SHORTCUT_LABEL (widget);

  if (in_shortcut_label && GTK_IS_LABEL (widget) && strchr (gtk_label_get_text (GTK_LABEL (widget)), '_') != NULL)
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (g_str_equal (text, "Page_Up"))
        gtk_label_set_text (GTK_LABEL (widget), C_("keyboard key", "Page Up"));
      else if (g_str_equal (text, "Page_Down"))
        gtk_label_set_text (GTK_LABEL (widget), C_("keyboard key", "Page Down"));
      else
        {
          g_autofree char *words = g_strdelimit (g_strdup (text), "_", ' ');

          gtk_label_set_text (GTK_LABEL (widget), words);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_raw_keys (child, in_shortcut_label);
}

/* win.show-help-overlay (Ctrl+?): the shortcuts window is built the first
 * time it is asked for, not with every window as GtkApplication would do
 * with <base>/gtk/help-overlay.ui — that cost ~15 ms of every start-up. */
static void
mk_window_actions_show_help_overlay (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/mk-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  name_raw_keys (GTK_WIDGET (shortcuts), FALSE);
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_set_modal (shortcuts, TRUE);
  gtk_window_present (shortcuts);
}

/* win.export: the Export Media Kit dialog, for the signed-in profile. */
static void
mk_window_actions_export (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  MkWindow *self = MK_WINDOW (widget);
  MkExportDialog *dialog;

  dialog = mk_export_dialog_new (GTK_WINDOW (self), mk_window_get_context (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.show-connections: Preferences opened on Connections, for the empty
 * states of the Metrics and Portfolio sections. */
static void
mk_window_actions_show_connections (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  MkWindow *self = MK_WINDOW (widget);
  MkPreferencesWindow *prefs;

  prefs = mk_preferences_window_new (mk_window_get_context (self));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "connections");
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (prefs));
}

void
_mk_window_class_actions_init (MkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s",
                                   mk_window_actions_show_section);
  gtk_widget_class_install_action (widget_class, "win.show-nth-section", "i",
                                   mk_window_actions_show_nth_section);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   mk_window_actions_show_help_overlay);
  gtk_widget_class_install_action (widget_class, "win.export", NULL,
                                   mk_window_actions_export);
  gtk_widget_class_install_action (widget_class, "win.show-connections", NULL,
                                   mk_window_actions_show_connections);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);

  for (int i = 1; i <= 5; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_ALT_MASK,
                                           "win.show-nth-section", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + i, GDK_ALT_MASK,
                                           "win.show-nth-section", "i", i);
    }
}
