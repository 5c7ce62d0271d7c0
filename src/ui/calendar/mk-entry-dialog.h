/* mk-entry-dialog.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mk-store.h"

G_BEGIN_DECLS

#define MK_TYPE_ENTRY_DIALOG (mk_entry_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MkEntryDialog, mk_entry_dialog, MK, ENTRY_DIALOG, AdwWindow)

/* The "Add Calendar" form: with @entry NULL it adds an entry of @user_id
 * on @date ("YYYY-MM-DD"), otherwise it edits a copy of @entry. Saving
 * goes through mk_store_calendar_create() / _edit(), which log. */
MkEntryDialog *mk_entry_dialog_new (GtkWindow       *parent,
                                    MkStore         *store,
                                    const char      *user_id,
                                    const char      *date,
                                    MkCalendarEntry *entry);

G_END_DECLS
