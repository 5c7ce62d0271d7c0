/* mk-store-private.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-database.h"
#include "mk-store.h"

G_BEGIN_DECLS

/* For the table files: the connection behind the service. */
MkDatabase *mk_store_get_database (MkStore *self);

/* Sets MK_STORE_ERROR_NOT_FOUND; the message is complete and translated. */
void        mk_store_set_not_found (GError     **error,
                                    const char  *format,
                                    ...) G_GNUC_PRINTF (2, 3);

/* A GPtrArray that owns GObjects, for the list functions. */
GPtrArray  *mk_store_new_object_array (void);

/* For mk-logs-table.c: emits MkStore::log-added. */
void        mk_store_emit_log_added (MkStore    *self,
                                     MkLogEntry *entry);

G_END_DECLS
