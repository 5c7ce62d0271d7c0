/* mk-review-dialog.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-review-dialog.h"
#include "mk-validate.h"

struct _MkReviewDialog
{
  AdwWindow        parent_instance;

  /* Template children */
  GtkButton       *save_button;
  AdwEntryRow     *client_name_row;
  AdwActionRow    *client_name_error;
  AdwEntryRow     *client_email_row;
  AdwActionRow    *client_email_error;
  AdwActionRow    *rating_row;
  GtkBox          *rating_box;
  AdwEntryRow     *project_type_row;
  AdwActionRow    *project_type_error;
  GtkFrame        *text_frame;
  GtkTextView     *text_view;
  GtkLabel        *review_text_error;
  GtkSwitch       *verified_switch;
  GtkSwitch       *published_switch;

  /* Owned */
  MkReviewsModel  *model;
  MkReview        *review;      /* the copy being edited, or NULL for a new one */
  GtkButton       *stars[5];

  int              rating;
  gboolean         dirty;
  gboolean         loading;
  /* Errors for empty required fields wait until the field was touched, so
   * that a new form does not open all red. */
  gboolean         touched_name;
  gboolean         touched_text;
};

G_DEFINE_FINAL_TYPE (MkReviewDialog, mk_review_dialog, ADW_TYPE_WINDOW)

static char *
get_text (MkReviewDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* NULL for an empty optional entry, so the column stays NULL. */
static const char *
optional_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && *text != '\0' ? text : NULL;
}

static void
show_error (GtkWidget  *row,
            GtkWidget  *error_widget,
            GError     *error,
            gboolean    show)
{
  gboolean invalid = error != NULL && show;

  if (invalid)
    {
      gtk_widget_add_css_class (row, "error");
      if (ADW_IS_PREFERENCES_ROW (error_widget))
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (error_widget), error->message);
      else
        gtk_label_set_label (GTK_LABEL (error_widget), error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  gtk_widget_set_visible (error_widget, invalid);
}

/* Checks every field on its own (mk_review_validate stops at the first), so
 * that each row can say what is wrong with it. */
static gboolean
validate (MkReviewDialog *self)
{
  g_autoptr(GError) name_error = NULL;
  g_autoptr(GError) email_error = NULL;
  g_autoptr(GError) type_error = NULL;
  g_autoptr(GError) text_error = NULL;
  g_autofree char *text = get_text (self);
  gboolean valid = TRUE;

  valid &= mk_validate_text ("client_name", _("Client name"),
                             gtk_editable_get_text (GTK_EDITABLE (self->client_name_row)), 100,
                             MK_VALIDATE_TEXT_REQUIRED | MK_VALIDATE_TEXT_SINGLE_LINE, &name_error);
  valid &= mk_validate_email ("client_email", optional_text (self->client_email_row), FALSE, &email_error);
  valid &= mk_validate_text ("project_type", _("Project type"), optional_text (self->project_type_row),
                             100, MK_VALIDATE_TEXT_SINGLE_LINE, &type_error);
  valid &= mk_validate_text ("review_text", _("Review"), text, 0, MK_VALIDATE_TEXT_REQUIRED, &text_error);
  valid &= self->rating >= 1 && self->rating <= 5;

  show_error (GTK_WIDGET (self->client_name_row), GTK_WIDGET (self->client_name_error), name_error,
              self->touched_name);
  show_error (GTK_WIDGET (self->client_email_row), GTK_WIDGET (self->client_email_error), email_error, TRUE);
  show_error (GTK_WIDGET (self->project_type_row), GTK_WIDGET (self->project_type_error), type_error, TRUE);
  show_error (GTK_WIDGET (self->text_frame), GTK_WIDGET (self->review_text_error), text_error,
              self->touched_text);

  adw_action_row_set_subtitle (self->rating_row,
                               self->rating == 0 ? _("Choose 1 to 5 stars") : NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save", valid);
  return valid;
}

static void
field_changed_cb (MkReviewDialog *self,
                  GtkEditable    *editable)
{
  if (self->loading)
    return;

  if (editable == GTK_EDITABLE (self->client_name_row))
    self->touched_name = TRUE;
  self->dirty = TRUE;
  validate (self);
}

static void
text_changed_cb (MkReviewDialog *self)
{
  if (self->loading)
    return;

  self->touched_text = TRUE;
  self->dirty = TRUE;
  validate (self);
}

static void
set_rating (MkReviewDialog *self,
            int             rating)
{
  g_autofree char *value = NULL;

  self->rating = rating;
  for (int i = 0; i < 5; i++)
    {
      gtk_button_set_icon_name (GTK_BUTTON (self->stars[i]),
                                i < rating ? "starred-symbolic" : "non-starred-symbolic");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->stars[i]),
                                   GTK_ACCESSIBLE_STATE_PRESSED, i + 1 == rating, -1);
    }

  value = rating > 0 ? g_strdup_printf (ngettext ("%d star", "%d stars", rating), rating)
                     : g_strdup (_("No rating"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rating_box), value);
}

