/* test-a11y.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accessibility and keyboard checks under Xvfb, on a demo workspace:
 *
 * /a11y/names: every section of the main window, then the windows its
 * primary actions open (New Entry, New Review, Edit Profile, Export Media
 * Kit, Preferences with each of its pages) are walked; any control a person
 * can reach (a mapped button, menu button, entry, search entry, spin button,
 * switch, check button or drop-down) without an accessible name fails, with
 * its path in the widget tree. A name is the control's own label, a label
 * inside it, a tooltip, an accessible label or labelled-by relation, or the
 * title of the AdwPreferencesRow it sits in (which GTK 4.8 / libadwaita 1.2
 * read out with it).
 *
 * /a11y/tab-reaches-header: in every section, Tab alone reaches the
 * primary action, the view switcher and the primary menu.
 *
 * /a11y/shortcuts-listed: every accelerator the app installs — the
 * GtkApplication's accels and the shortcuts of every Mk widget met on the way
 * (class bindings and shortcut controllers) — must appear in the Keyboard
 * Shortcuts window (mk-shortcuts-window.ui). Escape closing a dialog and the
 * keypad twins of listed keys are the exceptions.
 *
 * /a11y/shortcut-key-names: the Keyboard Shortcuts window names keys in
 * words ("Page Up"), never by a raw keyval name ("Page_Up").
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "mk-application.h"
#include "mk-context.h"
#include "mk-demo.h"
#include "mk-preferences-window.h"
#include "mk-window.h"
#include "ui-test-app.h"

static AdwApplication *app;
static MkContext *context;
static char *data_dir;

static const char * const sections[] = {
  "calendar", "portfolio", "metrics", "reviews", "activity", NULL
};

/* Main loop helpers */

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
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

/* Names */

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

/* GTK 4.8 sets a button's labelled-by relation to its own child, even when
 * that is a bare image: for buttons only the label property counts (a label
 * inside is checked on its own). */
static gboolean
has_accessible_name (GtkWidget *widget)
{
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;

  return !GTK_IS_BUTTON (widget) &&
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* The row a control sits in names it: AdwEntryRow labels its text with its
 * title, and an action row's title is read with its suffix. */
static gboolean
has_titled_row_ancestor (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

  return row != NULL && has_text (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static const char *
own_label (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  if (GTK_IS_CHECK_BUTTON (widget))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  return NULL;
}

static gboolean
is_named (GtkWidget *widget)
{
  if (has_text (own_label (widget)) ||
      has_text (gtk_widget_get_tooltip_text (widget)) ||
      has_accessible_name (widget) ||
      has_titled_row_ancestor (widget))
    return TRUE;

  /* A label inside names a button, not an entry (that would be its text). */
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) ||
      GTK_IS_DROP_DOWN (widget))
    return has_label_descendant (widget);

  return FALSE;
}

/* The controls a person reaches, and whether GTK builds their insides (which
 * are then named through the outer control, not checked one by one). */
static gboolean
is_control (GtkWidget *widget,
            gboolean  *opaque)
{
  *opaque = GTK_IS_MENU_BUTTON (widget) || GTK_IS_SPIN_BUTTON (widget) ||
            GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_ENTRY (widget) ||
            GTK_IS_PASSWORD_ENTRY (widget) || GTK_IS_DROP_DOWN (widget) ||
            GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) ||
            ADW_IS_ENTRY_ROW (widget);

  if (ADW_IS_ENTRY_ROW (widget))
    return FALSE;  /* named by its title, checked as a row below */

  return GTK_IS_BUTTON (widget) || *opaque || GTK_IS_TEXT (widget);
}

static char *
widget_path (GtkWidget *widget)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = GTK_IS_BUILDABLE (w) ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (w)) : NULL;
      const char *name = G_OBJECT_TYPE_NAME (w);

      /* Generated ids and template roots (id = type name) say nothing. */
      if (id != NULL && (g_str_has_prefix (id, "___") || g_str_equal (id, name)))
        id = NULL;

      /* Keep the path short: our own widgets, ids and the control itself. */
      if (w != widget && id == NULL && !g_str_has_prefix (name, "Mk"))
        continue;

      g_ptr_array_insert (parts, 0, id != NULL ? g_strdup_printf ("%s#%s", name, id) : g_strdup (name));
    }

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (path, " > ");
      g_string_append (path, g_ptr_array_index (parts, i));
    }

  return g_string_free (path, FALSE);
}

