/* mk-review-dialog.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mk-reviews-model.h"

G_BEGIN_DECLS

/* Adds a review (@review NULL) or edits a copy of one, saving through
 * @model. Save stays insensitive while a field is invalid; each invalid row
 * says why beside it. */

#define MK_TYPE_REVIEW_DIALOG (mk_review_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MkReviewDialog, mk_review_dialog, MK, REVIEW_DIALOG, AdwWindow)

MkReviewDialog *mk_review_dialog_new        (GtkWindow      *parent,
                                             MkReviewsModel *model,
                                             MkReview       *review);

G_END_DECLS
