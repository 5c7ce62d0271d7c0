/* mk-month-day.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-entry-icon.h"
#include "mk-style-colors.h"
#include "mk-time.h"
#include "mk-month-day.h"

/* Entries kept for drawing: a cell is never tall enough for more. */
#define MAX_KEPT 8
/* Chips a cell asks room for; a taller cell shows more, a shorter fewer. */
#define NATURAL_CHIPS 3
#define CHIP_SPACING 2
#define CHIP_PAD_X 3
#define CHIP_RADIUS 4
#define ICON_SIZE 16
/* Below this width a chip is its icon alone: two letters of a brand say
 * less than the platform's icon. */
#define NARROW_WIDTH 56
/* Below this width the time goes: the brand says more in a few letters. */
#define TIMELESS_WIDTH 130

typedef struct {
  MkCalendarEntry *entry;
  char            *text;
  char            *short_text;
  char            *description;
  const char      *icon_name;
  guint            upload : 1;
  guint            completed : 1;
  guint            overdue : 1;
} Chip;

struct _MkMonthDay
{
  GtkWidget  parent_instance;

  /* Owned */
  GArray    *chips;
  char      *date;

  guint      n_entries;
  guint      day_number;
  guint      n_visible;
  int        number_height;
  int        chip_height;
  int        more_height;

  guint      metrics_valid : 1;
  guint      other_month : 1;
  guint      today : 1;
  guint      selected : 1;
};

G_DEFINE_FINAL_TYPE (MkMonthDay, mk_month_day, GTK_TYPE_WIDGET)

static void
chip_clear (gpointer data)
{
  Chip *chip = data;

  g_clear_object (&chip->entry);
  g_clear_pointer (&chip->text, g_free);
  g_clear_pointer (&chip->short_text, g_free);
  g_clear_pointer (&chip->description, g_free);
}

/* ------------------------------------------------------------------ */
/* Colours and fonts                                                   */

/* Adwaita's named colours a day cell draws with, light and dark, taken
 * once per drawing: the chips have no CSS node to take them from. */
typedef struct {
  GdkRGBA fg;
  GdkRGBA symbolic[4];  /* foreground, error, warning, success */
  GdkRGBA error;
  GdkRGBA accent;
} Colors;

static void
get_colors (GtkWidget *widget,
            Colors    *out)
{
  gboolean dark = mk_style_is_dark (widget);

  mk_style_foreground (widget, &out->fg);
  gdk_rgba_parse (&out->error, dark ? "#ff7b63" : "#c01c28");
  gdk_rgba_parse (&out->accent, dark ? "#78aeed" : "#1c71d8");
  out->symbolic[0] = out->fg;
  out->symbolic[1] = out->error;
  gdk_rgba_parse (&out->symbolic[2], dark ? "#f8e45c" : "#9c6e03");
  gdk_rgba_parse (&out->symbolic[3], dark ? "#8ff0a4" : "#1b8553");
}

/* The chips' text is a step smaller than the cell's, as CSS "smaller",
 * and bold, as a button's. Every size and weight is a font set pango sorts
 * the system's fonts for (some 5 ms each here): the cell uses two. */
static PangoLayout *
make_layout (MkMonthDay *self,
             const char *text,
             gboolean    small,
             gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (small || bold)
    {
      const PangoFontDescription *base =
        pango_context_get_font_description (pango_layout_get_context (layout));
      g_autoptr(PangoFontDescription) desc = pango_font_description_copy (base);

      if (small)
        {
          int size = pango_font_description_get_size (desc);

          if (pango_font_description_get_size_is_absolute (desc))
            pango_font_description_set_absolute_size (desc, size / 1.2);
          else
            pango_font_description_set_size (desc, (int)(size / 1.2));
        }
      if (bold)
        pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, desc);
    }

  return layout;
}

static int
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* Heights of the number line, a chip and the "+N more" line, from the
 * widget's font, so they follow text scaling; measured again only when
 * the style or the font settings change, not at every measure. */
