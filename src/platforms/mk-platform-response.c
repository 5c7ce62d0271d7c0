/* mk-platform-response.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-platforms"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-json.h"
#include "mk-platform-response.h"

static GDateTime *
now_or (GDateTime *now)
{
  return now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
}

static const char *
header (GHashTable *headers,
        const char *name)
{
  return headers != NULL ? g_hash_table_lookup (headers, name) : NULL;
}

/* A body that is not JSON at all: say what it was, and with which status,
 * so the log tells a proxy page from a cut connection. */
static void
set_malformed (GError       **error,
               guint          status,
               const GError  *json_error,
               gint64         retry_after)
{
  mk_platform_error_set (error, MK_PLATFORM_ERROR_MALFORMED, retry_after, (int)status, 0,
                         /* Translators: %s explains what was wrong, %u is an HTTP status */
                         _("Unreadable answer (%s, HTTP %u); trying again later may help"),
                         json_error->message, status);
}

/* Usage headers */

static int
usage_object_percent (JsonObject *object)
{
  static const char * const fields[] = { "call_count", "total_cputime", "total_time" };
  int highest = -1;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gint64 value = mk_json_get_count (object, fields[i]);

      if (value >= 0)
        highest = MAX (highest, (int)MIN (value, 1000));
    }
  return highest;
}

/* X-Business-Use-Case-Usage: {"<id>":[{…},…],…}; calls @func on each entry. */
static void
foreach_business_usage (GHashTable *headers,
                        void      (*func) (JsonObject *entry, gpointer data),
                        gpointer    data)
{
  const char *value = header (headers, "x-business-use-case-usage");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (value == NULL)
    return;
  root = mk_json_parse (value, -1, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;

  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonArray *entries = mk_json_get_array (object, l->data);

      for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
        {
          JsonNode *entry = json_array_get_element (entries, i);

          if (JSON_NODE_HOLDS_OBJECT (entry))
            func (json_node_get_object (entry), data);
        }
    }
}

static void
max_percent (JsonObject *entry,
             gpointer    data)
{
  int *highest = data;

  *highest = MAX (*highest, usage_object_percent (entry));
}

static void
max_regain (JsonObject *entry,
            gpointer    data)
{
  gint64 *highest = data;
  gint64 minutes = mk_json_get_count (entry, "estimated_time_to_regain_access");

  if (minutes >= 0 && minutes < G_MAXINT32)
    *highest = MAX (*highest, minutes * 60);
}

int
mk_meta_usage_percent (GHashTable *headers)
{
  const char *app = header (headers, "x-app-usage");
  int highest = -1;

  if (app != NULL)
    {
      g_autoptr(JsonNode) root = mk_json_parse (app, -1, NULL);

      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
        highest = usage_object_percent (json_node_get_object (root));
    }

  foreach_business_usage (headers, max_percent, &highest);
  return highest;
}

gint64
mk_meta_usage_regain_seconds (GHashTable *headers)
{
  gint64 highest = -1;

  foreach_business_usage (headers, max_regain, &highest);
  return highest;
}

/* Meta */

static gboolean
is_meta_rate_limit (gint64 code)
{
  switch (code)
    {
    case 4:     /* app */
    case 17:    /* user */
    case 32:    /* Pages with a user or app token */
    case 341:   /* app limit */
    case 368:   /* policy */
    case 613:   /* custom limit */
    case 80001: /* Pages BUC */
    case 80002: /* Instagram BUC */
      return TRUE;
    default:
      return FALSE;
    }
}

static gint64
meta_retry_after (GHashTable *headers,
                  GDateTime  *now)
{
  g_autoptr(GDateTime) when = now_or (now);
  gint64 seconds = mk_platform_parse_retry_after (header (headers, "retry-after"), when);

  /* Meta does not document Retry-After; its usage headers say how long. */
  if (seconds < 0)
    seconds = mk_meta_usage_regain_seconds (headers);
  return seconds;
}

