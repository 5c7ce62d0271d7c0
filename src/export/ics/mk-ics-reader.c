/* mk-ics-reader.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "mk-calendar-entry.h"
#include "mk-ics-reader.h"
#include "mk-time.h"
#include "mk-uuid.h"
#include "mk-validate.h"

G_DEFINE_QUARK (mk-ics-error-quark, mk_ics_error)

#define MAX_BRAND_CHARS    100
#define MAX_LOCATION_CHARS 255

/* libical's parser keeps no line numbers, so a first pass over the text
 * (which also checks structure and caps before libical sees a byte) notes
 * where each VEVENT and the properties we read begin. */
typedef enum {
  PROP_DTSTART,
  PROP_SUMMARY,
  PROP_DESCRIPTION,
  PROP_LOCATION,
  PROP_CREATED,
  PROP_X_TYPE,
  PROP_X_BRAND,
  PROP_X_CAMPAIGN,
  PROP_X_STATUS,
  PROP_X_PLATFORM,
  PROP_X_CONTENT_TYPE,
  N_PROPS
} PropIndex;

static const char * const prop_names[N_PROPS] = {
  "DTSTART", "SUMMARY", "DESCRIPTION", "LOCATION", "CREATED",
  "X-MEDIAKIT-TYPE", "X-MEDIAKIT-BRAND", "X-MEDIAKIT-CAMPAIGN", "X-MEDIAKIT-STATUS",
  "X-MEDIAKIT-PLATFORM", "X-MEDIAKIT-CONTENT-TYPE",
};

typedef struct {
  guint begin;
  guint props[N_PROPS];
  guint calendar;               /* which VCALENDAR of the file, from 0 */
  gsize offset;                 /* of its BEGIN line in the text */
} EventLines;

/* A VTIMEZONE of a VCALENDAR, handed to libical before the events. */
typedef struct {
  guint calendar;
  gsize offset;
} ZoneLines;

typedef struct {
  GArray  *events;              /* EventLines */
  GArray  *zones;               /* ZoneLines */
  char    *names[MK_ICS_MAX_DEPTH];
  guint    begin_lines[MK_ICS_MAX_DEPTH];
  guint    depth;
  guint    n_calendars;
  gboolean seen_calendar;
} Scan;

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->events, g_array_unref);
  g_clear_pointer (&scan->zones, g_array_unref);
  for (guint i = 0; i < scan->depth; i++)
    g_free (scan->names[i]);
  scan->depth = 0;
}

