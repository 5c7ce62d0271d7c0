/* mk-device-flow.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-oauth"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mk-device-flow.h"

#define SLOW_DOWN_STEP   5
#define DEFAULT_INTERVAL 5

struct _MkDeviceFlow
{
  GObject              parent_instance;

  MkPlatformProvider  *provider;
  MkHttp              *http;
  MkClientCredentials  creds;

  GTask               *task;
  char                *user_id;
  char                *device_code;
  char                *user_code;
  char                *verification_uri;
  guint                interval;
  guint                time_unit;
  gint64               deadline;     /* monotonic µs */
  guint                poll_id;
  guint                poll_count;
  gulong               cancelled_id;
};

G_DEFINE_FINAL_TYPE (MkDeviceFlow, mk_device_flow, G_TYPE_OBJECT)

enum {
  CODE_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finish (MkDeviceFlow *self,
        MkTokenResponse *token,
        GError       *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (task == NULL)
    {
      mk_token_response_free (token);
      g_clear_error (&error);
      return;
    }

  if (self->cancelled_id != 0)
    {
      g_cancellable_disconnect (g_task_get_cancellable (task), self->cancelled_id);
      self->cancelled_id = 0;
    }

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, token, (GDestroyNotify) mk_token_response_free);
}

static void
mk_device_flow_dispose (GObject *object)
{
  MkDeviceFlow *self = (MkDeviceFlow *)object;

  if (self->task != NULL)
    finish (self, NULL, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Disposed"));
  g_clear_object (&self->provider);
  g_clear_object (&self->http);

  G_OBJECT_CLASS (mk_device_flow_parent_class)->dispose (object);
}

static void
mk_device_flow_finalize (GObject *object)
{
  MkDeviceFlow *self = (MkDeviceFlow *)object;

  mk_client_credentials_clear (&self->creds);
  g_free (self->user_id);
  if (self->device_code != NULL)
    memset (self->device_code, 0, strlen (self->device_code));
  g_free (self->device_code);
  g_free (self->user_code);
  g_free (self->verification_uri);

  G_OBJECT_CLASS (mk_device_flow_parent_class)->finalize (object);
}

static void
mk_device_flow_class_init (MkDeviceFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mk_device_flow_dispose;
  object_class->finalize = mk_device_flow_finalize;

  /* Emitted once the user code and address can be shown. */
  signals[CODE_READY] = g_signal_new ("code-ready", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 0);
}

static void
mk_device_flow_init (MkDeviceFlow *self)
{
  self->time_unit = 1000;
  self->interval = DEFAULT_INTERVAL;
}

MkDeviceFlow *
mk_device_flow_new (MkPlatformProvider        *provider,
                    MkHttp                    *http,
                    const MkClientCredentials *creds)
{
  MkDeviceFlow *self;

  g_return_val_if_fail (MK_IS_PLATFORM_PROVIDER (provider), NULL);
  g_return_val_if_fail (MK_IS_HTTP (http), NULL);
  g_return_val_if_fail (creds != NULL, NULL);

  self = g_object_new (MK_TYPE_DEVICE_FLOW, NULL);
  self->provider = g_object_ref (provider);
  self->http = g_object_ref (http);
  self->creds.client_id = g_strdup (creds->client_id);
  self->creds.client_secret = g_strdup (creds->client_secret);
  self->creds.client_token = g_strdup (creds->client_token);

  return self;
}

void
mk_device_flow_set_time_unit (MkDeviceFlow *self,
                              guint         milliseconds)
{
  g_return_if_fail (MK_IS_DEVICE_FLOW (self));
  self->time_unit = MAX (milliseconds, 1);
}

const char *
mk_device_flow_get_user_code (MkDeviceFlow *self)
{
  g_return_val_if_fail (MK_IS_DEVICE_FLOW (self), NULL);
  return self->user_code;
}

const char *
mk_device_flow_get_verification_uri (MkDeviceFlow *self)
{
  g_return_val_if_fail (MK_IS_DEVICE_FLOW (self), NULL);
  return self->verification_uri;
}

guint
mk_device_flow_get_interval (MkDeviceFlow *self)
{
  g_return_val_if_fail (MK_IS_DEVICE_FLOW (self), 0);
  return self->interval;
}

guint
mk_device_flow_get_poll_count (MkDeviceFlow *self)
{
  g_return_val_if_fail (MK_IS_DEVICE_FLOW (self), 0);
  return self->poll_count;
}

static void schedule_poll (MkDeviceFlow *self);

static void
on_poll_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(MkDeviceFlow) self = user_data;
  g_autoptr(GError) error = NULL;
  MkTokenResponse *token;

  token = mk_platform_provider_token_call_finish (MK_PLATFORM_PROVIDER (source), result, &error);
  if (self->task == NULL)
    {
      mk_token_response_free (token);
      return;
    }

  if (token != NULL)
    {
      finish (self, token, NULL);
      return;
    }

  if (g_error_matches (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_SLOW_DOWN))
    {
      self->interval += SLOW_DOWN_STEP;
      schedule_poll (self);
    }
  else if (g_error_matches (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_PENDING)
           || mk_oauth_error_is_transient (error))
    schedule_poll (self);
  else if (g_error_matches (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_ACCESS_DENIED))
    finish (self, NULL, g_error_new_literal (MK_OAUTH_ERROR, MK_OAUTH_ERROR_ACCESS_DENIED,
                                             _("The sign-in was declined on the device page")));
  else if (g_error_matches (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_EXPIRED))
    finish (self, NULL, g_error_new_literal (MK_OAUTH_ERROR, MK_OAUTH_ERROR_EXPIRED,
                                             _("The code expired before it was entered; start again")));
  else
    finish (self, NULL, g_steal_pointer (&error));
}

