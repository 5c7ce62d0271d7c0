/* mk-thumbnail-cache.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-sync"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "mk-logs-table.h"
#include "mk-media-table.h"
#include "mk-store.h"
#include "mk-thumbnail-cache.h"

/* A handful at a time: enough to hide latency, few enough that the API
 * requests of a running sync are not starved of connections. */
#define MAX_DOWNLOADS 4
/* Rows per worker transaction: short, so that the main thread's own
 * writes (log rows) never wait long for the lock. */
#define FLUSH_BATCH 64

struct _MkThumbnailCache
{
  GObject       parent_instance;

  /* Owned */
  MkHttp       *http;
  char         *db_path;
  char         *user_id;
  char         *dir;
  GCancellable *cancellable;
  GQueue        queue;       /* Download* not started yet */
  GPtrArray    *done;        /* Outcome* waiting for the worker */
  GPtrArray    *waiters;     /* GTask of wait_async */

  guint64       cap;
  guint         active;      /* downloads under way */
  guint         preparing;   /* queue() checks on the worker */
  gboolean      flushing;

  /* Worker thread only (one job at a time, under the lock). */
  GMutex        worker_lock;
  MkStore      *worker_store;
};

G_DEFINE_FINAL_TYPE (MkThumbnailCache, mk_thumbnail_cache, G_TYPE_OBJECT)

enum {
  THUMBNAIL_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char       *media_id;
  MkPlatform  platform;
  char       *url;
  char       *file_name;
  char       *recorded;   /* thumbnail_file of the row now */
} Download;

typedef struct
{
  Download   *download;
  guint       status;
  char       *content_type;
  GBytes     *body;
  char       *error_message;
  char       *remote_address;
  gboolean    present;    /* already in the folder: only record it */
  gboolean    written;
} Outcome;

static void
download_free (Download *download)
{
  g_free (download->media_id);
  g_free (download->url);
  g_free (download->file_name);
  g_free (download->recorded);
  g_free (download);
}

static void
outcome_free (Outcome *outcome)
{
  g_clear_pointer (&outcome->download, download_free);
  g_free (outcome->content_type);
  g_clear_pointer (&outcome->body, g_bytes_unref);
  g_free (outcome->error_message);
  g_free (outcome->remote_address);
  g_free (outcome);
}

static void pump        (MkThumbnailCache *self);
static void maybe_flush (MkThumbnailCache *self);

static void
mk_thumbnail_cache_dispose (GObject *object)
{
  MkThumbnailCache *self = (MkThumbnailCache *)object;

  g_cancellable_cancel (self->cancellable);
  g_queue_clear_full (&self->queue, (GDestroyNotify) download_free);

  G_OBJECT_CLASS (mk_thumbnail_cache_parent_class)->dispose (object);
}

static void
mk_thumbnail_cache_finalize (GObject *object)
{
  MkThumbnailCache *self = (MkThumbnailCache *)object;

  g_clear_object (&self->http);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->worker_store);
  g_clear_pointer (&self->done, g_ptr_array_unref);
  g_clear_pointer (&self->waiters, g_ptr_array_unref);
  g_free (self->db_path);
  g_free (self->user_id);
  g_free (self->dir);
  g_mutex_clear (&self->worker_lock);

  G_OBJECT_CLASS (mk_thumbnail_cache_parent_class)->finalize (object);
}

