/* test-accounts.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account window under Xvfb: the first run signs up, a sign-out comes
 * back to the sign-in page, a wrong password shows one message, the right
 * one signs in again; two accounts show the chooser. A new account goes
 * through the profile editor first. Preferences → Account changes the
 * password (the old one then fails) and deletes the account with every
 * row and keyring item it had.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "account/mk-account-page.h"
#include "account/mk-account-window.h"
#include "mk-account-service.h"
#include "mk-calendar-table.h"
#include "mk-connections-table.h"
#include "mk-users-table.h"
#include "profile/mk-profile-editor.h"
#include "ui-test-app.h"

static AdwApplication *app;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (gpointer data);

static gboolean
run_until (Condition condition,
           gpointer  data,
           guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return condition (data);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
is_signed_in (gpointer data)
{
  return mk_context_get_user_id (MK_CONTEXT (data)) != NULL;
}

static gboolean
label_shown (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data)) &&
         *gtk_label_get_text (GTK_LABEL (data)) != '\0';
}

static GtkWidget *
child (MkAccountWindow *window,
       const char      *name)
{
  GtkWidget *widget = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                   MK_TYPE_ACCOUNT_WINDOW, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
set_text (MkAccountWindow *window,
          const char      *name,
          const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (window, name)), text);
}

static MkAccountWindow *
open_window (MkAccountService *service)
{
  MkAccountWindow *window = mk_account_window_new (GTK_APPLICATION (app), service);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (run_until (is_mapped, window, 5000));
  return window;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_remove (file);
    }
  g_rmdir (path);
}

static void
test_sign_up_out_in (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mk-test-accounts-XXXXXX", &error);
  g_autoptr(MkContext) context = mk_context_new (dir, &error);
  g_autoptr(MkAccountService) service = mk_account_service_new (context);
  g_autofree char *user_id = NULL;
  MkAccountWindow *window;
  GtkWidget *email_error;

  g_assert_no_error (error);

  /* First run: the welcome page with the sign-up form. */
  window = open_window (service);
  g_assert_cmpstr (mk_account_window_get_page (window), ==, "sign-up");
  g_assert_false (gtk_widget_get_visible (child (window, "to_sign_in_button")));

  /* A malformed email is refused beside the field, before any hashing. */
  set_text (window, "sign_up_email", "not-an-email");
  set_text (window, "sign_up_password", "a good password");
  set_text (window, "sign_up_confirm", "a good password");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "account.sign-up", NULL));
  email_error = child (window, "sign_up_email_error");
  g_assert_true (label_shown (email_error));
  g_assert_true (gtk_widget_has_css_class (child (window, "sign_up_email"), "error"));
  g_assert_null (mk_context_get_user_id (context));

  /* Passwords that differ. */
  set_text (window, "sign_up_email", "creator@example.com");
  g_assert_false (gtk_widget_get_visible (email_error));
  set_text (window, "sign_up_confirm", "another password");
  gtk_widget_activate_action (GTK_WIDGET (window), "account.sign-up", NULL);
  g_assert_true (gtk_widget_has_css_class (child (window, "sign_up_confirm"), "error"));
  g_assert_null (mk_context_get_user_id (context));

  set_text (window, "sign_up_confirm", "a good password");
  gtk_widget_activate_action (GTK_WIDGET (window), "account.sign-up", NULL);
  g_assert_true (run_until (is_signed_in, context, 10000));
  user_id = g_strdup (mk_context_get_user_id (context));
  g_assert_true (mk_account_window_get_signed_up (window));
  gtk_window_destroy (GTK_WINDOW (window));

  /* What the application does for a new account: the profile editor,
   * filled in from the email, ready to save. */
  {
    MkProfileEditor *editor = mk_profile_editor_new (NULL, mk_context_get_store (context), user_id);
    g_autoptr(MkProfile) profile = NULL;

    g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
    mk_profile_editor_fill_defaults (editor);
    gtk_window_present (GTK_WINDOW (editor));
    gtk_widget_activate_action (GTK_WIDGET (editor), "profile.save", NULL);
    g_assert_null (editor);
    profile = mk_store_profiles_get (mk_context_get_store (context), user_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (mk_profile_get_slug (profile), ==, "creator");
    g_assert_cmpstr (mk_profile_get_display_name (profile), ==, "Creator");
  }

  /* Sign out: one account, so straight to its sign-in page. */
  mk_account_service_sign_out (service);
  g_assert_null (mk_context_get_user_id (context));
  window = open_window (service);
  g_assert_cmpstr (mk_account_window_get_page (window), ==, "sign-in");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (window, "sign_in_email"))), ==,
                   "creator@example.com");

  set_text (window, "sign_in_password", "not the password");
  gtk_widget_activate_action (GTK_WIDGET (window), "account.sign-in", NULL);
  g_assert_true (run_until (label_shown, child (window, "sign_in_error"), 10000));
  g_assert_null (mk_context_get_user_id (context));
  /* The password field is emptied after a try. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (window, "sign_in_password"))), ==, "");

  set_text (window, "sign_in_password", "a good password");
  g_assert_false (gtk_widget_get_visible (child (window, "sign_in_error")));
  gtk_widget_activate_action (GTK_WIDGET (window), "account.sign-in", NULL);
  g_assert_true (run_until (is_signed_in, context, 10000));
  g_assert_cmpstr (mk_context_get_user_id (context), ==, user_id);
  /* Signing in is not signing up: no editor this time. */
  g_assert_false (mk_account_window_get_signed_up (window));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&service);
  g_clear_object (&context);
  remove_tree (dir);
}

