/* test-vault.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>
#ifdef __linux__
#include <signal.h>
#include <sys/prctl.h>
#endif

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "mk-vault.h"

/* These tests talk to a real Secret Service (gnome-keyring started and
 * unlocked by whoever runs them, see docs/headless-testing.md). Each test
 * uses its own random connection id, so runs never see each other's items,
 * and clears it at the end. */

static gboolean
have_session_bus (void)
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    return TRUE;

  g_test_skip ("DBUS_SESSION_BUS_ADDRESS is unset: run inside dbus-run-session "
               "with an unlocked gnome-keyring-daemon to test the vault");
  return FALSE;
}

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

/* How many items the keyring holds for this connection and kind, read
 * around the vault to catch duplicates it would hide. */
static guint
count_items (const char *connection,
             const char *kind)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GList *items;
  guint n;

  g_hash_table_insert (attributes, (gpointer) "xdg:schema", (gpointer) MK_VAULT_SCHEMA_NAME);
  g_hash_table_insert (attributes, (gpointer) "connection", (gpointer) connection);
  g_hash_table_insert (attributes, (gpointer) "kind", (gpointer) kind);

  items = secret_service_search_sync (NULL, NULL, attributes, SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  n = g_list_length (items);
  g_list_free_full (items, g_object_unref);

  return n;
}

typedef struct {
  MkVault *vault;
  char    *connection;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *uuid = g_uuid_string_random ();

  fixture->vault = mk_vault_new ();
  fixture->connection = g_strconcat ("mediakit-test-", uuid, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL && !g_test_failed ())
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (clear (fixture->vault, fixture->connection, NULL, &error));
      g_assert_no_error (error);
    }

  g_clear_object (&fixture->vault);
  g_clear_pointer (&fixture->connection, g_free);
}

static void
test_store_lookup (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_session_bus ())
    return;

  g_assert_true (store (fixture->vault, fixture->connection, MK_VAULT_KIND_ACCESS, "EAAB-access", &error));
  g_assert_no_error (error);

  assert_stored (fixture->vault, fixture->connection, MK_VAULT_KIND_ACCESS, "EAAB-access");
  /* Another kind of the same connection is not this one. */
  assert_stored (fixture->vault, fixture->connection, MK_VAULT_KIND_REFRESH, NULL);
  g_assert_cmpuint (count_items (fixture->connection, MK_VAULT_KIND_ACCESS), ==, 1);
}

static void
test_absent (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_session_bus ())
    return;

  for (guint i = 0; i < 4; i++)
    {
      const char *kinds[] = { MK_VAULT_KIND_ACCESS, MK_VAULT_KIND_REFRESH,
                              MK_VAULT_KIND_CLIENT_SECRET, MK_VAULT_KIND_SESSION };

      assert_stored (fixture->vault, fixture->connection, kinds[i], NULL);
    }

  /* Clearing nothing is not an error either. */
  g_assert_true (clear (fixture->vault, fixture->connection, MK_VAULT_KIND_ACCESS, &error));
  g_assert_no_error (error);
  g_assert_true (clear (fixture->vault, fixture->connection, NULL, &error));
  g_assert_no_error (error);
}

static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_session_bus ())
    return;

  g_assert_true (store (fixture->vault, fixture->connection, MK_VAULT_KIND_REFRESH, "first", &error));
  g_assert_no_error (error);
  g_assert_true (store (fixture->vault, fixture->connection, MK_VAULT_KIND_REFRESH, "second", &error));
  g_assert_no_error (error);

  assert_stored (fixture->vault, fixture->connection, MK_VAULT_KIND_REFRESH, "second");
  g_assert_cmpuint (count_items (fixture->connection, MK_VAULT_KIND_REFRESH), ==, 1);
}

static void
test_clear_one_kind (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!have_session_bus ())
    return;

  g_assert_true (store (fixture->vault, fixture->connection, MK_VAULT_KIND_ACCESS, "a", &error));
  g_assert_true (store (fixture->vault, fixture->connection, MK_VAULT_KIND_REFRESH, "r", &error));
  g_assert_no_error (error);

  g_assert_true (clear (fixture->vault, fixture->connection, MK_VAULT_KIND_ACCESS, &error));
  g_assert_no_error (error);

  assert_stored (fixture->vault, fixture->connection, MK_VAULT_KIND_ACCESS, NULL);
  assert_stored (fixture->vault, fixture->connection, MK_VAULT_KIND_REFRESH, "r");
}

