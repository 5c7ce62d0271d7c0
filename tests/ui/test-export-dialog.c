/* test-export-dialog.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "mk-cli.h"
#include "mk-context.h"
#include "mk-demo.h"
#include "mk-export-dialog.h"
#include "mk-preferences-window.h"

/* The Export dialog on the demo workspace: it shows the kit, starts from
 * the defaults of Preferences → Export, remembers per profile what differs
 * from them, and without a profile says so instead; `mediakit --export`
 * uses the same defaults.
 * `test-export-dialog --show DIR` only opens it on DIR, for screenshots. */

typedef struct {
  char      *dir;
  MkContext *context;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user_id = NULL;

  f->dir = g_dir_make_tmp ("mediakit-test-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->context = mk_context_new (f->dir, &error);
  g_assert_no_error (error);
  g_assert_true (mk_demo_fill (mk_context_get_store (f->context), &user_id, &error));
  g_assert_no_error (error);
  mk_context_set_user_id (f->context, user_id);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  const char *names[] = { "mediakit.db", "mediakit.db-wal", "mediakit.db-shm", "export-options.ini",
                          "kit.html", NULL };

  /* The settings live in memory for the whole program: back to the
   * defaults for the next test. */
  g_settings_reset (mk_context_get_settings (f->context), "export-sections");
  g_settings_reset (mk_context_get_settings (f->context), "export-accent-color");
  g_clear_object (&f->context);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkSwitch *
find_switch_labelled (GtkWidget  *root,
                      const char *title)
{
  g_autoptr(GPtrArray) rows = find_all (root, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) switches = NULL;

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) != 0)
        continue;
      switches = find_all (GTK_WIDGET (row), GTK_TYPE_SWITCH);
      g_assert_cmpuint (switches->len, ==, 1);
      return g_ptr_array_index (switches, 0);
    }

  g_error ("no row “%s”", title);
  return NULL;
}

static GtkSpinButton *
find_spin_labelled (GtkWidget  *root,
                    const char *title)
{
  g_autoptr(GPtrArray) rows = find_all (root, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) spins = NULL;

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) != 0)
        continue;
      spins = find_all (GTK_WIDGET (row), GTK_TYPE_SPIN_BUTTON);
      g_assert_cmpuint (spins->len, ==, 1);
      return g_ptr_array_index (spins, 0);
    }

  g_error ("no row “%s”", title);
  return NULL;
}

static void
test_shows_kit (Fixture       *f,
                gconstpointer  data)
{
  MkExportDialog *dialog = mk_export_dialog_new (NULL, f->context);
  g_autoptr(GPtrArray) stacks = NULL;
  g_autoptr(GPtrArray) areas = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  spin ();

  stacks = find_all (GTK_WIDGET (dialog), GTK_TYPE_STACK);
  g_assert_cmpuint (stacks->len, >=, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (g_ptr_array_index (stacks, 0)), ==, "kit");

  /* A switch per platform of the demo profile, all on at first. */
  g_assert_true (gtk_switch_get_active (find_switch_labelled (GTK_WIDGET (dialog), "Instagram")));
  g_assert_true (gtk_switch_get_active (find_switch_labelled (GTK_WIDGET (dialog), "YouTube")));
  g_assert_true (gtk_switch_get_active (find_switch_labelled (GTK_WIDGET (dialog), "Facebook")));

  /* The preview is sized for the pages it draws. */
  areas = find_all (GTK_WIDGET (dialog), GTK_TYPE_DRAWING_AREA);
  g_assert_cmpuint (areas->len, ==, 1);

  /* The dialog fits a 360 px phone, its options on screen: the preview
   * and the options are a leaflet that folds. */
  {
    g_autoptr(GPtrArray) leaflets = find_all (GTK_WIDGET (dialog), ADW_TYPE_LEAFLET);
    int minimum = 0;

    g_assert_cmpuint (leaflets->len, ==, 1);
    g_assert_false (adw_leaflet_get_folded (g_ptr_array_index (leaflets, 0)));
    gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 360);
    gtk_window_destroy (GTK_WINDOW (dialog));
    spin ();

    dialog = mk_export_dialog_new (NULL, f->context);
    gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
    gtk_window_present (GTK_WINDOW (dialog));
    spin ();
    g_clear_pointer (&leaflets, g_ptr_array_unref);
    leaflets = find_all (GTK_WIDGET (dialog), ADW_TYPE_LEAFLET);
    /* Up to 2 s for the window to be sized and laid out. */
    for (guint i = 0; i < 200 && gtk_widget_get_width (GTK_WIDGET (dialog)) == 0; i++)
      {
        g_usleep (10000);
        spin ();
      }
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), >, 0);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 360);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (find_switch_labelled (GTK_WIDGET (dialog), "Instagram"))));
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

