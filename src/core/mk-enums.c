/* mk-enums.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-enums.h"

/* The GEnum nicks are the database strings, lower-cased; the tables below are
 * the source of truth for what is stored. */

G_DEFINE_ENUM_TYPE (MkPlatform, mk_platform,
  G_DEFINE_ENUM_VALUE (MK_PLATFORM_NONE, "none"),
  G_DEFINE_ENUM_VALUE (MK_PLATFORM_INSTAGRAM, "instagram"),
  G_DEFINE_ENUM_VALUE (MK_PLATFORM_FACEBOOK, "facebook"),
  G_DEFINE_ENUM_VALUE (MK_PLATFORM_YOUTUBE, "youtube"),
  G_DEFINE_ENUM_VALUE (MK_PLATFORM_TIKTOK, "tiktok"))

G_DEFINE_ENUM_TYPE (MkEntryType, mk_entry_type,
  G_DEFINE_ENUM_VALUE (MK_ENTRY_TYPE_SHOOT, "shoot"),
  G_DEFINE_ENUM_VALUE (MK_ENTRY_TYPE_UPLOAD, "upload"))

G_DEFINE_ENUM_TYPE (MkEntryStatus, mk_entry_status,
  G_DEFINE_ENUM_VALUE (MK_ENTRY_STATUS_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (MK_ENTRY_STATUS_COMPLETED, "completed"))

G_DEFINE_ENUM_TYPE (MkLogStatus, mk_log_status,
  G_DEFINE_ENUM_VALUE (MK_LOG_STATUS_SUCCESS, "success"),
  G_DEFINE_ENUM_VALUE (MK_LOG_STATUS_FAILURE, "failure"))

G_DEFINE_ENUM_TYPE (MkContentType, mk_content_type,
  G_DEFINE_ENUM_VALUE (MK_CONTENT_TYPE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (MK_CONTENT_TYPE_REEL, "reel"),
  G_DEFINE_ENUM_VALUE (MK_CONTENT_TYPE_POST, "post"),
  G_DEFINE_ENUM_VALUE (MK_CONTENT_TYPE_STORY, "story"),
  G_DEFINE_ENUM_VALUE (MK_CONTENT_TYPE_VIDEO, "video"),
  G_DEFINE_ENUM_VALUE (MK_CONTENT_TYPE_SHORT, "short"),
  G_DEFINE_ENUM_VALUE (MK_CONTENT_TYPE_LIVE, "live"))

static const char * const platform_strings[] = {
  NULL, "instagram", "facebook", "youtube", "tiktok",
};

static const char * const entry_type_strings[] = { "shoot", "upload" };
static const char * const entry_status_strings[] = { "pending", "completed" };
static const char * const log_status_strings[] = { "success", "failure" };

static const char * const content_type_strings[] = {
  NULL, "Reel", "Post", "Story", "Video", "Short", "Live",
};

static int
lookup (const char * const *strings,
        guint               n_strings,
        const char         *str,
        gboolean            ignore_case)
{
  for (guint i = 0; i < n_strings; i++)
    {
      if (strings[i] == NULL)
        continue;
      if (ignore_case ? g_ascii_strcasecmp (strings[i], str) == 0
                      : g_str_equal (strings[i], str))
        return (int)i;
    }

  return -1;
}

const char *
mk_platform_to_string (MkPlatform platform)
{
  g_return_val_if_fail ((guint)platform < G_N_ELEMENTS (platform_strings), NULL);

  return platform_strings[platform];
}

gboolean
mk_platform_from_string (const char *str,
                         MkPlatform *out_platform)
{
  int i;

  if (str == NULL || *str == '\0')
    i = MK_PLATFORM_NONE;
  else
    i = lookup (platform_strings, G_N_ELEMENTS (platform_strings), str, FALSE);

  if (i < 0)
    return FALSE;
  if (out_platform != NULL)
    *out_platform = (MkPlatform)i;
  return TRUE;
}

const char *
mk_platform_get_display_name (MkPlatform platform)
{
  switch (platform)
    {
    case MK_PLATFORM_INSTAGRAM:
      return "Instagram";
    case MK_PLATFORM_FACEBOOK:
      return "Facebook";
    case MK_PLATFORM_YOUTUBE:
      return "YouTube";
    case MK_PLATFORM_TIKTOK:
      return "TikTok";
    case MK_PLATFORM_NONE:
    default:
      /* Translators: no platform chosen */
      return C_("platform", "None");
    }
}

gboolean
mk_platform_is_connectable (MkPlatform platform)
{
  return platform == MK_PLATFORM_INSTAGRAM ||
         platform == MK_PLATFORM_FACEBOOK ||
         platform == MK_PLATFORM_YOUTUBE;
}

const char *
mk_entry_type_to_string (MkEntryType type)
{
  g_return_val_if_fail ((guint)type < G_N_ELEMENTS (entry_type_strings), NULL);

  return entry_type_strings[type];
}

gboolean
mk_entry_type_from_string (const char  *str,
                           MkEntryType *out_type)
{
  int i;

  if (str == NULL)
    return FALSE;
  i = lookup (entry_type_strings, G_N_ELEMENTS (entry_type_strings), str, FALSE);
  if (i < 0)
    return FALSE;
  if (out_type != NULL)
    *out_type = (MkEntryType)i;
  return TRUE;
}

const char *
mk_entry_type_get_display_name (MkEntryType type)
{
  switch (type)
    {
    case MK_ENTRY_TYPE_UPLOAD:
      return C_("entry type", "Upload");
    case MK_ENTRY_TYPE_SHOOT:
    default:
      return C_("entry type", "Shoot");
    }
}

const char *
mk_entry_status_to_string (MkEntryStatus status)
{
  g_return_val_if_fail ((guint)status < G_N_ELEMENTS (entry_status_strings), NULL);

  return entry_status_strings[status];
}

gboolean
mk_entry_status_from_string (const char    *str,
                             MkEntryStatus *out_status)
{
  int i;

  if (str == NULL)
    return FALSE;
  i = lookup (entry_status_strings, G_N_ELEMENTS (entry_status_strings), str, FALSE);
  if (i < 0)
    return FALSE;
  if (out_status != NULL)
    *out_status = (MkEntryStatus)i;
  return TRUE;
}

const char *
mk_entry_status_get_display_name (MkEntryStatus status)
{
  switch (status)
    {
    case MK_ENTRY_STATUS_COMPLETED:
      return C_("entry status", "Completed");
    case MK_ENTRY_STATUS_PENDING:
    default:
      return C_("entry status", "Pending");
    }
}

const char *
mk_log_status_to_string (MkLogStatus status)
{
  g_return_val_if_fail ((guint)status < G_N_ELEMENTS (log_status_strings), NULL);

  return log_status_strings[status];
}

gboolean
mk_log_status_from_string (const char  *str,
                           MkLogStatus *out_status)
{
  int i;

  if (str == NULL)
    return FALSE;
  i = lookup (log_status_strings, G_N_ELEMENTS (log_status_strings), str, FALSE);
  if (i < 0)
    return FALSE;
  if (out_status != NULL)
    *out_status = (MkLogStatus)i;
  return TRUE;
}

const char *
mk_log_status_get_display_name (MkLogStatus status)
{
  switch (status)
    {
    case MK_LOG_STATUS_FAILURE:
      return C_("log status", "Failure");
    case MK_LOG_STATUS_SUCCESS:
    default:
      return C_("log status", "Success");
    }
}

const char *
mk_content_type_to_string (MkContentType type)
{
  g_return_val_if_fail ((guint)type < G_N_ELEMENTS (content_type_strings), NULL);

  return content_type_strings[type];
}

gboolean
mk_content_type_from_string (const char    *str,
                             MkContentType *out_type)
{
  int i;

  /* Case-insensitive because iCalendar and CSV imports spell it freely. */
  if (str == NULL || *str == '\0')
    i = MK_CONTENT_TYPE_NONE;
  else
    i = lookup (content_type_strings, G_N_ELEMENTS (content_type_strings), str, TRUE);

  if (i < 0)
    return FALSE;
  if (out_type != NULL)
    *out_type = (MkContentType)i;
  return TRUE;
}

const char *
mk_content_type_get_display_name (MkContentType type)
{
  switch (type)
    {
    case MK_CONTENT_TYPE_REEL:
      return C_("content type", "Reel");
    case MK_CONTENT_TYPE_POST:
      return C_("content type", "Post");
    case MK_CONTENT_TYPE_STORY:
      return C_("content type", "Story");
    case MK_CONTENT_TYPE_VIDEO:
      return C_("content type", "Video");
    case MK_CONTENT_TYPE_SHORT:
      return C_("content type", "Short");
    case MK_CONTENT_TYPE_LIVE:
      return C_("content type", "Live");
    case MK_CONTENT_TYPE_NONE:
    default:
      return C_("content type", "None");
    }
}
