/* mk-month-grid.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>

#include "mk-calendar-entry.h"
#include "mk-month-model.h"
#include "mk-time.h"
#include "mk-month-grid-private.h"

#define N_CELLS 42
#define MAX_CHIPS 3

typedef struct {
  GtkWidget *box;
  GtkWidget *number;
  GtkWidget *chips;
  char      *date;
  guint      n_entries;
} Cell;

struct _MkMonthGrid
{
  GtkWidget     parent_instance;

  GtkWidget    *grid;
  GtkWidget    *weekday_labels[7];
  Cell          cells[N_CELLS];

  /* Owned */
  GListModel   *model;
  char         *selected_date;

  int           year;
  int           month;
  GDateWeekday  first_weekday;
};

G_DEFINE_FINAL_TYPE (MkMonthGrid, mk_month_grid, GTK_TYPE_WIDGET)

enum {
  DAY_SELECTED,
  DAY_ACTIVATED,
  ENTRY_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GDateWeekday
mk_month_grid_locale_first_weekday (void)
{
#ifdef __GLIBC__
  /* As GTK's calendar does: the week's origin and the locale's offset. */
  union { unsigned int word; char *string; } langinfo;
  int week_1stday = 0;
  int first_weekday;
  guint week_origin;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = langinfo.word;
  if (week_origin == 19971130)      /* Sunday */
    week_1stday = 0;
  else if (week_origin == 19971201) /* Monday */
    week_1stday = 1;

  first_weekday = (week_1stday + first_weekday - 1) % 7;  /* 0 = Sunday */
  return first_weekday == 0 ? G_DATE_SUNDAY : (GDateWeekday)first_weekday;
#else
  return G_DATE_MONDAY;
#endif
}

static const char *
platform_icon (MkPlatform platform)
{
  switch (platform)
    {
    case MK_PLATFORM_INSTAGRAM: return "mk-instagram-symbolic";
    case MK_PLATFORM_FACEBOOK: return "mk-facebook-symbolic";
    case MK_PLATFORM_YOUTUBE: return "mk-youtube-symbolic";
    case MK_PLATFORM_TIKTOK: return "mk-tiktok-symbolic";
    case MK_PLATFORM_NONE:
    default:
      return "mk-upload-symbolic";
    }
}

static const char *
entry_icon (MkCalendarEntry *entry)
{
  if (mk_calendar_entry_get_entry_type (entry) == MK_ENTRY_TYPE_SHOOT)
    return "camera-photo-symbolic";
  return platform_icon (mk_calendar_entry_get_platform (entry));
}

static GMenuModel *
chip_menu (MkCalendarEntry *entry)
{
  GMenu *menu = g_menu_new ();
  const char *id = mk_calendar_entry_get_id (entry);
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("_Edit…"), NULL);
  g_menu_item_set_action_and_target (item, "calendar.edit", "s", id);
  g_menu_append_item (menu, item);
  g_clear_object (&item);

  if (mk_calendar_entry_get_status (entry) == MK_ENTRY_STATUS_PENDING)
    {
      item = g_menu_item_new (_("Mark _Complete"), NULL);
      g_menu_item_set_action_and_target (item, "calendar.complete", "s", id);
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }

  item = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target (item, "calendar.delete", "s", id);
  g_menu_append_item (menu, item);

  return G_MENU_MODEL (menu);
}

static void
chip_clicked_cb (GtkButton *chip)
{
  const char *id = g_object_get_data (G_OBJECT (chip), "mk-id");

  gtk_widget_activate_action (GTK_WIDGET (chip), "calendar.edit", "s", id);
}

static gboolean unparent_idle_cb (gpointer data);

static void
popover_closed_cb (GtkWidget *popover)
{
  g_idle_add (unparent_idle_cb, g_object_ref (popover));
}

static gboolean
unparent_idle_cb (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
  return G_SOURCE_REMOVE;
}

/* The menu is made when asked for and dropped when closed, so a chip owns
 * nothing that could outlive it. */
