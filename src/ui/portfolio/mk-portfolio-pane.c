/* mk-portfolio-pane.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mk-context.h"
#include "mk-display-style.h"
#include "mk-export-format.h"
#include "mk-media-table.h"
#include "mk-metrics-table.h"
#include "mk-pane.h"
#include "mk-profiles-table.h"
#include "mk-reviews-table.h"
#include "mk-media-grid.h"
#include "mk-media-tile.h"
#include "mk-portfolio-header.h"
#include "mk-portfolio-pane.h"

#include "metrics/mk-metrics-summary.h"
#include "profile/mk-avatar.h"
#include "profile/mk-profile-editor.h"
#include "reviews/mk-review-card.h"

/* The grid shows the newest posts of every platform together. */
#define MEDIA_LIMIT 24
/* ui.md: the reviews summary quotes the two latest reviews. */
#define N_QUOTES    2

static const MkPlatform platforms[] = {
  MK_PLATFORM_INSTAGRAM, MK_PLATFORM_FACEBOOK, MK_PLATFORM_YOUTUBE,
};

struct _MkPortfolioPane
{
  AdwBin          parent_instance;

  /* Template children */
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  AdwAvatar      *avatar;
  GtkLabel       *name_label;
  GtkLabel       *slug_label;
  GtkLabel       *bio_label;
  GtkFlowBox     *categories_box;
  GtkLabel       *budget_label;
  GtkFlowBox     *stats_box;
  GtkLabel       *media_empty_label;
  GtkGridView    *media_grid;
  GtkBox         *reviews_box;
  GtkLabel       *reviews_average_label;
  GtkLabel       *reviews_stars_label;
  GtkLabel       *reviews_count_label;
  GtkBox         *quotes_box;

  /* Owned */
  MkContext      *context;
  MkSyncService  *sync;
  GListStore     *media;
  GCancellable   *cancellable;
  char           *avatar_reference;

  guint           reload_id;
};

static void mk_pane_iface_init (MkPaneInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MkPortfolioPane, mk_portfolio_pane, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MK_TYPE_PANE, mk_pane_iface_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  OPEN_URI,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
mk_portfolio_pane_get_id (MkPane *pane)
{
  return "portfolio";
}

static const char *
mk_portfolio_pane_get_title (MkPane *pane)
{
  return _("Portfolio");
}

static const char *
mk_portfolio_pane_get_icon_name (MkPane *pane)
{
  return "image-x-generic-symbolic";
}

static void
mk_pane_iface_init (MkPaneInterface *iface)
{
  iface->get_id = mk_portfolio_pane_get_id;
  iface->get_title = mk_portfolio_pane_get_title;
  iface->get_icon_name = mk_portfolio_pane_get_icon_name;
}

/* The editor needs both an account and an open database. */
static void
update_actions (MkPortfolioPane *self)
{
  gboolean can_edit = self->context != NULL &&
                      mk_context_get_user_id (self->context) != NULL &&
                      mk_context_get_store (self->context) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.edit-profile", can_edit);
}

static const char *
thumbnail_dir (MkPortfolioPane *self)
{
  if (self->sync != NULL)
    return mk_sync_service_get_thumbnail_dir (self->sync);

  return NULL;
}

/* Header */

static void
avatar_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  MkPortfolioPane *self;

  texture = mk_avatar_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = MK_PORTFOLIO_PANE (user_data);
  if (texture == NULL)
    {
      g_debug ("Avatar not shown: %s", error->message);
      return;
    }

  adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
}

