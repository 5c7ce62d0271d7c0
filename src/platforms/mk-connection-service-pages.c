/* mk-connection-service-pages.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-connect"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mk-connection-service-private.h"
#include "mk-connections-table.h"
#include "mk-facebook-fetch.h"
#include "mk-oauth-error.h"
#include "mk-platform-error.h"
#include "mk-platform-response.h"

/* Which Facebook Page the connection reads. The sync takes the Page whose
 * id is the row's platform_user_id (else the first one listed), so
 * choosing a Page is writing its id there; the list comes from
 * GET /me/accounts with the user token. The Pages' own tokens in that
 * answer are never kept: the sync fetches them afresh. */

#define GRAPH "https://graph.facebook.com"
/* 100 Pages a request; nobody manages 1,000 Pages from a desktop app. */
#define PAGE_LIMIT   100
#define MAX_REQUESTS 10

typedef struct
{
  MkConnection *connection;
  char         *token;     /* the user token, wiped on free */
  char         *url;       /* the next request: Meta's paging links hold the token */
  GListStore   *pages;
  guint         requests;
} ListData;

static void
wipe_free (char *text)
{
  if (text != NULL)
    {
      memset (text, 0, strlen (text));
      g_free (text);
    }
}

static void
list_data_free (ListData *data)
{
  g_clear_object (&data->connection);
  wipe_free (data->token);
  wipe_free (data->url);
  g_clear_object (&data->pages);
  g_free (data);
}

/* The answer held every Page's token: wipe our copy of the bytes. */
static void
wipe_body (MkHttpResponse *response)
{
  GBytes *body = g_steal_pointer (&response->body);
  gsize len = 0;
  char *raw;

  if (body == NULL)
    return;
  raw = g_bytes_unref_to_data (body, &len);
  memset (raw, 0, len);
  g_free (raw);
}

/* Paging links come from the answer and the token travels with them: only
 * to Graph (or its MEDIAKIT_ENDPOINTS replacement). */
static gboolean
next_is_on_graph (MkConnectionService *self,
                  const char          *url)
{
  g_autofree char *mapped = mk_endpoints_map (mk_http_get_endpoints (self->http), GRAPH);

  return mk_endpoints_url_is_on_origin (url, GRAPH) || mk_endpoints_url_is_on_origin (url, mapped);
}

static void
fill_request (GTask         *task,
              MkHttpRequest *request)
{
  MkConnectionService *self = g_task_get_source_object (task);
  ListData *data = g_task_get_task_data (task);

  request->method = "GET";
  request->url = data->url;
  request->bearer = data->token;
  request->platform = MK_PLATFORM_FACEBOOK;
  request->user_id = self->user_id;
  request->action = "fetch_pages";
  request->log_by_caller = TRUE;
}

static void
list_fail (GTask                *task,
           const MkHttpResponse *response,
           GError               *error)
{
  MkConnectionService *self = g_task_get_source_object (task);
  MkHttpRequest request = { 0 };
  g_autofree char *message = NULL;

  fill_request (task, &request);
  /* Translators: "Facebook: The sign-in has expired: …" */
  message = g_strdup_printf (_("%s: %s"), mk_platform_get_display_name (MK_PLATFORM_FACEBOOK),
                             error->message);
  mk_http_log_exchange (self->http, &request, response, FALSE, message);

  /* Facebook user tokens are not refreshed: a refused one needs a new
   * sign-in, as the sync would find out next. */
  if (g_error_matches (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_TOKEN_INVALID)
      || g_error_matches (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_TOKEN_EXPIRED))
    mk_connection_service_set_state (self, MK_PLATFORM_FACEBOOK, MK_CONNECTION_STATE_NEEDS_RECONNECT,
                                     error->message);

  g_task_return_error (task, error);
}

static void list_next (GTask *task);

