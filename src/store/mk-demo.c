/* mk-demo.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mk-calendar-table.h"
#include "mk-demo.h"
#include "mk-logs-table.h"
#include "mk-engagement.h"
#include "mk-media-table.h"
#include "mk-metrics-table.h"
#include "mk-profiles-table.h"
#include "mk-reviews-table.h"
#include "mk-store-error.h"
#include "mk-time.h"
#include "mk-users-table.h"

/* The demo is generated, not shipped, so it always sits around today; a
 * fixed seed keeps it the same from one run to the next. */
#define DEMO_SEED 20261124

static const char * const brands[] = {
  "Lumen Skincare", "Northwind Outdoors", "Pixel & Pine", "Café Aurora",
  "Velo City Bikes", "Moss Studio", "Solstice Swim", "Kiko Tea Co.",
  "Atlas Travel", "Brightside Audio", "Fern & Fig", "Nova Fitness",
};

static const char * const campaigns[] = {
  "Spring launch", "Holiday gift guide", "Summer drop", "Back to school",
  "Product review", "Behind the scenes", "Giveaway", "City guide",
  NULL,
};

static const char * const locations[] = {
  "Studio 4, Lisbon", "Riverside Park", "Downtown rooftop", "Client office",
  "Beach at Costa", "Home studio",
};

static const char * const notes[] = {
  "Bring the ring light and two outfits.",
  "Brief approved; wait for final caption from the brand.",
  "Use #ad and tag the brand account.",
  "Golden hour: arrive 30 minutes early.",
  NULL, NULL,
};

typedef struct {
  const char *client;
  const char *email;
  int         rating;
  const char *project;
  const char *text;
  gboolean    verified;
  gboolean    published;
} DemoReview;

static const DemoReview reviews[] = {
  { "Lumen Skincare", "partners@lumen.example", 5, "Product Review",
    "Sarah’s review video drove our best week of sales this year. Clear, honest and on brief.", TRUE, TRUE },
  { "Northwind Outdoors", "hello@northwind.example", 5, "Brand Campaign",
    "Beautiful footage, delivered two days early. Our audience loved the hiking series.", TRUE, TRUE },
  { "Pixel & Pine", NULL, 4, "Sponsored Post",
    "Great engagement on the carousel. Would love a bit more time for approvals next round.", FALSE, TRUE },
  { "Café Aurora", "marketing@aurora.example", 5, "Event",
    "Hosted our opening night stories like a pro — the queue was around the block.", TRUE, TRUE },
  { "Velo City Bikes", NULL, 4, "Long-term Partnership",
    "Six months in, consistent quality every month. Easy to work with.", TRUE, TRUE },
  { "Moss Studio", "studio@moss.example", 5, "Brand Campaign",
    "Thoughtful concepts and stunning edits. Our reel reached 3× our usual audience.", TRUE, TRUE },
  { "Solstice Swim", NULL, 3, "Sponsored Post",
    "Good content, but the post went live a day later than planned.", FALSE, FALSE },
  { "Kiko Tea Co.", "team@kiko.example", 5, "Product Review",
    "Authentic, warm and funny. Comments were full of people asking where to buy.", TRUE, TRUE },
  { "Atlas Travel", NULL, 4, "Brand Campaign",
    "Lovely city guide series; the YouTube video keeps bringing in bookings.", FALSE, TRUE },
  { "Brightside Audio", "pr@brightside.example", 5, "Product Review",
    "Detailed, fair review that our customers still quote.", TRUE, TRUE },
  { "Fern & Fig", NULL, 2, "Event",
    "The pop-up coverage was thinner than agreed.", FALSE, FALSE },
  { "Nova Fitness", "collabs@nova.example", 5, "Long-term Partnership",
    "Our best-performing creator two quarters running.", TRUE, TRUE },
};

typedef struct {
  MkPlatform  platform;
  const char *action;
  MkLogStatus status;
  const char *message;
  const char *request;
  const char *response;
  const char *ip;
} DemoLog;

/* One of every kind of row the Activity section shows. The request URLs
 * carry a fake token on purpose: the log writer must redact it. */
