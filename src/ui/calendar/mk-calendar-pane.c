/* mk-calendar-pane.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-agenda-model.h"
#include "mk-context.h"
#include "mk-display-style.h"
#include "mk-entry-dialog.h"
#include "mk-entry-icon.h"
#include "mk-ics-import.h"
#include "mk-ics-writer.h"
#include "mk-month-grid.h"
#include "mk-month-model.h"
#include "mk-pane.h"
#include "mk-time.h"
#include "mk-window.h"
#include "mk-calendar-pane-private.h"

struct _MkCalendarPane
{
  AdwBin          parent_instance;

  /* Template children */
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  AdwLeaflet     *leaflet;
  GtkWidget      *main_page;
  GtkWidget      *side_page;
  GtkMenuButton  *month_button;
  GtkLabel       *month_label;
  GtkSearchEntry *search_entry;
  GtkMenuButton  *filter_button;
  MkMonthGrid    *month_grid;
  GtkLabel       *day_label;
  GtkStack       *day_stack;
  GtkListView    *day_list;
  GtkListView    *agenda_list;

  /* From mk-calendar-popovers.ui, built on first use; owned by the buttons */
  GtkPopover     *month_popover;
  GtkCalendar    *month_calendar;
  GtkDropDown    *type_dropdown;
  GtkDropDown    *platform_dropdown;
  GtkDropDown    *status_dropdown;

  /* Owned */
  MkContext      *context;
  MkMonthModel   *month_model;
  MkAgendaModel  *agenda_model;
  GtkFilterListModel *day_model;
  GtkSliceListModel  *day_slice;
  GSimpleActionGroup *actions;
  char           *selected_date;
  GCancellable   *cancellable;

  gboolean        calendar_syncing;
  /* The first read runs in threads; the views get their models after the
   * pane's first paint. Loading lasts until both hold. */
  guint           pending_loads;
  gboolean        painted;
};

static void mk_pane_iface_init (MkPaneInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MkCalendarPane, mk_calendar_pane, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MK_TYPE_PANE, mk_pane_iface_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static const char *
mk_calendar_pane_get_id (MkPane *pane)
{
  return "calendar";
}

static const char *
mk_calendar_pane_get_title (MkPane *pane)
{
  return _("Calendar");
}

static const char *
mk_calendar_pane_get_icon_name (MkPane *pane)
{
  return "x-office-calendar-symbolic";
}

static const char *
mk_calendar_pane_get_primary_action_name (MkPane *pane)
{
  return "calendar.new-entry";
}

static const char *
mk_calendar_pane_get_primary_action_label (MkPane *pane)
{
  return _("New Entry");
}

static gboolean
is_loading (MkCalendarPane *self)
{
  return self->month_model != NULL && (!self->painted || self->pending_loads > 0);
}

static gboolean
mk_calendar_pane_is_loading (MkPane *pane)
{
  return is_loading (MK_CALENDAR_PANE (pane));
}

static void
mk_pane_iface_init (MkPaneInterface *iface)
{
  iface->is_loading = mk_calendar_pane_is_loading;
  iface->get_id = mk_calendar_pane_get_id;
  iface->get_title = mk_calendar_pane_get_title;
  iface->get_icon_name = mk_calendar_pane_get_icon_name;
  iface->get_primary_action_name = mk_calendar_pane_get_primary_action_name;
  iface->get_primary_action_label = mk_calendar_pane_get_primary_action_label;
}

static MkStore *
get_store (MkCalendarPane *self)
{
  return self->context != NULL ? mk_context_get_store (self->context) : NULL;
}

static const char *
get_user_id (MkCalendarPane *self)
{
  return self->context != NULL ? mk_context_get_user_id (self->context) : NULL;
}

static void
add_toast (MkCalendarPane *self,
           AdwToast       *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (MK_IS_WINDOW (root))
    mk_window_add_toast (MK_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error_toast (MkCalendarPane *self,
                  const GError   *error)
{
  g_warning ("Calendar edit failed: %s", error->message);
  add_toast (self, adw_toast_new (error->message));
}

/* The empty state is for an account with no entries at all, not for a
 * month or a filter that shows none. */
static void
update_empty_state (MkCalendarPane *self)
{
  MkStore *store = get_store (self);
  const char *user_id = get_user_id (self);
  gboolean any = FALSE;

  if (store != NULL && user_id != NULL)
    any = mk_store_calendar_any (store, user_id, NULL);

  gtk_stack_set_visible_child_name (self->stack, any ? "calendar" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), TRUE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "new-entry")),
                               user_id != NULL);
}