static void
popup_chip_menu (GtkWidget *chip)
{
  g_autoptr(MkCalendarEntry) entry = g_object_get_data (G_OBJECT (chip), "mk-entry")
                                     ? g_object_ref (g_object_get_data (G_OBJECT (chip), "mk-entry")) : NULL;
  g_autoptr(GMenuModel) menu = NULL;
  GtkWidget *popover;

  if (entry == NULL)
    return;

  menu = chip_menu (entry);
  popover = gtk_popover_menu_new_from_model (menu);
  gtk_widget_set_parent (popover, chip);
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
chip_menu_cb (GtkGestureClick *gesture,
              int              n_press,
              double           x,
              double           y,
              gpointer         data)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_chip_menu (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
}

static gboolean
chip_menu_key_cb (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  gpointer               data)
{
  if (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK)))
    {
      popup_chip_menu (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static GdkContentProvider *
chip_drag_prepare_cb (GtkDragSource *source,
                      double         x,
                      double         y,
                      GtkWidget     *chip)
{
  const char *id = g_object_get_data (G_OBJECT (chip), "mk-id");

  return gdk_content_provider_new_typed (G_TYPE_STRING, id);
}

static GtkWidget *
make_chip (MkCalendarEntry *entry,
           const char      *today)
{
  GtkWidget *chip = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (entry_icon (entry));
  GtkWidget *label;
  GtkGesture *click;
  GtkEventController *key;
  GtkDragSource *drag;
  const char *time = mk_calendar_entry_get_time (entry);
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  gboolean completed = mk_calendar_entry_get_status (entry) == MK_ENTRY_STATUS_COMPLETED;
  gboolean overdue = mk_month_model_is_overdue (entry, today);
  gboolean upload = mk_calendar_entry_get_entry_type (entry) == MK_ENTRY_TYPE_UPLOAD;

  /* The check is text, not an image, so a narrow cell can ellipsize it. */
  text = g_strdup_printf ("%s%s%s%s", completed ? "✓ " : "",
                          time != NULL ? time : "", time != NULL ? " " : "",
                          mk_calendar_entry_get_brand_name (entry));
  label = gtk_label_new (text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (chip), box);

  gtk_widget_add_css_class (chip, "calendar-chip");
  gtk_widget_add_css_class (chip, upload ? "upload" : "shoot");
  if (completed)
    gtk_widget_add_css_class (chip, "completed");
  if (overdue)
    gtk_widget_add_css_class (chip, "overdue");

  /* Translators: e.g. "Upload, Acme, 18:00, YouTube, overdue" — what a
   * screen reader says for a chip */
  accessible = g_strdup_printf ("%s, %s%s%s%s%s%s",
                                mk_entry_type_get_display_name (mk_calendar_entry_get_entry_type (entry)),
                                mk_calendar_entry_get_brand_name (entry),
                                time != NULL ? ", " : "", time != NULL ? time : "",
                                upload ? ", " : "",
                                upload ? mk_platform_get_display_name (mk_calendar_entry_get_platform (entry)) : "",
                                completed ? _(", completed") : overdue ? _(", overdue") : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_tooltip_text (chip, accessible);

  g_object_set_data_full (G_OBJECT (chip), "mk-id", g_strdup (mk_calendar_entry_get_id (entry)), g_free);
  g_signal_connect (chip, "clicked", G_CALLBACK (chip_clicked_cb), NULL);

  g_object_set_data_full (G_OBJECT (chip), "mk-entry", g_object_ref (entry), g_object_unref);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (chip_menu_cb), NULL);
  gtk_widget_add_controller (chip, GTK_EVENT_CONTROLLER (click));

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (chip_menu_key_cb), NULL);
  gtk_widget_add_controller (chip, key);

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (chip_drag_prepare_cb), chip);
  gtk_widget_add_controller (chip, GTK_EVENT_CONTROLLER (drag));

  return chip;
}

static Cell *
cell_for_widget (MkMonthGrid *self,
                 GtkWidget   *widget)
{
  for (guint i = 0; i < N_CELLS; i++)
    if (self->cells[i].box == widget)
      return &self->cells[i];
  return NULL;
}

static void
update_selection (MkMonthGrid *self)
{
  for (guint i = 0; i < N_CELLS; i++)
    {
      if (g_strcmp0 (self->cells[i].date, self->selected_date) == 0)
        gtk_widget_add_css_class (self->cells[i].box, "selected");
      else
        gtk_widget_remove_css_class (self->cells[i].box, "selected");
    }
}

