/* mk-account-page.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mk-context.h"

G_BEGIN_DECLS

#define MK_TYPE_ACCOUNT_PAGE (mk_account_page_get_type ())

G_DECLARE_FINAL_TYPE (MkAccountPage, mk_account_page, MK, ACCOUNT_PAGE, AdwPreferencesPage)

/* Preferences → Account, for the signed-in account of @context: its email,
 * Edit Profile, Change Password and Delete Account. Deleting signs out,
 * which the application answers with the account window. */
GtkWidget *mk_account_page_new         (MkContext     *context);
/* For a page built from a template: once, before it shows. */
void       mk_account_page_set_context (MkAccountPage *self,
                                        MkContext     *context);

G_END_DECLS