static gboolean
scan_logical_line (Scan        *scan,
                   const char  *line,
                   guint        line_no,
                   gsize        offset,
                   GError     **error)
{
  gsize name_len = strcspn (line, ";:");
  const char *value;

  if (name_len == 0 || line[name_len] == '\0' || strchr (line, ':') == NULL)
    {
      g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_SYNTAX,
                   _("Line %u: this is not a “NAME:value” line of iCalendar"), line_no);
      return FALSE;
    }
  value = strchr (line, ':') + 1;

  if (name_len == 5 && g_ascii_strncasecmp (line, "BEGIN", 5) == 0)
    {
      if (scan->depth == 0 && g_ascii_strcasecmp (value, "VCALENDAR") != 0)
        {
          g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_SYNTAX,
                       _("Line %u: this is not an iCalendar file (it should start with BEGIN:VCALENDAR)"),
                       line_no);
          return FALSE;
        }
      if (scan->depth >= MK_ICS_MAX_DEPTH)
        {
          g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_SYNTAX,
                       _("Line %u: components are nested more than %d deep"), line_no, MK_ICS_MAX_DEPTH);
          return FALSE;
        }
      if (scan->depth == 0)
        scan->n_calendars++;
      if (g_ascii_strcasecmp (value, "VEVENT") == 0)
        {
          EventLines lines = { line_no, { 0 }, scan->n_calendars - 1, offset };

          if (scan->depth != 1)
            {
              g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_SYNTAX,
                           _("Line %u: an event inside %s"), line_no, scan->names[scan->depth - 1]);
              return FALSE;
            }
          if (scan->events->len >= MK_ICS_MAX_EVENTS)
            {
              g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_TOO_BIG,
                           _("Line %u: the file holds more than %d events"), line_no, MK_ICS_MAX_EVENTS);
              return FALSE;
            }
          g_array_append_val (scan->events, lines);
        }
      else if (scan->depth == 1 && g_ascii_strcasecmp (value, "VTIMEZONE") == 0)
        {
          ZoneLines lines = { scan->n_calendars - 1, offset };

          g_array_append_val (scan->zones, lines);
        }
      scan->names[scan->depth] = g_ascii_strup (value, -1);
      scan->begin_lines[scan->depth] = line_no;
      scan->depth++;
      return TRUE;
    }

  if (scan->depth == 0)
    {
      g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_SYNTAX,
                   scan->seen_calendar
                   ? _("Line %u: text after END:VCALENDAR")
                   : _("Line %u: this is not an iCalendar file (it should start with BEGIN:VCALENDAR)"),
                   line_no);
      return FALSE;
    }

  if (name_len == 3 && g_ascii_strncasecmp (line, "END", 3) == 0)
    {
      guint top = scan->depth - 1;

      if (g_ascii_strcasecmp (value, scan->names[top]) != 0)
        {
          g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_SYNTAX,
                       _("Line %u: END:%s does not close BEGIN:%s of line %u"),
                       line_no, value, scan->names[top], scan->begin_lines[top]);
          return FALSE;
        }
      g_clear_pointer (&scan->names[top], g_free);
      scan->depth--;
      if (scan->depth == 0)
        scan->seen_calendar = TRUE;
      return TRUE;
    }

  /* A property of an event itself (not of an alarm inside it). */
  if (scan->depth == 2 && strcmp (scan->names[1], "VEVENT") == 0)
    {
      EventLines *lines = &g_array_index (scan->events, EventLines, scan->events->len - 1);

      for (guint i = 0; i < N_PROPS; i++)
        {
          if (lines->props[i] == 0 && strlen (prop_names[i]) == name_len &&
              g_ascii_strncasecmp (line, prop_names[i], name_len) == 0)
            {
              lines->props[i] = line_no;
              break;
            }
        }
    }

  return TRUE;
}

/* The first pass: caps, text, unfolding, BEGIN/END. */
static gboolean
scan_text (Scan        *scan,
           const char  *data,
           gsize        length,
           GError     **error)
{
  g_autoptr(GString) logical = g_string_new (NULL);
  const char *p = data;
  const char *end = data + length;
  guint line_no = 0;
  guint logical_line_no = 0;
  gsize logical_offset = 0;

  scan->events = g_array_new (FALSE, FALSE, sizeof (EventLines));
  scan->zones = g_array_new (FALSE, FALSE, sizeof (ZoneLines));

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;
      gsize len = line_end - p;

      line_no++;
      /* CR CR LF too: libical 3.0 writes it when a fold falls at the very
       * end of a value, so our own export holds it (found by
       * tests/fuzz/fuzz-ics.c). */
      while (len > 0 && p[len - 1] == '\r')
        len--;

      if (len > MK_ICS_MAX_LINE || logical->len + len > MK_ICS_MAX_LINE)
        {
          g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_TOO_BIG,
                       _("Line %u is longer than %d KiB"), line_no, MK_ICS_MAX_LINE / 1024);
          return FALSE;
        }

      /* g_utf8_validate() also stops at a NUL within @len. */
      if (!g_utf8_validate (p, len, NULL))
        {
          g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_SYNTAX,
                       _("Line %u is not UTF-8 text"), line_no);
          return FALSE;
        }
      for (gsize i = 0; i < len; i++)
        {
          guchar c = p[i];

          if ((c < 0x20 && c != '\t') || c == 0x7f)
            {
              g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_SYNTAX,
                           _("Line %u holds control characters: this is not iCalendar text"), line_no);
              return FALSE;
            }
        }

      if (len > 0 && (p[0] == ' ' || p[0] == '\t'))
        {
          if (logical_line_no == 0)
            {
              g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_SYNTAX,
                           _("Line %u continues a line that is not there"), line_no);
              return FALSE;
            }
          g_string_append_len (logical, p + 1, len - 1);
        }
      else
        {
          if (logical_line_no != 0 &&
              !scan_logical_line (scan, logical->str, logical_line_no, logical_offset, error))
            return FALSE;
          g_string_truncate (logical, 0);
          logical_line_no = 0;
          /* Blank lines (some writers end with one) are not lines at all. */
          if (len > 0)
            {
              g_string_append_len (logical, p, len);
              logical_line_no = line_no;
              logical_offset = p - data;
            }
        }

      p = line_end + 1;
    }

  if (logical_line_no != 0 &&
      !scan_logical_line (scan, logical->str, logical_line_no, logical_offset, error))
    return FALSE;

  if (scan->depth > 0)
    {
      g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_SYNTAX,
                   _("Line %u: the file ends before END:%s (BEGIN:%s is on line %u)"),
                   line_no, scan->names[scan->depth - 1], scan->names[scan->depth - 1],
                   scan->begin_lines[scan->depth - 1]);
      return FALSE;
    }
  if (!scan->seen_calendar)
    {
      g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_SYNTAX,
                   _("Line %u: this is not an iCalendar file (it should start with BEGIN:VCALENDAR)"),
                   MAX (line_no, 1));
      return FALSE;
    }

  return TRUE;
}