static void
describe_control (GtkWidget *widget,
                  GString   *out)
{
  const char *icon = NULL;

  if (GTK_IS_BUTTON (widget))
    icon = gtk_button_get_icon_name (GTK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    icon = gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));

  if (icon == NULL && GTK_IS_BUTTON (widget))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      if (GTK_IS_IMAGE (child))
        icon = gtk_image_get_icon_name (GTK_IMAGE (child));
    }

  if (GTK_IS_EDITABLE (widget) && has_text (gtk_editable_get_text (GTK_EDITABLE (widget))))
    g_string_append_printf (out, " (text “%s”)", gtk_editable_get_text (GTK_EDITABLE (widget)));
  if (icon != NULL)
    g_string_append_printf (out, " (icon %s)", icon);
}

static void
check_names (GtkWidget  *widget,
             const char *where,
             GString    *failures,
             guint      *n_checked)
{
  gboolean opaque = FALSE;

  if (!gtk_widget_get_mapped (widget))
    return;

  if (is_control (widget, &opaque))
    {
      (*n_checked)++;
      if (!is_named (widget))
        {
          g_autofree char *path = widget_path (widget);

          g_string_append_printf (failures, "\n  %s: %s", where, path);
          describe_control (widget, failures);
        }
    }

  if (ADW_IS_ENTRY_ROW (widget) || ADW_IS_PREFERENCES_ROW (widget))
    {
      (*n_checked)++;
      if (!has_text (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))) &&
          !has_accessible_name (widget))
        {
          g_autofree char *path = widget_path (widget);

          g_string_append_printf (failures, "\n  %s: untitled row %s", where, path);
        }
    }

  if (opaque)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_names (child, where, failures, n_checked);
}

/* Shortcuts */

typedef struct
{
  guint           keyval;
  GdkModifierType mods;
} Accel;

static Accel
accel_normalize (guint           keyval,
                 GdkModifierType mods)
{
  Accel accel;

  /* The keypad twin of a key counts as the key; Shift+/ is ?. */
  switch (keyval)
    {
    case GDK_KEY_KP_Enter: keyval = GDK_KEY_Return; break;
    case GDK_KEY_KP_Home: keyval = GDK_KEY_Home; break;
    case GDK_KEY_KP_Page_Up: keyval = GDK_KEY_Page_Up; break;
    case GDK_KEY_KP_Page_Down: keyval = GDK_KEY_Page_Down; break;
    default:
      if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
        keyval = GDK_KEY_0 + (keyval - GDK_KEY_KP_0);
      break;
    }

  accel.keyval = gdk_keyval_to_lower (keyval);
  accel.mods = mods & gtk_accelerator_get_default_mod_mask ();
  return accel;
}

static char *
accel_name (Accel accel)
{
  return gtk_accelerator_name (accel.keyval, accel.mods);
}

static gboolean
accel_listed (GArray *listed,
              Accel   accel)
{
  for (guint i = 0; i < listed->len; i++)
    {
      Accel *l = &g_array_index (listed, Accel, i);

      if (l->keyval == accel.keyval && l->mods == accel.mods)
        return TRUE;
    }
  return FALSE;
}

static void
add_accel_string (GArray     *array,
                  const char *text)
{
  g_auto(GStrv) tokens = g_strsplit (text, " ", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      guint keyval = 0;
      GdkModifierType mods = 0;
      Accel accel;

      if (*tokens[i] == '\0')
        continue;
      if (!gtk_accelerator_parse (tokens[i], &keyval, &mods))
        g_error ("mk-shortcuts-window.ui: cannot parse the accelerator “%s”", tokens[i]);
      accel = accel_normalize (keyval, mods);
      g_array_append_val (array, accel);
    }
}

/* What the Keyboard Shortcuts window lists. */
static GArray *
listed_accels (GtkApplication *application)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ui/mk-shortcuts-window.ui");
  GArray *listed = g_array_new (FALSE, FALSE, sizeof (Accel));
  GSList *objects = gtk_builder_get_objects (builder);
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action_name = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;

      g_object_get (l->data, "accelerator", &accelerator, "action-name", &action_name, NULL);
      if (accelerator != NULL)
        add_accel_string (listed, accelerator);
      if (action_name != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (application, action_name);

          for (guint i = 0; accels[i] != NULL; i++)
            add_accel_string (listed, accels[i]);
        }
    }

  g_slist_free (objects);
  gtk_window_destroy (window);
  return listed;
}

