/* test-cli-faults.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The command line on a failing disk (issue #11.2): the same code as the
 * binary's (mk_cli_run), in a subprocess whose SQLite goes through the
 * test VFS of tests/store, so no hook is needed in the program itself.
 * A write that fails ends in a message on stderr and a non-zero exit, the
 * import leaves nothing behind, and the next run works. */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <stdlib.h>

#include "mk-cli.h"
#include "mk-faulty-vfs.h"
#include "mk-store-private.h"
#include "store-test-util.h"

#define DIR_VARIABLE "MK_TEST_CLI_FAULTS_DIR"
#define FAULT_VARIABLE "MK_TEST_CLI_FAULTS_FAULT"

static int
import_reviews (const char *dir)
{
  g_autofree char *csv = g_build_filename (dir, "reviews.csv", NULL);
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);

  g_variant_dict_insert_value (options, "import-reviews", g_variant_new_bytestring (csv));
  return mk_cli_run (options, dir);
}

/* In the subprocess: the import with the disk failing from the first
 * write (or sync) on, as the variables say; MK_FAULT_NONE: a working disk. */
static void
run_failing_import (void)
{
  const char *dir = g_getenv (DIR_VARIABLE);
  MkFault fault = (MkFault)g_ascii_strtoull (g_getenv (FAULT_VARIABLE), NULL, 10);
  int status;

  mk_faulty_vfs_install ();
  mk_faulty_vfs_arm (fault, 1);
  status = import_reviews (dir);
  g_assert_true (mk_faulty_vfs_fired () == (fault != MK_FAULT_NONE));
  exit (status);
}

static gint64
count_reviews (const char *dir)
{
  g_autoptr(MkStore) store = store_test_open (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  gint64 n = -1;

  integrity = mk_database_query_text (mk_store_get_database (store), "PRAGMA integrity_check", &error);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_true (mk_database_query_int (mk_store_get_database (store),
                                        "SELECT count(*) FROM reviews", &n, &error));
  return n;
}

static void
test_failing_import (gconstpointer data)
{
  MkFault fault = GPOINTER_TO_INT (data);
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *fault_text = g_strdup_printf ("%d", fault);
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      run_failing_import ();
      return;
    }

  dir = store_test_make_dir ();
  csv = g_build_filename (dir, "reviews.csv", NULL);
  {
    g_autoptr(MkStore) store = store_test_open (dir);
    g_autofree char *user_id = store_test_add_user (store, "creator@example.com");
  }
  g_assert_true (g_file_set_contents (csv,
                                      "client_name,rating,review_text\n"
                                      "Acme Outdoor,5,Three reels ahead of schedule\n"
                                      "Café Ünïcode,4,\"Lovely, a bit late\"\n",
                                      -1, &error));

  g_setenv (DIR_VARIABLE, dir, TRUE);
  g_setenv (FAULT_VARIABLE, fault_text, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout_unmatched ("*Imported*");
  if (fault == MK_FAULT_FULL)
    g_test_trap_assert_stderr ("mediakit: The disk is full*Free some space*");
  else
    g_test_trap_assert_stderr ("mediakit: Could not write*");

  g_assert_cmpint (count_reviews (dir), ==, 0);

  /* Space is back: the same command works. */
  g_setenv (FAULT_VARIABLE, "0", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Imported 2 reviews from *");
  g_assert_cmpint (count_reviews (dir), ==, 2);

  store_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/cli/faults/import-reviews/full", GINT_TO_POINTER (MK_FAULT_FULL),
                        test_failing_import);
  g_test_add_data_func ("/cli/faults/import-reviews/write", GINT_TO_POINTER (MK_FAULT_WRITE),
                        test_failing_import);
  g_test_add_data_func ("/cli/faults/import-reviews/sync", GINT_TO_POINTER (MK_FAULT_SYNC),
                        test_failing_import);

  return g_test_run ();
}
