/* mk-context.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-connection-service.h"
#include "mk-store.h"
#include "mk-sync-service.h"
#include "mk-vault.h"

G_BEGIN_DECLS

#define MK_TYPE_CONTEXT (mk_context_get_type ())

G_DECLARE_FINAL_TYPE (MkContext, mk_context, MK, CONTEXT, GObject)

char       *mk_context_default_data_dir (void);

MkContext  *mk_context_new             (const char  *data_dir,
                                        GError     **error);
MkContext  *mk_context_new_unopened    (const char          *data_dir,
                                        GError             **error);
void        mk_context_open_store_async (MkContext          *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    mk_context_open_store_finish (MkContext         *self,
                                        GAsyncResult        *result,
                                        GError             **error);
const char *mk_context_get_data_dir    (MkContext   *self);
char       *mk_context_get_db_path     (MkContext   *self);
/* NULL until the database is open (mk_context_new() opens it at once). */
MkStore    *mk_context_get_store       (MkContext   *self);
MkVault    *mk_context_get_vault       (MkContext   *self);
gboolean    mk_context_has_settings    (void);
GSettings  *mk_context_get_settings    (MkContext   *self);
const char *mk_context_get_user_id     (MkContext   *self);
void        mk_context_set_user_id     (MkContext   *self,
                                        const char  *user_id);

/* Thumbnails and other throw-away files: $XDG_CACHE_HOME/mediakit, or
 * DATA_DIR/cache when a data dir other than the default was chosen, so
 * that workspaces (and tests) never share a cache. */
const char *mk_context_get_cache_dir   (MkContext   *self);

/* The one connection service and sync service of the open account, shared
 * by Preferences → Connections, the panes and --sync. Created on first use;
 * NULL while no store or no account is open, or when the platform addresses
 * (MEDIAKIT_ENDPOINTS) are misconfigured — mk_context_get_platforms_error()
 * says why. Replaced (and the "connection-service" / "sync-service"
 * properties notified) when the account changes. */
MkConnectionService *mk_context_get_connection_service (MkContext *self);
MkSyncService       *mk_context_get_sync_service       (MkContext *self);
/* Why the services above are NULL, or NULL. */
const GError        *mk_context_get_platforms_error    (MkContext *self);

/* Writes the logs rows that requests queued (see MkLogWriter) and waits
 * for them: before the process exits. Done on dispose too. */
void                 mk_context_flush_logs             (MkContext *self);

G_END_DECLS