static void
fill_header (MkPortfolioPane *self,
             MkProfile       *profile)
{
  const char *name = mk_profile_get_display_name (profile);
  const char *slug = mk_profile_get_slug (profile);
  const char *bio = mk_profile_get_bio (profile);
  const char *avatar = mk_profile_get_avatar_url (profile);
  const char * const *categories = mk_profile_get_categories (profile);
  g_autofree char *slug_text = NULL;
  g_autofree char *budget = NULL;
  GtkWidget *child;

  gtk_label_set_label (self->name_label, name != NULL ? name : slug);
  adw_avatar_set_text (self->avatar, name != NULL ? name : slug);

  slug_text = slug != NULL ? g_strdup_printf ("@%s", slug) : NULL;
  gtk_label_set_label (self->slug_label, slug_text != NULL ? slug_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->slug_label), slug_text != NULL);

  gtk_label_set_label (self->bio_label, bio != NULL ? bio : "");
  gtk_widget_set_visible (GTK_WIDGET (self->bio_label), bio != NULL && *bio != '\0');

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->categories_box))) != NULL)
    gtk_flow_box_remove (self->categories_box, child);
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    {
      GtkWidget *pill = gtk_label_new (categories[i]);

      gtk_widget_add_css_class (pill, "category-pill");
      gtk_widget_set_halign (pill, GTK_ALIGN_START);
      gtk_flow_box_append (self->categories_box, pill);
      gtk_widget_set_focusable (gtk_widget_get_parent (pill), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->categories_box), categories != NULL && categories[0] != NULL);

  budget = mk_export_format_budget (mk_profile_get_budget_min (profile),
                                    mk_profile_get_budget_max (profile),
                                    mk_profile_get_currency (profile));
  if (budget != NULL)
    {
      /* Translators: %s is a budget range, e.g. "500–5,000 EUR" */
      g_autofree char *text = g_strdup_printf (_("Budget: %s"), budget);

      gtk_label_set_label (self->budget_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->budget_label), budget != NULL);

  if (g_strcmp0 (avatar, self->avatar_reference) != 0)
    {
      g_free (self->avatar_reference);
      self->avatar_reference = g_strdup (avatar);
      adw_avatar_set_custom_image (self->avatar, NULL);
      if (avatar != NULL)
        mk_avatar_load_async (avatar, self->cancellable, avatar_loaded_cb, self);
    }
}

/* Stats */

static GtkWidget *
stat_card (const char *value,
           const char *caption,
           const char *tooltip)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *caption_label = gtk_label_new (caption);
  g_autofree char *spoken = g_strdup_printf ("%s %s", value, caption);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "portfolio-stat");
  gtk_widget_add_css_class (value_label, "title-2");
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_widget_add_css_class (caption_label, "caption");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption_label), 16);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (GTK_BOX (box), caption_label);

  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (box, tooltip);

  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
  return box;
}

static void
add_stat (MkPortfolioPane *self,
          GtkWidget       *card)
{
  gtk_flow_box_append (self->stats_box, card);
  gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
}

static gint64
fill_stats (MkPortfolioPane *self,
            MkStore         *store,
            const char      *user_id)
{
  g_autofree char *reach_text = NULL;
  GtkWidget *child;
  gint64 reach = 0;
  guint n_known = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stats_box))) != NULL)
    gtk_flow_box_remove (self->stats_box, child);

  /* The reach card goes first; it is filled in once the sum is known. */
  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    {
      g_autoptr(MkMetricsSnapshot) snapshot = mk_store_metrics_latest (store, user_id, platforms[i], NULL);
      g_autofree char *count = NULL;
      g_autofree char *caption = NULL;
      g_autofree char *rate = NULL;
      g_autofree char *method = NULL;
      MkEngagement computed = { 0 };
      gint64 followers;
      double engagement;

      if (snapshot == NULL || (followers = mk_metrics_snapshot_get_follower_count (snapshot)) < 0)
        continue;

      reach += followers;
      n_known++;
      count = mk_export_format_count (followers);

      /* The same figure as the Metrics section shows. */
      method = g_settings_get_string (mk_context_get_settings (self->context), "engagement-formula");
      if (mk_metrics_engagement_from_media (store, user_id, platforms[i], followers, method, &computed))
        engagement = computed.rate;
      else
        engagement = mk_metrics_snapshot_get_engagement_rate (snapshot);

      if (!isnan (engagement))
        {
          rate = mk_export_format_rate (engagement);
          caption = g_strdup_printf (platforms[i] == MK_PLATFORM_YOUTUBE
                                     /* Translators: "YouTube subscribers · 4.6% engagement" */
                                     ? _("%s subscribers · %s engagement")
                                     /* Translators: "Instagram followers · 4.6% engagement" */
                                     : _("%s followers · %s engagement"),
                                     mk_platform_get_display_name (platforms[i]), rate);
        }
      else
        {
          caption = g_strdup_printf (platforms[i] == MK_PLATFORM_YOUTUBE ? _("%s subscribers") : _("%s followers"),
                                     mk_platform_get_display_name (platforms[i]));
        }

      add_stat (self, stat_card (count, caption,
                                 !isnan (engagement) ? mk_export_get_formula_caption (platforms[i]) : NULL));
    }

  if (n_known > 0)
    {
      GtkWidget *card;

      reach_text = mk_export_format_count (reach);
      card = stat_card (reach_text, _("Combined reach"),
                        _("The sum of the latest follower and subscriber counts of every platform"));
      gtk_flow_box_prepend (self->stats_box, card);
      gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->stats_box), n_known > 0);

  return n_known > 0 ? reach : -1;
}