static const DemoLog log_kinds[] = {
  { MK_PLATFORM_NONE, "login", MK_LOG_STATUS_SUCCESS, "Signed in", NULL, NULL, "127.0.0.1" },
  { MK_PLATFORM_NONE, "login", MK_LOG_STATUS_FAILURE, "Wrong email or password", NULL, NULL, "127.0.0.1" },
  { MK_PLATFORM_NONE, "logout", MK_LOG_STATUS_SUCCESS, "Signed out", NULL, NULL, "127.0.0.1" },
  { MK_PLATFORM_INSTAGRAM, "connect", MK_LOG_STATUS_SUCCESS, "Connected Instagram as @sarahlens",
    "{\"method\":\"POST\",\"url\":\"https://api.instagram.com/oauth/access_token\",\"body\":\"code=demo-code&client_secret=demo-secret\"}",
    "{\"status\":200}", "157.240.1.174" },
  { MK_PLATFORM_INSTAGRAM, "fetch_metrics", MK_LOG_STATUS_SUCCESS, "Fetched Instagram profile: 48,210 followers",
    "{\"method\":\"GET\",\"url\":\"https://graph.instagram.com/v24.0/me?fields=followers_count,media_count&access_token=IGdemo123\"}",
    "{\"status\":200,\"body\":{\"followers_count\":48210,\"media_count\":412}}", "157.240.1.174" },
  { MK_PLATFORM_INSTAGRAM, "fetch_media", MK_LOG_STATUS_SUCCESS, "Fetched 25 recent Instagram posts",
    "{\"method\":\"GET\",\"url\":\"https://graph.instagram.com/v24.0/me/media?limit=25\"}",
    "{\"status\":200,\"summary\":\"25 items, next page present\"}", "157.240.1.174" },
  { MK_PLATFORM_INSTAGRAM, "refresh_token", MK_LOG_STATUS_SUCCESS, "Instagram token refreshed; valid for 60 days",
    "{\"method\":\"GET\",\"url\":\"https://graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token&access_token=IGdemo123\"}",
    "{\"status\":200,\"body\":{\"token_type\":\"bearer\",\"expires_in\":5183944}}", "157.240.1.174" },
  { MK_PLATFORM_FACEBOOK, "fetch_metrics", MK_LOG_STATUS_FAILURE, "Facebook rate limit reached; trying again in 15 minutes",
    "{\"method\":\"GET\",\"url\":\"https://graph.facebook.com/v24.0/104857392018475?fields=followers_count\"}",
    "{\"status\":400,\"body\":{\"error\":{\"message\":\"(#4) Application request limit reached\",\"type\":\"OAuthException\",\"code\":4}}}", "31.13.64.35" },
  { MK_PLATFORM_FACEBOOK, "fetch_metrics", MK_LOG_STATUS_SUCCESS, "Fetched Facebook Page: 12,870 followers",
    "{\"method\":\"GET\",\"url\":\"https://graph.facebook.com/v24.0/104857392018475?fields=followers_count,fan_count\"}",
    "{\"status\":200,\"body\":{\"followers_count\":12870}}", "31.13.64.35" },
  { MK_PLATFORM_YOUTUBE, "fetch_metrics", MK_LOG_STATUS_SUCCESS, "Fetched YouTube channel: 23,400 subscribers",
    "{\"method\":\"GET\",\"url\":\"https://www.googleapis.com/youtube/v3/channels?part=statistics&mine=true\",\"headers\":{\"Authorization\":\"Bearer ya29.demo\"}}",
    "{\"status\":200,\"body\":{\"items\":[{\"statistics\":{\"subscriberCount\":\"23400\"}}]}}", "142.250.184.202" },
  { MK_PLATFORM_YOUTUBE, "refresh_token", MK_LOG_STATUS_FAILURE, "YouTube needs reconnecting: access was revoked",
    "{\"method\":\"POST\",\"url\":\"https://oauth2.googleapis.com/token\",\"body\":\"grant_type=refresh_token&refresh_token=1//demo\"}",
    "{\"status\":400,\"body\":{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}}", "142.250.184.202" },
  { MK_PLATFORM_YOUTUBE, "fetch_thumbnail", MK_LOG_STATUS_SUCCESS, "Downloaded 12 thumbnails",
    NULL, NULL, "142.250.184.202" },
  { MK_PLATFORM_NONE, "update_calendar", MK_LOG_STATUS_SUCCESS, "Added shoot for Lumen Skincare", NULL, NULL, NULL },
  { MK_PLATFORM_NONE, "update_review", MK_LOG_STATUS_SUCCESS, "Published a review from Kiko Tea Co.", NULL, NULL, NULL },
  { MK_PLATFORM_NONE, "update_profile", MK_LOG_STATUS_SUCCESS, "Profile updated", NULL, NULL, NULL },
  { MK_PLATFORM_NONE, "export", MK_LOG_STATUS_SUCCESS, "Exported the media kit as HTML", NULL, NULL, NULL },
};

