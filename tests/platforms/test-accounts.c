/* test-accounts.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account service against a real database in a temporary folder and
 * the test keyring: sign-up, the one message for unknown email and wrong
 * password, the throttle across a restart (injected clock), rehash, kept
 * sessions, password change, deletion, and the log rows of each.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <glib/gstdio.h>

#include "mk-account-service.h"
#include "mk-logs-table.h"
#include "mk-password.h"
#include "mk-profiles-table.h"
#include "mk-users-table.h"
#include "mk-uuid.h"
#include "mk-validate.h"

typedef struct {
  char             *dir;
  MkContext        *context;
  MkAccountService *service;
  gint64            now;
} Fixture;

static gint64
fixture_clock (gpointer user_data)
{
  return ((Fixture *) user_data)->now;
}

static void
open_context (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->service);
  g_clear_object (&f->context);
  f->context = mk_context_new (f->dir, &error);
  g_assert_no_error (error);
  f->service = mk_account_service_new (f->context);
  mk_account_service_set_clock (f->service, fixture_clock, f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("mk-accounts-XXXXXX", &error);
  g_assert_no_error (error);
  f->now = 1795000000;
  open_context (f);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->service);
  g_clear_object (&f->context);
  remove_tree (f->dir);
  g_free (f->dir);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static char *
sign_up (Fixture     *f,
         const char  *email,
         const char  *password,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mk_account_service_sign_up_async (f->service, email, password, NULL, result_cb, &result);
  return mk_account_service_sign_up_finish (f->service, wait_for (&result), error);
}

static char *
sign_in (Fixture     *f,
         const char  *email,
         const char  *password,
         gboolean     keep,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mk_account_service_sign_in_async (f->service, email, password, keep, NULL, result_cb, &result);
  return mk_account_service_sign_in_finish (f->service, wait_for (&result), error);
}

static gint64
count_logs (Fixture     *f,
            const char  *action,
            MkLogStatus  status)
{
  MkLogFilter filter = { 0 };

  filter.action = action;
  filter.has_status = TRUE;
  filter.status = status;
  return mk_store_logs_count (mk_context_get_store (f->context), &filter, NULL);
}

static void
assert_password_never_logged (Fixture    *f,
                              const char *password)
{
  MkLogFilter filter = { 0 };

  filter.search = password;
  g_assert_cmpint (mk_store_logs_count (mk_context_get_store (f->context), &filter, NULL), ==, 0);
}

static void
test_sign_up (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *dup = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(MkUser) user = NULL;

  g_assert_null (mk_context_get_user_id (f->context));

  id = sign_up (f, "Sarah@Example.com", "long enough pw", &error);
  g_assert_no_error (error);
  g_assert_true (mk_uuid_is_valid (id));
  g_assert_cmpstr (mk_context_get_user_id (f->context), ==, id);

  user = mk_store_users_get (mk_context_get_store (f->context), id, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (mk_user_get_password_hash (user), "$argon2id$"));
  g_assert_true (mk_password_verify (mk_user_get_password_hash (user), "long enough pw"));
  g_assert_cmpint (count_logs (f, "signup", MK_LOG_STATUS_SUCCESS), ==, 1);

  /* Unique regardless of case, reported beside the email field. */
  dup = sign_up (f, "sarah@EXAMPLE.com", "another password", &error);
  g_assert_null (dup);
  g_assert_error (error, MK_VALIDATE_ERROR, MK_VALIDATE_ERROR_INVALID);
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "email");
  g_clear_error (&error);

  bad = sign_up (f, "not an email", "long enough pw", &error);
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "email");
  g_clear_error (&error);

  g_clear_pointer (&bad, g_free);
  bad = sign_up (f, "short@example.com", "short", &error);
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "password");
  g_clear_error (&error);

  g_assert_cmpint (mk_store_users_count (mk_context_get_store (f->context), NULL), ==, 1);
  assert_password_never_logged (f, "long enough pw");
}

static void
test_same_message (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) unknown = NULL;
  g_autoptr(GError) wrong = NULL;
  g_autofree char *id = sign_up (f, "sarah@example.com", "long enough pw", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  mk_account_service_sign_out (f->service);
  g_assert_null (mk_context_get_user_id (f->context));

  a = sign_in (f, "nobody@example.com", "long enough pw", FALSE, &unknown);
  b = sign_in (f, "sarah@example.com", "wr0ng-pa55w0rd", FALSE, &wrong);
  g_assert_null (a);
  g_assert_null (b);
  g_assert_error (unknown, MK_ACCOUNT_ERROR, MK_ACCOUNT_ERROR_WRONG_CREDENTIALS);
  g_assert_error (wrong, MK_ACCOUNT_ERROR, MK_ACCOUNT_ERROR_WRONG_CREDENTIALS);
  g_assert_cmpstr (unknown->message, ==, wrong->message);
  g_assert_null (mk_context_get_user_id (f->context));

  /* Case and spaces around the email do not matter. */
  c = sign_in (f, "  SARAH@example.com ", "long enough pw", FALSE, NULL);
  g_assert_cmpstr (c, ==, id);
  g_assert_cmpstr (mk_context_get_user_id (f->context), ==, id);

  g_assert_cmpint (count_logs (f, "login", MK_LOG_STATUS_FAILURE), ==, 2);
  g_assert_cmpint (count_logs (f, "login", MK_LOG_STATUS_SUCCESS), ==, 1);
  g_assert_cmpint (count_logs (f, "logout", MK_LOG_STATUS_SUCCESS), ==, 1);
  assert_password_never_logged (f, "long enough pw");
  assert_password_never_logged (f, "wr0ng-pa55w0rd");
}

