/* mk-profile-editor.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mk-avatar.h"
#include "mk-profile-editor.h"
#include "mk-tag-entry.h"
#include "mk-users-table.h"
#include "mk-validate.h"

struct _MkProfileEditor
{
  AdwWindow             parent_instance;

  /* Template children */
  AdwPreferencesGroup  *page_group;
  AdwEntryRow          *slug_row;
  AdwEntryRow          *name_row;
  MkTagEntry           *categories_entry;
  AdwActionRow         *avatar_row;
  GtkLabel             *avatar_error;
  AdwAvatar            *avatar;
  GtkWidget            *avatar_spinner;
  GtkWidget            *avatar_remove_button;
  GtkLabel             *bio_count_label;
  GtkWidget            *bio_frame;
  GtkTextView          *bio_view;
  AdwEntryRow          *budget_min_row;
  AdwEntryRow          *budget_max_row;
  AdwComboRow          *currency_row;
  GtkStringList        *currencies;

  /* Owned */
  MkStore              *store;
  MkProfile            *profile;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  char                 *avatars_dir;
  /* The avatar the saved profile shows, and a new copy not saved yet: the
   * one that loses is deleted on save or on close. */
  char                 *saved_avatar;
  char                 *pending_avatar;
  /* The form as it was opened, to tell whether closing loses anything. */
  char                 *initial_state;

  gboolean              loading;
  gboolean              importing;
  gboolean              discard_confirmed;
  /* Set by Save: from then on untouched fields show their errors too. */
  gboolean              show_all;
};

G_DEFINE_FINAL_TYPE (MkProfileEditor, mk_profile_editor, ADW_TYPE_WINDOW)

static char *
editable_text (gpointer editable)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (editable));
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

static char *
bio_text (MkProfileEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->bio_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Empty is "not set" (-1); otherwise only digits, so that "1e3", "-5" or
 * "5.50" are refused rather than guessed at. */
static gboolean
parse_budget (const char *text,
              gint64     *out_value)
{
  guint64 value;

  if (text == NULL)
    {
      *out_value = -1;
      return TRUE;
    }

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;

  *out_value = (gint64)value;
  return TRUE;
}

static char *
format_budget (gint64 value)
{
  return value >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : NULL;
}

static GtkWidget *
row_for_field (MkProfileEditor *self,
               const char      *field)
{
  if (g_strcmp0 (field, "slug") == 0) return GTK_WIDGET (self->slug_row);
  if (g_strcmp0 (field, "display_name") == 0) return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (field, "bio") == 0) return self->bio_frame;
  if (g_strcmp0 (field, "categories") == 0) return GTK_WIDGET (self->categories_entry);
  if (g_strcmp0 (field, "avatar_url") == 0) return GTK_WIDGET (self->avatar_row);
  if (g_strcmp0 (field, "budget_min") == 0) return GTK_WIDGET (self->budget_min_row);
  if (g_strcmp0 (field, "budget_max") == 0) return GTK_WIDGET (self->budget_max_row);
  if (g_strcmp0 (field, "currency") == 0) return GTK_WIDGET (self->currency_row);
  return NULL;
}

static void
update_bio_count (MkProfileEditor *self,
                  const char      *message)
{
  g_autofree char *bio = bio_text (self);
  g_autofree char *count = NULL;
  glong n_chars = g_utf8_validate (bio, -1, NULL) ? g_utf8_strlen (bio, -1) : 0;

  if (message != NULL)
    {
      gtk_label_set_label (self->bio_count_label, message);
      gtk_widget_remove_css_class (GTK_WIDGET (self->bio_count_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->bio_count_label), "error");
      return;
    }

  /* Translators: the length of the bio, shown beside its title */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld character", "%ld characters", n_chars),
                           n_chars);
  gtk_label_set_label (self->bio_count_label, count);
  gtk_widget_remove_css_class (GTK_WIDGET (self->bio_count_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->bio_count_label), "dim-label");
}

/* An entry row has no subtitle, so its title says what is wrong while it
 * is, and the tooltip repeats it; the error class colours it. The title
 * from the .ui comes back once the field is fixed. */