static void
update_day_label (MkCalendarPane *self)
{
  GDate date;
  char text[128];

  if (!mk_time_parse_gdate (self->selected_date, &date))
    return;

  /* Translators: the heading of the selected day, e.g. "Tuesday 1 December";
   * strftime format, %-d is the day of the month without padding */
  g_date_strftime (text, sizeof text, C_("calendar day heading", "%A %-d %B"), &date);
  gtk_label_set_text (self->day_label, g_strstrip (text));
  /* While the month is read, an empty list rather than "nothing planned". */
  gtk_stack_set_visible_child_name (self->day_stack,
                                    is_loading (self) ||
                                    g_list_model_get_n_items (G_LIST_MODEL (self->day_model)) > 0 ? "list" : "none");
}

static void
refilter_day (MkCalendarPane *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->day_model);

  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_day_label (self);
}

/* The month popover's calendar, once built, shows the selected day. */
static void
sync_month_calendar (MkCalendarPane *self)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate gdate;

  if (self->month_calendar == NULL || !mk_time_parse_gdate (self->selected_date, &gdate))
    return;

  dt = g_date_time_new_local (g_date_get_year (&gdate), g_date_get_month (&gdate),
                              g_date_get_day (&gdate), 12, 0, 0);
  self->calendar_syncing = TRUE;
  gtk_calendar_select_day (self->month_calendar, dt);
  self->calendar_syncing = FALSE;
}

/* Shows the month of @date and selects that day. */
static void
go_to_date (MkCalendarPane *self,
            const char     *date)
{
  GDate gdate;
  char title[64];

  if (!mk_time_parse_gdate (date, &gdate))
    return;

  g_free (self->selected_date);
  self->selected_date = g_strdup (date);

  mk_month_model_set_month (self->month_model, g_date_get_year (&gdate), g_date_get_month (&gdate));
  mk_month_grid_set_month (self->month_grid, g_date_get_year (&gdate), g_date_get_month (&gdate));
  mk_month_grid_set_selected_date (self->month_grid, date);

  /* Translators: the month header, strftime format, e.g. "November 2026" */
  g_date_strftime (title, sizeof title, _("%B %Y"), &gdate);
  gtk_label_set_text (self->month_label, title);

  sync_month_calendar (self);
  refilter_day (self);
}

static void
shift_month (MkCalendarPane *self,
             int             months)
{
  GDate date;
  g_autofree char *text = NULL;

  if (!mk_time_parse_gdate (self->selected_date, &date))
    return;

  if (months > 0)
    g_date_add_months (&date, months);
  else
    g_date_subtract_months (&date, -months);
  text = mk_time_format_gdate (&date);
  go_to_date (self, text);
}

static void
filter_changed_cb (MkCalendarPane *self)
{
  MkCalendarFilter filter = { 0 };
  /* Before the filter popover is first opened, every filter is "All". */
  guint type = self->type_dropdown != NULL ? gtk_drop_down_get_selected (self->type_dropdown) : 0;
  guint platform = self->platform_dropdown != NULL ? gtk_drop_down_get_selected (self->platform_dropdown) : 0;
  guint status = self->status_dropdown != NULL ? gtk_drop_down_get_selected (self->status_dropdown) : 0;
  static const MkPlatform platforms[] = {
    MK_PLATFORM_NONE, MK_PLATFORM_INSTAGRAM, MK_PLATFORM_FACEBOOK, MK_PLATFORM_YOUTUBE, MK_PLATFORM_TIKTOK,
  };

  filter.has_type = type == 1 || type == 2;
  filter.type = type == 2 ? MK_ENTRY_TYPE_UPLOAD : MK_ENTRY_TYPE_SHOOT;
  filter.platform = platform < G_N_ELEMENTS (platforms) ? platforms[platform] : MK_PLATFORM_NONE;
  filter.has_status = status == 1 || status == 2;
  filter.status = status == 2 ? MK_ENTRY_STATUS_COMPLETED : MK_ENTRY_STATUS_PENDING;
  filter.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  mk_month_model_set_filter (self->month_model, &filter);
  mk_agenda_model_set_filter (self->agenda_model, &filter);
}

