/* mk-connection-service.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-connect"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "mk-connection-service-private.h"
#include "mk-connections-table.h"
#include "mk-logs-table.h"
#include "mk-loopback-listener.h"
#include "mk-pkce.h"
#include "mk-store-error.h"
#include "mk-time.h"
#include "mk-uuid.h"

G_DEFINE_FINAL_TYPE (MkConnectionService, mk_connection_service, G_TYPE_OBJECT)

enum {
  CHANGED,
  DEVICE_CODE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
mk_connection_service_wipe_free (gpointer secret)
{
  mk_vault_secret_free (secret);
}

/* Keyring secrets live in libsecret's secure memory; the credentials
 * struct is plain g_malloc, so copy across (both are wiped on free). */
char *
mk_connection_service_take_secret (char *secret)
{
  char *copy = g_strdup (secret);

  mk_vault_secret_free (secret);
  return copy;
}

MkConnectionSlot *
mk_connection_service_get_slot (MkConnectionService *self,
          MkPlatform           platform)
{
  if (!mk_platform_is_connectable (platform) || platform >= N_SLOTS)
    return NULL;
  return &self->slots[platform];
}

static void
mk_connection_service_dispose (GObject *object)
{
  MkConnectionService *self = (MkConnectionService *)object;

  g_cancellable_cancel (self->cancellable);
  for (guint i = 0; i < N_SLOTS; i++)
    g_clear_object (&self->slots[i].provider);
  g_clear_object (&self->http);
  g_clear_object (&self->vault);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mk_connection_service_parent_class)->dispose (object);
}

static void
mk_connection_service_finalize (GObject *object)
{
  MkConnectionService *self = (MkConnectionService *)object;

  for (guint i = 0; i < N_SLOTS; i++)
    {
      g_free (self->slots[i].client_id);
      g_free (self->slots[i].reason);
      g_clear_pointer (&self->slots[i].waiters, g_ptr_array_unref);
      g_clear_object (&self->slots[i].pages);
    }
  g_clear_object (&self->cancellable);
  g_free (self->user_id);
  g_clear_pointer (&self->client_token, mk_connection_service_wipe_free);

  G_OBJECT_CLASS (mk_connection_service_parent_class)->finalize (object);
}

static void
mk_connection_service_class_init (MkConnectionServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mk_connection_service_dispose;
  object_class->finalize = mk_connection_service_finalize;

  /* A platform's state or row changed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, MK_TYPE_PLATFORM);
  /* Device sign-in: show the user code and the address. */
  signals[DEVICE_CODE] = g_signal_new ("device-code", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 3, MK_TYPE_PLATFORM,
                                       G_TYPE_STRING, G_TYPE_STRING);
}

static void
mk_connection_service_init (MkConnectionService *self)
{
  self->cancellable = g_cancellable_new ();
  self->device_time_unit = 1000;
  self->browser_timeout = MK_LOOPBACK_LISTENER_DEFAULT_TIMEOUT;
}

MkConnectionService *
mk_connection_service_new (MkStore    *store,
                           MkVault    *vault,
                           MkHttp     *http,
                           const char *user_id)
{
  MkConnectionService *self;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);
  g_return_val_if_fail (MK_IS_VAULT (vault), NULL);
  g_return_val_if_fail (MK_IS_HTTP (http), NULL);
  g_return_val_if_fail (user_id != NULL, NULL);

  self = g_object_new (MK_TYPE_CONNECTION_SERVICE, NULL);
  self->store = g_object_ref (store);
  self->vault = g_object_ref (vault);
  self->http = g_object_ref (http);
  self->user_id = g_strdup (user_id);

  for (MkPlatform p = MK_PLATFORM_INSTAGRAM; p <= MK_PLATFORM_YOUTUBE; p++)
    self->slots[p].provider = mk_platform_provider_new_for_platform (p);

  return self;
}

