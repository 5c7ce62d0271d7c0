/* mk-portfolio.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mk-enums.h"
#include "mk-media-item.h"
#include "mk-store.h"

G_BEGIN_DECLS

/* The media kit as a document: what a brand may see, gathered once from the
 * store, then handed to a renderer (HTML now; PDF, preview and print later).
 * Renderers only read it, and never reach the store themselves, so all of
 * them show the same thing and tests can build one without a database.
 *
 * Calendar entries, client e-mail addresses, unpublished reviews and
 * anything about connections are never part of it. */

#define MK_TYPE_PORTFOLIO (mk_portfolio_get_type ())

G_DECLARE_FINAL_TYPE (MkPortfolio, mk_portfolio, MK, PORTFOLIO, GObject)

#define MK_PORTFOLIO_DEFAULT_MAX_REVIEWS   3
#define MK_PORTFOLIO_DEFAULT_MAX_MEDIA     6
#define MK_PORTFOLIO_DEFAULT_ACCENT_COLOR  "#3584e4"

/* The sections that can be left out of a kit, by the names the settings
 * (export-sections) use. The header and the contact line are always in. */
#define MK_PORTFOLIO_SECTION_AUDIENCE  "audience"
#define MK_PORTFOLIO_SECTION_BUDGET    "budget"
#define MK_PORTFOLIO_SECTION_MEDIA     "media"
#define MK_PORTFOLIO_SECTION_REVIEWS   "reviews"

/* One platform's latest snapshot. */
typedef struct
{
  MkPlatform  platform;
  gint64      followers;        /* -1: unknown */
  double      engagement_rate;  /* percent, e.g. 3.4; negative: unknown */
  GDateTime  *as_of;            /* UTC; may be NULL */
} MkPortfolioStat;

/* One of the top media, as shown. Counts are -1 when the platform did not
 * say; @permalink is NULL unless it was an https:// address. */
typedef struct
{
  MkPlatform   platform;
  MkMediaType  media_type;
  char        *caption;         /* may be NULL */
  char        *permalink;       /* https:// only, or NULL */
  gint64       likes;
  gint64       comments;
  gint64       views;
  GDateTime   *published_at;    /* UTC; may be NULL */
  char        *thumbnail_path;  /* a local file, or NULL */
} MkPortfolioMedia;

/* One published review, as shown. */
typedef struct
{
  char       *client_name;
  char       *project_type;     /* may be NULL */
  char       *text;
  int         rating;           /* 1 to 5 */
  gboolean    verified;
  GDateTime  *created_at;       /* UTC; may be NULL */
} MkPortfolioReview;

MkPortfolio *mk_portfolio_new                 (void);

/* Reads the profile, the latest metrics of each platform and the published
 * reviews of @user_id. Fails with MK_EXPORT_ERROR_NO_PROFILE when there is
 * no profile; missing metrics or reviews are simply empty sections. */
MkPortfolio *mk_portfolio_gather              (MkStore      *store,
                                               const char   *user_id,
                                               GError      **error);
/* The same, with the recent media whose thumbnails are files in
 * @thumbnail_dir (the sync service's; NULL: media without pictures). */
MkPortfolio *mk_portfolio_gather_full         (MkStore      *store,
                                               const char   *user_id,
                                               const char   *thumbnail_dir,
                                               GError      **error);

/* Options */
gboolean     mk_portfolio_get_include_budget  (MkPortfolio  *self);
void         mk_portfolio_set_include_budget  (MkPortfolio  *self,
                                               gboolean      include_budget);
/* Off: the review count, average and quotes all read as none. On by default. */
gboolean     mk_portfolio_get_include_reviews (MkPortfolio  *self);
void         mk_portfolio_set_include_reviews (MkPortfolio  *self,
                                               gboolean      include_reviews);
void         mk_portfolio_apply_sections      (MkPortfolio  *self,
                                               const char * const *sections);
guint        mk_portfolio_get_max_reviews     (MkPortfolio  *self);
void         mk_portfolio_set_max_media       (MkPortfolio  *self,
                                               guint         max_media);
guint        mk_portfolio_get_max_media       (MkPortfolio  *self);
void         mk_portfolio_set_max_reviews     (MkPortfolio  *self,
                                               guint         max_reviews);
const char  *mk_portfolio_get_contact         (MkPortfolio  *self);
void         mk_portfolio_set_contact         (MkPortfolio  *self,
                                               const char   *contact);
/* Always "#rrggbb" (lower case). */
const char  *mk_portfolio_get_accent_color    (MkPortfolio  *self);
/* Accepts "#RRGGBB" in either case; anything else is
 * MK_EXPORT_ERROR_INVALID_OPTION and leaves the colour as it was. */
