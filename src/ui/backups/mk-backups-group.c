/* mk-backups-group.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-backup.h"
#include "mk-backups-group.h"

struct _MkBackupsGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template children */
  GtkButton           *back_up_button;
  AdwActionRow        *empty_row;

  /* Owned */
  MkContext           *context;
  GCancellable        *cancellable;
  GPtrArray           *rows;          /* the backup rows shown now */
};

G_DEFINE_FINAL_TYPE (MkBackupsGroup, mk_backups_group, ADW_TYPE_PREFERENCES_GROUP)

static void
toast (MkBackupsGroup *self,
       const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static GApplication *
get_application (MkBackupsGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  while (window != NULL && gtk_window_get_application (window) == NULL)
    window = gtk_window_get_transient_for (window);

  return window != NULL ? G_APPLICATION (gtk_window_get_application (window)) : NULL;
}

static void restore_clicked_cb (MkBackupsGroup *self,
                                GtkButton      *button);

static void
refresh (MkBackupsGroup *self)
{
  g_autofree char *db_path = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->context == NULL)
    return;

  db_path = mk_context_get_db_path (self->context);
  list = mk_backup_list (db_path, &error);
  if (list == NULL)
    {
      adw_action_row_set_subtitle (self->empty_row, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->empty_row), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), list->len == 0);

  for (guint i = 0; i < list->len; i++)
    {
      MkBackupInfo *info = g_ptr_array_index (list, i);
      g_autofree char *size = g_format_size (info->size);
      g_autofree char *time = g_date_time_format (info->modified, "%H:%M");
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;

      /* Translators: a backup's size and the time it was made, e.g. "2.1 MB · 09:14" */
      subtitle = g_strdup_printf (_("%s · %s"), size, time);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->date);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      button = gtk_button_new_with_mnemonic (_("_Restore…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "backup-path", g_strdup (info->path), g_free);
      g_object_set_data_full (G_OBJECT (button), "backup-date", g_strdup (info->date), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (restore_clicked_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
backed_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(MkBackupsGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  path = mk_backup_create_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->back_up_button), TRUE);
  if (path == NULL)
    {
      g_warning ("Backup failed: %s", error->message);
      toast (self, error->message);
      return;
    }

  toast (self, _("Backup saved"));
  refresh (self);
}

static void
back_up_clicked_cb (MkBackupsGroup *self)
{
  g_autofree char *db_path = NULL;

  g_return_if_fail (self->context != NULL);

  db_path = mk_context_get_db_path (self->context);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_up_button), FALSE);
  mk_backup_create_async (db_path, self->cancellable, backed_up_cb, g_object_ref (self));
}

typedef struct {
  char *backup_path;
  char *db_path;
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_free (data->backup_path);
  g_free (data->db_path);
  g_free (data);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreData *data = task_data;
  GError *error = NULL;
  char *aside = NULL;

  if (mk_backup_restore (data->backup_path, data->db_path, &aside, &error))
    g_task_return_pointer (task, aside != NULL ? aside : g_strdup (""), g_free);
  else
    g_task_return_error (task, error);
}

static void
restored_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  GApplication *app = user_data;

  if (app != NULL)
    g_application_quit (app);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MkBackupsGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  aside = g_task_propagate_pointer (G_TASK (result), &error);
  if (aside == NULL)
    {
      g_warning ("Restore refused: %s", error->message);
      toast (self, error->message);
      refresh (self);
      return;
    }

  /* The open store still points at the old file (now set aside): only a
   * new start opens the restored one. */
  if (*aside != '\0')
    body = g_strdup_printf (_("Mediakit closes now; start it again to work with the restored data. Your database as it was before is kept as %s."),
                            aside);
  else
    body = g_strdup (_("Mediakit closes now; start it again to work with the restored data."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Backup Restored"), body));
  adw_message_dialog_add_response (dialog, "quit", _("_Close Mediakit"));
  adw_message_dialog_set_close_response (dialog, "quit");
  g_signal_connect (dialog, "response", G_CALLBACK (restored_response_cb), get_application (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  MkBackupsGroup *self = MK_BACKUPS_GROUP (user_data);
  const char *backup_path = g_object_get_data (G_OBJECT (dialog), "backup-path");
  g_autoptr(GTask) task = NULL;
  RestoreData *data;

  if (g_strcmp0 (response, "restore") != 0 || self->context == NULL)
    return;

  data = g_new0 (RestoreData, 1);
  data->backup_path = g_strdup (backup_path);
  data->db_path = mk_context_get_db_path (self->context);

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  /* Not cancellable: a restore half done is worse than one finished. */
  task = g_task_new (NULL, NULL, restored_cb, g_object_ref (self));
  g_task_set_source_tag (task, confirm_response_cb);
  g_task_set_task_data (task, data, (GDestroyNotify)restore_data_free);
  g_task_run_in_thread (task, restore_thread);
}

static void
restore_clicked_cb (MkBackupsGroup *self,
                    GtkButton      *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *date = g_object_get_data (G_OBJECT (button), "backup-date");
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf (_("Your calendar, reviews, metrics and activity are replaced by the backup of %s; whatever changed since then is no longer shown. The backup is checked first, and your current database is kept beside it."),
                          date);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Restore This Backup?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path",
                          g_strdup (g_object_get_data (G_OBJECT (button), "backup-path")), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
mk_backups_group_dispose (GObject *object)
{
  MkBackupsGroup *self = (MkBackupsGroup *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_BACKUPS_GROUP);

  G_OBJECT_CLASS (mk_backups_group_parent_class)->dispose (object);
}

static void
mk_backups_group_finalize (GObject *object)
{
  MkBackupsGroup *self = (MkBackupsGroup *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (mk_backups_group_parent_class)->finalize (object);
}

static void
mk_backups_group_class_init (MkBackupsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_backups_group_dispose;
  object_class->finalize = mk_backups_group_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/backups/mk-backups-group.ui");
  gtk_widget_class_bind_template_child (widget_class, MkBackupsGroup, back_up_button);
  gtk_widget_class_bind_template_child (widget_class, MkBackupsGroup, empty_row);
  gtk_widget_class_bind_template_callback (widget_class, back_up_clicked_cb);
}

static void
mk_backups_group_init (MkBackupsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
}

void
mk_backups_group_set_context (MkBackupsGroup *self,
                              MkContext      *context)
{
  g_return_if_fail (MK_IS_BACKUPS_GROUP (self));
  g_return_if_fail (context == NULL || MK_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->back_up_button), context != NULL);
  refresh (self);
}
