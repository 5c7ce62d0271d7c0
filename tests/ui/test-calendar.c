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
#include "mk-pane.h"
#include "calendar/mk-entry-dialog.h"
#include "calendar/mk-month-grid.h"
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

/* "Today" is the day the pane opened on, not the clock's: a run that
 * crosses midnight would otherwise look for the chip on the wrong day. */
static void
test_add_through_dialog (void)
{
  g_autofree char *today = NULL;
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
  today = g_strdup (mk_month_grid_get_selected_date (MK_MONTH_GRID (grid)));
  g_assert_true (mk_time_is_valid_date (today));
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

  /* Next month has none; Today comes back: to the entry's day, or, if
   * midnight has passed since the pane opened, to the clock's new day. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "calendar.next-month", NULL));
  g_assert_cmpuint (mk_month_grid_count_chips (MK_MONTH_GRID (grid), today), ==, 0);
  {
    g_autofree char *before = mk_time_today ();
    g_autofree char *after = NULL;
    const char *back;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "calendar.today", NULL));
    after = mk_time_today ();
    back = mk_month_grid_get_selected_date (MK_MONTH_GRID (grid));
    if (g_strcmp0 (back, today) == 0)
      g_assert_cmpuint (mk_month_grid_count_chips (MK_MONTH_GRID (grid), today), ==, 1);
    else
      g_assert_true (g_strcmp0 (back, before) == 0 || g_strcmp0 (back, after) == 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
}

/* A mapped label under @widget showing exactly @text. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Day headings of a one-digit day carry one space, not strftime's padding
 * ("Tue  1 Dec 2026").
 *
 * The dates count from the day the pane opened on, not from the clock: a
 * run that crosses midnight, at a month's end above all, would otherwise
 * aim at a month the pane did not count from. */
static void
test_day_headings (void)
{
  MkWindow *window = mk_window_new (GTK_APPLICATION (app), context);
  g_autoptr(GDateTime) first = NULL;
  g_autofree char *date = NULL;
  g_autofree char *weekday = NULL;
  g_autofree char *short_weekday = NULL;
  g_autofree char *month = NULL;
  g_autofree char *short_month = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *agenda = NULL;
  g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *pane;
  GtkWidget *grid;
  GtkCalendar *calendar;
  GDate shown;
  GDateDay day;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  mk_window_set_section (window, "calendar");
  gtk_window_present (GTK_WINDOW (window));
  settle (300);

  pane = find_descendant (GTK_WIDGET (window), MK_TYPE_CALENDAR_PANE, NULL);
  g_assert_nonnull (pane);
  grid = find_descendant (pane, MK_TYPE_MONTH_GRID, NULL);
  g_assert_nonnull (grid);
  g_assert_true (mk_time_parse_gdate (mk_month_grid_get_selected_date (MK_MONTH_GRID (grid)), &shown));

  /* A one-digit day of next month, so that the agenda (from the pane's
   * today on) lists it. Not the day of the month the pane is on: GTK 4.8's
   * GtkCalendar does not report a pick that only changes the month, from
   * the 1st to the 1st, as a user who opens it on the 1st would see too. */
  day = g_date_get_day (&shown) == 1 ? 2 : 1;
  g_date_set_day (&shown, 1);
  g_date_add_months (&shown, 1);
  first = g_date_time_new_local (g_date_get_year (&shown), g_date_get_month (&shown), day, 12, 0, 0);
  date = g_date_time_format (first, "%Y-%m-%d");
  weekday = g_date_time_format (first, "%A");
  short_weekday = g_date_time_format (first, "%a");
  month = g_date_time_format (first, "%B");
  short_month = g_date_time_format (first, "%b %Y");
  heading = g_strdup_printf ("%s %u %s", weekday, (guint) day, month);
  agenda = g_strdup_printf ("%s %u %s", short_weekday, (guint) day, short_month);

  /* An entry on that day starts a day in the agenda. */
  mk_calendar_entry_set_user_id (entry, mk_context_get_user_id (context));
  mk_calendar_entry_set_entry_type (entry, MK_ENTRY_TYPE_SHOOT);
  mk_calendar_entry_set_brand_name (entry, "Kiko Tea Co.");
  mk_calendar_entry_set_date (entry, date);
  g_assert_true (mk_store_calendar_create (mk_context_get_store (context), entry, &error));
  g_assert_no_error (error);
  settle (200);

  g_assert_nonnull (find_label (pane, agenda));

  /* The month popover is built when it first opens. */
  g_assert_null (find_descendant (pane, GTK_TYPE_CALENDAR, NULL));
  gtk_menu_button_popup (GTK_MENU_BUTTON (find_descendant (pane, GTK_TYPE_MENU_BUTTON, NULL)));
  settle (100);

  /* Picking the day in the month popover's calendar heads the day pane;
   * before, another day heads it. */
  calendar = GTK_CALENDAR (find_descendant (pane, GTK_TYPE_CALENDAR, NULL));
  g_assert_nonnull (calendar);
  g_assert_null (find_label (pane, heading));
  gtk_calendar_select_day (calendar, first);
  settle (100);
  g_assert_nonnull (find_label (pane, heading));
  g_assert_cmpstr (mk_month_grid_get_selected_date (MK_MONTH_GRID (grid)), ==, date);

  g_assert_true (mk_store_calendar_delete (mk_context_get_store (context), mk_calendar_entry_get_id (entry), &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
}

typedef struct
{
  MkPane      *pane;
  GtkWidget   *grid;
  const char  *date;
  gboolean     painted;
  gboolean     loading_at_paint;
  guint        chips_at_paint;
  gboolean     loaded;
} FirstPaint;

static void
first_after_paint_cb (GdkFrameClock *clock,
                      FirstPaint    *fp)
{
  g_signal_handlers_disconnect_by_func (clock, first_after_paint_cb, fp);
  fp->painted = TRUE;
  fp->loading_at_paint = mk_pane_is_loading (fp->pane);
  fp->chips_at_paint = mk_month_grid_count_chips (MK_MONTH_GRID (fp->grid), fp->date);
}

static void
window_map_cb (GtkWidget  *window,
               FirstPaint *fp)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_after_paint_cb), fp);
}

