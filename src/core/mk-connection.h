/* mk-connection.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include "mk-enums.h"

G_BEGIN_DECLS

/* A platform account linked to a user: one row of `social_connections`.
 * The tokens are not here on purpose: they live only in the keyring, under
 * this object's id. */

#define MK_TYPE_CONNECTION (mk_connection_get_type ())

G_DECLARE_FINAL_TYPE (MkConnection, mk_connection, MK, CONNECTION, GObject)

MkConnection * mk_connection_new                  (void);
MkConnection * mk_connection_copy                 (MkConnection *self);
gboolean       mk_connection_validate             (MkConnection *self,
                                                   GError **error);
const char *   mk_connection_get_id               (MkConnection *self);
void           mk_connection_set_id               (MkConnection *self,
                                                   const char *value);
const char *   mk_connection_get_user_id          (MkConnection *self);
void           mk_connection_set_user_id          (MkConnection *self,
                                                   const char *value);
MkPlatform     mk_connection_get_platform         (MkConnection *self);
void           mk_connection_set_platform         (MkConnection *self,
                                                   MkPlatform value);
const char *   mk_connection_get_platform_user_id (MkConnection *self);
void           mk_connection_set_platform_user_id (MkConnection *self,
                                                   const char *value);
const char *   mk_connection_get_account_name     (MkConnection *self);
void           mk_connection_set_account_name     (MkConnection *self,
                                                   const char *value);
const char *   mk_connection_get_token_expires_at (MkConnection *self);
void           mk_connection_set_token_expires_at (MkConnection *self,
                                                   const char *value);
gboolean       mk_connection_get_is_connected     (MkConnection *self);
void           mk_connection_set_is_connected     (MkConnection *self,
                                                   gboolean value);

G_END_DECLS
