/* mk-connection-service-refresh.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-connect"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-connection-service-private.h"
#include "mk-oauth-error.h"
#include "mk-time.h"

/* Access tokens and the shared refresh */

typedef struct
{
  MkPlatform           platform;
  MkConnection        *connection;
  MkClientCredentials  creds;
  char                *access_token;
  char                *refresh_token;
  MkTokenResponse     *token;
  char                *expires_at;
  gboolean             expired;
} RefreshData;

static void
refresh_data_free (RefreshData *data)
{
  g_clear_object (&data->connection);
  mk_client_credentials_clear (&data->creds);
  g_clear_pointer (&data->access_token, mk_connection_service_wipe_free);
  g_clear_pointer (&data->refresh_token, mk_connection_service_wipe_free);
  g_clear_pointer (&data->token, mk_token_response_free);
  g_free (data->expires_at);
  g_free (data);
}

/* Completes every caller waiting on @platform's refresh: with a copy of
 * @token, or with @error. */
static void
release_waiters (MkConnectionService *self,
                 MkPlatform           platform,
                 const char          *token,
                 const GError        *error)
{
  MkConnectionSlot *slot = mk_connection_service_get_slot (self, platform);
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&slot->waiters);

  for (guint i = 0; waiters != NULL && i < waiters->len; i++)
    {
      GTask *waiter = g_ptr_array_index (waiters, i);

      if (token != NULL)
        g_task_return_pointer (waiter, g_strdup (token), mk_connection_service_wipe_free);
      else
        g_task_return_error (waiter, g_error_copy (error));
    }
}

static void
refresh_failed (MkConnectionService *self,
                RefreshData         *data,
                GError              *error)
{
  /* Takes @error, freed on return. */
  g_autoptr(GError) owned G_GNUC_UNUSED = error;

  mk_connection_service_write_log (self, data->platform, "refresh_token", error, NULL,
             mk_connection_get_id (data->connection), NULL);

  if (mk_oauth_error_needs_reconnect (error)
      || (data->expired && g_error_matches (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_UNSUPPORTED)))
    {
      mk_connection_service_set_state (self, data->platform, MK_CONNECTION_STATE_NEEDS_RECONNECT, error->message);
      release_waiters (self, data->platform, NULL, error);
      return;
    }

  /* Network, 5xx, rate limit, keyring trouble: never a disconnect. A token
   * that has not expired yet is still good to use. */
  if (!data->expired && data->access_token != NULL
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      release_waiters (self, data->platform, data->access_token, NULL);
      return;
    }

  release_waiters (self, data->platform, NULL, error);
}

static void
on_refreshed_access_stored (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MkConnectionService *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!mk_vault_store_finish (MK_VAULT (source), result, &error))
    {
      refresh_failed (self, data, error);
      g_task_return_boolean (task, FALSE);
      return;
    }

  mk_connection_set_token_expires_at (data->connection, data->expires_at);
  if (!mk_store_connections_update (self->store, data->connection, &error))
    {
      /* The keyring has the new token; the row only lags on the expiry. */
      g_warning ("Could not record the new expiry: %s", error->message);
      g_clear_error (&error);
    }

  mk_connection_service_write_log (self, data->platform, "refresh_token", NULL,
             data->token->refresh_token != NULL ? "Refreshed; new refresh token kept" : "Refreshed",
             mk_connection_get_id (data->connection), data->expires_at);
  mk_connection_service_set_state (self, data->platform, MK_CONNECTION_STATE_CONNECTED, NULL);
  release_waiters (self, data->platform, data->token->access_token, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
store_refreshed_access (GTask *task)
{
  MkConnectionService *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  g_autofree char *label = g_strdup_printf (_("Mediakit: %s access token"),
                                            mk_platform_get_display_name (data->platform));

  mk_vault_store_async (self->vault, mk_connection_get_id (data->connection), MK_VAULT_KIND_ACCESS,
                        label, data->token->access_token, self->cancellable,
                        on_refreshed_access_stored, task);
}

static void
on_rotated_refresh_stored (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  GTask *task = user_data;
  MkConnectionService *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!mk_vault_store_finish (MK_VAULT (source), result, &error))
    {
      refresh_failed (self, data, error);
      g_task_return_boolean (task, FALSE);
      g_object_unref (task);
      return;
    }

  store_refreshed_access (task);
}

