/* mk-month-model.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-store.h"

G_BEGIN_DECLS

#define MK_TYPE_MONTH_MODEL (mk_month_model_get_type ())

G_DECLARE_FINAL_TYPE (MkMonthModel, mk_month_model, MK, MONTH_MODEL, GObject)

/* A GListModel of the MkCalendarEntry of one user's month, in date, time
 * order, read with one indexed query. It reads again whenever an edit is
 * logged through the same MkStore (the `update_calendar` rows and imports),
 * so a view never has to be told. With no user the model is empty. */
MkMonthModel           *mk_month_model_new         (MkStore                *store);
void                    mk_month_model_set_user_id (MkMonthModel           *self,
                                                    const char             *user_id);
/* Like mk_month_model_set_user_id(), but the month is read in a worker
 * thread on a read-only connection of its own: the model is empty until the
 * rows are in, so a window can show before them. A reload, or a change of
 * user, month or filter, made meanwhile wins and the thread's rows are
 * dropped. */
void                    mk_month_model_set_user_id_async  (MkMonthModel        *self,
                                                           const char          *user_id,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean                mk_month_model_set_user_id_finish (MkMonthModel        *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
/* TRUE while the month is being read in a thread. */
gboolean                mk_month_model_is_loading  (MkMonthModel           *self);
const char             *mk_month_model_get_user_id (MkMonthModel           *self);
/* @month is 1 to 12. */
void                    mk_month_model_set_month   (MkMonthModel           *self,
                                                    int                     year,
                                                    int                     month);
int                     mk_month_model_get_year    (MkMonthModel           *self);
int                     mk_month_model_get_month   (MkMonthModel           *self);
/* Copies @filter; NULL shows every entry. */
void                    mk_month_model_set_filter  (MkMonthModel           *self,
                                                    const MkCalendarFilter *filter);
const MkCalendarFilter *mk_month_model_get_filter  (MkMonthModel           *self);
void                    mk_month_model_reload      (MkMonthModel           *self);

/* The first and last day of a month, "YYYY-MM-DD" (for queries and tests). */
void                    mk_month_model_month_range (int                     year,
                                                    int                     month,
                                                    char                  **out_first,
                                                    char                  **out_last);

/* The first day shown in a six-week grid of @month whose weeks start on
 * @first_weekday (a GDateWeekday, G_DATE_MONDAY to G_DATE_SUNDAY). Plain
 * calendar arithmetic on GDate: no time zone, so no DST surprises. */
void                    mk_month_model_grid_start  (int                     year,
                                                    int                     month,
                                                    GDateWeekday            first_weekday,
                                                    GDate                  *out_date);

/* A pending entry whose day is before @today ("YYYY-MM-DD"). */
gboolean                mk_month_model_is_overdue  (MkCalendarEntry        *entry,
                                                    const char             *today);

G_END_DECLS
