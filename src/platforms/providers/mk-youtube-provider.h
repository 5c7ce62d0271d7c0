/* mk-youtube-provider.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-platform-provider.h"

G_BEGIN_DECLS

/* YouTube through Google's OAuth 2.0 for desktop apps: browser sign-in
 * (loopback redirect, PKCE, offline access for a refresh token), the device
 * flow, or a pasted token; access tokens are refreshed near expiry. */

#define MK_TYPE_YOUTUBE_PROVIDER (mk_youtube_provider_get_type ())

G_DECLARE_FINAL_TYPE (MkYouTubeProvider, mk_youtube_provider, MK, YOUTUBE_PROVIDER, MkPlatformProvider)

G_END_DECLS
