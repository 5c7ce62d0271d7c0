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
/* A created_at timestamp in local time, e.g. "2026-11-24 19:20:00". */
char       *mk_activity_format_time        (const char  *timestamp);
/* JSON indented by two spaces, or the text as it is when it is not JSON. */
char       *mk_activity_pretty_json        (const char  *json);

G_END_DECLS
