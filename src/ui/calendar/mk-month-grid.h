/* mk-month-grid.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MK_TYPE_MONTH_GRID (mk_month_grid_get_type ())

G_DECLARE_FINAL_TYPE (MkMonthGrid, mk_month_grid, MK, MONTH_GRID, GtkWidget)

/* Six weeks of day cells, the week starting on the locale's first day,
 * each cell showing the chips of its entries from a GListModel of
 * MkCalendarEntry (the month's). Chips activate the "calendar.edit" action
 * with the entry's id and offer "calendar.complete" and "calendar.delete"
 * in their menu; a chip dropped on another day emits ::entry-moved. */
GtkWidget  *mk_month_grid_new               (void);
void        mk_month_grid_set_model         (MkMonthGrid *self,
                                             GListModel  *entries);
void        mk_month_grid_set_month         (MkMonthGrid *self,
                                             int          year,
                                             int          month);
void        mk_month_grid_set_selected_date (MkMonthGrid *self,
                                             const char  *date);
const char *mk_month_grid_get_selected_date (MkMonthGrid *self);
/* Moves the keyboard focus to the selected day's cell. */
void        mk_month_grid_focus_selected    (MkMonthGrid *self);
/* The number of chips shown on @date (for tests). */
guint       mk_month_grid_count_chips       (MkMonthGrid *self,
                                             const char  *date);
/* The first weekday of the current locale, as a GDateWeekday. */
GDateWeekday mk_month_grid_locale_first_weekday (void);

G_END_DECLS