static void
star_clicked_cb (GtkButton      *button,
                 MkReviewDialog *self)
{
  set_rating (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "stars")));
  self->dirty = TRUE;
  validate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MkReviewDialog *self = MK_REVIEW_DIALOG (widget);
  g_autoptr(MkReview) review = self->review ? mk_review_copy (self->review) : mk_review_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = get_text (self);
  gboolean ok;

  self->touched_name = self->touched_text = TRUE;
  if (!validate (self))
    return;

  mk_review_set_client_name (review, gtk_editable_get_text (GTK_EDITABLE (self->client_name_row)));
  mk_review_set_client_email (review, optional_text (self->client_email_row));
  mk_review_set_project_type (review, optional_text (self->project_type_row));
  mk_review_set_rating (review, self->rating);
  mk_review_set_review_text (review, text);
  mk_review_set_is_verified (review, gtk_switch_get_active (self->verified_switch));
  mk_review_set_is_published (review, gtk_switch_get_active (self->published_switch));

  if (self->review != NULL)
    ok = mk_reviews_model_update (self->model, review, &error);
  else
    ok = mk_reviews_model_add (self->model, review, &error);

  if (!ok)
    {
      const char *field = mk_validate_error_get_field (error);
      GtkWidget *row = GTK_WIDGET (self->client_name_row);
      GtkWidget *error_widget = GTK_WIDGET (self->client_name_error);

      /* Not about a field (a full disk, a failed write): said on its own,
       * not beside a field that is fine. The form stays as typed. */
      if (field == NULL)
        {
          AdwMessageDialog *alert;

          alert = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                              _("Could Not Save the Review"),
                                                              error->message));
          adw_message_dialog_add_response (alert, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (alert));
          return;
        }

      if (g_strcmp0 (field, "client_email") == 0)
        row = GTK_WIDGET (self->client_email_row), error_widget = GTK_WIDGET (self->client_email_error);
      else if (g_strcmp0 (field, "project_type") == 0)
        row = GTK_WIDGET (self->project_type_row), error_widget = GTK_WIDGET (self->project_type_error);
      else if (g_strcmp0 (field, "review_text") == 0)
        row = GTK_WIDGET (self->text_frame), error_widget = GTK_WIDGET (self->review_text_error);

      show_error (row, error_widget, error, TRUE);
      return;
    }

  self->dirty = FALSE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
