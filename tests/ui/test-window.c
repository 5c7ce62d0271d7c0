/* test-window.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window shell under Xvfb: sections, saved state, the narrow layout,
 * labels on every button, preferences, About, the shortcuts window and
 * MEDIAKIT_QUIT_AFTER_FIRST_FRAME.
 *
 * To look at it instead: MK_TEST_KEEP_OPEN=1 keeps a window up and runs no
 * test; MK_TEST_SECTION=reviews picks the section, MK_TEST_SIZE=360x700 the
 * size, MK_TEST_OPEN=preferences|about|shortcuts|menu opens that window too
 * (MK_TEST_PAGE=sync picks a preferences page), MK_TEST_STYLE=dark sets the
 * color-scheme key, and MK_TEST_SNAPSHOT=out.png writes what the window shows to a PNG and quits.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "mk-about.h"
#include "mk-context.h"
#include "mk-pane.h"
#include "mk-preferences-window.h"
#include "mk-window.h"
#include "ui-test-app.h"

static AdwApplication *app;
static MkContext *context;
static char *data_dir;

static const char * const sections[] = {
  "calendar", "portfolio", "metrics", "reviews", "activity", NULL
};

/* Helpers */

typedef gboolean (*Condition) (gpointer data);

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @condition holds or @timeout_ms pass. */
static gboolean
run_until (Condition condition,
           gpointer  data,
           guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return condition (data);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Lets a few frames and configure events go by. */
static void
settle (guint ms)
{
  run_until (never, NULL, ms);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static MkWindow *
open_window (int width,
             int height)
{
  MkWindow *window = mk_window_new (GTK_APPLICATION (app), context);

  g_assert_nonnull (window);

  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (run_until (is_mapped, window, 5000));

  return window;
}

static void
close_all_windows (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  while (windows != NULL)
    {
      gtk_window_destroy (windows->data);
      windows = gtk_application_get_windows (GTK_APPLICATION (app));
    }

  settle (50);
}

static void
reset_settings (void)
{
  GSettings *settings = mk_context_get_settings (context);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);

  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static void
assert_setting_string (const char *key,
                       const char *expected)
{
  g_autofree char *value = g_settings_get_string (mk_context_get_settings (context), key);

  g_assert_cmpstr (value, ==, expected);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static gboolean
has_label_descendant (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && has_text (gtk_label_get_text (GTK_LABEL (widget))))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_descendant (child))
      return TRUE;

  return FALSE;
}

static gboolean
has_accessible_label (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* A button says what it does with its own text, a label inside, a tooltip
 * or an accessible label; an icon-only button (icon-name set) needs both a
 * tooltip and an accessible label. */
static void
assert_buttons_labelled (GtkWidget *widget,
                         guint     *n_buttons)
{
  if (!gtk_widget_get_visible (widget))
    return;

  /* GTK labels the − and + of a spin button itself ("Decrease", "Increase"),
   * without tooltips; the keyboard uses the entry. */
  if (GTK_IS_SPIN_BUTTON (widget))
    return;

  if (GTK_IS_MENU_BUTTON (widget) || GTK_IS_BUTTON (widget))
    {
      const char *icon_name;
      const char *label;
      const char *tooltip = gtk_widget_get_tooltip_text (widget);
      const char *what = G_OBJECT_TYPE_NAME (widget);

      if (GTK_IS_MENU_BUTTON (widget))
        {
          icon_name = gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));
          label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
        }
      else
        {
          icon_name = gtk_button_get_icon_name (GTK_BUTTON (widget));
          label = gtk_button_get_label (GTK_BUTTON (widget));
        }

      if (has_text (icon_name) && !has_text (label))
        {
          if (!has_text (tooltip) || !has_accessible_label (widget))
            g_error ("Icon-only %s (%s) lacks a tooltip or an accessible label", what, icon_name);
        }
      else if (!has_text (label) && !has_text (tooltip) &&
               !has_accessible_label (widget) && !has_label_descendant (widget))
        {
          g_error ("%s has no label, tooltip or accessible label", what);
        }

      (*n_buttons)++;

      /* The toggle button inside a menu button is labelled by it. */
      if (GTK_IS_MENU_BUTTON (widget))
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_buttons_labelled (child, n_buttons);
}

static GtkShortcut *
find_shortcut (GtkWidget  *widget,
               const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accel))
            return g_steal_pointer (&shortcut);
        }
    }

  return NULL;
}

