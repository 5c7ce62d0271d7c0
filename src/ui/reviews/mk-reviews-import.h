/* mk-reviews-import.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mk-context.h"
#include "mk-reviews-model.h"

G_BEGIN_DECLS

/* Asks for a CSV file, shows a preview (how many reviews, unknown columns,
 * every bad row with its line and reason) and imports all or nothing. */
void mk_reviews_import_run (GtkWindow      *parent,
                            MkContext      *context,
                            MkReviewsModel *model);

G_END_DECLS
