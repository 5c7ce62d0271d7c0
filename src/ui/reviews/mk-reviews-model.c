/* mk-reviews-model.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-reviews-model.h"

struct _MkReviewsModel
{
  GObject     parent_instance;

  /* Owned */
  MkContext  *context;
  GPtrArray  *items;     /* MkReview, newest first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MkReviewsModel, mk_reviews_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_AVERAGE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GType
mk_reviews_model_get_item_type (GListModel *model)
{
  return MK_TYPE_REVIEW;
}

static guint
mk_reviews_model_get_n_items (GListModel *model)
{
  return MK_REVIEWS_MODEL (model)->items->len;
}

static gpointer
mk_reviews_model_get_item (GListModel *model,
                           guint       position)
{
  MkReviewsModel *self = MK_REVIEWS_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mk_reviews_model_get_item_type;
  iface->get_n_items = mk_reviews_model_get_n_items;
  iface->get_item = mk_reviews_model_get_item;
}

static void
changed (MkReviewsModel *self,
         guint           position,
         guint           removed,
         guint           added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVERAGE]);
}

static gboolean
find_position (MkReviewsModel *self,
               const char     *id,
               guint          *position)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      if (g_strcmp0 (mk_review_get_id (g_ptr_array_index (self->items, i)), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

MkReview *
mk_reviews_model_find (MkReviewsModel *self,
                       const char     *id)
{
  guint position;

  g_return_val_if_fail (MK_IS_REVIEWS_MODEL (self), NULL);

  return find_position (self, id, &position) ? g_ptr_array_index (self->items, position) : NULL;
}

gboolean
mk_reviews_model_reload (MkReviewsModel  *self,
                         GError         **error)
{
  MkStore *store = mk_context_get_store (self->context);
  const char *user_id = mk_context_get_user_id (self->context);
  g_autoptr(GPtrArray) old = NULL;
  GPtrArray *reviews;
  guint n_old;

  g_return_val_if_fail (MK_IS_REVIEWS_MODEL (self), FALSE);

  if (store == NULL || user_id == NULL)
    reviews = g_ptr_array_new_with_free_func (g_object_unref);
  else if ((reviews = mk_store_reviews_list (store, user_id, FALSE, error)) == NULL)
    return FALSE;

  old = g_steal_pointer (&self->items);
  n_old = old->len;
  self->items = reviews;
  changed (self, 0, n_old, reviews->len);
  return TRUE;
}

static void
mk_reviews_model_user_id_changed_cb (MkReviewsModel *self)
{
  g_autoptr(GError) error = NULL;

  if (!mk_reviews_model_reload (self, &error))
    g_warning ("Could not load the reviews: %s", error->message);
}

/* Runs @write and its logs row in one transaction, so that no change is
 * ever left without its record in the Activity section. */
typedef gboolean (*WriteFunc) (MkStore *store, MkReview *review, GError **error);

static gboolean
delete_write (MkStore   *store,
              MkReview  *review,
              GError   **error)
{
  return mk_store_reviews_delete (store, mk_review_get_id (review), error);
}

static gboolean
write_logged (MkReviewsModel  *self,
              WriteFunc        write,
              MkReview        *review,
              const char      *action,
              const char      *message,
              GError         **error)
{
  MkStore *store = mk_context_get_store (self->context);
  const char *user_id = mk_context_get_user_id (self->context);

  if (store == NULL || user_id == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("Sign in to change reviews"));
      return FALSE;
    }

  if (!mk_store_transaction_begin (store, error))
    return FALSE;

  if (!write (store, review, error) ||
      !mk_store_log (store, user_id, MK_PLATFORM_NONE, action, MK_LOG_STATUS_SUCCESS,
                     message, NULL, NULL, NULL, error) ||
      !mk_store_transaction_commit (store, error))
    {
      mk_store_transaction_rollback (store, NULL);
      return FALSE;
    }

  return TRUE;
}

gboolean
mk_reviews_model_add (MkReviewsModel  *self,
                      MkReview        *review,
                      GError         **error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (MK_IS_REVIEWS_MODEL (self), FALSE);
  g_return_val_if_fail (MK_IS_REVIEW (review), FALSE);

  mk_review_set_user_id (review, mk_context_get_user_id (self->context));
  message = g_strdup_printf (_("Added a review from %s"), mk_review_get_client_name (review));
  if (!write_logged (self, mk_store_reviews_insert, review, "add_review", message, error))
    return FALSE;

  g_ptr_array_insert (self->items, 0, g_object_ref (review));
  changed (self, 0, 0, 1);
  return TRUE;
}

static gboolean
replace (MkReviewsModel  *self,
         MkReview        *review,
         const char      *action,
         const char      *message,
         GError         **error)
{
  MkReview *old;
  guint position;

  if (!find_position (self, mk_review_get_id (review), &position))
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND,
                   _("There is no review %s"), mk_review_get_id (review));
      return FALSE;
    }

  if (!write_logged (self, mk_store_reviews_update, review, action, message, error))
    return FALSE;

  /* A new object rather than changing the old one in place, so that filter
   * and sort models above see the change. */
  old = g_ptr_array_index (self->items, position);
  g_ptr_array_index (self->items, position) = g_object_ref (review);
  g_object_unref (old);
  changed (self, position, 1, 1);
  return TRUE;
}

gboolean
mk_reviews_model_update (MkReviewsModel  *self,
                         MkReview        *review,
                         GError         **error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (MK_IS_REVIEWS_MODEL (self), FALSE);
  g_return_val_if_fail (MK_IS_REVIEW (review), FALSE);

  message = g_strdup_printf (_("Edited the review from %s"), mk_review_get_client_name (review));
  return replace (self, review, "edit_review", message, error);
}

