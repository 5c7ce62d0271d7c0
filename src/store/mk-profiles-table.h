/* mk-profiles-table.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-profile.h"

G_BEGIN_DECLS

typedef struct _MkStore MkStore;

/* Insert or replace the profile of mk_profile_get_user_id(). A slug that
 * another account uses fails with MK_STORE_ERROR_CONSTRAINT. */
gboolean    mk_store_profiles_save          (MkStore     *store,
                                             MkProfile   *profile,
                                             GError     **error);
MkProfile  *mk_store_profiles_get           (MkStore     *store,
                                             const char  *user_id,
                                             GError     **error);
MkProfile  *mk_store_profiles_find_by_slug  (MkStore     *store,
                                             const char  *slug,
                                             GError     **error);
/* TRUE when a profile other than @except_user_id's (nullable) has @slug.
 * On error returns FALSE and sets @error. */
gboolean    mk_store_profiles_slug_taken    (MkStore     *store,
                                             const char  *slug,
                                             const char  *except_user_id,
                                             GError     **error);

G_END_DECLS
