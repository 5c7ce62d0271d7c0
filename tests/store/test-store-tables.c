/* test-store-tables.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "mk-uuid.h"
#include "mk-validate.h"
#include "store-test-util.h"

typedef struct {
  char    *dir;
  MkStore *store;
  char    *user_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = store_test_make_dir ();
  f->store = store_test_open (f->dir);
  f->user_id = store_test_add_user (f->store, "sarah@example.com");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  store_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->user_id);
}

static void
test_users (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkUser) user = NULL;
  g_autoptr(MkUser) dup = mk_user_new ();
  g_autoptr(MkUser) bad = mk_user_new ();
  g_autoptr(GPtrArray) users = NULL;
  g_autofree char *other = NULL;

  user = mk_store_users_get (f->store, f->user_id, &error);
  g_assert_no_error (error);
  g_assert_true (mk_uuid_is_valid (mk_user_get_id (user)));
  g_assert_cmpstr (mk_user_get_email (user), ==, "sarah@example.com");
  g_assert_nonnull (mk_user_get_created_at (user));
  g_assert_cmpint (mk_user_get_failed_logins (user), ==, 0);
  g_assert_null (mk_user_get_locked_until (user));
  g_clear_object (&user);

  /* Email lookups and uniqueness ignore letter case. */
  user = mk_store_users_find_by_email (f->store, "SARAH@Example.COM", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_user_get_id (user), ==, f->user_id);

  mk_user_set_email (dup, "Sarah@example.com");
  mk_user_set_password_hash (dup, "x");
  g_assert_false (mk_store_users_insert (f->store, dup, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "users.email"));
  g_clear_error (&error);

  /* Validation comes first and names the field. */
  mk_user_set_email (bad, "not-an-email");
  mk_user_set_password_hash (bad, "x");
  g_assert_false (mk_store_users_insert (f->store, bad, &error));
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_INVALID);
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "email");
  g_clear_error (&error);

  /* Update: throttling columns. */
  mk_user_set_failed_logins (user, 3);
  mk_user_set_locked_until (user, "2026-11-24T18:35:00Z");
  g_assert_true (mk_store_users_update (f->store, user, &error));
  g_clear_object (&user);
  user = mk_store_users_get (f->store, f->user_id, &error);
  g_assert_cmpint (mk_user_get_failed_logins (user), ==, 3);
  g_assert_cmpstr (mk_user_get_locked_until (user), ==, "2026-11-24T18:35:00Z");

  other = store_test_add_user (f->store, "lee@example.com");
  users = mk_store_users_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 2);
  g_assert_cmpint (mk_store_users_count (f->store, NULL), ==, 2);

  g_assert_true (mk_store_users_delete (f->store, other, &error));
  g_assert_false (mk_store_users_delete (f->store, other, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (mk_store_users_find_by_email (f->store, "nobody@example.com", &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
}

static MkProfile *
new_profile (const char *user_id,
             const char *slug)
{
  MkProfile *profile = mk_profile_new ();

  mk_profile_set_user_id (profile, user_id);
  mk_profile_set_slug (profile, slug);
  mk_profile_set_display_name (profile, "Sarah Lee");
  return profile;
}

static void
test_profiles (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkProfile) profile = new_profile (f->user_id, "sarah");
  g_autoptr(MkProfile) read = NULL;
  g_autoptr(MkProfile) theirs = NULL;
  g_autofree char *other = store_test_add_user (f->store, "lee@example.com");
  const char *tags[] = { "Fashion", "Travel", NULL };
  const char *empty[] = { NULL };

  mk_profile_set_categories (profile, tags);
  mk_profile_set_budget_min (profile, 500);
  mk_profile_set_budget_max (profile, 5000);
  mk_profile_set_currency (profile, "EUR");
  mk_profile_set_bio (profile, "Line one\nLine two");
  g_assert_true (mk_store_profiles_save (f->store, profile, &error));
  g_assert_no_error (error);

  read = mk_store_profiles_get (f->store, f->user_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_profile_get_slug (read), ==, "sarah");
  g_assert_cmpstrv (mk_profile_get_categories (read), tags);
  g_assert_cmpint (mk_profile_get_budget_min (read), ==, 500);
  g_assert_cmpint (mk_profile_get_budget_max (read), ==, 5000);
  g_assert_cmpstr (mk_profile_get_currency (read), ==, "EUR");
  g_assert_cmpstr (mk_profile_get_bio (read), ==, "Line one\nLine two");
  g_assert_null (mk_profile_get_avatar_url (read));
  g_clear_object (&read);

  /* Save again = update, not a second row; unset budgets read back as -1,
   * an empty list as an empty list. */
  mk_profile_set_slug (profile, "sarah-lee");
  mk_profile_set_budget_min (profile, -1);
  mk_profile_set_budget_max (profile, -1);
  mk_profile_set_categories (profile, empty);
  g_assert_true (mk_store_profiles_save (f->store, profile, &error));
  read = mk_store_profiles_get (f->store, f->user_id, &error);
  g_assert_cmpstr (mk_profile_get_slug (read), ==, "sarah-lee");
  g_assert_cmpint (mk_profile_get_budget_min (read), ==, -1);
  g_assert_nonnull (mk_profile_get_categories (read));
  g_assert_null (mk_profile_get_categories (read)[0]);
  g_clear_object (&read);
  read = mk_store_profiles_find_by_slug (f->store, "sarah-lee", &error);
  g_assert_cmpstr (mk_profile_get_user_id (read), ==, f->user_id);

  /* Slugs are unique across accounts. */
  g_assert_true (mk_store_profiles_slug_taken (f->store, "sarah-lee", other, &error));
  g_assert_false (mk_store_profiles_slug_taken (f->store, "sarah-lee", f->user_id, &error));
  g_assert_false (mk_store_profiles_slug_taken (f->store, "free-slug", NULL, &error));
  g_assert_true (mk_store_profiles_slug_taken (f->store, "sarah-lee", NULL, &error));
  g_assert_no_error (error);

  theirs = new_profile (other, "sarah-lee");
  g_assert_false (mk_store_profiles_save (f->store, theirs, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "profiles.slug"));
  g_clear_error (&error);

  /* Validation: budget order, slug form. */
  mk_profile_set_slug (theirs, "lee");
  mk_profile_set_budget_min (theirs, 10);
  mk_profile_set_budget_max (theirs, 5);
  g_assert_false (mk_store_profiles_save (f->store, theirs, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "budget_max");
  g_clear_error (&error);

  g_assert_null (mk_store_profiles_get (f->store, other, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
}

static void
test_connections (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkConnection) ig = mk_connection_new ();
  g_autoptr(MkConnection) yt = mk_connection_new ();
  g_autoptr(MkConnection) again = mk_connection_new ();
  g_autoptr(MkConnection) read = NULL;
  g_autoptr(GPtrArray) list = NULL;

  mk_connection_set_user_id (yt, f->user_id);
  mk_connection_set_platform (yt, MK_PLATFORM_YOUTUBE);
  mk_connection_set_platform_user_id (yt, "UC123");
  g_assert_true (mk_store_connections_insert (f->store, yt, &error));

  mk_connection_set_user_id (ig, f->user_id);
  mk_connection_set_platform (ig, MK_PLATFORM_INSTAGRAM);
  mk_connection_set_platform_user_id (ig, "17841400000000000");
  mk_connection_set_account_name (ig, "@sarah");
  mk_connection_set_token_expires_at (ig, "2027-01-23T18:20:00Z");
  g_assert_true (mk_store_connections_insert (f->store, ig, &error));
  g_assert_no_error (error);
  g_assert_true (mk_uuid_is_valid (mk_connection_get_id (ig)));

  read = mk_store_connections_get_for_platform (f->store, f->user_id, MK_PLATFORM_INSTAGRAM, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mk_connection_get_id (read), ==, mk_connection_get_id (ig));
  g_assert_cmpstr (mk_connection_get_account_name (read), ==, "@sarah");
  g_assert_true (mk_connection_get_is_connected (read));

  mk_connection_set_is_connected (read, FALSE);
  mk_connection_set_token_expires_at (read, NULL);
  g_assert_true (mk_store_connections_update (f->store, read, &error));
  g_clear_object (&read);
  read = mk_store_connections_get (f->store, mk_connection_get_id (ig), &error);
  g_assert_false (mk_connection_get_is_connected (read));
  g_assert_null (mk_connection_get_token_expires_at (read));

  /* Instagram first, then YouTube: platform order, not insertion order. */
  list = mk_store_connections_list (f->store, f->user_id, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (mk_connection_get_platform (g_ptr_array_index (list, 0)), ==, MK_PLATFORM_INSTAGRAM);

  /* One connection per platform; TikTok has none. */
  mk_connection_set_user_id (again, f->user_id);
  mk_connection_set_platform (again, MK_PLATFORM_YOUTUBE);
  mk_connection_set_platform_user_id (again, "UC999");
  g_assert_false (mk_store_connections_insert (f->store, again, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  mk_connection_set_id (again, NULL);
  mk_connection_set_platform (again, MK_PLATFORM_TIKTOK);
  g_assert_false (mk_store_connections_insert (f->store, again, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "platform");
  g_clear_error (&error);

  g_assert_true (mk_store_connections_delete (f->store, mk_connection_get_id (yt), &error));
  g_assert_null (mk_store_connections_get_for_platform (f->store, f->user_id, MK_PLATFORM_YOUTUBE, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
}

static MkCalendarEntry *
add_entry (Fixture    *f,
           const char *brand,
           const char *date,
           const char *time)
{
  g_autoptr(GError) error = NULL;
  MkCalendarEntry *entry = mk_calendar_entry_new ();

  mk_calendar_entry_set_user_id (entry, f->user_id);
  mk_calendar_entry_set_brand_name (entry, brand);
  mk_calendar_entry_set_date (entry, date);
  mk_calendar_entry_set_time (entry, time);
  g_assert_true (mk_store_calendar_insert (f->store, entry, &error));
  g_assert_no_error (error);
  return entry;
}

static void
test_calendar (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkCalendarEntry) late = add_entry (f, "Late", "2026-11-24", "18:20");
  g_autoptr(MkCalendarEntry) early = add_entry (f, "Early", "2026-11-24", "09:00");
  g_autoptr(MkCalendarEntry) allday = add_entry (f, "All day", "2026-11-24", NULL);
  g_autoptr(MkCalendarEntry) before = add_entry (f, "Before", "2026-10-31", "10:00");
  g_autoptr(MkCalendarEntry) after = add_entry (f, "After", "2026-12-01", "10:00");
  g_autoptr(MkCalendarEntry) last_day = add_entry (f, "Last day", "2026-11-30", "23:59");
  g_autoptr(MkCalendarEntry) read = NULL;
  g_autoptr(MkCalendarEntry) bad = mk_calendar_entry_new ();
  g_autoptr(GPtrArray) month = NULL;
  g_autofree char *other = store_test_add_user (f->store, "lee@example.com");

  g_assert_true (mk_uuid_is_valid (mk_calendar_entry_get_id (late)));
  g_assert_nonnull (mk_calendar_entry_get_created_at (late));

  /* November, inclusive at both ends, by date then time, whole-day first. */
  month = mk_store_calendar_list_range (f->store, f->user_id, "2026-11-01", "2026-11-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (month->len, ==, 4);
  g_assert_cmpstr (mk_calendar_entry_get_brand_name (g_ptr_array_index (month, 0)), ==, "All day");
  g_assert_cmpstr (mk_calendar_entry_get_brand_name (g_ptr_array_index (month, 1)), ==, "Early");
  g_assert_cmpstr (mk_calendar_entry_get_brand_name (g_ptr_array_index (month, 2)), ==, "Late");
  g_assert_cmpstr (mk_calendar_entry_get_brand_name (g_ptr_array_index (month, 3)), ==, "Last day");
  g_clear_pointer (&month, g_ptr_array_unref);

  /* Another user's calendar is empty. */
  month = mk_store_calendar_list_range (f->store, other, "2026-01-01", "2026-12-31", &error);
  g_assert_cmpuint (month->len, ==, 0);
  g_assert_cmpint (mk_store_calendar_count (f->store, f->user_id, NULL), ==, 6);
  g_assert_true (mk_store_calendar_any (f->store, f->user_id, NULL));
  g_assert_false (mk_store_calendar_any (f->store, other, NULL));

  /* Update to an upload with platform and content type. */
  mk_calendar_entry_set_entry_type (late, MK_ENTRY_TYPE_UPLOAD);
  mk_calendar_entry_set_platform (late, MK_PLATFORM_TIKTOK);
  mk_calendar_entry_set_content_type (late, MK_CONTENT_TYPE_REEL);
  mk_calendar_entry_set_status (late, MK_ENTRY_STATUS_COMPLETED);
  mk_calendar_entry_set_campaign_name (late, "Winter drop");
  mk_calendar_entry_set_notes (late, "Bring\nthe blue coat");
  g_assert_true (mk_store_calendar_update (f->store, late, &error));
  g_assert_no_error (error);
  read = mk_store_calendar_get (f->store, mk_calendar_entry_get_id (late), &error);
  g_assert_cmpint (mk_calendar_entry_get_entry_type (read), ==, MK_ENTRY_TYPE_UPLOAD);
  g_assert_cmpint (mk_calendar_entry_get_platform (read), ==, MK_PLATFORM_TIKTOK);
  g_assert_cmpint (mk_calendar_entry_get_content_type (read), ==, MK_CONTENT_TYPE_REEL);
  g_assert_cmpint (mk_calendar_entry_get_status (read), ==, MK_ENTRY_STATUS_COMPLETED);
  g_assert_cmpstr (mk_calendar_entry_get_notes (read), ==, "Bring\nthe blue coat");
  g_assert_cmpstr (mk_calendar_entry_get_created_at (read), ==, mk_calendar_entry_get_created_at (late));

  /* Validation stops a bad row before SQLite does. */
  mk_calendar_entry_set_user_id (bad, f->user_id);
  mk_calendar_entry_set_brand_name (bad, "X");
  mk_calendar_entry_set_date (bad, "2026-02-29");
  g_assert_false (mk_store_calendar_insert (f->store, bad, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "date");
  g_clear_error (&error);

  /* An owner that does not exist is the schema's business. */
  mk_calendar_entry_set_date (bad, "2026-03-01");
  mk_calendar_entry_set_user_id (bad, "00000000-0000-4000-8000-000000000009");
  g_assert_false (mk_store_calendar_insert (f->store, bad, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (mk_store_calendar_delete (f->store, mk_calendar_entry_get_id (early), &error));
  g_assert_null (mk_store_calendar_get (f->store, mk_calendar_entry_get_id (early), &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (mk_store_calendar_update (f->store, early, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
}

static void
add_snapshot (Fixture    *f,
              MkPlatform  platform,
              gint64      followers,
              double      rate,
              const char *when)
{
  g_autoptr(MkMetricsSnapshot) snapshot = mk_metrics_snapshot_new ();
  g_autoptr(GError) error = NULL;

  mk_metrics_snapshot_set_user_id (snapshot, f->user_id);
  mk_metrics_snapshot_set_platform (snapshot, platform);
  mk_metrics_snapshot_set_follower_count (snapshot, followers);
  mk_metrics_snapshot_set_engagement_rate (snapshot, rate);
  mk_metrics_snapshot_set_last_updated (snapshot, when);
  g_assert_true (mk_store_metrics_append (f->store, snapshot, &error));
  g_assert_no_error (error);
}

static void
test_metrics (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkMetricsSnapshot) latest = NULL;
  g_autoptr(GPtrArray) history = NULL;

  add_snapshot (f, MK_PLATFORM_INSTAGRAM, 1000, 2.5, "2026-11-01T10:00:00Z");
  add_snapshot (f, MK_PLATFORM_INSTAGRAM, 1100, NAN, "2026-11-20T10:00:00Z");
  add_snapshot (f, MK_PLATFORM_INSTAGRAM, -1, 3.0, "2026-11-10T10:00:00Z");
  add_snapshot (f, MK_PLATFORM_YOUTUBE, 50000, 1.0, "2026-11-21T10:00:00Z");

  latest = mk_store_metrics_latest (f->store, f->user_id, MK_PLATFORM_INSTAGRAM, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mk_metrics_snapshot_get_follower_count (latest), ==, 1100);
  g_assert_true (isnan (mk_metrics_snapshot_get_engagement_rate (latest)));
  g_assert_cmpint (mk_metrics_snapshot_get_media_count (latest), ==, -1);
  g_assert_cmpstr (mk_metrics_snapshot_get_last_updated (latest), ==, "2026-11-20T10:00:00Z");

  history = mk_store_metrics_history (f->store, f->user_id, MK_PLATFORM_INSTAGRAM, NULL, &error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (mk_metrics_snapshot_get_follower_count (g_ptr_array_index (history, 0)), ==, 1000);
  g_assert_cmpint (mk_metrics_snapshot_get_follower_count (g_ptr_array_index (history, 1)), ==, -1);
  g_assert_cmpfloat (mk_metrics_snapshot_get_engagement_rate (g_ptr_array_index (history, 1)), ==, 3.0);
  g_clear_pointer (&history, g_ptr_array_unref);

  history = mk_store_metrics_history (f->store, f->user_id, MK_PLATFORM_INSTAGRAM,
                                      "2026-11-10T10:00:00Z", &error);
  g_assert_cmpuint (history->len, ==, 2);

  g_clear_object (&latest);
  g_assert_null (mk_store_metrics_latest (f->store, f->user_id, MK_PLATFORM_FACEBOOK, &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
}

static MkReview *
add_review (Fixture    *f,
            const char *client,
            int         rating,
            gboolean    published,
            const char *when)
{
  g_autoptr(GError) error = NULL;
  MkReview *review = mk_review_new ();

  mk_review_set_user_id (review, f->user_id);
  mk_review_set_client_name (review, client);
  mk_review_set_rating (review, rating);
  mk_review_set_review_text (review, "Lovely to work with.");
  mk_review_set_is_published (review, published);
  mk_review_set_created_at (review, when);
  g_assert_true (mk_store_reviews_insert (f->store, review, &error));
  g_assert_no_error (error);
  return review;
}

static void
test_reviews (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkReview) old = add_review (f, "Old", 4, TRUE, "2026-01-01T10:00:00Z");
  g_autoptr(MkReview) hidden = add_review (f, "Hidden", 2, FALSE, "2026-06-01T10:00:00Z");
  g_autoptr(MkReview) recent = add_review (f, "Recent", 5, TRUE, "2026-11-01T10:00:00Z");
  g_autoptr(MkReview) read = NULL;
  g_autoptr(MkReview) bad = mk_review_new ();
  g_autoptr(GPtrArray) list = NULL;

  list = mk_store_reviews_list (f->store, f->user_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (mk_review_get_client_name (g_ptr_array_index (list, 0)), ==, "Recent");
  g_assert_cmpstr (mk_review_get_client_name (g_ptr_array_index (list, 2)), ==, "Old");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = mk_store_reviews_list (f->store, f->user_id, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (mk_store_reviews_count (f->store, f->user_id, TRUE, NULL), ==, 2);
  g_assert_cmpint (mk_store_reviews_count (f->store, f->user_id, FALSE, NULL), ==, 3);

  mk_review_set_is_published (hidden, TRUE);
  mk_review_set_is_verified (hidden, TRUE);
  mk_review_set_client_email (hidden, "pr@acme.com");
  mk_review_set_project_type (hidden, "Brand Campaign");
  g_assert_true (mk_store_reviews_update (f->store, hidden, &error));
  read = mk_store_reviews_get (f->store, mk_review_get_id (hidden), &error);
  g_assert_true (mk_review_get_is_verified (read));
  g_assert_true (mk_review_get_is_published (read));
  g_assert_cmpstr (mk_review_get_client_email (read), ==, "pr@acme.com");
  g_assert_cmpint (mk_store_reviews_count (f->store, f->user_id, TRUE, NULL), ==, 3);

  mk_review_set_user_id (bad, f->user_id);
  mk_review_set_client_name (bad, "Acme");
  mk_review_set_review_text (bad, "Good");
  mk_review_set_rating (bad, 6);
  g_assert_false (mk_store_reviews_insert (f->store, bad, &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "rating");
  g_clear_error (&error);

  g_assert_true (mk_store_reviews_delete (f->store, mk_review_get_id (old), &error));
  g_assert_null (mk_store_reviews_get (f->store, mk_review_get_id (old), &error));
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
  (void)recent;
}

static void
test_delete_cascades (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkCalendarEntry) entry = add_entry (f, "Glossier", "2026-11-24", NULL);
  g_autoptr(MkReview) review = add_review (f, "Acme", 5, TRUE, NULL);
  g_autoptr(MkProfile) profile = new_profile (f->user_id, "sarah");
  g_autoptr(GPtrArray) logs = NULL;

  g_assert_true (mk_store_profiles_save (f->store, profile, &error));
  g_assert_true (mk_store_log (f->store, f->user_id, MK_PLATFORM_NONE, "login",
                               MK_LOG_STATUS_SUCCESS, NULL, NULL, NULL, "127.0.0.1", &error));
  g_assert_no_error (error);

  g_assert_true (mk_store_users_delete (f->store, f->user_id, &error));
  g_assert_null (mk_store_calendar_get (f->store, mk_calendar_entry_get_id (entry), NULL));
  g_assert_null (mk_store_reviews_get (f->store, mk_review_get_id (review), NULL));
  g_assert_null (mk_store_profiles_get (f->store, f->user_id, NULL));

  logs = mk_store_logs_list_page (f->store, NULL, NULL, NULL, 10, &error);
  g_assert_cmpuint (logs->len, ==, 1);
  g_assert_null (mk_log_entry_get_user_id (g_ptr_array_index (logs, 0)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/tables/users", test_users);
  ADD ("/store/tables/profiles", test_profiles);
  ADD ("/store/tables/connections", test_connections);
  ADD ("/store/tables/calendar", test_calendar);
  ADD ("/store/tables/metrics", test_metrics);
  ADD ("/store/tables/reviews", test_reviews);
  ADD ("/store/tables/delete-cascades", test_delete_cascades);

  return g_test_run ();
}
