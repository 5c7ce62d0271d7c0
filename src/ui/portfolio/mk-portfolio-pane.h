/* mk-portfolio-pane.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MK_TYPE_PORTFOLIO_PANE (mk_portfolio_pane_get_type ())

G_DECLARE_FINAL_TYPE (MkPortfolioPane, mk_portfolio_pane, MK, PORTFOLIO_PANE, AdwBin)

GListModel *mk_portfolio_pane_get_media_model (MkPortfolioPane *self);

G_END_DECLS