static void
test_remembers_options (Fixture       *f,
                        gconstpointer  data)
{
  MkExportDialog *dialog = mk_export_dialog_new (NULL, f->context);
  g_autofree char *path = g_build_filename (f->dir, "export-options.ini", NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) hidden = NULL;
  const char *user_id = mk_context_get_user_id (f->context);

  gtk_switch_set_active (find_switch_labelled (GTK_WIDGET (dialog), "YouTube"), FALSE);
  gtk_switch_set_active (find_switch_labelled (GTK_WIDGET (dialog), "Show _Budget"), TRUE);
  gtk_spin_button_set_value (find_spin_labelled (GTK_WIDGET (dialog), "_Media Shown"), 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();

  g_assert_true (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  hidden = g_key_file_get_string_list (file, user_id, "hidden-platforms", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) hidden, "youtube"));
  g_assert_false (g_strv_contains ((const char * const *) hidden, "instagram"));
  g_assert_true (g_key_file_get_boolean (file, user_id, "include-budget", NULL));
  g_assert_cmpint (g_key_file_get_integer (file, user_id, "max-media", NULL), ==, 2);

  /* A new dialog for the same profile starts from there. */
  dialog = mk_export_dialog_new (NULL, f->context);
  g_assert_false (gtk_switch_get_active (find_switch_labelled (GTK_WIDGET (dialog), "YouTube")));
  g_assert_true (gtk_switch_get_active (find_switch_labelled (GTK_WIDGET (dialog), "Instagram")));
  g_assert_true (gtk_switch_get_active (find_switch_labelled (GTK_WIDGET (dialog), "Show _Budget")));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (find_spin_labelled (GTK_WIDGET (dialog), "_Media Shown")), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

static void
test_no_profile (Fixture       *f,
                 gconstpointer  data)
{
  MkExportDialog *dialog;
  g_autoptr(GPtrArray) stacks = NULL;
  g_autoptr(GPtrArray) pages = NULL;

  mk_context_set_user_id (f->context, NULL);
  dialog = mk_export_dialog_new (NULL, f->context);

  stacks = find_all (GTK_WIDGET (dialog), GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (g_ptr_array_index (stacks, 0)), ==, "empty");
  pages = find_all (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE);
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_nonnull (adw_status_page_get_description (g_ptr_array_index (pages, 0)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

static char *
pdftotext (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Waits (on the main loop, as the window would) for a file the dialog
 * writes in a thread; fails after ten seconds rather than hang. */
static void
wait_for_file (const char *path)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  /* The rename is the last step: once the name exists it is whole. */
  spin ();
}

static void
test_save_and_print (Fixture       *f,
                     gconstpointer  data)
{
  MkExportDialog *dialog = mk_export_dialog_new (NULL, f->context);
  g_autofree char *pdf = g_build_filename (f->dir, "kit.pdf", NULL);
  g_autofree char *html = g_build_filename (f->dir, "kit.html", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *web = g_build_filename (f->dir, "site", NULL);
  g_autofree char *pdf_text = NULL;
  g_autofree char *printed_text = NULL;
  g_autofree char *page = NULL;
  g_autofree char *page_path = NULL;
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) html_file = g_file_new_for_path (html);
  g_autoptr(GFile) web_file = g_file_new_for_path (web);
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  spin ();

  /* What the file chooser's Accept does, with the file it would give. */
  mk_export_dialog_save_to_file (dialog, MK_EXPORT_SAVE_PDF, pdf_file);
  mk_export_dialog_save_to_file (dialog, MK_EXPORT_SAVE_HTML, html_file);
  g_assert_cmpint (g_mkdir (web, 0700), ==, 0);
  mk_export_dialog_save_to_file (dialog, MK_EXPORT_SAVE_WEB, web_file);
  wait_for_file (pdf);
  wait_for_file (html);

  pdf_text = pdftotext (pdf);
  g_assert_nonnull (strstr (pdf_text, "Sarah"));
  g_assert_true (g_file_get_contents (html, &page, NULL, NULL));
  g_assert_nonnull (strstr (page, "<h1 dir=\"auto\">Sarah"));
  g_clear_pointer (&page, g_free);

  /* Export for the web: p/<slug>/index.html inside the chosen folder. */
  {
    g_autoptr(GDir) p = NULL;
    g_autofree char *p_dir = g_build_filename (web, "p", NULL);
    const char *slug;

    p = g_dir_open (p_dir, 0, &error);
    g_assert_no_error (error);
    slug = g_dir_read_name (p);
    g_assert_nonnull (slug);
    page_path = g_build_filename (p_dir, slug, "index.html", NULL);
    g_assert_true (g_file_get_contents (page_path, &page, NULL, NULL));
    g_assert_nonnull (strstr (page, "Content-Security-Policy"));
    g_remove (page_path);
    {
      g_autofree char *slug_dir = g_build_filename (p_dir, slug, NULL);

      g_rmdir (slug_dir);
    }
    g_rmdir (p_dir);
    g_rmdir (web);
  }

  /* Print: the same operation as the Print button, to a file. */
  g_assert_true (mk_export_dialog_print_to_file (dialog, printed, &error));
  g_assert_no_error (error);
  printed_text = pdftotext (printed);
  g_assert_nonnull (strstr (printed_text, "Sarah"));
  g_assert_nonnull (strstr (printed_text, "Page 1 of"));

  g_remove (pdf);
  g_remove (html);
  g_remove (printed);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

static char *
accent_of (MkExportDialog *dialog)
{
  g_autoptr(GPtrArray) buttons = find_all (GTK_WIDGET (dialog), GTK_TYPE_COLOR_BUTTON);
  GdkRGBA rgba;

  g_assert_cmpuint (buttons->len, ==, 1);
  gtk_color_chooser_get_rgba (g_ptr_array_index (buttons, 0), &rgba);
  return g_strdup_printf ("#%02x%02x%02x", (guint) (rgba.red * 255 + 0.5),
                          (guint) (rgba.green * 255 + 0.5), (guint) (rgba.blue * 255 + 0.5));
}

static char *
save_html (MkExportDialog *dialog,
           const char     *dir)
{
  g_autofree char *path = g_build_filename (dir, "kit.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *page = NULL;

  g_remove (path);
  mk_export_dialog_save_to_file (dialog, MK_EXPORT_SAVE_HTML, file);
  wait_for_file (path);
  g_assert_true (g_file_get_contents (path, &page, NULL, NULL));
  return page;
}

/* Preferences → Export: only the budget, a green accent. A new dialog
 * starts there, and its kit has exactly that. */
static void
test_default_sections (Fixture       *f,
                       gconstpointer  data)
{
  GSettings *settings = mk_context_get_settings (f->context);
  static const char * const sections[] = { "budget", NULL };
  g_autofree char *path = g_build_filename (f->dir, "export-options.ini", NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *accent = NULL;
  g_autofree char *page = NULL;
  MkExportDialog *dialog;
  const char *user_id = mk_context_get_user_id (f->context);

  g_assert_true (g_settings_set_strv (settings, "export-sections", sections));
  g_assert_true (g_settings_set_string (settings, "export-accent-color", "#26A269"));

  dialog = mk_export_dialog_new (NULL, f->context);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();

  g_assert_false (gtk_switch_get_active (find_switch_labelled (GTK_WIDGET (dialog), "Instagram")));
  g_assert_false (gtk_switch_get_active (find_switch_labelled (GTK_WIDGET (dialog), "YouTube")));
  g_assert_true (gtk_switch_get_active (find_switch_labelled (GTK_WIDGET (dialog), "Show _Budget")));
  g_assert_false (gtk_switch_get_active (find_switch_labelled (GTK_WIDGET (dialog), "Show _Reviews")));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (find_spin_labelled (GTK_WIDGET (dialog), "_Media Shown")), ==, 0);
  accent = accent_of (dialog);
  g_assert_cmpstr (accent, ==, "#26a269");

  page = save_html (dialog, f->dir);
  g_assert_nonnull (strstr (page, "--accent:#26a269;"));
  g_assert_nonnull (strstr (page, "Budget: "));
  g_assert_null (strstr (page, "class=\"stats\""));
  g_assert_null (strstr (page, "class=\"reviews\""));
  g_assert_null (strstr (page, "class=\"media\""));

  /* Nothing differs from the defaults: nothing is pinned for the
   * profile, so a later change in Preferences still applies. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  if (g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    {
      g_assert_false (g_key_file_has_key (file, user_id, "hidden-platforms", NULL));
      g_assert_false (g_key_file_has_key (file, user_id, "include-budget", NULL));
      g_assert_false (g_key_file_has_key (file, user_id, "include-reviews", NULL));
      g_assert_false (g_key_file_has_key (file, user_id, "max-media", NULL));
      g_assert_false (g_key_file_has_key (file, user_id, "accent-color", NULL));
    }
}

/* What was chosen in the dialog for a profile outlives a new default; what
 * was left alone follows it. */
static void
test_choice_beats_default (Fixture       *f,
                           gconstpointer  data)
{
  GSettings *settings = mk_context_get_settings (f->context);
  static const char * const sections[] = { "audience", "budget", "reviews", NULL };
  g_autofree char *accent = NULL;
  g_autofree char *page = NULL;
  MkExportDialog *dialog;

  dialog = mk_export_dialog_new (NULL, f->context);
  gtk_switch_set_active (find_switch_labelled (GTK_WIDGET (dialog), "Show _Reviews"), FALSE);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();

  g_assert_true (g_settings_set_strv (settings, "export-sections", sections));
  g_assert_true (g_settings_set_string (settings, "export-accent-color", "#c01c28"));

  dialog = mk_export_dialog_new (NULL, f->context);
  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  g_assert_false (gtk_switch_get_active (find_switch_labelled (GTK_WIDGET (dialog), "Show _Reviews")));
  g_assert_true (gtk_switch_get_active (find_switch_labelled (GTK_WIDGET (dialog), "Show _Budget")));
  g_assert_true (gtk_switch_get_active (find_switch_labelled (GTK_WIDGET (dialog), "Instagram")));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (find_spin_labelled (GTK_WIDGET (dialog), "_Media Shown")), ==, 0);
  accent = accent_of (dialog);
  g_assert_cmpstr (accent, ==, "#c01c28");

  page = save_html (dialog, f->dir);
  g_assert_nonnull (strstr (page, "--accent:#c01c28;"));
  g_assert_nonnull (strstr (page, "class=\"stats\""));
  g_assert_null (strstr (page, "class=\"reviews\""));

  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

/* Preferences → Export edits those defaults: a switch per section, the
 * accent as "#rrggbb". */
static void
test_preferences_page (Fixture       *f,
                       gconstpointer  data)
{
  GSettings *settings = mk_context_get_settings (f->context);
  MkPreferencesWindow *window = mk_preferences_window_new (f->context);
  g_autoptr(GPtrArray) buttons = find_all (GTK_WIDGET (window), GTK_TYPE_COLOR_BUTTON);
  GtkSwitch *audience = find_switch_labelled (GTK_WIDGET (window), "Audience figures");
  GtkSwitch *budget = find_switch_labelled (GTK_WIDGET (window), "Budget range");
  GtkSwitch *media = find_switch_labelled (GTK_WIDGET (window), "Recent posts");
  GtkSwitch *reviews = find_switch_labelled (GTK_WIDGET (window), "Client reviews");
  g_auto(GStrv) sections = NULL;
  g_autofree char *color = NULL;
  GdkRGBA rgba;
  static const char * const only_reviews[] = { "reviews", NULL };

  /* The schema's defaults: everything but the budget. */
  g_assert_true (gtk_switch_get_active (audience));
  g_assert_false (gtk_switch_get_active (budget));
  g_assert_true (gtk_switch_get_active (media));
  g_assert_true (gtk_switch_get_active (reviews));

  /* Switching adds or removes that one name, in a fixed order. */
  gtk_switch_set_active (budget, TRUE);
  gtk_switch_set_active (media, FALSE);
  sections = g_settings_get_strv (settings, "export-sections");
  g_assert_cmpstrv (sections, ((const char * const[]) { "audience", "budget", "reviews", NULL }));

  /* And a change made elsewhere shows. */
  g_assert_true (g_settings_set_strv (settings, "export-sections", only_reviews));
  g_assert_false (gtk_switch_get_active (audience));
  g_assert_false (gtk_switch_get_active (budget));
  g_assert_true (gtk_switch_get_active (reviews));

  g_assert_cmpuint (buttons->len, ==, 1);
  gtk_color_chooser_get_rgba (g_ptr_array_index (buttons, 0), &rgba);
  g_assert_cmpfloat_with_epsilon (rgba.blue, 0xe4 / 255.0, 1e-6);
  gdk_rgba_parse (&rgba, "#26a269");
  gtk_color_chooser_set_rgba (g_ptr_array_index (buttons, 0), &rgba);
  color = g_settings_get_string (settings, "export-accent-color");
  g_assert_cmpstr (color, ==, "#26a269");

  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

/* `mediakit --export` makes its kit from the same defaults. */
static void
test_cli_uses_defaults (Fixture       *f,
                        gconstpointer  data)
{
  GSettings *settings = mk_context_get_settings (f->context);
  static const char * const sections[] = { "budget", NULL };
  g_autofree char *path = g_build_filename (f->dir, "kit.html", NULL);
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_autofree char *page = NULL;

  /* The defaults first, as the window's own kit would have them. */
  g_variant_dict_insert_value (options, "export", g_variant_new_bytestring (path));
  g_assert_cmpint (mk_cli_run (options, f->dir), ==, 0);
  g_assert_true (g_file_get_contents (path, &page, NULL, NULL));
  g_assert_nonnull (strstr (page, "--accent:#3584e4;"));
  g_assert_nonnull (strstr (page, "class=\"stats\""));
  g_assert_nonnull (strstr (page, "class=\"reviews\""));
  g_assert_nonnull (strstr (page, "class=\"media\""));
  g_assert_null (strstr (page, "Budget: "));
  g_clear_pointer (&page, g_free);

  g_assert_true (g_settings_set_strv (settings, "export-sections", sections));
  g_assert_true (g_settings_set_string (settings, "export-accent-color", "#26a269"));
  g_assert_cmpint (mk_cli_run (options, f->dir), ==, 0);
  g_assert_true (g_file_get_contents (path, &page, NULL, NULL));
  g_assert_nonnull (strstr (page, "--accent:#26a269;"));
  g_assert_nonnull (strstr (page, "Budget: "));
  g_assert_null (strstr (page, "class=\"stats\""));
  g_assert_null (strstr (page, "class=\"reviews\""));
  g_assert_null (strstr (page, "class=\"media\""));
  g_clear_pointer (&page, g_free);

  /* A broken colour (dconf-editor takes any string) is the default's. */
  g_assert_true (g_settings_set_string (settings, "export-accent-color", "red;}</style>"));
  g_assert_cmpint (mk_cli_run (options, f->dir), ==, 0);
  g_assert_true (g_file_get_contents (path, &page, NULL, NULL));
  g_assert_nonnull (strstr (page, "--accent:#3584e4;"));
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--show"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MkContext) context = NULL;
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
      MkExportDialog *dialog;

      adw_init ();
      context = mk_context_new (argv[2], &error);
      g_assert_no_error (error);
      /* MK_USER_ID: the account to show; none shows the empty state. */
      if (g_getenv ("MK_USER_ID") != NULL)
        mk_context_set_user_id (context, g_getenv ("MK_USER_ID"));
      dialog = mk_export_dialog_new (NULL, context);
      gtk_window_present (GTK_WINDOW (dialog));
      g_main_loop_run (loop);
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/export/dialog/shows-kit", Fixture, NULL,
              fixture_set_up, test_shows_kit, fixture_tear_down);
  g_test_add ("/export/dialog/remembers-options", Fixture, NULL,
              fixture_set_up, test_remembers_options, fixture_tear_down);
  g_test_add ("/export/dialog/save-and-print", Fixture, NULL,
              fixture_set_up, test_save_and_print, fixture_tear_down);
  g_test_add ("/export/dialog/no-profile", Fixture, NULL,
              fixture_set_up, test_no_profile, fixture_tear_down);
  g_test_add ("/export/dialog/default-sections", Fixture, NULL,
              fixture_set_up, test_default_sections, fixture_tear_down);
  g_test_add ("/export/dialog/choice-beats-default", Fixture, NULL,
              fixture_set_up, test_choice_beats_default, fixture_tear_down);
  g_test_add ("/export/preferences/defaults", Fixture, NULL,
              fixture_set_up, test_preferences_page, fixture_tear_down);
  g_test_add ("/export/cli/uses-defaults", Fixture, NULL,
              fixture_set_up, test_cli_uses_defaults, fixture_tear_down);

  return g_test_run ();
}
