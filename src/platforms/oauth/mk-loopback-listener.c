/* mk-loopback-listener.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-oauth"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "mk-loopback-listener.h"
#include "mk-oauth-error.h"
#include "mk-pkce.h"

struct _MkLoopbackListener
{
  GObject       parent_instance;

  SoupServer   *server;
  GTask        *task;           /* the pending wait, if any */
  char         *expected_state;
  char         *redirect_uri;
  guint         port;
  guint         timeout_seconds;
  guint         timeout_id;
  gulong        cancelled_id;
  gboolean      used;           /* a valid callback came: refuse all others */
  char         *early_code;     /* a valid callback before wait_async () */
  GError       *early_error;
};

G_DEFINE_FINAL_TYPE (MkLoopbackListener, mk_loopback_listener, G_TYPE_OBJECT)

static void
close_server (MkLoopbackListener *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->server != NULL)
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }
}

static void
finish_task (MkLoopbackListener *self,
             char               *code,
             GError             *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task == NULL)
    {
      /* The browser was faster than the caller: keep the outcome. */
      if (code != NULL && self->early_code == NULL)
        self->early_code = code;
      else
        g_free (code);
      if (error != NULL && self->early_error == NULL)
        self->early_error = error;
      else if (error != NULL)
        g_error_free (error);
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
    g_task_return_pointer (task, code, g_free);
}

static void
mk_loopback_listener_dispose (GObject *object)
{
  MkLoopbackListener *self = (MkLoopbackListener *)object;

  if (self->task != NULL)
    finish_task (self, NULL, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                  "Listener disposed"));
  close_server (self);

  G_OBJECT_CLASS (mk_loopback_listener_parent_class)->dispose (object);
}

static void
mk_loopback_listener_finalize (GObject *object)
{
  MkLoopbackListener *self = (MkLoopbackListener *)object;

  g_free (self->expected_state);
  g_free (self->redirect_uri);
  g_free (self->early_code);
  g_clear_error (&self->early_error);

  G_OBJECT_CLASS (mk_loopback_listener_parent_class)->finalize (object);
}

static void
mk_loopback_listener_class_init (MkLoopbackListenerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mk_loopback_listener_dispose;
  object_class->finalize = mk_loopback_listener_finalize;
}

static void
mk_loopback_listener_init (MkLoopbackListener *self)
{
  self->timeout_seconds = MK_LOOPBACK_LISTENER_DEFAULT_TIMEOUT;
}

MkLoopbackListener *
mk_loopback_listener_new (const char *expected_state)
{
  MkLoopbackListener *self;

  g_return_val_if_fail (expected_state != NULL && *expected_state != '\0', NULL);

  self = g_object_new (MK_TYPE_LOOPBACK_LISTENER, NULL);
  self->expected_state = g_strdup (expected_state);

  return self;
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *title,
         const char        *text)
{
  g_autofree char *title_escaped = g_markup_escape_text (title, -1);
  g_autofree char *text_escaped = g_markup_escape_text (text, -1);
  g_autofree char *page = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  page = g_strdup_printf ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                          "<title>%s</title></head><body><h1>%s</h1><p>%s</p>"
                          "</body></html>\n",
                          title_escaped, title_escaped, text_escaped);

  /* The page must not be cached or leak the callback URL onwards. */
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "Connection", "close");
  soup_server_message_set_status (msg, status, NULL);
  {
    gsize len = strlen (page);

    soup_server_message_set_response (msg, "text/html; charset=utf-8",
                                      SOUP_MEMORY_TAKE, g_steal_pointer (&page), len);
  }
}

static gboolean
close_in_idle (gpointer user_data)
{
  MkLoopbackListener *self = user_data;

  close_server (self);

  return G_SOURCE_REMOVE;
}

static void
on_message_finished (SoupServerMessage *msg,
                     gpointer           user_data)
{
  MkLoopbackListener *self = user_data;

  /* Close only once the browser has its page. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_in_idle, g_object_ref (self), g_object_unref);
}

static void
handle_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  MkLoopbackListener *self = user_data;
  const char *state = query != NULL ? g_hash_table_lookup (query, "state") : NULL;
  const char *code = query != NULL ? g_hash_table_lookup (query, "code") : NULL;
  const char *oauth_error = query != NULL ? g_hash_table_lookup (query, "error") : NULL;

  if (g_strcmp0 (soup_server_message_get_method (msg), "GET") != 0 || g_strcmp0 (path, "/") != 0)
    {
      respond (msg, SOUP_STATUS_NOT_FOUND, _("Not found"), _("This address is not part of the sign-in."));
      return;
    }

  if (self->used)
    {
      respond (msg, SOUP_STATUS_GONE, _("Sign-in already finished"),
               _("This sign-in was already completed. You can close this tab."));
      return;
    }

  if (!mk_oauth_state_equal (self->expected_state, state))
    {
      g_debug ("Refused a callback with a wrong or missing state");
      respond (msg, SOUP_STATUS_BAD_REQUEST, _("Sign-in link not valid"),
               _("This sign-in link does not belong to the sign-in Mediakit is waiting for. "
                 "Start again from Mediakit."));
      return;
    }

  self->used = TRUE;
  g_signal_connect_object (msg, "finished", G_CALLBACK (on_message_finished), self, 0);

  if (oauth_error != NULL || code == NULL || *code == '\0')
    {
      respond (msg, SOUP_STATUS_OK, _("Sign-in cancelled"),
               _("Mediakit was not given access. You can close this tab and return to Mediakit."));
      if (g_strcmp0 (oauth_error, "access_denied") == 0 || oauth_error == NULL)
        finish_task (self, NULL, g_error_new_literal (MK_OAUTH_ERROR, MK_OAUTH_ERROR_ACCESS_DENIED,
                                                      _("Access was not granted in the browser")));
      else
        finish_task (self, NULL, g_error_new (MK_OAUTH_ERROR, MK_OAUTH_ERROR_FAILED,
                                              _("The sign-in failed: %s"), oauth_error));
      return;
    }

  respond (msg, SOUP_STATUS_OK, _("Signed in"),
           _("Mediakit is connected. You can close this tab and return to Mediakit."));

  /* A code copied by hand from Instagram may carry a trailing "#_". */
  {
    char *copy = g_strdup (code);

    if (g_str_has_suffix (copy, "#_"))
      copy[strlen (copy) - 2] = '\0';
    finish_task (self, copy, NULL);
  }
}