static void
collect_trigger (GtkShortcutTrigger *trigger,
                 const char         *owner,
                 GHashTable         *found)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      collect_trigger (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), owner, found);
      collect_trigger (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), owner, found);
    }
  else if (GTK_IS_KEYVAL_TRIGGER (trigger))
    {
      Accel accel = accel_normalize (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                     gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));

      /* Escape closes a dialog everywhere in GNOME; the HIG does not list it. */
      if (accel.keyval == GDK_KEY_Escape && accel.mods == 0)
        return;

      g_hash_table_insert (found, accel_name (accel), g_strdup (owner));
    }
}

/* Whether the action a class binding triggers is installed by one of our
 * classes (GtkWindow's and libadwaita's own bindings are not ours to list). */
static gboolean
is_own_action (GtkWidget   *widget,
               GtkShortcut *shortcut)
{
  GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  const char *name;
  GType owner;
  const char *action_name;
  const GVariantType *parameter_type;
  const char *property_name;

  if (!GTK_IS_NAMED_ACTION (action))
    return FALSE;

  name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &action_name,
                                                 &parameter_type, &property_name); i++)
    if (g_str_equal (action_name, name))
      return g_str_has_prefix (g_type_name (owner), "Mk");

  /* An action of a group the widget inserts (calendar.*, win.*): ours. */
  return TRUE;
}

/* The shortcuts our own widgets carry: class bindings end up in a shortcut
 * controller named "gtk-widget-class-shortcuts" on each instance (with the
 * parent classes' bindings); controllers our code or .ui files add are all
 * ours. */
static void
collect_shortcuts (GtkWidget  *widget,
                   GHashTable *found)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Mk"))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
          gboolean class_bindings;

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;

          class_bindings = g_strcmp0 (gtk_event_controller_get_name (GTK_EVENT_CONTROLLER (controller)),
                                      "gtk-widget-class-shortcuts") == 0;

          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

              if (class_bindings && !is_own_action (widget, shortcut))
                continue;
              collect_trigger (gtk_shortcut_get_trigger (shortcut), G_OBJECT_TYPE_NAME (widget), found);
            }
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, found);
}

/* Visiting the windows */

typedef struct
{
  GString    *failures;
  GHashTable *shortcuts;  /* accelerator name → owner type */
  GHashTable *seen;       /* windows already walked */
  guint       n_checked;
} Visit;

static void
visit_window (Visit      *visit,
              GtkWidget  *window,
              const char *where)
{
  guint before = visit->n_checked;

  check_names (window, where, visit->failures, &visit->n_checked);
  g_test_message ("%s: %u controls", where, visit->n_checked - before);
  collect_shortcuts (window, visit->shortcuts);
}

/* Walks, then closes, every window that appeared since the last call. */
static void
visit_new_windows (Visit      *visit,
                   const char *where)
{
  GList *toplevels;
  GPtrArray *fresh = g_ptr_array_new ();

  settle (400);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (GTK_IS_POPOVER (l->data) || !gtk_widget_get_mapped (l->data) ||
          g_hash_table_contains (visit->seen, l->data))
        continue;
      g_ptr_array_add (fresh, l->data);
    }
  g_list_free (toplevels);

  for (guint i = 0; i < fresh->len; i++)
    {
      GtkWidget *window = g_ptr_array_index (fresh, i);
      g_autofree char *label = g_strdup_printf ("%s (%s)", where, G_OBJECT_TYPE_NAME (window));

      visit_window (visit, window, label);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  g_ptr_array_free (fresh, TRUE);
  settle (100);
}

