/* html-checks.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Structural checks on an exported page, shared by the export tests: every
 * tag is one the renderer writes, with attributes it writes, every link is
 * https://, every picture a data: URI, there is no script, the CSP is in
 * the head, and the whole page is valid UTF-8. Hostile input that escaped
 * its context would show up as an unknown tag or attribute. */
void html_check_page (const char *html);

G_END_DECLS
