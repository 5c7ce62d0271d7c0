/* mk-reviews-import.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-reviews-import.h"
#include "mk-reviews-io.h"
#include "mk-window.h"

typedef struct {
  GtkWindow          *parent;
  MkContext          *context;
  MkReviewsModel     *model;
  MkReviewsCsvImport *import;
} ImportRun;

static void
import_run_free (ImportRun *run)
{
  g_clear_object (&run->parent);
  g_clear_object (&run->context);
  g_clear_object (&run->model);
  g_clear_pointer (&run->import, mk_reviews_csv_import_free);
  g_free (run);
}

static void
say (ImportRun  *run,
     const char *message)
{
  if (MK_IS_WINDOW (run->parent))
    mk_window_add_toast (MK_WINDOW (run->parent), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportRun *run = user_data;
  g_autoptr(GError) error = NULL;

  if (!mk_reviews_io_import_finish (result, &error))
    say (run, error->message);
  else
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Imported %u review", "Imported %u reviews",
                                                            run->import->reviews->len),
                                                  run->import->reviews->len);
      if (!mk_reviews_model_reload (run->model, &error))
        g_warning ("Could not reload the reviews: %s", error->message);
      say (run, message);
    }

  import_run_free (run);
}

static void
preview_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ImportRun        *run)
{
  g_autofree char *db_path = NULL;

  if (g_strcmp0 (response, "import") != 0)
    {
      import_run_free (run);
      return;
    }

  db_path = mk_context_get_db_path (run->context);
  mk_reviews_io_import_async (db_path, mk_context_get_user_id (run->context), run->import->reviews,
                              NULL, import_done_cb, run);
}

static void
show_preview (ImportRun *run)
{
  MkReviewsCsvImport *import = run->import;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);
  AdwMessageDialog *dialog;
  gboolean ok = import->problems->len == 0 && import->reviews->len > 0;

  if (import->problems->len > 0)
    g_string_append_printf (body,
                            ngettext ("%u row has a problem. Nothing is imported until every row is right: fix the file and import it again.",
                                      "%u rows have problems. Nothing is imported until every row is right: fix the file and import it again.",
                                      import->problems->len),
                            import->problems->len);
  else if (import->reviews->len == 0)
    g_string_append (body, _("The file has a header but no reviews."));
  else
    g_string_append_printf (body, ngettext ("%u review is ready to import.",
                                            "%u reviews are ready to import.",
                                            import->reviews->len),
                            import->reviews->len);

  if (import->unknown_columns != NULL && import->unknown_columns[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", import->unknown_columns);

      g_string_append_c (body, '\n');
      g_string_append_printf (body, _("These columns are not used: %s."), names);
    }

  for (guint i = 0; i < import->problems->len; i++)
    {
      MkReviewsCsvProblem *problem = g_ptr_array_index (import->problems, i);

      g_string_append_printf (details, _("Line %u: %s"), problem->line, problem->message);
      g_string_append_c (details, '\n');
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (run->parent, _("Import Reviews"), body->str));
  if (details->len > 0)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *label = gtk_label_new (details->str);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      adw_message_dialog_set_extra_child (dialog, scrolled);
    }

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_enabled (dialog, "import", ok);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, ok ? "import" : "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (preview_response_cb), run);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ImportRun *run = user_data;
  g_autoptr(GError) error = NULL;

  run->import = mk_reviews_io_load_finish (result, &error);
  if (run->import == NULL)
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (run->parent, _("Cannot Read the File"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      import_run_free (run);
      return;
    }

  show_preview (run);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ImportRun       *run)
{
  if (response == GTK_RESPONSE_ACCEPT && mk_context_get_user_id (run->context) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      mk_reviews_io_load_async (file, mk_context_get_user_id (run->context), NULL, load_done_cb, run);
    }
  else
    import_run_free (run);

  g_object_unref (chooser);
}

void
mk_reviews_import_run (GtkWindow      *parent,
                       MkContext      *context,
                       MkReviewsModel *model)
{
  ImportRun *run = g_new0 (ImportRun, 1);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  run->parent = parent ? g_object_ref (parent) : NULL;
  run->context = g_object_ref (context);
  run->model = g_object_ref (model);

  chooser = gtk_file_chooser_native_new (_("Import Reviews"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), run);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
