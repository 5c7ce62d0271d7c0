/* mk-connection-row.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-connection-row.h"
#include "mk-oauth-error.h"
#include "mk-page-picker.h"
#include "mk-time.h"

struct _MkConnectionRow
{
  AdwExpanderRow        parent_instance;

  /* Template children */
  GtkWidget            *cancel_button;
  GtkWidget            *connect_button;
  GtkWidget            *disconnect_button;
  AdwActionRow         *page_row;
  AdwEntryRow          *client_id_row;
  AdwEntryRow          *client_secret_row;
  AdwEntryRow          *client_token_row;

  /* Owned */
  MkConnectionService  *service;
  GSettings            *settings;
  GCancellable         *cancellable;   /* the running connect, if any */
  GCancellable         *pages_cancellable; /* Facebook: the listing after a connect */
  AdwMessageDialog     *device_dialog;
  char                 *previous_page_id;  /* Facebook: the Page read before a reconnect */

  MkPlatform            platform;
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (MkConnectionRow, mk_connection_row, ADW_TYPE_EXPANDER_ROW)

static GtkWindow *
parent_window (MkConnectionRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
mk_connection_show_error (GtkWidget    *parent,
                          const char   *heading,
                          const GError *error)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *dialog;
  const char *body = error->message;

  if (g_error_matches (error, MK_VAULT_ERROR, MK_VAULT_ERROR_NO_SERVICE))
    {
      heading = _("No Keyring Available");
      body = _("Mediakit keeps platform tokens and client secrets only in a keyring, and no "
               "keyring service answers. Install and start GNOME Keyring (the “gnome-keyring” "
               "package) or another Secret Service provider such as KeePassXC, log out and in "
               "again, then retry. Nothing was stored anywhere else.");
    }
  else if (g_error_matches (error, MK_VAULT_ERROR, MK_VAULT_ERROR_LOCKED))
    {
      heading = _("Keyring Locked");
      body = _("The keyring stayed locked, so Mediakit could not reach the tokens. Unlock it "
               "when asked (in Passwords and Keys, or by signing in again) and retry.");
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_busy (MkConnectionRow *self,
          gboolean         busy,
          const char      *text)
{
  self->busy = busy;
  if (!busy)
    g_clear_object (&self->cancellable);
  if (!busy && self->device_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->device_dialog)));

  mk_connection_row_update (self);
  if (busy && text != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), text);
}

static char *
state_text (MkConnectionRow *self)
{
  g_autofree char *reason = NULL;
  g_autoptr(MkConnection) connection = NULL;
  MkConnectionState state;

  state = mk_connection_service_get_state (self->service, self->platform, &reason);
  switch (state)
    {
    case MK_CONNECTION_STATE_CONNECTED:
      {
        const char *handle;
        const char *expires;
        g_autoptr(GDateTime) when = NULL;
        g_autoptr(GDateTime) local = NULL;
        g_autofree char *date = NULL;
        g_autofree char *page_name = NULL;
        g_autofree char *with_page = NULL;

        connection = mk_connection_service_get_connection (self->service, self->platform);
        handle = mk_connection_get_account_name (connection);
        if (handle == NULL)
          handle = mk_connection_get_platform_user_id (connection);
        if (self->platform == MK_PLATFORM_FACEBOOK)
          page_name = mk_connection_service_dup_page_name (self->service);
        if (page_name != NULL)
          {
            /* TRANSLATORS: a Facebook account's name, then the name of the Page Mediakit reads */
            with_page = g_strdup_printf (_("%s · Page “%s”"), handle, page_name);
            handle = with_page;
          }
        expires = mk_connection_get_token_expires_at (connection);
        when = expires != NULL ? mk_time_parse_timestamp (expires) : NULL;
        if (when == NULL)
          /* TRANSLATORS: %s is an account handle such as @sarahlens */
          return g_strdup_printf (_("Connected as %s"), handle);

        local = g_date_time_to_local (when);
        /* TRANSLATORS: a date and time, see strftime(3) */
        date = g_date_time_format (local, _("%e %B %Y, %H:%M"));
        if (mk_platform_provider_can_refresh (mk_connection_service_get_provider (self->service, self->platform)))
          /* TRANSLATORS: %s is a handle, then a date */
          return g_strdup_printf (_("Connected as %s · token valid until %s, renewed automatically"),
                                  handle, g_strstrip (date));
        /* TRANSLATORS: %s is a handle, then a date */
        return g_strdup_printf (_("Connected as %s · token valid until %s"), handle, g_strstrip (date));
      }

    case MK_CONNECTION_STATE_NEEDS_RECONNECT:
      /* TRANSLATORS: %s says why, e.g. "Token has been expired or revoked." */
      return g_strdup_printf (_("Needs reconnecting: %s"), reason != NULL ? reason : "");

    case MK_CONNECTION_STATE_ERROR:
      return g_strdup_printf (_("Error: %s"), reason != NULL ? reason : "");

    case MK_CONNECTION_STATE_NOT_CONNECTED:
    default:
      return g_strdup (_("Not connected"));
    }
}

