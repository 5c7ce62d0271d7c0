/* mk-platform-provider.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-platforms"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mk-platform-provider.h"
#include "mk-facebook-provider.h"
#include "mk-instagram-provider.h"
#include "mk-youtube-provider.h"

typedef struct
{
  char *graph_version;
} MkPlatformProviderPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MkPlatformProvider, mk_platform_provider, G_TYPE_OBJECT)

#define DEFAULT_GRAPH_VERSION "v24.0"

static void
wipe_free (char *str)
{
  if (str != NULL)
    {
      memset (str, 0, strlen (str));
      g_free (str);
    }
}

void
mk_client_credentials_clear (MkClientCredentials *creds)
{
  g_clear_pointer (&creds->client_id, g_free);
  g_clear_pointer (&creds->client_secret, wipe_free);
  g_clear_pointer (&creds->client_token, wipe_free);
}

char *
mk_oauth_form_encode (const char *first_name,
                      ...)
{
  GString *form = g_string_new (NULL);
  const char *name = first_name;
  va_list args;

  va_start (args, first_name);
  while (name != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (value != NULL)
        {
          g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

          if (form->len > 0)
            g_string_append_c (form, '&');
          g_string_append (form, name);
          g_string_append_c (form, '=');
          g_string_append (form, escaped);
          memset (escaped, 0, strlen (escaped));
        }
      name = va_arg (args, const char *);
    }
  va_end (args);

  return g_string_free (form, FALSE);
}

MkOAuthCall *
mk_oauth_call_new (const char *method,
                   char       *url,
                   char       *form)
{
  MkOAuthCall *call = g_new0 (MkOAuthCall, 1);

  call->method = g_strdup (method);
  call->url = url;
  call->form = form;

  return call;
}

void
mk_oauth_call_free (MkOAuthCall *call)
{
  if (call == NULL)
    return;

  g_free (call->method);
  wipe_free (call->url);
  wipe_free (call->form);
  g_free (call);
}

void
mk_platform_identity_free (MkPlatformIdentity *identity)
{
  if (identity == NULL)
    return;

  g_free (identity->id);
  g_free (identity->handle);
  g_free (identity);
}

static void
mk_platform_provider_finalize (GObject *object)
{
  MkPlatformProvider *self = (MkPlatformProvider *)object;
  MkPlatformProviderPrivate *priv = mk_platform_provider_get_instance_private (self);

  g_free (priv->graph_version);

  G_OBJECT_CLASS (mk_platform_provider_parent_class)->finalize (object);
}

static gboolean
mk_platform_provider_real_needs_refresh (MkPlatformProvider *self,
                                         GDateTime          *now,
                                         GDateTime          *expires_at)
{
  return FALSE;
}

static void
mk_platform_provider_class_init (MkPlatformProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mk_platform_provider_finalize;
  klass->needs_refresh = mk_platform_provider_real_needs_refresh;
}

static void
mk_platform_provider_init (MkPlatformProvider *self)
{
  MkPlatformProviderPrivate *priv = mk_platform_provider_get_instance_private (self);

  priv->graph_version = g_strdup (DEFAULT_GRAPH_VERSION);
}

MkPlatformProvider *
mk_platform_provider_new_for_platform (MkPlatform platform)
{
  switch (platform)
    {
    case MK_PLATFORM_INSTAGRAM:
      return g_object_new (MK_TYPE_INSTAGRAM_PROVIDER, NULL);
    case MK_PLATFORM_FACEBOOK:
      return g_object_new (MK_TYPE_FACEBOOK_PROVIDER, NULL);
    case MK_PLATFORM_YOUTUBE:
      return g_object_new (MK_TYPE_YOUTUBE_PROVIDER, NULL);
    case MK_PLATFORM_NONE:
    case MK_PLATFORM_TIKTOK:
    default:
      return NULL;
    }
}

#define CLASS(self) MK_PLATFORM_PROVIDER_GET_CLASS (self)

MkPlatform
mk_platform_provider_get_platform (MkPlatformProvider *self)
{
  g_return_val_if_fail (MK_IS_PLATFORM_PROVIDER (self), MK_PLATFORM_NONE);
  return CLASS (self)->platform;
}

MkConnectWays
mk_platform_provider_get_ways (MkPlatformProvider *self)
{
  g_return_val_if_fail (MK_IS_PLATFORM_PROVIDER (self), 0);
  return CLASS (self)->ways;
}

gboolean
mk_platform_provider_uses_pkce (MkPlatformProvider *self)
{
  g_return_val_if_fail (MK_IS_PLATFORM_PROVIDER (self), FALSE);
  return CLASS (self)->use_pkce;
}

const char *
mk_platform_provider_get_scopes (MkPlatformProvider *self)
{
  g_return_val_if_fail (MK_IS_PLATFORM_PROVIDER (self), NULL);
  return CLASS (self)->scopes;
}

const char *
mk_platform_provider_get_build_client_id (MkPlatformProvider *self)
{
  g_return_val_if_fail (MK_IS_PLATFORM_PROVIDER (self), NULL);
  return CLASS (self)->build_client_id;
}

const char *
mk_platform_provider_get_graph_version (MkPlatformProvider *self)
{
  MkPlatformProviderPrivate *priv = mk_platform_provider_get_instance_private (self);

  g_return_val_if_fail (MK_IS_PLATFORM_PROVIDER (self), NULL);
  return priv->graph_version;
}

void
mk_platform_provider_set_graph_version (MkPlatformProvider *self,
                                        const char         *version)
{
  MkPlatformProviderPrivate *priv = mk_platform_provider_get_instance_private (self);

  g_return_if_fail (MK_IS_PLATFORM_PROVIDER (self));
  g_return_if_fail (version != NULL);

  g_free (priv->graph_version);
  priv->graph_version = g_strdup (version);
}

char *
mk_platform_provider_build_authorize_url (MkPlatformProvider        *self,
                                          const MkClientCredentials *creds,
                                          const char                *redirect_uri,
                                          const char                *state,
                                          const char                *challenge)
{
  g_return_val_if_fail (MK_IS_PLATFORM_PROVIDER (self), NULL);

  if (CLASS (self)->build_authorize_url == NULL)
    return NULL;
  return CLASS (self)->build_authorize_url (self, creds, redirect_uri, state, challenge);
}

MkOAuthCall *
mk_platform_provider_build_device_start (MkPlatformProvider        *self,
                                         const MkClientCredentials *creds)
{
  g_return_val_if_fail (MK_IS_PLATFORM_PROVIDER (self), NULL);

  if (CLASS (self)->build_device_start == NULL)
    return NULL;
  return CLASS (self)->build_device_start (self, creds);
}

MkOAuthCall *
mk_platform_provider_build_device_poll (MkPlatformProvider        *self,
                                        const MkClientCredentials *creds,
                                        const char                *device_code)
{
  g_return_val_if_fail (MK_IS_PLATFORM_PROVIDER (self), NULL);

  if (CLASS (self)->build_device_poll == NULL)
    return NULL;
  return CLASS (self)->build_device_poll (self, creds, device_code);
}

gboolean
mk_platform_provider_needs_refresh (MkPlatformProvider *self,
                                    GDateTime          *now,
                                    GDateTime          *expires_at)
{
  g_return_val_if_fail (MK_IS_PLATFORM_PROVIDER (self), FALSE);

  if (expires_at == NULL || !mk_platform_provider_can_refresh (self))
    return FALSE;
  return CLASS (self)->needs_refresh (self, now, expires_at);
}

gboolean
mk_platform_provider_can_refresh (MkPlatformProvider *self)
{
  g_return_val_if_fail (MK_IS_PLATFORM_PROVIDER (self), FALSE);
  return CLASS (self)->build_refresh != NULL;
}

/* Token calls */

