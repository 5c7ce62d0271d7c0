/* mk-http.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-endpoints.h"
#include "mk-enums.h"
#include "mk-log-writer.h"
#include "mk-store.h"

G_BEGIN_DECLS

/* The app's one SoupSession. Every request is async, cancellable and has a
 * timeout; every URL goes through MkEndpoints and is refused when it would
 * travel as plain http:// off the machine; every request leaves a logs row
 * (redacted by mk_store_log()) when it has an action. Errors are
 * MK_OAUTH_ERROR_NETWORK (no answer) and MK_OAUTH_ERROR_INSECURE_URL; an
 * HTTP error status is not an error here, it is in the response. */

#define MK_HTTP_DEFAULT_TIMEOUT 30

typedef struct
{
  const char *method;    /* "GET" or "POST" */
  const char *url;       /* the official URL, query included */
  const char *form;      /* application/x-www-form-urlencoded body, or NULL */
  const char *bearer;    /* sent as "Authorization: Bearer …", or NULL */
  MkPlatform  platform;  /* for the logs row */
  const char *user_id;   /* for the logs row, may be NULL */
  const char *action;    /* logs.action; NULL writes no row */
  gboolean    secret_response; /* a token answer: log its body only when it is an error */
  gboolean    log_by_caller;   /* write no row here: the caller knows the outcome only
                                * after parsing and calls mk_http_log_exchange() */
} MkHttpRequest;

typedef struct
{
  guint   status;
  char   *content_type;
  GBytes *body;
  GHashTable *headers;        /* lower-case name → value, all response headers */
  char   *remote_address;     /* the server's IP address, or NULL */
} MkHttpResponse;

#define MK_TYPE_HTTP_RESPONSE (mk_http_response_get_type ())

GType           mk_http_response_get_type (void) G_GNUC_CONST;
MkHttpResponse *mk_http_response_copy     (const MkHttpResponse *self);
void            mk_http_response_free     (MkHttpResponse       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkHttpResponse, mk_http_response_free)

#define MK_TYPE_HTTP (mk_http_get_type ())

G_DECLARE_FINAL_TYPE (MkHttp, mk_http, MK, HTTP, GObject)

/* @store may be NULL (then nothing is logged). */
MkHttp         *mk_http_new          (MkEndpoints          *endpoints,
                                      MkStore              *store);
MkEndpoints    *mk_http_get_endpoints (MkHttp              *self);
MkStore        *mk_http_get_store    (MkHttp               *self);
/* Where mk_http_log_exchange() queues its rows; NULL without a store.
 * Flush it before reading those rows back or before exiting. */
MkLogWriter    *mk_http_get_log_writer (MkHttp             *self);
void            mk_http_set_timeout  (MkHttp               *self,
                                      guint                 seconds);

/* Maps @url through the endpoints and checks its scheme: https, or http
 * on a loopback host only. */
char           *mk_http_resolve_url  (MkHttp               *self,
                                      const char           *url,
                                      GError              **error);

/* @request is copied; it need not outlive the call. */
void            mk_http_send_async   (MkHttp               *self,
                                      const MkHttpRequest  *request,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
MkHttpResponse *mk_http_send_finish  (MkHttp               *self,
                                      GAsyncResult         *result,
                                      GError              **error);

/* The logs row of a request sent with log_by_caller, queued on the log
 * writer (the fetches: many rows, none a person waits on; rows of
 * requests logged here by mk_http_send_async() are written at once):
 * @response is NULL when there was no answer. The response payload holds the status, the usage and
 * back-off headers and the body (or, past a few KiB, its size); the
 * ip_address is the server's. mk_store_log() redacts it all. */
void            mk_http_log_exchange (MkHttp               *self,
                                      const MkHttpRequest  *request,
                                      const MkHttpResponse *response,
                                      gboolean              success,
                                      const char           *message);

G_END_DECLS
