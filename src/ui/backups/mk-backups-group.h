/* mk-backups-group.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mk-context.h"

G_BEGIN_DECLS

#define MK_TYPE_BACKUPS_GROUP (mk_backups_group_get_type ())

G_DECLARE_FINAL_TYPE (MkBackupsGroup, mk_backups_group, MK, BACKUPS_GROUP, AdwPreferencesGroup)

/* The Backups group of Preferences: the daily backups with their date and
 * size, Back Up Now, and Restore… on each (after a confirmation; the app
 * quits once the database was replaced, as its open connection belongs to
 * the old file). */
void mk_backups_group_set_context (MkBackupsGroup *self,
                                   MkContext      *context);

G_END_DECLS