static void
day_selected_cb (MkCalendarPane *self,
                 const char     *date)
{
  g_free (self->selected_date);
  self->selected_date = g_strdup (date);
  refilter_day (self);
}

static void
open_dialog (MkCalendarPane  *self,
             const char      *date,
             MkCalendarEntry *entry)
{
  MkStore *store = get_store (self);
  const char *user_id = get_user_id (self);
  MkEntryDialog *dialog;

  if (store == NULL || (user_id == NULL && entry == NULL))
    return;

  dialog = mk_entry_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                store, user_id, date, entry);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
day_activated_cb (MkCalendarPane *self,
                  const char     *date)
{
  open_dialog (self, date, NULL);
}

static void
entry_moved_cb (MkCalendarPane *self,
                const char     *id,
                const char     *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MkCalendarEntry) entry = NULL;
  MkStore *store = get_store (self);

  if (store == NULL)
    return;

  entry = mk_store_calendar_get (store, id, &error);
  if (entry == NULL)
    {
      show_error_toast (self, error);
      return;
    }
  if (g_strcmp0 (mk_calendar_entry_get_date (entry), date) == 0)
    return;

  if (!mk_store_calendar_move (store, id, date, &error))
    show_error_toast (self, error);
}

/* Folded, the day's list is a page of its own: opening a day shows it,
 * with the back button to return to the month. */
static void
day_opened_cb (MkCalendarPane *self,
               const char     *date)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->side_page);
}

static void
back_clicked_cb (MkCalendarPane *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->main_page);
}

static void
calendar_day_selected_cb (MkCalendarPane *self)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *date = NULL;

  if (self->calendar_syncing)
    return;

  dt = gtk_calendar_get_date (self->month_calendar);
  date = g_date_time_format (dt, "%Y-%m-%d");
  gtk_popover_popdown (self->month_popover);
  go_to_date (self, date);
}

static void
ensure_popovers (MkCalendarPane *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GError) error = NULL;

  if (self->month_popover != NULL)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "calendar_day_selected_cb", G_CALLBACK (calendar_day_selected_cb),
                                           "filter_changed_cb", G_CALLBACK (filter_changed_cb),
                                           NULL);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/ui/calendar/mk-calendar-popovers.ui", &error))
    g_error ("The calendar's popovers are missing from the resources: %s", error->message);

  self->month_popover = GTK_POPOVER (gtk_builder_get_object (builder, "month_popover"));
  self->month_calendar = GTK_CALENDAR (gtk_builder_get_object (builder, "month_calendar"));
  self->type_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "type_dropdown"));
  self->platform_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "platform_dropdown"));
  self->status_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "status_dropdown"));
  gtk_menu_button_set_popover (self->month_button, GTK_WIDGET (self->month_popover));
  gtk_menu_button_set_popover (self->filter_button, GTK_WIDGET (gtk_builder_get_object (builder, "filter_popover")));
  sync_month_calendar (self);
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  ensure_popovers (MK_CALENDAR_PANE (user_data));
}

static void
activate_entry_at (MkCalendarPane *self,
                   GListModel     *model,
                   guint           position)
{
  g_autoptr(MkCalendarEntry) entry = g_list_model_get_item (model, position);

  if (entry != NULL)
    open_dialog (self, NULL, entry);
}

static void
day_list_activate_cb (MkCalendarPane *self,
                      guint           position)
{
  activate_entry_at (self, G_LIST_MODEL (self->day_model), position);
}

static void
agenda_activate_cb (MkCalendarPane *self,
                    guint           position)
{
  activate_entry_at (self, G_LIST_MODEL (self->agenda_model), position);
}

