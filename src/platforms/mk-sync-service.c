/* mk-sync-service.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-sync"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "mk-engagement.h"
#include "mk-media-table.h"
#include "mk-metrics-table.h"
#include "mk-oauth-error.h"
#include "mk-platform-error.h"
#include "mk-sync-service.h"
#include "mk-sync-waits.h"
#include "mk-thumbnail-cache.h"
#include "mk-time.h"

/* Back-off without a hint from the platform (platform-apis.md §0.11). */
#define BACKOFF_START_SECONDS 2
#define BACKOFF_CAP_SECONDS   (15 * 60)

#define N_PLATFORMS 3

G_DEFINE_QUARK (mk-sync-error-quark, mk_sync_error)

typedef struct
{
  GCancellable *cancellable;
  GPtrArray    *waiters;    /* Waiter* */
  guint         pending;    /* platforms still under way */
  guint         fetching;   /* platforms whose requests are still out */
  GQueue        ready;      /* PlatformJob fetched, waiting to be stored */
  guint         failed;     /* failed or skipped */
  guint         attempted;
  MkSyncService *finishing; /* held while the logs are flushed */
} SyncRun;

typedef struct
{
  GTask        *task;
  GCancellable *cancellable;
  gulong        cancelled_id;
} Waiter;

struct _MkSyncService
{
  GObject              parent_instance;

  /* Owned */
  MkConnectionService *connections;
  MkStore             *store;
  GSettings           *settings;
  char                *user_id;
  char                *db_path;
  char                *thumbnail_dir;
  GListStore          *statuses;
  MkThumbnailCache    *thumbnails;
  SyncRun             *run;
  char                *waits_path;
  MkSyncWait           waits[N_PLATFORMS];
  gboolean             waits_changed;
  guint                media_limit;
  MkSyncClockFunc      clock;
  gpointer             clock_data;

  /* Worker thread only, under the lock. */
  GMutex               worker_lock;
  MkStore             *worker_store;
};

G_DEFINE_FINAL_TYPE (MkSyncService, mk_sync_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SYNCING,
  PROP_USER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PLATFORM_UPDATED,
  THUMBNAIL_READY,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const MkPlatform platforms[N_PLATFORMS] = {
  MK_PLATFORM_INSTAGRAM, MK_PLATFORM_FACEBOOK, MK_PLATFORM_YOUTUBE,
};

static int
platform_index (MkPlatform platform)
{
  for (int i = 0; i < N_PLATFORMS; i++)
    if (platforms[i] == platform)
      return i;
  return -1;
}

static GDateTime *
now_utc (MkSyncService *self)
{
  if (self->clock != NULL)
    return self->clock (self->clock_data);
  return g_date_time_new_now_utc ();
}

static void
waiter_free (Waiter *waiter)
{
  if (waiter->cancellable != NULL)
    g_cancellable_disconnect (waiter->cancellable, waiter->cancelled_id);
  g_clear_object (&waiter->cancellable);
  g_clear_object (&waiter->task);
  g_free (waiter);
}

static void
sync_run_free (SyncRun *run)
{
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->waiters, g_ptr_array_unref);
  g_free (run);
}

static void
on_connections_changed (MkConnectionService *connections,
                        MkPlatform           platform,
                        MkSyncService       *self)
{
  mk_sync_service_reload (self);
}

static void
on_thumbnail_ready (MkThumbnailCache *cache,
                    const char       *media_id,
                    const char       *path,
                    MkSyncService    *self)
{
  g_signal_emit (self, signals[THUMBNAIL_READY], 0, media_id, path);
}

static void
mk_sync_service_dispose (GObject *object)
{
  MkSyncService *self = (MkSyncService *)object;

  if (self->run != NULL)
    g_cancellable_cancel (self->run->cancellable);
  if (self->thumbnails != NULL)
    mk_thumbnail_cache_cancel (self->thumbnails);

  G_OBJECT_CLASS (mk_sync_service_parent_class)->dispose (object);
}

static void
mk_sync_service_finalize (GObject *object)
{
  MkSyncService *self = (MkSyncService *)object;

  g_clear_object (&self->thumbnails);
  g_clear_object (&self->statuses);
  g_clear_object (&self->connections);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->worker_store);
  g_free (self->user_id);
  g_free (self->db_path);
  g_free (self->waits_path);
  g_free (self->thumbnail_dir);
  g_mutex_clear (&self->worker_lock);

  G_OBJECT_CLASS (mk_sync_service_parent_class)->finalize (object);
}

