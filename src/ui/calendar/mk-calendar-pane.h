/* mk-calendar-pane.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MK_TYPE_CALENDAR_PANE (mk_calendar_pane_get_type ())

G_DECLARE_FINAL_TYPE (MkCalendarPane, mk_calendar_pane, MK, CALENDAR_PANE, AdwBin)

G_END_DECLS