static char *
date_offset (GDateTime *base,
             int        days)
{
  g_autoptr(GDateTime) dt = g_date_time_add_days (base, days);

  return g_date_time_format (dt, "%Y-%m-%d");
}

static char *
timestamp_offset (GDateTime *base,
                  gint64     seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_add_seconds (base, seconds);

  return mk_time_format_timestamp (dt);
}

static gboolean
insert_entry (MkStore     *store,
              const char  *user_id,
              GRand       *rand,
              const char  *date,
              gboolean     past,
              GError     **error)
{
  g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();
  gboolean shoot = g_rand_int_range (rand, 0, 3) == 0;
  const char *campaign = campaigns[g_rand_int_range (rand, 0, G_N_ELEMENTS (campaigns))];
  const char *note = notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))];

  mk_calendar_entry_set_user_id (entry, user_id);
  mk_calendar_entry_set_entry_type (entry, shoot ? MK_ENTRY_TYPE_SHOOT : MK_ENTRY_TYPE_UPLOAD);
  mk_calendar_entry_set_brand_name (entry, brands[g_rand_int_range (rand, 0, G_N_ELEMENTS (brands))]);
  mk_calendar_entry_set_campaign_name (entry, campaign);
  mk_calendar_entry_set_date (entry, date);
  mk_calendar_entry_set_notes (entry, note);

  if (g_rand_int_range (rand, 0, 4) != 0)
    {
      g_autofree char *time = mk_time_format_time (g_rand_int_range (rand, 8, 20),
                                                   g_rand_int_range (rand, 0, 4) * 15);
      mk_calendar_entry_set_time (entry, time);
    }

  /* Most past work is done; a few are left pending so "overdue" shows. */
  if (past && g_rand_int_range (rand, 0, 6) != 0)
    mk_calendar_entry_set_status (entry, MK_ENTRY_STATUS_COMPLETED);
  else
    mk_calendar_entry_set_status (entry, MK_ENTRY_STATUS_PENDING);

  if (shoot)
    {
      mk_calendar_entry_set_location (entry, locations[g_rand_int_range (rand, 0, G_N_ELEMENTS (locations))]);
    }
  else
    {
      static const MkPlatform platforms[] = {
        MK_PLATFORM_INSTAGRAM, MK_PLATFORM_INSTAGRAM, MK_PLATFORM_YOUTUBE,
        MK_PLATFORM_FACEBOOK, MK_PLATFORM_TIKTOK,
      };
      MkPlatform platform = platforms[g_rand_int_range (rand, 0, G_N_ELEMENTS (platforms))];
      MkContentType type;

      switch (platform)
        {
        case MK_PLATFORM_YOUTUBE:
          type = g_rand_boolean (rand) ? MK_CONTENT_TYPE_VIDEO : MK_CONTENT_TYPE_SHORT;
          break;
        case MK_PLATFORM_FACEBOOK:
          type = g_rand_boolean (rand) ? MK_CONTENT_TYPE_POST : MK_CONTENT_TYPE_LIVE;
          break;
        case MK_PLATFORM_NONE:
        case MK_PLATFORM_INSTAGRAM:
        case MK_PLATFORM_TIKTOK:
        default:
          {
            static const MkContentType ig[] = { MK_CONTENT_TYPE_REEL, MK_CONTENT_TYPE_POST, MK_CONTENT_TYPE_STORY };
            type = ig[g_rand_int_range (rand, 0, G_N_ELEMENTS (ig))];
          }
          break;
        }

      mk_calendar_entry_set_platform (entry, platform);
      mk_calendar_entry_set_content_type (entry, type);
    }

  return mk_store_calendar_insert (store, entry, error);
}