typedef struct
{
  MkHttp              *http;
  MkClientCredentials  creds;
  char                *user_id;
} CallData;

static void
call_data_free (CallData *data)
{
  g_clear_object (&data->http);
  mk_client_credentials_clear (&data->creds);
  g_free (data->user_id);
  g_free (data);
}

static CallData *
call_data_new (MkHttp                    *http,
               const MkClientCredentials *creds,
               const char                *user_id)
{
  CallData *data = g_new0 (CallData, 1);

  data->http = g_object_ref (http);
  if (creds != NULL)
    {
      data->creds.client_id = g_strdup (creds->client_id);
      data->creds.client_secret = g_strdup (creds->client_secret);
      data->creds.client_token = g_strdup (creds->client_token);
    }
  data->user_id = g_strdup (user_id);

  return data;
}

static void
on_token_call_sent (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(MkHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  MkTokenResponse *token;

  response = mk_http_send_finish (MK_HTTP (source), result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  token = mk_token_response_parse (response->status, response->content_type, response->body, &error);
  if (token == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, token, (GDestroyNotify) mk_token_response_free);
}

void
mk_platform_provider_token_call_async (MkPlatformProvider  *self,
                                       MkHttp              *http,
                                       MkOAuthCall         *call,
                                       const char          *user_id,
                                       const char          *action,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  MkHttpRequest request = { 0 };

  g_return_if_fail (MK_IS_PLATFORM_PROVIDER (self));
  g_return_if_fail (MK_IS_HTTP (http));
  g_return_if_fail (call != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_platform_provider_token_call_async);

  request.method = call->method;
  request.url = call->url;
  request.form = call->form;
  request.platform = CLASS (self)->platform;
  request.user_id = user_id;
  request.action = action;
  request.secret_response = TRUE;

  mk_http_send_async (http, &request, cancellable, on_token_call_sent, g_steal_pointer (&task));
}

MkTokenResponse *
mk_platform_provider_token_call_finish (MkPlatformProvider  *self,
                                        GAsyncResult        *result,
                                        GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Code exchange, with the long-lived step */

static void
on_long_lived_ready (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  MkTokenResponse *short_token = g_object_get_data (G_OBJECT (task), "short-token");
  MkTokenResponse *token;

  token = mk_platform_provider_token_call_finish (MK_PLATFORM_PROVIDER (source), result, &error);
  if (token == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Keep what only the first answer had (Instagram's user_id). */
  if (token->user_id == NULL && short_token != NULL)
    token->user_id = g_strdup (short_token->user_id);
  if (token->scope == NULL && short_token != NULL)
    token->scope = g_strdup (short_token->scope);

  g_task_return_pointer (task, token, (GDestroyNotify) mk_token_response_free);
}

static void
on_code_exchanged (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MkPlatformProvider *self = MK_PLATFORM_PROVIDER (source);
  CallData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(MkTokenResponse) token = NULL;
  g_autoptr(MkOAuthCall) call = NULL;

  token = mk_platform_provider_token_call_finish (self, result, &error);
  if (token == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (CLASS (self)->build_long_lived_exchange != NULL)
    call = CLASS (self)->build_long_lived_exchange (self, &data->creds, token->access_token);

  if (call == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&token), (GDestroyNotify) mk_token_response_free);
      return;
    }

  g_object_set_data_full (G_OBJECT (task), "short-token", g_steal_pointer (&token),
                          (GDestroyNotify) mk_token_response_free);
  mk_platform_provider_token_call_async (self, data->http, call, data->user_id, "oauth_token",
                                         g_task_get_cancellable (task),
                                         on_long_lived_ready, g_object_ref (task));
}

void
mk_platform_provider_exchange_code_async (MkPlatformProvider        *self,
                                          MkHttp                    *http,
                                          const MkClientCredentials *creds,
                                          const char                *code,
                                          const char                *verifier,
                                          const char                *redirect_uri,
                                          const char                *user_id,
                                          GCancellable              *cancellable,
                                          GAsyncReadyCallback        callback,
                                          gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(MkOAuthCall) call = NULL;

  g_return_if_fail (MK_IS_PLATFORM_PROVIDER (self));
  g_return_if_fail (code != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_platform_provider_exchange_code_async);
  g_task_set_task_data (task, call_data_new (http, creds, user_id), (GDestroyNotify) call_data_free);

  if (CLASS (self)->build_code_exchange != NULL)
    call = CLASS (self)->build_code_exchange (self, creds, code, verifier, redirect_uri);
  if (call == NULL)
    {
      g_task_return_new_error (task, MK_OAUTH_ERROR, MK_OAUTH_ERROR_UNSUPPORTED,
                               _("%s does not offer browser sign-in"),
                               mk_platform_get_display_name (CLASS (self)->platform));
      return;
    }

  mk_platform_provider_token_call_async (self, http, call, user_id, "oauth_token", cancellable,
                                         on_code_exchanged, g_steal_pointer (&task));
}

MkTokenResponse *
mk_platform_provider_exchange_code_finish (MkPlatformProvider  *self,
                                           GAsyncResult        *result,
                                           GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Refresh */

static void
on_refreshed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  MkTokenResponse *token;

  token = mk_platform_provider_token_call_finish (MK_PLATFORM_PROVIDER (source), result, &error);
  if (token == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, token, (GDestroyNotify) mk_token_response_free);
}

void
mk_platform_provider_refresh_async (MkPlatformProvider        *self,
                                    MkHttp                    *http,
                                    const MkClientCredentials *creds,
                                    const char                *access_token,
                                    const char                *refresh_token,
                                    const char                *user_id,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(MkOAuthCall) call = NULL;

  g_return_if_fail (MK_IS_PLATFORM_PROVIDER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_platform_provider_refresh_async);

  if (CLASS (self)->build_refresh != NULL)
    call = CLASS (self)->build_refresh (self, creds, access_token, refresh_token);
  if (call == NULL)
    {
      g_task_return_new_error (task, MK_OAUTH_ERROR, MK_OAUTH_ERROR_UNSUPPORTED,
                               _("This %s sign-in cannot be renewed; connect again"),
                               mk_platform_get_display_name (CLASS (self)->platform));
      return;
    }

  mk_platform_provider_token_call_async (self, http, call, user_id, "oauth_refresh", cancellable,
                                         on_refreshed, g_steal_pointer (&task));
}

MkTokenResponse *
mk_platform_provider_refresh_finish (MkPlatformProvider  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Identity */

static void
on_identity_sent (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MkPlatformProvider *self = g_task_get_source_object (task);
  g_autoptr(MkHttpResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  MkPlatformIdentity *identity;

  response = mk_http_send_finish (MK_HTTP (source), result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (mk_oauth_check_response (response->status, response->content_type, response->body,
                               &root, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  identity = CLASS (self)->parse_identity (self, root, &error);
  if (identity == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, identity, (GDestroyNotify) mk_platform_identity_free);
}

void
mk_platform_provider_fetch_identity_async (MkPlatformProvider  *self,
                                           MkHttp              *http,
                                           const char          *access_token,
                                           const char          *user_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *url = NULL;
  MkHttpRequest request = { 0 };

  g_return_if_fail (MK_IS_PLATFORM_PROVIDER (self));
  g_return_if_fail (access_token != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_platform_provider_fetch_identity_async);

  url = CLASS (self)->build_identity_url (self);
  request.method = "GET";
  request.url = url;
  request.bearer = access_token;
  request.platform = CLASS (self)->platform;
  request.user_id = user_id;
  request.action = "fetch_identity";

  mk_http_send_async (http, &request, cancellable, on_identity_sent, g_steal_pointer (&task));
}

MkPlatformIdentity *
mk_platform_provider_fetch_identity_finish (MkPlatformProvider  *self,
                                            GAsyncResult        *result,
                                            GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
