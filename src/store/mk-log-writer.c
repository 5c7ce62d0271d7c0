/* mk-log-writer.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include "mk-log-writer.h"
#include "mk-store-private.h"
#include "mk-time.h"
#include "mk-uuid.h"

#define DEFAULT_DELAY_MS 50
#define DEFAULT_MAX_ROWS 200

typedef struct
{
  GTask   *task;
  guint64  target;    /* rows queued when the flush was asked for */
} Flush;

struct _MkLogWriter
{
  GObject       parent_instance;

  /* Owned, set once */
  MkStore      *store;      /* log-added is emitted on it */
  char         *db_path;
  GMainContext *context;    /* where log-added and flushes complete */

  /* Main context only */
  GPtrArray    *flushes;    /* Flush* */

  /* Under lock */
  GMutex        lock;
  GCond         cond;
  GThread      *thread;
  GPtrArray    *queue;      /* MkLogEntry waiting for the thread */
  GPtrArray    *committed;  /* MkLogEntry written, log-added not emitted yet */
  GSource      *announce;   /* pending idle in context, or NULL */
  guint64       queued;     /* rows ever queued */
  guint64       written;    /* rows ever taken care of (written or warned about) */
  guint64       flush_to;   /* a flush wants the rows up to here now */
  guint         delay_ms;
  guint         max_rows;
  gboolean      quit;
};

G_DEFINE_FINAL_TYPE (MkLogWriter, mk_log_writer, G_TYPE_OBJECT)

static void announce (MkLogWriter *self);

/* The thread */

/* One transaction; a row that fails (validation) is left out alone, as
 * mk_store_logs_insert() rolls back its own savepoint. @written gets what
 * went in, for log-added. */
static gboolean
write_batch (MkStore    *store,
             GPtrArray  *batch,
             GPtrArray  *written,
             GError    **error)
{
  g_ptr_array_set_size (written, 0);
  if (!mk_store_transaction_begin (store, error))
    return FALSE;

  for (guint i = 0; i < batch->len; i++)
    {
      g_autoptr(GError) row_error = NULL;
      MkLogEntry *entry = g_ptr_array_index (batch, i);

      if (mk_store_logs_insert (store, entry, &row_error))
        g_ptr_array_add (written, g_object_ref (entry));
      else
        g_warning ("Could not write a log row: %s", row_error->message);
    }

  if (!mk_store_transaction_commit (store, error))
    {
      mk_store_transaction_rollback (store, NULL);
      g_ptr_array_set_size (written, 0);
      return FALSE;
    }
  return TRUE;
}

static gboolean
on_announce (gpointer user_data)
{
  announce (user_data);
  return G_SOURCE_REMOVE;
}

/* With the lock held. */
static void
schedule_announce_locked (MkLogWriter *self)
{
  if (self->announce != NULL)
    return;

  self->announce = g_idle_source_new ();
  g_source_set_priority (self->announce, G_PRIORITY_DEFAULT);
  /* No reference: dispose destroys the source, so dropping the last
   * reference still flushes at once rather than at the next idle. */
  g_source_set_callback (self->announce, on_announce, self, NULL);
  g_source_set_static_name (self->announce, "[mediakit] log writer");
  g_source_attach (self->announce, self->context);
}

static gpointer
writer_thread (gpointer user_data)
{
  MkLogWriter *self = user_data;
  g_autoptr(MkStore) store = NULL;

  g_mutex_lock (&self->lock);
  for (;;)
    {
      g_autoptr(GPtrArray) batch = NULL;
      g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;
      gint64 deadline;

      while (!self->quit && self->queue->len == 0)
        g_cond_wait (&self->cond, &self->lock);
      if (self->queue->len == 0)
        break;

      /* Gather a batch: until the delay is over, the batch is full, or
       * someone waits for these rows. */
      deadline = g_get_monotonic_time () + self->delay_ms * G_TIME_SPAN_MILLISECOND;
      while (!self->quit
             && self->queue->len < self->max_rows
             && self->flush_to <= self->written
             && g_cond_wait_until (&self->cond, &self->lock, deadline))
        ;

      batch = g_steal_pointer (&self->queue);
      self->queue = g_ptr_array_new_with_free_func (g_object_unref);
      g_mutex_unlock (&self->lock);

      if (store == NULL)
        store = mk_store_open (self->db_path, &error);
      /* One more try: the lock may have been held past busy_timeout. */
      if (store == NULL
          || (!write_batch (store, batch, written, &error)
              && (g_clear_error (&error), !write_batch (store, batch, written, &error))))
        g_warning ("Could not write %u log rows: %s", batch->len, error->message);

      g_mutex_lock (&self->lock);
      self->written += batch->len;
      g_ptr_array_extend_and_steal (self->committed, g_steal_pointer (&written));
      schedule_announce_locked (self);
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->lock);

  return NULL;
}

/* The main context */

static void
announce (MkLogWriter *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) done = g_ptr_array_new ();
  guint64 written;

  g_mutex_lock (&self->lock);
  entries = g_steal_pointer (&self->committed);
  self->committed = g_ptr_array_new_with_free_func (g_object_unref);
  written = self->written;
  if (self->announce != NULL)
    {
      g_source_destroy (self->announce);
      g_clear_pointer (&self->announce, g_source_unref);
    }
  g_mutex_unlock (&self->lock);

  for (guint i = 0; i < entries->len; i++)
    mk_store_emit_log_added (self->store, g_ptr_array_index (entries, i));

  for (guint i = self->flushes->len; i > 0; i--)
    {
      Flush *flush = g_ptr_array_index (self->flushes, i - 1);

      if (flush->target <= written)
        g_ptr_array_add (done, g_ptr_array_steal_index (self->flushes, i - 1));
    }
  /* In the order they were asked for. */
  for (guint i = done->len; i > 0; i--)
    {
      Flush *flush = g_ptr_array_index (done, i - 1);

      g_task_return_boolean (flush->task, TRUE);
      g_object_unref (flush->task);
      g_free (flush);
    }
}

