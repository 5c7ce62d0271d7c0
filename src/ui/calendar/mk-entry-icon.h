/* mk-entry-icon.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-calendar-entry.h"

G_BEGIN_DECLS

/* The symbolic icon of a calendar entry, the same in the month's chips and
 * in the lists: a camera for a shoot, the platform's mark for an upload. */
const char *mk_entry_icon_name (MkCalendarEntry *entry);

G_END_DECLS
