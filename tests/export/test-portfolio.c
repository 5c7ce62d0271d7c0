/* test-portfolio.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "mk-export-error.h"
#include "mk-export-format.h"
#include "mk-portfolio.h"

static GDateTime *
day (int d)
{
  return g_date_time_new_utc (2026, 3, d, 10, 0, 0);
}

static void
add_review (MkPortfolio *doc,
            const char  *client,
            int          rating,
            int          d)
{
  g_autoptr(GDateTime) when = d > 0 ? day (d) : NULL;

  mk_portfolio_add_review (doc, client, NULL, rating, "text", FALSE, when);
}

static char *
featured_names (MkPortfolio *doc)
{
  g_autoptr(GPtrArray) featured = mk_portfolio_dup_featured_reviews (doc);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < featured->len; i++)
    {
      const MkPortfolioReview *review = g_ptr_array_index (featured, i);

      if (i > 0)
        g_string_append_c (names, ',');
      g_string_append (names, review->client_name);
    }

  return g_string_free (names, FALSE);
}

static void
test_accent_color (void)
{
  g_autoptr(MkPortfolio) doc = mk_portfolio_new ();
  static const char * const invalid[] = {
    "red", "#abc", "#12345g", "3584e4", "#3584e4 ", "#3584e4;}", "#3584e4\"",
    "#1234567", "", "rgb(1,2,3)",
  };

  g_assert_cmpstr (mk_portfolio_get_accent_color (doc), ==, "#3584e4");

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (mk_portfolio_set_accent_color (doc, invalid[i], &error));
      g_assert_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_INVALID_OPTION);
      g_assert_cmpstr (mk_portfolio_get_accent_color (doc), ==, "#3584e4");
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (mk_portfolio_set_accent_color (doc, NULL, &error));
    g_assert_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_INVALID_OPTION);
  }

  g_assert_true (mk_portfolio_set_accent_color (doc, "#A0B1C2", NULL));
  g_assert_cmpstr (mk_portfolio_get_accent_color (doc), ==, "#a0b1c2");

  /* Through the property: refused with a warning, value kept. */
  g_test_expect_message ("mediakit-export", G_LOG_LEVEL_WARNING, "*not a colour*");
  g_object_set (doc, "accent-color", "blue", NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (mk_portfolio_get_accent_color (doc), ==, "#a0b1c2");
}

static void
test_review_summary (void)
{
  static const struct {
    int    ratings[8];
    double average;
  } cases[] = {
    { { 0 }, 0.0 },
    { { 5, 4, 4 }, 4.3 },
    { { 5, 5, 4 }, 4.7 },
    { { 1, 2 }, 1.5 },
    { { 5, 5, 5, 4, 4, 4, 4 }, 4.4 },
    { { 3 }, 3.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MkPortfolio) doc = mk_portfolio_new ();
      guint n = 0;

      for (; n < G_N_ELEMENTS (cases[i].ratings) && cases[i].ratings[n] != 0; n++)
        add_review (doc, "c", cases[i].ratings[n], n + 1);

      g_assert_cmpuint (mk_portfolio_get_review_count (doc), ==, n);
      g_assert_cmpfloat_with_epsilon (mk_portfolio_get_review_average (doc), cases[i].average, 1e-9);
    }
}

