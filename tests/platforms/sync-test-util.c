/* sync-test-util.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include "mk-connections-table.h"
#include "mk-time.h"
#include "sync-test-util.h"

GAsyncResult *
sync_test_wait (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

void
sync_test_on_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

const char *
sync_test_platform_user_id (MkPlatform platform)
{
  switch (platform)
    {
    case MK_PLATFORM_INSTAGRAM:
      return "9276584013257741";
    case MK_PLATFORM_FACEBOOK:
      return "10229384756102938";
    case MK_PLATFORM_YOUTUBE:
      return "UCq7Xr2mB4kN9pLs3TfVwY1A";
    default:
      g_assert_not_reached ();
    }
}

static void
vault_store (MkVault    *vault,
             const char *connection,
             const char *kind,
             const char *secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mk_vault_store_async (vault, connection, kind, "Mediakit test token", secret, NULL,
                        sync_test_on_done, &result);
  g_assert_true (mk_vault_store_finish (vault, sync_test_wait (&result), &error));
  g_assert_no_error (error);
}

char *
sync_test_seed_connection (MkStore    *store,
                           MkVault    *vault,
                           const char *user_id,
                           MkPlatform  platform,
                           const char *access,
                           const char *refresh)
{
  g_autoptr(MkConnection) connection = mk_connection_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) expires = g_date_time_add_days (now, 30);
  g_autofree char *expires_at = mk_time_format_timestamp (expires);
  g_autoptr(GError) error = NULL;

  mk_connection_set_user_id (connection, user_id);
  mk_connection_set_platform (connection, platform);
  mk_connection_set_platform_user_id (connection, sync_test_platform_user_id (platform));
  mk_connection_set_account_name (connection, "@sarahlens");
  mk_connection_set_token_expires_at (connection, expires_at);
  mk_connection_set_is_connected (connection, TRUE);
  g_assert_true (mk_store_connections_insert (store, connection, &error));
  g_assert_no_error (error);

  vault_store (vault, mk_connection_get_id (connection), MK_VAULT_KIND_ACCESS, access);
  if (refresh != NULL)
    vault_store (vault, mk_connection_get_id (connection), MK_VAULT_KIND_REFRESH, refresh);

  return g_strdup (mk_connection_get_id (connection));
}

void
sync_test_clear_keyring (MkStore    *store,
                         MkVault    *vault,
                         const char *user_id)
{
  g_autoptr(GPtrArray) connections = mk_store_connections_list (store, user_id, NULL);

  for (guint i = 0; connections != NULL && i < connections->len; i++)
    {
      MkConnection *connection = g_ptr_array_index (connections, i);
      g_autoptr(GAsyncResult) result = NULL;

      mk_vault_clear_async (vault, mk_connection_get_id (connection), NULL, NULL,
                            sync_test_on_done, &result);
      g_assert_true (mk_vault_clear_finish (vault, sync_test_wait (&result), NULL));
    }
}
