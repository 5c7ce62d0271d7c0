/* mk-time.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The database's three forms:
 *   timestamp  "2026-11-24T18:20:00Z"   (UTC, whole seconds)
 *   date       "2026-11-24"
 *   time       "18:20"                  (24 h, no seconds) */

char      *mk_time_now_timestamp     (void);
char      *mk_time_format_timestamp  (GDateTime  *datetime);
/* Strict: only the form above. Returns a UTC GDateTime, or NULL. */
GDateTime *mk_time_parse_timestamp   (const char *text);
gboolean   mk_time_is_valid_timestamp (const char *text);

char      *mk_time_format_date       (int         year,
                                      int         month,
                                      int         day);
char      *mk_time_format_gdate      (const GDate *date);
/* Strict "YYYY-MM-DD" and a real calendar day (no 2026-02-30). */
gboolean   mk_time_parse_date        (const char *text,
                                      int        *out_year,
                                      int        *out_month,
                                      int        *out_day);
gboolean   mk_time_parse_gdate       (const char *text,
                                      GDate      *out_date);
gboolean   mk_time_is_valid_date     (const char *text);
/* Today in the local time zone: the calendar is a local thing. */
char      *mk_time_today             (void);

char      *mk_time_format_time       (int         hour,
                                      int         minute);
/* Strict "HH:MM", 00:00 to 23:59. */
gboolean   mk_time_parse_time        (const char *text,
                                      int        *out_hour,
                                      int        *out_minute);
gboolean   mk_time_is_valid_time     (const char *text);

G_END_DECLS
