/* test-metrics.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Metrics section under Xvfb: the cards show the newest snapshot and
 * the changes computed from history, the charts carry a text alternative
 * with the same figures and move with the arrow keys, a failed sync shows
 * beside its card, and the empty state leads to Preferences → Connections.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "mk-context.h"
#include "mk-export-format.h"
#include "mk-metrics-table.h"
#include "mk-preferences-window.h"
#include "mk-time.h"
#include "mk-users-table.h"
#include "mk-window.h"
#include "metrics/mk-bar-chart.h"
#include "metrics/mk-line-chart.h"
#include "metrics/mk-metrics-card.h"
#include "metrics/mk-metrics-pane.h"
#include "metrics/mk-metrics-summary.h"
#include "ui-test-app.h"

static AdwApplication *app;
static MkContext *context;
static char *user_id;
static char *empty_user_id;

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

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GtkWidget *
find_one (GtkWidget *widget,
          GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static MkMetricsCard *
find_card (GtkWidget  *pane,
           MkPlatform  platform)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  collect (pane, MK_TYPE_METRICS_CARD, cards);
  for (guint i = 0; i < cards->len; i++)
    if (mk_metrics_card_get_platform (g_ptr_array_index (cards, i)) == platform)
      return g_ptr_array_index (cards, i);

  return NULL;
}

static char *
days_ago (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);

  return mk_time_format_timestamp (then);
}

static char *
short_date (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);

  return g_date_time_format (then, "%-d %b");
}

static void
append (MkPlatform platform,
        int        age_days,
        gint64     followers,
        double     engagement)
{
  g_autoptr(MkMetricsSnapshot) snapshot = mk_metrics_snapshot_new ();
  g_autofree char *when = days_ago (age_days);
  g_autoptr(GError) error = NULL;

  mk_metrics_snapshot_set_user_id (snapshot, user_id);
  mk_metrics_snapshot_set_platform (snapshot, platform);
  mk_metrics_snapshot_set_follower_count (snapshot, followers);
  mk_metrics_snapshot_set_media_count (snapshot, 120);
  mk_metrics_snapshot_set_engagement_rate (snapshot, engagement);
  mk_metrics_snapshot_set_last_updated (snapshot, when);
  g_assert_true (mk_store_metrics_append (mk_context_get_store (context), snapshot, &error));
  g_assert_no_error (error);
}

static MkWindow *
open_metrics (void)
{
  MkWindow *window = mk_window_new (GTK_APPLICATION (app), context);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  mk_window_set_section (window, "metrics");
  gtk_window_present (GTK_WINDOW (window));
  settle (300);

  return window;
}

static gboolean
press (GtkWidget *widget,
       guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

static void
test_change_arithmetic (void)
{
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 change = 0;

  /* Daily, 10 days: 1000, 1010, … 1090 (newest). */
  for (int d = 9; d >= 0; d--)
    {
      MkMetricsSnapshot *s = mk_metrics_snapshot_new ();
      g_autofree char *when = days_ago (d);

      mk_metrics_snapshot_set_follower_count (s, 1000 + (9 - d) * 10);
      mk_metrics_snapshot_set_last_updated (s, when);
      g_ptr_array_add (history, s);
    }

  g_assert_true (mk_metrics_follower_change (history, 7, &change));
  g_assert_cmpint (change, ==, 70);
  g_assert_false (mk_metrics_follower_change (history, 30, &change));

  /* An unknown count at the reference point gives no figure, not a wrong one. */
  mk_metrics_snapshot_set_follower_count (g_ptr_array_index (history, 2), -1);
  g_assert_false (mk_metrics_follower_change (history, 7, &change));
}

