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

#include "mk-month-day.h"
#include "mk-month-grid-private.h"

#define N_CELLS 42

struct _MkMonthGrid
{
  GtkWidget     parent_instance;

  GtkWidget    *weekday_labels[7];
  MkMonthDay   *cells[N_CELLS];

  /* Owned */
  GListModel   *model;
  char         *selected_date;

  int           year;
  int           month;
  GDateWeekday  first_weekday;

  /* The chip a primary press started on, edited on release unless a drag
   * took the press. */
  MkMonthDay   *pressed_cell;
  int           pressed_chip;
};

G_DEFINE_FINAL_TYPE (MkMonthGrid, mk_month_grid, GTK_TYPE_WIDGET)

enum {
  DAY_SELECTED,
  DAY_ACTIVATED,
  DAY_OPENED,
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

/* The menu is made when asked for and dropped when closed, so a cell owns
 * nothing that could outlive its entries. */
static void
popup_chip_menu (MkMonthDay *cell,
                 guint       index)
{
  MkCalendarEntry *entry = mk_month_day_get_chip_entry (cell, index);
  g_autoptr(GMenuModel) menu = NULL;
  graphene_rect_t bounds;
  GtkWidget *popover;

  if (entry == NULL || !mk_month_day_get_chip_bounds (cell, index, &bounds))
    return;

  menu = chip_menu (entry);
  popover = gtk_popover_menu_new_from_model (menu);
  gtk_widget_set_parent (popover, GTK_WIDGET (cell));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                               &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                 bounds.size.width, bounds.size.height });
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* The cell under (@x, @y) of the grid, and the point in its coordinates. */
static MkMonthDay *
cell_at (MkMonthGrid     *self,
         double           x,
         double           y,
         graphene_point_t *out_point)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  while (picked != NULL && picked != GTK_WIDGET (self) && !MK_IS_MONTH_DAY (picked))
    picked = gtk_widget_get_parent (picked);
  if (picked == NULL || !MK_IS_MONTH_DAY (picked))
    return NULL;

  if (out_point != NULL &&
      !gtk_widget_compute_point (GTK_WIDGET (self), picked, &GRAPHENE_POINT_INIT (x, y), out_point))
    return NULL;

  return MK_MONTH_DAY (picked);
}

static MkMonthDay *
cell_for_date (MkMonthGrid *self,
               const char  *date)
{
  for (guint i = 0; i < N_CELLS; i++)
    if (g_strcmp0 (mk_month_day_get_date (self->cells[i]), date) == 0)
      return self->cells[i];
  return NULL;
}

static int
cell_index (MkMonthGrid *self,
            MkMonthDay  *cell)
{
  for (guint i = 0; i < N_CELLS; i++)
    if (self->cells[i] == cell)
      return i;
  return -1;
}

static void
update_selection (MkMonthGrid *self)
{
  for (guint i = 0; i < N_CELLS; i++)
    mk_month_day_set_selected (self->cells[i],
                               self->selected_date != NULL &&
                               g_strcmp0 (mk_month_day_get_date (self->cells[i]), self->selected_date) == 0);
}

static void
select_cell (MkMonthGrid *self,
             MkMonthDay  *cell)
{
  const char *date = mk_month_day_get_date (cell);

  mk_month_grid_set_selected_date (self, date);
  g_signal_emit (self, signals[DAY_SELECTED], 0, date);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            MkMonthGrid     *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  graphene_point_t point;
  MkMonthDay *cell = cell_at (self, x, y, &point);
  int chip;

  self->pressed_cell = NULL;
  if (cell == NULL)
    return;

  chip = mk_month_day_chip_at (cell, point.x, point.y);
  if (button == GDK_BUTTON_SECONDARY)
    {
      if (chip >= 0)
        {
          gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
          popup_chip_menu (cell, chip);
        }
      return;
    }

  if (button != GDK_BUTTON_PRIMARY)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (cell));
  select_cell (self, cell);
  if (chip >= 0 && n_press == 1)
    {
      self->pressed_cell = cell;
      self->pressed_chip = chip;
    }
  else if (n_press == 2 && mk_month_day_get_n_entries (cell) == 0)
    {
      g_signal_emit (self, signals[DAY_ACTIVATED], 0, mk_month_day_get_date (cell));
    }
  else if (n_press == 1)
    {
      g_signal_emit (self, signals[DAY_OPENED], 0, mk_month_day_get_date (cell));
    }
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             MkMonthGrid     *self)
{
  MkMonthDay *cell = self->pressed_cell;
  MkCalendarEntry *entry;

  self->pressed_cell = NULL;
  if (cell == NULL || cell_at (self, x, y, NULL) != cell)
    return;

  entry = mk_month_day_get_chip_entry (cell, self->pressed_chip);
  if (entry != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "calendar.edit", "s", mk_calendar_entry_get_id (entry));
}

