/* mk-account-service.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-accounts"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "mk-account-service.h"
#include "mk-connections-table.h"
#include "mk-logs-table.h"
#include "mk-password.h"
#include "mk-users-table.h"
#include "mk-validate.h"

struct _MkAccountService
{
  GObject       parent_instance;

  /* Owned refs */
  MkContext    *context;
  GCancellable *cancellable;

  MkClockFunc   clock;
  gpointer      clock_data;
};

G_DEFINE_FINAL_TYPE (MkAccountService, mk_account_service, G_TYPE_OBJECT)

G_DEFINE_QUARK (mk-account-error-quark, mk_account_error)

/* What a worker thread needs; passwords are wiped when it is freed. */
typedef struct {
  char      *path;
  char      *email;
  char      *password;
  char      *new_password;
  char      *user_id;
  gint64     now;
  gboolean   keep;

  /* Filled in by the thread */
  char      *session_secret;
  GPtrArray *connection_ids;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->email);
  mk_password_free (job->password);
  mk_password_free (job->new_password);
  g_free (job->user_id);
  mk_password_free (job->session_secret);
  g_clear_pointer (&job->connection_ids, g_ptr_array_unref);
  g_free (job);
}

static Job *
job_new (MkAccountService *self)
{
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (mk_store_get_path (mk_context_get_store (self->context)));
  job->now = mk_clock_now (self->clock, self->clock_data);
  return job;
}

static void
set_wrong_credentials (GError **error)
{
  g_set_error_literal (error, MK_ACCOUNT_ERROR, MK_ACCOUNT_ERROR_WRONG_CREDENTIALS,
                       _("The email or the password is not right"));
}

/* The keyring holds a digest of the account's password hash rather than a
 * random token: the users table has no column for a token, and the digest
 * stops matching as soon as the password changes, which ends every kept
 * session with it. Forging one needs write access to the keyring, which
 * already means owning the desktop session. */
static char *
session_secret_for (const char *user_id,
                    const char *password_hash)
{
  guchar digest[32];
  char hex[sizeof digest * 2 + 1];
  crypto_generichash_state state;

  if (sodium_init () < 0)
    return NULL;

  crypto_generichash_init (&state, NULL, 0, sizeof digest);
  crypto_generichash_update (&state, (const guchar *) user_id, strlen (user_id) + 1);
  crypto_generichash_update (&state, (const guchar *) password_hash, strlen (password_hash));
  crypto_generichash_final (&state, digest, sizeof digest);
  sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);

  return g_strdup (hex);
}

static void
log_row (MkStore     *store,
         const char  *user_id,
         const char  *action,
         MkLogStatus  status,
         const char  *message)
{
  g_autoptr(GError) error = NULL;

  if (!mk_store_log (store, user_id, MK_PLATFORM_NONE, action, status,
                     message, NULL, NULL, NULL, &error))
    g_warning ("Could not write the %s log row: %s", action, error->message);
}

