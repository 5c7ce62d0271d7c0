/* sync-test-util.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-connection-service.h"
#include "mk-fake-server.h"
#include "mk-store.h"
#include "mk-vault.h"

G_BEGIN_DECLS

/* Shared by test-sync and the sync benchmarks: connections seeded the way
 * a finished sign-in leaves them (a social_connections row plus tokens in
 * the real keyring), without going through a browser. */

GAsyncResult *sync_test_wait     (GAsyncResult **slot);
void          sync_test_on_done  (GObject       *source,
                                  GAsyncResult  *result,
                                  gpointer       user_data);

/* The platform's account id in the fake server's fixtures. */
const char   *sync_test_platform_user_id (MkPlatform platform);

/* Inserts a connected row for @platform (token valid for 30 days) and keeps
 * @access (and @refresh, may be NULL) in the keyring under its id. Returns
 * the row's id. */
char         *sync_test_seed_connection  (MkStore    *store,
                                          MkVault    *vault,
                                          const char *user_id,
                                          MkPlatform  platform,
                                          const char *access,
                                          const char *refresh);
/* Removes the keyring items of every connection of @user_id. */
void          sync_test_clear_keyring    (MkStore    *store,
                                          MkVault    *vault,
                                          const char *user_id);

G_END_DECLS
