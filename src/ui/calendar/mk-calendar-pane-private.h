/* mk-calendar-pane-private.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-calendar-pane.h"

G_BEGIN_DECLS

/* What Import Calendar… and Export Calendar… do with the file chosen, in
 * the background, ending in a toast; the file choosers call these, and so
 * can tests, which have no portal to choose with. */
void mk_calendar_pane_import_file (MkCalendarPane *self,
                                   GFile          *file);
void mk_calendar_pane_export_file (MkCalendarPane *self,
                                   GFile          *file);

G_END_DECLS
