/* mk-context.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-context"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "mk-context.h"
#include "mk-endpoints.h"
#include "mk-http.h"

/* The context owns the services of one data directory and is handed to
 * whoever needs them, so nothing reaches for a global. It lives in the
 * platforms layer because that is the lowest layer that sees both the store
 * and the vault. */
struct _MkContext
{
  GObject    parent_instance;

  char      *data_dir;
  char      *cache_dir;
  char      *user_id;
  MkStore   *store;
  MkVault   *vault;
  GSettings *settings;

  /* Per account: dropped when the account or the store changes. */
  MkHttp              *http;
  MkConnectionService *connections;
  MkSyncService       *sync;
  GError              *platforms_error;
};

G_DEFINE_FINAL_TYPE (MkContext, mk_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_USER_ID,
  PROP_CONNECTION_SERVICE,
  PROP_SYNC_SERVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
mk_context_flush_logs (MkContext *self)
{
  g_return_if_fail (MK_IS_CONTEXT (self));

  if (self->http != NULL && mk_http_get_log_writer (self->http) != NULL)
    mk_log_writer_flush (mk_http_get_log_writer (self->http));
}

/* Drops the services of the previous account, cancelling its sync. */
static void
clear_services (MkContext *self)
{
  gboolean had = self->connections != NULL || self->sync != NULL;

  mk_context_flush_logs (self);

  if (self->sync != NULL)
    mk_sync_service_cancel (self->sync);
  g_clear_object (&self->sync);
  g_clear_object (&self->connections);
  g_clear_object (&self->http);
  g_clear_error (&self->platforms_error);

  if (had)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_SERVICE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_SERVICE]);
    }
}

static void
mk_context_dispose (GObject *object)
{
  MkContext *self = (MkContext *)object;

  /* Other holders of the MkHttp would keep its writer, and its rows, past
   * the process's end. */
  mk_context_flush_logs (self);
  if (self->sync != NULL)
    mk_sync_service_cancel (self->sync);
  g_clear_object (&self->sync);
  g_clear_object (&self->connections);
  g_clear_object (&self->http);

  G_OBJECT_CLASS (mk_context_parent_class)->dispose (object);
}

static void
mk_context_finalize (GObject *object)
{
  MkContext *self = (MkContext *)object;

  g_clear_error (&self->platforms_error);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->cache_dir, g_free);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->vault);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mk_context_parent_class)->finalize (object);
}