static void
set_row_error (MkProfileEditor *self,
               GtkWidget       *row,
               const char      *message)
{
  if (row == self->bio_frame)
    update_bio_count (self, message);

  if (MK_IS_TAG_ENTRY (row))
    {
      /* Only this editor's own message is cleared here, not a refusal the
       * field showed for a tag it did not add. */
      if (message != NULL || g_object_get_data (G_OBJECT (row), "mk-error") != NULL)
        mk_tag_entry_set_error (MK_TAG_ENTRY (row), message);
      g_object_set_data (G_OBJECT (row), "mk-error", GINT_TO_POINTER (message != NULL));
      return;
    }

  if (ADW_IS_PREFERENCES_ROW (row))
    {
      const char *title = g_object_get_data (G_OBJECT (row), "mk-title");

      if (title == NULL)
        {
          title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
          g_object_set_data_full (G_OBJECT (row), "mk-title", g_strdup (title), g_free);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message != NULL ? message : title);
    }
  gtk_widget_set_tooltip_text (row, message);

  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static gboolean
is_touched (MkProfileEditor *self,
            GtkWidget       *row)
{
  return self->show_all || g_object_get_data (G_OBJECT (row), "mk-touched") != NULL;
}

static void
update_slug_preview (MkProfileEditor *self,
                     const char      *slug)
{
  g_autofree char *description = NULL;

  if (slug != NULL)
    /* Translators: %s is the slug; p/… is the public page's path */
    description = g_strdup_printf (_("Your public page: p/%s"), slug);
  else
    description = g_strdup (_("Choose the address of your public page: p/…"));

  adw_preferences_group_set_description (self->page_group, description);
}

/* Reads the form into self->profile, checks every field on its own so that
 * each row can say what is wrong with it, then gates Save on
 * mk_profile_validate() of the whole copy. */
static gboolean
validate (MkProfileEditor *self)
{
  g_autofree char *slug = editable_text (self->slug_row);
  g_autofree char *name = editable_text (self->name_row);
  g_autofree char *bio = bio_text (self);
  g_autofree char *min_text = editable_text (self->budget_min_row);
  g_autofree char *max_text = editable_text (self->budget_max_row);
  const char * const *categories = mk_tag_entry_get_tags (self->categories_entry);
  g_autoptr(GHashTable) messages = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GError) error = NULL;
  GtkWidget *rows[] = {
    GTK_WIDGET (self->slug_row), GTK_WIDGET (self->name_row), self->bio_frame,
    GTK_WIDGET (self->categories_entry), GTK_WIDGET (self->budget_min_row),
    GTK_WIDGET (self->budget_max_row), GTK_WIDGET (self->currency_row),
  };
  GtkStringObject *currency = adw_combo_row_get_selected_item (self->currency_row);
  gint64 budget_min = -1, budget_max = -1;
  gboolean budgets_parsed = TRUE;
  gboolean valid;

#define FIELD_ERROR(row, msg) \
  G_STMT_START { \
    if (!g_hash_table_contains (messages, (row))) \
      g_hash_table_insert (messages, (row), (msg)); \
    else \
      g_free (msg); \
  } G_STMT_END

  mk_profile_set_slug (self->profile, slug);
  mk_profile_set_display_name (self->profile, name);
  mk_profile_set_bio (self->profile, *bio != '\0' ? bio : NULL);
  mk_profile_set_categories (self->profile, categories);
  if (currency != NULL)
    mk_profile_set_currency (self->profile, gtk_string_object_get_string (currency));

  if (!mk_validate_slug (slug, &error))
    {
      update_slug_preview (self, NULL);
      FIELD_ERROR (self->slug_row, g_strdup (error->message));
    }
  else
    {
      g_autoptr(GError) local_error = NULL;

      if (mk_store_profiles_slug_taken (self->store, slug, mk_profile_get_user_id (self->profile),
                                        &local_error))
        /* Translators: %s is the slug the person typed */
        FIELD_ERROR (self->slug_row, g_strdup_printf (_("p/%s is taken: choose another address"), slug));
      else if (local_error != NULL)
        g_warning ("Could not check whether the address is free: %s", local_error->message);
      update_slug_preview (self, slug);
    }
  g_clear_error (&error);

  if (!mk_validate_text ("display_name", _("Display name"), name, 100,
                         MK_VALIDATE_TEXT_REQUIRED | MK_VALIDATE_TEXT_SINGLE_LINE, &error))
    FIELD_ERROR (self->name_row, g_strdup (error->message));
  g_clear_error (&error);

  if (!mk_validate_text ("bio", _("Bio"), bio, 0, MK_VALIDATE_TEXT_NONE, &error))
    FIELD_ERROR (self->bio_frame, g_strdup (error->message));
  g_clear_error (&error);

  if (!mk_validate_categories (categories, &error))
    FIELD_ERROR (self->categories_entry, g_strdup (error->message));
  g_clear_error (&error);

  if (!parse_budget (min_text, &budget_min))
    {
      budgets_parsed = FALSE;
      FIELD_ERROR (self->budget_min_row, g_strdup (_("Enter a whole number of 0 or more, or nothing")));
    }
  if (!parse_budget (max_text, &budget_max))
    {
      budgets_parsed = FALSE;
      FIELD_ERROR (self->budget_max_row, g_strdup (_("Enter a whole number of 0 or more, or nothing")));
    }
  if (budgets_parsed)
    {
      mk_profile_set_budget_min (self->profile, budget_min);
      mk_profile_set_budget_max (self->profile, budget_max);
      if (!mk_validate_budget (budget_min, budget_max, &error))
        {
          GtkWidget *row = row_for_field (self, mk_validate_error_get_field (error));

          if (row != NULL)
            FIELD_ERROR (row, g_strdup (error->message));
        }
      g_clear_error (&error);
    }

  /* The model's own rules are the last word, for anything the checks above
   * do not cover. */
  valid = budgets_parsed && mk_profile_validate (self->profile, &error) &&
          g_hash_table_size (messages) == 0 && !self->importing;
  if (error != NULL)
    {
      GtkWidget *row = row_for_field (self, mk_validate_error_get_field (error));

      if (row != NULL)
        FIELD_ERROR (row, g_strdup (error->message));
    }

#undef FIELD_ERROR

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *message = g_hash_table_lookup (messages, rows[i]);

      set_row_error (self, rows[i], is_touched (self, rows[i]) ? message : NULL);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.save", valid);
  adw_avatar_set_text (self->avatar, name != NULL ? name : slug);

  return valid;
}

