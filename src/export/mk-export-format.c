/* mk-export-format.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-export"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mk-export-format.h"

static const char *
thousands_separator (void)
{
  const struct lconv *conv = localeconv ();

  /* The C locale has none, yet "1234567" is hard to read on a media kit;
   * the comma is the most widely understood fallback. */
  if (conv->thousands_sep == NULL || *conv->thousands_sep == '\0'
      || !g_utf8_validate (conv->thousands_sep, -1, NULL))
    return ",";

  return conv->thousands_sep;
}

char *
mk_export_format_count (gint64 count)
{
  const char *separator = thousands_separator ();
  char digits[32];
  GString *out;
  gsize len;
  guint64 magnitude;

  magnitude = count < 0 ? (guint64) -(count + 1) + 1 : (guint64) count;
  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);
  len = strlen (digits);

  out = g_string_new (count < 0 ? "−" : NULL);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
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
