/* mk-account-page.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-accounts"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mk-account-page.h"
#include "mk-account-service.h"
#include "mk-password.h"
#include "mk-users-table.h"
#include "mk-validate.h"
#include "profile/mk-profile-editor.h"

struct _MkAccountPage
{
  AdwPreferencesPage    parent_instance;

  /* Template children */
  AdwActionRow         *email_row;
  AdwPasswordEntryRow  *current_password_row;
  AdwPasswordEntryRow  *new_password_row;
  AdwPasswordEntryRow  *confirm_password_row;
  GtkLabel             *password_message;
  GtkLabel             *delete_message;

  /* Owned refs */
  MkContext            *context;
  MkAccountService     *service;
  GCancellable         *cancellable;

  /* Weak: the confirmation and its password row, while it is open */
  AdwMessageDialog     *delete_dialog;
  AdwPasswordEntryRow  *delete_password_row;

  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (MkAccountPage, mk_account_page, ADW_TYPE_PREFERENCES_PAGE)

static void
update_actions (MkAccountPage *self)
{
  gboolean signed_in = self->context != NULL && mk_context_get_user_id (self->context) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.change-password", signed_in && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.delete", signed_in && !self->busy);
}

static void
set_busy (MkAccountPage *self,
          gboolean       busy)
{
  self->busy = busy;
  update_actions (self);
}

static void
toast (MkAccountPage *self,
       const char    *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (title));
}

static void
update_email (MkAccountPage *self)
{
  g_autoptr(MkUser) user = NULL;
  const char *user_id = mk_context_get_user_id (self->context);

  if (user_id != NULL && mk_context_get_store (self->context) != NULL)
    user = mk_store_users_get (mk_context_get_store (self->context), user_id, NULL);

  adw_action_row_set_subtitle (self->email_row, user != NULL ? mk_user_get_email (user) : "");
  update_actions (self);
}

/* Edit Profile */

static void
edit_profile_cb (MkAccountPage *self)
{
  MkStore *store = mk_context_get_store (self->context);
  const char *user_id = mk_context_get_user_id (self->context);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  MkProfileEditor *editor;

  if (store == NULL || user_id == NULL)
    return;

  editor = mk_profile_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store, user_id);
  mk_profile_editor_fill_defaults (editor);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Change Password */

static void
show_password_message (MkAccountPage *self,
                       GtkWidget     *row,
                       const char    *message)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->current_password_row),
    GTK_WIDGET (self->new_password_row),
    GTK_WIDGET (self->confirm_password_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (rows[i] == row)
        {
          gtk_widget_add_css_class (rows[i], "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (rows[i]), GTK_ACCESSIBLE_STATE_INVALID,
                                       GTK_ACCESSIBLE_INVALID_TRUE, -1);
        }
      else
        {
          gtk_widget_remove_css_class (rows[i], "error");
          gtk_accessible_reset_state (GTK_ACCESSIBLE (rows[i]), GTK_ACCESSIBLE_STATE_INVALID);
        }
    }

  gtk_label_set_text (self->password_message, message != NULL ? message : _("At least 8 characters"));
  if (message != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->password_message), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->password_message), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->password_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->password_message), "dim-label");
    }
}

static void
password_changed_cb (MkAccountPage *self)
{
  show_password_message (self, NULL, NULL);
}

static void
change_password_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  MkAccountPage *self;
  g_autoptr(GError) error = NULL;

  if (!mk_account_service_change_password_finish (MK_ACCOUNT_SERVICE (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = MK_ACCOUNT_PAGE (user_data);
  set_busy (self, FALSE);

  if (error != NULL)
    {
      const char *field = mk_validate_error_get_field (error);
      GtkWidget *row = g_strcmp0 (field, "current_password") == 0 ? GTK_WIDGET (self->current_password_row)
                     : g_strcmp0 (field, "password") == 0 ? GTK_WIDGET (self->new_password_row)
                     : NULL;

      show_password_message (self, row, error->message);
      if (row != NULL)
        gtk_widget_grab_focus (row);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->current_password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_password_row), "");
  show_password_message (self, NULL, NULL);
  toast (self, _("Password changed"));
}

static void
change_password_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MkAccountPage *self = MK_ACCOUNT_PAGE (widget);
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->current_password_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->new_password_row));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_password_row));
  g_autoptr(GError) error = NULL;

  if (self->busy)
    return;

  /* What can be told without the slow hash shows at once. */
  if (*current == '\0')
    {
      show_password_message (self, GTK_WIDGET (self->current_password_row),
                             _("Enter your current password"));
      gtk_widget_grab_focus (GTK_WIDGET (self->current_password_row));
      return;
    }
  if (!mk_password_validate (password, &error))
    {
      show_password_message (self, GTK_WIDGET (self->new_password_row), error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->new_password_row));
      return;
    }
  if (g_strcmp0 (password, confirm) != 0)
    {
      show_password_message (self, GTK_WIDGET (self->confirm_password_row),
                             _("The two new passwords are not the same"));
      gtk_widget_grab_focus (GTK_WIDGET (self->confirm_password_row));
      return;
    }

  set_busy (self, TRUE);
  mk_account_service_change_password_async (self->service, current, password, self->cancellable,
                                            change_password_cb, self);
}

