/* mk-paged-model.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include "mk-paged-model.h"

#define DEFAULT_PAGE_SIZE 200
#define MAX_PAGE_SIZE 1000

typedef struct
{
  /* Items, or rows when the class sets create_item */
  GPtrArray  *items;
  /* Row → GWeakRef of the item made from it, for rows asked for */
  GHashTable *live;
  GType      item_type;
  guint      page_size;
  guint      first_page_size;
  guint      load_idle_id;
  gboolean   complete;
} MkPagedModelPrivate;

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_TYPE_WITH_CODE (MkPagedModel, mk_paged_model, G_TYPE_OBJECT,
                         G_ADD_PRIVATE (MkPagedModel)
                         G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static gboolean
has_rows (MkPagedModel *self)
{
  return MK_PAGED_MODEL_GET_CLASS (self)->create_item != NULL;
}

static GPtrArray *
new_items (MkPagedModel *self)
{
  MkPagedModelClass *klass = MK_PAGED_MODEL_GET_CLASS (self);

  if (klass->create_item != NULL)
    return g_ptr_array_new_with_free_func (klass->free_row);
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static void
weak_ref_free (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

/* Appends the page after the last item and returns how many rows came. */
static guint
append_page (MkPagedModel *self)
{
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  gpointer last = NULL;
  guint position = priv->items->len;
  guint limit = priv->page_size;

  if (priv->complete)
    return 0;

  if (priv->items->len > 0)
    last = g_ptr_array_index (priv->items, priv->items->len - 1);
  else if (priv->first_page_size > 0)
    limit = priv->first_page_size;

  page = MK_PAGED_MODEL_GET_CLASS (self)->fetch_page (self, last, limit, &error);
  if (page == NULL)
    {
      g_warning ("%s: could not read a page: %s", G_OBJECT_TYPE_NAME (self),
                 error != NULL ? error->message : "no reason given");
      priv->complete = TRUE;
      return 0;
    }

  if (page->len < limit)
    priv->complete = TRUE;

  g_ptr_array_extend_and_steal (priv->items, g_steal_pointer (&page));

  return priv->items->len - position;
}

static gboolean
load_idle_cb (gpointer data)
{
  MkPagedModel *self = data;
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);

  priv->load_idle_id = 0;
  mk_paged_model_load_more (self);

  return G_SOURCE_REMOVE;
}

static GType
mk_paged_model_get_item_type (GListModel *model)
{
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (MK_PAGED_MODEL (model));

  return priv->item_type;
}

static guint
mk_paged_model_get_n_items (GListModel *model)
{
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (MK_PAGED_MODEL (model));

  return priv->items->len;
}

static gpointer
mk_paged_model_get_item (GListModel *model,
                         guint       position)
{
  MkPagedModel *self = MK_PAGED_MODEL (model);
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);
  gpointer row;
  gpointer item;
  GWeakRef *ref;

  if (position >= priv->items->len)
    return NULL;

  /* A view asking for the last half page is about to show the end: read
   * on. Not now — items-changed may not be emitted from get_item(). */
  if (!priv->complete && priv->load_idle_id == 0 &&
      position + priv->page_size / 2 >= priv->items->len)
    priv->load_idle_id = g_idle_add (load_idle_cb, self);

  row = g_ptr_array_index (priv->items, position);
  if (!has_rows (self))
    return g_object_ref (row);

  /* The same object while anyone holds it; a new one after. */
  ref = g_hash_table_lookup (priv->live, row);
  if (ref != NULL && (item = g_weak_ref_get (ref)) != NULL)
    return item;

  item = MK_PAGED_MODEL_GET_CLASS (self)->create_item (self, row);
  if (ref == NULL)
    {
      ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, NULL);
      g_hash_table_insert (priv->live, row, ref);
    }
  g_weak_ref_set (ref, item);

  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mk_paged_model_get_item_type;
  iface->get_n_items = mk_paged_model_get_n_items;
  iface->get_item = mk_paged_model_get_item;
}

static GPtrArray *
mk_paged_model_real_fetch_page (MkPagedModel  *self,
                                gpointer       last,
                                guint          limit,
                                GError       **error)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static void
mk_paged_model_dispose (GObject *object)
{
  MkPagedModel *self = (MkPagedModel *)object;
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);

  g_clear_handle_id (&priv->load_idle_id, g_source_remove);

  G_OBJECT_CLASS (mk_paged_model_parent_class)->dispose (object);
}

static void
mk_paged_model_finalize (GObject *object)
{
  MkPagedModel *self = (MkPagedModel *)object;
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);

  /* The weak references first: their keys are the rows. */
  g_clear_pointer (&priv->live, g_hash_table_unref);
  g_clear_pointer (&priv->items, g_ptr_array_unref);

  G_OBJECT_CLASS (mk_paged_model_parent_class)->finalize (object);
}

static void
mk_paged_model_constructed (GObject *object)
{
  MkPagedModel *self = (MkPagedModel *)object;
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);

  G_OBJECT_CLASS (mk_paged_model_parent_class)->constructed (object);

  /* Only now is the subclass's class structure the one in use. */
  g_ptr_array_unref (priv->items);
  priv->items = new_items (self);
}