static void
find_pages (GtkWidget *widget,
            GPtrArray *pages)
{
  /* The window's own pages sit in its view stack; others are nested. */
  if (ADW_IS_PREFERENCES_PAGE (widget) && ADW_IS_VIEW_STACK (gtk_widget_get_parent (widget)))
    {
      g_ptr_array_add (pages, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_pages (child, pages);
}

static void
visit_preferences (Visit     *visit,
                   GtkWindow *parent)
{
  MkPreferencesWindow *preferences = mk_preferences_window_new (context);
  g_autoptr(GPtrArray) pages = NULL;

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (preferences));
  settle (400);

  /* libadwaita 1.2 has no list of pages: find them in the tree. */
  pages = g_ptr_array_new ();
  find_pages (GTK_WIDGET (preferences), pages);
  g_assert_cmpuint (pages->len, >, 1);
  for (guint i = 0; i < pages->len; i++)
    {
      AdwPreferencesPage *page = g_ptr_array_index (pages, i);
      g_autofree char *where = g_strdup_printf ("Preferences page '%s'", adw_preferences_page_get_title (page));

      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), page);
      settle (300);
      visit_window (visit, GTK_WIDGET (preferences), where);
    }

  g_hash_table_add (visit->seen, preferences);
  gtk_window_destroy (GTK_WINDOW (preferences));
  settle (100);
}