MkHttp *
mk_connection_service_get_http (MkConnectionService *self)
{
  g_return_val_if_fail (MK_IS_CONNECTION_SERVICE (self), NULL);
  return self->http;
}

MkPlatformProvider *
mk_connection_service_get_provider (MkConnectionService *self,
                                    MkPlatform           platform)
{
  MkConnectionSlot *slot;

  g_return_val_if_fail (MK_IS_CONNECTION_SERVICE (self), NULL);

  slot = mk_connection_service_get_slot (self, platform);
  return slot != NULL ? slot->provider : NULL;
}

const char *
mk_connection_service_get_client_id (MkConnectionService *self,
                                     MkPlatform           platform)
{
  MkConnectionSlot *slot;
  const char *built_in;

  g_return_val_if_fail (MK_IS_CONNECTION_SERVICE (self), NULL);

  slot = mk_connection_service_get_slot (self, platform);
  if (slot == NULL)
    return NULL;
  if (slot->client_id != NULL)
    return slot->client_id;

  built_in = mk_platform_provider_get_build_client_id (slot->provider);
  return built_in != NULL && *built_in != '\0' ? built_in : NULL;
}

void
mk_connection_service_set_client_id (MkConnectionService *self,
                                     MkPlatform           platform,
                                     const char          *client_id)
{
  MkConnectionSlot *slot;

  g_return_if_fail (MK_IS_CONNECTION_SERVICE (self));

  slot = mk_connection_service_get_slot (self, platform);
  g_return_if_fail (slot != NULL);

  g_free (slot->client_id);
  slot->client_id = client_id != NULL && *client_id != '\0' ? g_strstrip (g_strdup (client_id)) : NULL;
}

void
mk_connection_service_set_client_token (MkConnectionService *self,
                                        const char          *client_token)
{
  g_return_if_fail (MK_IS_CONNECTION_SERVICE (self));

  g_clear_pointer (&self->client_token, mk_connection_service_wipe_free);
  if (client_token != NULL && *client_token != '\0')
    self->client_token = g_strdup (client_token);
}

void
mk_connection_service_set_device_time_unit (MkConnectionService *self,
                                            guint                milliseconds)
{
  g_return_if_fail (MK_IS_CONNECTION_SERVICE (self));
  self->device_time_unit = milliseconds;
}

void
mk_connection_service_set_browser_timeout (MkConnectionService *self,
                                           guint                seconds)
{
  g_return_if_fail (MK_IS_CONNECTION_SERVICE (self));
  self->browser_timeout = seconds;
}