/* Everything the form holds, as one string to compare. */
static char *
form_state (MkProfileEditor *self)
{
  g_autofree char *slug = editable_text (self->slug_row);
  g_autofree char *name = editable_text (self->name_row);
  g_autofree char *bio = bio_text (self);
  g_autofree char *categories = g_strjoinv ("\x1e", (char **) mk_tag_entry_get_tags (self->categories_entry));
  g_autofree char *min_text = editable_text (self->budget_min_row);
  g_autofree char *max_text = editable_text (self->budget_max_row);

  return g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%u\x1f%s",
                          slug ?: "", name ?: "", bio, categories, min_text ?: "", max_text ?: "",
                          adw_combo_row_get_selected (self->currency_row),
                          mk_profile_get_avatar_url (self->profile) ?: "");
}

static void
remember_initial_state (MkProfileEditor *self)
{
  g_free (self->initial_state);
  self->initial_state = form_state (self);
}

static gboolean
has_changes (MkProfileEditor *self)
{
  g_autofree char *state = form_state (self);

  return g_strcmp0 (state, self->initial_state) != 0;
}

/* The avatar */

static void
show_avatar_error (MkProfileEditor *self,
                   const char      *message)
{
  GtkWidget *row = GTK_WIDGET (self->avatar_row);

  /* Below the row rather than on it: the row's error colour would spill
   * over its buttons. */
  gtk_label_set_text (self->avatar_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->avatar_error), message != NULL);
  if (message != NULL)
    {
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      self->avatar_error, NULL, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
update_avatar_actions (MkProfileEditor *self)
{
  gboolean has_avatar = mk_profile_get_avatar_url (self->profile) != NULL;

  gtk_widget_set_visible (self->avatar_spinner, self->importing);
  gtk_spinner_set_spinning (GTK_SPINNER (self->avatar_spinner), self->importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.choose-avatar",
                                 !self->importing && self->avatars_dir != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.remove-avatar",
                                 !self->importing && has_avatar);
  gtk_widget_set_visible (self->avatar_remove_button, has_avatar);
}

static void
avatar_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  MkProfileEditor *self;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = mk_avatar_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = MK_PROFILE_EDITOR (user_data);
  if (texture == NULL)
    {
      /* The saved picture is gone or damaged: say so, keep the
       * reference until the person chooses another or removes it. */
      show_avatar_error (self, error->message);
      return;
    }

  adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
}

