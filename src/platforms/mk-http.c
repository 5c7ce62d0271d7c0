/* mk-http.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-http"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "mk-http.h"
#include "mk-log-writer.h"
#include "mk-logs-table.h"
#include "mk-oauth-error.h"

/* Enough of a response body to tell what went wrong in the log. */
#define LOG_BODY_MAX 4096

struct _MkHttp
{
  GObject       parent_instance;

  SoupSession  *session;
  MkEndpoints  *endpoints;
  MkStore      *store;
  MkLogWriter  *log_writer;  /* the per-request rows of fetches */
};

G_DEFINE_FINAL_TYPE (MkHttp, mk_http, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (MkHttpResponse, mk_http_response,
                     mk_http_response_copy, mk_http_response_free)

MkHttpResponse *
mk_http_response_copy (const MkHttpResponse *self)
{
  MkHttpResponse *copy = g_new0 (MkHttpResponse, 1);

  copy->status = self->status;
  copy->content_type = g_strdup (self->content_type);
  copy->body = self->body != NULL ? g_bytes_ref (self->body) : NULL;
  copy->headers = self->headers != NULL ? g_hash_table_ref (self->headers) : NULL;
  copy->remote_address = g_strdup (self->remote_address);

  return copy;
}

void
mk_http_response_free (MkHttpResponse *self)
{
  if (self == NULL)
    return;

  g_free (self->content_type);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->headers, g_hash_table_unref);
  g_free (self->remote_address);
  g_free (self);
}

typedef struct
{
  MkPlatform  platform;
  char       *user_id;
  char       *action;
  char       *method;
  char       *url;        /* official form, for the log */
  char       *form;
  gboolean    secret_response;
  gboolean    log_by_caller;
} SendData;

static void
send_data_free (SendData *data)
{
  g_free (data->user_id);
  g_free (data->action);
  g_free (data->method);
  g_free (data->url);
  if (data->form != NULL)
    memset (data->form, 0, strlen (data->form));
  g_free (data->form);
  g_free (data);
}

static void
mk_http_dispose (GObject *object)
{
  MkHttp *self = (MkHttp *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->endpoints);
  /* Flushes what is queued. */
  g_clear_object (&self->log_writer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mk_http_parent_class)->dispose (object);
}

static void
mk_http_class_init (MkHttpClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mk_http_dispose;
}

static void
mk_http_init (MkHttp *self)
{
  self->session = soup_session_new_with_options ("user-agent", "Mediakit/" PACKAGE_VERSION " ",
                                                 "timeout", MK_HTTP_DEFAULT_TIMEOUT,
                                                 "idle-timeout", 60,
                                                 NULL);
}

MkHttp *
mk_http_new (MkEndpoints *endpoints,
             MkStore     *store)
{
  MkHttp *self;

  g_return_val_if_fail (MK_IS_ENDPOINTS (endpoints), NULL);
  g_return_val_if_fail (store == NULL || MK_IS_STORE (store), NULL);

  self = g_object_new (MK_TYPE_HTTP, NULL);
  self->endpoints = g_object_ref (endpoints);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->log_writer = store != NULL ? mk_log_writer_new (store) : NULL;

  return self;
}

MkEndpoints *
mk_http_get_endpoints (MkHttp *self)
{
  g_return_val_if_fail (MK_IS_HTTP (self), NULL);
  return self->endpoints;
}

MkStore *
mk_http_get_store (MkHttp *self)
{
  g_return_val_if_fail (MK_IS_HTTP (self), NULL);
  return self->store;
}

MkLogWriter *
mk_http_get_log_writer (MkHttp *self)
{
  g_return_val_if_fail (MK_IS_HTTP (self), NULL);
  return self->log_writer;
}

void
mk_http_set_timeout (MkHttp *self,
                     guint   seconds)
{
  g_return_if_fail (MK_IS_HTTP (self));
  soup_session_set_timeout (self->session, seconds);
}

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  if (address == NULL && host[0] == '[')
    {
      g_autofree char *inner = g_strndup (host + 1, strlen (host) - 2);
      address = g_inet_address_new_from_string (inner);
    }

  return address != NULL && g_inet_address_get_is_loopback (address);
}