/* Tests */

/* What the resource base path would have brought, mk_display_style_init()
 * brings: the icon theme has Mediakit's icons, after libadwaita's, from
 * one path given once; and the style sheet is in (its pane border). */
static void
test_display_style (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GtkIconTheme *icon_theme = gtk_icon_theme_get_for_display (display);
  g_auto(GStrv) paths = gtk_icon_theme_get_resource_path (icon_theme);
  g_autoptr(GtkWidget) settings = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  g_autoptr(GtkWidget) plain = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  int settings_width, plain_width;
  guint ours = 0, adwaita = G_MAXUINT;

  g_assert_null (g_application_get_resource_base_path (G_APPLICATION (app)));
  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (g_str_equal (paths[i], "/org/gnome/Adwaita/icons"))
        adwaita = i;
      if (g_str_has_prefix (paths[i], RESOURCE_PREFIX))
        {
          g_assert_cmpstr (paths[i], ==, RESOURCE_PREFIX "/icons");
          g_assert_cmpuint (i, >, adwaita);
          ours++;
        }
    }
  g_assert_cmpuint (ours, ==, 1);
  g_assert_true (gtk_icon_theme_has_icon (icon_theme, BASE_APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (icon_theme, "mk-instagram-symbolic"));

  /* style.css gives the export dialog's settings column a 1 px border. */
  gtk_widget_add_css_class (settings, "mk-export-settings");
  gtk_widget_measure (settings, GTK_ORIENTATION_HORIZONTAL, -1, &settings_width, NULL, NULL, NULL);
  gtk_widget_measure (plain, GTK_ORIENTATION_HORIZONTAL, -1, &plain_width, NULL, NULL, NULL);
  g_assert_cmpint (settings_width, ==, plain_width + 1);
}

static void
test_window_sections (void)
{
  GtkIconTheme *icon_theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_auto(GStrv) icon_paths = gtk_icon_theme_get_resource_path (icon_theme);
  MkWindow *window = open_window (-1, -1);

  if (g_str_equal (PROFILE, "development"))
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"));
  else
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"));

  g_assert_cmpstr (mk_window_get_section (window), ==, "calendar");

  /* Alt+1…Alt+5, as the keyboard would trigger them. */
  for (guint i = 0; sections[i] != NULL; i++)
    {
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      g_autoptr(GtkShortcut) shortcut = find_shortcut (GTK_WIDGET (window), accel);
      GtkWidget *pane;
      GtkWidget *stack;
      AdwStatusPage *status_page;

      g_assert_nonnull (shortcut);
      g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                   GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                   GTK_WIDGET (window),
                                                   gtk_shortcut_get_arguments (shortcut)));
      g_assert_cmpstr (mk_window_get_section (window), ==, sections[i]);

      settle (30);

      /* Panes are built when their section is first shown: the visible
       * page holds one now. */
      stack = find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
      g_assert_nonnull (stack);
      pane = find_descendant (adw_view_stack_get_visible_child (ADW_VIEW_STACK (stack)), MK_TYPE_PANE);
      g_assert_nonnull (pane);
      g_assert_true (gtk_widget_get_mapped (pane));
      g_assert_cmpstr (mk_pane_get_id (MK_PANE (pane)), ==, sections[i]);
      g_assert_true (has_text (mk_pane_get_title (MK_PANE (pane))));
      g_assert_true (has_text (mk_pane_get_icon_name (MK_PANE (pane))));

      status_page = ADW_STATUS_PAGE (find_descendant (pane, ADW_TYPE_STATUS_PAGE));
      g_assert_nonnull (status_page);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status_page)));
      g_assert_true (has_text (adw_status_page_get_title (status_page)));
      g_assert_true (has_text (adw_status_page_get_description (status_page)));
      g_assert_true (has_text (adw_status_page_get_icon_name (status_page)));
    }

  /* The panes' own icons come from the path mk_display_style_init() gave
   * the icon theme at start-up; a pane adding one later would make GTK read
   * the whole theme again on the main thread. */
  {
    static const char * const icons[] = { "mk-instagram-symbolic", "mk-facebook-symbolic",
                                          "mk-youtube-symbolic", "mk-tiktok-symbolic",
                                          "mk-filter-symbolic", "mk-upload-symbolic", NULL };
    g_auto(GStrv) paths_now = gtk_icon_theme_get_resource_path (icon_theme);

    g_assert_true (g_strv_equal ((const char * const *) icon_paths, (const char * const *) paths_now));
    for (guint i = 0; icons[i] != NULL; i++)
      g_assert_true (gtk_icon_theme_has_icon (icon_theme, icons[i]));
  }

  /* The other ways in: by name, from C and as an action. */
  mk_window_set_section (window, "portfolio");
  g_assert_cmpstr (mk_window_get_section (window), ==, "portfolio");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "metrics"));
  g_assert_cmpstr (mk_window_get_section (window), ==, "metrics");

  mk_window_add_toast (window, adw_toast_new ("Toast"));
  settle (30);

  close_all_windows ();
  reset_settings ();
}

