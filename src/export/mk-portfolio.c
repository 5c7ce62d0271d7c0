/* mk-portfolio.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mk-export-error.h"
#include "mk-export-image.h"
#include "mk-portfolio.h"

/* An avatar is a small picture; anything bigger is a mistake and would make
 * the exported page heavy to send by mail. */
#define MAX_AVATAR_BYTES (4 * 1024 * 1024)
/* Thumbnails are downloaded small; a bigger file is not one of ours. */
#define MAX_THUMBNAIL_BYTES (2 * 1024 * 1024)

struct _MkPortfolio
{
  GObject    parent_instance;

  /* options */
  gboolean   include_budget;
  gboolean   include_reviews;
  guint      max_reviews;
  guint      max_media;
  char      *contact;
  char      *accent_color;
  char      *language;

  /* profile */
  char      *display_name;
  char      *slug;
  char      *bio;
  GStrv      categories;
  gint64     budget_min;
  gint64     budget_max;
  char      *currency;
  char      *avatar_path;

  /* avatar, read on first use; the lock lets a renderer in a worker thread
   * and one on the main thread share the document */
  GMutex     avatar_lock;
  gboolean   avatar_loaded;
  GBytes    *avatar;
  const char *avatar_mime_type;

  GArray    *stats;    /* of MkPortfolioStat */
  GPtrArray *reviews;  /* of MkPortfolioReview */
  GPtrArray *media;    /* of MkPortfolioMedia */
};

G_DEFINE_FINAL_TYPE (MkPortfolio, mk_portfolio, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INCLUDE_BUDGET,
  PROP_INCLUDE_REVIEWS,
  PROP_MAX_REVIEWS,
  PROP_MAX_MEDIA,
  PROP_CONTACT,
  PROP_ACCENT_COLOR,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
valid_or_null (const char *text)
{
  return text != NULL ? g_utf8_make_valid (text, -1) : NULL;
}

static void
replace_text (char       **field,
              const char  *text)
{
  char *copy = valid_or_null (text);

  g_free (*field);
  *field = copy;
}

static void
stat_clear (gpointer data)
{
  MkPortfolioStat *stat = data;

  g_clear_pointer (&stat->as_of, g_date_time_unref);
}

static void
review_free (gpointer data)
{
  MkPortfolioReview *review = data;

  g_free (review->client_name);
  g_free (review->project_type);
  g_free (review->text);
  g_clear_pointer (&review->created_at, g_date_time_unref);
  g_free (review);
}

static void
media_free (gpointer data)
{
  MkPortfolioMedia *media = data;

  g_free (media->caption);
  g_free (media->permalink);
  g_free (media->thumbnail_path);
  g_clear_pointer (&media->published_at, g_date_time_unref);
  g_free (media);
}

/* "pt_BR.UTF-8@euro" -> "pt-BR"; the C and POSIX locales give NULL. */
static char *
language_from_locale (const char *locale)
{
  GString *tag;

  if (locale == NULL || g_str_equal (locale, "C") || g_str_has_prefix (locale, "C.")
      || g_str_equal (locale, "POSIX"))
    return NULL;

  tag = g_string_new (NULL);
  for (const char *p = locale; *p != '\0' && *p != '.' && *p != '@'; p++)
    g_string_append_c (tag, *p == '_' ? '-' : *p);

  return g_string_free (tag, FALSE);
}

/* Only letters, digits and hyphens: the tag lands in an attribute and
 * nothing in a language tag needs more. */
static gboolean
is_language_tag (const char *tag)
{
  gsize len = 0;

  if (tag == NULL || !g_ascii_isalpha (tag[0]))
    return FALSE;

  for (const char *p = tag; *p != '\0'; p++, len++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;

  return len <= 35;
}

static char *
default_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *tag = language_from_locale (names[i]);

      if (is_language_tag (tag))
        return g_steal_pointer (&tag);
    }

  return g_strdup ("en");
}

static void
mk_portfolio_finalize (GObject *object)
{
  MkPortfolio *self = (MkPortfolio *)object;

  g_free (self->contact);
  g_free (self->accent_color);
  g_free (self->language);
  g_free (self->display_name);
  g_free (self->slug);
  g_free (self->bio);
  g_strfreev (self->categories);
  g_free (self->currency);
  g_free (self->avatar_path);
  g_clear_pointer (&self->avatar, g_bytes_unref);
  g_mutex_clear (&self->avatar_lock);
  g_clear_pointer (&self->stats, g_array_unref);
  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  g_clear_pointer (&self->media, g_ptr_array_unref);

  G_OBJECT_CLASS (mk_portfolio_parent_class)->finalize (object);
}

