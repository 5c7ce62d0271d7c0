/* mk-html-escape.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every piece of user or platform text reaches the HTML page through one of
 * these, so they are kept apart from the renderer for a fuzzer to drive.
 *
 * All three accept any bytes (invalid UTF-8, NUL bytes when @length is
 * given, control characters) and return valid UTF-8 or NULL, never a string
 * that could end the surrounding element or attribute. */

/* Element content: & < > " ' become references; C0/C1 controls other than
 * tab, LF and CR, and Unicode noncharacters, become U+FFFD. */
char *mk_html_escape_text (const char *text,
                           gssize      length);

/* A double- or single-quoted attribute value: as mk_html_escape_text(), and
 * tab, LF and CR as numeric references so the value stays on one line. */
char *mk_html_escape_attr (const char *text,
                           gssize      length);

/* Returns a copy of @url when it is an absolute https:// URL with a host,
 * else NULL: javascript:, data:, http:, relative links, and anything with
 * whitespace, controls or backslashes (which browsers would strip or read
 * as '/') are dropped. The result still needs mk_html_escape_attr(). */
char *mk_html_safe_url    (const char *url);

G_END_DECLS
