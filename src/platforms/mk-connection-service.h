/* mk-connection-service.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-connection.h"
#include "mk-device-flow.h"
#include "mk-facebook-page.h"
#include "mk-http.h"
#include "mk-platform-provider.h"
#include "mk-vault.h"

G_BEGIN_DECLS

/* Connecting Instagram, Facebook and YouTube, and keeping the tokens alive.
 * Ties the providers, the vault, the social_connections table and the logs
 * together: tokens go to the keyring only, the row keeps who and until when,
 * every connect, refresh and disconnect is a logs row.
 *
 * Refresh rules are the providers' (Instagram: < 7 days left and ≥ 24 h old;
 * Google: < 10 minutes left). Concurrent callers of
 * mk_connection_service_get_access_token_async() share one refresh. An
 * invalid_grant or Meta code 190 puts the connection in "needs reconnecting"
 * with the reason; network errors, 5xx and rate limits never do. */

typedef enum
{
  MK_CONNECTION_STATE_NOT_CONNECTED,
  MK_CONNECTION_STATE_CONNECTED,
  MK_CONNECTION_STATE_NEEDS_RECONNECT,
  MK_CONNECTION_STATE_ERROR,
} MkConnectionState;

/* Opens @uri in the person's browser (the UI passes gtk_show_uri_full). */
typedef void (*MkOpenUriFunc) (const char *uri,
                               gpointer    user_data);

#define MK_TYPE_CONNECTION_SERVICE (mk_connection_service_get_type ())

G_DECLARE_FINAL_TYPE (MkConnectionService, mk_connection_service, MK, CONNECTION_SERVICE, GObject)

MkConnectionService *mk_connection_service_new            (MkStore             *store,
                                                           MkVault             *vault,
                                                           MkHttp              *http,
                                                           const char          *user_id);
MkHttp              *mk_connection_service_get_http       (MkConnectionService *self);
MkPlatformProvider  *mk_connection_service_get_provider   (MkConnectionService *self,
                                                           MkPlatform           platform);

/* The client id in use: what was set, else the meson option, else NULL. */
const char          *mk_connection_service_get_client_id  (MkConnectionService *self,
                                                           MkPlatform           platform);
void                 mk_connection_service_set_client_id  (MkConnectionService *self,
                                                           MkPlatform           platform,
                                                           const char          *client_id);
/* Facebook Login for Devices needs the app's client token (public by
 * Meta's design, unlike the app secret). */
void                 mk_connection_service_set_client_token (MkConnectionService *self,
                                                           const char          *client_token);
/* Keeps the client secret in the keyring (kind "client-secret",
 * connection = platform name); NULL or "" removes it. */
void                 mk_connection_service_set_client_secret_async  (MkConnectionService *self,
                                                                     MkPlatform           platform,
                                                                     const char          *secret,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
gboolean             mk_connection_service_set_client_secret_finish (MkConnectionService *self,
                                                                     GAsyncResult        *result,
                                                                     GError             **error);

/* Tests make device polling fast; see mk_device_flow_set_time_unit(). */
void                 mk_connection_service_set_device_time_unit (MkConnectionService *self,
                                                                 guint                milliseconds);
/* Seconds the browser sign-in waits; default 5 minutes. */
void                 mk_connection_service_set_browser_timeout  (MkConnectionService *self,
                                                                 guint                seconds);

/* The state shown in Preferences; @out_reason (optional) says why for
 * NEEDS_RECONNECT and ERROR. */
MkConnectionState    mk_connection_service_get_state      (MkConnectionService *self,
                                                           MkPlatform           platform,
                                                           char               **out_reason);
/* The row, or NULL when the platform was never connected. */
MkConnection        *mk_connection_service_get_connection (MkConnectionService *self,
                                                           MkPlatform           platform);
/* For callers whose API request was refused with 190 / 401 after a retry. */
void                 mk_connection_service_mark_needs_reconnect (MkConnectionService *self,
                                                                 MkPlatform           platform,
                                                                 const char          *reason);

/* Browser sign-in: a loopback listener, PKCE, state; @open_uri is given the
 * authorize URL (already mapped through MEDIAKIT_ENDPOINTS). */
void                 mk_connection_service_connect_browser_async (MkConnectionService *self,
                                                                  MkPlatform           platform,
                                                                  MkOpenUriFunc        open_uri,
                                                                  gpointer             open_uri_data,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
/* Device sign-in; "device-code" is emitted with the code to show. */
void                 mk_connection_service_connect_device_async  (MkConnectionService *self,
                                                                  MkPlatform           platform,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
/* A pasted long-lived token, checked against the platform first. */
void                 mk_connection_service_connect_token_async   (MkConnectionService *self,
                                                                  MkPlatform           platform,
                                                                  const char          *access_token,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
/* All three connect_*_async finish here with the written row. */
MkConnection        *mk_connection_service_connect_finish        (MkConnectionService *self,
                                                                  GAsyncResult        *result,
                                                                  GError             **error);

void                 mk_connection_service_disconnect_async  (MkConnectionService *self,
                                                              MkPlatform           platform,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
gboolean             mk_connection_service_disconnect_finish (MkConnectionService *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);

/* A usable access token, refreshed first when the rules say so. Free it
 * with mk_vault_secret_free(). @force refreshes even when not due (after a
 * 401), still as one shared refresh. */
void                 mk_connection_service_get_access_token_async  (MkConnectionService *self,
                                                                    MkPlatform           platform,
                                                                    gboolean             force,
                                                                    GCancellable        *cancellable,
                                                                    GAsyncReadyCallback  callback,
                                                                    gpointer             user_data);
char                *mk_connection_service_get_access_token_finish (MkConnectionService *self,
                                                                    GAsyncResult        *result,
                                                                    GError             **error);

/* Facebook Pages. The sync reads the Page whose id is the connection's
 * platform_user_id, else the first one Facebook lists (a fresh connection
 * holds the person's own id there).
 *
 * Lists the Pages the connected account manages (GET /me/accounts with the
 * user token, paged): a GListModel of MkFacebookPage, possibly empty. Works
 * while the connection is marked for reconnecting, since after Meta's
 * 190/492 (role on the Page lost) choosing another Page is the way out.
 * Errors: MK_OAUTH_ERROR_NOT_CONNECTED or _INVALID_TOKEN, MK_VAULT_ERROR,
 * MK_PLATFORM_ERROR (MALFORMED for an answer without a list). */
void                 mk_connection_service_list_pages_async  (MkConnectionService *self,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
GListModel          *mk_connection_service_list_pages_finish (MkConnectionService *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);
/* Makes @page_id, one of the last listing's, the Page the sync reads (the
 * row's platform_user_id), writes a "choose_page" logs row, and clears a
 * "needs reconnecting". MK_PLATFORM_ERROR_NOT_FOUND for an id that listing
 * did not hold (or when nothing was listed since the sign-in was last in
 * doubt). */
gboolean             mk_connection_service_set_page          (MkConnectionService *self,
                                                              const char          *page_id,
                                                              GError             **error);
/* The name of the Page the connection reads, when a listing since
 * start-up told it; else NULL. */
char                *mk_connection_service_dup_page_name     (MkConnectionService *self);

G_END_DECLS
