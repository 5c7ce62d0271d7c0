/* test-hostile-input.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The validation layer against what people paste: raw bytes that are not
 * UTF-8 (which a GtkEditable never hands over, but a file or the clipboard
 * of another toolkit can), over-long text, control characters, invisible
 * characters, bidirectional overrides, emoji and impossible dates. Every
 * case either passes (and is then stored as it is) or fails with an
 * MK_VALIDATE_ERROR naming the field; none crashes or reads out of bounds.
 * Strings are copied to exact-size heap blocks so that AddressSanitizer sees
 * any read past their NUL.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>

#include "mk-calendar-entry.h"
#include "mk-profile.h"
#include "mk-review.h"
#include "mk-validate.h"

#define OK (-1)

typedef struct {
  const char          *name;
  const char          *value;
  guint                max_chars;
  MkValidateTextFlags  flags;
  int                  expected;  /* OK or an MkValidateError */
} TextCase;

#define ONE_LINE (MK_VALIDATE_TEXT_REQUIRED | MK_VALIDATE_TEXT_SINGLE_LINE)

static const TextCase text_cases[] = {
  /* Bytes that are not UTF-8. */
  { "lone continuation byte", "abc\x80", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },
  { "truncated 4-byte lead at the end", "abc\xF0", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },
  { "truncated 3-byte sequence", "\xE2\x82", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },
  { "overlong '/'", "\xC0\xAF", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },
  { "overlong NUL", "a\xC0\x80z", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },
  { "UTF-16 surrogate", "\xED\xA0\x80", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },
  { "beyond U+10FFFF", "\xF4\x90\x80\x80", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },
  { "Latin-1 paste", "Caf\xE9", 100, MK_VALIDATE_TEXT_NONE, MK_VALIDATE_ERROR_ENCODING },
  { "0xFF 0xFE (UTF-16 BOM)", "\xFF\xFE" "a\0", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },

  /* Length counts characters, not bytes or glyphs. */
  { "100 emoji in 100", "🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬"
    "🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬"
    "🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬", 100, ONE_LINE, OK },
  { "101 emoji in 100", "🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬"
    "🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬"
    "🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬", 100, ONE_LINE, MK_VALIDATE_ERROR_TOO_LONG },

  /* Control characters: none on one line; on several, only \t \n \r. */
  { "escape sequence", "Acme\x1b[2J", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },
  { "backspace", "Acme\b\b\b\bEvil", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },
  { "DEL", "Acme\x7f", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },
  { "C1 NEL", "Acme\xC2\x85more", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },
  { "C1 CSI", "Acme\xC2\x9B" "31m", 100, MK_VALIDATE_TEXT_NONE, MK_VALIDATE_ERROR_ENCODING },
  { "newline on one line", "Acme\nCoffee", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },
  { "tab on one line", "Acme\tCoffee", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },
  { "CR on one line", "Acme\rCoffee", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },
  { "line separator on one line", "Acme\u2028Coffee", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },
  { "paragraph separator on one line", "Acme\u2029Coffee", 100, ONE_LINE, MK_VALIDATE_ERROR_ENCODING },
  { "line breaks in notes", "one\r\ntwo\n\tthree\u2028four", 0, MK_VALIDATE_TEXT_NONE, OK },

  /* Invisible-only text is as empty as spaces. */
  { "only spaces", " \t ", 100, MK_VALIDATE_TEXT_REQUIRED, MK_VALIDATE_ERROR_REQUIRED },
  { "only no-break spaces", "\u00a0\u3000", 100, ONE_LINE, MK_VALIDATE_ERROR_REQUIRED },
  { "only a zero-width space", "\u200b", 100, ONE_LINE, MK_VALIDATE_ERROR_REQUIRED },
  { "only zero-width joiners", "\u200d\u200d\u200c", 100, ONE_LINE, MK_VALIDATE_ERROR_REQUIRED },
  { "only a BOM and word joiner", "\ufeff\u2060", 100, ONE_LINE, MK_VALIDATE_ERROR_REQUIRED },
  { "only an RTL override", "\u202e", 100, ONE_LINE, MK_VALIDATE_ERROR_REQUIRED },

  /* Valid but hostile text is stored as typed. */
  { "RTL override", "\u202egnp.exe", 100, ONE_LINE, OK },
  { "bidi isolates", "\u2067שלום\u2069 Acme", 100, ONE_LINE, OK },
  { "ZWJ family emoji", "👩‍👩‍👧‍👦 Family vlog", 100, ONE_LINE, OK },
  { "flags and skin tones", "🇩🇪🇯🇵 👍🏽", 100, ONE_LINE, OK },
  { "decomposed accents", "Cafe\u0301 Zo\u0308e", 100, ONE_LINE, OK },
  { "stacked combining marks", "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358", 100, ONE_LINE, OK },
  { "HTML and SQL", "<script>alert(1)</script>'); DROP TABLE reviews;--", 100, ONE_LINE, OK },
  { "printf directives", "%s%s%s%n%x", 100, ONE_LINE, OK },
  { "astral CJK", "\U00020000\U0002A6D6", 100, ONE_LINE, OK },
};

