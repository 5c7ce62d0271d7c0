/* mk-redact.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The one place that decides what a secret looks like. Every logs row passes
 * through here before it reaches SQLite, so no caller has to remember.
 *
 * Secret names (any letter case): access_token, refresh_token, code,
 * code_verifier, device_code, client_secret, fb_exchange_token, input_token,
 * password, and Authorization headers. Only exact names count: postcode,
 * country_code, error_code, code_challenge (public by design in PKCE) and
 * access_token_type are kept.
 *
 * "code" is both the OAuth authorization code and Meta's numeric error code
 * ({"error":{"code":190}}), which a log must keep to be of any use. So in
 * JSON a "code" member is redacted unless its value is a number, boolean or
 * null, and in "code: 190" text pairs a bare integer is kept; in query
 * strings and form bodies (code=…) it is always redacted. */

#define MK_REDACTED "[REDACTED]"

gboolean  mk_redact_is_secret_name (const char *name);

/* Free text: URLs and query strings (names and delimiters may be percent
 * encoded, once or twice, as in a redirect_uri), form bodies,
 * "Authorization: Bearer …" header lines (the scheme is kept), a bare
 * "Bearer …", "name=value" and "name: value" pairs (the latter to the end of
 * the line), and "name":"value" pairs of JSON that did not parse or sits
 * escaped inside a string. Returns a new string; NULL gives NULL. */
char     *mk_redact_text           (const char *text);

/* JSON at any depth: a member whose name is secret gets MK_REDACTED as its
 * whole value (object, array, number or string; null and "" are kept since
 * they hide nothing); every other string value goes through
 * mk_redact_text(). Returns a new node; @node is not changed. NULL gives
 * NULL. */
JsonNode *mk_redact_json_node      (JsonNode   *node);

/* Same on JSON text. Text that is not valid JSON (including "") is returned
 * as a JSON string holding mk_redact_text() of it, so the result is always
 * valid JSON. NULL gives NULL. */
char     *mk_redact_json_text      (const char *json_text);

G_END_DECLS
