/* mk-endpoints.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where each official origin really is. Tests and proxies replace origins
 * through the environment:
 *
 *   MEDIAKIT_ENDPOINTS="https://graph.instagram.com=http://127.0.0.1:8080,https://www.googleapis.com=http://127.0.0.1:8080"
 *
 * Every URL the app requests or opens goes through mk_endpoints_map(), API
 * calls, paging links and OAuth authorize/token URLs alike, so nothing
 * slips past to the real service during a test. */

#define MK_ENDPOINTS_ENV "MEDIAKIT_ENDPOINTS"

#define MK_ENDPOINTS_ERROR (mk_endpoints_error_quark ())

/**
 * MkEndpointsError:
 * @MK_ENDPOINTS_ERROR_INVALID: an entry is not "official-origin=replacement-origin",
 *   a side is not an origin (a path, query, fragment or user name is there),
 *   the official side is not a service Mediakit talks to, or it is listed twice.
 * @MK_ENDPOINTS_ERROR_INSECURE: a replacement uses plain http:// on a host
 *   that is not loopback, which would send tokens over the network in clear.
 *
 * Messages name the offending entry.
 */
typedef enum
{
  MK_ENDPOINTS_ERROR_INVALID,
  MK_ENDPOINTS_ERROR_INSECURE,
} MkEndpointsError;

GQuark mk_endpoints_error_quark (void);

#define MK_TYPE_ENDPOINTS (mk_endpoints_get_type ())

G_DECLARE_FINAL_TYPE (MkEndpoints, mk_endpoints, MK, ENDPOINTS, GObject)

/* The official origins an entry may replace, NULL-terminated. */
const char * const *mk_endpoints_get_official_origins (void);

/* An empty or NULL @spec (or unset variable) maps every URL to itself. */
MkEndpoints *mk_endpoints_parse        (const char   *spec,
                                        GError      **error);
MkEndpoints *mk_endpoints_new_from_env (GError      **error);

/* Rewrites the origin (scheme, host, port) of @url when it is a replaced
 * official origin, keeping path, query and fragment byte for byte. Any
 * other URL, or text that is not an absolute URL, comes back unchanged.
 * NULL gives NULL. */
char        *mk_endpoints_map          (MkEndpoints  *self,
                                        const char   *url);

/* Whether @url is on @origin ("https://host[:port]", no trailing slash):
 * the same origin followed by a path, a query or nothing. Paging links come
 * from the platforms' answers and tokens travel with them, so they are
 * followed only to the origin that was asked. */
gboolean     mk_endpoints_url_is_on_origin (const char *url,
                                            const char *origin);

/* Whether any origin is replaced, e.g. to say so once at start-up. */
gboolean     mk_endpoints_is_identity  (MkEndpoints  *self);

G_END_DECLS
