/* mk-context.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-store.h"
#include "mk-vault.h"

G_BEGIN_DECLS

#define MK_TYPE_CONTEXT (mk_context_get_type ())

G_DECLARE_FINAL_TYPE (MkContext, mk_context, MK, CONTEXT, GObject)

char       *mk_context_default_data_dir (void);

MkContext  *mk_context_new             (const char  *data_dir,
                                        GError     **error);
MkContext  *mk_context_new_unopened    (const char          *data_dir,
                                        GError             **error);
void        mk_context_open_store_async (MkContext          *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    mk_context_open_store_finish (MkContext         *self,
                                        GAsyncResult        *result,
                                        GError             **error);
const char *mk_context_get_data_dir    (MkContext   *self);
char       *mk_context_get_db_path     (MkContext   *self);
/* NULL until the database is open (mk_context_new() opens it at once). */
MkStore    *mk_context_get_store       (MkContext   *self);
MkVault    *mk_context_get_vault       (MkContext   *self);
gboolean    mk_context_has_settings    (void);
GSettings  *mk_context_get_settings    (MkContext   *self);
const char *mk_context_get_user_id     (MkContext   *self);
void        mk_context_set_user_id     (MkContext   *self,
                                        const char  *user_id);

G_END_DECLS