static void
mk_sync_service_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MkSyncService *self = MK_SYNC_SERVICE (object);

  switch (prop_id)
    {
    case PROP_SYNCING:
      g_value_set_boolean (value, self->run != NULL);
      break;
    case PROP_USER_ID:
      g_value_set_string (value, self->user_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_sync_service_class_init (MkSyncServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mk_sync_service_dispose;
  object_class->finalize = mk_sync_service_finalize;
  object_class->get_property = mk_sync_service_get_property;

  properties[PROP_SYNCING] =
    g_param_spec_boolean ("syncing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_ID] =
    g_param_spec_string ("user-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PLATFORM_UPDATED] =
    g_signal_new ("platform-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, MK_TYPE_PLATFORM);
  signals[THUMBNAIL_READY] =
    g_signal_new ("thumbnail-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mk_sync_service_init (MkSyncService *self)
{
  g_mutex_init (&self->worker_lock);
  self->statuses = g_list_store_new (MK_TYPE_SYNC_STATUS);
  for (guint i = 0; i < N_PLATFORMS; i++)
    {
      g_autoptr(MkSyncStatus) status = mk_sync_status_new (platforms[i]);
      g_list_store_append (self->statuses, status);
    }
}

static char *
format_local_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* Within a day the hour says it; beyond, the date too. */
  if (g_date_time_difference (local, now) < 20 * G_TIME_SPAN_HOUR)
    return g_date_time_format (local, "%H:%M");
  return g_date_time_format (local, "%x %H:%M");
}

/* Says when a platform that limited requests will be asked again. */
static void
set_waiting (MkSyncStatus *status,
             GDateTime    *retry_at,
             gboolean      quota)
{
  const char *name = mk_platform_get_display_name (mk_sync_status_get_platform (status));
  g_autofree char *when = format_local_time (retry_at);
  g_autofree char *message = NULL;

  if (quota)
    message = g_strdup_printf (_("%s’s daily quota is used up; Mediakit will try again at %s."), name, when);
  else
    message = g_strdup_printf (_("%s is limiting requests; Mediakit will try again at %s."), name, when);

  mk_sync_status_set_retry_at (status, retry_at);
  mk_sync_status_set_message (status, message);
  mk_sync_status_set_state (status, MK_SYNC_STATE_WAITING);
  mk_sync_status_set_progress (status, 0.0);
}

/* A wait still running from an earlier process holds this one too. */
static void
restore_waits (MkSyncService *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  mk_sync_waits_read (self->waits_path, self->user_id, platforms, self->waits, N_PLATFORMS);
  for (guint i = 0; i < N_PLATFORMS; i++)
    {
      g_autoptr(GDateTime) retry_at = NULL;

      if (self->waits[i].retry_at <= g_date_time_to_unix (now))
        continue;
      retry_at = g_date_time_new_from_unix_utc (self->waits[i].retry_at);
      if (retry_at != NULL)
        set_waiting (mk_sync_service_get_status (self, platforms[i]), retry_at, self->waits[i].quota);
    }
}

MkSyncService *
mk_sync_service_new (MkConnectionService *connections,
                     MkStore             *store,
                     const char          *user_id,
                     const char          *cache_dir,
                     GSettings           *settings)
{
  MkSyncService *self;

  g_return_val_if_fail (MK_IS_CONNECTION_SERVICE (connections), NULL);
  g_return_val_if_fail (MK_IS_STORE (store), NULL);
  g_return_val_if_fail (user_id != NULL, NULL);
  g_return_val_if_fail (cache_dir != NULL, NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MK_TYPE_SYNC_SERVICE, NULL);
  self->connections = g_object_ref (connections);
  self->store = g_object_ref (store);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->user_id = g_strdup (user_id);
  self->db_path = g_strdup (mk_store_get_path (store));
  self->waits_path = mk_sync_waits_path (self->db_path);
  self->thumbnail_dir = g_build_filename (cache_dir, "thumbnails", NULL);
  self->thumbnails = mk_thumbnail_cache_new (mk_connection_service_get_http (connections),
                                             self->db_path, user_id, self->thumbnail_dir);
  g_signal_connect_object (self->thumbnails, "thumbnail-ready",
                           G_CALLBACK (on_thumbnail_ready), self, 0);
  g_signal_connect_object (connections, "changed",
                           G_CALLBACK (on_connections_changed), self, 0);

  restore_waits (self);
  mk_sync_service_reload (self);

  return self;
}

const char *
mk_sync_service_get_user_id (MkSyncService *self)
{
  g_return_val_if_fail (MK_IS_SYNC_SERVICE (self), NULL);
  return self->user_id;
}

gboolean
mk_sync_service_get_syncing (MkSyncService *self)
{
  g_return_val_if_fail (MK_IS_SYNC_SERVICE (self), FALSE);
  return self->run != NULL;
}

GListModel *
mk_sync_service_get_statuses (MkSyncService *self)
{
  g_return_val_if_fail (MK_IS_SYNC_SERVICE (self), NULL);
  return G_LIST_MODEL (self->statuses);
}

MkSyncStatus *
mk_sync_service_get_status (MkSyncService *self,
                            MkPlatform     platform)
{
  MkSyncStatus *status;
  int index;

  g_return_val_if_fail (MK_IS_SYNC_SERVICE (self), NULL);

  index = platform_index (platform);
  if (index < 0)
    return NULL;

  /* Borrowed, as the header promises: the list store keeps its own ref. */
  status = g_list_model_get_item (G_LIST_MODEL (self->statuses), index);
  g_object_unref (status);
  return status;
}

const char *
mk_sync_service_get_thumbnail_dir (MkSyncService *self)
{
  g_return_val_if_fail (MK_IS_SYNC_SERVICE (self), NULL);
  return self->thumbnail_dir;
}

void
mk_sync_service_set_clock (MkSyncService   *self,
                           MkSyncClockFunc  func,
                           gpointer         user_data)
{
  g_return_if_fail (MK_IS_SYNC_SERVICE (self));
  self->clock = func;
  self->clock_data = user_data;
}

void
mk_sync_service_set_media_limit (MkSyncService *self,
                                 guint          max_items)
{
  g_return_if_fail (MK_IS_SYNC_SERVICE (self));
  self->media_limit = max_items;
}

void
mk_sync_service_set_thumbnail_cap (MkSyncService *self,
                                   guint64        bytes)
{
  g_return_if_fail (MK_IS_SYNC_SERVICE (self));
  mk_thumbnail_cache_set_cap (self->thumbnails, bytes);
}

void
mk_sync_service_reload (MkSyncService *self)
{
  g_return_if_fail (MK_IS_SYNC_SERVICE (self));

  for (guint i = 0; i < N_PLATFORMS; i++)
    {
      MkSyncStatus *status = mk_sync_service_get_status (self, platforms[i]);
      g_autoptr(MkMetricsSnapshot) latest = NULL;
      g_autofree char *reason = NULL;
      MkConnectionState state;

      state = mk_connection_service_get_state (self->connections, platforms[i], &reason);
      mk_sync_status_set_connected (status, state != MK_CONNECTION_STATE_NOT_CONNECTED);

      /* Reconnected in Preferences: the old complaint no longer holds. */
      if (mk_sync_status_get_needs_reconnect (status) && state != MK_CONNECTION_STATE_NEEDS_RECONNECT
          && mk_sync_status_get_state (status) == MK_SYNC_STATE_FAILED)
        {
          mk_sync_status_set_state (status, MK_SYNC_STATE_IDLE);
          mk_sync_status_set_message (status, NULL);
        }
      mk_sync_status_set_needs_reconnect (status, state == MK_CONNECTION_STATE_NEEDS_RECONNECT);
      if (state == MK_CONNECTION_STATE_NEEDS_RECONNECT && mk_sync_status_get_state (status) != MK_SYNC_STATE_SYNCING)
        {
          g_autofree char *message = g_strdup_printf (_("%s needs to be connected again: %s"),
                                                      mk_platform_get_display_name (platforms[i]),
                                                      reason != NULL ? reason : _("the platform refused the sign-in"));
          mk_sync_status_set_state (status, MK_SYNC_STATE_FAILED);
          mk_sync_status_set_message (status, message);
        }

      /* An indexed one-row query: fine on the main thread. */
      latest = mk_store_metrics_latest (self->store, self->user_id, platforms[i], NULL);
      if (latest != NULL)
        mk_sync_status_set_last_updated (status, mk_metrics_snapshot_get_last_updated (latest));
    }
}

/* One platform of a run */

typedef struct
{
  MkSyncService      *self;
  SyncRun            *run;
  MkPlatform          platform;
  MkSyncStatus       *status;
  MkPlatformProvider *provider;
  char               *token;
  char               *platform_user_id;
  gboolean            retried;
  gboolean            media_step;
  gboolean            fetching;
  MkMetricsSnapshot  *snapshot;
  GPtrArray          *media;
  MkEngagementMethod  method;
} PlatformJob;

static void
platform_job_free (PlatformJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->status);
  g_clear_pointer (&job->token, mk_vault_secret_free);
  g_free (job->platform_user_id);
  g_clear_object (&job->snapshot);
  g_clear_pointer (&job->media, g_ptr_array_unref);
  g_free (job);
}

static void finish_run     (MkSyncService *self);
static void fetch_step     (PlatformJob   *job);
static void store_results  (PlatformJob   *job);

/* The big writes (500 media in one transaction) wait until no platform of
 * the run has requests out: each request writes a logs row on the main
 * thread, and that insert would wait for the worker's write lock — a
 * stall of the whole window. Fetching still overlaps fully. */
static void
fetch_finished (PlatformJob *job)
{
  SyncRun *run = job->run;

  if (!job->fetching)
    return;
  job->fetching = FALSE;
  g_assert (run->fetching > 0);
  run->fetching--;

  if (run->fetching == 0)
    while (!g_queue_is_empty (&run->ready))
      store_results (g_queue_pop_head (&run->ready));
}

static void
platform_done (PlatformJob *job,
               gboolean     ok)
{
  MkSyncService *self = g_object_ref (job->self);
  SyncRun *run = job->run;

  if (!ok)
    run->failed++;
  g_assert (run->pending > 0);
  run->pending--;
  platform_job_free (job);

  if (run->pending == 0)
    finish_run (self);
  g_object_unref (self);
}

/* Next midnight in California, where YouTube's quota resets. */
static GDateTime *
next_pacific_midnight (GDateTime *now)
{
  g_autoptr(GTimeZone) pacific = g_time_zone_new_identifier ("America/Los_Angeles");
  g_autoptr(GDateTime) there = NULL;
  g_autoptr(GDateTime) midnight = NULL;

  /* Without tzdata: standard time, off by an hour in summer at worst. */
  if (pacific == NULL)
    pacific = g_time_zone_new_offset (-8 * 3600);
  there = g_date_time_to_timezone (now, pacific);
  midnight = g_date_time_new (pacific, g_date_time_get_year (there), g_date_time_get_month (there),
                              g_date_time_get_day_of_month (there), 0, 0, 0);
  return g_date_time_add_days (midnight, 1);
}

static gboolean
is_rate_limit (const GError *error,
               gboolean     *quota)
{
  *quota = g_error_matches (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_QUOTA_EXCEEDED);
  return *quota
         || g_error_matches (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_RATE_LIMITED)
         || g_error_matches (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_RATE_LIMITED);
}

static gboolean
needs_reconnect (const GError *error)
{
  return g_error_matches (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_TOKEN_EXPIRED)
         || g_error_matches (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_TOKEN_INVALID)
         || mk_oauth_error_needs_reconnect (error);
}

static void
platform_failed (PlatformJob  *job,
                 const GError *error)
{
  MkSyncService *self = job->self;
  MkSyncStatus *status = job->status;
  const char *name = mk_platform_get_display_name (job->platform);
  g_autofree char *message = NULL;
  gboolean quota = FALSE;

  fetch_finished (job);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Stopped by the person: nothing failed, the old data stands. */
      mk_sync_status_set_state (status, mk_sync_status_get_last_updated (status) != NULL
                                        ? MK_SYNC_STATE_DONE : MK_SYNC_STATE_IDLE);
      mk_sync_status_set_progress (status, 0.0);
      platform_done (job, FALSE);
      return;
    }

  if (g_error_matches (error, MK_OAUTH_ERROR, MK_OAUTH_ERROR_NOT_CONNECTED))
    {
      mk_sync_status_set_connected (status, FALSE);
      mk_sync_status_set_state (status, MK_SYNC_STATE_IDLE);
      mk_sync_status_set_message (status, NULL);
      platform_done (job, FALSE);
      return;
    }

  if (is_rate_limit (error, &quota))
    {
      int index = platform_index (job->platform);
      g_autoptr(GDateTime) now = now_utc (self);
      g_autoptr(GDateTime) retry_at = NULL;
      gint64 delay = mk_platform_error_get_retry_after (error);

      self->waits[index].failures++;
      if (quota)
        /* The platform's hint was reckoned from its own clock; the reset
         * is a fixed instant, so take it from ours. */
        retry_at = next_pacific_midnight (now);
      else
        {
          if (delay < 0)
            {
              /* Exponential, with ±20 % jitter so that several clients do
               * not come back in step. */
              guint shift = MIN (self->waits[index].failures - 1, 16);
              gint64 base = MIN ((gint64) BACKOFF_START_SECONDS << shift, BACKOFF_CAP_SECONDS);

              delay = (gint64) (base * g_random_double_range (0.8, 1.2));
              delay = CLAMP (delay, 1, BACKOFF_CAP_SECONDS);
            }
          retry_at = g_date_time_add_seconds (now, delay);
        }

      self->waits[index].retry_at = g_date_time_to_unix (retry_at);
      self->waits[index].quota = quota;
      self->waits_changed = TRUE;
      set_waiting (status, retry_at, quota);
      platform_done (job, FALSE);
      return;
    }

  if (needs_reconnect (error))
    {
      /* The connection service marks it for Preferences → Connections too
       * (a refused refresh already did). */
      if (!mk_oauth_error_needs_reconnect (error))
        mk_connection_service_mark_needs_reconnect (self->connections, job->platform, error->message);
      message = g_strdup_printf (_("%s needs to be connected again: %s"), name, error->message);
      mk_sync_status_set_needs_reconnect (status, TRUE);
    }
  else
    message = g_strdup_printf (_("Could not update %s: %s"), name, error->message);

  mk_sync_status_set_message (status, message);
  mk_sync_status_set_state (status, MK_SYNC_STATE_FAILED);
  mk_sync_status_set_progress (status, 0.0);
  platform_done (job, FALSE);
}

/* Storing, on the worker */

static MkEngagementMethod
engagement_method (MkSyncService *self)
{
  g_autofree char *formula = NULL;

  if (self->settings == NULL)
    return MK_ENGAGEMENT_METHOD_MEDIAN;
  formula = g_settings_get_string (self->settings, "engagement-formula");
  return g_strcmp0 (formula, "mean") == 0 ? MK_ENGAGEMENT_METHOD_MEAN : MK_ENGAGEMENT_METHOD_MEDIAN;
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  MkSyncService *self = source_object;
  PlatformJob *job = task_data;
  g_autoptr(GError) error = NULL;
  MkEngagement engagement;
  gint64 started;

  /* 500 items sort and sum in microseconds, but they are here anyway. */
  mk_engagement_compute (job->platform, mk_metrics_snapshot_get_follower_count (job->snapshot),
                         job->media, job->method, &engagement);
  mk_metrics_snapshot_set_engagement_rate (job->snapshot, engagement.rate);

  g_mutex_lock (&self->worker_lock);
  started = g_get_monotonic_time ();

  if (self->worker_store == NULL)
    self->worker_store = mk_store_open (self->db_path, &error);

  /* The figures and the media change together or not at all. */
  if (self->worker_store == NULL
      || !mk_store_transaction_begin (self->worker_store, &error))
    goto out;

  if (!mk_store_metrics_append (self->worker_store, job->snapshot, &error)
      || !mk_store_media_replace (self->worker_store, self->user_id, job->platform, job->media, &error))
    {
      mk_store_transaction_rollback (self->worker_store, NULL);
      goto out;
    }

  if (!mk_store_transaction_commit (self->worker_store, &error))
    mk_store_transaction_rollback (self->worker_store, NULL);

out:
  g_mutex_unlock (&self->worker_lock);
  g_debug ("Stored %u media of %s in %.1f ms", job->media->len, mk_platform_to_string (job->platform),
           (g_get_monotonic_time () - started) / 1000.0);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PlatformJob *job = user_data;
  MkSyncService *self = job->self;
  MkSyncStatus *status = job->status;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autoptr(GError) wrapped = NULL;

      g_set_error (&wrapped, MK_SYNC_ERROR, MK_SYNC_ERROR_PARTIAL,
                   _("the figures could not be saved (%s)"), error->message);
      platform_failed (job, wrapped);
      return;
    }

  {
    MkSyncWait *wait = &self->waits[platform_index (job->platform)];

    if (wait->retry_at != 0 || wait->failures != 0)
      {
        *wait = (MkSyncWait) { 0 };
        self->waits_changed = TRUE;
      }
  }
  mk_sync_status_set_retry_at (status, NULL);
  mk_sync_status_set_needs_reconnect (status, FALSE);
  mk_sync_status_set_message (status, NULL);
  mk_sync_status_set_last_updated (status, mk_metrics_snapshot_get_last_updated (job->snapshot));
  mk_sync_status_set_progress (status, 1.0);
  mk_sync_status_set_state (status, MK_SYNC_STATE_DONE);
  g_signal_emit (self, signals[PLATFORM_UPDATED], 0, job->platform);

  /* Items now carry their row ids and the files they already have. */
  mk_thumbnail_cache_queue (self->thumbnails, job->media);

  platform_done (job, TRUE);
}

static void
store_results (PlatformJob *job)
{
  MkSyncService *self = job->self;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = now_utc (self);
  g_autofree char *timestamp = mk_time_format_timestamp (now);

  mk_metrics_snapshot_set_user_id (job->snapshot, self->user_id);
  mk_metrics_snapshot_set_platform (job->snapshot, job->platform);
  mk_metrics_snapshot_set_last_updated (job->snapshot, timestamp);
  job->method = engagement_method (self);
  mk_sync_status_set_progress (job->status, 0.9);

  /* Not cancellable: what was fetched is worth keeping. */
  task = g_task_new (self, NULL, on_stored, job);
  g_task_set_source_tag (task, store_results);
  g_task_set_task_data (task, job, NULL);
  g_task_run_in_thread (task, store_thread);
}

/* Fetching */

static void
on_token (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  PlatformJob *job = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&job->token, mk_vault_secret_free);
  job->token = mk_connection_service_get_access_token_finish (MK_CONNECTION_SERVICE (source), result, &error);
  if (job->token == NULL)
    {
      platform_failed (job, error);
      return;
    }

  if (!job->retried)
    mk_sync_status_set_progress (job->status, 0.1);
  fetch_step (job);
}

/* An expired token: one refresh (shared with any other caller), then the
 * failed request once more. */
static gboolean
retry_after_refresh (PlatformJob  *job,
                     const GError *error)
{
  if (job->retried || !g_error_matches (error, MK_PLATFORM_ERROR, MK_PLATFORM_ERROR_TOKEN_EXPIRED))
    return FALSE;

  job->retried = TRUE;
  mk_connection_service_get_access_token_async (job->self->connections, job->platform, TRUE,
                                                job->run->cancellable, on_token, job);
  return TRUE;
}

static void
on_media (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  PlatformJob *job = user_data;
  g_autoptr(GError) error = NULL;

  job->media = mk_platform_provider_fetch_media_finish (MK_PLATFORM_PROVIDER (source), result, &error);
  if (job->media == NULL)
    {
      if (!retry_after_refresh (job, error))
        platform_failed (job, error);
      return;
    }

  mk_sync_status_set_progress (job->status, 0.8);
  g_queue_push_tail (&job->run->ready, job);
  fetch_finished (job);
}

static void
on_counts (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PlatformJob *job = user_data;
  g_autoptr(GError) error = NULL;

  job->snapshot = mk_platform_provider_fetch_counts_finish (MK_PLATFORM_PROVIDER (source), result, &error);
  if (job->snapshot == NULL)
    {
      if (!retry_after_refresh (job, error))
        platform_failed (job, error);
      return;
    }

  job->media_step = TRUE;
  mk_sync_status_set_progress (job->status, 0.4);
  fetch_step (job);
}

static void
fetch_step (PlatformJob *job)
{
  MkHttp *http = mk_connection_service_get_http (job->self->connections);

  if (!job->media_step)
    mk_platform_provider_fetch_counts_async (job->provider, http, job->token, job->platform_user_id,
                                             job->self->user_id, job->run->cancellable, on_counts, job);
  else
    mk_platform_provider_fetch_media_async (job->provider, http, job->token, job->platform_user_id,
                                            job->self->user_id, job->self->media_limit,
                                            job->run->cancellable, on_media, job);
}

static void
start_platform (MkSyncService *self,
                MkPlatform     platform)
{
  PlatformJob *job = g_new0 (PlatformJob, 1);
  g_autoptr(MkConnection) connection = mk_connection_service_get_connection (self->connections, platform);

  job->platform_user_id = connection != NULL ? g_strdup (mk_connection_get_platform_user_id (connection)) : NULL;
  job->self = g_object_ref (self);
  job->run = self->run;
  job->platform = platform;
  job->status = g_object_ref (mk_sync_service_get_status (self, platform));
  job->provider = mk_connection_service_get_provider (self->connections, platform);

  self->run->pending++;
  self->run->fetching++;
  job->fetching = TRUE;
  self->run->attempted++;
  mk_sync_status_set_retry_at (job->status, NULL);
  mk_sync_status_set_message (job->status, NULL);
  mk_sync_status_set_progress (job->status, 0.0);
  mk_sync_status_set_state (job->status, MK_SYNC_STATE_SYNCING);

  mk_connection_service_get_access_token_async (self->connections, platform, FALSE,
                                                self->run->cancellable, on_token, job);
}

/* The run */

static void
complete_run (MkSyncService *self,
              SyncRun       *run)
{
  gboolean cancelled = g_cancellable_is_cancelled (run->cancellable);

  for (guint i = 0; i < run->waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (run->waiters, i);

      if (cancelled)
        g_task_return_new_error (waiter->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                 _("The sync was cancelled"));
      else if (run->attempted == 0)
        g_task_return_new_error (waiter->task, MK_SYNC_ERROR, MK_SYNC_ERROR_NOTHING_CONNECTED,
                                 _("No platform is connected. Connect Instagram, Facebook or YouTube in Preferences → Connections."));
      else if (run->failed > 0)
        g_task_return_new_error (waiter->task, MK_SYNC_ERROR, MK_SYNC_ERROR_PARTIAL,
                                 ngettext ("%u platform could not be updated",
                                           "%u platforms could not be updated", run->failed),
                                 run->failed);
      else
        g_task_return_boolean (waiter->task, TRUE);
    }

  sync_run_free (run);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
on_run_logs_flushed (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SyncRun *run = user_data;
  g_autoptr(MkSyncService) self = g_steal_pointer (&run->finishing);

  mk_log_writer_flush_finish (MK_LOG_WRITER (source), result, NULL);
  complete_run (self, run);
}

static void
flush_run_logs (MkSyncService *self,
                SyncRun       *run)
{
  MkLogWriter *writer = mk_http_get_log_writer (mk_connection_service_get_http (self->connections));

  if (writer == NULL)
    {
      complete_run (self, run);
      return;
    }

  run->finishing = g_object_ref (self);
  mk_log_writer_flush_async (writer, NULL, on_run_logs_flushed, run);
}

typedef struct
{
  char       *path;
  char       *user_id;
  MkSyncWait  waits[N_PLATFORMS];
  SyncRun    *run;
} WaitsWrite;

static void
waits_write_free (WaitsWrite *write)
{
  g_free (write->path);
  g_free (write->user_id);
  g_free (write);
}

static void
waits_write_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  WaitsWrite *write = task_data;
  GError *error = NULL;

  if (!mk_sync_waits_write (write->path, write->user_id, platforms, write->waits, N_PLATFORMS, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_waits_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MkSyncService *self = MK_SYNC_SERVICE (source);
  WaitsWrite *write = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* Not kept, the waits still hold in this process; a restart would only
   * ask once too early. */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_message ("The platforms' waits could not be kept: %s", error->message);
  flush_run_logs (self, write->run);
}

/* A finished sync has its logs rows in the table: the request rows are
 * queued on the log writer, so the run ends when they are written. A wait
 * that began or ended is on disk before that, so that a process started
 * after the run (or the command line that ran it) sees it. */
static void
finish_run (MkSyncService *self)
{
  SyncRun *run = g_steal_pointer (&self->run);
  g_autoptr(GTask) task = NULL;
  WaitsWrite *write;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);

  if (!self->waits_changed)
    {
      flush_run_logs (self, run);
      return;
    }

  self->waits_changed = FALSE;
  write = g_new0 (WaitsWrite, 1);
  write->path = g_strdup (self->waits_path);
  write->user_id = g_strdup (self->user_id);
  memcpy (write->waits, self->waits, sizeof write->waits);
  write->run = run;
  task = g_task_new (self, NULL, on_waits_written, NULL);
  g_task_set_source_tag (task, finish_run);
  g_task_set_task_data (task, write, (GDestroyNotify) waits_write_free);
  g_task_run_in_thread (task, waits_write_thread);
}

static void
on_caller_cancelled (GCancellable *cancellable,
                     GCancellable *run_cancellable)
{
  g_cancellable_cancel (run_cancellable);
}

/* Counted as attempted-and-failed: a sync that skipped a platform did not
 * bring it up to date, and the command line must say so. */
static void
skip_platform (MkSyncService *self,
               MkSyncStatus  *status)
{
  self->run->attempted++;
  self->run->failed++;
}

static gboolean
complete_if_nothing_pending (gpointer user_data)
{
  MkSyncService *self = user_data;

  if (self->run != NULL && self->run->pending == 0)
    finish_run (self);
  return G_SOURCE_REMOVE;
}

void
mk_sync_service_sync_async (MkSyncService       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Waiter *waiter;
  gboolean starting;

  g_return_if_fail (MK_IS_SYNC_SERVICE (self));

  starting = self->run == NULL;
  if (starting)
    {
      self->run = g_new0 (SyncRun, 1);
      g_queue_init (&self->run->ready);
      self->run->cancellable = g_cancellable_new ();
      self->run->waiters = g_ptr_array_new_with_free_func ((GDestroyNotify) waiter_free);
    }

  waiter = g_new0 (Waiter, 1);
  waiter->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (waiter->task, mk_sync_service_sync_async);
  /* The run's own cancellable decides; a caller's only stops the run. */
  g_task_set_check_cancellable (waiter->task, FALSE);
  g_ptr_array_add (self->run->waiters, waiter);
  if (cancellable != NULL)
    {
      waiter->cancellable = g_object_ref (cancellable);
      waiter->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled),
                                                    g_object_ref (self->run->cancellable),
                                                    g_object_unref);
    }

  if (!starting)
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
  mk_sync_service_reload (self);

  for (guint i = 0; i < N_PLATFORMS; i++)
    {
      MkSyncStatus *status = mk_sync_service_get_status (self, platforms[i]);
      GDateTime *retry_at = mk_sync_status_get_retry_at (status);

      if (!mk_sync_status_get_connected (status))
        continue;

      if (mk_sync_status_get_needs_reconnect (status))
        {
          skip_platform (self, status);
          continue;
        }

      if (retry_at != NULL)
        {
          g_autoptr(GDateTime) now = now_utc (self);

          if (g_date_time_compare (now, retry_at) < 0)
            {
              skip_platform (self, status);
              continue;
            }
        }

      start_platform (self, platforms[i]);
    }

  /* Nothing started: finish from the main loop, as async calls must. */
  if (self->run->pending == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT, complete_if_nothing_pending, g_object_ref (self), g_object_unref);
}

gboolean
mk_sync_service_sync_finish (MkSyncService  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
mk_sync_service_sync_if_stale (MkSyncService *self)
{
  g_autoptr(GDateTime) now = NULL;
  gboolean any_connected = FALSE;
  gboolean stale = FALSE;
  int hours = 6;

  g_return_val_if_fail (MK_IS_SYNC_SERVICE (self), FALSE);

  if (self->run != NULL)
    return TRUE;

  if (self->settings != NULL)
    hours = g_settings_get_int (self->settings, "sync-interval-hours");

  mk_sync_service_reload (self);
  now = now_utc (self);

  for (guint i = 0; i < N_PLATFORMS; i++)
    {
      MkSyncStatus *status = mk_sync_service_get_status (self, platforms[i]);
      const char *last = mk_sync_status_get_last_updated (status);
      g_autoptr(GDateTime) when = NULL;

      if (!mk_sync_status_get_connected (status) || mk_sync_status_get_needs_reconnect (status))
        continue;

      any_connected = TRUE;
      when = last != NULL ? mk_time_parse_timestamp (last) : NULL;
      if (when == NULL || g_date_time_difference (now, when) >= (GTimeSpan) hours * G_TIME_SPAN_HOUR)
        stale = TRUE;
    }

  if (!any_connected || !stale)
    return FALSE;

  mk_sync_service_sync_async (self, NULL, NULL, NULL);
  return TRUE;
}

void
mk_sync_service_cancel (MkSyncService *self)
{
  g_return_if_fail (MK_IS_SYNC_SERVICE (self));

  if (self->run != NULL)
    g_cancellable_cancel (self->run->cancellable);
  mk_thumbnail_cache_cancel (self->thumbnails);
}

static void
on_thumbnails_idle (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!mk_thumbnail_cache_wait_finish (MK_THUMBNAIL_CACHE (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
mk_sync_service_wait_thumbnails_async (MkSyncService       *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MK_IS_SYNC_SERVICE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_sync_service_wait_thumbnails_async);
  mk_thumbnail_cache_wait_async (self->thumbnails, cancellable, on_thumbnails_idle, g_steal_pointer (&task));
}

gboolean
mk_sync_service_wait_thumbnails_finish (MkSyncService  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