static void
on_secret_stored (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!mk_vault_store_finish (MK_VAULT (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_secret_cleared (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!mk_vault_clear_finish (MK_VAULT (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
mk_connection_service_set_client_secret_async (MkConnectionService *self,
                                               MkPlatform           platform,
                                               const char          *secret,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;
  const char *name = mk_platform_to_string (platform);

  g_return_if_fail (MK_IS_CONNECTION_SERVICE (self));
  g_return_if_fail (mk_connection_service_get_slot (self, platform) != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_connection_service_set_client_secret_async);

  if (secret == NULL || *secret == '\0')
    {
      mk_vault_clear_async (self->vault, name, MK_VAULT_KIND_CLIENT_SECRET, cancellable,
                            on_secret_cleared, g_steal_pointer (&task));
      return;
    }

  label = g_strdup_printf (_("Mediakit: %s client secret"), mk_platform_get_display_name (platform));
  mk_vault_store_async (self->vault, name, MK_VAULT_KIND_CLIENT_SECRET, label, secret,
                        cancellable, on_secret_stored, g_steal_pointer (&task));
}

gboolean
mk_connection_service_set_client_secret_finish (MkConnectionService  *self,
                                                GAsyncResult         *result,
                                                GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The row of @platform; NULL without an error when there is none. */
static MkConnection *
find_row (MkConnectionService  *self,
          MkPlatform            platform,
          GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  MkConnection *connection;

  connection = mk_store_connections_get_for_platform (self->store, self->user_id, platform, &local_error);
  if (connection == NULL && !g_error_matches (local_error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));

  return connection;
}

MkConnection *
mk_connection_service_get_connection (MkConnectionService *self,
                                      MkPlatform           platform)
{
  g_autoptr(GError) error = NULL;
  MkConnection *connection;

  g_return_val_if_fail (MK_IS_CONNECTION_SERVICE (self), NULL);

  connection = find_row (self, platform, &error);
  if (connection == NULL && error != NULL)
    g_warning ("Could not read the %s connection: %s", mk_platform_to_string (platform), error->message);

  return connection;
}

void
mk_connection_service_set_state (MkConnectionService *self,
           MkPlatform           platform,
           MkConnectionState    state,
           const char          *reason)
{
  MkConnectionSlot *slot = mk_connection_service_get_slot (self, platform);

  /* A Page listed before the sign-in came into doubt is no ground for
   * mk_connection_service_set_page() to clear that doubt. */
  if (state != MK_CONNECTION_STATE_CONNECTED)
    g_clear_object (&slot->pages);

  if (slot->state == state && g_strcmp0 (slot->reason, reason) == 0)
    return;

  slot->state = state;
  g_free (slot->reason);
  slot->reason = g_strdup (reason);
  g_signal_emit (self, signals[CHANGED], 0, platform);
}

MkConnectionState
mk_connection_service_get_state (MkConnectionService  *self,
                                 MkPlatform            platform,
                                 char                **out_reason)
{
  g_autoptr(MkConnection) connection = NULL;
  MkConnectionSlot *slot;

  g_return_val_if_fail (MK_IS_CONNECTION_SERVICE (self), MK_CONNECTION_STATE_NOT_CONNECTED);

  if (out_reason != NULL)
    *out_reason = NULL;

  slot = mk_connection_service_get_slot (self, platform);
  connection = mk_connection_service_get_connection (self, platform);
  if (slot == NULL || connection == NULL || !mk_connection_get_is_connected (connection))
    return MK_CONNECTION_STATE_NOT_CONNECTED;

  if (slot->state == MK_CONNECTION_STATE_NEEDS_RECONNECT || slot->state == MK_CONNECTION_STATE_ERROR)
    {
      if (out_reason != NULL)
        *out_reason = g_strdup (slot->reason);
      return slot->state;
    }

  /* An expired token that cannot be renewed needs a new sign-in too. */
  {
    g_autoptr(GDateTime) expires_at = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    const char *text = mk_connection_get_token_expires_at (connection);

    expires_at = text != NULL ? mk_time_parse_timestamp (text) : NULL;
    if (expires_at != NULL && g_date_time_compare (expires_at, now) <= 0
        && !mk_platform_provider_can_refresh (slot->provider))
      {
        if (out_reason != NULL)
          *out_reason = g_strdup (_("The sign-in expired"));
        return MK_CONNECTION_STATE_NEEDS_RECONNECT;
      }
  }

  return MK_CONNECTION_STATE_CONNECTED;
}

void
mk_connection_service_mark_needs_reconnect (MkConnectionService *self,
                                            MkPlatform           platform,
                                            const char          *reason)
{
  g_return_if_fail (MK_IS_CONNECTION_SERVICE (self));
  g_return_if_fail (mk_connection_service_get_slot (self, platform) != NULL);

  mk_connection_service_set_state (self, platform, MK_CONNECTION_STATE_NEEDS_RECONNECT,
             reason != NULL ? reason : _("The platform no longer accepts the sign-in"));
}

void
mk_connection_service_emit_changed (MkConnectionService *self,
                                    MkPlatform           platform)
{
  g_signal_emit (self, signals[CHANGED], 0, platform);
}

void
mk_connection_service_write_log (MkConnectionService *self,
           MkPlatform           platform,
           const char          *action,
           const GError        *error,
           const char          *message,
           const char          *connection_id,
           const char          *expires_at)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *payload = NULL;
  g_autoptr(GError) log_error = NULL;

  json_builder_begin_object (builder);
  if (connection_id != NULL)
    {
      json_builder_set_member_name (builder, "connection");
      json_builder_add_string_value (builder, connection_id);
    }
  if (expires_at != NULL)
    {
      json_builder_set_member_name (builder, "token_expires_at");
      json_builder_add_string_value (builder, expires_at);
    }
  if (error != NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, error->message);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  payload = json_to_string (root, FALSE);

  if (!mk_store_log (self->store, self->user_id, platform, action,
                     error == NULL ? MK_LOG_STATUS_SUCCESS : MK_LOG_STATUS_FAILURE,
                     error != NULL ? error->message : message, NULL, payload, NULL, &log_error))
    g_warning ("Could not write a log row: %s", log_error->message);
}

char *
mk_connection_service_expires_at_from_now (gint64 expires_in)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) then = NULL;

  if (expires_in <= 0)
    return NULL;

  now = g_date_time_new_now_utc ();
  then = g_date_time_add_seconds (now, (gdouble) expires_in);
  return mk_time_format_timestamp (then);
}

/* Connect */

typedef enum { WAY_BROWSER, WAY_DEVICE, WAY_PASTE } Way;

typedef struct
{
  MkPlatform           platform;
  Way                  way;
  MkClientCredentials  creds;
  MkOpenUriFunc        open_uri;
  gpointer             open_uri_data;
  MkLoopbackListener  *listener;
  MkDeviceFlow        *flow;
  char                *verifier;
  MkTokenResponse     *token;
  MkPlatformIdentity  *identity;
  MkConnection        *connection;
  gboolean             existing;
  char                *expires_at;
} ConnectData;

static void on_device_code_ready (MkDeviceFlow *flow,
                                  gpointer      user_data);

static void
connect_data_free (ConnectData *data)
{
  mk_client_credentials_clear (&data->creds);
  if (data->listener != NULL)
    g_object_run_dispose (G_OBJECT (data->listener));
  g_clear_object (&data->listener);
  if (data->flow != NULL)
    g_signal_handlers_disconnect_matched (data->flow, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                          on_device_code_ready, NULL);
  g_clear_object (&data->flow);
  g_clear_pointer (&data->verifier, mk_connection_service_wipe_free);
  g_clear_pointer (&data->token, mk_token_response_free);
  g_clear_pointer (&data->identity, mk_platform_identity_free);
  g_clear_object (&data->connection);
  g_free (data->expires_at);
  g_free (data);
}

static const char *
way_name (Way way)
{
  return way == WAY_BROWSER ? "browser" : way == WAY_DEVICE ? "device" : "token";
}

static void
connect_fail (GTask  *task,
              GError *error)
{
  MkConnectionService *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    mk_connection_service_write_log (self, data->platform, "connect", error, NULL, NULL, NULL);
  g_task_return_error (task, error);
}

static void
on_connect_refresh_stored (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MkConnectionService *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);
  GError *error = NULL;
  gboolean ok;
  g_autofree char *message = NULL;

  if (data->token->refresh_token != NULL)
    ok = mk_vault_store_finish (MK_VAULT (source), result, &error);
  else
    ok = mk_vault_clear_finish (MK_VAULT (source), result, &error);
  if (!ok)
    {
      connect_fail (task, error);
      return;
    }

  mk_connection_set_user_id (data->connection, self->user_id);
  mk_connection_set_platform (data->connection, data->platform);
  mk_connection_set_platform_user_id (data->connection, data->identity->id);
  mk_connection_set_account_name (data->connection, data->identity->handle);
  mk_connection_set_token_expires_at (data->connection, data->expires_at);
  mk_connection_set_is_connected (data->connection, TRUE);

  /* Same row on reconnect: the cached history hangs off it. */
  if (data->existing)
    ok = mk_store_connections_update (self->store, data->connection, &error);
  else
    ok = mk_store_connections_insert (self->store, data->connection, &error);
  if (!ok)
    {
      connect_fail (task, error);
      return;
    }

  message = g_strdup_printf ("Connected %s as %s (%s sign-in)",
                             mk_platform_to_string (data->platform),
                             data->identity->handle != NULL ? data->identity->handle : data->identity->id,
                             way_name (data->way));
  mk_connection_service_write_log (self, data->platform, "connect", NULL, message,
             mk_connection_get_id (data->connection), data->expires_at);
  /* Perhaps another person's Pages: list them again before choosing. */
  g_clear_object (&mk_connection_service_get_slot (self, data->platform)->pages);
  mk_connection_service_set_state (self, data->platform, MK_CONNECTION_STATE_CONNECTED, NULL);
  g_signal_emit (self, signals[CHANGED], 0, data->platform);

  g_task_return_pointer (task, g_object_ref (data->connection), g_object_unref);
}

static void
on_connect_access_stored (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ConnectData *data = g_task_get_task_data (task);
  const char *id = mk_connection_get_id (data->connection);
  GError *error = NULL;

  if (!mk_vault_store_finish (MK_VAULT (source), result, &error))
    {
      connect_fail (task, error);
      return;
    }

  /* A reconnect replaces both tokens: an old refresh token must not
   * outlive the sign-in it belonged to. */
  if (data->token->refresh_token != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Mediakit: %s refresh token"),
                                                mk_platform_get_display_name (data->platform));

      mk_vault_store_async (MK_VAULT (source), id, MK_VAULT_KIND_REFRESH, label,
                            data->token->refresh_token, g_task_get_cancellable (task),
                            on_connect_refresh_stored, g_object_ref (task));
    }
  else
    mk_vault_clear_async (MK_VAULT (source), id, MK_VAULT_KIND_REFRESH,
                          g_task_get_cancellable (task), on_connect_refresh_stored,
                          g_object_ref (task));
}

static void
on_identity_fetched (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MkConnectionService *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);
  g_autoptr(MkConnection) existing = NULL;
  g_autofree char *label = NULL;
  GError *error = NULL;

  data->identity = mk_platform_provider_fetch_identity_finish (MK_PLATFORM_PROVIDER (source),
                                                               result, &error);
  if (data->identity == NULL)
    {
      connect_fail (task, error);
      return;
    }

  existing = find_row (self, data->platform, &error);
  if (existing == NULL && error != NULL)
    {
      connect_fail (task, error);
      return;
    }

  data->existing = existing != NULL;
  data->connection = existing != NULL ? g_object_ref (existing) : mk_connection_new ();
  if (!data->existing)
    {
      g_autofree char *id = mk_uuid_new ();
      mk_connection_set_id (data->connection, id);
    }
  data->expires_at = mk_connection_service_expires_at_from_now (data->token->expires_in);

  /* Keyring first: if it is not there, nothing reaches the database. */
  label = g_strdup_printf (_("Mediakit: %s access token"), mk_platform_get_display_name (data->platform));
  mk_vault_store_async (self->vault, mk_connection_get_id (data->connection), MK_VAULT_KIND_ACCESS,
                        label, data->token->access_token, g_task_get_cancellable (task),
                        on_connect_access_stored, g_object_ref (task));
}

/* Google lets people untick scopes on the consent screen (and Meta lets
 * them decline permissions): a token without what Mediakit reads is
 * refused now rather than failing at every sync. No scope in the answer
 * (Facebook) means "as asked". */
static gboolean
check_granted_scopes (MkPlatformProvider  *provider,
                      MkTokenResponse     *token,
                      GError             **error)
{
  g_auto(GStrv) wanted = NULL;
  g_auto(GStrv) granted = NULL;

  if (token->scope == NULL)
    return TRUE;

  wanted = g_strsplit_set (mk_platform_provider_get_scopes (provider), ", ", -1);
  granted = g_strsplit_set (token->scope, ", ", -1);
  for (guint i = 0; wanted[i] != NULL; i++)
    {
      if (*wanted[i] == '\0' || g_strv_contains ((const char * const *) granted, wanted[i]))
        continue;

      g_set_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_ACCESS_DENIED,
                   _("Mediakit was not allowed to read your %s statistics. Connect again and "
                     "leave every permission ticked."),
                   mk_platform_get_display_name (mk_platform_provider_get_platform (provider)));
      return FALSE;
    }

  return TRUE;
}

