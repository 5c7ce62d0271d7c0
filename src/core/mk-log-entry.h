/* mk-log-entry.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include "mk-enums.h"

G_BEGIN_DECLS

/* One row of `logs`: something that happened, for the activity pane and for
 * debugging. Written only through mk_store_log(), which redacts secrets. */

#define MK_TYPE_LOG_ENTRY (mk_log_entry_get_type ())

G_DECLARE_FINAL_TYPE (MkLogEntry, mk_log_entry, MK, LOG_ENTRY, GObject)

MkLogEntry * mk_log_entry_new                  (void);
MkLogEntry * mk_log_entry_copy                 (MkLogEntry *self);
/* Every field at once, copied, without a notification per field: for
 * readers that build a page of rows at a time. */
MkLogEntry * mk_log_entry_new_full             (const char  *id,
                                                const char  *user_id,
                                                MkPlatform   platform,
                                                const char  *action,
                                                MkLogStatus  status,
                                                const char  *message,
                                                const char  *request_payload,
                                                const char  *response_payload,
                                                const char  *ip_address,
                                                const char  *created_at);
gboolean     mk_log_entry_validate             (MkLogEntry *self,
                                                GError **error);
const char * mk_log_entry_get_id               (MkLogEntry *self);
void         mk_log_entry_set_id               (MkLogEntry *self,
                                                const char *value);
const char * mk_log_entry_get_user_id          (MkLogEntry *self);
void         mk_log_entry_set_user_id          (MkLogEntry *self,
                                                const char *value);
MkPlatform   mk_log_entry_get_platform         (MkLogEntry *self);
void         mk_log_entry_set_platform         (MkLogEntry *self,
                                                MkPlatform value);
const char * mk_log_entry_get_action           (MkLogEntry *self);
void         mk_log_entry_set_action           (MkLogEntry *self,
                                                const char *value);
MkLogStatus  mk_log_entry_get_status           (MkLogEntry *self);
void         mk_log_entry_set_status           (MkLogEntry *self,
                                                MkLogStatus value);
const char * mk_log_entry_get_message          (MkLogEntry *self);
void         mk_log_entry_set_message          (MkLogEntry *self,
                                                const char *value);
const char * mk_log_entry_get_request_payload  (MkLogEntry *self);
void         mk_log_entry_set_request_payload  (MkLogEntry *self,
                                                const char *value);
const char * mk_log_entry_get_response_payload (MkLogEntry *self);
void         mk_log_entry_set_response_payload (MkLogEntry *self,
                                                const char *value);
const char * mk_log_entry_get_ip_address       (MkLogEntry *self);
void         mk_log_entry_set_ip_address       (MkLogEntry *self,
                                                const char *value);
const char * mk_log_entry_get_created_at       (MkLogEntry *self);
void         mk_log_entry_set_created_at       (MkLogEntry *self,
                                                const char *value);

G_END_DECLS
