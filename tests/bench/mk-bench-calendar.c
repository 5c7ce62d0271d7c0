/* mk-bench-calendar.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar at 100,000 entries over ten years, 1,000 of them in the
 * current month (issue #3):
 *   month_switch_vs_sqlite    building the current month's MkMonthModel /
 *                             the bare query stepping through the same rows
 *   agenda_scroll_rss_growth  resident memory added by scrolling a
 *                             GtkListView bound to MkAgendaModel from today
 *                             to the last entry
 * Usage: mk-bench-calendar [N_ENTRIES]
 */

#define G_LOG_DOMAIN "mediakit-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>

#include "mk-agenda-model.h"
#include "mk-demo.h"
#include "mk-month-model.h"

#define RUNS 21
#define MAX_SCROLL_STEPS 20000

static void
check (int      rc,
       sqlite3 *db)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("SQLite: %s", sqlite3_errmsg (db));
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  qsort (values, RUNS, sizeof (double), (GCompareFunc)compare_doubles);
  return values[RUNS / 2];
}

/* The bare query, as a hand-written reader would run it: every column of
 * every row of the month read. */
static double
time_bare (sqlite3    *db,
           const char *user_id,
           const char *first,
           const char *last,
           guint      *out_n)
{
  sqlite3_stmt *stmt;
  gint64 start = g_get_monotonic_time ();
  guint n = 0;

  check (sqlite3_prepare_v2 (db,
                             "SELECT id, user_id, type, brand_name, campaign_name, date, time, status,"
                             " notes, location, platform, content_type, created_at"
                             " FROM calendar_entries WHERE user_id = ?1 AND date BETWEEN ?2 AND ?3"
                             " ORDER BY date, time, id", -1, &stmt, NULL), db);
  sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < 13; c++)
        (void)sqlite3_column_text (stmt, c);
      n++;
    }
  sqlite3_finalize (stmt);
  *out_n = n;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_model (MkStore    *store,
            const char *user_id,
            int         year,
            int         month,
            guint      *out_n)
{
  g_autoptr(MkMonthModel) model = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  model = mk_month_model_new (store);
  mk_month_model_set_user_id (model, user_id);
  mk_month_model_set_month (model, year, month);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  *out_n = g_list_model_get_n_items (G_LIST_MODEL (model));
  return ms;
}

static double
month_switch_ratio (MkStore    *store,
                    const char *user_id)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  int month = g_date_time_get_month (now);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  double bare[RUNS], ours[RUNS];
  double b, o;
  sqlite3 *db;

  mk_month_model_month_range (year, month, &first, &last);
  check (sqlite3_open_v2 (mk_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), db);

  for (guint r = 0; r < RUNS; r++)
    {
      guint n_bare, n_ours;

      bare[r] = time_bare (db, user_id, first, last, &n_bare);
      ours[r] = time_model (store, user_id, year, month, &n_ours);
      g_assert_cmpuint (n_bare, ==, n_ours);
      if (r == 0)
        fprintf (stderr, "month_switch: %u entries in %04d-%02d\n", n_ours, year, month);
    }
  sqlite3_close (db);

  b = median (bare);
  o = median (ours);
  fprintf (stderr, "month_switch: model %.2f ms, bare sqlite %.2f ms (medians of %d)\n", o, b, RUNS);
  return o / b;
}

static double
rss_mib (void)
{
  g_autofree char *text = NULL;
  long pages = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &text, NULL, NULL) ||
      sscanf (text, "%ld %ld", &pages, &resident) != 2)
    return 0;
  return resident * (double)sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static void
iterate (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  MkCalendarEntry *entry = gtk_list_item_get_item (item);
  g_autofree char *text = g_strdup_printf ("%s %s  %s — %s",
                                           mk_calendar_entry_get_date (entry),
                                           mk_calendar_entry_get_time (entry) ? mk_calendar_entry_get_time (entry) : "",
                                           mk_calendar_entry_get_brand_name (entry),
                                           mk_calendar_entry_get_campaign_name (entry));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static double
agenda_scroll_rss_growth (MkStore    *store,
                          const char *user_id)
{
  MkAgendaModel *agenda = mk_agenda_model_new (store, 0);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view;
  GtkAdjustment *adjustment;
  GListModel *rows = G_LIST_MODEL (agenda);
  guint steps = 0;
  double before, after;

  mk_agenda_model_set_user_id (agenda, user_id);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (rows)), factory);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  iterate (500);

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  before = rss_mib ();

  /* A page at a time, as a person dragging the scrollbar would, until the
   * model has read its last page and the view shows the end. */
  while (steps++ < MAX_SCROLL_STEPS)
    {
      double value = gtk_adjustment_get_value (adjustment);
      double page = gtk_adjustment_get_page_size (adjustment);

      if (mk_agenda_model_is_complete (agenda) &&
          value + page >= gtk_adjustment_get_upper (adjustment) - 1)
        break;
      gtk_adjustment_set_value (adjustment, value + page);
      iterate (5);
    }
  iterate (200);

  after = rss_mib ();
  fprintf (stderr, "agenda_scroll: %u rows from %s in %u steps%s, RSS %.1f → %.1f MiB\n",
           g_list_model_get_n_items (rows), mk_agenda_model_get_from_date (agenda), steps,
           mk_agenda_model_is_complete (agenda) ? "" : " (NOT complete)", before, after);
  /* The view owns the model (through its GtkNoSelection) and the factory. */
  gtk_window_destroy (GTK_WINDOW (window));
  return after - before;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *user_id = NULL;
  g_autoptr(MkStore) store = NULL;
  guint n_entries = argc > 1 ? (guint)atoi (argv[1]) : 100000;

  gtk_init ();

  dir = g_dir_make_tmp ("mediakit-bench-calendar-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "mediakit.db", NULL);
  store = mk_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (mk_demo_fill (store, &user_id, &error));
  g_assert_true (mk_demo_fill_calendar_bulk (store, user_id, n_entries, &error));
  g_assert_no_error (error);

  printf ("bench month_switch_vs_sqlite %.2f x\n", month_switch_ratio (store, user_id));
  fflush (stdout);
  printf ("bench agenda_scroll_rss_growth %.1f MiB\n", agenda_scroll_rss_growth (store, user_id));
  fflush (stdout);

  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }
  return 0;
}