static void
test_chooser (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mk-test-accounts-XXXXXX", &error);
  g_autoptr(MkContext) context = mk_context_new (dir, &error);
  g_autoptr(MkAccountService) service = mk_account_service_new (context);
  MkAccountWindow *window;
  GtkListBoxRow *row;

  /* Cheap hashes are enough here: nobody signs in. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(MkUser) user = mk_user_new ();
      g_autofree char *email = g_strdup_printf ("creator%u@example.com", i);

      mk_user_set_email (user, email);
      mk_user_set_password_hash (user, "!");
      g_assert_true (mk_store_users_insert (mk_context_get_store (context), user, NULL));
    }

  window = open_window (service);
  g_assert_cmpstr (mk_account_window_get_page (window), ==, "chooser");

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (window, "chooser_list")), 1);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (window, "chooser_list")), 2));
  g_signal_emit_by_name (child (window, "chooser_list"), "row-activated", row);
  g_assert_cmpstr (mk_account_window_get_page (window), ==, "sign-in");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (window, "sign_in_email"))), ==,
                   "creator1@example.com");

  gtk_widget_activate_action (GTK_WIDGET (window), "account.show-sign-up", NULL);
  g_assert_cmpstr (mk_account_window_get_page (window), ==, "sign-up");
  g_assert_true (gtk_widget_get_visible (child (window, "to_sign_in_button")));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&service);
  g_clear_object (&context);
  remove_tree (dir);
}

/* Preferences → Account */

typedef struct {
  char             *dir;
  MkContext        *context;
  MkAccountService *service;
  char             *user_id;
  GtkWindow        *window;
  GtkWidget        *page;
} PageFixture;

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
page_child (PageFixture *f,
            const char  *name)
{
  GtkWidget *widget = find_named (f->page, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
page_set_up (PageFixture   *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("mk-test-account-page-XXXXXX", &error);
  g_assert_no_error (error);
  f->context = mk_context_new (f->dir, &error);
  g_assert_no_error (error);
  f->service = mk_account_service_new (f->context);
  f->user_id = mk_account_create (mk_context_get_store (f->context), "page@example.com",
                                  "first password", &error);
  g_assert_no_error (error);
  mk_context_set_user_id (f->context, f->user_id);

  f->window = GTK_WINDOW (adw_preferences_window_new ());
  f->page = mk_account_page_new (f->context);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (f->window), ADW_PREFERENCES_PAGE (f->page));
  gtk_window_present (f->window);
  g_assert_true (run_until (is_mapped, f->window, 5000));
}

static void
page_tear_down (PageFixture   *f,
                gconstpointer  data)
{
  g_autofree char *avatars = g_build_filename (f->dir, "avatars", NULL);

  if (f->window != NULL)
    gtk_window_destroy (f->window);
  g_clear_object (&f->service);
  g_clear_object (&f->context);
  remove_tree (avatars);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->user_id);
}

typedef struct {
  GAsyncResult *result;
} Wait;

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ((Wait *) user_data)->result = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return ((Wait *) data)->result != NULL;
}