static void
on_list_sent (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MkConnectionService *self = g_task_get_source_object (task);
  ListData *data = g_task_get_task_data (task);
  g_autoptr(MkHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  MkHttpRequest request = { 0 };
  char *next = NULL;
  const char *bytes = "";
  gsize len = 0;

  response = mk_http_send_finish (MK_HTTP (source), result, &error);
  if (response == NULL)
    {
      GError *wrapped = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      mk_platform_error_set (&wrapped,
                             g_error_matches (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_NETWORK)
                             ? MK_PLATFORM_ERROR_NETWORK : MK_PLATFORM_ERROR_FAILED,
                             -1, 0, 0, "%s", error->message);
      list_fail (task, NULL, wrapped);
      return;
    }

  if (response->body != NULL)
    bytes = g_bytes_get_data (response->body, &len);
  if (bytes == NULL)
    bytes = "";

  if (!mk_meta_check_response (response->status, response->headers, bytes, len, NULL, NULL, &error)
      || !mk_facebook_parse_page_list (bytes, len, data->pages, &next, &error))
    {
      list_fail (task, response, g_steal_pointer (&error));
      wipe_body (response);
      return;
    }

  /* The row is about the request just answered: log before moving on. */
  fill_request (task, &request);
  /* Translators: for the activity log; %u is a number of Facebook Pages */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Facebook: %u Page listed",
                                          "Facebook: %u Pages listed",
                                          g_list_model_get_n_items (G_LIST_MODEL (data->pages))),
                             g_list_model_get_n_items (G_LIST_MODEL (data->pages)));
  mk_http_log_exchange (self->http, &request, response, TRUE, message);
  wipe_body (response);

  wipe_free (data->url);
  data->url = next;
  if (data->url != NULL && !next_is_on_graph (self, data->url))
    {
      GError *foreign = NULL;

      mk_platform_error_set (&foreign, MK_PLATFORM_ERROR_MALFORMED, -1, 0, 0,
                             _("A paging link pointed to another server; stopped there"));
      list_fail (task, NULL, foreign);
      return;
    }

  list_next (g_steal_pointer (&task));
}

static void
list_next (GTask *task)
{
  MkConnectionService *self = g_task_get_source_object (task);
  ListData *data = g_task_get_task_data (task);
  MkConnectionSlot *slot = mk_connection_service_get_slot (self, MK_PLATFORM_FACEBOOK);
  MkHttpRequest request = { 0 };

  if (data->url == NULL || data->requests >= MAX_REQUESTS)
    {
      /* Kept for mk_connection_service_set_page() and the Page's name. */
      g_set_object (&slot->pages, data->pages);
      mk_connection_service_emit_changed (self, MK_PLATFORM_FACEBOOK);
      g_task_return_pointer (task, g_object_ref (data->pages), g_object_unref);
      g_object_unref (task);
      return;
    }

  data->requests++;
  fill_request (task, &request);
  mk_http_send_async (self->http, &request, g_task_get_cancellable (task), on_list_sent, task);
}

