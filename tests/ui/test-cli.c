/* test-cli.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The command line as a script sees it: the real binary, its exit status,
 * stdout and stderr, and what it leaves on disk. */

#include <glib/gstdio.h>
#include <gio/gio.h>

static const char *mediakit;
/* NULL: the test's own environment. */
static char **run_envp;

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

  g_spawn_sync (NULL, (char **)argv->pdata, run_envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mk-test-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
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

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, len);
}

static void
test_version (void)
{
  g_auto(Run) r = { 0 };

  run (&r, "--version", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Mediakit "));
}

static void
test_demo_and_export (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *data_arg = g_strconcat ("--data-dir=", dir, NULL);
  g_autofree char *html = g_build_filename (dir, "kit.html", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) export = { 0 };

  run (&demo, data_arg, "--demo", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_nonnull (strstr (demo.out, "demo@mediakit.invalid"));

  /* A second demo would mix two workspaces: refused, nothing changed. */
  run (&again, data_arg, "--demo", NULL);
  g_assert_cmpint (again.status, !=, 0);
  g_assert_true (g_str_has_prefix (again.err, "mediakit: "));

  run (&export, data_arg, "--export", html, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_true (g_file_get_contents (html, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Sarah Lens"));
  g_assert_null (strstr (contents, "<script"));

  /* The demo drew its posts' pictures into the workspace's own cache, and
   * the kit carries them inline: six tiles, six PNGs. */
  {
    g_autofree char *thumbs = g_build_filename (dir, "cache", "thumbnails", NULL);
    g_autoptr(GDir) listing = g_dir_open (thumbs, 0, NULL);
    guint n_files = 0, n_inline = 0;
    const char *p = contents;

    g_assert_nonnull (listing);
    while (g_dir_read_name (listing) != NULL)
      n_files++;
    g_assert_cmpuint (n_files, ==, 24);
    while ((p = strstr (p, "<img class=\"thumb\" alt=\"\" src=\"data:image/png;base64,")) != NULL)
      {
        n_inline++;
        p++;
      }
    g_assert_cmpuint (n_inline, ==, 6);
  }

  /* The same as PDF; a folder in its way is refused, and left alone. */
  {
    g_autofree char *pdf = g_build_filename (dir, "kit.pdf", NULL);
    g_autofree char *folder = g_build_filename (dir, "folder.pdf", NULL);
    g_autofree char *pdf_contents = NULL;
    g_auto(Run) pdf_run = { 0 };
    g_auto(Run) refused = { 0 };
    gsize length = 0;

    /* From a build tree the settings schema is not installed: the export
     * falls back to the default paper instead of aborting. */
    run_envp = g_environ_unsetenv (g_get_environ (), "GSETTINGS_SCHEMA_DIR");
    run_envp = g_environ_setenv (run_envp, "XDG_DATA_DIRS", "/nonexistent", TRUE);
    run (&pdf_run, data_arg, "--export", pdf, NULL);
    g_clear_pointer (&run_envp, g_strfreev);
    g_assert_cmpint (pdf_run.status, ==, 0);
    g_assert_true (g_file_get_contents (pdf, &pdf_contents, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_cmpmem (pdf_contents, 5, "%PDF-", 5);

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    run (&refused, data_arg, "--export", folder, NULL);
    g_assert_cmpint (refused.status, !=, 0);
    g_assert_true (g_str_has_prefix (refused.err, "mediakit: "));
    g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  }

  remove_tree (dir);
}

static void
test_export_errors (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *empty = make_dir ();
  g_autofree char *data_arg = g_strconcat ("--data-dir=", dir, NULL);
  g_autofree char *empty_arg = g_strconcat ("--data-dir=", empty, NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "folder", "kit.html", NULL);
  g_auto(Run) demo = { 0 };
  g_auto(Run) r1 = { 0 };
  g_auto(Run) r2 = { 0 };
  g_auto(Run) r3 = { 0 };
  g_auto(Run) r4 = { 0 };

  run (&demo, data_arg, "--demo", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  run (&r1, data_arg, "--export", missing, NULL);
  g_assert_cmpint (r1.status, !=, 0);
  g_assert_nonnull (strstr (r1.err, "mediakit: "));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  run (&r2, data_arg, "--export", "kit.docx", NULL);
  g_assert_cmpint (r2.status, !=, 0);
  g_assert_nonnull (strstr (r2.err, ".html"));

  /* No workspace: said so, and no database is made as a side effect. */
  run (&r3, empty_arg, "--export", "kit.html", NULL);
  g_assert_cmpint (r3.status, !=, 0);
  g_assert_nonnull (strstr (r3.err, "no Mediakit workspace"));
  {
    g_autofree char *db = g_build_filename (empty, "mediakit.db", NULL);
    g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  }

  run (&r4, data_arg, "--account", "nobody@example.com", "--export", "kit.html", NULL);
  g_assert_cmpint (r4.status, !=, 0);
  g_assert_nonnull (strstr (r4.err, "nobody@example.com"));

  remove_tree (dir);
  remove_tree (empty);
}

/* The three refusals, seen from the command line: a message that says
 * which, a non-zero exit, and the file byte for byte as it was. */
static void
test_refusals (void)
{
  static const struct {
    const char *name;
    const char *expect;
  } cases[] = {
    { "not-sqlite", "not SQLite" },
    { "corrupt", NULL },
    { "too-new", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = make_dir ();
      g_autofree char *data_arg = g_strconcat ("--data-dir=", dir, NULL);
      g_autofree char *db = g_build_filename (dir, "mediakit.db", NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_auto(Run) r = { 0 };

      if (i == 0)
        {
          g_assert_true (g_file_set_contents (db, "This is a shopping list, not a database.\n", -1, NULL));
        }
      else
        {
          g_auto(Run) demo = { 0 };
          g_autofree char *contents = NULL;
          gsize len = 0;

          run (&demo, data_arg, "--demo", NULL);
          g_assert_cmpint (demo.status, ==, 0);
          g_assert_true (g_file_get_contents (db, &contents, &len, NULL));
          g_assert_cmpuint (len, >, 8192);

          if (i == 1)
            {
              /* Scribble over the b-tree page headers of pages 2 to 4. */
              memset (contents + 4096, 0xA5, 3 * 4096);
            }
          else
            {
              /* user_version lives at offset 60, big-endian. */
              contents[60] = 0x00; contents[61] = 0x00; contents[62] = 0x7f; contents[63] = 0xff;
            }
          g_assert_true (g_file_set_contents (db, contents, len, NULL));
        }

      before = checksum_of (db);
      run (&r, data_arg, "--export", "kit.html", NULL);
      after = checksum_of (db);

      g_test_message ("%s: %s", cases[i].name, r.err);
      g_assert_cmpint (r.status, !=, 0);
      g_assert_true (g_str_has_prefix (r.err, "mediakit: "));
      g_assert_nonnull (strstr (r.err, db));
      if (cases[i].expect != NULL)
        g_assert_nonnull (strstr (r.err, cases[i].expect));
      g_assert_cmpstr (before, ==, after);

      remove_tree (dir);
    }
}

/* --sync works now (tests/ui/test-sync-cli.c); with nothing connected it
 * says so and fails rather than printing an empty summary. */
static void
test_sync_nothing_connected (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *data_arg = g_strconcat ("--data-dir=", dir, NULL);
  g_auto(Run) demo = { 0 };
  g_auto(Run) r = { 0 };

  run (&demo, data_arg, "--demo", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  run (&r, data_arg, "--sync", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_prefix (r.err, "mediakit: "));
  g_assert_nonnull (strstr (r.err, "No platform is connected"));
  g_assert_cmpstr (r.out, ==, "");

  remove_tree (dir);
}

/* The window's start-up refuses a database from a newer Mediakit with a
 * dialog. Started for a benchmark or a test (MEDIAKIT_QUIT_AFTER_FIRST_FRAME)
 * nobody answers it: the reason goes to stderr and the run ends, the file
 * untouched, instead of waiting for ever. Closing the dialog starts no new
 * database, so the run failed: a script or a benchmark must not read it as
 * a clean start. */
static void
test_refused_window_quits (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *data_arg = g_strconcat ("--data-dir=", dir, NULL);
  g_autofree char *db = g_build_filename (dir, "mediakit.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) r = { 0 };
  gsize len = 0;

  run (&demo, data_arg, "--demo", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_true (g_file_get_contents (db, &contents, &len, NULL));
  contents[60] = 0x00; contents[61] = 0x00; contents[62] = 0x7f; contents[63] = 0xff;
  g_assert_true (g_file_set_contents (db, contents, len, NULL));
  before = checksum_of (db);

  g_setenv ("MEDIAKIT_QUIT_AFTER_FIRST_FRAME", "1", TRUE);
  run (&r, data_arg, NULL);
  g_unsetenv ("MEDIAKIT_QUIT_AFTER_FIRST_FRAME");
  after = checksum_of (db);

  /* A line of its own among GTK's and D-Bus's. */
  {
    g_autofree char *line = g_strdup_printf ("mediakit: The database %s was made by a newer version", db);

    g_assert_nonnull (strstr (r.err, line));
  }
  g_assert_null (strstr (r.out, "first-frame"));
  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (before, ==, after);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: %s MEDIAKIT-BINARY", argv[0]);
  mediakit = argv[1];

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/demo-and-export", test_demo_and_export);
  g_test_add_func ("/cli/export-errors", test_export_errors);
  g_test_add_func ("/cli/refusals", test_refusals);
  g_test_add_func ("/cli/sync-nothing-connected", test_sync_nothing_connected);
  g_test_add_func ("/cli/refused-window-quits", test_refused_window_quits);

  return g_test_run ();
}
