/* mk-store.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mk-migrations.h"
#include "mk-store-lock.h"
#include "mk-store-private.h"

/* The first 16 bytes of every SQLite 3 database file. */
#define SQLITE_MAGIC      "SQLite format 3"
#define SQLITE_MAGIC_SIZE 16
#define SQLITE_HEADER_SIZE 100

#define BUSY_TIMEOUT_MS 5000

struct _MkStore
{
  GObject     parent_instance;

  MkDatabase *database;
  char       *path;
  gboolean    locked;  /* holds the path's lock (mk-store-lock.h) */
};

G_DEFINE_FINAL_TYPE (MkStore, mk_store, G_TYPE_OBJECT)

enum {
  LOG_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
mk_store_finalize (GObject *object)
{
  MkStore *self = (MkStore *)object;

  g_clear_object (&self->database);
  if (self->locked)
    mk_store_lock_release (self->path);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (mk_store_parent_class)->finalize (object);
}

static void
mk_store_class_init (MkStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mk_store_finalize;

  /**
   * MkStore::log-added:
   * @self: the store
   * @entry: the row as stored (redacted, with id and created_at)
   *
   * A logs row was written through this store (not through another
   * connection to the same file), so that a list can show it at once.
   */
  signals[LOG_ADDED] =
    g_signal_new ("log-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MK_TYPE_LOG_ENTRY);
}

static void
mk_store_init (MkStore *self)
{
}

/* Looks at the file's first bytes without SQLite: sqlite3_open_v2() on a
 * file that is not a database can still create a journal beside it.
 * Sets *out_empty for a missing or zero-length file (a new database). */
static gboolean
check_header (const char  *path,
              gboolean    *out_empty,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 header[SQLITE_HEADER_SIZE];
  gsize n_read = 0;

  *out_empty = FALSE;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          *out_empty = TRUE;
          return TRUE;
        }
      /* Translators: the first %s is a file path, the second the reason */
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_IO,
                   _("Could not read the database %s: %s"), path, local_error->message);
      return FALSE;
    }

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header,
                                &n_read, NULL, &local_error))
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_IO,
                   _("Could not read the database %s: %s"), path, local_error->message);
      return FALSE;
    }

  if (n_read == 0)
    {
      *out_empty = TRUE;
      return TRUE;
    }

  if (n_read < SQLITE_HEADER_SIZE || memcmp (header, SQLITE_MAGIC, SQLITE_MAGIC_SIZE) != 0)
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file path */
                   _("The file %s is not a Mediakit database (it is not SQLite); it was left as it is"),
                   path);
      return FALSE;
    }

  return TRUE;
}

/* quick_check and user_version on a read-only connection that cannot
 * write a byte: "immutable" also keeps SQLite from creating -wal and -shm.
 * When a -wal is already there (a crash of ours), immutable would ignore
 * its committed pages, so then a plain read-only open reads it instead. */
static gboolean
check_existing (const char  *path,
                GError     **error)
{
  g_autoptr(MkDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *result = NULL;
  gint64 version = 0;

  file_uri = g_filename_to_uri (path, NULL, error);
  if (file_uri == NULL)
    return FALSE;
  uri = g_strconcat (file_uri,
                     g_file_test (wal, G_FILE_TEST_EXISTS) ? "?mode=ro" : "?mode=ro&immutable=1",
                     NULL);

  database = mk_database_open (uri, path, SQLITE_OPEN_READONLY, error);
  if (database == NULL)
    return FALSE;

  result = mk_database_query_text (database, "PRAGMA quick_check", &local_error);
  if (result == NULL)
    {
      if (g_error_matches (local_error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_A_DATABASE))
        g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_A_DATABASE,
                     _("The file %s is not a Mediakit database (it is not SQLite); it was left as it is"),
                     path);
      else if (g_error_matches (local_error, MK_STORE_ERROR, MK_STORE_ERROR_CORRUPT))
        g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_CORRUPT,
                     /* Translators: %s is a file path */
                     _("The database %s is damaged (its integrity check failed); it was left as it is"),
                     path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!g_str_equal (result, "ok"))
    {
      g_debug ("quick_check of %s: %s", path, result);
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_CORRUPT,
                   _("The database %s is damaged (its integrity check failed); it was left as it is"),
                   path);
      return FALSE;
    }

  if (!mk_database_query_int (database, "PRAGMA user_version", &version, error))
    return FALSE;

  if (version > mk_migrations_get_latest ())
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_TOO_NEW,
                   /* Translators: %s is a file path */
                   _("The database %s was made by a newer version of Mediakit; it was left as it is"),
                   path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
configure (MkDatabase  *database,
           const char  *path,
           GError     **error)
{
  g_autofree char *journal_mode = NULL;

  sqlite3_busy_timeout (mk_database_get_handle (database), BUSY_TIMEOUT_MS);

  /* trusted_schema=OFF: functions in the schema (a view, a trigger) may not
   * reach beyond what is safe, whatever a crafted database file asks. */
  if (!mk_database_exec (database,
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA trusted_schema = OFF;"
                         "PRAGMA synchronous = FULL;",
                         error))
    return FALSE;

  journal_mode = mk_database_query_text (database, "PRAGMA journal_mode = WAL", error);
  if (journal_mode == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (journal_mode, "wal") != 0)
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_IO,
                   _("The database %s cannot use write-ahead logging (it stays in “%s” mode)"),
                   path, journal_mode);
      return FALSE;
    }

  return TRUE;
}

