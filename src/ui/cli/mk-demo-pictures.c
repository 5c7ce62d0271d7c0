/* mk-demo-pictures.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-cli"

#include "config.h"

#include <errno.h>
#include <math.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "mk-demo-pictures.h"
#include "mk-media-table.h"

#define THUMB_SIZE 320

/* Pairs from the GNOME palette: a sky and a ground colour per picture. */
static const double palette[][6] = {
  { 0.96, 0.76, 0.07,  0.90, 0.38, 0.00 },  /* yellow → orange: golden hour */
  { 0.38, 0.21, 0.51,  0.88, 0.11, 0.14 },  /* purple → red: night out */
  { 0.21, 0.52, 0.89,  0.15, 0.64, 0.41 },  /* blue → green: coast */
  { 0.60, 0.76, 0.95,  0.21, 0.52, 0.89 },  /* light blue → blue: sea */
  { 0.97, 0.89, 0.36,  0.18, 0.76, 0.49 },  /* yellow → green: tea garden */
  { 0.87, 0.87, 0.85,  0.37, 0.36, 0.39 },  /* light grey → grey: studio */
};

/* A landscape in two colours with a sun: recognisably a "photo" at a
 * glance, different from tile to tile, and cheap to draw. */
static void
draw_picture (cairo_t *cr,
              guint    seed)
{
  const double *c = palette[seed % G_N_ELEMENTS (palette)];
  double horizon = THUMB_SIZE * (0.55 + 0.05 * (seed % 4));
  double sun_x = THUMB_SIZE * (0.25 + 0.12 * (seed % 5));
  cairo_pattern_t *sky = cairo_pattern_create_linear (0, 0, 0, horizon);

  cairo_pattern_add_color_stop_rgb (sky, 0, c[0], c[1], c[2]);
  cairo_pattern_add_color_stop_rgb (sky, 1, (c[0] + 1) / 2, (c[1] + 1) / 2, (c[2] + 1) / 2);
  cairo_set_source (cr, sky);
  cairo_paint (cr);
  cairo_pattern_destroy (sky);

  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_arc (cr, sun_x, horizon * 0.55, THUMB_SIZE * 0.09, 0, 2 * G_PI);
  cairo_fill (cr);

  /* Hills: a sine line across, filled down to the bottom. */
  cairo_move_to (cr, 0, THUMB_SIZE);
  for (int x = 0; x <= THUMB_SIZE; x += 8)
    cairo_line_to (cr, x, horizon + 14 * sin ((x + 37.0 * seed) / 41.0));
  cairo_line_to (cr, THUMB_SIZE, THUMB_SIZE);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, c[3], c[4], c[5]);
  cairo_fill (cr);
}

gboolean
mk_demo_draw_thumbnails (MkContext   *context,
                         const char  *user_id,
                         GError     **error)
{
  MkStore *store = mk_context_get_store (context);
  g_autofree char *dir = g_build_filename (mk_context_get_cache_dir (context), "thumbnails", NULL);
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (MK_IS_STORE (store), FALSE);

  items = mk_store_media_list (store, user_id, MK_PLATFORM_NONE, 200, error);
  if (items == NULL)
    return FALSE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < items->len; i++)
    {
      MkMediaItem *item = g_ptr_array_index (items, i);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      cairo_surface_t *surface;
      cairo_t *cr;
      cairo_status_t status;

      if (mk_media_item_get_thumbnail_file (item) != NULL)
        continue;

      name = g_strdup_printf ("demo-%s.png", mk_media_item_get_platform_media_id (item));
      path = g_build_filename (dir, name, NULL);

      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, THUMB_SIZE, THUMB_SIZE);
      cr = cairo_create (surface);
      draw_picture (cr, g_str_hash (mk_media_item_get_platform_media_id (item)));
      cairo_destroy (cr);
      status = cairo_surface_write_to_png (surface, path);
      cairo_surface_destroy (surface);

      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "%s: %s", path, cairo_status_to_string (status));
          return FALSE;
        }

      if (!mk_store_media_set_thumbnail_file (store, mk_media_item_get_id (item), name, error))
        return FALSE;
    }

  return TRUE;
}
