/* mk-paged-model.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MK_TYPE_PAGED_MODEL (mk_paged_model_get_type ())

G_DECLARE_DERIVABLE_TYPE (MkPagedModel, mk_paged_model, MK, PAGED_MODEL, GObject)

/* A GListModel that never holds a whole table: it starts with one page and
 * reads the next (keyset: the page after the last item it holds) once a
 * view asks for an item near its end, so a list costs what has been
 * scrolled. Subclasses say how a page is read; the base does the rest. */
struct _MkPagedModelClass
{
  GObjectClass parent_class;

  /* Returns (transfer full) up to @limit new items that come after @last
   * (NULL: the first page), each of the model's item type; fewer than
   * @limit means the end. NULL with @error set on failure, which ends the
   * list rather than asking again on every scroll. */
  GPtrArray *(*fetch_page) (MkPagedModel  *self,
                            gpointer       last,
                            guint          limit,
                            GError       **error);

  /* Optional: a model whose pages are compact rows rather than objects
   * sets both. fetch_page() then returns rows (the array's own free func is
   * ignored; @free_row frees them), and an item is made from its row only
   * when get_item() asks for it. The base keeps a weak reference to each
   * item made, so that a position gives the same object while anyone holds
   * it (list views compare items). */
  gpointer   (*create_item) (MkPagedModel  *self,
                             gconstpointer  row);
  void       (*free_row)    (gpointer       row);

  /*< private >*/
  gpointer padding[6];
};

/* Reads the first page again; rows already read are dropped. */
void      mk_paged_model_reload        (MkPagedModel *self);
/* For subclasses that read the first page elsewhere (in a worker thread):
 * takes @page (transfer full; rows or items, as fetch_page() returns them)
 * as the first page that mk_paged_model_reload() would have read, asking
 * for mk_paged_model_get_first_page_limit() rows. */
void      mk_paged_model_reload_with   (MkPagedModel *self,
                                        GPtrArray    *page);
guint     mk_paged_model_get_first_page_limit (MkPagedModel *self);
/* Reads the next page now; returns how many rows it added (0 at the end). */
guint     mk_paged_model_load_more     (MkPagedModel *self);
/* TRUE once the last row has been read (or nothing can be read). */
gboolean  mk_paged_model_is_complete   (MkPagedModel *self);
guint     mk_paged_model_get_page_size (MkPagedModel *self);
/* For subclasses: 1..1000, 0 keeps the default (200). */
void      mk_paged_model_set_page_size (MkPagedModel *self,
                                        guint         page_size);
/* The first page may be smaller than the next ones (0: the same), so that
 * a list shows what fits on screen at once and reads the rest as it is
 * scrolled to. */
void      mk_paged_model_set_first_page_size (MkPagedModel *self,
                                              guint         first_page_size);
/* For subclasses that show new rows live: the first row held (borrowed,
 * NULL when empty; the item itself unless the class sets create_item) and
 * a way to put one above it: prepend() takes a reference on an item,
 * prepend_row() takes ownership of a row. */
gpointer  mk_paged_model_peek_first    (MkPagedModel *self);
void      mk_paged_model_prepend       (MkPagedModel *self,
                                        gpointer      item);
void      mk_paged_model_prepend_row   (MkPagedModel *self,
                                        gpointer      row);

G_END_DECLS
