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
/* Like mk_store_calendar_insert(), but an id already in the table is not
 * an error: nothing is written and *@out_inserted is FALSE. One statement
 * where a lookup and an insert would take two (imports). */
gboolean         mk_store_calendar_insert_new (MkStore          *store,
                                               MkCalendarEntry  *entry,
                                               gboolean         *out_inserted,
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
/* FALSE on error; otherwise *@out_exists says whether @id is taken. */
gboolean         mk_store_calendar_has_id     (MkStore          *store,
                                               const char       *id,
                                               gboolean         *out_exists,
                                               GError          **error);
/* FALSE on error, with @error set. */
gboolean         mk_store_calendar_any        (MkStore          *store,
                                               const char       *user_id,
                                               GError          **error);
gint64           mk_store_calendar_count      (MkStore          *store,
                                               const char       *user_id,
                                               GError          **error);

/* Which entries to show. Zero-initialise it: FALSE / NULL mean "any".
 *
 * @platform: only uploads to this platform (implies type upload)
 * @search: text that brand name, campaign or notes must contain, in any
 *   letter case (ASCII) */
typedef struct {
  gboolean       has_type;
  MkEntryType    type;
  MkPlatform     platform;
  gboolean       has_status;
  MkEntryStatus  status;
  const char    *search;
} MkCalendarFilter;

/* A deep copy (NULL copies as "any entry"), freed with
 * mk_calendar_filter_free(). */
MkCalendarFilter *mk_calendar_filter_copy    (const MkCalendarFilter *filter);
void              mk_calendar_filter_free    (MkCalendarFilter       *filter);
gboolean          mk_calendar_filter_is_empty (const MkCalendarFilter *filter);
/* Whether @entry passes @filter, decided in C the way the SQL decides it. */
gboolean          mk_calendar_filter_matches (const MkCalendarFilter *filter,
                                              MkCalendarEntry        *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkCalendarFilter, mk_calendar_filter_free)

/* mk_store_calendar_list_range() through @filter (NULL: every entry). */
GPtrArray       *mk_store_calendar_list_range_filtered (MkStore                *store,
                                                        const char             *user_id,
                                                        const char             *from_date,
                                                        const char             *to_date,
                                                        const MkCalendarFilter *filter,
                                                        GError                **error);

/* One page of @user_id's entries from @from_date on, in the order of
 * list_range (date, whole-day entries first, time, id). For the first page
 * pass NULL for @after_entry; for the next, the last entry of the previous
 * page (keyset paging: each page is one indexed seek). */
GPtrArray       *mk_store_calendar_list_page  (MkStore                *store,
                                               const char             *user_id,
                                               const char             *from_date,
                                               const MkCalendarFilter *filter,
                                               MkCalendarEntry        *after_entry,
                                               guint                   limit,
                                               GError                **error);

/* The distinct brand names of @user_id's entries, most used first, at most
 * @limit of them (0: all); for completion in the entry form. */
GStrv            mk_store_calendar_list_brands (MkStore               *store,
                                                const char            *user_id,
                                                guint                  limit,
                                                GError               **error);

/* The edits a person makes: each writes its change and an `update_calendar`
 * logs row in one transaction. (The plain insert/update/delete above do not
 * log; imports log once for the whole file.) */
gboolean         mk_store_calendar_create     (MkStore          *store,
                                               MkCalendarEntry  *entry,
                                               GError          **error);
gboolean         mk_store_calendar_edit       (MkStore          *store,
                                               MkCalendarEntry  *entry,
                                               GError          **error);
/* Moves the entry to @date ("YYYY-MM-DD"), keeping its time. */
gboolean         mk_store_calendar_move       (MkStore          *store,
                                               const char       *id,
                                               const char       *date,
                                               GError          **error);
gboolean         mk_store_calendar_set_status (MkStore          *store,
                                               const char       *id,
                                               MkEntryStatus     status,
                                               GError          **error);
gboolean         mk_store_calendar_remove     (MkStore          *store,
                                               const char       *id,
                                               GError          **error);

G_END_DECLS