static void
test_clear_all (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *other = g_strconcat (fixture->connection, "-other", NULL);
  g_autoptr(GError) error = NULL;

  if (!have_session_bus ())
    return;

  g_assert_true (store (fixture->vault, fixture->connection, MK_VAULT_KIND_ACCESS, "a", &error));
  g_assert_true (store (fixture->vault, fixture->connection, MK_VAULT_KIND_REFRESH, "r", &error));
  g_assert_true (store (fixture->vault, fixture->connection, MK_VAULT_KIND_SESSION, "s", &error));
  g_assert_true (store (fixture->vault, other, MK_VAULT_KIND_ACCESS, "keep me", &error));
  g_assert_no_error (error);

  g_assert_true (clear (fixture->vault, fixture->connection, NULL, &error));
  g_assert_no_error (error);

  assert_stored (fixture->vault, fixture->connection, MK_VAULT_KIND_ACCESS, NULL);
  assert_stored (fixture->vault, fixture->connection, MK_VAULT_KIND_REFRESH, NULL);
  assert_stored (fixture->vault, fixture->connection, MK_VAULT_KIND_SESSION, NULL);
  /* A connection whose id starts the same is a different connection. */
  assert_stored (fixture->vault, other, MK_VAULT_KIND_ACCESS, "keep me");

  g_assert_true (clear (fixture->vault, other, NULL, &error));
  g_assert_no_error (error);
}

static void
test_unicode (Fixture       *fixture,
              gconstpointer  data)
{
  const char *values[] = {
    "tökén 😀 \xe2\x80\xae مرحبا",
    "  leading and trailing spaces\t\n",
    "a=b&c=d|e%20f\"'\\",
  };
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (!have_session_bus ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_assert_true (store (fixture->vault, fixture->connection, MK_VAULT_KIND_CLIENT_SECRET, values[i], &error));
      g_assert_no_error (error);
      assert_stored (fixture->vault, fixture->connection, MK_VAULT_KIND_CLIENT_SECRET, values[i]);
    }

  /* Long-lived Meta tokens run to a few hundred bytes; leave room. */
  for (guint i = 0; i < 512; i++)
    g_string_append (big, "EAAB0123");
  g_assert_true (store (fixture->vault, fixture->connection, MK_VAULT_KIND_ACCESS, big->str, &error));
  g_assert_no_error (error);
  assert_stored (fixture->vault, fixture->connection, MK_VAULT_KIND_ACCESS, big->str);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_session_bus ())
    return;

  g_cancellable_cancel (cancellable);
  mk_vault_store_async (fixture->vault, fixture->connection, MK_VAULT_KIND_ACCESS,
                        "label", "never stored", cancellable, on_done, &result);
  g_assert_false (mk_vault_store_finish (fixture->vault, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  assert_stored (fixture->vault, fixture->connection, MK_VAULT_KIND_ACCESS, NULL);
}

/* With no provider on the bus: store, lookup and clear all say so, and
 * nothing hangs. Runs in a child whose environment points at a private
 * bus (or at no bus), so the parent's bus connection is not involved. */
static void
test_no_service_child (void)
{
  g_autoptr(MkVault) vault = mk_vault_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;

  g_assert_false (store (vault, "mediakit-test-no-service", MK_VAULT_KIND_ACCESS, "x", &error));
  g_assert_error (error, MK_VAULT_ERROR, MK_VAULT_ERROR_NO_SERVICE);
  g_assert_nonnull (strstr (error->message, "GNOME Keyring"));
  g_clear_error (&error);

  secret = lookup (vault, "mediakit-test-no-service", MK_VAULT_KIND_ACCESS, &error);
  g_assert_null (secret);
  g_assert_error (error, MK_VAULT_ERROR, MK_VAULT_ERROR_NO_SERVICE);
  g_clear_error (&error);

  g_assert_false (clear (vault, "mediakit-test-no-service", NULL, &error));
  g_assert_error (error, MK_VAULT_ERROR, MK_VAULT_ERROR_NO_SERVICE);
}

/* A private bus with no service directories, so nothing can be activated:
 * exactly "no keyring installed" (the standard session config would start
 * gnome-keyring-daemon on demand), and an unlock prompt cannot be shown. */
static const char bus_config[] =
  "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
  " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
  "<busconfig>\n"
  "  <type>session</type>\n"
  "  <listen>unix:dir=%s</listen>\n"
  "  <auth>EXTERNAL</auth>\n"
  "  <policy context=\"default\">\n"
  "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
  "    <allow eavesdrop=\"true\"/>\n"
  "    <allow own=\"*\"/>\n"
  "  </policy>\n"
  "</busconfig>\n";

typedef struct {
  char        *dir;
  char        *address;
  GSubprocess *bus;
  GSubprocess *keyring;
} PrivateBus;

static void
private_bus_free (PrivateBus *bus)
{
  g_autofree char *rm = NULL;

  if (bus->keyring != NULL)
    {
      g_subprocess_force_exit (bus->keyring);
      g_subprocess_wait (bus->keyring, NULL, NULL);
      g_object_unref (bus->keyring);
    }
  if (bus->bus != NULL)
    {
      g_subprocess_force_exit (bus->bus);
      g_subprocess_wait (bus->bus, NULL, NULL);
      g_object_unref (bus->bus);
    }

  /* The keyring leaves files and sockets behind; the directory is ours. */
  rm = g_strdup_printf ("rm -rf '%s'", bus->dir);
  g_assert_true (g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL));

  g_free (bus->dir);
  g_free (bus->address);
  g_free (bus);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrivateBus, private_bus_free)

