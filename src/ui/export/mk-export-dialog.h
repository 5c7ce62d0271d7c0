/* mk-export-dialog.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mk-context.h"

G_BEGIN_DECLS

/* The Export dialog: a live preview drawn by the PDF renderer, the
 * section switches and accent colour (starting from Preferences → Export;
 * what differs from there is remembered per profile), and Save as PDF,
 * Save as HTML, Export for the Web and Print. */

#define MK_TYPE_EXPORT_DIALOG (mk_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MkExportDialog, mk_export_dialog, MK, EXPORT_DIALOG, AdwWindow)

MkExportDialog *mk_export_dialog_new (GtkWindow *parent,
                                      MkContext *context);

typedef enum
{
  MK_EXPORT_SAVE_PDF,
  MK_EXPORT_SAVE_HTML,
  MK_EXPORT_SAVE_WEB,   /* @file is a folder: p/<slug>/index.html in it */
} MkExportSaveKind;

/* What the file chooser's answer does: writes the kit to @file (in a
 * thread for PDF and HTML) and says how it went in a toast. */
void            mk_export_dialog_save_to_file  (MkExportDialog   *self,
                                                MkExportSaveKind  kind,
                                                GFile            *file);
/* Runs the same print operation as Print, exporting to a PDF at @path
 * instead of showing the print dialog. */
gboolean        mk_export_dialog_print_to_file (MkExportDialog   *self,
                                                const char       *path,
                                                GError          **error);

G_END_DECLS
