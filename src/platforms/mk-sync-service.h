/* mk-sync-service.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-connection-service.h"
#include "mk-store.h"
#include "mk-sync-status.h"

G_BEGIN_DECLS

/* Fetching every connected platform: counts and recent media, all platforms
 * at once. Owned by MkContext (mk_context_get_sync_service()); the Metrics
 * and Portfolio panes bind to it.
 *
 * Each platform that answers gets a new cached_metrics row (history is
 * kept; the engagement rate uses the "engagement-formula" setting, median
 * or mean) and its media cache replaced, both written on a worker thread
 * once every platform of the sync has its answers (so that the big writes
 * never hold up the logs rows the requests write on the main thread).
 * Then its thumbnails are downloaded, a few at a time, into
 * mk_sync_service_get_thumbnail_dir(), and their file names recorded. A
 * platform that fails keeps its last good data and says why in its
 * MkSyncStatus.
 *
 * Token rules: an expired token is refreshed through the connection service
 * and the request retried once; an invalid one marks the connection "needs
 * reconnecting". Rate limits and YouTube's quotaExceeded are never a
 * disconnect: the platform is skipped until Retry-After (or exponential
 * back-off from 2 s to 15 min; for quotaExceeded, midnight Pacific time)
 * and its status says until when.
 *
 * Properties: "syncing" (gboolean, notifies), "user-id" (read-only).
 * The back-off state lives as long as the service, not across restarts.
 * Signals:
 *   ::platform-updated (MkPlatform platform): new figures and media of
 *     @platform are in the store; reload what shows them.
 *   ::thumbnail-ready (const char *media_id, const char *path): a thumbnail
 *     file was written; decode it off the main thread.
 *   ::finished: a sync (every platform of it) is over, thumbnails aside. */

#define MK_SYNC_ERROR (mk_sync_error_quark ())

/**
 * MkSyncError:
 * @MK_SYNC_ERROR_NOTHING_CONNECTED: no platform is connected; nothing was
 *   fetched.
 * @MK_SYNC_ERROR_PARTIAL: at least one platform failed or was skipped
 *   (rate limit, quota, needs reconnecting); the others were stored. Each
 *   status says what happened.
 */
typedef enum
{
  MK_SYNC_ERROR_NOTHING_CONNECTED,
  MK_SYNC_ERROR_PARTIAL,
} MkSyncError;

GQuark mk_sync_error_quark (void);

/* Returns the time to use as "now" (tests move it instead of sleeping). */
typedef GDateTime *(*MkSyncClockFunc) (gpointer user_data);

#define MK_SYNC_THUMBNAIL_CAP_DEFAULT (50 * 1024 * 1024)

#define MK_TYPE_SYNC_SERVICE (mk_sync_service_get_type ())

G_DECLARE_FINAL_TYPE (MkSyncService, mk_sync_service, MK, SYNC_SERVICE, GObject)

/* @store is the main thread's store (its file is reopened on the worker);
 * @settings may be NULL (defaults: median, 6 hours); @cache_dir is where
 * "thumbnails/" goes. */
MkSyncService *mk_sync_service_new             (MkConnectionService *connections,
                                                MkStore             *store,
                                                const char          *user_id,
                                                const char          *cache_dir,
                                                GSettings           *settings);

const char    *mk_sync_service_get_user_id     (MkSyncService       *self);
gboolean       mk_sync_service_get_syncing     (MkSyncService       *self);
/* GListModel of MkSyncStatus: Instagram, Facebook, YouTube. */
GListModel    *mk_sync_service_get_statuses    (MkSyncService       *self);
MkSyncStatus  *mk_sync_service_get_status      (MkSyncService       *self,
                                                MkPlatform           platform);
const char    *mk_sync_service_get_thumbnail_dir (MkSyncService     *self);

/* Fetches every connected platform that is not waiting out a rate limit.
 * A call while a sync runs joins it. TRUE when every platform was stored;
 * otherwise MK_SYNC_ERROR_PARTIAL or _NOTHING_CONNECTED (or
 * G_IO_ERROR_CANCELLED). Thumbnails continue after it returns. */
void           mk_sync_service_sync_async      (MkSyncService       *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       mk_sync_service_sync_finish     (MkSyncService       *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* Starts a sync when the newest stored figures of every connected platform
 * are older than "sync-interval-hours" (or missing). For the window at
 * start-up; TRUE when a sync was started (or was already running). */
gboolean       mk_sync_service_sync_if_stale   (MkSyncService       *self);

/* Stops the running sync and its thumbnail downloads; what was stored
 * stays. The Cancel button. */
void           mk_sync_service_cancel          (MkSyncService       *self);

/* Re-reads which platforms are connected (also done on the connection
 * service's ::changed and at each sync). */
void           mk_sync_service_reload          (MkSyncService       *self);

/* Tuning and tests. */
void           mk_sync_service_set_clock       (MkSyncService       *self,
                                                MkSyncClockFunc      func,
                                                gpointer             user_data);
void           mk_sync_service_set_thumbnail_cap (MkSyncService     *self,
                                                guint64              bytes);
/* Media per platform and sync; 0 (the default) is the providers' own. */
void           mk_sync_service_set_media_limit (MkSyncService       *self,
                                                guint                max_items);
/* Resolves when the thumbnail downloads queued so far are done (and the
 * cache trimmed to its cap). */
void           mk_sync_service_wait_thumbnails_async  (MkSyncService       *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean       mk_sync_service_wait_thumbnails_finish (MkSyncService       *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
