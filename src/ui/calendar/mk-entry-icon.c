/* mk-entry-icon.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include "mk-entry-icon.h"

const char *
mk_entry_icon_name (MkCalendarEntry *entry)
{
  g_return_val_if_fail (MK_IS_CALENDAR_ENTRY (entry), NULL);

  if (mk_calendar_entry_get_entry_type (entry) == MK_ENTRY_TYPE_SHOOT)
    return "camera-photo-symbolic";

  switch (mk_calendar_entry_get_platform (entry))
    {
    case MK_PLATFORM_INSTAGRAM: return "mk-instagram-symbolic";
    case MK_PLATFORM_FACEBOOK: return "mk-facebook-symbolic";
    case MK_PLATFORM_YOUTUBE: return "mk-youtube-symbolic";
    case MK_PLATFORM_TIKTOK: return "mk-tiktok-symbolic";
    case MK_PLATFORM_NONE:
    default:
      return "mk-upload-symbolic";
    }
}
