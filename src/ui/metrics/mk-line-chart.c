/* mk-line-chart.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mk-chart-colors.h"
#include "mk-style-colors.h"
#include "mk-export-format.h"
#include "mk-line-chart.h"

#define LEGEND_HEIGHT 24
#define AXIS_HEIGHT   22
#define PAD           8
#define N_TICKS       4

typedef struct {
  MkPlatform  platform;
  char       *name;
  GArray     *times;   /* gint64 */
  GArray     *values;  /* double */
} Series;

struct _MkLineChart
{
  GtkWidget   parent_instance;

  /* Owned */
  GPtrArray  *series;

  /* The point under the pointer or the keyboard focus; -1 for none. */
  int         sel_series;
  int         sel_point;

  /* Scale of the last allocation, for hit testing. */
  gint64      t_min;
  gint64      t_max;
  double      v_min;
  double      v_max;
  double      v_step;
  graphene_rect_t plot;
};

G_DEFINE_FINAL_TYPE (MkLineChart, mk_line_chart, GTK_TYPE_WIDGET)

static void
series_free (gpointer data)
{
  Series *s = data;

  g_free (s->name);
  g_array_unref (s->times);
  g_array_unref (s->values);
  g_free (s);
}

static double
nice_step (double range)
{
  double raw = range / N_TICKS;
  double magnitude;
  double fraction;

  if (raw <= 0)
    return 1;

  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;

  if (fraction <= 1)
    return magnitude;
  if (fraction <= 2)
    return 2 * magnitude;
  if (fraction <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

static void
compute_scale (MkLineChart *self)
{
  double vmin = G_MAXDOUBLE;
  double vmax = -G_MAXDOUBLE;
  double step;

  self->t_min = G_MAXINT64;
  self->t_max = G_MININT64;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);

      for (guint p = 0; p < s->values->len; p++)
        {
          vmin = MIN (vmin, g_array_index (s->values, double, p));
          vmax = MAX (vmax, g_array_index (s->values, double, p));
          self->t_min = MIN (self->t_min, g_array_index (s->times, gint64, p));
          self->t_max = MAX (self->t_max, g_array_index (s->times, gint64, p));
        }
    }

  if (vmin > vmax)
    {
      vmin = 0;
      vmax = 1;
      self->t_min = 0;
      self->t_max = 1;
    }
  if (self->t_max == self->t_min)
    self->t_max = self->t_min + 1;

  step = nice_step (MAX (vmax - vmin, 1));
  self->v_min = floor (vmin / step) * step;
  self->v_max = ceil (vmax / step) * step;
  if (self->v_max <= self->v_min)
    self->v_max = self->v_min + step;
  self->v_step = step;
}

static double
x_for_time (MkLineChart *self,
            gint64       t)
{
  return self->plot.origin.x +
         self->plot.size.width * (double)(t - self->t_min) / (double)(self->t_max - self->t_min);
}

static double
y_for_value (MkLineChart *self,
             double       v)
{
  return self->plot.origin.y + self->plot.size.height -
         self->plot.size.height * (v - self->v_min) / (self->v_max - self->v_min);
}

static char *
format_date (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (t);

  /* Translators: a short date on a chart axis, see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %b"));
}

static char *
format_point (Series *s,
              guint   p)
{
  double value = g_array_index (s->values, double, p);
  g_autofree char *date = format_date (g_array_index (s->times, gint64, p));
  g_autofree char *count = mk_export_format_count ((gint64) value);

  /* Translators: platform, date: number of followers */
  return g_strdup_printf (ngettext ("%s, %s: %s follower", "%s, %s: %s followers", (gulong) value),
                          s->name, date, count);
}

