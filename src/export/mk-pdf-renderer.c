/* mk-pdf-renderer.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-export"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <langinfo.h>
#endif

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "mk-export-error.h"
#include "mk-export-file.h"
#include "mk-pdf-private.h"
#include "mk-pdf-renderer.h"

/* ------------------------------------------------------------------ */
/* Paper                                                               */

MkPaperSize
mk_paper_size_from_string (const char *name)
{
  if (g_strcmp0 (name, "a4") == 0)
    return MK_PAPER_SIZE_A4;
  if (g_strcmp0 (name, "letter") == 0)
    return MK_PAPER_SIZE_LETTER;
  return MK_PAPER_SIZE_AUTO;
}

MkPaperSize
mk_paper_size_resolve (MkPaperSize size)
{
  if (size != MK_PAPER_SIZE_AUTO)
    return size;

#if defined(__GLIBC__) && defined(_NL_PAPER_WIDTH)
  {
    /* glibc returns the width in millimetres cast to a pointer. */
    int width = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);

    if (width == 216)
      return MK_PAPER_SIZE_LETTER;
  }
#endif

  return MK_PAPER_SIZE_A4;
}

void
mk_paper_size_get_points (MkPaperSize  size,
                          double      *out_width,
                          double      *out_height)
{
  if (mk_paper_size_resolve (size) == MK_PAPER_SIZE_LETTER)
    {
      *out_width = 612.0;
      *out_height = 792.0;
    }
  else
    {
      *out_width = 210.0 / 25.4 * 72.0;
      *out_height = 297.0 / 25.4 * 72.0;
    }
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

gboolean
mk_pdf_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* Controls and noncharacters would be drawn as hex boxes; they become
 * U+FFFD as on the HTML page. Input is valid UTF-8 (MkPortfolio). */
static char *
printable (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0) ||
          (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe)
        g_string_append (out, "\xef\xbf\xbd");
      else if (c == '\t')
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

PangoLayout *
mk_pdf_make_layout (PangoContext *context,
                    const char   *text,
                    const char   *font,
                    double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  g_autofree char *shown = printable (text);

  pango_layout_set_font_description (layout, desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, shown, -1);

  return layout;
}

double
mk_pdf_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

double
mk_pdf_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.width);
}

static void
clear_item (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
  g_clear_pointer (&item->uri, g_free);
  g_clear_pointer (&item->surface, cairo_surface_destroy);
}

static GArray *
new_page_items (void)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  g_array_set_clear_func (items, clear_item);
  return items;
}

/* ------------------------------------------------------------------ */
/* Flow                                                                */

static void
flow_new_page (Flow *flow)
{
  flow->page = new_page_items ();
  g_ptr_array_add (flow->plan->pages, flow->page);
  flow->y = flow->top;
}

/* Starts a new page unless @height fits; a block taller than a whole page
 * is started where it is and split (see mk_pdf_flow_text). */
void
mk_pdf_flow_ensure (Flow   *flow,
                    double  height)
{
  if (flow->y + height > flow->bottom && flow->y > flow->top)
    flow_new_page (flow);
}

Item *
mk_pdf_add_item (Flow     *flow,
                 ItemKind  kind,
                 double    x,
                 double    y,
                 double    width,
                 double    height,
                 guint32   color)
{
  Item item = { kind, x, y, width, height, color, 1.0, 0.0, NULL, NULL };

  g_array_append_val (flow->page, item);
  return &g_array_index (flow->page, Item, flow->page->len - 1);
}

void
mk_pdf_add_text (Flow        *flow,
                 PangoLayout *layout,
                 double       x,
                 double       y,
                 guint32      color,
                 const char  *uri)
{
  Item *item = mk_pdf_add_item (flow, ITEM_TEXT, x, y, mk_pdf_layout_width (layout), mk_pdf_layout_height (layout), color);

  item->layout = g_object_ref (layout);
  item->uri = g_strdup (uri);
}

/* Places @text at the cursor in a column from @x, @width wide, splitting it
 * at line breaks over as many pages as it needs. @bar draws an accent bar
 * left of every piece (quotes). Returns the cursor below it. */
