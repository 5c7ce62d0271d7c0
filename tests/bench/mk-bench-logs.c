/* mk-bench-logs.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The activity log at 1,000,000 rows (issue #8):
 *   log_first_page_vs_sqlite  the model's first page / the bare query for it
 *   log_filter_vs_sqlite      the same with a platform + status filter
 *   log_scroll_rss_growth     resident memory added by scrolling the real
 *                             pane's GtkColumnView through 10,000 rows
 * Usage: mk-bench-logs [N_ROWS]
 */

#define G_LOG_DOMAIN "mediakit-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <adwaita.h>
#include <sqlite3.h>

#include "mk-activity-pane.h"
#include "mk-context.h"
#include "mk-demo.h"
#include "mk-log-model.h"

#define RUNS 30
#define PAGE 200

static void
check (int rc, sqlite3 *db)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("SQLite: %s", sqlite3_errmsg (db));
}

/* One transaction, one prepared statement per table; the search index is
 * rebuilt once at the end. */
static void
generate (const char *path,
          const char *user_id,
          guint       n_rows)
{
  static const char * const platforms[] = { "instagram", "facebook", "youtube", NULL };
  static const char * const actions[] = { "fetch_metrics", "refresh_token", "login", "fetch_media" };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  sqlite3 *db;
  sqlite3_stmt *stmt;

  check (sqlite3_open (path, &db), db);
  check (sqlite3_exec (db, "PRAGMA synchronous = OFF; BEGIN", NULL, NULL, NULL), db);
  check (sqlite3_prepare_v2 (db,
                             "INSERT INTO logs (id, user_id, platform, action, status, message, created_at)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", -1, &stmt, NULL), db);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_seconds (now, -60.0 - i * 7.0);
      g_autofree char *created_at = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
      char id[37], message[64];

      g_snprintf (id, sizeof id, "%08x-0000-7000-8000-%012x", n_rows - i, i);
      g_snprintf (message, sizeof message, "Generated row %u of the benchmark", i);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, user_id, -1, SQLITE_STATIC);
      if (platforms[i % 4] != NULL)
        sqlite3_bind_text (stmt, 3, platforms[i % 4], -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 3);
      sqlite3_bind_text (stmt, 4, actions[i % 4], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, i % 10 == 3 ? "failure" : "success", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, message, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, created_at, -1, SQLITE_TRANSIENT);
      check (sqlite3_step (stmt), db);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  check (sqlite3_exec (db, "INSERT INTO logs_fts (logs_fts) VALUES ('rebuild'); COMMIT; ANALYZE",
                       NULL, NULL, NULL), db);
  sqlite3_close (db);
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

/* The bare query, as a hand-written reader would run it: prepared once,
 * every column of the page read. */
static double
time_bare (sqlite3    *db,
           const char *sql,
           const char *user_id)
{
  double times[RUNS];
  sqlite3_stmt *stmt;

  check (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), db);
  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      guint n = 0;

      sqlite3_bind_text (stmt, 1, user_id, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < 10; c++)
            (void)sqlite3_column_text (stmt, c);
          n++;
        }
      sqlite3_reset (stmt);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpuint (n, ==, PAGE);
    }
  sqlite3_finalize (stmt);
  return median (times);
}

static double
time_model (MkLogModel        *model,
            const MkLogFilter *filter)
{
  double times[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      mk_log_model_set_filter (model, filter);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, PAGE);
    }
  return median (times);
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

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_type (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static double
scroll_rss_growth (MkContext *context)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pane = g_object_new (MK_TYPE_ACTIVITY_PANE, "context", context, NULL);
  GtkColumnView *view;
  GtkAdjustment *adjustment;
  GListModel *rows;
  double before;
  double after;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (window), pane);
  gtk_window_present (GTK_WINDOW (window));
  iterate (500);

  view = GTK_COLUMN_VIEW (find_type (pane, GTK_TYPE_COLUMN_VIEW));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  before = rss_mib ();

  /* A page at a time, as a person dragging the scrollbar would, until
   * 10,000 rows have gone by. */
  while (g_list_model_get_n_items (rows) < 10000)
    {
      gtk_adjustment_set_value (adjustment,
                                gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
      iterate (5);
    }
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  iterate (200);

  after = rss_mib ();
  gtk_window_destroy (GTK_WINDOW (window));
  return after - before;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *user_id = NULL;
  g_autoptr(MkContext) context = NULL;
  g_autoptr(MkLogModel) model = NULL;
  guint n_rows = argc > 1 ? (guint)atoi (argv[1]) : 1000000;
  MkLogFilter filter = { 0 };
  sqlite3 *db;
  double bare, ours;

  gtk_init ();
  adw_init ();

  dir = g_dir_make_tmp ("mediakit-bench-logs-XXXXXX", &error);
  g_assert_no_error (error);
  context = mk_context_new (dir, &error);
  g_assert_no_error (error);
  g_assert_true (mk_demo_fill (mk_context_get_store (context), &user_id, &error));
  db_path = g_strdup (mk_store_get_path (mk_context_get_store (context)));
  generate (db_path, user_id, n_rows);

  check (sqlite3_open (db_path, &db), db);
  model = mk_log_model_new (mk_context_get_store (context), PAGE);

  filter.user_id = user_id;
  bare = time_bare (db,
                    "SELECT id, user_id, platform, action, status, message, request_payload,"
                    " response_payload, ip_address, created_at FROM logs WHERE user_id = ?1"
                    " ORDER BY created_at DESC, id DESC LIMIT " G_STRINGIFY (PAGE), user_id);
  ours = time_model (model, &filter);
  printf ("bench log_first_page_vs_sqlite %.2f x\n", ours / bare);

  filter.platform = MK_PLATFORM_FACEBOOK;
  filter.has_status = TRUE;
  filter.status = MK_LOG_STATUS_SUCCESS;
  bare = time_bare (db,
                    "SELECT id, user_id, platform, action, status, message, request_payload,"
                    " response_payload, ip_address, created_at FROM logs WHERE user_id = ?1"
                    " AND platform = 'facebook' AND status = 'success'"
                    " ORDER BY created_at DESC, id DESC LIMIT " G_STRINGIFY (PAGE), user_id);
  ours = time_model (model, &filter);
  printf ("bench log_filter_vs_sqlite %.2f x\n", ours / bare);
  sqlite3_close (db);
  g_clear_object (&model);

  mk_context_set_user_id (context, user_id);
  printf ("bench log_scroll_rss_growth %.1f MiB\n", scroll_rss_growth (context));
  fflush (stdout);

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
  }
  return 0;
}