static void
test_window_last_section (void)
{
  MkWindow *window = open_window (-1, -1);

  mk_window_set_section (window, "reviews");
  assert_setting_string ("last-section", "reviews");
  close_all_windows ();

  window = open_window (-1, -1);
  g_assert_cmpstr (mk_window_get_section (window), ==, "reviews");
  assert_setting_string ("last-section", "reviews");
  close_all_windows ();

  reset_settings ();
}

static void
test_window_size_saved (void)
{
  GSettings *settings = mk_context_get_settings (context);
  MkWindow *window;
  int width;
  int height;

  /* The defaults first. */
  window = mk_window_new (GTK_APPLICATION (app), context);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1100);
  g_assert_cmpint (height, ==, 760);
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_window (900, 700);
  settle (100);

  gtk_window_close (GTK_WINDOW (window));
  settle (30);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* …and restored. */
  window = mk_window_new (GTK_APPLICATION (app), context);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 700);
  gtk_window_destroy (GTK_WINDOW (window));

  reset_settings ();
}

typedef struct {
  AdwViewSwitcherBar *bar;
  gboolean            reveal;
} RevealWait;

static gboolean
is_revealed_as_expected (gpointer data)
{
  RevealWait *wait = data;

  return adw_view_switcher_bar_get_reveal (wait->bar) == wait->reveal;
}

/* The window's own width is the surface's minus the frame GTK draws around
 * it, so a window asked to be W wide is at most W wide. */
static void
assert_fits (MkWindow *window,
             int       width,
             int       height)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  int min_width;
  int min_height;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, width);
  g_assert_cmpint (min_height, <=, height);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
  g_assert_cmpint (gtk_widget_get_width (content), >=, width - 20);
}

static void
check_switcher_bar (int      width,
                    int      height,
                    gboolean reveal)
{
  MkWindow *window = open_window (width, height);
  RevealWait wait = { NULL, reveal };
  AdwViewSwitcherTitle *title;

  wait.bar = ADW_VIEW_SWITCHER_BAR (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR));
  title = ADW_VIEW_SWITCHER_TITLE (find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_assert_nonnull (wait.bar);
  g_assert_nonnull (title);

  /* Let the allocation settle before judging, so a FALSE is not just the
   * state before the first layout. */
  run_until (is_revealed_as_expected, &wait, 5000);
  settle (200);

  assert_fits (window, width, height);
  g_assert_cmpint (adw_view_switcher_bar_get_reveal (wait.bar), ==, reveal);
  g_assert_cmpint (adw_view_switcher_title_get_title_visible (title), ==, reveal);

  /* Every section fits: the window did not grow past the requested width. */
  for (guint i = 0; sections[i] != NULL; i++)
    {
      mk_window_set_section (window, sections[i]);
      settle (20);
      assert_fits (window, width, height);
    }

  close_all_windows ();
  reset_settings ();
}