gboolean
mk_loopback_listener_start (MkLoopbackListener  *self,
                            GError             **error)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  GSList *uris;

  g_return_val_if_fail (MK_IS_LOOPBACK_LISTENER (self), FALSE);
  g_return_val_if_fail (self->server == NULL && !self->used, FALSE);

  server = soup_server_new ("server-header", NULL, NULL);
  soup_server_add_handler (server, NULL, handle_callback, self, NULL);

  /* 127.0.0.1 exactly: not 0.0.0.0, not "localhost" (which may resolve to
   * another interface or to ::1 only). */
  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  address = g_inet_socket_address_new (loopback, 0);
  if (!soup_server_listen (server, address, 0, error))
    return FALSE;

  uris = soup_server_get_uris (server);
  if (uris == NULL)
    {
      g_set_error_literal (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_FAILED,
                           _("Could not listen for the browser’s answer"));
      return FALSE;
    }
  self->port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  self->redirect_uri = g_strdup_printf ("http://127.0.0.1:%u/", self->port);
  self->server = g_steal_pointer (&server);

  return TRUE;
}

const char *
mk_loopback_listener_get_redirect_uri (MkLoopbackListener *self)
{
  g_return_val_if_fail (MK_IS_LOOPBACK_LISTENER (self), NULL);

  return self->redirect_uri;
}

guint
mk_loopback_listener_get_port (MkLoopbackListener *self)
{
  g_return_val_if_fail (MK_IS_LOOPBACK_LISTENER (self), 0);

  return self->port;
}

void
mk_loopback_listener_set_timeout (MkLoopbackListener *self,
                                  guint               seconds)
{
  g_return_if_fail (MK_IS_LOOPBACK_LISTENER (self));

  self->timeout_seconds = seconds;
}

gboolean
mk_loopback_listener_is_listening (MkLoopbackListener *self)
{
  g_return_val_if_fail (MK_IS_LOOPBACK_LISTENER (self), FALSE);

  return self->server != NULL;
}

static gboolean
on_timeout (gpointer user_data)
{
  MkLoopbackListener *self = user_data;

  self->timeout_id = 0;
  self->used = TRUE;
  close_server (self);
  finish_task (self, NULL, g_error_new_literal (MK_OAUTH_ERROR, MK_OAUTH_ERROR_EXPIRED,
                                                _("The browser sign-in took too long; start again")));

  return G_SOURCE_REMOVE;
}

static gboolean
cancel_in_idle (gpointer user_data)
{
  MkLoopbackListener *self = user_data;

  if (self->task != NULL)
    {
      self->used = TRUE;
      close_server (self);
      finish_task (self, NULL, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                    _("Sign-in cancelled")));
    }

  return G_SOURCE_REMOVE;
}

static void
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  /* Not from inside the cancelled handler: g_cancellable_disconnect() would
   * deadlock there. */
  g_idle_add_full (G_PRIORITY_DEFAULT, cancel_in_idle,
                   g_object_ref (user_data), g_object_unref);
}

void
mk_loopback_listener_wait_async (MkLoopbackListener  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MK_IS_LOOPBACK_LISTENER (self));
  g_return_if_fail (self->task == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_loopback_listener_wait_async);

  if (self->early_code != NULL || self->early_error != NULL)
    {
      if (self->early_error != NULL)
        g_task_return_error (task, g_steal_pointer (&self->early_error));
      else
        g_task_return_pointer (task, g_steal_pointer (&self->early_code), g_free);
      return;
    }

  if (self->server == NULL)
    {
      g_task_return_new_error (task, MK_OAUTH_ERROR, MK_OAUTH_ERROR_FAILED,
                               _("The sign-in listener is not running"));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    {
      close_server (self);
      return;
    }

  self->task = g_steal_pointer (&task);
  self->timeout_id = g_timeout_add_seconds (self->timeout_seconds, on_timeout, self);
  if (cancellable != NULL)
    self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), self, NULL);
}

char *
mk_loopback_listener_wait_finish (MkLoopbackListener  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
