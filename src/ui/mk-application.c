/* mk-application.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-about.h"
#include "mk-account-service.h"
#include "account/mk-account-window.h"
#include "mk-application.h"
#include "mk-backup.h"
#include "mk-cli.h"
#include "mk-display-style.h"
#include "mk-preferences-window.h"
#include "mk-users-table.h"
#include "mk-window.h"
#include "profile/mk-profile-editor.h"

struct _MkApplication
{
  AdwApplication  parent_instance;

  /* Owned refs */
  MkContext      *context;
  GCancellable   *cancellable;
  char           *data_dir;
  GError         *startup_error;
  MkAccountService *accounts;
  char           *locked_email;

  guint           switch_id;
  /* What the process returns once the main loop ends; GApplication only
   * has one for a remote command line. */
  int             exit_status;

  /* The store opens in a thread while the window is built; an activation
   * that arrives meanwhile is presented once the store is ready. */
  guint           opening : 1;
  guint           ready : 1;
  guint           activate_pending : 1;
};

G_DEFINE_FINAL_TYPE (MkApplication, mk_application, ADW_TYPE_APPLICATION)

static void mk_application_open_store (MkApplication *self);

static GtkWindow *
ensure_window (MkApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (MK_IS_WINDOW (l->data))
        return l->data;
    }

  return GTK_WINDOW (mk_window_new (GTK_APPLICATION (self), self->context));
}

/* Signed in: the main window; signed out or locked: the account window, and
 * nothing else of the account stays on screen. */
static void
present_for_user (MkApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  gboolean signed_in = mk_context_get_user_id (self->context) != NULL;
  MkAccountWindow *account_window = NULL;
  gboolean signed_up = FALSE;

  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      if (MK_IS_ACCOUNT_WINDOW (window) && signed_in)
        signed_up |= mk_account_window_get_signed_up (MK_ACCOUNT_WINDOW (window));
      if (MK_IS_ACCOUNT_WINDOW (window) && !signed_in)
        account_window = MK_ACCOUNT_WINDOW (window);
      else if (MK_IS_ACCOUNT_WINDOW (window) || (!signed_in && !MK_IS_ACCOUNT_WINDOW (window)))
        gtk_window_destroy (window);
    }

  if (signed_in)
    {
      GtkWindow *main_window = ensure_window (self);

      gtk_window_present (main_window);

      /* A new account makes its profile first, over the main window. */
      if (signed_up)
        {
          MkProfileEditor *editor = mk_profile_editor_new (main_window,
                                                           mk_context_get_store (self->context),
                                                           mk_context_get_user_id (self->context));

          mk_profile_editor_fill_defaults (editor);
          gtk_window_present (GTK_WINDOW (editor));
        }
      return;
    }

  if (account_window == NULL)
    account_window = mk_account_window_new (GTK_APPLICATION (self), self->accounts);
  if (self->locked_email != NULL)
    mk_account_window_show_sign_in (account_window, self->locked_email);
  g_clear_pointer (&self->locked_email, g_free);

  gtk_window_present (GTK_WINDOW (account_window));
}

static gboolean
switch_windows_cb (gpointer user_data)
{
  MkApplication *self = MK_APPLICATION (user_data);

  self->switch_id = 0;
  present_for_user (self);
  return G_SOURCE_REMOVE;
}

/* From an idle: the change comes from inside the account window's own
 * callbacks, which must return before that window goes. */
/* The demo account has no password ("!" matches none), so locking it or
 * signing out of it would leave a sign-in page nothing opens: in a demo
 * workspace, Lock and Sign Out are off. */
static void
update_account_actions (MkApplication *self)
{
  const char *user_id = mk_context_get_user_id (self->context);
  g_autoptr(MkUser) user = NULL;
  gboolean has_password = TRUE;
  GAction *action;

  if (user_id != NULL && mk_context_get_store (self->context) != NULL)
    user = mk_store_users_get (mk_context_get_store (self->context), user_id, NULL);
  if (user != NULL)
    has_password = g_strcmp0 (mk_user_get_password_hash (user), "!") != 0;

  if ((action = g_action_map_lookup_action (G_ACTION_MAP (self), "lock")) != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_password);
  if ((action = g_action_map_lookup_action (G_ACTION_MAP (self), "sign-out")) != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), has_password);
}

