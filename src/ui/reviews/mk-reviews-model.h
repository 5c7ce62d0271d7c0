/* mk-reviews-model.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-context.h"
#include "mk-review.h"

G_BEGIN_DECLS

/* The signed-in account's reviews as a GListModel of MkReview, newest first.
 * Every change a person makes goes through here: it writes the row and a
 * logs row in one transaction, then updates the list. The list follows
 * MkContext:user-id. */

#define MK_TYPE_REVIEWS_MODEL (mk_reviews_model_get_type ())

G_DECLARE_FINAL_TYPE (MkReviewsModel, mk_reviews_model, MK, REVIEWS_MODEL, GObject)

MkReviewsModel *mk_reviews_model_new            (MkContext       *context);
gboolean        mk_reviews_model_reload         (MkReviewsModel  *self,
                                                 GError         **error);
MkReview       *mk_reviews_model_find           (MkReviewsModel  *self,
                                                 const char      *id);
/* Sets user_id to the signed-in account. */
gboolean        mk_reviews_model_add            (MkReviewsModel  *self,
                                                 MkReview        *review,
                                                 GError         **error);
/* @review is a copy of an item, with the same id, changed. */
gboolean        mk_reviews_model_update         (MkReviewsModel  *self,
                                                 MkReview        *review,
                                                 GError         **error);
gboolean        mk_reviews_model_set_published  (MkReviewsModel  *self,
                                                 const char      *id,
                                                 gboolean         published,
                                                 GError         **error);
gboolean        mk_reviews_model_set_verified   (MkReviewsModel  *self,
                                                 const char      *id,
                                                 gboolean         verified,
                                                 GError         **error);
/* Returns the deleted review (for Undo) or NULL on error. */
MkReview       *mk_reviews_model_delete         (MkReviewsModel  *self,
                                                 const char      *id,
                                                 GError         **error);
/* Puts back a review that mk_reviews_model_delete() returned. */
gboolean        mk_reviews_model_restore        (MkReviewsModel  *self,
                                                 MkReview        *review,
                                                 GError         **error);

/* 0 when there are no reviews. */
double          mk_reviews_model_get_average    (MkReviewsModel  *self);
guint           mk_reviews_model_get_rating_count (MkReviewsModel *self,
                                                   int             stars);

G_END_DECLS
