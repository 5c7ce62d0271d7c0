/* mk-month-day.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mk-calendar-entry.h"

G_BEGIN_DECLS

#define MK_TYPE_MONTH_DAY (mk_month_day_get_type ())

G_DECLARE_FINAL_TYPE (MkMonthDay, mk_month_day, MK, MONTH_DAY, GtkWidget)

/* One day of the month grid: a focusable cell that draws its day number,
 * a chip for each entry that fits its height and "+N more" for the rest.
 * The chips are drawn, not widgets, so a month of a busy creator costs 42
 * widgets, not hundreds; MkMonthGrid does the clicks, drags and drops. */
GtkWidget       *mk_month_day_new             (void);

void             mk_month_day_set_day         (MkMonthDay      *self,
                                               const GDate     *day,
                                               gboolean         other_month,
                                               gboolean         today);
const char      *mk_month_day_get_date        (MkMonthDay      *self);

void             mk_month_day_clear_entries   (MkMonthDay      *self);
void             mk_month_day_add_entry       (MkMonthDay      *self,
                                               MkCalendarEntry *entry,
                                               gboolean         overdue);
void             mk_month_day_entries_done    (MkMonthDay      *self);
guint            mk_month_day_get_n_entries   (MkMonthDay      *self);

void             mk_month_day_set_selected    (MkMonthDay      *self,
                                               gboolean         selected);

int              mk_month_day_chip_at         (MkMonthDay      *self,
                                               double           x,
                                               double           y);
int              mk_month_day_find_chip       (MkMonthDay      *self,
                                               const char      *id);
MkCalendarEntry *mk_month_day_get_chip_entry  (MkMonthDay      *self,
                                               guint            index);
gboolean         mk_month_day_get_chip_bounds (MkMonthDay      *self,
                                               guint            index,
                                               graphene_rect_t *out_bounds);
GdkPaintable    *mk_month_day_chip_paintable  (MkMonthDay      *self,
                                               guint            index);

G_END_DECLS
