/* mk-pkce.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* PKCE (RFC 7636, S256 only) and the OAuth "state", both from the kernel's
 * CSPRNG: GOA uses neither a random verifier nor a state check, we use both. */

/* 32 random bytes, base64url without padding: 43 characters. */
char     *mk_pkce_new_verifier  (void);

/* BASE64URL (SHA256 (ASCII (@verifier))) without padding. NULL when
 * @verifier is not 43–128 characters of [A-Za-z0-9-._~]. */
char     *mk_pkce_challenge     (const char *verifier);

/* 32 random bytes (256 bits), base64url: 43 characters. */
char     *mk_oauth_new_state    (void);

/* Compares in constant time for equal lengths, so a wrong state cannot be
 * found byte by byte. NULL equals nothing. */
gboolean  mk_oauth_state_equal  (const char *expected,
                                 const char *received);

/* Fills @buffer from getrandom(); aborts if the kernel has no entropy source,
 * since anything weaker would make the state guessable. */
void      mk_oauth_random_bytes (guint8     *buffer,
                                 gsize       length);

/* base64url (RFC 4648 §5) without "=" padding. */
char     *mk_base64url_encode   (const guint8 *data,
                                 gsize         length);

G_END_DECLS
