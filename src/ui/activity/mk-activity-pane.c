/* mk-activity-pane.c
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
#include "mk-activity-pane.h"
#include "mk-context.h"
#include "mk-log-export.h"
#include "mk-log-model.h"
#include "mk-pane.h"
#include "mk-time.h"
#include "mk-window.h"

#define PAGE_SIZE 200
/* Narrower than this, the five columns do not fit: each row becomes two
 * lines in a single column. */
#define NARROW_WIDTH 600
#define PURGE_INTERVAL_SECONDS (24 * 60 * 60)

struct _MkActivityPane
{
  AdwBin              parent_instance;

  /* Template children */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *platform_dropdown;
  GtkDropDown        *action_dropdown;
  GtkStringList      *action_list;
  GtkDropDown        *date_dropdown;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;

  /* Owned */
  MkContext          *context;
  MkLogModel         *model;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;
  GtkFileChooserNative *chooser;
  MkLogExportFormat   chooser_format;
  guint               purge_timeout_id;

  /* Borrowed: the column view owns its columns */
  GtkColumnViewColumn *wide_columns[5];
  GtkColumnViewColumn *narrow_column;
  gboolean            narrow;

  /* While the action list is being refilled, its dropdown's changes are
   * not the user's. */
  gboolean            updating_actions;
};

static void mk_pane_iface_init (MkPaneInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MkActivityPane, mk_activity_pane, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MK_TYPE_PANE, mk_pane_iface_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static const MkPlatform platform_choices[] = {
  MK_PLATFORM_NONE, MK_PLATFORM_INSTAGRAM, MK_PLATFORM_FACEBOOK, MK_PLATFORM_YOUTUBE,
};

/* Days back for each entry of the date dropdown; 0 = any time. */
static const int date_choices[] = { 0, 1, 7, 30, 90 };

static const char *
mk_activity_pane_get_id (MkPane *pane)
{
  return "activity";
}

static const char *
mk_activity_pane_get_title (MkPane *pane)
{
  return _("Activity");
}

static const char *
mk_activity_pane_get_icon_name (MkPane *pane)
{
  return "document-open-recent-symbolic";
}

static void
mk_pane_iface_init (MkPaneInterface *iface)
{
  iface->get_id = mk_activity_pane_get_id;
  iface->get_title = mk_activity_pane_get_title;
  iface->get_icon_name = mk_activity_pane_get_icon_name;
}

/* Columns */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_time_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  MkLogEntry *entry = gtk_list_item_get_item (item);
  g_autofree char *time = mk_activity_format_time (mk_log_entry_get_created_at (entry));
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), time);
  gtk_widget_add_css_class (label, "numeric");
}

static void
bind_action_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  MkLogEntry *entry = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      mk_activity_action_label (mk_log_entry_get_action (entry)));
}

static void
bind_message_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  MkLogEntry *entry = gtk_list_item_get_item (item);
  const char *message = mk_log_entry_get_message (entry);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), message != NULL ? message : "");
}

static void
setup_platform_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  data)
{
  GtkWidget *image = gtk_image_new ();

  gtk_widget_set_halign (image, GTK_ALIGN_START);
  gtk_list_item_set_child (item, image);
}

static void
bind_platform_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  MkLogEntry *entry = gtk_list_item_get_item (item);
  MkPlatform platform = mk_log_entry_get_platform (entry);
  GtkWidget *image = gtk_list_item_get_child (item);
  const char *name = mk_activity_platform_name (platform);

  gtk_image_set_from_icon_name (GTK_IMAGE (image), mk_activity_platform_icon (platform));
  gtk_widget_set_tooltip_text (image, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
setup_status_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *image = gtk_image_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                  -1);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

static void
bind_status_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  MkLogEntry *entry = gtk_list_item_get_item (item);
  MkLogStatus status = mk_log_entry_get_status (entry);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);

  gtk_image_set_from_icon_name (GTK_IMAGE (image), mk_activity_status_icon (status));
  gtk_label_set_text (GTK_LABEL (label), mk_activity_status_name (status));

  /* Rows are recycled: the class must come off as well as go on. */
  if (status == MK_LOG_STATUS_FAILURE)
    {
      gtk_widget_add_css_class (box, "error");
      gtk_widget_add_css_class (label, "heading");
    }
  else
    {
      gtk_widget_remove_css_class (box, "error");
      gtk_widget_remove_css_class (label, "heading");
    }
}

