/* mk-user.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A local account: one row of `users`. The password hash is whatever the
 * accounts code stores; this object never sees a password. */

#define MK_TYPE_USER (mk_user_get_type ())

G_DECLARE_FINAL_TYPE (MkUser, mk_user, MK, USER, GObject)

MkUser *     mk_user_new               (void);
MkUser *     mk_user_copy              (MkUser *self);
gboolean     mk_user_validate          (MkUser *self,
                                        GError **error);
const char * mk_user_get_id            (MkUser *self);
void         mk_user_set_id            (MkUser *self,
                                        const char *value);
const char * mk_user_get_email         (MkUser *self);
void         mk_user_set_email         (MkUser *self,
                                        const char *value);
const char * mk_user_get_password_hash (MkUser *self);
void         mk_user_set_password_hash (MkUser *self,
                                        const char *value);
const char * mk_user_get_created_at    (MkUser *self);
void         mk_user_set_created_at    (MkUser *self,
                                        const char *value);
int          mk_user_get_failed_logins (MkUser *self);
void         mk_user_set_failed_logins (MkUser *self,
                                        int value);
const char * mk_user_get_locked_until  (MkUser *self);
void         mk_user_set_locked_until  (MkUser *self,
                                        const char *value);

G_END_DECLS