/* Reviews: the published ones only, counted and rounded as the exported
 * kit does (mk-portfolio-gather.c, mk_portfolio_get_review_average()), so
 * the two never disagree. */

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

static GtkWidget *
quote_card (MkReview *review)
{
  const char *project = mk_review_get_project_type (review);
  int rating = CLAMP (mk_review_get_rating (review), 1, 5);
  g_autofree char *stars = mk_review_card_format_stars (rating);
  g_autofree char *stars_spoken = mk_review_card_describe_stars (rating);
  g_autofree char *text = g_strstrip (g_strdup (mk_review_get_review_text (review)));
  /* Translators: a client's words quoted in the Portfolio; use the
   * quotation marks of your language */
  g_autofree char *quoted = g_strdup_printf (_("“%s”"), text);
  g_autofree char *byline_markup = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *byline = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *stars_label = gtk_label_new (stars);
  GtkWidget *byline_label = gtk_label_new (NULL);
  GtkWidget *text_label = gtk_label_new (quoted);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "portfolio-quote");

  /* A long review is cut after a few lines: the Reviews section has it
   * whole. */
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (text_label), 4);
  gtk_label_set_ellipsize (GTK_LABEL (text_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (text_label), 0);
  gtk_widget_set_tooltip_text (text_label, text);
  gtk_box_append (GTK_BOX (box), text_label);

  gtk_widget_add_css_class (stars_label, "portfolio-quote-stars");
  gtk_widget_set_valign (stars_label, GTK_ALIGN_BASELINE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (stars_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, stars_spoken,
                                  -1);
  gtk_box_append (GTK_BOX (byline), stars_label);

  /* One wrapping label, so that at phone widths the client's name wraps
   * rather than being cut for the project type. */
  if (!is_blank (project))
    byline_markup = g_markup_printf_escaped ("<b>%s</b>  <span alpha=\"55%%\">%s</span>",
                                             mk_review_get_client_name (review), project);
  else
    byline_markup = g_markup_printf_escaped ("<b>%s</b>", mk_review_get_client_name (review));
  gtk_label_set_markup (GTK_LABEL (byline_label), byline_markup);
  gtk_label_set_wrap (GTK_LABEL (byline_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (byline_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (byline_label), 0);
  gtk_widget_set_hexpand (byline_label, TRUE);
  gtk_widget_set_valign (byline_label, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (byline), byline_label);
  gtk_box_append (GTK_BOX (box), byline);

  return box;
}

static void
fill_reviews (MkPortfolioPane *self,
              MkStore         *store,
              const char      *user_id)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) reviews = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *average_text = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *stars = NULL;
  g_autofree char *spoken = NULL;
  GtkWidget *child;
  gint64 sum = 0;
  double average;
  guint n_quotes = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->quotes_box))) != NULL)
    gtk_box_remove (self->quotes_box, child);

  /* Newest first. */
  listed = mk_store_reviews_list (store, user_id, TRUE, &error);
  if (listed == NULL)
    g_warning ("Could not read the reviews: %s", error->message);

  /* Moderation is what is_published is for: checked again here, as the
   * export does, rather than trusting the query alone. */
  for (guint i = 0; listed != NULL && i < listed->len; i++)
    if (mk_review_get_is_published (g_ptr_array_index (listed, i)))
      g_ptr_array_add (reviews, g_ptr_array_index (listed, i));

  if (reviews->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->reviews_box), FALSE);
      return;
    }

  for (guint i = 0; i < reviews->len; i++)
    sum += CLAMP (mk_review_get_rating (g_ptr_array_index (reviews, i)), 1, 5);
  average = round ((double) sum * 10 / reviews->len) / 10;

  /* Translators: the average rating, to one decimal */
  average_text = g_strdup_printf (_("%.1f"), average);
  stars = mk_review_card_format_stars (average);
  count_text = g_strdup_printf (ngettext ("%u published review", "%u published reviews", reviews->len),
                                reviews->len);
  spoken = g_strdup_printf (_("Average rating %.1f out of 5"), average);

  gtk_label_set_label (self->reviews_average_label, average_text);
  gtk_label_set_label (self->reviews_stars_label, stars);
  gtk_label_set_label (self->reviews_count_label, count_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reviews_average_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reviews_stars_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);

  /* A rating without words has nothing to quote: the next one is. */
  for (guint i = 0; i < reviews->len && n_quotes < N_QUOTES; i++)
    {
      MkReview *review = g_ptr_array_index (reviews, i);

      if (is_blank (mk_review_get_review_text (review)))
        continue;

      gtk_box_append (self->quotes_box, quote_card (review));
      n_quotes++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->quotes_box), n_quotes > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->reviews_box), TRUE);
}