static void
update_metrics (MkMonthDay *self)
{
  g_autoptr(PangoLayout) number = NULL;
  g_autoptr(PangoLayout) small = NULL;
  int small_height;

  if (self->metrics_valid)
    return;

  number = make_layout (self, "0", FALSE, FALSE);
  small = make_layout (self, "0", TRUE, TRUE);
  small_height = layout_height (small);
  self->metrics_valid = TRUE;

  self->number_height = layout_height (number);
  self->chip_height = MAX (small_height, ICON_SIZE) + 2;
  self->more_height = small_height;
}

static char *
more_text (guint n)
{
  /* Translators: shown in a day cell when more entries than fit */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", n), n);
}

/* How many chips fit in @height, leaving room for "+N more" when not all
 * of them do. */
static guint
chips_that_fit (MkMonthDay *self,
                int         height)
{
  guint kept = self->chips->len;
  int room = height - self->number_height;
  guint n = 0;

  while (n < kept && room >= CHIP_SPACING + self->chip_height)
    {
      room -= CHIP_SPACING + self->chip_height;
      n++;
    }

  if (n < self->n_entries)
    {
      /* The "+N more" line takes the place of chips until it fits. */
      while (n > 0 && room < CHIP_SPACING + self->more_height)
        {
          room += CHIP_SPACING + self->chip_height;
          n--;
        }
    }

  return n;
}

static void
chip_rect (MkMonthDay      *self,
           guint            index,
           graphene_rect_t *out_rect)
{
  float y = self->number_height + CHIP_SPACING + index * (self->chip_height + CHIP_SPACING);

  graphene_rect_init (out_rect, 0, y, gtk_widget_get_width (GTK_WIDGET (self)), self->chip_height);
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

static void
snapshot_icon (MkMonthDay    *self,
               GtkSnapshot   *snapshot,
               const char    *icon_name,
               float          x,
               float          y,
               const GdkRGBA *colors)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = NULL;

  icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, ICON_SIZE,
                                     gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);
  if (icon == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            ICON_SIZE, ICON_SIZE, colors, 4);
  gtk_snapshot_restore (snapshot);
}

/* One chip with its top-left corner at the origin of @snapshot. */
static void
snapshot_chip (MkMonthDay   *self,
               GtkSnapshot  *snapshot,
               const Chip   *chip,
               float         width,
               const Colors *colors)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (0, 0, width, self->chip_height);
  GdkRGBA symbolic[4];
  GskRoundedRect outline;
  GdkRGBA tint, fg;
  float icon_x = CHIP_PAD_X;
  float icon_y = (self->chip_height - ICON_SIZE) / 2.0f;

  /* Adwaita's purple 3 and blue 3, as the chips' CSS had them. */
  gdk_rgba_parse (&tint, chip->upload ? "#3584e4" : "#9141ac");
  tint.alpha = 0.25;
  fg = chip->overdue ? colors->error : colors->fg;
  memcpy (symbolic, colors->symbolic, sizeof symbolic);
  symbolic[0] = fg;

  if (chip->completed)
    gtk_snapshot_push_opacity (snapshot, 0.7);

  gsk_rounded_rect_init_from_rect (&outline, &rect, CHIP_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &tint, &rect);
  gtk_snapshot_pop (snapshot);

  if (width < NARROW_WIDTH)
    icon_x = MAX (0, (width - ICON_SIZE) / 2.0f);
  snapshot_icon (self, snapshot, chip->icon_name, icon_x, icon_y, symbolic);

  if (width >= NARROW_WIDTH)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, width < TIMELESS_WIDTH ? chip->short_text : chip->text,
                                                   TRUE, TRUE);
      float text_x = CHIP_PAD_X + ICON_SIZE + 4;
      int text_width = MAX (1, (int)(width - text_x - CHIP_PAD_X));
      int text_height;

      pango_layout_set_width (layout, text_width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      text_height = layout_height (layout);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (text_x, 0, text_width, self->chip_height));
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (text_x, (self->chip_height - text_height) / 2.0f));
      gtk_snapshot_append_layout (snapshot, layout, &fg);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_restore (snapshot);
    }

  if (chip->completed)
    gtk_snapshot_pop (snapshot);
}

