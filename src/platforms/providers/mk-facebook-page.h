/* mk-facebook-page.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One Facebook Page that the connected person manages, as GET /me/accounts
 * lists it, for choosing which Page Mediakit reads. Deliberately without
 * the Page's access token: the sync asks for that afresh each time and
 * keeps it only in memory. Immutable; "id", "name" (may be NULL when
 * Facebook sent none) and "category" (may be NULL) are read-only
 * properties, for <lookup> expressions. */

#define MK_TYPE_FACEBOOK_PAGE (mk_facebook_page_get_type ())

G_DECLARE_FINAL_TYPE (MkFacebookPage, mk_facebook_page, MK, FACEBOOK_PAGE, GObject)

MkFacebookPage *mk_facebook_page_new          (const char     *id,
                                               const char     *name,
                                               const char     *category);
const char     *mk_facebook_page_get_id       (MkFacebookPage *self);
const char     *mk_facebook_page_get_name     (MkFacebookPage *self);
const char     *mk_facebook_page_get_category (MkFacebookPage *self);
/* The name, else the id: what to show a person. */
const char     *mk_facebook_page_get_title    (MkFacebookPage *self);

G_END_DECLS
