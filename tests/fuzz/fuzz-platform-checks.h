/* fuzz-platform-checks.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What every platform's response mapper promises, whatever the bytes: an
 * MK_PLATFORM_ERROR, or results the store will take once the sync service
 * has given them an owner (each passes its model's validation), and paging
 * links that are absolute http(s):// URLs. Static in a header so that each
 * harness is one self-contained program. */

#include <stdint.h>
#include <string.h>

#include "mk-media-item.h"
#include "mk-metrics-snapshot.h"
#include "mk-platform-error.h"

#define FUZZ_USER_ID "6f1c1a52-3c55-4c3e-9d53-8f0e6b1b6a10"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static G_GNUC_UNUSED void
check_error (gboolean  ok,
             GError   *error)
{
  if (ok)
    {
      g_assert_no_error (error);
      return;
    }
  g_assert_nonnull (error);
  g_assert_true (error->domain == MK_PLATFORM_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static G_GNUC_UNUSED void
check_snapshot (MkMetricsSnapshot *snapshot,
                GError            *error)
{
  check_error (snapshot != NULL, error);
  if (snapshot == NULL)
    return;

  mk_metrics_snapshot_set_user_id (snapshot, FUZZ_USER_ID);
  g_assert_true (mk_metrics_snapshot_validate (snapshot, &error));
  g_assert_no_error (error);
}

static G_GNUC_UNUSED void
check_items (gboolean   ok,
             GPtrArray *items,
             GError    *error)
{
  check_error (ok, error);

  for (guint i = 0; i < items->len; i++)
    {
      MkMediaItem *item = g_ptr_array_index (items, i);
      g_autoptr(GError) item_error = NULL;

      mk_media_item_set_user_id (item, FUZZ_USER_ID);
      mk_media_item_set_fetched_at (item, "2026-11-24T18:20:00Z");
      g_assert_true (mk_media_item_validate (item, &item_error));
      g_assert_no_error (item_error);
    }
}

static G_GNUC_UNUSED void
check_next_url (const char *url)
{
  if (url == NULL)
    return;
  g_assert_true (g_utf8_validate (url, -1, NULL));
  /* http:// too: MEDIAKIT_ENDPOINTS may point an origin at a loopback
   * server, and mk-endpoints refuses any other plain-http origin. */
  g_assert_true (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"));
  for (const char *p = url; *p != '\0'; p++)
    g_assert_true ((guchar) *p > 0x20 && *p != 0x7f);
}