static void
on_list_token (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  MkConnectionService *self = g_task_get_source_object (task);
  ListData *data = g_task_get_task_data (task);
  MkConnectionSlot *slot = mk_connection_service_get_slot (self, MK_PLATFORM_FACEBOOK);
  GError *error = NULL;
  char *access;

  access = mk_vault_lookup_finish (MK_VAULT (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (access == NULL)
    {
      const char *reason = _("The token is missing from the keyring");

      mk_connection_service_set_state (self, MK_PLATFORM_FACEBOOK, MK_CONNECTION_STATE_NEEDS_RECONNECT, reason);
      g_task_return_new_error (task, MK_OAUTH_ERROR, MK_OAUTH_ERROR_INVALID_TOKEN, "%s", reason);
      g_object_unref (task);
      return;
    }

  data->token = mk_connection_service_take_secret (access);
  /* No access_token field: only the sync needs the Pages' tokens. */
  data->url = g_strdup_printf (GRAPH "/%s/me/accounts?fields=id,name,category&limit=%u",
                               mk_platform_provider_get_graph_version (slot->provider), PAGE_LIMIT);
  list_next (task);
}

void
mk_connection_service_list_pages_async (MkConnectionService *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ListData *data;

  g_return_if_fail (MK_IS_CONNECTION_SERVICE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_connection_service_list_pages_async);

  data = g_new0 (ListData, 1);
  data->pages = g_list_store_new (MK_TYPE_FACEBOOK_PAGE);
  data->connection = mk_connection_service_get_connection (self, MK_PLATFORM_FACEBOOK);
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);

  if (data->connection == NULL || !mk_connection_get_is_connected (data->connection))
    {
      g_task_return_new_error (task, MK_OAUTH_ERROR, MK_OAUTH_ERROR_NOT_CONNECTED,
                               _("%s is not connected"), mk_platform_get_display_name (MK_PLATFORM_FACEBOOK));
      return;
    }

  /* Straight from the keyring rather than through get_access_token():
   * Facebook tokens are never refreshed, and after 190/492 (the person
   * lost their role on the Page) the connection is marked for
   * reconnecting although the user token is still good; listing the
   * Pages again is how the person gets out of that. */
  mk_vault_lookup_async (self->vault, mk_connection_get_id (data->connection), MK_VAULT_KIND_ACCESS,
                         cancellable, on_list_token, g_steal_pointer (&task));
}

GListModel *
mk_connection_service_list_pages_finish (MkConnectionService  *self,
                                         GAsyncResult         *result,
                                         GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_connection_service_list_pages_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static MkFacebookPage *
find_listed (MkConnectionSlot *slot,
             const char       *id)
{
  guint n;

  if (slot->pages == NULL || id == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (slot->pages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MkFacebookPage) page = g_list_model_get_item (G_LIST_MODEL (slot->pages), i);

      if (g_strcmp0 (mk_facebook_page_get_id (page), id) == 0)
        return g_steal_pointer (&page);
    }
  return NULL;
}

gboolean
mk_connection_service_set_page (MkConnectionService  *self,
                                const char           *page_id,
                                GError              **error)
{
  g_autoptr(MkConnection) connection = NULL;
  g_autoptr(MkFacebookPage) page = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  MkConnectionSlot *slot;

  g_return_val_if_fail (MK_IS_CONNECTION_SERVICE (self), FALSE);
  g_return_val_if_fail (page_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  slot = mk_connection_service_get_slot (self, MK_PLATFORM_FACEBOOK);
  connection = mk_connection_service_get_connection (self, MK_PLATFORM_FACEBOOK);
  if (connection == NULL || !mk_connection_get_is_connected (connection))
    {
      g_set_error (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_NOT_CONNECTED,
                   _("%s is not connected"), mk_platform_get_display_name (MK_PLATFORM_FACEBOOK));
      return FALSE;
    }

  /* Only an id Facebook has just listed for this sign-in: anything else
   * would have the sync read a Page the person may not manage. */
  page = find_listed (slot, page_id);
  if (page == NULL)
    {
      mk_platform_error_set (error, MK_PLATFORM_ERROR_NOT_FOUND, -1, 0, 0, "%s",
                             _("That Page is not among the Pages this Facebook account manages; "
                               "list them again"));
      return FALSE;
    }

  mk_connection_set_platform_user_id (connection, page_id);
  if (!mk_store_connections_update (self->store, connection, &local_error))
    {
      mk_connection_service_write_log (self, MK_PLATFORM_FACEBOOK, "choose_page", local_error, NULL,
                                       mk_connection_get_id (connection), NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  message = g_strdup_printf ("Reading Facebook Page %s (%s)", mk_facebook_page_get_title (page), page_id);
  mk_connection_service_write_log (self, MK_PLATFORM_FACEBOOK, "choose_page", NULL, message,
                                   mk_connection_get_id (connection), NULL);

  /* The list was fetched with the user token since the connection was last
   * in doubt (a "needs reconnecting" forgets it), so the sign-in is good:
   * what 190/492 asked for was another Page, and that is done. */
  if (slot->state == MK_CONNECTION_STATE_NEEDS_RECONNECT)
    mk_connection_service_set_state (self, MK_PLATFORM_FACEBOOK, MK_CONNECTION_STATE_CONNECTED, NULL);
  mk_connection_service_emit_changed (self, MK_PLATFORM_FACEBOOK);
  return TRUE;
}

char *
mk_connection_service_dup_page_name (MkConnectionService *self)
{
  g_autoptr(MkConnection) connection = NULL;
  g_autoptr(MkFacebookPage) page = NULL;
  MkConnectionSlot *slot;

  g_return_val_if_fail (MK_IS_CONNECTION_SERVICE (self), NULL);

  slot = mk_connection_service_get_slot (self, MK_PLATFORM_FACEBOOK);
  connection = mk_connection_service_get_connection (self, MK_PLATFORM_FACEBOOK);
  if (connection == NULL || !mk_connection_get_is_connected (connection))
    return NULL;

  page = find_listed (slot, mk_connection_get_platform_user_id (connection));
  return page != NULL ? g_strdup (mk_facebook_page_get_name (page)) : NULL;
}
