/* mk-bench-startup.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Start-up of Mediakit on a 100,000-entry workspace against an empty
 * AdwApplicationWindow, both measured here in the same run, alternating, so
 * that the machine's speed divides out. Prints `bench NAME VALUE UNIT`. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mk-demo.h"
#include "mk-store.h"

#define RUNS 10
#define ENTRIES 100000

typedef struct
{
  double ms;
  /* The first frame with the visible section's content; Mediakit reads it
   * in threads and paints it a frame or so after the first. */
  double content_ms;
  double rss_kib;
} Sample;

/* exec → first painted frame: the child prints its CLOCK_MONOTONIC time at
 * the first frame (g_get_monotonic_time() is that clock), the parent took it
 * just before fork. Max RSS comes from wait4(). */
static gboolean
run_once (char   **argv,
          Sample  *sample)
{
  int fds[2];
  pid_t pid;
  gint64 start;
  int status = 0;
  struct rusage usage = { 0 };
  char buf[256] = { 0 };
  gsize len = 0;
  const char *line;
  gint64 frame;

  if (pipe (fds) != 0)
    return FALSE;

  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      dup2 (fds[1], STDOUT_FILENO);
      close (fds[0]);
      close (fds[1]);
      execv (argv[0], argv);
      _exit (127);
    }

  close (fds[1]);
  for (;;)
    {
      ssize_t n = read (fds[0], buf + len, sizeof buf - 1 - len);
      if (n <= 0)
        break;
      len += n;
      if (len >= sizeof buf - 1)
        break;
    }
  close (fds[0]);

  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("bench: %s exited abnormally (status %d)\n", argv[0], status);
      return FALSE;
    }

  line = strstr (buf, "first-frame ");
  if (line == NULL)
    {
      g_printerr ("bench: %s did not report its first frame\n", argv[0]);
      return FALSE;
    }

  frame = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);
  sample->ms = (frame - start) / 1000.0;
  /* The empty windows have nothing more to show. */
  line = strstr (buf, "content-frame ");
  if (line != NULL)
    frame = g_ascii_strtoll (line + strlen ("content-frame "), NULL, 10);
  sample->content_ms = (frame - start) / 1000.0;
  sample->rss_kib = usage.ru_maxrss;
  return TRUE;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (GCompareFunc)cmp_double);
  return (n % 2) ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *data_dir_arg = NULL;
  double mk_ms[RUNS], mk_content_ms[RUNS], mk_rss[RUNS], empty_ms[RUNS], empty_rss[RUNS], shell_ms[RUNS];
  double stack_ms[RUNS];

  if (argc != 4)
    {
      g_printerr ("usage: %s MEDIAKIT EMPTY-WINDOW STACK-WINDOW\n", argv[0]);
      return 2;
    }

  tmp = g_dir_make_tmp ("mk-bench-startup-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp, "mediakit.db", NULL);

  store = mk_store_open (db_path, &error);
  if (store == NULL || !mk_demo_fill (store, &user_id, &error) ||
      !mk_demo_fill_calendar_bulk (store, user_id, ENTRIES, &error))
    {
      g_printerr ("bench: %s\n", error->message);
      return 1;
    }
  g_clear_object (&store);

  g_setenv ("MEDIAKIT_QUIT_AFTER_FIRST_FRAME", "1", TRUE);
  data_dir_arg = g_strconcat ("--data-dir=", tmp, NULL);

  {
    char *mk_argv[] = { argv[1], data_dir_arg, NULL };
    char *empty_argv[] = { argv[2], NULL };
    char *shell_argv[] = { argv[2], (char *)"--shell", NULL };
    char *stack_argv[] = { argv[3], (char *)"--shell", NULL };
    Sample s;

    /* One unmeasured run each warms the page cache and the font cache. */
    if (!run_once (mk_argv, &s) || !run_once (empty_argv, &s) || !run_once (shell_argv, &s) ||
        !run_once (stack_argv, &s))
      return 1;

    for (guint i = 0; i < RUNS; i++)
      {
        if (!run_once (empty_argv, &s))
          return 1;
        empty_ms[i] = s.ms;
        empty_rss[i] = s.rss_kib;

        if (!run_once (mk_argv, &s))
          return 1;
        mk_ms[i] = s.ms;
        mk_content_ms[i] = s.content_ms;
        mk_rss[i] = s.rss_kib;

        if (!run_once (shell_argv, &s))
          return 1;
        shell_ms[i] = s.ms;

        if (!run_once (stack_argv, &s))
          return 1;
        stack_ms[i] = s.ms;
      }
  }

  {
    double m_ms = median (mk_ms, RUNS), e_ms = median (empty_ms, RUNS);
    double m_rss = median (mk_rss, RUNS), e_rss = median (empty_rss, RUNS);
    double s_ms = median (shell_ms, RUNS);
    double k_ms = median (stack_ms, RUNS);
    double c_ms = median (mk_content_ms, RUNS);

    g_printerr ("startup: mediakit %.1f ms (content %.1f ms) / %.0f KiB, empty window %.1f ms / %.0f KiB, "
                "shell-only window %.1f ms, with the stack's libraries %.1f ms (medians of %d)\n",
                m_ms, c_ms, m_rss, e_ms, e_rss, s_ms, k_ms, RUNS);
    g_print ("bench startup_vs_empty_window %.3f x\n", m_ms / e_ms);
    /* Not the target, said beside it: when the month's entries show. */
    g_print ("bench startup_content_vs_empty_window %.3f x\n", c_ms / e_ms);
    g_print ("bench startup_rss_vs_empty_window %.3f x\n", m_rss / e_rss);
    /* Not a target: the floor the first ratio stands on. */
    g_print ("bench startup_shell_floor_vs_empty_window %.3f x\n", s_ms / e_ms);
    /* Not a target either: that floor once the libraries Mediakit must link
     * (libsoup, libical, libsecret, ...) are loaded and relocated too. */
    g_print ("bench startup_stack_floor_vs_empty_window %.3f x\n", k_ms / e_ms);
  }

  /* Best effort: the bench leaves nothing behind in /tmp. */
  {
    const char *names[] = { "mediakit.db", "mediakit.db-wal", "mediakit.db-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *p = g_build_filename (tmp, names[i], NULL);
        g_unlink (p);
      }
    g_rmdir (tmp);
  }

  return 0;
}