static void
mk_portfolio_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MkPortfolio *self = MK_PORTFOLIO (object);

  switch (prop_id)
    {
    case PROP_INCLUDE_BUDGET:
      g_value_set_boolean (value, self->include_budget);
      break;
    case PROP_INCLUDE_REVIEWS:
      g_value_set_boolean (value, self->include_reviews);
      break;
    case PROP_MAX_REVIEWS:
      g_value_set_uint (value, self->max_reviews);
      break;
    case PROP_MAX_MEDIA:
      g_value_set_uint (value, self->max_media);
      break;
    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;
    case PROP_ACCENT_COLOR:
      g_value_set_string (value, self->accent_color);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_portfolio_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MkPortfolio *self = MK_PORTFOLIO (object);

  switch (prop_id)
    {
    case PROP_INCLUDE_BUDGET:
      mk_portfolio_set_include_budget (self, g_value_get_boolean (value));
      break;
    case PROP_INCLUDE_REVIEWS:
      mk_portfolio_set_include_reviews (self, g_value_get_boolean (value));
      break;
    case PROP_MAX_REVIEWS:
      mk_portfolio_set_max_reviews (self, g_value_get_uint (value));
      break;
    case PROP_MAX_MEDIA:
      mk_portfolio_set_max_media (self, g_value_get_uint (value));
      break;
    case PROP_CONTACT:
      mk_portfolio_set_contact (self, g_value_get_string (value));
      break;
    case PROP_ACCENT_COLOR:
      {
        g_autoptr(GError) error = NULL;

        if (!mk_portfolio_set_accent_color (self, g_value_get_string (value), &error))
          g_warning ("%s", error->message);
      }
      break;
    case PROP_LANGUAGE:
      mk_portfolio_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_portfolio_class_init (MkPortfolioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mk_portfolio_finalize;
  object_class->get_property = mk_portfolio_get_property;
  object_class->set_property = mk_portfolio_set_property;

  properties[PROP_INCLUDE_BUDGET] =
    g_param_spec_boolean ("include-budget", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_INCLUDE_REVIEWS] =
    g_param_spec_boolean ("include-reviews", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MAX_REVIEWS] =
    g_param_spec_uint ("max-reviews", NULL, NULL,
                       0, 20, MK_PORTFOLIO_DEFAULT_MAX_REVIEWS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MAX_MEDIA] =
    g_param_spec_uint ("max-media", NULL, NULL,
                       0, 24, MK_PORTFOLIO_DEFAULT_MAX_MEDIA,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CONTACT] =
    g_param_spec_string ("contact", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ACCENT_COLOR] =
    g_param_spec_string ("accent-color", NULL, NULL,
                         MK_PORTFOLIO_DEFAULT_ACCENT_COLOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mk_portfolio_init (MkPortfolio *self)
{
  g_mutex_init (&self->avatar_lock);
  self->include_reviews = TRUE;
  self->max_reviews = MK_PORTFOLIO_DEFAULT_MAX_REVIEWS;
  self->max_media = MK_PORTFOLIO_DEFAULT_MAX_MEDIA;
  self->accent_color = g_strdup (MK_PORTFOLIO_DEFAULT_ACCENT_COLOR);
  self->language = default_language ();
  self->budget_min = -1;
  self->budget_max = -1;
  self->stats = g_array_new (FALSE, TRUE, sizeof (MkPortfolioStat));
  g_array_set_clear_func (self->stats, stat_clear);
  self->reviews = g_ptr_array_new_with_free_func (review_free);
  self->media = g_ptr_array_new_with_free_func (media_free);
}

MkPortfolio *
mk_portfolio_new (void)
{
  return g_object_new (MK_TYPE_PORTFOLIO, NULL);
}

gboolean
mk_portfolio_get_include_budget (MkPortfolio *self)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (self), FALSE);

  return self->include_budget;
}

void
mk_portfolio_set_include_budget (MkPortfolio *self,
                                 gboolean     include_budget)
{
  g_return_if_fail (MK_IS_PORTFOLIO (self));

  include_budget = !!include_budget;
  if (self->include_budget == include_budget)
    return;

  self->include_budget = include_budget;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_BUDGET]);
}