static void
avatar_imported_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  MkProfileEditor *self;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  uri = mk_avatar_import_finish (result, &texture, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = MK_PROFILE_EDITOR (user_data);
  self->importing = FALSE;

  if (uri == NULL)
    {
      /* The picture shown before stays. */
      show_avatar_error (self, error->message);
    }
  else
    {
      /* An earlier choice in this same session is not needed any more. */
      if (self->pending_avatar != NULL)
        mk_avatar_delete (self->avatars_dir, self->pending_avatar);
      g_free (self->pending_avatar);
      self->pending_avatar = g_strdup (uri);

      mk_profile_set_avatar_url (self->profile, uri);
      adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
      show_avatar_error (self, NULL);
    }

  update_avatar_actions (self);
  validate (self);
}

void
mk_profile_editor_set_avatar_file (MkProfileEditor *self,
                                   GFile           *file)
{
  g_return_if_fail (MK_IS_PROFILE_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->importing || self->avatars_dir == NULL)
    return;

  self->importing = TRUE;
  show_avatar_error (self, NULL);
  update_avatar_actions (self);
  validate (self);

  mk_avatar_import_async (file, self->avatars_dir, mk_profile_get_user_id (self->profile),
                          self->cancellable, avatar_imported_cb, self);
}

gboolean
mk_profile_editor_get_busy (MkProfileEditor *self)
{
  g_return_val_if_fail (MK_IS_PROFILE_EDITOR (self), FALSE);

  return self->importing;
}

static void
chooser_response_cb (MkProfileEditor *self,
                     int              response,
                     GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        mk_profile_editor_set_avatar_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
choose_avatar_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MkProfileEditor *self = MK_PROFILE_EDITOR (widget);
  g_autoptr(GtkFileFilter) pictures = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) jpeg = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) webp = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (pictures, _("Pictures"));
  gtk_file_filter_add_mime_type (pictures, "image/png");
  gtk_file_filter_add_mime_type (pictures, "image/jpeg");
  gtk_file_filter_add_mime_type (pictures, "image/webp");
  gtk_file_filter_set_name (png, _("PNG"));
  gtk_file_filter_add_mime_type (png, "image/png");
  gtk_file_filter_set_name (jpeg, _("JPEG"));
  gtk_file_filter_add_mime_type (jpeg, "image/jpeg");
  gtk_file_filter_set_name (webp, _("WebP"));
  gtk_file_filter_add_mime_type (webp, "image/webp");

  self->chooser = gtk_file_chooser_native_new (_("Choose a Picture"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pictures);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), jpeg);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), webp);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), pictures);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
remove_avatar_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MkProfileEditor *self = MK_PROFILE_EDITOR (widget);

  if (self->importing)
    return;

  /* The saved file goes on save; a new one nobody saved goes now. */
  if (self->pending_avatar != NULL)
    mk_avatar_delete (self->avatars_dir, self->pending_avatar);
  g_clear_pointer (&self->pending_avatar, g_free);

  mk_profile_set_avatar_url (self->profile, NULL);
  adw_avatar_set_custom_image (self->avatar, NULL);
  show_avatar_error (self, NULL);
  update_avatar_actions (self);
  validate (self);
}

static void
field_changed_cb (MkProfileEditor *self,
                  gpointer         sender)
{
  if (self->loading)
    return;

  if (GTK_IS_TEXT_BUFFER (sender))
    sender = self->bio_frame;
  if (GTK_IS_WIDGET (sender))
    g_object_set_data (G_OBJECT (sender), "mk-touched", GINT_TO_POINTER (TRUE));

  validate (self);
}

