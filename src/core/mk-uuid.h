/* mk-uuid.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A random (version 4) UUID, lower-case canonical form. */
char     *mk_uuid_new            (void);

/* A time-ordered (version 7) UUID: ids made later sort later, even within one
 * millisecond of one process. Logs use it so that rows written in the same
 * second keep their order under "ORDER BY created_at, id". */
char     *mk_uuid_new_time_ordered (void);

/* TRUE for a lower-case canonical UUID (what the database stores). */
gboolean  mk_uuid_is_valid       (const char *str);

G_END_DECLS
