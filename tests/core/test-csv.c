/* test-csv.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180 parsing and writing, and the reviews mapping on top of it.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>

#include "mk-csv.h"
#include "mk-reviews-csv.h"
#include "mk-validate.h"

#define USER_ID "0b5a3c7e-1111-4222-8333-944455556666"
#define HEADER "client_name,client_email,rating,review_text,project_type,is_verified,is_published,created_at\r\n"

static MkCsvRecord *
record (GPtrArray *records,
        guint      i)
{
  g_assert_cmpuint (i, <, records->len);
  return g_ptr_array_index (records, i);
}

static void
test_parse_plain (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = mk_csv_parse ("a,b,c\r\n1,,3\n\nx,y,", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpuint (record (records, 0)->n_fields, ==, 3);
  g_assert_cmpstr (record (records, 1)->fields[1], ==, "");
  g_assert_cmpstr (record (records, 1)->fields[2], ==, "3");
  /* the blank line is skipped but counted */
  g_assert_cmpuint (record (records, 2)->line, ==, 4);
  g_assert_cmpuint (record (records, 2)->n_fields, ==, 3);
  g_assert_cmpstr (record (records, 2)->fields[2], ==, "");
}

static void
test_parse_quoted (void)
{
  g_autoptr(GError) error = NULL;
  const char *data = "\"a, b\",\"say \"\"hi\"\"\",\"line one\r\nline two\nthree\"\r\n\"\",next\r\nlast,\"x\"";
  g_autoptr(GPtrArray) records = mk_csv_parse (data, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpstr (record (records, 0)->fields[0], ==, "a, b");
  g_assert_cmpstr (record (records, 0)->fields[1], ==, "say \"hi\"");
  g_assert_cmpstr (record (records, 0)->fields[2], ==, "line one\r\nline two\nthree");
  g_assert_cmpuint (record (records, 1)->line, ==, 4);
  g_assert_cmpuint (record (records, 1)->n_fields, ==, 2);
  g_assert_cmpstr (record (records, 1)->fields[0], ==, "");
  g_assert_cmpuint (record (records, 2)->line, ==, 5);
  g_assert_cmpstr (record (records, 2)->fields[1], ==, "x");
}

static void
test_parse_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = mk_csv_parse ("\xEF\xBB\xBF" "name,x\r\nZoë,1\r\n", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (record (records, 0)->fields[0], ==, "name");
  g_assert_cmpstr (record (records, 1)->fields[0], ==, "Zoë");
}

static void
test_parse_errors (void)
{
  struct { const char *data; gssize length; int code; const char *line; } cases[] = {
    { "a,b\r\n\"open,x\r\nmore\r\n", -1, MK_CSV_ERROR_UNTERMINATED, "Line 2" },
    { "a,b\r\nx,y\"z\r\n", -1, MK_CSV_ERROR_BAD_QUOTE, "Line 2" },
    { "a,b\r\n\"x\"y,z\r\n", -1, MK_CSV_ERROR_BAD_QUOTE, "Line 2" },
    { "a,b\r\nc,d\r\n\xff\xfe,x\r\n", -1, MK_CSV_ERROR_ENCODING, "Line 3" },
    { "a,b\nc\0d\n", 8, MK_CSV_ERROR_ENCODING, "Line 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) records = mk_csv_parse (cases[i].data, cases[i].length, &error);

      g_assert_null (records);
      g_assert_error (error, MK_CSV_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, cases[i].line));
    }
}

static void
test_write_round_trip (void)
{
  const char *fields[] = { "plain", "with, comma", "with \"quote\"", "two\r\nlines", NULL, " pad " };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  mk_csv_append_record (out, fields, G_N_ELEMENTS (fields));
  g_assert_cmpstr (out->str, ==,
                   "plain,\"with, comma\",\"with \"\"quote\"\"\",\"two\r\nlines\",,\" pad \"\r\n");

  records = mk_csv_parse (out->str, out->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpuint (record (records, 0)->n_fields, ==, G_N_ELEMENTS (fields));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (record (records, 0)->fields[i], ==, fields[i] ? fields[i] : "");
}

static MkReviewsCsvImport *
read_ok (const char *data)
{
  g_autoptr(GError) error = NULL;
  MkReviewsCsvImport *import = mk_reviews_csv_read (data, -1, USER_ID, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static void
test_reviews_any_order_defaults (void)
{
  g_autoptr(MkReviewsCsvImport) import =
    read_ok ("Review_Text, rating ,client_name,colour\n\"Great, \"\"really\"\"\nwork\",4,Acme,blue\n");
  MkReview *review;

  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpuint (import->reviews->len, ==, 1);
  g_assert_cmpstrv (import->unknown_columns, ((const char * const[]) { "colour", NULL }));

  review = g_ptr_array_index (import->reviews, 0);
  g_assert_cmpstr (mk_review_get_client_name (review), ==, "Acme");
  g_assert_cmpint (mk_review_get_rating (review), ==, 4);
  g_assert_cmpstr (mk_review_get_review_text (review), ==, "Great, \"really\"\nwork");
  g_assert_cmpstr (mk_review_get_user_id (review), ==, USER_ID);
  g_assert_null (mk_review_get_client_email (review));
  g_assert_null (mk_review_get_project_type (review));
  g_assert_false (mk_review_get_is_verified (review));
  g_assert_true (mk_review_get_is_published (review));
}

static void
test_reviews_bad_rows (void)
{
  g_autoptr(MkReviewsCsvImport) import =
    read_ok (HEADER
             "Good,,5,Fine,,yes,no,2026-01-02T03:04:05Z\r\n"       /* line 2 */
             "Zero,,0,Text,,,,\r\n"                               /* line 3 */
             "Six,,6,Text,,,,\r\n"                                /* line 4 */
             ",,3,Text,,,,\r\n"                                   /* line 5 */
             "NoText,,3,,,,,\r\n"                                 /* line 6 */
             "Short,3,Text\r\n"                                   /* line 7 */
             "Mail,not-an-email,3,Text,,,,\r\n"                   /* line 8 */
             "Word,,three,Text,,,,\r\n"                           /* line 9 */
             "Flag,,3,Text,,maybe,,\r\n"                          /* line 10 */
             "Date,,3,Text,,,,yesterday\r\n"                      /* line 11 */
             "\"Multi\nline\",,3,Text,,,,\r\n"                    /* line 12-13 */
             "Late,,2,Text,,,,\r\n");                             /* line 14 */
  static const struct { guint line; const char *field; } expected[] = {
    { 3, "rating" }, { 4, "rating" }, { 5, "client_name" }, { 6, "review_text" },
    { 7, NULL }, { 8, "client_email" }, { 9, "rating" }, { 10, "is_verified" },
    { 11, "created_at" }, { 12, "client_name" },
  };
  MkReview *review;

  g_assert_cmpuint (import->reviews->len, ==, 2);
  review = g_ptr_array_index (import->reviews, 0);
  g_assert_true (mk_review_get_is_verified (review));
  g_assert_false (mk_review_get_is_published (review));
  g_assert_cmpstr (mk_review_get_created_at (review), ==, "2026-01-02T03:04:05Z");

  g_assert_cmpuint (import->problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      MkReviewsCsvProblem *problem = g_ptr_array_index (import->problems, i);

      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_cmpstr (problem->field, ==, expected[i].field);
      g_assert_true (problem->message != NULL && *problem->message != '\0');
    }
}

static void
test_reviews_header_errors (void)
{
  const char *cases[] = {
    "",
    "\r\n\r\n",
    "client_name,review_text\r\nA,B\r\n",
    "client_name,rating,review_text,rating\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MkReviewsCsvImport) import = mk_reviews_csv_read (cases[i], -1, USER_ID, &error);

      g_assert_null (import);
      g_assert_error (error, MK_CSV_ERROR, MK_CSV_ERROR_HEADER);
    }
}

static void
test_reviews_write_read (void)
{
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MkReviewsCsvImport) import = NULL;
  g_autofree char *csv = NULL;
  MkReview *review = mk_review_new ();
  MkReview *back;

  mk_review_set_user_id (review, USER_ID);
  mk_review_set_client_name (review, "Brand, Inc.");
  mk_review_set_client_email (review, "pr@brand.example");
  mk_review_set_rating (review, 3);
  mk_review_set_review_text (review, "She said \"wow\".\nTwice.");
  mk_review_set_project_type (review, "Event");
  mk_review_set_is_verified (review, TRUE);
  mk_review_set_is_published (review, FALSE);
  mk_review_set_created_at (review, "2025-12-31T23:59:59Z");
  g_ptr_array_add (reviews, review);

  csv = mk_reviews_csv_write (reviews);
  g_assert_true (g_str_has_prefix (csv, HEADER));

  import = read_ok (csv);
  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpuint (import->reviews->len, ==, 1);
  back = g_ptr_array_index (import->reviews, 0);
  g_assert_cmpstr (mk_review_get_client_name (back), ==, "Brand, Inc.");
  g_assert_cmpstr (mk_review_get_client_email (back), ==, "pr@brand.example");
  g_assert_cmpint (mk_review_get_rating (back), ==, 3);
  g_assert_cmpstr (mk_review_get_review_text (back), ==, "She said \"wow\".\nTwice.");
  g_assert_cmpstr (mk_review_get_project_type (back), ==, "Event");
  g_assert_true (mk_review_get_is_verified (back));
  g_assert_false (mk_review_get_is_published (back));
  g_assert_cmpstr (mk_review_get_created_at (back), ==, "2025-12-31T23:59:59Z");
}

static void
test_reviews_many_rows (void)
{
  g_autoptr(GString) data = g_string_new ("\xEF\xBB\xBF" HEADER);
  g_autoptr(MkReviewsCsvImport) import = NULL;
  gint64 start;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (data, "Client %u,c%u@example.com,%u,\"Text, %u\nmore\",Event,true,%s,\r\n",
                            i, i, i % 5 + 1, i, i % 2 ? "true" : "false");

  start = g_get_monotonic_time ();
  import = read_ok (data->str);
  g_test_message ("10,000 rows read in %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);

  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpuint (import->reviews->len, ==, 10000);
  g_assert_cmpstr (mk_review_get_client_name (g_ptr_array_index (import->reviews, 9999)), ==, "Client 9999");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/parse/plain", test_parse_plain);
  g_test_add_func ("/csv/parse/quoted", test_parse_quoted);
  g_test_add_func ("/csv/parse/bom", test_parse_bom);
  g_test_add_func ("/csv/parse/errors", test_parse_errors);
  g_test_add_func ("/csv/write/round-trip", test_write_round_trip);
  g_test_add_func ("/reviews-csv/any-order-defaults", test_reviews_any_order_defaults);
  g_test_add_func ("/reviews-csv/bad-rows", test_reviews_bad_rows);
  g_test_add_func ("/reviews-csv/header-errors", test_reviews_header_errors);
  g_test_add_func ("/reviews-csv/write-read", test_reviews_write_read);
  g_test_add_func ("/reviews-csv/many-rows", test_reviews_many_rows);

  return g_test_run ();
}