static void
user_id_changed_cb (MkApplication *self)
{
  update_account_actions (self);
  if (self->ready && self->switch_id == 0)
    self->switch_id = g_idle_add (switch_windows_cb, self);
}

static void
destroy_windows (MkApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      if (MK_IS_WINDOW (window))
        gtk_window_destroy (window);
    }
}

static gboolean
is_refusal (const GError *error)
{
  return g_error_matches (error, MK_STORE_ERROR, MK_STORE_ERROR_NOT_A_DATABASE) ||
         g_error_matches (error, MK_STORE_ERROR, MK_STORE_ERROR_CORRUPT) ||
         g_error_matches (error, MK_STORE_ERROR, MK_STORE_ERROR_TOO_NEW);
}

static void
refusal_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  MkApplication *self = MK_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *moved_to = NULL;

  /* Quitting here leaves the user without the database they asked for:
   * scripts and benchmarks must see a failure, not a clean run. */
  if (g_strcmp0 (response, "new") != 0)
    {
      self->exit_status = 1;
      g_application_release (G_APPLICATION (self));
      return;
    }

  /* The refused file is renamed, never rewritten: the user (or a newer
   * Mediakit) can still recover it from beside the new database. */
  db_path = mk_context_get_db_path (self->context);
  if (!mk_store_set_aside (db_path, &moved_to, &error))
    {
      g_warning ("%s", error->message);
      self->exit_status = 1;
      g_application_release (G_APPLICATION (self));
      return;
    }

  g_message ("The old database was kept as %s", moved_to);
  self->activate_pending = TRUE;
  mk_application_open_store (self);
  g_application_release (G_APPLICATION (self));
}

static void
open_error_painted_cb (GdkFrameClock    *clock,
                       AdwMessageDialog *dialog)
{
  g_signal_handlers_disconnect_by_func (clock, open_error_painted_cb, dialog);
  /* Closed, the dialog answers its close response: Quit. */
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
open_error_mapped_cb (GtkWidget *dialog)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (dialog), "after-paint",
                           G_CALLBACK (open_error_painted_cb), dialog, 0);
}

/* A database that is not ours (not SQLite, corrupt, from a newer Mediakit)
 * is refused and can be set aside for a new one; any other error can only be
 * reported. */