char *
mk_line_chart_dup_summary (MkLineChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (MK_IS_LINE_CHART (self), NULL);

  if (self->series->len == 0)
    return g_strdup (_("No follower history yet."));

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);
      guint last;
      double first_value;
      double last_value;
      g_autofree char *first_date = NULL;
      g_autofree char *last_date = NULL;
      g_autofree char *first_count = NULL;
      g_autofree char *last_count = NULL;
      g_autofree char *change = NULL;
      gint64 delta;

      if (s->values->len == 0)
        continue;

      last = s->values->len - 1;
      first_value = g_array_index (s->values, double, 0);
      last_value = g_array_index (s->values, double, last);
      first_date = format_date (g_array_index (s->times, gint64, 0));
      last_date = format_date (g_array_index (s->times, gint64, last));
      first_count = mk_export_format_count ((gint64) first_value);
      last_count = mk_export_format_count ((gint64) last_value);
      delta = (gint64) last_value - (gint64) first_value;
      change = mk_export_format_count (ABS (delta));

      if (text->len > 0)
        g_string_append_c (text, ' ');

      if (delta >= 0)
        /* Translators: "Instagram: 41,300 followers on 26 Aug, 48,210 on 24 Nov, up 6,910." */
        g_string_append_printf (text, _("%s: %s followers on %s, %s on %s, up %s."),
                                s->name, first_count, first_date, last_count, last_date, change);
      else
        g_string_append_printf (text, _("%s: %s followers on %s, %s on %s, down %s."),
                                s->name, first_count, first_date, last_count, last_date, change);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_accessible (MkLineChart *self)
{
  g_autofree char *summary = mk_line_chart_dup_summary (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

char *
mk_line_chart_dup_selection_text (MkLineChart *self)
{
  Series *s;

  g_return_val_if_fail (MK_IS_LINE_CHART (self), NULL);

  if (self->sel_series < 0 || (guint)self->sel_series >= self->series->len)
    return NULL;

  s = g_ptr_array_index (self->series, self->sel_series);
  if (self->sel_point < 0 || (guint)self->sel_point >= s->values->len)
    return NULL;

  return format_point (s, self->sel_point);
}

void
mk_line_chart_select (MkLineChart *self,
                      int          series,
                      int          point)
{
  g_return_if_fail (MK_IS_LINE_CHART (self));

  if (series < 0 || (guint)series >= self->series->len)
    {
      series = -1;
      point = -1;
    }
  else
    {
      Series *s = g_ptr_array_index (self->series, series);

      if (s->values->len == 0)
        point = -1;
      else
        point = CLAMP (point, 0, (int)s->values->len - 1);
    }

  if (series == self->sel_series && point == self->sel_point)
    return;

  self->sel_series = series;
  self->sel_point = point;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mk_line_chart_clear (MkLineChart *self)
{
  g_return_if_fail (MK_IS_LINE_CHART (self));

  g_ptr_array_set_size (self->series, 0);
  self->sel_series = self->sel_point = -1;
  compute_scale (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mk_line_chart_add_series (MkLineChart  *self,
                          MkPlatform    platform,
                          const char   *name,
                          const gint64 *times,
                          const double *values,
                          guint         n_points)
{
  Series *s;

  g_return_if_fail (MK_IS_LINE_CHART (self));
  g_return_if_fail (n_points == 0 || (times != NULL && values != NULL));

  s = g_new0 (Series, 1);
  s->platform = platform;
  s->name = g_strdup (name);
  s->times = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_points);
  s->values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_points);
  g_array_append_vals (s->times, times, n_points);
  g_array_append_vals (s->values, values, n_points);
  g_ptr_array_add (self->series, s);

  compute_scale (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
mk_line_chart_get_n_series (MkLineChart *self)
{
  g_return_val_if_fail (MK_IS_LINE_CHART (self), 0);

  return self->series->len;
}

/* Drawing */

static PangoLayout *
make_layout (MkLineChart *self,
             const char  *text,
             gboolean     small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.83));
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

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
axis_label_width (MkLineChart *self)
{
  double widest = 0;

  for (double v = self->v_min; v <= self->v_max + self->v_step / 2; v += self->v_step)
    {
      g_autofree char *text = mk_export_format_count ((gint64) v);
      g_autoptr(PangoLayout) layout = make_layout (self, text, TRUE);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }

  return widest;
}

static void
draw_legend (MkLineChart *self,
             GtkSnapshot *snapshot,
             gboolean     dark,
             GdkRGBA     *fg)
{
  double x = self->plot.origin.x;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);
      g_autoptr(PangoLayout) layout = make_layout (self, s->name, TRUE);
      GdkRGBA color;
      GskRoundedRect dot;
      int w, h;

      mk_chart_platform_color (s->platform, dark, &color);
      pango_layout_get_pixel_size (layout, &w, &h);

      gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x, (LEGEND_HEIGHT - 10) / 2.0, 10, 10), 5);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, &color, &dot.bounds);
      gtk_snapshot_pop (snapshot);

      draw_text (snapshot, layout, x + 14, (LEGEND_HEIGHT - h) / 2.0, fg);
      x += 14 + w + 16;
    }
}

