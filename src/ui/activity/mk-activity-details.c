/* mk-activity-details.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-activity-details.h"
#include "mk-activity-labels.h"

struct _MkActivityDetails
{
  AdwWindow     parent_instance;

  /* Template children */
  AdwActionRow *time_row;
  AdwActionRow *action_row;
  AdwActionRow *platform_row;
  GtkImage     *platform_icon;
  AdwActionRow *status_row;
  GtkImage     *status_icon;
  AdwActionRow *message_row;
  AdwActionRow *ip_row;
  AdwActionRow *user_row;
  AdwActionRow *id_row;
  GtkTextView  *request_view;
  GtkTextView  *response_view;
  GtkWidget    *copy_request_button;
  GtkWidget    *copy_response_button;

  /* Owned */
  MkLogEntry   *entry;
};

G_DEFINE_FINAL_TYPE (MkActivityDetails, mk_activity_details, ADW_TYPE_WINDOW)

/* A value that is missing says so instead of leaving a blank. */
static void
set_subtitle (AdwActionRow *row,
              const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : _("None"));
}

static void
set_payload (GtkTextView *view,
             GtkWidget   *copy_button,
             const char  *json)
{
  g_autofree char *pretty = mk_activity_pretty_json (json);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view),
                            json != NULL ? pretty : _("None"), -1);
  gtk_widget_set_sensitive (copy_button, json != NULL);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MkActivityDetails *self = MK_ACTIVITY_DETAILS (widget);
  gboolean response = g_variant_get_boolean (parameter);
  g_autofree char *text = mk_activity_details_get_payload_text (self, response);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
mk_activity_details_dispose (GObject *object)
{
  MkActivityDetails *self = (MkActivityDetails *)object;

  g_clear_object (&self->entry);

  G_OBJECT_CLASS (mk_activity_details_parent_class)->dispose (object);
}

static void
mk_activity_details_class_init (MkActivityDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_activity_details_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/activity/mk-activity-details.ui");
  gtk_widget_class_bind_template_child (widget_class, MkActivityDetails, time_row);
  gtk_widget_class_bind_template_child (widget_class, MkActivityDetails, action_row);
  gtk_widget_class_bind_template_child (widget_class, MkActivityDetails, platform_row);
  gtk_widget_class_bind_template_child (widget_class, MkActivityDetails, platform_icon);
  gtk_widget_class_bind_template_child (widget_class, MkActivityDetails, status_row);
  gtk_widget_class_bind_template_child (widget_class, MkActivityDetails, status_icon);
  gtk_widget_class_bind_template_child (widget_class, MkActivityDetails, message_row);
  gtk_widget_class_bind_template_child (widget_class, MkActivityDetails, ip_row);
  gtk_widget_class_bind_template_child (widget_class, MkActivityDetails, user_row);
  gtk_widget_class_bind_template_child (widget_class, MkActivityDetails, id_row);
  gtk_widget_class_bind_template_child (widget_class, MkActivityDetails, request_view);
  gtk_widget_class_bind_template_child (widget_class, MkActivityDetails, response_view);
  gtk_widget_class_bind_template_child (widget_class, MkActivityDetails, copy_request_button);
  gtk_widget_class_bind_template_child (widget_class, MkActivityDetails, copy_response_button);

  /* TRUE copies the response, FALSE the request. */
  gtk_widget_class_install_action (widget_class, "details.copy", "b", copy_action);
}

static void
mk_activity_details_init (MkActivityDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MkActivityDetails *
mk_activity_details_new (GtkWindow  *parent,
                         MkLogEntry *entry)
{
  MkActivityDetails *self;
  g_autofree char *time = NULL;
  MkPlatform platform;
  MkLogStatus status;

  g_return_val_if_fail (MK_IS_LOG_ENTRY (entry), NULL);

  self = g_object_new (MK_TYPE_ACTIVITY_DETAILS,
                       "transient-for", parent,
                       NULL);
  self->entry = g_object_ref (entry);

  platform = mk_log_entry_get_platform (entry);
  status = mk_log_entry_get_status (entry);
  time = mk_activity_format_time_full (mk_log_entry_get_created_at (entry));

  set_subtitle (self->time_row, time);
  set_subtitle (self->action_row, mk_activity_action_label (mk_log_entry_get_action (entry)));
  set_subtitle (self->platform_row, mk_activity_platform_name (platform));
  gtk_image_set_from_icon_name (self->platform_icon, mk_activity_platform_icon (platform));
  set_subtitle (self->status_row, mk_activity_status_name (status));
  gtk_image_set_from_icon_name (self->status_icon, mk_activity_status_icon (status));
  if (status == MK_LOG_STATUS_FAILURE)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "success");
  set_subtitle (self->message_row, mk_log_entry_get_message (entry));
  set_subtitle (self->ip_row, mk_log_entry_get_ip_address (entry));
  set_subtitle (self->user_row, mk_log_entry_get_user_id (entry));
  set_subtitle (self->id_row, mk_log_entry_get_id (entry));
  set_payload (self->request_view, self->copy_request_button,
               mk_log_entry_get_request_payload (entry));
  set_payload (self->response_view, self->copy_response_button,
               mk_log_entry_get_response_payload (entry));

  return self;
}

MkLogEntry *
mk_activity_details_get_entry (MkActivityDetails *self)
{
  g_return_val_if_fail (MK_IS_ACTIVITY_DETAILS (self), NULL);

  return self->entry;
}

char *
mk_activity_details_get_payload_text (MkActivityDetails *self,
                                      gboolean           response)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (MK_IS_ACTIVITY_DETAILS (self), NULL);

  buffer = gtk_text_view_get_buffer (response ? self->response_view : self->request_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
