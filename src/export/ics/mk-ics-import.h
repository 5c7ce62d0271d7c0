/* mk-ics-import.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-store.h"

G_BEGIN_DECLS

/* Imports an iCalendar file (mk-ics-reader.h) into @user_id's calendar, all
 * or nothing, in one transaction.
 *
 * Duplicates are skipped, never overwritten: an event whose id (its UID, or
 * the id derived from a foreign UID) is already in the store, or appears
 * earlier in the same file (the exceptions of a recurring event), adds
 * nothing and is counted in @out_skipped. Importing our own export into the
 * workspace it came from therefore changes nothing, and importing it into a
 * fresh one restores it.
 *
 * Either way one `update_calendar` logs row says what happened: how many
 * entries were imported, or why the import failed. */
gboolean mk_ics_import_data        (MkStore       *store,
                                    const char    *user_id,
                                    const char    *data,
                                    gsize          length,
                                    guint         *out_imported,
                                    guint         *out_skipped,
                                    GError       **error);

/* Reads @path (refused past MK_ICS_MAX_FILE_SIZE before it is read) and
 * imports it; messages name @path's basename. */
gboolean mk_ics_import_file        (MkStore       *store,
                                    const char    *user_id,
                                    const char    *path,
                                    guint         *out_imported,
                                    guint         *out_skipped,
                                    GError       **error);

/* mk_ics_import_file() in a worker thread with its own store on @db_path
 * (mk_store_get_path() of the caller's). */
void     mk_ics_import_file_async  (const char          *db_path,
                                    const char          *user_id,
                                    const char          *path,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean mk_ics_import_file_finish (GAsyncResult        *result,
                                    guint               *out_imported,
                                    guint               *out_skipped,
                                    GError             **error);

G_END_DECLS
