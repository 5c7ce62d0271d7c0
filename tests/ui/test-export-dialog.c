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

#include "mk-context.h"
#include "mk-demo.h"
#include "mk-export-dialog.h"

/* The Export dialog on the demo workspace: it shows the kit, its options
 * are remembered per profile, and without a profile it says so instead.
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
  const char *names[] = { "mediakit.db", "mediakit.db-wal", "mediakit.db-shm", "export-options.ini", NULL };

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

  return g_test_run ();
}