/* Media */

static gboolean
same_item (MkMediaItem *a,
           MkMediaItem *b)
{
  return g_strcmp0 (mk_media_item_get_id (a), mk_media_item_get_id (b)) == 0 &&
         g_strcmp0 (mk_media_item_get_thumbnail_file (a), mk_media_item_get_thumbnail_file (b)) == 0 &&
         mk_media_item_get_like_count (a) == mk_media_item_get_like_count (b) &&
         mk_media_item_get_comment_count (a) == mk_media_item_get_comment_count (b);
}

/* Showing the section again should not decode every thumbnail again. */
static gboolean
media_unchanged (MkPortfolioPane *self,
                 GPtrArray       *items)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->media)) != items->len)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(MkMediaItem) shown = g_list_model_get_item (G_LIST_MODEL (self->media), i);

      if (!same_item (shown, g_ptr_array_index (items, i)))
        return FALSE;
    }

  return TRUE;
}

static guint
fill_media (MkPortfolioPane *self,
            MkStore         *store,
            const char      *user_id)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = mk_store_media_list (store, user_id, MK_PLATFORM_NONE, MEDIA_LIMIT, &error);
  if (items == NULL)
    {
      g_warning ("Could not read the recent posts: %s", error->message);
      g_list_store_remove_all (self->media);
    }
  else if (!media_unchanged (self, items))
    {
      g_list_store_splice (self->media, 0, g_list_model_get_n_items (G_LIST_MODEL (self->media)),
                           items->pdata, items->len);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->media_empty_label), items == NULL || items->len == 0);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->media_grid)), items != NULL && items->len > 0);

  return items != NULL ? items->len : 0;
}