void
mk_connection_row_update (MkConnectionRow *self)
{
  g_autofree char *text = NULL;
  MkConnectionState state;
  MkConnectWays ways;

  g_return_if_fail (MK_IS_CONNECTION_ROW (self));

  state = mk_connection_service_get_state (self->service, self->platform, NULL);
  ways = mk_platform_provider_get_ways (mk_connection_service_get_provider (self->service, self->platform));
  text = state_text (self);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), text);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->connect_button),
                             state == MK_CONNECTION_STATE_NOT_CONNECTED ? _("C_onnect") : _("_Reconnect"));
  gtk_widget_set_visible (self->connect_button, !self->busy);
  gtk_widget_set_visible (self->disconnect_button, !self->busy && state != MK_CONNECTION_STATE_NOT_CONNECTED);
  gtk_widget_set_visible (self->cancel_button, self->busy);

  /* Also while "needs reconnecting": after 190/492 (role on the Page
   * lost) another Page is the way out, with the same sign-in. */
  if (self->platform == MK_PLATFORM_FACEBOOK)
    {
      gboolean can_choose = !self->busy && (state == MK_CONNECTION_STATE_CONNECTED
                                            || state == MK_CONNECTION_STATE_NEEDS_RECONNECT);
      g_autofree char *page_name = can_choose ? mk_connection_service_dup_page_name (self->service) : NULL;

      gtk_widget_set_visible (GTK_WIDGET (self->page_row), can_choose);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.choose-page", can_choose);
      adw_action_row_set_subtitle (self->page_row,
                                   page_name != NULL ? page_name
                                   : _("Figures come from the chosen Page, else the first one Facebook lists"));
    }
  else
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.choose-page", FALSE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.connect-browser",
                                 (ways & MK_CONNECT_WAY_BROWSER) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.connect-device",
                                 (ways & MK_CONNECT_WAY_DEVICE) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.connect-token",
                                 (ways & MK_CONNECT_WAY_PASTE) != 0);
}

