/* mk-log-model.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include "mk-log-model.h"

#define DEFAULT_PAGE_SIZE 200

struct _MkLogModel
{
  GObject      parent_instance;

  /* Owned */
  MkStore     *store;
  GPtrArray   *items;
  MkLogFilter *filter;

  guint        page_size;
  guint        load_idle_id;
  gboolean     complete;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MkLogModel, mk_log_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Appends the page after the last item and returns how many rows came. A
 * database error ends the list rather than asking again and again. */
static guint
append_page (MkLogModel *self)
{
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  const char *before_created_at = NULL;
  const char *before_id = NULL;
  guint position = self->items->len;

  if (self->complete)
    return 0;

  if (self->items->len > 0)
    {
      MkLogEntry *last = g_ptr_array_index (self->items, self->items->len - 1);

      before_created_at = mk_log_entry_get_created_at (last);
      before_id = mk_log_entry_get_id (last);
    }

  page = mk_store_logs_list_page (self->store, self->filter,
                                  before_created_at, before_id,
                                  self->page_size, &error);
  if (page == NULL)
    {
      g_warning ("Could not read the activity log: %s", error->message);
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
  MkLogModel *self = data;

  self->load_idle_id = 0;
  mk_log_model_load_more (self);

  return G_SOURCE_REMOVE;
}

static GType
mk_log_model_get_item_type (GListModel *model)
{
  return MK_TYPE_LOG_ENTRY;
}

static guint
mk_log_model_get_n_items (GListModel *model)
{
  return MK_LOG_MODEL (model)->items->len;
}

static gpointer
mk_log_model_get_item (GListModel *model,
                       guint       position)
{
  MkLogModel *self = MK_LOG_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  /* A view asking for the last half page is about to show the end: read
   * on. Not now — items-changed may not be emitted from get_item(). */
  if (!self->complete && self->load_idle_id == 0 &&
      position + self->page_size / 2 >= self->items->len)
    self->load_idle_id = g_idle_add (load_idle_cb, self);

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mk_log_model_get_item_type;
  iface->get_n_items = mk_log_model_get_n_items;
  iface->get_item = mk_log_model_get_item;
}

static void
log_added_cb (MkLogModel *self,
              MkLogEntry *entry,
              MkStore    *store)
{
  if (!mk_log_filter_matches (self->filter, entry))
    return;

  /* A row back-dated below the top (demo data, imports) would break the
   * newest-first order; the next reload shows it in its place. */
  if (self->items->len > 0)
    {
      MkLogEntry *first = g_ptr_array_index (self->items, 0);

      if (g_strcmp0 (mk_log_entry_get_created_at (entry), mk_log_entry_get_created_at (first)) < 0)
        return;
    }

  /* A copy: the caller may reuse its entry. */
  g_ptr_array_insert (self->items, 0, mk_log_entry_copy (entry));
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, 1);
}

static void
mk_log_model_dispose (GObject *object)
{
  MkLogModel *self = (MkLogModel *)object;

  g_clear_handle_id (&self->load_idle_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mk_log_model_parent_class)->dispose (object);
}

static void
mk_log_model_finalize (GObject *object)
{
  MkLogModel *self = (MkLogModel *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->filter, mk_log_filter_free);

  G_OBJECT_CLASS (mk_log_model_parent_class)->finalize (object);
}

static void
mk_log_model_class_init (MkLogModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mk_log_model_dispose;
  object_class->finalize = mk_log_model_finalize;
}

static void
mk_log_model_init (MkLogModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->page_size = DEFAULT_PAGE_SIZE;
  self->filter = mk_log_filter_copy (NULL);
}

MkLogModel *
mk_log_model_new (MkStore *store,
                  guint    page_size)
{
  MkLogModel *self;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);

  self = g_object_new (MK_TYPE_LOG_MODEL, NULL);
  self->store = g_object_ref (store);
  if (page_size > 0)
    self->page_size = MIN (page_size, 1000);
  g_signal_connect_object (store, "log-added", G_CALLBACK (log_added_cb), self,
                           G_CONNECT_SWAPPED);

  mk_log_model_reload (self);

  return self;
}

void
mk_log_model_set_filter (MkLogModel        *self,
                         const MkLogFilter *filter)
{
  g_return_if_fail (MK_IS_LOG_MODEL (self));

  g_clear_pointer (&self->filter, mk_log_filter_free);
  self->filter = mk_log_filter_copy (filter);

  mk_log_model_reload (self);
}

const MkLogFilter *
mk_log_model_get_filter (MkLogModel *self)
{
  g_return_val_if_fail (MK_IS_LOG_MODEL (self), NULL);

  return self->filter;
}

void
mk_log_model_reload (MkLogModel *self)
{
  guint removed;

  g_return_if_fail (MK_IS_LOG_MODEL (self));

  g_clear_handle_id (&self->load_idle_id, g_source_remove);

  removed = self->items->len;
  /* Keep the old rows alive until the view has let go of them. */
  {
    g_autoptr(GPtrArray) old = g_steal_pointer (&self->items);

    self->items = g_ptr_array_new_with_free_func (g_object_unref);
    self->complete = FALSE;
    append_page (self);

    if (removed > 0 || self->items->len > 0)
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
  }
}

guint
mk_log_model_load_more (MkLogModel *self)
{
  guint position;
  guint added;

  g_return_val_if_fail (MK_IS_LOG_MODEL (self), 0);

  position = self->items->len;
  added = append_page (self);
  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);

  return added;
}

gboolean
mk_log_model_is_complete (MkLogModel *self)
{
  g_return_val_if_fail (MK_IS_LOG_MODEL (self), TRUE);

  return self->complete;
}