gboolean
mk_meta_check_response (guint         status,
                        GHashTable   *headers,
                        const char   *data,
                        gsize         len,
                        GDateTime    *now,
                        JsonNode    **out_root,
                        GError      **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) json_error = NULL;
  JsonObject *object, *err;
  const char *message;
  gint64 code, subcode;

  root = mk_json_parse (data, (gssize)len, &json_error);
  if (root == NULL)
    {
      set_malformed (error, status, json_error, status >= 500 ? meta_retry_after (headers, now) : -1);
      return FALSE;
    }

  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  err = mk_json_get_object (object, "error");

  if (err == NULL && status >= 200 && status < 300)
    {
      if (object == NULL)
        {
          mk_platform_error_set (error, MK_PLATFORM_ERROR_MALFORMED, -1, 0, 0,
                                 _("Unexpected answer: not a JSON object"));
          return FALSE;
        }
      if (out_root != NULL)
        *out_root = g_steal_pointer (&root);
      return TRUE;
    }

  if (err == NULL)
    {
      /* An error status without Meta's error object (a proxy, a gateway). */
      if (status >= 500)
        mk_platform_error_set (error, MK_PLATFORM_ERROR_SERVER, meta_retry_after (headers, now), (int)status, 0,
                               _("The server had a problem (HTTP %u); trying again later"), status);
      else if (status == 429)
        mk_platform_error_set (error, MK_PLATFORM_ERROR_RATE_LIMITED, meta_retry_after (headers, now), (int)status, 0,
                               _("Too many requests (HTTP %u); waiting before trying again"), status);
      else
        mk_platform_error_set (error, MK_PLATFORM_ERROR_FAILED, -1, (int)status, 0,
                               _("The request failed (HTTP %u)"), status);
      return FALSE;
    }

  code = mk_json_get_count (err, "code");
  subcode = mk_json_get_count (err, "error_subcode");
  message = mk_json_get_string (err, "error_user_msg");
  if (message == NULL)
    message = mk_json_get_string (err, "message");
  if (message == NULL)
    message = _("no explanation given");
  code = code > G_MAXINT ? -1 : code;
  subcode = subcode > G_MAXINT ? -1 : subcode;

  if (code == 190 && subcode == 463)
    mk_platform_error_set (error, MK_PLATFORM_ERROR_TOKEN_EXPIRED, -1, (int)code, (int)subcode,
                           _("The sign-in has expired: %s"), message);
  else if (code == 190 && subcode == 492)
    /* The user token is fine; the Page's is not (platform-apis.md §3). */
    mk_platform_error_set (error, MK_PLATFORM_ERROR_TOKEN_INVALID, -1, (int)code, (int)subcode,
                           _("You no longer have a role on the Facebook Page Mediakit reads; "
                             "choose another Page in Preferences → Connections: %s"), message);
  else if (code == 190 || code == 102)
    mk_platform_error_set (error, MK_PLATFORM_ERROR_TOKEN_INVALID, -1, (int)code, MAX ((int)subcode, 0),
                           _("The sign-in is no longer valid; connect again: %s"), message);
  else if (is_meta_rate_limit (code))
    mk_platform_error_set (error, MK_PLATFORM_ERROR_RATE_LIMITED, meta_retry_after (headers, now),
                           (int)code, MAX ((int)subcode, 0),
                           _("Rate limit reached; waiting before trying again: %s"), message);
  else if (code == 10 || (code >= 200 && code <= 299))
    mk_platform_error_set (error, MK_PLATFORM_ERROR_PERMISSION, -1, (int)code, MAX ((int)subcode, 0),
                           _("A permission is missing: %s"), message);
  else if ((code == 100 && subcode == 33) || code == 803)
    mk_platform_error_set (error, MK_PLATFORM_ERROR_NOT_FOUND, -1, (int)code, MAX ((int)subcode, 0),
                           _("Not found: %s"), message);
  else if (code == 100)
    mk_platform_error_set (error, MK_PLATFORM_ERROR_BAD_REQUEST, -1, (int)code, MAX ((int)subcode, 0),
                           _("The request was refused as invalid: %s"), message);
  else if (code == 1 || code == 2 || mk_json_get_boolean (err, "is_transient", FALSE) || status >= 500)
    mk_platform_error_set (error, MK_PLATFORM_ERROR_SERVER, meta_retry_after (headers, now),
                           MAX ((int)code, 0), MAX ((int)subcode, 0),
                           _("The server had a temporary problem: %s"), message);
  else
    mk_platform_error_set (error, MK_PLATFORM_ERROR_FAILED, -1, MAX ((int)code, 0), MAX ((int)subcode, 0),
                           _("The request failed: %s"), message);

  return FALSE;
}

/* Google */

gint64
mk_google_seconds_to_quota_reset (GDateTime *now)
{
  g_autoptr(GDateTime) when = now_or (now);
  g_autoptr(GTimeZone) pacific = g_time_zone_new_identifier ("America/Los_Angeles");
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) midnight = NULL;

  /* Without tzdata, Pacific Standard Time; off by an hour in summer. */
  if (pacific == NULL)
    pacific = g_time_zone_new_offset (-8 * 3600);

  local = g_date_time_to_timezone (when, pacific);
  midnight = g_date_time_new (pacific,
                              g_date_time_get_year (local),
                              g_date_time_get_month (local),
                              g_date_time_get_day_of_month (local), 0, 0, 0);
  {
    g_autoptr(GDateTime) next = g_date_time_add_days (midnight, 1);

    return MAX (g_date_time_difference (next, when) / G_TIME_SPAN_SECOND, 1);
  }
}

