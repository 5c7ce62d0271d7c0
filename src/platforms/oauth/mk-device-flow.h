/* mk-device-flow.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-platform-provider.h"

G_BEGIN_DECLS

/* Device sign-in (RFC 8628; Facebook Login for Devices, Google's device
 * flow): asks for a code, says "code-ready" once the person can be shown
 * the user code and the address, then polls at the interval the platform
 * gave, 5 s slower after every slow_down, until a token, a refusal or the
 * code's expiry. */

#define MK_TYPE_DEVICE_FLOW (mk_device_flow_get_type ())

G_DECLARE_FINAL_TYPE (MkDeviceFlow, mk_device_flow, MK, DEVICE_FLOW, GObject)

MkDeviceFlow    *mk_device_flow_new                  (MkPlatformProvider        *provider,
                                                      MkHttp                    *http,
                                                      const MkClientCredentials *creds);
/* Milliseconds per "second" of the platform's interval and expiry; tests
 * make it small. Default 1000. */
void             mk_device_flow_set_time_unit        (MkDeviceFlow              *self,
                                                      guint                      milliseconds);
/* NULL until "code-ready". */
const char      *mk_device_flow_get_user_code        (MkDeviceFlow              *self);
const char      *mk_device_flow_get_verification_uri (MkDeviceFlow              *self);
/* The current polling interval in seconds (grows with slow_down). */
guint            mk_device_flow_get_interval         (MkDeviceFlow              *self);
guint            mk_device_flow_get_poll_count       (MkDeviceFlow              *self);

void             mk_device_flow_run_async            (MkDeviceFlow              *self,
                                                      const char                *user_id,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
MkTokenResponse *mk_device_flow_run_finish           (MkDeviceFlow              *self,
                                                      GAsyncResult              *result,
                                                      GError                   **error);

G_END_DECLS
