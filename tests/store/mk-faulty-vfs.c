/* mk-faulty-vfs.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <sqlite3.h>

#include "mk-faulty-vfs.h"

/* Our file wraps the real VFS's file, which lives right after it in the
 * same allocation (szOsFile covers both). */
typedef struct {
  sqlite3_file  base;
  sqlite3_file *real;
} FaultyFile;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs faulty_vfs;

static MkFault fault;
static guint   fail_at;
static guint   n_writes;
static guint   n_syncs;
static gboolean fired;

static int
faulty_close (sqlite3_file *file)
{
  FaultyFile *self = (FaultyFile *)file;

  return self->real->pMethods->xClose (self->real);
}

static int
faulty_read (sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
  FaultyFile *self = (FaultyFile *)file;

  return self->real->pMethods->xRead (self->real, buffer, amount, offset);
}

static int
faulty_write (sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
  FaultyFile *self = (FaultyFile *)file;

  n_writes++;
  if ((fault == MK_FAULT_WRITE || fault == MK_FAULT_FULL) && n_writes >= fail_at)
    {
      fired = TRUE;
      return fault == MK_FAULT_FULL ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    }

  return self->real->pMethods->xWrite (self->real, buffer, amount, offset);
}

static int
faulty_truncate (sqlite3_file *file, sqlite3_int64 size)
{
  FaultyFile *self = (FaultyFile *)file;

  return self->real->pMethods->xTruncate (self->real, size);
}

static int
faulty_sync (sqlite3_file *file, int flags)
{
  FaultyFile *self = (FaultyFile *)file;

  n_syncs++;
  if (fault == MK_FAULT_SYNC && n_syncs >= fail_at)
    {
      fired = TRUE;
      return SQLITE_IOERR_FSYNC;
    }

  return self->real->pMethods->xSync (self->real, flags);
}

static int
faulty_file_size (sqlite3_file *file, sqlite3_int64 *size)
{
  FaultyFile *self = (FaultyFile *)file;

  return self->real->pMethods->xFileSize (self->real, size);
}

static int
faulty_lock (sqlite3_file *file, int lock)
{
  FaultyFile *self = (FaultyFile *)file;

  return self->real->pMethods->xLock (self->real, lock);
}

static int
faulty_unlock (sqlite3_file *file, int lock)
{
  FaultyFile *self = (FaultyFile *)file;

  return self->real->pMethods->xUnlock (self->real, lock);
}

static int
faulty_check_reserved_lock (sqlite3_file *file, int *out)
{
  FaultyFile *self = (FaultyFile *)file;

  return self->real->pMethods->xCheckReservedLock (self->real, out);
}

static int
faulty_file_control (sqlite3_file *file, int op, void *arg)
{
  FaultyFile *self = (FaultyFile *)file;

  return self->real->pMethods->xFileControl (self->real, op, arg);
}

static int
faulty_sector_size (sqlite3_file *file)
{
  FaultyFile *self = (FaultyFile *)file;

  return self->real->pMethods->xSectorSize (self->real);
}

static int
faulty_device_characteristics (sqlite3_file *file)
{
  FaultyFile *self = (FaultyFile *)file;

  return self->real->pMethods->xDeviceCharacteristics (self->real);
}

static int
faulty_shm_map (sqlite3_file *file, int page, int page_size, int extend, void volatile **out)
{
  FaultyFile *self = (FaultyFile *)file;

  return self->real->pMethods->xShmMap (self->real, page, page_size, extend, out);
}

static int
faulty_shm_lock (sqlite3_file *file, int offset, int n, int flags)
{
  FaultyFile *self = (FaultyFile *)file;

  return self->real->pMethods->xShmLock (self->real, offset, n, flags);
}

static void
faulty_shm_barrier (sqlite3_file *file)
{
  FaultyFile *self = (FaultyFile *)file;

  self->real->pMethods->xShmBarrier (self->real);
}

static int
faulty_shm_unmap (sqlite3_file *file, int delete_flag)
{
  FaultyFile *self = (FaultyFile *)file;

  return self->real->pMethods->xShmUnmap (self->real, delete_flag);
}

/* No memory-mapped pages: every read goes through xRead. */
static int
faulty_fetch (sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
  *out = NULL;
  return SQLITE_OK;
}

static int
faulty_unfetch (sqlite3_file *file, sqlite3_int64 offset, void *page)
{
  return SQLITE_OK;
}

static const sqlite3_io_methods faulty_io_methods = {
  3,
  faulty_close,
  faulty_read,
  faulty_write,
  faulty_truncate,
  faulty_sync,
  faulty_file_size,
  faulty_lock,
  faulty_unlock,
  faulty_check_reserved_lock,
  faulty_file_control,
  faulty_sector_size,
  faulty_device_characteristics,
  faulty_shm_map,
  faulty_shm_lock,
  faulty_shm_barrier,
  faulty_shm_unmap,
  faulty_fetch,
  faulty_unfetch,
};

