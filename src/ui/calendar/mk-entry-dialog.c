/* mk-entry-dialog.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-time.h"
#include "mk-validate.h"
#include "mk-entry-dialog.h"

/* In the order of the combo rows in the .ui. */
static const MkPlatform platforms[] = {
  MK_PLATFORM_INSTAGRAM, MK_PLATFORM_FACEBOOK, MK_PLATFORM_YOUTUBE, MK_PLATFORM_TIKTOK,
};
static const MkContentType content_types[] = {
  MK_CONTENT_TYPE_REEL, MK_CONTENT_TYPE_POST, MK_CONTENT_TYPE_STORY,
  MK_CONTENT_TYPE_VIDEO, MK_CONTENT_TYPE_SHORT, MK_CONTENT_TYPE_LIVE,
};

struct _MkEntryDialog
{
  AdwWindow          parent_instance;

  /* Template children */
  AdwWindowTitle    *window_title;
  GtkWidget         *save_button;
  GtkToggleButton   *shoot_toggle;
  GtkToggleButton   *upload_toggle;
  AdwEntryRow       *brand_row;
  AdwEntryRow       *campaign_row;
  GtkRevealer       *shoot_revealer;
  AdwEntryRow       *location_row;
  GtkRevealer       *upload_revealer;
  AdwComboRow       *platform_row;
  AdwComboRow       *content_type_row;
  AdwEntryRow       *date_row;
  GtkPopover        *date_popover;
  GtkCalendar       *date_calendar;
  AdwEntryRow       *time_row;
  AdwComboRow       *status_row;
  GtkTextView       *notes_view;

  /* Owned */
  MkStore           *store;
  MkCalendarEntry   *entry;
  GStrv              brands;
  GtkWidget         *brand_popover;
  GtkWidget         *brand_list;
  GtkWidget         *error_row;

  gboolean           editing;
  gboolean           dirty;
  gboolean           loading;
};

G_DEFINE_FINAL_TYPE (MkEntryDialog, mk_entry_dialog, ADW_TYPE_WINDOW)

static char *
editable_text (gpointer editable)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (editable));
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

/* Reads the form into self->entry; the type decides which of location or
 * platform/content type is kept, since the schema refuses the other. */
static void
read_form (MkEntryDialog *self)
{
  g_autofree char *brand = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *location = NULL;
  g_autofree char *date = editable_text (self->date_row);
  g_autofree char *time = editable_text (self->time_row);
  g_autofree char *notes = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  gboolean upload = gtk_toggle_button_get_active (self->upload_toggle);
  guint platform = adw_combo_row_get_selected (self->platform_row);
  guint content = adw_combo_row_get_selected (self->content_type_row);

  /* The brand keeps its inner spacing but not the outer. */
  brand = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->brand_row)));
  g_strstrip (brand);
  campaign = editable_text (self->campaign_row);
  location = editable_text (self->location_row);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  mk_calendar_entry_set_entry_type (self->entry, upload ? MK_ENTRY_TYPE_UPLOAD : MK_ENTRY_TYPE_SHOOT);
  mk_calendar_entry_set_brand_name (self->entry, brand);
  mk_calendar_entry_set_campaign_name (self->entry, campaign);
  mk_calendar_entry_set_date (self->entry, date);
  mk_calendar_entry_set_time (self->entry, time);
  mk_calendar_entry_set_status (self->entry, adw_combo_row_get_selected (self->status_row) == 1
                                             ? MK_ENTRY_STATUS_COMPLETED : MK_ENTRY_STATUS_PENDING);
  mk_calendar_entry_set_notes (self->entry, (notes != NULL && *notes != '\0') ? notes : NULL);
  mk_calendar_entry_set_location (self->entry, upload ? NULL : location);
  mk_calendar_entry_set_platform (self->entry, upload && platform < G_N_ELEMENTS (platforms)
                                               ? platforms[platform] : MK_PLATFORM_NONE);
  mk_calendar_entry_set_content_type (self->entry, upload && content < G_N_ELEMENTS (content_types)
                                                   ? content_types[content] : MK_CONTENT_TYPE_NONE);
}

static GtkWidget *
row_for_field (MkEntryDialog *self,
               const char    *field)
{
  if (g_strcmp0 (field, "brand_name") == 0) return GTK_WIDGET (self->brand_row);
  if (g_strcmp0 (field, "campaign_name") == 0) return GTK_WIDGET (self->campaign_row);
  if (g_strcmp0 (field, "date") == 0) return GTK_WIDGET (self->date_row);
  if (g_strcmp0 (field, "time") == 0) return GTK_WIDGET (self->time_row);
  if (g_strcmp0 (field, "location") == 0) return GTK_WIDGET (self->location_row);
  if (g_strcmp0 (field, "platform") == 0) return GTK_WIDGET (self->platform_row);
  if (g_strcmp0 (field, "content_type") == 0) return GTK_WIDGET (self->content_type_row);
  if (g_strcmp0 (field, "notes") == 0) return GTK_WIDGET (self->notes_view);
  return NULL;
}

