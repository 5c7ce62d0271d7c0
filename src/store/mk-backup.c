/* mk-backup.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mk-backup.h"
#include "mk-database.h"
#include "mk-migrations.h"
#include "mk-store-lock.h"

#define DAILY_PREFIX    "mediakit-"
#define DAILY_SUFFIX    ".db"
#define DATE_LENGTH     10   /* YYYY-MM-DD */
#define SQLITE_MAGIC    "SQLite format 3"
#define BUSY_TIMEOUT_MS 5000

void
mk_backup_info_free (MkBackupInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_free (info->date);
  g_clear_pointer (&info->modified, g_date_time_unref);
  g_free (info);
}

char *
mk_backup_get_dir (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

/* Takes @what, a sentence about the file, and adds the reason. */
static void
set_io_error (GError **error,
              int      saved_errno,
              char    *what)
{
  g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_IO, "%s: %s", what, g_strerror (saved_errno));
  g_free (what);
}

/* fsync() of a file, or of a folder so that a rename in it is durable. */
static gboolean
sync_path (const char  *path,
           gboolean     directory,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0), 0);

  if (fd < 0 || (fsync (fd) != 0 && !directory))
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      /* Translators: %s is a file path; the reason follows */
      set_io_error (error, saved_errno, g_strdup_printf (_("Could not save %s to the disk"), path));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

static gboolean
sync_parent (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return sync_path (dir, TRUE, error);
}

static gboolean
has_sqlite_header (const char  *path,
                   GError     **error)
{
  char header[sizeof SQLITE_MAGIC] = { 0 };
  gssize n = -1;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, MK_STORE_ERROR,
                   saved_errno == ENOENT ? MK_STORE_ERROR_NOT_FOUND : MK_STORE_ERROR_IO,
                   /* Translators: %s is a file path; the reason follows */
                   _("Could not read the backup %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n != (gssize)sizeof header || memcmp (header, SQLITE_MAGIC, sizeof header) != 0)
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file path */
                   _("The file %s is not a Mediakit backup (it is not an SQLite database)"), path);
      return FALSE;
    }

  return TRUE;
}

gboolean
mk_backup_verify (const char  *path,
                  GError     **error)
{
  g_autoptr(MkDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *result = NULL;
  gint64 version = 0;
  gint64 tables = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!has_sqlite_header (path, error))
    return FALSE;

  /* immutable: no lock, no -wal, no -shm, not a byte written. */
  file_uri = g_filename_to_uri (path, NULL, error);
  if (file_uri == NULL)
    return FALSE;
  uri = g_strconcat (file_uri, "?mode=ro&immutable=1", NULL);
  database = mk_database_open (uri, path, SQLITE_OPEN_READONLY, error);
  if (database == NULL)
    return FALSE;

  result = mk_database_query_text (database, "PRAGMA integrity_check", &local_error);
  if (result == NULL && g_error_matches (local_error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_A_DATABASE))
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_A_DATABASE,
                   _("The file %s is not a Mediakit backup (it is not an SQLite database)"), path);
      return FALSE;
    }
  if (result == NULL && !g_error_matches (local_error, MK_STORE_ERROR, MK_STORE_ERROR_CORRUPT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (result == NULL || !g_str_equal (result, "ok"))
    {
      g_debug ("integrity_check of %s: %s", path, result != NULL ? result : local_error->message);
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_CORRUPT,
                   /* Translators: %s is a file path */
                   _("The backup %s is damaged (its integrity check failed)"), path);
      return FALSE;
    }

  if (!mk_database_query_int (database, "PRAGMA user_version", &version, error) ||
      !mk_database_query_int (database,
                              "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                              " AND name IN ('users', 'calendar_entries', 'reviews')",
                              &tables, error))
    return FALSE;

  if (version < 1 || tables != 3)
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file path */
                   _("The file %s is an SQLite database, but not one of Mediakit"), path);
      return FALSE;
    }

  if (version > mk_migrations_get_latest ())
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_TOO_NEW,
                   /* Translators: %s is a file path */
                   _("The backup %s was made by a newer version of Mediakit"), path);
      return FALSE;
    }

  return TRUE;
}

static int
progress_cb (gpointer data)
{
  return g_cancellable_is_cancelled (data);
}

