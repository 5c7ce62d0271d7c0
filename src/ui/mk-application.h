/* mk-application.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mk-context.h"

G_BEGIN_DECLS

#define MK_TYPE_APPLICATION (mk_application_get_type ())

G_DECLARE_FINAL_TYPE (MkApplication, mk_application, MK, APPLICATION, AdwApplication)

MkApplication *mk_application_new             (void);
MkContext     *mk_application_get_context     (MkApplication *self);
int            mk_application_get_exit_status (MkApplication *self);

gboolean       mk_application_quit_after_first_frame_requested (void);

G_END_DECLS
