/* mk-pdf-media.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-export"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-export-format.h"
#include "mk-html-escape.h"
#include "mk-pdf-private.h"

/* The "Top Media" tiles of the PDF: the same tiles, words and order as
 * append_media() in mk-html-renderer.c. */

#define MEDIA_COLUMNS   3
/* Enough pixels for a sharp 160 pt square at print resolution. */
#define THUMB_PIXELS    320

typedef struct
{
  cairo_surface_t *thumbnail;    /* any shape; NULL: a placeholder square */
  GPtrArray       *layouts;      /* of PangoLayout */
  GArray          *colors;       /* of guint32, one per layout */
  char            *uri;          /* the last layout's link, or NULL */
  double           text_height;
} Tile;

static void
tile_free (gpointer data)
{
  Tile *tile = data;

  g_clear_pointer (&tile->thumbnail, cairo_surface_destroy);
  g_ptr_array_unref (tile->layouts);
  g_array_unref (tile->colors);
  g_free (tile->uri);
  g_free (tile);
}

static void
tile_add_line (Tile         *tile,
               PangoContext *context,
               const char   *text,
               const char   *font,
               guint32       color,
               double        width)
{
  PangoLayout *layout = mk_pdf_make_layout (context, text, font, width);

  g_ptr_array_add (tile->layouts, layout);
  g_array_append_val (tile->colors, color);
  tile->text_height += mk_pdf_layout_height (layout) + 3;
}

static Tile *
tile_new (PangoContext *context,
          MkPortfolio  *doc,
          guint         index,
          double        width)
{
  const MkPortfolioMedia *media = mk_portfolio_get_media (doc, index);
  Tile *tile = g_new0 (Tile, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *badge = mk_export_format_media_badge (media);
  g_autofree char *caption = mk_export_format_caption (media->caption);
  g_autofree char *counts = mk_export_format_media_counts (media);
  const char *mime_type = NULL;

  tile->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  tile->colors = g_array_new (FALSE, FALSE, sizeof (guint32));

  bytes = mk_portfolio_load_thumbnail (doc, index, &mime_type);
  if (bytes != NULL)
    tile->thumbnail = mk_pdf_load_picture (bytes, mime_type, THUMB_PIXELS);

  tile_add_line (tile, context, badge, FONT_FAMILY " Bold 7.5", COLOR_MUTED, width);
  if (!mk_pdf_is_blank (caption))
    tile_add_line (tile, context, caption, FONT_FAMILY " 8.5", COLOR_TEXT, width);
  if (*counts != '\0')
    tile_add_line (tile, context, counts, FONT_FAMILY " 7.5", COLOR_MUTED, width);

  tile->uri = mk_html_safe_url (media->permalink);
  if (tile->uri != NULL)
    {
      const char *platform = mk_platform_get_display_name (media->platform);
      /* Translators: %s is a platform name such as "Instagram" */
      g_autofree char *label = g_strdup_printf (_("View on %s"),
                                                platform != NULL ? platform : _("the web"));

      tile_add_line (tile, context, label, FONT_FAMILY " 7.5", COLOR_MUTED, width);
    }

  return tile;
}

void
mk_pdf_layout_media (Flow        *flow,
                     MkPortfolio *doc)
{
  guint n_media = mk_portfolio_get_n_media (doc);
  double tile_width = (flow->right - flow->left - (MEDIA_COLUMNS - 1) * CARD_GAP) / MEDIA_COLUMNS;
  double text_width = tile_width - 2 * CARD_PADDING;
  g_autoptr(GPtrArray) tiles = g_ptr_array_new_with_free_func (tile_free);

  if (n_media == 0)
    return;

  for (guint i = 0; i < n_media; i++)
    g_ptr_array_add (tiles, tile_new (flow->plan->context, doc, i, text_width));

  for (guint row = 0; row * MEDIA_COLUMNS < tiles->len; row++)
    {
      guint first = row * MEDIA_COLUMNS;
      guint last = MIN (first + MEDIA_COLUMNS, tiles->len);
      double text_height = 0, row_height;

      for (guint i = first; i < last; i++)
        text_height = MAX (text_height, ((Tile *) g_ptr_array_index (tiles, i))->text_height);
      row_height = tile_width + 2 * CARD_PADDING + text_height;

      if (row == 0)
        mk_pdf_flow_heading (flow, _("Top Media"), row_height);
      else
        flow->y += CARD_GAP;
      mk_pdf_flow_ensure (flow, row_height);

      for (guint i = first; i < last; i++)
        {
          Tile *tile = g_ptr_array_index (tiles, i);
          double x = flow->left + (i - first) * (tile_width + CARD_GAP);
          double y = flow->y + tile_width + CARD_PADDING;
          Item *item;

          item = mk_pdf_add_item (flow, ITEM_BOX, x, flow->y, tile_width, row_height, COLOR_SURFACE);
          item->radius = 8;

          if (tile->thumbnail != NULL)
            {
              item = mk_pdf_add_item (flow, ITEM_IMAGE, x, flow->y, tile_width, tile_width, 0);
              item->surface = g_steal_pointer (&tile->thumbnail);
            }
          else
            {
              item = mk_pdf_add_item (flow, ITEM_BOX, x, flow->y, tile_width, tile_width,
                                      mk_pdf_mix_with_white (flow->accent, 0.14));
            }
          item->radius = 8;

          for (guint j = 0; j < tile->layouts->len; j++)
            {
              PangoLayout *layout = g_ptr_array_index (tile->layouts, j);
              gboolean is_link = tile->uri != NULL && j == tile->layouts->len - 1;

              mk_pdf_add_text (flow, layout, x + CARD_PADDING, y,
                               g_array_index (tile->colors, guint32, j),
                               is_link ? tile->uri : NULL);
              y += mk_pdf_layout_height (layout) + 3;
            }
        }

      flow->y += row_height;
    }
}
