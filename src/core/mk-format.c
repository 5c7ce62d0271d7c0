/* mk-format.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "mk-format.h"

static const char *
thousands_separator (void)
{
  const struct lconv *conv = localeconv ();

  /* The C locale has none, yet "1234567" is hard to read on a media kit;
   * the comma is the most widely understood fallback. */
  if (conv->thousands_sep == NULL || *conv->thousands_sep == '\0'
      || !g_utf8_validate (conv->thousands_sep, -1, NULL))
    return ",";

  return conv->thousands_sep;
}

char *
mk_format_count (gint64 count)
{
  const char *separator = thousands_separator ();
  char digits[32];
  GString *out;
  gsize len;
  guint64 magnitude;

  magnitude = count < 0 ? (guint64) -(count + 1) + 1 : (guint64) count;
  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);
  len = strlen (digits);

  out = g_string_new (count < 0 ? "−" : NULL);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}