static void
test_throttle (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *id = sign_up (f, "sarah@example.com", "long enough pw", NULL);
  g_autoptr(MkUser) user = NULL;
  g_autoptr(GError) error = NULL;
  char *ok;

  mk_account_service_sign_out (f->service);

  for (guint i = 1; i <= 5; i++)
    {
      g_autoptr(GError) local = NULL;

      g_assert_null (sign_in (f, "sarah@example.com", "wr0ng-pa55w0rd", FALSE, &local));
      g_assert_error (local, MK_ACCOUNT_ERROR, MK_ACCOUNT_ERROR_WRONG_CREDENTIALS);
      g_assert_cmpint (mk_account_service_get_seconds_left (f->service, "sarah@example.com"),
                       ==, i < 5 ? 0 : 1);
    }

  /* Even the right password waits now. */
  g_assert_null (sign_in (f, "sarah@example.com", "long enough pw", FALSE, &error));
  g_assert_error (error, MK_ACCOUNT_ERROR, MK_ACCOUNT_ERROR_THROTTLED);
  g_clear_error (&error);

  f->now += 1;
  g_assert_null (sign_in (f, "sarah@example.com", "wr0ng-pa55w0rd", FALSE, &error));
  g_assert_error (error, MK_ACCOUNT_ERROR, MK_ACCOUNT_ERROR_WRONG_CREDENTIALS);
  g_clear_error (&error);
  g_assert_cmpint (mk_account_service_get_seconds_left (f->service, "sarah@example.com"), ==, 2);

  /* A restart keeps the count and the time. */
  open_context (f);
  g_assert_cmpint (mk_account_service_get_seconds_left (f->service, "sarah@example.com"), ==, 2);
  user = mk_store_users_find_by_email (mk_context_get_store (f->context), "sarah@example.com", NULL);
  g_assert_cmpint (mk_user_get_failed_logins (user), ==, 6);
  g_assert_null (sign_in (f, "sarah@example.com", "long enough pw", FALSE, &error));
  g_assert_error (error, MK_ACCOUNT_ERROR, MK_ACCOUNT_ERROR_THROTTLED);
  g_clear_error (&error);

  f->now += 2;
  ok = sign_in (f, "sarah@example.com", "long enough pw", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ok, ==, id);
  g_free (ok);

  g_clear_object (&user);
  user = mk_store_users_get (mk_context_get_store (f->context), id, NULL);
  g_assert_cmpint (mk_user_get_failed_logins (user), ==, 0);
  g_assert_null (mk_user_get_locked_until (user));
  g_assert_cmpint (mk_account_service_get_seconds_left (f->service, "sarah@example.com"), ==, 0);
}

static void
test_rehash (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = sign_up (f, "sarah@example.com", "long enough pw", NULL);
  g_autofree char *old = mk_password_hash_with_limits ("long enough pw", 1, 8192, NULL);
  g_autofree char *again = NULL;
  g_autoptr(MkUser) user = mk_store_users_get (mk_context_get_store (f->context), id, NULL);
  g_autoptr(MkUser) after = NULL;

  mk_user_set_password_hash (user, old);
  g_assert_true (mk_store_users_update (mk_context_get_store (f->context), user, NULL));
  mk_account_service_sign_out (f->service);

  again = sign_in (f, "sarah@example.com", "long enough pw", FALSE, NULL);
  g_assert_cmpstr (again, ==, id);

  after = mk_store_users_get (mk_context_get_store (f->context), id, NULL);
  g_assert_cmpstr (mk_user_get_password_hash (after), !=, old);
  g_assert_false (mk_password_needs_rehash (mk_user_get_password_hash (after)));
  g_assert_true (mk_password_verify (mk_user_get_password_hash (after), "long enough pw"));
}

static char *
restore (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *id;

  mk_account_service_restore_session_async (f->service, NULL, result_cb, &result);
  id = mk_account_service_restore_session_finish (f->service, wait_for (&result), &error);
  g_assert_no_error (error);
  return id;
}

static void
settle_vault (void)
{
  /* The keyring writes are fire-and-forget: let them land. */
  for (guint i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE));
      g_usleep (10000);
    }
}