static void
on_pages_after_connect (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  MkConnectionRow *self;
  g_autoptr(GListModel) pages = NULL;
  g_autoptr(GError) error = NULL;
  MkPagePicker *picker;

  pages = mk_connection_service_list_pages_finish (MK_CONNECTION_SERVICE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = MK_CONNECTION_ROW (user_data);
  g_clear_object (&self->pages_cancellable);
  if (pages == NULL)
    {
      /* The connection itself is fine; "Choose Page…" can list them later. */
      g_debug ("Could not list the Facebook Pages after connecting: %s", error->message);
      return;
    }

  /* One Page needs no choice; none deserves saying so now rather than at
   * the first sync. */
  if (g_list_model_get_n_items (pages) == 1)
    return;

  picker = mk_page_picker_new (parent_window (self), self->service, pages, self->previous_page_id);
  gtk_window_present (GTK_WINDOW (picker));
}

static void
list_pages_after_connect (MkConnectionRow *self)
{
  g_cancellable_cancel (self->pages_cancellable);
  g_clear_object (&self->pages_cancellable);
  self->pages_cancellable = g_cancellable_new ();
  mk_connection_service_list_pages_async (self->service, self->pages_cancellable,
                                          on_pages_after_connect, self);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  MkConnectionRow *self = user_data;
  g_autoptr(MkConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = mk_connection_service_connect_finish (MK_CONNECTION_SERVICE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE, NULL);
  if (connection == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Connect %s"),
                                                  mk_platform_get_display_name (self->platform));

      mk_connection_show_error (GTK_WIDGET (self), heading, error);
      return;
    }

  if (self->platform == MK_PLATFORM_FACEBOOK)
    list_pages_after_connect (self);
}

static void
on_uri_shown (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    g_warning ("Could not open the browser: %s", error->message);
}

static void
open_in_browser (const char *uri,
                 gpointer    user_data)
{
  MkConnectionRow *self = user_data;

  gtk_show_uri_full (parent_window (self), uri, GDK_CURRENT_TIME, NULL, on_uri_shown, NULL);
}

static void
start_connect (MkConnectionRow *self)
{
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* A new sign-in writes the person's own id where the chosen Page's was;
   * the picker that follows offers the old Page again. */
  if (self->platform == MK_PLATFORM_FACEBOOK)
    {
      g_autoptr(MkConnection) connection = mk_connection_service_get_connection (self->service,
                                                                                 self->platform);

      if (connection != NULL && mk_connection_get_is_connected (connection))
        {
          g_free (self->previous_page_id);
          self->previous_page_id = g_strdup (mk_connection_get_platform_user_id (connection));
        }
    }
}

static void
connect_browser (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MkConnectionRow *self = MK_CONNECTION_ROW (widget);

  start_connect (self);
  set_busy (self, TRUE, _("Waiting for the sign-in in your browser (up to 5 minutes)…"));
  mk_connection_service_connect_browser_async (self->service, self->platform, open_in_browser, self,
                                               self->cancellable, on_connected, self);
}

static gboolean
on_device_link (GtkLinkButton   *button,
                MkConnectionRow *self)
{
  g_autofree char *mapped = NULL;

  /* Every address the app opens goes through MEDIAKIT_ENDPOINTS. */
  mapped = mk_http_resolve_url (mk_connection_service_get_http (self->service),
                                gtk_link_button_get_uri (button), NULL);
  if (mapped != NULL)
    gtk_show_uri_full (parent_window (self), mapped, GDK_CURRENT_TIME, NULL, on_uri_shown, NULL);

  return TRUE;
}

static void
on_device_dialog_response (AdwMessageDialog *dialog,
                           const char       *response,
                           gpointer          user_data)
{
  MkConnectionRow *self = user_data;

  /* The only response is Cancel (or Escape). */
  if (self->device_dialog == dialog)
    {
      g_autoptr(GCancellable) cancellable = g_steal_pointer (&self->cancellable);

      self->device_dialog = NULL;
      set_busy (self, FALSE, NULL);
      if (cancellable != NULL)
        g_cancellable_cancel (cancellable);
    }
}

static void
on_device_code (MkConnectionService *service,
                MkPlatform           platform,
                const char          *user_code,
                const char          *uri,
                MkConnectionRow     *self)
{
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *code_label;
  GtkWidget *link;

  if (platform != self->platform || !self->busy)
    return;

  dialog = adw_message_dialog_new (parent_window (self), _("Enter the Code"),
                                   _("On a phone or computer, open the address below and enter "
                                     "the code. Mediakit keeps checking until you have approved it."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  code_label = gtk_label_new (user_code);
  gtk_label_set_selectable (GTK_LABEL (code_label), TRUE);
  gtk_widget_add_css_class (code_label, "title-1");
  gtk_accessible_update_property (GTK_ACCESSIBLE (code_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sign-in code"),
                                  -1);
  link = gtk_link_button_new (uri);
  g_signal_connect_object (link, "activate-link", G_CALLBACK (on_device_link), self, 0);
  gtk_box_append (GTK_BOX (box), code_label);
  gtk_box_append (GTK_BOX (box), link);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_device_dialog_response), self, 0);
  if (self->device_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->device_dialog));
  self->device_dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
connect_device (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MkConnectionRow *self = MK_CONNECTION_ROW (widget);

  start_connect (self);
  set_busy (self, TRUE, _("Asking for a sign-in code…"));
  mk_connection_service_connect_device_async (self->service, self->platform, self->cancellable,
                                              on_connected, self);
}

static void
on_token_dialog_response (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  MkConnectionRow *self = user_data;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  const char *token = gtk_editable_get_text (entry);

  if (g_strcmp0 (response, "connect") != 0 || token == NULL || *token == '\0')
    return;

  start_connect (self);
  set_busy (self, TRUE, _("Checking the token with the platform…"));
  mk_connection_service_connect_token_async (self->service, self->platform, token,
                                             self->cancellable, on_connected, self);
  gtk_editable_set_text (entry, "");
}

static void
connect_token (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MkConnectionRow *self = MK_CONNECTION_ROW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (parent_window (self), _("Paste an Access Token"),
                                   _("Paste a long-lived access token from the platform’s developer "
                                     "tools. Mediakit checks it with the platform, then keeps it in "
                                     "your keyring."));
  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Access token"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "connect", _("C_onnect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "connect", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "connect");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_token_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_disconnected (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  MkConnectionRow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mk_connection_service_disconnect_finish (MK_CONNECTION_SERVICE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      mk_connection_show_error (GTK_WIDGET (self), _("Could Not Disconnect"), error);
    }
  set_busy (self, FALSE, NULL);
}

static void
on_disconnect_response (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  MkConnectionRow *self = user_data;

  if (g_strcmp0 (response, "disconnect") != 0)
    return;

  start_connect (self);
  set_busy (self, TRUE, _("Disconnecting…"));
  mk_connection_service_disconnect_async (self->service, self->platform, self->cancellable,
                                          on_disconnected, self);
}

static void
disconnect (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  MkConnectionRow *self = MK_CONNECTION_ROW (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* TRANSLATORS: %s is Instagram, Facebook or YouTube */
  heading = g_strdup_printf (_("Disconnect %s?"), mk_platform_get_display_name (self->platform));
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("The tokens are removed from your keyring. Figures fetched so "
                                     "far stay in Mediakit."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "disconnect", _("_Disconnect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "disconnect",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_disconnect_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  MkConnectionRow *self = MK_CONNECTION_ROW (widget);
  g_autoptr(GCancellable) cancellable = g_steal_pointer (&self->cancellable);

  /* The callback of a cancelled operation does not touch the row, so the
   * row leaves its busy state here. */
  set_busy (self, FALSE, NULL);
  if (cancellable != NULL)
    g_cancellable_cancel (cancellable);
}

static void
choose_page (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MkConnectionRow *self = MK_CONNECTION_ROW (widget);
  MkPagePicker *picker;

  picker = mk_page_picker_new (parent_window (self), self->service, NULL, NULL);
  gtk_window_present (GTK_WINDOW (picker));
}

static char *
client_id_key (MkPlatform platform)
{
  return g_strdup_printf ("%s-client-id", mk_platform_to_string (platform));
}

static void
on_client_id_apply (MkConnectionRow *self)
{
  g_autofree char *key = client_id_key (self->platform);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->client_id_row))));

  g_settings_set_string (self->settings, key, text);
  mk_connection_service_set_client_id (self->service, self->platform, text);
}

static void
on_client_token_apply (MkConnectionRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->client_token_row))));

  g_settings_set_string (self->settings, "facebook-client-token", text);
  mk_connection_service_set_client_token (self->service, text);
}

