/* test-crash.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Kill -9 at a random moment, then look at what is on disk.
 *
 * /crash/writes: mk-crash-child writes random transactions through the
 * store and acknowledges each commit on a pipe; SIGKILL comes 0–200 ms
 * after it said its store is open (in one cycle of ten, after it started,
 * so that some kills land in the open itself). Then the database must open, pass integrity_check and foreign_key_check, and hold every
 * acknowledged row. MK_CRASH_CYCLES sets the number of cycles (100).
 *
 * /crash/import-ics, /crash/import-reviews: an import of 3,000 rows is
 * killed at a random moment of its run (the first cycle, left to finish,
 * measures how long that is); the row count must be the one before the
 * import or the one after it. MK_CRASH_IMPORT_CYCLES sets their cycles
 * (15 each).
 *
 * MK_CRASH_SEED replays a run; every failure names its seed. */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mk-store-private.h"

#define MAX_KILL_DELAY_US 200000
#define IMPORT_ROWS       3000

static guint32 master_seed;
static char   *child_path;

#define check(cond, seed, ...) \
  G_STMT_START { \
    if (!(cond)) \
      { \
        g_autofree char *what_ = g_strdup_printf (__VA_ARGS__); \
        g_error ("%s (cycle seed %u; replay the run with MK_CRASH_SEED=%u)", \
                 what_, (seed), master_seed); \
      } \
  } G_STMT_END

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? (guint)g_ascii_strtoull (value, NULL, 10) : fallback;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A workspace with one account, as the parent leaves it for the child. */
static char *
new_workspace (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(MkUser) user = mk_user_new ();
  char *dir = g_dir_make_tmp ("mediakit-crash-XXXXXX", &error);
  char *db_path;

  g_assert_no_error (error);
  db_path = g_build_filename (dir, "mediakit.db", NULL);
  store = mk_store_open (db_path, &error);
  g_assert_no_error (error);
  mk_user_set_email (user, "crash@example.com");
  mk_user_set_password_hash (user, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA");
  g_assert_true (mk_store_users_insert (store, user, &error));
  g_assert_no_error (error);

  *out_dir = dir;
  return db_path;
}

typedef struct {
  GPid     pid;
  int      out_fd;
  GString *buffer;
} Child;

static void
child_spawn (Child       *child,
             const char  *mode,
             const char  *db_path,
             const char  *arg)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { child_path, mode, db_path, arg, NULL };

  child->buffer = g_string_new (NULL);
  g_spawn_async_with_pipes (NULL, (char **)argv, NULL,
                            G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDIN_FROM_DEV_NULL,
                            NULL, NULL, &child->pid, NULL, &child->out_fd, NULL, &error);
  g_assert_no_error (error);
}

/* Reads what the child wrote until @deadline (monotonic µs), or until EOF
 * when @deadline is 0; with @one_chunk, returns after the first chunk too.
 * FALSE at EOF. */
static gboolean
child_read_full (Child    *child,
                 gint64    deadline,
                 gboolean  one_chunk)
{
  for (;;)
    {
      struct pollfd pfd = { child->out_fd, POLLIN, 0 };
      int timeout = -1;
      char chunk[4096];
      ssize_t n;

      if (deadline > 0)
        {
          gint64 left = deadline - g_get_monotonic_time ();

          if (left <= 0)
            return TRUE;
          timeout = (int)((left + 999) / 1000);
        }

      if (poll (&pfd, 1, timeout) < 0)
        {
          g_assert_cmpint (errno, ==, EINTR);
          continue;
        }
      if (pfd.revents == 0)
        continue;

      n = read (child->out_fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >=, 0);
      if (n == 0)
        return FALSE;
      g_string_append_len (child->buffer, chunk, n);
      if (one_chunk)
        return TRUE;
    }
}

static gboolean
child_read (Child  *child,
            gint64  deadline)
{
  return child_read_full (child, deadline, FALSE);
}

static gboolean
child_read_some (Child  *child,
                 gint64  deadline)
{
  return child_read_full (child, deadline, TRUE);
}

