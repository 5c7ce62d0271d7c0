/* mk-profile-editor.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-profile-editor.h"
#include "mk-validate.h"

struct _MkProfileEditor
{
  AdwWindow             parent_instance;

  /* Template children */
  AdwPreferencesGroup  *page_group;
  AdwEntryRow          *slug_row;
  AdwEntryRow          *name_row;
  AdwEntryRow          *categories_row;
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

  gboolean              loading;
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

/* "travel, food ,, Tech" → ["travel", "food", "Tech"]; NULL when empty. */
static GStrv
parse_categories (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_auto(GStrv) result = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  result = g_strv_builder_end (builder);
  return result[0] != NULL ? g_steal_pointer (&result) : NULL;
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
  if (g_strcmp0 (field, "categories") == 0) return GTK_WIDGET (self->categories_row);
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
  g_autofree char *categories_text = editable_text (self->categories_row);
  g_autofree char *min_text = editable_text (self->budget_min_row);
  g_autofree char *max_text = editable_text (self->budget_max_row);
  g_auto(GStrv) categories = parse_categories (categories_text);
  g_autoptr(GHashTable) messages = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GError) error = NULL;
  GtkWidget *rows[] = {
    GTK_WIDGET (self->slug_row), GTK_WIDGET (self->name_row), self->bio_frame,
    GTK_WIDGET (self->categories_row), GTK_WIDGET (self->budget_min_row),
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
  mk_profile_set_categories (self->profile, (const char * const *)categories);
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

  if (!mk_validate_categories ((const char * const *)categories, &error))
    FIELD_ERROR (self->categories_row, g_strdup (error->message));
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
          g_hash_table_size (messages) == 0;
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

  return valid;
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

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
mk_profile_editor_dispose (GObject *object)
{
  MkProfileEditor *self = (MkProfileEditor *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (mk_profile_editor_parent_class)->dispose (object);
}

static void
mk_profile_editor_class_init (MkProfileEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_profile_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/profile/mk-profile-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, page_group);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, slug_row);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, MkProfileEditor, categories_row);
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "profile.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "profile.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "profile.cancel", NULL);
}

static void
mk_profile_editor_init (MkProfileEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->bio_view), "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
load_form (MkProfileEditor *self)
{
  g_autofree char *categories = NULL;
  g_autofree char *budget_min = format_budget (mk_profile_get_budget_min (self->profile));
  g_autofree char *budget_max = format_budget (mk_profile_get_budget_max (self->profile));
  const char * const *list = mk_profile_get_categories (self->profile);
  const char *currency = mk_profile_get_currency (self->profile);
  const char *bio = mk_profile_get_bio (self->profile);
  guint n_currencies = g_list_model_get_n_items (G_LIST_MODEL (self->currencies));
  guint selected = GTK_INVALID_LIST_POSITION;

  categories = list != NULL ? g_strjoinv (", ", (char **)list) : NULL;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->slug_row), mk_profile_get_slug (self->profile) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), mk_profile_get_display_name (self->profile) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->categories_row), categories ?: "");
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

  load_form (self);
  validate (self);

  return self;
}
