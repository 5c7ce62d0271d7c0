/* test-store-backup.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Backups (issue #11.4): written whole or not at all, kept seven days,
 * restored only after they were checked, never over an unchecked file. */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "mk-backup.h"
#include "mk-faulty-vfs.h"
#include "mk-store-private.h"
#include "store-test-util.h"

typedef struct {
  char    *dir;
  char    *db_path;
  MkStore *store;
  char    *user_id;
} Fixture;

static void
add_entries (Fixture *f,
             guint    n,
             MkStore *store)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *brand = g_strdup_printf ("Brand %u", i);

      mk_calendar_entry_set_user_id (entry, f->user_id);
      mk_calendar_entry_set_entry_type (entry, MK_ENTRY_TYPE_SHOOT);
      mk_calendar_entry_set_brand_name (entry, brand);
      mk_calendar_entry_set_date (entry, "2026-12-01");
      g_assert_true (mk_store_calendar_create (store, entry, &error));
      g_assert_no_error (error);
    }
}

static gint64
count_entries (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkStore) store = mk_store_open (db_path, &error);
  gint64 n = -1;

  g_assert_no_error (error);
  g_assert_true (mk_database_query_int (mk_store_get_database (store),
                                        "SELECT count(*) FROM calendar_entries", &n, &error));
  return n;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = store_test_make_dir ();
  f->db_path = g_build_filename (f->dir, "mediakit.db", NULL);
  f->store = store_test_open (f->dir);
  f->user_id = store_test_add_user (f->store, "creator@example.com");
  add_entries (f, 5, f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  store_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
  g_free (f->user_id);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError *error = NULL;
  char **out = user_data;

  *out = mk_backup_create_finish (result, &error);
  g_assert_no_error (error);
  if (*out == NULL)
    *out = g_strdup ("");
}

/* Runs the daily backup as the app does, in its thread. "" when none was
 * due. */
static char *
create_backup (const char *db_path,
               gboolean    only_if_due)
{
  char *path = NULL;

  if (only_if_due)
    mk_backup_create_if_due_async (db_path, NULL, created_cb, &path);
  else
    mk_backup_create_async (db_path, NULL, created_cb, &path);
  while (path == NULL)
    g_main_context_iteration (NULL, TRUE);
  return path;
}

