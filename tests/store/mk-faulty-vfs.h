/* mk-faulty-vfs.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A test-only SQLite VFS that hands everything to the default one, except
 * that it can make a write or a sync fail the way a dying or full disk
 * does. Installed as the default VFS, so every connection of the test
 * process goes through it; it does nothing until armed. */

typedef enum {
  MK_FAULT_NONE,    /* count writes and syncs, fail nothing */
  MK_FAULT_WRITE,   /* the Nth xWrite returns SQLITE_IOERR_WRITE */
  MK_FAULT_FULL,    /* the Nth xWrite returns SQLITE_FULL */
  MK_FAULT_SYNC,    /* the Nth xSync returns SQLITE_IOERR_FSYNC */
} MkFault;

void     mk_faulty_vfs_install   (void);

/* From now on, the @nth (1-based) write or sync (as @fault says) fails, and
 * so does every later one of the same kind, like a disk that stays full,
 * until mk_faulty_vfs_disarm(). Resets the counters. */
void     mk_faulty_vfs_arm       (MkFault fault,
                                  guint   nth);
void     mk_faulty_vfs_disarm    (void);

/* Since the last arm: how many xWrite and xSync calls were seen, and
 * whether the fault fired. */
guint    mk_faulty_vfs_get_writes (void);
guint    mk_faulty_vfs_get_syncs  (void);
gboolean mk_faulty_vfs_fired      (void);

G_END_DECLS
