/* store-test-util.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-store.h"

G_BEGIN_DECLS

/* A fresh directory from g_dir_make_tmp(); remove it with
 * store_test_remove_dir() (recursively) at the end of the test. */
char     *store_test_make_dir     (void);
void      store_test_remove_dir   (const char *dir);

/* A new store at DIR/mediakit.db; aborts the test on failure. */
MkStore  *store_test_open         (const char *dir);

/* Inserts an account and returns its (new) id. */
char     *store_test_add_user     (MkStore    *store,
                                   const char *email);

/* SHA-256 of the file's bytes. */
char     *store_test_checksum     (const char *path);
/* Whether the file's bytes hold @needle anywhere (a token must be in no
 * database page, free or not, no WAL frame, no export). */
gboolean  store_test_file_contains (const char *path,
                                    const char *needle);

G_END_DECLS