static void
test_window_narrow (void)
{
  check_switcher_bar (360, 600, TRUE);
}

static void
test_window_wide (void)
{
  check_switcher_bar (1100, 760, FALSE);
}

static void
test_window_buttons_labelled (void)
{
  MkWindow *window = open_window (-1, -1);
  guint n_buttons = 0;

  for (guint i = 0; sections[i] != NULL; i++)
    {
      mk_window_set_section (window, sections[i]);
      settle (20);
      assert_buttons_labelled (GTK_WIDGET (window), &n_buttons);
    }

  /* At least the menu button and the five switcher buttons, each time. */
  g_assert_cmpuint (n_buttons, >=, 5 * 6);

  close_all_windows ();
  reset_settings ();
}

static void
test_window_help_overlay (void)
{
  MkWindow *window = open_window (-1, -1);
  g_autoptr(GtkShortcut) shortcut = find_shortcut (GTK_WIDGET (window), "<Control>question");
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  GtkWidget *overlay = NULL;

  /* Built on demand: no shortcuts window exists before it is asked for. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);
      g_assert_false (GTK_IS_SHORTCUTS_WINDOW (item));
    }

  g_assert_nonnull (shortcut);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                               GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                               GTK_WIDGET (window),
                                               gtk_shortcut_get_arguments (shortcut)));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && overlay == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);
      if (GTK_IS_SHORTCUTS_WINDOW (item))
        overlay = GTK_WIDGET (item);
    }
  g_assert_nonnull (overlay);
  g_assert_true (run_until (is_mapped, overlay, 5000));
  gtk_window_destroy (GTK_WINDOW (overlay));

  close_all_windows ();
  reset_settings ();
}

static void
test_window_preferences (void)
{
  GSettings *settings = mk_context_get_settings (context);
  MkWindow *window = open_window (-1, -1);
  MkPreferencesWindow *preferences;
  AdwComboRow *row;
  GtkSpinButton *spin;
  guint n_buttons = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.preferences", NULL));

  preferences = NULL;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (MK_IS_PREFERENCES_WINDOW (l->data))
      preferences = l->data;
  g_assert_nonnull (preferences);
  g_assert_true (run_until (is_mapped, preferences, 5000));

  assert_buttons_labelled (GTK_WIDGET (preferences), &n_buttons);

  /* The first combo row is the style: it is applied at once. */
  row = ADW_COMBO_ROW (find_descendant (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  adw_combo_row_set_selected (row, 2);
  assert_setting_string ("color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()),
                   ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (adw_style_manager_get_default ()),
                   ==, ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* The first spin button is the sync interval. */
  spin = GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 6);
  gtk_spin_button_set_value (spin, 12);
  g_assert_cmpint (g_settings_get_int (settings, "sync-interval-hours"), ==, 12);

  close_all_windows ();
  reset_settings ();
}

static void
test_window_about (void)
{
  MkWindow *window = open_window (-1, -1);
  AdwAboutWindow *about = NULL;
  GList *toplevels;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.about", NULL));

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = l->data;
  g_list_free (toplevels);

  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (adw_about_window_get_application_icon (about), BASE_APP_ID));
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (run_until (is_mapped, about, 5000));

  gtk_window_destroy (GTK_WINDOW (about));
  close_all_windows ();
  reset_settings ();
}

static void
weak_notify_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  gboolean *finalized = data;

  *finalized = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

static void
test_window_quit_after_first_frame (void)
{
  MkWindow *window;
  gboolean finalized = FALSE;

  g_setenv ("MEDIAKIT_QUIT_AFTER_FIRST_FRAME", "1", TRUE);
  window = mk_window_new (GTK_APPLICATION (app), context);
  g_unsetenv ("MEDIAKIT_QUIT_AFTER_FIRST_FRAME");

  g_object_weak_ref (G_OBJECT (window), weak_notify_cb, &finalized);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (run_until (is_true, &finalized, 10000));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  reset_settings ();
}

/* What MkApplication does for these, in its own words. */

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (app));
  MkPreferencesWindow *preferences = mk_preferences_window_new (context);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  mk_about_window_present (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static const GActionEntry app_actions[] = {
  { .name = "preferences", .activate = preferences_activated_cb },
  { .name = "about", .activate = about_activated_cb },
};

/* Looking at it */

static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  return text != NULL && sscanf (text, "%dx%d", width, height) == 2;
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
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)),
                                         node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_print ("Wrote %s (%d×%d)\n", path, width, height);
}