static void
click_cancel_cb (MkMonthGrid *self)
{
  self->pressed_cell = NULL;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                MkMonthGrid           *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));
  MkMonthDay *cell = focus != NULL && MK_IS_MONTH_DAY (focus) ? MK_MONTH_DAY (focus) : NULL;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int index = cell != NULL ? cell_index (self, cell) : -1;
  int step = 0;

  if (index < 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      select_cell (self, cell);
      if (mk_month_day_get_n_entries (cell) == 0 && keyval != GDK_KEY_space)
        g_signal_emit (self, signals[DAY_ACTIVATED], 0, mk_month_day_get_date (cell));
      else
        g_signal_emit (self, signals[DAY_OPENED], 0, mk_month_day_get_date (cell));
      return GDK_EVENT_STOP;
    case GDK_KEY_Menu:
      /* The menu of the day's first entry; the others are in the day's
       * list beside the grid. */
      if (mk_month_day_get_chip_entry (cell, 0) != NULL)
        popup_chip_menu (cell, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_F10:
      if ((state & GDK_SHIFT_MASK) && mk_month_day_get_chip_entry (cell, 0) != NULL)
        {
          popup_chip_menu (cell, 0);
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;
    case GDK_KEY_Left: step = rtl ? 1 : -1; break;
    case GDK_KEY_Right: step = rtl ? -1 : 1; break;
    case GDK_KEY_Up: step = -7; break;
    case GDK_KEY_Down: step = 7; break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  if (index + step >= 0 && index + step < N_CELLS)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->cells[index + step]));
      select_cell (self, self->cells[index + step]);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/* What a drop of @value on @cell does; the GtkDropTarget's handler and
 * the tests both come here. */
static gboolean
drop_on_cell (MkMonthGrid  *self,
              MkMonthDay   *cell,
              const GValue *value)
{
  if (cell == NULL || mk_month_day_get_date (cell) == NULL || !G_VALUE_HOLDS_STRING (value) ||
      g_value_get_string (value) == NULL)
    return FALSE;

  g_signal_emit (self, signals[ENTRY_MOVED], 0, g_value_get_string (value), mk_month_day_get_date (cell));
  return TRUE;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         MkMonthGrid   *self)
{
  return drop_on_cell (self, cell_at (self, x, y, NULL), value);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 MkMonthGrid   *self)
{
  graphene_point_t point;
  MkMonthDay *cell = cell_at (self, x, y, &point);
  g_autoptr(GdkPaintable) icon = NULL;
  MkCalendarEntry *entry;
  graphene_rect_t bounds;
  int chip;

  if (cell == NULL || (chip = mk_month_day_chip_at (cell, point.x, point.y)) < 0)
    return NULL;

  entry = mk_month_day_get_chip_entry (cell, chip);
  mk_month_day_get_chip_bounds (cell, chip, &bounds);
  icon = mk_month_day_chip_paintable (cell, chip);
  if (source != NULL && icon != NULL)
    gtk_drag_source_set_icon (source, icon, point.x - bounds.origin.x, point.y - bounds.origin.y);

  return gdk_content_provider_new_typed (G_TYPE_STRING, mk_calendar_entry_get_id (entry));
}

/* Lays the days out and puts each entry of the model on its day. */
static void
rebuild (MkMonthGrid *self)
{
  g_autofree char *today = mk_time_today ();
  GDate day, start;
  guint n_items;

  if (self->month < 1)
    return;

  mk_month_model_grid_start (self->year, self->month, self->first_weekday, &start);
  day = start;
  for (guint i = 0; i < N_CELLS; i++, g_date_add_days (&day, 1))
    {
      g_autofree char *date = mk_time_format_gdate (&day);

      mk_month_day_set_day (self->cells[i], &day,
                            (int)g_date_get_month (&day) != self->month,
                            g_strcmp0 (date, today) == 0);
      mk_month_day_clear_entries (self->cells[i]);
    }

  n_items = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MkCalendarEntry) entry = g_list_model_get_item (self->model, i);
      GDate date;
      int index;

      if (!mk_time_parse_gdate (mk_calendar_entry_get_date (entry), &date))
        continue;
      index = g_date_days_between (&start, &date);
      if (index < 0 || index >= N_CELLS)
        continue;

      mk_month_day_add_entry (self->cells[index], entry, mk_month_model_is_overdue (entry, today));
    }

  for (guint i = 0; i < N_CELLS; i++)
    mk_month_day_entries_done (self->cells[i]);

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
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);
  self->pressed_cell = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
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
  /* A click on a day, or Enter or Space on it: where the window is too
   * narrow for the day's list beside the grid, the pane shows it instead. */
  signals[DAY_OPENED] = g_signal_new ("day-opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ENTRY_MOVED] = g_signal_new ("entry-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_GRID_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "monthgrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
attach (MkMonthGrid *self,
        GtkWidget   *child,
        int          column,
        int          row)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkGridLayoutChild *layout_child;

  gtk_widget_set_parent (child, GTK_WIDGET (self));
  layout_child = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, child));
  gtk_grid_layout_child_set_column (layout_child, column);
  gtk_grid_layout_child_set_row (layout_child, row);
}

