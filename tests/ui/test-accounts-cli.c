/* test-accounts-cli.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * --create-account through the real binary: the password on stdin, the new
 * id on stdout, refusals on stderr with a non-zero status.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

static const char *mediakit;

static int
run (const char  *data_dir,
     const char  *stdin_text,
     char       **out,
     char       **err,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) mediakit);
  g_ptr_array_add (argv, (char *) "--data-dir");
  g_ptr_array_add (argv, (char *) data_dir);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE |
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, stdin_text, NULL, out, err, &error);
  g_assert_no_error (error);

  return g_subprocess_get_exit_status (process);
}

static void
test_create_account (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mk-test-accounts-cli-XXXXXX", &error);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;
  g_autofree char *out4 = NULL, *err4 = NULL;
  g_autofree char *db = g_build_filename (dir, "mediakit.db", NULL);
  g_autofree char *wal = g_build_filename (dir, "mediakit.db-wal", NULL);
  g_autofree char *shm = g_build_filename (dir, "mediakit.db-shm", NULL);

  g_assert_cmpint (run (dir, "a good password\n", &out, &err, "--create-account", "cli@example.com", NULL), ==, 0);
  g_strstrip (out);
  g_assert_cmpuint (strlen (out), ==, 36);
  g_assert_cmpstr (err, ==, "");

  /* The same email in other letters is taken. */
  g_assert_cmpint (run (dir, "a good password\n", &out2, &err2, "--create-account", "CLI@example.com", NULL), !=, 0);
  g_assert_true (g_str_has_prefix (err2, "mediakit: "));
  g_assert_cmpstr (out2, ==, "");

  /* Too short, and a bad email. */
  g_assert_cmpint (run (dir, "short\n", &out3, &err3, "--create-account", "other@example.com", NULL), !=, 0);
  g_assert_true (g_str_has_prefix (err3, "mediakit: "));
  g_assert_cmpint (run (dir, "a good password\n", &out4, &err4, "--create-account", "nope", NULL), !=, 0);
  g_assert_true (g_str_has_prefix (err4, "mediakit: "));

  g_remove (db);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_assert_cmpint (argc, ==, 2);
  mediakit = argv[1];

  g_test_add_func ("/accounts/cli/create-account", test_create_account);

  return g_test_run ();
}
