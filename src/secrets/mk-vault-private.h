/* mk-vault-private.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-vault.h"

G_BEGIN_DECLS

/**
 * MkVaultBackend:
 * @MK_VAULT_BACKEND_AUTO: the password API inside a Flatpak sandbox
 *   (/.flatpak-info exists), the Secret Service everywhere else.
 * @MK_VAULT_BACKEND_SERVICE: SecretService over D-Bus; unlocks a locked
 *   collection and tells "locked" from "absent".
 * @MK_VAULT_BACKEND_PASSWORD: the secret_password_*() API, which libsecret
 *   routes through the Secret portal (its file backend) in a sandbox.
 *
 * mk_vault_new() is AUTO; tests choose a backend to cover both paths.
 */
typedef enum
{
  MK_VAULT_BACKEND_AUTO,
  MK_VAULT_BACKEND_SERVICE,
  MK_VAULT_BACKEND_PASSWORD,
} MkVaultBackend;

MkVault        *mk_vault_new_with_backend (MkVaultBackend backend);
MkVaultBackend  mk_vault_get_backend      (MkVault       *self);

G_END_DECLS