/* Rows of the day list and the agenda */

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  agenda)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *header = gtk_label_new (NULL);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *complete = gtk_button_new_from_icon_name ("object-select-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "agenda-day");
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_widget_set_visible (header, FALSE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);

  for (GtkWidget *b = complete; b != NULL; b = (b == complete ? remove : NULL))
    {
      gtk_widget_add_css_class (b, "flat");
      gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
    }
  gtk_widget_set_tooltip_text (complete, _("Mark Complete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (complete), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mark complete"), -1);
  gtk_widget_set_tooltip_text (remove, _("Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete"), -1);

  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_box_append (GTK_BOX (row), complete);
  gtk_box_append (GTK_BOX (row), remove);
  gtk_box_append (GTK_BOX (outer), header);
  gtk_box_append (GTK_BOX (outer), row);
  gtk_list_item_set_child (item, outer);

  g_object_set_data (G_OBJECT (item), "header", header);
  g_object_set_data (G_OBJECT (item), "icon", icon);
  g_object_set_data (G_OBJECT (item), "title", title);
  g_object_set_data (G_OBJECT (item), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (item), "complete", complete);
  g_object_set_data (G_OBJECT (item), "remove", remove);
  g_object_set_data (G_OBJECT (item), "row", row);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             MkCalendarPane           *self)
{
  MkCalendarEntry *entry = gtk_list_item_get_item (item);
  gboolean agenda = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "agenda"));
  GtkWidget *header = g_object_get_data (G_OBJECT (item), "header");
  GtkWidget *row = g_object_get_data (G_OBJECT (item), "row");
  GtkWidget *complete = g_object_get_data (G_OBJECT (item), "complete");
  GtkWidget *remove = g_object_get_data (G_OBJECT (item), "remove");
  g_autofree char *today = mk_time_today ();
  g_autofree char *subtitle = NULL;
  const char *time = mk_calendar_entry_get_time (entry);
  const char *campaign = mk_calendar_entry_get_campaign_name (entry);
  gboolean upload = mk_calendar_entry_get_entry_type (entry) == MK_ENTRY_TYPE_UPLOAD;
  gboolean completed = mk_calendar_entry_get_status (entry) == MK_ENTRY_STATUS_COMPLETED;
  const char *id = mk_calendar_entry_get_id (entry);
  const char *what;

  /* The agenda groups by day: a row that starts a day carries its date. */
  gtk_widget_set_visible (header, FALSE);
  if (agenda)
    {
      guint position = gtk_list_item_get_position (item);
      g_autoptr(MkCalendarEntry) previous = NULL;

      if (position > 0)
        previous = g_list_model_get_item (G_LIST_MODEL (self->agenda_model), position - 1);
      if (previous == NULL ||
          g_strcmp0 (mk_calendar_entry_get_date (previous), mk_calendar_entry_get_date (entry)) != 0)
        {
          GDate date;
          char text[128];

          if (mk_time_parse_gdate (mk_calendar_entry_get_date (entry), &date))
            {
              /* Translators: a day in the agenda, e.g. "Tue 1 Dec 2026"; strftime
               * format, %-d is the day of the month without padding */
              g_date_strftime (text, sizeof text, C_("agenda day", "%a %-d %b %Y"), &date);
              gtk_label_set_text (GTK_LABEL (header), g_strstrip (text));
              gtk_widget_set_visible (header, TRUE);
            }
        }
    }

  gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (item), "icon"), mk_entry_icon_name (entry));
  gtk_label_set_text (g_object_get_data (G_OBJECT (item), "title"), mk_calendar_entry_get_brand_name (entry));

  what = upload ? mk_content_type_get_display_name (mk_calendar_entry_get_content_type (entry))
                : mk_entry_type_get_display_name (MK_ENTRY_TYPE_SHOOT);
  subtitle = g_strjoin (" · ",
                        time != NULL ? time : _("All day"),
                        what != NULL ? what : "",
                        campaign != NULL ? campaign : "",
                        NULL);
  /* Drop the empty parts' separators. */
  {
    g_autoptr(GString) s = g_string_new (subtitle);
    g_string_replace (s, " ·  · ", " · ", 0);
    while (g_str_has_suffix (s->str, " · "))
      g_string_truncate (s, s->len - 3);
    gtk_label_set_text (g_object_get_data (G_OBJECT (item), "subtitle"), s->str);
  }

  if (completed)
    gtk_widget_add_css_class (row, "completed");
  else
    gtk_widget_remove_css_class (row, "completed");
  if (mk_month_model_is_overdue (entry, today))
    gtk_widget_add_css_class (row, "overdue");
  else
    gtk_widget_remove_css_class (row, "overdue");

  gtk_widget_set_visible (complete, !completed);
  /* Target first: a name without its target would warn. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (complete), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (complete), "calendar.complete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "calendar.delete");
}

static GtkListItemFactory *
row_factory (MkCalendarPane *self,
             gboolean        agenda)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "agenda", GINT_TO_POINTER (agenda));
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (row_bind_cb), self, 0);
  return factory;
}

static gboolean
day_filter_func (gpointer item,
                 gpointer data)
{
  MkCalendarPane *self = data;

  return g_strcmp0 (mk_calendar_entry_get_date (item), self->selected_date) == 0;
}

/* Actions */