static void
mk_thumbnail_cache_class_init (MkThumbnailCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mk_thumbnail_cache_dispose;
  object_class->finalize = mk_thumbnail_cache_finalize;

  signals[THUMBNAIL_READY] =
    g_signal_new ("thumbnail-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
mk_thumbnail_cache_init (MkThumbnailCache *self)
{
  g_queue_init (&self->queue);
  g_mutex_init (&self->worker_lock);
  self->cancellable = g_cancellable_new ();
  self->done = g_ptr_array_new_with_free_func ((GDestroyNotify) outcome_free);
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->cap = 50 * 1024 * 1024;
}

MkThumbnailCache *
mk_thumbnail_cache_new (MkHttp     *http,
                        const char *db_path,
                        const char *user_id,
                        const char *dir)
{
  MkThumbnailCache *self;

  g_return_val_if_fail (MK_IS_HTTP (http), NULL);
  g_return_val_if_fail (db_path != NULL && dir != NULL, NULL);

  self = g_object_new (MK_TYPE_THUMBNAIL_CACHE, NULL);
  self->http = g_object_ref (http);
  self->db_path = g_strdup (db_path);
  self->user_id = g_strdup (user_id);
  self->dir = g_strdup (dir);

  return self;
}

const char *
mk_thumbnail_cache_get_dir (MkThumbnailCache *self)
{
  g_return_val_if_fail (MK_IS_THUMBNAIL_CACHE (self), NULL);
  return self->dir;
}

void
mk_thumbnail_cache_set_cap (MkThumbnailCache *self,
                            guint64           bytes)
{
  g_return_if_fail (MK_IS_THUMBNAIL_CACHE (self));
  self->cap = bytes;
}

/* Media ids are the platform's, so the name cannot be guessed from outside
 * and never carries path characters. */
char *
mk_thumbnail_cache_file_name (MkPlatform  platform,
                              const char *platform_media_id)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", mk_platform_to_string (platform), platform_media_id);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
}

static gboolean
is_cache_file_name (const char *name)
{
  if (strlen (name) != 64)
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

static void
check_idle (MkThumbnailCache *self)
{
  g_autoptr(GPtrArray) waiters = NULL;

  if (!mk_thumbnail_cache_is_idle (self) || self->waiters->len == 0)
    return;

  waiters = g_steal_pointer (&self->waiters);
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    g_task_return_boolean (g_ptr_array_index (waiters, i), TRUE);
}

/* Worker side */

static MkStore *
worker_store (MkThumbnailCache  *self,
              GError           **error)
{
  if (self->worker_store == NULL)
    self->worker_store = mk_store_open (self->db_path, error);
  return self->worker_store;
}

static char *
url_without_query (const char *url)
{
  const char *cut = strpbrk (url, "?#");

  return cut != NULL ? g_strndup (url, cut - url) : g_strdup (url);
}

static void
log_outcome (MkThumbnailCache *self,
             MkStore          *store,
             Outcome          *outcome)
{
  g_autoptr(JsonBuilder) request = json_builder_new ();
  g_autoptr(JsonBuilder) response = json_builder_new ();
  g_autoptr(JsonNode) request_node = NULL;
  g_autoptr(JsonNode) response_node = NULL;
  g_autofree char *request_json = NULL;
  g_autofree char *response_json = NULL;
  g_autofree char *message = NULL;
  g_autofree char *bare_url = url_without_query (outcome->download->url);
  g_autoptr(GError) error = NULL;
  gsize size = outcome->body != NULL ? g_bytes_get_size (outcome->body) : 0;

  json_builder_begin_object (request);
  json_builder_set_member_name (request, "method");
  json_builder_add_string_value (request, "GET");
  json_builder_set_member_name (request, "url");
  json_builder_add_string_value (request, bare_url);
  json_builder_end_object (request);
  request_node = json_builder_get_root (request);
  request_json = json_to_string (request_node, FALSE);

  if (outcome->status != 0)
    {
      /* The body is an image: its size says enough. */
      json_builder_begin_object (response);
      json_builder_set_member_name (response, "status");
      json_builder_add_int_value (response, outcome->status);
      json_builder_set_member_name (response, "content_type");
      json_builder_add_string_value (response, outcome->content_type);
      json_builder_set_member_name (response, "bytes");
      json_builder_add_int_value (response, size);
      json_builder_end_object (response);
      response_node = json_builder_get_root (response);
      response_json = json_to_string (response_node, FALSE);
    }

  if (outcome->written)
    {
      g_autofree char *human = g_format_size (size);
      message = g_strdup_printf (_("Thumbnail downloaded (%s)"), human);
    }
  else
    message = g_strdup_printf (_("Could not download a thumbnail: %s"), outcome->error_message);

  if (!mk_store_log (store, self->user_id, outcome->download->platform, "fetch_thumbnail",
                     outcome->written ? MK_LOG_STATUS_SUCCESS : MK_LOG_STATUS_FAILURE,
                     message, request_json, response_json, outcome->remote_address, &error))
    g_warning ("Could not write a log row: %s", error->message);
}

typedef struct
{
  char   *name;
  guint64 size;
  gint64  mtime;
} CacheFile;

static int
compare_cache_files (gconstpointer a,
                     gconstpointer b)
{
  const CacheFile *fa = a;
  const CacheFile *fb = b;

  if (fa->mtime != fb->mtime)
    return fa->mtime < fb->mtime ? -1 : 1;
  return strcmp (fa->name, fb->name);
}

static void
cache_file_clear (CacheFile *file)
{
  g_free (file->name);
}

/* Deletes the oldest files until the folder is under the cap and returns
 * the names that went. */
static GHashTable *
trim_to_cap (MkThumbnailCache *self)
{
  g_autoptr(GHashTable) removed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) files = g_array_new (FALSE, FALSE, sizeof (CacheFile));
  g_autoptr(GDir) dir = g_dir_open (self->dir, 0, NULL);
  guint64 total = 0;
  const char *name;

  g_array_set_clear_func (files, (GDestroyNotify) cache_file_clear);
  if (dir == NULL)
    return g_steal_pointer (&removed);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;
      CacheFile file;

      if (!is_cache_file_name (name))
        continue;
      path = g_build_filename (self->dir, name, NULL);
      if (g_stat (path, &st) != 0)
        continue;
      file.name = g_strdup (name);
      file.size = st.st_size;
      file.mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
      total += file.size;
      g_array_append_val (files, file);
    }

  if (total <= self->cap)
    return g_steal_pointer (&removed);

  g_array_sort (files, compare_cache_files);
  for (guint i = 0; i < files->len && total > self->cap; i++)
    {
      CacheFile *file = &g_array_index (files, CacheFile, i);
      g_autofree char *path = g_build_filename (self->dir, file->name, NULL);

      if (g_unlink (path) == 0 || errno == ENOENT)
        {
          total -= file->size;
          g_hash_table_add (removed, g_strdup (file->name));
        }
    }

  return g_steal_pointer (&removed);
}