static gboolean
reason_is (const char *reason,
           const char *first,
           ...)
{
  va_list args;
  const char *candidate = first;
  gboolean found = FALSE;

  if (reason == NULL)
    return FALSE;

  va_start (args, first);
  while (candidate != NULL && !found)
    {
      found = g_strcmp0 (reason, candidate) == 0;
      candidate = va_arg (args, const char *);
    }
  va_end (args);

  return found;
}

gboolean
mk_google_check_response (guint         status,
                          GHashTable   *headers,
                          const char   *data,
                          gsize         len,
                          GDateTime    *now,
                          JsonNode    **out_root,
                          GError      **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autoptr(GDateTime) when = now_or (now);
  JsonObject *object, *err;
  JsonArray *errors;
  const char *message = NULL;
  const char *reason = NULL;
  const char *state = NULL;
  gint64 retry_after = mk_platform_parse_retry_after (header (headers, "retry-after"), when);

  root = mk_json_parse (data, (gssize)len, &json_error);
  if (root == NULL)
    {
      set_malformed (error, status, json_error, retry_after);
      return FALSE;
    }

  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  err = mk_json_get_object (object, "error");

  if (err == NULL && status >= 200 && status < 300)
    {
      if (object == NULL)
        {
          mk_platform_error_set (error, MK_PLATFORM_ERROR_MALFORMED, -1, 0, 0,
                                 _("Unexpected answer: not a JSON object"));
          return FALSE;
        }
      if (out_root != NULL)
        *out_root = g_steal_pointer (&root);
      return TRUE;
    }

  if (err != NULL)
    {
      message = mk_json_get_string (err, "message");
      state = mk_json_get_string (err, "status");
      errors = mk_json_get_array (err, "errors");
      if (errors != NULL && json_array_get_length (errors) > 0 &&
          JSON_NODE_HOLDS_OBJECT (json_array_get_element (errors, 0)))
        reason = mk_json_get_string (json_array_get_object_element (errors, 0), "reason");
    }
  if (message == NULL)
    message = _("no explanation given");

  if (reason_is (reason, "quotaExceeded", "dailyLimitExceeded", NULL))
    mk_platform_error_set (error, MK_PLATFORM_ERROR_QUOTA_EXCEEDED, mk_google_seconds_to_quota_reset (when),
                           (int)status, 0,
                           _("The daily YouTube quota is used up; it is reset at midnight Pacific time"));
  else if (reason_is (reason, "rateLimitExceeded", "userRateLimitExceeded", NULL) || status == 429)
    mk_platform_error_set (error, MK_PLATFORM_ERROR_RATE_LIMITED, retry_after, (int)status, 0,
                           _("Rate limit reached; waiting before trying again: %s"), message);
  else if (status == 401 || reason_is (reason, "authError", NULL) || g_strcmp0 (state, "UNAUTHENTICATED") == 0)
    mk_platform_error_set (error, MK_PLATFORM_ERROR_TOKEN_EXPIRED, -1, (int)status, 0,
                           _("The sign-in has expired: %s"), message);
  else if (reason_is (reason, "insufficientPermissions", "forbidden", NULL) || status == 403)
    mk_platform_error_set (error, MK_PLATFORM_ERROR_PERMISSION, -1, (int)status, 0,
                           _("A permission is missing: %s"), message);
  else if (status == 404 || reason_is (reason, "playlistNotFound", "channelNotFound", "videoNotFound", NULL))
    mk_platform_error_set (error, MK_PLATFORM_ERROR_NOT_FOUND, -1, (int)status, 0,
                           _("Not found: %s"), message);
  else if (status >= 500)
    mk_platform_error_set (error, MK_PLATFORM_ERROR_SERVER, retry_after, (int)status, 0,
                           _("The server had a temporary problem: %s"), message);
  else if (status == 400)
    mk_platform_error_set (error, MK_PLATFORM_ERROR_BAD_REQUEST, -1, (int)status, 0,
                           _("The request was refused as invalid: %s"), message);
  else
    mk_platform_error_set (error, MK_PLATFORM_ERROR_FAILED, -1, (int)status, 0,
                           _("The request failed: %s"), message);

  return FALSE;
}
