/* mk-account-window.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-account-window.h"
#include "mk-password.h"
#include "mk-users-table.h"
#include "mk-validate.h"

struct _MkAccountWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  GtkStack             *stack;
  AdwEntryRow          *sign_up_email;
  GtkLabel             *sign_up_email_error;
  AdwPasswordEntryRow  *sign_up_password;
  AdwPasswordEntryRow  *sign_up_confirm;
  GtkLabel             *sign_up_password_error;
  GtkButton            *to_sign_in_button;
  GtkListBox           *chooser_list;
  AdwEntryRow          *sign_in_email;
  AdwPasswordEntryRow  *sign_in_password;
  GtkLabel             *sign_in_error;
  GtkCheckButton       *keep_signed_in;

  /* Owned refs */
  MkAccountService     *service;
  GCancellable         *cancellable;

  guint                 countdown_id;
  gboolean              busy;
  gboolean              signed_up;
};

G_DEFINE_FINAL_TYPE (MkAccountWindow, mk_account_window, ADW_TYPE_APPLICATION_WINDOW)

static GPtrArray *
list_users (MkAccountWindow *self)
{
  MkContext *context = mk_account_service_get_context (self->service);
  g_autoptr(GError) error = NULL;
  GPtrArray *users = mk_store_users_list (mk_context_get_store (context), &error);

  if (users == NULL)
    {
      g_warning ("Could not list the accounts: %s", error->message);
      users = g_ptr_array_new_with_free_func (g_object_unref);
    }

  return users;
}

static void
update_actions (MkAccountWindow *self)
{
  gboolean can_sign_in = !self->busy && self->countdown_id == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.sign-in", can_sign_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.sign-up", !self->busy);
}

static void
set_busy (MkAccountWindow *self,
          gboolean         busy)
{
  self->busy = busy;
  update_actions (self);
}

/* A field's message below it, and the row marked so it is found again. */
static void
show_field_error (GtkLabel   *label,
                  GtkWidget  *row,
                  const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);

  if (row == NULL)
    return;

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

/* Pages */

static void
fill_chooser (MkAccountWindow *self,
              GPtrArray       *users)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chooser_list))) != NULL)
    gtk_list_box_remove (self->chooser_list, child);

  for (guint i = 0; i < users->len; i++)
    {
      MkUser *user = g_ptr_array_index (users, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *avatar = adw_avatar_new (32, mk_user_get_email (user), TRUE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mk_user_get_email (user));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "email", g_strdup (mk_user_get_email (user)), g_free);
      gtk_list_box_append (self->chooser_list, row);
    }
}

static void
show_sign_up (MkAccountWindow *self)
{
  g_autoptr(GPtrArray) users = list_users (self);

  gtk_widget_set_visible (GTK_WIDGET (self->to_sign_in_button), users->len > 0);
  gtk_stack_set_visible_child_name (self->stack, "sign-up");
  gtk_widget_grab_focus (GTK_WIDGET (self->sign_up_email));
}

/* The page that fits how many accounts there are. */
static void
show_accounts (MkAccountWindow *self)
{
  g_autoptr(GPtrArray) users = list_users (self);

  if (users->len == 0)
    show_sign_up (self);
  else if (users->len == 1)
    mk_account_window_show_sign_in (self, mk_user_get_email (g_ptr_array_index (users, 0)));
  else
    {
      fill_chooser (self, users);
      gtk_stack_set_visible_child_name (self->stack, "chooser");
    }
}

/* The countdown while sign-in is throttled */

static gboolean
countdown_tick_cb (gpointer user_data)
{
  MkAccountWindow *self = MK_ACCOUNT_WINDOW (user_data);
  g_autofree char *message = NULL;
  gint64 left;

  left = mk_account_service_get_seconds_left (self->service,
                                              gtk_editable_get_text (GTK_EDITABLE (self->sign_in_email)));
  if (left <= 0)
    {
      self->countdown_id = 0;
      show_field_error (self->sign_in_error, NULL, NULL);
      update_actions (self);
      return G_SOURCE_REMOVE;
    }

  message = g_strdup_printf (ngettext ("Too many failed tries. Try again in %d second.",
                                       "Too many failed tries. Try again in %d seconds.",
                                       (int) left),
                             (int) left);
  show_field_error (self->sign_in_error, NULL, message);
  return G_SOURCE_CONTINUE;
}

