/* mk-instagram-fetch.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-platform-provider.h"

G_BEGIN_DECLS

/* Instagram API with Instagram Login: GET /me (counts) and GET /me/media
 * (recent media, paged by paging.next). The parsers are pure functions of
 * a successful answer's bytes (errors are mk_meta_check_response()'s job),
 * for tests and fuzzing; they set MK_PLATFORM_ERROR_MALFORMED. */

/* followers_count, media_count; view_count stays -1. */
MkMetricsSnapshot *mk_instagram_parse_counts     (const char  *data,
                                                  gsize        len,
                                                  GError     **error);
/* Appends MkMediaItem to @out; *@next_url (optional) is paging.next or
 * NULL on the last page. An item without a usable id is skipped. */
gboolean           mk_instagram_parse_media_page (const char  *data,
                                                  gsize        len,
                                                  GPtrArray   *out,
                                                  char       **next_url,
                                                  GError     **error);

void               mk_instagram_fetch_install    (MkPlatformProviderClass *klass);

G_END_DECLS