static void
mk_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MkContext *self = MK_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_USER_ID:
      g_value_set_string (value, self->user_id);
      break;

    case PROP_CONNECTION_SERVICE:
      g_value_set_object (value, self->connections);
      break;

    case PROP_SYNC_SERVICE:
      g_value_set_object (value, self->sync);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MkContext *self = MK_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_USER_ID:
      mk_context_set_user_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_context_class_init (MkContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mk_context_dispose;
  object_class->finalize = mk_context_finalize;
  object_class->get_property = mk_context_get_property;
  object_class->set_property = mk_context_set_property;

  /* NULL until the database is open: see mk_context_open_store_async(). */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         MK_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_USER_ID] =
    g_param_spec_string ("user-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Created on first use by their getters; notified when replaced. */
  properties[PROP_CONNECTION_SERVICE] =
    g_param_spec_object ("connection-service", NULL, NULL,
                         MK_TYPE_CONNECTION_SERVICE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SYNC_SERVICE] =
    g_param_spec_object ("sync-service", NULL, NULL,
                         MK_TYPE_SYNC_SERVICE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mk_context_init (MkContext *self)
{
}

/* --data-dir wins over MEDIAKIT_DATA_DIR, which wins over the XDG default. */
char *
mk_context_default_data_dir (void)
{
  const char *env = g_getenv ("MEDIAKIT_DATA_DIR");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "mediakit", NULL);
}

/* The data folder and the vault, without the database: the window is built
 * from this while the database opens in a thread. */
MkContext *
mk_context_new_unopened (const char  *data_dir,
                         GError     **error)
{
  g_autoptr(MkContext) self = NULL;

  self = g_object_new (MK_TYPE_CONTEXT, NULL);
  self->data_dir = data_dir != NULL ? g_strdup (data_dir) : mk_context_default_data_dir ();

  /* The XDG cache belongs to the default workspace only: another data dir
   * (--data-dir, MEDIAKIT_DATA_DIR, tests) keeps its cache beside it. */
  {
    g_autofree char *xdg_data = g_build_filename (g_get_user_data_dir (), "mediakit", NULL);

    if (g_strcmp0 (xdg_data, self->data_dir) == 0)
      self->cache_dir = g_build_filename (g_get_user_cache_dir (), "mediakit", NULL);
    else
      self->cache_dir = g_build_filename (self->data_dir, "cache", NULL);
  }

  if (g_mkdir_with_parents (self->data_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the data folder “%s”: %s"),
                   self->data_dir, g_strerror (saved_errno));
      return NULL;
    }

  self->vault = mk_vault_new ();

  return g_steal_pointer (&self);
}

MkContext *
mk_context_new (const char  *data_dir,
                GError     **error)
{
  g_autoptr(MkContext) self = NULL;
  g_autofree char *db_path = NULL;

  self = mk_context_new_unopened (data_dir, error);
  if (self == NULL)
    return NULL;

  db_path = mk_context_get_db_path (self);
  self->store = mk_store_open (db_path, error);
  if (self->store == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MkContext *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  MkStore *store;

  store = mk_store_open_finish (result, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  clear_services (self);
  g_clear_object (&self->store);
  self->store = store;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_task_return_boolean (task, TRUE);
}

/* Opening runs quick_check and migrations, which grow with the database, so
 * it runs in a thread (mk_store_open_async) while the main loop builds the
 * window; the store joins the context when it is ready. */
void
mk_context_open_store_async (MkContext           *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *db_path = NULL;

  g_return_if_fail (MK_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_context_open_store_async);

  db_path = mk_context_get_db_path (self);
  mk_store_open_async (db_path, cancellable, store_opened_cb, g_steal_pointer (&task));
}

gboolean
mk_context_open_store_finish (MkContext     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
mk_context_get_data_dir (MkContext *self)
{
  g_return_val_if_fail (MK_IS_CONTEXT (self), NULL);

  return self->data_dir;
}

char *
mk_context_get_db_path (MkContext *self)
{
  g_return_val_if_fail (MK_IS_CONTEXT (self), NULL);

  return g_build_filename (self->data_dir, "mediakit.db", NULL);
}

MkStore *
mk_context_get_store (MkContext *self)
{
  g_return_val_if_fail (MK_IS_CONTEXT (self), NULL);

  return self->store;
}

MkVault *
mk_context_get_vault (MkContext *self)
{
  g_return_val_if_fail (MK_IS_CONTEXT (self), NULL);

  return self->vault;
}

/* Whether the settings schema is installed: the command line also runs from
 * a build tree, where it is not, and must then fall back to defaults rather
 * than abort in g_settings_new(). */
gboolean
mk_context_has_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return FALSE;

  schema = g_settings_schema_source_lookup (source, BASE_APP_ID, TRUE);
  return schema != NULL;
}

/* Created on first use: the command line works from a build tree where the
 * schema is not installed, and must not abort there. */
GSettings *
mk_context_get_settings (MkContext *self)
{
  g_return_val_if_fail (MK_IS_CONTEXT (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (BASE_APP_ID);

  return self->settings;
}

const char *
mk_context_get_user_id (MkContext *self)
{
  g_return_val_if_fail (MK_IS_CONTEXT (self), NULL);

  return self->user_id;
}

void
mk_context_set_user_id (MkContext  *self,
                        const char *user_id)
{
  g_return_if_fail (MK_IS_CONTEXT (self));

  if (g_strcmp0 (self->user_id, user_id) == 0)
    return;

  clear_services (self);
  g_free (self->user_id);
  self->user_id = g_strdup (user_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_ID]);
}

const char *
mk_context_get_cache_dir (MkContext *self)
{
  g_return_val_if_fail (MK_IS_CONTEXT (self), NULL);

  return self->cache_dir;
}

/* The client ids a person entered in Preferences, so that token refreshes
 * during a sync work without the Connections page ever being opened. */
static void
apply_client_settings (MkContext *self)
{
  static const struct { MkPlatform platform; const char *key; } ids[] = {
    { MK_PLATFORM_INSTAGRAM, "instagram-client-id" },
    { MK_PLATFORM_FACEBOOK, "facebook-client-id" },
    { MK_PLATFORM_YOUTUBE, "youtube-client-id" },
  };
  GSettings *settings;
  g_autofree char *token = NULL;

  if (!mk_context_has_settings ())
    return;

  settings = mk_context_get_settings (self);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *id = g_settings_get_string (settings, ids[i].key);

      if (id != NULL && *id != '\0')
        mk_connection_service_set_client_id (self->connections, ids[i].platform, id);
    }

  token = g_settings_get_string (settings, "facebook-client-token");
  if (token != NULL && *token != '\0')
    mk_connection_service_set_client_token (self->connections, token);
}

MkConnectionService *
mk_context_get_connection_service (MkContext *self)
{
  g_autoptr(MkEndpoints) endpoints = NULL;

  g_return_val_if_fail (MK_IS_CONTEXT (self), NULL);

  if (self->connections != NULL || self->platforms_error != NULL)
    return self->connections;

  if (self->store == NULL || self->user_id == NULL)
    return NULL;

  endpoints = mk_endpoints_new_from_env (&self->platforms_error);
  if (endpoints == NULL)
    return NULL;

  self->http = mk_http_new (endpoints, self->store);
  self->connections = mk_connection_service_new (self->store, self->vault, self->http, self->user_id);
  apply_client_settings (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_SERVICE]);

  return self->connections;
}

MkSyncService *
mk_context_get_sync_service (MkContext *self)
{
  MkConnectionService *connections;

  g_return_val_if_fail (MK_IS_CONTEXT (self), NULL);

  if (self->sync != NULL)
    return self->sync;

  connections = mk_context_get_connection_service (self);
  if (connections == NULL)
    return NULL;

  self->sync = mk_sync_service_new (connections, self->store, self->user_id, self->cache_dir,
                                    mk_context_has_settings () ? mk_context_get_settings (self) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_SERVICE]);

  return self->sync;
}

const GError *
mk_context_get_platforms_error (MkContext *self)
{
  g_return_val_if_fail (MK_IS_CONTEXT (self), NULL);

  if (self->platforms_error == NULL && self->connections == NULL)
    mk_context_get_connection_service (self);

  return self->platforms_error;
}
