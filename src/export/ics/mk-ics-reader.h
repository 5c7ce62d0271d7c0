/* mk-ics-reader.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MK_ICS_ERROR (mk_ics_error_quark ())

/**
 * MkIcsError:
 * @MK_ICS_ERROR_TOO_BIG: the file, a line or the number of events is over
 *   the caps below
 * @MK_ICS_ERROR_SYNTAX: not iCalendar: binary data, text that is not UTF-8,
 *   a line that is not "NAME:value", BEGIN/END that do not match, nesting
 *   too deep
 * @MK_ICS_ERROR_INVALID: an event that cannot become an entry: no or a bad
 *   start date, an unknown time zone, a field that fails validation
 *
 * Every message names the line of the file it is about, counted as a text
 * editor counts them (folded lines included).
 */
typedef enum {
  MK_ICS_ERROR_TOO_BIG,
  MK_ICS_ERROR_SYNTAX,
  MK_ICS_ERROR_INVALID,
} MkIcsError;

#define MK_ICS_MAX_FILE_SIZE (20 * 1024 * 1024)
#define MK_ICS_MAX_EVENTS    100000
#define MK_ICS_MAX_LINE      (1024 * 1024)   /* one unfolded line, in bytes */
#define MK_ICS_MAX_DEPTH     8

GQuark     mk_ics_error_quark (void);

/* Reads @data (@length bytes, followed by a NUL as g_file_get_contents()
 * leaves it) into a new MkCalendarEntry per VEVENT, owned by @user_id, each
 * one valid by mk_calendar_entry_validate(). The first problem fails the
 * whole read.
 *
 * Our own files (events with X-MEDIAKIT-TYPE) come back exactly as they were
 * written, ids included. Other calendars' events (GNOME Calendar, Google,
 * Outlook) become shoots: brand = SUMMARY (cut at 100 characters, the whole
 * summary then opens the notes), LOCATION, notes = DESCRIPTION; their UID
 * becomes a stable id derived from it, so that importing the same file again
 * finds the same ids. UTC and TZID times are converted to the local time
 * zone (TZ); floating times and whole-day dates are kept as they are. A
 * recurring event gives its first occurrence only.
 *
 * @out_lines, if not NULL, receives the line of each entry's BEGIN:VEVENT
 * (a GArray of guint, parallel to the result), for messages about later
 * steps. */
GPtrArray *mk_ics_read        (const char  *data,
                               gsize        length,
                               const char  *user_id,
                               GArray     **out_lines,
                               GError     **error);

G_END_DECLS
