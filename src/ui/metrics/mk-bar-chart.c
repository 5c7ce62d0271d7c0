/* mk-bar-chart.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-bar-chart.h"
#include "mk-chart-colors.h"
#include "mk-style-colors.h"

#define ROW_HEIGHT  32
#define BAR_HEIGHT  18
#define PAD         8

typedef struct {
  MkPlatform  platform;
  char       *name;
  double      value;
  char       *value_text;
  char       *detail;
} Bar;

struct _MkBarChart
{
  GtkWidget  parent_instance;

  /* Owned */
  GArray    *bars;   /* Bar */

  int        selected;
};

G_DEFINE_FINAL_TYPE (MkBarChart, mk_bar_chart, GTK_TYPE_WIDGET)

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->name);
  g_free (bar->value_text);
  g_free (bar->detail);
}

char *
mk_bar_chart_dup_summary (MkBarChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (MK_IS_BAR_CHART (self), NULL);

  if (self->bars->len == 0)
    return g_strdup (_("No engagement figures yet."));

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* Translators: "Instagram: 4.6%." in the engagement chart's text alternative */
      g_string_append_printf (text, _("%s: %s."), bar->name, bar->value_text);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_accessible (MkBarChart *self)
{
  g_autofree char *summary = mk_bar_chart_dup_summary (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

void
mk_bar_chart_clear (MkBarChart *self)
{
  g_return_if_fail (MK_IS_BAR_CHART (self));

  g_array_set_size (self->bars, 0);
  self->selected = -1;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
mk_bar_chart_add_bar (MkBarChart *self,
                      MkPlatform  platform,
                      const char *name,
                      double      value,
                      const char *value_text,
                      const char *detail)
{
  Bar bar = { 0 };

  g_return_if_fail (MK_IS_BAR_CHART (self));

  bar.platform = platform;
  bar.name = g_strdup (name);
  bar.value = value;
  bar.value_text = g_strdup (value_text);
  bar.detail = g_strdup (detail);
  g_array_append_val (self->bars, bar);

  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
mk_bar_chart_get_n_bars (MkBarChart *self)
{
  g_return_val_if_fail (MK_IS_BAR_CHART (self), 0);

  return self->bars->len;
}

void
mk_bar_chart_select (MkBarChart *self,
                     int         bar)
{
  g_return_if_fail (MK_IS_BAR_CHART (self));

  if (bar < 0 || (guint)bar >= self->bars->len)
    bar = -1;

  if (bar == self->selected)
    return;

  self->selected = bar;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

char *
mk_bar_chart_dup_selection_text (MkBarChart *self)
{
  Bar *bar;

  g_return_val_if_fail (MK_IS_BAR_CHART (self), NULL);

  if (self->selected < 0)
    return NULL;

  bar = &g_array_index (self->bars, Bar, self->selected);
  if (bar->detail == NULL)
    return g_strdup_printf (_("%s: %s"), bar->name, bar->value_text);

  /* Translators: "Instagram: 4.6% — median of the last 12 posts, …" */
  return g_strdup_printf (_("%s: %s — %s"), bar->name, bar->value_text, bar->detail);
}

static PangoLayout *
make_layout (MkBarChart *self,
             const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           double         x,
           double         y,
           const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static double
label_column_width (MkBarChart *self)
{
  int widest = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, g_array_index (self->bars, Bar, i).name);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }

  return widest + 2 * PAD;
}

static double
max_value (MkBarChart *self)
{
  double max = 0;

  for (guint i = 0; i < self->bars->len; i++)
    max = MAX (max, g_array_index (self->bars, Bar, i).value);

  return max > 0 ? max : 1;
}

static void
mk_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  MkBarChart *self = MK_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  gboolean dark = mk_style_is_dark (widget);
  double left = label_column_width (self);
  double vmax = max_value (self);
  double value_room = 72;
  double bar_room = MAX (1, width - left - value_room - PAD);
  GdkRGBA fg;
  GdkRGBA track;
  GdkRGBA highlight;

  mk_style_foreground (widget, &fg);
  track = fg;
  track.alpha = 0.08;
  highlight = fg;
  highlight.alpha = 0.06;

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      double y = i * ROW_HEIGHT;
      double bar_y = y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
      double bar_w = MAX (2, bar_room * MAX (bar->value, 0) / vmax);
      g_autoptr(PangoLayout) name = make_layout (self, bar->name);
      g_autoptr(PangoLayout) value = make_layout (self, bar->value_text);
      GskRoundedRect rect;
      GdkRGBA color;
      int w, h;

      if ((int)i == self->selected)
        {
          gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (0, y, width, ROW_HEIGHT), 6);
          gtk_snapshot_push_rounded_clip (snapshot, &rect);
          gtk_snapshot_append_color (snapshot, &highlight, &rect.bounds);
          gtk_snapshot_pop (snapshot);
        }

      pango_layout_get_pixel_size (name, &w, &h);
      draw_text (snapshot, name, left - PAD - w, y + (ROW_HEIGHT - h) / 2.0, &fg);

      gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (left, bar_y, bar_room, BAR_HEIGHT), 4);
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, &track, &rect.bounds);
      gtk_snapshot_pop (snapshot);

      mk_chart_platform_color (bar->platform, dark, &color);
      gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (left, bar_y, bar_w, BAR_HEIGHT), 4);
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, &color, &rect.bounds);
      gtk_snapshot_pop (snapshot);

      pango_layout_get_pixel_size (value, &w, &h);
      draw_text (snapshot, value, left + bar_room + PAD, y + (ROW_HEIGHT - h) / 2.0, &fg);
    }

  if (self->selected >= 0 || self->bars->len > 0)
    {
      g_autofree char *text = self->selected >= 0
                              ? mk_bar_chart_dup_selection_text (self)
                              : g_strdup (_("Point at a bar, or focus the chart and use the arrow keys, to see how its rate is found."));
      g_autoptr(PangoLayout) layout = make_layout (self, text);
      GdkRGBA dim = fg;

      dim.alpha = 0.75;
      pango_layout_set_width (layout, MAX (1, width - 2 * PAD) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      draw_text (snapshot, layout, PAD, self->bars->len * ROW_HEIGHT + PAD, &dim);
    }

  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect ring;
      float w[4] = { 2, 2, 2, 2 };
      GdkRGBA c[4];
      GdkRGBA accent;

      gdk_rgba_parse (&accent, dark ? "#78aeed" : "#1c71d8");
      accent.alpha = 0.5;
      for (int i = 0; i < 4; i++)
        c[i] = accent;
      gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (1, 1, width - 2, gtk_widget_get_height (widget) - 2), 8);
      gtk_snapshot_append_border (snapshot, &ring, w, c);
    }
}

