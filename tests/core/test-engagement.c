/* test-engagement.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "mk-engagement.h"
#include "mk-media-item.h"

/* "Now" for every test; posts are dated days before it. */
static GDateTime *
test_now (void)
{
  return g_date_time_new_utc (2026, 11, 24, 12, 0, 0);
}

static MkMediaItem *
post (guint  days_ago,
      gint64 likes,
      gint64 comments,
      gint64 views)
{
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(GDateTime) when = g_date_time_add_hours (now, -(gint)(days_ago * 24) - 1);
  g_autofree char *text = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
  MkMediaItem *item = mk_media_item_new ();

  mk_media_item_set_published_at (item, text);
  mk_media_item_set_like_count (item, likes);
  mk_media_item_set_comment_count (item, comments);
  mk_media_item_set_view_count (item, views);
  return item;
}

static void
compute (MkPlatform          platform,
         gint64              followers,
         GPtrArray          *media,
         MkEngagementMethod  method,
         MkEngagement       *out)
{
  g_autoptr(GDateTime) now = test_now ();

  mk_engagement_compute_at (platform, followers, media, method, now, out);
}

static void
test_instagram_median_and_mean (void)
{
  g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func (g_object_unref);
  MkEngagement result;

  /* Per post on 1000 followers: 1 %, 2 %, 3 %, 10 %. */
  g_ptr_array_add (media, post (1, 8, 2, -1));
  g_ptr_array_add (media, post (2, 15, 5, -1));
  g_ptr_array_add (media, post (3, 25, 5, -1));
  g_ptr_array_add (media, post (4, 90, 10, -1));

  compute (MK_PLATFORM_INSTAGRAM, 1000, media, MK_ENGAGEMENT_METHOD_MEDIAN, &result);
  g_assert_cmpfloat_with_epsilon (result.rate, 2.5, 1e-9);
  g_assert_cmpuint (result.posts_used, ==, 4);
  g_assert_false (result.partial);
  g_assert_false (result.estimated);

  compute (MK_PLATFORM_INSTAGRAM, 1000, media, MK_ENGAGEMENT_METHOD_MEAN, &result);
  g_assert_cmpfloat_with_epsilon (result.rate, 4.0, 1e-9);
  g_assert_cmpint (result.method, ==, MK_ENGAGEMENT_METHOD_MEAN);
}

static void
test_unknown_counts_are_skipped (void)
{
  g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func (g_object_unref);
  MkEngagement result;

  g_ptr_array_add (media, post (1, 10, 0, -1));
  g_ptr_array_add (media, post (2, -1, 50, -1));  /* likes hidden: not 0 */
  g_ptr_array_add (media, post (3, 30, 0, -1));
  g_ptr_array_add (media, post (4, 20, 0, -1));

  compute (MK_PLATFORM_INSTAGRAM, 1000, media, MK_ENGAGEMENT_METHOD_MEAN, &result);
  g_assert_cmpfloat_with_epsilon (result.rate, 2.0, 1e-9);
  g_assert_cmpuint (result.posts_used, ==, 3);
  g_assert_cmpuint (result.posts_considered, ==, 4);
  g_assert_true (result.partial);
}

static void
test_last_twelve_and_young_posts (void)
{
  g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MkMediaItem) fresh = NULL;
  MkEngagement result;

  /* Twelve old posts at 1 % and an older thirteenth at 100 %, given out
   * of order: only the newest twelve count. */
  g_ptr_array_add (media, post (40, 1000, 0, -1));
  for (guint i = 1; i <= 12; i++)
    g_ptr_array_add (media, post (i, 10, 0, -1));

  /* A post from an hour ago has not collected its likes yet. */
  fresh = mk_media_item_new ();
  {
    g_autoptr(GDateTime) now = test_now ();
    g_autoptr(GDateTime) hour_ago = g_date_time_add_hours (now, -1);
    g_autofree char *text = g_date_time_format (hour_ago, "%Y-%m-%dT%H:%M:%SZ");

    mk_media_item_set_published_at (fresh, text);
    mk_media_item_set_like_count (fresh, 0);
    mk_media_item_set_comment_count (fresh, 0);
  }
  g_ptr_array_add (media, g_object_ref (fresh));

  compute (MK_PLATFORM_INSTAGRAM, 1000, media, MK_ENGAGEMENT_METHOD_MEAN, &result);
  g_assert_cmpfloat_with_epsilon (result.rate, 1.0, 1e-9);
  g_assert_cmpuint (result.posts_used, ==, MK_ENGAGEMENT_POSTS);
}

static void
test_no_followers (void)
{
  g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func (g_object_unref);
  MkEngagement result;
  g_autofree char *text = NULL;

  g_ptr_array_add (media, post (1, 10, 0, -1));

  compute (MK_PLATFORM_INSTAGRAM, -1, media, MK_ENGAGEMENT_METHOD_MEDIAN, &result);
  g_assert_true (isnan (result.rate));
  g_assert_cmpuint (result.posts_used, ==, 0);

  compute (MK_PLATFORM_FACEBOOK, 0, media, MK_ENGAGEMENT_METHOD_MEDIAN, &result);
  g_assert_true (isnan (result.rate));

  text = mk_engagement_describe (&result);
  g_assert_nonnull (strstr (text, "follower count is not available"));
}

