/* mk-month-model.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include "mk-time.h"
#include "mk-month-model.h"

struct _MkMonthModel
{
  GObject           parent_instance;

  /* Owned */
  MkStore          *store;
  GPtrArray        *items;
  MkCalendarFilter *filter;
  char             *user_id;

  int               year;
  int               month;
  /* Counts every change of what the model shows; a read made in a thread
   * lands only if nothing changed since it began. */
  guint             generation;
  gboolean          loading;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MkMonthModel, mk_month_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
mk_month_model_get_item_type (GListModel *model)
{
  return MK_TYPE_CALENDAR_ENTRY;
}

static guint
mk_month_model_get_n_items (GListModel *model)
{
  return MK_MONTH_MODEL (model)->items->len;
}

static gpointer
mk_month_model_get_item (GListModel *model,
                         guint       position)
{
  MkMonthModel *self = MK_MONTH_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mk_month_model_get_item_type;
  iface->get_n_items = mk_month_model_get_n_items;
  iface->get_item = mk_month_model_get_item;
}

/* Edits of the calendar always log (mk_store_calendar_create() and
 * friends, imports), so a log row is the one signal that the calendar may
 * have changed, whoever changed it. */
static void
log_added_cb (MkMonthModel *self,
              MkLogEntry   *entry,
              MkStore      *store)
{
  const char *action = mk_log_entry_get_action (entry);

  if (action != NULL && (g_str_has_suffix (action, "calendar") || g_str_has_suffix (action, "ics")))
    mk_month_model_reload (self);
}