/* Signs in with the service, as the sign-in page does; NULL on failure. */
static char *
try_sign_in (PageFixture *f,
             const char  *password,
             gboolean     keep,
             GError     **error)
{
  Wait wait = { NULL };
  char *user_id;

  mk_account_service_sign_in_async (f->service, "page@example.com", password, keep, NULL,
                                    result_cb, &wait);
  g_assert_true (run_until (has_result, &wait, 10000));
  user_id = mk_account_service_sign_in_finish (f->service, wait.result, error);
  g_object_unref (wait.result);
  return user_id;
}

static gboolean
message_is_error (gpointer data)
{
  return gtk_widget_has_css_class (GTK_WIDGET (data), "error");
}

static gboolean
fields_emptied (gpointer data)
{
  PageFixture *f = data;

  return *gtk_editable_get_text (GTK_EDITABLE (page_child (f, "current_password_row"))) == '\0' &&
         gtk_widget_get_sensitive (page_child (f, "change_password_button"));
}

static void
set_page_text (PageFixture *f,
               const char  *name,
               const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (page_child (f, name)), text);
}

static void
test_page_change_password (PageFixture   *f,
                           gconstpointer  data)
{
  GtkWidget *message = page_child (f, "password_message");
  g_autoptr(GError) error = NULL;
  g_autofree char *signed_in = NULL;
  g_autofree char *old_try = NULL;

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (page_child (f, "email_row"))),
                   ==, "page@example.com");

  /* The two new passwords differ: said at once, beside the second. */
  set_page_text (f, "current_password_row", "first password");
  set_page_text (f, "new_password_row", "second password");
  set_page_text (f, "confirm_password_row", "second passw0rd");
  gtk_widget_activate_action (f->page, "account.change-password", NULL);
  g_assert_true (gtk_widget_has_css_class (page_child (f, "confirm_password_row"), "error"));
  g_assert_true (message_is_error (message));

  /* Too short. */
  set_page_text (f, "new_password_row", "short");
  set_page_text (f, "confirm_password_row", "short");
  g_assert_false (message_is_error (message));
  gtk_widget_activate_action (f->page, "account.change-password", NULL);
  g_assert_true (gtk_widget_has_css_class (page_child (f, "new_password_row"), "error"));

  /* A wrong current password: after the hash, beside the first field. */
  set_page_text (f, "current_password_row", "not the password");
  set_page_text (f, "new_password_row", "second password");
  set_page_text (f, "confirm_password_row", "second password");
  gtk_widget_activate_action (f->page, "account.change-password", NULL);
  g_assert_true (run_until (message_is_error, message, 10000));
  g_assert_true (gtk_widget_has_css_class (page_child (f, "current_password_row"), "error"));
  g_assert_false (gtk_widget_has_css_class (page_child (f, "new_password_row"), "error"));

  set_page_text (f, "current_password_row", "first password");
  gtk_widget_activate_action (f->page, "account.change-password", NULL);
  g_assert_true (run_until (fields_emptied, f, 10000));
  g_assert_false (message_is_error (message));
  g_assert_cmpstr (mk_context_get_user_id (f->context), ==, f->user_id);

  /* The old password fails now; the new one works. */
  old_try = try_sign_in (f, "first password", FALSE, &error);
  g_assert_null (old_try);
  g_assert_error (error, MK_ACCOUNT_ERROR, MK_ACCOUNT_ERROR_WRONG_CREDENTIALS);
  signed_in = try_sign_in (f, "second password", FALSE, NULL);
  g_assert_cmpstr (signed_in, ==, f->user_id);
}

