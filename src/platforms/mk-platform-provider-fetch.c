/* mk-platform-provider-fetch.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-platforms"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mk-oauth-error.h"
#include "mk-platform-error.h"
#include "mk-platform-provider.h"
#include "mk-platform-response.h"

/* The fetching half of MkPlatformProvider: one loop for every platform
 * that sends what the subclass describes, turns error answers into
 * MK_PLATFORM_ERROR, writes one logs row per request and stops at the page
 * cap. The subclasses only know URLs and JSON shapes. */

#define CLASS(self) MK_PLATFORM_PROVIDER_GET_CLASS (self)

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
mk_fetch_set_url (MkFetch *fetch,
                  char    *url)
{
  /* Meta's paging links carry the token in their query. */
  wipe_free (fetch->url);
  fetch->url = url;
}

void
mk_fetch_set_token (MkFetch    *fetch,
                    const char *token)
{
  wipe_free (fetch->token);
  fetch->token = g_strdup (token);
}

typedef struct
{
  MkHttp     *http;
  char       *access_token;
  char       *user_id;
  const char *action;
  gboolean    media;
  char       *sent_url;   /* the request being answered, for its log row */
  MkFetch     fetch;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_clear_object (&data->http);
  wipe_free (data->access_token);
  g_free (data->user_id);
  wipe_free (data->sent_url);
  g_free (data->fetch.platform_user_id);
  wipe_free (data->fetch.url);
  wipe_free (data->fetch.token);
  g_free (data->fetch.scratch);
  g_free (data->fetch.cursor);
  g_clear_pointer (&data->fetch.pending, g_ptr_array_unref);
  g_clear_object (&data->fetch.snapshot);
  g_clear_pointer (&data->fetch.items, g_ptr_array_unref);
  g_free (data->fetch.summary);
  g_free (data);
}

/* Paging links come from the answer: follow them only to the server we
 * asked (the official origin or its MEDIAKIT_ENDPOINTS replacement), since
 * the token travels with them. */
static gboolean
check_origin (MkPlatformProvider  *self,
              MkHttp              *http,
              const char          *url,
              GError             **error)
{
  const char *origin = CLASS (self)->api_origin;
  g_autofree char *mapped = NULL;

  if (origin == NULL || mk_endpoints_url_is_on_origin (url, origin))
    return TRUE;

  mapped = mk_endpoints_map (mk_http_get_endpoints (http), origin);
  if (mk_endpoints_url_is_on_origin (url, mapped))
    return TRUE;

  mk_platform_error_set (error, MK_PLATFORM_ERROR_MALFORMED, -1, 0, 0,
                         _("A paging link pointed to another server; stopped there"));
  return FALSE;
}

static void fetch_next (GTask *task);

static void
fill_request (GTask         *task,
              MkHttpRequest *request)
{
  MkPlatformProvider *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);

  request->method = "GET";
  request->url = data->sent_url != NULL ? data->sent_url : data->fetch.url;
  request->bearer = data->fetch.token != NULL ? data->fetch.token : data->access_token;
  request->platform = CLASS (self)->platform;
  request->user_id = data->user_id;
  request->action = data->action;
  request->log_by_caller = TRUE;
}

static void
fail (GTask                *task,
      const MkHttpResponse *response,
      GError               *error)
{
  MkPlatformProvider *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  MkHttpRequest request = { 0 };
  g_autofree char *message = NULL;

  fill_request (task, &request);
  /* Translators: "Instagram: The sign-in has expired: …" */
  message = g_strdup_printf (_("%s: %s"), mk_platform_get_display_name (CLASS (self)->platform),
                             error->message);
  mk_http_log_exchange (data->http, &request, response, FALSE, message);
  g_task_return_error (task, error);
}

