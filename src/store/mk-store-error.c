/* mk-store-error.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include "mk-store-error.h"

G_DEFINE_QUARK (mk-store-error-quark, mk_store_error)