static gboolean
poll_now (gpointer user_data)
{
  MkDeviceFlow *self = user_data;
  g_autoptr(MkOAuthCall) call = NULL;

  self->poll_id = 0;

  if (g_get_monotonic_time () >= self->deadline)
    {
      finish (self, NULL, g_error_new_literal (MK_OAUTH_ERROR, MK_OAUTH_ERROR_EXPIRED,
                                               _("The code expired before it was entered; start again")));
      return G_SOURCE_REMOVE;
    }

  call = mk_platform_provider_build_device_poll (self->provider, &self->creds, self->device_code);
  self->poll_count++;
  mk_platform_provider_token_call_async (self->provider, self->http, call, self->user_id,
                                         "device_poll", g_task_get_cancellable (self->task),
                                         on_poll_done, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
schedule_poll (MkDeviceFlow *self)
{
  self->poll_id = g_timeout_add ((guint) MIN ((guint64) self->interval * self->time_unit, G_MAXUINT),
                                 poll_now, self);
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
on_start_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(MkDeviceFlow) self = user_data;
  g_autoptr(MkHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  const char *device_code;
  const char *user_code;
  const char *uri;
  gint64 expires_in;
  gint64 interval;

  response = mk_http_send_finish (MK_HTTP (source), result, &error);
  if (self->task == NULL)
    return;
  if (response == NULL
      || mk_oauth_check_response (response->status, response->content_type, response->body,
                                  &root, &error))
    {
      finish (self, NULL, g_steal_pointer (&error));
      return;
    }

  object = json_node_get_object (root);
  /* Google says device_code and verification_url, Meta code and
   * verification_uri; RFC 8628 says device_code and verification_uri. */
  device_code = string_member (object, "device_code");
  if (device_code == NULL)
    device_code = string_member (object, "code");
  user_code = string_member (object, "user_code");
  uri = string_member (object, "verification_uri");
  if (uri == NULL)
    uri = string_member (object, "verification_url");
  expires_in = json_object_get_int_member_with_default (object, "expires_in", 0);
  interval = json_object_get_int_member_with_default (object, "interval", DEFAULT_INTERVAL);

  if (device_code == NULL || user_code == NULL || uri == NULL || expires_in <= 0)
    {
      finish (self, NULL, g_error_new_literal (MK_OAUTH_ERROR, MK_OAUTH_ERROR_MALFORMED,
                                               _("The platform sent an incomplete device code")));
      return;
    }

  self->device_code = g_strdup (device_code);
  self->user_code = g_strdup (user_code);
  self->verification_uri = g_strdup (uri);
  self->interval = (guint) CLAMP (interval, 1, 60);
  self->deadline = g_get_monotonic_time () + expires_in * self->time_unit * 1000;

  g_signal_emit (self, signals[CODE_READY], 0);

  if (self->task != NULL)
    schedule_poll (self);
}

static gboolean
cancel_in_idle (gpointer user_data)
{
  MkDeviceFlow *self = user_data;

  if (self->task != NULL)
    finish (self, NULL, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Sign-in cancelled")));

  return G_SOURCE_REMOVE;
}

static void
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, cancel_in_idle, g_object_ref (user_data), g_object_unref);
}

void
mk_device_flow_run_async (MkDeviceFlow        *self,
                          const char          *user_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(MkOAuthCall) call = NULL;
  MkHttpRequest request = { 0 };

  g_return_if_fail (MK_IS_DEVICE_FLOW (self));
  g_return_if_fail (self->task == NULL && self->device_code == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_device_flow_run_async);

  if (!(mk_platform_provider_get_ways (self->provider) & MK_CONNECT_WAY_DEVICE))
    {
      g_task_return_new_error (task, MK_OAUTH_ERROR, MK_OAUTH_ERROR_UNSUPPORTED,
                               _("%s does not offer sign-in with a code"),
                               mk_platform_get_display_name (mk_platform_provider_get_platform (self->provider)));
      return;
    }

  call = mk_platform_provider_build_device_start (self->provider, &self->creds);
  if (call == NULL)
    {
      g_task_return_new_error (task, MK_OAUTH_ERROR, MK_OAUTH_ERROR_NOT_CONFIGURED,
                               _("Enter the client id (and for Facebook the client token) in Preferences first"));
      return;
    }

  self->user_id = g_strdup (user_id);
  self->task = g_steal_pointer (&task);
  if (cancellable != NULL)
    self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), self, NULL);

  request.method = call->method;
  request.url = call->url;
  request.form = call->form;
  request.platform = mk_platform_provider_get_platform (self->provider);
  request.user_id = user_id;
  request.action = "device_code";
  request.secret_response = TRUE;
  mk_http_send_async (self->http, &request, cancellable, on_start_done, g_object_ref (self));
}

MkTokenResponse *
mk_device_flow_run_finish (MkDeviceFlow  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
