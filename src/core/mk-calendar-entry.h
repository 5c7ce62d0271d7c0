/* mk-calendar-entry.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include "mk-enums.h"

G_BEGIN_DECLS

/* A shoot or an upload on the content calendar: one row of
 * `calendar_entries`. Location belongs to shoots only; platform and content
 * type to uploads only (validation and the schema both insist). */

#define MK_TYPE_CALENDAR_ENTRY (mk_calendar_entry_get_type ())

G_DECLARE_FINAL_TYPE (MkCalendarEntry, mk_calendar_entry, MK, CALENDAR_ENTRY, GObject)

MkCalendarEntry * mk_calendar_entry_new               (void);
MkCalendarEntry * mk_calendar_entry_copy              (MkCalendarEntry *self);
gboolean          mk_calendar_entry_validate          (MkCalendarEntry *self,
                                                       GError **error);
const char *      mk_calendar_entry_get_id            (MkCalendarEntry *self);
void              mk_calendar_entry_set_id            (MkCalendarEntry *self,
                                                       const char *value);
const char *      mk_calendar_entry_get_user_id       (MkCalendarEntry *self);
void              mk_calendar_entry_set_user_id       (MkCalendarEntry *self,
                                                       const char *value);
MkEntryType       mk_calendar_entry_get_entry_type    (MkCalendarEntry *self);
void              mk_calendar_entry_set_entry_type    (MkCalendarEntry *self,
                                                       MkEntryType value);
const char *      mk_calendar_entry_get_brand_name    (MkCalendarEntry *self);
void              mk_calendar_entry_set_brand_name    (MkCalendarEntry *self,
                                                       const char *value);
const char *      mk_calendar_entry_get_campaign_name (MkCalendarEntry *self);
void              mk_calendar_entry_set_campaign_name (MkCalendarEntry *self,
                                                       const char *value);
const char *      mk_calendar_entry_get_date          (MkCalendarEntry *self);
void              mk_calendar_entry_set_date          (MkCalendarEntry *self,
                                                       const char *value);
const char *      mk_calendar_entry_get_time          (MkCalendarEntry *self);
void              mk_calendar_entry_set_time          (MkCalendarEntry *self,
                                                       const char *value);
MkEntryStatus     mk_calendar_entry_get_status        (MkCalendarEntry *self);
void              mk_calendar_entry_set_status        (MkCalendarEntry *self,
                                                       MkEntryStatus value);
const char *      mk_calendar_entry_get_notes         (MkCalendarEntry *self);
void              mk_calendar_entry_set_notes         (MkCalendarEntry *self,
                                                       const char *value);
const char *      mk_calendar_entry_get_location      (MkCalendarEntry *self);
void              mk_calendar_entry_set_location      (MkCalendarEntry *self,
                                                       const char *value);
MkPlatform        mk_calendar_entry_get_platform      (MkCalendarEntry *self);
void              mk_calendar_entry_set_platform      (MkCalendarEntry *self,
                                                       MkPlatform value);
MkContentType     mk_calendar_entry_get_content_type  (MkCalendarEntry *self);
void              mk_calendar_entry_set_content_type  (MkCalendarEntry *self,
                                                       MkContentType value);
const char *      mk_calendar_entry_get_created_at    (MkCalendarEntry *self);
void              mk_calendar_entry_set_created_at    (MkCalendarEntry *self,
                                                       const char *value);

G_END_DECLS
