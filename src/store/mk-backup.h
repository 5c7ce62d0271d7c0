/* mk-backup.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-store-error.h"

G_BEGIN_DECLS

/* Backups of the database file: a consistent copy (VACUUM INTO, on a
 * connection of their own) written beside the target under a temporary
 * name, checked (integrity_check, schema version), synced, then renamed
 * into place, so a backup file is either whole or absent.
 *
 * The daily ones live in the "backups" folder beside the database, named
 * mediakit-YYYY-MM-DD.db (local date); the newest MK_BACKUP_KEEP are kept. */

#define MK_BACKUP_KEEP 7

typedef struct {
  char      *path;
  char      *date;        /* YYYY-MM-DD, from the name */
  goffset    size;
  GDateTime *modified;    /* local time */
} MkBackupInfo;

void          mk_backup_info_free         (MkBackupInfo  *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkBackupInfo, mk_backup_info_free)

/* The folder of the daily backups of the database at @db_path. */
char         *mk_backup_get_dir           (const char    *db_path);

/* Writes a backup of @db_path to @dest_path (replacing it atomically, if it
 * exists). Blocking: call from a thread, or from the command line. */
gboolean      mk_backup_write             (const char    *db_path,
                                           const char    *dest_path,
                                           GCancellable  *cancellable,
                                           GError       **error);

/* Today's daily backup, then the oldest beyond MK_BACKUP_KEEP are deleted;
 * in a thread. Finish returns the new backup's path. */
void          mk_backup_create_async      (const char          *db_path,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* The same, but only when no backup is younger than a day (it looks in the
 * thread too); finish returns NULL without an error when none was due. */
void          mk_backup_create_if_due_async (const char          *db_path,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
char         *mk_backup_create_finish     (GAsyncResult  *result,
                                           GError       **error);

/* What the app does at start: mk_backup_create_if_due_async() after
 * @delay_seconds on the thread-default main context, so that the copy does
 * not compete with the first frames; nothing when @cancellable is
 * cancelled first. @callback may be NULL: a failure is then logged
 * (g_warning). Returns the timer's source id. */
guint         mk_backup_schedule_daily    (const char          *db_path,
                                           guint                delay_seconds,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);

/* TRUE when the newest daily backup is older than a day at @now (or there
 * is none). */
gboolean      mk_backup_is_due            (const char    *db_path,
                                           GDateTime     *now);

/* The daily backups, newest first: a GPtrArray of MkBackupInfo. A missing
 * folder is an empty list. */
GPtrArray    *mk_backup_list              (const char    *db_path,
                                           GError       **error);

/* Deletes all but the newest @keep daily backups. */
gboolean      mk_backup_prune             (const char    *db_path,
                                           guint          keep,
                                           GError       **error);

/* Whether @path is a whole Mediakit database this version can open: not
 * SQLite (NOT_A_DATABASE), damaged (CORRUPT), from a newer Mediakit
 * (TOO_NEW). Reads only: the file is opened immutable. */
gboolean      mk_backup_verify            (const char    *path,
                                           GError       **error);

/* Replaces the database at @db_path by the backup @backup_path. The backup
 * is verified first and copied beside the database (and verified again);
 * only then is the current database (with its -wal and -shm) renamed to
 * "<db_path>.before-restore-YYYYMMDD-HHMMSS", returned in @out_set_aside
 * (NULL when there was none), and the copy renamed into place. Refused
 * with MK_STORE_ERROR_BUSY, before anything is copied, while another process
 * has the database open. This process's stores are no obstacle, but their
 * connections belong to the file set aside: the caller closes them or quits. */
gboolean      mk_backup_restore           (const char    *backup_path,
                                           const char    *db_path,
                                           char         **out_set_aside,
                                           GError       **error);

G_END_DECLS
