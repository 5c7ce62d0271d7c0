/* mk-database.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <sqlite3.h>

#include "mk-store-error.h"

G_BEGIN_DECLS

/* A thin wrapper around one sqlite3 connection: errors as MK_STORE_ERROR,
 * prepared statements cached by their SQL text, nested transactions.
 * Internal to src/store; the rest of the app talks to MkStore. */

#define MK_TYPE_DATABASE (mk_database_get_type ())

G_DECLARE_FINAL_TYPE (MkDatabase, mk_database, MK, DATABASE, GObject)

/* A cached statement: borrowed from the database, reset and unbound when the
 * g_autoptr goes out of scope, so a half-read SELECT never holds a read
 * transaction open. */
typedef sqlite3_stmt MkStmt;

void        mk_stmt_release             (MkStmt        *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkStmt, mk_stmt_release)

/* @uri_or_path is passed to sqlite3_open_v2() with @flags (SQLITE_OPEN_URI
 * is added). @path is what error messages show. */
MkDatabase *mk_database_open            (const char    *uri_or_path,
                                         const char    *path,
                                         int            flags,
                                         GError       **error);
sqlite3    *mk_database_get_handle      (MkDatabase    *self);

/* Runs one or more statements without results (pragmas, migrations). */
gboolean    mk_database_exec            (MkDatabase    *self,
                                         const char    *sql,
                                         GError       **error);
/* A single integer answer, e.g. "PRAGMA user_version". */
gboolean    mk_database_query_int       (MkDatabase    *self,
                                         const char    *sql,
                                         gint64        *out_value,
                                         GError       **error);
/* A single text answer (a new string), e.g. "PRAGMA journal_mode=WAL". */
char       *mk_database_query_text      (MkDatabase    *self,
                                         const char    *sql,
                                         GError       **error);

MkStmt     *mk_database_prepare         (MkDatabase    *self,
                                         const char    *sql,
                                         GError       **error);
/* SQLITE_ROW or SQLITE_DONE; 0 with @error set on failure. */
int         mk_database_step            (MkDatabase    *self,
                                         MkStmt        *stmt,
                                         GError       **error);
/* Steps a write statement to its end. */
gboolean    mk_database_run             (MkDatabase    *self,
                                         MkStmt        *stmt,
                                         GError       **error);
gint64      mk_database_changes         (MkDatabase    *self);

/* Sets @error from the connection's last result code @rc. */
void        mk_database_set_error       (MkDatabase    *self,
                                         int            rc,
                                         GError       **error);

gboolean    mk_database_begin           (MkDatabase    *self,
                                         GError       **error);
gboolean    mk_database_commit          (MkDatabase    *self,
                                         GError       **error);
gboolean    mk_database_rollback        (MkDatabase    *self,
                                         GError       **error);
guint       mk_database_get_transaction_depth (MkDatabase *self);

/* Binding helpers; indexes start at 1 as in SQLite. NULL binds NULL. */
void        mk_stmt_bind_text           (MkStmt        *stmt,
                                         int            index,
                                         const char    *value);
/* NULL and "" bind NULL: optional text columns never hold "". */
void        mk_stmt_bind_optional_text  (MkStmt        *stmt,
                                         int            index,
                                         const char    *value);
void        mk_stmt_bind_int64          (MkStmt        *stmt,
                                         int            index,
                                         gint64         value);
/* -1 (unknown / not set) binds NULL. */
void        mk_stmt_bind_count          (MkStmt        *stmt,
                                         int            index,
                                         gint64         value);
/* NAN binds NULL. */
void        mk_stmt_bind_double         (MkStmt        *stmt,
                                         int            index,
                                         double         value);

const char *mk_stmt_column_text         (MkStmt        *stmt,
                                         int            column);
/* NULL reads as -1. */
gint64      mk_stmt_column_count        (MkStmt        *stmt,
                                         int            column);
/* NULL reads as NAN. */
double      mk_stmt_column_double       (MkStmt        *stmt,
                                         int            column);

G_END_DECLS
