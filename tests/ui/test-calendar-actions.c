/* test-calendar-actions.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar pane's chip actions under Xvfb (issue #3.4): a chip dragged
 * to another day moves its entry and keeps its time; the chip's menu marks
 * it complete and deletes it, and the toast's Undo puts the same row back;
 * and the pane's Import / Export Calendar with the chosen file handed in
 * as the file chooser would.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "calendar/mk-calendar-pane-private.h"
#include "calendar/mk-month-grid-private.h"
#include "mk-context.h"
#include "mk-time.h"
#include "mk-window.h"
#include "ui-test-app.h"

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

typedef gboolean (*Condition) (gpointer data);

/* Runs the main loop until @condition holds; a generous limit only turns a
 * hang into a failure, it is not what the test checks. */
static void
wait_for (Condition condition,
          gpointer  data)
{
  gint64 give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, give_up);
      settle (20);
    }
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct {
  MkWindow    *window;
  MkMonthGrid *grid;
  GtkWidget   *pane;
} Ui;

static void
ui_open (Ui *ui)
{
  ui->window = mk_window_new (GTK_APPLICATION (app), context);
  gtk_window_set_default_size (GTK_WINDOW (ui->window), 1100, 760);
  mk_window_set_section (ui->window, "calendar");
  gtk_window_present (GTK_WINDOW (ui->window));
  settle (300);

  ui->pane = find_type (GTK_WIDGET (ui->window), MK_TYPE_CALENDAR_PANE);
  g_assert_nonnull (ui->pane);
  ui->grid = MK_MONTH_GRID (find_type (ui->pane, MK_TYPE_MONTH_GRID));
  g_assert_nonnull (ui->grid);
}

static void
ui_close (Ui *ui)
{
  gtk_window_destroy (GTK_WINDOW (ui->window));
  settle (50);
}

/* "YYYY-MM-DD" of @day in the current month, so that it is in the grid. */
static char *
this_month (guint day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_strdup_printf ("%04d-%02d-%02u", g_date_time_get_year (now),
                          g_date_time_get_month (now), day);
}

static void
clear_calendar (void)
{
  MkStore *store = mk_context_get_store (context);
  g_autoptr(GPtrArray) entries = NULL;

  entries = mk_store_calendar_list_range (store, mk_context_get_user_id (context),
                                          "0001-01-01", "9999-12-31", NULL);
  g_assert_nonnull (entries);
  for (guint i = 0; i < entries->len; i++)
    g_assert_true (mk_store_calendar_delete (store, mk_calendar_entry_get_id (g_ptr_array_index (entries, i)), NULL));
}

static char *
add_shoot (const char *brand,
           const char *date,
           const char *time)
{
  g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();
  g_autoptr(GError) error = NULL;

  mk_calendar_entry_set_user_id (entry, mk_context_get_user_id (context));
  mk_calendar_entry_set_entry_type (entry, MK_ENTRY_TYPE_SHOOT);
  mk_calendar_entry_set_brand_name (entry, brand);
  mk_calendar_entry_set_date (entry, date);
  mk_calendar_entry_set_time (entry, time);
  mk_calendar_entry_set_status (entry, MK_ENTRY_STATUS_PENDING);
  mk_calendar_entry_set_location (entry, "Studio 4");
  g_assert_true (mk_store_calendar_create (mk_context_get_store (context), entry, &error));
  g_assert_no_error (error);

  return g_strdup (mk_calendar_entry_get_id (entry));
}

static MkCalendarEntry *
get_entry (const char *id)
{
  return mk_store_calendar_get (mk_context_get_store (context), id, NULL);
}

/* The action and target of the item of @menu labelled @label; FALSE when
 * there is no such item. */
static gboolean
menu_item (GMenuModel  *menu,
           const char  *label,
           char       **out_action,
           GVariant   **out_target)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *text = NULL;

      if (!g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &text) ||
          g_strcmp0 (text, label) != 0)
        continue;

      g_assert_true (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", out_action));
      *out_target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      return TRUE;
    }

  return FALSE;
}

