/* mk-log-model.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-store.h"

G_BEGIN_DECLS

#define MK_TYPE_LOG_MODEL (mk_log_model_get_type ())

G_DECLARE_FINAL_TYPE (MkLogModel, mk_log_model, MK, LOG_MODEL, GObject)

/* A GListModel of MkLogEntry, newest first, that never holds the whole
 * logs table: it starts with one page and reads the next (keyset on
 * created_at, id) once a view asks for an item near its end, so a list
 * grows as it is scrolled. Rows written through the same MkStore that pass
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

G_END_DECLS
