/* mk-store-lock.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Who else has a database open. Every process with a store open on a
 * database holds a shared lock on it; a restore takes it exclusive, so it
 * never moves a database from under another running Mediakit (the window,
 * or a --sync from the command line). Within one process the lock is one,
 * counted: the process's own stores never stand in its way. */

/* Takes (or counts once more) the shared lock of @db_path. Waits (10 s at
 * most) while another process restores a backup over the database. */
void     mk_store_lock_hold      (const char  *db_path);
void     mk_store_lock_release   (const char  *db_path);

/* Makes this process's lock of @db_path exclusive, taking it if needed.
 * Fails with MK_STORE_ERROR_BUSY while another process holds it. */
gboolean mk_store_lock_exclusive (const char  *db_path,
                                  GError     **error);
/* Back to shared (or released, if this process held none before). */
void     mk_store_lock_shared    (const char  *db_path);

G_END_DECLS