void
mk_pdf_flow_text (Flow       *flow,
                  const char *text,
                  const char *font,
                  guint32     color,
                  double      x,
                  double      width,
                  const char *uri,
                  gboolean    bar)
{
  g_autoptr(PangoLayout) layout = mk_pdf_make_layout (flow->plan->context, text, font, width);
  const char *shown = pango_layout_get_text (layout);
  double height = mk_pdf_layout_height (layout);
  PangoLayoutIter *iter;
  int chunk_start = 0;
  double chunk_top = 0;

  /* A short block moves whole to the next page; a long one starts here
   * and is cut, rather than leave most of a page blank, unless not even
   * its first lines would fit. */
  if (height <= (flow->bottom - flow->top) / 3)
    mk_pdf_flow_ensure (flow, height);
  else
    mk_pdf_flow_ensure (flow, MIN (height, 3 * mk_pdf_layout_height (layout) / MAX (pango_layout_get_line_count (layout), 1)));

  if (flow->y + height <= flow->bottom)
    {
      mk_pdf_add_text (flow, layout, x, flow->y, color, uri);
      if (bar)
        mk_pdf_add_item (flow, ITEM_BOX, x - QUOTE_INDENT, flow->y, 3, height, flow->accent);
      flow->y += height;
      return;
    }

  /* Too long for what is left of the page: one layout per page, cut
   * between lines, each re-laid out from its own part of the text. */
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);

      if (flow->y + pango_units_to_double (y1) - chunk_top > flow->bottom &&
          line->start_index > chunk_start)
        {
          g_autofree char *part = g_strndup (shown + chunk_start, line->start_index - chunk_start);
          g_autoptr(PangoLayout) piece = NULL;
          double piece_height;

          g_strchomp (part);
          piece = mk_pdf_make_layout (flow->plan->context, part, font, width);
          piece_height = mk_pdf_layout_height (piece);
          mk_pdf_add_text (flow, piece, x, flow->y, color, uri);
          if (bar)
            mk_pdf_add_item (flow, ITEM_BOX, x - QUOTE_INDENT, flow->y, 3, piece_height, flow->accent);

          flow_new_page (flow);
          chunk_start = line->start_index;
          chunk_top = pango_units_to_double (y0);
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  {
    g_autoptr(PangoLayout) piece = mk_pdf_make_layout (flow->plan->context, shown + chunk_start, font, width);
    double piece_height = mk_pdf_layout_height (piece);

    mk_pdf_add_text (flow, piece, x, flow->y, color, uri);
    if (bar)
      mk_pdf_add_item (flow, ITEM_BOX, x - QUOTE_INDENT, flow->y, 3, piece_height, flow->accent);
    flow->y += piece_height;
  }
}

void
mk_pdf_flow_heading (Flow       *flow,
                     const char *title,
                     double      keep_with_next)
{
  g_autoptr(PangoLayout) layout = mk_pdf_make_layout (flow->plan->context, title, FONT_FAMILY " Bold 15", -1);
  double height = mk_pdf_layout_height (layout);

  flow->y += SECTION_GAP;
  mk_pdf_flow_ensure (flow, height + 8 + keep_with_next);
  mk_pdf_add_text (flow, layout, flow->left, flow->y, COLOR_TEXT, NULL);
  flow->y += height + 8;
}

/* ------------------------------------------------------------------ */
/* Avatar                                                              */

static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface;
  guchar *dst;
  int dst_stride;

  surface = cairo_image_surface_create (channels == 4 ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                        width, height);
  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < height; y++)
    {
      const guchar *s = src + y * src_stride;
      guint32 *d = (guint32 *) (gpointer) (dst + y * dst_stride);

      for (int x = 0; x < width; x++, s += channels)
        {
          guint a = channels == 4 ? s[3] : 0xff;
          /* cairo wants premultiplied alpha. */
          guint r = (s[0] * a + 127) / 255;
          guint g = (s[1] * a + 127) / 255;
          guint b = (s[2] * a + 127) / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }

  cairo_surface_mark_dirty (surface);
  return surface;
}

/* The decoded picture (a new reference), or NULL with a debug message. */
static GdkPixbuf *
decode_picture (GBytes     *bytes,
                const char *mime_type)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;

  loader = gdk_pixbuf_loader_new_with_mime_type (mime_type, &error);
  if (loader == NULL ||
      !gdk_pixbuf_loader_write_bytes (loader, bytes, &error) ||
      !gdk_pixbuf_loader_close (loader, &error) ||
      (pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      if (loader != NULL)
        gdk_pixbuf_loader_close (loader, NULL);
      g_debug ("Leaving a picture out of the PDF: %s",
               error != NULL ? error->message : "no picture");
      return NULL;
    }

  return g_object_ref (pixbuf);
}

