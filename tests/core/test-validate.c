/* test-validate.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "mk-calendar-entry.h"
#include "mk-profile.h"
#include "mk-review.h"
#include "mk-user.h"
#include "mk-validate.h"

#define USER_ID "0b9a6c2e-6f4b-4d43-9a57-2a3f1d8c7e10"

typedef struct {
  const char *value;
  gboolean    valid;
} Case;

static void
test_email (void)
{
  static const Case cases[] = {
    { "sarah@example.com", TRUE },
    { "Sarah.Lee+kit@mail.example.co.uk", TRUE },
    { "a@b.co", TRUE },
    { "jos\xc3\xa9@exampl\xc3\xa9.fr", TRUE },
    { "", FALSE },
    { "sarah", FALSE },
    { "sarah@", FALSE },
    { "@example.com", FALSE },
    { "sarah@localhost", FALSE },
    { "sarah@@example.com", FALSE },
    { "sa rah@example.com", FALSE },
    { "sarah@exa mple.com", FALSE },
    { ".sarah@example.com", FALSE },
    { "sarah.@example.com", FALSE },
    { "sa..rah@example.com", FALSE },
    { "sarah@-example.com", FALSE },
    { "sarah@example-.com", FALSE },
    { "sarah@example..com", FALSE },
    { "sarah@example.com.", FALSE },
    { "sarah\n@example.com", FALSE },
    { "<sarah>@example.com", FALSE },
    { "\xff@example.com", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = mk_validate_email ("email", cases[i].value, TRUE, &error);

      g_test_message ("email “%s”", cases[i].value);
      g_assert_cmpint (ok, ==, cases[i].valid);
      if (!ok)
        {
          g_assert_error (error, MK_VALIDATE_ERROR, error->code);
          g_assert_cmpstr (mk_validate_error_get_field (error), ==, "email");
        }
    }
}

static void
test_email_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) email = g_string_new (NULL);

  /* 64 + 1 + 190 = 255 characters: the limit itself passes. */
  g_string_append (email, "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl@");
  while (email->len < 251)
    g_string_append_c (email, 'd');
  g_string_append (email, ".com");
  g_assert_cmpuint (email->len, ==, 255);
  g_assert_true (mk_validate_email ("email", email->str, TRUE, NULL));

  g_string_insert_c (email, 66, 'd');
  g_assert_false (mk_validate_email ("client_email", email->str, TRUE, &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_TOO_LONG);
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "client_email");

  /* An optional email may be missing; a required one may not. */
  g_clear_error (&error);
  g_assert_true (mk_validate_email ("client_email", NULL, FALSE, NULL));
  g_assert_true (mk_validate_email ("client_email", "", FALSE, NULL));
  g_assert_false (mk_validate_email ("email", NULL, TRUE, &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_REQUIRED);
}