char *
mk_account_create (MkStore     *store,
                   const char  *email,
                   const char  *password,
                   GError     **error)
{
  g_autoptr(MkUser) existing = NULL;
  g_autoptr(MkUser) user = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(MkPassword) hash = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (email != NULL ? email : ""));

  if (!mk_validate_email ("email", trimmed, TRUE, error) ||
      !mk_password_validate (password, error))
    return NULL;

  existing = mk_store_users_find_by_email (store, trimmed, &local_error);
  if (existing != NULL)
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "email",
                             _("There is already an account with this email"));
      return NULL;
    }
  if (!g_error_matches (local_error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if ((hash = mk_password_hash (password, error)) == NULL)
    return NULL;

  user = mk_user_new ();
  mk_user_set_email (user, trimmed);
  mk_user_set_password_hash (user, hash);

  if (!mk_store_users_insert (store, user, error))
    return NULL;

  log_row (store, mk_user_get_id (user), "signup", MK_LOG_STATUS_SUCCESS,
           _("Account created"));

  return g_strdup (mk_user_get_id (user));
}

static void
mk_account_service_dispose (GObject *object)
{
  MkAccountService *self = (MkAccountService *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (mk_account_service_parent_class)->dispose (object);
}

static void
mk_account_service_class_init (MkAccountServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mk_account_service_dispose;
}

static void
mk_account_service_init (MkAccountService *self)
{
  self->cancellable = g_cancellable_new ();
}

MkAccountService *
mk_account_service_new (MkContext *context)
{
  MkAccountService *self;

  g_return_val_if_fail (MK_IS_CONTEXT (context), NULL);

  self = g_object_new (MK_TYPE_ACCOUNT_SERVICE, NULL);
  self->context = g_object_ref (context);
  return self;
}

MkContext *
mk_account_service_get_context (MkAccountService *self)
{
  g_return_val_if_fail (MK_IS_ACCOUNT_SERVICE (self), NULL);

  return self->context;
}

void
mk_account_service_set_clock (MkAccountService *self,
                              MkClockFunc       clock,
                              gpointer          user_data)
{
  g_return_if_fail (MK_IS_ACCOUNT_SERVICE (self));

  self->clock = clock;
  self->clock_data = user_data;
}

/* Keyring helpers: failures are reported, never fatal, since the account
 * itself is in the database. */

static void
vault_store_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!mk_vault_store_finish (MK_VAULT (object), result, &error))
    g_message ("Could not keep the session in the keyring: %s", error->message);
}

static void
vault_clear_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!mk_vault_clear_finish (MK_VAULT (object), result, &error))
    g_message ("Could not remove a keyring item: %s", error->message);
}

static void
forget_session (MkAccountService *self,
                const char       *user_id)
{
  mk_vault_clear_async (mk_context_get_vault (self->context), user_id,
                        MK_VAULT_KIND_SESSION, NULL, vault_clear_cb, NULL);
}

/* Sign-up */

static void
sign_up_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(MkStore) store = NULL;
  GError *error = NULL;
  char *user_id;

  if ((store = mk_store_open (job->path, &error)) == NULL ||
      (user_id = mk_account_create (store, job->email, job->password, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, user_id, g_free);
}

void
mk_account_service_sign_up_async (MkAccountService    *self,
                                  const char          *email,
                                  const char          *password,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (MK_IS_ACCOUNT_SERVICE (self));

  job = job_new (self);
  job->email = g_strdup (email);
  job->password = g_strdup (password);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_account_service_sign_up_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, sign_up_thread);
}

char *
mk_account_service_sign_up_finish (MkAccountService  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  char *user_id;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  user_id = g_task_propagate_pointer (G_TASK (result), error);
  if (user_id != NULL)
    mk_context_set_user_id (self->context, user_id);

  return user_id;
}

/* Sign-in */