gboolean
mk_backup_write (const char    *db_path,
                 const char    *dest_path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(MkDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *partial = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a file path */
                   _("There is no database %s to back up"), db_path);
      return FALSE;
    }

  /* VACUUM INTO wants a file that does not exist yet; a leftover of an
   * interrupted backup is ours to remove. */
  partial = g_strconcat (dest_path, ".partial", NULL);
  if (g_unlink (partial) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      /* Translators: %s is a file path; the reason follows */
      set_io_error (error, saved_errno, g_strdup_printf (_("Could not replace %s"), partial));
      return FALSE;
    }

  /* A connection of its own: VACUUM INTO reads one consistent snapshot
   * while the app's connection goes on writing (WAL). No CREATE flag: a
   * missing database is an error, not an empty backup. */
  database = mk_database_open (db_path, db_path, SQLITE_OPEN_READWRITE, error);
  if (database == NULL)
    return FALSE;
  sqlite3_busy_timeout (mk_database_get_handle (database), BUSY_TIMEOUT_MS);
  if (cancellable != NULL)
    sqlite3_progress_handler (mk_database_get_handle (database), 1000, progress_cb, cancellable);

  rc = sqlite3_prepare_v2 (mk_database_get_handle (database), "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, partial, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          mk_database_set_error (database, rc, &local_error);
          /* The store's sentence speaks of a change; here nothing changed. */
          if (g_error_matches (local_error, MK_STORE_ERROR, MK_STORE_ERROR_FULL))
            g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_FULL,
                         /* Translators: %s is a file path */
                         _("The disk is full: the backup %s could not be written. Free some space and try again."),
                         dest_path);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
        }
      sqlite3_finalize (stmt);
      g_unlink (partial);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  g_clear_object (&database);

  if (!mk_backup_verify (partial, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is the reason */
                   _("The backup was not kept because it failed its check: %s"), local_error->message);
      g_unlink (partial);
      return FALSE;
    }

  if (!sync_path (partial, FALSE, error))
    {
      g_unlink (partial);
      return FALSE;
    }

  if (g_rename (partial, dest_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (partial);
      /* Translators: %s is a file path; the reason follows */
      set_io_error (error, saved_errno, g_strdup_printf (_("Could not write the backup %s"), dest_path));
      return FALSE;
    }

  return sync_parent (dest_path, error);
}

static gboolean
parse_daily_name (const char  *name,
                  char       **out_date)
{
  gsize length = strlen (name);
  const char *date;
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = NULL;

  if (length != strlen (DAILY_PREFIX) + DATE_LENGTH + strlen (DAILY_SUFFIX) ||
      !g_str_has_prefix (name, DAILY_PREFIX) || !g_str_has_suffix (name, DAILY_SUFFIX))
    return FALSE;

  date = name + strlen (DAILY_PREFIX);
  iso = g_strdup_printf ("%.*sT00:00:00Z", DATE_LENGTH, date);
  parsed = g_date_time_new_from_iso8601 (iso, NULL);
  if (parsed == NULL)
    return FALSE;

  *out_date = g_strndup (date, DATE_LENGTH);
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const MkBackupInfo *info_a = *(MkBackupInfo * const *)a;
  const MkBackupInfo *info_b = *(MkBackupInfo * const *)b;

  return -g_strcmp0 (info_a->date, info_b->date);
}

GPtrArray *
mk_backup_list (const char  *db_path,
                GError     **error)
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *name;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = mk_backup_get_dir (db_path);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify)mk_backup_info_free);

  handle = g_dir_open (dir, 0, &local_error);
  if (handle == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_IO,
                   /* Translators: %s is a folder path; the reason follows */
                   _("Could not list the backups in %s: %s"), dir, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *date = NULL;
      g_autofree char *path = NULL;
      MkBackupInfo *info;
      GStatBuf buf;

      if (!parse_daily_name (name, &date))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_stat (path, &buf) != 0 || !S_ISREG (buf.st_mode))
        continue;

      info = g_new0 (MkBackupInfo, 1);
      info->path = g_steal_pointer (&path);
      info->date = g_steal_pointer (&date);
      info->size = buf.st_size;
      info->modified = g_date_time_new_from_unix_local (buf.st_mtime);
      g_ptr_array_add (list, info);
    }

  g_ptr_array_sort (list, compare_newest_first);
  return g_steal_pointer (&list);
}