static void
new_entry_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       data)
{
  MkCalendarPane *self = data;

  open_dialog (self, self->selected_date, NULL);
}

static void
edit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       data)
{
  MkCalendarPane *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkCalendarEntry) entry = NULL;

  if (get_store (self) == NULL)
    return;

  entry = mk_store_calendar_get (get_store (self), g_variant_get_string (parameter, NULL), &error);
  if (entry == NULL)
    show_error_toast (self, error);
  else
    open_dialog (self, NULL, entry);
}

static void
complete_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       data)
{
  MkCalendarPane *self = data;
  g_autoptr(GError) error = NULL;

  if (get_store (self) == NULL)
    return;

  if (!mk_store_calendar_set_status (get_store (self), g_variant_get_string (parameter, NULL),
                                     MK_ENTRY_STATUS_COMPLETED, &error))
    show_error_toast (self, error);
}

static void
undo_delete_cb (AdwToast        *toast,
                MkCalendarEntry *entry)
{
  MkCalendarPane *self = g_object_get_data (G_OBJECT (toast), "pane");
  g_autoptr(GError) error = NULL;

  if (self == NULL || get_store (self) == NULL)
    return;

  if (!mk_store_calendar_create (get_store (self), entry, &error))
    show_error_toast (self, error);
  update_empty_state (self);
}

static void
delete_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       data)
{
  MkCalendarPane *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MkCalendarEntry) entry = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  MkStore *store = get_store (self);

  if (store == NULL)
    return;

  /* Kept whole, id and created_at included, so Undo puts back the same row. */
  entry = mk_store_calendar_get (store, g_variant_get_string (parameter, NULL), &error);
  if (entry == NULL || !mk_store_calendar_remove (store, mk_calendar_entry_get_id (entry), &error))
    {
      show_error_toast (self, error);
      return;
    }

  /* Translators: %s is a brand name */
  title = g_strdup_printf (_("“%s” deleted"), mk_calendar_entry_get_brand_name (entry));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "pane", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb),
                         g_steal_pointer (&entry), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  add_toast (self, toast);
  update_empty_state (self);
}

static void
previous_month_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  shift_month (data, -1);
}

static void
next_month_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  shift_month (data, 1);
}

static void
today_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  g_autofree char *today = mk_time_today ();

  go_to_date (data, today);
}

static void
search_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  MkCalendarPane *self = data;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static GtkWindow *
get_parent_window (MkCalendarPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The import writes through its own connection, which the models do not
 * hear: read again once it is done. */
static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(MkCalendarPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint imported = 0, skipped = 0;

  if (!mk_ics_import_file_finish (result, &imported, &skipped, &error))
    {
      title = g_strdup_printf (_("Could not import the calendar: %s"), error->message);
      add_toast (self, adw_toast_new (title));
      return;
    }

  if (self->month_model != NULL)
    mk_month_model_reload (self->month_model);
  if (self->agenda_model != NULL)
    mk_agenda_model_reload (self->agenda_model);
  update_empty_state (self);

  if (skipped > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Imported %u entry, skipped %u",
                                          "Imported %u entries, skipped %u", imported),
                             imported, skipped);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Imported %u entry",
                                          "Imported %u entries", imported),
                             imported);
  add_toast (self, adw_toast_new (title));
}

void
mk_calendar_pane_import_file (MkCalendarPane *self,
                              GFile          *file)
{
  g_autofree char *path = NULL;
  MkStore *store;
  const char *user_id;

  g_return_if_fail (MK_IS_CALENDAR_PANE (self));
  g_return_if_fail (G_IS_FILE (file));

  store = get_store (self);
  user_id = get_user_id (self);
  if (store == NULL || user_id == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      add_toast (self, adw_toast_new (_("Could not import the calendar: choose a file on this computer")));
      return;
    }

  mk_ics_import_file_async (mk_store_get_path (store), user_id, path, NULL,
                            import_done_cb, g_object_ref (self));
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  MkCalendarPane *self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    mk_calendar_pane_import_file (self, file);
}

