/* mk-cli-backup.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* --backup FILE: a verified copy of the workspace's database at FILE.
 * --restore FILE: FILE, once verified, replaces the workspace's database,
 * which is kept beside it. 0 on success, otherwise the message is on
 * stderr. */
int mk_cli_backup     (const char   *data_dir,
                       const char   *path);
int mk_cli_restore    (const char   *data_dir,
                       const char   *path);

/* Both from the parsed options: the backup first (of the database as it
 * is), then the restore. */
int mk_cli_backup_run (GVariantDict *options,
                       const char   *data_dir);

G_END_DECLS
