/* fuzz-csv.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reviews CSV importer on any bytes, at both of its levels:
 *  - mk_csv_parse(): an MK_CSV_ERROR, or records of valid UTF-8 whose line
 *    numbers never go back, and which mk_csv_append_record() writes back to
 *    text that parses to the same records;
 *  - mk_reviews_csv_read(): an error, or reviews that each pass validation
 *    and problems that each name a line; an import without problems survives
 *    mk_reviews_csv_write() and a second read unchanged. */

#include "config.h"

#include <stdint.h>

#include "mk-csv.h"
#include "mk-reviews-csv.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define USER_ID "6f1c1a52-3c55-4c3e-9d53-8f0e6b1b6a10"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_records (const char *data,
               size_t      size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint last_line = 0;

  records = mk_csv_parse (data, size, &error);
  if (records == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == MK_CSV_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);
  g_ptr_array_set_free_func (records, (GDestroyNotify) mk_csv_record_free);

  for (guint i = 0; i < records->len; i++)
    {
      MkCsvRecord *record = g_ptr_array_index (records, i);

      g_assert_cmpuint (record->line, >, last_line);
      last_line = record->line;
      g_assert_cmpuint (record->n_fields, >, 0);
      g_assert_cmpuint (g_strv_length (record->fields), ==, record->n_fields);
      for (guint j = 0; j < record->n_fields; j++)
        g_assert_true (g_utf8_validate (record->fields[j], -1, NULL));

      mk_csv_append_record (out, (const char * const *) record->fields, record->n_fields);
    }

  again = mk_csv_parse (out->str, out->len, &error);
  g_assert_no_error (error);
  g_ptr_array_set_free_func (again, (GDestroyNotify) mk_csv_record_free);
  g_assert_cmpuint (again->len, ==, records->len);

  for (guint i = 0; i < records->len; i++)
    {
      MkCsvRecord *a = g_ptr_array_index (records, i);
      MkCsvRecord *b = g_ptr_array_index (again, i);

      g_assert_cmpuint (a->n_fields, ==, b->n_fields);
      for (guint j = 0; j < a->n_fields; j++)
        g_assert_cmpstr (a->fields[j], ==, b->fields[j]);
    }
}

static const char *
empty_if_null (const char *s)
{
  return s != NULL ? s : "";
}

static void
check_reviews (const char *data,
               size_t      size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkReviewsCsvImport) import = NULL;
  g_autoptr(MkReviewsCsvImport) again = NULL;
  g_autofree char *written = NULL;

  import = mk_reviews_csv_read (data, size, USER_ID, &error);
  if (import == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }
  g_assert_no_error (error);

  for (guint i = 0; i < import->reviews->len; i++)
    {
      MkReview *review = g_ptr_array_index (import->reviews, i);

      g_assert_true (mk_review_validate (review, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (mk_review_get_user_id (review), ==, USER_ID);
    }

  for (guint i = 0; i < import->problems->len; i++)
    {
      MkReviewsCsvProblem *problem = g_ptr_array_index (import->problems, i);

      g_assert_cmpuint (problem->line, >=, 1);
      g_assert_nonnull (problem->message);
      g_assert_true (g_utf8_validate (problem->message, -1, NULL));
    }

  /* Only a clean import is ever stored, so only that one must round-trip. */
  if (import->problems->len > 0)
    return;

  written = mk_reviews_csv_write (import->reviews);
  again = mk_reviews_csv_read (written, -1, USER_ID, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpuint (again->problems->len, ==, 0);
  g_assert_cmpuint (again->reviews->len, ==, import->reviews->len);

  for (guint i = 0; i < import->reviews->len; i++)
    {
      MkReview *a = g_ptr_array_index (import->reviews, i);
      MkReview *b = g_ptr_array_index (again->reviews, i);

      g_assert_cmpstr (mk_review_get_client_name (a), ==, mk_review_get_client_name (b));
      g_assert_cmpstr (empty_if_null (mk_review_get_client_email (a)), ==,
                       empty_if_null (mk_review_get_client_email (b)));
      g_assert_cmpint (mk_review_get_rating (a), ==, mk_review_get_rating (b));
      g_assert_cmpstr (mk_review_get_review_text (a), ==, mk_review_get_review_text (b));
      g_assert_cmpstr (empty_if_null (mk_review_get_project_type (a)), ==,
                       empty_if_null (mk_review_get_project_type (b)));
      g_assert_cmpint (mk_review_get_is_verified (a), ==, mk_review_get_is_verified (b));
      g_assert_cmpint (mk_review_get_is_published (a), ==, mk_review_get_is_published (b));
      g_assert_cmpstr (mk_review_get_created_at (a), ==, mk_review_get_created_at (b));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  check_records ((const char *) data, size);
  check_reviews ((const char *) data, size);
  return 0;
}