MkStore *
mk_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(MkStore) self = NULL;
  g_autofree char *abs_path = NULL;
  gboolean empty;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  abs_path = g_canonicalize_filename (path, NULL);

  if (!check_header (abs_path, &empty, error))
    return NULL;
  if (!empty && !check_existing (abs_path, error))
    return NULL;

  self = g_object_new (MK_TYPE_STORE, NULL);
  self->path = g_steal_pointer (&abs_path);
  /* For as long as the store lives: a restore in another process must
   * not move the file from under it. */
  mk_store_lock_hold (self->path);
  self->locked = TRUE;
  self->database = mk_database_open (self->path, self->path,
                                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                     error);
  if (self->database == NULL)
    return NULL;

  if (!configure (self->database, self->path, error) ||
      !mk_migrations_apply (self->database, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* A worker's second connection: read-only, so it can neither migrate nor
 * write, and without the checks of mk_store_open(), which the window's own
 * store already made on this file (quick_check alone reads every page). */
MkStore *
mk_store_open_reader (const char  *path,
                      GError     **error)
{
  g_autoptr(MkStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (MK_TYPE_STORE, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->database = mk_database_open (self->path, self->path, SQLITE_OPEN_READONLY, error);
  if (self->database == NULL)
    return NULL;

  sqlite3_busy_timeout (mk_database_get_handle (self->database), BUSY_TIMEOUT_MS);
  if (!mk_database_exec (self->database, "PRAGMA trusted_schema = OFF;", error))
    return NULL;

  return g_steal_pointer (&self);
}

typedef struct
{
  char            *path;
  MkStoreReadFunc  read;
  gpointer         data;
  GDestroyNotify   data_free;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job->path);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(MkStore) reader = NULL;
  GPtrArray *rows;
  GError *error = NULL;

  if ((reader = mk_store_open_reader (job->path, &error)) == NULL ||
      (rows = job->read (reader, job->data, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, rows, (GDestroyNotify)g_ptr_array_unref);
}

void
mk_store_read_async (MkStore             *self,
                     MkStoreReadFunc      read,
                     gpointer             data,
                     GDestroyNotify       data_free,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (MK_IS_STORE (self));
  g_return_if_fail (read != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (ReadJob, 1);
  job->path = g_strdup (self->path);
  job->read = read;
  job->data = data;
  job->data_free = data_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_store_read_async);
  g_task_set_task_data (task, job, read_job_free);
  g_task_run_in_thread (task, read_thread);
}

GPtrArray *
mk_store_read_finish (MkStore       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_store_read_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  MkStore *store;

  store = mk_store_open (task_data, &error);
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
mk_store_open_async (const char          *path,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  /* A store opened but no longer wanted is simply dropped. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, open_thread);
}

MkStore *
mk_store_open_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_store_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
mk_store_get_path (MkStore *self)
{
  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  return self->path;
}

int
mk_store_get_schema_version (void)
{
  return mk_migrations_get_latest ();
}

gboolean
mk_store_transaction_begin (MkStore  *self,
                            GError  **error)
{
  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  return mk_database_begin (self->database, error);
}

gboolean
mk_store_transaction_commit (MkStore  *self,
                             GError  **error)
{
  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  return mk_database_commit (self->database, error);
}

gboolean
mk_store_transaction_rollback (MkStore  *self,
                               GError  **error)
{
  g_return_val_if_fail (MK_IS_STORE (self), FALSE);

  return mk_database_rollback (self->database, error);
}

static gboolean
rename_if_exists (const char  *from,
                  const char  *to,
                  GError     **error)
{
  if (g_rename (from, to) == 0 || errno == ENOENT)
    return TRUE;

  {
    int saved_errno = errno;

    g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_IO,
                 /* Translators: the first two %s are file paths, the last the reason */
                 _("Could not rename %s to %s: %s"), from, to, g_strerror (saved_errno));
  }
  return FALSE;
}

gboolean
mk_store_set_aside (const char  *path,
                    char       **new_path,
                    GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;
  static const char * const suffixes[] = { "-wal", "-shm" };

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a file path */
                   _("There is no file %s to set aside"), path);
      return FALSE;
    }

  /* Two refusals in one second must not put one file over the other. */
  target = g_strdup_printf ("%s.unusable-%s", path, stamp);
  for (guint i = 2; g_file_test (target, G_FILE_TEST_EXISTS); i++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.unusable-%s-%u", path, stamp, i);
    }

  /* The journal files first: were the main file renamed alone, a new
   * database at @path would pick up the old one's -wal. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (!rename_if_exists (from, to, error))
        return FALSE;
    }

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_IO,
                   _("Could not rename %s to %s: %s"), path, target, g_strerror (saved_errno));
      return FALSE;
    }

  if (new_path != NULL)
    *new_path = g_steal_pointer (&target);
  return TRUE;
}

MkDatabase *
mk_store_get_database (MkStore *self)
{
  g_return_val_if_fail (MK_IS_STORE (self), NULL);

  return self->database;
}

void
mk_store_set_not_found (GError     **error,
                        const char  *format,
                        ...)
{
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  *error = g_error_new_valist (MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND, format, args);
  va_end (args);
}

GPtrArray *
mk_store_new_object_array (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

void
mk_store_emit_log_added (MkStore    *self,
                         MkLogEntry *entry)
{
  g_return_if_fail (MK_IS_STORE (self));

  g_signal_emit (self, signals[LOG_ADDED], 0, entry);
}