static GtkWidget *
find_by_type_name (GtkWidget  *widget,
                   const char *type_name)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), type_name))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type_name (child, type_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static Visit *
visit_everything (void)
{
  static Visit visit;
  static gboolean done;
  g_auto(GStrv) only = NULL;
  GtkWidget *portfolio;
  MkWindow *window;

  if (done)
    return &visit;
  done = TRUE;

  if (g_getenv ("MK_A11Y_SECTIONS") != NULL)
    only = g_strsplit (g_getenv ("MK_A11Y_SECTIONS"), ",", -1);

  visit.failures = g_string_new (NULL);
  visit.shortcuts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  visit.seen = g_hash_table_new (NULL, NULL);

  window = mk_window_new (GTK_APPLICATION (app), context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  g_hash_table_add (visit.seen, window);
  settle (500);

  for (guint i = 0; sections[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("section %s", sections[i]);
      g_autofree char *narrow = g_strdup_printf ("section %s at 360 px", sections[i]);
      GtkWidget *primary;

      /* MK_A11Y_SECTIONS=calendar,reviews limits the walk while a pane is
       * being worked on; the suite always walks them all. */
      if (only != NULL && !g_strv_contains ((const char * const *) only, sections[i]))
        continue;

      gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
      mk_window_set_section (window, sections[i]);
      settle (600);
      visit_window (&visit, GTK_WIDGET (window), where);

      /* The window's primary action ("+" New Entry, New Review…) opens a
       * dialog in some sections: walk it too. */
      primary = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), MK_TYPE_WINDOW,
                                                           "primary_action_button"));
      if (primary != NULL && gtk_widget_get_mapped (primary) && gtk_widget_is_sensitive (primary))
        {
          g_autofree char *dialog = g_strdup_printf ("section %s, primary action", sections[i]);

          gtk_widget_activate (primary);
          visit_new_windows (&visit, dialog);
        }

      /* Folded, other controls show up (the switcher bar, back buttons). */
      gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
      settle (600);
      visit_window (&visit, GTK_WIDGET (window), narrow);
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  settle (300);

  mk_window_set_section (window, "portfolio");
  settle (300);
  portfolio = find_by_type_name (GTK_WIDGET (window), "MkPortfolioPane");
  if (portfolio != NULL && gtk_widget_activate_action (portfolio, "portfolio.edit-profile", NULL))
    visit_new_windows (&visit, "Edit Profile");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  visit_new_windows (&visit, "Export Media Kit");

  visit_preferences (&visit, GTK_WINDOW (window));

  gtk_window_destroy (GTK_WINDOW (window));
  settle (100);

  return &visit;
}

static void
test_names (void)
{
  Visit *visit = visit_everything ();

  g_test_message ("checked %u controls", visit->n_checked);
  /* The demo workspace fills every section: far more than a handful. */
  g_assert_cmpuint (visit->n_checked, >, 100);

  if (visit->failures->len > 0)
    g_test_fail_printf ("Controls without an accessible name (give each a label, a tooltip or "
                        "<accessibility><property name=\"label\">):%s", visit->failures->str);
}

/* The checker itself: it must catch what it is there to catch, and accept
 * every way of naming a control. */
static void
test_detects_unnamed (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bare_icon = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  GtkWidget *bare_entry = gtk_entry_new ();
  GtkWidget *bare_search = gtk_search_entry_new ();
  GtkWidget *bare_switch = gtk_switch_new ();
  GtkWidget *labelled = gtk_button_new_with_label ("Save");
  GtkWidget *tooltip = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *aria = gtk_entry_new ();
  GtkWidget *relation = gtk_switch_new ();
  GtkWidget *caption = gtk_label_new ("Keep signed in");
  GtkWidget *check = gtk_check_button_new_with_label ("Published");
  g_autoptr(GString) failures = g_string_new (NULL);
  guint n_checked = 0;

  gtk_widget_set_tooltip_text (tooltip, "Add");
  gtk_accessible_update_property (GTK_ACCESSIBLE (aria), GTK_ACCESSIBLE_PROPERTY_LABEL, "Search", -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (relation), GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL, -1);

  for (GtkWidget **w = (GtkWidget *[]) { bare_icon, bare_entry, bare_search, bare_switch, labelled,
                                         tooltip, aria, caption, relation, check, NULL }; *w != NULL; w++)
    gtk_box_append (GTK_BOX (box), *w);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  settle (200);

  check_names (window, "test", failures, &n_checked);

  g_assert_cmpuint (n_checked, ==, 9);
  g_assert_nonnull (strstr (failures->str, "GtkButton (icon edit-delete-symbolic)"));
  g_assert_nonnull (strstr (failures->str, "GtkEntry"));
  g_assert_nonnull (strstr (failures->str, "GtkSearchEntry"));
  g_assert_nonnull (strstr (failures->str, "GtkSwitch"));
  /* Exactly those four. */
  {
    g_auto(GStrv) lines = g_strsplit (failures->str + 1, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 4);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
}

static void
test_shortcuts_listed (void)
{
  Visit *visit = visit_everything ();
  g_autoptr(MkApplication) real_app = mk_application_new ();
  g_autoptr(GArray) listed = NULL;
  g_auto(GStrv) actions = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint n_accels = 0;

  listed = listed_accels (GTK_APPLICATION (real_app));
  g_assert_cmpuint (listed->len, >, 0);

  /* The application's accels, as MkApplication sets them. */
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (real_app));
  g_assert_nonnull (actions);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (real_app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint keyval;
          GdkModifierType mods;
          Accel accel;

          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &mods));
          accel = accel_normalize (keyval, mods);
          n_accels++;
          if (!accel_listed (listed, accel))
            g_string_append_printf (missing, "\n  %s (%s)", accels[j], actions[i]);
        }
    }
  g_assert_cmpuint (n_accels, >=, 3);  /* quit, preferences, lock at least */

  /* Our widgets' own shortcuts: at least the window's Alt+1…5 and Ctrl+?. */
  g_assert_cmpuint (g_hash_table_size (visit->shortcuts), >=, 6);
  g_assert_true (g_hash_table_contains (visit->shortcuts, "<Alt>1"));
  g_hash_table_iter_init (&iter, visit->shortcuts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint keyval;
      GdkModifierType mods;

      g_test_message ("shortcut %s (%s)", (const char *) key, (const char *) value);

      g_assert_true (gtk_accelerator_parse (key, &keyval, &mods));
      if (!accel_listed (listed, accel_normalize (keyval, mods)))
        g_string_append_printf (missing, "\n  %s (%s)", (const char *) key, (const char *) value);
    }

  if (missing->len > 0)
    g_test_fail_printf ("Accelerators missing from src/ui/mk-shortcuts-window.ui:%s", missing->str);
}

static void
collect_key_labels (GtkWidget *widget,
                    gboolean   in_shortcut_label,
                    GPtrArray *texts)
{
  in_shortcut_label = in_shortcut_label || GTK_IS_SHORTCUT_LABEL (widget);
  if (in_shortcut_label && GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_key_labels (child, in_shortcut_label, texts);
}

static void
test_shortcut_key_names (void)
{
  MkWindow *window = mk_window_new (GTK_APPLICATION (app), context);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *shortcuts = NULL;
  GList *toplevels;
  gboolean page_up = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  settle (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  settle (100);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_WINDOW (l->data))
      shortcuts = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (shortcuts);

  collect_key_labels (shortcuts, FALSE, texts);
  g_assert_cmpuint (texts->len, >, 0);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (strchr (text, '_') != NULL)
        g_test_fail_printf ("The Keyboard Shortcuts window shows the raw key name “%s”", text);
      page_up = page_up || g_str_equal (text, "Page Up");
    }
  g_assert_true (page_up);

  gtk_window_destroy (GTK_WINDOW (shortcuts));
  gtk_window_destroy (GTK_WINDOW (window));
  settle (50);
}

