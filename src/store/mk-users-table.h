/* mk-users-table.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-user.h"

G_BEGIN_DECLS

typedef struct _MkStore MkStore;

/* Functions that return an object return NULL with MK_STORE_ERROR_NOT_FOUND
 * when there is no such row. Writes validate the object first (an
 * MK_VALIDATE_ERROR naming the field), then let the schema check again. */

/* Fills in id and created_at on @user when they are NULL. Emails are unique
 * regardless of letter case. */
gboolean    mk_store_users_insert        (MkStore     *store,
                                          MkUser      *user,
                                          GError     **error);
/* Writes email, password_hash, failed_logins and locked_until. */
gboolean    mk_store_users_update        (MkStore     *store,
                                          MkUser      *user,
                                          GError     **error);
MkUser     *mk_store_users_get           (MkStore     *store,
                                          const char  *id,
                                          GError     **error);
/* Ignores letter case. */
MkUser     *mk_store_users_find_by_email (MkStore     *store,
                                          const char  *email,
                                          GError     **error);
/* MkUser, oldest account first. */
GPtrArray  *mk_store_users_list          (MkStore     *store,
                                          GError     **error);
gint64      mk_store_users_count         (MkStore     *store,
                                          GError     **error);
/* Deletes the account and, by cascade, everything it owns; its log rows
 * stay with user_id set to NULL. */
gboolean    mk_store_users_delete        (MkStore     *store,
                                          const char  *id,
                                          GError     **error);

G_END_DECLS
