/* mk-engagement.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "mk-engagement.h"
#include "mk-format.h"
#include "mk-media-item.h"
#include "mk-time.h"

/* The formula (platform-apis.md §6), per post, in percent:
 *
 *   Instagram  (likes + comments) ÷ followers × 100
 *   Facebook   (reactions + comments + shares) ÷ followers × 100
 *              (no shares object means 0 shares, as the Graph API omits it)
 *   YouTube    (likes + comments) ÷ views × 100, per video
 *
 * and for the account the median (default, so that one viral post does not
 * make a creator look ten times better) or the mean of the per-post rates,
 * over the newest MK_ENGAGEMENT_POSTS posts that are at least 24 hours old
 * (younger ones have not collected their likes yet).
 *
 * A post whose counts are unknown (hidden likes, comments turned off, a
 * YouTube video without views) is skipped, not counted as 0, and the result
 * is marked partial. Sums are 64-bit integers; only the ratio is a double.
 * Without a follower count Instagram and Facebook have no rate at all. */

G_DEFINE_ENUM_TYPE (MkEngagementMethod, mk_engagement_method,
                    G_DEFINE_ENUM_VALUE (MK_ENGAGEMENT_METHOD_MEDIAN, "median"),
                    G_DEFINE_ENUM_VALUE (MK_ENGAGEMENT_METHOD_MEAN, "mean"))

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  MkMediaItem *item_a = *(MkMediaItem **)a;
  MkMediaItem *item_b = *(MkMediaItem **)b;

  /* Timestamps in our one form sort as text; unknown dates go last. */
  return -g_strcmp0 (mk_media_item_get_published_at (item_a),
                     mk_media_item_get_published_at (item_b));
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double da = *(const double *)a;
  double db = *(const double *)b;

  return (da > db) - (da < db);
}

/* The post's rate in percent, or NAN when its counts are unknown. */
static double
item_rate (MkPlatform   platform,
           gint64       followers,
           MkMediaItem *item)
{
  gint64 likes = mk_media_item_get_like_count (item);
  gint64 comments = mk_media_item_get_comment_count (item);
  gint64 interactions;

  if (likes < 0 || comments < 0)
    return NAN;

  interactions = likes + comments;

  switch (platform)
    {
    case MK_PLATFORM_YOUTUBE:
      {
        gint64 views = mk_media_item_get_view_count (item);

        if (views <= 0)
          return NAN;
        return (double)interactions / (double)views * 100.0;
      }

    case MK_PLATFORM_FACEBOOK:
      interactions += MAX (mk_media_item_get_share_count (item), 0);
      return (double)interactions / (double)followers * 100.0;

    case MK_PLATFORM_INSTAGRAM:
    default:
      return (double)interactions / (double)followers * 100.0;
    }
}

