/* mk-store-error.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MK_STORE_ERROR (mk_store_error_quark ())

/**
 * MkStoreError:
 * @MK_STORE_ERROR_NOT_A_DATABASE: the file is not an SQLite database; it was
 *   left untouched
 * @MK_STORE_ERROR_CORRUPT: the database fails its integrity check; it was
 *   left untouched
 * @MK_STORE_ERROR_TOO_NEW: the database was written by a newer Mediakit; it
 *   was left untouched
 * @MK_STORE_ERROR_IO: reading or writing the file failed
 * @MK_STORE_ERROR_CONSTRAINT: a row broke a rule of the schema (the message
 *   names the column when SQLite does)
 * @MK_STORE_ERROR_NOT_FOUND: no row with that key
 * @MK_STORE_ERROR_FULL: the disk is full
 * @MK_STORE_ERROR_BUSY: another process holds the database for too long
 * @MK_STORE_ERROR_FAILED: anything else SQLite reports
 */
typedef enum {
  MK_STORE_ERROR_NOT_A_DATABASE,
  MK_STORE_ERROR_CORRUPT,
  MK_STORE_ERROR_TOO_NEW,
  MK_STORE_ERROR_IO,
  MK_STORE_ERROR_CONSTRAINT,
  MK_STORE_ERROR_NOT_FOUND,
  MK_STORE_ERROR_FULL,
  MK_STORE_ERROR_BUSY,
  MK_STORE_ERROR_FAILED,
} MkStoreError;

GQuark mk_store_error_quark (void);

G_END_DECLS