static gboolean
name_has_owner (const char *address,
                const char *name)
{
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, NULL);
  if (connection == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

/* A failed assertion aborts the test without cleanup; the daemons must
 * not outlive it. */
static void
die_with_parent (gpointer user_data)
{
#ifdef __linux__
  prctl (PR_SET_PDEATHSIG, SIGTERM);
#endif
}

static GSubprocessLauncher *
launcher_new (GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  return launcher;
}

/* Returns NULL (and skips the test) when a program is missing. With
 * @with_keyring, a gnome-keyring-daemon of its own, unlocked, serves
 * org.freedesktop.secrets on that bus, with HOME and XDG dirs inside @dir. */
static PrivateBus *
private_bus_new (gboolean with_keyring)
{
  g_autoptr(PrivateBus) bus = g_new0 (PrivateBus, 1);
  g_autofree char *dbus_daemon = g_find_program_in_path ("dbus-daemon");
  g_autofree char *keyring_daemon = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *config_path = NULL;
  g_autofree char *config = NULL;
  g_autoptr(GSubprocessLauncher) bus_launcher = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  if (dbus_daemon == NULL || (with_keyring && keyring_daemon == NULL))
    {
      g_test_skip (with_keyring ? "dbus-daemon or gnome-keyring-daemon is not installed"
                                : "dbus-daemon is not installed");
      g_clear_pointer (&bus, g_free);
      return NULL;
    }

  bus->dir = g_dir_make_tmp ("mediakit-bus-XXXXXX", &error);
  g_assert_no_error (error);
  config_path = g_build_filename (bus->dir, "bus.conf", NULL);
  config = g_strdup_printf (bus_config, bus->dir);
  g_file_set_contents (config_path, config, -1, &error);
  g_assert_no_error (error);

  bus_launcher = launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  bus->bus = g_subprocess_launcher_spawn (bus_launcher, &error, dbus_daemon,
                                          "--config-file", config_path,
                                          "--print-address", "--nofork", NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (bus->bus));
  bus->address = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bus->address);
  g_strstrip (bus->address);

  if (with_keyring)
    {
      g_autoptr(GSubprocessLauncher) launcher = NULL;
      g_autofree char *runtime = g_build_filename (bus->dir, "runtime", NULL);
      g_autofree char *home = g_build_filename (bus->dir, "home", NULL);
      g_autofree char *data = g_build_filename (home, "data", NULL);
      GOutputStream *in;
      guint tries;

      g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
      g_assert_cmpint (g_mkdir_with_parents (data, 0700), ==, 0);

      launcher = launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                               G_SUBPROCESS_FLAGS_STDERR_SILENCE);
      g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", bus->address, TRUE);
      g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
      g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
      g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
      g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
      g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");

      /* --unlock reads the login password from stdin and creates the
       * "login" collection that the "default" alias points to. */
      bus->keyring = g_subprocess_launcher_spawn (launcher, &error, keyring_daemon,
                                                  "--foreground", "--unlock",
                                                  "--components=secrets", NULL);
      g_assert_no_error (error);
      in = g_subprocess_get_stdin_pipe (bus->keyring);
      g_output_stream_write_all (in, "pw", 2, NULL, NULL, &error);
      g_assert_no_error (error);
      g_output_stream_close (in, NULL, &error);
      g_assert_no_error (error);

      for (tries = 0; tries < 200 && !name_has_owner (bus->address, "org.freedesktop.secrets"); tries++)
        g_usleep (50 * 1000);
      g_assert_cmpuint (tries, <, 200);
    }

  return g_steal_pointer (&bus);
}

