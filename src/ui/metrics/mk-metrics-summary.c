/* mk-metrics-summary.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-media-table.h"
#include "mk-metrics-snapshot.h"
#include "mk-time.h"
#include "mk-metrics-summary.h"

/* Syncs do not happen at the same minute every day: a snapshot a little
 * younger than @days still stands for "@days ago". */
#define SLACK_SECONDS (6 * 3600)

gboolean
mk_metrics_follower_change (GPtrArray *history,
                            int        days,
                            gint64    *out_change)
{
  MkMetricsSnapshot *newest;
  g_autoptr(GDateTime) newest_time = NULL;
  gint64 newest_followers;

  g_return_val_if_fail (out_change != NULL, FALSE);

  *out_change = 0;

  if (history == NULL || history->len < 2)
    return FALSE;

  newest = g_ptr_array_index (history, history->len - 1);
  newest_followers = mk_metrics_snapshot_get_follower_count (newest);
  newest_time = mk_time_parse_timestamp (mk_metrics_snapshot_get_last_updated (newest));
  if (newest_time == NULL || newest_followers < 0)
    return FALSE;

  for (guint i = history->len - 1; i-- > 0;)
    {
      MkMetricsSnapshot *older = g_ptr_array_index (history, i);
      g_autoptr(GDateTime) when = mk_time_parse_timestamp (mk_metrics_snapshot_get_last_updated (older));
      GTimeSpan age;

      if (when == NULL)
        continue;

      age = g_date_time_difference (newest_time, when) / G_TIME_SPAN_SECOND;
      if (age + SLACK_SECONDS < (gint64)days * 86400)
        continue;

      if (mk_metrics_snapshot_get_follower_count (older) < 0)
        return FALSE;

      *out_change = newest_followers - mk_metrics_snapshot_get_follower_count (older);
      return TRUE;
    }

  return FALSE;
}

char *
mk_metrics_format_updated (const char *timestamp,
                           GDateTime  *now)
{
  g_autoptr(GDateTime) when = NULL;
  gint64 seconds;

  if (timestamp == NULL || (when = mk_time_parse_timestamp (timestamp)) == NULL)
    return NULL;

  seconds = MAX (0, g_date_time_difference (now, when) / G_TIME_SPAN_SECOND);

  if (seconds < 60)
    return g_strdup (_("Updated just now"));
  if (seconds < 3600)
    return g_strdup_printf (ngettext ("Updated %d minute ago", "Updated %d minutes ago", (gulong)(seconds / 60)),
                            (int)(seconds / 60));
  if (seconds < 86400)
    return g_strdup_printf (ngettext ("Updated %d hour ago", "Updated %d hours ago", (gulong)(seconds / 3600)),
                            (int)(seconds / 3600));

  return g_strdup_printf (ngettext ("Updated %d day ago", "Updated %d days ago", (gulong)(seconds / 86400)),
                          (int)(seconds / 86400));
}

gboolean
mk_metrics_engagement_from_media (MkStore      *store,
                                  const char   *user_id,
                                  MkPlatform    platform,
                                  gint64        followers,
                                  const char   *method,
                                  MkEngagement *out)
{
  g_autoptr(GPtrArray) media = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  media = mk_store_media_list (store, user_id, platform, 50, &error);
  if (media == NULL)
    {
      g_warning ("Could not read the %s posts: %s", mk_platform_to_string (platform), error->message);
      return FALSE;
    }

  if (media->len == 0)
    return FALSE;

  mk_engagement_compute (platform, followers, media,
                         g_strcmp0 (method, "mean") == 0 ? MK_ENGAGEMENT_METHOD_MEAN : MK_ENGAGEMENT_METHOD_MEDIAN,
                         out);
  return TRUE;
}
