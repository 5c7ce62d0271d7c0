/* mk-pkce.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-oauth"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "mk-pkce.h"

#define RANDOM_LENGTH 32

void
mk_oauth_random_bytes (guint8 *buffer,
                       gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = getrandom (buffer + done, length - done, 0);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          g_error ("getrandom() failed: %s", g_strerror (errno));
        }
      done += (gsize) n;
    }
}

char *
mk_base64url_encode (const guint8 *data,
                     gsize         length)
{
  char *text = g_base64_encode (data, length);
  char *out = text;

  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == '=')
        break;
      *out++ = *p == '+' ? '-' : *p == '/' ? '_' : *p;
    }
  *out = '\0';

  return text;
}

static char *
random_token (void)
{
  guint8 bytes[RANDOM_LENGTH];
  char *text;

  mk_oauth_random_bytes (bytes, sizeof bytes);
  text = mk_base64url_encode (bytes, sizeof bytes);
  memset (bytes, 0, sizeof bytes);

  return text;
}

char *
mk_pkce_new_verifier (void)
{
  return random_token ();
}

char *
mk_oauth_new_state (void)
{
  return random_token ();
}

char *
mk_pkce_challenge (const char *verifier)
{
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  gsize len;

  if (verifier == NULL)
    return NULL;

  len = strlen (verifier);
  if (len < 43 || len > 128)
    return NULL;
  for (const char *p = verifier; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-._~", *p) == NULL)
      return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) verifier, len);
  g_checksum_get_digest (checksum, digest, &digest_len);

  return mk_base64url_encode (digest, digest_len);
}

gboolean
mk_oauth_state_equal (const char *expected,
                      const char *received)
{
  gsize len;
  guint8 diff = 0;

  if (expected == NULL || received == NULL || *expected == '\0')
    return FALSE;

  len = strlen (expected);
  if (strlen (received) != len)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    diff |= (guint8) expected[i] ^ (guint8) received[i];

  return diff == 0;
}
