/* mk-html-renderer.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-portfolio.h"

G_BEGIN_DECLS

/* The media kit as one self-contained HTML file: inline style sheet, the
 * avatar as a data: URI, no script, and a Content-Security-Policy that
 * forbids every request, so the file can be mailed and opened anywhere
 * without calling home. Every piece of user or platform text is escaped
 * for where it lands; the only links are https:// ones. */

char     *mk_html_render             (MkPortfolio          *doc,
                                      GError              **error);

/* Renders @doc and writes it to @path atomically (see mk-export-file.h). */
gboolean  mk_html_export_file        (MkPortfolio          *doc,
                                      const char           *path,
                                      GError              **error);

/* "Export for the web": writes @folder/p/<slug>/index.html, creating the
 * folders, so @folder can be uploaded to any static host as it is. A slug
 * that is not a plain folder name (letters, digits, '-', '_', '.', not
 * starting with '.') is MK_EXPORT_ERROR_INVALID_OPTION, so no slug can
 * write outside @folder. @out_path, if given, gets the file written. */
gboolean  mk_html_export_web         (MkPortfolio          *doc,
                                      const char           *folder,
                                      char                **out_path,
                                      GError              **error);

/* The same in a worker thread. @doc must not change until it completes. */
void      mk_html_export_file_async  (MkPortfolio          *doc,
                                      const char           *path,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean  mk_html_export_file_finish (MkPortfolio          *doc,
                                      GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