gboolean     mk_portfolio_set_accent_color    (MkPortfolio  *self,
                                               const char   *color,
                                               GError      **error);
/* A BCP 47 tag for the page's lang attribute; defaults to the locale's. */
const char  *mk_portfolio_get_language        (MkPortfolio  *self);
void         mk_portfolio_set_language        (MkPortfolio  *self,
                                               const char   *language);

/* Profile. Text setters take any bytes: invalid UTF-8 is repaired here,
 * once, so no renderer has to. */
const char  *mk_portfolio_get_display_name    (MkPortfolio  *self);
void         mk_portfolio_set_display_name    (MkPortfolio  *self,
                                               const char   *display_name);
const char  *mk_portfolio_get_slug            (MkPortfolio  *self);
void         mk_portfolio_set_slug            (MkPortfolio  *self,
                                               const char   *slug);
const char  *mk_portfolio_get_bio             (MkPortfolio  *self);
void         mk_portfolio_set_bio             (MkPortfolio  *self,
                                               const char   *bio);
const char * const *
             mk_portfolio_get_categories      (MkPortfolio  *self);
void         mk_portfolio_set_categories      (MkPortfolio  *self,
                                               const char * const *categories);
/* Budget: -1 for an unset end; @currency an ISO 4217 code ("EUR"), else
 * left out. Only reported (TRUE) when include-budget
 * is on and at least one end is set, so a renderer cannot leak it. */
void         mk_portfolio_set_budget          (MkPortfolio  *self,
                                               gint64        budget_min,
                                               gint64        budget_max,
                                               const char   *currency);
gboolean     mk_portfolio_get_budget          (MkPortfolio  *self,
                                               gint64       *out_min,
                                               gint64       *out_max,
                                               const char  **out_currency);

/* Avatar: a local file. It is read, checked (PNG, JPEG or WebP by its
 * content, at most a few MiB) and kept on first use; an unusable file is
 * left out with a warning rather than failing the whole export. */
const char  *mk_portfolio_get_avatar_path     (MkPortfolio  *self);
void         mk_portfolio_set_avatar_path     (MkPortfolio  *self,
                                               const char   *path);
GBytes      *mk_portfolio_load_avatar         (MkPortfolio  *self,
                                               const char  **out_mime_type);

/* Metrics: at most one per platform; adding a platform again replaces it. */
void         mk_portfolio_add_stat            (MkPortfolio  *self,
                                               MkPlatform    platform,
                                               gint64        followers,
                                               double        engagement_rate,
                                               GDateTime    *as_of);
/* Leaves a platform out (the export dialog's platform switches). */
void         mk_portfolio_remove_stat         (MkPortfolio  *self,
                                               MkPlatform    platform);
guint        mk_portfolio_get_n_stats         (MkPortfolio  *self);
const MkPortfolioStat *
             mk_portfolio_get_stat            (MkPortfolio  *self,
                                               guint         index);

/* Reviews: add every published one; the document keeps the summary and
 * picks which to quote. */
void         mk_portfolio_add_review          (MkPortfolio  *self,
                                               const char   *client_name,
                                               const char   *project_type,
                                               int           rating,
                                               const char   *text,
                                               gboolean      verified,
                                               GDateTime    *created_at);
guint        mk_portfolio_get_review_count    (MkPortfolio  *self);
/* Mean rating rounded to one decimal; 0 when there are no reviews. */
double       mk_portfolio_get_review_average  (MkPortfolio  *self);
/* At most max-reviews: the best review (highest rating, newest first on a
 * tie), then the newest of the rest. Borrowed pointers. */
GPtrArray   *mk_portfolio_dup_featured_reviews (MkPortfolio *self);

/* Media: added in the order shown (the gather puts the most engaging
 * first); renderers show at most max-media of them. */
void         mk_portfolio_add_media           (MkPortfolio  *self,
                                               MkPlatform    platform,
                                               MkMediaType   media_type,
                                               const char   *caption,
                                               const char   *permalink,
                                               gint64        likes,
                                               gint64        comments,
                                               gint64        views,
                                               GDateTime    *published_at,
                                               const char   *thumbnail_path);
/* min (media added, max-media) */
guint        mk_portfolio_get_n_media         (MkPortfolio  *self);
const MkPortfolioMedia *
             mk_portfolio_get_media           (MkPortfolio  *self,
                                               guint         index);
/* The thumbnail's bytes (PNG, JPEG or WebP, checked), or NULL when it has
 * none or the file is missing or not a picture. Read on every call. */
GBytes      *mk_portfolio_load_thumbnail      (MkPortfolio  *self,
                                               guint         index,
                                               const char  **out_mime_type);

G_END_DECLS