static int
keep_open (void)
{
  const char *section = g_getenv ("MK_TEST_SECTION");
  const char *open = g_getenv ("MK_TEST_OPEN");
  const char *snapshot = g_getenv ("MK_TEST_SNAPSHOT");
  GtkWidget *shown;
  MkWindow *window;
  int width = -1;
  int height = -1;

  parse_size (g_getenv ("MK_TEST_SIZE"), &width, &height);

  if (g_getenv ("MK_TEST_STYLE") != NULL)
    g_settings_set_string (mk_context_get_settings (context), "color-scheme", g_getenv ("MK_TEST_STYLE"));

  window = open_window (width, height);
  shown = GTK_WIDGET (window);

  if (section != NULL)
    mk_window_set_section (window, section);

  if (g_strcmp0 (open, "preferences") == 0)
    g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  else if (g_strcmp0 (open, "about") == 0)
    g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  else if (g_strcmp0 (open, "shortcuts") == 0)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  else if (g_strcmp0 (open, "menu") == 0)
    gtk_menu_button_popup (GTK_MENU_BUTTON (find_descendant (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON)));

  settle (500);

  if (open != NULL)
    {
      GList *toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (l->data != (gpointer)window && gtk_widget_get_mapped (l->data) && GTK_IS_WINDOW (l->data) &&
            !GTK_IS_POPOVER (l->data))
          shown = l->data;
      g_list_free (toplevels);
    }

  if (ADW_IS_PREFERENCES_WINDOW (shown) && g_getenv ("MK_TEST_PAGE") != NULL)
    {
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (shown), g_getenv ("MK_TEST_PAGE"));
      settle (300);
    }

  if (snapshot != NULL)
    {
      save_snapshot (shown, snapshot);
      return 0;
    }

  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    g_main_context_iteration (NULL, TRUE);

  return 0;
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

  /* "none" gives widgets no accessible context to read back; "test" keeps
   * the properties without talking to an accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  app = ui_test_app_new (&argc, &argv, "io.github.mediakit.Mediakit.TestWindow");
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), NULL);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });

  data_dir = g_dir_make_tmp ("mediakit-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  context = mk_context_new (data_dir, &error);
  g_assert_no_error (error);

  if (g_strcmp0 (g_getenv ("MK_TEST_KEEP_OPEN"), "1") == 0)
    {
      ret = keep_open ();
    }
  else
    {
      g_test_add_func ("/ui/window/display-style", test_display_style);
      g_test_add_func ("/ui/window/sections", test_window_sections);
      g_test_add_func ("/ui/window/last-section", test_window_last_section);
      g_test_add_func ("/ui/window/size-saved", test_window_size_saved);
      g_test_add_func ("/ui/window/narrow", test_window_narrow);
      g_test_add_func ("/ui/window/wide", test_window_wide);
      g_test_add_func ("/ui/window/buttons-labelled", test_window_buttons_labelled);
      g_test_add_func ("/ui/window/help-overlay", test_window_help_overlay);
      g_test_add_func ("/ui/window/preferences", test_window_preferences);
      g_test_add_func ("/ui/window/about", test_window_about);
      g_test_add_func ("/ui/window/quit-after-first-frame", test_window_quit_after_first_frame);

      ret = g_test_run ();
    }

  close_all_windows ();
  g_clear_object (&context);
  remove_data_dir ();
  g_clear_pointer (&data_dir, g_free);
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return ret;
}
