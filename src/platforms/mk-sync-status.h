/* mk-sync-status.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mk-enums.h"

G_BEGIN_DECLS

/* What the sync service knows about one platform, for the UI to bind:
 * MkSyncService keeps one per platform (Instagram, Facebook, YouTube, in
 * that order) in the GListModel of mk_sync_service_get_statuses(). Every
 * property notifies; all of them change on the main thread only.
 *
 * Properties:
 *   platform         MkPlatform, construct-only
 *   connected        gboolean: a connection row exists and says connected
 *   state            MkSyncState
 *   progress         double 0…1 while SYNCING (counts, media, storing)
 *   message          nullable string: why the last attempt failed or waits,
 *                    a sentence a person can read ("Instagram is limiting
 *                    requests; Mediakit will try again at 14:05.")
 *   needs-reconnect  gboolean: the platform refused the sign-in; only
 *                    Connections can fix it
 *   last-updated     nullable string, ISO 8601 UTC: when the newest stored
 *                    figures were fetched ("updated 3 hours ago"), kept
 *                    across failures
 *   retry-at         nullable GDateTime (UTC): while WAITING, the platform
 *                    is skipped until then */

typedef enum
{
  MK_SYNC_STATE_IDLE,     /* not synced in this session yet */
  MK_SYNC_STATE_SYNCING,
  MK_SYNC_STATE_DONE,     /* the last attempt succeeded */
  MK_SYNC_STATE_FAILED,   /* the last attempt failed; the old data stays */
  MK_SYNC_STATE_WAITING,  /* rate limited or out of quota until retry-at */
} MkSyncState;

#define MK_TYPE_SYNC_STATE (mk_sync_state_get_type ())
GType mk_sync_state_get_type (void) G_GNUC_CONST;

#define MK_TYPE_SYNC_STATUS (mk_sync_status_get_type ())

G_DECLARE_FINAL_TYPE (MkSyncStatus, mk_sync_status, MK, SYNC_STATUS, GObject)

MkSyncStatus *mk_sync_status_new                 (MkPlatform    platform);

MkPlatform    mk_sync_status_get_platform        (MkSyncStatus *self);
gboolean      mk_sync_status_get_connected       (MkSyncStatus *self);
MkSyncState   mk_sync_status_get_state           (MkSyncStatus *self);
double        mk_sync_status_get_progress        (MkSyncStatus *self);
const char   *mk_sync_status_get_message         (MkSyncStatus *self);
gboolean      mk_sync_status_get_needs_reconnect (MkSyncStatus *self);
const char   *mk_sync_status_get_last_updated    (MkSyncStatus *self);
GDateTime    *mk_sync_status_get_retry_at        (MkSyncStatus *self);

/* For MkSyncService only; the UI reads. */
void          mk_sync_status_set_connected       (MkSyncStatus *self,
                                                  gboolean      connected);
void          mk_sync_status_set_state           (MkSyncStatus *self,
                                                  MkSyncState   state);
void          mk_sync_status_set_progress        (MkSyncStatus *self,
                                                  double        progress);
void          mk_sync_status_set_message         (MkSyncStatus *self,
                                                  const char   *message);
void          mk_sync_status_set_needs_reconnect (MkSyncStatus *self,
                                                  gboolean      needs_reconnect);
void          mk_sync_status_set_last_updated    (MkSyncStatus *self,
                                                  const char   *last_updated);
void          mk_sync_status_set_retry_at        (MkSyncStatus *self,
                                                  GDateTime    *retry_at);

G_END_DECLS