static void
test_featured_reviews (void)
{
  g_autoptr(MkPortfolio) doc = mk_portfolio_new ();
  g_autofree char *names = NULL;

  add_review (doc, "old-five", 5, 1);
  add_review (doc, "new-five", 5, 9);
  add_review (doc, "newest-three", 3, 20);
  add_review (doc, "mid-four", 4, 12);
  add_review (doc, "undated-five", 5, 0);

  /* The best is the newest of the top-rated; then the newest of the rest,
   * undated last. */
  names = featured_names (doc);
  g_assert_cmpstr (names, ==, "new-five,newest-three,mid-four");
  g_clear_pointer (&names, g_free);

  mk_portfolio_set_max_reviews (doc, 1);
  names = featured_names (doc);
  g_assert_cmpstr (names, ==, "new-five");
  g_clear_pointer (&names, g_free);

  mk_portfolio_set_max_reviews (doc, 10);
  names = featured_names (doc);
  g_assert_cmpstr (names, ==, "new-five,newest-three,mid-four,old-five,undated-five");
  g_clear_pointer (&names, g_free);

  mk_portfolio_set_max_reviews (doc, 0);
  names = featured_names (doc);
  g_assert_cmpstr (names, ==, "");

  /* Summary counts every review, not just the quoted ones. */
  g_assert_cmpuint (mk_portfolio_get_review_count (doc), ==, 5);
  g_assert_cmpfloat_with_epsilon (mk_portfolio_get_review_average (doc), 4.4, 1e-9);

  mk_portfolio_set_max_reviews (doc, 500);
  g_assert_cmpuint (mk_portfolio_get_max_reviews (doc), ==, 20);
}

static void
test_budget (void)
{
  g_autoptr(MkPortfolio) doc = mk_portfolio_new ();
  gint64 min = 0, max = 0;
  const char *currency = "x";

  mk_portfolio_set_budget (doc, 500, 2000, "EUR");

  /* Off by default: nothing comes out. */
  g_assert_false (mk_portfolio_get_budget (doc, &min, &max, &currency));
  g_assert_cmpint (min, ==, -1);
  g_assert_cmpint (max, ==, -1);
  g_assert_null (currency);

  mk_portfolio_set_include_budget (doc, TRUE);
  g_assert_true (mk_portfolio_get_budget (doc, &min, &max, &currency));
  g_assert_cmpint (min, ==, 500);
  g_assert_cmpint (max, ==, 2000);
  g_assert_cmpstr (currency, ==, "EUR");

  /* Not an ISO code: left out, the amounts stay. */
  mk_portfolio_set_budget (doc, -5, 300, "<b>");
  g_assert_true (mk_portfolio_get_budget (doc, &min, &max, &currency));
  g_assert_cmpint (min, ==, -1);
  g_assert_cmpint (max, ==, 300);
  g_assert_null (currency);

  /* Neither end set: no budget at all. */
  mk_portfolio_set_budget (doc, -1, -1, "EUR");
  g_assert_false (mk_portfolio_get_budget (doc, NULL, NULL, NULL));
}

static void
test_text_repaired (void)
{
  g_autoptr(MkPortfolio) doc = mk_portfolio_new ();
  const char *categories[] = { "Fash\xffion", "  ", "", " Travel ", NULL };
  const char * const *got;

  mk_portfolio_set_display_name (doc, "Sa\xc3rah");
  mk_portfolio_set_bio (doc, "\xed\xa0\x80");
  mk_portfolio_set_contact (doc, "me\xfe");
  mk_portfolio_set_categories (doc, categories);
  mk_portfolio_add_review (doc, "Cl\xffient", "\xff", 4, "Te\xc0xt", FALSE, NULL);

  g_assert_true (g_utf8_validate (mk_portfolio_get_display_name (doc), -1, NULL));
  g_assert_true (g_utf8_validate (mk_portfolio_get_bio (doc), -1, NULL));
  g_assert_true (g_utf8_validate (mk_portfolio_get_contact (doc), -1, NULL));
  g_assert_cmpstr (mk_portfolio_get_display_name (doc), ==, "Sa\xef\xbf\xbdrah");

  got = mk_portfolio_get_categories (doc);
  g_assert_cmpuint (g_strv_length ((GStrv) got), ==, 2);
  g_assert_cmpstr (got[0], ==, "Fash\xef\xbf\xbdion");
  g_assert_cmpstr (got[1], ==, "Travel");

  {
    g_autoptr(GPtrArray) featured = mk_portfolio_dup_featured_reviews (doc);
    const MkPortfolioReview *review = g_ptr_array_index (featured, 0);

    g_assert_true (g_utf8_validate (review->client_name, -1, NULL));
    g_assert_true (g_utf8_validate (review->project_type, -1, NULL));
    g_assert_true (g_utf8_validate (review->text, -1, NULL));
  }
}