void
mk_engagement_compute_at (MkPlatform          platform,
                          gint64              followers,
                          GPtrArray          *media,
                          MkEngagementMethod  method,
                          GDateTime          *now,
                          MkEngagement       *out)
{
  g_autoptr(GPtrArray) eligible = g_ptr_array_new ();
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) cutoff = NULL;
  g_autofree char *cutoff_text = NULL;

  g_return_if_fail (out != NULL);
  g_return_if_fail (now != NULL);

  out->rate = NAN;
  out->method = method;
  out->platform = platform;
  out->followers = followers >= 0 ? followers : -1;
  out->posts_used = 0;
  out->posts_considered = 0;
  out->estimated = FALSE;
  out->partial = FALSE;

  if (media == NULL)
    return;
  if (platform != MK_PLATFORM_YOUTUBE && followers <= 0)
    return;

  cutoff = g_date_time_add_hours (now, -24);
  cutoff_text = mk_time_format_timestamp (cutoff);

  for (guint i = 0; i < media->len; i++)
    {
      MkMediaItem *item = g_ptr_array_index (media, i);
      const char *published = mk_media_item_get_published_at (item);

      /* An undated post may be brand new: leave it out. */
      if (published != NULL && g_strcmp0 (published, cutoff_text) <= 0)
        g_ptr_array_add (eligible, item);
    }
  g_ptr_array_sort (eligible, compare_newest_first);

  for (guint i = 0; i < eligible->len && i < MK_ENGAGEMENT_POSTS; i++)
    {
      double rate = item_rate (platform, followers, g_ptr_array_index (eligible, i));

      out->posts_considered++;
      if (isnan (rate))
        out->partial = TRUE;
      else
        g_array_append_val (rates, rate);
    }

  if (rates->len == 0)
    return;

  if (method == MK_ENGAGEMENT_METHOD_MEAN)
    {
      double sum = 0.0;

      for (guint i = 0; i < rates->len; i++)
        sum += g_array_index (rates, double, i);
      out->rate = sum / rates->len;
    }
  else
    {
      guint mid = rates->len / 2;

      g_array_sort (rates, compare_double);
      if (rates->len % 2 == 1)
        out->rate = g_array_index (rates, double, mid);
      else
        out->rate = (g_array_index (rates, double, mid - 1) + g_array_index (rates, double, mid)) / 2.0;
    }

  out->posts_used = rates->len;
  out->estimated = rates->len < MK_ENGAGEMENT_MIN_POSTS;
}

void
mk_engagement_compute (MkPlatform          platform,
                       gint64              followers,
                       GPtrArray          *media,
                       MkEngagementMethod  method,
                       MkEngagement       *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  mk_engagement_compute_at (platform, followers, media, method, now, out);
}

static const char *
formula_text (MkPlatform platform)
{
  switch (platform)
    {
    case MK_PLATFORM_YOUTUBE:
      return _("(likes + comments) ÷ views, per video");
    case MK_PLATFORM_FACEBOOK:
      return _("(reactions + comments + shares) ÷ followers");
    case MK_PLATFORM_INSTAGRAM:
    default:
      return _("(likes + comments) ÷ followers");
    }
}

char *
mk_engagement_describe (const MkEngagement *engagement)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (engagement != NULL, NULL);

  if (engagement->method == MK_ENGAGEMENT_METHOD_MEAN)
    /* Translators: %u is a number of posts, always 12 or so */
    g_string_append_printf (text, _("Mean of the last %u posts"), MK_ENGAGEMENT_POSTS);
  else
    /* Translators: %u is a number of posts, always 12 or so */
    g_string_append_printf (text, _("Median of the last %u posts"), MK_ENGAGEMENT_POSTS);

  g_string_append (text, _(", "));
  g_string_append (text, formula_text (engagement->platform));

  if (engagement->platform != MK_PLATFORM_YOUTUBE && engagement->followers > 0)
    {
      g_autofree char *followers = mk_format_count (engagement->followers);

      g_string_append (text, " (");
      g_string_append_printf (text,
                              /* Translators: %s is a number of followers, e.g. "12,400" */
                              g_dngettext (GETTEXT_PACKAGE, "%s follower", "%s followers",
                                           (gulong)MIN (engagement->followers, G_MAXINT)),
                              followers);
      g_string_append (text, ")");
    }
  g_string_append (text, ".");

  if (isnan (engagement->rate))
    {
      g_string_append_c (text, ' ');
      if (engagement->platform != MK_PLATFORM_YOUTUBE && engagement->followers <= 0)
        g_string_append (text, _("Unknown: the follower count is not available."));
      else
        g_string_append (text, _("Unknown: no post old enough has its counts available."));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  g_string_append_c (text, ' ');
  g_string_append_printf (text,
                          /* Translators: "Based on 10 of 12 posts." */
                          g_dngettext (GETTEXT_PACKAGE, "Based on %u of %u post.", "Based on %u of %u posts.",
                                       engagement->posts_considered),
                          engagement->posts_used, engagement->posts_considered);

  if (engagement->partial)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Partial: posts with hidden likes or comments are left out."));
    }
  if (engagement->estimated)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("Estimate: too few posts for a steady figure."));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
