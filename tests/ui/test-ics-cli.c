/* test-ics-cli.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* --import-ics and --export-ics through the real binary, on a demo
 * workspace. */

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <string.h>

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
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

static guint
count_events (const char *path)
{
  g_autofree char *text = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  for (const char *p = text; (p = strstr (p, "BEGIN:VEVENT\r\n")) != NULL; p++)
    n++;
  return n;
}

static void
test_export_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mk-test-ics-cli-XXXXXX", &error);
  g_autofree char *dir2 = g_dir_make_tmp ("mk-test-ics-cli-XXXXXX", &error);
  g_autofree char *data_arg = g_strconcat ("--data-dir=", dir, NULL);
  g_autofree char *data_arg2 = g_strconcat ("--data-dir=", dir2, NULL);
  g_autofree char *ics = g_build_filename (dir, "all.ics", NULL);
  g_autofree char *ics2 = g_build_filename (dir, "again.ics", NULL);
  g_autofree char *google = g_test_build_filename (G_TEST_DIST, "export", "ics", "google.ics", NULL);
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "export", "ics", "broken-bad-date.ics", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) demo2 = { 0 };
  g_auto(Run) exported = { 0 };
  g_auto(Run) imported = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) foreign = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) reexported = { 0 };

  g_assert_no_error (error);
  run (&demo, data_arg, "--demo", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  /* The demo holds 60 entries: all of them, as VEVENTs. */
  run (&exported, data_arg, "--export-ics", ics, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_nonnull (strstr (exported.out, "60"));
  g_assert_cmpuint (count_events (ics), ==, 60);

  /* Into a second demo workspace (other ids): everything new. */
  run (&demo2, data_arg2, "--demo", NULL);
  run (&imported, data_arg2, "--account", "demo@mediakit.invalid", "--import-ics", ics, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_nonnull (strstr (imported.out, "Imported 60 entries"));

  /* Into the workspace it came from: nothing new. */
  run (&again, data_arg, "--import-ics", ics, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "Imported 0 entries"));
  g_assert_nonnull (strstr (again.out, "Skipped 60"));

  run (&foreign, data_arg, "--import-ics", google, NULL);
  g_assert_cmpint (foreign.status, ==, 0);
  g_assert_nonnull (strstr (foreign.out, "Imported 3 entries"));

  /* A broken file: the line on stderr, nothing imported, the export the
   * same size as before plus the three. */
  run (&bad, data_arg, "--import-ics", broken, NULL);
  g_assert_cmpint (bad.status, !=, 0);
  g_assert_true (g_str_has_prefix (bad.err, "mediakit: "));
  g_assert_nonnull (strstr (bad.err, "Line 11"));

  run (&missing, data_arg, "--import-ics", "/nonexistent/file.ics", NULL);
  g_assert_cmpint (missing.status, !=, 0);
  g_assert_true (g_str_has_prefix (missing.err, "mediakit: "));

  run (&reexported, data_arg, "--export-ics", ics2, NULL);
  g_assert_cmpint (reexported.status, ==, 0);
  g_assert_cmpuint (count_events (ics2), ==, 63);

  remove_tree (dir);
  remove_tree (dir2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: %s MEDIAKIT-BINARY", argv[0]);
  mediakit = argv[1];

  g_test_add_func ("/ics/cli", test_export_import);

  return g_test_run ();
}
