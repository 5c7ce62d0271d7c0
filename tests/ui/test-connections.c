/* test-connections.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mk-connection-row.h"
#include "mk-connections-page.h"
#include "mk-context.h"
#include "mk-demo.h"
#include "mk-fake-server.h"

/* Preferences → Connections, under Xvfb, against the fake server and the
 * keyring that build-aux/headless-run provides. */

static MkContext *context;
static char *data_dir;
static char *user_id;
static MkFakeServer *server;

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

/* Every widget of @type under @widget, in tree order. */
static void
collect_of_type (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_of_type (child, type, found);
}

static MkConnectionRow *
row_for (GPtrArray  *rows,
         MkPlatform  platform)
{
  for (guint i = 0; i < rows->len; i++)
    if (mk_connection_row_get_platform (rows->pdata[i]) == platform)
      return rows->pdata[i];
  return NULL;
}

static void
test_page (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(MkConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  MkConnectionsPage *page;
  MkConnectionService *service;
  MkConnectionRow *instagram;
  GtkWidget *window;

  window = adw_preferences_window_new ();
  page = mk_connections_page_new (context);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));

  service = mk_connections_page_get_service (page);
  g_assert_nonnull (service);

  collect_of_type (GTK_WIDGET (page), MK_TYPE_CONNECTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 3);
  for (MkPlatform p = MK_PLATFORM_INSTAGRAM; p <= MK_PLATFORM_YOUTUBE; p++)
    {
      MkConnectionRow *row = row_for (rows, p);

      g_assert_nonnull (row);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       mk_platform_get_display_name (p));
      g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Not connected");
    }

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  /* A pasted token, through the page's service: the row follows. */
  instagram = row_for (rows, MK_PLATFORM_INSTAGRAM);
  mk_connection_service_connect_token_async (service, MK_PLATFORM_INSTAGRAM, "IGAAfromthepage",
                                             NULL, on_done, &result);
  connection = mk_connection_service_connect_finish (service, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (instagram)), ==,
                   "Connected as @sarahlens");

  mk_connection_service_mark_needs_reconnect (service, MK_PLATFORM_INSTAGRAM, "Session has expired");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (instagram)), ==,
                   "Needs reconnecting: Session has expired");

  g_clear_object (&result);
  mk_connection_service_disconnect_async (service, MK_PLATFORM_INSTAGRAM, NULL, on_done, &result);
  g_assert_true (mk_connection_service_disconnect_finish (service, wait_for (&result), &error));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (instagram)), ==, "Not connected");

  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item)
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (item)), heading) == 0)
        return ADW_MESSAGE_DIALOG (item);
    }

  return NULL;
}