static void
fetch_identity (GTask *task)
{
  MkConnectionService *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);

  mk_platform_provider_fetch_identity_async (mk_connection_service_get_slot (self, data->platform)->provider, self->http,
                                             data->token->access_token, self->user_id,
                                             g_task_get_cancellable (task),
                                             on_identity_fetched, task);
}

static void
fetch_checked_identity (GTask *task)
{
  MkConnectionService *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!check_granted_scopes (mk_connection_service_get_slot (self, data->platform)->provider,
                             data->token, &error))
    {
      connect_fail (task, error);
      g_object_unref (task);
      return;
    }

  fetch_identity (task);
}

static void
on_code_exchanged (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  ConnectData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->token = mk_platform_provider_exchange_code_finish (MK_PLATFORM_PROVIDER (source), result, &error);
  if (data->token == NULL)
    {
      connect_fail (task, error);
      g_object_unref (task);
      return;
    }

  fetch_checked_identity (task);
}

static void
on_browser_code (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  MkConnectionService *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);
  g_autofree char *code = NULL;
  GError *error = NULL;

  code = mk_loopback_listener_wait_finish (MK_LOOPBACK_LISTENER (source), result, &error);
  if (code == NULL)
    {
      connect_fail (task, error);
      g_object_unref (task);
      return;
    }

  mk_platform_provider_exchange_code_async (mk_connection_service_get_slot (self, data->platform)->provider, self->http,
                                            &data->creds, code, data->verifier,
                                            mk_loopback_listener_get_redirect_uri (data->listener),
                                            self->user_id, g_task_get_cancellable (task),
                                            on_code_exchanged, task);
  memset (code, 0, strlen (code));
}