static gboolean
dir_has_file_with (const char *dir,
                   const char *part)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (strstr (name, part) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "mediakit-%Y-%m-%d.db");
  g_autofree char *backup = create_backup (f->db_path, FALSE);
  g_autofree char *backup_dir = mk_backup_get_dir (f->db_path);
  g_autofree char *aside = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (backup);

  g_assert_cmpstr (name, ==, today);
  g_assert_true (g_str_has_prefix (backup, backup_dir));
  g_assert_true (mk_backup_verify (backup, &error));
  g_assert_no_error (error);
  g_assert_false (dir_has_file_with (backup_dir, ".partial"));

  list = mk_backup_list (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((MkBackupInfo *)g_ptr_array_index (list, 0))->path, ==, backup);
  g_assert_cmpint (((MkBackupInfo *)g_ptr_array_index (list, 0))->size, >, 0);

  /* Work done after the backup is in the live database only. */
  add_entries (f, 3, f->store);
  g_clear_object (&f->store);
  g_assert_cmpint (count_entries (f->db_path), ==, 8);

  g_assert_true (mk_backup_restore (backup, f->db_path, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_cmpint (count_entries (f->db_path), ==, 5);
  /* The database it replaced is kept, whole, under another name. */
  g_assert_cmpint (count_entries (aside), ==, 8);
  g_assert_false (dir_has_file_with (f->dir, ".restoring"));

  /* And the restored workspace works as before. */
  f->store = store_test_open (f->dir);
  add_entries (f, 1, f->store);
  g_clear_object (&f->store);
  g_assert_cmpint (count_entries (f->db_path), ==, 6);
}

/* A consistent snapshot: a transaction still open on the app's
 * connection is not in the backup, and does not block it. */
static void
test_backup_while_writing (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *dest = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (mk_store_transaction_begin (f->store, &error));
  add_entries (f, 2, f->store);
  g_assert_true (mk_backup_write (f->db_path, dest, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mk_store_transaction_commit (f->store, &error));

  g_assert_cmpint (count_entries (dest), ==, 5);
  g_assert_cmpint (count_entries (f->db_path), ==, 7);
}

static void
write_bytes (const char *path,
             goffset     offset,
             guint8      byte,
             gsize       length)
{
  g_autofree guint8 *junk = g_malloc (length);
  FILE *file = g_fopen (path, "r+b");

  memset (junk, byte, length);
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, offset, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (junk, 1, length, file), ==, length);
  fclose (file);
}

static void
set_user_version (const char *path,
                  int         version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Each bad backup is refused with its reason, and the live database is
 * the same bytes as before; nothing is left beside it. */
static void
test_bad_backups_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *good = g_build_filename (f->dir, "good.db", NULL);
  g_autofree char *corrupt = g_build_filename (f->dir, "corrupt.db", NULL);
  g_autofree char *truncated = g_build_filename (f->dir, "truncated.db", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "foreign.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  struct {
    const char *path;
    int         code;
  } cases[] = {
    { corrupt, MK_STORE_ERROR_CORRUPT },
    { truncated, MK_STORE_ERROR_CORRUPT },
    { newer, MK_STORE_ERROR_TOO_NEW },
    { text, MK_STORE_ERROR_NOT_A_DATABASE },
    { foreign, MK_STORE_ERROR_NOT_A_DATABASE },
    { missing, MK_STORE_ERROR_NOT_FOUND },
  };
  g_autofree char *checksum = NULL;

  g_assert_true (mk_backup_write (f->db_path, good, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (good, &contents, &length, &error));
  g_assert_cmpuint (length, >, 4 * 4096);

  /* Pages 2 to 4 overwritten: the tables' b-trees are garbage. */
  g_assert_true (g_file_set_contents (corrupt, contents, length, &error));
  write_bytes (corrupt, 4096, 0x5a, 3 * 4096);
  g_assert_true (g_file_set_contents (truncated, contents, length / 2, &error));
  g_assert_true (g_file_set_contents (newer, contents, length, &error));
  set_user_version (newer, mk_store_get_schema_version () + 1);
  g_assert_true (g_file_set_contents (text, "client_name,rating\nAcme,5\n", -1, &error));
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); PRAGMA user_version = 1", NULL, NULL, NULL),
                     ==, SQLITE_OK);
    sqlite3_close (db);
  }

  /* The live database, closed, so that its bytes are all in one file. */
  g_clear_object (&f->store);
  checksum = store_test_checksum (f->db_path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *aside = NULL;

      g_assert_false (mk_backup_restore (cases[i].path, f->db_path, &aside, &error));
      g_assert_error (error, MK_STORE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].path));
      g_clear_error (&error);
      g_assert_null (aside);

      g_autofree char *now_checksum = store_test_checksum (f->db_path);

      g_assert_cmpstr (now_checksum, ==, checksum);
      g_assert_false (dir_has_file_with (f->dir, "before-restore"));
      g_assert_false (dir_has_file_with (f->dir, ".restoring"));
    }

  g_assert_cmpint (count_entries (f->db_path), ==, 5);
}

