/* mk-reviews-table.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-review.h"

G_BEGIN_DECLS

typedef struct _MkStore MkStore;

/* Fills in id and created_at when NULL. */
gboolean   mk_store_reviews_insert (MkStore     *store,
                                    MkReview    *review,
                                    GError     **error);
/* Writes every column but id, user_id and created_at. */
gboolean   mk_store_reviews_update (MkStore     *store,
                                    MkReview    *review,
                                    GError     **error);
gboolean   mk_store_reviews_delete (MkStore     *store,
                                    const char  *id,
                                    GError     **error);
MkReview  *mk_store_reviews_get    (MkStore     *store,
                                    const char  *id,
                                    GError     **error);
/* MkReview of @user_id, newest first. */
GPtrArray *mk_store_reviews_list   (MkStore     *store,
                                    const char  *user_id,
                                    gboolean     published_only,
                                    GError     **error);
/* Inserts every review of @reviews (MkReview of @user_id) in one
 * transaction and writes one logs row: all or nothing. */
gboolean   mk_store_reviews_import (MkStore     *store,
                                    const char  *user_id,
                                    GPtrArray   *reviews,
                                    GError     **error);
/* -1 on error. */
gint64     mk_store_reviews_count  (MkStore     *store,
                                    const char  *user_id,
                                    gboolean     published_only,
                                    GError     **error);

G_END_DECLS