static gint64
count_rows (PageFixture *f,
            const char  *table,
            const char  *column)
{
  g_autofree char *db = g_build_filename (f->dir, "mediakit.db", NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?", table, column);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, f->user_id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);

  return n;
}

static void
vault_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  mk_vault_store_finish (MK_VAULT (object), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* An item being written or removed right then may be found without its
 * secret: that is an error, and @found says whether anything was there. */
static char *
vault_lookup (PageFixture *f,
              const char  *id,
              const char  *kind,
              gboolean    *found)
{
  Wait wait = { NULL };
  g_autoptr(GError) error = NULL;
  char *secret;

  mk_vault_lookup_async (mk_context_get_vault (f->context), id, kind, NULL, result_cb, &wait);
  g_assert_true (run_until (has_result, &wait, 10000));
  secret = mk_vault_lookup_finish (mk_context_get_vault (f->context), wait.result, &error);
  g_assert_true (error == NULL || g_error_matches (error, MK_VAULT_ERROR, MK_VAULT_ERROR_FAILED));
  g_object_unref (wait.result);
  *found = secret != NULL || error != NULL;
  return secret;
}

static gboolean
vault_emptied (gpointer data)
{
  PageFixture *f = data;
  MkConnection *connection = g_object_get_data (G_OBJECT (f->context), "test-connection");
  gboolean session, access, refresh;
  g_autoptr(MkVaultSecret) s1 = vault_lookup (f, f->user_id, MK_VAULT_KIND_SESSION, &session);
  g_autoptr(MkVaultSecret) s2 = vault_lookup (f, mk_connection_get_id (connection), MK_VAULT_KIND_ACCESS, &access);
  g_autoptr(MkVaultSecret) s3 = vault_lookup (f, mk_connection_get_id (connection), MK_VAULT_KIND_REFRESH, &refresh);

  return !session && !access && !refresh;
}

static AdwMessageDialog *
find_dialog (GtkWindow *parent)
{
  AdwMessageDialog *dialog = NULL;

  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == parent &&
        gtk_widget_get_visible (l->data))
      dialog = l->data;

  return dialog;
}

static gboolean
label_visible (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

static gboolean
is_signed_out (gpointer data)
{
  return mk_context_get_user_id (MK_CONTEXT (data)) == NULL;
}

/* As a click does: the response, then the dialog closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static void
confirm_delete (PageFixture *f,
                const char  *password)
{
  AdwMessageDialog *dialog;
  GtkWidget *row;

  gtk_widget_activate_action (f->page, "account.delete", NULL);
  dialog = find_dialog (f->window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  /* Nothing to confirm with until the password is typed. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "delete"));
  row = find_named (GTK_WIDGET (dialog), "delete_password_row");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), password);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "delete"));
  respond (dialog, "delete");
}

static void
test_page_delete (PageFixture   *f,
                  gconstpointer  data)
{
  MkStore *store = mk_context_get_store (f->context);
  g_autoptr(MkProfile) profile = mk_profile_new ();
  g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();
  g_autoptr(MkConnection) connection = mk_connection_new ();
  g_autofree char *avatars = g_build_filename (f->dir, "avatars", NULL);
  g_autofree char *avatar = NULL;
  g_autofree char *other_avatar = NULL;
  g_autofree char *signed_in = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *message = page_child (f, "delete_message");
  gboolean stored = FALSE;

  /* Rows in every table an account owns… */
  mk_profile_set_user_id (profile, f->user_id);
  mk_profile_set_slug (profile, "page-creator");
  mk_profile_set_display_name (profile, "Page Creator");
  g_assert_true (mk_store_profiles_save (store, profile, &error));
  mk_calendar_entry_set_user_id (entry, f->user_id);
  mk_calendar_entry_set_brand_name (entry, "Acme");
  mk_calendar_entry_set_date (entry, "2026-12-01");
  g_assert_true (mk_store_calendar_insert (store, entry, &error));
  g_assert_no_error (error);
  mk_connection_set_user_id (connection, f->user_id);
  mk_connection_set_platform (connection, MK_PLATFORM_YOUTUBE);
  mk_connection_set_platform_user_id (connection, "UC123");
  g_assert_true (mk_store_connections_insert (store, connection, &error));
  g_assert_no_error (error);
  g_object_set_data (G_OBJECT (f->context), "test-connection", connection);

  /* …a picture, and keyring items: a kept session and the tokens. */
  g_mkdir_with_parents (avatars, 0700);
  avatar = g_strdup_printf ("%s/%s-0badf00d.png", avatars, f->user_id);
  other_avatar = g_strdup_printf ("%s/someone-else-0badf00d.png", avatars);
  g_assert_true (g_file_set_contents (avatar, "png", -1, NULL));
  g_assert_true (g_file_set_contents (other_avatar, "png", -1, NULL));
  signed_in = try_sign_in (f, "first password", TRUE, &error);
  g_assert_no_error (error);
  mk_vault_store_async (mk_context_get_vault (f->context), mk_connection_get_id (connection),
                        MK_VAULT_KIND_ACCESS, "test", "access-token", NULL, vault_done_cb, &stored);
  g_assert_true (run_until (is_true, &stored, 10000));
  stored = FALSE;
  mk_vault_store_async (mk_context_get_vault (f->context), mk_connection_get_id (connection),
                        MK_VAULT_KIND_REFRESH, "test", "refresh-token", NULL, vault_done_cb, &stored);
  g_assert_true (run_until (is_true, &stored, 10000));
  {
    g_autoptr(MkVaultSecret) session = NULL;
    gboolean found = FALSE;

    /* The kept session is written after sign-in returns. */
    for (guint i = 0; i < 100 && session == NULL; i++)
      {
        session = vault_lookup (f, f->user_id, MK_VAULT_KIND_SESSION, &found);
        if (session == NULL)
          g_usleep (20000);
      }
    g_assert_nonnull (session);
  }
  g_assert_false (vault_emptied (f));

  /* A wrong password: said on the page, nothing deleted. */
  confirm_delete (f, "not the password");
  g_assert_true (run_until (label_visible, message, 10000));
  g_assert_cmpstr (mk_context_get_user_id (f->context), ==, f->user_id);
  g_assert_cmpint (count_rows (f, "users", "id"), ==, 1);
  g_assert_cmpint (count_rows (f, "profiles", "user_id"), ==, 1);

  /* Cancel deletes nothing either. */
  gtk_widget_activate_action (f->page, "account.delete", NULL);
  respond (find_dialog (f->window), "cancel");
  g_assert_cmpint (count_rows (f, "users", "id"), ==, 1);

  confirm_delete (f, "first password");
  g_assert_true (run_until (is_signed_out, f->context, 10000));
  g_assert_false (gtk_widget_get_visible (message));
  g_assert_cmpint (count_rows (f, "users", "id"), ==, 0);
  g_assert_cmpint (count_rows (f, "profiles", "user_id"), ==, 0);
  g_assert_cmpint (count_rows (f, "calendar_entries", "user_id"), ==, 0);
  g_assert_cmpint (count_rows (f, "social_connections", "user_id"), ==, 0);
  g_assert_false (g_file_test (avatar, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other_avatar, G_FILE_TEST_EXISTS));
  g_assert_true (run_until (vault_emptied, f, 10000));
  g_remove (other_avatar);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  app = ui_test_app_new (&argc, &argv, "io.github.mediakit.Mediakit.TestAccounts");

  g_test_add_func ("/accounts/window/sign-up-out-in", test_sign_up_out_in);
  g_test_add_func ("/accounts/window/chooser", test_chooser);
  g_test_add ("/accounts/page/change-password", PageFixture, NULL, page_set_up,
              test_page_change_password, page_tear_down);
  g_test_add ("/accounts/page/delete", PageFixture, NULL, page_set_up, test_page_delete, page_tear_down);

  ret = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return ret;
}
