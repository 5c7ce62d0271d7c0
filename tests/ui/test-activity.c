/* test-activity.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Activity section under Xvfb, on the demo workspace: rows listed newest
 * first, filtering to failures through the filter popover's dropdown, a new
 * row appearing live, a row's details window, signing out.
 *
 * MK_TEST_SNAPSHOT=dir writes activity.png and details.png there to look at
 * (MK_TEST_SIZE=360x700 for the narrow window).
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "mk-activity-details.h"
#include "mk-activity-labels.h"
#include "mk-context.h"
#include "mk-demo.h"
#include "mk-window.h"
#include "ui-test-app.h"

static AdwApplication *app;
static MkContext *context;
static char *data_dir;
static char *user_id;

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
find_named (GtkWidget  *widget,
            GType       type,
            const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (widget), name) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, type, name);

      if (found != NULL)
        return found;
    }

  /* A menu button's popover is its child too, but say so plainly. */
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)) != NULL)
    return find_named (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget))), type, name);

  return NULL;
}

static void
save_snapshot (GtkWidget  *widget,
               const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_save_to_png (texture, path);
}

static void
maybe_snapshot (GtkWidget  *widget,
                const char *name)
{
  const char *dir = g_getenv ("MK_TEST_SNAPSHOT");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  save_snapshot (widget, path);
}

/* A label showing exactly @text under @widget, a mapped one if @mapped. */
static GtkWidget *
find_label_full (GtkWidget  *widget,
                 const char *text,
                 gboolean    mapped)
{
  if (GTK_IS_LABEL (widget) && (!mapped || gtk_widget_get_mapped (widget)) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_full (child, text, mapped);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  return find_label_full (widget, text, TRUE);
}

static GtkColumnViewColumn *
find_column (GtkColumnView *view,
             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  return NULL;
}

static MkActivityDetails *
find_details (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  MkActivityDetails *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (MK_IS_ACTIVITY_DETAILS (l->data))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

static void
test_activity_pane (void)
{
  MkWindow *window = mk_window_new (GTK_APPLICATION (app), context);
  GtkColumnView *view;
  GtkDropDown *status;
  GListModel *rows;
  MkActivityDetails *details;
  g_autofree char *request = NULL;
  guint n_all;
  int width = 1100, height = 760;

  if (g_getenv ("MK_TEST_SIZE") != NULL)
    sscanf (g_getenv ("MK_TEST_SIZE"), "%dx%d", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  mk_window_set_section (window, "activity");
  settle (300);

  view = GTK_COLUMN_VIEW (find_named (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL));
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  rows = G_LIST_MODEL (gtk_column_view_get_model (view));

  /* The demo's 40 rows, newest first, of both kinds. */
  n_all = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n_all, ==, 40);
  {
    g_autoptr(MkLogEntry) first = g_list_model_get_item (rows, 0);
    g_autoptr(MkLogEntry) second = g_list_model_get_item (rows, 1);

    g_assert_cmpstr (mk_log_entry_get_created_at (first), >, mk_log_entry_get_created_at (second));
  }
  maybe_snapshot (GTK_WIDGET (window), "activity.png");

  /* Actions read as words; the codes are for filters and exports. */
  g_assert_nonnull (find_label (GTK_WIDGET (view), "Fetched metrics"));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "Signed in"));
  g_assert_null (find_label (GTK_WIDGET (view), "fetch_metrics"));
  g_assert_null (find_label (GTK_WIDGET (view), "login"));

  /* The action filter still works on codes, while it shows words. */
  {
    GtkDropDown *action = GTK_DROP_DOWN (find_named (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, "action-filter"));
    GListModel *choices = gtk_drop_down_get_model (action);
    guint found = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "fetch_metrics") == 0)
        found = i;
    g_assert_cmpuint (found, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (action, found);
    settle (100);
    g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
    g_assert_cmpuint (g_list_model_get_n_items (rows), <, n_all);
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(MkLogEntry) entry = g_list_model_get_item (rows, i);

        g_assert_cmpstr (mk_log_entry_get_action (entry), ==, "fetch_metrics");
      }
    /* The button (in the closed filter popover) shows the chosen action in words. */
    g_assert_nonnull (find_label_full (GTK_WIDGET (action), "Fetched metrics", FALSE));
    g_assert_null (find_label_full (GTK_WIDGET (action), "fetch_metrics", FALSE));
    gtk_drop_down_set_selected (action, 0);
    settle (100);
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_all);
  }

  /* Failures only, through the dropdown a person would use. */
  status = GTK_DROP_DOWN (find_named (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, "status-filter"));
  g_assert_nonnull (status);
  gtk_drop_down_set_selected (status, 2);
  settle (100);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, n_all);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(MkLogEntry) entry = g_list_model_get_item (rows, i);

      g_assert_cmpint (mk_log_entry_get_status (entry), ==, MK_LOG_STATUS_FAILURE);
    }

  /* A failure written now shows at the top at once; a success does not. */
  {
    guint before = g_list_model_get_n_items (rows);
    g_autoptr(MkLogEntry) top = NULL;

    g_assert_true (mk_store_log (mk_context_get_store (context), user_id, MK_PLATFORM_FACEBOOK,
                                 "fetch_metrics", MK_LOG_STATUS_SUCCESS, "ok", NULL, NULL, NULL, NULL));
    g_assert_true (mk_store_log (mk_context_get_store (context), user_id, MK_PLATFORM_FACEBOOK,
                                 "fetch_metrics", MK_LOG_STATUS_FAILURE, "Live failure",
                                 "{\"fields\": \"followers_count\", \"access_token\": \"EAAB-secret\"}",
                                 "{\"error\": {\"code\": 4}}", "192.0.2.9", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, before + 1);
    top = g_list_model_get_item (rows, 0);
    g_assert_cmpstr (mk_log_entry_get_message (top), ==, "Live failure");
  }
  settle (100);

  /* Activating the row opens its details. */
  g_signal_emit_by_name (view, "activate", 0);
  settle (300);
  details = find_details ();
  g_assert_nonnull (details);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (details)));
  g_assert_cmpstr (mk_log_entry_get_message (mk_activity_details_get_entry (details)), ==, "Live failure");
  request = mk_activity_details_get_payload_text (details, FALSE);
  /* Pretty-printed (one member per line) and redacted. */
  g_assert_nonnull (strstr (request, "\n  \"fields\" : \"followers_count\""));
  g_assert_null (strstr (request, "EAAB-secret"));
  maybe_snapshot (GTK_WIDGET (details), "details.png");
  gtk_window_destroy (GTK_WINDOW (details));

  /* Signed out: no rows of anyone. */
  mk_context_set_user_id (context, NULL);
  settle (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 0);
  mk_context_set_user_id (context, user_id);
  settle (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
}

