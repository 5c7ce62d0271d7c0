/* mk-migrations.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-database.h"

G_BEGIN_DECLS

/* The migrations are schemas/database/NNNN-*.sql, compiled into the store's
 * GResource; NNNN is the user_version the file brings the database to. */

int      mk_migrations_get_latest (void);

/* Applies every migration newer than the database's user_version, each in
 * one transaction that also sets user_version. Refuses (TOO_NEW) a database
 * newer than this build. */
gboolean mk_migrations_apply      (MkDatabase  *database,
                                   GError     **error);

G_END_DECLS