/* Cropped to a centred square of at most @pixels a side: the avatar's
 * circle is drawn from it. */
static cairo_surface_t *
load_square (GBytes     *bytes,
             const char *mime_type,
             int         pixels)
{
  g_autoptr(GdkPixbuf) pixbuf = decode_picture (bytes, mime_type);
  g_autoptr(GdkPixbuf) square = NULL;
  g_autoptr(GdkPixbuf) cropped = NULL;
  int width, height, side;

  if (pixbuf == NULL)
    return NULL;

  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  side = MIN (width, height);
  cropped = gdk_pixbuf_new_subpixbuf (pixbuf, (width - side) / 2, (height - side) / 2, side, side);
  square = gdk_pixbuf_scale_simple (cropped, MIN (side, pixels), MIN (side, pixels),
                                    GDK_INTERP_BILINEAR);
  if (square == NULL)
    return NULL;

  return surface_from_pixbuf (square);
}

/* JPEGs up to this size go into the PDF as they are (DCTDecode): no decode
 * to re-encode, which made 24 thumbnails the slowest part of an export. */
#define PASSTHROUGH_MAX_PIXELS 1280

cairo_surface_t *
mk_pdf_load_picture (GBytes     *bytes,
                     const char *mime_type,
                     int         pixels)
{
  g_autoptr(GdkPixbuf) pixbuf = decode_picture (bytes, mime_type);
  cairo_surface_t *surface;
  int width, height;

  if (pixbuf == NULL)
    return NULL;

  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);

  if (g_str_equal (mime_type, "image/jpeg")
      && width <= PASSTHROUGH_MAX_PIXELS && height <= PASSTHROUGH_MAX_PIXELS
      && gdk_pixbuf_get_n_channels (pixbuf) == 3)
    {
      /* The decoded pixels still back the preview and printing; the PDF
       * surface uses the attached original instead. */
      surface = surface_from_pixbuf (pixbuf);
      cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG,
                                   g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   (cairo_destroy_func_t) g_bytes_unref, g_bytes_ref (bytes));
      return surface;
    }

  if (MIN (width, height) > pixels)
    {
      double scale = (double) pixels / MIN (width, height);
      g_autoptr(GdkPixbuf) scaled = gdk_pixbuf_scale_simple (pixbuf,
                                                             MAX (1, (int) round (width * scale)),
                                                             MAX (1, (int) round (height * scale)),
                                                             GDK_INTERP_BILINEAR);

      return scaled != NULL ? surface_from_pixbuf (scaled) : NULL;
    }

  return surface_from_pixbuf (pixbuf);
}

/* The avatar, cropped to a square and scaled down: the page shows it at
 * AVATAR_SIZE points, so more pixels would only make the file bigger. */
static cairo_surface_t *
load_avatar (MkPortfolio *doc)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *mime_type = NULL;
  cairo_surface_t *surface;

  bytes = mk_portfolio_load_avatar (doc, &mime_type);
  if (bytes == NULL)
    return NULL;

  surface = load_square (bytes, mime_type, AVATAR_PIXELS);
  if (surface == NULL)
    g_warning ("Leaving the avatar out of the PDF: it could not be read as a picture");
  return surface;
}

guint32
mk_pdf_mix_with_white (guint32 color,
                       double  amount)
{
  guint r = (color >> 16) & 0xff, g = (color >> 8) & 0xff, b = color & 0xff;

  r = (guint) round (255 - (255 - r) * amount);
  g = (guint) round (255 - (255 - g) * amount);
  b = (guint) round (255 - (255 - b) * amount);
  return (r << 16) | (g << 8) | b;
}

/* ------------------------------------------------------------------ */
/* Plan                                                                */

static PangoContext *
create_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Points throughout, and no hinting: the same layout must come out the
   * same on the PDF, on screen at any zoom and on a printer. */
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);

  return context;
}

static guint32
parse_color (const char *color)
{
  guint r, g, b;

  if (sscanf (color, "#%02x%02x%02x", &r, &g, &b) != 3)
    return 0x3584e4;
  return (r << 16) | (g << 8) | b;
}

