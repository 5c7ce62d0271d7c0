/* mk-agenda-model.h
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

#define MK_TYPE_AGENDA_MODEL (mk_agenda_model_get_type ())

G_DECLARE_FINAL_TYPE (MkAgendaModel, mk_agenda_model, MK, AGENDA_MODEL, MkPagedModel)

/* A GListModel of one user's MkCalendarEntry from a day on, in date and
 * time order, that never holds the whole table: it starts with one page and
 * reads the next (keyset on date, time, id) once a view asks for an item
 * near its end, so a list of 100,000 entries costs what has been scrolled.
 * Like MkMonthModel it reads again when a calendar edit is logged. */
MkAgendaModel          *mk_agenda_model_new          (MkStore                *store,
                                                      guint                   page_size);
void                    mk_agenda_model_set_user_id  (MkAgendaModel          *self,
                                                      const char             *user_id);
/* Like mk_agenda_model_set_user_id(), but the first page is read in a
 * worker thread on a read-only connection of its own; the model is empty
 * until then. A reload made meanwhile wins. */
void                    mk_agenda_model_set_user_id_async  (MkAgendaModel       *self,
                                                            const char          *user_id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean                mk_agenda_model_set_user_id_finish (MkAgendaModel       *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
/* "YYYY-MM-DD"; the first day shown (today, unless set). */
void                    mk_agenda_model_set_from_date (MkAgendaModel         *self,
                                                      const char             *date);
const char             *mk_agenda_model_get_from_date (MkAgendaModel         *self);
void                    mk_agenda_model_set_filter   (MkAgendaModel          *self,
                                                      const MkCalendarFilter *filter);
/* Reads the first page again; rows already read are dropped. */
void                    mk_agenda_model_reload       (MkAgendaModel          *self);
/* Reads the next page now; returns how many rows it added (0 at the end). */
guint                   mk_agenda_model_load_more    (MkAgendaModel          *self);
gboolean                mk_agenda_model_is_complete  (MkAgendaModel          *self);

G_END_DECLS
