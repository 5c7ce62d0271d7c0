/* mk-profile-editor.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mk-store.h"

G_BEGIN_DECLS

#define MK_TYPE_PROFILE_EDITOR (mk_profile_editor_get_type ())

G_DECLARE_FINAL_TYPE (MkProfileEditor, mk_profile_editor, MK, PROFILE_EDITOR, AdwWindow)

/* The profile form of @user_id: starts from the saved profile, or an empty
 * one. Saving goes through mk_store_profiles_save() and writes an
 * "update_profile" logs row in the same transaction. */
MkProfileEditor *mk_profile_editor_new (GtkWindow  *parent,
                                        MkStore    *store,
                                        const char *user_id);

G_END_DECLS