static void
start_browser (GTask *task)
{
  MkConnectionService *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);
  MkPlatformProvider *provider = mk_connection_service_get_slot (self, data->platform)->provider;
  g_autofree char *state = NULL;
  g_autofree char *challenge = NULL;
  g_autofree char *official = NULL;
  g_autofree char *url = NULL;
  GError *error = NULL;

  state = mk_oauth_new_state ();
  if (mk_platform_provider_uses_pkce (provider))
    {
      data->verifier = mk_pkce_new_verifier ();
      challenge = mk_pkce_challenge (data->verifier);
    }

  data->listener = mk_loopback_listener_new (state);
  mk_loopback_listener_set_timeout (data->listener, self->browser_timeout);
  if (!mk_loopback_listener_start (data->listener, &error))
    {
      connect_fail (task, error);
      g_object_unref (task);
      return;
    }

  official = mk_platform_provider_build_authorize_url (provider, &data->creds,
                                                       mk_loopback_listener_get_redirect_uri (data->listener),
                                                       state, challenge);
  url = mk_http_resolve_url (self->http, official, &error);
  if (url == NULL)
    {
      connect_fail (task, error);
      g_object_unref (task);
      return;
    }

  mk_loopback_listener_wait_async (data->listener, g_task_get_cancellable (task), on_browser_code, task);
  data->open_uri (url, data->open_uri_data);
}

