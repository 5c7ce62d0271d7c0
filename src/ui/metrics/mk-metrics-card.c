/* mk-metrics-card.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mk-export-format.h"
#include "mk-metrics-snapshot.h"
#include "mk-metrics-summary.h"
#include "mk-metrics-card.h"

struct _MkMetricsCard
{
  GtkBox          parent_instance;

  /* Template children */
  GtkImage       *platform_icon;
  GtkLabel       *name_label;
  GtkSpinner     *spinner;
  GtkProgressBar *progress_bar;
  GtkLabel       *followers_label;
  GtkLabel       *followers_caption;
  GtkLabel       *change_7_label;
  GtkLabel       *change_30_label;
  GtkLabel       *engagement_label;
  GtkLabel       *estimated_label;
  GtkLabel       *partial_label;
  GtkLabel       *formula_label;
  GtkLabel       *posts_label;
  GtkLabel       *updated_label;
  GtkLabel       *error_label;

  /* Owned */
  MkSyncStatus   *status;
  char           *snapshot_time;

  MkPlatform      platform;
};

G_DEFINE_FINAL_TYPE (MkMetricsCard, mk_metrics_card, GTK_TYPE_BOX)

static void
set_change (GtkLabel  *label,
            GPtrArray *history,
            int        days)
{
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;
  g_autofree char *count = NULL;
  gint64 change;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");

  if (!mk_metrics_follower_change (history, days, &change))
    {
      /* Translators: no figure for the change over %d days yet */
      text = g_strdup_printf (ngettext ("— in %d day", "— in %d days", days), days);
      spoken = g_strdup_printf (ngettext ("Not enough history for the change over %d day",
                                          "Not enough history for the change over %d days", days), days);
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      count = mk_export_format_count (ABS (change));

      if (change > 0)
        {
          /* Translators: an arrow, a number of followers and a period: "▲ 1,234 in 7 days" */
          text = g_strdup_printf (ngettext ("▲ %s in %d day", "▲ %s in %d days", days), count, days);
          spoken = g_strdup_printf (ngettext ("Up %s followers in %d day", "Up %s followers in %d days", days),
                                    count, days);
          gtk_widget_add_css_class (GTK_WIDGET (label), "success");
        }
      else if (change < 0)
        {
          text = g_strdup_printf (ngettext ("▼ %s in %d day", "▼ %s in %d days", days), count, days);
          spoken = g_strdup_printf (ngettext ("Down %s followers in %d day", "Down %s followers in %d days", days),
                                    count, days);
          gtk_widget_add_css_class (GTK_WIDGET (label), "error");
        }
      else
        {
          text = g_strdup_printf (ngettext ("No change in %d day", "No change in %d days", days), days);
          spoken = g_strdup (text);
        }
    }

  gtk_label_set_label (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
}

void
mk_metrics_card_set_history (MkMetricsCard *self,
                             GPtrArray     *history)
{
  MkMetricsSnapshot *newest = NULL;
  gint64 followers = -1;
  gint64 posts = -1;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_if_fail (MK_IS_METRICS_CARD (self));

  if (history != NULL && history->len > 0)
    newest = g_ptr_array_index (history, history->len - 1);

  if (newest != NULL)
    {
      followers = mk_metrics_snapshot_get_follower_count (newest);
      posts = mk_metrics_snapshot_get_media_count (newest);
    }

  g_free (self->snapshot_time);
  self->snapshot_time = newest != NULL ? g_strdup (mk_metrics_snapshot_get_last_updated (newest)) : NULL;

  if (followers >= 0)
    {
      g_autofree char *count = mk_export_format_count (followers);

      gtk_label_set_label (self->followers_label, count);
      gtk_label_set_label (self->followers_caption,
                           self->platform == MK_PLATFORM_YOUTUBE
                           ? ngettext ("subscriber", "subscribers", (gulong)MIN (followers, G_MAXINT))
                           : ngettext ("follower", "followers", (gulong)MIN (followers, G_MAXINT)));
    }
  else
    {
      gtk_label_set_label (self->followers_label, "—");
      gtk_label_set_label (self->followers_caption, _("followers unknown"));
    }

  set_change (self->change_7_label, history, 7);
  set_change (self->change_30_label, history, 30);

  if (posts >= 0)
    {
      g_autofree char *count = mk_export_format_count (posts);
      g_autofree char *text = g_strdup_printf (ngettext ("%s post", "%s posts", (gulong)MIN (posts, G_MAXINT)), count);

      gtk_label_set_label (self->posts_label, text);
    }
  else
    {
      gtk_label_set_label (self->posts_label, _("Posts unknown"));
    }

  mk_metrics_card_update_time (self, now);
}

void
mk_metrics_card_set_engagement (MkMetricsCard *self,
                                double         rate,
                                const char    *formula,
                                gboolean       estimated,
                                gboolean       partial)
{
  g_return_if_fail (MK_IS_METRICS_CARD (self));

  if (isnan (rate))
    {
      gtk_label_set_label (self->engagement_label, "—");
    }
  else
    {
      g_autofree char *text = mk_export_format_rate (rate);

      gtk_label_set_label (self->engagement_label, text);
    }

  gtk_label_set_label (self->formula_label, formula != NULL ? formula : "");
  gtk_widget_set_visible (GTK_WIDGET (self->formula_label), formula != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->estimated_label), estimated);
  gtk_widget_set_visible (GTK_WIDGET (self->partial_label), partial);
}