static void
reload (MkPortfolioPane *self)
{
  g_autoptr(MkProfile) profile = NULL;
  MkStore *store = self->context != NULL ? mk_context_get_store (self->context) : NULL;
  const char *user_id = self->context != NULL ? mk_context_get_user_id (self->context) : NULL;
  guint n_media;
  gint64 reach;

  g_clear_handle_id (&self->reload_id, g_source_remove);

  if (store == NULL || user_id == NULL)
    {
      g_list_store_remove_all (self->media);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  profile = mk_store_profiles_get (store, user_id, NULL);
  reach = fill_stats (self, store, user_id);
  n_media = fill_media (self, store, user_id);
  fill_reviews (self, store, user_id);

  if (profile == NULL && reach < 0 && n_media == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (profile != NULL)
    {
      fill_header (self, profile);
    }
  else
    {
      g_autoptr(MkProfile) blank = mk_profile_new ();

      mk_profile_set_display_name (blank, _("Your Name"));
      fill_header (self, blank);
    }

  gtk_stack_set_visible_child_name (self->stack, "content");
}

static gboolean
reload_idle_cb (gpointer data)
{
  MkPortfolioPane *self = data;

  self->reload_id = 0;
  reload (self);

  return G_SOURCE_REMOVE;
}

/* Thumbnails arrive one by one: reload once they pause. */
static void
queue_reload (MkPortfolioPane *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (300, reload_idle_cb, self);
}

static void
setup_tile_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               MkPortfolioPane          *self)
{
  gtk_list_item_set_child (list_item, mk_media_tile_new ());
}

static void
bind_tile_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              MkPortfolioPane          *self)
{
  mk_media_tile_set_item (MK_MEDIA_TILE (gtk_list_item_get_child (list_item)),
                          gtk_list_item_get_item (list_item),
                          thumbnail_dir (self));
}

static void
unbind_tile_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                MkPortfolioPane          *self)
{
  mk_media_tile_set_item (MK_MEDIA_TILE (gtk_list_item_get_child (list_item)), NULL, NULL);
}

static void
media_activated_cb (GtkGridView     *grid,
                    guint            position,
                    MkPortfolioPane *self)
{
  g_autoptr(MkMediaItem) item = g_list_model_get_item (G_LIST_MODEL (self->media), position);
  const char *permalink;
  gboolean handled = FALSE;

  if (item == NULL || (permalink = mk_media_item_get_permalink (item)) == NULL)
    return;

  g_signal_emit (self, signals[OPEN_URI], 0, permalink, &handled);
}

static gboolean
mk_portfolio_pane_real_open_uri (MkPortfolioPane *self,
                                 const char      *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);

  return TRUE;
}

/* Actions */

static void
edit_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MkPortfolioPane *self = MK_PORTFOLIO_PANE (widget);
  MkProfileEditor *editor;
  MkStore *store;
  const char *user_id;

  if (self->context == NULL)
    return;

  store = mk_context_get_store (self->context);
  user_id = mk_context_get_user_id (self->context);
  if (store == NULL || user_id == NULL)
    return;

  editor = mk_profile_editor_new (GTK_WINDOW (gtk_widget_get_root (widget)), store, user_id);
  /* What was saved shows when the editor closes. */
  g_signal_connect_object (editor, "destroy", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
set_sync_service (MkPortfolioPane *self,
                  MkSyncService   *sync)
{
  if (self->sync == sync)
    return;

  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);

  g_set_object (&self->sync, sync);

  if (sync != NULL)
    {
      g_signal_connect_object (sync, "platform-updated", G_CALLBACK (queue_reload), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sync, "thumbnail-ready", G_CALLBACK (queue_reload), self, G_CONNECT_SWAPPED);
    }
}

static void
context_changed_cb (MkPortfolioPane *self)
{
  MkSyncService *sync = NULL;

  if (self->context != NULL && mk_context_get_store (self->context) != NULL &&
      mk_context_get_user_id (self->context) != NULL)
    sync = mk_context_get_sync_service (self->context);

  set_sync_service (self, sync);
  update_actions (self);
  reload (self);
}

