/* mk-time.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <string.h>

#include "mk-time.h"

/* Hand-written parsers rather than g_date_time_new_from_iso8601(): that one
 * accepts many forms, and the database wants exactly one of each, so that
 * text order is time order. */

static gboolean
parse_digits (const char *text,
              guint       n,
              int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

static gboolean
parse_ymd (const char *text,
           int        *year,
           int        *month,
           int        *day)
{
  return parse_digits (text, 4, year) && text[4] == '-' &&
         parse_digits (text + 5, 2, month) && text[7] == '-' &&
         parse_digits (text + 8, 2, day) &&
         *year >= 1 &&
         *month >= 1 && *month <= 12 &&
         *day >= 1 && *day <= g_date_get_days_in_month ((GDateMonth)*month, (GDateYear)*year);
}

static gboolean
parse_hm (const char *text,
          int        *hour,
          int        *minute)
{
  return parse_digits (text, 2, hour) && text[2] == ':' &&
         parse_digits (text + 3, 2, minute) &&
         *hour <= 23 && *minute <= 59;
}

char *
mk_time_now_timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return mk_time_format_timestamp (now);
}

char *
mk_time_format_timestamp (GDateTime *datetime)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (datetime != NULL, NULL);

  utc = g_date_time_to_utc (datetime);
  /* Not g_date_time_format()'s %Y, which does not pad: the year 577 (a
   * fuzzed platform answer) would give a 19-character "timestamp" that
   * mk_validate_timestamp() then refuses. */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

GDateTime *
mk_time_parse_timestamp (const char *text)
{
  int year, month, day, hour, minute, second;

  if (text == NULL || strlen (text) != 20)
    return NULL;

  if (!parse_ymd (text, &year, &month, &day) || text[10] != 'T' ||
      !parse_hm (text + 11, &hour, &minute) || text[16] != ':' ||
      !parse_digits (text + 17, 2, &second) || second > 59 ||
      text[19] != 'Z')
    return NULL;

  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

gboolean
mk_time_is_valid_timestamp (const char *text)
{
  g_autoptr(GDateTime) dt = mk_time_parse_timestamp (text);

  return dt != NULL;
}

char *
mk_time_format_date (int year,
                     int month,
                     int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

char *
mk_time_format_gdate (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return mk_time_format_date (g_date_get_year (date),
                              g_date_get_month (date),
                              g_date_get_day (date));
}

gboolean
mk_time_parse_date (const char *text,
                    int        *out_year,
                    int        *out_month,
                    int        *out_day)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10 || !parse_ymd (text, &year, &month, &day))
    return FALSE;

  if (out_year != NULL)
    *out_year = year;
  if (out_month != NULL)
    *out_month = month;
  if (out_day != NULL)
    *out_day = day;
  return TRUE;
}

gboolean
mk_time_parse_gdate (const char *text,
                     GDate      *out_date)
{
  int year, month, day;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (!mk_time_parse_date (text, &year, &month, &day))
    return FALSE;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  return TRUE;
}

gboolean
mk_time_is_valid_date (const char *text)
{
  return mk_time_parse_date (text, NULL, NULL, NULL);
}

char *
mk_time_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
mk_time_format_time (int hour,
                     int minute)
{
  g_return_val_if_fail (hour >= 0 && hour <= 23, NULL);
  g_return_val_if_fail (minute >= 0 && minute <= 59, NULL);

  return g_strdup_printf ("%02d:%02d", hour, minute);
}

gboolean
mk_time_parse_time (const char *text,
                    int        *out_hour,
                    int        *out_minute)
{
  int hour, minute;

  if (text == NULL || strlen (text) != 5 || !parse_hm (text, &hour, &minute))
    return FALSE;

  if (out_hour != NULL)
    *out_hour = hour;
  if (out_minute != NULL)
    *out_minute = minute;
  return TRUE;
}

gboolean
mk_time_is_valid_time (const char *text)
{
  return mk_time_parse_time (text, NULL, NULL);
}
