/* fuzz-html-escape.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The HTML exporter's escaping on any bytes (NULs and invalid UTF-8
 * included): the result is valid UTF-8 with no raw < > " ' and no '&' that
 * does not start one of the references the escaper writes, so no input can
 * end the element or attribute it lands in; attributes stay on one line; no
 * C0/C1 control survives. mk_html_safe_url() lets through only absolute
 * https:// URLs without whitespace, controls or backslashes. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "mk-html-escape.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static gsize
reference_length (const char *p)
{
  static const char * const named[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;",
                                        "&#9;", "&#10;", "&#13;" };

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (g_str_has_prefix (p, named[i]))
      return strlen (named[i]);

  return 0;
}

static void
check_escaped (const char *out,
               gboolean    for_attribute)
{
  g_assert_nonnull (out);
  g_assert_true (g_utf8_validate (out, -1, NULL));

  for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_true (c != '<' && c != '>' && c != '"' && c != '\'');
      if (c == '&')
        {
          gsize n = reference_length (p);

          g_assert_cmpuint (n, >, 0);
          if (!for_attribute)
            g_assert_false (g_str_has_prefix (p, "&#9;") || g_str_has_prefix (p, "&#10;")
                            || g_str_has_prefix (p, "&#13;"));
          p += n - 1;
          continue;
        }
      if (for_attribute)
        g_assert_true (c != '\t' && c != '\n' && c != '\r');
      g_assert_true (c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
      g_assert_false (c >= 0x7f && c <= 0x9f);
      g_assert_false ((c & 0xfffe) == 0xfffe);
    }
}

static void
check_url (const char *url)
{
  g_autofree char *safe = mk_html_safe_url (url);

  if (safe == NULL)
    return;

  g_assert_cmpstr (safe, ==, url);
  g_assert_true (g_ascii_strncasecmp (safe, "https://", 8) == 0);
  g_assert_true (g_utf8_validate (safe, -1, NULL));
  for (const char *p = safe; *p != '\0'; p++)
    g_assert_true ((guchar) *p > 0x20 && *p != 0x7f && *p != '\\');
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autofree char *attr = NULL;
  g_autofree char *text_nul = NULL;
  g_autofree char *terminated = g_malloc (size + 1);

  memcpy (terminated, data, size);
  terminated[size] = '\0';

  /* With a length: NUL bytes inside count as input. */
  text = mk_html_escape_text ((const char *) data, size);
  check_escaped (text, FALSE);
  attr = mk_html_escape_attr ((const char *) data, size);
  check_escaped (attr, TRUE);

  /* NUL-terminated: stops at the first NUL. */
  text_nul = mk_html_escape_text (terminated, -1);
  check_escaped (text_nul, FALSE);
  g_assert_cmpuint (strlen (text_nul), <=, strlen (text));

  check_url (terminated);

  return 0;
}