static void
test_device_sign_in (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  MkConnectionsPage *page;
  MkConnectionService *service;
  MkConnectionRow *facebook;
  GtkWidget *window;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("Needs a keyring");
      return;
    }

  window = adw_preferences_window_new ();
  page = mk_connections_page_new (context);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
  service = mk_connections_page_get_service (page);
  mk_connection_service_set_device_time_unit (service, 20);
  mk_connection_service_set_client_id (service, MK_PLATFORM_FACEBOOK, "465029381746502");
  mk_connection_service_set_client_token (service, "fixture-client-token");
  mk_fake_server_set_device_script (server, "pending,pending,ok");

  collect_of_type (GTK_WIDGET (page), MK_TYPE_CONNECTION_ROW, rows);
  facebook = row_for (rows, MK_PLATFORM_FACEBOOK);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facebook), "row.connect-device", NULL));

  /* The code is shown while Mediakit polls ... */
  while (find_dialog ("Enter the Code") == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* ... and the dialog goes away once the platform says yes. */
  while (find_dialog ("Enter the Code") != NULL)
    g_main_context_iteration (NULL, TRUE);
  while (g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (facebook)), "Not connected") == 0
         || g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (facebook)), "Asking"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (facebook)),
                                   "Connected as Sarah Lens"));

  {
    g_autoptr(GAsyncResult) result = NULL;

    mk_connection_service_disconnect_async (service, MK_PLATFORM_FACEBOOK, NULL, on_done, &result);
    g_assert_true (mk_connection_service_disconnect_finish (service, wait_for (&result), NULL));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The title of the radio row that holds @check. */
static const char *
check_title (GtkWidget *check)
{
  GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

  g_assert_nonnull (row);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

/* The picker, once its Pages are shown (it has a Choose button then). */
static AdwMessageDialog *
wait_for_picker (void)
{
  AdwMessageDialog *picker;

  while ((picker = find_dialog ("Choose a Facebook Page")) == NULL
         || !adw_message_dialog_has_response (picker, "choose"))
    g_main_context_iteration (NULL, TRUE);
  return picker;
}

static GtkWidget *
checked (GPtrArray *checks)
{
  GtkWidget *found = NULL;

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (checks->pdata[i]))
      {
        g_assert_null (found);
        found = checks->pdata[i];
      }
  return found;
}

/* The Facebook row's "Facebook Page" row, with its Choose Page… button. */
static GtkWidget *
page_row (GtkWidget *widget)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Facebook Page") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = page_row (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
facebook_page_id (MkConnectionService *service)
{
  g_autoptr(MkConnection) connection = mk_connection_service_get_connection (service, MK_PLATFORM_FACEBOOK);

  return g_strdup (mk_connection_get_platform_user_id (connection));
}

static void
test_page_picker (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autofree char *chosen = NULL;
  g_autofree char *kept = NULL;
  MkConnectionsPage *page;
  MkConnectionService *service;
  MkConnectionRow *facebook;
  AdwMessageDialog *dialog;
  GtkWidget *window;
  GtkWidget *travel = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("Needs a keyring");
      return;
    }

  window = adw_preferences_window_new ();
  page = mk_connections_page_new (context);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
  service = mk_connections_page_get_service (page);
  mk_fake_server_set_facebook_pages (server, MK_FAKE_FB_PAGES_SEVERAL);

  collect_of_type (GTK_WIDGET (page), MK_TYPE_CONNECTION_ROW, rows);
  facebook = row_for (rows, MK_PLATFORM_FACEBOOK);
  g_assert_false (gtk_widget_get_visible (page_row (GTK_WIDGET (facebook))));

  /* Connect with a pasted token, from the row: the picker follows, since
   * this account manages several Pages. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facebook), "row.connect-token", NULL));
  while ((dialog = find_dialog ("Paste an Access Token")) == NULL)
    g_main_context_iteration (NULL, TRUE);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "entry"), "EAAfromthepicker");
  adw_message_dialog_response (dialog, "connect");

  dialog = wait_for_picker ();
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  collect_of_type (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 3);
  /* Nothing chosen yet: the Page the sync reads now, the first. */
  g_assert_cmpstr (check_title (checked (checks)), ==, "Sarah Lens Photography");
  for (guint i = 0; i < checks->len; i++)
    {
      g_assert_true (gtk_widget_get_focusable (checks->pdata[i]));
      if (g_strcmp0 (check_title (checks->pdata[i]), "Sarah Lens Travel Notes") == 0)
        travel = checks->pdata[i];
    }
  g_assert_nonnull (travel);

  /* Choose applies. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (travel), TRUE);
  adw_message_dialog_response (dialog, "choose");
  chosen = facebook_page_id (service);
  g_assert_cmpstr (chosen, ==, "231907455618342");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (facebook)),
                            "Page “Sarah Lens Travel Notes”"));
  /* A button would close it; adw_message_dialog_response() only emits. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (page_row (GTK_WIDGET (facebook))));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (page_row (GTK_WIDGET (facebook)))), ==,
                   "Sarah Lens Travel Notes");

  /* From the row: the current Page selected; Cancel changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facebook), "row.choose-page", NULL));
  dialog = wait_for_picker ();
  g_ptr_array_set_size (checks, 0);
  collect_of_type (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpstr (check_title (checked (checks)), ==, "Sarah Lens Travel Notes");
  gtk_check_button_set_active (checks->pdata[0], TRUE);
  adw_message_dialog_response (dialog, "cancel");
  kept = facebook_page_id (service);
  g_assert_cmpstr (kept, ==, "231907455618342");
  /* A button would close it; adw_message_dialog_response() only emits. */
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* No Page at all: said plainly, with nothing to choose. */
  mk_fake_server_set_facebook_pages (server, MK_FAKE_FB_PAGES_NONE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (facebook), "row.choose-page", NULL));
  while ((dialog = find_dialog ("No Facebook Pages")) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (adw_message_dialog_has_response (dialog, "choose"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "cancel"), ==, "_Close");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "manages no Page"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  mk_fake_server_set_facebook_pages (server, MK_FAKE_FB_PAGES_ONE);
  {
    g_autoptr(GAsyncResult) result = NULL;

    mk_connection_service_disconnect_async (service, MK_PLATFORM_FACEBOOK, NULL, on_done, &result);
    g_assert_true (mk_connection_service_disconnect_finish (service, wait_for (&result), NULL));
  }
  g_assert_false (gtk_widget_get_visible (page_row (GTK_WIDGET (facebook))));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_no_keyring_dialog (void)
{
  g_autoptr(GError) error = g_error_new_literal (MK_VAULT_ERROR, MK_VAULT_ERROR_NO_SERVICE, "x");
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  AdwMessageDialog *found = NULL;

  mk_connection_show_error (NULL, "Could Not Connect", error);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item))
        found = ADW_MESSAGE_DIALOG (item);
    }

  g_assert_nonnull (found);
  g_assert_cmpstr (adw_message_dialog_get_heading (found), ==, "No Keyring Available");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (found), "GNOME Keyring"));
  gtk_window_destroy (GTK_WINDOW (found));
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *spec = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Before the page reads MEDIAKIT_ENDPOINTS. */
  server = mk_fake_server_new ();
  spec = mk_fake_server_get_endpoints_spec (server);
  g_setenv ("MEDIAKIT_ENDPOINTS", spec, TRUE);

  data_dir = g_dir_make_tmp ("mediakit-test-connections-XXXXXX", &error);
  g_assert_no_error (error);
  context = mk_context_new (data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (mk_demo_fill (mk_context_get_store (context), &user_id, &error));
  g_assert_no_error (error);
  mk_context_set_user_id (context, user_id);

  g_test_add_func ("/connections/page", test_page);
  g_test_add_func ("/connections/device-sign-in", test_device_sign_in);
  g_test_add_func ("/connections/no-keyring-dialog", test_no_keyring_dialog);
  g_test_add_func ("/connections/page-picker", test_page_picker);
  ret = g_test_run ();

  g_clear_object (&context);
  remove_tree (data_dir);
  g_free (data_dir);
  g_free (user_id);
  mk_fake_server_free (server);

  return ret;
}