static gboolean
fill_profile (MkStore     *store,
              const char  *user_id,
              GError     **error)
{
  static const char * const categories[] = { "Lifestyle", "Travel", "Beauty", "Tech", NULL };
  g_autoptr(MkProfile) profile = mk_profile_new ();

  mk_profile_set_user_id (profile, user_id);
  mk_profile_set_slug (profile, "sarah-lens");
  mk_profile_set_display_name (profile, "Sarah Lens");
  mk_profile_set_bio (profile,
                      "Lifestyle and travel creator from Lisbon. Honest reviews, slow travel "
                      "and small brands with big ideas. 80k+ people follow along across "
                      "Instagram, YouTube and Facebook.");
  mk_profile_set_categories (profile, categories);
  mk_profile_set_budget_min (profile, 500);
  mk_profile_set_budget_max (profile, 5000);
  mk_profile_set_currency (profile, "EUR");

  return mk_store_profiles_save (store, profile, error);
}

static gboolean
fill_calendar (MkStore     *store,
               const char  *user_id,
               GDateTime   *today,
               GRand       *rand,
               GError     **error)
{
  /* 60 entries spread over last month, this month and next month. */
  for (guint i = 0; i < 60; i++)
    {
      int offset = g_rand_int_range (rand, -30, 61);
      g_autofree char *date = date_offset (today, offset);

      if (!insert_entry (store, user_id, rand, date, offset < 0, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill_reviews (MkStore     *store,
              const char  *user_id,
              GDateTime   *now,
              GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (reviews); i++)
    {
      const DemoReview *r = &reviews[i];
      g_autoptr(MkReview) review = mk_review_new ();
      g_autofree char *created = timestamp_offset (now, -(gint64)(i * 9 + 2) * G_TIME_SPAN_DAY / G_USEC_PER_SEC);

      mk_review_set_user_id (review, user_id);
      mk_review_set_client_name (review, r->client);
      mk_review_set_client_email (review, r->email);
      mk_review_set_rating (review, r->rating);
      mk_review_set_project_type (review, r->project);
      mk_review_set_review_text (review, r->text);
      mk_review_set_is_verified (review, r->verified);
      mk_review_set_is_published (review, r->published);
      mk_review_set_created_at (review, created);

      if (!mk_store_reviews_insert (store, review, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill_metrics (MkStore     *store,
              const char  *user_id,
              GDateTime   *now,
              GRand       *rand,
              GError     **error)
{
  static const struct {
    MkPlatform platform;
    double     followers_90_days_ago;
    double     daily_growth;
    double     engagement;
    gint64     media;
  } platforms[] = {
    { MK_PLATFORM_INSTAGRAM, 41200, 0.0017, 4.6, 380 },
    { MK_PLATFORM_FACEBOOK, 12100, 0.0007, 1.9, 510 },
    { MK_PLATFORM_YOUTUBE, 19800, 0.0019, 6.2, 140 },
  };

  for (guint p = 0; p < G_N_ELEMENTS (platforms); p++)
    {
      double followers = platforms[p].followers_90_days_ago;

      for (int day = 89; day >= 0; day--)
        {
          g_autoptr(MkMetricsSnapshot) snapshot = mk_metrics_snapshot_new ();
          g_autofree char *when = timestamp_offset (now, -(gint64)day * 86400 - 3600 * (p + 1));
          double noise = g_rand_double_range (rand, -0.0012, 0.0012);

          followers *= 1.0 + platforms[p].daily_growth + noise;

          mk_metrics_snapshot_set_user_id (snapshot, user_id);
          mk_metrics_snapshot_set_platform (snapshot, platforms[p].platform);
          mk_metrics_snapshot_set_follower_count (snapshot, (gint64) round (followers));
          mk_metrics_snapshot_set_media_count (snapshot, platforms[p].media + (89 - day) / 3);
          mk_metrics_snapshot_set_engagement_rate (snapshot,
                                                   platforms[p].engagement + g_rand_double_range (rand, -0.4, 0.4));
          mk_metrics_snapshot_set_last_updated (snapshot, when);

          if (!mk_store_metrics_append (store, snapshot, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
fill_media (MkStore     *store,
            const char  *user_id,
            GDateTime   *now,
            GRand       *rand,
            GError     **error)
{
  static const char * const captions[] = {
    "Golden hour in Alfama with the new Lumen serum",
    "Five slow days on the Costa Vicentina",
    "Unboxing the Brightside ANC headphones",
    "Morning routine, honest version",
    "Kiko Tea Co. tasting: which blend wins?",
    "Packing light for a week in Porto",
    "Behind the scenes of the Northwind shoot",
    "Café Aurora opening night",
  };
  static const struct {
    MkPlatform  platform;
    const char *url_prefix;
    MkMediaType types[3];
    double      likes;
  } platforms[] = {
    { MK_PLATFORM_INSTAGRAM, "https://www.instagram.com/p/DEMO",
      { MK_MEDIA_TYPE_REEL, MK_MEDIA_TYPE_IMAGE, MK_MEDIA_TYPE_CAROUSEL }, 2100 },
    { MK_PLATFORM_FACEBOOK, "https://www.facebook.com/sarahlens/posts/demo",
      { MK_MEDIA_TYPE_POST, MK_MEDIA_TYPE_POST, MK_MEDIA_TYPE_POST }, 230 },
    { MK_PLATFORM_YOUTUBE, "https://www.youtube.com/watch?v=demo",
      { MK_MEDIA_TYPE_VIDEO, MK_MEDIA_TYPE_SHORT, MK_MEDIA_TYPE_VIDEO }, 1300 },
  };

  /* 24 posts: 12 on Instagram, 6 each on Facebook and YouTube. Thumbnails
   * stay empty: the store does not draw, and the grid shows placeholders. */
  for (guint p = 0; p < G_N_ELEMENTS (platforms); p++)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = p == 0 ? 12 : 6;

      for (guint i = 0; i < n; i++)
        {
          MkMediaItem *item = mk_media_item_new ();
          g_autofree char *media_id = g_strdup_printf ("demo-%s-%02u", mk_platform_to_string (platforms[p].platform), i);
          g_autofree char *permalink = g_strdup_printf ("%s%02u", platforms[p].url_prefix, i);
          g_autofree char *published = timestamp_offset (now, -(gint64)(i * 3 + p + 1) * 86400 - 7200 * p);
          double likes = platforms[p].likes * g_rand_double_range (rand, 0.6, 1.5);

          mk_media_item_set_platform_media_id (item, media_id);
          mk_media_item_set_media_type (item, platforms[p].types[i % 3]);
          mk_media_item_set_caption (item, captions[(i + p) % G_N_ELEMENTS (captions)]);
          mk_media_item_set_permalink (item, permalink);
          mk_media_item_set_like_count (item, (gint64) likes);
          mk_media_item_set_comment_count (item, (gint64) (likes * g_rand_double_range (rand, 0.02, 0.06)));
          if (platforms[p].platform == MK_PLATFORM_YOUTUBE)
            mk_media_item_set_view_count (item, (gint64) (likes * g_rand_double_range (rand, 15, 30)));
          mk_media_item_set_published_at (item, published);
          g_ptr_array_add (items, item);
        }

      if (!mk_store_media_replace (store, user_id, platforms[p].platform, items, error))
        return FALSE;

      /* The newest snapshot's rate is the one a sync would have stored for
       * these posts, so the Metrics cards and the exported kit agree. */
      {
        g_autoptr(MkMetricsSnapshot) latest = NULL;
        MkEngagement engagement;

        latest = mk_store_metrics_latest (store, user_id, platforms[p].platform, error);
        if (latest == NULL)
          return FALSE;
        mk_engagement_compute_at (platforms[p].platform,
                                  mk_metrics_snapshot_get_follower_count (latest),
                                  items, MK_ENGAGEMENT_METHOD_MEDIAN, now, &engagement);
        if (!isnan (engagement.rate) &&
            !mk_store_metrics_set_engagement_rate (store, mk_metrics_snapshot_get_id (latest),
                                                   engagement.rate, error))
          return FALSE;
      }
    }

  return TRUE;
}

static gboolean
fill_logs (MkStore     *store,
           const char  *user_id,
           GDateTime   *now,
           GError     **error)
{
  /* 40 rows, oldest first, cycling through every kind. */
  for (guint i = 0; i < 40; i++)
    {
      const DemoLog *kind = &log_kinds[i % G_N_ELEMENTS (log_kinds)];
      g_autoptr(MkLogEntry) entry = mk_log_entry_new ();
      g_autofree char *when = timestamp_offset (now, -(gint64)(40 - i) * 5 * 3600);

      mk_log_entry_set_user_id (entry, user_id);
      mk_log_entry_set_platform (entry, kind->platform);
      mk_log_entry_set_action (entry, kind->action);
      mk_log_entry_set_status (entry, kind->status);
      mk_log_entry_set_message (entry, kind->message);
      mk_log_entry_set_request_payload (entry, kind->request);
      mk_log_entry_set_response_payload (entry, kind->response);
      mk_log_entry_set_ip_address (entry, kind->ip);
      mk_log_entry_set_created_at (entry, when);

      if (!mk_store_logs_insert (store, entry, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
mk_demo_fill (MkStore     *store,
              char       **out_user_id,
              GError     **error)
{
  g_autoptr(MkUser) user = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED);
  gint64 n_users;

  g_return_val_if_fail (MK_IS_STORE (store), FALSE);

  n_users = mk_store_users_count (store, error);
  if (n_users < 0)
    return FALSE;

  if (n_users > 0)
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_CONSTRAINT,
                   _("The demo only fills an empty workspace, and “%s” already has an account. Use another --data-dir."),
                   mk_store_get_path (store));
      return FALSE;
    }

  if (!mk_store_transaction_begin (store, error))
    return FALSE;

  user = mk_user_new ();
  mk_user_set_email (user, MK_DEMO_EMAIL);
  /* No password can ever match "!": the demo account is opened by its
   * workspace, never by typing a password. */
  mk_user_set_password_hash (user, "!");

  if (!mk_store_users_insert (store, user, error) ||
      !fill_profile (store, mk_user_get_id (user), error) ||
      !fill_calendar (store, mk_user_get_id (user), today, rand, error) ||
      !fill_reviews (store, mk_user_get_id (user), now, error) ||
      !fill_metrics (store, mk_user_get_id (user), now, rand, error) ||
      !fill_media (store, mk_user_get_id (user), now, rand, error) ||
      !fill_logs (store, mk_user_get_id (user), now, error) ||
      !mk_store_transaction_commit (store, error))
    {
      mk_store_transaction_rollback (store, NULL);
      return FALSE;
    }

  if (out_user_id != NULL)
    *out_user_id = g_strdup (mk_user_get_id (user));

  return TRUE;
}

gboolean
mk_demo_fill_calendar_bulk (MkStore     *store,
                            const char  *user_id,
                            guint        n_entries,
                            GError     **error)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED + 1);
  g_autoptr(GDateTime) month_start = NULL;
  guint in_month = MIN (1000, n_entries);

  g_return_val_if_fail (MK_IS_STORE (store), FALSE);

  month_start = g_date_time_add_days (today, 1 - g_date_time_get_day_of_month (today));

  if (!mk_store_transaction_begin (store, error))
    return FALSE;

  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *date = NULL;
      int offset;

      if (i < in_month)
        offset = g_rand_int_range (rand, 0, 28);
      else
        offset = g_rand_int_range (rand, -9 * 365, 365);

      date = date_offset (i < in_month ? month_start : today, offset);

      if (!insert_entry (store, user_id, rand, date, offset < 0, error))
        {
          mk_store_transaction_rollback (store, NULL);
          return FALSE;
        }
    }

  /* A failed COMMIT leaves the transaction open: close it, or the store
   * could not begin another. */
  if (!mk_store_transaction_commit (store, error))
    {
      mk_store_transaction_rollback (store, NULL);
      return FALSE;
    }

  return TRUE;
}