static void
mk_month_model_dispose (GObject *object)
{
  MkMonthModel *self = (MkMonthModel *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (mk_month_model_parent_class)->dispose (object);
}

static void
mk_month_model_finalize (GObject *object)
{
  MkMonthModel *self = (MkMonthModel *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->filter, mk_calendar_filter_free);
  g_clear_pointer (&self->user_id, g_free);

  G_OBJECT_CLASS (mk_month_model_parent_class)->finalize (object);
}

static void
mk_month_model_class_init (MkMonthModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mk_month_model_dispose;
  object_class->finalize = mk_month_model_finalize;
}

static void
mk_month_model_init (MkMonthModel *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->filter = mk_calendar_filter_copy (NULL);
  self->year = g_date_time_get_year (now);
  self->month = g_date_time_get_month (now);
}

MkMonthModel *
mk_month_model_new (MkStore *store)
{
  MkMonthModel *self;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);

  self = g_object_new (MK_TYPE_MONTH_MODEL, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "log-added", G_CALLBACK (log_added_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

void
mk_month_model_month_range (int    year,
                            int    month,
                            char **out_first,
                            char **out_last)
{
  g_return_if_fail (month >= 1 && month <= 12);

  if (out_first != NULL)
    *out_first = mk_time_format_date (year, month, 1);
  if (out_last != NULL)
    *out_last = mk_time_format_date (year, month, g_date_get_days_in_month (month, year));
}

/* Takes @entries (NULL: none) as the month's rows. */
static void
replace_items (MkMonthModel *self,
               GPtrArray    *entries)
{
  g_autoptr(GPtrArray) old = NULL;
  guint removed;

  /* The old entries stay alive until the views have let go of them. */
  old = g_steal_pointer (&self->items);
  removed = old->len;
  self->items = entries != NULL ? entries : g_ptr_array_new_with_free_func (g_object_unref);

  if (removed > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
}

void
mk_month_model_reload (MkMonthModel *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MK_IS_MONTH_MODEL (self));

  self->generation++;
  self->loading = FALSE;

  if (self->user_id != NULL)
    {
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      mk_month_model_month_range (self->year, self->month, &first, &last);
      entries = mk_store_calendar_list_range_filtered (self->store, self->user_id, first, last,
                                                       self->filter, &error);
      if (entries == NULL)
        g_warning ("Could not read the calendar: %s", error->message);
    }

  replace_items (self, g_steal_pointer (&entries));
}

typedef struct
{
  char             *user_id;
  char             *first;
  char             *last;
  MkCalendarFilter *filter;
} MonthQuery;

static void
month_query_free (gpointer data)
{
  MonthQuery *query = data;

  g_free (query->user_id);
  g_free (query->first);
  g_free (query->last);
  mk_calendar_filter_free (query->filter);
  g_free (query);
}

static GPtrArray *
read_month (MkStore   *reader,
            gpointer   data,
            GError   **error)
{
  MonthQuery *query = data;

  return mk_store_calendar_list_range_filtered (reader, query->user_id, query->first, query->last,
                                                query->filter, error);
}

/* @user_data is the set_user_id task; its data, the generation it read. */
static void
month_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MkMonthModel *self = g_task_get_source_object (task);
  gboolean current = GPOINTER_TO_UINT (g_task_get_task_data (task)) == self->generation;
  g_autoptr(GPtrArray) entries = NULL;
  GError *error = NULL;

  entries = mk_store_read_finish (MK_STORE (object), result, &error);
  /* Something changed meanwhile and was read on the spot: that is newer. */
  if (current)
    self->loading = FALSE;

  if (entries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (current)
    replace_items (self, g_steal_pointer (&entries));

  g_task_return_boolean (task, TRUE);
}

void
mk_month_model_set_user_id (MkMonthModel *self,
                            const char   *user_id)
{
  g_return_if_fail (MK_IS_MONTH_MODEL (self));

  if (g_strcmp0 (self->user_id, user_id) == 0)
    return;

  g_free (self->user_id);
  self->user_id = g_strdup (user_id);
  mk_month_model_reload (self);
}

void
mk_month_model_set_user_id_async (MkMonthModel        *self,
                                  const char          *user_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  MonthQuery *query;

  g_return_if_fail (MK_IS_MONTH_MODEL (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_month_model_set_user_id_async);

  g_free (self->user_id);
  self->user_id = g_strdup (user_id);
  self->generation++;
  replace_items (self, NULL);

  if (user_id == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  query = g_new0 (MonthQuery, 1);
  query->user_id = g_strdup (user_id);
  mk_month_model_month_range (self->year, self->month, &query->first, &query->last);
  query->filter = mk_calendar_filter_copy (self->filter);
  self->loading = TRUE;

  g_task_set_task_data (task, GUINT_TO_POINTER (self->generation), NULL);
  mk_store_read_async (self->store, read_month, query, month_query_free, cancellable,
                       month_read_cb, g_steal_pointer (&task));
}

gboolean
mk_month_model_set_user_id_finish (MkMonthModel  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (MK_IS_MONTH_MODEL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_month_model_set_user_id_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
mk_month_model_is_loading (MkMonthModel *self)
{
  g_return_val_if_fail (MK_IS_MONTH_MODEL (self), FALSE);

  return self->loading;
}

const char *
mk_month_model_get_user_id (MkMonthModel *self)
{
  g_return_val_if_fail (MK_IS_MONTH_MODEL (self), NULL);

  return self->user_id;
}

void
mk_month_model_set_month (MkMonthModel *self,
                          int           year,
                          int           month)
{
  g_return_if_fail (MK_IS_MONTH_MODEL (self));
  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (year >= 1 && year <= 9999);

  /* The same month: read already, or being read in a thread. */
  if (self->year == year && self->month == month && (self->items->len > 0 || self->loading))
    return;

  self->year = year;
  self->month = month;
  mk_month_model_reload (self);
}

int
mk_month_model_get_year (MkMonthModel *self)
{
  g_return_val_if_fail (MK_IS_MONTH_MODEL (self), 0);

  return self->year;
}

int
mk_month_model_get_month (MkMonthModel *self)
{
  g_return_val_if_fail (MK_IS_MONTH_MODEL (self), 0);

  return self->month;
}

void
mk_month_model_set_filter (MkMonthModel           *self,
                           const MkCalendarFilter *filter)
{
  g_return_if_fail (MK_IS_MONTH_MODEL (self));

  g_clear_pointer (&self->filter, mk_calendar_filter_free);
  self->filter = mk_calendar_filter_copy (filter);
  mk_month_model_reload (self);
}

const MkCalendarFilter *
mk_month_model_get_filter (MkMonthModel *self)
{
  g_return_val_if_fail (MK_IS_MONTH_MODEL (self), NULL);

  return self->filter;
}

void
mk_month_model_grid_start (int           year,
                           int           month,
                           GDateWeekday  first_weekday,
                           GDate        *out_date)
{
  guint back;

  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (g_date_valid_weekday (first_weekday));
  g_return_if_fail (out_date != NULL);

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, 1, month, year);
  back = (g_date_get_weekday (out_date) - first_weekday + 7) % 7;
  g_date_subtract_days (out_date, back);
}

gboolean
mk_month_model_is_overdue (MkCalendarEntry *entry,
                           const char      *today)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (entry), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return mk_calendar_entry_get_status (entry) == MK_ENTRY_STATUS_PENDING &&
         g_strcmp0 (mk_calendar_entry_get_date (entry), today) < 0;
}