/* The narrow layout: status and platform icons, the action and the time
 * on the first line, the message dimmed below. */
static void
setup_two_line_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *status = gtk_image_new ();
  GtkWidget *platform = gtk_image_new ();
  GtkWidget *action = gtk_label_new (NULL);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *message = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (action), 0);
  gtk_label_set_ellipsize (GTK_LABEL (action), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (action, TRUE);
  gtk_widget_add_css_class (action, "heading");
  gtk_widget_add_css_class (time, "numeric");
  gtk_widget_add_css_class (time, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_ellipsize (GTK_LABEL (message), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (message, "dim-label");

  gtk_box_append (GTK_BOX (line), status);
  gtk_box_append (GTK_BOX (line), platform);
  gtk_box_append (GTK_BOX (line), action);
  gtk_box_append (GTK_BOX (line), time);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), message);
  gtk_list_item_set_child (item, box);

  g_object_set_data (G_OBJECT (item), "status", status);
  g_object_set_data (G_OBJECT (item), "platform", platform);
  g_object_set_data (G_OBJECT (item), "action", action);
  g_object_set_data (G_OBJECT (item), "time", time);
  g_object_set_data (G_OBJECT (item), "message", message);
}

static void
bind_two_line_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  MkLogEntry *entry = gtk_list_item_get_item (item);
  MkLogStatus status = mk_log_entry_get_status (entry);
  MkPlatform platform = mk_log_entry_get_platform (entry);
  GtkWidget *status_image = g_object_get_data (G_OBJECT (item), "status");
  GtkWidget *platform_image = g_object_get_data (G_OBJECT (item), "platform");
  const char *message = mk_log_entry_get_message (entry);
  g_autofree char *time = mk_activity_format_time (mk_log_entry_get_created_at (entry));

  gtk_image_set_from_icon_name (GTK_IMAGE (status_image), mk_activity_status_icon (status));
  gtk_widget_set_tooltip_text (status_image, mk_activity_status_name (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (status_image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, mk_activity_status_name (status),
                                  -1);
  /* Rows are recycled: the class must come off as well as go on. */
  if (status == MK_LOG_STATUS_FAILURE)
    gtk_widget_add_css_class (status_image, "error");
  else
    gtk_widget_remove_css_class (status_image, "error");

  gtk_image_set_from_icon_name (GTK_IMAGE (platform_image), mk_activity_platform_icon (platform));
  gtk_widget_set_tooltip_text (platform_image, mk_activity_platform_name (platform));
  gtk_accessible_update_property (GTK_ACCESSIBLE (platform_image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, mk_activity_platform_name (platform),
                                  -1);

  gtk_label_set_text (g_object_get_data (G_OBJECT (item), "action"),
                      mk_activity_action_label (mk_log_entry_get_action (entry)));
  gtk_label_set_text (g_object_get_data (G_OBJECT (item), "time"), time);
  gtk_label_set_text (g_object_get_data (G_OBJECT (item), "message"), message != NULL ? message : "");
}

static GtkColumnViewColumn *
add_column (MkActivityPane *self,
            const char     *title,
            GCallback       setup,
            GCallback       bind,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, NULL);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);

  return column;
}

/* Returns whether the layout changed. */
static gboolean
set_narrow (MkActivityPane *self,
            gboolean        narrow)
{
  if (self->narrow == narrow)
    return FALSE;

  self->narrow = narrow;
  for (guint i = 0; i < G_N_ELEMENTS (self->wide_columns); i++)
    gtk_column_view_column_set_visible (self->wide_columns[i], !narrow);
  gtk_column_view_column_set_visible (self->narrow_column, narrow);

  return TRUE;
}

/* The dropdown lists action codes, for the filter; people read labels. */
static void
setup_action_choice_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_action_choice_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  data)
{
  GtkStringObject *choice = gtk_list_item_get_item (item);
  const char *text = gtk_string_object_get_string (choice);

  /* The first entry, "Any action", is no code and comes back as it is. */
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), mk_activity_action_label (text));
}