gboolean
mk_portfolio_get_include_reviews (MkPortfolio *self)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (self), FALSE);

  return self->include_reviews;
}

void
mk_portfolio_set_include_reviews (MkPortfolio *self,
                                  gboolean     include_reviews)
{
  g_return_if_fail (MK_IS_PORTFOLIO (self));

  include_reviews = !!include_reviews;
  if (self->include_reviews == include_reviews)
    return;

  self->include_reviews = include_reviews;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_REVIEWS]);
}

/**
 * mk_portfolio_apply_sections:
 * @self: a #MkPortfolio
 * @sections: (nullable): section names (MK_PORTFOLIO_SECTION_*); unknown
 *   ones are ignored
 *
 * Leaves out every section that @sections does not name; a named section
 * keeps its other options (how many posts, which platforms).
 */
void
mk_portfolio_apply_sections (MkPortfolio        *self,
                             const char * const *sections)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (MK_IS_PORTFOLIO (self));

  if (sections == NULL)
    sections = none;

  if (!g_strv_contains (sections, MK_PORTFOLIO_SECTION_AUDIENCE))
    g_array_set_size (self->stats, 0);
  mk_portfolio_set_include_budget (self, g_strv_contains (sections, MK_PORTFOLIO_SECTION_BUDGET));
  if (!g_strv_contains (sections, MK_PORTFOLIO_SECTION_MEDIA))
    mk_portfolio_set_max_media (self, 0);
  mk_portfolio_set_include_reviews (self, g_strv_contains (sections, MK_PORTFOLIO_SECTION_REVIEWS));
}

guint
mk_portfolio_get_max_reviews (MkPortfolio *self)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (self), 0);

  return self->max_reviews;
}

void
mk_portfolio_set_max_reviews (MkPortfolio *self,
                              guint        max_reviews)
{
  g_return_if_fail (MK_IS_PORTFOLIO (self));

  max_reviews = MIN (max_reviews, 20);
  if (self->max_reviews == max_reviews)
    return;

  self->max_reviews = max_reviews;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_REVIEWS]);
}

const char *
mk_portfolio_get_contact (MkPortfolio *self)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (self), NULL);

  return self->contact;
}

void
mk_portfolio_set_contact (MkPortfolio *self,
                          const char  *contact)
{
  g_return_if_fail (MK_IS_PORTFOLIO (self));

  if (g_strcmp0 (self->contact, contact) == 0)
    return;

  replace_text (&self->contact, contact);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

const char *
mk_portfolio_get_accent_color (MkPortfolio *self)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (self), NULL);

  return self->accent_color;
}

gboolean
mk_portfolio_set_accent_color (MkPortfolio  *self,
                               const char   *color,
                               GError      **error)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (MK_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The colour goes into the style sheet verbatim, so only this exact
   * form is accepted: no names, no rgb(), nothing that could end a rule. */
  if (color == NULL || strlen (color) != 7 || color[0] != '#'
      || strspn (color + 1, "0123456789abcdefABCDEF") != 6)
    {
      g_autofree char *shown = color != NULL ? g_utf8_make_valid (color, -1) : g_strdup ("");

      g_set_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_INVALID_OPTION,
                   _("“%s” is not a colour: use the form #RRGGBB, for example #3584e4."),
                   shown);
      return FALSE;
    }

  normalized = g_ascii_strdown (color, -1);
  if (g_strcmp0 (self->accent_color, normalized) != 0)
    {
      g_free (self->accent_color);
      self->accent_color = g_steal_pointer (&normalized);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCENT_COLOR]);
    }

  return TRUE;
}

const char *
mk_portfolio_get_language (MkPortfolio *self)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (self), NULL);

  return self->language;
}

void
mk_portfolio_set_language (MkPortfolio *self,
                           const char  *language)
{
  g_autofree char *tag = NULL;

  g_return_if_fail (MK_IS_PORTFOLIO (self));

  tag = is_language_tag (language) ? g_strdup (language) : default_language ();
  if (g_strcmp0 (self->language, tag) == 0)
    return;

  g_free (self->language);
  self->language = g_steal_pointer (&tag);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
mk_portfolio_get_display_name (MkPortfolio *self)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (self), NULL);

  return self->display_name;
}