/* Rows whose file was evicted forget it, so the UI shows a placeholder and
 * the next sync downloads it again. */
static void
forget_removed (MkThumbnailCache *self,
                MkStore          *store,
                GHashTable       *removed)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (g_hash_table_size (removed) == 0)
    return;

  items = mk_store_media_list (store, self->user_id, MK_PLATFORM_NONE, 0, &error);
  if (items == NULL)
    {
      g_warning ("Could not list media to forget evicted thumbnails: %s", error->message);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      MkMediaItem *item = g_ptr_array_index (items, i);
      const char *file = mk_media_item_get_thumbnail_file (item);

      if (file != NULL && g_hash_table_contains (removed, file))
        mk_store_media_set_thumbnail_file (store, mk_media_item_get_id (item), NULL, NULL);
    }
}

static void
flush_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  MkThumbnailCache *self = source_object;
  GPtrArray *batch = task_data;
  g_autoptr(GHashTable) removed = NULL;
  g_autoptr(GError) error = NULL;
  MkStore *store;

  g_mutex_lock (&self->worker_lock);

  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    g_warning ("Could not create the thumbnail folder %s: %s", self->dir, g_strerror (errno));

  /* Files first, outside the transaction: the write lock is held only
   * for the rows. */
  for (guint i = 0; i < batch->len; i++)
    {
      Outcome *outcome = g_ptr_array_index (batch, i);
      g_autofree char *path = NULL;
      g_autoptr(GError) write_error = NULL;
      gsize len = 0;
      const char *data;

      if (outcome->present || outcome->error_message != NULL)
        continue;

      path = g_build_filename (self->dir, outcome->download->file_name, NULL);
      data = g_bytes_get_data (outcome->body, &len);
      /* CONSISTENT: a temporary file renamed over the name, so a reader
       * never sees half an image. */
      if (g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &write_error))
        outcome->written = TRUE;
      else
        outcome->error_message = g_strdup (write_error->message);
    }

  removed = trim_to_cap (self);

  store = worker_store (self, &error);
  if (store == NULL)
    {
      g_warning ("Could not open the database for thumbnails: %s", error->message);
      g_mutex_unlock (&self->worker_lock);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (!mk_store_transaction_begin (store, &error))
    {
      g_warning ("Could not record thumbnails: %s", error->message);
      g_mutex_unlock (&self->worker_lock);
      g_task_return_boolean (task, TRUE);
      return;
    }

  for (guint i = 0; i < batch->len; i++)
    {
      Outcome *outcome = g_ptr_array_index (batch, i);
      Download *download = outcome->download;
      gboolean kept = (outcome->written || outcome->present)
                      && !g_hash_table_contains (removed, download->file_name);

      if (!outcome->present)
        log_outcome (self, store, outcome);

      if (kept && g_strcmp0 (download->recorded, download->file_name) != 0)
        /* NOT_FOUND: a newer fetch replaced the row meanwhile; fine. */
        mk_store_media_set_thumbnail_file (store, download->media_id, download->file_name, NULL);

      outcome->written = kept;
    }

  forget_removed (self, store, removed);

  if (!mk_store_transaction_commit (store, &error))
    {
      g_warning ("Could not record thumbnails: %s", error->message);
      mk_store_transaction_rollback (store, NULL);
    }

  g_mutex_unlock (&self->worker_lock);
  g_task_return_boolean (task, TRUE);
}