static void
on_device_code_ready (MkDeviceFlow *flow,
                      gpointer      user_data)
{
  GTask *task = user_data;
  MkConnectionService *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);

  g_signal_emit (self, signals[DEVICE_CODE], 0, data->platform,
                 mk_device_flow_get_user_code (flow),
                 mk_device_flow_get_verification_uri (flow));
}

static void
on_device_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  ConnectData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->token = mk_device_flow_run_finish (MK_DEVICE_FLOW (source), result, &error);
  if (data->token == NULL)
    {
      connect_fail (task, error);
      g_object_unref (task);
      return;
    }

  fetch_checked_identity (task);
}

static void
start_device (GTask *task)
{
  MkConnectionService *self = g_task_get_source_object (task);
  ConnectData *data = g_task_get_task_data (task);

  data->flow = mk_device_flow_new (mk_connection_service_get_slot (self, data->platform)->provider, self->http, &data->creds);
  mk_device_flow_set_time_unit (data->flow, self->device_time_unit);
  g_signal_connect (data->flow, "code-ready", G_CALLBACK (on_device_code_ready), task);
  mk_device_flow_run_async (data->flow, self->user_id, g_task_get_cancellable (task), on_device_done, task);
}

static void
on_client_secret (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  ConnectData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->creds.client_secret = mk_connection_service_take_secret (mk_vault_lookup_finish (MK_VAULT (source), result, &error));
  if (error != NULL)
    {
      connect_fail (task, error);
      g_object_unref (task);
      return;
    }

  if (data->way == WAY_BROWSER)
    start_browser (task);
  else
    start_device (task);
}