static int
faulty_open (sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *out_flags)
{
  FaultyFile *self = (FaultyFile *)file;
  int rc;

  self->real = (sqlite3_file *)&self[1];
  rc = real_vfs->xOpen (real_vfs, name, self->real, flags, out_flags);
  /* SQLite calls xClose whenever pMethods is set, even after a failure. */
  file->pMethods = self->real->pMethods != NULL ? &faulty_io_methods : NULL;
  return rc;
}

static int
faulty_delete (sqlite3_vfs *vfs, const char *name, int sync_dir)
{
  return real_vfs->xDelete (real_vfs, name, sync_dir);
}

static int
faulty_access (sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
  return real_vfs->xAccess (real_vfs, name, flags, out);
}

static int
faulty_full_pathname (sqlite3_vfs *vfs, const char *name, int n_out, char *out)
{
  return real_vfs->xFullPathname (real_vfs, name, n_out, out);
}

static void *
faulty_dl_open (sqlite3_vfs *vfs, const char *name)
{
  return real_vfs->xDlOpen (real_vfs, name);
}

static void
faulty_dl_error (sqlite3_vfs *vfs, int n, char *message)
{
  real_vfs->xDlError (real_vfs, n, message);
}

static void (*faulty_dl_sym (sqlite3_vfs *vfs, void *handle, const char *symbol)) (void)
{
  return real_vfs->xDlSym (real_vfs, handle, symbol);
}

static void
faulty_dl_close (sqlite3_vfs *vfs, void *handle)
{
  real_vfs->xDlClose (real_vfs, handle);
}

static int
faulty_randomness (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xRandomness (real_vfs, n, out);
}

static int
faulty_sleep (sqlite3_vfs *vfs, int microseconds)
{
  return real_vfs->xSleep (real_vfs, microseconds);
}

static int
faulty_current_time (sqlite3_vfs *vfs, double *out)
{
  return real_vfs->xCurrentTime (real_vfs, out);
}

static int
faulty_get_last_error (sqlite3_vfs *vfs, int n, char *out)
{
  return real_vfs->xGetLastError (real_vfs, n, out);
}

static int
faulty_current_time_int64 (sqlite3_vfs *vfs, sqlite3_int64 *out)
{
  return real_vfs->xCurrentTimeInt64 (real_vfs, out);
}

void
mk_faulty_vfs_install (void)
{
  if (real_vfs != NULL)
    return;

  real_vfs = sqlite3_vfs_find (NULL);
  g_assert_nonnull (real_vfs);
  g_assert_cmpint (real_vfs->iVersion, >=, 2);

  faulty_vfs.iVersion = 2;
  faulty_vfs.szOsFile = sizeof (FaultyFile) + real_vfs->szOsFile;
  faulty_vfs.mxPathname = real_vfs->mxPathname;
  faulty_vfs.zName = "mk-faulty";
  faulty_vfs.xOpen = faulty_open;
  faulty_vfs.xDelete = faulty_delete;
  faulty_vfs.xAccess = faulty_access;
  faulty_vfs.xFullPathname = faulty_full_pathname;
  faulty_vfs.xDlOpen = faulty_dl_open;
  faulty_vfs.xDlError = faulty_dl_error;
  faulty_vfs.xDlSym = faulty_dl_sym;
  faulty_vfs.xDlClose = faulty_dl_close;
  faulty_vfs.xRandomness = faulty_randomness;
  faulty_vfs.xSleep = faulty_sleep;
  faulty_vfs.xCurrentTime = faulty_current_time;
  faulty_vfs.xGetLastError = faulty_get_last_error;
  faulty_vfs.xCurrentTimeInt64 = faulty_current_time_int64;

  g_assert_cmpint (sqlite3_vfs_register (&faulty_vfs, 1), ==, SQLITE_OK);
}

void
mk_faulty_vfs_arm (MkFault fault_kind,
                   guint   nth)
{
  g_assert_nonnull (real_vfs);

  fault = fault_kind;
  fail_at = MAX (nth, 1);
  n_writes = 0;
  n_syncs = 0;
  fired = FALSE;
}

void
mk_faulty_vfs_disarm (void)
{
  fault = MK_FAULT_NONE;
}

guint
mk_faulty_vfs_get_writes (void)
{
  return n_writes;
}

guint
mk_faulty_vfs_get_syncs (void)
{
  return n_syncs;
}

gboolean
mk_faulty_vfs_fired (void)
{
  return fired;
}
