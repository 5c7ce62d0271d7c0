/* mk-cli.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-context.h"

G_BEGIN_DECLS

const GOptionEntry *mk_cli_get_option_entries (void);

/* Runs the options that need no window. Returns the exit status, or -1 when
 * none of them was given and the window should open. */
int                 mk_cli_run                (GVariantDict *options,
                                               const char   *data_dir);

/* A data folder made by --demo opens signed in to its demo account. */
gboolean            mk_cli_sign_in_demo       (MkContext    *context);

G_END_DECLS
