/* replay-main.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A stand-in for libFuzzer's main(), so that the ordinary gcc (and ASan)
 * builds replay every corpus file through a harness: each argument is a file
 * or a directory of files, fed to LLVMFuzzerTestOneInput() one by one in
 * name order. A harness reports a bug by crashing or aborting, as under
 * libFuzzer; a corpus that is missing or empty is a failure, since a replay
 * of nothing proves nothing. */

#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv) __attribute__ ((weak));

static guint n_inputs;

static void
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  uint8_t *copy;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  /* An exact-size heap copy, as libFuzzer passes, so ASan sees a read one
   * past the end (g_file_get_contents() adds a NUL that would hide it). */
  copy = g_memdup2 (contents, length > 0 ? length : 1);
  g_printerr ("replaying %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  LLVMFuzzerTestOneInput (copy, length);
  g_free (copy);
  n_inputs++;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
replay_path (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      replay_file (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    g_error ("cannot open %s", path);

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    replay_path (g_ptr_array_index (names, i));
}

int
main (int    argc,
      char **argv)
{
  if (LLVMFuzzerInitialize != NULL)
    LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    replay_path (argv[i]);

  if (n_inputs == 0)
    {
      fprintf (stderr, "no corpus files given\n");
      return 1;
    }

  printf ("replayed %u inputs\n", n_inputs);
  return 0;
}
