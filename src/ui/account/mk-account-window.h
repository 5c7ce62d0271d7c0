/* mk-account-window.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mk-account-service.h"

G_BEGIN_DECLS

#define MK_TYPE_ACCOUNT_WINDOW (mk_account_window_get_type ())

G_DECLARE_FINAL_TYPE (MkAccountWindow, mk_account_window, MK, ACCOUNT_WINDOW, AdwApplicationWindow)

/* Sign-up on the first run, the chooser when the workspace holds several
 * accounts, else sign-in. Success shows in the context's user-id; whoever
 * owns the window swaps it for the main window then. */
MkAccountWindow *mk_account_window_new           (GtkApplication   *application,
                                                  MkAccountService *service);

/* The sign-in page for @email (after Lock). */
void             mk_account_window_show_sign_in  (MkAccountWindow  *self,
                                                  const char       *email);

/* "sign-up", "chooser" or "sign-in". */
const char      *mk_account_window_get_page      (MkAccountWindow  *self);

/* TRUE once an account was created here (and signed in): its profile is
 * still to be made. */
gboolean         mk_account_window_get_signed_up (MkAccountWindow  *self);

G_END_DECLS