static void
on_fetch_sent (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MkPlatformProvider *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(MkHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  MkHttpRequest request = { 0 };
  g_autofree char *message = NULL;
  const char *bytes = "";
  gsize len = 0;
  gboolean ok;

  response = mk_http_send_finish (MK_HTTP (source), result, &error);
  if (response == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (g_error_matches (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_NETWORK))
        {
          GError *network = NULL;

          mk_platform_error_set (&network, MK_PLATFORM_ERROR_NETWORK, -1, 0, 0, "%s", error->message);
          fail (task, NULL, network);
        }
      else
        {
          GError *other = NULL;

          mk_platform_error_set (&other, MK_PLATFORM_ERROR_FAILED, -1, 0, 0, "%s", error->message);
          fail (task, NULL, other);
        }
      return;
    }

  if (response->body != NULL)
    bytes = g_bytes_get_data (response->body, &len);
  if (bytes == NULL)
    bytes = "";

  if (!CLASS (self)->check_response (response->status, response->headers, bytes, len, NULL, NULL, &error))
    {
      fail (task, response, g_steal_pointer (&error));
      return;
    }

  g_clear_pointer (&data->fetch.summary, g_free);
  if (data->media)
    ok = CLASS (self)->media_parse (self, &data->fetch, bytes, len, &error);
  else
    ok = CLASS (self)->counts_parse (self, &data->fetch, bytes, len, &error);
  if (!ok)
    {
      fail (task, response, g_steal_pointer (&error));
      return;
    }

  fill_request (task, &request);
  /* The URL in the row is the one just answered, not the next one. */
  message = g_strdup_printf (_("%s: %s"), mk_platform_get_display_name (CLASS (self)->platform),
                             data->fetch.summary != NULL ? data->fetch.summary : _("answer received"));
  mk_http_log_exchange (data->http, &request, response, TRUE, message);

  if (data->media && data->fetch.items->len >= data->fetch.max_items)
    mk_fetch_set_url (&data->fetch, NULL);

  /* Meta: at 100 % of any usage figure every further call is throttled
   * and extends the block, so stop before the next page rather than be
   * refused on it (platform-apis.md §3). */
  if (data->fetch.url != NULL && mk_meta_usage_percent (response->headers) >= 100)
    {
      GError *throttled = NULL;

      mk_platform_error_set (&throttled, MK_PLATFORM_ERROR_RATE_LIMITED,
                             mk_meta_usage_regain_seconds (response->headers), 0, 0,
                             _("The platform's usage limit is reached; waiting before asking for more"));
      g_task_return_error (task, throttled);
      return;
    }

  fetch_next (g_steal_pointer (&task));
}

static void
fetch_next (GTask *task)
{
  MkPlatformProvider *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  MkHttpRequest request = { 0 };
  g_autoptr(GError) error = NULL;

  if (data->fetch.url == NULL || data->fetch.requests >= MK_FETCH_MAX_REQUESTS)
    {
      if (data->media)
        {
          if (data->fetch.items->len > data->fetch.max_items)
            g_ptr_array_set_size (data->fetch.items, data->fetch.max_items);
          g_task_return_pointer (task, g_steal_pointer (&data->fetch.items),
                                 (GDestroyNotify) g_ptr_array_unref);
        }
      else if (data->fetch.snapshot != NULL)
        g_task_return_pointer (task, g_steal_pointer (&data->fetch.snapshot), g_object_unref);
      else
        g_task_return_new_error (task, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_MALFORMED,
                                 _("%s did not send the account's figures"),
                                 mk_platform_get_display_name (CLASS (self)->platform));
      g_object_unref (task);
      return;
    }

  if (!check_origin (self, data->http, data->fetch.url, &error))
    {
      /* Log the refused link itself (redacted), not the last page. */
      g_clear_pointer (&data->sent_url, wipe_free);
      fail (task, NULL, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  data->fetch.requests++;
  wipe_free (data->sent_url);
  data->sent_url = g_strdup (data->fetch.url);
  fill_request (task, &request);
  mk_http_send_async (data->http, &request, g_task_get_cancellable (task), on_fetch_sent, task);
}

static GTask *
fetch_task_new (MkPlatformProvider  *self,
                MkHttp              *http,
                const char          *access_token,
                const char          *platform_user_id,
                const char          *user_id,
                gboolean             media,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  FetchData *data = g_new0 (FetchData, 1);

  data->http = g_object_ref (http);
  data->access_token = g_strdup (access_token);
  data->user_id = g_strdup (user_id);
  data->media = media;
  data->action = media ? "fetch_media" : "fetch_metrics";
  data->fetch.platform_user_id = g_strdup (platform_user_id);
  data->fetch.items = g_ptr_array_new_with_free_func (g_object_unref);
  data->fetch.pending = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);

  return task;
}

void
mk_platform_provider_fetch_counts_async (MkPlatformProvider  *self,
                                         MkHttp              *http,
                                         const char          *access_token,
                                         const char          *platform_user_id,
                                         const char          *user_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task;
  FetchData *data;

  g_return_if_fail (MK_IS_PLATFORM_PROVIDER (self));
  g_return_if_fail (MK_IS_HTTP (http));
  g_return_if_fail (access_token != NULL);

  task = fetch_task_new (self, http, access_token, platform_user_id, user_id, FALSE,
                         cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_platform_provider_fetch_counts_async);
  data = g_task_get_task_data (task);

  if (CLASS (self)->counts_begin == NULL)
    {
      g_task_return_new_error (task, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_FAILED,
                               _("%s figures cannot be fetched"),
                               mk_platform_get_display_name (CLASS (self)->platform));
      g_object_unref (task);
      return;
    }

  CLASS (self)->counts_begin (self, &data->fetch);
  fetch_next (task);
}

MkMetricsSnapshot *
mk_platform_provider_fetch_counts_finish (MkPlatformProvider  *self,
                                          GAsyncResult        *result,
                                          GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
mk_platform_provider_fetch_media_async (MkPlatformProvider  *self,
                                        MkHttp              *http,
                                        const char          *access_token,
                                        const char          *platform_user_id,
                                        const char          *user_id,
                                        guint                max_items,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;
  FetchData *data;

  g_return_if_fail (MK_IS_PLATFORM_PROVIDER (self));
  g_return_if_fail (MK_IS_HTTP (http));
  g_return_if_fail (access_token != NULL);

  task = fetch_task_new (self, http, access_token, platform_user_id, user_id, TRUE,
                         cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_platform_provider_fetch_media_async);
  data = g_task_get_task_data (task);
  data->fetch.max_items = max_items > 0 ? max_items : MK_FETCH_DEFAULT_MEDIA;

  if (CLASS (self)->media_begin == NULL)
    {
      g_task_return_new_error (task, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_FAILED,
                               _("%s media cannot be fetched"),
                               mk_platform_get_display_name (CLASS (self)->platform));
      g_object_unref (task);
      return;
    }

  CLASS (self)->media_begin (self, &data->fetch);
  fetch_next (task);
}

GPtrArray *
mk_platform_provider_fetch_media_finish (MkPlatformProvider  *self,
                                         GAsyncResult        *result,
                                         GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