/* The middle of the chip of @id, in the grid's coordinates; the chip
 * found there again is the same entry, as a click or a drag finds it. */
static graphene_point_t
chip_center (Ui         *ui,
             const char *id)
{
  graphene_rect_t bounds;
  graphene_point_t center;
  g_autofree char *found = NULL;

  g_assert_true (mk_month_grid_chip_bounds (ui->grid, id, &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 0);
  g_assert_cmpfloat (bounds.size.height, >, 0);
  graphene_rect_get_center (&bounds, &center);
  found = mk_month_grid_chip_at (ui->grid, center.x, center.y);
  g_assert_cmpstr (found, ==, id);
  return center;
}

/* Picks @label in the context menu of the chip of @id, as a click on that
 * item would: its action, with its target, from the grid. */
static void
choose_from_chip_menu (Ui         *ui,
                       const char *id,
                       const char *label)
{
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *action = NULL;
  g_autoptr(GVariant) target = NULL;

  chip_center (ui, id);
  menu = mk_month_grid_chip_menu (ui->grid, id);
  g_assert_nonnull (menu);
  g_assert_true (menu_item (menu, label, &action, &target));
  g_assert_nonnull (target);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, id);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (ui->grid), action, target));
  settle (50);
}

static void
test_drag_chip_to_another_day (void)
{
  g_autofree char *from = this_month (10);
  g_autofree char *to = this_month (20);
  g_autofree char *id = NULL;
  g_autoptr(MkCalendarEntry) moved = NULL;
  g_autoptr(GdkContentProvider) content = NULL;
  g_autoptr(GError) error = NULL;
  GValue value = G_VALUE_INIT;
  graphene_point_t center;
  graphene_rect_t bounds;
  g_autofree char *nothing = NULL;
  Ui ui;

  clear_calendar ();
  id = add_shoot ("Drag Coffee", from, "09:15");
  ui_open (&ui);
  g_assert_cmpuint (mk_month_grid_count_chips (ui.grid, from), ==, 1);

  /* What a drag from the chip offers is what the day's drop target takes;
   * from the day number above the chips, nothing is dragged. */
  center = chip_center (&ui, id);
  content = mk_month_grid_drag_content_at (ui.grid, center.x, center.y);
  g_assert_nonnull (content);
  g_assert_true (mk_month_grid_chip_bounds (ui.grid, id, &bounds));
  nothing = mk_month_grid_chip_at (ui.grid, center.x, bounds.origin.y - 3);
  g_assert_null (nothing);
  g_assert_null (mk_month_grid_drag_content_at (ui.grid, center.x, bounds.origin.y - 3));
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&value), ==, id);

  g_assert_true (mk_month_grid_drop_value (ui.grid, &value, to));
  settle (50);

  moved = get_entry (id);
  g_assert_nonnull (moved);
  g_assert_cmpstr (mk_calendar_entry_get_date (moved), ==, to);
  g_assert_cmpstr (mk_calendar_entry_get_time (moved), ==, "09:15");
  g_assert_cmpuint (mk_month_grid_count_chips (ui.grid, from), ==, 0);
  g_assert_cmpuint (mk_month_grid_count_chips (ui.grid, to), ==, 1);

  /* A drop on the day it is already on changes nothing; a value that is
   * not an id is refused. */
  g_assert_true (mk_month_grid_drop_value (ui.grid, &value, to));
  g_value_unset (&value);
  g_value_init (&value, G_TYPE_INT);
  g_assert_false (mk_month_grid_drop_value (ui.grid, &value, from));
  g_value_unset (&value);
  g_clear_object (&moved);
  moved = get_entry (id);
  g_assert_cmpstr (mk_calendar_entry_get_date (moved), ==, to);

  ui_close (&ui);
}