static void
make_old_backup (const char *backup_dir,
                 const char *source,
                 GDateTime  *day)
{
  g_autofree char *name = g_date_time_format (day, "mediakit-%Y-%m-%d.db");
  g_autofree char *path = g_build_filename (backup_dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  struct utimbuf times;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  times.actime = times.modtime = g_date_time_to_unix (day);
  g_assert_cmpint (utime (path, &times), ==, 0);
}

static void
test_retention (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *backup_dir = mk_backup_get_dir (f->db_path);
  g_autofree char *source = g_build_filename (f->dir, "source.db", NULL);
  g_autofree char *newest = NULL;
  g_autofree char *stray = g_build_filename (backup_dir, "notes.txt", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mk_backup_write (f->db_path, source, NULL, &error));
  g_assert_cmpint (g_mkdir_with_parents (backup_dir, 0700), ==, 0);
  for (int i = 1; i <= 10; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -i);

      make_old_backup (backup_dir, source, day);
    }
  /* Not a backup of ours: never deleted. */
  g_assert_true (g_file_set_contents (stray, "keep me", -1, &error));

  newest = create_backup (f->db_path, FALSE);

  list = mk_backup_list (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, MK_BACKUP_KEEP);
  g_assert_cmpstr (((MkBackupInfo *)g_ptr_array_index (list, 0))->path, ==, newest);
  for (guint i = 1; i < list->len; i++)
    {
      MkBackupInfo *info = g_ptr_array_index (list, i);
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -(int)i);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

      g_assert_cmpstr (info->date, ==, date);
    }
  g_assert_true (g_file_test (stray, G_FILE_TEST_EXISTS));
}

static void
test_due (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_hours (now, 25);
  g_autoptr(GDateTime) two_days_ago = g_date_time_add_days (now, -2);
  g_autofree char *backup_dir = mk_backup_get_dir (f->db_path);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  struct utimbuf times;

  g_assert_true (mk_backup_is_due (f->db_path, now));
  first = create_backup (f->db_path, TRUE);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));

  g_assert_false (mk_backup_is_due (f->db_path, now));
  g_assert_true (mk_backup_is_due (f->db_path, tomorrow));
  second = create_backup (f->db_path, TRUE);
  g_assert_cmpstr (second, ==, "");

  /* Yesterday's backup (by its time) makes today's due. */
  times.actime = times.modtime = g_date_time_to_unix (two_days_ago);
  g_assert_cmpint (utime (first, &times), ==, 0);
  g_assert_true (mk_backup_is_due (f->db_path, now));
  g_clear_pointer (&second, g_free);
  second = create_backup (f->db_path, TRUE);
  g_assert_cmpstr (second, ==, first);
  g_assert_false (mk_backup_is_due (f->db_path, now));
}

static guint
count_backups (const char *db_path)
{
  g_autoptr(GPtrArray) list = mk_backup_list (db_path, NULL);

  return list->len;
}

/* What the app calls at start: the backup happens on the main context's
 * timer, in a thread; cancelled (the app quit first), nothing happens. */
static void
test_schedule (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *path = NULL;
  guint id;

  g_cancellable_cancel (cancelled);
  id = mk_backup_schedule_daily (f->db_path, 0, cancelled, created_cb, &path);
  while (g_main_context_find_source_by_id (NULL, id) != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (path);
  g_assert_cmpuint (count_backups (f->db_path), ==, 0);

  id = mk_backup_schedule_daily (f->db_path, 0, NULL, created_cb, &path);
  g_assert_cmpuint (id, >, 0);
  while (path == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_backups (f->db_path), ==, 1);
  now = g_date_time_new_now_local ();
  g_assert_false (mk_backup_is_due (f->db_path, now));
}

/* A backup that cannot be written leaves nothing behind. */
static void
test_write_fails_cleanly (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *dest = g_build_filename (f->dir, "no-such-folder", "copy.db", NULL);
  g_autofree char *nothing = g_build_filename (f->dir, "nothing.db", NULL);
  g_autofree char *dest2 = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (mk_backup_write (f->db_path, dest, NULL, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_IO);
  g_clear_error (&error);

  g_assert_false (mk_backup_write (nothing, dest2, NULL, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dest2, G_FILE_TEST_EXISTS));
  g_assert_false (dir_has_file_with (f->dir, ".partial"));
  g_clear_error (&error);

  /* A full disk while copying: said as such, nothing left. */
  mk_faulty_vfs_arm (MK_FAULT_FULL, 1);
  g_assert_false (mk_backup_write (f->db_path, dest2, NULL, &error));
  mk_faulty_vfs_disarm ();
  g_assert_true (mk_faulty_vfs_fired ());
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "backup"));
  g_assert_false (g_file_test (dest2, G_FILE_TEST_EXISTS));
  g_assert_false (dir_has_file_with (f->dir, ".partial"));
  g_clear_error (&error);

  /* And with the disk back, the same call works. */
  g_assert_true (mk_backup_write (f->db_path, dest2, NULL, &error));
  g_assert_no_error (error);
}