static void
on_refresh_answer (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  MkConnectionService *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->token = mk_platform_provider_refresh_finish (MK_PLATFORM_PROVIDER (source), result, &error);
  if (data->token == NULL)
    {
      refresh_failed (self, data, error);
      g_task_return_boolean (task, FALSE);
      g_object_unref (task);
      return;
    }

  data->expires_at = mk_connection_service_expires_at_from_now (data->token->expires_in);

  /* A rotated refresh token is stored before the new access token is used:
   * the old one may already be dead, and losing the new one would lose the
   * connection. */
  if (data->token->refresh_token != NULL
      && g_strcmp0 (data->token->refresh_token, data->refresh_token) != 0)
    {
      g_autofree char *label = g_strdup_printf (_("Mediakit: %s refresh token"),
                                                mk_platform_get_display_name (data->platform));

      mk_vault_store_async (self->vault, mk_connection_get_id (data->connection), MK_VAULT_KIND_REFRESH,
                            label, data->token->refresh_token, self->cancellable,
                            on_rotated_refresh_stored, task);
      return;
    }

  store_refreshed_access (task);
}

static void
on_refresh_secret (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  MkConnectionService *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->creds.client_secret = mk_connection_service_take_secret (mk_vault_lookup_finish (MK_VAULT (source), result, &error));
  if (error != NULL)
    {
      refresh_failed (self, data, error);
      g_task_return_boolean (task, FALSE);
      g_object_unref (task);
      return;
    }

  mk_platform_provider_refresh_async (mk_connection_service_get_slot (self, data->platform)->provider, self->http,
                                      &data->creds, data->access_token, data->refresh_token,
                                      self->user_id, self->cancellable, on_refresh_answer, task);
}

static void
on_refresh_token_looked_up (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  GTask *task = user_data;
  MkConnectionService *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->refresh_token = mk_vault_lookup_finish (MK_VAULT (source), result, &error);
  if (error != NULL)
    {
      refresh_failed (self, data, error);
      g_task_return_boolean (task, FALSE);
      g_object_unref (task);
      return;
    }

  mk_vault_lookup_async (self->vault, mk_platform_to_string (data->platform),
                         MK_VAULT_KIND_CLIENT_SECRET, self->cancellable, on_refresh_secret, task);
}

static void
start_refresh (MkConnectionService *self,
               MkPlatform           platform,
               MkConnection        *connection,
               char                *access_token,
               gboolean             expired)
{
  GTask *task;
  RefreshData *data;

  /* The refresh belongs to the service, not to the first caller: one
   * caller cancelling must not fail the others. */
  task = g_task_new (self, self->cancellable, NULL, NULL);
  g_task_set_source_tag (task, start_refresh);

  data = g_new0 (RefreshData, 1);
  data->platform = platform;
  data->connection = g_object_ref (connection);
  data->access_token = access_token;
  data->expired = expired;
  data->creds.client_id = g_strdup (mk_connection_service_get_client_id (self, platform));
  g_task_set_task_data (task, data, (GDestroyNotify) refresh_data_free);

  mk_vault_lookup_async (self->vault, mk_connection_get_id (connection), MK_VAULT_KIND_REFRESH,
                         self->cancellable, on_refresh_token_looked_up, task);
}

typedef struct
{
  MkPlatform    platform;
  MkConnection *connection;
  gboolean      force;
  gboolean      expired;
  gboolean      due;
} TokenData;

static void
token_data_free (TokenData *data)
{
  g_clear_object (&data->connection);
  g_free (data);
}

