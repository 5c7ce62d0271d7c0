/* mk-review-card.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "mk-review-card.h"
#include "mk-time.h"

struct _MkReviewCard
{
  GtkWidget       parent_instance;

  /* Template children */
  GtkLabel       *stars_label;
  GtkLabel       *verified_badge;
  GtkLabel       *hidden_badge;
  GtkMenuButton  *menu_button;
  GtkLabel       *name_label;
  GtkLabel       *meta_label;
  GtkLabel       *text_label;
};

G_DEFINE_FINAL_TYPE (MkReviewCard, mk_review_card, GTK_TYPE_WIDGET)

char *
mk_review_card_format_stars (double rating)
{
  GString *stars = g_string_new (NULL);
  int full = (int) floor (rating + 0.5);

  for (int i = 1; i <= 5; i++)
    g_string_append (stars, i <= full ? "★" : "☆");

  return g_string_free (stars, FALSE);
}

char *
mk_review_card_describe_stars (int rating)
{
  return g_strdup_printf (ngettext ("%d out of 5 stars", "%d out of 5 stars", rating), rating);
}

static char *
format_date (const char *timestamp)
{
  g_autoptr(GDateTime) utc = mk_time_parse_timestamp (timestamp);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (utc);
  /* Translators: a review's date, strftime format */
  return g_date_time_format (local, _("%-d %B %Y"));
}

void
mk_review_card_set_review (MkReviewCard *self,
                           MkReview     *review)
{
  g_autofree char *stars = NULL;
  g_autofree char *described = NULL;
  g_autofree char *date = NULL;
  g_autofree char *meta = NULL;
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) item = NULL;
  const char *id;
  const char *project_type;
  gboolean published, verified;

  g_return_if_fail (MK_IS_REVIEW_CARD (self));

  if (review == NULL)
    {
      gtk_menu_button_set_menu_model (self->menu_button, NULL);
      return;
    }

  id = mk_review_get_id (review);
  published = mk_review_get_is_published (review);
  verified = mk_review_get_is_verified (review);
  project_type = mk_review_get_project_type (review);

  stars = mk_review_card_format_stars (mk_review_get_rating (review));
  described = mk_review_card_describe_stars (mk_review_get_rating (review));
  gtk_label_set_label (self->stars_label, stars);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stars_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, described, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->stars_label), described);

  gtk_label_set_label (self->name_label, mk_review_get_client_name (review));
  date = format_date (mk_review_get_created_at (review));
  g_strstrip (date);
  if (project_type != NULL && *project_type != '\0')
    meta = g_strdup_printf ("%s · %s", project_type, date);
  else
    meta = g_strdup (date);
  gtk_label_set_label (self->meta_label, meta);
  gtk_label_set_label (self->text_label, mk_review_get_review_text (review));

  gtk_widget_set_visible (GTK_WIDGET (self->verified_badge), verified);
  gtk_widget_set_visible (GTK_WIDGET (self->hidden_badge), !published);
  gtk_widget_set_opacity (GTK_WIDGET (self->text_label), published ? 1.0 : 0.7);

  menu = g_menu_new ();
  item = g_menu_item_new (_("Edit…"), NULL);
  g_menu_item_set_action_and_target (item, "reviews.edit", "s", id);
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (published ? _("Unpublish") : _("Publish"), NULL);
  g_menu_item_set_action_and_target (item, "reviews.toggle-published", "s", id);
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (verified ? _("Mark Not Verified") : _("Mark Verified"), NULL);
  g_menu_item_set_action_and_target (item, "reviews.toggle-verified", "s", id);
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("Delete"), NULL);
  g_menu_item_set_action_and_target (item, "reviews.delete", "s", id);
  g_menu_append_item (menu, item);
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

static void
mk_review_card_dispose (GObject *object)
{
  GtkWidget *child;

  /* A plain GtkWidget must unparent its children itself. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mk_review_card_parent_class)->dispose (object);
}

static void
mk_review_card_class_init (MkReviewCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_review_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/reviews/mk-review-card.ui");
  gtk_widget_class_bind_template_child (widget_class, MkReviewCard, stars_label);
  gtk_widget_class_bind_template_child (widget_class, MkReviewCard, verified_badge);
  gtk_widget_class_bind_template_child (widget_class, MkReviewCard, hidden_badge);
  gtk_widget_class_bind_template_child (widget_class, MkReviewCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, MkReviewCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, MkReviewCard, meta_label);
  gtk_widget_class_bind_template_child (widget_class, MkReviewCard, text_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mk_review_card_init (MkReviewCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mk_review_card_new (void)
{
  return g_object_new (MK_TYPE_REVIEW_CARD, NULL);
}