static void
password_activated_cb (MkAccountPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "account.change-password", NULL);
}

/* Delete Account */

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  MkAccountPage *self;
  g_autoptr(GError) error = NULL;

  if (!mk_account_service_delete_account_finish (MK_ACCOUNT_SERVICE (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = MK_ACCOUNT_PAGE (user_data);
  set_busy (self, FALSE);

  /* On success the account is signed out: the application closes this
   * window and shows the account window. */
  if (error != NULL)
    {
      gtk_label_set_text (self->delete_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->delete_message), TRUE);
    }
}

static void
delete_password_changed_cb (MkAccountPage *self)
{
  if (self->delete_dialog != NULL && self->delete_password_row != NULL)
    adw_message_dialog_set_response_enabled (self->delete_dialog, "delete",
                                             *gtk_editable_get_text (GTK_EDITABLE (self->delete_password_row)) != '\0');
}

static void
delete_password_activated_cb (MkAccountPage *self)
{
  if (self->delete_dialog != NULL &&
      adw_message_dialog_get_response_enabled (self->delete_dialog, "delete"))
    {
      adw_message_dialog_response (self->delete_dialog, "delete");
      gtk_window_close (GTK_WINDOW (self->delete_dialog));
    }
}

static void
forget_delete_dialog (MkAccountPage *self)
{
  if (self->delete_password_row != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->delete_password_row), (gpointer *)&self->delete_password_row);
  if (self->delete_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->delete_dialog), (gpointer *)&self->delete_dialog);
  self->delete_password_row = NULL;
  self->delete_dialog = NULL;
}

static void
delete_response_cb (MkAccountPage    *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  g_autofree char *password = NULL;

  if (self->delete_password_row == NULL)
    return;

  password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->delete_password_row)));
  forget_delete_dialog (self);

  /* libadwaita 1.2's entry rows watch their window's focus and trip over
   * a window that goes while they hold it. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);

  if (g_strcmp0 (response, "delete") == 0 && !self->busy)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->delete_message), FALSE);
      set_busy (self, TRUE);
      mk_account_service_delete_account_async (self->service, password, self->cancellable,
                                               delete_cb, self);
    }

  /* The service keeps its own copy. */
  if (password != NULL)
    memset (password, 0, strlen (password));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MkAccountPage *self = MK_ACCOUNT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  GtkWidget *list;
  GtkWidget *row;

  if (self->busy || self->delete_password_row != NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Delete Account?"), NULL));
  /* Translators: %s is the account's email */
  adw_message_dialog_format_body (dialog,
                                  _("Everything of %s will be deleted from this computer. Enter your password to confirm."),
                                  adw_action_row_get_subtitle (self->email_row));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "delete", FALSE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  row = adw_password_entry_row_new ();
  gtk_widget_set_name (row, "delete_password_row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Password"));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_message_dialog_set_extra_child (dialog, list);
  self->delete_password_row = ADW_PASSWORD_ENTRY_ROW (row);
  self->delete_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *)&self->delete_password_row);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->delete_dialog);

  g_signal_connect_object (row, "changed", G_CALLBACK (delete_password_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (delete_password_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, G_CONNECT_SWAPPED);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (row);
}

static void
mk_account_page_dispose (GObject *object)
{
  MkAccountPage *self = (MkAccountPage *)object;

  g_cancellable_cancel (self->cancellable);
  forget_delete_dialog (self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->service);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (mk_account_page_parent_class)->dispose (object);
}

static void
mk_account_page_class_init (MkAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_account_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/account/mk-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MkAccountPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, MkAccountPage, current_password_row);
  gtk_widget_class_bind_template_child (widget_class, MkAccountPage, new_password_row);
  gtk_widget_class_bind_template_child (widget_class, MkAccountPage, confirm_password_row);
  gtk_widget_class_bind_template_child (widget_class, MkAccountPage, password_message);
  gtk_widget_class_bind_template_child (widget_class, MkAccountPage, delete_message);
  gtk_widget_class_bind_template_callback (widget_class, edit_profile_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);

  gtk_widget_class_install_action (widget_class, "account.change-password", NULL, change_password_action);
  gtk_widget_class_install_action (widget_class, "account.delete", NULL, delete_action);
}

static void
mk_account_page_init (MkAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  update_actions (self);
}

GtkWidget *
mk_account_page_new (MkContext *context)
{
  MkAccountPage *self;

  g_return_val_if_fail (MK_IS_CONTEXT (context), NULL);

  self = g_object_new (MK_TYPE_ACCOUNT_PAGE, NULL);
  mk_account_page_set_context (self, context);

  return GTK_WIDGET (self);
}

void
mk_account_page_set_context (MkAccountPage *self,
                             MkContext     *context)
{
  g_return_if_fail (MK_IS_ACCOUNT_PAGE (self));
  g_return_if_fail (MK_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->service = mk_account_service_new (context);
  g_signal_connect_object (context, "notify::user-id", G_CALLBACK (update_email), self,
                           G_CONNECT_SWAPPED);
  update_email (self);
}