static void
mk_portfolio_pane_constructed (GObject *object)
{
  MkPortfolioPane *self = (MkPortfolioPane *)object;

  G_OBJECT_CLASS (mk_portfolio_pane_parent_class)->constructed (object);

  if (self->context == NULL)
    return;

  g_signal_connect_object (self->context, "notify::user-id", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::sync-service", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);

  context_changed_cb (self);
}

static void
mk_portfolio_pane_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mk_portfolio_pane_parent_class)->map (widget);

  /* The profile may have been edited in Preferences meanwhile. */
  reload (MK_PORTFOLIO_PANE (widget));
}

static void
mk_portfolio_pane_dispose (GObject *object)
{
  MkPortfolioPane *self = (MkPortfolioPane *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  set_sync_service (self, NULL);
  g_clear_object (&self->context);


  G_OBJECT_CLASS (mk_portfolio_pane_parent_class)->dispose (object);
}

static void
mk_portfolio_pane_finalize (GObject *object)
{
  MkPortfolioPane *self = (MkPortfolioPane *)object;

  g_clear_object (&self->media);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->avatar_reference, g_free);

  G_OBJECT_CLASS (mk_portfolio_pane_parent_class)->finalize (object);
}

static void
mk_portfolio_pane_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MkPortfolioPane *self = MK_PORTFOLIO_PANE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_portfolio_pane_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MkPortfolioPane *self = MK_PORTFOLIO_PANE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_portfolio_pane_class_init (MkPortfolioPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mk_portfolio_pane_constructed;
  object_class->dispose = mk_portfolio_pane_dispose;
  object_class->finalize = mk_portfolio_pane_finalize;
  object_class->get_property = mk_portfolio_pane_get_property;
  object_class->set_property = mk_portfolio_pane_set_property;

  widget_class->map = mk_portfolio_pane_map;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");

  /**
   * MkPortfolioPane::open-uri:
   * @uri: the post's permalink
   *
   * A post of the grid was activated. The default handler opens @uri in the
   * browser; a handler that returns %TRUE stops it (tests do).
   */
  signals[OPEN_URI] =
    g_signal_new_class_handler ("open-uri",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (mk_portfolio_pane_real_open_uri),
                                g_signal_accumulator_true_handled, NULL,
                                NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  g_type_ensure (MK_TYPE_MEDIA_GRID);
  g_type_ensure (MK_TYPE_PORTFOLIO_HEADER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/portfolio/mk-portfolio-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, stack);
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, avatar);
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, name_label);
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, slug_label);
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, bio_label);
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, categories_box);
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, budget_label);
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, stats_box);
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, media_empty_label);
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, media_grid);
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, reviews_box);
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, reviews_average_label);
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, reviews_stars_label);
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, reviews_count_label);
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, quotes_box);
  gtk_widget_class_bind_template_callback (widget_class, media_activated_cb);

  gtk_widget_class_install_action (widget_class, "portfolio.edit-profile", NULL, edit_profile_action);
}

static void
mk_portfolio_pane_init (MkPortfolioPane *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSelectionModel) selection = NULL;

  self->cancellable = g_cancellable_new ();
  self->media = g_list_store_new (MK_TYPE_MEDIA_ITEM);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_tile_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_tile_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_tile_cb), self);
  gtk_grid_view_set_factory (self->media_grid, factory);

  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->media))));
  gtk_grid_view_set_model (self->media_grid, selection);

  update_actions (self);

  mk_display_style_add_sheet (gdk_display_get_default (), RESOURCE_PREFIX "/ui/portfolio/mk-portfolio.css");
}

/**
 * mk_portfolio_pane_get_media_model:
 * @self: a #MkPortfolioPane
 *
 * Returns: (transfer none): the MkMediaItem the grid shows
 */
GListModel *
mk_portfolio_pane_get_media_model (MkPortfolioPane *self)
{
  g_return_val_if_fail (MK_IS_PORTFOLIO_PANE (self), NULL);

  return G_LIST_MODEL (self->media);
}
