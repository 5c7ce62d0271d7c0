/* mk-instagram-provider.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-platform-provider.h"

G_BEGIN_DECLS

/* Instagram API with Instagram Login (professional accounts): browser
 * sign-in with the long-lived (60 day) exchange, or a pasted long-lived
 * token; refreshed with ig_refresh_token. */

#define MK_TYPE_INSTAGRAM_PROVIDER (mk_instagram_provider_get_type ())

G_DECLARE_FINAL_TYPE (MkInstagramProvider, mk_instagram_provider, MK, INSTAGRAM_PROVIDER, MkPlatformProvider)

G_END_DECLS
