/* mk-pane.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-ui"

#include "config.h"

#include "mk-context.h"
#include "mk-pane.h"

G_DEFINE_INTERFACE (MkPane, mk_pane, GTK_TYPE_WIDGET)

static const char *
mk_pane_real_get_primary_action (MkPane *self)
{
  return NULL;
}

static gboolean
mk_pane_real_is_loading (MkPane *self)
{
  return FALSE;
}

static void
mk_pane_default_init (MkPaneInterface *iface)
{
  iface->get_primary_action_name = mk_pane_real_get_primary_action;
  iface->get_primary_action_label = mk_pane_real_get_primary_action;
  iface->is_loading = mk_pane_real_is_loading;

  /**
   * MkPane::loaded:
   *
   * Emitted once a pane that was loading (see mk_pane_is_loading()) shows
   * its content; the next frame paints it.
   */
  g_signal_new ("loaded", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * MkPane:context:
   *
   * The services of the data directory the window shows.
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_object ("context", NULL, NULL,
                                                            MK_TYPE_CONTEXT,
                                                            (G_PARAM_READWRITE |
                                                             G_PARAM_CONSTRUCT_ONLY |
                                                             G_PARAM_STATIC_STRINGS)));
}

const char *
mk_pane_get_id (MkPane *self)
{
  g_return_val_if_fail (MK_IS_PANE (self), NULL);

  return MK_PANE_GET_IFACE (self)->get_id (self);
}

const char *
mk_pane_get_title (MkPane *self)
{
  g_return_val_if_fail (MK_IS_PANE (self), NULL);

  return MK_PANE_GET_IFACE (self)->get_title (self);
}

const char *
mk_pane_get_icon_name (MkPane *self)
{
  g_return_val_if_fail (MK_IS_PANE (self), NULL);

  return MK_PANE_GET_IFACE (self)->get_icon_name (self);
}

const char *
mk_pane_get_primary_action_name (MkPane *self)
{
  g_return_val_if_fail (MK_IS_PANE (self), NULL);

  return MK_PANE_GET_IFACE (self)->get_primary_action_name (self);
}

const char *
mk_pane_get_primary_action_label (MkPane *self)
{
  g_return_val_if_fail (MK_IS_PANE (self), NULL);

  return MK_PANE_GET_IFACE (self)->get_primary_action_label (self);
}

gboolean
mk_pane_is_loading (MkPane *self)
{
  g_return_val_if_fail (MK_IS_PANE (self), FALSE);

  return MK_PANE_GET_IFACE (self)->is_loading (self);
}