static void
test_chip_menu_complete (void)
{
  g_autofree char *day = this_month (12);
  g_autofree char *id = NULL;
  g_autoptr(MkCalendarEntry) entry = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  g_autofree char *action = NULL;
  g_autoptr(GVariant) target = NULL;
  Ui ui;

  clear_calendar ();
  id = add_shoot ("Complete Tea", day, "11:00");
  ui_open (&ui);

  choose_from_chip_menu (&ui, id, "Mark _Complete");

  entry = get_entry (id);
  g_assert_nonnull (entry);
  g_assert_cmpint (mk_calendar_entry_get_status (entry), ==, MK_ENTRY_STATUS_COMPLETED);
  g_assert_cmpstr (mk_calendar_entry_get_date (entry), ==, day);

  /* The chip was rebuilt: a completed entry's menu offers no completing. */
  menu = mk_month_grid_chip_menu (ui.grid, id);
  g_assert_false (menu_item (menu, "Mark _Complete", &action, &target));
  g_assert_true (menu_item (menu, "_Delete", &action, &target));

  ui_close (&ui);
}

static void
test_chip_menu_delete_undo (void)
{
  g_autofree char *day = this_month (14);
  g_autofree char *id = NULL;
  g_autoptr(MkCalendarEntry) before = NULL;
  g_autoptr(MkCalendarEntry) after = NULL;
  GtkWidget *undo;
  Ui ui;

  clear_calendar ();
  id = add_shoot ("Undo Bakery", day, "16:45");
  before = get_entry (id);
  ui_open (&ui);

  choose_from_chip_menu (&ui, id, "_Delete");
  g_assert_null (get_entry (id));
  g_assert_cmpuint (mk_month_grid_count_chips (ui.grid, day), ==, 0);

  /* The toast's Undo button, as a click would. */
  undo = find_button (GTK_WIDGET (ui.window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  settle (50);

  /* The same row: id, time and created_at kept. */
  after = get_entry (id);
  g_assert_nonnull (after);
  g_assert_cmpstr (mk_calendar_entry_get_brand_name (after), ==, "Undo Bakery");
  g_assert_cmpstr (mk_calendar_entry_get_time (after), ==, "16:45");
  g_assert_cmpstr (mk_calendar_entry_get_created_at (after), ==, mk_calendar_entry_get_created_at (before));
  g_assert_cmpuint (mk_month_grid_count_chips (ui.grid, day), ==, 1);

  ui_close (&ui);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
calendar_has_three (gpointer data)
{
  return mk_store_calendar_count (mk_context_get_store (context), mk_context_get_user_id (context), NULL) == 3;
}

static gboolean
grid_shows (gpointer data)
{
  Ui *ui = data;
  g_autofree char *day = this_month (22);

  return mk_month_grid_count_chips (ui->grid, day) == 2;
}

static gint64
count_import_logs (void)
{
  MkLogFilter filter = { .action = "update_calendar" };

  return mk_store_logs_count (mk_context_get_store (context), &filter, NULL);
}

static gboolean
one_more_import_logged (gpointer data)
{
  return count_import_logs () == *(gint64 *)data + 1;
}

/* At 360 px the leaflet folds: opening a day shows its list; wide, the
 * list is beside the month and opening a day moves nothing. */
static void
test_open_day_when_folded (void)
{
  g_autofree char *day = this_month (16);
  AdwLeaflet *leaflet;
  GtkWidget *month_page;
  Ui ui;

  clear_calendar ();
  g_free (add_shoot ("Narrow Noodles", day, "12:00"));
  ui_open (&ui);
  leaflet = ADW_LEAFLET (find_type (ui.pane, ADW_TYPE_LEAFLET));
  g_assert_nonnull (leaflet);
  month_page = adw_leaflet_get_visible_child (leaflet);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_signal_emit_by_name (ui.grid, "day-opened", day);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == month_page);
  ui_close (&ui);

  ui.window = mk_window_new (GTK_APPLICATION (app), context);
  gtk_window_set_default_size (GTK_WINDOW (ui.window), 360, 720);
  mk_window_set_section (ui.window, "calendar");
  gtk_window_present (GTK_WINDOW (ui.window));
  settle (300);
  ui.pane = find_type (GTK_WIDGET (ui.window), MK_TYPE_CALENDAR_PANE);
  ui.grid = MK_MONTH_GRID (find_type (ui.pane, MK_TYPE_MONTH_GRID));
  leaflet = ADW_LEAFLET (find_type (ui.pane, ADW_TYPE_LEAFLET));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  month_page = adw_leaflet_get_visible_child (leaflet);

  g_signal_emit_by_name (ui.grid, "day-opened", day);
  settle (50);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != month_page);
  ui_close (&ui);
}

static void
test_export_then_import (void)
{
  g_autofree char *d1 = this_month (21);
  g_autofree char *d2 = this_month (22);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id1 = NULL;
  g_autofree char *id2 = NULL;
  g_autofree char *id3 = NULL;
  g_autoptr(MkCalendarEntry) back = NULL;
  gint64 imports_before;
  Ui ui;

  clear_calendar ();
  id1 = add_shoot ("Export Alpha", d1, "08:00");
  id2 = add_shoot ("Export Beta", d2, NULL);
  id3 = add_shoot ("Export Gamma", d2, "20:30");
  ui_open (&ui);

  dir = g_dir_make_tmp ("mediakit-test-ics-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "calendar.ics", NULL);
  file = g_file_new_for_path (path);

  mk_calendar_pane_export_file (MK_CALENDAR_PANE (ui.pane), file);
  wait_for (file_exists, path);
  settle (100);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (text, "Export Alpha"));
  g_assert_nonnull (strstr (text, "Export Beta"));
  g_assert_nonnull (strstr (text, "Export Gamma"));

  /* Gone from the workspace, then back from the file. */
  clear_calendar ();
  g_assert_cmpint (mk_store_calendar_count (mk_context_get_store (context), mk_context_get_user_id (context), NULL), ==, 0);

  mk_calendar_pane_import_file (MK_CALENDAR_PANE (ui.pane), file);
  wait_for (calendar_has_three, NULL);
  back = get_entry (id3);
  g_assert_nonnull (back);
  g_assert_cmpstr (mk_calendar_entry_get_date (back), ==, d2);
  g_assert_cmpstr (mk_calendar_entry_get_time (back), ==, "20:30");

  /* The import wrote through its own connection; the pane read again. */
  wait_for (grid_shows, &ui);
  g_assert_cmpuint (mk_month_grid_count_chips (ui.grid, d1), ==, 1);

  /* A second import of the same file adds nothing; it is done once its
   * log row is written. */
  imports_before = count_import_logs ();
  mk_calendar_pane_import_file (MK_CALENDAR_PANE (ui.pane), file);
  wait_for (one_more_import_logged, &imports_before);
  g_assert_cmpint (mk_store_calendar_count (mk_context_get_store (context), mk_context_get_user_id (context), NULL), ==, 3);

  ui_close (&ui);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  int ret;

  app = ui_test_app_new (&argc, &argv, "io.github.mediakit.Mediakit.TestCalendarActions");

  data_dir = g_dir_make_tmp ("mediakit-test-calendar-actions-XXXXXX", &error);
  g_assert_no_error (error);
  context = mk_context_new (data_dir, &error);
  g_assert_no_error (error);
  {
    g_autoptr(MkUser) user = mk_user_new ();

    mk_user_set_email (user, "actions@example.com");
    mk_user_set_password_hash (user, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA");
    g_assert_true (mk_store_users_insert (mk_context_get_store (context), user, &error));
    g_assert_no_error (error);
    mk_context_set_user_id (context, mk_user_get_id (user));
  }

  g_test_add_func ("/ui/calendar/drag-chip-to-another-day", test_drag_chip_to_another_day);
  g_test_add_func ("/ui/calendar/chip-menu-complete", test_chip_menu_complete);
  g_test_add_func ("/ui/calendar/chip-menu-delete-undo", test_chip_menu_delete_undo);
  g_test_add_func ("/ui/calendar/open-day-when-folded", test_open_day_when_folded);
  g_test_add_func ("/ui/calendar/export-then-import", test_export_then_import);
  ret = g_test_run ();

  g_clear_object (&context);
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return ret;
}
