/* mk-facebook-fetch.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-facebook-page.h"
#include "mk-platform-provider.h"

G_BEGIN_DECLS

/* Facebook Pages: the connection holds a user token, page calls want the
 * page's own token (Pages limits, error 32 otherwise), so every fetch
 * starts with GET /me/accounts, then asks the page (counts) or its /posts
 * (media, paged by paging.next). Pure parsers of successful answers, for
 * tests and fuzzing; MK_PLATFORM_ERROR_MALFORMED or NOT_FOUND. */

/* Picks the page whose id is @wanted_page_id, else the first one listed.
 * NOT_FOUND when the person manages no page; MALFORMED without a "data"
 * list. */
gboolean           mk_facebook_parse_accounts   (const char  *data,
                                                 gsize        len,
                                                 const char  *wanted_page_id,
                                                 char       **page_id,
                                                 char       **page_token,
                                                 GError     **error);
/* The Page picker's list: appends an MkFacebookPage per usable entry of
 * "data" to @out (ids already in @out are skipped, for paging), and
 * *@next_url as Instagram's. Page tokens in the answer are not kept, and
 * are zeroed in the parsed tree before it is freed. MALFORMED without a
 * "data" list; an empty list is a success. */
gboolean           mk_facebook_parse_page_list  (const char  *data,
                                                 gsize        len,
                                                 GListStore  *out,
                                                 char       **next_url,
                                                 GError     **error);
/* followers_count, else fan_count; media and views stay -1. */
MkMetricsSnapshot *mk_facebook_parse_page       (const char  *data,
                                                 gsize        len,
                                                 GError     **error);
/* Appends MkMediaItem (type "post") to @out; *@next_url as Instagram's. */
gboolean           mk_facebook_parse_posts_page (const char  *data,
                                                 gsize        len,
                                                 GPtrArray   *out,
                                                 char       **next_url,
                                                 GError     **error);

void               mk_facebook_fetch_install    (MkPlatformProviderClass *klass);

G_END_DECLS
