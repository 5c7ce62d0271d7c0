/* mk-export-error.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-export"

#include "config.h"

#include "mk-export-error.h"

G_DEFINE_QUARK (mk-export-error-quark, mk_export_error)
