/* mk-store.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-store-error.h"

G_BEGIN_DECLS

#define MK_TYPE_STORE (mk_store_get_type ())

G_DECLARE_FINAL_TYPE (MkStore, mk_store, MK, STORE, GObject)

/* One SQLite connection. A store lives on the thread that uses it; a worker
 * thread opens its own MkStore on the same path (WAL lets them share).
 *
 * mk_store_open() creates the file when it is missing (the directory must
 * exist) and brings the schema up to date. A file that is not ours — not
 * SQLite, failing quick_check, or from a newer Mediakit — is refused with
 * NOT_A_DATABASE, CORRUPT or TOO_NEW and left byte for byte as it was; see
 * mk_store_set_aside(). */
MkStore    *mk_store_open                  (const char          *path,
                                            GError             **error);
void        mk_store_open_async            (const char          *path,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
MkStore    *mk_store_open_finish           (GAsyncResult        *result,
                                            GError             **error);

/* A read-only connection to a file an MkStore has already opened (and so
 * checked and migrated), for a worker thread that only reads. */
MkStore    *mk_store_open_reader           (const char          *path,
                                            GError             **error);

/* A read for mk_store_read_async(): runs in a worker thread on @reader,
 * and returns (transfer full) its rows, or NULL with @error set. */
typedef GPtrArray *(*MkStoreReadFunc) (MkStore   *reader,
                                       gpointer   data,
                                       GError   **error);

/* Runs @read in a worker thread on a reader of this store's file (see
 * mk_store_open_reader()); @data, freed with @data_free, must hold copies
 * of whatever the read needs. */
void        mk_store_read_async            (MkStore             *self,
                                            MkStoreReadFunc      read,
                                            gpointer             data,
                                            GDestroyNotify       data_free,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GPtrArray  *mk_store_read_finish           (MkStore             *self,
                                            GAsyncResult        *result,
                                            GError             **error);

const char *mk_store_get_path              (MkStore             *self);

/* The newest schema version this build knows (PRAGMA user_version). */
int         mk_store_get_schema_version    (void);

/* Transactions nest: the outermost is BEGIN IMMEDIATE … COMMIT, inner ones
 * are savepoints. Every begin needs exactly one commit or rollback. Bulk
 * inserts inside one transaction are two orders of magnitude faster. */
gboolean    mk_store_transaction_begin     (MkStore             *self,
                                            GError             **error);
gboolean    mk_store_transaction_commit    (MkStore             *self,
                                            GError             **error);
gboolean    mk_store_transaction_rollback  (MkStore             *self,
                                            GError             **error);

/* Renames a refused database (and its -wal and -shm, if any) to
 * "<path>.unusable-YYYYMMDD-HHMMSS" so that a new one can start at @path.
 * The file's bytes are not touched. */
gboolean    mk_store_set_aside             (const char          *path,
                                            char               **new_path,
                                            GError             **error);

G_END_DECLS

#include "mk-users-table.h"
#include "mk-profiles-table.h"
#include "mk-connections-table.h"
#include "mk-calendar-table.h"
#include "mk-metrics-table.h"
#include "mk-reviews-table.h"
#include "mk-logs-table.h"
