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

/* Every action code the app writes to `logs`, in past-tense words; the
 * codes themselves stay what the filters and the exports work with. */
static const struct {
  const char *code;
  const char *label;
} action_labels[] = {
  /* Accounts (mk-account-service.c) */
  { "signup", NC_("activity action", "Created account") },
  { "login", NC_("activity action", "Signed in") },
  { "logout", NC_("activity action", "Signed out") },
  { "lock", NC_("activity action", "Locked") },
  { "change_password", NC_("activity action", "Changed password") },
  { "delete_account", NC_("activity action", "Deleted account") },
  /* Connections and their tokens (mk-connection-service*.c, oauth/) */
  { "connect", NC_("activity action", "Connected") },
  { "disconnect", NC_("activity action", "Disconnected") },
  { "refresh_token", NC_("activity action", "Renewed access") },
  { "oauth_token", NC_("activity action", "Requested access") },
  { "oauth_refresh", NC_("activity action", "Renewed access") },
  { "device_code", NC_("activity action", "Requested sign-in code") },
  { "device_poll", NC_("activity action", "Checked sign-in code") },
  { "choose_page", NC_("activity action", "Chose Facebook Page") },
  /* Fetching (mk-platform-provider*.c, mk-thumbnail-cache.c) */
  { "fetch_identity", NC_("activity action", "Fetched account details") },
  { "fetch_metrics", NC_("activity action", "Fetched metrics") },
  { "fetch_media", NC_("activity action", "Fetched posts") },
  { "fetch_pages", NC_("activity action", "Listed Facebook Pages") },
  { "fetch_thumbnail", NC_("activity action", "Downloaded thumbnails") },
  /* Calendar, reviews, profile, export */
  { "update_calendar", NC_("activity action", "Calendar changed") },
  { "import_reviews", NC_("activity action", "Imported reviews") },
  { "add_review", NC_("activity action", "Added review") },
  { "edit_review", NC_("activity action", "Edited review") },
  { "update_review", NC_("activity action", "Changed review") },
  { "delete_review", NC_("activity action", "Deleted review") },
  { "restore_review", NC_("activity action", "Restored review") },
  { "publish_review", NC_("activity action", "Published review") },
  { "unpublish_review", NC_("activity action", "Unpublished review") },
  { "verify_review", NC_("activity action", "Marked review verified") },
  { "unverify_review", NC_("activity action", "Removed verified mark") },
  { "update_profile", NC_("activity action", "Updated profile") },
  { "export", NC_("activity action", "Exported media kit") },
};

const char *
mk_activity_action_label (const char *action)
{
  if (action == NULL)
    return "";

  for (gsize i = 0; i < G_N_ELEMENTS (action_labels); i++)
    if (g_str_equal (action, action_labels[i].code))
      return g_dpgettext2 (NULL, "activity action", action_labels[i].label);

  /* A code newer than this table: better the code than nothing. */
  return action;
}

gboolean
mk_activity_action_has_label (const char *action)
{
  for (gsize i = 0; action != NULL && i < G_N_ELEMENTS (action_labels); i++)
    if (g_str_equal (action, action_labels[i].code))
      return TRUE;

  return FALSE;
}

char *
mk_activity_format_time_at (const char *timestamp,
                            GDateTime  *now)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  const char *format;

  if (timestamp == NULL)
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (utc == NULL)
    return g_strdup (timestamp);

  local = g_date_time_to_local (utc);
  local_now = g_date_time_to_local (now);

  if (g_date_time_get_year (local) == g_date_time_get_year (local_now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (local_now))
    /* Translators: the time of an activity row from today; see
     * g_date_time_format() for the codes, e.g. "%I:%M %p" for 12-hour clocks */
    format = C_("activity time", "%H:%M");
  else if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: the date and time of an activity row from earlier this
     * year, e.g. "Nov 23, 18:20"; see g_date_time_format() for the codes
     * ("%-d" is the day without padding) */
    format = C_("activity time", "%b %-d, %H:%M");
  else
    /* Translators: the date and time of an activity row from another year,
     * e.g. "Dec 1, 2025, 18:20"; see g_date_time_format() for the codes */
    format = C_("activity time", "%b %-d, %Y, %H:%M");

  return g_date_time_format (local, format);
}

char *
mk_activity_format_time (const char *timestamp)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return mk_activity_format_time_at (timestamp, now);
}

char *
mk_activity_format_time_full (const char *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL)
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (utc == NULL)
    return g_strdup (timestamp);

  local = g_date_time_to_local (utc);
  /* Translators: the full date and time of an activity row in its details
   * window, e.g. "Tuesday, Nov 24, 2026, 18:20:05"; see g_date_time_format() */
  return g_date_time_format (local, C_("activity time", "%A, %b %-d, %Y, %H:%M:%S"));
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