/* Filters */

static gboolean
filters_in_use (MkActivityPane *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return *text != '\0' ||
         gtk_drop_down_get_selected (self->status_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->platform_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->action_dropdown) > 0 ||
         gtk_drop_down_get_selected (self->date_dropdown) > 0;
}

static void
update_page (MkActivityPane *self)
{
  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (self->model != NULL && filters_in_use (self))
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.reset-filters", filters_in_use (self));
}

static void
apply_filter (MkActivityPane *self)
{
  MkLogFilter filter = { 0 };
  g_autofree char *since = NULL;
  g_autofree char *action = NULL;
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint platform = gtk_drop_down_get_selected (self->platform_dropdown);
  guint date = gtk_drop_down_get_selected (self->date_dropdown);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->model == NULL)
    {
      update_page (self);
      return;
    }

  filter.user_id = mk_context_get_user_id (self->context);
  if (status == 1 || status == 2)
    {
      filter.has_status = TRUE;
      filter.status = status == 2 ? MK_LOG_STATUS_FAILURE : MK_LOG_STATUS_SUCCESS;
    }
  if (platform < G_N_ELEMENTS (platform_choices))
    filter.platform = platform_choices[platform];
  if (gtk_drop_down_get_selected (self->action_dropdown) > 0)
    {
      GObject *item = gtk_drop_down_get_selected_item (self->action_dropdown);

      if (item != NULL)
        action = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      filter.action = action;
    }
  if (date > 0 && date < G_N_ELEMENTS (date_choices))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) then = g_date_time_add_days (now, -date_choices[date]);

      since = g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
      filter.since = since;
    }
  if (*search != '\0')
    filter.search = search;

  mk_log_model_set_filter (self->model, &filter);
  update_page (self);
}

static void
search_changed_cb (MkActivityPane *self)
{
  apply_filter (self);
}

static void
filter_changed_cb (MkActivityPane *self)
{
  if (!self->updating_actions)
    apply_filter (self);
}

/* The action dropdown lists the actions the account's rows have; the
 * first entry is "Any action". Keeps the chosen one when it is still
 * there. */
static void
update_actions (MkActivityPane *self)
{
  MkStore *store = mk_context_get_store (self->context);
  const char *user_id = mk_context_get_user_id (self->context);
  g_auto(GStrv) actions = NULL;
  g_autofree char *selected = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->action_list));
  guint position = 0;

  if (gtk_drop_down_get_selected (self->action_dropdown) > 0)
    {
      GObject *item = gtk_drop_down_get_selected_item (self->action_dropdown);

      if (item != NULL)
        selected = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
    }

  if (store != NULL && user_id != NULL)
    {
      g_autoptr(GError) error = NULL;

      actions = mk_store_logs_list_actions (store, user_id, &error);
      if (actions == NULL)
        g_warning ("Could not list the activity actions: %s", error->message);
    }

  self->updating_actions = TRUE;
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new ();

    g_ptr_array_add (items, (gpointer)_("Any action"));
    for (guint i = 0; actions != NULL && actions[i] != NULL; i++)
      {
        g_ptr_array_add (items, actions[i]);
        if (g_strcmp0 (actions[i], selected) == 0)
          position = i + 1;
      }
    g_ptr_array_add (items, NULL);
    gtk_string_list_splice (self->action_list, 0, n, (const char * const *)items->pdata);
  }
  gtk_drop_down_set_selected (self->action_dropdown, position);
  self->updating_actions = FALSE;
}

static void
items_changed_cb (MkActivityPane *self)
{
  update_page (self);
}

/* A new model for the store and account of the moment: none when nobody
 * is signed in, so that no account's rows ever show to another. */