static void
on_secret_stored (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(MkConnectionRow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mk_connection_service_set_client_secret_finish (MK_CONNECTION_SERVICE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      mk_connection_show_error (GTK_WIDGET (self), _("Could Not Keep the Client Secret"), error);
      return;
    }

  /* Out of the widget as soon as it is in the keyring. */
  gtk_editable_set_text (GTK_EDITABLE (self->client_secret_row), "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->client_secret_row),
                                 _("Client Secret (stored in the keyring)"));
}

static void
on_client_secret_apply (MkConnectionRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->client_secret_row));

  mk_connection_service_set_client_secret_async (self->service, self->platform, text,
                                                 NULL, on_secret_stored, g_object_ref (self));
}

static void
on_service_changed (MkConnectionService *service,
                    MkPlatform           platform,
                    MkConnectionRow     *self)
{
  if (platform == self->platform && !self->busy)
    mk_connection_row_update (self);
}

static void
mk_connection_row_dispose (GObject *object)
{
  MkConnectionRow *self = (MkConnectionRow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->pages_cancellable);
  g_clear_object (&self->pages_cancellable);
  g_clear_pointer (&self->previous_page_id, g_free);
  if (self->device_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->device_dialog)));
  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_CONNECTION_ROW);
  g_clear_object (&self->service);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mk_connection_row_parent_class)->dispose (object);
}

