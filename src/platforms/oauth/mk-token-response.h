/* mk-token-response.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mk-oauth-error.h"

G_BEGIN_DECLS

/* What a token endpoint gave: Google's and RFC 6749's flat object,
 * Instagram's {"data":[{…}]} code exchange, Meta's long-lived exchange and
 * refresh, device-flow success. The secrets are wiped when it is freed. */
typedef struct
{
  char   *access_token;
  char   *refresh_token;  /* NULL when none came (usual on refresh) */
  gint64  expires_in;     /* seconds; 0 when the token does not expire or it is unknown */
  char   *scope;          /* space- or comma-separated, as sent; may be NULL */
  char   *user_id;        /* Instagram's code exchange only; numbers become text */
} MkTokenResponse;

#define MK_TYPE_TOKEN_RESPONSE (mk_token_response_get_type ())

GType            mk_token_response_get_type (void) G_GNUC_CONST;
MkTokenResponse *mk_token_response_new      (void);
MkTokenResponse *mk_token_response_copy     (const MkTokenResponse *self);
void             mk_token_response_free     (MkTokenResponse       *self);

/* Parses a token endpoint's answer. Errors are MK_OAUTH_ERROR: the
 * RFC 6749 "error" string (invalid_grant, invalid_client, access_denied,
 * expired_token, authorization_pending, slow_down), Meta's Graph error object
 * (190 → INVALID_TOKEN, device subcodes, rate-limit codes), Instagram's
 * {"error_type","error_message"}, an HTML page or 5xx (SERVER) and broken
 * JSON (MALFORMED). */
MkTokenResponse *mk_token_response_parse    (guint                  status,
                                             const char            *content_type,
                                             GBytes                *body,
                                             GError               **error);

/* The same classification for any API answer (not only token endpoints).
 * Returns TRUE and sets @error when the answer is an error; FALSE for a
 * success, with @out_root (optional) set to the parsed JSON root. */
gboolean         mk_oauth_check_response    (guint                  status,
                                             const char            *content_type,
                                             GBytes                *body,
                                             JsonNode             **out_root,
                                             GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkTokenResponse, mk_token_response_free)

G_END_DECLS
