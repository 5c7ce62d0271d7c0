/* test-backups-group.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Preferences → Backups (issue #11.4): one row per daily backup, newest
 * first, and Back Up Now adds today's. */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <glib/gstdio.h>

#include "backups/mk-backups-group.h"
#include "mk-backup.h"
#include "mk-context.h"

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

static gboolean
has_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_button (child))
      return TRUE;
  return FALSE;
}

/* The titles of the visible rows that offer Restore…, in order (the
 * "No backups yet" row has no button). */
static void
collect_backup_rows (GtkWidget *widget,
                     GPtrArray *titles)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      if (gtk_widget_get_visible (widget) && has_button (widget))
        g_ptr_array_add (titles, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_backup_rows (child, titles);
}

static GPtrArray *
backup_rows (GtkWidget *widget)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  collect_backup_rows (widget, titles);
  return titles;
}

static void
test_list_and_back_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mk-test-backups-group-XXXXXX", &error);
  g_autoptr(MkContext) context = mk_context_new (dir, &error);
  g_autofree char *db_path = NULL;
  g_autofree char *backup_dir = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  const char *old_days[] = { "2026-01-02", "2026-01-01" };
  GtkWidget *window;
  MkBackupsGroup *group;

  g_assert_no_error (error);
  db_path = mk_context_get_db_path (context);
  backup_dir = mk_backup_get_dir (db_path);
  g_assert_cmpint (g_mkdir_with_parents (backup_dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (old_days); i++)
    {
      g_autofree char *name = g_strdup_printf ("mediakit-%s.db", old_days[i]);
      g_autofree char *path = g_build_filename (backup_dir, name, NULL);

      g_assert_true (mk_backup_write (db_path, path, NULL, &error));
      g_assert_no_error (error);
    }

  group = g_object_new (MK_TYPE_BACKUPS_GROUP, NULL);
  window = adw_preferences_window_new ();
  {
    GtkWidget *page = adw_preferences_page_new ();

    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  }
  mk_backups_group_set_context (group, context);
  gtk_window_present (GTK_WINDOW (window));

  before = backup_rows (GTK_WIDGET (group));
  g_assert_cmpuint (before->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (before, 0), ==, "2026-01-02");
  g_assert_cmpstr (g_ptr_array_index (before, 1), ==, "2026-01-01");

  /* Back Up Now: today's backup appears first once written. */
  {
    GtkWidget *suffix = adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (group));

    g_assert_true (GTK_IS_BUTTON (suffix));
    g_signal_emit_by_name (suffix, "clicked");
  }
  do
    {
      g_clear_pointer (&after, g_ptr_array_unref);
      g_main_context_iteration (NULL, TRUE);
      after = backup_rows (GTK_WIDGET (group));
    }
  while (after->len < 3);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (after, 0), ==, today);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&context);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/backups-group/list-and-back-up", test_list_and_back_up);

  return g_test_run ();
}
