/* mk-reviews-csv.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-review.h"

G_BEGIN_DECLS

/* Reviews as CSV: the header names the columns (any order, case and
 * surrounding spaces ignored). client_name, rating and review_text are
 * required; client_email, project_type, is_verified (default false),
 * is_published (default true) and created_at (default: the moment of the
 * import) are optional. Columns with other names are reported and ignored. */

typedef struct {
  guint  line;     /* where the record starts in the file */
  char  *field;    /* the column the problem is about, or NULL */
  char  *message;  /* complete and translated */
} MkReviewsCsvProblem;

typedef struct {
  GPtrArray *reviews;          /* MkReview, every one valid, user_id set */
  GPtrArray *problems;         /* MkReviewsCsvProblem, in line order */
  GStrv      unknown_columns;  /* header names that map to nothing */
  GStrv      columns;          /* the header, as written */
} MkReviewsCsvImport;

void                mk_reviews_csv_import_free (MkReviewsCsvImport *import);

/* Reads @data: a file that is not CSV at all, has no header or lacks a
 * required column is an error; bad rows land in ->problems instead, so a
 * preview can list all of them. An import is all or nothing: callers store
 * ->reviews only when ->problems is empty. */
MkReviewsCsvImport *mk_reviews_csv_read        (const char  *data,
                                                gssize       length,
                                                const char  *user_id,
                                                GError     **error);

/* The header and one record per review, CRLF line ends, no BOM. */
char               *mk_reviews_csv_write       (GPtrArray   *reviews);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkReviewsCsvImport, mk_reviews_csv_import_free)

G_END_DECLS
