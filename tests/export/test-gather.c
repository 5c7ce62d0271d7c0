/* test-gather.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "html-checks.h"
#include "mk-demo.h"
#include "mk-export-error.h"
#include "mk-html-escape.h"
#include "mk-html-renderer.h"
#include "mk-portfolio.h"
#include "mk-store.h"

/* Strings that only private rows hold: none may reach a media kit. */
#define PRIVATE_BRAND    "PrivateBrand-7f3a"
#define PRIVATE_CAMPAIGN "PrivateCampaign-91c2"
#define PRIVATE_NOTES    "PrivateNotes-5d0e"
#define PRIVATE_PLACE    "PrivatePlace-2b77"
#define HIDDEN_REVIEW    "HiddenReview-c4d1"
#define CLIENT_EMAIL     "client-e8a0@example.com"

typedef struct
{
  char    *dir;
  MkStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("mk-gather-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "mediakit.db", NULL);
  fixture->store = mk_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
add_user (MkStore    *store,
          const char *email)
{
  g_autoptr(MkUser) user = mk_user_new ();
  g_autoptr(GError) error = NULL;

  mk_user_set_email (user, email);
  mk_user_set_password_hash (user, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA");
  g_assert_true (mk_store_users_insert (store, user, &error));
  g_assert_no_error (error);

  return g_strdup (mk_user_get_id (user));
}

static void
test_no_profile (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *user_id = add_user (fixture->store, "new@example.com");
  g_autoptr(MkPortfolio) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = mk_portfolio_gather (fixture->store, user_id, &error);
  g_assert_null (doc);
  g_assert_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_NO_PROFILE);
  g_assert_cmpstr (error->message, ==,
                   "This account has no profile yet: create one before exporting the media kit.");
}

static void
test_profile_only (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *user_id = add_user (fixture->store, "solo@example.com");
  g_autoptr(MkProfile) profile = mk_profile_new ();
  g_autoptr(MkPortfolio) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  const char *categories[] = { "Food", NULL };

  mk_profile_set_user_id (profile, user_id);
  mk_profile_set_slug (profile, "solo-cook");
  mk_profile_set_display_name (profile, "Solo <Cook>");
  mk_profile_set_categories (profile, categories);
  mk_profile_set_budget_min (profile, 300);
  mk_profile_set_currency (profile, "EUR");
  g_assert_true (mk_store_profiles_save (fixture->store, profile, &error));
  g_assert_no_error (error);

  /* No metrics, no reviews: empty sections, not an error. */
  doc = mk_portfolio_gather (fixture->store, user_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_portfolio_get_display_name (doc), ==, "Solo <Cook>");
  g_assert_cmpstr (mk_portfolio_get_slug (doc), ==, "solo-cook");
  g_assert_cmpstr (mk_portfolio_get_categories (doc)[0], ==, "Food");
  g_assert_cmpuint (mk_portfolio_get_n_stats (doc), ==, 0);
  g_assert_cmpuint (mk_portfolio_get_review_count (doc), ==, 0);

  mk_portfolio_set_include_budget (doc, TRUE);
  html = mk_html_render (doc, &error);
  g_assert_no_error (error);
  html_check_page (html);
  g_assert_nonnull (strstr (html, "<h1 dir=\"auto\">Solo &lt;Cook&gt;</h1>"));
  g_assert_nonnull (strstr (html, "From 300 EUR"));
  g_assert_null (strstr (html, "class=\"stats\""));
  g_assert_null (strstr (html, "class=\"reviews\""));
}

static void
add_private_rows (MkStore    *store,
                  const char *user_id)
{
  g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();
  g_autoptr(MkReview) review = mk_review_new ();
  g_autoptr(MkReview) published = mk_review_new ();
  g_autoptr(GError) error = NULL;

  mk_calendar_entry_set_user_id (entry, user_id);
  mk_calendar_entry_set_entry_type (entry, MK_ENTRY_TYPE_SHOOT);
  mk_calendar_entry_set_brand_name (entry, PRIVATE_BRAND);
  mk_calendar_entry_set_campaign_name (entry, PRIVATE_CAMPAIGN);
  mk_calendar_entry_set_notes (entry, PRIVATE_NOTES);
  mk_calendar_entry_set_location (entry, PRIVATE_PLACE);
  mk_calendar_entry_set_date (entry, "2026-12-01");
  g_assert_true (mk_store_calendar_insert (store, entry, &error));
  g_assert_no_error (error);

  mk_review_set_user_id (review, user_id);
  mk_review_set_client_name (review, "Hidden Client");
  mk_review_set_rating (review, 5);
  mk_review_set_review_text (review, HIDDEN_REVIEW);
  mk_review_set_is_published (review, FALSE);
  g_assert_true (mk_store_reviews_insert (store, review, &error));
  g_assert_no_error (error);

  mk_review_set_user_id (published, user_id);
  mk_review_set_client_name (published, "Open Client");
  mk_review_set_client_email (published, CLIENT_EMAIL);
  mk_review_set_rating (published, 4);
  mk_review_set_review_text (published, "Open review text.");
  mk_review_set_is_published (published, TRUE);
  g_assert_true (mk_store_reviews_insert (store, published, &error));
  g_assert_no_error (error);
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *user_id = NULL;
  g_autoptr(MkProfile) profile = NULL;
  g_autoptr(MkPortfolio) doc = NULL;
  g_autoptr(GPtrArray) all_reviews = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  gint64 published;
  guint n_platforms = 0;

  mk_demo_fill (fixture->store, &user_id, &error);
  g_assert_no_error (error);
  add_private_rows (fixture->store, user_id);

  doc = mk_portfolio_gather (fixture->store, user_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);

  profile = mk_store_profiles_get (fixture->store, user_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_portfolio_get_display_name (doc), ==, mk_profile_get_display_name (profile));
  g_assert_cmpstr (mk_portfolio_get_bio (doc), ==, mk_profile_get_bio (profile));

  /* Each platform's newest snapshot, as the store reports it. */
  for (guint i = 0; i < mk_portfolio_get_n_stats (doc); i++)
    {
      const MkPortfolioStat *stat = mk_portfolio_get_stat (doc, i);
      g_autoptr(MkMetricsSnapshot) latest = NULL;

      latest = mk_store_metrics_latest (fixture->store, user_id, stat->platform, &error);
      g_assert_no_error (error);
      g_assert_cmpint (stat->followers, ==, mk_metrics_snapshot_get_follower_count (latest));
      g_assert_nonnull (stat->as_of);
      n_platforms++;
    }
  g_assert_cmpuint (n_platforms, ==, 3);

  published = mk_store_reviews_count (fixture->store, user_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_portfolio_get_review_count (doc), ==, published);

  /* Quote them all, so a leaked unpublished one would show. */
  mk_portfolio_set_max_reviews (doc, 20);
  html = mk_html_render (doc, &error);
  g_assert_no_error (error);
  html_check_page (html);

  /* Nothing private: calendar rows, unpublished reviews, e-mail addresses. */
  g_assert_null (strstr (html, PRIVATE_BRAND));
  g_assert_null (strstr (html, PRIVATE_CAMPAIGN));
  g_assert_null (strstr (html, PRIVATE_NOTES));
  g_assert_null (strstr (html, PRIVATE_PLACE));
  g_assert_null (strstr (html, HIDDEN_REVIEW));
  g_assert_null (strstr (html, CLIENT_EMAIL));

  all_reviews = mk_store_reviews_list (fixture->store, user_id, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all_reviews->len; i++)
    {
      MkReview *review = g_ptr_array_index (all_reviews, i);
    
      if (!mk_review_get_is_published (review))
        g_assert_null (strstr (html, mk_review_get_review_text (review)));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export/gather/no-profile", Fixture, NULL,
              fixture_set_up, test_no_profile, fixture_tear_down);
  g_test_add ("/export/gather/profile-only", Fixture, NULL,
              fixture_set_up, test_profile_only, fixture_tear_down);
  g_test_add ("/export/gather/demo", Fixture, NULL,
              fixture_set_up, test_demo, fixture_tear_down);

  return g_test_run ();
}
