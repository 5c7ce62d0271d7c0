/* mk-profile.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The public face of an account: one row of `profiles`, keyed by user_id.
 * Budgets are whole amounts in @currency; -1 means "not set". */

#define MK_TYPE_PROFILE (mk_profile_get_type ())

G_DECLARE_FINAL_TYPE (MkProfile, mk_profile, MK, PROFILE, GObject)

MkProfile *          mk_profile_new              (void);
MkProfile *          mk_profile_copy             (MkProfile *self);
gboolean             mk_profile_validate         (MkProfile *self,
                                                  GError **error);
const char *         mk_profile_get_user_id      (MkProfile *self);
void                 mk_profile_set_user_id      (MkProfile *self,
                                                  const char *value);
const char *         mk_profile_get_slug         (MkProfile *self);
void                 mk_profile_set_slug         (MkProfile *self,
                                                  const char *value);
const char *         mk_profile_get_display_name (MkProfile *self);
void                 mk_profile_set_display_name (MkProfile *self,
                                                  const char *value);
const char *         mk_profile_get_bio          (MkProfile *self);
void                 mk_profile_set_bio          (MkProfile *self,
                                                  const char *value);
const char *         mk_profile_get_avatar_url   (MkProfile *self);
void                 mk_profile_set_avatar_url   (MkProfile *self,
                                                  const char *value);
const char * const * mk_profile_get_categories   (MkProfile *self);
void                 mk_profile_set_categories   (MkProfile *self,
                                                  const char * const *value);
gint64               mk_profile_get_budget_min   (MkProfile *self);
void                 mk_profile_set_budget_min   (MkProfile *self,
                                                  gint64 value);
gint64               mk_profile_get_budget_max   (MkProfile *self);
void                 mk_profile_set_budget_max   (MkProfile *self,
                                                  gint64 value);
const char *         mk_profile_get_currency     (MkProfile *self);
void                 mk_profile_set_currency     (MkProfile *self,
                                                  const char *value);

G_END_DECLS
