/* mk-page-picker.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-connection-row.h"
#include "mk-page-picker.h"

struct _MkPagePicker
{
  AdwMessageDialog      parent_instance;

  /* Template children */
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkListBox           *list;

  /* Owned */
  MkConnectionService  *service;
  GListModel           *pages;
  GCancellable         *cancellable;  /* the listing, when the dialog does it */
  GtkCheckButton       *group;        /* the first radio; the others join it */
  char                 *preferred_id;
  char                 *selected_id;
};

G_DEFINE_FINAL_TYPE (MkPagePicker, mk_page_picker, ADW_TYPE_MESSAGE_DIALOG)

static void
on_radio_toggled (GtkCheckButton *check,
                  MkPagePicker   *self)
{
  MkFacebookPage *page = g_object_get_data (G_OBJECT (check), "mk-page");

  if (!gtk_check_button_get_active (check))
    return;

  g_free (self->selected_id);
  self->selected_id = g_strdup (mk_facebook_page_get_id (page));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "choose", TRUE);
}

/* Radio rows share one group, which a list-item factory cannot give them,
 * so they are made here. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  MkPagePicker *self = user_data;
  MkFacebookPage *page = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *title = mk_facebook_page_get_title (page);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (mk_facebook_page_get_category (page) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mk_facebook_page_get_category (page));

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  if (self->group == NULL)
    self->group = GTK_CHECK_BUTTON (check);
  else
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->group);
  g_object_set_data_full (G_OBJECT (check), "mk-page", g_object_ref (page), g_object_unref);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_radio_toggled), self, 0);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static gboolean
is_listed (GListModel *pages,
           const char *id,
           guint      *position)
{
  guint n = g_list_model_get_n_items (pages);

  for (guint i = 0; id != NULL && i < n; i++)
    {
      g_autoptr(MkFacebookPage) page = g_list_model_get_item (pages, i);

      if (g_strcmp0 (mk_facebook_page_get_id (page), id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
show_pages (MkPagePicker *self,
            GListModel   *pages)
{
  g_autoptr(MkConnection) connection = NULL;
  GtkListBoxRow *row;
  GtkWidget *check;
  guint position = 0;

  g_set_object (&self->pages, pages);
  gtk_spinner_set_spinning (self->spinner, FALSE);

  if (g_list_model_get_n_items (pages) == 0)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("No Facebook Pages"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                   _("This Facebook account manages no Page, and Mediakit reads "
                                     "followers and posts from a Page. Create a Page or ask for a "
                                     "role on one on Facebook, then choose it here."));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "cancel", _("_Close"));
      gtk_widget_set_visible (GTK_WIDGET (self->stack), FALSE);
      return;
    }

  gtk_list_box_bind_model (self->list, pages, create_row, self, NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "choose", _("C_hoose"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "choose", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "choose");
  gtk_stack_set_visible_child_name (self->stack, "pages");

  /* The Page the sync reads now: the chosen one, else the first listed. */
  connection = mk_connection_service_get_connection (self->service, MK_PLATFORM_FACEBOOK);
  if (!is_listed (pages, self->preferred_id, &position)
      && !is_listed (pages, connection != NULL ? mk_connection_get_platform_user_id (connection) : NULL,
                     &position))
    position = 0;

  row = gtk_list_box_get_row_at_index (self->list, (int) position);
  check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_grab_focus (check);
}

static void
on_pages_listed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  MkPagePicker *self;
  g_autoptr(GListModel) pages = NULL;
  g_autoptr(GError) error = NULL;

  pages = mk_connection_service_list_pages_finish (MK_CONNECTION_SERVICE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = MK_PAGE_PICKER (user_data);
  g_clear_object (&self->cancellable);
  if (pages == NULL)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      /* The error dialog says it better than this one could. */
      mk_connection_show_error (parent != NULL ? GTK_WIDGET (parent) : NULL,
                                _("Could Not List Your Facebook Pages"), error);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  show_pages (self, pages);
}

static void
on_response (MkPagePicker *self,
             const char   *response)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "choose") != 0 || self->selected_id == NULL)
    return;

  if (!mk_connection_service_set_page (self->service, self->selected_id, &error))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      mk_connection_show_error (parent != NULL ? GTK_WIDGET (parent) : NULL,
                                _("Could Not Choose the Page"), error);
    }
}

static void
mk_page_picker_dispose (GObject *object)
{
  MkPagePicker *self = (MkPagePicker *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_PAGE_PICKER);
  g_clear_object (&self->pages);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (mk_page_picker_parent_class)->dispose (object);
}

static void
mk_page_picker_finalize (GObject *object)
{
  MkPagePicker *self = (MkPagePicker *)object;

  g_free (self->preferred_id);
  g_free (self->selected_id);

  G_OBJECT_CLASS (mk_page_picker_parent_class)->finalize (object);
}

static void
mk_page_picker_class_init (MkPagePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_page_picker_dispose;
  object_class->finalize = mk_page_picker_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/connections/mk-page-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, MkPagePicker, stack);
  gtk_widget_class_bind_template_child (widget_class, MkPagePicker, spinner);
  gtk_widget_class_bind_template_child (widget_class, MkPagePicker, list);
  gtk_widget_class_bind_template_callback (widget_class, on_response);
}

static void
mk_page_picker_init (MkPagePicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MkPagePicker *
mk_page_picker_new (GtkWindow           *parent,
                    MkConnectionService *service,
                    GListModel          *pages,
                    const char          *preferred_id)
{
  MkPagePicker *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MK_IS_CONNECTION_SERVICE (service), NULL);
  g_return_val_if_fail (pages == NULL || G_IS_LIST_MODEL (pages), NULL);

  self = g_object_new (MK_TYPE_PAGE_PICKER,
                       "transient-for", parent,
                       NULL);
  self->service = g_object_ref (service);
  self->preferred_id = g_strdup (preferred_id);

  if (pages != NULL)
    show_pages (self, pages);
  else
    {
      self->cancellable = g_cancellable_new ();
      mk_connection_service_list_pages_async (service, self->cancellable, on_pages_listed, self);
    }

  return self;
}