suggest_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MkReviewDialog *self = MK_REVIEW_DIALOG (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->project_type_row), g_variant_get_string (parameter, NULL));
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     MkReviewDialog   *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->dirty = FALSE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static gboolean
mk_review_dialog_close_request (GtkWindow *window)
{
  MkReviewDialog *self = MK_REVIEW_DIALOG (window);
  AdwMessageDialog *dialog;

  if (!self->dirty)
    return GTK_WINDOW_CLASS (mk_review_dialog_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Discard Changes?"),
                                                       _("The review has changes that are not saved.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
mk_review_dialog_dispose (GObject *object)
{
  MkReviewDialog *self = (MkReviewDialog *)object;

  g_clear_object (&self->model);
  g_clear_object (&self->review);

  G_OBJECT_CLASS (mk_review_dialog_parent_class)->dispose (object);
}

static void
mk_review_dialog_class_init (MkReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mk_review_dialog_dispose;
  window_class->close_request = mk_review_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/reviews/mk-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MkReviewDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, MkReviewDialog, client_name_row);
  gtk_widget_class_bind_template_child (widget_class, MkReviewDialog, client_name_error);
  gtk_widget_class_bind_template_child (widget_class, MkReviewDialog, client_email_row);
  gtk_widget_class_bind_template_child (widget_class, MkReviewDialog, client_email_error);
  gtk_widget_class_bind_template_child (widget_class, MkReviewDialog, rating_row);
  gtk_widget_class_bind_template_child (widget_class, MkReviewDialog, rating_box);
  gtk_widget_class_bind_template_child (widget_class, MkReviewDialog, project_type_row);
  gtk_widget_class_bind_template_child (widget_class, MkReviewDialog, project_type_error);
  gtk_widget_class_bind_template_child (widget_class, MkReviewDialog, text_frame);
  gtk_widget_class_bind_template_child (widget_class, MkReviewDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, MkReviewDialog, review_text_error);
  gtk_widget_class_bind_template_child (widget_class, MkReviewDialog, verified_switch);
  gtk_widget_class_bind_template_child (widget_class, MkReviewDialog, published_switch);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "review.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "review.suggest", "s", suggest_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "review.save", NULL);
}

static void
mk_review_dialog_init (MkReviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Five buttons rather than a custom widget: each is a real
   * button, reachable with Tab, activated with Space, and read out as
   * "3 stars, pressed". */
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *label = g_strdup_printf (ngettext ("%d star", "%d stars", i + 1), i + 1);
      GtkWidget *button = gtk_button_new ();

      gtk_button_set_icon_name (GTK_BUTTON (button), "non-starred-symbolic");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "review-star");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data (G_OBJECT (button), "stars", GINT_TO_POINTER (i + 1));
      g_signal_connect (button, "clicked", G_CALLBACK (star_clicked_cb), self);
      gtk_box_append (self->rating_box, button);
      self->stars[i] = GTK_BUTTON (button);
    }

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
}

MkReviewDialog *
mk_review_dialog_new (GtkWindow      *parent,
                      MkReviewsModel *model,
                      MkReview       *review)
{
  MkReviewDialog *self;

  g_return_val_if_fail (MK_IS_REVIEWS_MODEL (model), NULL);

  self = g_object_new (MK_TYPE_REVIEW_DIALOG,
                       "transient-for", parent,
                       "title", review ? _("Edit Review") : _("New Review"),
                       NULL);
  self->model = g_object_ref (model);
  self->loading = TRUE;

  if (review != NULL)
    {
      self->review = mk_review_copy (review);
      gtk_editable_set_text (GTK_EDITABLE (self->client_name_row), mk_review_get_client_name (review));
      gtk_editable_set_text (GTK_EDITABLE (self->client_email_row),
                             mk_review_get_client_email (review) ?: "");
      gtk_editable_set_text (GTK_EDITABLE (self->project_type_row),
                             mk_review_get_project_type (review) ?: "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                                mk_review_get_review_text (review), -1);
      gtk_switch_set_active (self->verified_switch, mk_review_get_is_verified (review));
      gtk_switch_set_active (self->published_switch, mk_review_get_is_published (review));
      set_rating (self, mk_review_get_rating (review));
      self->touched_name = self->touched_text = TRUE;
    }
  else
    set_rating (self, 0);

  self->loading = FALSE;
  validate (self);
  return self;
}