static void
test_language (void)
{
  g_autoptr(MkPortfolio) doc = mk_portfolio_new ();
  const char *fallback = NULL;

  fallback = mk_portfolio_get_language (doc);
  g_assert_true (g_ascii_isalpha (fallback[0]));

  mk_portfolio_set_language (doc, "pt-BR");
  g_assert_cmpstr (mk_portfolio_get_language (doc), ==, "pt-BR");

  /* Not a tag: back to the locale's. */
  mk_portfolio_set_language (doc, "en\" onload=\"x");
  g_assert_cmpstr (mk_portfolio_get_language (doc), !=, "en\" onload=\"x");
  g_assert_null (strchr (mk_portfolio_get_language (doc), '"'));
}

static void
test_stats (void)
{
  g_autoptr(MkPortfolio) doc = mk_portfolio_new ();
  g_autoptr(GDateTime) when = day (2);
  const MkPortfolioStat *stat;

  mk_portfolio_add_stat (doc, MK_PLATFORM_INSTAGRAM, 100, 2.5, NULL);
  mk_portfolio_add_stat (doc, MK_PLATFORM_YOUTUBE, -7, NAN, when);
  mk_portfolio_add_stat (doc, MK_PLATFORM_INSTAGRAM, 200, 3.5, when);

  /* One per platform; the later one wins. */
  g_assert_cmpuint (mk_portfolio_get_n_stats (doc), ==, 2);
  stat = mk_portfolio_get_stat (doc, 0);
  g_assert_cmpint (stat->platform, ==, MK_PLATFORM_INSTAGRAM);
  g_assert_cmpint (stat->followers, ==, 200);
  g_assert_cmpfloat (stat->engagement_rate, ==, 3.5);
  g_assert_true (stat->as_of == when);

  /* Unknown figures are normalised to "unknown", not shown as numbers. */
  stat = mk_portfolio_get_stat (doc, 1);
  g_assert_cmpint (stat->followers, ==, -1);
  g_assert_cmpfloat (stat->engagement_rate, <, 0);

  /* Leaving a platform out keeps the others, in order. */
  mk_portfolio_add_stat (doc, MK_PLATFORM_FACEBOOK, 300, 1.0, NULL);
  mk_portfolio_remove_stat (doc, MK_PLATFORM_INSTAGRAM);
  mk_portfolio_remove_stat (doc, MK_PLATFORM_TIKTOK);
  g_assert_cmpuint (mk_portfolio_get_n_stats (doc), ==, 2);
  g_assert_cmpint (mk_portfolio_get_stat (doc, 0)->platform, ==, MK_PLATFORM_YOUTUBE);
  g_assert_cmpint (mk_portfolio_get_stat (doc, 1)->platform, ==, MK_PLATFORM_FACEBOOK);
}

static void
test_format (void)
{
  static const struct {
    gint64      count;
    const char *text;
  } counts[] = {
    { 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1,000" }, { 48200, "48,200" },
    { 1234567, "1,234,567" }, { G_MAXINT64, "9,223,372,036,854,775,807" },
  };
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 4, 23, 59, 0);
  g_autofree char *date = mk_export_format_date (when);
  g_autofree char *rate = mk_export_format_rate (3.449);
  g_autofree char *both = mk_export_format_budget (500, 20000, "USD");
  g_autofree char *from = mk_export_format_budget (500, -1, "USD");
  g_autofree char *upto = mk_export_format_budget (-1, 900, NULL);
  g_autofree char *none = mk_export_format_budget (-1, -1, "USD");

  /* The tests run in C.UTF-8, which has no grouping: the comma fallback. */
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *text = mk_export_format_count (counts[i].count);

      g_assert_cmpstr (text, ==, counts[i].text);
    }

  g_assert_cmpstr (date, ==, "4 November 2026");
  g_assert_cmpstr (rate, ==, "3.4%");
  g_assert_cmpstr (both, ==, "500–20,000 USD");
  g_assert_cmpstr (from, ==, "From 500 USD");
  g_assert_cmpstr (upto, ==, "Up to 900");
  g_assert_null (none);
}

