/* mk-metrics-pane.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-context.h"
#include "mk-pane.h"
#include "mk-metrics-pane.h"

struct _MkMetricsPane
{
  AdwBin          parent_instance;

  /* Template children */
  AdwStatusPage  *empty_page;

  /* Owned */
  MkContext      *context;
};

static void mk_pane_iface_init (MkPaneInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MkMetricsPane, mk_metrics_pane, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MK_TYPE_PANE, mk_pane_iface_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

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

static void
mk_metrics_pane_dispose (GObject *object)
{
  MkMetricsPane *self = (MkMetricsPane *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (mk_metrics_pane_parent_class)->dispose (object);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_metrics_pane_class_init (MkMetricsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_metrics_pane_dispose;
  object_class->get_property = mk_metrics_pane_get_property;
  object_class->set_property = mk_metrics_pane_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/metrics/mk-metrics-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, MkMetricsPane, empty_page);
}

static void
mk_metrics_pane_init (MkMetricsPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
