/* mk-portfolio-header.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include "mk-portfolio-header.h"

/* Under this width the details go below: beside a 96 px avatar and a
 * button they would get less than ~300 px, a handful of words a line. */
#define FOLD_WIDTH      520
#define COLUMN_SPACING  18
#define ROW_SPACING     12
/* Between the title and the details when they share a column. */
#define TITLE_GAP       6

struct _MkPortfolioHeader
{
  GtkWidget  parent_instance;

  /* Borrowed: our children */
  GtkWidget *start;
  GtkWidget *title;
  GtkWidget *details;
  GtkWidget *end;

  gboolean   folded;
};

static void mk_portfolio_header_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MkPortfolioHeader, mk_portfolio_header, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, mk_portfolio_header_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

/* Where each child goes, for one width. */
typedef struct
{
  gboolean folded;
  int      start_width;
  int      end_width;
  int      middle_x;      /* left edge of the title column (LTR) */
  int      middle_width;  /* the title's width, and the details' when not folded */
} Layout;

static gboolean
shown (GtkWidget *child)
{
  return child != NULL && gtk_widget_should_layout (child);
}

static int
width_of (GtkWidget *child,
          gboolean   natural)
{
  int minimum = 0, nat = 0;

  if (!shown (child))
    return 0;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &nat, NULL, NULL);
  return natural ? nat : minimum;
}

static int
height_of (GtkWidget *child,
           int        for_width,
           gboolean   natural)
{
  int minimum = 0, nat = 0;

  if (!shown (child))
    return 0;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, MAX (for_width, 0), &minimum, &nat, NULL, NULL);
  return natural ? nat : minimum;
}

static void
compute_layout (MkPortfolioHeader *self,
                int                width,
                Layout            *layout)
{
  int side;

  layout->start_width = width_of (self->start, TRUE);
  layout->end_width = width_of (self->end, TRUE);
  layout->middle_x = layout->start_width > 0 ? layout->start_width + COLUMN_SPACING : 0;
  side = layout->middle_x + (layout->end_width > 0 ? layout->end_width + COLUMN_SPACING : 0);
  layout->middle_width = MAX (width - side, 0);
  layout->folded = width < FOLD_WIDTH || layout->middle_width < width_of (self->details, FALSE);
}

static GtkSizeRequestMode
mk_portfolio_header_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static int
height_for_width (MkPortfolioHeader *self,
                  int                width,
                  gboolean           natural)
{
  Layout layout;
  int row, title, details;

  compute_layout (self, width, &layout);
  title = height_of (self->title, layout.middle_width, natural);
  row = MAX (height_of (self->start, layout.start_width, natural),
             height_of (self->end, layout.end_width, natural));

  if (layout.folded)
    {
      details = height_of (self->details, width, natural);
      return MAX (row, title) + (details > 0 ? ROW_SPACING + details : 0);
    }

  details = height_of (self->details, layout.middle_width, natural);
  return MAX (row, title + (details > 0 && title > 0 ? TITLE_GAP : 0) + details);
}

static void
mk_portfolio_header_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  MkPortfolioHeader *self = MK_PORTFOLIO_HEADER (widget);
  Layout layout;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int side;

      compute_layout (self, 0, &layout);
      side = layout.middle_x + (layout.end_width > 0 ? layout.end_width + COLUMN_SPACING : 0);

      /* The narrow layout is the smallest; the wide one the natural. */
      *minimum = MAX (side + width_of (self->title, FALSE), width_of (self->details, FALSE));
      *natural = side + MAX (width_of (self->title, TRUE), width_of (self->details, TRUE));
      *natural = MAX (*natural, *minimum);
      return;
    }

  if (for_size < 0)
    {
      int ignored;

      mk_portfolio_header_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &ignored, &for_size, NULL, NULL);
    }

  *minimum = height_for_width (self, for_size, FALSE);
  *natural = MAX (height_for_width (self, for_size, TRUE), *minimum);
}