static void
draw_axes (MkLineChart *self,
           GtkSnapshot *snapshot,
           GdkRGBA     *fg)
{
  GdkRGBA grid = *fg;
  GdkRGBA dim = *fg;
  gint64 t_mid = self->t_min + (self->t_max - self->t_min) / 2;
  gint64 ticks[] = { self->t_min, t_mid, self->t_max };

  grid.alpha = 0.12;
  dim.alpha = 0.7;

  /* Grid lines at round numbers: nice_step() gives 3 to 8 of them. */
  for (double v = self->v_min; v <= self->v_max + self->v_step / 2; v += self->v_step)
    {
      double y = round (y_for_value (self, v));
      g_autofree char *text = mk_export_format_count ((gint64) v);
      g_autoptr(PangoLayout) layout = make_layout (self, text, TRUE);
      int w, h;

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (self->plot.origin.x, y, self->plot.size.width, 1));
      pango_layout_get_pixel_size (layout, &w, &h);
      draw_text (snapshot, layout, self->plot.origin.x - PAD - w, y - h / 2.0, &dim);
    }

  for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
    {
      g_autofree char *text = format_date (ticks[i]);
      g_autoptr(PangoLayout) layout = make_layout (self, text, TRUE);
      double x = x_for_time (self, ticks[i]);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      x = CLAMP (x - w / 2.0, self->plot.origin.x - PAD, self->plot.origin.x + self->plot.size.width - w);
      draw_text (snapshot, layout, x, self->plot.origin.y + self->plot.size.height + 4, &dim);
    }
}

static void
draw_series (MkLineChart *self,
             GtkSnapshot *snapshot,
             gboolean     dark)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);
      GdkRGBA color;

      mk_chart_platform_color (s->platform, dark, &color);
      gdk_cairo_set_source_rgba (cr, &color);

      for (guint p = 0; p < s->values->len; p++)
        {
          double x = x_for_time (self, g_array_index (s->times, gint64, p));
          double y = y_for_value (self, g_array_index (s->values, double, p));

          if (p == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }

      if (s->values->len == 1)
        cairo_rel_line_to (cr, 0.01, 0);

      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

static void
draw_selection (MkLineChart *self,
                GtkSnapshot *snapshot,
                gboolean     dark,
                GdkRGBA     *fg)
{
  Series *s = g_ptr_array_index (self->series, self->sel_series);
  double x = x_for_time (self, g_array_index (s->times, gint64, self->sel_point));
  double y = y_for_value (self, g_array_index (s->values, double, self->sel_point));
  g_autofree char *text = format_point (s, self->sel_point);
  g_autoptr(PangoLayout) layout = make_layout (self, text, FALSE);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  GdkRGBA guide = *fg;
  GdkRGBA color;
  GdkRGBA bubble;
  GdkRGBA border = *fg;
  GskRoundedRect dot;
  GskRoundedRect box;
  float border_width[4] = { 1, 1, 1, 1 };
  GdkRGBA border_color[4];
  double bx, by;
  int w, h;

  guide.alpha = 0.35;
  border.alpha = 0.15;
  for (int i = 0; i < 4; i++)
    border_color[i] = border;
  gdk_rgba_parse (&bubble, dark ? "#383838" : "#ffffff");
  mk_chart_platform_color (s->platform, dark, &color);

  gtk_snapshot_append_color (snapshot, &guide,
                             &GRAPHENE_RECT_INIT (round (x), self->plot.origin.y, 1, self->plot.size.height));

  gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x - 5, y - 5, 10, 10), 5);
  gtk_snapshot_push_rounded_clip (snapshot, &dot);
  gtk_snapshot_append_color (snapshot, &color, &dot.bounds);
  gtk_snapshot_pop (snapshot);

  pango_layout_get_pixel_size (layout, &w, &h);
  bx = CLAMP (x - (w + 16) / 2.0, 0, MAX (0, width - w - 16));
  by = y - h - 8 - 14;
  if (by < self->plot.origin.y)
    by = y + 14;

  gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (bx, by, w + 16, h + 8), 6);
  gtk_snapshot_push_rounded_clip (snapshot, &box);
  gtk_snapshot_append_color (snapshot, &bubble, &box.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &box, border_width, border_color);
  draw_text (snapshot, layout, bx + 8, by + 4, fg);
}

