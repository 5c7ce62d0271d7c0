/* fuzz-instagram.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Instagram's response mappers (GET /me, GET /me/media) on any bytes; see
 * fuzz-platform-checks.h for what they must hold to. */

#include "config.h"

#include "fuzz-platform-checks.h"
#include "mk-instagram-fetch.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) page_error = NULL;
  g_autoptr(MkMetricsSnapshot) counts = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *next_url = NULL;
  gboolean ok;

  counts = mk_instagram_parse_counts (text, size, &error);
  check_snapshot (counts, error);

  ok = mk_instagram_parse_media_page (text, size, items, &next_url, &page_error);
  check_items (ok, items, page_error);
  check_next_url (next_url);
  if (!ok)
    g_assert_null (next_url);

  return 0;
}