static void
refresh (MkActivityPane *self)
{
  MkStore *store = self->context != NULL ? mk_context_get_store (self->context) : NULL;
  const char *user_id = self->context != NULL ? mk_context_get_user_id (self->context) : NULL;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);

  if (store != NULL && user_id != NULL)
    {
      self->model = mk_log_model_new (store, PAGE_SIZE);
      g_signal_connect_object (self->model, "items-changed",
                               G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.export", self->model != NULL);

  update_actions (self);
  apply_filter (self);
}

static void
row_activated_cb (MkActivityPane *self,
                  guint           position)
{
  g_autoptr(MkLogEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  g_autoptr(MkLogEntry) full = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  MkActivityDetails *details;

  if (entry == NULL)
    return;

  /* The list's entries leave out the payloads; the window shows them. */
  full = mk_log_model_load_details (self->model, entry, &error);
  if (full == NULL)
    {
      g_warning ("Could not read the details of log entry %s: %s",
                 mk_log_entry_get_id (entry), error->message);
      return;
    }

  details = mk_activity_details_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, full);
  gtk_window_present (GTK_WINDOW (details));
}

/* Actions */

static void
reset_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MkActivityPane *self = MK_ACTIVITY_PANE (widget);

  self->updating_actions = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->platform_dropdown, 0);
  gtk_drop_down_set_selected (self->action_dropdown, 0);
  gtk_drop_down_set_selected (self->date_dropdown, 0);
  self->updating_actions = FALSE;
  /* Applies the filter too, through search-changed… */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* …which comes later, after a delay: show the rows now. */
  apply_filter (self);
}

static void
toast (MkActivityPane *self,
       const char     *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (MK_IS_WINDOW (root))
    mk_window_add_toast (MK_WINDOW (root), adw_toast_new (title));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(MkActivityPane) self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 n_rows;

  n_rows = mk_log_export_write_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (n_rows < 0)
    {
      /* Translators: %s is the reason */
      title = g_strdup_printf (_("Could not export the activity: %s"), error->message);
    }
  else
    {
      title = g_strdup_printf (ngettext ("Exported %d entry", "Exported %d entries", (gulong)n_rows),
                               (int)n_rows);
    }
  toast (self, title);
}

static void
chooser_response_cb (MkActivityPane       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  MkStore *store = mk_context_get_store (self->context);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL || store == NULL || self->model == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      toast (self, _("Could not export the activity: choose a folder on this computer"));
      return;
    }

  mk_log_export_write_async (mk_store_get_path (store),
                             mk_log_model_get_filter (self->model),
                             self->chooser_format, path,
                             self->cancellable, export_done_cb, g_object_ref (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MkActivityPane *self = MK_ACTIVITY_PANE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean csv = g_str_equal (g_variant_get_string (parameter, NULL), "csv");

  if (self->model == NULL)
    return;

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Activity"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  self->chooser_format = csv ? MK_LOG_EXPORT_CSV : MK_LOG_EXPORT_JSON_LINES;
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser),
                                     csv ? "mediakit-activity.csv" : "mediakit-activity.jsonl");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Retention */

static void
purge_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char * const *paths = task_data;   /* database path, cut-off */
  g_autoptr(MkStore) store = NULL;
  GError *error = NULL;
  gint64 deleted;

  store = mk_store_open (paths[0], &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  deleted = mk_store_logs_purge (store, paths[1], cancellable, &error);
  if (deleted < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, deleted);
}

static void
purge_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  MkActivityPane *self = MK_ACTIVITY_PANE (source);
  g_autoptr(GError) error = NULL;
  gint64 deleted;

  deleted = g_task_propagate_int (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      g_warning ("Could not remove old activity: %s", error->message);
      return;
    }

  g_debug ("Removed %" G_GINT64_FORMAT " activity entries past their retention", deleted);
  if (deleted > 0 && self->model != NULL)
    {
      mk_log_model_reload (self->model);
      update_actions (self);
    }
}

/* Rows older than log-retention-days go, in a thread with its own
 * connection; 0 keeps everything. */
static void
purge_old_rows (MkActivityPane *self)
{
  MkStore *store = self->context != NULL ? mk_context_get_store (self->context) : NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) cutoff = NULL;
  char **paths;
  int days;

  if (store == NULL)
    return;

  days = g_settings_get_int (mk_context_get_settings (self->context), "log-retention-days");
  if (days <= 0)
    return;

  now = g_date_time_new_now_utc ();
  cutoff = g_date_time_add_days (now, -days);
  paths = g_new0 (char *, 3);
  paths[0] = g_strdup (mk_store_get_path (store));
  paths[1] = g_date_time_format (cutoff, "%Y-%m-%dT%H:%M:%SZ");

  task = g_task_new (self, self->cancellable, purge_done_cb, NULL);
  g_task_set_source_tag (task, purge_old_rows);
  g_task_set_task_data (task, paths, (GDestroyNotify)g_strfreev);
  g_task_run_in_thread (task, purge_thread);
}

