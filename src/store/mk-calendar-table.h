/* mk-calendar-table.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-calendar-entry.h"

G_BEGIN_DECLS

typedef struct _MkStore MkStore;

/* Fills in id and created_at when NULL. */
gboolean         mk_store_calendar_insert     (MkStore          *store,
                                               MkCalendarEntry  *entry,
                                               GError          **error);
/* Writes every column but id, user_id and created_at. */
gboolean         mk_store_calendar_update     (MkStore          *store,
                                               MkCalendarEntry  *entry,
                                               GError          **error);
gboolean         mk_store_calendar_delete     (MkStore          *store,
                                               const char       *id,
                                               GError          **error);
MkCalendarEntry *mk_store_calendar_get        (MkStore          *store,
                                               const char       *id,
                                               GError          **error);
/* MkCalendarEntry of @user_id with @from_date ≤ date ≤ @to_date (both
 * "YYYY-MM-DD", inclusive), ordered by date, then time (whole-day entries
 * first), then id. */
GPtrArray       *mk_store_calendar_list_range (MkStore          *store,
                                               const char       *user_id,
                                               const char       *from_date,
                                               const char       *to_date,
                                               GError          **error);
/* All entries of @user_id; -1 on error. */
gint64           mk_store_calendar_count      (MkStore          *store,
                                               const char       *user_id,
                                               GError          **error);

G_END_DECLS