void
mk_portfolio_set_display_name (MkPortfolio *self,
                               const char  *display_name)
{
  g_return_if_fail (MK_IS_PORTFOLIO (self));

  replace_text (&self->display_name, display_name);
}

const char *
mk_portfolio_get_slug (MkPortfolio *self)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (self), NULL);

  return self->slug;
}

void
mk_portfolio_set_slug (MkPortfolio *self,
                       const char  *slug)
{
  g_return_if_fail (MK_IS_PORTFOLIO (self));

  replace_text (&self->slug, slug);
}

const char *
mk_portfolio_get_bio (MkPortfolio *self)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (self), NULL);

  return self->bio;
}

void
mk_portfolio_set_bio (MkPortfolio *self,
                      const char  *bio)
{
  g_return_if_fail (MK_IS_PORTFOLIO (self));

  replace_text (&self->bio, bio);
}

const char * const *
mk_portfolio_get_categories (MkPortfolio *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (MK_IS_PORTFOLIO (self), none);

  return self->categories != NULL ? (const char * const *) self->categories : none;
}

void
mk_portfolio_set_categories (MkPortfolio        *self,
                             const char * const *categories)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_if_fail (MK_IS_PORTFOLIO (self));

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    {
      g_autofree char *category = g_utf8_make_valid (categories[i], -1);

      g_strstrip (category);
      if (*category != '\0')
        g_strv_builder_add (builder, category);
    }

  g_strfreev (self->categories);
  self->categories = g_strv_builder_end (builder);
}

void
mk_portfolio_set_budget (MkPortfolio *self,
                         gint64       budget_min,
                         gint64       budget_max,
                         const char  *currency)
{
  g_return_if_fail (MK_IS_PORTFOLIO (self));

  self->budget_min = budget_min >= 0 ? budget_min : -1;
  self->budget_max = budget_max >= 0 ? budget_max : -1;

  /* An ISO 4217 code or nothing: the amount still reads without it. */
  g_clear_pointer (&self->currency, g_free);
  if (currency != NULL && strlen (currency) == 3
      && g_ascii_isupper (currency[0]) && g_ascii_isupper (currency[1])
      && g_ascii_isupper (currency[2]))
    self->currency = g_strdup (currency);
}

gboolean
mk_portfolio_get_budget (MkPortfolio  *self,
                         gint64       *out_min,
                         gint64       *out_max,
                         const char  **out_currency)
{
  gboolean shown;

  g_return_val_if_fail (MK_IS_PORTFOLIO (self), FALSE);

  shown = self->include_budget && (self->budget_min >= 0 || self->budget_max >= 0);

  if (out_min != NULL)
    *out_min = shown ? self->budget_min : -1;
  if (out_max != NULL)
    *out_max = shown ? self->budget_max : -1;
  if (out_currency != NULL)
    *out_currency = shown ? self->currency : NULL;

  return shown;
}

const char *
mk_portfolio_get_avatar_path (MkPortfolio *self)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (self), NULL);

  return self->avatar_path;
}

void
mk_portfolio_set_avatar_path (MkPortfolio *self,
                              const char  *path)
{
  g_return_if_fail (MK_IS_PORTFOLIO (self));

  if (g_strcmp0 (self->avatar_path, path) == 0)
    return;

  g_mutex_lock (&self->avatar_lock);
  g_free (self->avatar_path);
  self->avatar_path = g_strdup (path);
  self->avatar_loaded = FALSE;
  g_clear_pointer (&self->avatar, g_bytes_unref);
  self->avatar_mime_type = NULL;
  g_mutex_unlock (&self->avatar_lock);
}

GBytes *
mk_portfolio_load_avatar (MkPortfolio  *self,
                          const char  **out_mime_type)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (MK_IS_PORTFOLIO (self), NULL);

  locker = g_mutex_locker_new (&self->avatar_lock);

  if (!self->avatar_loaded && self->avatar_path != NULL && *self->avatar_path != '\0')
    {
      g_autoptr(GError) error = NULL;

      self->avatar = mk_export_image_read (self->avatar_path, MAX_AVATAR_BYTES,
                                            &self->avatar_mime_type, &error);
      if (self->avatar == NULL)
        {
          g_autofree char *shown = g_utf8_make_valid (self->avatar_path, -1);

          g_warning ("Leaving the avatar out of the media kit: %s: %s",
                     shown, error->message);
        }
    }
  self->avatar_loaded = TRUE;

  if (out_mime_type != NULL)
    *out_mime_type = self->avatar != NULL ? self->avatar_mime_type : NULL;

  return self->avatar != NULL ? g_bytes_ref (self->avatar) : NULL;
}