static void
sign_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(MkUser) user = NULL;
  g_autofree char *until = NULL;
  GError *error = NULL;
  gint64 left;
  guint failures;

  if ((store = mk_store_open (job->path, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  user = mk_store_users_find_by_email (store, job->email, &error);
  if (user == NULL)
    {
      if (!g_error_matches (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND))
        {
          g_task_return_error (task, error);
          return;
        }
      g_clear_error (&error);

      /* As slow as a wrong password, so timing does not tell which
       * emails have an account. */
      g_free (mk_password_hash (job->password, NULL));
      log_row (store, NULL, "login", MK_LOG_STATUS_FAILURE,
               "Sign-in with an email that has no account");
      set_wrong_credentials (&error);
      g_task_return_error (task, error);
      return;
    }

  left = mk_login_throttle_seconds_left (mk_user_get_locked_until (user), job->now);
  if (left > 0)
    {
      log_row (store, mk_user_get_id (user), "login", MK_LOG_STATUS_FAILURE,
               "Sign-in refused: too many failed tries");
      g_task_return_new_error (task, MK_ACCOUNT_ERROR, MK_ACCOUNT_ERROR_THROTTLED,
                               ngettext ("Too many failed tries. Try again in %d second.",
                                         "Too many failed tries. Try again in %d seconds.",
                                         (int) left),
                               (int) left);
      return;
    }

  if (!mk_password_verify (mk_user_get_password_hash (user), job->password))
    {
      failures = (guint) MAX (mk_user_get_failed_logins (user), 0);
      until = mk_login_throttle_record_failure (&failures, job->now);
      mk_user_set_failed_logins (user, (int) MIN (failures, G_MAXINT));
      mk_user_set_locked_until (user, until);
      if (!mk_store_users_update (store, user, &error))
        {
          g_task_return_error (task, error);
          return;
        }

      log_row (store, mk_user_get_id (user), "login", MK_LOG_STATUS_FAILURE,
               "Wrong password");
      set_wrong_credentials (&error);
      g_task_return_error (task, error);
      return;
    }

  mk_user_set_failed_logins (user, 0);
  mk_user_set_locked_until (user, NULL);

  /* Today's limits for every hash, without asking anybody to act. */
  if (mk_password_needs_rehash (mk_user_get_password_hash (user)))
    {
      g_autoptr(MkPassword) hash = mk_password_hash (job->password, NULL);

      if (hash != NULL)
        mk_user_set_password_hash (user, hash);
    }

  if (!mk_store_users_update (store, user, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  log_row (store, mk_user_get_id (user), "login", MK_LOG_STATUS_SUCCESS,
           job->keep ? "Signed in; kept signed in on this computer" : "Signed in");

  job->user_id = g_strdup (mk_user_get_id (user));
  if (job->keep)
    job->session_secret = session_secret_for (job->user_id, mk_user_get_password_hash (user));

  g_task_return_boolean (task, TRUE);
}

void
mk_account_service_sign_in_async (MkAccountService    *self,
                                  const char          *email,
                                  const char          *password,
                                  gboolean             keep_signed_in,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (MK_IS_ACCOUNT_SERVICE (self));

  job = job_new (self);
  job->email = g_strstrip (g_strdup (email != NULL ? email : ""));
  job->password = g_strdup (password != NULL ? password : "");
  job->keep = keep_signed_in;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_account_service_sign_in_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, sign_in_thread);
}

char *
mk_account_service_sign_in_finish (MkAccountService  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  job = g_task_get_task_data (G_TASK (result));

  if (job->session_secret != NULL)
    mk_vault_store_async (mk_context_get_vault (self->context), job->user_id,
                          MK_VAULT_KIND_SESSION, _("Mediakit session"),
                          job->session_secret, NULL, vault_store_cb, NULL);
  else
    forget_session (self, job->user_id);

  mk_context_set_user_id (self->context, job->user_id);
  return g_strdup (job->user_id);
}

gint64
mk_account_service_get_seconds_left (MkAccountService *self,
                                     const char       *email)
{
  g_autoptr(MkUser) user = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (MK_IS_ACCOUNT_SERVICE (self), 0);

  if (email == NULL)
    return 0;

  trimmed = g_strstrip (g_strdup (email));
  user = mk_store_users_find_by_email (mk_context_get_store (self->context), trimmed, NULL);
  if (user == NULL)
    return 0;

  return mk_login_throttle_seconds_left (mk_user_get_locked_until (user),
                                         mk_clock_now (self->clock, self->clock_data));
}

/* Kept sessions */

typedef struct {
  GPtrArray *users;
  guint      next;
} Restore;

static void
restore_free (Restore *restore)
{
  g_ptr_array_unref (restore->users);
  g_free (restore);
}

static void restore_next (GTask *task);

static void
restore_lookup_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = G_TASK (user_data);
  MkAccountService *self = g_task_get_source_object (task);
  Restore *restore = g_task_get_task_data (task);
  MkUser *user = g_ptr_array_index (restore->users, restore->next - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(MkVaultSecret) secret = NULL;
  g_autoptr(MkPassword) expected = NULL;

  secret = mk_vault_lookup_finish (MK_VAULT (object), result, &error);
  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      /* No keyring means no kept session; the password page still works. */
      g_message ("No kept session: %s", error->message);
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  expected = session_secret_for (mk_user_get_id (user), mk_user_get_password_hash (user));
  if (secret != NULL && expected != NULL && strlen (secret) == strlen (expected) &&
      sodium_memcmp (secret, expected, strlen (expected)) == 0)
    {
      log_row (mk_context_get_store (self->context), mk_user_get_id (user), "login",
               MK_LOG_STATUS_SUCCESS, "Signed in with the session kept on this computer");
      mk_context_set_user_id (self->context, mk_user_get_id (user));
      g_task_return_pointer (task, g_strdup (mk_user_get_id (user)), g_free);
      return;
    }

  restore_next (g_steal_pointer (&task));
}

static void
restore_next (GTask *task)
{
  MkAccountService *self = g_task_get_source_object (task);
  Restore *restore = g_task_get_task_data (task);
  MkUser *user;

  if (restore->next >= restore->users->len)
    {
      g_task_return_pointer (task, NULL, NULL);
      g_object_unref (task);
      return;
    }

  user = g_ptr_array_index (restore->users, restore->next++);
  mk_vault_lookup_async (mk_context_get_vault (self->context), mk_user_get_id (user),
                         MK_VAULT_KIND_SESSION, g_task_get_cancellable (task),
                         restore_lookup_cb, task);
}

void
mk_account_service_restore_session_async (MkAccountService    *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  GTask *task;
  Restore *restore;
  GError *error = NULL;
  GPtrArray *users;

  g_return_if_fail (MK_IS_ACCOUNT_SERVICE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_account_service_restore_session_async);

  users = mk_store_users_list (mk_context_get_store (self->context), &error);
  if (users == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  restore = g_new0 (Restore, 1);
  restore->users = users;
  g_task_set_task_data (task, restore, (GDestroyNotify) restore_free);
  restore_next (task);
}

char *
mk_account_service_restore_session_finish (MkAccountService  *self,
                                           GAsyncResult      *result,
                                           GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Lock and sign out */

void
mk_account_service_lock (MkAccountService *self)
{
  const char *user_id;

  g_return_if_fail (MK_IS_ACCOUNT_SERVICE (self));

  user_id = mk_context_get_user_id (self->context);
  if (user_id == NULL)
    return;

  log_row (mk_context_get_store (self->context), user_id, "lock",
           MK_LOG_STATUS_SUCCESS, "Locked");
  mk_context_set_user_id (self->context, NULL);
}

void
mk_account_service_sign_out (MkAccountService *self)
{
  g_autofree char *user_id = NULL;

  g_return_if_fail (MK_IS_ACCOUNT_SERVICE (self));

  user_id = g_strdup (mk_context_get_user_id (self->context));
  if (user_id == NULL)
    return;

  forget_session (self, user_id);
  log_row (mk_context_get_store (self->context), user_id, "logout",
           MK_LOG_STATUS_SUCCESS, "Signed out");
  mk_context_set_user_id (self->context, NULL);
}

/* Change password */

static void
change_password_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(MkUser) user = NULL;
  g_autoptr(MkPassword) hash = NULL;
  GError *error = NULL;

  if (!mk_password_validate (job->new_password, &error) ||
      (store = mk_store_open (job->path, &error)) == NULL ||
      (user = mk_store_users_get (store, job->user_id, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!mk_password_verify (mk_user_get_password_hash (user), job->password))
    {
      log_row (store, job->user_id, "change_password", MK_LOG_STATUS_FAILURE,
               "The current password was wrong");
      mk_validate_set_error (&error, MK_VALIDATE_ERROR_INVALID, "current_password",
                             _("The current password is not right"));
      g_task_return_error (task, error);
      return;
    }

  if ((hash = mk_password_hash (job->new_password, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  mk_user_set_password_hash (user, hash);
  if (!mk_store_users_update (store, user, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  log_row (store, job->user_id, "change_password", MK_LOG_STATUS_SUCCESS,
           "Password changed");
  g_task_return_boolean (task, TRUE);
}

void
mk_account_service_change_password_async (MkAccountService    *self,
                                          const char          *old_password,
                                          const char          *new_password,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (MK_IS_ACCOUNT_SERVICE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_account_service_change_password_async);

  if (mk_context_get_user_id (self->context) == NULL)
    {
      g_task_return_new_error (task, MK_ACCOUNT_ERROR, MK_ACCOUNT_ERROR_NOT_SIGNED_IN,
                               _("Sign in first"));
      return;
    }

  job = job_new (self);
  job->user_id = g_strdup (mk_context_get_user_id (self->context));
  job->password = g_strdup (old_password != NULL ? old_password : "");
  job->new_password = g_strdup (new_password != NULL ? new_password : "");
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, change_password_thread);
}

gboolean
mk_account_service_change_password_finish (MkAccountService  *self,
                                           GAsyncResult      *result,
                                           GError           **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* A kept session was tied to the old hash and no longer matches: drop
   * the stale keyring item. */
  job = g_task_get_task_data (G_TASK (result));
  forget_session (self, job->user_id);
  return TRUE;
}

/* Delete account */

/* The profile pictures the editor copied into <data-dir>/avatars, named
 * "<user-id>-<random>.png" (src/ui/profile/mk-avatar.c): the cascade
 * removes the row that points at them, this removes the files. */
static void
remove_avatars (const char *db_path,
                const char *user_id)
{
  g_autofree char *data_dir = g_path_get_dirname (db_path);
  g_autofree char *avatars = g_build_filename (data_dir, "avatars", NULL);
  g_autofree char *prefix = g_strconcat (user_id, "-", NULL);
  g_autoptr(GDir) dir = g_dir_open (avatars, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, prefix))
        continue;

      path = g_build_filename (avatars, name, NULL);
      if (g_remove (path) != 0)
        g_message ("Could not remove the picture %s: %s", path, g_strerror (errno));
    }
}

static void
delete_account_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(MkUser) user = NULL;
  g_autoptr(GPtrArray) connections = NULL;
  g_autofree char *message = NULL;
  GError *error = NULL;

  if ((store = mk_store_open (job->path, &error)) == NULL ||
      (user = mk_store_users_get (store, job->user_id, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!mk_password_verify (mk_user_get_password_hash (user), job->password))
    {
      log_row (store, job->user_id, "delete_account", MK_LOG_STATUS_FAILURE,
               "The password was wrong");
      mk_validate_set_error (&error, MK_VALIDATE_ERROR_INVALID, "password",
                             _("The password is not right"));
      g_task_return_error (task, error);
      return;
    }

  /* The tokens' keyring items are named after the connection ids, which the
   * cascade is about to remove. */
  if ((connections = mk_store_connections_list (store, job->user_id, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  job->connection_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < connections->len; i++)
    g_ptr_array_add (job->connection_ids,
                     g_strdup (mk_connection_get_id (g_ptr_array_index (connections, i))));

  if (!mk_store_users_delete (store, job->user_id, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  remove_avatars (job->path, job->user_id);

  /* The row outlives the account (user_id becomes NULL), so it says whose
   * account it was. */
  message = g_strdup_printf ("Account %s deleted", job->user_id);
  log_row (store, NULL, "delete_account", MK_LOG_STATUS_SUCCESS, message);
  g_task_return_boolean (task, TRUE);
}

void
mk_account_service_delete_account_async (MkAccountService    *self,
                                         const char          *password,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (MK_IS_ACCOUNT_SERVICE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_account_service_delete_account_async);

  if (mk_context_get_user_id (self->context) == NULL)
    {
      g_task_return_new_error (task, MK_ACCOUNT_ERROR, MK_ACCOUNT_ERROR_NOT_SIGNED_IN,
                               _("Sign in first"));
      return;
    }

  job = job_new (self);
  job->user_id = g_strdup (mk_context_get_user_id (self->context));
  job->password = g_strdup (password != NULL ? password : "");
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, delete_account_thread);
}

gboolean
mk_account_service_delete_account_finish (MkAccountService  *self,
                                          GAsyncResult      *result,
                                          GError           **error)
{
  MkVault *vault = mk_context_get_vault (self->context);
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  forget_session (self, job->user_id);
  for (guint i = 0; i < job->connection_ids->len; i++)
    {
      const char *id = g_ptr_array_index (job->connection_ids, i);

      mk_vault_clear_async (vault, id, MK_VAULT_KIND_ACCESS, NULL, vault_clear_cb, NULL);
      mk_vault_clear_async (vault, id, MK_VAULT_KIND_REFRESH, NULL, vault_clear_cb, NULL);
    }

  if (g_strcmp0 (mk_context_get_user_id (self->context), job->user_id) == 0)
    mk_context_set_user_id (self->context, NULL);

  return TRUE;
}