static void
mk_log_writer_dispose (GObject *object)
{
  MkLogWriter *self = (MkLogWriter *)object;

  if (self->thread != NULL)
    {
      mk_log_writer_flush (self);

      g_mutex_lock (&self->lock);
      self->quit = TRUE;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->lock);
      g_clear_pointer (&self->thread, g_thread_join);
    }

  /* Disposed outside its context: the rows are written, only their
   * log-added is not emitted. */
  g_mutex_lock (&self->lock);
  if (self->announce != NULL)
    {
      g_source_destroy (self->announce);
      g_clear_pointer (&self->announce, g_source_unref);
    }
  g_mutex_unlock (&self->lock);

  G_OBJECT_CLASS (mk_log_writer_parent_class)->dispose (object);
}

static void
mk_log_writer_finalize (GObject *object)
{
  MkLogWriter *self = (MkLogWriter *)object;

  /* Flush tasks hold a reference: none can be left here. */
  g_assert (self->flushes->len == 0);
  g_ptr_array_unref (self->flushes);
  g_ptr_array_unref (self->queue);
  g_ptr_array_unref (self->committed);
  g_clear_object (&self->store);
  g_free (self->db_path);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (mk_log_writer_parent_class)->finalize (object);
}

static void
mk_log_writer_class_init (MkLogWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mk_log_writer_dispose;
  object_class->finalize = mk_log_writer_finalize;
}

static void
mk_log_writer_init (MkLogWriter *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->flushes = g_ptr_array_new ();
  self->queue = g_ptr_array_new_with_free_func (g_object_unref);
  self->committed = g_ptr_array_new_with_free_func (g_object_unref);
  self->delay_ms = DEFAULT_DELAY_MS;
  self->max_rows = DEFAULT_MAX_ROWS;
}

MkLogWriter *
mk_log_writer_new (MkStore *store)
{
  MkLogWriter *self;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);

  self = g_object_new (MK_TYPE_LOG_WRITER, NULL);
  self->store = g_object_ref (store);
  self->db_path = g_strdup (mk_store_get_path (store));
  self->context = g_main_context_ref_thread_default ();

  return self;
}

void
mk_log_writer_set_batch (MkLogWriter *self,
                         guint        delay_ms,
                         guint        max_rows)
{
  g_return_if_fail (MK_IS_LOG_WRITER (self));
  g_return_if_fail (max_rows > 0);

  g_mutex_lock (&self->lock);
  self->delay_ms = delay_ms;
  self->max_rows = max_rows;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

void
mk_log_writer_log (MkLogWriter *self,
                   const char  *user_id,
                   MkPlatform   platform,
                   const char  *action,
                   MkLogStatus  status,
                   const char  *message,
                   const char  *request_json,
                   const char  *response_json,
                   const char  *ip_address)
{
  MkLogEntry *entry;
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;

  g_return_if_fail (MK_IS_LOG_WRITER (self));
  g_return_if_fail (action != NULL);

  /* Redacted on the thread, by mk_store_logs_insert(): the entry is not
   * seen by anyone before that. */
  entry = mk_log_entry_new ();
  mk_log_entry_set_user_id (entry, user_id);
  mk_log_entry_set_platform (entry, platform);
  mk_log_entry_set_action (entry, action);
  mk_log_entry_set_status (entry, status);
  mk_log_entry_set_message (entry, message);
  mk_log_entry_set_request_payload (entry, request_json);
  mk_log_entry_set_response_payload (entry, response_json);
  mk_log_entry_set_ip_address (entry, ip_address);

  g_mutex_lock (&self->lock);
  /* Under the lock, so that the time-ordered ids follow the queue. */
  id = mk_uuid_new_time_ordered ();
  now = mk_time_now_timestamp ();
  mk_log_entry_set_id (entry, id);
  mk_log_entry_set_created_at (entry, now);
  g_ptr_array_add (self->queue, entry);
  self->queued++;
  if (self->thread == NULL)
    self->thread = g_thread_new ("mk-log-writer", writer_thread, self);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

void
mk_log_writer_flush_async (MkLogWriter         *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Flush *flush;

  g_return_if_fail (MK_IS_LOG_WRITER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  flush = g_new0 (Flush, 1);
  flush->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (flush->task, mk_log_writer_flush_async);
  g_ptr_array_add (self->flushes, flush);

  g_mutex_lock (&self->lock);
  flush->target = self->queued;
  self->flush_to = MAX (self->flush_to, flush->target);
  /* Completed by the next announcement, which comes now when everything
   * is written already. */
  if (flush->target <= self->written)
    schedule_announce_locked (self);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

gboolean
mk_log_writer_flush_finish (MkLogWriter   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_log_writer_flush_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
mk_log_writer_flush (MkLogWriter *self)
{
  g_return_if_fail (MK_IS_LOG_WRITER (self));

  g_mutex_lock (&self->lock);
  self->flush_to = MAX (self->flush_to, self->queued);
  g_cond_broadcast (&self->cond);
  while (self->written < self->flush_to)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);

  if (g_main_context_acquire (self->context))
    {
      announce (self);
      g_main_context_release (self->context);
    }
}