static void
update_countdown (MkAccountWindow *self)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);

  if (mk_account_service_get_seconds_left (self->service,
                                           gtk_editable_get_text (GTK_EDITABLE (self->sign_in_email))) > 0)
    {
      self->countdown_id = g_timeout_add_seconds (1, countdown_tick_cb, self);
      countdown_tick_cb (self);
    }

  update_actions (self);
}

/* Sign-up */

static void
sign_up_changed_cb (MkAccountWindow *self)
{
  show_field_error (self->sign_up_email_error, GTK_WIDGET (self->sign_up_email), NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->sign_up_password), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->sign_up_confirm), "error");
  gtk_label_set_text (self->sign_up_password_error, _("At least 8 characters"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->sign_up_password_error), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->sign_up_password_error), "dim-label");
}

static void
show_password_error (MkAccountWindow *self,
                     GtkWidget       *row,
                     const char      *message)
{
  gtk_label_set_text (self->sign_up_password_error, message);
  gtk_widget_remove_css_class (GTK_WIDGET (self->sign_up_password_error), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->sign_up_password_error), "error");
  gtk_widget_add_css_class (row, "error");
}

static void
sign_up_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  MkAccountWindow *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_id = NULL;

  user_id = mk_account_service_sign_up_finish (MK_ACCOUNT_SERVICE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = MK_ACCOUNT_WINDOW (user_data);
  set_busy (self, FALSE);

  if (user_id != NULL)
    {
      self->signed_up = TRUE;
      return;
    }

  if (g_strcmp0 (mk_validate_error_get_field (error), "email") == 0)
    show_field_error (self->sign_up_email_error, GTK_WIDGET (self->sign_up_email), error->message);
  else
    show_password_error (self, GTK_WIDGET (self->sign_up_password), error->message);
}

static void
sign_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MkAccountWindow *self = MK_ACCOUNT_WINDOW (widget);
  const char *email = gtk_editable_get_text (GTK_EDITABLE (self->sign_up_email));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->sign_up_password));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->sign_up_confirm));
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (email));

  if (self->busy)
    return;

  /* Form errors show at once; uniqueness is checked by the service. */
  if (!mk_validate_email ("email", trimmed, TRUE, &error))
    {
      show_field_error (self->sign_up_email_error, GTK_WIDGET (self->sign_up_email), error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->sign_up_email));
      return;
    }

  if (!mk_password_validate (password, &error))
    {
      show_password_error (self, GTK_WIDGET (self->sign_up_password), error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->sign_up_password));
      return;
    }

  if (g_strcmp0 (password, confirm) != 0)
    {
      show_password_error (self, GTK_WIDGET (self->sign_up_confirm), _("The two passwords are not the same"));
      gtk_widget_grab_focus (GTK_WIDGET (self->sign_up_confirm));
      return;
    }

  set_busy (self, TRUE);
  mk_account_service_sign_up_async (self->service, trimmed, password, self->cancellable,
                                    sign_up_cb, self);
}

static void
sign_up_activate_cb (MkAccountWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "account.sign-up", NULL);
}

/* Sign-in */

static void
sign_in_changed_cb (MkAccountWindow *self)
{
  if (self->countdown_id == 0)
    show_field_error (self->sign_in_error, NULL, NULL);
}

static void
sign_in_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  MkAccountWindow *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_id = NULL;

  user_id = mk_account_service_sign_in_finish (MK_ACCOUNT_SERVICE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = MK_ACCOUNT_WINDOW (user_data);
  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->sign_in_password), "");

  if (user_id != NULL)
    return;

  show_field_error (self->sign_in_error, NULL, error->message);
  update_countdown (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->sign_in_password));
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MkAccountWindow *self = MK_ACCOUNT_WINDOW (widget);

  if (self->busy || self->countdown_id != 0)
    return;

  show_field_error (self->sign_in_error, NULL, NULL);
  set_busy (self, TRUE);
  mk_account_service_sign_in_async (self->service,
                                    gtk_editable_get_text (GTK_EDITABLE (self->sign_in_email)),
                                    gtk_editable_get_text (GTK_EDITABLE (self->sign_in_password)),
                                    gtk_check_button_get_active (self->keep_signed_in),
                                    self->cancellable, sign_in_cb, self);
}