gboolean
mk_backup_prune (const char  *db_path,
                 guint        keep,
                 GError     **error)
{
  g_autoptr(GPtrArray) list = mk_backup_list (db_path, error);

  if (list == NULL)
    return FALSE;

  for (guint i = keep; i < list->len; i++)
    {
      MkBackupInfo *info = g_ptr_array_index (list, i);

      if (g_unlink (info->path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          /* Translators: %s is a file path; the reason follows */
          set_io_error (error, saved_errno, g_strdup_printf (_("Could not delete the old backup %s"), info->path));
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
mk_backup_is_due (const char *db_path,
                  GDateTime  *now)
{
  g_autoptr(GPtrArray) list = mk_backup_list (db_path, NULL);
  GDateTime *newest = NULL;

  g_return_val_if_fail (now != NULL, FALSE);

  /* An unreadable folder would fail the backup too, which says why. */
  if (list == NULL)
    return TRUE;

  for (guint i = 0; i < list->len; i++)
    {
      MkBackupInfo *info = g_ptr_array_index (list, i);

      if (newest == NULL || g_date_time_compare (info->modified, newest) > 0)
        newest = info->modified;
    }

  return newest == NULL || g_date_time_difference (now, newest) >= G_TIME_SPAN_DAY;
}

typedef struct {
  char     *db_path;
  gboolean  only_if_due;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_free (data->db_path);
  g_free (data);
}

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CreateData *data = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dest = NULL;

  if (data->only_if_due && !mk_backup_is_due (data->db_path, now))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  dir = mk_backup_get_dir (data->db_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, MK_STORE_ERROR, MK_STORE_ERROR_IO,
                               /* Translators: %s is a folder path; the reason follows */
                               _("Could not create the backup folder %s: %s"),
                               dir, g_strerror (saved_errno));
      return;
    }

  date = g_date_time_format (now, "%Y-%m-%d");
  name = g_strconcat (DAILY_PREFIX, date, DAILY_SUFFIX, NULL);
  dest = g_build_filename (dir, name, NULL);

  if (!mk_backup_write (data->db_path, dest, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The new backup is safe whatever happens to the old ones. */
  if (!mk_backup_prune (data->db_path, MK_BACKUP_KEEP, &error))
    g_warning ("%s", error->message);

  g_task_return_pointer (task, g_steal_pointer (&dest), g_free);
}

static void
create_async (const char          *db_path,
              gboolean             only_if_due,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CreateData *data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (CreateData, 1);
  data->db_path = g_strdup (db_path);
  data->only_if_due = only_if_due;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_backup_create_async);
  g_task_set_task_data (task, data, (GDestroyNotify)create_data_free);
  g_task_run_in_thread (task, create_thread);
}

void
mk_backup_create_async (const char          *db_path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  create_async (db_path, FALSE, cancellable, callback, user_data);
}

void
mk_backup_create_if_due_async (const char          *db_path,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  create_async (db_path, TRUE, cancellable, callback, user_data);
}

char *
mk_backup_create_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_backup_create_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  char                *db_path;
  GCancellable        *cancellable;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} Scheduled;

static void
scheduled_free (gpointer data)
{
  Scheduled *scheduled = data;

  g_free (scheduled->db_path);
  g_clear_object (&scheduled->cancellable);
  g_free (scheduled);
}

/* Touches nothing but the result: the app may be gone by then. */
static void
scheduled_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = mk_backup_create_finish (result, &error);

  if (path != NULL)
    g_debug ("Daily backup written to %s", path);
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("The daily backup failed: %s", error->message);
}

static gboolean
scheduled_cb (gpointer data)
{
  Scheduled *scheduled = data;

  if (!g_cancellable_is_cancelled (scheduled->cancellable))
    mk_backup_create_if_due_async (scheduled->db_path, scheduled->cancellable,
                                   scheduled->callback != NULL ? scheduled->callback : scheduled_done_cb,
                                   scheduled->user_data);
  return G_SOURCE_REMOVE;
}

guint
mk_backup_schedule_daily (const char          *db_path,
                          guint                delay_seconds,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Scheduled *scheduled;
  g_autoptr(GSource) source = NULL;

  g_return_val_if_fail (db_path != NULL, 0);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), 0);

  scheduled = g_new0 (Scheduled, 1);
  scheduled->db_path = g_strdup (db_path);
  scheduled->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  scheduled->callback = callback;
  scheduled->user_data = user_data;

  source = g_timeout_source_new_seconds (delay_seconds);
  g_source_set_static_name (source, "[mediakit] daily backup");
  g_source_set_callback (source, scheduled_cb, scheduled, scheduled_free);
  return g_source_attach (source, g_main_context_get_thread_default ());
}

/* Copies @from to @to (replaced) and syncs it. */
static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                    NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_IO,
                   /* Translators: the first two %s are file paths, the last the reason */
                   _("Could not copy %s to %s: %s"), from, to, local_error->message);
      return FALSE;
    }

  return sync_path (to, FALSE, error);
}