static char *
heap_copy (const char *value)
{
  /* Exact size: a read past the NUL is a heap overflow ASan reports. */
  return g_memdup2 (value, strlen (value) + 1);
}

static void
test_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      const TextCase *c = &text_cases[i];
      g_autofree char *value = heap_copy (c->value);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_test_message ("text case: %s", c->name);
      ok = mk_validate_text ("brand_name", "Brand name", value, c->max_chars, c->flags, &error);

      if (c->expected == OK)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, MK_VALIDATE_ERROR, c->expected);
          g_assert_cmpstr (mk_validate_error_get_field (error), ==, "brand_name");
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          g_assert_true (g_str_has_prefix (error->message, "Brand name"));
        }
    }
}

typedef struct {
  const char *value;
  gboolean    ok;
} EmailCase;

static const EmailCase email_cases[] = {
  { "ada@example.com", TRUE },
  { "zoë@exämple.de", TRUE },
  { "ada\xff@example.com", FALSE },
  { "ada@example.com\xF0", FALSE },
  { "ada\u202e@example.com", FALSE },        /* shows as another address */
  { "\u202emoc.elpmaxe@ada", FALSE },
  { "ad\u200ba@example.com", FALSE },        /* looks like ada@… */
  { "ad\u200da@example.com", FALSE },
  { "\ufeffada@example.com", FALSE },
  { "ada@exa\u200bmple.com", FALSE },
  { "ada@example.com\n", FALSE },
  { "ada\x01@example.com", FALSE },
  { "ada @example.com", FALSE },
  { "ada@example.com\u2028", FALSE },
  { "🎬@example.com", TRUE },
};

static void
test_email (void)
{
  g_autoptr(GString) long_local = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (email_cases); i++)
    {
      g_autofree char *value = heap_copy (email_cases[i].value);
      g_autoptr(GError) case_error = NULL;

      g_test_message ("email case %u: %s", i, g_utf8_validate (value, -1, NULL) ? value : "(bytes)");
      g_assert_cmpint (mk_validate_is_email (value), ==, email_cases[i].ok);
      g_assert_cmpint (mk_validate_email ("client_email", value, TRUE, &case_error), ==, email_cases[i].ok);
      if (!email_cases[i].ok)
        g_assert_cmpstr (mk_validate_error_get_field (case_error), ==, "client_email");
    }

  /* 300 characters: refused for length, not read past. */
  for (guint i = 0; i < 290; i++)
    g_string_append_c (long_local, 'a');
  g_string_append (long_local, "@example.com");
  g_assert_false (mk_validate_email ("email", long_local->str, TRUE, &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_TOO_LONG);
}