/* The second pass: libical, one component at a time.
 *
 * Rather than have libical build the whole VCALENDAR tree (and free it, a
 * few hundred thousand small blocks, at the end), each VEVENT goes through
 * the icalparser on its own and is mapped and freed at once (freeing the
 * tree of a 10,000-event file was a tenth of its import). The scan above
 * has already proved the text sound and found where each component
 * begins; the lines are unfolded here as icalparser_get_line() does it. */

typedef struct {
  const char *p;
  const char *end;
  GString    *line;
} LineReader;

/* The next logical line into @reader->line, NUL-terminated; FALSE at the
 * end of the text. */
static gboolean
line_reader_next (LineReader *reader)
{
  GString *line = reader->line;
  gboolean first = TRUE;

  if (reader->p >= reader->end)
    return FALSE;

  g_string_truncate (line, 0);
  do
    {
      const char *nl = memchr (reader->p, '\n', reader->end - reader->p);
      const char *line_end = nl != NULL ? nl : reader->end;

      if (first)
        g_string_append_len (line, reader->p, line_end - reader->p);
      else
        {
          /* A fold takes one CR with it; libical keeps any other (CR CR
           * LF, see scan_text()). */
          if (line->str[line->len - 1] == '\r')
            g_string_truncate (line, line->len - 1);
          g_string_append_len (line, reader->p + 1, line_end - reader->p - 1);
        }
      first = FALSE;
      reader->p = nl != NULL ? nl + 1 : reader->end;
    }
  while (line->len > 0 && reader->p < reader->end && (*reader->p == ' ' || *reader->p == '\t'));

  /* Then one CR, then white space at the end, but never the first
   * character. */
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  while (line->len > 1 &&
         (line->str[line->len - 1] == ' ' || line->str[line->len - 1] == '\t' ||
          line->str[line->len - 1] == '\r'))
    g_string_truncate (line, line->len - 1);

  return TRUE;
}

/* The component that begins at @offset, through its matching END line, or
 * NULL if libical makes nothing of it (then *@parser is a new one: a
 * parser left inside a component cannot be reused). */
static icalcomponent *
parse_component (icalparser **parser,
                 LineReader  *reader,
                 gsize        offset,
                 const char  *data)
{
  icalcomponent *component = NULL;

  reader->p = data + offset;
  while (component == NULL && line_reader_next (reader))
    {
      if (reader->line->len > 0)
        component = icalparser_add_line (*parser, reader->line->str);
    }

  if (component == NULL)
    {
      icalparser_free (*parser);
      *parser = icalparser_new ();
    }
  return component;
}

/* Events */

static guint
line_of (const EventLines *lines,
         PropIndex         prop)
{
  return lines->props[prop] != 0 ? lines->props[prop] : lines->begin;
}

/* A stable id for another calendar's UID, so that the same file imported
 * twice gives the same ids (and the second time, nothing new). */
