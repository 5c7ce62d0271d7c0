/* mk-cli-ics.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-context.h"

G_BEGIN_DECLS

/* --import-ics FILE and --export-ics FILE for @user_id; 0 on success,
 * otherwise the message is on stderr. */
int mk_cli_ics_import (MkContext  *context,
                       const char *user_id,
                       const char *path);
int mk_cli_ics_export (MkContext  *context,
                       const char *user_id,
                       const char *path);

G_END_DECLS