static void
select_cell (MkMonthGrid *self,
             Cell        *cell)
{
  mk_month_grid_set_selected_date (self, cell->date);
  g_signal_emit (self, signals[DAY_SELECTED], 0, cell->date);
}

static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 MkMonthGrid     *self)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  Cell *cell = cell_for_widget (self, box);

  if (cell == NULL)
    return;

  gtk_widget_grab_focus (box);
  select_cell (self, cell);
  if (n_press == 2 && cell->n_entries == 0)
    g_signal_emit (self, signals[DAY_ACTIVATED], 0, cell->date);
}

static gboolean
cell_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             MkMonthGrid           *self)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  Cell *cell = cell_for_widget (self, box);
  int index = cell - self->cells;
  int step = 0;

  if (cell == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      select_cell (self, cell);
      if (cell->n_entries == 0 && keyval != GDK_KEY_space)
        g_signal_emit (self, signals[DAY_ACTIVATED], 0, cell->date);
      return GDK_EVENT_STOP;
    case GDK_KEY_Left: step = gtk_widget_get_direction (box) == GTK_TEXT_DIR_RTL ? 1 : -1; break;
    case GDK_KEY_Right: step = gtk_widget_get_direction (box) == GTK_TEXT_DIR_RTL ? -1 : 1; break;
    case GDK_KEY_Up: step = -7; break;
    case GDK_KEY_Down: step = 7; break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  if (index + step >= 0 && index + step < N_CELLS)
    {
      gtk_widget_grab_focus (self->cells[index + step].box);
      select_cell (self, &self->cells[index + step]);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/* What a drop of @value on @cell does; the GtkDropTarget's handler and
 * the tests both come here. */
static gboolean
drop_on_cell (MkMonthGrid  *self,
              Cell         *cell,
              const GValue *value)
{
  if (cell == NULL || cell->date == NULL || !G_VALUE_HOLDS_STRING (value) ||
      g_value_get_string (value) == NULL)
    return FALSE;

  g_signal_emit (self, signals[ENTRY_MOVED], 0, g_value_get_string (value), cell->date);
  return TRUE;
}

static gboolean
cell_drop_cb (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              MkMonthGrid   *self)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  return drop_on_cell (self, cell_for_widget (self, box), value);
}

static void
clear_chips (Cell *cell)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (cell->chips)) != NULL)
    gtk_box_remove (GTK_BOX (cell->chips), child);
  cell->n_entries = 0;
}

static void
more_clicked_cb (GtkButton   *button,
                 MkMonthGrid *self)
{
  Cell *cell = cell_for_widget (self, g_object_get_data (G_OBJECT (button), "mk-cell"));

  if (cell != NULL)
    select_cell (self, cell);
}

/* Lays the days out and puts each entry of the model on its day. */
static void
rebuild (MkMonthGrid *self)
{
  g_autofree char *today = mk_time_today ();
  GDate day;
  guint n_items;

  if (self->month < 1)
    return;

  mk_month_model_grid_start (self->year, self->month, self->first_weekday, &day);

  for (guint i = 0; i < N_CELLS; i++, g_date_add_days (&day, 1))
    {
      Cell *cell = &self->cells[i];
      g_autofree char *number = g_strdup_printf ("%u", g_date_get_day (&day));
      char label[64];

      g_free (cell->date);
      cell->date = mk_time_format_gdate (&day);
      clear_chips (cell);
      gtk_label_set_text (GTK_LABEL (cell->number), number);

      if ((int)g_date_get_month (&day) != self->month)
        gtk_widget_add_css_class (cell->box, "other-month");
      else
        gtk_widget_remove_css_class (cell->box, "other-month");
      if (g_strcmp0 (cell->date, today) == 0)
        gtk_widget_add_css_class (cell->box, "today");
      else
        gtk_widget_remove_css_class (cell->box, "today");

      /* The accessible name is the full date. */
      /* Translators: a day cell's accessible name, e.g. "Tuesday 1 December 2026";
       * strftime format, %-d is the day of the month without padding */
      g_date_strftime (label, sizeof label, C_("calendar day name", "%A %-d %B %Y"), &day);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell->box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }

  n_items = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MkCalendarEntry) entry = g_list_model_get_item (self->model, i);
      GDate date, start;
      int index;
      Cell *cell;

      if (!mk_time_parse_gdate (mk_calendar_entry_get_date (entry), &date))
        continue;
      mk_month_model_grid_start (self->year, self->month, self->first_weekday, &start);
      index = g_date_days_between (&start, &date);
      if (index < 0 || index >= N_CELLS)
        continue;

      cell = &self->cells[index];
      cell->n_entries++;
      if (cell->n_entries <= MAX_CHIPS)
        gtk_box_append (GTK_BOX (cell->chips), make_chip (entry, today));
    }

  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];

      if (cell->n_entries > MAX_CHIPS)
        {
          g_autofree char *text = NULL;
          GtkWidget *more;

          /* Translators: shown in a day cell when more entries than fit */
          text = g_strdup_printf (_("+%u more"), cell->n_entries - MAX_CHIPS);
          more = gtk_button_new_with_label (text);
          gtk_widget_add_css_class (more, "flat");
          gtk_widget_add_css_class (more, "calendar-more");
          gtk_widget_set_halign (more, GTK_ALIGN_START);
          g_object_set_data (G_OBJECT (more), "mk-cell", cell->box);
          g_signal_connect (more, "clicked", G_CALLBACK (more_clicked_cb), self);
          gtk_box_append (GTK_BOX (cell->chips), more);
        }
    }

  update_selection (self);
}

