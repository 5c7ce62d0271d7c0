/* mk-agenda-model.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include "mk-time.h"
#include "mk-agenda-model.h"

struct _MkAgendaModel
{
  MkPagedModel      parent_instance;

  /* Owned */
  MkStore          *store;
  MkCalendarFilter *filter;
  char             *user_id;
  char             *from_date;
  /* Counts every reload; a first page read in a thread lands only if no
   * reload came after it began. */
  guint             generation;
};

G_DEFINE_FINAL_TYPE (MkAgendaModel, mk_agenda_model, MK_TYPE_PAGED_MODEL)

static GPtrArray *
mk_agenda_model_fetch_page (MkPagedModel  *model,
                            gpointer       last,
                            guint          limit,
                            GError       **error)
{
  MkAgendaModel *self = MK_AGENDA_MODEL (model);

  /* No account yet: an empty list, not an error. */
  if (self->user_id == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  return mk_store_calendar_list_page (self->store, self->user_id, self->from_date,
                                      self->filter, last, limit, error);
}

static void
log_added_cb (MkAgendaModel *self,
              MkLogEntry    *entry,
              MkStore       *store)
{
  const char *action = mk_log_entry_get_action (entry);

  if (action != NULL && (g_str_has_suffix (action, "calendar") || g_str_has_suffix (action, "ics")))
    mk_agenda_model_reload (self);
}

static void
mk_agenda_model_dispose (GObject *object)
{
  MkAgendaModel *self = (MkAgendaModel *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (mk_agenda_model_parent_class)->dispose (object);
}

static void
mk_agenda_model_finalize (GObject *object)
{
  MkAgendaModel *self = (MkAgendaModel *)object;

  g_clear_pointer (&self->filter, mk_calendar_filter_free);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->from_date, g_free);

  G_OBJECT_CLASS (mk_agenda_model_parent_class)->finalize (object);
}

static void
mk_agenda_model_class_init (MkAgendaModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MkPagedModelClass *paged_class = MK_PAGED_MODEL_CLASS (klass);

  object_class->dispose = mk_agenda_model_dispose;
  object_class->finalize = mk_agenda_model_finalize;

  paged_class->fetch_page = mk_agenda_model_fetch_page;
}

static void
mk_agenda_model_init (MkAgendaModel *self)
{
  self->filter = mk_calendar_filter_copy (NULL);
  self->from_date = mk_time_today ();
}

MkAgendaModel *
mk_agenda_model_new (MkStore *store,
                     guint    page_size)
{
  MkAgendaModel *self;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);

  self = g_object_new (MK_TYPE_AGENDA_MODEL,
                       "item-type", MK_TYPE_CALENDAR_ENTRY,
                       NULL);
  self->store = g_object_ref (store);
  mk_paged_model_set_page_size (MK_PAGED_MODEL (self), page_size);
  g_signal_connect_object (store, "log-added", G_CALLBACK (log_added_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

void
mk_agenda_model_reload (MkAgendaModel *self)
{
  g_return_if_fail (MK_IS_AGENDA_MODEL (self));

  self->generation++;
  mk_paged_model_reload (MK_PAGED_MODEL (self));
}

guint
mk_agenda_model_load_more (MkAgendaModel *self)
{
  g_return_val_if_fail (MK_IS_AGENDA_MODEL (self), 0);

  return mk_paged_model_load_more (MK_PAGED_MODEL (self));
}

gboolean
mk_agenda_model_is_complete (MkAgendaModel *self)
{
  g_return_val_if_fail (MK_IS_AGENDA_MODEL (self), TRUE);

  return mk_paged_model_is_complete (MK_PAGED_MODEL (self));
}

void
mk_agenda_model_set_user_id (MkAgendaModel *self,
                             const char    *user_id)
{
  g_return_if_fail (MK_IS_AGENDA_MODEL (self));

  if (g_strcmp0 (self->user_id, user_id) == 0)
    return;

  g_free (self->user_id);
  self->user_id = g_strdup (user_id);
  mk_agenda_model_reload (self);
}

typedef struct
{
  char             *path;
  char             *user_id;
  char             *from_date;
  MkCalendarFilter *filter;
  guint             limit;
  guint             generation;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_free (job->path);
  g_free (job->user_id);
  g_free (job->from_date);
  mk_calendar_filter_free (job->filter);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(MkStore) reader = NULL;
  GPtrArray *page;
  GError *error = NULL;

  if ((reader = mk_store_open_reader (job->path, &error)) == NULL ||
      (page = mk_store_calendar_list_page (reader, job->user_id, job->from_date, job->filter,
                                           NULL, job->limit, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, page, (GDestroyNotify)g_ptr_array_unref);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  MkAgendaModel *self = MK_AGENDA_MODEL (object);
  g_autoptr(GTask) task = user_data;
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  GPtrArray *page;
  GError *error = NULL;

  page = g_task_propagate_pointer (G_TASK (result), &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A reload meanwhile read on the spot, and is newer. */
  if (job->generation == self->generation)
    mk_paged_model_reload_with (MK_PAGED_MODEL (self), page);
  else
    g_ptr_array_unref (page);

  g_task_return_boolean (task, TRUE);
}

void
mk_agenda_model_set_user_id_async (MkAgendaModel       *self,
                                   const char          *user_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) load = NULL;
  LoadJob *job;

  g_return_if_fail (MK_IS_AGENDA_MODEL (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_agenda_model_set_user_id_async);

  g_free (self->user_id);
  self->user_id = g_strdup (user_id);
  self->generation++;
  /* Empty and complete until the page is in, so that nothing reads on the
   * spot meanwhile. */
  mk_paged_model_reload_with (MK_PAGED_MODEL (self), g_ptr_array_new_with_free_func (g_object_unref));

  if (user_id == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  job = g_new0 (LoadJob, 1);
  job->path = g_strdup (mk_store_get_path (self->store));
  job->user_id = g_strdup (user_id);
  job->from_date = g_strdup (self->from_date);
  job->filter = mk_calendar_filter_copy (self->filter);
  job->limit = mk_paged_model_get_first_page_limit (MK_PAGED_MODEL (self));
  job->generation = self->generation;

  load = g_task_new (self, cancellable, load_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (load, load_thread);
  g_task_set_task_data (load, job, load_job_free);
  g_task_run_in_thread (load, load_thread);
}

gboolean
mk_agenda_model_set_user_id_finish (MkAgendaModel  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (MK_IS_AGENDA_MODEL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_agenda_model_set_user_id_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
mk_agenda_model_set_from_date (MkAgendaModel *self,
                               const char    *date)
{
  g_return_if_fail (MK_IS_AGENDA_MODEL (self));
  g_return_if_fail (mk_time_is_valid_date (date));

  if (g_strcmp0 (self->from_date, date) == 0)
    return;

  g_free (self->from_date);
  self->from_date = g_strdup (date);
  mk_agenda_model_reload (self);
}

const char *
mk_agenda_model_get_from_date (MkAgendaModel *self)
{
  g_return_val_if_fail (MK_IS_AGENDA_MODEL (self), NULL);

  return self->from_date;
}

void
mk_agenda_model_set_filter (MkAgendaModel          *self,
                            const MkCalendarFilter *filter)
{
  g_return_if_fail (MK_IS_AGENDA_MODEL (self));

  g_clear_pointer (&self->filter, mk_calendar_filter_free);
  self->filter = mk_calendar_filter_copy (filter);
  mk_agenda_model_reload (self);
}
