/* mk-export-error.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MK_EXPORT_ERROR (mk_export_error_quark ())

/**
 * MkExportError:
 * @MK_EXPORT_ERROR_NO_PROFILE: the account has no profile, so there is
 *   nothing to put at the top of a media kit.
 * @MK_EXPORT_ERROR_WRITE: the file could not be written where asked (a
 *   folder in the way, a missing or unwritable folder, a full disk).
 * @MK_EXPORT_ERROR_INVALID_OPTION: an export option was malformed (for
 *   example an accent colour that is not #RRGGBB).
 */
typedef enum
{
  MK_EXPORT_ERROR_NO_PROFILE,
  MK_EXPORT_ERROR_WRITE,
  MK_EXPORT_ERROR_INVALID_OPTION,
} MkExportError;

GQuark mk_export_error_quark (void);

G_END_DECLS