static void
items_changed_cb (MkMonthGrid *self)
{
  rebuild (self);
}

static void
update_weekday_labels (MkMonthGrid *self)
{
  GDate day;

  /* 2024-01-01 was a Monday. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, 1, 2024);
  g_date_add_days (&day, (self->first_weekday - G_DATE_MONDAY + 7) % 7);
  for (guint i = 0; i < 7; i++, g_date_add_days (&day, 1))
    {
      char text[32];

      g_date_strftime (text, sizeof text, "%a", &day);
      gtk_label_set_text (GTK_LABEL (self->weekday_labels[i]), text);
    }
}

static void
mk_month_grid_dispose (GObject *object)
{
  MkMonthGrid *self = (MkMonthGrid *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->grid, gtk_widget_unparent);
  for (guint i = 0; i < N_CELLS; i++)
    g_clear_pointer (&self->cells[i].date, g_free);
  g_clear_pointer (&self->selected_date, g_free);

  G_OBJECT_CLASS (mk_month_grid_parent_class)->dispose (object);
}

static void
mk_month_grid_class_init (MkMonthGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_month_grid_dispose;

  signals[DAY_SELECTED] = g_signal_new ("day-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ENTRY_MOVED] = g_signal_new ("entry-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "monthgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
mk_month_grid_init (MkMonthGrid *self)
{
  self->first_weekday = mk_month_grid_locale_first_weekday ();
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (self->grid), TRUE);
  gtk_grid_set_row_homogeneous (GTK_GRID (self->grid), FALSE);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
  gtk_widget_add_css_class (self->grid, "month-grid");

  for (guint i = 0; i < 7; i++)
    {
      self->weekday_labels[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->weekday_labels[i], "dim-label");
      gtk_widget_add_css_class (self->weekday_labels[i], "caption-heading");
      gtk_widget_set_margin_bottom (self->weekday_labels[i], 6);
      gtk_grid_attach (GTK_GRID (self->grid), self->weekday_labels[i], i, 0, 1, 1);
    }
  update_weekday_labels (self);

  for (guint i = 0; i < N_CELLS; i++)
    {
      Cell *cell = &self->cells[i];
      GtkGesture *click = gtk_gesture_click_new ();
      GtkEventController *key = gtk_event_controller_key_new ();
      GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

      cell->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_set_focusable (cell->box, TRUE);
      gtk_widget_set_vexpand (cell->box, TRUE);
      gtk_widget_set_hexpand (cell->box, TRUE);
      gtk_widget_set_overflow (cell->box, GTK_OVERFLOW_HIDDEN);
      gtk_widget_add_css_class (cell->box, "day-cell");
      cell->number = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell->number), 0);
      gtk_widget_add_css_class (cell->number, "day-number");
      cell->chips = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_box_append (GTK_BOX (cell->box), cell->number);
      gtk_box_append (GTK_BOX (cell->box), cell->chips);

      g_signal_connect (click, "pressed", G_CALLBACK (cell_pressed_cb), self);
      gtk_widget_add_controller (cell->box, GTK_EVENT_CONTROLLER (click));
      g_signal_connect (key, "key-pressed", G_CALLBACK (cell_key_cb), self);
      gtk_widget_add_controller (cell->box, key);
      g_signal_connect (drop, "drop", G_CALLBACK (cell_drop_cb), self);
      gtk_widget_add_controller (cell->box, GTK_EVENT_CONTROLLER (drop));

      gtk_grid_attach (GTK_GRID (self->grid), cell->box, i % 7, 1 + i / 7, 1, 1);
    }
}

GtkWidget *
mk_month_grid_new (void)
{
  return g_object_new (MK_TYPE_MONTH_GRID, NULL);
}

void
mk_month_grid_set_model (MkMonthGrid *self,
                         GListModel  *entries)
{
  g_return_if_fail (MK_IS_MONTH_GRID (self));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_set_object (&self->model, entries);
  if (self->model != NULL)
    g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (items_changed_cb), self);
  rebuild (self);
}

void
mk_month_grid_set_month (MkMonthGrid *self,
                         int          year,
                         int          month)
{
  g_return_if_fail (MK_IS_MONTH_GRID (self));
  g_return_if_fail (month >= 1 && month <= 12);

  self->year = year;
  self->month = month;
  rebuild (self);
}

void
mk_month_grid_set_selected_date (MkMonthGrid *self,
                                 const char  *date)
{
  g_return_if_fail (MK_IS_MONTH_GRID (self));

  g_free (self->selected_date);
  self->selected_date = g_strdup (date);
  update_selection (self);
}

const char *
mk_month_grid_get_selected_date (MkMonthGrid *self)
{
  g_return_val_if_fail (MK_IS_MONTH_GRID (self), NULL);

  return self->selected_date;
}

void
mk_month_grid_focus_selected (MkMonthGrid *self)
{
  g_return_if_fail (MK_IS_MONTH_GRID (self));

  for (guint i = 0; i < N_CELLS; i++)
    if (g_strcmp0 (self->cells[i].date, self->selected_date) == 0)
      gtk_widget_grab_focus (self->cells[i].box);
}

guint
mk_month_grid_count_chips (MkMonthGrid *self,
                           const char  *date)
{
  g_return_val_if_fail (MK_IS_MONTH_GRID (self), 0);

  for (guint i = 0; i < N_CELLS; i++)
    if (g_strcmp0 (self->cells[i].date, date) == 0)
      return self->cells[i].n_entries;
  return 0;
}

GtkWidget *
mk_month_grid_find_chip (MkMonthGrid *self,
                         const char  *id)
{
  g_return_val_if_fail (MK_IS_MONTH_GRID (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < N_CELLS; i++)
    for (GtkWidget *chip = gtk_widget_get_first_child (self->cells[i].chips);
         chip != NULL;
         chip = gtk_widget_get_next_sibling (chip))
      if (g_strcmp0 (g_object_get_data (G_OBJECT (chip), "mk-id"), id) == 0)
        return chip;
  return NULL;
}

GdkContentProvider *
mk_month_grid_chip_drag_content (GtkWidget *chip)
{
  g_return_val_if_fail (GTK_IS_WIDGET (chip), NULL);

  return chip_drag_prepare_cb (NULL, 0, 0, chip);
}

GMenuModel *
mk_month_grid_chip_menu (GtkWidget *chip)
{
  MkCalendarEntry *entry;

  g_return_val_if_fail (GTK_IS_WIDGET (chip), NULL);

  entry = g_object_get_data (G_OBJECT (chip), "mk-entry");
  return entry != NULL ? chip_menu (entry) : NULL;
}

gboolean
mk_month_grid_drop_value (MkMonthGrid  *self,
                          const GValue *value,
                          const char   *date)
{
  g_return_val_if_fail (MK_IS_MONTH_GRID (self), FALSE);

  for (guint i = 0; i < N_CELLS; i++)
    if (g_strcmp0 (self->cells[i].date, date) == 0)
      return drop_on_cell (self, &self->cells[i], value);
  return FALSE;
}