/* Another process with the database open, as the window or a --sync from
 * the command line would have it: this test program again, which opens a
 * store, says "ready" and holds it until its stdin closes. */
static GSubprocess *
hold_elsewhere (const char *db_path)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_setenv (launcher, "MK_TEST_HOLD_STORE", db_path, TRUE);
  holder = g_subprocess_launcher_spawn (launcher, &error, "/proc/self/exe", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");
  return g_steal_pointer (&holder);
}

static int
hold_store (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkStore) store = mk_store_open (db_path, &error);
  char buffer[16];

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("ready\n");
  fflush (stdout);
  while (read (STDIN_FILENO, buffer, sizeof buffer) > 0)
    ;
  return 0;
}

/* A restore is refused while another process has the database open: its
 * writes would go on in the file set aside. Nothing is touched then. This
 * process's own store is no obstacle (the restore from Preferences, after
 * which the app quits). */
static void
test_restore_refused_while_open_elsewhere (Fixture       *f,
                                           gconstpointer  data)
{
  g_autofree char *backup = create_backup (f->db_path, FALSE);
  g_autoptr(GSubprocess) holder = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n = 0;

  add_entries (f, 3, f->store);
  holder = hold_elsewhere (f->db_path);

  g_assert_false (mk_backup_restore (backup, f->db_path, &aside, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, f->db_path));
  g_clear_error (&error);
  g_assert_null (aside);
  g_assert_false (dir_has_file_with (f->dir, "before-restore"));
  g_assert_false (dir_has_file_with (f->dir, ".restoring"));
  g_assert_true (mk_database_query_int (mk_store_get_database (f->store),
                                        "SELECT count(*) FROM calendar_entries", &n, &error));
  g_assert_cmpint (n, ==, 8);

  /* Once that process has quit, the same restore goes through. */
  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (holder), NULL, &error));
  g_assert_true (g_subprocess_wait_check (holder, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mk_backup_restore (backup, f->db_path, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_clear_object (&f->store);
  g_assert_cmpint (count_entries (f->db_path), ==, 5);

  /* And a store opened after the restore takes part again. */
  f->store = store_test_open (f->dir);
  g_clear_object (&holder);
  holder = hold_elsewhere (f->db_path);
  g_clear_object (&f->store);
  g_assert_false (mk_backup_restore (backup, f->db_path, NULL, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_BUSY);
  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (holder), NULL, NULL));
  g_assert_true (g_subprocess_wait_check (holder, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("MK_TEST_HOLD_STORE") != NULL)
    return hold_store (g_getenv ("MK_TEST_HOLD_STORE"));

  g_test_init (&argc, &argv, NULL);
  mk_faulty_vfs_install ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/backup/round-trip", test_round_trip);
  ADD ("/store/backup/while-writing", test_backup_while_writing);
  ADD ("/store/backup/bad-backups-refused", test_bad_backups_refused);
  ADD ("/store/backup/retention", test_retention);
  ADD ("/store/backup/due", test_due);
  ADD ("/store/backup/write-fails-cleanly", test_write_fails_cleanly);
  ADD ("/store/backup/schedule", test_schedule);
  ADD ("/store/backup/restore-refused-while-open-elsewhere", test_restore_refused_while_open_elsewhere);
#undef ADD

  return g_test_run ();
}
