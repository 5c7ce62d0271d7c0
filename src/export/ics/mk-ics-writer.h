/* mk-ics-writer.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Calendar entries as iCalendar (RFC 5545), one VEVENT per entry:
 *
 *   UID              the entry id
 *   SUMMARY          "brand — campaign" (for people and other calendars)
 *   DTSTART          ;VALUE=DATE for a whole-day entry; otherwise a floating
 *                    local date-time, since entries are in local time
 *   LOCATION         a shoot's location
 *   DESCRIPTION      the notes
 *   STATUS           CONFIRMED (VEVENT has no COMPLETED; see X-MEDIAKIT-STATUS)
 *   CREATED          created_at
 *   X-MEDIAKIT-TYPE, -BRAND, -CAMPAIGN, -STATUS, -PLATFORM, -CONTENT-TYPE
 *                    the exact columns, so that our own files round-trip
 *                    without loss (mk-ics-reader.h)
 *
 * Lines end in CRLF and are folded at 75 octets by libical. */

/* @entries: MkCalendarEntry. Returns the whole file. */
char    *mk_ics_write        (GPtrArray   *entries,
                              gsize       *out_length);

/* Writes mk_ics_write() to a temporary file renamed over @path, so @path is
 * never half-written (MK_EXPORT_ERROR_WRITE on failure). */
gboolean mk_ics_export_file  (GPtrArray   *entries,
                              const char  *path,
                              GError     **error);

G_END_DECLS
