/* mk-export-format.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mk-enums.h"
#include "mk-portfolio.h"

G_BEGIN_DECLS

/* How numbers, dates and formulas read in a media kit, shared by every
 * renderer so the HTML page and the PDF say exactly the same thing. All
 * results are plain text (not escaped). */

/* mk_format_count(): 1234567 -> "1,234,567" with the locale's thousands separator. */
char       *mk_export_format_count           (gint64      count);
/* 3.456 -> "3.5%" */
char       *mk_export_format_rate            (double      percent);
/* "24 November 2026", in the time zone of @datetime. */
char       *mk_export_format_date            (GDateTime  *datetime);
/* "500–2,000 USD", "From 500 USD", "Up to 2,000 USD"; NULL when both ends
 * are -1. @currency may be NULL. */
char       *mk_export_format_budget          (gint64      budget_min,
                                              gint64      budget_max,
                                              const char *currency);
/* How that platform's engagement rate is computed, for a caption. */
const char *mk_export_get_formula_caption    (MkPlatform  platform);

/* A media caption cut to a tile's length, with "…" when cut. */
char       *mk_export_format_caption         (const char *caption);
/* "1,204 likes · 56 comments · 12,400 views"; unknown counts left out. */
char       *mk_export_format_media_counts    (const MkPortfolioMedia *media);
/* "Instagram · Reel" */
char       *mk_export_format_media_badge     (const MkPortfolioMedia *media);

G_END_DECLS
