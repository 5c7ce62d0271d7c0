/* mk-export-format.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mk-export-format.h"
#include "mk-format.h"

char *
mk_export_format_count (gint64 count)
{
  return mk_format_count (count);
}

char *
mk_export_format_rate (double percent)
{
  /* Translators: an engagement rate, e.g. "3.4%" */
  return g_strdup_printf (_("%.1f%%"), percent);
}

char *
mk_export_format_date (GDateTime *datetime)
{
  g_return_val_if_fail (datetime != NULL, NULL);

  /* Translators: a date as in "as of 24 November 2026"; see
   * g_date_time_format() for the codes */
  return g_date_time_format (datetime, _("%-d %B %Y"));
}

char *
mk_export_format_budget (gint64      budget_min,
                         gint64      budget_max,
                         const char *currency)
{
  g_autofree char *min = budget_min >= 0 ? mk_export_format_count (budget_min) : NULL;
  g_autofree char *max = budget_max >= 0 ? mk_export_format_count (budget_max) : NULL;
  const char *unit = currency != NULL ? currency : "";
  char *text;

  if (min != NULL && max != NULL)
    /* Translators: a budget range: minimum, maximum, currency code */
    text = g_strdup_printf (_("%s–%s %s"), min, max, unit);
  else if (min != NULL)
    /* Translators: a budget with no upper end: amount, currency code */
    text = g_strdup_printf (_("From %s %s"), min, unit);
  else if (max != NULL)
    /* Translators: a budget with no lower end: amount, currency code */
    text = g_strdup_printf (_("Up to %s %s"), max, unit);
  else
    return NULL;

  return g_strchomp (text);
}

const char *
mk_export_get_formula_caption (MkPlatform platform)
{
  switch (platform)
    {
    case MK_PLATFORM_INSTAGRAM:
      return _("(likes + comments) ÷ followers, over recent posts");
    case MK_PLATFORM_FACEBOOK:
      return _("(reactions + comments + shares) ÷ followers, over recent posts");
    case MK_PLATFORM_YOUTUBE:
      return _("(likes + comments) ÷ views, over recent videos");
    case MK_PLATFORM_NONE:
    case MK_PLATFORM_TIKTOK:
    default:
      return _("interactions ÷ audience, over recent posts");
    }
}

/* Long captions are cut for the tile: the kit is a summary, the permalink
 * has the rest. */
#define TILE_CAPTION_CHARS 140

char *
mk_export_format_caption (const char *caption)
{
  g_autofree char *cut = NULL;

  if (caption == NULL || g_utf8_strlen (caption, -1) <= TILE_CAPTION_CHARS)
    return g_strdup (caption);

  cut = g_utf8_substring (caption, 0, TILE_CAPTION_CHARS - 1);
  return g_strconcat (g_strchomp (cut), "…", NULL);
}

char *
mk_export_format_media_counts (const MkPortfolioMedia *media)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (media->likes >= 0)
    {
      g_autofree char *count = mk_export_format_count (media->likes);
      /* Translators: %s is a formatted number such as "1,204" */
      g_ptr_array_add (parts, g_strdup_printf (ngettext ("%s like", "%s likes",
                                                         (gulong) media->likes),
                                               count));
    }
  if (media->comments >= 0)
    {
      g_autofree char *count = mk_export_format_count (media->comments);
      /* Translators: %s is a formatted number such as "56" */
      g_ptr_array_add (parts, g_strdup_printf (ngettext ("%s comment", "%s comments",
                                                         (gulong) media->comments),
                                               count));
    }
  if (media->views >= 0)
    {
      g_autofree char *count = mk_export_format_count (media->views);
      /* Translators: %s is a formatted number such as "12,400" */
      g_ptr_array_add (parts, g_strdup_printf (ngettext ("%s view", "%s views",
                                                         (gulong) media->views),
                                               count));
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

char *
mk_export_format_media_badge (const MkPortfolioMedia *media)
{
  const char *platform = mk_platform_get_display_name (media->platform);

  return g_strdup_printf ("%s · %s",
                          platform != NULL ? platform : _("Other"),
                          mk_media_type_get_display_name (media->media_type));
}
