/* mk-month-grid-private.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-month-grid.h"

G_BEGIN_DECLS

/* For the tests: the chips are drawn, so they are found by entry id and
 * by position, the way a click, a drag and a drop find them. */
gboolean            mk_month_grid_chip_bounds     (MkMonthGrid     *self,
                                                   const char      *id,
                                                   graphene_rect_t *out_bounds);
char               *mk_month_grid_chip_at         (MkMonthGrid     *self,
                                                   double           x,
                                                   double           y);
GdkContentProvider *mk_month_grid_drag_content_at (MkMonthGrid     *self,
                                                   double           x,
                                                   double           y);
GMenuModel         *mk_month_grid_chip_menu       (MkMonthGrid     *self,
                                                   const char      *id);
gboolean            mk_month_grid_drop_value      (MkMonthGrid     *self,
                                                   const GValue    *value,
                                                   const char      *date);

G_END_DECLS
