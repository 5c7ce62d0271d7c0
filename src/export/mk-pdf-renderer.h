/* mk-pdf-renderer.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "mk-portfolio.h"

G_BEGIN_DECLS

/* The media kit as vector pages drawn with cairo and pango: the same
 * sections and wording as the HTML page (mk-html-renderer.h), laid out once
 * into a plan of pages that the PDF file, the preview and printing all draw
 * from, so all three agree to the point. Fonts are whatever fontconfig
 * resolves for each script and are embedded by cairo; the only links are
 * https:// ones; the PDF has no script, launch or open action. */

typedef enum
{
  MK_PAPER_SIZE_AUTO,
  MK_PAPER_SIZE_A4,
  MK_PAPER_SIZE_LETTER,
} MkPaperSize;

/* "auto", "a4" or "letter" (the paper-size setting); anything else is
 * MK_PAPER_SIZE_AUTO. */
MkPaperSize  mk_paper_size_from_string   (const char  *name);
/* AUTO becomes the locale's paper (LC_PAPER): Letter where it is 216 mm
 * wide, A4 everywhere else. */
MkPaperSize  mk_paper_size_resolve       (MkPaperSize  size);
/* In points (1/72 inch), portrait. */
void         mk_paper_size_get_points    (MkPaperSize  size,
                                          double      *out_width,
                                          double      *out_height);

typedef struct _MkPdfPlan MkPdfPlan;

/* Lays @doc out on pages of @paper. Reads the avatar; never fails: text
 * that no font covers still gets a glyph from the fallback fonts. */
MkPdfPlan   *mk_pdf_plan_new             (MkPortfolio  *doc,
                                          MkPaperSize   paper);
MkPdfPlan   *mk_pdf_plan_ref             (MkPdfPlan    *plan);
void         mk_pdf_plan_unref           (MkPdfPlan    *plan);
guint        mk_pdf_plan_get_n_pages     (MkPdfPlan    *plan);
/* In points. */
void         mk_pdf_plan_get_page_size   (MkPdfPlan    *plan,
                                          double       *out_width,
                                          double       *out_height);

/* Draws page @page (from 0) with its top left corner at the origin of @cr,
 * one user unit per point: scale @cr first for a preview; a
 * GtkPrintContext in GTK_UNIT_POINTS is ready as it is. Draws no
 * background, so the caller chooses the paper colour. */
void         mk_pdf_render_to_cairo      (MkPdfPlan    *plan,
                                          cairo_t      *cr,
                                          guint         page);

/* The whole document as PDF bytes, with title, author and date. */
GBytes      *mk_pdf_render               (MkPortfolio  *doc,
                                          MkPaperSize   paper,
                                          GError      **error);

/* Renders @doc and writes it to @path atomically (see mk-export-file.h). */
gboolean     mk_pdf_export_file          (MkPortfolio  *doc,
                                          MkPaperSize   paper,
                                          const char   *path,
                                          GError      **error);

/* The same in a worker thread. @doc must not change until it completes. */
void         mk_pdf_export_file_async    (MkPortfolio          *doc,
                                          MkPaperSize           paper,
                                          const char           *path,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean     mk_pdf_export_file_finish   (MkPortfolio          *doc,
                                          GAsyncResult         *result,
                                          GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkPdfPlan, mk_pdf_plan_unref)

G_END_DECLS