/* Preferences → Export's default sections, applied to a document. */
static void
test_sections (void)
{
  g_autoptr(MkPortfolio) doc = mk_portfolio_new ();
  g_autoptr(MkPortfolio) all = mk_portfolio_new ();
  g_autoptr(GPtrArray) featured = NULL;
  static const char * const budget_only[] = { MK_PORTFOLIO_SECTION_BUDGET, NULL };
  static const char * const every[] = {
    MK_PORTFOLIO_SECTION_AUDIENCE, MK_PORTFOLIO_SECTION_BUDGET,
    MK_PORTFOLIO_SECTION_MEDIA, MK_PORTFOLIO_SECTION_REVIEWS, NULL
  };
  MkPortfolio *docs[] = { doc, all };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      mk_portfolio_add_stat (docs[i], MK_PLATFORM_INSTAGRAM, 1000, 3.0, NULL);
      mk_portfolio_add_media (docs[i], MK_PLATFORM_INSTAGRAM, MK_MEDIA_TYPE_IMAGE, "post", NULL,
                              10, 1, -1, NULL, NULL);
      add_review (docs[i], "five", 5, 1);
      add_review (docs[i], "four", 4, 2);
      mk_portfolio_set_budget (docs[i], 100, 200, "EUR");
    }

  /* Reviews are in by default. */
  g_assert_true (mk_portfolio_get_include_reviews (doc));
  g_assert_cmpuint (mk_portfolio_get_review_count (doc), ==, 2);

  mk_portfolio_apply_sections (doc, budget_only);
  g_assert_cmpuint (mk_portfolio_get_n_stats (doc), ==, 0);
  g_assert_cmpuint (mk_portfolio_get_n_media (doc), ==, 0);
  g_assert_true (mk_portfolio_get_include_budget (doc));
  g_assert_true (mk_portfolio_get_budget (doc, NULL, NULL, NULL));
  /* Without the reviews section nothing of them is left to render. */
  g_assert_false (mk_portfolio_get_include_reviews (doc));
  g_assert_cmpuint (mk_portfolio_get_review_count (doc), ==, 0);
  g_assert_cmpfloat (mk_portfolio_get_review_average (doc), ==, 0);
  featured = mk_portfolio_dup_featured_reviews (doc);
  g_assert_cmpuint (featured->len, ==, 0);
  g_clear_pointer (&featured, g_ptr_array_unref);

  /* Every section: everything stays, the budget included. */
  mk_portfolio_apply_sections (all, every);
  g_assert_cmpuint (mk_portfolio_get_n_stats (all), ==, 1);
  g_assert_cmpuint (mk_portfolio_get_n_media (all), ==, 1);
  g_assert_true (mk_portfolio_get_include_budget (all));
  g_assert_cmpuint (mk_portfolio_get_review_count (all), ==, 2);
  g_assert_cmpfloat_with_epsilon (mk_portfolio_get_review_average (all), 4.5, 1e-9);
  featured = mk_portfolio_dup_featured_reviews (all);
  g_assert_cmpuint (featured->len, ==, 2);

  /* None at all (NULL) leaves the header and contact only. */
  mk_portfolio_apply_sections (all, NULL);
  g_assert_cmpuint (mk_portfolio_get_n_stats (all), ==, 0);
  g_assert_false (mk_portfolio_get_include_budget (all));
  g_assert_cmpuint (mk_portfolio_get_review_count (all), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/portfolio/accent-color", test_accent_color);
  g_test_add_func ("/export/portfolio/review-summary", test_review_summary);
  g_test_add_func ("/export/portfolio/featured-reviews", test_featured_reviews);
  g_test_add_func ("/export/portfolio/budget", test_budget);
  g_test_add_func ("/export/portfolio/text-repaired", test_text_repaired);
  g_test_add_func ("/export/portfolio/language", test_language);
  g_test_add_func ("/export/portfolio/stats", test_stats);
  g_test_add_func ("/export/portfolio/format", test_format);
  g_test_add_func ("/export/portfolio/sections", test_sections);

  return g_test_run ();
}