static void
mk_line_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  MkLineChart *self = MK_LINE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = mk_style_is_dark (widget);
  double left;
  GdkRGBA fg;

  mk_style_foreground (widget, &fg);

  if (self->series->len == 0)
    return;

  left = axis_label_width (self) + 2 * PAD;
  self->plot = GRAPHENE_RECT_INIT (left, LEGEND_HEIGHT + PAD,
                                   MAX (1, width - left - PAD),
                                   MAX (1, height - LEGEND_HEIGHT - PAD - AXIS_HEIGHT));

  draw_legend (self, snapshot, dark, &fg);
  draw_axes (self, snapshot, &fg);
  draw_series (self, snapshot, dark);

  if (self->sel_series >= 0 && self->sel_point >= 0)
    draw_selection (self, snapshot, dark, &fg);

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
      gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 8);
      gtk_snapshot_append_border (snapshot, &ring, w, c);
    }
}

static void
mk_line_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
    }
  else
    {
      *minimum = 180;
      *natural = 240;
    }
}

/* Input */

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           MkLineChart              *self)
{
  double best = G_MAXDOUBLE;
  int best_series = -1;
  int best_point = -1;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = g_ptr_array_index (self->series, i);

      for (guint p = 0; p < s->values->len; p++)
        {
          double dx = x_for_time (self, g_array_index (s->times, gint64, p)) - x;
          double dy = y_for_value (self, g_array_index (s->values, double, p)) - y;
          /* Horizontal distance matters most: the pointer follows time. */
          double d = dx * dx * 4 + dy * dy;

          if (d < best)
            {
              best = d;
              best_series = i;
              best_point = p;
            }
        }
    }

  mk_line_chart_select (self, best_series, best_point);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          MkLineChart              *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    mk_line_chart_select (self, -1, -1);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                MkLineChart           *self)
{
  int series = MAX (self->sel_series, 0);
  int point = self->sel_point;
  Series *s;

  if (self->series->len == 0)
    return FALSE;

  s = g_ptr_array_index (self->series, series);
  if (point < 0)
    point = (int)s->values->len - 1;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      point = MAX (point - 1, 0);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      point = point + 1;
      break;
    case GDK_KEY_Home:
      point = 0;
      break;
    case GDK_KEY_End:
      point = G_MAXINT / 2;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      series = (series + self->series->len - 1) % self->series->len;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      series = (series + 1) % self->series->len;
      break;
    default:
      return FALSE;
    }

  mk_line_chart_select (self, series, point);
  return TRUE;
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                MkLineChart             *self)
{
  if (self->sel_series < 0 && self->series->len > 0)
    {
      Series *s = g_ptr_array_index (self->series, 0);

      mk_line_chart_select (self, 0, (int)s->values->len - 1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                MkLineChart             *self)
{
  mk_line_chart_select (self, -1, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
mk_line_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (mk_line_chart_parent_class)->css_changed (widget, change);

  /* Colours follow the style; the dark variant comes with a CSS change. */
  gtk_widget_queue_draw (widget);
}

static void
mk_line_chart_finalize (GObject *object)
{
  MkLineChart *self = (MkLineChart *)object;

  g_clear_pointer (&self->series, g_ptr_array_unref);

  G_OBJECT_CLASS (mk_line_chart_parent_class)->finalize (object);
}

static void
mk_line_chart_class_init (MkLineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mk_line_chart_finalize;

  widget_class->snapshot = mk_line_chart_snapshot;
  widget_class->measure = mk_line_chart_measure;
  widget_class->css_changed = mk_line_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "linechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mk_line_chart_init (MkLineChart *self)
{
  GtkEventController *controller;

  self->series = g_ptr_array_new_with_free_func (series_free);
  self->sel_series = self->sel_point = -1;

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
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Follower history"),
                                  -1);
  compute_scale (self);
  update_accessible (self);
}

GtkWidget *
mk_line_chart_new (void)
{
  return g_object_new (MK_TYPE_LINE_CHART, NULL);
}
