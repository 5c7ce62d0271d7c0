/* mk-export-image.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pictures that go into a media kit: the avatar and media thumbnails. */

/* "image/png", "image/jpeg" or "image/webp" by the content's first bytes;
 * NULL for anything else. */
const char *mk_export_image_sniff (const guint8 *data,
                                   gsize         size);

/* Reads a local picture (a path or a file:// URI; anything remote is
 * refused, since an export makes no network request) of at most
 * @max_bytes, and checks it is PNG, JPEG or WebP by content. */
GBytes     *mk_export_image_read  (const char   *path,
                                   gsize         max_bytes,
                                   const char  **out_mime_type,
                                   GError      **error);

G_END_DECLS