static void
test_youtube_per_view (void)
{
  g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func (g_object_unref);
  MkEngagement result;

  /* 5 % and 1 % of views; a video without views and one with hidden likes
   * are left out. Subscribers play no part. */
  g_ptr_array_add (media, post (1, 40, 10, 1000));
  g_ptr_array_add (media, post (2, 9, 1, 1000));
  g_ptr_array_add (media, post (3, 0, 0, 0));
  g_ptr_array_add (media, post (4, -1, 3, 5000));

  compute (MK_PLATFORM_YOUTUBE, -1, media, MK_ENGAGEMENT_METHOD_MEDIAN, &result);
  g_assert_cmpfloat_with_epsilon (result.rate, 3.0, 1e-9);
  g_assert_cmpuint (result.posts_used, ==, 2);
  g_assert_true (result.partial);
  g_assert_true (result.estimated);
}

static void
test_facebook_shares (void)
{
  g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func (g_object_unref);
  MkEngagement result;
  MkMediaItem *item;

  item = post (1, 100, 20, -1);
  mk_media_item_set_share_count (item, 30);
  g_ptr_array_add (media, item);
  g_ptr_array_add (media, post (2, 50, 0, -1)); /* share_count unknown: counts as none */

  compute (MK_PLATFORM_FACEBOOK, 1000, media, MK_ENGAGEMENT_METHOD_MEAN, &result);
  g_assert_cmpfloat_with_epsilon (result.rate, (15.0 + 5.0) / 2, 1e-9);
}

static void
test_64_bit_sums (void)
{
  g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func (g_object_unref);
  MkEngagement result;

  /* Sums past 2^32 stay exact. */
  g_ptr_array_add (media, post (1, G_GINT64_CONSTANT (3000000000), G_GINT64_CONSTANT (3000000000),
                                G_GINT64_CONSTANT (12000000000)));
  compute (MK_PLATFORM_YOUTUBE, -1, media, MK_ENGAGEMENT_METHOD_MEDIAN, &result);
  g_assert_cmpfloat_with_epsilon (result.rate, 50.0, 1e-9);
}

static void
test_describe (void)
{
  g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func (g_object_unref);
  MkEngagement result;
  g_autofree char *median = NULL;
  g_autofree char *mean = NULL;
  g_autofree char *youtube = NULL;
  g_autofree char *one = NULL;

  for (guint i = 1; i <= 5; i++)
    g_ptr_array_add (media, post (i, 10, 2, 100));
  g_ptr_array_add (media, post (6, -1, 2, 100));

  compute (MK_PLATFORM_INSTAGRAM, 12400, media, MK_ENGAGEMENT_METHOD_MEDIAN, &result);
  median = mk_engagement_describe (&result);
  g_assert_true (g_str_has_prefix (median, "Median of the last 12 posts, (likes + comments) ÷ followers"));
  g_assert_nonnull (strstr (median, "5 of 6 posts"));
  /* Grouped as on the cards (the C locale falls back to a comma). */
  g_assert_nonnull (strstr (median, "(12,400 followers)"));
  g_assert_nonnull (strstr (median, "Partial"));
  g_assert_null (strstr (median, "Estimate"));

  compute (MK_PLATFORM_FACEBOOK, 12400, media, MK_ENGAGEMENT_METHOD_MEAN, &result);
  mean = mk_engagement_describe (&result);
  g_assert_true (g_str_has_prefix (mean, "Mean of the last 12 posts, (reactions + comments + shares) ÷ followers"));

  compute (MK_PLATFORM_INSTAGRAM, 1, media, MK_ENGAGEMENT_METHOD_MEDIAN, &result);
  one = mk_engagement_describe (&result);
  g_assert_nonnull (strstr (one, "(1 follower)"));

  compute (MK_PLATFORM_YOUTUBE, -1, media, MK_ENGAGEMENT_METHOD_MEDIAN, &result);
  youtube = mk_engagement_describe (&result);
  g_assert_nonnull (strstr (youtube, "÷ views, per video"));
  g_assert_null (strstr (youtube, "follower"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engagement/instagram", test_instagram_median_and_mean);
  g_test_add_func ("/engagement/unknown-skipped", test_unknown_counts_are_skipped);
  g_test_add_func ("/engagement/last-twelve", test_last_twelve_and_young_posts);
  g_test_add_func ("/engagement/no-followers", test_no_followers);
  g_test_add_func ("/engagement/youtube", test_youtube_per_view);
  g_test_add_func ("/engagement/facebook-shares", test_facebook_shares);
  g_test_add_func ("/engagement/64-bit", test_64_bit_sums);
  g_test_add_func ("/engagement/describe", test_describe);

  return g_test_run ();
}
