/* mk-window-actions.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include "export/mk-export-dialog.h"
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