gboolean
mk_reviews_model_set_published (MkReviewsModel  *self,
                                const char      *id,
                                gboolean         published,
                                GError         **error)
{
  MkReview *item;
  g_autoptr(MkReview) copy = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (MK_IS_REVIEWS_MODEL (self), FALSE);

  if ((item = mk_reviews_model_find (self, id)) == NULL)
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND, _("There is no review %s"), id);
      return FALSE;
    }

  copy = mk_review_copy (item);
  mk_review_set_is_published (copy, published);
  message = g_strdup_printf (published ? _("Published the review from %s")
                                       : _("Unpublished the review from %s"),
                             mk_review_get_client_name (copy));
  return replace (self, copy, published ? "publish_review" : "unpublish_review", message, error);
}

gboolean
mk_reviews_model_set_verified (MkReviewsModel  *self,
                               const char      *id,
                               gboolean         verified,
                               GError         **error)
{
  MkReview *item;
  g_autoptr(MkReview) copy = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (MK_IS_REVIEWS_MODEL (self), FALSE);

  if ((item = mk_reviews_model_find (self, id)) == NULL)
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND, _("There is no review %s"), id);
      return FALSE;
    }

  copy = mk_review_copy (item);
  mk_review_set_is_verified (copy, verified);
  message = g_strdup_printf (verified ? _("Marked the review from %s as verified")
                                      : _("Marked the review from %s as not verified"),
                             mk_review_get_client_name (copy));
  return replace (self, copy, verified ? "verify_review" : "unverify_review", message, error);
}

MkReview *
mk_reviews_model_delete (MkReviewsModel  *self,
                         const char      *id,
                         GError         **error)
{
  g_autoptr(MkReview) review = NULL;
  g_autofree char *message = NULL;
  guint position;

  g_return_val_if_fail (MK_IS_REVIEWS_MODEL (self), NULL);

  if (!find_position (self, id, &position))
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND, _("There is no review %s"), id);
      return NULL;
    }

  review = g_object_ref (g_ptr_array_index (self->items, position));
  message = g_strdup_printf (_("Deleted the review from %s"), mk_review_get_client_name (review));
  if (!write_logged (self, delete_write, review, "delete_review", message, error))
    return NULL;

  g_ptr_array_remove_index (self->items, position);
  changed (self, position, 1, 0);
  return g_steal_pointer (&review);
}

gboolean
mk_reviews_model_restore (MkReviewsModel  *self,
                          MkReview        *review,
                          GError         **error)
{
  g_autofree char *message = NULL;
  guint position = 0;

  g_return_val_if_fail (MK_IS_REVIEWS_MODEL (self), FALSE);
  g_return_val_if_fail (MK_IS_REVIEW (review), FALSE);

  /* id and created_at are kept, so the review returns to where it was. */
  message = g_strdup_printf (_("Restored the review from %s"), mk_review_get_client_name (review));
  if (!write_logged (self, mk_store_reviews_insert, review, "restore_review", message, error))
    return FALSE;

  while (position < self->items->len &&
         g_strcmp0 (mk_review_get_created_at (g_ptr_array_index (self->items, position)),
                    mk_review_get_created_at (review)) > 0)
    position++;
  g_ptr_array_insert (self->items, position, g_object_ref (review));
  changed (self, position, 0, 1);
  return TRUE;
}

double
mk_reviews_model_get_average (MkReviewsModel *self)
{
  gint64 sum = 0;

  g_return_val_if_fail (MK_IS_REVIEWS_MODEL (self), 0);

  if (self->items->len == 0)
    return 0;

  for (guint i = 0; i < self->items->len; i++)
    sum += mk_review_get_rating (g_ptr_array_index (self->items, i));

  return (double) sum / self->items->len;
}

guint
mk_reviews_model_get_rating_count (MkReviewsModel *self,
                                   int             stars)
{
  guint count = 0;

  g_return_val_if_fail (MK_IS_REVIEWS_MODEL (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    count += mk_review_get_rating (g_ptr_array_index (self->items, i)) == stars;

  return count;
}

static void
mk_reviews_model_dispose (GObject *object)
{
  MkReviewsModel *self = (MkReviewsModel *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (mk_reviews_model_parent_class)->dispose (object);
}

static void
mk_reviews_model_finalize (GObject *object)
{
  MkReviewsModel *self = (MkReviewsModel *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (mk_reviews_model_parent_class)->finalize (object);
}

static void
mk_reviews_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MkReviewsModel *self = MK_REVIEWS_MODEL (object);

  switch (prop_id)
    {
    case PROP_AVERAGE:
      g_value_set_double (value, mk_reviews_model_get_average (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_reviews_model_class_init (MkReviewsModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mk_reviews_model_dispose;
  object_class->finalize = mk_reviews_model_finalize;
  object_class->get_property = mk_reviews_model_get_property;

  /* Notified on every change of the list, for the summary. */
  properties [PROP_AVERAGE] =
    g_param_spec_double ("average", NULL, NULL,
                         0, 5, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mk_reviews_model_init (MkReviewsModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

MkReviewsModel *
mk_reviews_model_new (MkContext *context)
{
  MkReviewsModel *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MK_IS_CONTEXT (context), NULL);

  self = g_object_new (MK_TYPE_REVIEWS_MODEL, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::user-id",
                           G_CALLBACK (mk_reviews_model_user_id_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (!mk_reviews_model_reload (self, &error))
    g_warning ("Could not load the reviews: %s", error->message);

  return self;
}