MkPdfPlan *
mk_pdf_plan_new (MkPortfolio *doc,
                 MkPaperSize  paper)
{
  MkPdfPlan *plan;
  Flow flow = { 0, };
  const char *name;

  g_return_val_if_fail (MK_IS_PORTFOLIO (doc), NULL);

  plan = g_new0 (MkPdfPlan, 1);
  g_atomic_ref_count_init (&plan->ref_count);
  mk_paper_size_get_points (paper, &plan->width, &plan->height);
  plan->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  plan->page_numbers = g_ptr_array_new_with_free_func (g_object_unref);
  plan->context = create_context ();
  plan->avatar = load_avatar (doc);

  name = mk_portfolio_get_display_name (doc);
  if (!mk_pdf_is_blank (name))
    {
      /* Translators: the title of the exported page; %s is the creator's name */
      plan->title = g_strdup_printf (_("%s — Media Kit"), name);
      plan->author = g_strdup (name);
    }
  else
    {
      plan->title = g_strdup (_("Media Kit"));
    }

  pango_context_set_language (plan->context,
                              pango_language_from_string (mk_portfolio_get_language (doc)));

  flow.plan = plan;
  flow.top = MARGIN;
  flow.bottom = plan->height - MARGIN - FOOTER_HEIGHT;
  flow.left = MARGIN;
  flow.right = plan->width - MARGIN;
  flow.accent = parse_color (mk_portfolio_get_accent_color (doc));
  flow_new_page (&flow);

  mk_pdf_layout_header (&flow, doc);
  mk_pdf_layout_stats (&flow, doc);
  mk_pdf_layout_media (&flow, doc);
  mk_pdf_layout_reviews (&flow, doc);
  mk_pdf_layout_contact (&flow, doc);
  mk_pdf_layout_footer (&flow);

  for (guint i = 0; i < plan->pages->len; i++)
    {
      /* Translators: the page number at the foot of each PDF page */
      g_autofree char *text = g_strdup_printf (_("Page %u of %u"), i + 1, plan->pages->len);
      PangoLayout *layout = mk_pdf_make_layout (plan->context, text, FONT_FAMILY " 8.5",
                                                plan->width - 2 * MARGIN);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      g_ptr_array_add (plan->page_numbers, layout);
    }

  return plan;
}

MkPdfPlan *
mk_pdf_plan_ref (MkPdfPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  g_atomic_ref_count_inc (&plan->ref_count);
  return plan;
}

void
mk_pdf_plan_unref (MkPdfPlan *plan)
{
  g_return_if_fail (plan != NULL);

  if (!g_atomic_ref_count_dec (&plan->ref_count))
    return;

  g_ptr_array_unref (plan->pages);
  g_ptr_array_unref (plan->page_numbers);
  g_clear_pointer (&plan->avatar, cairo_surface_destroy);
  g_clear_object (&plan->context);
  g_free (plan->title);
  g_free (plan->author);
  g_free (plan);
}

guint
mk_pdf_plan_get_n_pages (MkPdfPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->pages->len;
}