typedef struct
{
  char *db_path;
  char *user_id;
  char *path;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->db_path);
  g_free (job->user_id);
  g_free (job->path);
  g_free (job);
}

/* Reading every entry of an account and writing the file can take a while
 * with a large calendar: both run here, on a connection of the thread's own. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(MkStore) store = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  if ((store = mk_store_open (job->db_path, &error)) == NULL ||
      (entries = mk_store_calendar_list_range (store, job->user_id, "0001-01-01", "9999-12-31", &error)) == NULL ||
      !mk_ics_export_file (entries, job->path, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_int (task, entries->len);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  MkCalendarPane *self = MK_CALENDAR_PANE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gssize n;

  n = g_task_propagate_int (G_TASK (result), &error);
  if (n < 0)
    {
      title = g_strdup_printf (_("Could not export the calendar: %s"), error->message);
      add_toast (self, adw_toast_new (title));
      return;
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Exported %u entry",
                                        "Exported %u entries", (gulong) n),
                           (guint) n);
  add_toast (self, adw_toast_new (title));
}

void
mk_calendar_pane_export_file (MkCalendarPane *self,
                              GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  MkStore *store;
  const char *user_id;
  ExportJob *job;

  g_return_if_fail (MK_IS_CALENDAR_PANE (self));
  g_return_if_fail (G_IS_FILE (file));

  store = get_store (self);
  user_id = get_user_id (self);
  if (store == NULL || user_id == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      add_toast (self, adw_toast_new (_("Could not export the calendar: choose a folder on this computer")));
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (mk_store_get_path (store));
  job->user_id = g_strdup (user_id);
  job->path = g_steal_pointer (&path);

  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, mk_calendar_pane_export_file);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  MkCalendarPane *self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    mk_calendar_pane_export_file (self, file);
}

static void
import_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  MkCalendarPane *self = data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (get_store (self) == NULL || get_user_id (self) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Calendar"), get_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  MkCalendarPane *self = data;
  GtkFileChooserNative *chooser;

  if (get_store (self) == NULL || get_user_id (self) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Calendar"), get_parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "mediakit-calendar.ics");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const GActionEntry action_entries[] = {
  { "new-entry", new_entry_cb },
  { "edit", edit_cb, "s" },
  { "complete", complete_cb, "s" },
  { "delete", delete_cb, "s" },
  { "previous-month", previous_month_cb },
  { "next-month", next_month_cb },
  { "today", today_cb },
  { "search", search_cb },
  { "import", import_cb },
  { "export", export_cb },
};

/* The window's header holds the "+" button, outside the pane: it finds
 * the actions on the window. */
static void
root_changed_cb (MkCalendarPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL)
    gtk_widget_insert_action_group (GTK_WIDGET (root), "calendar", G_ACTION_GROUP (self->actions));
}

static void
log_added_cb (MkCalendarPane *self,
              MkLogEntry     *entry)
{
  const char *action = mk_log_entry_get_action (entry);

  if (g_strcmp0 (action, "update_calendar") == 0 || g_str_has_suffix (action ?: "", "ics"))
    update_empty_state (self);
}

static void
month_model_changed_cb (MkCalendarPane *self)
{
  update_day_label (self);
}

/* A screenful of the selected day's entries comes first; the rest join
 * the list right after that frame is painted. GTK 4.8's GtkListView
 * builds a row for every item up to 200, so a busy day otherwise builds
 * dozens of rows nobody sees before they show. */
#define DAY_LIST_FIRST_ROWS 16

static void
content_painted_cb (GdkFrameClock  *clock,
                    MkCalendarPane *self)
{
  g_signal_handlers_disconnect_by_func (clock, content_painted_cb, self);
  if (self->day_slice != NULL)
    gtk_slice_list_model_set_size (self->day_slice, G_MAXUINT);
}

static void
maybe_loaded (MkCalendarPane *self)
{
  GdkFrameClock *clock;

  /* Called as either half comes true: only the last one goes on. */
  if (is_loading (self))
    return;

  update_day_label (self);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (content_painted_cb), self, 0);
  else if (self->day_slice != NULL)
    gtk_slice_list_model_set_size (self->day_slice, G_MAXUINT);

  g_signal_emit_by_name (self, "loaded");
}

/* The views get their models once the pane has been painted: the window
 * shows at once with the month's frame, and the entries, read meanwhile in
 * worker threads, come a frame later. Their chips and rows are most of
 * what a first frame would otherwise wait for. */