/* Tab moves through every section and reaches the header's actions: the
 * primary action ("+"), the primary menu and a view switcher button. */
static gboolean
is_ancestor_or_self (GtkWidget *widget,
                     GtkWidget *ancestor)
{
  return widget == ancestor || gtk_widget_is_ancestor (widget, ancestor);
}

static void
test_tab_reaches_header (void)
{
  MkWindow *window = mk_window_new (GTK_APPLICATION (app), context);
  GtkWidget *menu;
  GtkWidget *primary;
  GtkWidget *switcher;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  settle (500);

  menu = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), MK_TYPE_WINDOW, "primary_menu_button"));
  primary = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), MK_TYPE_WINDOW, "primary_action_button"));
  switcher = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), MK_TYPE_WINDOW, "switcher_title"));
  g_assert_nonnull (menu);
  g_assert_nonnull (primary);
  g_assert_nonnull (switcher);

  for (guint i = 0; sections[i] != NULL; i++)
    {
      g_autoptr(GHashTable) stops = g_hash_table_new (NULL, NULL);
      gboolean reached_menu = FALSE, reached_primary = FALSE, reached_switcher = FALSE;

      mk_window_set_section (window, sections[i]);
      settle (400);
      gtk_window_set_focus (GTK_WINDOW (window), NULL);

      /* Around the focus chain twice at most; it wraps at the end. */
      for (guint n = 0; n < 400; n++)
        {
          GtkWidget *focus;

          if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
            continue;
          focus = gtk_root_get_focus (GTK_ROOT (window));
          if (focus == NULL)
            continue;
          /* Focus never goes where nobody can see it (a list view may
           * focus its remembered row while that is scrolled away). */
          if (!gtk_widget_get_mapped (focus) &&
              gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW) == NULL &&
              gtk_widget_get_ancestor (focus, GTK_TYPE_COLUMN_VIEW) == NULL &&
              gtk_widget_get_ancestor (focus, GTK_TYPE_GRID_VIEW) == NULL)
            {
              g_autofree char *path = widget_path (focus);

              g_error ("section %s: Tab focused the hidden %s", sections[i], path);
            }
          g_hash_table_add (stops, focus);
          reached_menu |= is_ancestor_or_self (focus, menu);
          reached_primary |= is_ancestor_or_self (focus, primary);
          reached_switcher |= is_ancestor_or_self (focus, switcher);
        }

      g_test_message ("section %s: %u focus stops", sections[i], g_hash_table_size (stops));
      g_assert_cmpuint (g_hash_table_size (stops), >=, 3);
      g_assert_true (reached_menu);
      g_assert_true (reached_switcher);
      if (gtk_widget_get_mapped (primary))
        g_assert_true (reached_primary);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  settle (100);
}

/* Set-up */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user_id = NULL;
  int ret;

  /* "test" keeps the accessible properties readable without an a11y bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  app = ui_test_app_new (&argc, &argv, "io.github.mediakit.Mediakit.TestA11y");

  data_dir = g_dir_make_tmp ("mediakit-test-a11y-XXXXXX", &error);
  g_assert_no_error (error);
  context = mk_context_new (data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (mk_demo_fill (mk_context_get_store (context), &user_id, &error));
  g_assert_no_error (error);
  mk_context_set_user_id (context, user_id);

  g_test_add_func ("/a11y/detects-unnamed", test_detects_unnamed);
  g_test_add_func ("/a11y/names", test_names);
  g_test_add_func ("/a11y/shortcuts-listed", test_shortcuts_listed);
  g_test_add_func ("/a11y/shortcut-key-names", test_shortcut_key_names);
  g_test_add_func ("/a11y/tab-reaches-header", test_tab_reaches_header);

  ret = g_test_run ();

  for (GList *w = gtk_application_get_windows (GTK_APPLICATION (app)); w != NULL;
       w = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (w->data);
  settle (50);
  g_clear_object (&context);
  remove_tree (data_dir);
  g_clear_pointer (&data_dir, g_free);
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);

  return ret;
}