static void
test_categories (void)
{
  const char *existing[] = { "Travel", NULL };
  /* "\xE3\x80" is U+3000 (a space) without its last byte. */
  const char *hostile[] = { "\xF0", "abc\xE2\x82", "\xC0\xAF", "\xE3\x80", " \xE3\x80", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new ("[");

  /* A truncated sequence at the very end must not make the blank check or
   * the duplicate check step over the NUL. */
  for (guint i = 0; hostile[i] != NULL; i++)
    {
      g_autofree char *value = heap_copy (hostile[i]);
      g_autoptr(GError) case_error = NULL;

      g_assert_false (mk_validate_category_add (existing, value, &case_error));
      g_assert_error (case_error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_ENCODING);
      g_assert_false (mk_validate_category_is_duplicate (existing, value));
    }

  /* Invisible-only and control characters. */
  g_assert_false (mk_validate_category_add (existing, "\u200b\u200d", &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_false (mk_validate_category_add (existing, "Food\nDrink", &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_ENCODING);
  g_clear_error (&error);
  g_assert_true (mk_validate_category_add (existing, "🍜 Food", &error));
  g_assert_no_error (error);

  /* Nesting deep enough to exhaust json-glib's recursion is refused. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  g_assert_false (mk_validate_categories_json (deep->str, &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mk_validate_json ("request_payload", deep->str, &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (mk_validate_categories_json ("[\"\\u202eevil\", \"👩‍👩‍👧\"]", &error));
  g_assert_no_error (error);
}

typedef struct {
  const char *date;
  const char *time;
  const char *field;  /* the field refused, or NULL */
} DateCase;

/* Entries keep local wall-clock dates and times, so a time that a DST change
 * skips or repeats is still a time someone can book. */
static const DateCase date_cases[] = {
  { "2026-03-29", "02:30", NULL },          /* skipped in Europe */
  { "2026-03-08", "02:30", NULL },          /* skipped in the US */
  { "2026-10-25", "02:30", NULL },          /* repeated in Europe */
  { "2026-11-01", "01:30", NULL },          /* repeated in the US */
  { "2028-02-29", "23:59", NULL },
  { "2026-02-29", "12:00", "date" },
  { "2026-13-01", NULL, "date" },
  { "2026-04-31", NULL, "date" },
  { "2026-3-29", NULL, "date" },
  { "2026-03-29T02:30", NULL, "date" },
  { "２０２６-03-29", NULL, "date" },        /* full-width digits */
  { "2026-03-29\u200b", NULL, "date" },
  { "0000-01-01", NULL, "date" },
  { "2026-03-29", "24:00", "time" },
  { "2026-03-29", "02:60", "time" },
  { "2026-03-29", "2:30", "time" },
  { "2026-03-29", "02:30:00", "time" },
  { "2026-03-29", "-1:30", "time" },
  { "2026-03-29", "٠٢:٣٠", "time" },         /* Arabic-Indic digits */
};

static void
test_entry_dates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      const DateCase *c = &date_cases[i];
      g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();
      g_autoptr(GError) error = NULL;
      gboolean ok;

      g_test_message ("date case: %s %s", c->date, c->time ? c->time : "(no time)");
      mk_calendar_entry_set_user_id (entry, "6f1c1a52-3c55-4c3e-9d53-8f0e6b1b6a10");
      mk_calendar_entry_set_brand_name (entry, "Acme");
      mk_calendar_entry_set_date (entry, c->date);
      mk_calendar_entry_set_time (entry, c->time);
      ok = mk_calendar_entry_validate (entry, &error);

      if (c->field == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_INVALID);
          g_assert_cmpstr (mk_validate_error_get_field (error), ==, c->field);
        }
    }
}

/* The models refuse raw bytes in every text column, naming it. */
static void
test_models (void)
{
  const char *bad = "Acme\xF0";
  g_autoptr(MkReview) review = mk_review_new ();
  g_autoptr(MkProfile) profile = mk_profile_new ();
  g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = heap_copy (bad);

  mk_review_set_user_id (review, "6f1c1a52-3c55-4c3e-9d53-8f0e6b1b6a10");
  mk_review_set_client_name (review, "Ada");
  mk_review_set_rating (review, 5);
  mk_review_set_review_text (review, copy);
  g_assert_false (mk_review_validate (review, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "review_text");
  g_clear_error (&error);
  mk_review_set_review_text (review, "Fine");
  mk_review_set_client_name (review, "\u200b");
  g_assert_false (mk_review_validate (review, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "client_name");
  g_clear_error (&error);

  mk_profile_set_user_id (profile, "6f1c1a52-3c55-4c3e-9d53-8f0e6b1b6a10");
  mk_profile_set_slug (profile, "acme");
  mk_profile_set_display_name (profile, copy);
  g_assert_false (mk_profile_validate (profile, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "display_name");
  g_clear_error (&error);

  mk_calendar_entry_set_user_id (entry, "6f1c1a52-3c55-4c3e-9d53-8f0e6b1b6a10");
  mk_calendar_entry_set_date (entry, "2026-03-29");
  mk_calendar_entry_set_brand_name (entry, "Acme");
  mk_calendar_entry_set_notes (entry, copy);
  g_assert_false (mk_calendar_entry_validate (entry, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "notes");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/hostile/text", test_text);
  g_test_add_func ("/core/hostile/email", test_email);
  g_test_add_func ("/core/hostile/categories", test_categories);
  g_test_add_func ("/core/hostile/entry-dates", test_entry_dates);
  g_test_add_func ("/core/hostile/models", test_models);

  return g_test_run ();
}