static void
attach_views (MkCalendarPane *self)
{
  g_autoptr(GtkSingleSelection) day_selection = NULL;
  g_autoptr(GtkNoSelection) agenda_selection = NULL;

  if (self->painted || self->month_model == NULL)
    return;
  self->painted = TRUE;

  mk_month_grid_set_model (self->month_grid, G_LIST_MODEL (self->month_model));

  day_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->day_slice)));
  gtk_single_selection_set_autoselect (day_selection, FALSE);
  gtk_list_view_set_model (self->day_list, GTK_SELECTION_MODEL (day_selection));

  agenda_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->agenda_model)));
  gtk_list_view_set_model (self->agenda_list, GTK_SELECTION_MODEL (agenda_selection));

  maybe_loaded (self);
}

static gboolean
attach_views_idle_cb (gpointer data)
{
  /* A pane disposed meanwhile has no models, and attaches nothing. */
  attach_views (MK_CALENDAR_PANE (data));

  return G_SOURCE_REMOVE;
}

/* From an idle rather than inside the frame clock's emission, so that
 * whoever watches that paint sees the pane still loading. */
static void
first_paint_cb (GdkFrameClock  *clock,
                MkCalendarPane *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, attach_views_idle_cb, g_object_ref (self), g_object_unref);
}

static void
pane_map_cb (MkCalendarPane *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (self, pane_map_cb, self);
  if (clock != NULL)
    {
      g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_paint_cb), self, 0);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    {
      attach_views (self);
    }
}

/* Either model's first read is done. A failed one falls back on what a
 * reload on the spot reads, or says. */
static void
model_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  MkCalendarPane *self;
  gboolean month = MK_IS_MONTH_MODEL (object);
  g_autoptr(GError) error = NULL;
  gboolean read;

  read = month ? mk_month_model_set_user_id_finish (MK_MONTH_MODEL (object), result, &error)
               : mk_agenda_model_set_user_id_finish (MK_AGENDA_MODEL (object), result, &error);
  /* Cancelled by the pane's dispose: @user_data is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = MK_CALENDAR_PANE (user_data);
  if (!read)
    {
      g_warning ("Could not read the %s: %s", month ? "calendar" : "agenda", error->message);
      if (month)
        mk_month_model_reload (MK_MONTH_MODEL (object));
      else
        mk_agenda_model_reload (MK_AGENDA_MODEL (object));
    }

  self->pending_loads--;
  maybe_loaded (self);
}

/* The month and the agenda of whoever is signed in now, read in worker
 * threads: at start-up the store is often ready before the user is (a
 * kept session, the demo account), so a sign-in is as much the first read
 * as the store's arrival. A read still running for the user before is
 * superseded, and its rows dropped. */
static void
load_for_user (MkCalendarPane *self)
{
  const char *user_id = get_user_id (self);

  self->pending_loads += 2;
  mk_month_model_set_user_id_async (self->month_model, user_id, self->cancellable,
                                    model_loaded_cb, self);
  mk_agenda_model_set_user_id_async (self->agenda_model, user_id, self->cancellable,
                                     model_loaded_cb, self);
  update_empty_state (self);
  update_day_label (self);
}

static void
setup_models (MkCalendarPane *self)
{
  MkStore *store = get_store (self);
  g_autofree char *today = mk_time_today ();
  GtkCustomFilter *filter;

  if (store == NULL || self->month_model != NULL)
    return;

  self->month_model = mk_month_model_new (store);
  self->agenda_model = mk_agenda_model_new (store, 100);
  /* GTK 4.8's GtkListView keeps up to 200 row widgets around its anchor
   * however few rows are visible, so a first page of 100 built 100 rows
   * for one frame. A screenful comes first; the agenda below the fold is
   * read (and its rows built) from an idle once the view asks for it,
   * which the paged model does anyway while scrolling. */
  mk_paged_model_set_first_page_size (MK_PAGED_MODEL (self->agenda_model), 12);
  g_signal_connect_object (self->month_model, "items-changed", G_CALLBACK (month_model_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (store, "log-added", G_CALLBACK (log_added_cb), self, G_CONNECT_SWAPPED);

  filter = gtk_custom_filter_new (day_filter_func, self, NULL);
  self->day_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->month_model)),
                                               GTK_FILTER (filter));
  self->day_slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->day_model)),
                                              0, DAY_LIST_FIRST_ROWS);

  g_signal_connect_object (self->context, "notify::user-id", G_CALLBACK (load_for_user), self,
                           G_CONNECT_SWAPPED);
  /* Month first, while the model has no user and reads nothing: the one
   * query of the month runs when the user is set, in a thread. */
  go_to_date (self, today);

  load_for_user (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pane_map_cb (self);
  else
    g_signal_connect_object (self, "map", G_CALLBACK (pane_map_cb), self, G_CONNECT_SWAPPED);
}

