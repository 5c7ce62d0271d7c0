/* mk-activity-labels.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "mk-activity-labels.h"

const char *
mk_activity_platform_name (MkPlatform platform)
{
  switch (platform)
    {
    case MK_PLATFORM_INSTAGRAM:
      return _("Instagram");
    case MK_PLATFORM_FACEBOOK:
      return _("Facebook");
    case MK_PLATFORM_YOUTUBE:
      return _("YouTube");
    case MK_PLATFORM_NONE:
    default:
      /* Rows about the app itself: sign-in, calendar, export. */
      return _("Mediakit");
    }
}

/* The icon theme has no brand marks, so each platform gets the symbolic
 * icon of what it is mostly about; the name goes beside it as a tooltip
 * and accessible label. */
const char *
mk_activity_platform_icon (MkPlatform platform)
{
  switch (platform)
    {
    case MK_PLATFORM_INSTAGRAM:
      return "camera-photo-symbolic";
    case MK_PLATFORM_FACEBOOK:
      return "system-users-symbolic";
    case MK_PLATFORM_YOUTUBE:
      return "video-x-generic-symbolic";
    case MK_PLATFORM_NONE:
    default:
      return "computer-symbolic";
    }
}

const char *
mk_activity_status_name (MkLogStatus status)
{
  return status == MK_LOG_STATUS_FAILURE ? _("Failure") : _("Success");
}

const char *
mk_activity_status_icon (MkLogStatus status)
{
  return status == MK_LOG_STATUS_FAILURE ? "dialog-error-symbolic" : "emblem-ok-symbolic";
}

char *
mk_activity_format_time (const char *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL)
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (utc == NULL)
    return g_strdup (timestamp);

  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

char *
mk_activity_pretty_json (const char *json)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;

  if (json == NULL)
    return g_strdup ("");

  node = json_from_string (json, NULL);
  if (node == NULL)
    return g_strdup (json);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}
