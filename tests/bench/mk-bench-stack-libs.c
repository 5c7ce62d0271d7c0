/* mk-bench-stack-libs.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Linked into mk-bench-stack-window only. One address from each library of
 * the fixed stack that Mediakit links beyond GTK and libadwaita, so that the
 * linker's --as-needed keeps exactly those libraries (and not the extra ones
 * their pkg-config files name) and the dynamic linker loads and relocates
 * them at start-up as it does for Mediakit. Nothing here is ever called. */

#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <libsecret/secret.h>
#include <libsoup/soup.h>
#include <sodium.h>
#include <sqlite3.h>

const void *mk_bench_stack_libs[] = {
  (const void *) json_parser_new,
  (const void *) icalcomponent_new,
  (const void *) secret_password_lookup_sync,
  (const void *) soup_session_new,
  (const void *) sodium_init,
  (const void *) sqlite3_open_v2,
};
