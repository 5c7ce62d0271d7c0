/* mk-cli-account.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* --create-account EMAIL: reads the password from standard input, prints
 * the new user id. Returns the exit status. */
int mk_cli_create_account (const char *data_dir,
                           const char *email);

G_END_DECLS
