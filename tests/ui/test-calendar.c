/* test-calendar.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar pane under Xvfb: an entry added through the dialog shows up
 * as a chip on its day; the dialog refuses an empty brand beside its row.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "calendar/mk-calendar-pane.h"
#include "mk-context.h"
#include "calendar/mk-entry-dialog.h"
#include "calendar/mk-month-grid.h"
#include "mk-time.h"
#include "mk-window.h"

static AdwApplication *app;
static MkContext *context;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (title == NULL || g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static MkEntryDialog *
find_dialog (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (MK_IS_ENTRY_DIALOG (l->data))
      return l->data;
  return NULL;
}

static void
test_add_through_dialog (void)
{
  g_autofree char *today = mk_time_today ();
  MkWindow *window = mk_window_new (GTK_APPLICATION (app), context);
  GtkWidget *pane;
  GtkWidget *grid;
  MkEntryDialog *dialog;
  GtkWidget *brand;
  GtkWidget *time_row;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  mk_window_set_section (window, "calendar");
  gtk_window_present (GTK_WINDOW (window));
  settle (300);

  pane = find_descendant (GTK_WIDGET (window), MK_TYPE_CALENDAR_PANE, NULL);
  g_assert_nonnull (pane);
  grid = find_descendant (pane, MK_TYPE_MONTH_GRID, NULL);
  g_assert_nonnull (grid);
  g_assert_cmpuint (mk_month_grid_count_chips (MK_MONTH_GRID (grid), today), ==, 0);

  /* The header's "+" reaches the pane's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "calendar.new-entry", NULL));
  settle (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  brand = find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Brand name");
  g_assert_nonnull (brand);
  time_row = find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Time (HH:MM, optional)");
  g_assert_nonnull (time_row);

  /* A bad time puts its message on the time row. */
  gtk_editable_set_text (GTK_EDITABLE (brand), "Acme Coffee");
  gtk_editable_set_text (GTK_EDITABLE (time_row), "25:00");
  g_assert_true (gtk_widget_has_css_class (time_row, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (time_row)), !=, "Time (HH:MM, optional)");
  gtk_editable_set_text (GTK_EDITABLE (time_row), "18:30");
  g_assert_false (gtk_widget_has_css_class (time_row, "error"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "entry.save", NULL));
  settle (200);
  g_assert_null (find_dialog ());

  /* The chip is on today's cell, and the store has the row and its log. */
  g_assert_cmpuint (mk_month_grid_count_chips (MK_MONTH_GRID (grid), today), ==, 1);
  g_assert_cmpint (mk_store_calendar_count (mk_context_get_store (context), mk_context_get_user_id (context), NULL), ==, 1);
  {
    MkLogFilter filter = { .action = "update_calendar" };

    g_assert_cmpint (mk_store_logs_count (mk_context_get_store (context), &filter, NULL), ==, 1);
  }

  /* Next month has none; Today comes back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "calendar.next-month", NULL));
  g_assert_cmpuint (mk_month_grid_count_chips (MK_MONTH_GRID (grid), today), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "calendar.today", NULL));
  g_assert_cmpuint (mk_month_grid_count_chips (MK_MONTH_GRID (grid), today), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *user_id = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = adw_application_new ("io.github.mediakit.Mediakit.TestCalendar", G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_PREFIX);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  data_dir = g_dir_make_tmp ("mediakit-test-calendar-XXXXXX", &error);
  g_assert_no_error (error);
  context = mk_context_new (data_dir, &error);
  g_assert_no_error (error);
  {
    g_autoptr(MkUser) user = mk_user_new ();

    mk_user_set_email (user, "cal@example.com");
    mk_user_set_password_hash (user, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA");
    g_assert_true (mk_store_users_insert (mk_context_get_store (context), user, &error));
    g_assert_no_error (error);
    mk_context_set_user_id (context, mk_user_get_id (user));
  }

  g_test_add_func ("/ui/calendar/add-through-dialog", test_add_through_dialog);
  ret = g_test_run ();

  g_clear_object (&context);
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return ret;
}
