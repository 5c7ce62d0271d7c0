/* test-accounts.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Password hashing, rehash, the sign-in throttle with an injected clock, and
 * the validation tables an account and its profile go through.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>

#include "mk-login-throttle.h"
#include "mk-password.h"
#include "mk-validate.h"

/* Passwords */

static void
test_password_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *expected_params = NULL;
  g_autofree char *again = NULL;

  /* The real limits, so this also proves they are what the comment says. */
  hash = mk_password_hash ("correct horse", &error);
  g_assert_no_error (error);
  g_assert_nonnull (hash);

  g_assert_true (g_str_has_prefix (hash, "$argon2id$v=19$"));
  expected_params = g_strdup_printf ("$m=%" G_GSIZE_FORMAT ",t=%" G_GUINT64_FORMAT ",p=1$",
                                     mk_password_get_memlimit () / 1024,
                                     mk_password_get_opslimit ());
  g_assert_nonnull (strstr (hash, expected_params));
  g_assert_cmpuint (mk_password_get_memlimit (), >=, 19 * 1024 * 1024);
  g_assert_cmpuint (mk_password_get_opslimit (), >=, 2);
  g_assert_null (strstr (hash, "correct horse"));

  g_assert_true (mk_password_verify (hash, "correct horse"));
  g_assert_false (mk_password_verify (hash, "correct hors"));
  g_assert_false (mk_password_verify (hash, "Correct horse"));
  g_assert_false (mk_password_verify (hash, ""));
  g_assert_false (mk_password_needs_rehash (hash));

  /* A fresh salt every time. */
  again = mk_password_hash ("correct horse", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash, !=, again);
}

static void
test_password_not_a_hash (void)
{
  /* The demo account's hash never matches anything. */
  g_assert_false (mk_password_verify ("!", "!"));
  g_assert_false (mk_password_verify ("!", ""));
  g_assert_false (mk_password_verify (NULL, "x"));
  g_assert_false (mk_password_verify ("$argon2i$v=19$m=8,t=1,p=1$AAAA$AAAA", "x"));
  g_assert_true (mk_password_needs_rehash ("!"));
  g_assert_true (mk_password_needs_rehash (NULL));
}

static void
test_password_rehash (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;

  /* An "old" hash made cheaply with smaller limits still verifies, and is
   * flagged for rehashing. */
  old = mk_password_hash_with_limits ("s3cret-enough", 1, 8192, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (old, "$argon2id$"));
  g_assert_true (mk_password_verify (old, "s3cret-enough"));
  g_assert_true (mk_password_needs_rehash (old));
}

static void
test_password_validate (void)
{
  static const struct {
    const char *password;
    gboolean    valid;
  } cases[] = {
    { NULL, FALSE },
    { "", FALSE },
    { "1234567", FALSE },
    { "12345678", TRUE },
    { "ééééééé", FALSE },      /* 7 characters, 14 bytes */
    { "éééééééé", TRUE },
    { "        ", TRUE },      /* spaces are characters like any other */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = mk_password_validate (cases[i].password, &error);

      g_assert_cmpint (ok, ==, cases[i].valid);
      if (!ok)
        {
          g_assert_error (error, MK_VALIDATE_ERROR, error->code);
          g_assert_cmpstr (mk_validate_error_get_field (error), ==, "password");
        }
    }
}

static void
test_password_free (void)
{
  /* Wipes and frees; NULL is fine. */
  g_autoptr(MkPassword) password = g_strdup ("to be wiped");

  mk_password_free (NULL);
  g_assert_nonnull (password);
}

/* Throttle */