static void
on_access_looked_up (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MkConnectionService *self = g_task_get_source_object (task);
  TokenData *data = g_task_get_task_data (task);
  MkConnectionSlot *slot = mk_connection_service_get_slot (self, data->platform);
  GError *error = NULL;
  char *access;

  access = mk_vault_lookup_finish (MK_VAULT (source), result, &error);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mk_connection_service_set_state (self, data->platform, MK_CONNECTION_STATE_ERROR, error->message);
      g_task_return_error (task, error);
      return;
    }

  if (access == NULL)
    {
      const char *reason = _("The token is missing from the keyring");

      mk_connection_service_set_state (self, data->platform, MK_CONNECTION_STATE_NEEDS_RECONNECT, reason);
      g_task_return_new_error (task, MK_OAUTH_ERROR, MK_OAUTH_ERROR_INVALID_TOKEN, "%s", reason);
      return;
    }

  if (!data->due)
    {
      g_task_return_pointer (task, access, mk_connection_service_wipe_free);
      return;
    }

  /* Single flight: whoever comes while a refresh runs waits for it. */
  if (slot->waiters != NULL)
    {
      g_ptr_array_add (slot->waiters, g_steal_pointer (&task));
      mk_vault_secret_free (access);
      return;
    }

  slot->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (slot->waiters, g_steal_pointer (&task));
  start_refresh (self, data->platform, data->connection, access, data->expired);
}

void
mk_connection_service_get_access_token_async (MkConnectionService *self,
                                              MkPlatform           platform,
                                              gboolean             force,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) expires_at = NULL;
  TokenData *data;
  MkConnectionSlot *slot;
  const char *text;

  g_return_if_fail (MK_IS_CONNECTION_SERVICE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_connection_service_get_access_token_async);

  data = g_new0 (TokenData, 1);
  data->platform = platform;
  data->force = force;
  g_task_set_task_data (task, data, (GDestroyNotify) token_data_free);

  slot = mk_connection_service_get_slot (self, platform);
  data->connection = slot != NULL ? mk_connection_service_get_connection (self, platform) : NULL;
  if (data->connection == NULL || !mk_connection_get_is_connected (data->connection))
    {
      g_task_return_new_error (task, MK_OAUTH_ERROR, MK_OAUTH_ERROR_NOT_CONNECTED,
                               _("%s is not connected"), mk_platform_get_display_name (platform));
      return;
    }

  if (slot->state == MK_CONNECTION_STATE_NEEDS_RECONNECT)
    {
      g_task_return_new_error (task, MK_OAUTH_ERROR, MK_OAUTH_ERROR_INVALID_GRANT,
                               _("%s needs reconnecting: %s"),
                               mk_platform_get_display_name (platform), slot->reason);
      return;
    }

  now = g_date_time_new_now_utc ();
  text = mk_connection_get_token_expires_at (data->connection);
  expires_at = text != NULL ? mk_time_parse_timestamp (text) : NULL;
  data->expired = expires_at != NULL && g_date_time_compare (expires_at, now) <= 0;
  data->due = mk_platform_provider_can_refresh (slot->provider)
              && (force || mk_platform_provider_needs_refresh (slot->provider, now, expires_at));

  if (data->expired && !data->due)
    {
      const char *reason = _("The sign-in expired");
      g_autoptr(GError) error = g_error_new_literal (MK_OAUTH_ERROR, MK_OAUTH_ERROR_INVALID_TOKEN, reason);

      mk_connection_service_set_state (self, platform, MK_CONNECTION_STATE_NEEDS_RECONNECT, reason);
      mk_connection_service_write_log (self, platform, "refresh_token", error, NULL, mk_connection_get_id (data->connection), NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  mk_vault_lookup_async (self->vault, mk_connection_get_id (data->connection), MK_VAULT_KIND_ACCESS,
                         cancellable, on_access_looked_up, g_steal_pointer (&task));
}

char *
mk_connection_service_get_access_token_finish (MkConnectionService  *self,
                                               GAsyncResult         *result,
                                               GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
