/* mk-metrics-pane.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mk-connections-table.h"
#include "mk-context.h"
#include "mk-display-style.h"
#include "mk-engagement.h"
#include "mk-export-format.h"
#include "mk-metrics-table.h"
#include "mk-pane.h"
#include "mk-time.h"

#include "mk-bar-chart.h"
#include "mk-line-chart.h"
#include "mk-metrics-card.h"
#include "mk-metrics-pane.h"
#include "mk-metrics-summary.h"

/* The cards need 30 days of history for their second change figure. */
#define CARD_HISTORY_DAYS 31

static const MkPlatform platforms[] = {
  MK_PLATFORM_INSTAGRAM, MK_PLATFORM_FACEBOOK, MK_PLATFORM_YOUTUBE,
};

struct _MkMetricsPane
{
  AdwBin          parent_instance;

  /* Template children */
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkLabel       *sync_label;
  GtkButton      *cancel_button;
  GtkFlowBox     *cards_box;
  MkLineChart    *line_chart;
  MkBarChart     *bar_chart;

  /* Owned */
  MkContext      *context;
  MkSyncService  *sync;
  GCancellable   *cancellable;
  char           *engagement_method;
  char           *sync_message;

  guint           clock_id;
  int             range_days;
};

static void mk_pane_iface_init (MkPaneInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MkMetricsPane, mk_metrics_pane, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MK_TYPE_PANE, mk_pane_iface_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_RANGE_DAYS,
  PROP_ENGAGEMENT_METHOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
mk_metrics_pane_get_id (MkPane *pane)
{
  return "metrics";
}

static const char *
mk_metrics_pane_get_title (MkPane *pane)
{
  return _("Metrics");
}

static const char *
mk_metrics_pane_get_icon_name (MkPane *pane)
{
  return "network-cellular-signal-excellent-symbolic";
}

static void
mk_pane_iface_init (MkPaneInterface *iface)
{
  iface->get_id = mk_metrics_pane_get_id;
  iface->get_title = mk_metrics_pane_get_title;
  iface->get_icon_name = mk_metrics_pane_get_icon_name;
}

/* g_set_str() is GLib 2.76. */
static gboolean
set_str (char       **str,
         const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;

  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

static char *
timestamp_days_ago (GDateTime *now,
                    int        days)
{
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);

  return mk_time_format_timestamp (then);
}

static gboolean
platform_connected (GPtrArray  *connections,
                    MkPlatform  platform)
{
  for (guint i = 0; connections != NULL && i < connections->len; i++)
    if (mk_connection_get_platform (g_ptr_array_index (connections, i)) == platform)
      return TRUE;

  return FALSE;
}

static void
add_series (MkMetricsPane *self,
            MkPlatform     platform,
            GPtrArray     *history,
            const char    *since)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < history->len; i++)
    {
      MkMetricsSnapshot *snapshot = g_ptr_array_index (history, i);
      const char *when = mk_metrics_snapshot_get_last_updated (snapshot);
      gint64 followers = mk_metrics_snapshot_get_follower_count (snapshot);
      g_autoptr(GDateTime) dt = NULL;
      gint64 t;
      double v;

      /* Timestamps are ISO 8601 UTC: they sort as strings. */
      if (followers < 0 || g_strcmp0 (when, since) < 0 || (dt = mk_time_parse_timestamp (when)) == NULL)
        continue;

      t = g_date_time_to_unix (dt);
      v = (double) followers;
      g_array_append_val (times, t);
      g_array_append_val (values, v);
    }

  if (times->len > 0)
    mk_line_chart_add_series (self->line_chart, platform, mk_platform_get_display_name (platform),
                              (const gint64 *) times->data, (const double *) values->data, times->len);
}

/* The rate from the stored media with the chosen formula; without media,
 * the rate the last sync stored. */