static void
test_slug (void)
{
  static const Case cases[] = {
    { "sarah", TRUE },
    { "abc", TRUE },
    { "sarah-lee-2026", TRUE },
    { "0-a", TRUE },
    { "12345678901234567890123456789012345678901234567890", TRUE },
    { "123456789012345678901234567890123456789012345678901", FALSE },
    { "ab", FALSE },
    { "", FALSE },
    { "Sarah", FALSE },
    { "sarah lee", FALSE },
    { "sarah_lee", FALSE },
    { "-sarah", FALSE },
    { "sarah-", FALSE },
    { "sarah--lee", FALSE },
    { "s\xc3\xa1rah", FALSE },
    { "sarah/lee", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = mk_validate_slug (cases[i].value, &error);

      g_test_message ("slug “%s”", cases[i].value);
      g_assert_cmpint (ok, ==, cases[i].valid);
      if (!ok)
        g_assert_cmpstr (mk_validate_error_get_field (error), ==, "slug");
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (mk_validate_slug ("Sarah", &error));
    g_assert_cmpstr (error->message, ==,
                     "Slug may contain only lower-case letters, digits and single hyphens");
  }
}

static void
test_budget (void)
{
  static const struct {
    gint64      min;
    gint64      max;
    gboolean    valid;
    const char *field;
  } cases[] = {
    { -1, -1, TRUE, NULL },
    { 0, 0, TRUE, NULL },
    { 500, 5000, TRUE, NULL },
    { 500, 500, TRUE, NULL },
    { 500, -1, TRUE, NULL },
    { -1, 500, TRUE, NULL },
    { 5000, 500, FALSE, "budget_max" },
    { -2, 500, FALSE, "budget_min" },
    { 0, -5, FALSE, "budget_max" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = mk_validate_budget (cases[i].min, cases[i].max, &error);

      g_assert_cmpint (ok, ==, cases[i].valid);
      if (!ok)
        {
          g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_OUT_OF_RANGE);
          g_assert_cmpstr (mk_validate_error_get_field (error), ==, cases[i].field);
        }
    }
}

static void
test_categories (void)
{
  static const Case cases[] = {
    { "[]", TRUE },
    { "[\"Fashion\"]", TRUE },
    { "[\"Fashion\", \"Travel & Food\", \"Mode f\\u00e9minine\"]", TRUE },
    { "[\"\"]", FALSE },
    { "[\"  \"]", FALSE },
    { "[\"Fashion\", 3]", FALSE },
    { "[null]", FALSE },
    { "[[\"Fashion\"]]", FALSE },
    { "{\"a\": \"Fashion\"}", FALSE },
    { "\"Fashion\"", FALSE },
    { "Fashion", FALSE },
    { "[\"Fashion\"", FALSE },
    { "[\"Fash\\nion\"]", FALSE },
    /* length: 30 characters pass, 31 do not; characters, not bytes */
    { "[\"123456789012345678901234567890\"]", TRUE },
    { "[\"1234567890123456789012345678901\"]", FALSE },
    { "[\"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
      "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\"]", TRUE },
    /* count: 10 pass, 11 do not */
    { "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\"]", TRUE },
    { "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]", FALSE },
    /* duplicates, whatever their case, spaces or Unicode form */
    { "[\"Travel\", \"Food\"]", TRUE },
    { "[\"Travel\", \"travel\"]", FALSE },
    { "[\"Travel\", \" TRAVEL \"]", FALSE },
    { "[\"Caf\u00e9\", \"cafe\u0301\"]", FALSE },
    { "[\"Stra\u00dfe\", \"STRASSE\"]", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = mk_validate_categories_json (cases[i].value, &error);

      g_test_message ("categories %s", cases[i].value);
      g_assert_cmpint (ok, ==, cases[i].valid);
      if (!ok)
        g_assert_cmpstr (mk_validate_error_get_field (error), ==, "categories");
    }

  {
    const char *good[] = { "Fashion", "Beauty", NULL };
    const char *empty[] = { "Fashion", "", NULL };

    g_assert_true (mk_validate_categories (good, NULL));
    g_assert_true (mk_validate_categories (NULL, NULL));
    g_assert_false (mk_validate_categories (empty, NULL));
  }

  /* One at a time, as the tag field adds them: the error says why. */
  {
    const char *have[] = { "Fashion", "Travel", NULL };
    const char *full[] = { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", NULL };
    g_autoptr(GError) error = NULL;

    g_assert_true (mk_validate_category_add (have, "Food", NULL));
    g_assert_true (mk_validate_category_add (NULL, "Food", NULL));
    g_assert_false (mk_validate_category_add (have, "fashion", &error));
    g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_INVALID);
    g_assert_cmpstr (mk_validate_error_get_field (error), ==, "categories");
    g_assert_nonnull (strstr (error->message, "fashion"));
    g_clear_error (&error);
    g_assert_false (mk_validate_category_add (full, "k", &error));
    g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_OUT_OF_RANGE);
    g_clear_error (&error);
    g_assert_false (mk_validate_category_add (have, " ", &error));
    g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_REQUIRED);
    g_clear_error (&error);
    g_assert_false (mk_validate_category_add (have, "1234567890123456789012345678901", &error));
    g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_TOO_LONG);

    g_assert_true (mk_validate_category_is_duplicate (have, "  TRAVEL"));
    g_assert_false (mk_validate_category_is_duplicate (have, "Travels"));
    g_assert_false (mk_validate_category_is_duplicate (NULL, "Travel"));
  }
}