static char *
id_from_uid (const char *uid)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_len = sizeof digest;

  g_checksum_update (checksum, (const guchar *)"mediakit-ics:", -1);
  g_checksum_update (checksum, (const guchar *)uid, -1);
  g_checksum_get_digest (checksum, digest, &digest_len);
  /* RFC 4122 name-based layout (version 5 bits, variant 10). */
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* Other calendars' text may hold newlines where we allow none, and control
 * characters nowhere. */
static char *
clean_text (const char *text,
            gboolean    single_line)
{
  GString *out;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\n' && !single_line)
        g_string_append_c (out, '\n');
      else if (c < 0x20 || c == 0x7f)
        g_string_append_c (out, (c == '\t' && !single_line) ? '\t' : ' ');
      else
        g_string_append_c (out, c);
    }

  /* Spaces and tabs at either end go in both cases: libical drops them
   * around a value when it reads one, so they would not survive our own
   * export (found by tests/fuzz/fuzz-ics.c: a control character at an end,
   * made a space above). An escaped \n is kept; it survives. */
  if (single_line)
    g_strstrip (out->str);
  else
    {
      gsize lead = strspn (out->str, " \t");

      g_string_erase (out, 0, lead);
      while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
        g_string_truncate (out, out->len - 1);
    }
  return g_string_free (out, FALSE);
}

/* Cuts @text to @max characters; the whole text goes to @notes. */
static char *
cut_to (const char *text,
        glong       max,
        GString    *notes)
{
  if (text == NULL || g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);

  if (notes->len > 0)
    g_string_append (notes, "\n\n");
  g_string_append (notes, text);
  return g_strchomp (g_utf8_substring (text, 0, max));
}

static gboolean
is_valid_icaltime (struct icaltimetype t)
{
  /* libical writes a DATE-TIME after the year 3000 as 00000000T000000,
   * which it cannot read back: such a time would not survive our own
   * export, so it is refused here (found by tests/fuzz/fuzz-ics.c). */
  if (t.year < 1 || t.year > 3000 || t.month < 1 || t.month > 12 || t.day < 1 ||
      !g_date_valid_dmy (t.day, t.month, t.year))
    return FALSE;
  if (t.is_date)
    return TRUE;
  return t.hour >= 0 && t.hour < 24 && t.minute >= 0 && t.minute < 60 && t.second >= 0 && t.second <= 60;
}

/* The time zones of the file's VCALENDARs, and the last TZID looked up:
 * every event of a calendar tends to name the same one or two. */
typedef struct {
  GPtrArray    *calendars;      /* VCALENDAR holding only VTIMEZONEs, or NULL; by calendar */
  guint         last_calendar;
  char         *last_tzid;
  icaltimezone *last_zone;
} Zones;

static void
zones_clear (Zones *zones)
{
  g_clear_pointer (&zones->calendars, g_ptr_array_unref);
  g_clear_pointer (&zones->last_tzid, g_free);
  zones->last_zone = NULL;
}

/* The file's own VTIMEZONE first (Outlook's "W. Europe Standard Time"
 * exists nowhere else), then the system's zone database. */
static icaltimezone *
zones_lookup (Zones      *zones,
              guint       calendar,
              const char *tzid)
{
  icalcomponent *vcalendar;
  icaltimezone *zone = NULL;

  if (zones->last_tzid != NULL && zones->last_calendar == calendar && strcmp (zones->last_tzid, tzid) == 0)
    return zones->last_zone;

  vcalendar = calendar < zones->calendars->len ? g_ptr_array_index (zones->calendars, calendar) : NULL;
  if (vcalendar != NULL)
    zone = icalcomponent_get_timezone (vcalendar, tzid);
  if (zone == NULL)
    zone = icaltimezone_get_builtin_timezone (tzid);

  if (zone != NULL)
    {
      g_free (zones->last_tzid);
      zones->last_tzid = g_strdup (tzid);
      zones->last_calendar = calendar;
      zones->last_zone = zone;
    }
  return zone;
}

/* What the reading needs of an event, in one walk over its properties:
 * the first of each kind, as icalcomponent_get_summary() and the like
 * would find it. */
typedef struct {
  icalproperty *dtstart;
  icalproperty *created;
  icalproperty *uid;
  icalproperty *summary;
  icalproperty *description;
  icalproperty *location;
  icalproperty *error;          /* the first X-LIC-ERROR that is not harmless */
  const char   *x[N_PROPS];     /* X-MEDIAKIT-* values, by PropIndex */
} EventProps;

