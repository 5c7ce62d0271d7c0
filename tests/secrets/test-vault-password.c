/* test-vault-password.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "mk-vault-private.h"

/* The vault's sandboxed path: the secret_password_*() API, which inside a
 * Flatpak goes to libsecret's file backend keyed by the Secret portal. No
 * portal runs here, so main() points libsecret's file backend at a keyring
 * file in a temporary dir with a fixed password (SECRET_BACKEND=file,
 * SECRET_FILE_TEST_PATH, SECRET_FILE_TEST_PASSWORD, which libsecret 0.20
 * reads for its own tests). Everything but the key source is what runs in
 * the sandbox. */

static char *keyring_dir;
static char *keyring_path;

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
store (MkVault     *vault,
       const char  *connection,
       const char  *kind,
       const char  *secret,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mk_vault_store_async (vault, connection, kind, "Mediakit test token", secret,
                        NULL, on_done, &result);
  return mk_vault_store_finish (vault, wait_for (&result), error);
}

static char *
lookup (MkVault     *vault,
        const char  *connection,
        const char  *kind,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mk_vault_lookup_async (vault, connection, kind, NULL, on_done, &result);
  return mk_vault_lookup_finish (vault, wait_for (&result), error);
}

static gboolean
clear (MkVault     *vault,
       const char  *connection,
       const char  *kind,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mk_vault_clear_async (vault, connection, kind, NULL, on_done, &result);
  return mk_vault_clear_finish (vault, wait_for (&result), error);
}

static void
assert_stored (MkVault    *vault,
               const char *connection,
               const char *kind,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkVaultSecret) secret = lookup (vault, connection, kind, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, expected);
}

static void
test_auto_outside_sandbox (void)
{
  g_autoptr(MkVault) vault = mk_vault_new ();

  /* This machine is no Flatpak sandbox, so the default keeps the Secret
   * Service path with its locked/absent distinction. */
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("running inside a Flatpak sandbox");
      return;
    }
  g_assert_cmpint (mk_vault_get_backend (vault), ==, MK_VAULT_BACKEND_SERVICE);
}

static void
test_round_trip (void)
{
  g_autoptr(MkVault) vault = mk_vault_new_with_backend (MK_VAULT_BACKEND_PASSWORD);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_cmpint (mk_vault_get_backend (vault), ==, MK_VAULT_BACKEND_PASSWORD);

  assert_stored (vault, "conn-1", MK_VAULT_KIND_ACCESS, NULL);

  g_assert_true (store (vault, "conn-1", MK_VAULT_KIND_ACCESS, "EAAB-access-token", &error));
  g_assert_no_error (error);
  g_assert_true (store (vault, "conn-1", MK_VAULT_KIND_REFRESH, "refresh-ünïcode-✓", &error));
  g_assert_no_error (error);
  g_assert_true (store (vault, "conn-2", MK_VAULT_KIND_ACCESS, "other", &error));
  g_assert_no_error (error);

  assert_stored (vault, "conn-1", MK_VAULT_KIND_ACCESS, "EAAB-access-token");
  assert_stored (vault, "conn-1", MK_VAULT_KIND_REFRESH, "refresh-ünïcode-✓");
  assert_stored (vault, "conn-1", MK_VAULT_KIND_CLIENT_SECRET, NULL);

  /* It went to the file keyring, encrypted, not to the session's keyring. */
  g_assert_true (g_file_get_contents (keyring_path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 0);
  g_assert_null (g_strstr_len (contents, length, "EAAB-access-token"));

  /* Replacing keeps one secret per connection and kind. */
  g_assert_true (store (vault, "conn-1", MK_VAULT_KIND_ACCESS, "EAAB-renewed", &error));
  g_assert_no_error (error);
  assert_stored (vault, "conn-1", MK_VAULT_KIND_ACCESS, "EAAB-renewed");

  /* One kind, then the rest of the connection; the other one stays. */
  g_assert_true (clear (vault, "conn-1", MK_VAULT_KIND_ACCESS, &error));
  g_assert_no_error (error);
  assert_stored (vault, "conn-1", MK_VAULT_KIND_ACCESS, NULL);
  assert_stored (vault, "conn-1", MK_VAULT_KIND_REFRESH, "refresh-ünïcode-✓");

  g_assert_true (clear (vault, "conn-1", NULL, &error));
  g_assert_no_error (error);
  assert_stored (vault, "conn-1", MK_VAULT_KIND_REFRESH, NULL);
  assert_stored (vault, "conn-2", MK_VAULT_KIND_ACCESS, "other");

  /* Removing what is not there succeeds. */
  g_assert_true (clear (vault, "conn-1", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (clear (vault, "conn-2", NULL, &error));
  g_assert_no_error (error);
}

static void
test_cancelled (void)
{
  g_autoptr(MkVault) vault = mk_vault_new_with_backend (MK_VAULT_BACKEND_PASSWORD);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  mk_vault_store_async (vault, "conn-cancelled", MK_VAULT_KIND_ACCESS, "label", "secret",
                        cancellable, on_done, &result);
  g_assert_false (mk_vault_store_finish (vault, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  assert_stored (vault, "conn-cancelled", MK_VAULT_KIND_ACCESS, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything asks libsecret for its backend: it picks one per process. */
  keyring_dir = g_dir_make_tmp ("mediakit-vault-XXXXXX", &error);
  g_assert_no_error (error);
  keyring_path = g_build_filename (keyring_dir, "test.keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring_path, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "mediakit-test-password", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vault-password/auto-outside-sandbox", test_auto_outside_sandbox);
  g_test_add_func ("/vault-password/round-trip", test_round_trip);
  g_test_add_func ("/vault-password/cancelled", test_cancelled);

  status = g_test_run ();

  g_unlink (keyring_path);
  g_rmdir (keyring_dir);
  g_free (keyring_path);
  g_free (keyring_dir);

  return status;
}