static void
test_kept_session (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *signed_in = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *after_lock = NULL;
  g_autofree char *after_sign_out = NULL;
  g_autofree char *none = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("needs the test keyring (build-aux/headless-run)");
      return;
    }

  id = sign_up (f, "keep@example.com", "long enough pw", NULL);
  mk_account_service_sign_out (f->service);
  settle_vault ();

  /* Without "keep me signed in", a restart asks for the password. */
  open_context (f);
  none = restore (f);
  g_assert_null (none);
  g_assert_null (mk_context_get_user_id (f->context));

  signed_in = sign_in (f, "keep@example.com", "long enough pw", TRUE, NULL);
  g_assert_cmpstr (signed_in, ==, id);
  settle_vault ();

  open_context (f);
  restored = restore (f);
  g_assert_cmpstr (restored, ==, id);
  g_assert_cmpstr (mk_context_get_user_id (f->context), ==, id);

  /* Lock asks for the password now, but keeps the session for restarts. */
  mk_account_service_lock (f->service);
  g_assert_null (mk_context_get_user_id (f->context));
  g_assert_cmpint (count_logs (f, "lock", MK_LOG_STATUS_SUCCESS), ==, 1);
  open_context (f);
  after_lock = restore (f);
  g_assert_cmpstr (after_lock, ==, id);

  /* Sign out forgets it. */
  mk_account_service_sign_out (f->service);
  settle_vault ();
  open_context (f);
  after_sign_out = restore (f);
  g_assert_null (after_sign_out);
}

static void
test_change_password (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = sign_up (f, "sarah@example.com", "long enough pw", NULL);
  g_autoptr(GAsyncResult) r1 = NULL;
  g_autoptr(GAsyncResult) r2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;
  g_autofree char *now = NULL;

  mk_account_service_change_password_async (f->service, "not it", "brand new pw", NULL, result_cb, &r1);
  g_assert_false (mk_account_service_change_password_finish (f->service, wait_for (&r1), &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "current_password");
  g_clear_error (&error);

  mk_account_service_change_password_async (f->service, "long enough pw", "brand new pw", NULL, result_cb, &r2);
  g_assert_true (mk_account_service_change_password_finish (f->service, wait_for (&r2), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_logs (f, "change_password", MK_LOG_STATUS_SUCCESS), ==, 1);
  g_assert_cmpint (count_logs (f, "change_password", MK_LOG_STATUS_FAILURE), ==, 1);

  mk_account_service_sign_out (f->service);
  old = sign_in (f, "sarah@example.com", "long enough pw", FALSE, NULL);
  g_assert_null (old);
  now = sign_in (f, "sarah@example.com", "brand new pw", FALSE, NULL);
  g_assert_cmpstr (now, ==, id);
  assert_password_never_logged (f, "brand new pw");
}

static void
test_delete_account (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = sign_up (f, "sarah@example.com", "long enough pw", NULL);
  g_autofree char *other = NULL;
  g_autoptr(MkProfile) profile = mk_profile_new ();
  g_autoptr(GAsyncResult) r1 = NULL;
  g_autoptr(GAsyncResult) r2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkProfile) gone = NULL;

  mk_profile_set_user_id (profile, id);
  mk_profile_set_slug (profile, "sarah");
  mk_profile_set_display_name (profile, "Sarah");
  g_assert_true (mk_store_profiles_save (mk_context_get_store (f->context), profile, NULL));

  mk_account_service_delete_account_async (f->service, "wr0ng-pa55w0rd", NULL, result_cb, &r1);
  g_assert_false (mk_account_service_delete_account_finish (f->service, wait_for (&r1), &error));
  g_assert_cmpstr (mk_validate_error_get_field (error), ==, "password");
  g_clear_error (&error);
  g_assert_cmpint (mk_store_users_count (mk_context_get_store (f->context), NULL), ==, 1);

  mk_account_service_delete_account_async (f->service, "long enough pw", NULL, result_cb, &r2);
  g_assert_true (mk_account_service_delete_account_finish (f->service, wait_for (&r2), &error));
  g_assert_no_error (error);
  settle_vault ();

  g_assert_null (mk_context_get_user_id (f->context));
  g_assert_cmpint (mk_store_users_count (mk_context_get_store (f->context), NULL), ==, 0);
  gone = mk_store_profiles_get (mk_context_get_store (f->context), id, &error);
  g_assert_null (gone);
  g_assert_error (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_logs (f, "delete_account", MK_LOG_STATUS_SUCCESS), ==, 1);

  /* The email is free again. */
  other = sign_up (f, "sarah@example.com", "long enough pw", NULL);
  g_assert_nonnull (other);
}

static void
test_demo_hash_never_matches (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(MkUser) user = mk_user_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  mk_user_set_email (user, "demo@mediakit.invalid");
  mk_user_set_password_hash (user, "!");
  g_assert_true (mk_store_users_insert (mk_context_get_store (f->context), user, NULL));

  id = sign_in (f, "demo@mediakit.invalid", "!", FALSE, &error);
  g_assert_null (id);
  g_assert_error (error, MK_ACCOUNT_ERROR, MK_ACCOUNT_ERROR_WRONG_CREDENTIALS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/accounts/service/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sign-up", test_sign_up);
  ADD ("same-message", test_same_message);
  ADD ("throttle", test_throttle);
  ADD ("rehash", test_rehash);
  ADD ("kept-session", test_kept_session);
  ADD ("change-password", test_change_password);
  ADD ("delete-account", test_delete_account);
  ADD ("demo-hash", test_demo_hash_never_matches);

  return g_test_run ();
}
