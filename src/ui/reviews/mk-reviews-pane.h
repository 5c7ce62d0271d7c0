/* mk-reviews-pane.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MK_TYPE_REVIEWS_PANE (mk_reviews_pane_get_type ())

G_DECLARE_FINAL_TYPE (MkReviewsPane, mk_reviews_pane, MK, REVIEWS_PANE, AdwBin)

G_END_DECLS
