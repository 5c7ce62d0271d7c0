/* mk-store-lock.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* flock() on "<db_path>.lock", not on the database: SQLite's own locks on
 * the database are fcntl() locks, which a second descriptor of the same file
 * would drop when closed. flock() locks belong to one open file, so the
 * process keeps a single descriptor per database, and converting it from
 * shared to exclusive succeeds exactly when no other process holds it. */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mk-store-error.h"
#include "mk-store-lock.h"

/* Up to 10 s for another process's restore. */
#define LOCK_TRIES          200
#define LOCK_TRY_INTERVAL_US (50 * 1000)

typedef struct
{
  int   fd;
  guint holds;  /* stores open; 0 while only a restore holds it */
} Lock;

static GMutex mutex;
static GHashTable *locks;  /* lock file path → Lock */

/* One key however the path is spelled ("data/../data/x.db"): two keys in
 * one process would be two locks that stand in each other's way. */
static char *
lock_path (const char *db_path)
{
  g_autofree char *canonical = g_canonicalize_filename (db_path, NULL);

  return g_strconcat (canonical, ".lock", NULL);
}

static void
lock_free (gpointer data)
{
  Lock *lock = data;

  close (lock->fd);
  g_free (lock);
}

/* This process's lock of @db_path, if it has one. */
static Lock *
find_lock (const char *db_path)
{
  g_autofree char *path = lock_path (db_path);

  return locks != NULL ? g_hash_table_lookup (locks, path) : NULL;
}

/* The lock of @db_path, opened (and locked shared) if this process has none.
 * NULL if the lock file cannot be made (a read-only folder): then there is
 * nothing to guard against either, since no process could write there. */
static Lock *
ensure_lock (const char *db_path)
{
  g_autofree char *path = NULL;
  Lock *lock = find_lock (db_path);
  int fd;

  if (lock != NULL)
    return lock;

  path = lock_path (db_path);
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_debug ("No lock for %s: %s", db_path, g_strerror (errno));
      return NULL;
    }
  /* Shared locks never conflict with each other: this waits only while
   * another process restores a backup, which is over in a moment, and then
   * opens the restored database. A restore stuck for longer is not waited
   * for without end. */
  for (guint tries = 0; flock (fd, LOCK_SH | LOCK_NB) != 0; tries++)
    {
      if (errno != EWOULDBLOCK || tries == LOCK_TRIES)
        {
          g_debug ("No shared lock of %s: %s", db_path, g_strerror (errno));
          break;
        }
      g_usleep (LOCK_TRY_INTERVAL_US);
    }

  lock = g_new0 (Lock, 1);
  lock->fd = fd;
  if (locks == NULL)
    locks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, lock_free);
  g_hash_table_insert (locks, g_steal_pointer (&path), lock);
  return lock;
}

static void
drop_if_unused (const char *db_path,
                Lock       *lock)
{
  g_autofree char *path = NULL;

  if (lock->holds > 0)
    return;
  path = lock_path (db_path);
  g_hash_table_remove (locks, path);
}

void
mk_store_lock_hold (const char *db_path)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&mutex);
  Lock *lock;

  g_return_if_fail (db_path != NULL);

  lock = ensure_lock (db_path);
  if (lock != NULL)
    lock->holds++;
}

void
mk_store_lock_release (const char *db_path)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&mutex);
  Lock *lock;

  g_return_if_fail (db_path != NULL);

  lock = find_lock (db_path);
  if (lock == NULL || lock->holds == 0)
    return;
  lock->holds--;
  drop_if_unused (db_path, lock);
}

gboolean
mk_store_lock_exclusive (const char  *db_path,
                         GError     **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&mutex);
  Lock *lock;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lock = ensure_lock (db_path);
  if (lock == NULL)
    return TRUE;

  if (flock (lock->fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EWOULDBLOCK)
        g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_BUSY,
                     /* Translators: %s is a file path */
                     _("Mediakit has the database %s open elsewhere (a window or a command); quit it first"),
                     db_path);
      else
        g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_IO,
                     "%s: %s", db_path, g_strerror (saved_errno));
      /* Still shared, as before the attempt (a failed conversion may drop it). */
      flock (lock->fd, LOCK_SH | LOCK_NB);
      drop_if_unused (db_path, lock);
      return FALSE;
    }

  return TRUE;
}

void
mk_store_lock_shared (const char *db_path)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&mutex);
  Lock *lock;

  g_return_if_fail (db_path != NULL);

  lock = find_lock (db_path);
  if (lock == NULL)
    return;
  flock (lock->fd, LOCK_SH | LOCK_NB);
  drop_if_unused (db_path, lock);
}