char *
mk_http_resolve_url (MkHttp      *self,
                     const char  *url,
                     GError     **error)
{
  g_autofree char *mapped = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  g_return_val_if_fail (MK_IS_HTTP (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  mapped = mk_endpoints_map (self->endpoints, url);
  uri = g_uri_parse (mapped, G_URI_FLAGS_ENCODED, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (g_strcmp0 (scheme, "https") == 0)
    return g_steal_pointer (&mapped);

  if (g_strcmp0 (scheme, "http") == 0 && is_loopback_host (g_uri_get_host (uri)))
    return g_steal_pointer (&mapped);

  g_set_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_INSECURE_URL,
               _("Refused to use an address that is not HTTPS: %s"),
               uri != NULL ? g_uri_get_host (uri) : _("(not a URL)"));
  return NULL;
}

static void
write_log (MkHttp         *self,
           SendData       *data,
           guint           status,
           GBytes         *body,
           const GError   *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *request_json = NULL;
  g_autofree char *response_text = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) log_error = NULL;
  gboolean ok = error == NULL && status >= 200 && status < 300;

  if (self->store == NULL || data->action == NULL || data->log_by_caller)
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, data->method);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, data->url);
  if (data->form != NULL)
    {
      json_builder_set_member_name (builder, "form");
      json_builder_add_string_value (builder, data->form);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  request_json = json_to_string (root, FALSE);

  /* Token answers also carry id_token and the like: redaction knows the
   * token names, but a success body has nothing a log reader needs. */
  if (body != NULL && !(data->secret_response && ok))
    {
      gsize len = 0;
      const char *bytes = g_bytes_get_data (body, &len);

      response_text = g_strndup (bytes, MIN (len, LOG_BODY_MAX));
      if (!g_utf8_validate (response_text, -1, NULL))
        g_clear_pointer (&response_text, g_free);
    }

  if (error != NULL)
    message = g_strdup_printf ("%s %s: %s", data->method, data->action, error->message);
  else
    message = g_strdup_printf ("%s %s: HTTP %u", data->method, data->action, status);

  /* mk_store_log() redacts the URL, the form and the body. */
  if (!mk_store_log (self->store, data->user_id, data->platform, data->action,
                     ok ? MK_LOG_STATUS_SUCCESS : MK_LOG_STATUS_FAILURE,
                     message, request_json, response_text, NULL, &log_error))
    g_warning ("Could not write a log row: %s", log_error->message);
}

static void
on_send_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SoupSession *session = SOUP_SESSION (source);
  g_autoptr(GTask) task = user_data;
  MkHttp *self = g_task_get_source_object (task);
  SendData *data = g_task_get_task_data (task);
  SoupMessage *msg = soup_session_get_async_result_message (session, result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  MkHttpResponse *response;

  body = soup_session_send_and_read_finish (session, result, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      write_log (self, data, 0, NULL, error);
      g_task_return_new_error (task, MK_OAUTH_ERROR, MK_OAUTH_ERROR_NETWORK,
                               _("Could not reach the platform: %s"), error->message);
      return;
    }

  response = g_new0 (MkHttpResponse, 1);
  response->status = soup_message_get_status (msg);
  response->content_type = g_strdup (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL));
  response->body = g_steal_pointer (&body);
  response->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  {
    SoupMessageHeadersIter iter;
    const char *name, *value;

    soup_message_headers_iter_init (&iter, soup_message_get_response_headers (msg));
    while (soup_message_headers_iter_next (&iter, &name, &value))
      g_hash_table_replace (response->headers, g_ascii_strdown (name, -1), g_strdup (value));
  }
  {
    GSocketAddress *remote = soup_message_get_remote_address (msg);

    if (G_IS_INET_SOCKET_ADDRESS (remote))
      response->remote_address =
        g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)));
  }

  write_log (self, data, response->status, response->body, NULL);

  g_task_return_pointer (task, response, (GDestroyNotify) mk_http_response_free);
}