static void
show_open_error (MkApplication *self,
                 const GError  *error)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;
  gboolean refusal = is_refusal (error);

  if (refusal)
    body = g_strdup_printf ("%s\n\n%s", error->message,
                            _("The file has not been changed. You can start a new, empty database: the old file is kept beside it under another name."));
  else
    body = g_strdup (error->message);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL,
                                                       _("Mediakit Cannot Open Its Database"),
                                                       body));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  adw_message_dialog_set_close_response (dialog, "quit");

  if (refusal)
    {
      adw_message_dialog_add_response (dialog, "new", _("_Start New Database"));
      adw_message_dialog_set_response_appearance (dialog, "new", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "new");
    }

  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (refusal_response_cb), self, 0);
  /* A benchmark or a test started this run and nobody is there to answer:
   * say why, and quit once the dialog has been drawn. */
  if (mk_application_quit_after_first_frame_requested ())
    {
      g_printerr ("mediakit: %s\n", error->message);
      g_signal_connect (dialog, "map", G_CALLBACK (open_error_mapped_cb), NULL);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
finish_opening (MkApplication *self)
{
  self->opening = FALSE;
  self->ready = TRUE;
  update_account_actions (self);

  if (self->activate_pending)
    {
      self->activate_pending = FALSE;
      present_for_user (self);
    }
}

static void
restore_session_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(MkApplication) self = MK_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *user_id = NULL;

  user_id = mk_account_service_restore_session_finish (MK_ACCOUNT_SERVICE (object), result, &error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not look for a kept session: %s", error->message);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    finish_opening (self);

  g_application_release (G_APPLICATION (self));
}

static void
store_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(MkApplication) self = MK_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;

  self->opening = FALSE;

  if (!mk_context_open_store_finish (MK_CONTEXT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("%s", error->message);
          /* The window built meanwhile never showed: it goes, the dialog
           * takes its place. */
          destroy_windows (self);
          show_open_error (self, error);
        }

      g_application_release (G_APPLICATION (self));
      return;
    }

  self->accounts = mk_account_service_new (self->context);
  {
    g_autofree char *db_path = mk_context_get_db_path (self->context);

    /* Once the window is up, in its own thread and connection. */
    mk_backup_schedule_daily (db_path, 30, self->cancellable, NULL, NULL);
  }
  g_signal_connect_object (self->context, "notify::user-id",
                           G_CALLBACK (user_id_changed_cb), self, G_CONNECT_SWAPPED);

  /* A --demo workspace opens signed in; any other only with a session its
   * user chose to keep. */
  if (mk_cli_sign_in_demo (self->context))
    {
      finish_opening (self);
    }
  else
    {
      self->opening = TRUE;
      g_application_hold (G_APPLICATION (self));
      mk_account_service_restore_session_async (self->accounts, self->cancellable,
                                                restore_session_cb, g_object_ref (self));
    }

  g_application_release (G_APPLICATION (self));
}

static void
mk_application_open_store (MkApplication *self)
{
  if (self->opening || self->ready || self->context == NULL)
    return;

  self->opening = TRUE;
  g_application_hold (G_APPLICATION (self));
  mk_context_open_store_async (self->context, self->cancellable,
                               store_ready_cb, g_object_ref (self));
}

static void
mk_application_activate (GApplication *app)
{
  MkApplication *self = MK_APPLICATION (app);

  if (self->context == NULL)
    {
      if (self->startup_error != NULL)
        show_open_error (self, self->startup_error);
      return;
    }

  if (self->ready)
    {
      present_for_user (self);
      return;
    }

  /* Built now, presented when the store is ready: the two overlap, so a
   * large database costs the first frame as little as possible. */
  ensure_window (self);
  self->activate_pending = TRUE;
  mk_application_open_store (self);
}

static int
mk_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  MkApplication *self = MK_APPLICATION (app);
  const char *data_dir = NULL;
  int status;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("Mediakit %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "data-dir", "^&ay", &data_dir);
  if (data_dir != NULL && *data_dir != '\0')
    {
      g_free (self->data_dir);
      self->data_dir = g_canonicalize_filename (data_dir, NULL);
    }
  else if (self->data_dir == NULL)
    {
      self->data_dir = mk_context_default_data_dir ();
    }

  /* Work without a window (export, demo, imports) is done here, in the
   * calling process, so scripts get a real exit status and stderr. */
  status = mk_cli_run (options, self->data_dir);
  if (status >= 0)
    return status;

  if (!mk_context_has_settings ())
    {
      g_printerr (_("mediakit: the settings schema “%s” is not installed. Install Mediakit with “meson install”, or start it with “./build-aux/dev run”.\n"),
                  BASE_APP_ID);
      return 1;
    }

  /* Another data folder is another workspace: it gets its own instance
   * instead of raising a window that shows a different database. */
  if (g_strcmp0 (g_getenv ("MEDIAKIT_DATA_DIR"), NULL) != 0 || data_dir != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
mk_application_startup (GApplication *app)
{
  MkApplication *self = MK_APPLICATION (app);

  /* Before GTK starts up, so that the database's checks run on the other
   * core while GTK initialises. */
  self->context = mk_context_new_unopened (self->data_dir, &self->startup_error);
  mk_application_open_store (self);

  /* Before GtkApplication's start-up, so that the icon theme has every
   * path before it is first read (mk-display-style.c). */
  adw_init ();
  mk_display_style_init (gdk_display_get_default ());

  G_APPLICATION_CLASS (mk_application_parent_class)->startup (app);
}

static void
mk_application_shutdown (GApplication *app)
{
  MkApplication *self = MK_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);
  /* Fetch rows still queued are written before the process ends. */
  if (self->context != NULL)
    mk_context_flush_logs (self->context);

  G_APPLICATION_CLASS (mk_application_parent_class)->shutdown (app);
}

static void
mk_application_dispose (GObject *object)
{
  MkApplication *self = (MkApplication *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->switch_id, g_source_remove);
  g_clear_object (&self->accounts);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->locked_email, g_free);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_error (&self->startup_error);

  G_OBJECT_CLASS (mk_application_parent_class)->dispose (object);
}

