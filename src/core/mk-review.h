/* mk-review.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A client's review of the creator: one row of `reviews`. Only published
 * reviews appear in an exported media kit. */

#define MK_TYPE_REVIEW (mk_review_get_type ())

G_DECLARE_FINAL_TYPE (MkReview, mk_review, MK, REVIEW, GObject)

MkReview *   mk_review_new              (void);
MkReview *   mk_review_copy             (MkReview *self);
gboolean     mk_review_validate         (MkReview *self,
                                         GError **error);
const char * mk_review_get_id           (MkReview *self);
void         mk_review_set_id           (MkReview *self,
                                         const char *value);
const char * mk_review_get_user_id      (MkReview *self);
void         mk_review_set_user_id      (MkReview *self,
                                         const char *value);
const char * mk_review_get_client_name  (MkReview *self);
void         mk_review_set_client_name  (MkReview *self,
                                         const char *value);
const char * mk_review_get_client_email (MkReview *self);
void         mk_review_set_client_email (MkReview *self,
                                         const char *value);
int          mk_review_get_rating       (MkReview *self);
void         mk_review_set_rating       (MkReview *self,
                                         int value);
const char * mk_review_get_review_text  (MkReview *self);
void         mk_review_set_review_text  (MkReview *self,
                                         const char *value);
const char * mk_review_get_project_type (MkReview *self);
void         mk_review_set_project_type (MkReview *self,
                                         const char *value);
gboolean     mk_review_get_is_verified  (MkReview *self);
void         mk_review_set_is_verified  (MkReview *self,
                                         gboolean value);
gboolean     mk_review_get_is_published (MkReview *self);
void         mk_review_set_is_published (MkReview *self,
                                         gboolean value);
const char * mk_review_get_created_at   (MkReview *self);
void         mk_review_set_created_at   (MkReview *self,
                                         const char *value);

G_END_DECLS