/* Reads until the child said "ready" (its store is open) or exited. */
static void
child_wait_ready (Child *child)
{
  while (strstr (child->buffer->str, "ready\n") == NULL)
    {
      gint64 far = g_get_monotonic_time () + G_TIME_SPAN_HOUR;

      if (!child_read_some (child, far))
        return;
    }
}

/* Kills the child (if it still runs), drains the pipe, reaps it. Returns the
 * wait status. */
static int
child_kill (Child *child)
{
  int status = 0;

  kill (child->pid, SIGKILL);
  while (child_read (child, 0))
    ;
  g_assert_cmpint (waitpid (child->pid, &status, 0), ==, child->pid);
  g_spawn_close_pid (child->pid);
  close (child->out_fd);
  return status;
}

/* Only whole lines count: they were written after COMMIT returned. */
static GStrv
child_take_lines (Child *child)
{
  char *end = strrchr (child->buffer->str, '\n');
  GStrv lines;

  if (end == NULL)
    lines = g_new0 (char *, 1);
  else
    {
      *end = '\0';
      lines = g_strsplit (child->buffer->str, "\n", -1);
    }
  g_string_free (child->buffer, TRUE);
  child->buffer = NULL;
  return lines;
}

static gboolean
status_is_expected (int status)
{
  return (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL) ||
         (WIFEXITED (status) && WEXITSTATUS (status) == 0);
}

static char *
describe_status (int status)
{
  if (WIFSIGNALED (status))
    return g_strdup_printf ("killed by signal %d", WTERMSIG (status));
  return g_strdup_printf ("exited with status %d (see its message above)", WEXITSTATUS (status));
}