static void
mk_month_day_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  MkMonthDay *self = MK_MONTH_DAY (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  g_autofree char *number_text = g_strdup_printf ("%u", self->day_number);
  g_autoptr(PangoLayout) number = make_layout (self, number_text, FALSE, self->today);
  Colors colors;
  GdkRGBA fg;

  if (self->day_number == 0)
    return;

  get_colors (widget, &colors);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  fg = self->today ? colors.accent : colors.fg;
  if (self->other_month)
    fg.alpha *= 0.45;
  gtk_snapshot_append_layout (snapshot, number, &fg);

  for (guint i = 0; i < self->n_visible; i++)
    {
      graphene_rect_t rect;

      chip_rect (self, i, &rect);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &rect.origin);
      snapshot_chip (self, snapshot, &g_array_index (self->chips, Chip, i), width, &colors);
      gtk_snapshot_restore (snapshot);
    }

  if (self->n_entries > self->n_visible)
    {
      g_autofree char *text = more_text (self->n_entries - self->n_visible);
      g_autoptr(PangoLayout) more = make_layout (self, text, TRUE, TRUE);
      float y = self->number_height + CHIP_SPACING + self->n_visible * (self->chip_height + CHIP_SPACING);

      pango_layout_set_width (more, MAX (1, (int)width - CHIP_PAD_X) * PANGO_SCALE);
      pango_layout_set_ellipsize (more, PANGO_ELLIPSIZE_END);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (CHIP_PAD_X, y));
      gtk_snapshot_append_layout (snapshot, more, &colors.fg);
      gtk_snapshot_restore (snapshot);
    }

  gtk_snapshot_pop (snapshot);
}

/* ------------------------------------------------------------------ */
/* Size                                                                */

static void
mk_month_day_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  MkMonthDay *self = MK_MONTH_DAY (widget);

  update_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = ICON_SIZE + 2 * CHIP_PAD_X;
      *natural = 80;
      return;
    }

  /* A cell can shrink to its number: what does not fit is "+N more". */
  *minimum = self->number_height;
  *natural = self->number_height;
  if (self->n_entries > 0)
    {
      guint chips = MIN (self->n_entries, NATURAL_CHIPS);

      *natural += chips * (CHIP_SPACING + self->chip_height);
      if (self->n_entries > chips)
        *natural += CHIP_SPACING + self->more_height;
    }
}

static void
mk_month_day_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  MkMonthDay *self = MK_MONTH_DAY (widget);

  update_metrics (self);
  self->n_visible = chips_that_fit (self, height);

  /* The chip menus are popovers of the cell. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static void
mk_month_day_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  MK_MONTH_DAY (widget)->metrics_valid = FALSE;
  GTK_WIDGET_CLASS (mk_month_day_parent_class)->css_changed (widget, change);
}

static void
mk_month_day_system_setting_changed (GtkWidget        *widget,
                                     GtkSystemSetting  setting)
{
  MK_MONTH_DAY (widget)->metrics_valid = FALSE;
  GTK_WIDGET_CLASS (mk_month_day_parent_class)->system_setting_changed (widget, setting);
}

static gboolean
mk_month_day_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  MkMonthDay *self = MK_MONTH_DAY (widget);
  int index = keyboard_mode ? -1 : mk_month_day_chip_at (self, x, y);

  if (index < 0)
    return FALSE;

  gtk_tooltip_set_text (tooltip, g_array_index (self->chips, Chip, index).description);
  return TRUE;
}

static void
mk_month_day_dispose (GObject *object)
{
  MkMonthDay *self = (MkMonthDay *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mk_month_day_parent_class)->dispose (object);
}

static void
mk_month_day_finalize (GObject *object)
{
  MkMonthDay *self = (MkMonthDay *)object;

  g_clear_pointer (&self->chips, g_array_unref);
  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (mk_month_day_parent_class)->finalize (object);
}

static void
mk_month_day_class_init (MkMonthDayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_month_day_dispose;
  object_class->finalize = mk_month_day_finalize;

  widget_class->measure = mk_month_day_measure;
  widget_class->size_allocate = mk_month_day_size_allocate;
  widget_class->snapshot = mk_month_day_snapshot;
  widget_class->query_tooltip = mk_month_day_query_tooltip;
  widget_class->css_changed = mk_month_day_css_changed;
  widget_class->system_setting_changed = mk_month_day_system_setting_changed;

  gtk_widget_class_set_css_name (widget_class, "monthday");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
mk_month_day_init (MkMonthDay *self)
{
  self->chips = g_array_new (FALSE, TRUE, sizeof (Chip));
  g_array_set_clear_func (self->chips, chip_clear);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "day-cell");
}

/* ------------------------------------------------------------------ */
/* API                                                                 */

