/* mk-activity-details.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mk-log-entry.h"

G_BEGIN_DECLS

#define MK_TYPE_ACTIVITY_DETAILS (mk_activity_details_get_type ())

G_DECLARE_FINAL_TYPE (MkActivityDetails, mk_activity_details, MK, ACTIVITY_DETAILS, AdwWindow)

/* Every column of one logs row, the payloads pretty-printed. */
MkActivityDetails *mk_activity_details_new       (GtkWindow         *parent,
                                                  MkLogEntry        *entry);
MkLogEntry        *mk_activity_details_get_entry (MkActivityDetails *self);
/* The payload text as shown (for tests). */
char              *mk_activity_details_get_payload_text (MkActivityDetails *self,
                                                         gboolean           response);

G_END_DECLS