static void
on_flushed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  MkThumbnailCache *self = MK_THUMBNAIL_CACHE (source);
  GPtrArray *batch = g_task_get_task_data (G_TASK (result));

  self->flushing = FALSE;

  for (guint i = 0; i < batch->len; i++)
    {
      Outcome *outcome = g_ptr_array_index (batch, i);
      g_autofree char *path = NULL;

      if (!outcome->written)
        continue;
      path = g_build_filename (self->dir, outcome->download->file_name, NULL);
      g_signal_emit (self, signals[THUMBNAIL_READY], 0, outcome->download->media_id, path);
    }

  maybe_flush (self);
  check_idle (self);
}

static void
maybe_flush (MkThumbnailCache *self)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *batch;

  if (self->flushing || self->done->len == 0)
    return;

  batch = g_ptr_array_new_with_free_func ((GDestroyNotify) outcome_free);
  while (self->done->len > 0 && batch->len < FLUSH_BATCH)
    g_ptr_array_add (batch, g_ptr_array_steal_index (self->done, 0));

  self->flushing = TRUE;
  /* Not the downloads' cancellable: what was downloaded is kept. */
  task = g_task_new (self, NULL, on_flushed, NULL);
  g_task_set_source_tag (task, maybe_flush);
  g_task_set_task_data (task, batch, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, flush_thread);
}

/* Downloads */

typedef struct
{
  MkThumbnailCache *self;
  Download         *download;
} DownloadCall;

static void
on_downloaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  DownloadCall *call = user_data;
  g_autoptr(MkThumbnailCache) self = call->self;
  g_autoptr(MkHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  Outcome *outcome;

  response = mk_http_send_finish (MK_HTTP (source), result, &error);
  self->active--;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      download_free (call->download);
      g_free (call);
      check_idle (self);
      return;
    }

  outcome = g_new0 (Outcome, 1);
  outcome->download = call->download;
  g_free (call);

  if (response == NULL)
    outcome->error_message = g_strdup (error->message);
  else
    {
      outcome->status = response->status;
      outcome->content_type = g_strdup (response->content_type);
      outcome->remote_address = g_strdup (response->remote_address);
      outcome->body = response->body != NULL ? g_bytes_ref (response->body) : NULL;
      if (response->status < 200 || response->status >= 300)
        outcome->error_message = g_strdup_printf (_("the server answered HTTP %u"), response->status);
      else if (outcome->body == NULL || g_bytes_get_size (outcome->body) == 0)
        outcome->error_message = g_strdup (_("the server sent an empty file"));
    }

  g_ptr_array_add (self->done, outcome);
  pump (self);
  maybe_flush (self);
  check_idle (self);
}

static void
pump (MkThumbnailCache *self)
{
  while (self->active < MAX_DOWNLOADS && !g_queue_is_empty (&self->queue))
    {
      Download *download = g_queue_pop_head (&self->queue);
      DownloadCall *call = g_new0 (DownloadCall, 1);
      MkHttpRequest request = {
        .method = "GET",
        .url = download->url,
        .platform = download->platform,
        .user_id = self->user_id,
        .action = NULL, /* logged by the worker, in batches */
      };

      call->self = g_object_ref (self);
      call->download = download;
      self->active++;
      mk_http_send_async (self->http, &request, self->cancellable, on_downloaded, call);
    }
}