static void
update_status (MkMetricsCard *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  MkSyncState state = MK_SYNC_STATE_IDLE;
  const char *message = NULL;
  double progress = 0;

  if (self->status != NULL)
    {
      state = mk_sync_status_get_state (self->status);
      message = mk_sync_status_get_message (self->status);
      progress = mk_sync_status_get_progress (self->status);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), state == MK_SYNC_STATE_SYNCING);
  gtk_spinner_set_spinning (self->spinner, state == MK_SYNC_STATE_SYNCING);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), state == MK_SYNC_STATE_SYNCING);
  gtk_progress_bar_set_fraction (self->progress_bar, progress);

  /* A failure keeps the old figures; the card says why they are old. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_label),
                          (state == MK_SYNC_STATE_FAILED || state == MK_SYNC_STATE_WAITING) &&
                          message != NULL && *message != '\0');
  gtk_label_set_label (self->error_label, message != NULL ? message : "");

  mk_metrics_card_update_time (self, now);
}

void
mk_metrics_card_set_status (MkMetricsCard *self,
                            MkSyncStatus  *status)
{
  g_return_if_fail (MK_IS_METRICS_CARD (self));

  if (self->status == status)
    return;

  if (self->status != NULL)
    g_signal_handlers_disconnect_by_data (self->status, self);

  g_set_object (&self->status, status);

  if (status != NULL)
    g_signal_connect_object (status, "notify", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);

  update_status (self);
}

void
mk_metrics_card_update_time (MkMetricsCard *self,
                             GDateTime     *now)
{
  const char *when = self->snapshot_time;
  g_autofree char *text = NULL;

  g_return_if_fail (MK_IS_METRICS_CARD (self));

  /* The status knows of a success that the history may not show yet. */
  if (self->status != NULL && mk_sync_status_get_last_updated (self->status) != NULL &&
      g_strcmp0 (mk_sync_status_get_last_updated (self->status), when) > 0)
    when = mk_sync_status_get_last_updated (self->status);

  text = mk_metrics_format_updated (when, now);
  gtk_label_set_label (self->updated_label, text != NULL ? text : _("Never updated"));
}

MkPlatform
mk_metrics_card_get_platform (MkMetricsCard *self)
{
  g_return_val_if_fail (MK_IS_METRICS_CARD (self), MK_PLATFORM_NONE);

  return self->platform;
}

const char *
mk_metrics_card_get_followers_text (MkMetricsCard *self)
{
  g_return_val_if_fail (MK_IS_METRICS_CARD (self), NULL);

  return gtk_label_get_label (self->followers_label);
}

const char *
mk_metrics_card_get_change_text (MkMetricsCard *self,
                                 int            days)
{
  g_return_val_if_fail (MK_IS_METRICS_CARD (self), NULL);

  return gtk_label_get_label (days == 7 ? self->change_7_label : self->change_30_label);
}

const char *
mk_metrics_card_get_updated_text (MkMetricsCard *self)
{
  g_return_val_if_fail (MK_IS_METRICS_CARD (self), NULL);

  return gtk_label_get_label (self->updated_label);
}

const char *
mk_metrics_card_get_error_text (MkMetricsCard *self)
{
  g_return_val_if_fail (MK_IS_METRICS_CARD (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;

  return gtk_label_get_label (self->error_label);
}

static void
mk_metrics_card_dispose (GObject *object)
{
  MkMetricsCard *self = (MkMetricsCard *)object;

  if (self->status != NULL)
    g_signal_handlers_disconnect_by_data (self->status, self);
  g_clear_object (&self->status);
  g_clear_pointer (&self->snapshot_time, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_METRICS_CARD);

  G_OBJECT_CLASS (mk_metrics_card_parent_class)->dispose (object);
}

static void
mk_metrics_card_class_init (MkMetricsCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_metrics_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/metrics/mk-metrics-card.ui");
  gtk_widget_class_bind_template_child (widget_class, MkMetricsCard, platform_icon);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsCard, spinner);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsCard, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsCard, followers_label);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsCard, followers_caption);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsCard, change_7_label);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsCard, change_30_label);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsCard, engagement_label);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsCard, estimated_label);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsCard, partial_label);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsCard, formula_label);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsCard, posts_label);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsCard, updated_label);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsCard, error_label);
}

static void
mk_metrics_card_init (MkMetricsCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MkMetricsCard *
mk_metrics_card_new (MkPlatform platform)
{
  MkMetricsCard *self = g_object_new (MK_TYPE_METRICS_CARD, NULL);
  g_autofree char *icon = g_strdup_printf ("mk-%s-symbolic", mk_platform_to_string (platform));
  const char *name = mk_platform_get_display_name (platform);

  self->platform = platform;
  gtk_image_set_from_icon_name (self->platform_icon, icon);
  gtk_label_set_label (self->name_label, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  return self;
}