static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static void
test_throttle_waits (void)
{
  static const struct { guint failures; gint64 wait; } cases[] = {
    { 0, 0 }, { 1, 0 }, { 4, 0 },
    { 5, 1 }, { 6, 2 }, { 7, 4 }, { 8, 8 }, { 14, 512 },
    { 15, 900 }, { 16, 900 }, { 1000, 900 }, { G_MAXUINT, 900 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (mk_login_throttle_wait_for (cases[i].failures), ==, cases[i].wait);
}

static void
test_throttle_sequence (void)
{
  guint failures = 0;
  gint64 last_wait = 0;

  fake_now = 1795000000;  /* 2026-11-18 */
  g_assert_cmpint (mk_clock_now (fake_clock, &fake_now), ==, 1795000000);

  for (guint i = 1; i <= 20; i++)
    {
      g_autofree char *until = NULL;
      gint64 now = mk_clock_now (fake_clock, &fake_now);
      gint64 left;

      g_assert_cmpint (mk_login_throttle_seconds_left (NULL, now), ==, 0);
      until = mk_login_throttle_record_failure (&failures, now);
      g_assert_cmpuint (failures, ==, i);

      if (i < 5)
        {
          g_assert_null (until);
          continue;
        }

      g_assert_nonnull (until);
      left = mk_login_throttle_seconds_left (until, now);
      if (i == 5)
        g_assert_cmpint (left, ==, 1);
      else
        g_assert_cmpint (left, ==, MIN (last_wait * 2, 900));
      last_wait = left;

      /* Half-way through, still waiting; at the end, free to try. */
      fake_now += left / 2;
      if (left > 1)
        g_assert_cmpint (mk_login_throttle_seconds_left (until, fake_now), >, 0);
      fake_now += left - left / 2;
      g_assert_cmpint (mk_login_throttle_seconds_left (until, fake_now), ==, 0);
    }

  g_assert_cmpint (last_wait, ==, 900);
}

static void
test_throttle_bad_input (void)
{
  g_assert_cmpint (mk_login_throttle_seconds_left ("garbage", 0), ==, 0);
  g_assert_cmpint (mk_login_throttle_seconds_left ("", 0), ==, 0);
  /* A clock set far back never means a wait beyond the cap. */
  g_assert_cmpint (mk_login_throttle_seconds_left ("2030-01-01T00:00:00Z", 0), ==, 900);
  g_assert_cmpint (mk_login_throttle_seconds_left ("2000-01-01T00:00:00Z", 1795000000), ==, 0);
  /* The real clock is the default. */
  g_assert_cmpint (ABS (mk_clock_now (NULL, NULL) - g_get_real_time () / G_USEC_PER_SEC), <=, 1);
}

/* Validation tables */

static void
test_validate_email (void)
{
  static const struct { const char *email; gboolean valid; } cases[] = {
    { "sarah@example.com", TRUE },
    { "Sarah.Lee+kits@Example.CO.uk", TRUE },
    { "demo@mediakit.invalid", TRUE },
    { "", FALSE },
    { "sarah", FALSE },
    { "sarah@", FALSE },
    { "@example.com", FALSE },
    { "sarah@example", FALSE },
    { "sa rah@example.com", FALSE },
    { "sarah@@example.com", FALSE },
    { "sarah@example..com", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = mk_validate_email ("email", cases[i].email, TRUE, &error);

      if (ok != cases[i].valid)
        g_error ("“%s” should be %s", cases[i].email, cases[i].valid ? "valid" : "invalid");
      if (!ok)
        g_assert_cmpstr (mk_validate_error_get_field (error), ==, "email");
    }
}

static void
test_validate_slug (void)
{
  static const struct { const char *slug; gboolean valid; } cases[] = {
    { "sarah", TRUE },
    { "sarah-lee-2", TRUE },
    { "abc", TRUE },
    { "ab", FALSE },
    { "Sarah", FALSE },
    { "-sarah", FALSE },
    { "sarah-", FALSE },
    { "sarah--lee", FALSE },
    { "sarah_lee", FALSE },
    { "sarah lee", FALSE },
    { "", FALSE },
    { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", TRUE },   /* 50 */
    { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", FALSE }, /* 51 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = mk_validate_slug (cases[i].slug, &error);

      if (ok != cases[i].valid)
        g_error ("slug “%s” should be %s", cases[i].slug, cases[i].valid ? "valid" : "invalid");
      if (!ok)
        g_assert_cmpstr (mk_validate_error_get_field (error), ==, "slug");
    }
}

static void
test_validate_budget (void)
{
  static const struct { gint64 min, max; gboolean valid; } cases[] = {
    { -1, -1, TRUE },
    { 0, 0, TRUE },
    { 100, 500, TRUE },
    { 500, 500, TRUE },
    { 500, 100, FALSE },
    { -5, 100, FALSE },
    { 100, -5, FALSE },
    { 100, -1, TRUE },
    { -1, 100, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = mk_validate_budget (cases[i].min, cases[i].max, &error);

      if (ok != cases[i].valid)
        g_error ("budget %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " should be %s",
                 cases[i].min, cases[i].max, cases[i].valid ? "valid" : "invalid");
      if (!ok)
        g_assert_true (g_str_has_prefix (mk_validate_error_get_field (error), "budget_"));
    }
}

static void
test_validate_categories (void)
{
  static const struct { const char *json; gboolean valid; } cases[] = {
    { "[]", TRUE },
    { "[\"Fashion\"]", TRUE },
    { "[\"Fashion\", \"Travel & Food\"]", TRUE },
    { "[\"\"]", FALSE },
    { "[\"two\\nlines\"]", FALSE },
    { "[1]", FALSE },
    { "{\"a\": 1}", FALSE },
    { "not json", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = mk_validate_categories_json (cases[i].json, &error);

      if (ok != cases[i].valid)
        g_error ("categories %s should be %s", cases[i].json, cases[i].valid ? "valid" : "invalid");
      if (!ok)
        g_assert_cmpstr (mk_validate_error_get_field (error), ==, "categories");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/accounts/password/format", test_password_format);
  g_test_add_func ("/accounts/password/not-a-hash", test_password_not_a_hash);
  g_test_add_func ("/accounts/password/rehash", test_password_rehash);
  g_test_add_func ("/accounts/password/validate", test_password_validate);
  g_test_add_func ("/accounts/password/free", test_password_free);
  g_test_add_func ("/accounts/throttle/waits", test_throttle_waits);
  g_test_add_func ("/accounts/throttle/sequence", test_throttle_sequence);
  g_test_add_func ("/accounts/throttle/bad-input", test_throttle_bad_input);
  g_test_add_func ("/accounts/validate/email", test_validate_email);
  g_test_add_func ("/accounts/validate/slug", test_validate_slug);
  g_test_add_func ("/accounts/validate/budget", test_validate_budget);
  g_test_add_func ("/accounts/validate/categories", test_validate_categories);

  return g_test_run ();
}