static void
show_failure (MkProfileEditor *self,
              const char      *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Save the Profile"),
                                                       message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MkProfileEditor *self = MK_PROFILE_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *user_id = mk_profile_get_user_id (self->profile);

  self->show_all = TRUE;
  if (!validate (self))
    return;

  /* Translators: %s is the slug of the saved profile */
  message = g_strdup_printf (_("Updated the profile p/%s"), mk_profile_get_slug (self->profile));

  if (!mk_store_transaction_begin (self->store, &error) ||
      !mk_store_profiles_save (self->store, self->profile, &error) ||
      !mk_store_log (self->store, user_id, MK_PLATFORM_NONE, "update_profile", MK_LOG_STATUS_SUCCESS,
                     message, NULL, NULL, NULL, &error) ||
      !mk_store_transaction_commit (self->store, &error))
    {
      mk_store_transaction_rollback (self->store, NULL);

      if (g_error_matches (error, MK_STORE_ERROR, MK_STORE_ERROR_CONSTRAINT))
        {
          /* Someone took the address between the check and the save. */
          g_autofree char *taken = g_strdup_printf (_("p/%s is taken: choose another address"),
                                                    mk_profile_get_slug (self->profile));

          set_row_error (self, GTK_WIDGET (self->slug_row), taken);
          gtk_widget_action_set_enabled (widget, "profile.save", FALSE);
        }
      else if (mk_validate_error_get_field (error) != NULL &&
               row_for_field (self, mk_validate_error_get_field (error)) != NULL)
        set_row_error (self, row_for_field (self, mk_validate_error_get_field (error)), error->message);
      else
        {
          g_warning ("Could not save the profile: %s", error->message);
          show_failure (self, error->message);
        }
      return;
    }

  /* Saved: the picture the profile shows stays, every other copy goes. */
  mk_avatar_prune (self->avatars_dir, user_id, mk_profile_get_avatar_url (self->profile));
  g_clear_pointer (&self->pending_avatar, g_free);

  self->discard_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (MkProfileEditor *self,
                     const char      *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* Once the dialog is done with its response: it is transient for this
   * window and must not outlive it. */
  self->discard_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

/* Escape, Cancel and the window manager all end here. */
static gboolean
mk_profile_editor_close_request (GtkWindow *window)
{
  MkProfileEditor *self = MK_PROFILE_EDITOR (window);
  AdwMessageDialog *dialog;

  if (self->discard_confirmed || !has_changes (self))
    {
      if (GTK_WINDOW_CLASS (mk_profile_editor_parent_class)->close_request != NULL)
        return GTK_WINDOW_CLASS (mk_profile_editor_parent_class)->close_request (window);
      return FALSE;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Discard Changes?"),
                                                       _("The changes to the profile have not been saved.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
mk_profile_editor_dispose (GObject *object)
{
  MkProfileEditor *self = (MkProfileEditor *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  /* Closed without saving: the copy nobody will use goes. */
  if (self->pending_avatar != NULL)
    mk_avatar_delete (self->avatars_dir, self->pending_avatar);
  g_clear_pointer (&self->pending_avatar, g_free);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->avatars_dir, g_free);
  g_clear_pointer (&self->saved_avatar, g_free);
  g_clear_pointer (&self->initial_state, g_free);

  G_OBJECT_CLASS (mk_profile_editor_parent_class)->dispose (object);
}

static void
mk_profile_editor_class_init (MkProfileEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mk_profile_editor_dispose;
  window_class->close_request = mk_profile_editor_close_request;

  g_type_ensure (MK_TYPE_TAG_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/profile/mk-profile-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, page_group);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, slug_row);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, categories_entry);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, avatar_row);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, avatar_error);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, avatar);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, avatar_spinner);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, avatar_remove_button);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, bio_count_label);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, bio_frame);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, bio_view);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, budget_min_row);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, budget_max_row);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, currency_row);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, currencies);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "profile.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "profile.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "profile.choose-avatar", NULL, choose_avatar_action);
  gtk_widget_class_install_action (widget_class, "profile.remove-avatar", NULL, remove_avatar_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "profile.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "profile.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "profile.cancel", NULL);
}

static void
mk_profile_editor_init (MkProfileEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (gtk_text_view_get_buffer (self->bio_view), "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
load_form (MkProfileEditor *self)
{
  g_autofree char *budget_min = format_budget (mk_profile_get_budget_min (self->profile));
  g_autofree char *budget_max = format_budget (mk_profile_get_budget_max (self->profile));
  const char *currency = mk_profile_get_currency (self->profile);
  const char *bio = mk_profile_get_bio (self->profile);
  guint n_currencies = g_list_model_get_n_items (G_LIST_MODEL (self->currencies));
  guint selected = GTK_INVALID_LIST_POSITION;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->slug_row), mk_profile_get_slug (self->profile) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), mk_profile_get_display_name (self->profile) ?: "");
  mk_tag_entry_set_tags (self->categories_entry, mk_profile_get_categories (self->profile));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->bio_view), bio ?: "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->budget_min_row), budget_min ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->budget_max_row), budget_max ?: "");

  /* A currency saved from elsewhere that the list lacks is kept, not lost. */
  for (guint i = 0; i < n_currencies; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->currencies, i), currency) == 0)
      selected = i;
  if (selected == GTK_INVALID_LIST_POSITION && currency != NULL)
    {
      gtk_string_list_append (self->currencies, currency);
      selected = n_currencies;
    }
  adw_combo_row_set_selected (self->currency_row, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
  self->loading = FALSE;
}