static void
test_cards_and_charts (void)
{
  MkWindow *window = open_metrics ();
  GtkWidget *pane = find_one (GTK_WIDGET (window), MK_TYPE_METRICS_PANE);
  MkMetricsCard *instagram;
  MkMetricsCard *facebook;
  GtkWidget *line;
  GtkWidget *bar;
  g_autofree char *followers = mk_export_format_count (10390);
  g_autofree char *up_70 = NULL;
  g_autofree char *up_300 = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first_date = short_date (39);
  g_autofree char *last_date = short_date (0);
  g_autofree char *first_count = mk_export_format_count (10000);
  g_autofree char *change = mk_export_format_count (390);
  g_autofree char *rate = mk_export_format_rate (3.25);
  g_autofree char *selection = NULL;
  g_autofree char *bar_summary = NULL;

  g_assert_nonnull (pane);

  /* No YouTube card: neither connected nor any history. */
  instagram = find_card (pane, MK_PLATFORM_INSTAGRAM);
  facebook = find_card (pane, MK_PLATFORM_FACEBOOK);
  g_assert_nonnull (instagram);
  g_assert_nonnull (facebook);
  g_assert_null (find_card (pane, MK_PLATFORM_YOUTUBE));

  g_assert_cmpstr (mk_metrics_card_get_followers_text (instagram), ==, followers);
  up_70 = g_strdup_printf ("▲ %s in 7 days", "70");
  up_300 = g_strdup_printf ("▲ %s in 30 days", "300");
  g_assert_cmpstr (mk_metrics_card_get_change_text (instagram, 7), ==, up_70);
  g_assert_cmpstr (mk_metrics_card_get_change_text (instagram, 30), ==, up_300);
  g_assert_cmpstr (mk_metrics_card_get_updated_text (instagram), ==, "Updated just now");

  /* Facebook lost followers over 7 days and has no 30 days of history. */
  g_assert_cmpstr (mk_metrics_card_get_change_text (facebook, 7), ==, "▼ 50 in 7 days");
  g_assert_cmpstr (mk_metrics_card_get_change_text (facebook, 30), ==, "— in 30 days");

  /* The line chart's text alternative has the first and last values. */
  line = find_one (pane, MK_TYPE_LINE_CHART);
  g_assert_nonnull (line);
  g_assert_cmpuint (mk_line_chart_get_n_series (MK_LINE_CHART (line)), ==, 2);
  summary = mk_line_chart_dup_summary (MK_LINE_CHART (line));
  expected = g_strdup_printf ("Instagram: %s followers on %s, %s on %s, up %s.",
                              first_count, first_date, followers, last_date, change);
  g_assert_nonnull (strstr (summary, expected));
  g_assert_nonnull (strstr (summary, "Facebook: 550 followers on"));
  g_assert_nonnull (strstr (summary, "down 50."));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (line), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
  g_assert_true (gtk_widget_get_focusable (line));

  /* Keyboard: focus selects the newest point; Left goes one day back, Down
   * to the next series, Home to its first point. */
  gtk_widget_grab_focus (line);
  /* Focus enters once the window is active, which on a loaded machine can
   * take longer than a frame or two: wait for it, up to two seconds. */
  for (guint waited = 0; waited < 2000 && selection == NULL; waited += 20)
    {
      settle (20);
      selection = mk_line_chart_dup_selection_text (MK_LINE_CHART (line));
    }
  g_assert_nonnull (selection);
  g_assert_nonnull (strstr (selection, followers));
  g_clear_pointer (&selection, g_free);

  g_assert_true (press (line, GDK_KEY_Left));
  selection = mk_line_chart_dup_selection_text (MK_LINE_CHART (line));
  {
    g_autofree char *prev = mk_export_format_count (10380);
    g_assert_nonnull (strstr (selection, prev));
  }
  g_clear_pointer (&selection, g_free);

  g_assert_true (press (line, GDK_KEY_Down));
  g_assert_true (press (line, GDK_KEY_Home));
  selection = mk_line_chart_dup_selection_text (MK_LINE_CHART (line));
  g_assert_true (g_str_has_prefix (selection, "Facebook, "));
  g_assert_true (g_str_has_suffix (selection, ": 550 followers"));
  g_clear_pointer (&selection, g_free);

  /* The bar chart: the stored rate of each platform. */
  bar = find_one (pane, MK_TYPE_BAR_CHART);
  g_assert_nonnull (bar);
  g_assert_cmpuint (mk_bar_chart_get_n_bars (MK_BAR_CHART (bar)), ==, 2);
  bar_summary = mk_bar_chart_dup_summary (MK_BAR_CHART (bar));
  {
    g_autofree char *part = g_strdup_printf ("Instagram: %s.", rate);
    g_assert_nonnull (strstr (bar_summary, part));
  }
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, bar_summary);
  gtk_widget_grab_focus (bar);
  /* As for the line chart: the key goes to the bar chart once it has the
   * focus, which can take more than a frame on a loaded machine. */
  for (guint waited = 0; waited < 2000 && !gtk_widget_has_focus (bar); waited += 20)
    settle (20);
  g_assert_true (gtk_widget_has_focus (bar));
  g_assert_true (press (bar, GDK_KEY_Down));
  selection = mk_bar_chart_dup_selection_text (MK_BAR_CHART (bar));
  g_assert_true (g_str_has_prefix (selection, "Facebook: "));
  g_clear_pointer (&selection, g_free);

  /* The period toggle redraws the chart from less history. */
  g_assert_true (gtk_widget_activate_action (pane, "metrics.range-days", "i", 30));
  g_clear_pointer (&summary, g_free);
  summary = mk_line_chart_dup_summary (MK_LINE_CHART (find_one (pane, MK_TYPE_LINE_CHART)));
  g_assert_null (strstr (summary, first_count));

  /* A failed sync says why beside the card, and keeps the figures. */
  {
    MkSyncService *sync = mk_context_get_sync_service (context);
    MkSyncStatus *status;

    g_assert_nonnull (sync);
    status = mk_sync_service_get_status (sync, MK_PLATFORM_INSTAGRAM);
    mk_sync_status_set_message (status, "Instagram could not be reached");
    mk_sync_status_set_state (status, MK_SYNC_STATE_FAILED);
    instagram = find_card (pane, MK_PLATFORM_INSTAGRAM);
    g_assert_cmpstr (mk_metrics_card_get_error_text (instagram), ==, "Instagram could not be reached");
    g_assert_cmpstr (mk_metrics_card_get_followers_text (instagram), ==, followers);
    mk_sync_status_set_state (status, MK_SYNC_STATE_DONE);
    g_assert_null (mk_metrics_card_get_error_text (instagram));

    /* While the platform syncs, its card shows how far it got. */
    {
      GtkWidget *progress = find_one (GTK_WIDGET (instagram), GTK_TYPE_PROGRESS_BAR);

      g_assert_nonnull (progress);
      g_assert_false (gtk_widget_get_visible (progress));
      mk_sync_status_set_state (status, MK_SYNC_STATE_SYNCING);
      mk_sync_status_set_progress (status, 0.5);
      g_assert_true (gtk_widget_get_visible (progress));
      g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (progress)), ==, 0.5);
      mk_sync_status_set_state (status, MK_SYNC_STATE_DONE);
      g_assert_false (gtk_widget_get_visible (progress));
    }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
}

