/* mk-password.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MK_PASSWORD_ERROR (mk_password_error_quark ())

typedef enum {
  MK_PASSWORD_ERROR_FAILED,   /* the hash could not be computed (out of memory) */
} MkPasswordError;

GQuark    mk_password_error_quark        (void);

#define MK_PASSWORD_MIN_LENGTH 8

/* The Argon2id cost of every new hash; see mk-password.c for why. */
guint64   mk_password_get_opslimit       (void);
gsize     mk_password_get_memlimit       (void);

/* At least MK_PASSWORD_MIN_LENGTH characters; an MK_VALIDATE_ERROR on the
 * field "password". */
gboolean  mk_password_validate           (const char  *password,
                                          GError     **error);

/* A crypto_pwhash_str() string ("$argon2id$v=19$m=…,t=…,p=1$…"). Slow on
 * purpose (~100 ms and 64 MiB): call it from a worker thread. */
char     *mk_password_hash               (const char  *password,
                                          GError     **error);
/* The same with other limits, so a test can make an "old" hash cheaply. */
char     *mk_password_hash_with_limits   (const char  *password,
                                          guint64      opslimit,
                                          gsize        memlimit,
                                          GError     **error);

/* FALSE for a wrong password and for anything that is not a hash (the demo
 * account's "!"). Slow like mk_password_hash(). */
gboolean  mk_password_verify             (const char  *hash,
                                          const char  *password);

/* TRUE when @hash was made with other limits than today's. */
gboolean  mk_password_needs_rehash       (const char  *hash);

/* Overwrites a password's bytes before freeing them. */
void      mk_password_free               (char        *password);

typedef char MkPassword;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkPassword, mk_password_free)

G_END_DECLS