static void
mk_month_grid_init (MkMonthGrid *self)
{
  GtkGridLayout *layout = GTK_GRID_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  GtkDragSource *drag = gtk_drag_source_new ();

  self->first_weekday = mk_month_grid_locale_first_weekday ();
  gtk_grid_layout_set_column_homogeneous (layout, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "month-grid");

  for (guint i = 0; i < 7; i++)
    {
      self->weekday_labels[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->weekday_labels[i], "dim-label");
      gtk_widget_add_css_class (self->weekday_labels[i], "caption-heading");
      gtk_widget_set_margin_bottom (self->weekday_labels[i], 6);
      attach (self, self->weekday_labels[i], i, 0);
    }
  update_weekday_labels (self);

  for (guint i = 0; i < N_CELLS; i++)
    {
      self->cells[i] = MK_MONTH_DAY (mk_month_day_new ());
      attach (self, GTK_WIDGET (self->cells[i]), i % 7, 1 + i / 7);
    }

  /* One controller of each kind for the whole grid: the cells and their
   * chips are found by position. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  g_signal_connect_swapped (click, "cancel", G_CALLBACK (click_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
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
  MkMonthDay *cell;

  g_return_if_fail (MK_IS_MONTH_GRID (self));

  cell = cell_for_date (self, self->selected_date);
  if (cell != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (cell));
}

guint
mk_month_grid_count_chips (MkMonthGrid *self,
                           const char  *date)
{
  MkMonthDay *cell;

  g_return_val_if_fail (MK_IS_MONTH_GRID (self), 0);

  cell = cell_for_date (self, date);
  return cell != NULL ? mk_month_day_get_n_entries (cell) : 0;
}

static MkMonthDay *
find_chip (MkMonthGrid *self,
           const char  *id,
           int         *out_index)
{
  for (guint i = 0; i < N_CELLS; i++)
    {
      int index = mk_month_day_find_chip (self->cells[i], id);

      if (index >= 0)
        {
          *out_index = index;
          return self->cells[i];
        }
    }
  return NULL;
}

gboolean
mk_month_grid_chip_bounds (MkMonthGrid     *self,
                           const char      *id,
                           graphene_rect_t *out_bounds)
{
  graphene_rect_t chip, cell_bounds;
  MkMonthDay *cell;
  int index;

  g_return_val_if_fail (MK_IS_MONTH_GRID (self), FALSE);
  g_return_val_if_fail (id != NULL && out_bounds != NULL, FALSE);

  cell = find_chip (self, id, &index);
  if (cell == NULL || !mk_month_day_get_chip_bounds (cell, index, &chip) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (cell), GTK_WIDGET (self), &cell_bounds))
    return FALSE;

  graphene_rect_offset_r (&chip, cell_bounds.origin.x, cell_bounds.origin.y, out_bounds);
  return TRUE;
}

char *
mk_month_grid_chip_at (MkMonthGrid *self,
                       double       x,
                       double       y)
{
  graphene_point_t point;
  MkMonthDay *cell;
  int index;

  g_return_val_if_fail (MK_IS_MONTH_GRID (self), NULL);

  cell = cell_at (self, x, y, &point);
  if (cell == NULL || (index = mk_month_day_chip_at (cell, point.x, point.y)) < 0)
    return NULL;

  return g_strdup (mk_calendar_entry_get_id (mk_month_day_get_chip_entry (cell, index)));
}

GdkContentProvider *
mk_month_grid_drag_content_at (MkMonthGrid *self,
                               double       x,
                               double       y)
{
  g_return_val_if_fail (MK_IS_MONTH_GRID (self), NULL);

  return drag_prepare_cb (NULL, x, y, self);
}

GMenuModel *
mk_month_grid_chip_menu (MkMonthGrid *self,
                         const char  *id)
{
  MkMonthDay *cell;
  int index;

  g_return_val_if_fail (MK_IS_MONTH_GRID (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  cell = find_chip (self, id, &index);
  return cell != NULL ? chip_menu (mk_month_day_get_chip_entry (cell, index)) : NULL;
}

gboolean
mk_month_grid_drop_value (MkMonthGrid  *self,
                          const GValue *value,
                          const char   *date)
{
  g_return_val_if_fail (MK_IS_MONTH_GRID (self), FALSE);

  return drop_on_cell (self, cell_for_date (self, date), value);
}
