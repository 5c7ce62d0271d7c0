/* mk-html-escape.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-export"

#include "config.h"

#include <string.h>

#include "mk-html-escape.h"

static gboolean
is_unwanted_char (gunichar c)
{
  /* Controls make the page invalid HTML and can hide text from a reader
   * (NUL, backspace, escape sequences); noncharacters are parse errors. */
  if (c < 0x20)
    return c != '\t' && c != '\n' && c != '\r';
  if (c >= 0x7f && c <= 0x9f)
    return TRUE;
  if (c >= 0xfdd0 && c <= 0xfdef)
    return TRUE;
  if ((c & 0xfffe) == 0xfffe)
    return TRUE;

  return FALSE;
}

static char *
escape (const char *text,
        gssize      length,
        gboolean    for_attribute)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, length);
  out = g_string_sized_new (strlen (valid) + 16);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        case '\t':
        case '\n':
        case '\r':
          if (for_attribute)
            g_string_append_printf (out, "&#%u;", c);
          else
            g_string_append_c (out, (char) c);
          break;
        default:
          if (is_unwanted_char (c))
            g_string_append_unichar (out, 0xfffd);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

char *
mk_html_escape_text (const char *text,
                     gssize      length)
{
  return escape (text, length, FALSE);
}

char *
mk_html_escape_attr (const char *text,
                     gssize      length)
{
  return escape (text, length, TRUE);
}

char *
mk_html_safe_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL || !g_utf8_validate (url, -1, NULL))
    return NULL;

  /* Browsers strip leading/trailing spaces and controls and drop tabs and
   * newlines inside a URL, which is how " java\tscript:" gets through naive
   * filters; rather than imitate that, refuse such URLs outright. */
  for (const char *p = url; *p != '\0'; p++)
    {
      guchar b = (guchar) *p;

      if (b <= 0x20 || b == 0x7f || b == '\\')
        return NULL;
    }

  scheme = g_uri_peek_scheme (url);
  if (g_strcmp0 (scheme, "https") != 0)
    return NULL;

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return NULL;

  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    return NULL;

  return g_strdup (url);
}