static void
mk_connection_row_class_init (MkConnectionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_connection_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/connections/mk-connection-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MkConnectionRow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MkConnectionRow, connect_button);
  gtk_widget_class_bind_template_child (widget_class, MkConnectionRow, disconnect_button);
  gtk_widget_class_bind_template_child (widget_class, MkConnectionRow, page_row);
  gtk_widget_class_bind_template_child (widget_class, MkConnectionRow, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, MkConnectionRow, client_secret_row);
  gtk_widget_class_bind_template_child (widget_class, MkConnectionRow, client_token_row);
  gtk_widget_class_bind_template_callback (widget_class, on_client_id_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_client_secret_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_client_token_apply);

  gtk_widget_class_install_action (widget_class, "row.connect-browser", NULL, connect_browser);
  gtk_widget_class_install_action (widget_class, "row.connect-device", NULL, connect_device);
  gtk_widget_class_install_action (widget_class, "row.connect-token", NULL, connect_token);
  gtk_widget_class_install_action (widget_class, "row.disconnect", NULL, disconnect);
  gtk_widget_class_install_action (widget_class, "row.cancel", NULL, cancel);
  gtk_widget_class_install_action (widget_class, "row.choose-page", NULL, choose_page);
}

static void
mk_connection_row_init (MkConnectionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MkConnectionRow *
mk_connection_row_new (MkConnectionService *service,
                       MkPlatform           platform,
                       GSettings           *settings)
{
  MkConnectionRow *self;
  g_autofree char *key = NULL;
  g_autofree char *client_id = NULL;

  g_return_val_if_fail (MK_IS_CONNECTION_SERVICE (service), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (mk_connection_service_get_provider (service, platform) != NULL, NULL);

  self = g_object_new (MK_TYPE_CONNECTION_ROW, NULL);
  self->service = g_object_ref (service);
  self->settings = g_object_ref (settings);
  self->platform = platform;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), mk_platform_get_display_name (platform));
  gtk_widget_set_visible (GTK_WIDGET (self->client_token_row), platform == MK_PLATFORM_FACEBOOK);

  key = client_id_key (platform);
  client_id = g_settings_get_string (settings, key);
  if (*client_id != '\0')
    mk_connection_service_set_client_id (service, platform, client_id);
  gtk_editable_set_text (GTK_EDITABLE (self->client_id_row),
                         mk_connection_service_get_client_id (service, platform) ?: "");
  if (platform == MK_PLATFORM_FACEBOOK)
    {
      g_autofree char *token = g_settings_get_string (settings, "facebook-client-token");

      gtk_editable_set_text (GTK_EDITABLE (self->client_token_row), token);
      if (*token != '\0')
        mk_connection_service_set_client_token (service, token);
    }

  g_signal_connect_object (service, "changed", G_CALLBACK (on_service_changed), self, 0);
  g_signal_connect_object (service, "device-code", G_CALLBACK (on_device_code), self, 0);
  mk_connection_row_update (self);

  return self;
}

MkPlatform
mk_connection_row_get_platform (MkConnectionRow *self)
{
  g_return_val_if_fail (MK_IS_CONNECTION_ROW (self), MK_PLATFORM_NONE);
  return self->platform;
}