MkProfileEditor *
mk_profile_editor_new (GtkWindow  *parent,
                       MkStore    *store,
                       const char *user_id)
{
  MkProfileEditor *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkProfile) saved = NULL;

  g_return_val_if_fail (MK_IS_STORE (store), NULL);
  g_return_val_if_fail (user_id != NULL, NULL);

  self = g_object_new (MK_TYPE_PROFILE_EDITOR, NULL);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  self->store = g_object_ref (store);
  if (mk_store_get_path (store) != NULL)
    {
      g_autofree char *data_dir = g_path_get_dirname (mk_store_get_path (store));

      self->avatars_dir = mk_avatar_dir (data_dir);
    }

  saved = mk_store_profiles_get (store, user_id, &error);
  if (saved != NULL)
    self->profile = mk_profile_copy (saved);
  else
    {
      if (!g_error_matches (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not read the profile: %s", error->message);
      self->profile = mk_profile_new ();
      mk_profile_set_user_id (self->profile, user_id);
    }

  self->saved_avatar = g_strdup (mk_profile_get_avatar_url (self->profile));
  if (self->saved_avatar != NULL)
    mk_avatar_load_async (self->saved_avatar, self->cancellable, avatar_loaded_cb, self);

  load_form (self);
  validate (self);
  update_avatar_actions (self);
  remember_initial_state (self);

  return self;
}

/* "ada.lovelace+work" → "Ada Lovelace Work" */
static char *
name_from_email (const char *local)
{
  g_auto(GStrv) words = g_regex_split_simple ("[._+\\-]+", local, 0, 0);
  g_autoptr(GString) name = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gunichar first;

      if (*words[i] == '\0' || !g_utf8_validate (words[i], -1, NULL))
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      first = g_utf8_get_char (words[i]);
      g_string_append_unichar (name, g_unichar_totitle (first));
      g_string_append (name, g_utf8_next_char (words[i]));
    }

  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* "Ada.Lovelace_99" → "ada-lovelace-99", then made free with "-2", "-3"… */
static char *
slug_from_email (MkProfileEditor *self,
                 const char      *local)
{
  g_autoptr(GString) base = g_string_new (NULL);

  for (const char *p = local; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (base, g_ascii_tolower (*p));
      else if (base->len > 0 && base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);
  if (base->len < 3)
    g_string_append (base, base->len > 0 ? "-creator" : "creator");
  /* Room for a "-99". */
  if (base->len > 46)
    g_string_truncate (base, 46);
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);

  for (guint n = 1; n < 100; n++)
    {
      g_autofree char *slug = n == 1 ? g_strdup (base->str) : g_strdup_printf ("%s-%u", base->str, n);

      if (mk_validate_slug (slug, NULL) &&
          !mk_store_profiles_slug_taken (self->store, slug, mk_profile_get_user_id (self->profile), NULL))
        return g_steal_pointer (&slug);
    }

  return NULL;
}

void
mk_profile_editor_fill_defaults (MkProfileEditor *self)
{
  g_autoptr(MkUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *local = NULL;
  g_autofree char *name = NULL;
  g_autofree char *slug = NULL;
  const char *at;

  g_return_if_fail (MK_IS_PROFILE_EDITOR (self));

  /* A profile someone saved is theirs, whatever it holds. */
  if (mk_profile_get_slug (self->profile) != NULL ||
      mk_profile_get_display_name (self->profile) != NULL)
    return;

  user = mk_store_users_get (self->store, mk_profile_get_user_id (self->profile), &error);
  if (user == NULL)
    {
      g_warning ("Could not read the account for its profile: %s", error->message);
      return;
    }

  at = strrchr (mk_user_get_email (user), '@');
  local = at != NULL ? g_strndup (mk_user_get_email (user), at - mk_user_get_email (user))
                     : g_strdup (mk_user_get_email (user));
  name = name_from_email (local);
  slug = slug_from_email (self, local);

  gtk_window_set_title (GTK_WINDOW (self), _("Create Your Profile"));

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->slug_row), slug ?: "");
  self->loading = FALSE;

  validate (self);
  remember_initial_state (self);
}
