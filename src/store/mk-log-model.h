/* mk-log-model.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-paged-model.h"
#include "mk-store.h"

G_BEGIN_DECLS

#define MK_TYPE_LOG_MODEL (mk_log_model_get_type ())

G_DECLARE_FINAL_TYPE (MkLogModel, mk_log_model, MK, LOG_MODEL, MkPagedModel)

/* A GListModel of MkLogEntry, newest first, that never holds the whole
 * logs table: an MkPagedModel keyed on created_at and id, so a list
 * grows as it is scrolled. Its entries carry what a list shows (id, time,
 * action, platform, status, message); mk_log_model_load_details() reads
 * the rest. Rows written through the same MkStore that pass
 * the filter appear at the top as they are written. */
MkLogModel        *mk_log_model_new          (MkStore           *store,
                                              guint              page_size);
/* Copies @filter (NULL shows every row) and starts again from the first
 * page, which is read before this returns. */
void               mk_log_model_set_filter   (MkLogModel        *self,
                                              const MkLogFilter *filter);
const MkLogFilter *mk_log_model_get_filter   (MkLogModel        *self);
/* Reads the first page again (after a purge, say). */
void               mk_log_model_reload       (MkLogModel        *self);
/* Reads the next page now; returns how many rows it added (0 at the end). */
guint              mk_log_model_load_more    (MkLogModel        *self);
/* TRUE once the last row has been read. */
gboolean           mk_log_model_is_complete  (MkLogModel        *self);
/* The whole row behind @entry (an item of this model), payloads, user and
 * address included; NULL with @error set when it is gone. */
MkLogEntry        *mk_log_model_load_details (MkLogModel        *self,
                                              MkLogEntry        *entry,
                                              GError           **error);

G_END_DECLS
