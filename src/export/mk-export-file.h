/* mk-export-file.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @data to @path through a temporary file in the same folder and a
 * rename, so @path holds either its old contents or the whole new file,
 * never a part. A folder in the way, a missing or unwritable folder and
 * every other failure are MK_EXPORT_ERROR_WRITE, naming @path. Shared by
 * every renderer. */
gboolean mk_export_write_file (const char  *path,
                               const char  *data,
                               gsize        length,
                               GError     **error);

G_END_DECLS
