/* store-test-util.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "store-test-util.h"

char *
store_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mediakit-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
store_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        store_test_remove_dir (path);
      else
        g_assert_cmpint (g_unlink (path), ==, 0);
    }

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

MkStore *
store_test_open (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "mediakit.db", NULL);
  MkStore *store = mk_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

char *
store_test_add_user (MkStore    *store,
                     const char *email)
{
  g_autoptr(MkUser) user = mk_user_new ();
  g_autoptr(GError) error = NULL;

  mk_user_set_email (user, email);
  mk_user_set_password_hash (user, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA");
  g_assert_true (mk_store_users_insert (store, user, &error));
  g_assert_no_error (error);

  return g_strdup (mk_user_get_id (user));
}

char *
store_test_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

gboolean
store_test_file_contains (const char *path,
                          const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize needle_len = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  for (gsize i = 0; i + needle_len <= length; i++)
    if (memcmp (contents + i, needle, needle_len) == 0)
      return TRUE;
  return FALSE;
}