static gboolean
purge_timeout_cb (gpointer data)
{
  purge_old_rows (MK_ACTIVITY_PANE (data));

  return G_SOURCE_CONTINUE;
}

static void
store_changed_cb (MkActivityPane *self)
{
  refresh (self);
  purge_old_rows (self);
}

static void
set_context (MkActivityPane *self,
             MkContext      *context)
{
  g_assert (self->context == NULL);

  if (context == NULL)
    return;

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::store", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::user-id", G_CALLBACK (refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (mk_context_get_settings (context), "changed::log-retention-days",
                           G_CALLBACK (purge_old_rows), self, G_CONNECT_SWAPPED);

  refresh (self);
  purge_old_rows (self);
  self->purge_timeout_id = g_timeout_add_seconds (PURGE_INTERVAL_SECONDS, purge_timeout_cb, self);
}

static void
mk_activity_pane_dispose (GObject *object)
{
  MkActivityPane *self = (MkActivityPane *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->purge_timeout_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mk_activity_pane_parent_class)->dispose (object);
}

/* GTK 4.8 has no breakpoints, and AdwBin lays out through a GtkBinLayout,
 * which leaves no size_allocate to override: this layout is GtkBinLayout's
 * with the switch between the two layouts of the rows. */
static void
layout_measure_cb (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
layout_allocate_cb (GtkWidget *widget,
                    int        width,
                    int        height,
                    int        baseline)
{
  MkActivityPane *self = MK_ACTIVITY_PANE (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  /* The columns change before the child is allocated, and it is measured
   * again, so that the new layout shows in this very frame. */
  if (set_narrow (self, width < NARROW_WIDTH))
    {
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, height, NULL, NULL, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
    }
  gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
mk_activity_pane_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MkActivityPane *self = MK_ACTIVITY_PANE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_activity_pane_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MkActivityPane *self = MK_ACTIVITY_PANE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_activity_pane_class_init (MkActivityPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_activity_pane_dispose;
  object_class->get_property = mk_activity_pane_get_property;
  object_class->set_property = mk_activity_pane_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/activity/mk-activity-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, MkActivityPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MkActivityPane, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkActivityPane, platform_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkActivityPane, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkActivityPane, action_list);
  gtk_widget_class_bind_template_child (widget_class, MkActivityPane, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MkActivityPane, stack);
  gtk_widget_class_bind_template_child (widget_class, MkActivityPane, column_view);
  gtk_widget_class_bind_template_child (widget_class, MkActivityPane, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "activity.reset-filters", NULL, reset_filters_action);
  gtk_widget_class_install_action (widget_class, "activity.export", "s", export_action);
}

static void
mk_activity_pane_init (MkActivityPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, layout_measure_cb, layout_allocate_cb));

  self->cancellable = g_cancellable_new ();
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->wide_columns[0] = add_column (self, _("Time"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_time_cb), FALSE);
  self->wide_columns[1] = add_column (self, _("Action"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_action_cb), FALSE);
  self->wide_columns[2] = add_column (self, _("Platform"), G_CALLBACK (setup_platform_cb), G_CALLBACK (bind_platform_cb), FALSE);
  self->wide_columns[3] = add_column (self, _("Status"), G_CALLBACK (setup_status_cb), G_CALLBACK (bind_status_cb), FALSE);
  self->wide_columns[4] = add_column (self, _("Message"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_message_cb), TRUE);
  self->narrow_column = add_column (self, _("Activity"), G_CALLBACK (setup_two_line_cb), G_CALLBACK (bind_two_line_cb), TRUE);
  gtk_column_view_column_set_visible (self->narrow_column, FALSE);

  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_action_choice_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_action_choice_cb), NULL);
    gtk_drop_down_set_factory (self->action_dropdown, factory);
    g_object_unref (factory);
  }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.export", FALSE);
  update_page (self);
}
