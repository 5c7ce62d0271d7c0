/* mk-password.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <sodium.h>

#include "mk-password.h"
#include "mk-validate.h"

/* Argon2id at libsodium's "interactive" limits: 64 MiB and 2 passes. OWASP's
 * floor is 19 MiB with 2 passes; memory is what makes guessing expensive on
 * GPUs, so we take 3.4 times the floor while a sign-in still costs about
 * 100 ms on a laptop core (it runs in a worker thread). "Sensitive" (1 GiB)
 * would stall small machines and Flatpak sandboxes for seconds. Raising these
 * later is safe: old hashes are rehashed at the next sign-in. */
#define OPSLIMIT ((guint64) crypto_pwhash_OPSLIMIT_INTERACTIVE)
#define MEMLIMIT ((gsize) crypto_pwhash_MEMLIMIT_INTERACTIVE)

G_STATIC_ASSERT (crypto_pwhash_OPSLIMIT_INTERACTIVE >= 2);
G_STATIC_ASSERT (crypto_pwhash_MEMLIMIT_INTERACTIVE >= 19u * 1024u * 1024u);

G_DEFINE_QUARK (mk-password-error-quark, mk_password_error)

static void
ensure_sodium (void)
{
  /* Idempotent and thread-safe; it fails only without a random source,
   * where no hash could be trusted anyway. */
  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");
}

guint64
mk_password_get_opslimit (void)
{
  return OPSLIMIT;
}

gsize
mk_password_get_memlimit (void)
{
  return MEMLIMIT;
}

gboolean
mk_password_validate (const char  *password,
                      GError     **error)
{
  if (password == NULL || *password == '\0')
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_REQUIRED, "password",
                             _("Enter a password"));
      return FALSE;
    }

  if (!g_utf8_validate (password, -1, NULL))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_ENCODING, "password",
                             _("The password is not valid text"));
      return FALSE;
    }

  if (g_utf8_strlen (password, -1) < MK_PASSWORD_MIN_LENGTH)
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "password",
                             ngettext ("Use at least %d character",
                                       "Use at least %d characters",
                                       MK_PASSWORD_MIN_LENGTH),
                             MK_PASSWORD_MIN_LENGTH);
      return FALSE;
    }

  return TRUE;
}

char *
mk_password_hash_with_limits (const char  *password,
                              guint64      opslimit,
                              gsize        memlimit,
                              GError     **error)
{
  char out[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (password != NULL, NULL);

  ensure_sodium ();

  if (crypto_pwhash_str_alg (out, password, strlen (password),
                             opslimit, memlimit,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, MK_PASSWORD_ERROR, MK_PASSWORD_ERROR_FAILED,
                           _("There is not enough memory to protect the password. Close other applications and try again."));
      return NULL;
    }

  return g_strdup (out);
}

char *
mk_password_hash (const char  *password,
                  GError     **error)
{
  return mk_password_hash_with_limits (password, OPSLIMIT, MEMLIMIT, error);
}

gboolean
mk_password_verify (const char *hash,
                    const char *password)
{
  if (hash == NULL || password == NULL)
    return FALSE;

  ensure_sodium ();

  /* Only our own format: a string libsodium does not recognise ("!") fails
   * without any work. */
  if (!g_str_has_prefix (hash, crypto_pwhash_argon2id_STRPREFIX))
    return FALSE;

  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

gboolean
mk_password_needs_rehash (const char *hash)
{
  if (hash == NULL)
    return TRUE;

  ensure_sodium ();

  /* Non-zero means other limits, another algorithm, or not a hash. */
  return crypto_pwhash_str_needs_rehash (hash, OPSLIMIT, MEMLIMIT) != 0;
}

void
mk_password_free (char *password)
{
  if (password == NULL)
    return;

  sodium_memzero (password, strlen (password));
  g_free (password);
}