static void
connect_start (MkConnectionService *self,
               MkPlatform           platform,
               Way                  way,
               const char          *pasted,
               MkOpenUriFunc        open_uri,
               gpointer             open_uri_data,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ConnectData *data;
  MkConnectionSlot *slot;
  MkConnectWays wanted;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, connect_start);

  data = g_new0 (ConnectData, 1);
  data->platform = platform;
  data->way = way;
  data->open_uri = open_uri;
  data->open_uri_data = open_uri_data;
  g_task_set_task_data (task, data, (GDestroyNotify) connect_data_free);

  slot = mk_connection_service_get_slot (self, platform);
  if (slot == NULL)
    {
      g_task_return_new_error (task, MK_OAUTH_ERROR, MK_OAUTH_ERROR_UNSUPPORTED,
                               _("Mediakit cannot connect to this platform"));
      return;
    }

  wanted = way == WAY_BROWSER ? MK_CONNECT_WAY_BROWSER
           : way == WAY_DEVICE ? MK_CONNECT_WAY_DEVICE : MK_CONNECT_WAY_PASTE;
  if (!(mk_platform_provider_get_ways (slot->provider) & wanted))
    {
      g_task_return_new_error (task, MK_OAUTH_ERROR, MK_OAUTH_ERROR_UNSUPPORTED,
                               _("%s does not offer this way to connect"),
                               mk_platform_get_display_name (platform));
      return;
    }

  if (way == WAY_PASTE)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (pasted));

      if (*stripped == '\0')
        {
          connect_fail (task,
                        g_error_new_literal (MK_OAUTH_ERROR, MK_OAUTH_ERROR_INVALID_TOKEN,
                                             _("The token is empty")));
          return;
        }
      /* Unknown expiry: the platform said nothing about it. */
      data->token = mk_token_response_new ();
      data->token->access_token = g_steal_pointer (&stripped);
      fetch_identity (g_steal_pointer (&task));
      return;
    }

  data->creds.client_id = g_strdup (mk_connection_service_get_client_id (self, platform));
  data->creds.client_token = g_strdup (self->client_token);
  if (data->creds.client_id == NULL)
    {
      GError *error = g_error_new (MK_OAUTH_ERROR, MK_OAUTH_ERROR_NOT_CONFIGURED,
                                   _("Enter the %s client id in Preferences → Connections first"),
                                   mk_platform_get_display_name (platform));

      connect_fail (task, error);
      return;
    }

  mk_vault_lookup_async (self->vault, mk_platform_to_string (platform), MK_VAULT_KIND_CLIENT_SECRET,
                         cancellable, on_client_secret, g_steal_pointer (&task));
}

