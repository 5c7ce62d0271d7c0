/* mk-sync-waits.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mk-enums.h"

G_BEGIN_DECLS

/* How long a platform asked Mediakit to wait, kept across restarts.
 *
 * A platform that limits requests (HTTP 429, Meta's codes 4/17/32/613,
 * YouTube's daily quota) says when to come back, or the back-off decides.
 * Kept only in memory, a restarted window or a `--sync` from a timer would
 * ask again at once and dig the hole deeper, so the waits live in a small
 * key file beside the database, one group per account. It holds times and
 * counts only: no token, no message. */
typedef struct
{
  gint64   retry_at;  /* Unix seconds, UTC; 0 when not waiting */
  guint    failures;  /* limits in a row, for the back-off's growth */
  gboolean quota;     /* a daily quota rather than a rate limit */
} MkSyncWait;

char     *mk_sync_waits_path  (const char       *db_path);

/* Fills @waits (one per @platforms entry) for @user_id. A missing file, a
 * missing group or a value that does not parse gives zeroed waits: the
 * worst outcome is one request too early. */
void      mk_sync_waits_read  (const char       *path,
                               const char       *user_id,
                               const MkPlatform *platforms,
                               MkSyncWait       *waits,
                               guint             n_platforms);

/* Replaces @user_id's group, keeping other accounts', and writes the file
 * atomically. Blocking: call it from a worker thread. */
gboolean  mk_sync_waits_write (const char       *path,
                               const char       *user_id,
                               const MkPlatform *platforms,
                               const MkSyncWait *waits,
                               guint             n_platforms,
                               GError          **error);

G_END_DECLS