/* The row titles in the .ui, to put back once a field is fixed. */
static void
clear_error (MkEntryDialog *self)
{
  if (self->error_row == NULL)
    return;

  gtk_widget_remove_css_class (self->error_row, "error");
  if (ADW_IS_PREFERENCES_ROW (self->error_row))
    {
      const char *title = g_object_get_data (G_OBJECT (self->error_row), "mk-title");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->error_row), title);
    }
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->error_row), GTK_ACCESSIBLE_STATE_INVALID);
  self->error_row = NULL;
}

/* An entry row has no subtitle, so its title says what is wrong while it
 * is; the error class colours it. */
static void
show_error (MkEntryDialog *self,
            const GError  *error)
{
  GtkWidget *row = row_for_field (self, mk_validate_error_get_field (error));

  clear_error (self);
  if (row == NULL)
    return;

  if (ADW_IS_PREFERENCES_ROW (row))
    {
      if (g_object_get_data (G_OBJECT (row), "mk-title") == NULL)
        g_object_set_data_full (G_OBJECT (row), "mk-title",
                                g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))),
                                g_free);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), error->message);
    }
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  self->error_row = row;
}

static gboolean
validate (MkEntryDialog *self,
          gboolean       show)
{
  g_autoptr(GError) error = NULL;
  gboolean valid;

  read_form (self);
  valid = mk_calendar_entry_validate (self->entry, &error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entry.save", valid);

  if (valid)
    clear_error (self);
  else if (show)
    show_error (self, error);

  return valid;
}

static void
update_brand_completion (MkEntryDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->brand_row));
  g_autofree char *needle = g_utf8_casefold (text != NULL ? text : "", -1);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (self->brand_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->brand_list), child);

  if (*needle == '\0' || self->brands == NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self->brand_popover));
      return;
    }

  for (guint i = 0; self->brands[i] != NULL && shown < 5; i++)
    {
      g_autofree char *folded = g_utf8_casefold (self->brands[i], -1);

      if (g_str_has_prefix (folded, needle) && g_strcmp0 (self->brands[i], text) != 0)
        {
          GtkWidget *label = gtk_label_new (self->brands[i]);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_set_margin_start (label, 6);
          gtk_widget_set_margin_end (label, 6);
          gtk_widget_set_margin_top (label, 6);
          gtk_widget_set_margin_bottom (label, 6);
          gtk_list_box_append (GTK_LIST_BOX (self->brand_list), label);
          shown++;
        }
    }

  if (shown > 0)
    gtk_popover_popup (GTK_POPOVER (self->brand_popover));
  else
    gtk_popover_popdown (GTK_POPOVER (self->brand_popover));
}

static void
brand_chosen_cb (MkEntryDialog *self,
                 GtkListBoxRow *row)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);

  gtk_popover_popdown (GTK_POPOVER (self->brand_popover));
  gtk_editable_set_text (GTK_EDITABLE (self->brand_row), gtk_label_get_text (GTK_LABEL (label)));
  gtk_editable_set_position (GTK_EDITABLE (self->brand_row), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->brand_row));
}

static void
field_changed_cb (MkEntryDialog *self,
                  gpointer       sender)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
  validate (self, TRUE);

  if (sender == (gpointer)self->brand_row)
    update_brand_completion (self);
}

static void
notes_changed_cb (MkEntryDialog *self)
{
  field_changed_cb (self, self->notes_view);
}

static void
type_toggled_cb (MkEntryDialog *self)
{
  gboolean upload = gtk_toggle_button_get_active (self->upload_toggle);

  gtk_revealer_set_reveal_child (self->shoot_revealer, !upload);
  gtk_revealer_set_reveal_child (self->upload_revealer, upload);
  field_changed_cb (self, NULL);
}

static void
date_picked_cb (MkEntryDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->date_calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  gtk_popover_popdown (self->date_popover);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MkEntryDialog *self = MK_ENTRY_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!validate (self, TRUE))
    return;

  if (self->editing)
    ok = mk_store_calendar_edit (self->store, self->entry, &error);
  else
    ok = mk_store_calendar_create (self->store, self->entry, &error);

  if (!ok)
    {
      if (mk_validate_error_get_field (error) != NULL)
        show_error (self, error);
      else
        {
          AdwMessageDialog *dialog;

          g_warning ("Could not save the calendar entry: %s", error->message);
          dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                               _("Could Not Save the Entry"),
                                                               error->message));
          adw_message_dialog_add_response (dialog, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return;
    }

  self->dirty = FALSE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
discard_response_cb (MkEntryDialog *self,
                     const char    *response)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->dirty = FALSE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static gboolean
