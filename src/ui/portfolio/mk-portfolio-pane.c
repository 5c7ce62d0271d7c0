/* mk-portfolio-pane.c
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
#include "mk-portfolio-pane.h"

#include "profile/mk-profile-editor.h"

struct _MkPortfolioPane
{
  AdwBin          parent_instance;

  /* Template children */
  AdwStatusPage  *empty_page;

  /* Owned */
  MkContext      *context;
};

static void mk_pane_iface_init (MkPaneInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MkPortfolioPane, mk_portfolio_pane, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MK_TYPE_PANE, mk_pane_iface_init))

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

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
  gtk_window_present (GTK_WINDOW (editor));
}

static void
mk_portfolio_pane_dispose (GObject *object)
{
  MkPortfolioPane *self = (MkPortfolioPane *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (mk_portfolio_pane_parent_class)->dispose (object);
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
      if (g_set_object (&self->context, g_value_get_object (value)) && self->context != NULL)
        {
          g_signal_connect_object (self->context, "notify::user-id", G_CALLBACK (update_actions), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (self->context, "notify::store", G_CALLBACK (update_actions), self,
                                   G_CONNECT_SWAPPED);
        }
      update_actions (self);
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

  object_class->dispose = mk_portfolio_pane_dispose;
  object_class->get_property = mk_portfolio_pane_get_property;
  object_class->set_property = mk_portfolio_pane_set_property;

  g_object_class_override_property (object_class, PROP_CONTEXT, "context");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/portfolio/mk-portfolio-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, MkPortfolioPane, empty_page);

  gtk_widget_class_install_action (widget_class, "portfolio.edit-profile", NULL, edit_profile_action);
}

static void
mk_portfolio_pane_init (MkPortfolioPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}