static void
fill_engagement (MkMetricsPane *self,
                 MkMetricsCard *card,
                 MkPlatform     platform,
                 GPtrArray     *history)
{
  MkMetricsSnapshot *newest = history->len > 0 ? g_ptr_array_index (history, history->len - 1) : NULL;
  gint64 followers = newest != NULL ? mk_metrics_snapshot_get_follower_count (newest) : -1;
  g_autofree char *formula = NULL;
  g_autofree char *rate_text = NULL;
  MkEngagement engagement = { 0 };
  double rate = NAN;

  if (mk_metrics_engagement_from_media (mk_context_get_store (self->context),
                                        mk_context_get_user_id (self->context),
                                        platform, followers, self->engagement_method, &engagement))
    {
      rate = engagement.rate;
      formula = mk_engagement_describe (&engagement);
      mk_metrics_card_set_engagement (card, rate, formula, engagement.estimated, engagement.partial);
    }
  else
    {
      if (newest != NULL)
        rate = mk_metrics_snapshot_get_engagement_rate (newest);
      mk_metrics_card_set_engagement (card, rate, mk_export_get_formula_caption (platform), FALSE, FALSE);
    }

  if (!isnan (rate))
    {
      rate_text = mk_export_format_rate (rate);
      mk_bar_chart_add_bar (self->bar_chart, platform, mk_platform_get_display_name (platform),
                            rate, rate_text, formula != NULL ? formula : mk_export_get_formula_caption (platform));
    }
}

static void
clear_cards (MkMetricsPane *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))) != NULL)
    gtk_flow_box_remove (self->cards_box, child);
}

static void
reload (MkMetricsPane *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) connections = NULL;
  g_autofree char *chart_since = NULL;
  g_autofree char *since = NULL;
  MkStore *store;
  const char *user_id;
  guint n_cards = 0;

  clear_cards (self);
  mk_line_chart_clear (self->line_chart);
  mk_bar_chart_clear (self->bar_chart);

  store = self->context != NULL ? mk_context_get_store (self->context) : NULL;
  user_id = self->context != NULL ? mk_context_get_user_id (self->context) : NULL;

  if (store == NULL || user_id == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  connections = mk_store_connections_list (store, user_id, NULL);
  chart_since = timestamp_days_ago (now, self->range_days);
  since = timestamp_days_ago (now, MAX (self->range_days, CARD_HISTORY_DAYS));

  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    {
      MkPlatform platform = platforms[i];
      g_autoptr(GPtrArray) history = NULL;
      g_autoptr(GError) error = NULL;
      MkMetricsCard *card;

      history = mk_store_metrics_history (store, user_id, platform, since, &error);
      if (history == NULL)
        {
          g_warning ("Could not read the %s history: %s", mk_platform_to_string (platform), error->message);
          continue;
        }

      /* A disconnected platform keeps its history, and so its card. */
      if (history->len == 0 && !platform_connected (connections, platform))
        continue;

      card = mk_metrics_card_new (platform);
      mk_metrics_card_set_history (card, history);
      fill_engagement (self, card, platform, history);
      if (self->sync != NULL)
        mk_metrics_card_set_status (card, mk_sync_service_get_status (self->sync, platform));
      gtk_flow_box_append (self->cards_box, GTK_WIDGET (card));
      gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (card)), FALSE);

      add_series (self, platform, history, chart_since);
      n_cards++;
    }

  gtk_stack_set_visible_child_name (self->stack, n_cards > 0 ? "content" : "empty");
}

static void
update_sync_state (MkMetricsPane *self)
{
  gboolean syncing = self->sync != NULL && mk_sync_service_get_syncing (self->sync);
  gboolean can_sync = self->sync != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "metrics.refresh", can_sync && !syncing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "metrics.cancel", syncing);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), syncing);

  if (syncing)
    gtk_label_set_label (self->sync_label, _("Updating…"));
  else if (self->sync == NULL && self->context != NULL && mk_context_get_platforms_error (self->context) != NULL)
    gtk_label_set_label (self->sync_label, mk_context_get_platforms_error (self->context)->message);
  else
    gtk_label_set_label (self->sync_label, self->sync_message != NULL ? self->sync_message : "");
}