static void
sign_in_activate_cb (MkAccountWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "account.sign-in", NULL);
}

static void
chooser_row_activated_cb (MkAccountWindow *self,
                          GtkListBoxRow   *row)
{
  mk_account_window_show_sign_in (self, g_object_get_data (G_OBJECT (row), "email"));
}

static void
show_accounts_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  show_accounts (MK_ACCOUNT_WINDOW (widget));
}

static void
show_chooser_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MkAccountWindow *self = MK_ACCOUNT_WINDOW (widget);
  g_autoptr(GPtrArray) users = list_users (self);

  fill_chooser (self, users);
  gtk_stack_set_visible_child_name (self->stack, "chooser");
}

static void
show_sign_up_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_sign_up (MK_ACCOUNT_WINDOW (widget));
}

static void
mk_account_window_dispose (GObject *object)
{
  MkAccountWindow *self = (MkAccountWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (mk_account_window_parent_class)->dispose (object);
}

static void
mk_account_window_class_init (MkAccountWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_account_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/account/mk-account-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MkAccountWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MkAccountWindow, sign_up_email);
  gtk_widget_class_bind_template_child (widget_class, MkAccountWindow, sign_up_email_error);
  gtk_widget_class_bind_template_child (widget_class, MkAccountWindow, sign_up_password);
  gtk_widget_class_bind_template_child (widget_class, MkAccountWindow, sign_up_confirm);
  gtk_widget_class_bind_template_child (widget_class, MkAccountWindow, sign_up_password_error);
  gtk_widget_class_bind_template_child (widget_class, MkAccountWindow, to_sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, MkAccountWindow, chooser_list);
  gtk_widget_class_bind_template_child (widget_class, MkAccountWindow, sign_in_email);
  gtk_widget_class_bind_template_child (widget_class, MkAccountWindow, sign_in_password);
  gtk_widget_class_bind_template_child (widget_class, MkAccountWindow, sign_in_error);
  gtk_widget_class_bind_template_child (widget_class, MkAccountWindow, keep_signed_in);
  gtk_widget_class_bind_template_callback (widget_class, sign_up_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_up_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, chooser_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "account.sign-up", NULL, sign_up_action);
  gtk_widget_class_install_action (widget_class, "account.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "account.show-accounts", NULL, show_accounts_action);
  gtk_widget_class_install_action (widget_class, "account.show-chooser", NULL, show_chooser_action);
  gtk_widget_class_install_action (widget_class, "account.show-sign-up", NULL, show_sign_up_action);
}

static void
mk_account_window_init (MkAccountWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

MkAccountWindow *
mk_account_window_new (GtkApplication   *application,
                       MkAccountService *service)
{
  MkAccountWindow *self;

  g_return_val_if_fail (MK_IS_ACCOUNT_SERVICE (service), NULL);

  self = g_object_new (MK_TYPE_ACCOUNT_WINDOW, "application", application, NULL);
  self->service = g_object_ref (service);
  show_accounts (self);

  return self;
}

void
mk_account_window_show_sign_in (MkAccountWindow *self,
                                const char      *email)
{
  g_return_if_fail (MK_IS_ACCOUNT_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->sign_in_email), email != NULL ? email : "");
  gtk_editable_set_text (GTK_EDITABLE (self->sign_in_password), "");
  gtk_stack_set_visible_child_name (self->stack, "sign-in");
  if (email != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->sign_in_password));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->sign_in_email));
  update_countdown (self);
}

const char *
mk_account_window_get_page (MkAccountWindow *self)
{
  g_return_val_if_fail (MK_IS_ACCOUNT_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
mk_account_window_get_signed_up (MkAccountWindow *self)
{
  g_return_val_if_fail (MK_IS_ACCOUNT_WINDOW (self), FALSE);

  return self->signed_up;
}
