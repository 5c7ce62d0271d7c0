/* test-backup-cli.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* --backup and --restore through the real binary (issue #11.4). */

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>
#include <sys/wait.h>

static const char *mediakit;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run (Run        *result,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (argv, (char *)mediakit);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

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

static char *
checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

/* The number of reviews, as --export-reviews reports it. */
static guint
count_reviews (const char *data_arg,
               const char *dir)
{
  g_autofree char *csv = g_build_filename (dir, "count.csv", NULL);
  g_auto(Run) exported = { 0 };
  const char *number;

  run (&exported, data_arg, "--export-reviews", csv, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  number = strstr (exported.out, "Exported ");
  g_assert_nonnull (number);
  return (guint)g_ascii_strtoull (number + strlen ("Exported "), NULL, 10);
}

static void
test_backup_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mk-test-backup-cli-XXXXXX", &error);
  g_autofree char *data_arg = g_strconcat ("--data-dir=", dir, NULL);
  g_autofree char *backup = g_build_filename (dir, "saved.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "more.csv", NULL);
  g_autofree char *db_path = g_build_filename (dir, "mediakit.db", NULL);
  g_auto(Run) demo = { 0 };
  g_auto(Run) backed_up = { 0 };
  g_auto(Run) imported = { 0 };
  g_auto(Run) restored = { 0 };
  guint before;

  run (&demo, data_arg, "--demo", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  before = count_reviews (data_arg, dir);
  g_assert_cmpuint (before, >, 0);

  run (&backed_up, data_arg, "--backup", backup, NULL);
  g_assert_cmpstr (backed_up.err, ==, "");
  g_assert_cmpint (backed_up.status, ==, 0);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  g_assert_true (g_file_set_contents (csv, "client_name,rating,review_text\nLate Brand,4,Added after the backup\n",
                                      -1, &error));
  run (&imported, data_arg, "--import-reviews", csv, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_cmpuint (count_reviews (data_arg, dir), ==, before + 1);

  run (&restored, data_arg, "--restore", backup, NULL);
  g_assert_cmpstr (restored.err, ==, "");
  g_assert_cmpint (restored.status, ==, 0);
  g_assert_nonnull (strstr (restored.out, "before-restore"));
  g_assert_cmpuint (count_reviews (data_arg, dir), ==, before);
  g_assert_true (g_file_test (db_path, G_FILE_TEST_IS_REGULAR));

  remove_tree (dir);
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mk-test-backup-cli-XXXXXX", &error);
  g_autofree char *empty = g_dir_make_tmp ("mk-test-backup-cli-XXXXXX", &error);
  g_autofree char *data_arg = g_strconcat ("--data-dir=", dir, NULL);
  g_autofree char *empty_arg = g_strconcat ("--data-dir=", empty, NULL);
  g_autofree char *db_path = g_build_filename (dir, "mediakit.db", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", "x.db", NULL);
  g_autofree char *elsewhere = g_build_filename (empty, "x.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) not_backup = { 0 };
  g_auto(Run) missing_folder = { 0 };
  g_auto(Run) no_workspace = { 0 };
  g_auto(Run) missing_backup = { 0 };

  run (&demo, data_arg, "--demo", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  before = checksum (db_path);

  g_assert_true (g_file_set_contents (text, "not a database\n", -1, &error));
  run (&not_backup, data_arg, "--restore", text, NULL);
  g_assert_cmpint (not_backup.status, ==, 1);
  g_assert_nonnull (strstr (not_backup.err, "not a Mediakit backup"));
  g_assert_cmpstr (not_backup.out, ==, "");

  run (&missing_backup, data_arg, "--restore", nowhere, NULL);
  g_assert_cmpint (missing_backup.status, ==, 1);
  g_assert_nonnull (strstr (missing_backup.err, nowhere));

  after = checksum (db_path);
  g_assert_cmpstr (after, ==, before);

  run (&missing_folder, data_arg, "--backup", nowhere, NULL);
  g_assert_cmpint (missing_folder.status, ==, 1);
  g_assert_nonnull (strstr (missing_folder.err, nowhere));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  run (&no_workspace, empty_arg, "--backup", elsewhere, NULL);
  g_assert_cmpint (no_workspace.status, ==, 1);
  g_assert_nonnull (strstr (no_workspace.err, "There is no Mediakit workspace"));
  g_assert_false (g_file_test (elsewhere, G_FILE_TEST_EXISTS));

  remove_tree (dir);
  remove_tree (empty);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpint (argc, >=, 2);
  mediakit = argv[1];

  g_test_add_func ("/cli/backup/round-trip", test_backup_restore);
  g_test_add_func ("/cli/backup/errors", test_errors);

  return g_test_run ();
}