GtkWidget *
mk_month_day_new (void)
{
  return g_object_new (MK_TYPE_MONTH_DAY, NULL);
}

void
mk_month_day_set_day (MkMonthDay  *self,
                      const GDate *day,
                      gboolean     other_month,
                      gboolean     today)
{
  char label[64];

  g_return_if_fail (MK_IS_MONTH_DAY (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  g_free (self->date);
  self->date = mk_time_format_gdate (day);
  self->day_number = g_date_get_day (day);
  self->other_month = !!other_month;
  self->today = !!today;

  if (other_month)
    gtk_widget_add_css_class (GTK_WIDGET (self), "other-month");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "other-month");
  if (today)
    gtk_widget_add_css_class (GTK_WIDGET (self), "today");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "today");

  /* Translators: a day cell's accessible name, e.g. "Tuesday 1 December 2026";
   * strftime format, %-d is the day of the month without padding */
  g_date_strftime (label, sizeof label, C_("calendar day name", "%A %-d %B %Y"), day);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
mk_month_day_get_date (MkMonthDay *self)
{
  g_return_val_if_fail (MK_IS_MONTH_DAY (self), NULL);

  return self->date;
}

void
mk_month_day_clear_entries (MkMonthDay *self)
{
  g_return_if_fail (MK_IS_MONTH_DAY (self));

  g_array_set_size (self->chips, 0);
  self->n_entries = 0;
}

void
mk_month_day_add_entry (MkMonthDay      *self,
                        MkCalendarEntry *entry,
                        gboolean         overdue)
{
  Chip chip = { 0 };
  const char *time;
  gboolean shoot;

  g_return_if_fail (MK_IS_MONTH_DAY (self));
  g_return_if_fail (MK_IS_CALENDAR_ENTRY (entry));

  self->n_entries++;
  if (self->chips->len >= MAX_KEPT)
    return;

  time = mk_calendar_entry_get_time (entry);
  shoot = mk_calendar_entry_get_entry_type (entry) == MK_ENTRY_TYPE_SHOOT;
  chip.entry = g_object_ref (entry);
  chip.upload = !shoot;
  chip.completed = mk_calendar_entry_get_status (entry) == MK_ENTRY_STATUS_COMPLETED;
  chip.overdue = !!overdue;
  chip.icon_name = mk_entry_icon_name (entry);
  chip.text = g_strdup_printf ("%s%s%s%s", chip.completed ? "✓ " : "",
                               time != NULL ? time : "", time != NULL ? " " : "",
                               mk_calendar_entry_get_brand_name (entry));
  chip.short_text = g_strdup_printf ("%s%s", chip.completed ? "✓ " : "",
                                     mk_calendar_entry_get_brand_name (entry));
  /* Translators: e.g. "Upload, Acme, 18:00, YouTube, overdue" — what a
   * screen reader says for an entry of a day cell */
  chip.description = g_strdup_printf ("%s, %s%s%s%s%s%s",
                                      mk_entry_type_get_display_name (mk_calendar_entry_get_entry_type (entry)),
                                      mk_calendar_entry_get_brand_name (entry),
                                      time != NULL ? ", " : "", time != NULL ? time : "",
                                      chip.upload ? ", " : "",
                                      chip.upload ? mk_platform_get_display_name (mk_calendar_entry_get_platform (entry)) : "",
                                      chip.completed ? _(", completed") : chip.overdue ? _(", overdue") : "");
  g_array_append_val (self->chips, chip);
}

/* After the last mk_month_day_add_entry(): what a screen reader says of
 * the day, and a new size. */
void
mk_month_day_entries_done (MkMonthDay *self)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (MK_IS_MONTH_DAY (self));

  if (self->n_entries == 0)
    {
      g_string_append (description, _("Nothing planned"));
    }
  else
    {
      g_string_append_printf (description,
                              /* Translators: a day cell's accessible description,
                               * followed by its first entries */
                              g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", self->n_entries),
                              self->n_entries);
      for (guint i = 0; i < self->chips->len && i < NATURAL_CHIPS; i++)
        g_string_append_printf (description, "; %s", g_array_index (self->chips, Chip, i).description);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
mk_month_day_get_n_entries (MkMonthDay *self)
{
  g_return_val_if_fail (MK_IS_MONTH_DAY (self), 0);

  return self->n_entries;
}

void
mk_month_day_set_selected (MkMonthDay *self,
                           gboolean    selected)
{
  g_return_if_fail (MK_IS_MONTH_DAY (self));

  selected = !!selected;
  if (self->selected == (guint)selected)
    return;

  self->selected = selected;
  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (self), "selected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "selected");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
}

/* The index of the chip drawn at (@x, @y), in the cell's coordinates, or
 * -1 over the number, "+N more" or empty space. */
int
mk_month_day_chip_at (MkMonthDay *self,
                      double      x,
                      double      y)
{
  g_return_val_if_fail (MK_IS_MONTH_DAY (self), -1);

  for (guint i = 0; i < self->n_visible; i++)
    {
      graphene_rect_t rect;

      chip_rect (self, i, &rect);
      if (graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
        return i;
    }

  return -1;
}

/* The index of the visible chip of the entry @id, or -1. */
int
mk_month_day_find_chip (MkMonthDay *self,
                        const char *id)
{
  g_return_val_if_fail (MK_IS_MONTH_DAY (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < self->n_visible; i++)
    if (g_strcmp0 (mk_calendar_entry_get_id (g_array_index (self->chips, Chip, i).entry), id) == 0)
      return i;

  return -1;
}

MkCalendarEntry *
mk_month_day_get_chip_entry (MkMonthDay *self,
                             guint       index)
{
  g_return_val_if_fail (MK_IS_MONTH_DAY (self), NULL);

  if (index >= self->n_visible)
    return NULL;

  return g_array_index (self->chips, Chip, index).entry;
}

gboolean
mk_month_day_get_chip_bounds (MkMonthDay      *self,
                              guint            index,
                              graphene_rect_t *out_bounds)
{
  g_return_val_if_fail (MK_IS_MONTH_DAY (self), FALSE);
  g_return_val_if_fail (out_bounds != NULL, FALSE);

  if (index >= self->n_visible)
    return FALSE;

  chip_rect (self, index, out_bounds);
  return TRUE;
}

/* The chip as a picture, for the drag icon. */
GdkPaintable *
mk_month_day_chip_paintable (MkMonthDay *self,
                             guint       index)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  Colors colors;
  float width;

  g_return_val_if_fail (MK_IS_MONTH_DAY (self), NULL);

  if (index >= self->n_visible)
    return NULL;

  get_colors (GTK_WIDGET (self), &colors);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  snapshot = gtk_snapshot_new ();
  snapshot_chip (self, snapshot, &g_array_index (self->chips, Chip, index), width, &colors);
  return gtk_snapshot_free_to_paintable (g_steal_pointer (&snapshot),
                                         &GRAPHENE_SIZE_INIT (width, self->chip_height));
}