/* Every action code the app writes (grep the sources for mk_store_log,
 * log_row, write_log, write_logged, replace and request.action) has words. */
static void
test_action_labels (void)
{
  static const char * const codes[] = {
    "signup", "login", "logout", "lock", "change_password", "delete_account",
    "connect", "disconnect", "refresh_token", "oauth_token", "oauth_refresh",
    "device_code", "device_poll", "choose_page",
    "fetch_identity", "fetch_metrics", "fetch_media", "fetch_pages", "fetch_thumbnail",
    "update_calendar", "import_reviews", "add_review", "edit_review", "update_review",
    "delete_review", "restore_review", "publish_review", "unpublish_review",
    "verify_review", "unverify_review", "update_profile", "export",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      const char *label = mk_activity_action_label (codes[i]);

      g_test_message ("%s -> %s", codes[i], label);
      g_assert_true (mk_activity_action_has_label (codes[i]));
      g_assert_cmpstr (label, !=, codes[i]);
      g_assert_null (strchr (label, '_'));
    }
  g_assert_cmpstr (mk_activity_action_label ("fetch_metrics"), ==, "Fetched metrics");
  g_assert_cmpstr (mk_activity_action_label ("update_calendar"), ==, "Calendar changed");
  g_assert_cmpstr (mk_activity_action_label ("login"), ==, "Signed in");
  /* A code from a newer version still shows something. */
  g_assert_false (mk_activity_action_has_label ("teleport"));
  g_assert_cmpstr (mk_activity_action_label ("teleport"), ==, "teleport");
}