static void
test_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hundred = g_strnfill (100, 'x');
  g_autofree char *hundred_one = g_strnfill (101, 'x');
  /* 100 two-byte characters: the limit counts characters, not bytes. */
  g_autoptr(GString) wide = g_string_new (NULL);

  for (guint i = 0; i < 100; i++)
    g_string_append (wide, "\xc3\xa9");

  g_assert_true (mk_validate_text ("brand_name", "Brand name", hundred, 100,
                                   MK_VALIDATE_TEXT_REQUIRED | MK_VALIDATE_TEXT_SINGLE_LINE, NULL));
  g_assert_true (mk_validate_text ("brand_name", "Brand name", wide->str, 100,
                                   MK_VALIDATE_TEXT_REQUIRED | MK_VALIDATE_TEXT_SINGLE_LINE, NULL));

  g_assert_false (mk_validate_text ("brand_name", "Brand name", hundred_one, 100,
                                    MK_VALIDATE_TEXT_REQUIRED | MK_VALIDATE_TEXT_SINGLE_LINE, &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_TOO_LONG);
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "brand_name");
  g_clear_error (&error);

  g_assert_false (mk_validate_text ("brand_name", "Brand name", "  \t ", 100,
                                    MK_VALIDATE_TEXT_REQUIRED, &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_REQUIRED);
  g_assert_cmpstr (error->message, ==, "Brand name is required");
  g_clear_error (&error);

  g_assert_false (mk_validate_text ("brand_name", "Brand name", "Nike\nAdidas", 100,
                                    MK_VALIDATE_TEXT_SINGLE_LINE, &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_ENCODING);
  g_clear_error (&error);

  /* Multi-line text keeps newlines and tabs, but not other controls. */
  g_assert_true (mk_validate_text ("notes", "Notes", "Line 1\n\tLine 2\r\n", 0,
                                   MK_VALIDATE_TEXT_NONE, NULL));
  g_assert_false (mk_validate_text ("notes", "Notes", "bell\a", 0, MK_VALIDATE_TEXT_NONE, &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_ENCODING);
  g_clear_error (&error);
  /* U+0085, a C1 control, in UTF-8. */
  g_assert_false (mk_validate_text ("notes", "Notes", "x\xc2\x85y", 0, MK_VALIDATE_TEXT_NONE, NULL));

  g_assert_false (mk_validate_text ("notes", "Notes", "bad \xc3\x28 utf8", 0, MK_VALIDATE_TEXT_NONE, &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_ENCODING);
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "notes");

  /* Not required: NULL passes. */
  g_assert_true (mk_validate_text ("campaign_name", "Campaign", NULL, 200, MK_VALIDATE_TEXT_SINGLE_LINE, NULL));
}

static void
test_dates (void)
{
  static const Case dates[] = {
    { "2026-11-24", TRUE },
    { "2024-02-29", TRUE },
    { "2000-02-29", TRUE },
    { "2026-12-31", TRUE },
    { "2026-02-29", FALSE },
    { "1900-02-29", FALSE },
    { "2026-02-30", FALSE },
    { "2026-04-31", FALSE },
    { "2026-13-01", FALSE },
    { "2026-00-10", FALSE },
    { "2026-01-00", FALSE },
    { "2026-1-5", FALSE },
    { "26-11-24", FALSE },
    { "2026/11/24", FALSE },
    { "2026-11-24T10:00", FALSE },
    { " 2026-11-24", FALSE },
    { "", FALSE },
  };
  static const Case times[] = {
    { "00:00", TRUE },
    { "18:20", TRUE },
    { "23:59", TRUE },
    { "24:00", FALSE },
    { "12:60", FALSE },
    { "9:30", FALSE },
    { "09:30:00", FALSE },
    { "0930", FALSE },
    { "ab:cd", FALSE },
  };
  static const Case timestamps[] = {
    { "2026-11-24T18:20:00Z", TRUE },
    { "2024-02-29T23:59:59Z", TRUE },
    { "2026-11-24T18:20:00", FALSE },
    { "2026-11-24 18:20:00Z", FALSE },
    { "2026-11-24T18:20:00.123Z", FALSE },
    { "2026-11-24T18:20:00+01:00", FALSE },
    { "2026-11-24T24:00:00Z", FALSE },
    { "2026-11-24T18:20:60Z", FALSE },
    { "2026-02-30T18:20:00Z", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = mk_validate_date ("date", "Date", dates[i].value, TRUE, &error);

      g_test_message ("date “%s”", dates[i].value);
      g_assert_cmpint (ok, ==, dates[i].valid);
      if (!ok)
        g_assert_cmpstr (mk_validate_error_get_field (error), ==, "date");
    }

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_test_message ("time “%s”", times[i].value);
      g_assert_cmpint (mk_validate_time ("time", "Time", times[i].value, TRUE, NULL), ==, times[i].valid);
    }

  for (guint i = 0; i < G_N_ELEMENTS (timestamps); i++)
    {
      g_test_message ("timestamp “%s”", timestamps[i].value);
      g_assert_cmpint (mk_validate_timestamp ("created_at", "Created", timestamps[i].value, TRUE, NULL),
                       ==, timestamps[i].valid);
    }

  /* Optional ones may be missing. */
  g_assert_true (mk_validate_time ("time", "Time", NULL, FALSE, NULL));
  g_assert_false (mk_validate_date ("date", "Date", NULL, TRUE, NULL));
}

static void
test_rating (void)
{
  for (int r = -1; r <= 7; r++)
    g_assert_cmpint (mk_validate_rating (r, NULL), ==, r >= 1 && r <= 5);
}

static void
test_error_copy_keeps_field (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");

  mk_validate_set_error (&error, MK_VALIDATE_ERROR_INVALID, "slug", "Bad %s", "slug");
  copy = g_error_copy (error);
  g_assert_cmpstr (mk_validate_error_get_field (copy), ==, "slug");
  g_assert_cmpstr (copy->message, ==, "Bad slug");
  g_assert_null (mk_validate_error_get_field (other));
  g_assert_null (mk_validate_error_get_field (NULL));
}

static void
test_models (void)
{
  g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();
  g_autoptr(MkProfile) profile = mk_profile_new ();
  g_autoptr(MkReview) review = mk_review_new ();
  g_autoptr(MkUser) user = mk_user_new ();
  g_autoptr(GError) error = NULL;

  /* Calendar: the first failing field is named. */
  mk_calendar_entry_set_user_id (entry, USER_ID);
  g_assert_false (mk_calendar_entry_validate (entry, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "brand_name");
  g_assert_cmpstr (error->message, ==, "Brand name is required");
  g_clear_error (&error);

  mk_calendar_entry_set_brand_name (entry, "Glossier");
  mk_calendar_entry_set_date (entry, "2026-02-30");
  g_assert_false (mk_calendar_entry_validate (entry, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "date");
  g_clear_error (&error);

  mk_calendar_entry_set_date (entry, "2026-11-24");
  mk_calendar_entry_set_time (entry, "18:20");
  g_assert_true (mk_calendar_entry_validate (entry, NULL));

  /* Shoots have no platform; uploads have no location. */
  mk_calendar_entry_set_platform (entry, MK_PLATFORM_TIKTOK);
  g_assert_false (mk_calendar_entry_validate (entry, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "platform");
  g_clear_error (&error);
  mk_calendar_entry_set_entry_type (entry, MK_ENTRY_TYPE_UPLOAD);
  mk_calendar_entry_set_content_type (entry, MK_CONTENT_TYPE_SHORT);
  g_assert_true (mk_calendar_entry_validate (entry, NULL));
  mk_calendar_entry_set_location (entry, "Studio 4");
  g_assert_false (mk_calendar_entry_validate (entry, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "location");
  g_clear_error (&error);

  /* Profile. */
  mk_profile_set_user_id (profile, USER_ID);
  mk_profile_set_slug (profile, "sarah");
  mk_profile_set_display_name (profile, "Sarah Lee");
  g_assert_true (mk_profile_validate (profile, NULL));
  mk_profile_set_currency (profile, "usd");
  g_assert_false (mk_profile_validate (profile, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "currency");
  g_clear_error (&error);
  mk_profile_set_currency (profile, "EUR");
  mk_profile_set_budget_min (profile, 900);
  mk_profile_set_budget_max (profile, 100);
  g_assert_false (mk_profile_validate (profile, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "budget_max");
  g_clear_error (&error);

  /* Review. */
  mk_review_set_user_id (review, USER_ID);
  mk_review_set_client_name (review, "Acme");
  mk_review_set_review_text (review, "Great work");
  g_assert_false (mk_review_validate (review, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "rating");
  g_clear_error (&error);
  mk_review_set_rating (review, 5);
  mk_review_set_client_email (review, "not an email");
  g_assert_false (mk_review_validate (review, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "client_email");
  g_clear_error (&error);
  mk_review_set_client_email (review, NULL);
  g_assert_true (mk_review_validate (review, NULL));

  /* User: ids must be lower-case UUIDs. */
  mk_user_set_email (user, "sarah@example.com");
  mk_user_set_password_hash (user, "$argon2id$...");
  g_assert_true (mk_user_validate (user, NULL));
  mk_user_set_id (user, "0B9A6C2E-6F4B-4D43-9A57-2A3F1D8C7E10");
  g_assert_false (mk_user_validate (user, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "id");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/validate/email", test_email);
  g_test_add_func ("/core/validate/email-length", test_email_length);
  g_test_add_func ("/core/validate/slug", test_slug);
  g_test_add_func ("/core/validate/budget", test_budget);
  g_test_add_func ("/core/validate/categories", test_categories);
  g_test_add_func ("/core/validate/text", test_text);
  g_test_add_func ("/core/validate/dates", test_dates);
  g_test_add_func ("/core/validate/rating", test_rating);
  g_test_add_func ("/core/validate/error-field", test_error_copy_keeps_field);
  g_test_add_func ("/core/validate/models", test_models);

  return g_test_run ();
}