static void
mk_paged_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MkPagedModel *self = MK_PAGED_MODEL (object);
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, priv->item_type);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_paged_model_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MkPagedModel *self = MK_PAGED_MODEL (object);
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      priv->item_type = g_value_get_gtype (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_paged_model_class_init (MkPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mk_paged_model_constructed;
  object_class->dispose = mk_paged_model_dispose;
  object_class->finalize = mk_paged_model_finalize;
  object_class->get_property = mk_paged_model_get_property;
  object_class->set_property = mk_paged_model_set_property;

  klass->fetch_page = mk_paged_model_real_fetch_page;

  properties [PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        G_TYPE_OBJECT,
                        (G_PARAM_READWRITE |
                         G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mk_paged_model_init (MkPagedModel *self)
{
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);

  priv->items = g_ptr_array_new_with_free_func (g_object_unref);
  priv->live = g_hash_table_new_full (NULL, NULL, NULL, weak_ref_free);
  priv->item_type = G_TYPE_OBJECT;
  priv->page_size = DEFAULT_PAGE_SIZE;
  /* Nothing is read until the first reload. */
  priv->complete = TRUE;
}

/* Drops the rows held and starts again from @page (transfer full; NULL:
 * read the first page now). */
static void
restart (MkPagedModel *self,
         GPtrArray    *page)
{
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);
  g_autoptr(GPtrArray) old = NULL;
  guint removed;

  g_clear_handle_id (&priv->load_idle_id, g_source_remove);

  /* Keep the old rows alive until the view has let go of them. */
  old = g_steal_pointer (&priv->items);
  removed = old->len;
  /* Items already made stay with whoever holds them; the rows go. */
  g_hash_table_remove_all (priv->live);
  priv->items = new_items (self);
  priv->complete = FALSE;
  if (page == NULL)
    {
      append_page (self);
    }
  else
    {
      if (page->len < mk_paged_model_get_first_page_limit (self))
        priv->complete = TRUE;
      g_ptr_array_extend_and_steal (priv->items, page);
    }

  if (removed > 0 || priv->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, priv->items->len);
}

void
mk_paged_model_reload (MkPagedModel *self)
{
  g_return_if_fail (MK_IS_PAGED_MODEL (self));

  restart (self, NULL);
}

void
mk_paged_model_reload_with (MkPagedModel *self,
                            GPtrArray    *page)
{
  g_return_if_fail (MK_IS_PAGED_MODEL (self));
  g_return_if_fail (page != NULL);

  restart (self, page);
}

guint
mk_paged_model_get_first_page_limit (MkPagedModel *self)
{
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);

  g_return_val_if_fail (MK_IS_PAGED_MODEL (self), 0);

  return priv->first_page_size > 0 ? priv->first_page_size : priv->page_size;
}

guint
mk_paged_model_load_more (MkPagedModel *self)
{
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);
  guint position;
  guint added;

  g_return_val_if_fail (MK_IS_PAGED_MODEL (self), 0);

  g_clear_handle_id (&priv->load_idle_id, g_source_remove);

  position = priv->items->len;
  added = append_page (self);
  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);

  return added;
}

gboolean
mk_paged_model_is_complete (MkPagedModel *self)
{
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);

  g_return_val_if_fail (MK_IS_PAGED_MODEL (self), TRUE);

  return priv->complete;
}

guint
mk_paged_model_get_page_size (MkPagedModel *self)
{
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);

  g_return_val_if_fail (MK_IS_PAGED_MODEL (self), 0);

  return priv->page_size;
}

void
mk_paged_model_set_page_size (MkPagedModel *self,
                              guint         page_size)
{
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);

  g_return_if_fail (MK_IS_PAGED_MODEL (self));

  priv->page_size = page_size > 0 ? MIN (page_size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
}

void
mk_paged_model_set_first_page_size (MkPagedModel *self,
                                    guint         first_page_size)
{
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);

  g_return_if_fail (MK_IS_PAGED_MODEL (self));

  priv->first_page_size = MIN (first_page_size, MAX_PAGE_SIZE);
}

gpointer
mk_paged_model_peek_first (MkPagedModel *self)
{
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);

  g_return_val_if_fail (MK_IS_PAGED_MODEL (self), NULL);

  return priv->items->len > 0 ? g_ptr_array_index (priv->items, 0) : NULL;
}

void
mk_paged_model_prepend (MkPagedModel *self,
                        gpointer      item)
{
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);

  g_return_if_fail (MK_IS_PAGED_MODEL (self));
  g_return_if_fail (!has_rows (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, priv->item_type));

  g_ptr_array_insert (priv->items, 0, g_object_ref (item));
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, 1);
}

void
mk_paged_model_prepend_row (MkPagedModel *self,
                            gpointer      row)
{
  MkPagedModelPrivate *priv = mk_paged_model_get_instance_private (self);

  g_return_if_fail (MK_IS_PAGED_MODEL (self));
  g_return_if_fail (has_rows (self));
  g_return_if_fail (row != NULL);

  g_ptr_array_insert (priv->items, 0, row);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, 1);
}