static void
mk_application_class_init (MkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = mk_application_dispose;

  app_class->activate = mk_application_activate;
  app_class->startup = mk_application_startup;
  app_class->shutdown = mk_application_shutdown;
  app_class->handle_local_options = mk_application_handle_local_options;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  MkApplication *self = MK_APPLICATION (user_data);

  mk_about_window_present (gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  MkApplication *self = MK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *prefs;

  if (!self->ready)
    return;

  prefs = GTK_WINDOW (mk_preferences_window_new (self->context));
  gtk_window_set_transient_for (prefs, parent);
  gtk_window_present (prefs);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  MkApplication *self = MK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing each window, rather than g_application_quit(), lets the window
   * save its size through its close-request handler. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
lock_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  MkApplication *self = MK_APPLICATION (user_data);
  g_autoptr(MkUser) user = NULL;
  const char *user_id;

  if (!self->ready || (user_id = mk_context_get_user_id (self->context)) == NULL)
    return;

  /* Remembered so the sign-in page asks for the same account. */
  user = mk_store_users_get (mk_context_get_store (self->context), user_id, NULL);
  g_free (self->locked_email);
  self->locked_email = user != NULL ? g_strdup (mk_user_get_email (user)) : NULL;

  mk_account_service_lock (self->accounts);
}

static void
sign_out_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  MkApplication *self = MK_APPLICATION (user_data);

  if (self->ready)
    mk_account_service_sign_out (self->accounts);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
  { "lock", lock_action },
  { "sign-out", sign_out_action },
};

static void
mk_application_init (MkApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *lock_accels[] = { "<Control>l", NULL };

  self->cancellable = g_cancellable_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), mk_cli_get_option_entries ());
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan shoots and uploads, keep client reviews and export your media kit."));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.lock", lock_accels);
}

MkApplication *
mk_application_new (void)
{
  return g_object_new (MK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       /* None: mk_display_style_init() brings the icons
                        * and the style sheet instead. */
                       "resource-base-path", NULL,
                       NULL);
}

MkContext *
mk_application_get_context (MkApplication *self)
{
  g_return_val_if_fail (MK_IS_APPLICATION (self), NULL);

  return self->context;
}

/**
 * mk_application_get_exit_status:
 * @self: a #MkApplication
 *
 * The status the process should end with once g_application_run() returns:
 * 1 when the run ended at the dialog of a database that could not be
 * opened, without a new one started; 0 otherwise.
 *
 * Returns: the exit status
 */
int
mk_application_get_exit_status (MkApplication *self)
{
  g_return_val_if_fail (MK_IS_APPLICATION (self), 1);

  return self->exit_status;
}

/**
 * mk_application_quit_after_first_frame_requested:
 *
 * Whether a benchmark or a test started this run to end right after its
 * first painted frame (`MEDIAKIT_QUIT_AFTER_FIRST_FRAME=1`). The window and
 * the open-error dialog both ask here, so they cannot read it differently.
 * Not cached: a test sets the variable around one window of many.
 *
 * Returns: %TRUE if the run should quit after its first frame
 */
gboolean
mk_application_quit_after_first_frame_requested (void)
{
  return g_strcmp0 (g_getenv ("MEDIAKIT_QUIT_AFTER_FIRST_FRAME"), "1") == 0;
}
