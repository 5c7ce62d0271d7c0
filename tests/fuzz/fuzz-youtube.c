/* fuzz-youtube.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* YouTube's response mappers (channels?mine, playlistItems, videos) on any
 * bytes; see fuzz-platform-checks.h for what they must hold to. */

#include "config.h"

#include "fuzz-platform-checks.h"
#include "mk-youtube-fetch.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GError) channel_error = NULL;
  g_autoptr(GError) playlist_error = NULL;
  g_autoptr(GError) videos_error = NULL;
  g_autoptr(MkMetricsSnapshot) channel = NULL;
  g_autoptr(GPtrArray) video_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *uploads = NULL;
  g_autofree char *next_page = NULL;
  gboolean ok;

  channel = mk_youtube_parse_channel (text, size, &uploads, &channel_error);
  check_snapshot (channel, channel_error);
  if (uploads != NULL)
    g_assert_true (g_utf8_validate (uploads, -1, NULL));

  ok = mk_youtube_parse_playlist_page (text, size, video_ids, &next_page, &playlist_error);
  check_error (ok, playlist_error);
  for (guint i = 0; i < video_ids->len; i++)
    {
      const char *id = g_ptr_array_index (video_ids, i);

      g_assert_nonnull (id);
      g_assert_cmpstr (id, !=, "");
      g_assert_true (g_utf8_validate (id, -1, NULL));
    }
  if (next_page != NULL)
    g_assert_true (g_utf8_validate (next_page, -1, NULL));

  ok = mk_youtube_parse_videos (text, size, items, &videos_error);
  check_items (ok, items, videos_error);

  return 0;
}