static void
place (GtkWidget *child,
       int        x,
       int        y,
       int        width,
       int        height,
       int        total_width,
       gboolean   rtl)
{
  if (!shown (child))
    return;

  if (rtl)
    x = total_width - x - width;

  gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, width, height }, -1);
}

static void
mk_portfolio_header_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  MkPortfolioHeader *self = MK_PORTFOLIO_HEADER (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  Layout layout;
  int start_height, end_height, title_height;

  compute_layout (self, width, &layout);
  self->folded = layout.folded;

  start_height = height_of (self->start, layout.start_width, TRUE);
  end_height = height_of (self->end, layout.end_width, TRUE);
  title_height = height_of (self->title, layout.middle_width, TRUE);

  place (self->start, 0, 0, layout.start_width, start_height, width, rtl);
  place (self->end, width - layout.end_width, 0, layout.end_width, end_height, width, rtl);

  if (layout.folded)
    {
      int row = MAX (MAX (start_height, end_height), title_height);

      /* The name beside the avatar, centred on it as in a contact card. */
      place (self->title, layout.middle_x, (row - title_height) / 2, layout.middle_width, title_height,
             width, rtl);
      place (self->details, 0, row + ROW_SPACING, width,
             MAX (height - row - ROW_SPACING, 0), width, rtl);
    }
  else
    {
      int top = title_height > 0 ? title_height + TITLE_GAP : 0;

      place (self->title, layout.middle_x, 0, layout.middle_width, title_height, width, rtl);
      place (self->details, layout.middle_x, top, layout.middle_width,
             MAX (height_of (self->details, layout.middle_width, TRUE), 0), width, rtl);
    }
}

/* Children in reading order, which is also the order of keyboard focus. */
static void
restack (MkPortfolioHeader *self)
{
  GtkWidget *order[] = { self->start, self->title, self->details, self->end };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (order[i] != NULL)
      gtk_widget_insert_before (order[i], GTK_WIDGET (self), NULL);
}

static void
set_child (MkPortfolioHeader  *self,
           GtkWidget         **slot,
           GtkWidget          *child)
{
  if (*slot != NULL)
    gtk_widget_unparent (*slot);

  *slot = child;

  if (child != NULL)
    {
      gtk_widget_set_parent (child, GTK_WIDGET (self));
      restack (self);
    }
}

static void
mk_portfolio_header_add_child (GtkBuildable *buildable,
                               GtkBuilder   *builder,
                               GObject      *child,
                               const char   *type)
{
  MkPortfolioHeader *self = MK_PORTFOLIO_HEADER (buildable);

  if (!GTK_IS_WIDGET (child))
    {
      parent_buildable_iface->add_child (buildable, builder, child, type);
      return;
    }

  if (g_strcmp0 (type, "start") == 0)
    set_child (self, &self->start, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "title") == 0)
    set_child (self, &self->title, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "end") == 0)
    set_child (self, &self->end, GTK_WIDGET (child));
  else if (type == NULL)
    set_child (self, &self->details, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
mk_portfolio_header_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = mk_portfolio_header_add_child;
}

static void
mk_portfolio_header_dispose (GObject *object)
{
  MkPortfolioHeader *self = (MkPortfolioHeader *)object;

  set_child (self, &self->start, NULL);
  set_child (self, &self->title, NULL);
  set_child (self, &self->details, NULL);
  set_child (self, &self->end, NULL);

  G_OBJECT_CLASS (mk_portfolio_header_parent_class)->dispose (object);
}

static void
mk_portfolio_header_class_init (MkPortfolioHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_portfolio_header_dispose;

  widget_class->get_request_mode = mk_portfolio_header_get_request_mode;
  widget_class->measure = mk_portfolio_header_measure;
  widget_class->size_allocate = mk_portfolio_header_size_allocate;
}

static void
mk_portfolio_header_init (MkPortfolioHeader *self)
{
}

GtkWidget *
mk_portfolio_header_new (void)
{
  return g_object_new (MK_TYPE_PORTFOLIO_HEADER, NULL);
}

gboolean
mk_portfolio_header_get_folded (MkPortfolioHeader *self)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO_HEADER (self), FALSE);

  return self->folded;
}