void
mk_connection_service_connect_browser_async (MkConnectionService *self,
                                             MkPlatform           platform,
                                             MkOpenUriFunc        open_uri,
                                             gpointer             open_uri_data,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_return_if_fail (MK_IS_CONNECTION_SERVICE (self));
  g_return_if_fail (open_uri != NULL);

  connect_start (self, platform, WAY_BROWSER, NULL, open_uri, open_uri_data,
                 cancellable, callback, user_data);
}

void
mk_connection_service_connect_device_async (MkConnectionService *self,
                                            MkPlatform           platform,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (MK_IS_CONNECTION_SERVICE (self));

  connect_start (self, platform, WAY_DEVICE, NULL, NULL, NULL, cancellable, callback, user_data);
}

void
mk_connection_service_connect_token_async (MkConnectionService *self,
                                           MkPlatform           platform,
                                           const char          *access_token,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (MK_IS_CONNECTION_SERVICE (self));
  g_return_if_fail (access_token != NULL);

  connect_start (self, platform, WAY_PASTE, access_token, NULL, NULL, cancellable, callback, user_data);
}

MkConnection *
mk_connection_service_connect_finish (MkConnectionService  *self,
                                      GAsyncResult         *result,
                                      GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Disconnect */

typedef struct
{
  MkPlatform    platform;
  MkConnection *connection;
} DisconnectData;

static void
disconnect_data_free (DisconnectData *data)
{
  g_clear_object (&data->connection);
  g_free (data);
}

static void
on_tokens_cleared (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MkConnectionService *self = g_task_get_source_object (task);
  DisconnectData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!mk_vault_clear_finish (MK_VAULT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mk_connection_service_write_log (self, data->platform, "disconnect", error, NULL,
                   mk_connection_get_id (data->connection), NULL);
      g_task_return_error (task, error);
      return;
    }

  /* The row stays (and with it the cached history); only the link goes. */
  mk_connection_set_is_connected (data->connection, FALSE);
  mk_connection_set_token_expires_at (data->connection, NULL);
  if (!mk_store_connections_update (self->store, data->connection, &error))
    {
      mk_connection_service_write_log (self, data->platform, "disconnect", error, NULL,
                 mk_connection_get_id (data->connection), NULL);
      g_task_return_error (task, error);
      return;
    }

  mk_connection_service_write_log (self, data->platform, "disconnect", NULL, "Disconnected",
             mk_connection_get_id (data->connection), NULL);
  mk_connection_service_set_state (self, data->platform, MK_CONNECTION_STATE_NOT_CONNECTED, NULL);
  g_signal_emit (self, signals[CHANGED], 0, data->platform);
  g_task_return_boolean (task, TRUE);
}

void
mk_connection_service_disconnect_async (MkConnectionService *self,
                                        MkPlatform           platform,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DisconnectData *data;

  g_return_if_fail (MK_IS_CONNECTION_SERVICE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_connection_service_disconnect_async);

  data = g_new0 (DisconnectData, 1);
  data->platform = platform;
  data->connection = mk_connection_service_get_connection (self, platform);
  g_task_set_task_data (task, data, (GDestroyNotify) disconnect_data_free);

  if (data->connection == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  mk_vault_clear_async (self->vault, mk_connection_get_id (data->connection), NULL,
                        cancellable, on_tokens_cleared, g_steal_pointer (&task));
}

gboolean
mk_connection_service_disconnect_finish (MkConnectionService  *self,
                                         GAsyncResult         *result,
                                         GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
