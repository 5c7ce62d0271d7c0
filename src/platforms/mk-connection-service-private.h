/* mk-connection-service-private.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-connection-service.h"

G_BEGIN_DECLS

/* Shared by mk-connection-service.c (connect, disconnect, state),
 * mk-connection-service-refresh.c (access tokens and the shared refresh)
 * and mk-connection-service-pages.c (which Facebook Page is read). */

#define N_SLOTS (MK_PLATFORM_YOUTUBE + 1)

typedef struct
{
  MkPlatformProvider *provider;
  char               *client_id;
  MkConnectionState   state;     /* NEEDS_RECONNECT / ERROR override the row */
  char               *reason;
  GPtrArray          *waiters;   /* GTask of get_access_token; non-NULL while refreshing */
  GListStore         *pages;     /* Facebook: the last listing, forgotten when the sign-in is in doubt */
} MkConnectionSlot;

struct _MkConnectionService
{
  GObject       parent_instance;

  MkStore      *store;
  MkVault      *vault;
  MkHttp       *http;
  GCancellable *cancellable;     /* shared work (refreshes): not one caller's */
  char         *user_id;
  char         *client_token;
  guint         device_time_unit;
  guint         browser_timeout;
  MkConnectionSlot          slots[N_SLOTS];
};

MkConnectionSlot     *mk_connection_service_get_slot            (MkConnectionService *self,
                                                     MkPlatform           platform);
void      mk_connection_service_set_state           (MkConnectionService *self,
                                                     MkPlatform           platform,
                                                     MkConnectionState    state,
                                                     const char          *reason);
void      mk_connection_service_emit_changed        (MkConnectionService *self,
                                                     MkPlatform           platform);
void      mk_connection_service_write_log           (MkConnectionService *self,
                                                     MkPlatform           platform,
                                                     const char          *action,
                                                     const GError        *error,
                                                     const char          *message,
                                                     const char          *connection_id,
                                                     const char          *expires_at);
char     *mk_connection_service_take_secret         (char                *secret);
void      mk_connection_service_wipe_free           (gpointer             secret);
char     *mk_connection_service_expires_at_from_now (gint64               expires_in);

G_END_DECLS
