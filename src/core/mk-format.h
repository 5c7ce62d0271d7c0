/* mk-format.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers as people read them, for every place that shows one as text:
 * the cards, the charts, the media kit, the activity log. */

/* 1234567 -> "1,234,567" with the locale's thousands separator (a comma
 * in the C locale); negative numbers start with U+2212 MINUS SIGN. */
char *mk_format_count (gint64 count);

G_END_DECLS
