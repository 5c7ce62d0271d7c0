/* mk-connections-page.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-connection-row.h"
#include "mk-connections-page.h"

struct _MkConnectionsPage
{
  AdwPreferencesPage    parent_instance;

  /* Template children */
  AdwPreferencesGroup  *platforms_group;

  /* Owned */
  MkContext            *context;
  MkConnectionService  *service;
};

G_DEFINE_FINAL_TYPE (MkConnectionsPage, mk_connections_page, ADW_TYPE_PREFERENCES_PAGE)

static void
add_notice (MkConnectionsPage *self,
            const char        *title,
            const char        *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (self->platforms_group, row);
}

static void
build_rows (MkConnectionsPage *self)
{
  MkStore *store = mk_context_get_store (self->context);
  const char *user_id = mk_context_get_user_id (self->context);
  const GError *error;

  if (store == NULL || user_id == NULL)
    {
      add_notice (self, _("No account open"),
                  _("Open or create an account first; connections belong to an account."));
      return;
    }

  /* The context's service, shared with the sync, so both see the same
   * refreshes and "needs reconnecting" states. */
  error = mk_context_get_platforms_error (self->context);
  if (error != NULL)
    {
      add_notice (self, _("Platform addresses are misconfigured"), error->message);
      return;
    }

  self->service = g_object_ref (mk_context_get_connection_service (self->context));

  for (MkPlatform p = MK_PLATFORM_INSTAGRAM; p <= MK_PLATFORM_YOUTUBE; p++)
    adw_preferences_group_add (self->platforms_group,
                               GTK_WIDGET (mk_connection_row_new (self->service, p,
                                                                  mk_context_get_settings (self->context))));
}

static void
mk_connections_page_dispose (GObject *object)
{
  MkConnectionsPage *self = (MkConnectionsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MK_TYPE_CONNECTIONS_PAGE);
  g_clear_object (&self->service);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (mk_connections_page_parent_class)->dispose (object);
}

static void
mk_connections_page_class_init (MkConnectionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mk_connections_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/connections/mk-connections-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MkConnectionsPage, platforms_group);
}

static void
mk_connections_page_init (MkConnectionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MkConnectionsPage *
mk_connections_page_new (MkContext *context)
{
  MkConnectionsPage *self;

  g_return_val_if_fail (MK_IS_CONTEXT (context), NULL);

  self = g_object_new (MK_TYPE_CONNECTIONS_PAGE, NULL);
  self->context = g_object_ref (context);
  build_rows (self);

  return self;
}

MkConnectionService *
mk_connections_page_get_service (MkConnectionsPage *self)
{
  g_return_val_if_fail (MK_IS_CONNECTIONS_PAGE (self), NULL);
  return self->service;
}
