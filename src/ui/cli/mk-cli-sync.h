/* mk-cli-sync.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-context.h"

G_BEGIN_DECLS

/* --sync for @context's account (its user id set): fetches every connected
 * platform, prints one line per platform — followers, engagement rate and
 * media count, or what went wrong — and waits for the thumbnails. 0 when
 * every platform was updated; 1 when one failed or nothing is connected. */
int mk_cli_sync (MkContext *context);

G_END_DECLS
