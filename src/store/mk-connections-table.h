/* mk-connections-table.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-connection.h"

G_BEGIN_DECLS

typedef struct _MkStore MkStore;

/* At most one connection per user and platform (UNIQUE). No tokens here:
 * they are in the keyring under mk_connection_get_id(). */

/* Fills in id when NULL. */
gboolean      mk_store_connections_insert           (MkStore       *store,
                                                     MkConnection  *connection,
                                                     GError       **error);
/* Writes every column but id and user_id. */
gboolean      mk_store_connections_update           (MkStore       *store,
                                                     MkConnection  *connection,
                                                     GError       **error);
MkConnection *mk_store_connections_get              (MkStore       *store,
                                                     const char    *id,
                                                     GError       **error);
MkConnection *mk_store_connections_get_for_platform (MkStore       *store,
                                                     const char    *user_id,
                                                     MkPlatform     platform,
                                                     GError       **error);
/* MkConnection of @user_id, in platform order (instagram, facebook, youtube). */
GPtrArray    *mk_store_connections_list             (MkStore       *store,
                                                     const char    *user_id,
                                                     GError       **error);
gboolean      mk_store_connections_delete           (MkStore       *store,
                                                     const char    *id,
                                                     GError       **error);

G_END_DECLS