static void
read_props (icalcomponent *event,
            EventProps    *out)
{
  memset (out, 0, sizeof *out);

  for (icalproperty *prop = icalcomponent_get_first_property (event, ICAL_ANY_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (event, ICAL_ANY_PROPERTY))
    {
      switch (icalproperty_isa (prop))
        {
        case ICAL_DTSTART_PROPERTY:
          if (out->dtstart == NULL)
            out->dtstart = prop;
          break;
        case ICAL_CREATED_PROPERTY:
          if (out->created == NULL)
            out->created = prop;
          break;
        case ICAL_UID_PROPERTY:
          if (out->uid == NULL)
            out->uid = prop;
          break;
        case ICAL_SUMMARY_PROPERTY:
          if (out->summary == NULL)
            out->summary = prop;
          break;
        case ICAL_DESCRIPTION_PROPERTY:
          if (out->description == NULL)
            out->description = prop;
          break;
        case ICAL_LOCATION_PROPERTY:
          if (out->location == NULL)
            out->location = prop;
          break;
        case ICAL_XLICERROR_PROPERTY:
          /* libical notes what it could not parse as X-LIC-ERROR and goes
           * on; we do not, except for an empty property ("LOCATION:", which
           * Google writes for every event), which is simply absent. */
          if (out->error == NULL)
            {
              const char *text = icalproperty_get_xlicerror (prop);

              if (text == NULL || !g_str_has_prefix (text, "No value for "))
                out->error = prop;
            }
          break;
        case ICAL_X_PROPERTY:
          {
            const char *name = icalproperty_get_x_name (prop);

            if (name == NULL || g_ascii_strncasecmp (name, "X-MEDIAKIT-", 11) != 0)
              break;
            for (guint i = PROP_X_TYPE; i < N_PROPS; i++)
              if (out->x[i] == NULL && g_ascii_strcasecmp (name, prop_names[i]) == 0)
                out->x[i] = icalproperty_get_x (prop);
          }
          break;
        default:
          break;
        }
    }
}

/* Sets date and time of @entry from DTSTART, in local time. */
static gboolean
read_start (Zones            *zones,
            icalproperty     *prop,
            const EventLines *lines,
            MkCalendarEntry  *entry,
            GError          **error)
{
  struct icaltimetype t;
  icaltimezone *zone = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (prop == NULL)
    {
      g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_INVALID,
                   _("Line %u: the event has no start date (DTSTART)"), lines->begin);
      return FALSE;
    }

  t = icalproperty_get_dtstart (prop);
  if (icaltime_is_null_time (t) || !is_valid_icaltime (t))
    {
      g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_INVALID,
                   _("Line %u: “%s” is not a valid start date"),
                   line_of (lines, PROP_DTSTART), icalproperty_get_value_as_string (prop));
      return FALSE;
    }

  if (t.is_date)
    {
      date = mk_time_format_date (t.year, t.month, t.day);
      mk_calendar_entry_set_date (entry, date);
      mk_calendar_entry_set_time (entry, NULL);
      return TRUE;
    }

  if (icaltime_is_utc (t))
    zone = icaltimezone_get_utc_timezone ();
  else
    {
      icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
      const char *tzid = param != NULL ? icalparameter_get_tzid (param) : NULL;

      if (tzid != NULL)
        {
          zone = zones_lookup (zones, lines->calendar, tzid);
          if (zone == NULL)
            {
              g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_INVALID,
                           _("Line %u: the time zone “%s” is neither in the file nor known to this computer"),
                           line_of (lines, PROP_DTSTART), tzid);
              return FALSE;
            }
        }
    }

  if (zone != NULL)
    {
      g_autoptr(GDateTime) local = NULL;

      t.zone = NULL;
      local = g_date_time_new_from_unix_local (icaltime_as_timet_with_zone (t, zone));
      if (local == NULL)
        {
          g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_INVALID,
                       _("Line %u: “%s” is not a valid start date"),
                       line_of (lines, PROP_DTSTART), icalproperty_get_value_as_string (prop));
          return FALSE;
        }
      date = g_date_time_format (local, "%Y-%m-%d");
      time = g_date_time_format (local, "%H:%M");
    }
  else
    {
      /* Floating: already the wall clock, ours included. */
      date = mk_time_format_date (t.year, t.month, t.day);
      time = mk_time_format_time (t.hour, t.minute);
    }

  mk_calendar_entry_set_date (entry, date);
  mk_calendar_entry_set_time (entry, time);
  return TRUE;
}

