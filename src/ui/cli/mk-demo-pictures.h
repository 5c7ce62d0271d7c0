/* mk-demo-pictures.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-context.h"

G_BEGIN_DECLS

/* Draws a thumbnail for every cached media item of @user_id that has none,
 * into the sync service's thumbnail folder, and records it: the demo
 * workspace then shows pictures in the Portfolio grid and in the media kit
 * without any network. Drawn, not shipped, so the repository holds no
 * photos whose licence would need tracking. */
gboolean mk_demo_draw_thumbnails (MkContext   *context,
                                  const char  *user_id,
                                  GError     **error);

G_END_DECLS
