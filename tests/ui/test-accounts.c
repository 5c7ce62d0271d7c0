/* test-accounts.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account window under Xvfb: the first run signs up, a sign-out comes
 * back to the sign-in page, a wrong password shows one message, the right
 * one signs in again; two accounts show the chooser.
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "account/mk-account-window.h"
#include "mk-account-service.h"
#include "mk-users-table.h"

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
  gtk_window_destroy (GTK_WINDOW (window));

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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = adw_application_new ("io.github.mediakit.Mediakit.TestAccounts", G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_PREFIX);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/accounts/window/sign-up-out-in", test_sign_up_out_in);
  g_test_add_func ("/accounts/window/chooser", test_chooser);

  ret = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  return ret;
}