static void
mk_calendar_pane_constructed (GObject *object)
{
  MkCalendarPane *self = (MkCalendarPane *)object;

  G_OBJECT_CLASS (mk_calendar_pane_parent_class)->constructed (object);

  /* The store may still be opening in a thread when the pane is built. */
  if (self->context != NULL)
    g_signal_connect_object (self->context, "notify::store", G_CALLBACK (setup_models), self,
                             G_CONNECT_SWAPPED);
  setup_models (self);
  update_empty_state (self);
}

static void
mk_calendar_pane_dispose (GObject *object)
{
  MkCalendarPane *self = (MkCalendarPane *)object;

  if (self->day_list != NULL)
    gtk_list_view_set_model (self->day_list, NULL);
  if (self->agenda_list != NULL)
    gtk_list_view_set_model (self->agenda_list, NULL);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->day_slice);
  g_clear_object (&self->day_model);
  g_clear_object (&self->month_model);
  g_clear_object (&self->agenda_model);
  g_clear_object (&self->actions);
  g_clear_object (&self->context);
  g_clear_pointer (&self->selected_date, g_free);

  G_OBJECT_CLASS (mk_calendar_pane_parent_class)->dispose (object);
}

static void
mk_calendar_pane_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MkCalendarPane *self = MK_CALENDAR_PANE (object);

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
mk_calendar_pane_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MkCalendarPane *self = MK_CALENDAR_PANE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_calendar_pane_class_init (MkCalendarPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mk_calendar_pane_constructed;
  object_class->dispose = mk_calendar_pane_dispose;
  object_class->get_property = mk_calendar_pane_get_property;
  object_class->set_property = mk_calendar_pane_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");

  g_type_ensure (MK_TYPE_MONTH_GRID);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/calendar/mk-calendar-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, MkCalendarPane, stack);
  gtk_widget_class_bind_template_child (widget_class, MkCalendarPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MkCalendarPane, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MkCalendarPane, main_page);
  gtk_widget_class_bind_template_child (widget_class, MkCalendarPane, side_page);
  gtk_widget_class_bind_template_child (widget_class, MkCalendarPane, month_label);
  gtk_widget_class_bind_template_child (widget_class, MkCalendarPane, month_button);
  gtk_widget_class_bind_template_child (widget_class, MkCalendarPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MkCalendarPane, filter_button);
  gtk_widget_class_bind_template_child (widget_class, MkCalendarPane, month_grid);
  gtk_widget_class_bind_template_child (widget_class, MkCalendarPane, day_label);
  gtk_widget_class_bind_template_child (widget_class, MkCalendarPane, day_stack);
  gtk_widget_class_bind_template_child (widget_class, MkCalendarPane, day_list);
  gtk_widget_class_bind_template_child (widget_class, MkCalendarPane, agenda_list);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_opened_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, agenda_activate_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "calendar.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "calendar.next-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "calendar.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "calendar.search", NULL);
}

static void
mk_calendar_pane_init (MkCalendarPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  gtk_menu_button_set_create_popup_func (self->month_button, create_popup_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->filter_button, create_popup_cb, self, NULL);
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "calendar", G_ACTION_GROUP (self->actions));
  g_signal_connect (self, "notify::root", G_CALLBACK (root_changed_cb), NULL);

  {
    g_autoptr(GtkListItemFactory) day_factory = row_factory (self, FALSE);
    g_autoptr(GtkListItemFactory) agenda_factory = row_factory (self, TRUE);

    gtk_list_view_set_factory (self->day_list, day_factory);
    gtk_list_view_set_factory (self->agenda_list, agenda_factory);
  }

  mk_display_style_add_sheet (gdk_display_get_default (), RESOURCE_PREFIX "/ui/calendar/mk-calendar.css");
}
