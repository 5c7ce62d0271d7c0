/* mk-month-grid-private.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-month-grid.h"

G_BEGIN_DECLS

/* The chip of the entry @id in the month shown, or NULL. */
GtkWidget          *mk_month_grid_find_chip         (MkMonthGrid  *self,
                                                     const char   *id);
/* What dragging @chip offers, as its GtkDragSource's prepare handler. */
GdkContentProvider *mk_month_grid_chip_drag_content (GtkWidget    *chip);
/* The context menu @chip pops up (a new model). */
GMenuModel         *mk_month_grid_chip_menu         (GtkWidget    *chip);
/* Drops @value on the cell of @date, as the cell's GtkDropTarget does;
 * FALSE when no cell shows @date or the value is not an entry id. */
gboolean            mk_month_grid_drop_value        (MkMonthGrid  *self,
                                                     const GValue *value,
                                                     const char   *date);

G_END_DECLS