void
mk_pdf_plan_get_page_size (MkPdfPlan *plan,
                           double    *out_width,
                           double    *out_height)
{
  g_return_if_fail (plan != NULL);

  if (out_width != NULL)
    *out_width = plan->width;
  if (out_height != NULL)
    *out_height = plan->height;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

static void
set_color (cairo_t *cr,
           guint32  color,
           double   alpha)
{
  cairo_set_source_rgba (cr, ((color >> 16) & 0xff) / 255.0, ((color >> 8) & 0xff) / 255.0,
                         (color & 0xff) / 255.0, alpha);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* cairo's link attributes quote the URI in single quotes, with backslash
 * escapes; mk_html_safe_url() already refused spaces and backslashes. */
static char *
link_attributes (const char *uri)
{
  GString *out = g_string_new ("uri='");

  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');

  return g_string_free (out, FALSE);
}

static void
draw_avatar (MkPdfPlan  *plan,
             cairo_t    *cr,
             const Item *item)
{
  double radius = item->width / 2;

  cairo_save (cr);
  cairo_arc (cr, item->x + radius, item->y + radius, radius, 0, 2 * G_PI);

  if (plan->avatar != NULL)
    {
      double scale = item->width / cairo_image_surface_get_width (plan->avatar);

      cairo_clip (cr);
      cairo_translate (cr, item->x, item->y);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, plan->avatar, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
    }
  else
    {
      set_color (cr, item->color, 1.0);
      cairo_fill (cr);
      if (item->layout != NULL)
        {
          cairo_move_to (cr, item->x + radius - mk_pdf_layout_width (item->layout) / 2,
                         item->y + radius - mk_pdf_layout_height (item->layout) / 2);
          set_color (cr, COLOR_TEXT, 1.0);
          pango_cairo_show_layout (cr, item->layout);
        }
    }

  cairo_restore (cr);
}

void
mk_pdf_render_to_cairo (MkPdfPlan *plan,
                        cairo_t   *cr,
                        guint      page)
{
  GArray *items;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < plan->pages->len);

  items = g_ptr_array_index (plan->pages, page);

  cairo_save (cr);

  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);

      switch (item->kind)
        {
        case ITEM_BOX:
          if (item->radius > 0)
            rounded_rectangle (cr, item->x, item->y, item->width, item->height, item->radius);
          else
            cairo_rectangle (cr, item->x, item->y, item->width, item->height);
          set_color (cr, item->color, item->alpha);
          cairo_fill (cr);
          break;

        case ITEM_AVATAR:
          draw_avatar (plan, cr, item);
          break;

        case ITEM_IMAGE:
          {
            /* Cover the box: the shorter side fills it, centred, the rest
             * clipped, as object-fit: cover does on the HTML page. */
            int width = cairo_image_surface_get_width (item->surface);
            int height = cairo_image_surface_get_height (item->surface);
            double scale = MAX (item->width / width, item->height / height);

            cairo_save (cr);
            rounded_rectangle (cr, item->x, item->y, item->width, item->height, item->radius);
            cairo_clip (cr);
            cairo_translate (cr, item->x + (item->width - width * scale) / 2,
                             item->y + (item->height - height * scale) / 2);
            cairo_scale (cr, scale, scale);
            cairo_set_source_surface (cr, item->surface, 0, 0);
            cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
            cairo_paint (cr);
            cairo_restore (cr);
          }
          break;

        case ITEM_TEXT:
          {
            g_autofree char *attributes = item->uri != NULL ? link_attributes (item->uri) : NULL;

            if (attributes != NULL)
              cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
            set_color (cr, item->color, item->alpha);
            cairo_move_to (cr, item->x, item->y);
            pango_cairo_show_layout (cr, item->layout);
            if (attributes != NULL)
              cairo_tag_end (cr, CAIRO_TAG_LINK);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  {
    PangoLayout *number = g_ptr_array_index (plan->page_numbers, page);

    set_color (cr, COLOR_MUTED, 1.0);
    cairo_move_to (cr, MARGIN, plan->height - MARGIN);
    pango_cairo_show_layout (cr, number);
  }

  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* PDF file                                                            */

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
mk_pdf_render (MkPortfolio  *doc,
               MkPaperSize   paper,
               GError      **error)
{
  g_autoptr(MkPdfPlan) plan = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (MK_IS_PORTFOLIO (doc), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan = mk_pdf_plan_new (doc, paper);
  bytes = g_byte_array_sized_new (64 * 1024);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, bytes, plan->width, plan->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, plan->title);
  if (plan->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, plan->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Mediakit");
  now = g_date_time_new_now_utc ();
  date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);

  cr = cairo_create (surface);
  for (guint i = 0; i < plan->pages->len; i++)
    {
      mk_pdf_render_to_cairo (plan, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_WRITE,
                   _("Could not draw the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
mk_pdf_export_file (MkPortfolio  *doc,
                    MkPaperSize   paper,
                    const char   *path,
                    GError      **error)
{
  g_autoptr(GBytes) pdf = NULL;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (MK_IS_PORTFOLIO (doc), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pdf = mk_pdf_render (doc, paper, error);
  if (pdf == NULL)
    return FALSE;

  data = g_bytes_get_data (pdf, &size);
  return mk_export_write_file (path, data, size, error);
}

typedef struct
{
  MkPaperSize  paper;
  char        *path;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_free (export->path);
  g_free (export);
}

static void
export_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ExportData *export = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (mk_pdf_export_file (source_object, export->paper, export->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
mk_pdf_export_file_async (MkPortfolio         *doc,
                          MkPaperSize          paper,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (MK_IS_PORTFOLIO (doc));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  export = g_new0 (ExportData, 1);
  export->paper = paper;
  export->path = g_strdup (path);

  task = g_task_new (doc, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_pdf_export_file_async);
  g_task_set_task_data (task, export, export_data_free);
  g_task_run_in_thread (task, export_file_thread);
}

gboolean
mk_pdf_export_file_finish (MkPortfolio   *doc,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (doc), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, doc), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_pdf_export_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