/* queue(): which files are there already is a question for the disk, so
 * it is asked on the worker. */

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  MkThumbnailCache *self = source_object;
  GPtrArray *downloads = task_data;
  GPtrArray *present = g_ptr_array_new_with_free_func ((GDestroyNotify) outcome_free);

  for (guint i = downloads->len; i > 0; i--)
    {
      Download *download = g_ptr_array_index (downloads, i - 1);
      g_autofree char *path = g_build_filename (self->dir, download->file_name, NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      if (g_strcmp0 (download->recorded, download->file_name) != 0)
        {
          Outcome *outcome = g_new0 (Outcome, 1);

          outcome->download = g_ptr_array_steal_index (downloads, i - 1);
          outcome->present = TRUE;
          g_ptr_array_add (present, outcome);
        }
      else
        g_ptr_array_remove_index (downloads, i - 1);
    }

  g_task_return_pointer (task, present, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_prepared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  MkThumbnailCache *self = MK_THUMBNAIL_CACHE (source);
  GPtrArray *downloads = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) present = g_task_propagate_pointer (G_TASK (result), NULL);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  self->preparing--;

  if (!g_cancellable_is_cancelled (cancellable))
    {
      /* In the order given (newest first): those show first. */
      for (guint i = downloads->len; i > 0; i--)
        g_queue_push_head (&self->queue, g_ptr_array_steal_index (downloads, i - 1));
      g_ptr_array_extend_and_steal (self->done, g_steal_pointer (&present));
    }

  pump (self);
  maybe_flush (self);
  check_idle (self);
}

void
mk_thumbnail_cache_queue (MkThumbnailCache *self,
                          GPtrArray        *items)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *downloads;

  g_return_if_fail (MK_IS_THUMBNAIL_CACHE (self));
  g_return_if_fail (items != NULL);

  downloads = g_ptr_array_new_with_free_func ((GDestroyNotify) download_free);
  for (guint i = 0; i < items->len; i++)
    {
      MkMediaItem *item = g_ptr_array_index (items, i);
      const char *url = mk_media_item_get_thumbnail_url (item);
      Download *download;

      if (url == NULL || *url == '\0' || mk_media_item_get_id (item) == NULL
          || mk_media_item_get_platform_media_id (item) == NULL)
        continue;

      download = g_new0 (Download, 1);
      download->media_id = g_strdup (mk_media_item_get_id (item));
      download->platform = mk_media_item_get_platform (item);
      download->url = g_strdup (url);
      download->file_name = mk_thumbnail_cache_file_name (download->platform,
                                                          mk_media_item_get_platform_media_id (item));
      download->recorded = g_strdup (mk_media_item_get_thumbnail_file (item));
      g_ptr_array_add (downloads, download);
    }

  self->preparing++;
  task = g_task_new (self, self->cancellable, on_prepared, NULL);
  g_task_set_source_tag (task, mk_thumbnail_cache_queue);
  g_task_set_task_data (task, downloads, (GDestroyNotify) g_ptr_array_unref);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, prepare_thread);
}

void
mk_thumbnail_cache_cancel (MkThumbnailCache *self)
{
  g_return_if_fail (MK_IS_THUMBNAIL_CACHE (self));

  g_queue_clear_full (&self->queue, (GDestroyNotify) download_free);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  check_idle (self);
}

gboolean
mk_thumbnail_cache_is_idle (MkThumbnailCache *self)
{
  g_return_val_if_fail (MK_IS_THUMBNAIL_CACHE (self), TRUE);

  return self->active == 0 && self->preparing == 0 && !self->flushing
         && self->done->len == 0 && g_queue_is_empty (&self->queue);
}

void
mk_thumbnail_cache_wait_async (MkThumbnailCache    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MK_IS_THUMBNAIL_CACHE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_thumbnail_cache_wait_async);

  if (mk_thumbnail_cache_is_idle (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_ptr_array_add (self->waiters, g_steal_pointer (&task));
}

gboolean
mk_thumbnail_cache_wait_finish (MkThumbnailCache  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