/* TZ=UTC in the test environment, so local time is UTC here. */
static void
test_time_format (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-11-24T20:00:00Z", NULL);
  g_autofree char *today = mk_activity_format_time_at ("2026-11-24T18:20:05Z", now);
  g_autofree char *yesterday = mk_activity_format_time_at ("2026-11-23T18:20:05Z", now);
  g_autofree char *first = mk_activity_format_time_at ("2026-11-01T08:05:00Z", now);
  g_autofree char *last_year = mk_activity_format_time_at ("2025-12-01T08:05:00Z", now);
  g_autofree char *full = mk_activity_format_time_full ("2026-11-01T08:05:09Z");
  g_autofree char *broken = mk_activity_format_time_at ("not a time", now);

  g_assert_cmpstr (today, ==, "18:20");
  g_assert_cmpstr (yesterday, ==, "Nov 23, 18:20");
  /* No padding before a one-digit day. */
  g_assert_cmpstr (first, ==, "Nov 1, 08:05");
  g_assert_cmpstr (last_year, ==, "Dec 1, 2025, 08:05");
  g_assert_cmpstr (full, ==, "Sunday, Nov 1, 2026, 08:05:09");
  g_assert_cmpstr (broken, ==, "not a time");
}

/* At 360 px each row is two lines in one column, nothing cut off; the
 * columns come back when the window is wide again. */
static void
test_narrow (void)
{
  MkWindow *window = mk_window_new (GTK_APPLICATION (app), context);
  GtkColumnView *view;
  GtkColumnViewColumn *message, *platform, *two_line;
  graphene_rect_t bounds;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  gtk_window_present (GTK_WINDOW (window));
  mk_window_set_section (window, "activity");
  settle (300);

  view = GTK_COLUMN_VIEW (find_named (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL));
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  message = find_column (view, "Message");
  platform = find_column (view, "Platform");
  two_line = find_column (view, "Activity");
  g_assert_nonnull (message);
  g_assert_nonnull (platform);
  g_assert_nonnull (two_line);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);

  g_assert_false (gtk_column_view_column_get_visible (message));
  g_assert_false (gtk_column_view_column_get_visible (platform));
  g_assert_true (gtk_column_view_column_get_visible (two_line));
  /* The table fits the window. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (view), GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)));
  /* The words of a row, and its message, are there to read. */
  {
    g_autoptr(MkLogEntry) first = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), 0);

    g_assert_nonnull (find_label (GTK_WIDGET (view), mk_activity_action_label (mk_log_entry_get_action (first))));
    g_assert_nonnull (find_label (GTK_WIDGET (view), mk_log_entry_get_message (first)));
  }
  maybe_snapshot (GTK_WIDGET (window), "activity-narrow.png");

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);

  window = mk_window_new (GTK_APPLICATION (app), context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  mk_window_set_section (window, "activity");
  settle (300);
  view = GTK_COLUMN_VIEW (find_named (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL));
  g_assert_true (gtk_column_view_column_get_visible (find_column (view, "Message")));
  g_assert_false (gtk_column_view_column_get_visible (find_column (view, "Activity")));

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
}

static void
remove_data_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (data_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (data_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  app = ui_test_app_new (&argc, &argv, "io.github.mediakit.Mediakit.TestActivity");

  data_dir = g_dir_make_tmp ("mediakit-test-activity-XXXXXX", &error);
  g_assert_no_error (error);
  context = mk_context_new (data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (mk_demo_fill (mk_context_get_store (context), &user_id, &error));
  g_assert_no_error (error);
  mk_context_set_user_id (context, user_id);

  g_test_add_func ("/activity/pane", test_activity_pane);
  g_test_add_func ("/activity/action-labels", test_action_labels);
  g_test_add_func ("/activity/time-format", test_time_format);
  g_test_add_func ("/activity/narrow", test_narrow);
  ret = g_test_run ();

  g_clear_object (&context);
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  remove_data_dir ();
  g_free (data_dir);
  g_free (user_id);

  return ret;
}
