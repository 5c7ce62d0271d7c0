/* mk-portfolio-header.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The Portfolio's profile header, as a layout: an avatar ("start" child), a
 * title block ("title"), the details (the untyped child) and a button
 * ("end").
 *
 * Wide:    [start] [title  ] [end]        Narrow: [start] [title] [end]
 *                  [details]                      [details............]
 *
 * Narrower than the fold width, or than the wide layout needs, the details
 * move under the avatar and take the whole width, so a 360 px window keeps
 * readable lines. The choice is made from the width being measured or
 * allocated, never by changing a property during allocation. */

#define MK_TYPE_PORTFOLIO_HEADER (mk_portfolio_header_get_type ())

G_DECLARE_FINAL_TYPE (MkPortfolioHeader, mk_portfolio_header, MK, PORTFOLIO_HEADER, GtkWidget)

GtkWidget *mk_portfolio_header_new         (void);
/* Whether the last allocation was the narrow one. */
gboolean   mk_portfolio_header_get_folded  (MkPortfolioHeader *self);

G_END_DECLS
