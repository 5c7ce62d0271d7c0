/* mk-vault.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Tokens live only here, in the user's keyring, under the libsecret schema
 * "io.github.mediakit.Mediakit.Token" with the attributes "connection"
 * (a social_connections.id, or a platform name for client secrets) and
 * "kind" (one of the MK_VAULT_KIND_* strings). */

#define MK_VAULT_SCHEMA_NAME       "io.github.mediakit.Mediakit.Token"

#define MK_VAULT_KIND_ACCESS        "access"
#define MK_VAULT_KIND_REFRESH       "refresh"
#define MK_VAULT_KIND_CLIENT_SECRET "client-secret"
#define MK_VAULT_KIND_SESSION       "session"

#define MK_VAULT_ERROR (mk_vault_error_quark ())

/**
 * MkVaultError:
 * @MK_VAULT_ERROR_NO_SERVICE: no Secret Service (GNOME Keyring, KeePassXC…)
 *   answers on the session bus, or there is no session bus. Nothing was
 *   stored anywhere else.
 * @MK_VAULT_ERROR_LOCKED: the keyring is locked and stayed locked: the user
 *   dismissed the unlock prompt or gave a wrong password. Not the same as
 *   "no token".
 * @MK_VAULT_ERROR_FAILED: the keyring refused or failed for another reason;
 *   the message says why.
 *
 * Cancelled operations fail with G_IO_ERROR_CANCELLED, not with these.
 */
typedef enum
{
  MK_VAULT_ERROR_NO_SERVICE,
  MK_VAULT_ERROR_LOCKED,
  MK_VAULT_ERROR_FAILED,
} MkVaultError;

GQuark mk_vault_error_quark (void);

#define MK_TYPE_VAULT (mk_vault_get_type ())

G_DECLARE_FINAL_TYPE (MkVault, mk_vault, MK, VAULT, GObject)

MkVault  *mk_vault_new          (void);

gboolean  mk_vault_is_valid_kind (const char *kind);

/* Stores @secret, replacing any secret of the same connection and kind. */
void      mk_vault_store_async  (MkVault              *self,
                                 const char           *connection,
                                 const char           *kind,
                                 const char           *label,
                                 const char           *secret,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
gboolean  mk_vault_store_finish (MkVault              *self,
                                 GAsyncResult         *result,
                                 GError              **error);

/* The result is NULL with no error when nothing is stored. Free it with
 * secret_password_free() (or mk_vault_secret_free()), which wipes it. */
void      mk_vault_lookup_async  (MkVault             *self,
                                  const char          *connection,
                                  const char          *kind,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
char     *mk_vault_lookup_finish (MkVault             *self,
                                  GAsyncResult        *result,
                                  GError             **error);

/* Removes the secret of one @kind, or every kind of @connection when @kind
 * is NULL. Removing what is not there succeeds. */
void      mk_vault_clear_async  (MkVault              *self,
                                 const char           *connection,
                                 const char           *kind,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
gboolean  mk_vault_clear_finish (MkVault              *self,
                                 GAsyncResult         *result,
                                 GError              **error);

/* Wipes and frees a secret from mk_vault_lookup_finish(); NULL is fine.
 * g_autoptr(MkVaultSecret) token = mk_vault_lookup_finish (…) does the same
 * when the variable goes out of scope. */
typedef char MkVaultSecret;

void      mk_vault_secret_free  (char                 *secret);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkVaultSecret, mk_vault_secret_free)

G_END_DECLS
