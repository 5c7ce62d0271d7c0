/* mk-export-image.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-export"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "mk-export-image.h"

/* By content, not by name: the page declares this type in a data: URI, and
 * only these three are pictures every browser and the PDF renderer show. */
const char *
mk_export_image_sniff (const guint8 *data,
                       gsize         size)
{
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (size >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    return "image/jpeg";
  if (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return "image/webp";

  return NULL;
}

GBytes *
mk_export_image_read (const char  *path,
                      gsize        max_bytes,
                      const char **out_mime_type,
                      GError     **error)
{
  g_autofree char *local = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize size = 0;
  const char *mime_type;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_has_prefix (path, "file:"))
    local = g_filename_from_uri (path, NULL, NULL);
  else if (g_uri_peek_scheme (path) == NULL || g_path_is_absolute (path))
    local = g_strdup (path);

  if (local == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "not a local file");
      return NULL;
    }

  /* Checked before reading, so a huge file is never loaded whole. */
  if (g_stat (local, &st) == 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > max_bytes)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "larger than %" G_GSIZE_FORMAT " KiB", max_bytes / 1024);
      return NULL;
    }

  if (!g_file_get_contents (local, &contents, &size, error))
    return NULL;

  mime_type = mk_export_image_sniff ((const guint8 *) contents, size);
  if (mime_type == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "not a PNG, JPEG or WebP picture");
      return NULL;
    }

  if (out_mime_type != NULL)
    *out_mime_type = mime_type;
  return g_bytes_new_take (g_steal_pointer (&contents), size);
}
