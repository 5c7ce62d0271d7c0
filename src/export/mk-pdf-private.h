/* mk-pdf-private.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "mk-pdf-renderer.h"

G_BEGIN_DECLS

/* Shared by the PDF renderer (the plan, drawing, the file) and
 * mk-pdf-sections.c (what goes where). A plan is a list of items per page,
 * laid out once in points; drawing only replays them. */

/* Geometry, in points. */
#define MARGIN          48.0
#define FOOTER_HEIGHT   28.0
#define AVATAR_SIZE     84.0
#define AVATAR_PIXELS   256
#define SECTION_GAP     22.0
#define CARD_GAP        12.0
#define CARD_PADDING    12.0
#define QUOTE_INDENT    12.0

/* The same palette as the HTML page's print style sheet: the accent is only
 * decoration, text keeps neutral colours so any accent stays readable. */
#define COLOR_TEXT      0x241f31
#define COLOR_MUTED     0x5e5c64
#define COLOR_STAR      0xc88800
#define COLOR_SURFACE   0xf6f5f4

/* Families in order; pango falls back per character through fontconfig for
 * scripts these lack (CJK, Arabic, emoji), and cairo embeds what it used. */
#define FONT_FAMILY     "Noto Sans, Cantarell, DejaVu Sans, sans-serif"
#define FONT_MONO       "DejaVu Sans Mono, Noto Sans Mono, monospace"

typedef enum
{
  ITEM_TEXT,
  ITEM_BOX,
  ITEM_AVATAR,
  ITEM_IMAGE,
} ItemKind;

typedef struct
{
  ItemKind     kind;
  double       x, y, width, height;
  guint32      color;
  double       alpha;
  double       radius;
  PangoLayout *layout;   /* ITEM_TEXT and a monogram ITEM_AVATAR */
  char        *uri;      /* ITEM_TEXT: an https:// link */
  cairo_surface_t *surface;  /* ITEM_IMAGE: any shape, drawn to cover; owned */
} Item;

struct _MkPdfPlan
{
  gatomicrefcount  ref_count;
  double           width, height;
  GPtrArray       *pages;          /* of GArray of Item */
  GPtrArray       *page_numbers;   /* of PangoLayout, one per page */
  cairo_surface_t *avatar;         /* may be NULL */
  PangoContext    *context;
  char            *title;
  char            *author;
};

/* While laying out: where the next block goes. */
typedef struct
{
  MkPdfPlan *plan;
  GArray    *page;
  double     y;
  double     top, bottom;
  double     left, right;
  guint32    accent;
} Flow;

gboolean     mk_pdf_is_blank        (const char   *text);
PangoLayout *mk_pdf_make_layout     (PangoContext *context,
                                     const char   *text,
                                     const char   *font,
                                     double        width);
double       mk_pdf_layout_height   (PangoLayout  *layout);
double       mk_pdf_layout_width    (PangoLayout  *layout);
guint32      mk_pdf_mix_with_white  (guint32       color,
                                     double        amount);

/* Placing things at the cursor; see mk-pdf-renderer.c. */
void         mk_pdf_flow_ensure     (Flow         *flow,
                                     double        height);
Item        *mk_pdf_add_item        (Flow         *flow,
                                     ItemKind      kind,
                                     double        x,
                                     double        y,
                                     double        width,
                                     double        height,
                                     guint32       color);
void         mk_pdf_add_text        (Flow         *flow,
                                     PangoLayout  *layout,
                                     double        x,
                                     double        y,
                                     guint32       color,
                                     const char   *uri);
void         mk_pdf_flow_text       (Flow         *flow,
                                     const char   *text,
                                     const char   *font,
                                     guint32       color,
                                     double        x,
                                     double        width,
                                     const char   *uri,
                                     gboolean      bar);
void         mk_pdf_flow_heading    (Flow         *flow,
                                     const char   *title,
                                     double        keep_with_next);

/* A picture whose shorter side is at most @pixels (a larger one is scaled
 * down), uncropped; a JPEG of sensible size keeps its original bytes for
 * the PDF. NULL when it can not be decoded. */
cairo_surface_t *mk_pdf_load_picture (GBytes     *bytes,
                                      const char *mime_type,
                                      int         pixels);

/* The sections, in the HTML page's order (mk-pdf-sections.c, and
 * mk-pdf-media.c for the media tiles). */
void         mk_pdf_layout_header   (Flow         *flow,
                                     MkPortfolio  *doc);
void         mk_pdf_layout_stats    (Flow         *flow,
                                     MkPortfolio  *doc);
void         mk_pdf_layout_media    (Flow         *flow,
                                     MkPortfolio  *doc);
void         mk_pdf_layout_reviews  (Flow         *flow,
                                     MkPortfolio  *doc);
void         mk_pdf_layout_contact  (Flow         *flow,
                                     MkPortfolio  *doc);
void         mk_pdf_layout_footer   (Flow         *flow);

G_END_DECLS