static char *
read_created (icalproperty *prop)
{
  struct icaltimetype t;
  g_autoptr(GDateTime) utc = NULL;

  if (prop == NULL)
    return NULL;

  t = icalproperty_get_created (prop);
  if (icaltime_is_null_time (t) || t.is_date || !is_valid_icaltime (t))
    return NULL;

  /* CREATED is UTC by the RFC; a floating one is taken as UTC too. */
  utc = g_date_time_new_utc (t.year, t.month, t.day, t.hour, t.minute, MIN (t.second, 59));
  return utc != NULL ? mk_time_format_timestamp (utc) : NULL;
}

static const char *
summary_of (const EventProps *props)
{
  return props->summary != NULL ? icalproperty_get_summary (props->summary) : NULL;
}

static const char *
location_of (const EventProps *props)
{
  return props->location != NULL ? icalproperty_get_location (props->location) : NULL;
}

static const char *
description_of (const EventProps *props)
{
  return props->description != NULL ? icalproperty_get_description (props->description) : NULL;
}

static gboolean
set_error_unknown (GError          **error,
                   const EventLines *lines,
                   PropIndex         prop,
                   const char       *value)
{
  g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_INVALID,
               /* Translators: the first %s is a property such as X-MEDIAKIT-TYPE */
               _("Line %u: “%s” is not a known value of %s"),
               line_of (lines, prop), value, prop_names[prop]);
  return FALSE;
}

/* An event written by Mediakit: every column is in its X- properties. */
static gboolean
read_own_event (const EventProps *props,
                const EventLines *lines,
                MkCalendarEntry  *entry,
                GError          **error)
{
  const char * const *x = props->x;
  MkEntryType type;
  MkEntryStatus status = MK_ENTRY_STATUS_PENDING;
  MkPlatform platform = MK_PLATFORM_NONE;
  MkContentType content_type = MK_CONTENT_TYPE_NONE;

  if (!mk_entry_type_from_string (x[PROP_X_TYPE], &type))
    return set_error_unknown (error, lines, PROP_X_TYPE, x[PROP_X_TYPE]);
  if (x[PROP_X_STATUS] != NULL && !mk_entry_status_from_string (x[PROP_X_STATUS], &status))
    return set_error_unknown (error, lines, PROP_X_STATUS, x[PROP_X_STATUS]);
  if (!mk_platform_from_string (x[PROP_X_PLATFORM], &platform))
    return set_error_unknown (error, lines, PROP_X_PLATFORM, x[PROP_X_PLATFORM]);
  if (!mk_content_type_from_string (x[PROP_X_CONTENT_TYPE], &content_type))
    return set_error_unknown (error, lines, PROP_X_CONTENT_TYPE, x[PROP_X_CONTENT_TYPE]);

  mk_calendar_entry_set_entry_type (entry, type);
  mk_calendar_entry_set_status (entry, status);
  mk_calendar_entry_set_platform (entry, platform);
  mk_calendar_entry_set_content_type (entry, content_type);
  mk_calendar_entry_set_brand_name (entry, x[PROP_X_BRAND] != NULL ? x[PROP_X_BRAND] : summary_of (props));
  mk_calendar_entry_set_campaign_name (entry, x[PROP_X_CAMPAIGN]);
  mk_calendar_entry_set_location (entry, location_of (props));
  mk_calendar_entry_set_notes (entry, description_of (props));
  return TRUE;
}

