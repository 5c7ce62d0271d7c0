/* mk-platform-error.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-platforms"

#include "config.h"

#include <errno.h>
#include <libsoup/soup.h>

#include "mk-platform-error.h"

typedef struct
{
  gint64 retry_after;
  int    vendor_code;
  int    vendor_subcode;
} MkPlatformErrorPrivate;

static void
mk_platform_error_private_init (MkPlatformErrorPrivate *priv)
{
  priv->retry_after = -1;
  priv->vendor_code = 0;
  priv->vendor_subcode = 0;
}

static void
mk_platform_error_private_copy (const MkPlatformErrorPrivate *src,
                                MkPlatformErrorPrivate       *dest)
{
  *dest = *src;
}

static void
mk_platform_error_private_clear (MkPlatformErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (MkPlatformError, mk_platform_error)

void
mk_platform_error_set (GError          **error,
                       MkPlatformError   code,
                       gint64            retry_after,
                       int               vendor_code,
                       int               vendor_subcode,
                       const char       *format,
                       ...)
{
  GError *new_error;
  MkPlatformErrorPrivate *priv;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  new_error = g_error_new_valist (MK_PLATFORM_ERROR, code, format, args);
  va_end (args);

  priv = mk_platform_error_get_private (new_error);
  priv->retry_after = retry_after >= 0 ? retry_after : -1;
  priv->vendor_code = vendor_code;
  priv->vendor_subcode = vendor_subcode;

  g_propagate_error (error, new_error);
}

gint64
mk_platform_error_get_retry_after (const GError *error)
{
  MkPlatformErrorPrivate *priv;

  if (error == NULL || error->domain != MK_PLATFORM_ERROR)
    return -1;
  priv = mk_platform_error_get_private (error);
  return priv != NULL ? priv->retry_after : -1;
}

int
mk_platform_error_get_vendor_code (const GError *error)
{
  MkPlatformErrorPrivate *priv;

  if (error == NULL || error->domain != MK_PLATFORM_ERROR)
    return 0;
  priv = mk_platform_error_get_private (error);
  return priv != NULL ? priv->vendor_code : 0;
}

int
mk_platform_error_get_vendor_subcode (const GError *error)
{
  MkPlatformErrorPrivate *priv;

  if (error == NULL || error->domain != MK_PLATFORM_ERROR)
    return 0;
  priv = mk_platform_error_get_private (error);
  return priv != NULL ? priv->vendor_subcode : 0;
}

gboolean
mk_platform_error_is_transient (const GError *error)
{
  if (error == NULL || error->domain != MK_PLATFORM_ERROR)
    return FALSE;

  switch ((MkPlatformError)error->code)
    {
    case MK_PLATFORM_ERROR_MALFORMED:
    case MK_PLATFORM_ERROR_RATE_LIMITED:
    case MK_PLATFORM_ERROR_QUOTA_EXCEEDED:
    case MK_PLATFORM_ERROR_SERVER:
    case MK_PLATFORM_ERROR_NETWORK:
      return TRUE;
    case MK_PLATFORM_ERROR_TOKEN_EXPIRED:
    case MK_PLATFORM_ERROR_TOKEN_INVALID:
    case MK_PLATFORM_ERROR_PERMISSION:
    case MK_PLATFORM_ERROR_NOT_FOUND:
    case MK_PLATFORM_ERROR_BAD_REQUEST:
    case MK_PLATFORM_ERROR_FAILED:
    default:
      return FALSE;
    }
}

gint64
mk_platform_parse_retry_after (const char *value,
                               GDateTime  *now)
{
  g_autoptr(GDateTime) date = NULL;
  char *end = NULL;
  guint64 seconds;

  if (value == NULL)
    return -1;
  while (g_ascii_isspace (*value))
    value++;

  if (g_ascii_isdigit (*value))
    {
      errno = 0;
      seconds = g_ascii_strtoull (value, &end, 10);
      while (end != NULL && g_ascii_isspace (*end))
        end++;
      if (errno != 0 || end == NULL || *end != '\0' || seconds > G_MAXINT32)
        return -1;
      return (gint64)seconds;
    }

  date = soup_date_time_new_from_http_string (value);
  if (date == NULL || now == NULL)
    return -1;

  return MAX (g_date_time_difference (date, now) / G_TIME_SPAN_SECOND, 0);
}
