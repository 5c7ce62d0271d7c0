/* mk-media-grid.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include "mk-media-grid.h"

/* A tile (mk-media-tile.ui) and the padding of its grid cell. */
#define PITCH       144
#define MIN_COLUMNS 2
#define MAX_COLUMNS 5

struct _MkMediaGrid
{
  GtkWidget    parent_instance;

  /* Borrowed: our only child */
  GtkGridView *grid;

  guint        columns;
  guint        columns_id;
};

static void mk_media_grid_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MkMediaGrid, mk_media_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, mk_media_grid_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static guint
columns_for_width (int width)
{
  return CLAMP (width / PITCH, MIN_COLUMNS, MAX_COLUMNS);
}

static guint
n_items (MkMediaGrid *self)
{
  GtkSelectionModel *model = self->grid != NULL ? gtk_grid_view_get_model (self->grid) : NULL;

  return model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}

static GtkSizeRequestMode
mk_media_grid_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
mk_media_grid_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  MkMediaGrid *self = MK_MEDIA_GRID (widget);

  *minimum = *natural = 0;
  if (self->grid == NULL)
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_COLUMNS * PITCH;
      *natural = MAX_COLUMNS * PITCH;
    }
  else
    {
      guint columns = columns_for_width (for_size < 0 ? MAX_COLUMNS * PITCH : for_size);
      guint rows = (n_items (self) + columns - 1) / columns;

      *minimum = *natural = rows * PITCH;
    }
}

static gboolean
apply_columns_cb (gpointer data)
{
  MkMediaGrid *self = data;

  self->columns_id = 0;
  if (self->grid != NULL)
    {
      gtk_grid_view_set_min_columns (self->grid, self->columns);
      gtk_grid_view_set_max_columns (self->grid, self->columns);
    }

  return G_SOURCE_REMOVE;
}

static void
mk_media_grid_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  MkMediaGrid *self = MK_MEDIA_GRID (widget);
  guint columns = columns_for_width (width);

  if (self->grid == NULL)
    return;

  gtk_widget_allocate (GTK_WIDGET (self->grid), width, height, baseline, NULL);

  /* Not during the allocation: that would resize what is being laid out. */
  if (columns != self->columns)
    {
      self->columns = columns;
      g_clear_handle_id (&self->columns_id, g_source_remove);
      self->columns_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_columns_cb, self, NULL);
    }
}

void
mk_media_grid_set_grid (MkMediaGrid *self,
                        GtkGridView *grid)
{
  g_return_if_fail (MK_IS_MEDIA_GRID (self));

  if (self->grid != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->grid));

  self->grid = grid;

  if (grid != NULL)
    gtk_widget_set_parent (GTK_WIDGET (grid), GTK_WIDGET (self));
}

GtkGridView *
mk_media_grid_get_grid (MkMediaGrid *self)
{
  g_return_val_if_fail (MK_IS_MEDIA_GRID (self), NULL);

  return self->grid;
}

static void
mk_media_grid_add_child (GtkBuildable *buildable,
                         GtkBuilder   *builder,
                         GObject      *child,
                         const char   *type)
{
  if (GTK_IS_GRID_VIEW (child))
    mk_media_grid_set_grid (MK_MEDIA_GRID (buildable), GTK_GRID_VIEW (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
mk_media_grid_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = mk_media_grid_add_child;
}

static void
mk_media_grid_dispose (GObject *object)
{
  MkMediaGrid *self = (MkMediaGrid *)object;

  g_clear_handle_id (&self->columns_id, g_source_remove);
  mk_media_grid_set_grid (self, NULL);

  G_OBJECT_CLASS (mk_media_grid_parent_class)->dispose (object);
}

static void
mk_media_grid_class_init (MkMediaGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_media_grid_dispose;

  widget_class->get_request_mode = mk_media_grid_get_request_mode;
  widget_class->measure = mk_media_grid_measure;
  widget_class->size_allocate = mk_media_grid_size_allocate;
}

static void
mk_media_grid_init (MkMediaGrid *self)
{
}

GtkWidget *
mk_media_grid_new (void)
{
  return g_object_new (MK_TYPE_MEDIA_GRID, NULL);
}