/* Another calendar's event: a shoot named after its summary. */
static void
read_foreign_event (const EventProps *props,
                    MkCalendarEntry  *entry)
{
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *summary = clean_text (summary_of (props), TRUE);
  g_autofree char *location = clean_text (location_of (props), TRUE);
  g_autofree char *description = clean_text (description_of (props), FALSE);
  g_autofree char *brand = NULL;
  g_autofree char *short_location = NULL;

  if (summary == NULL || *summary == '\0')
    {
      g_free (summary);
      /* Translators: the brand of an imported event that had no title */
      summary = g_strdup (_("Untitled event"));
    }
  brand = cut_to (summary, MAX_BRAND_CHARS, notes);
  short_location = cut_to (location != NULL && *location != '\0' ? location : NULL,
                           MAX_LOCATION_CHARS, notes);
  if (description != NULL && *description != '\0')
    {
      if (notes->len > 0)
        g_string_append (notes, "\n\n");
      g_string_append (notes, description);
    }

  mk_calendar_entry_set_entry_type (entry, MK_ENTRY_TYPE_SHOOT);
  mk_calendar_entry_set_status (entry, MK_ENTRY_STATUS_PENDING);
  mk_calendar_entry_set_brand_name (entry, brand);
  mk_calendar_entry_set_location (entry, short_location);
  mk_calendar_entry_set_notes (entry, notes->len > 0 ? notes->str : NULL);
}

static guint
line_of_field (const EventLines *lines,
               const char       *field,
               gboolean          own)
{
  static const struct { const char *field; PropIndex own_prop; PropIndex foreign_prop; } map[] = {
    { "brand_name", PROP_X_BRAND, PROP_SUMMARY },
    { "campaign_name", PROP_X_CAMPAIGN, PROP_SUMMARY },
    { "date", PROP_DTSTART, PROP_DTSTART },
    { "time", PROP_DTSTART, PROP_DTSTART },
    { "notes", PROP_DESCRIPTION, PROP_DESCRIPTION },
    { "location", PROP_LOCATION, PROP_LOCATION },
    { "platform", PROP_X_PLATFORM, PROP_X_PLATFORM },
    { "content_type", PROP_X_CONTENT_TYPE, PROP_X_CONTENT_TYPE },
    { "status", PROP_X_STATUS, PROP_X_STATUS },
    { "created_at", PROP_CREATED, PROP_CREATED },
  };

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (map); i++)
    {
      if (strcmp (field, map[i].field) == 0)
        {
          PropIndex prop = own ? map[i].own_prop : map[i].foreign_prop;

          /* Our brand falls back to SUMMARY when X-MEDIAKIT-BRAND is absent. */
          if (prop == PROP_X_BRAND && lines->props[prop] == 0)
            prop = PROP_SUMMARY;
          return line_of (lines, prop);
        }
    }

  return lines->begin;
}

static MkCalendarEntry *
event_to_entry (Zones            *zones,
                icalcomponent    *event,
                const EventLines *lines,
                const char       *user_id,
                GError          **error)
{
  g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *created = NULL;
  const char *uid;
  EventProps props;
  gboolean own;

  read_props (event, &props);

  if (props.error != NULL)
    {
      const char *text = icalproperty_get_xlicerror (props.error);
      guint line = lines->begin;

      for (guint i = 0; text != NULL && i < N_PROPS; i++)
        if (lines->props[i] != 0 && strstr (text, prop_names[i]) != NULL)
          line = lines->props[i];
      g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_INVALID, _("Line %u: %s"), line,
                   text != NULL ? text : _("libical could not read this event"));
      return NULL;
    }

  own = props.x[PROP_X_TYPE] != NULL;

  uid = props.uid != NULL ? icalproperty_get_uid (props.uid) : NULL;
  if (uid != NULL && mk_uuid_is_valid (uid))
    mk_calendar_entry_set_id (entry, uid);
  else
    {
      id = uid != NULL && *uid != '\0' ? id_from_uid (uid) : mk_uuid_new ();
      mk_calendar_entry_set_id (entry, id);
    }
  mk_calendar_entry_set_user_id (entry, user_id);

  if (!read_start (zones, props.dtstart, lines, entry, error))
    return NULL;

  if (own)
    {
      if (!read_own_event (&props, lines, entry, error))
        return NULL;
    }
  else
    read_foreign_event (&props, entry);

  created = read_created (props.created);
  mk_calendar_entry_set_created_at (entry, created);

  if (!mk_calendar_entry_validate (entry, &local_error))
    {
      g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_INVALID, _("Line %u: %s"),
                   line_of_field (lines, mk_validate_error_get_field (local_error), own),
                   local_error->message);
      return NULL;
    }

  return g_steal_pointer (&entry);
}

