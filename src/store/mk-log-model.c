/* mk-log-model.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include "mk-log-model.h"

struct _MkLogModel
{
  MkPagedModel  parent_instance;

  /* Owned */
  MkStore      *store;
  MkLogFilter  *filter;
};

G_DEFINE_FINAL_TYPE (MkLogModel, mk_log_model, MK_TYPE_PAGED_MODEL)

static GPtrArray *
mk_log_model_fetch_page (MkPagedModel  *model,
                         gpointer       last,
                         guint          limit,
                         GError       **error)
{
  MkLogModel *self = MK_LOG_MODEL (model);
  const MkLogRow *row = last;

  return mk_store_logs_list_rows (self->store, self->filter,
                                  row != NULL ? row->created_at : NULL,
                                  row != NULL ? row->id : NULL,
                                  limit, error);
}

/* A page holds rows; a row becomes an object only when a view asks for
 * it, which for a list on screen is a few dozen of a page. */
static gpointer
mk_log_model_create_item (MkPagedModel  *model,
                          gconstpointer  row)
{
  return mk_log_row_to_entry (row);
}

static void
log_added_cb (MkLogModel *self,
              MkLogEntry *entry,
              MkStore    *store)
{
  const MkLogRow *first;

  if (!mk_log_filter_matches (self->filter, entry))
    return;

  /* A row back-dated below the top (demo data, imports) would break the
   * newest-first order; the next reload shows it in its place. */
  first = mk_paged_model_peek_first (MK_PAGED_MODEL (self));
  if (first != NULL &&
      g_strcmp0 (mk_log_entry_get_created_at (entry), first->created_at) < 0)
    return;

  /* A copy: the caller may reuse its entry. */
  mk_paged_model_prepend_row (MK_PAGED_MODEL (self), mk_log_row_new_from_entry (entry));
}

static void
mk_log_model_dispose (GObject *object)
{
  MkLogModel *self = (MkLogModel *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (mk_log_model_parent_class)->dispose (object);
}

static void
mk_log_model_finalize (GObject *object)
{
  MkLogModel *self = (MkLogModel *)object;

  g_clear_pointer (&self->filter, mk_log_filter_free);

  G_OBJECT_CLASS (mk_log_model_parent_class)->finalize (object);
}

static void
mk_log_model_class_init (MkLogModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MkPagedModelClass *paged_class = MK_PAGED_MODEL_CLASS (klass);

  object_class->dispose = mk_log_model_dispose;
  object_class->finalize = mk_log_model_finalize;

  paged_class->fetch_page = mk_log_model_fetch_page;
  paged_class->create_item = mk_log_model_create_item;
  paged_class->free_row = g_free;
}

static void
mk_log_model_init (MkLogModel *self)
{
  self->filter = mk_log_filter_copy (NULL);
}

MkLogModel *
mk_log_model_new (MkStore *store,
                  guint    page_size)
{
  MkLogModel *self;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);

  self = g_object_new (MK_TYPE_LOG_MODEL,
                       "item-type", MK_TYPE_LOG_ENTRY,
                       NULL);
  self->store = g_object_ref (store);
  mk_paged_model_set_page_size (MK_PAGED_MODEL (self), page_size);
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
  g_return_if_fail (MK_IS_LOG_MODEL (self));

  mk_paged_model_reload (MK_PAGED_MODEL (self));
}

guint
mk_log_model_load_more (MkLogModel *self)
{
  g_return_val_if_fail (MK_IS_LOG_MODEL (self), 0);

  return mk_paged_model_load_more (MK_PAGED_MODEL (self));
}

gboolean
mk_log_model_is_complete (MkLogModel *self)
{
  g_return_val_if_fail (MK_IS_LOG_MODEL (self), TRUE);

  return mk_paged_model_is_complete (MK_PAGED_MODEL (self));
}

MkLogEntry *
mk_log_model_load_details (MkLogModel  *self,
                           MkLogEntry  *entry,
                           GError     **error)
{
  g_return_val_if_fail (MK_IS_LOG_MODEL (self), NULL);
  g_return_val_if_fail (MK_IS_LOG_ENTRY (entry), NULL);

  return mk_store_logs_get (self->store, mk_log_entry_get_id (entry), error);
}
