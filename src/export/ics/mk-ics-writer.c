/* mk-ics-writer.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-export"

#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "mk-calendar-entry.h"
#include "mk-export-file.h"
#include "mk-ics-writer.h"
#include "mk-time.h"

static void
add_x (icalcomponent *event,
       const char    *name,
       const char    *value)
{
  icalproperty *prop;

  if (value == NULL || *value == '\0')
    return;

  /* No VALUE parameter: libical then escapes only backslashes and
   * newlines, and reads them back the same way. */
  prop = icalproperty_new_x (value);
  icalproperty_set_x_name (prop, name);
  icalcomponent_add_property (event, prop);
}

static struct icaltimetype
timestamp_to_ical (const char *timestamp)
{
  g_autoptr(GDateTime) utc = mk_time_parse_timestamp (timestamp);

  if (utc == NULL)
    return icaltime_null_time ();

  return icaltime_from_timet_with_zone (g_date_time_to_unix (utc), FALSE,
                                        icaltimezone_get_utc_timezone ());
}

static icalcomponent *
entry_to_vevent (MkCalendarEntry *entry,
                 struct icaltimetype stamp)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  const char *brand = mk_calendar_entry_get_brand_name (entry);
  const char *campaign = mk_calendar_entry_get_campaign_name (entry);
  const char *time = mk_calendar_entry_get_time (entry);
  struct icaltimetype start = icaltime_null_time ();
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;
  g_autofree char *summary = NULL;

  icalcomponent_set_uid (event, mk_calendar_entry_get_id (entry));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));

  mk_time_parse_date (mk_calendar_entry_get_date (entry), &year, &month, &day);
  start.year = year;
  start.month = month;
  start.day = day;
  if (time != NULL && mk_time_parse_time (time, &hour, &minute))
    {
      /* Floating: the entry's date and time are the user's wall clock. */
      start.hour = hour;
      start.minute = minute;
      start.is_date = 0;
    }
  else
    start.is_date = 1;
  icalcomponent_add_property (event, icalproperty_new_dtstart (start));

  if (campaign != NULL && *campaign != '\0')
    summary = g_strdup_printf ("%s — %s", brand, campaign);
  else
    summary = g_strdup (brand);
  icalcomponent_set_summary (event, summary);

  if (mk_calendar_entry_get_location (entry) != NULL && *mk_calendar_entry_get_location (entry) != '\0')
    icalcomponent_set_location (event, mk_calendar_entry_get_location (entry));
  if (mk_calendar_entry_get_notes (entry) != NULL && *mk_calendar_entry_get_notes (entry) != '\0')
    icalcomponent_set_description (event, mk_calendar_entry_get_notes (entry));
  icalcomponent_set_status (event, ICAL_STATUS_CONFIRMED);

  if (mk_calendar_entry_get_created_at (entry) != NULL)
    {
      struct icaltimetype created = timestamp_to_ical (mk_calendar_entry_get_created_at (entry));

      if (!icaltime_is_null_time (created))
        icalcomponent_add_property (event, icalproperty_new_created (created));
    }

  add_x (event, "X-MEDIAKIT-TYPE", mk_entry_type_to_string (mk_calendar_entry_get_entry_type (entry)));
  add_x (event, "X-MEDIAKIT-BRAND", brand);
  add_x (event, "X-MEDIAKIT-CAMPAIGN", campaign);
  add_x (event, "X-MEDIAKIT-STATUS", mk_entry_status_to_string (mk_calendar_entry_get_status (entry)));
  add_x (event, "X-MEDIAKIT-PLATFORM", mk_platform_to_string (mk_calendar_entry_get_platform (entry)));
  add_x (event, "X-MEDIAKIT-CONTENT-TYPE",
         mk_content_type_to_string (mk_calendar_entry_get_content_type (entry)));

  return event;
}

char *
mk_ics_write (GPtrArray *entries,
              gsize     *out_length)
{
  g_autoptr(GString) out = NULL;
  icalcomponent *calendar;
  struct icaltimetype stamp;
  const char *end;
  char *text;

  g_return_val_if_fail (entries != NULL, NULL);

  stamp = icaltime_from_timet_with_zone (time (NULL), FALSE, icaltimezone_get_utc_timezone ());

  /* One VEVENT at a time rather than the whole tree: the string of a
   * 100,000-event calendar is built in one pass, and each event's memory is
   * given back at once. */
  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Mediakit//Mediakit " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);

  out = g_string_sized_new (512 + entries->len * 512);
  /* The calendar without children is "BEGIN…END:VCALENDAR\r\n": keep all
   * but its last line, put the events in, close it again. */
  end = g_strrstr (text, "END:VCALENDAR");
  g_string_append_len (out, text, end != NULL ? end - text : (gssize)strlen (text));
  free (text);

  for (guint i = 0; i < entries->len; i++)
    {
      icalcomponent *event = entry_to_vevent (g_ptr_array_index (entries, i), stamp);

      text = icalcomponent_as_ical_string_r (event);
      g_string_append (out, text);
      free (text);
      icalcomponent_free (event);
    }
  g_string_append (out, "END:VCALENDAR\r\n");

  if (out_length != NULL)
    *out_length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
mk_ics_export_file (GPtrArray   *entries,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (entries != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = mk_ics_write (entries, &length);
  return mk_export_write_file (path, text, length, error);
}
