/* mk-loopback-listener.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The redirect target of a browser sign-in (RFC 8252 §7.3): an HTTP server
 * bound to 127.0.0.1 on a free port, for one attempt. It accepts exactly one
 * callback whose state matches, answers the browser with a page saying the
 * tab can be closed (never the code), and closes. Callbacks with a wrong,
 * missing or reused state are refused and change nothing. */

#define MK_LOOPBACK_LISTENER_DEFAULT_TIMEOUT (5 * 60)

#define MK_TYPE_LOOPBACK_LISTENER (mk_loopback_listener_get_type ())

G_DECLARE_FINAL_TYPE (MkLoopbackListener, mk_loopback_listener, MK, LOOPBACK_LISTENER, GObject)

MkLoopbackListener *mk_loopback_listener_new              (const char          *expected_state);

/* Binds 127.0.0.1:0. Call once, before anything else. */
gboolean            mk_loopback_listener_start            (MkLoopbackListener  *self,
                                                           GError             **error);
/* "http://127.0.0.1:PORT/" once started, else NULL. */
const char         *mk_loopback_listener_get_redirect_uri (MkLoopbackListener  *self);
guint               mk_loopback_listener_get_port         (MkLoopbackListener  *self);
/* Seconds before giving up (MK_OAUTH_ERROR_EXPIRED); set before waiting. */
void                mk_loopback_listener_set_timeout      (MkLoopbackListener  *self,
                                                           guint                seconds);
/* Whether the server is still listening. */
gboolean            mk_loopback_listener_is_listening     (MkLoopbackListener  *self);

/* Completes with the authorization code of the one valid callback, or with
 * MK_OAUTH_ERROR_ACCESS_DENIED / _EXPIRED / G_IO_ERROR_CANCELLED. The
 * listener is closed in every case. Only one wait per listener. */
void                mk_loopback_listener_wait_async       (MkLoopbackListener  *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
char               *mk_loopback_listener_wait_finish      (MkLoopbackListener  *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

G_END_DECLS