static void
platform_updated_cb (MkMetricsPane *self)
{
  reload (self);
}

static void
set_sync_service (MkMetricsPane *self,
                  MkSyncService *sync)
{
  if (self->sync == sync)
    return;

  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);

  g_set_object (&self->sync, sync);

  if (sync != NULL)
    {
      g_signal_connect_object (sync, "notify::syncing", G_CALLBACK (update_sync_state), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sync, "platform-updated", G_CALLBACK (platform_updated_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sync, "finished", G_CALLBACK (platform_updated_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
context_changed_cb (MkMetricsPane *self)
{
  MkSyncService *sync = NULL;

  if (self->context != NULL && mk_context_get_store (self->context) != NULL &&
      mk_context_get_user_id (self->context) != NULL)
    sync = mk_context_get_sync_service (self->context);

  set_sync_service (self, sync);
  update_sync_state (self);
  reload (self);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(MkMetricsPane) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mk_sync_service_sync_finish (MK_SYNC_SERVICE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_str (&self->sync_message, _("Update cancelled"));
      else if (g_error_matches (error, MK_SYNC_ERROR, MK_SYNC_ERROR_PARTIAL))
        set_str (&self->sync_message, _("Some platforms could not be updated"));
      else
        set_str (&self->sync_message, error->message);
    }
  else
    {
      g_clear_pointer (&self->sync_message, g_free);
    }

  update_sync_state (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MkMetricsPane *self = MK_METRICS_PANE (widget);

  if (self->sync == NULL || mk_sync_service_get_syncing (self->sync))
    return;

  /* The pane is kept alive until the sync ends: the service cancels on
   * Cancel, and the pane's own cancellable goes with the window. */
  mk_sync_service_sync_async (self->sync, self->cancellable, refresh_cb, g_object_ref (self));
  update_sync_state (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MkMetricsPane *self = MK_METRICS_PANE (widget);

  if (self->sync != NULL)
    mk_sync_service_cancel (self->sync);
}

/* F5 and Ctrl+R reach the pane from anywhere in the window, but only while
 * it is the visible section. */
static gboolean
refresh_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  return gtk_widget_activate_action (widget, "metrics.refresh", NULL);
}

static gboolean
clock_cb (gpointer data)
{
  MkMetricsPane *self = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    mk_metrics_card_update_time (MK_METRICS_CARD (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child))), now);

  return G_SOURCE_CONTINUE;
}

static void
mk_metrics_pane_map (GtkWidget *widget)
{
  MkMetricsPane *self = MK_METRICS_PANE (widget);

  GTK_WIDGET_CLASS (mk_metrics_pane_parent_class)->map (widget);

  clock_cb (self);
  if (self->clock_id == 0)
    self->clock_id = g_timeout_add_seconds (60, clock_cb, self);
}

static void
mk_metrics_pane_unmap (GtkWidget *widget)
{
  MkMetricsPane *self = MK_METRICS_PANE (widget);

  g_clear_handle_id (&self->clock_id, g_source_remove);

  GTK_WIDGET_CLASS (mk_metrics_pane_parent_class)->unmap (widget);
}

static void
set_engagement_method (MkMetricsPane *self,
                       const char    *method)
{
  if (!set_str (&self->engagement_method, method))
    return;

  if (self->context != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGAGEMENT_METHOD]);
}

static void
set_range_days (MkMetricsPane *self,
                int            days)
{
  if (self->range_days == days)
    return;

  self->range_days = days;
  if (self->context != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE_DAYS]);
}

static void
mk_metrics_pane_constructed (GObject *object)
{
  MkMetricsPane *self = (MkMetricsPane *)object;

  G_OBJECT_CLASS (mk_metrics_pane_parent_class)->constructed (object);

  if (self->context == NULL)
    return;

  g_signal_connect_object (self->context, "notify::user-id", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::store", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::sync-service", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);

  g_settings_bind (mk_context_get_settings (self->context), "engagement-formula",
                   self, "engagement-method", G_SETTINGS_BIND_DEFAULT);

  context_changed_cb (self);
}

static void
mk_metrics_pane_dispose (GObject *object)
{
  MkMetricsPane *self = (MkMetricsPane *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->clock_id, g_source_remove);
  set_sync_service (self, NULL);
  g_clear_object (&self->context);


  G_OBJECT_CLASS (mk_metrics_pane_parent_class)->dispose (object);
}

static void
mk_metrics_pane_finalize (GObject *object)
{
  MkMetricsPane *self = (MkMetricsPane *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->engagement_method, g_free);
  g_clear_pointer (&self->sync_message, g_free);

  G_OBJECT_CLASS (mk_metrics_pane_parent_class)->finalize (object);
}

static void
mk_metrics_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MkMetricsPane *self = MK_METRICS_PANE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_RANGE_DAYS:
      g_value_set_int (value, self->range_days);
      break;

    case PROP_ENGAGEMENT_METHOD:
      g_value_set_string (value, self->engagement_method);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_metrics_pane_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MkMetricsPane *self = MK_METRICS_PANE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_set_object (&self->context, g_value_get_object (value));
      break;

    case PROP_RANGE_DAYS:
      set_range_days (self, g_value_get_int (value));
      break;

    case PROP_ENGAGEMENT_METHOD:
      set_engagement_method (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_metrics_pane_class_init (MkMetricsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mk_metrics_pane_constructed;
  object_class->dispose = mk_metrics_pane_dispose;
  object_class->finalize = mk_metrics_pane_finalize;
  object_class->get_property = mk_metrics_pane_get_property;
  object_class->set_property = mk_metrics_pane_set_property;

  widget_class->map = mk_metrics_pane_map;
  widget_class->unmap = mk_metrics_pane_unmap;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");

  /**
   * MkMetricsPane:range-days:
   *
   * How far back the follower chart goes: 30, 90 or 365 days.
   */
  properties[PROP_RANGE_DAYS] =
    g_param_spec_int ("range-days", NULL, NULL,
                      7, 3660, 90,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * MkMetricsPane:engagement-method:
   *
   * "median" or "mean": how the engagement rate sums up recent posts; bound
   * to the "engagement-formula" setting.
   */
  properties[PROP_ENGAGEMENT_METHOD] =
    g_param_spec_string ("engagement-method", NULL, NULL,
                         "median",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_property (object_class, PROP_RANGE_DAYS, properties[PROP_RANGE_DAYS]);
  g_object_class_install_property (object_class, PROP_ENGAGEMENT_METHOD, properties[PROP_ENGAGEMENT_METHOD]);

  g_type_ensure (MK_TYPE_LINE_CHART);
  g_type_ensure (MK_TYPE_BAR_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/metrics/mk-metrics-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, MkMetricsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsPane, sync_label);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsPane, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsPane, cards_box);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsPane, line_chart);
  gtk_widget_class_bind_template_child (widget_class, MkMetricsPane, bar_chart);

  gtk_widget_class_install_action (widget_class, "metrics.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "metrics.cancel", NULL, cancel_action);
  gtk_widget_class_install_property_action (widget_class, "metrics.range-days", "range-days");
  gtk_widget_class_install_property_action (widget_class, "metrics.engagement-method", "engagement-method");
}

static void
mk_metrics_pane_init (MkMetricsPane *self)
{
  GtkEventController *shortcuts;
  GtkShortcutAction *action;

  self->range_days = 90;
  self->engagement_method = g_strdup ("median");
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  action = gtk_callback_action_new (refresh_shortcut_cb, NULL, NULL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_F5, 0),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_r, GDK_CONTROL_MASK)),
                                                          action));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_sync_state (self);

  mk_display_style_add_sheet (gdk_display_get_default (), RESOURCE_PREFIX "/ui/metrics/mk-metrics.css");
}
