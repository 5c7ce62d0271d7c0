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
  char             *user_id;
  char             *from_date;
  MkCalendarFilter *filter;
  guint             limit;
} PageQuery;

static void
page_query_free (gpointer data)
{
  PageQuery *query = data;

  g_free (query->user_id);
  g_free (query->from_date);
  mk_calendar_filter_free (query->filter);
  g_free (query);
}

static GPtrArray *
read_first_page (MkStore   *reader,
                 gpointer   data,
                 GError   **error)
{
  PageQuery *query = data;

  return mk_store_calendar_list_page (reader, query->user_id, query->from_date, query->filter,
                                      NULL, query->limit, error);
}

/* @user_data is the set_user_id task; its data, the generation it read. */
static void
first_page_read_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MkAgendaModel *self = g_task_get_source_object (task);
  GPtrArray *page;
  GError *error = NULL;

  page = mk_store_read_finish (MK_STORE (object), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A reload meanwhile read on the spot, and is newer. */
  if (GPOINTER_TO_UINT (g_task_get_task_data (task)) == self->generation)
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
  PageQuery *query;

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

  query = g_new0 (PageQuery, 1);
  query->user_id = g_strdup (user_id);
  query->from_date = g_strdup (self->from_date);
  query->filter = mk_calendar_filter_copy (self->filter);
  query->limit = mk_paged_model_get_first_page_limit (MK_PAGED_MODEL (self));

  g_task_set_task_data (task, GUINT_TO_POINTER (self->generation), NULL);
  mk_store_read_async (self->store, read_first_page, query, page_query_free, cancellable,
                       first_page_read_cb, g_steal_pointer (&task));
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