static GtkWidget *
find_label_with_prefix (GtkWidget  *widget,
                        const char *prefix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_label (g_ptr_array_index (labels, i)), prefix))
      return g_ptr_array_index (labels, i);

  return NULL;
}

/* F5 and Ctrl+R run a sync; with nothing connected it says so beside the
 * Refresh button. */
static void
test_refresh_shortcut (void)
{
  MkWindow *window = open_metrics ();
  GtkWidget *pane = find_one (GTK_WIDGET (window), MK_TYPE_METRICS_PANE);
  GtkShortcut *refresh = NULL;
  GListModel *controllers = gtk_widget_observe_controllers (pane);

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && refresh == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (strstr (trigger, "F5") != NULL && strstr (trigger, "<Control>r") != NULL)
            refresh = g_object_ref (shortcut);
        }
    }
  g_object_unref (controllers);

  g_assert_nonnull (refresh);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (refresh), 0, pane, NULL));
  for (guint i = 0; i < 100 && find_label_with_prefix (pane, "No platform is connected") == NULL; i++)
    settle (20);
  g_assert_nonnull (find_label_with_prefix (pane, "No platform is connected"));

  /* Not while another section shows: the key goes on to others. */
  mk_window_set_section (window, "calendar");
  settle (100);
  g_assert_false (gtk_widget_get_mapped (pane));
  g_assert_false (gtk_shortcut_action_activate (gtk_shortcut_get_action (refresh), 0, pane, NULL));
  g_object_unref (refresh);

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
}

