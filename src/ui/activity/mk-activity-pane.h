/* mk-activity-pane.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MK_TYPE_ACTIVITY_PANE (mk_activity_pane_get_type ())

G_DECLARE_FINAL_TYPE (MkActivityPane, mk_activity_pane, MK, ACTIVITY_PANE, AdwBin)

G_END_DECLS