/* Runs the current test again in a child whose session bus is @address
 * (NULL: none), so that the parent's bus connection is not involved. */
static void
trap_with_bus (const char *address)
{
  g_autofree char *saved_address = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
  g_autofree char *saved_display = g_strdup (g_getenv ("DISPLAY"));
  g_autofree char *saved_runtime = g_strdup (g_getenv ("XDG_RUNTIME_DIR"));
  g_autofree char *runtime = NULL;

  if (address != NULL)
    {
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
    }
  else
    {
      /* GDBus also finds a bus at $XDG_RUNTIME_DIR/bus, and autolaunches
       * one with $DISPLAY: take both away. */
      runtime = g_dir_make_tmp ("mediakit-runtime-XXXXXX", NULL);
      g_assert_nonnull (runtime);
      g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
      g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
    }
  /* With a display the keyring's prompter would wait for a person. */
  g_unsetenv ("DISPLAY");

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);

#define RESTORE(name, value) \
  if (value != NULL) g_setenv (name, value, TRUE); else g_unsetenv (name)
  RESTORE ("DBUS_SESSION_BUS_ADDRESS", saved_address);
  RESTORE ("DISPLAY", saved_display);
  RESTORE ("XDG_RUNTIME_DIR", saved_runtime);
#undef RESTORE

  if (runtime != NULL)
    g_rmdir (runtime);
}

static void
test_no_service (void)
{
  g_autoptr(PrivateBus) bus = NULL;

  if (g_test_subprocess ())
    {
      test_no_service_child ();
      return;
    }

  bus = private_bus_new (FALSE);
  if (bus == NULL)
    return;

  trap_with_bus (bus->address);
  g_test_trap_assert_passed ();
}

/* No session bus at all (a cron job, ssh): GDBus cannot autolaunch
 * without $DISPLAY, and that too must read as "no keyring". */
static void
test_no_bus (void)
{
  if (g_test_subprocess ())
    {
      test_no_service_child ();
      return;
    }

  trap_with_bus (NULL);
  g_test_trap_assert_passed ();
}

/* A keyring that is locked and whose unlock prompt goes away unanswered
 * (here: no display to show it on, which the keyring treats as dismissed)
 * must give LOCKED for every operation, never "no token" and never a
 * silent success. Runs on a keyring of its own, since locking the shared
 * one would break every other test using it. */
static void
test_locked_child (void)
{
  g_autoptr(MkVault) vault = mk_vault_new ();
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  GList *objects;

  g_assert_true (store (vault, "mediakit-test-locked", MK_VAULT_KIND_ACCESS, "sekrit", &error));
  g_assert_no_error (error);

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  objects = g_list_append (NULL, collection);
  g_assert_true (secret_service_lock_sync (service, objects, NULL, NULL, &error));
  g_assert_no_error (error);
  g_list_free (objects);

  secret = lookup (vault, "mediakit-test-locked", MK_VAULT_KIND_ACCESS, &error);
  g_assert_null (secret);
  g_assert_error (error, MK_VAULT_ERROR, MK_VAULT_ERROR_LOCKED);
  g_clear_error (&error);

  g_assert_false (store (vault, "mediakit-test-locked", MK_VAULT_KIND_ACCESS, "new", &error));
  g_assert_error (error, MK_VAULT_ERROR, MK_VAULT_ERROR_LOCKED);
  g_clear_error (&error);

  g_assert_false (clear (vault, "mediakit-test-locked", NULL, &error));
  g_assert_error (error, MK_VAULT_ERROR, MK_VAULT_ERROR_LOCKED);
}

static void
test_locked (void)
{
  g_autoptr(PrivateBus) bus = NULL;

  if (g_test_subprocess ())
    {
      test_locked_child ();
      return;
    }

  bus = private_bus_new (TRUE);
  if (bus == NULL)
    return;

  trap_with_bus (bus->address);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/vault/store-lookup", test_store_lookup);
  ADD ("/vault/absent", test_absent);
  ADD ("/vault/replace", test_replace);
  ADD ("/vault/clear-one-kind", test_clear_one_kind);
  ADD ("/vault/clear-all", test_clear_all);
  ADD ("/vault/unicode", test_unicode);
  ADD ("/vault/cancelled", test_cancelled);
#undef ADD

  g_test_add_func ("/vault/no-service/private-bus", test_no_service);
  g_test_add_func ("/vault/no-service/no-bus", test_no_bus);
  g_test_add_func ("/vault/locked", test_locked);

  return g_test_run ();
}