/* Folds the -wal into the main file, so that the set-aside database is one
 * file; best effort, the -wal moves with it anyway. */
static void
checkpoint (const char *db_path)
{
  g_autoptr(MkDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);

  if (!g_file_test (wal, G_FILE_TEST_EXISTS))
    return;

  database = mk_database_open (db_path, db_path, SQLITE_OPEN_READWRITE, &error);
  if (database == NULL ||
      !mk_database_exec (database, "PRAGMA wal_checkpoint(TRUNCATE)", &error))
    g_debug ("No checkpoint before the restore: %s", error->message);
}

/* Steps 3 and 4 of mk_backup_restore(). 3: the current database goes
 * aside (named in @out_aside, NULL when there was none), journals first so
 * that no -wal is ever left beside the restored file; undone if a rename
 * fails. 4: @copy goes into place. */
static gboolean
put_in_place (const char  *db_path,
              const char  *copy,
              const char  *stamp,
              char       **out_aside,
              GError     **error)
{
  static const char * const suffixes[] = { "-wal", "-shm", "" };
  g_autofree char *aside = NULL;
  gboolean had_database = g_file_test (db_path, G_FILE_TEST_EXISTS);
  guint moved = 0;

  if (had_database)
    {
      checkpoint (db_path);

      aside = g_strdup_printf ("%s.before-restore-%s", db_path, stamp);
      for (guint i = 2; g_file_test (aside, G_FILE_TEST_EXISTS); i++)
        {
          g_free (aside);
          aside = g_strdup_printf ("%s.before-restore-%s-%u", db_path, stamp, i);
        }

      for (moved = 0; moved < G_N_ELEMENTS (suffixes); moved++)
        {
          g_autofree char *from = g_strconcat (db_path, suffixes[moved], NULL);
          g_autofree char *to = g_strconcat (aside, suffixes[moved], NULL);

          if (g_rename (from, to) != 0 && errno != ENOENT)
            {
              int saved_errno = errno;

              set_io_error (error, saved_errno, g_strdup_printf (_("Could not set the current database %s aside"), db_path));
              while (moved-- > 0)
                {
                  g_autofree char *back_from = g_strconcat (aside, suffixes[moved], NULL);
                  g_autofree char *back_to = g_strconcat (db_path, suffixes[moved], NULL);

                  g_rename (back_from, back_to);
                }
              g_unlink (copy);
              return FALSE;
            }
        }
    }

  /* 4. The verified copy becomes the database. */
  if (g_rename (copy, db_path) != 0)
    {
      int saved_errno = errno;

      set_io_error (error, saved_errno, g_strdup_printf (_("Could not put the backup in place of %s"), db_path));
      if (had_database)
        for (guint i = G_N_ELEMENTS (suffixes); i-- > 0;)
          {
            g_autofree char *back_from = g_strconcat (aside, suffixes[i], NULL);
            g_autofree char *back_to = g_strconcat (db_path, suffixes[i], NULL);

            g_rename (back_from, back_to);
          }
      g_unlink (copy);
      return FALSE;
    }

  if (!sync_parent (db_path, error))
    return FALSE;

  *out_aside = g_steal_pointer (&aside);
  return TRUE;
}

gboolean
mk_backup_restore (const char  *backup_path,
                   const char  *db_path,
                   char       **out_set_aside,
                   GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *copy = NULL;
  g_autofree char *aside = NULL;
  gboolean ok;

  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (db_path != NULL, FALSE);

  /* 1. The backup itself, before anything is touched. */
  if (!mk_backup_verify (backup_path, error))
    return FALSE;

  /* Not while another process has the database open: its writes would go
   * to the file set aside below, lost from the user's view. Held until the
   * backup is in place, so that no store opens meanwhile. */
  if (!mk_store_lock_exclusive (db_path, error))
    return FALSE;

  /* 2. A copy beside the database (same file system: the rename below is
   * atomic), checked again: it is what will be live. */
  copy = g_strconcat (db_path, ".restoring", NULL);
  ok = copy_file (backup_path, copy, error) && mk_backup_verify (copy, error);
  if (!ok)
    g_unlink (copy);

  /* 3. and 4.: the current database aside, the copy in its place. */
  if (ok)
    ok = put_in_place (db_path, copy, stamp, &aside, error);

  mk_store_lock_shared (db_path);
  if (!ok)
    return FALSE;

  if (out_set_aside != NULL)
    *out_set_aside = g_steal_pointer (&aside);
  return TRUE;
}
