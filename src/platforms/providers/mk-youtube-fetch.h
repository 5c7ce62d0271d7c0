/* mk-youtube-fetch.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-platform-provider.h"

G_BEGIN_DECLS

/* YouTube Data API v3: channels?mine=true (counts, and the uploads
 * playlist), playlistItems (the uploads, paged by nextPageToken) and
 * videos (statistics of ≤ 50 ids). Every call costs quota, so nothing
 * else is asked. Counts arrive as strings. Pure parsers of successful
 * answers, for tests and fuzzing; MK_PLATFORM_ERROR_MALFORMED or
 * NOT_FOUND. */

/* subscriberCount (-1 when hidden), videoCount, viewCount; *@uploads
 * (optional) is contentDetails.relatedPlaylists.uploads or NULL. NOT_FOUND
 * when the account has no channel. */
MkMetricsSnapshot *mk_youtube_parse_channel       (const char  *data,
                                                   gsize        len,
                                                   char       **uploads,
                                                   GError     **error);
/* Appends the video ids (char *) of one uploads page to @video_ids;
 * *@next_page_token (optional) is nextPageToken or NULL on the last. */
gboolean           mk_youtube_parse_playlist_page (const char  *data,
                                                   gsize        len,
                                                   GPtrArray   *video_ids,
                                                   char       **next_page_token,
                                                   GError     **error);
/* Appends one MkMediaItem (type "video") per video to @out, in the
 * answer's order. */
gboolean           mk_youtube_parse_videos        (const char  *data,
                                                   gsize        len,
                                                   GPtrArray   *out,
                                                   GError     **error);

void               mk_youtube_fetch_install       (MkPlatformProviderClass *klass);

G_END_DECLS