/* Reopens the database as the app does, then checks it whole. */
static MkStore *
reopen_and_check (const char *db_path,
                  guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;
  MkStore *store;
  MkDatabase *db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  store = mk_store_open (db_path, &error);
  check (store != NULL, seed, "the database does not open after the kill: %s", error->message);
  db = mk_store_get_database (store);

  integrity = mk_database_query_text (db, "PRAGMA integrity_check", &error);
  check (integrity != NULL, seed, "integrity_check failed to run: %s", error->message);
  check (g_str_equal (integrity, "ok"), seed, "integrity_check: %s", integrity);

  g_assert_cmpint (sqlite3_prepare_v2 (mk_database_get_handle (db), "PRAGMA foreign_key_check",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  rc = sqlite3_step (stmt);
  check (rc == SQLITE_DONE, seed, "foreign_key_check reports a row of %s",
         rc == SQLITE_ROW ? (const char *)sqlite3_column_text (stmt, 0) : "(error)");
  sqlite3_finalize (stmt);

  return store;
}

/* Every key of @table's @column, once per cycle rather than a query per
 * acknowledged row. */
static GHashTable *
load_keys (MkStore    *store,
           const char *table,
           const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s", column, table);
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (mk_database_get_handle (mk_store_get_database (store)),
                                       sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (keys, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return keys;
}

static void
test_writes (void)
{
  static const char * const tables[][2] = {
    { "calendar_entries", "id" },
    { "reviews", "id" },
    { "cached_metrics", "id" },
    { "logs", "message" },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (master_seed);
  g_autoptr(GPtrArray) acknowledged = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  g_autofree char *db_path = new_workspace (&dir);
  guint cycles = env_uint ("MK_CRASH_CYCLES", 100);
  guint killed_early = 0;

  for (guint cycle = 0; cycle < cycles; cycle++)
    {
      guint32 seed = g_rand_int (rand);
      g_autofree char *seed_text = g_strdup_printf ("%u", seed);
      g_autoptr(GRand) cycle_rand = g_rand_new_with_seed (seed);
      g_autoptr(MkStore) store = NULL;
      g_auto(GStrv) lines = NULL;
      g_autofree char *status_text = NULL;
      GHashTable *keys[G_N_ELEMENTS (tables)];
      Child child;
      int status;

      child_spawn (&child, "write", db_path, seed_text);
      /* Nine kills in ten among the writes, counted from the moment the
       * store is open (opening takes longer as the file grows); the tenth
       * from the start, which may land in the open and its WAL recovery. */
      if (g_rand_int_range (cycle_rand, 0, 10) != 0)
        child_wait_ready (&child);
      child_read (&child, g_get_monotonic_time () +
                          g_rand_int_range (cycle_rand, 0, MAX_KILL_DELAY_US + 1));
      status = child_kill (&child);
      status_text = describe_status (status);
      check (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL, seed,
             "the writer %s before it was killed", status_text);

      lines = child_take_lines (&child);
      if (lines[0] == NULL || (g_str_equal (lines[0], "ready") && lines[1] == NULL))
        killed_early++;
      for (guint i = 0; lines[i] != NULL; i++)
        if (!g_str_equal (lines[i], "ready"))
          g_ptr_array_add (acknowledged, g_steal_pointer (&lines[i]));

      store = reopen_and_check (db_path, seed);
      for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
        keys[t] = load_keys (store, tables[t][0], tables[t][1]);

      for (guint i = 0; i < acknowledged->len; i++)
        {
          const char *line = g_ptr_array_index (acknowledged, i);
          const char *key = strchr (line, ' ');
          gboolean known = FALSE;

          check (key != NULL, seed, "the writer sent “%s”", line);
          for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
            {
              if (strncmp (line, tables[t][0], (gsize)(key - line)) != 0 ||
                  tables[t][0][key - line] != '\0')
                continue;
              known = TRUE;
              check (g_hash_table_contains (keys[t], key + 1), seed,
                     "an acknowledged commit is lost after a kill in cycle %u: %s",
                     cycle, line);
            }
          check (known, seed, "the writer sent “%s”", line);
        }

      for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
        g_hash_table_unref (keys[t]);
    }

  g_test_message ("%u cycles, %u acknowledged rows, %u kills before the first commit",
                  cycles, acknowledged->len, killed_early);
  /* The kills must land among the writes, not all before them. */
  g_assert_cmpuint (acknowledged->len, >, 0);

  remove_dir (dir);
}

static gint64
count_rows (const char *db_path,
            const char *table,
            guint32     seed)
{
  g_autoptr(MkStore) store = reopen_and_check (db_path, seed);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(GError) error = NULL;
  gint64 count = -1;

  g_assert_true (mk_database_query_int (mk_store_get_database (store), sql, &count, &error));
  g_assert_no_error (error);
  return count;
}

static char *
write_ics (const char *dir)
{
  g_autoptr(GString) ics = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                                         "PRODID:-//Mediakit//Crash test//EN\r\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "import.ics", NULL);

  for (guint i = 0; i < IMPORT_ROWS; i++)
    g_string_append_printf (ics,
                            "BEGIN:VEVENT\r\n"
                            "UID:crash-%u@example.com\r\n"
                            "DTSTAMP:20261101T090000Z\r\n"
                            "DTSTART:202%u%02u%02uT1%u0000Z\r\n"
                            "SUMMARY:Shoot %u for Brand\r\n"
                            "LOCATION:Studio %u\r\n"
                            "END:VEVENT\r\n",
                            i, 6 + i % 3, 1 + i % 12, 1 + i % 28, i % 10, i, i % 7);
  g_string_append (ics, "END:VCALENDAR\r\n");
  g_assert_true (g_file_set_contents (path, ics->str, ics->len, &error));
  g_assert_no_error (error);
  return path;
}

static char *
write_csv (const char *dir)
{
  g_autoptr(GString) csv = g_string_new ("client_name,client_email,rating,review_text,project_type\r\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "import.csv", NULL);

  for (guint i = 0; i < IMPORT_ROWS; i++)
    g_string_append_printf (csv, "Client %u,c%u@example.com,%u,\"Great, \"\"fast\"\" work %u\",Reel\r\n",
                            i, i, 1 + i % 5, i);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  g_assert_no_error (error);
  return path;
}

static void
run_import_cycles (const char *mode,
                   const char *table)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (master_seed ^ g_str_hash (mode));
  g_autofree char *files_dir = g_dir_make_tmp ("mediakit-crash-files-XXXXXX", NULL);
  g_autofree char *file = g_str_equal (mode, "ics") ? write_ics (files_dir) : write_csv (files_dir);
  guint cycles = env_uint ("MK_CRASH_IMPORT_CYCLES", 15);
  guint before_count = 0, after_count = 0;
  gint64 duration = 0;

  /* Cycle 0 runs the import to its end: how long it takes from the open
   * store to the exit sets the window of the kills that follow, so that
   * they land all along it (the commit included) on a fast machine and
   * under ASan alike. */
  for (guint cycle = 0; cycle <= cycles; cycle++)
    {
      guint32 seed = g_rand_int (rand);
      g_autoptr(GRand) cycle_rand = g_rand_new_with_seed (seed);
      g_autofree char *dir = NULL;
      g_autofree char *db_path = new_workspace (&dir);
      g_autofree char *status_text = NULL;
      g_auto(GStrv) lines = NULL;
      gint64 before, after;
      Child child;
      int status;

      before = count_rows (db_path, table, seed);
      child_spawn (&child, mode, db_path, file);
      child_wait_ready (&child);
      if (cycle == 0)
        {
          gint64 start = g_get_monotonic_time ();

          while (child_read (&child, 0))
            ;
          duration = MAX (g_get_monotonic_time () - start, 1000);
        }
      else
        child_read (&child, g_get_monotonic_time () +
                            (gint64)g_rand_double_range (cycle_rand, 0, 1.2 * duration));
      status = child_kill (&child);
      status_text = describe_status (status);
      check (status_is_expected (status), seed, "the import %s", status_text);
      lines = child_take_lines (&child);

      after = count_rows (db_path, table, seed);
      /* The import writes a log row too; the count is about the rows. */
      check (after == before || after == before + IMPORT_ROWS, seed,
             "a killed %s import left %" G_GINT64_FORMAT " rows in %s (before %" G_GINT64_FORMAT
             ", complete %" G_GINT64_FORMAT ")", mode, after, table, before, before + IMPORT_ROWS);
      if (WIFEXITED (status) || cycle == 0)
        check (WIFEXITED (status) && after == before + IMPORT_ROWS, seed,
               "the import finished but its rows are not there");

      if (cycle > 0 && after == before)
        before_count++;
      else if (cycle > 0)
        after_count++;
      remove_dir (dir);
    }

  g_test_message ("%s: an import takes %" G_GINT64_FORMAT " ms; %u kills before its commit, %u after",
                  mode, duration / 1000, before_count, after_count);
  remove_dir (files_dir);
}

static void
test_import_ics (void)
{
  run_import_cycles ("ics", "calendar_entries");
}

static void
test_import_reviews (void)
{
  run_import_cycles ("reviews", "reviews");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self = NULL;
  g_autofree char *self_dir = NULL;

  g_test_init (&argc, &argv, NULL);

  /* A child that is killed reports nothing, but one that finished its
   * import first would run LeakSanitizer at exit: that is for the rest of
   * the suite to find, not a crash. The parent's own options are read
   * already. */
  {
    const char *asan = g_getenv ("ASAN_OPTIONS");
    g_autofree char *child_asan = g_strconcat (asan != NULL && *asan != '\0' ? asan : "",
                                               asan != NULL && *asan != '\0' ? ":" : "",
                                               "detect_leaks=0", NULL);

    g_setenv ("ASAN_OPTIONS", child_asan, TRUE);
  }

  master_seed = env_uint ("MK_CRASH_SEED", g_random_int ());
  g_test_message ("crash test seed %u (MK_CRASH_SEED=%u replays it)", master_seed, master_seed);
  g_printerr ("crash test seed %u\n", master_seed);

  /* The child is built beside this program. */
  self = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (self);
  self_dir = g_path_get_dirname (self);
  child_path = g_build_filename (self_dir, "mk-crash-child", NULL);
  g_assert_true (g_file_test (child_path, G_FILE_TEST_IS_EXECUTABLE));

  g_test_add_func ("/crash/writes", test_writes);
  g_test_add_func ("/crash/import-ics", test_import_ics);
  g_test_add_func ("/crash/import-reviews", test_import_reviews);

  return g_test_run ();
}