static void
free_component (gpointer component)
{
  if (component != NULL)
    icalcomponent_free (component);
}

/* Hands the file's VTIMEZONEs to libical, wherever they are in their
 * VCALENDAR, before any event needs them. */
static void
read_zones (const Scan  *scan,
            icalparser **parser,
            LineReader  *reader,
            const char  *data,
            Zones       *zones)
{
  zones->calendars = g_ptr_array_new_full (scan->n_calendars, free_component);
  g_ptr_array_set_size (zones->calendars, scan->n_calendars);

  for (guint i = 0; i < scan->zones->len; i++)
    {
      const ZoneLines *lines = &g_array_index (scan->zones, ZoneLines, i);
      icalcomponent *zone = parse_component (parser, reader, lines->offset, data);
      icalcomponent *vcalendar;

      if (zone == NULL)
        continue;
      if (icalcomponent_isa (zone) != ICAL_VTIMEZONE_COMPONENT)
        {
          icalcomponent_free (zone);
          continue;
        }

      vcalendar = g_ptr_array_index (zones->calendars, lines->calendar);
      if (vcalendar == NULL)
        {
          vcalendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
          g_ptr_array_index (zones->calendars, lines->calendar) = vcalendar;
        }
      icalcomponent_add_component (vcalendar, zone);
    }
}

GPtrArray *
mk_ics_read (const char  *data,
             gsize        length,
             const char  *user_id,
             GArray     **out_lines,
             GError     **error)
{
  Scan scan = { 0 };
  Zones zones = { 0 };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) begin_lines = NULL;
  g_autoptr(GString) line = NULL;
  LineReader reader;
  icalparser *parser;
  icalerrorstate malformed_state;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (user_id != NULL, NULL);

  if (length > MK_ICS_MAX_FILE_SIZE)
    {
      g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_TOO_BIG,
                   _("The file is larger than %d MiB"), MK_ICS_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!scan_text (&scan, data, length, error))
    {
      scan_clear (&scan);
      return NULL;
    }

  /* The scan proved the text sound, so libical's guesses never matter;
   * what icalparser_parse() would set around its lines is set here. */
  icalerror_set_errors_are_fatal (0);
  malformed_state = icalerror_get_error_state (ICAL_MALFORMEDDATA_ERROR);
  icalerror_set_error_state (ICAL_MALFORMEDDATA_ERROR, ICAL_ERROR_NONFATAL);
  parser = icalparser_new ();
  line = g_string_sized_new (256);
  reader = (LineReader) { data, data + length, line };

  read_zones (&scan, &parser, &reader, data, &zones);

  entries = g_ptr_array_new_full (scan.events->len, g_object_unref);
  begin_lines = g_array_sized_new (FALSE, FALSE, sizeof (guint), scan.events->len);
  for (guint i = 0; i < scan.events->len; i++)
    {
      const EventLines *lines = &g_array_index (scan.events, EventLines, i);
      icalcomponent *event = parse_component (&parser, &reader, lines->offset, data);
      MkCalendarEntry *entry = NULL;

      if (event == NULL || icalcomponent_isa (event) != ICAL_VEVENT_COMPONENT)
        g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_SYNTAX,
                     _("Line %u: libical could not read this event"), lines->begin);
      else
        entry = event_to_entry (&zones, event, lines, user_id, error);
      /* Each event's memory goes back at once, while it is still warm. */
      g_clear_pointer (&event, icalcomponent_free);

      if (entry == NULL)
        {
          g_clear_pointer (&entries, g_ptr_array_unref);
          break;
        }
      g_ptr_array_add (entries, entry);
      g_array_append_val (begin_lines, lines->begin);
    }

  icalparser_free (parser);
  icalerror_set_error_state (ICAL_MALFORMEDDATA_ERROR, malformed_state);
  zones_clear (&zones);
  scan_clear (&scan);

  if (entries != NULL && out_lines != NULL)
    *out_lines = g_steal_pointer (&begin_lines);
  return g_steal_pointer (&entries);
}
