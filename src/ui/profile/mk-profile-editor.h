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

/* For an account without a profile: a display name and a free page
 * address made from its email. They are where the form starts, so closing
 * it untouched asks nothing and saves nothing. */
void             mk_profile_editor_fill_defaults   (MkProfileEditor *self);

/* Where the file chooser's answer goes (tests call it directly): the
 * picture is checked, scaled and copied in a worker thread; an error shows
 * on the picture row and the previous picture stays. */
void             mk_profile_editor_set_avatar_file (MkProfileEditor *self,
                                                    GFile           *file);
/* TRUE while a picture is being read. */
gboolean         mk_profile_editor_get_busy        (MkProfileEditor *self);

G_END_DECLS