static void
test_engagement_method_setting (void)
{
  MkWindow *window = open_metrics ();
  GtkWidget *pane = find_one (GTK_WIDGET (window), MK_TYPE_METRICS_PANE);
  GSettings *settings = mk_context_get_settings (context);
  g_autofree char *method = NULL;

  g_settings_set_string (settings, "engagement-formula", "mean");
  g_object_get (pane, "engagement-method", &method, NULL);
  g_assert_cmpstr (method, ==, "mean");
  g_clear_pointer (&method, g_free);

  g_assert_true (gtk_widget_activate_action (pane, "metrics.engagement-method", "s", "median"));
  method = g_settings_get_string (settings, "engagement-formula");
  g_assert_cmpstr (method, ==, "median");

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
}

static void
test_empty_state (void)
{
  MkWindow *window;
  GtkWidget *pane;
  GtkWidget *status_page;
  GtkWidget *button;
  MkPreferencesWindow *prefs = NULL;

  mk_context_set_user_id (context, empty_user_id);
  window = open_metrics ();
  pane = find_one (GTK_WIDGET (window), MK_TYPE_METRICS_PANE);
  g_assert_null (find_card (pane, MK_PLATFORM_INSTAGRAM));

  status_page = find_one (pane, ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status_page);
  g_assert_true (gtk_widget_get_mapped (status_page));

  button = find_one (status_page, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-connections");
  g_assert_true (gtk_widget_is_sensitive (button));
  /* A button clicks 250 ms after its activation, as on a key press. */
  g_assert_true (gtk_widget_activate (button));
  settle (500);

  {
    g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (MK_IS_PREFERENCES_WINDOW (toplevel))
          prefs = MK_PREFERENCES_WINDOW (toplevel);
      }
  }

  g_assert_nonnull (prefs);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (prefs)), ==, "connections");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (window));

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
  mk_context_set_user_id (context, user_id);
}

static char *
add_user (const char *email)
{
  g_autoptr(MkUser) user = mk_user_new ();
  g_autoptr(GError) error = NULL;

  mk_user_set_email (user, email);
  mk_user_set_password_hash (user, "!");
  g_assert_true (mk_store_users_insert (mk_context_get_store (context), user, &error));
  g_assert_no_error (error);

  return g_strdup (mk_user_get_id (user));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  int ret;

  /* The test AT context records accessible properties, so the charts' text
   * alternative can be read back (the suite's default, "none", does not). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  app = ui_test_app_new (&argc, &argv, "io.github.mediakit.Mediakit.TestMetrics");

  data_dir = g_dir_make_tmp ("mediakit-test-metrics-XXXXXX", &error);
  g_assert_no_error (error);
  context = mk_context_new (data_dir, &error);
  g_assert_no_error (error);

  user_id = add_user ("metrics@example.com");
  empty_user_id = add_user ("nothing@example.com");
  mk_context_set_user_id (context, user_id);

  /* Instagram: 40 days, +10 a day, ending at 10,390 now. Facebook: 5 days,
   * 550 → 500. */
  for (int d = 39; d >= 0; d--)
    append (MK_PLATFORM_INSTAGRAM, d, 10000 + (39 - d) * 10, 3.25);
  for (int d = 7; d >= 0; d--)
    append (MK_PLATFORM_FACEBOOK, d, d == 7 ? 550 : 500, 1.5);

  g_test_add_func ("/ui/metrics/change-arithmetic", test_change_arithmetic);
  g_test_add_func ("/ui/metrics/cards-and-charts", test_cards_and_charts);
  g_test_add_func ("/ui/metrics/engagement-method-setting", test_engagement_method_setting);
  g_test_add_func ("/ui/metrics/refresh-shortcut", test_refresh_shortcut);
  g_test_add_func ("/ui/metrics/empty-state", test_empty_state);
  ret = g_test_run ();

  g_clear_object (&context);
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  g_free (user_id);
  g_free (empty_user_id);

  return ret;
}