void
mk_portfolio_add_stat (MkPortfolio *self,
                       MkPlatform   platform,
                       gint64       followers,
                       double       engagement_rate,
                       GDateTime   *as_of)
{
  MkPortfolioStat stat = { 0, };

  g_return_if_fail (MK_IS_PORTFOLIO (self));

  stat.platform = platform;
  stat.followers = followers >= 0 ? followers : -1;
  stat.engagement_rate = isfinite (engagement_rate) && engagement_rate >= 0 ? engagement_rate : -1;
  stat.as_of = as_of != NULL ? g_date_time_ref (as_of) : NULL;

  for (guint i = 0; i < self->stats->len; i++)
    {
      MkPortfolioStat *old = &g_array_index (self->stats, MkPortfolioStat, i);

      if (old->platform == platform)
        {
          stat_clear (old);
          *old = stat;
          return;
        }
    }

  g_array_append_val (self->stats, stat);
}

void
mk_portfolio_remove_stat (MkPortfolio *self,
                          MkPlatform   platform)
{
  g_return_if_fail (MK_IS_PORTFOLIO (self));

  for (guint i = 0; i < self->stats->len; i++)
    if (g_array_index (self->stats, MkPortfolioStat, i).platform == platform)
      {
        /* Keeps the order of the others, which is the order shown. */
        g_array_remove_index (self->stats, i);
        return;
      }
}

guint
mk_portfolio_get_n_stats (MkPortfolio *self)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (self), 0);

  return self->stats->len;
}

const MkPortfolioStat *
mk_portfolio_get_stat (MkPortfolio *self,
                       guint        index)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (index < self->stats->len, NULL);

  return &g_array_index (self->stats, MkPortfolioStat, index);
}

void
mk_portfolio_add_review (MkPortfolio *self,
                         const char  *client_name,
                         const char  *project_type,
                         int          rating,
                         const char  *text,
                         gboolean     verified,
                         GDateTime   *created_at)
{
  MkPortfolioReview *review;

  g_return_if_fail (MK_IS_PORTFOLIO (self));
  g_return_if_fail (rating >= 1 && rating <= 5);

  review = g_new0 (MkPortfolioReview, 1);
  review->client_name = g_utf8_make_valid (client_name != NULL ? client_name : "", -1);
  review->project_type = project_type != NULL && *project_type != '\0'
                         ? g_utf8_make_valid (project_type, -1) : NULL;
  review->text = g_utf8_make_valid (text != NULL ? text : "", -1);
  review->rating = rating;
  review->verified = !!verified;
  review->created_at = created_at != NULL ? g_date_time_ref (created_at) : NULL;

  g_ptr_array_add (self->reviews, review);
}

guint
mk_portfolio_get_review_count (MkPortfolio *self)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (self), 0);

  /* As with the budget: left out here, so no renderer can show it. */
  return self->include_reviews ? self->reviews->len : 0;
}

double
mk_portfolio_get_review_average (MkPortfolio *self)
{
  gint64 sum = 0;

  g_return_val_if_fail (MK_IS_PORTFOLIO (self), 0);

  if (!self->include_reviews || self->reviews->len == 0)
    return 0;

  for (guint i = 0; i < self->reviews->len; i++)
    sum += ((MkPortfolioReview *) g_ptr_array_index (self->reviews, i))->rating;

  return round ((double) sum * 10 / self->reviews->len) / 10;
}

/* Newest first; reviews without a date go last. */
static int
compare_newest_first (const MkPortfolioReview *a,
                      const MkPortfolioReview *b)
{
  if (a->created_at == NULL || b->created_at == NULL)
    return (a->created_at == NULL) - (b->created_at == NULL);

  return g_date_time_compare (b->created_at, a->created_at);
}

static int
compare_newest_first_ptr (gconstpointer a,
                          gconstpointer b)
{
  return compare_newest_first (*(MkPortfolioReview * const *) a,
                               *(MkPortfolioReview * const *) b);
}

