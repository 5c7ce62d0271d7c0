/* mk-facebook-provider.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-platform-provider.h"

G_BEGIN_DECLS

/* Facebook Pages through the Graph API: Login for Devices (no secret
 * needed, only the client token), browser sign-in with the long-lived
 * exchange, or a pasted token. User tokens are not refreshable: when one
 * expires the person connects again. */

#define MK_TYPE_FACEBOOK_PROVIDER (mk_facebook_provider_get_type ())

G_DECLARE_FINAL_TYPE (MkFacebookProvider, mk_facebook_provider, MK, FACEBOOK_PROVIDER, MkPlatformProvider)

G_END_DECLS
