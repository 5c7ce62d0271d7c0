/* mk-account-service.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mk-context.h"
#include "mk-login-throttle.h"

G_BEGIN_DECLS

#define MK_ACCOUNT_ERROR (mk_account_error_quark ())

/**
 * MkAccountError:
 * @MK_ACCOUNT_ERROR_WRONG_CREDENTIALS: unknown email or wrong password; the
 *   two share one message on purpose, so nobody learns which emails exist
 * @MK_ACCOUNT_ERROR_THROTTLED: too many failures; wait
 *   (mk_account_service_get_seconds_left() says how long)
 * @MK_ACCOUNT_ERROR_NOT_SIGNED_IN: the call needs a signed-in account
 */
typedef enum {
  MK_ACCOUNT_ERROR_WRONG_CREDENTIALS,
  MK_ACCOUNT_ERROR_THROTTLED,
  MK_ACCOUNT_ERROR_NOT_SIGNED_IN,
} MkAccountError;

GQuark mk_account_error_quark (void);

/* The work behind sign-up, on any thread with its own store: validates the
 * email (form, uniqueness regardless of case) and the password, hashes it
 * (slow), inserts the user and logs "signup". Returns the new user id.
 * Validation failures are MK_VALIDATE_ERRORs on "email" or "password". */
char *mk_account_create (MkStore     *store,
                         const char  *email,
                         const char  *password,
                         GError     **error);

#define MK_TYPE_ACCOUNT_SERVICE (mk_account_service_get_type ())

G_DECLARE_FINAL_TYPE (MkAccountService, mk_account_service, MK, ACCOUNT_SERVICE, GObject)

/* Signs accounts in and out of @context: success sets its user-id,
 * sign-out and lock clear it. Hashing runs in worker threads with their own
 * store connection. */
MkAccountService *mk_account_service_new              (MkContext           *context);
MkContext        *mk_account_service_get_context      (MkAccountService    *self);

/* Tests replace the clock the throttle reads. */
void              mk_account_service_set_clock        (MkAccountService    *self,
                                                       MkClockFunc          clock,
                                                       gpointer             user_data);

/* Signs the new account in. */
void              mk_account_service_sign_up_async    (MkAccountService    *self,
                                                       const char          *email,
                                                       const char          *password,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
char             *mk_account_service_sign_up_finish   (MkAccountService    *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* @keep_signed_in stores a session secret in the keyring, so the next
 * start skips the password (mk_account_service_restore_session_async()). */
void              mk_account_service_sign_in_async    (MkAccountService    *self,
                                                       const char          *email,
                                                       const char          *password,
                                                       gboolean             keep_signed_in,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
char             *mk_account_service_sign_in_finish   (MkAccountService    *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Seconds before @email may try again (0: now). A short indexed query. */
gint64            mk_account_service_get_seconds_left (MkAccountService    *self,
                                                       const char          *email);

/* Looks for a kept session of any account in the keyring; signs it in and
 * returns its id, or returns NULL (no error) when there is none. A missing
 * secret service is no session, not a failure. */
void              mk_account_service_restore_session_async  (MkAccountService    *self,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
char             *mk_account_service_restore_session_finish (MkAccountService    *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);

/* Back to the sign-in page for the same account; the kept session stays. */
void              mk_account_service_lock             (MkAccountService    *self);
/* Forgets the kept session (keyring) and signs out. */
void              mk_account_service_sign_out         (MkAccountService    *self);

void              mk_account_service_change_password_async  (MkAccountService    *self,
                                                             const char          *old_password,
                                                             const char          *new_password,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
gboolean          mk_account_service_change_password_finish (MkAccountService    *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);

/* Checks @password, deletes the signed-in account with every row it owns
 * (cascade), removes its keyring items and signs out. */
void              mk_account_service_delete_account_async   (MkAccountService    *self,
                                                             const char          *password,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
gboolean          mk_account_service_delete_account_finish  (MkAccountService    *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);

G_END_DECLS