GPtrArray *
mk_portfolio_dup_featured_reviews (MkPortfolio *self)
{
  g_autoptr(GPtrArray) newest = NULL;
  GPtrArray *featured;
  MkPortfolioReview *best = NULL;

  g_return_val_if_fail (MK_IS_PORTFOLIO (self), NULL);

  featured = g_ptr_array_new ();
  if (!self->include_reviews || self->max_reviews == 0 || self->reviews->len == 0)
    return featured;

  /* Not g_ptr_array_copy(): the copy would inherit the free function. */
  newest = g_ptr_array_sized_new (self->reviews->len);
  for (guint i = 0; i < self->reviews->len; i++)
    g_ptr_array_add (newest, g_ptr_array_index (self->reviews, i));
  g_ptr_array_sort (newest, compare_newest_first_ptr);

  /* Going through newest first, a strictly higher rating wins, so the best
   * is the newest of the top-rated ones. */
  for (guint i = 0; i < newest->len; i++)
    {
      MkPortfolioReview *review = g_ptr_array_index (newest, i);

      if (best == NULL || review->rating > best->rating)
        best = review;
    }

  g_ptr_array_add (featured, best);
  for (guint i = 0; i < newest->len && featured->len < self->max_reviews; i++)
    {
      MkPortfolioReview *review = g_ptr_array_index (newest, i);

      if (review != best)
        g_ptr_array_add (featured, review);
    }

  return featured;
}

void
mk_portfolio_set_max_media (MkPortfolio *self,
                            guint        max_media)
{
  g_return_if_fail (MK_IS_PORTFOLIO (self));

  max_media = MIN (max_media, 24);
  if (self->max_media == max_media)
    return;

  self->max_media = max_media;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_MEDIA]);
}

guint
mk_portfolio_get_max_media (MkPortfolio *self)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (self), 0);

  return self->max_media;
}

void
mk_portfolio_add_media (MkPortfolio *self,
                        MkPlatform   platform,
                        MkMediaType  media_type,
                        const char  *caption,
                        const char  *permalink,
                        gint64       likes,
                        gint64       comments,
                        gint64       views,
                        GDateTime   *published_at,
                        const char  *thumbnail_path)
{
  MkPortfolioMedia *media;

  g_return_if_fail (MK_IS_PORTFOLIO (self));

  media = g_new0 (MkPortfolioMedia, 1);
  media->platform = platform;
  media->media_type = media_type;
  media->caption = valid_or_null (caption);
  /* The same rule as every link in the kit: only https leaves the app. */
  if (permalink != NULL && g_str_has_prefix (permalink, "https://")
      && g_utf8_validate (permalink, -1, NULL))
    media->permalink = g_strdup (permalink);
  media->likes = likes >= 0 ? likes : -1;
  media->comments = comments >= 0 ? comments : -1;
  media->views = views >= 0 ? views : -1;
  media->published_at = published_at != NULL ? g_date_time_ref (published_at) : NULL;
  media->thumbnail_path = g_strdup (thumbnail_path);
  g_ptr_array_add (self->media, media);
}

guint
mk_portfolio_get_n_media (MkPortfolio *self)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (self), 0);

  return MIN (self->media->len, self->max_media);
}

const MkPortfolioMedia *
mk_portfolio_get_media (MkPortfolio *self,
                        guint        index)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (index < mk_portfolio_get_n_media (self), NULL);

  return g_ptr_array_index (self->media, index);
}

GBytes *
mk_portfolio_load_thumbnail (MkPortfolio  *self,
                             guint         index,
                             const char  **out_mime_type)
{
  const MkPortfolioMedia *media;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  g_return_val_if_fail (MK_IS_PORTFOLIO (self), NULL);
  g_return_val_if_fail (index < self->media->len, NULL);

  media = g_ptr_array_index (self->media, index);
  if (media->thumbnail_path == NULL)
    return NULL;

  /* A thumbnail evicted from the cache since the gather is normal: the
   * item is shown without its picture. */
  bytes = mk_export_image_read (media->thumbnail_path, MAX_THUMBNAIL_BYTES,
                                out_mime_type, &error);
  if (bytes == NULL && !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_debug ("Leaving a thumbnail out of the media kit: %s", error->message);

  return bytes;
}
