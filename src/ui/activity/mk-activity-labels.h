/* mk-activity-labels.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-log-entry.h"

G_BEGIN_DECLS

/* How the activity pane and its details window name a row's values. */

/* "Instagram", …, or "Mediakit" for rows of no platform. */
const char *mk_activity_platform_name      (MkPlatform   platform);
const char *mk_activity_platform_icon      (MkPlatform   platform);
const char *mk_activity_status_name        (MkLogStatus  status);
const char *mk_activity_status_icon        (MkLogStatus  status);
/* An action code in words, e.g. "fetch_metrics" -> "Fetched metrics";
 * a code it does not know comes back as it is. */
const char *mk_activity_action_label       (const char  *action);
gboolean    mk_activity_action_has_label   (const char  *action);
/* A created_at timestamp in local time, in the locale's words: the time
 * alone for today ("18:20"), with the date before ("Nov 23, 18:20"), and
 * the year for another year than @now's. */
char       *mk_activity_format_time_at     (const char  *timestamp,
                                            GDateTime   *now);
char       *mk_activity_format_time        (const char  *timestamp);
/* With the weekday, the year and the seconds, for the details window. */
char       *mk_activity_format_time_full   (const char  *timestamp);
/* JSON indented by two spaces, or the text as it is when it is not JSON. */
char       *mk_activity_pretty_json        (const char  *json);

G_END_DECLS
