/* html-checks.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "html-checks.h"

static const char * const known_elements[] = {
  "!doctype", "html", "head", "meta", "title", "style", "body", "div", "header",
  "img", "h1", "h2", "h3", "p", "ul", "li", "main", "section", "article", "span",
  "figure", "blockquote", "figcaption", "bdi", "a", "footer", NULL
};

static const char * const known_attributes[] = {
  "lang", "charset", "http-equiv", "content", "name", "class", "id", "dir",
  "role", "aria-label", "aria-labelledby", "aria-hidden", "src", "alt",
  "width", "height", "href", "rel", NULL
};

#define CSP_META \
  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; " \
  "img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">"

static void
check_attribute (const char *element,
                 const char *name,
                 const char *value)
{
  g_autofree char *lower = g_ascii_strdown (value, -1);

  if (g_str_equal (element, "!doctype"))
    {
      g_assert_cmpstr (name, ==, "html");
      return;
    }

  if (!g_strv_contains (known_attributes, name))
    g_error ("unexpected attribute %s on <%s>", name, element);

  g_assert_false (g_str_has_prefix (name, "on"));

  if (g_str_equal (name, "href"))
    g_assert_true (g_str_has_prefix (value, "https://"));

  if (g_str_equal (name, "src"))
    g_assert_true (g_str_has_prefix (value, "data:image/png;base64,")
                   || g_str_has_prefix (value, "data:image/jpeg;base64,")
                   || g_str_has_prefix (value, "data:image/webp;base64,"));

  if (g_str_equal (name, "href") || g_str_equal (name, "src"))
    {
      g_assert_null (strstr (lower, "javascript:"));
      g_assert_null (strstr (lower, "vbscript:"));
    }

  if (g_str_equal (name, "http-equiv"))
    g_assert_cmpstr (value, ==, "Content-Security-Policy");

  if (g_str_equal (name, "rel"))
    g_assert_cmpstr (value, ==, "noopener noreferrer");
}

/* Parses one tag as the renderer writes it: a name, then attributes that
 * are bare or double-quoted. Returns the end of the tag. */
static const char *
check_tag (const char *start)
{
  const char *p = start + 1;
  g_autofree char *element = NULL;
  gboolean closing = FALSE;

  if (*p == '/')
    {
      closing = TRUE;
      p++;
    }

  {
    const char *name_start = p;

    while (g_ascii_isalnum (*p) || *p == '!')
      p++;
    element = g_ascii_strdown (name_start, p - name_start);
  }

  if (!g_strv_contains (known_elements, element))
    g_error ("unexpected element <%s%s>", closing ? "/" : "", element);

  for (;;)
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      const char *name_start;

      while (*p == ' ')
        p++;

      if (*p == '>')
        return p;

      g_assert_false (closing);

      name_start = p;
      while (g_ascii_isalnum (*p) || *p == '-')
        p++;
      g_assert_true (p > name_start);
      name = g_strndup (name_start, p - name_start);

      if (*p == '=')
        {
          const char *value_end;

          g_assert_cmpint (p[1], ==, '"');
          value_end = strchr (p + 2, '"');
          g_assert_nonnull (value_end);
          value = g_strndup (p + 2, value_end - (p + 2));
          /* Escaped text never holds these; a raw one would mean the value
           * was broken out of or into. */
          g_assert_null (strpbrk (value, "<>"));
          p = value_end + 1;
        }
      else
        {
          /* Only the doctype has bare words. */
          g_assert_cmpstr (element, ==, "!doctype");
        }

      check_attribute (element, name, value != NULL ? value : "");
    }
}

static void
check_bidi_isolated (const char *html)
{
  const char *tag = NULL;
  gboolean tag_isolates = FALSE;

  /* U+202E etc. would reverse the text after it; each must sit in an
   * element that isolates it (dir="auto"), or in the <title>. */
  for (const char *p = html; *p != '\0'; p++)
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          g_autofree char *text = g_strndup (p, end - p + 1);

          tag = p;
          tag_isolates = g_str_equal (text, "<title>") || strstr (text, "dir=\"auto\"") != NULL;
        }
      else if (g_str_has_prefix (p, "\u202e"))
        {
          g_assert_nonnull (tag);
          g_assert_true (tag_isolates);
        }
    }
}

void
html_check_page (const char *html)
{
  g_autofree char *lower = NULL;
  const char *head_end;
  const char *csp;
  const char *p;

  g_assert_nonnull (html);
  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\""));

  for (p = html; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_true (c >= 0x20 || c == '\n' || c == '\t' || c == '\r');
      g_assert_false (c >= 0x7f && c <= 0x9f);
    }

  lower = g_ascii_strdown (html, -1);
  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "<iframe"));

  head_end = strstr (html, "</head>");
  csp = strstr (html, CSP_META);
  g_assert_nonnull (head_end);
  g_assert_nonnull (csp);
  g_assert_true (csp < head_end);
  g_assert_null (strstr (csp + strlen (CSP_META), "Content-Security-Policy"));
  g_assert_nonnull (strstr (html, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));

  /* One style sheet, ours: nothing user-written lands in it. */
  {
    const char *style = strstr (html, "<style>");
    const char *style_end = strstr (html, "</style>");

    g_assert_nonnull (style);
    g_assert_nonnull (style_end);
    g_assert_null (strstr (style + 1, "<style>"));
    g_assert_null (memchr (style + 7, '<', style_end - (style + 7)));

    /* Nothing to fetch from the style sheet either. */
    g_autofree char *sheet = g_ascii_strdown (style, style_end - style);
    g_assert_null (strstr (sheet, "url("));
    g_assert_null (strstr (sheet, "@import"));
  }

  for (p = strchr (html, '<'); p != NULL; p = strchr (p, '<'))
    p = check_tag (p) + 1;

  check_bidi_isolated (html);
}
