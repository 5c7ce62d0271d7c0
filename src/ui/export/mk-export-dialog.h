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
 * section switches and accent colour (remembered per profile), and Save as
 * PDF, Save as HTML, Export for the Web and Print. */

#define MK_TYPE_EXPORT_DIALOG (mk_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MkExportDialog, mk_export_dialog, MK, EXPORT_DIALOG, AdwWindow)

MkExportDialog *mk_export_dialog_new (GtkWindow *parent,
                                      MkContext *context);

G_END_DECLS