static void
loaded_cb (MkPane     *pane,
           FirstPaint *fp)
{
  fp->loaded = TRUE;
}

/* The window shows before the month's entries: the pane's first frame is
 * the month without them, read meanwhile in threads, and they show a frame
 * later, when the pane says it has loaded. */
static void
test_entries_after_first_paint (void)
{
  g_autofree char *today = mk_time_today ();
  g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();
  g_autoptr(GError) error = NULL;
  MkWindow *window;
  FirstPaint fp = { .date = today };

  mk_calendar_entry_set_user_id (entry, mk_context_get_user_id (context));
  mk_calendar_entry_set_entry_type (entry, MK_ENTRY_TYPE_SHOOT);
  mk_calendar_entry_set_brand_name (entry, "Moss Studio");
  mk_calendar_entry_set_date (entry, today);
  g_assert_true (mk_store_calendar_create (mk_context_get_store (context), entry, &error));
  g_assert_no_error (error);

  window = mk_window_new (GTK_APPLICATION (app), context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  mk_window_set_section (window, "calendar");
  fp.pane = MK_PANE (find_descendant (GTK_WIDGET (window), MK_TYPE_CALENDAR_PANE, NULL));
  g_assert_nonnull (fp.pane);
  fp.grid = find_descendant (GTK_WIDGET (fp.pane), MK_TYPE_MONTH_GRID, NULL);
  g_assert_true (mk_pane_is_loading (fp.pane));
  g_signal_connect (fp.pane, "loaded", G_CALLBACK (loaded_cb), &fp);
  g_signal_connect (window, "map", G_CALLBACK (window_map_cb), &fp);
  gtk_window_present (GTK_WINDOW (window));

  while (!fp.loaded)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (fp.painted);
  g_assert_true (fp.loading_at_paint);
  g_assert_cmpuint (fp.chips_at_paint, ==, 0);

  g_assert_false (mk_pane_is_loading (fp.pane));
  {
    /* Earlier tests leave entries of their own on today. */
    g_autoptr(GPtrArray) on_today = mk_store_calendar_list_range (mk_context_get_store (context),
                                                                  mk_context_get_user_id (context),
                                                                  today, today, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (on_today->len, >=, 1);
    g_assert_cmpuint (mk_month_grid_count_chips (MK_MONTH_GRID (fp.grid), today), ==, on_today->len);
  }
  settle (100);
  g_assert_nonnull (find_label (GTK_WIDGET (fp.pane), "Moss Studio"));

  /* The filter popover, built when it first opens, filters: uploads only
   * hides today's shoots. */
  {
    GtkWidget *filter_button = gtk_widget_get_parent (find_descendant (GTK_WIDGET (fp.pane), GTK_TYPE_SEARCH_ENTRY, NULL));
    GtkWidget *type;

    filter_button = gtk_widget_get_next_sibling (find_descendant (filter_button, GTK_TYPE_SEARCH_ENTRY, NULL));
    g_assert_true (GTK_IS_MENU_BUTTON (filter_button));
    g_assert_null (find_descendant (GTK_WIDGET (fp.pane), GTK_TYPE_DROP_DOWN, NULL));
    gtk_menu_button_popup (GTK_MENU_BUTTON (filter_button));
    settle (100);
    type = find_descendant (GTK_WIDGET (fp.pane), GTK_TYPE_DROP_DOWN, NULL);
    g_assert_nonnull (type);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (type), 2);
    settle (50);
    g_assert_cmpuint (mk_month_grid_count_chips (MK_MONTH_GRID (fp.grid), today), ==, 0);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (type), 0);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (filter_button));
    settle (50);
  }

  g_signal_handlers_disconnect_by_func (fp.pane, loaded_cb, &fp);
  g_assert_true (mk_store_calendar_delete (mk_context_get_store (context), mk_calendar_entry_get_id (entry), &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
}

static void
wait_loaded (FirstPaint *fp)
{
  fp->loaded = FALSE;
  while (!fp->loaded)
    g_main_context_iteration (NULL, TRUE);
}

/* A sign-in after the window is up reads the new user's month in threads
 * too: the pane says it is loading at once, drops the previous user's
 * chips, and shows the new ones when it has loaded. A second sign-in while
 * the first is being read wins. */
static void
test_sign_in_reads_in_thread (void)
{
  g_autofree char *today = mk_time_today ();
  g_autofree char *first_user = g_strdup (mk_context_get_user_id (context));
  g_autoptr(MkUser) other = mk_user_new ();
  g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();
  g_autoptr(GPtrArray) first_today = NULL;
  g_autoptr(GError) error = NULL;
  MkWindow *window;
  FirstPaint fp = { .date = today };

  mk_user_set_email (other, "cal-other@example.com");
  mk_user_set_password_hash (other, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA");
  g_assert_true (mk_store_users_insert (mk_context_get_store (context), other, &error));
  g_assert_no_error (error);
  mk_calendar_entry_set_user_id (entry, mk_user_get_id (other));
  mk_calendar_entry_set_entry_type (entry, MK_ENTRY_TYPE_UPLOAD);
  mk_calendar_entry_set_platform (entry, MK_PLATFORM_YOUTUBE);
  mk_calendar_entry_set_content_type (entry, MK_CONTENT_TYPE_POST);
  mk_calendar_entry_set_brand_name (entry, "Fern Films");
  mk_calendar_entry_set_date (entry, today);
  g_assert_true (mk_store_calendar_create (mk_context_get_store (context), entry, &error));
  g_assert_no_error (error);
  first_today = mk_store_calendar_list_range (mk_context_get_store (context), first_user,
                                              today, today, &error);
  g_assert_no_error (error);

  window = mk_window_new (GTK_APPLICATION (app), context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  mk_window_set_section (window, "calendar");
  fp.pane = MK_PANE (find_descendant (GTK_WIDGET (window), MK_TYPE_CALENDAR_PANE, NULL));
  fp.grid = find_descendant (GTK_WIDGET (fp.pane), MK_TYPE_MONTH_GRID, NULL);
  g_signal_connect (fp.pane, "loaded", G_CALLBACK (loaded_cb), &fp);
  gtk_window_present (GTK_WINDOW (window));
  wait_loaded (&fp);
  g_assert_cmpuint (mk_month_grid_count_chips (MK_MONTH_GRID (fp.grid), today), ==, first_today->len);

  mk_context_set_user_id (context, mk_user_get_id (other));
  g_assert_true (mk_pane_is_loading (fp.pane));
  g_assert_cmpuint (mk_month_grid_count_chips (MK_MONTH_GRID (fp.grid), today), ==, 0);
  wait_loaded (&fp);
  g_assert_false (mk_pane_is_loading (fp.pane));
  g_assert_cmpuint (mk_month_grid_count_chips (MK_MONTH_GRID (fp.grid), today), ==, 1);
  settle (100);
  g_assert_nonnull (find_label (GTK_WIDGET (fp.pane), "Fern Films"));

  /* Back and forth before either read is done: the last user's month. */
  mk_context_set_user_id (context, first_user);
  mk_context_set_user_id (context, mk_user_get_id (other));
  mk_context_set_user_id (context, first_user);
  wait_loaded (&fp);
  g_assert_false (mk_pane_is_loading (fp.pane));
  g_assert_cmpuint (mk_month_grid_count_chips (MK_MONTH_GRID (fp.grid), today), ==, first_today->len);
  settle (100);
  g_assert_null (find_label (GTK_WIDGET (fp.pane), "Fern Films"));

  g_signal_handlers_disconnect_by_func (fp.pane, loaded_cb, &fp);
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

  app = ui_test_app_new (&argc, &argv, "io.github.mediakit.Mediakit.TestCalendar");

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
  g_test_add_func ("/ui/calendar/day-headings", test_day_headings);
  g_test_add_func ("/ui/calendar/entries-after-first-paint", test_entries_after_first_paint);
  g_test_add_func ("/ui/calendar/sign-in-reads-in-thread", test_sign_in_reads_in_thread);
  ret = g_test_run ();

  g_clear_object (&context);
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return ret;
}
