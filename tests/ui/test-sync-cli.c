/* test-sync-cli.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "mk-fake-server.h"
#include "store-test-util.h"
#include "sync-test-util.h"

/* --sync through the real binary, against the fake server (reached through
 * MEDIAKIT_ENDPOINTS) and the real keyring, with connections seeded by this
 * process. */

static const char *mediakit;

typedef struct
{
  MkFakeServer *server;
  char         *dir;
  char         *data_arg;
  char         *user_id;
  char        **envp;
  MkVault      *vault;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static gboolean
have_keyring (void)
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    return TRUE;
  g_test_skip ("No session bus: run under build-aux/headless-run for a real keyring");
  return FALSE;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *spec = NULL;
  g_autoptr(MkStore) store = NULL;

  fixture->server = mk_fake_server_new ();
  mk_fake_server_set_generated_media (fixture->server, 4);
  spec = mk_fake_server_get_endpoints_spec (fixture->server);
  fixture->dir = store_test_make_dir ();
  fixture->data_arg = g_strconcat ("--data-dir=", fixture->dir, NULL);
  fixture->envp = g_environ_setenv (g_get_environ (), "MEDIAKIT_ENDPOINTS", spec, TRUE);
  fixture->vault = mk_vault_new ();

  store = store_test_open (fixture->dir);
  fixture->user_id = store_test_add_user (store, "sarah@example.com");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    {
      g_autoptr(MkStore) store = store_test_open (fixture->dir);

      sync_test_clear_keyring (store, fixture->vault, fixture->user_id);
    }

  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->data_arg);
  g_free (fixture->user_id);
  g_strfreev (fixture->envp);
  g_clear_object (&fixture->vault);
  mk_fake_server_free (fixture->server);
}

static void
seed (Fixture    *fixture,
      MkPlatform  platform,
      const char *access)
{
  g_autoptr(MkStore) store = store_test_open (fixture->dir);
  g_autofree char *id = sync_test_seed_connection (store, fixture->vault, fixture->user_id, platform,
                                                   access, platform == MK_PLATFORM_YOUTUBE ? "1//refresh" : NULL);
}

static void
run_sync (Fixture *fixture,
          Run     *result)
{
  const char *argv[] = { mediakit, fixture->data_arg, "--sync", NULL };
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  /* The fake runs on its own thread: blocking here is fine. */
  g_spawn_sync (NULL, (char **) argv, fixture->envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

static char *
line_of (const char *out,
         const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i]);
  return NULL;
}

static guint
count_lines (const char *out)
{
  guint n = 0;

  for (const char *p = out; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
test_all_ok (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(Run) r = { 0 };
  g_autofree char *instagram = NULL;
  g_autofree char *facebook = NULL;
  g_autofree char *youtube = NULL;
  g_autofree char *thumbnails = NULL;
  g_autoptr(GDir) dir = NULL;
  guint files = 0;

  if (!have_keyring ())
    return;

  seed (fixture, MK_PLATFORM_INSTAGRAM, "IGAAclitesttoken");
  seed (fixture, MK_PLATFORM_FACEBOOK, "EAAclitesttoken");
  seed (fixture, MK_PLATFORM_YOUTUBE, "ya29.clitesttoken");
  run_sync (fixture, &r);

  if (g_test_verbose ())
    g_test_message ("%s", r.out);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (count_lines (r.out), ==, 3);

  /* Followers, engagement rate, media count; Instagram's from its fixture. */
  instagram = line_of (r.out, "Instagram: ");
  g_assert_nonnull (instagram);
  g_assert_true (g_str_has_prefix (instagram, "Instagram: 48230 followers, engagement rate "));
  g_assert_true (g_str_has_suffix (instagram, ", 27 posts"));
  facebook = line_of (r.out, "Facebook: ");
  g_assert_nonnull (facebook);
  g_assert_nonnull (strstr (facebook, " followers, "));
  youtube = line_of (r.out, "YouTube: ");
  g_assert_nonnull (youtube);
  g_assert_nonnull (strstr (youtube, "engagement rate"));

  /* It waited for the thumbnails, into the data dir's own cache. */
  thumbnails = g_build_filename (fixture->dir, "cache", "thumbnails", NULL);
  dir = g_dir_open (thumbnails, 0, NULL);
  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    files++;
  g_assert_cmpuint (files, ==, 3 * 4);
}

static void
test_one_fails (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(Run) r = { 0 };
  g_autofree char *instagram = NULL;
  g_autofree char *youtube = NULL;

  if (!have_keyring ())
    return;

  seed (fixture, MK_PLATFORM_INSTAGRAM, "IGAAclitesttoken");
  seed (fixture, MK_PLATFORM_YOUTUBE, "ya29.clitesttoken");
  mk_fake_server_set_error (fixture->server, MK_FAKE_YT_CHANNELS, MK_FAKE_ERROR_TRANSIENT, 0);
  run_sync (fixture, &r);
  if (g_test_verbose ())
    g_test_message ("%s", r.out);

  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpuint (count_lines (r.out), ==, 2);
  instagram = line_of (r.out, "Instagram: ");
  g_assert_true (g_str_has_prefix (instagram, "Instagram: 48230 followers"));
  youtube = line_of (r.out, "YouTube: ");
  g_assert_nonnull (youtube);
  g_assert_nonnull (strstr (youtube, "Could not update YouTube"));
}

static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) r = { 0 };
  g_autofree char *instagram = NULL;

  if (!have_keyring ())
    return;

  seed (fixture, MK_PLATFORM_INSTAGRAM, "IGAAclitesttoken");
  mk_fake_server_set_error (fixture->server, MK_FAKE_IG_ME, MK_FAKE_ERROR_TOO_MANY_REQUESTS, 0);
  run_sync (fixture, &r);

  g_assert_cmpint (r.status, ==, 1);
  instagram = line_of (r.out, "Instagram: ");
  g_assert_nonnull (strstr (instagram, "try again at"));
}

static void
test_canary (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *canary = g_strdup_printf ("CANARY%08x%08x", g_random_int (), g_random_int ());
  g_autofree char *ig = g_strconcat ("IGAA", canary, NULL);
  g_autofree char *yt = g_strconcat ("ya29.", canary, NULL);
  g_auto(Run) ok = { 0 };
  g_auto(Run) failing = { 0 };

  if (!have_keyring ())
    return;

  seed (fixture, MK_PLATFORM_INSTAGRAM, ig);
  seed (fixture, MK_PLATFORM_YOUTUBE, yt);
  run_sync (fixture, &ok);
  g_assert_cmpint (ok.status, ==, 0);

  /* Refused tokens are where a careless message would quote them. */
  mk_fake_server_set_rejected_token (fixture->server, ig);
  mk_fake_server_set_error (fixture->server, MK_FAKE_YT_CHANNELS, MK_FAKE_ERROR_TOKEN_INVALID, 0);
  run_sync (fixture, &failing);
  g_assert_cmpint (failing.status, ==, 1);

  g_assert_null (strstr (ok.out, canary));
  g_assert_null (strstr (ok.err, canary));
  g_assert_null (strstr (failing.out, canary));
  g_assert_null (strstr (failing.err, canary));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: %s MEDIAKIT-BINARY", argv[0]);
  mediakit = argv[1];

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/sync-cli/all-ok", test_all_ok);
  ADD ("/sync-cli/one-fails", test_one_fails);
  ADD ("/sync-cli/rate-limited", test_rate_limited);
  ADD ("/sync-cli/canary", test_canary);
#undef ADD

  return g_test_run ();
}