mk_entry_dialog_close_request (GtkWindow *window)
{
  MkEntryDialog *self = MK_ENTRY_DIALOG (window);
  AdwMessageDialog *dialog;

  if (!self->dirty)
    return GDK_EVENT_PROPAGATE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Discard Changes?"),
                                                       _("The entry has changes that are not saved.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return GDK_EVENT_STOP;
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
mk_entry_dialog_dispose (GObject *object)
{
  MkEntryDialog *self = (MkEntryDialog *)object;

  g_clear_pointer (&self->brand_popover, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->brands, g_strfreev);

  G_OBJECT_CLASS (mk_entry_dialog_parent_class)->dispose (object);
}

static void
mk_entry_dialog_class_init (MkEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mk_entry_dialog_dispose;
  window_class->close_request = mk_entry_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/calendar/mk-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, shoot_toggle);
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, upload_toggle);
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, brand_row);
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, shoot_revealer);
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, upload_revealer);
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, platform_row);
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, content_type_row);
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, date_popover);
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, MkEntryDialog, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_picked_cb);

  gtk_widget_class_install_action (widget_class, "entry.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "entry.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "entry.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "entry.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "entry.cancel", NULL);
}

static void
mk_entry_dialog_init (MkEntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);

  /* Brand completion: a popover of earlier brands under the row. */
  self->brand_list = gtk_list_box_new ();
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->brand_list), TRUE);
  g_signal_connect_object (self->brand_list, "row-activated", G_CALLBACK (brand_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  self->brand_popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->brand_popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->brand_popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->brand_popover), GTK_POS_BOTTOM);
  gtk_popover_set_child (GTK_POPOVER (self->brand_popover), self->brand_list);
  gtk_widget_set_parent (self->brand_popover, GTK_WIDGET (self->brand_row));
}

MkEntryDialog *
mk_entry_dialog_new (GtkWindow       *parent,
                     MkStore         *store,
                     const char      *user_id,
                     const char      *date,
                     MkCalendarEntry *entry)
{
  MkEntryDialog *self;
  g_autoptr(GError) error = NULL;
  MkCalendarEntry *source;
  GDate gdate;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);
  g_return_val_if_fail (entry != NULL || user_id != NULL, NULL);

  self = g_object_new (MK_TYPE_ENTRY_DIALOG, NULL);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  self->store = g_object_ref (store);
  self->editing = entry != NULL;

  if (entry != NULL)
    self->entry = mk_calendar_entry_copy (entry);
  else
    {
      g_autofree char *today = mk_time_today ();

      self->entry = mk_calendar_entry_new ();
      mk_calendar_entry_set_user_id (self->entry, user_id);
      mk_calendar_entry_set_date (self->entry, date != NULL ? date : today);
    }

  self->brands = mk_store_calendar_list_brands (store, mk_calendar_entry_get_user_id (self->entry),
                                                200, &error);
  if (self->brands == NULL)
    g_warning ("Could not read earlier brands: %s", error->message);

  adw_window_title_set_title (self->window_title, self->editing ? _("Edit Entry") : _("New Entry"));
  gtk_window_set_title (GTK_WINDOW (self), self->editing ? _("Edit Entry") : _("New Entry"));

  /* Fill the form without counting it as a change. */
  self->loading = TRUE;
  source = self->entry;
  gtk_toggle_button_set_active (mk_calendar_entry_get_entry_type (source) == MK_ENTRY_TYPE_UPLOAD
                                ? self->upload_toggle : self->shoot_toggle, TRUE);
  gtk_revealer_set_reveal_child (self->shoot_revealer, mk_calendar_entry_get_entry_type (source) == MK_ENTRY_TYPE_SHOOT);
  gtk_revealer_set_reveal_child (self->upload_revealer, mk_calendar_entry_get_entry_type (source) == MK_ENTRY_TYPE_UPLOAD);
  gtk_editable_set_text (GTK_EDITABLE (self->brand_row), mk_calendar_entry_get_brand_name (source) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->campaign_row), mk_calendar_entry_get_campaign_name (source) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), mk_calendar_entry_get_location (source) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), mk_calendar_entry_get_date (source) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), mk_calendar_entry_get_time (source) ?: "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), mk_calendar_entry_get_notes (source) ?: "", -1);
  adw_combo_row_set_selected (self->status_row, mk_calendar_entry_get_status (source) == MK_ENTRY_STATUS_COMPLETED);
  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    if (platforms[i] == mk_calendar_entry_get_platform (source))
      adw_combo_row_set_selected (self->platform_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (content_types); i++)
    if (content_types[i] == mk_calendar_entry_get_content_type (source))
      adw_combo_row_set_selected (self->content_type_row, i);
  if (mk_time_parse_gdate (mk_calendar_entry_get_date (source), &gdate))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&gdate), g_date_get_month (&gdate),
                                                       g_date_get_day (&gdate), 12, 0, 0);
      gtk_calendar_select_day (self->date_calendar, dt);
    }
  self->loading = FALSE;

  /* Save starts disabled for an empty form, with no red before typing. */
  validate (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->brand_row));

  return self;
}