void
mk_http_send_async (MkHttp              *self,
                    const MkHttpRequest *request,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *url = NULL;
  SendData *data;

  g_return_if_fail (MK_IS_HTTP (self));
  g_return_if_fail (request != NULL && request->method != NULL && request->url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_http_send_async);

  data = g_new0 (SendData, 1);
  data->platform = request->platform;
  data->user_id = g_strdup (request->user_id);
  data->action = g_strdup (request->action);
  data->method = g_strdup (request->method);
  data->url = g_strdup (request->url);
  data->form = g_strdup (request->form);
  data->secret_response = request->secret_response;
  data->log_by_caller = request->log_by_caller;
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);

  url = mk_http_resolve_url (self, request->url, &error);
  if (url == NULL)
    {
      write_log (self, data, 0, NULL, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  msg = soup_message_new (request->method, url);
  if (msg == NULL)
    {
      g_task_return_new_error (task, MK_OAUTH_ERROR, MK_OAUTH_ERROR_FAILED,
                               _("Not a valid address: %s"), request->url);
      return;
    }

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", "application/json");
  if (request->bearer != NULL)
    {
      g_autofree char *value = g_strdup_printf ("Bearer %s", request->bearer);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
      memset (value, 0, strlen (value));
    }

  if (request->form != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (request->form, strlen (request->form));

      soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
    }

  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    on_send_ready, g_steal_pointer (&task));
}

MkHttpResponse *
mk_http_send_finish (MkHttp        *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Headers a person reading the log needs to understand a throttle; the
 * rest (cookies, trace ids) stays out. */
static const char * const logged_headers[] = {
  "x-app-usage",
  "x-business-use-case-usage",
  "x-ad-account-usage",
  "retry-after",
  "www-authenticate",
};

void
mk_http_log_exchange (MkHttp               *self,
                      const MkHttpRequest  *request,
                      const MkHttpResponse *response,
                      gboolean              success,
                      const char           *message)
{
  g_autoptr(JsonBuilder) request_builder = json_builder_new ();
  g_autoptr(JsonNode) request_root = NULL;
  g_autofree char *request_json = NULL;
  g_autofree char *response_json = NULL;

  g_return_if_fail (MK_IS_HTTP (self));
  g_return_if_fail (request != NULL);

  if (self->store == NULL || request->action == NULL)
    return;

  json_builder_begin_object (request_builder);
  json_builder_set_member_name (request_builder, "method");
  json_builder_add_string_value (request_builder, request->method);
  json_builder_set_member_name (request_builder, "url");
  json_builder_add_string_value (request_builder, request->url);
  json_builder_end_object (request_builder);
  request_root = json_builder_get_root (request_builder);
  request_json = json_to_string (request_root, FALSE);

  if (response != NULL)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      gsize len = 0;
      const char *bytes = response->body != NULL ? g_bytes_get_data (response->body, &len) : NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_add_int_value (builder, response->status);

      json_builder_set_member_name (builder, "headers");
      json_builder_begin_object (builder);
      for (guint i = 0; response->headers != NULL && i < G_N_ELEMENTS (logged_headers); i++)
        {
          const char *value = g_hash_table_lookup (response->headers, logged_headers[i]);

          if (value == NULL)
            continue;
          json_builder_set_member_name (builder, logged_headers[i]);
          json_builder_add_string_value (builder, value);
        }
      json_builder_end_object (builder);

      /* A page of 50 media items is ~50 KiB of captions nobody reads in a
       * log; an error body is small and is what the log is for. */
      json_builder_set_member_name (builder, "body");
      if (bytes != NULL && len <= LOG_BODY_MAX && g_utf8_validate (bytes, len, NULL))
        {
          g_autoptr(JsonParser) parser = json_parser_new_immutable ();

          if (memchr (bytes, '\0', len) == NULL &&
              json_parser_load_from_data (parser, bytes, len, NULL) &&
              json_parser_get_root (parser) != NULL)
            json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
          else
            {
              g_autofree char *text = g_strndup (bytes, len);
              json_builder_add_string_value (builder, text);
            }
        }
      else
        {
          /* "(51234 bytes, application/json)" */
          g_autofree char *full =
            g_strdup_printf ("(%" G_GSIZE_FORMAT " bytes, %s)", len,
                             response->content_type != NULL ? response->content_type : "?");

          json_builder_add_string_value (builder, full);
        }
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      response_json = json_to_string (root, FALSE);
    }

  /* Queued: a sync makes one such row per page, and an fsync each on the
   * main thread stalls the window. The writer redacts as mk_store_log(). */
  mk_log_writer_log (self->log_writer, request->user_id, request->platform, request->action,
                     success ? MK_LOG_STATUS_SUCCESS : MK_LOG_STATUS_FAILURE,
                     message, request_json, response_json,
                     response != NULL ? response->remote_address : NULL);
}
