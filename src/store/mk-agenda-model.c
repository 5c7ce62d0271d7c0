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

#define DEFAULT_PAGE_SIZE 200

struct _MkAgendaModel
{
  GObject           parent_instance;

  /* Owned */
  MkStore          *store;
  GPtrArray        *items;
  MkCalendarFilter *filter;
  char             *user_id;
  char             *from_date;

  guint             page_size;
  guint             load_idle_id;
  gboolean          complete;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MkAgendaModel, mk_agenda_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Appends the page after the last item. A database error ends the list
 * rather than asking again on every scroll. */
static guint
append_page (MkAgendaModel *self)
{
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  MkCalendarEntry *last = NULL;
  guint position = self->items->len;

  if (self->complete)
    return 0;

  if (self->user_id == NULL)
    {
      self->complete = TRUE;
      return 0;
    }

  if (self->items->len > 0)
    last = g_ptr_array_index (self->items, self->items->len - 1);

  page = mk_store_calendar_list_page (self->store, self->user_id, self->from_date,
                                      self->filter, last, self->page_size, &error);
  if (page == NULL)
    {
      g_warning ("Could not read the agenda: %s", error->message);
      self->complete = TRUE;
      return 0;
    }

  if (page->len < self->page_size)
    self->complete = TRUE;

  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (page, i)));

  return self->items->len - position;
}

static gboolean
load_idle_cb (gpointer data)
{
  MkAgendaModel *self = data;

  self->load_idle_id = 0;
  mk_agenda_model_load_more (self);

  return G_SOURCE_REMOVE;
}

static GType
mk_agenda_model_get_item_type (GListModel *model)
{
  return MK_TYPE_CALENDAR_ENTRY;
}

static guint
mk_agenda_model_get_n_items (GListModel *model)
{
  return MK_AGENDA_MODEL (model)->items->len;
}

static gpointer
mk_agenda_model_get_item (GListModel *model,
                          guint       position)
{
  MkAgendaModel *self = MK_AGENDA_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  /* A view asking for the last half page is about to show the end: read
   * on, from an idle (items-changed may not be emitted from get_item()). */
  if (!self->complete && self->load_idle_id == 0 &&
      position + self->page_size / 2 >= self->items->len)
    self->load_idle_id = g_idle_add (load_idle_cb, self);

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mk_agenda_model_get_item_type;
  iface->get_n_items = mk_agenda_model_get_n_items;
  iface->get_item = mk_agenda_model_get_item;
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

  g_clear_handle_id (&self->load_idle_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mk_agenda_model_parent_class)->dispose (object);
}

static void
mk_agenda_model_finalize (GObject *object)
{
  MkAgendaModel *self = (MkAgendaModel *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->filter, mk_calendar_filter_free);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->from_date, g_free);

  G_OBJECT_CLASS (mk_agenda_model_parent_class)->finalize (object);
}

static void
mk_agenda_model_class_init (MkAgendaModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mk_agenda_model_dispose;
  object_class->finalize = mk_agenda_model_finalize;
}

static void
mk_agenda_model_init (MkAgendaModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->filter = mk_calendar_filter_copy (NULL);
  self->from_date = mk_time_today ();
  self->page_size = DEFAULT_PAGE_SIZE;
  self->complete = TRUE;
}

MkAgendaModel *
mk_agenda_model_new (MkStore *store,
                     guint    page_size)
{
  MkAgendaModel *self;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);

  self = g_object_new (MK_TYPE_AGENDA_MODEL, NULL);
  self->store = g_object_ref (store);
  if (page_size > 0)
    self->page_size = MIN (page_size, 1000);
  g_signal_connect_object (store, "log-added", G_CALLBACK (log_added_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

void
mk_agenda_model_reload (MkAgendaModel *self)
{
  g_autoptr(GPtrArray) old = NULL;
  guint removed;

  g_return_if_fail (MK_IS_AGENDA_MODEL (self));

  g_clear_handle_id (&self->load_idle_id, g_source_remove);

  old = g_steal_pointer (&self->items);
  removed = old->len;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->complete = FALSE;
  append_page (self);

  if (removed > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
}

guint
mk_agenda_model_load_more (MkAgendaModel *self)
{
  guint position;
  guint added;

  g_return_val_if_fail (MK_IS_AGENDA_MODEL (self), 0);

  g_clear_handle_id (&self->load_idle_id, g_source_remove);

  position = self->items->len;
  added = append_page (self);
  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);

  return added;
}

gboolean
mk_agenda_model_is_complete (MkAgendaModel *self)
{
  g_return_val_if_fail (MK_IS_AGENDA_MODEL (self), TRUE);

  return self->complete;
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
