/* mk-review-card.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mk-review.h"

G_BEGIN_DECLS

/* One review in the list: stars, client, project type and date, the text,
 * badges, and a menu whose items activate the pane's reviews.* actions with
 * the review's id. */

#define MK_TYPE_REVIEW_CARD (mk_review_card_get_type ())

G_DECLARE_FINAL_TYPE (MkReviewCard, mk_review_card, MK, REVIEW_CARD, GtkWidget)

GtkWidget *mk_review_card_new        (void);
void       mk_review_card_set_review (MkReviewCard *self,
                                      MkReview     *review);

/* "★★★★☆" and "4 out of 5 stars", shared with the summary. */
char      *mk_review_card_format_stars (double rating);
char      *mk_review_card_describe_stars (int rating);

G_END_DECLS
