/* mk-media-grid.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MK_TYPE_MEDIA_GRID (mk_media_grid_get_type ())

G_DECLARE_FINAL_TYPE (MkMediaGrid, mk_media_grid, MK, MEDIA_GRID, GtkWidget)

/* Holds a GtkGridView inside a scrolling page. A grid view asks for the
 * height of its minimum number of columns whatever its width, so on a page
 * it would claim rows it never fills; this holder asks for the height of
 * the columns its width holds, and sets the grid to that many columns. */
GtkWidget   *mk_media_grid_new      (void);
void         mk_media_grid_set_grid (MkMediaGrid *self,
                                     GtkGridView *grid);
GtkGridView *mk_media_grid_get_grid (MkMediaGrid *self);

G_END_DECLS