static void
mk_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  MkBarChart *self = MK_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    {
      /* Room below the bars for the two lines of the selected bar's detail. */
      *minimum = *natural = self->bars->len * ROW_HEIGHT + 3 * ROW_HEIGHT / 2 + PAD;
    }
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           MkBarChart               *self)
{
  int row = (int)(y / ROW_HEIGHT);

  mk_bar_chart_select (self, row < (int)self->bars->len ? row : -1);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          MkBarChart               *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    mk_bar_chart_select (self, -1);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                MkBarChart            *self)
{
  int n = self->bars->len;
  int selected = self->selected;

  if (n == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      selected = selected <= 0 ? 0 : selected - 1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      selected = MIN (selected + 1, n - 1);
      break;
    case GDK_KEY_Home:
      selected = 0;
      break;
    case GDK_KEY_End:
      selected = n - 1;
      break;
    default:
      return FALSE;
    }

  mk_bar_chart_select (self, selected);
  return TRUE;
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                MkBarChart              *self)
{
  if (self->selected < 0)
    mk_bar_chart_select (self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                MkBarChart              *self)
{
  mk_bar_chart_select (self, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
mk_bar_chart_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (mk_bar_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
mk_bar_chart_finalize (GObject *object)
{
  MkBarChart *self = (MkBarChart *)object;

  g_clear_pointer (&self->bars, g_array_unref);

  G_OBJECT_CLASS (mk_bar_chart_parent_class)->finalize (object);
}

static void
mk_bar_chart_class_init (MkBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mk_bar_chart_finalize;

  widget_class->snapshot = mk_bar_chart_snapshot;
  widget_class->measure = mk_bar_chart_measure;
  widget_class->css_changed = mk_bar_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mk_bar_chart_init (MkBarChart *self)
{
  GtkEventController *controller;

  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  self->selected = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Engagement rate by platform"),
                                  -1);
  update_accessible (self);
}

GtkWidget *
mk_bar_chart_new (void)
{
  return g_object_new (MK_TYPE_BAR_CHART, NULL);
}
