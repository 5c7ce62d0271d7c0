/* mk-window.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mk-context.h"

G_BEGIN_DECLS

#define MK_TYPE_WINDOW (mk_window_get_type ())

G_DECLARE_FINAL_TYPE (MkWindow, mk_window, MK, WINDOW, AdwApplicationWindow)

MkWindow   *mk_window_new         (GtkApplication *app,
                                   MkContext      *context);
MkContext  *mk_window_get_context (MkWindow       *self);
void        mk_window_add_toast   (MkWindow       *self,
                                   AdwToast       *toast);
const char *mk_window_get_section (MkWindow       *self);
void        mk_window_set_section (MkWindow       *self,
                                   const char     *name);

G_END_DECLS
