/* mk-pane.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MK_TYPE_PANE (mk_pane_get_type ())

G_DECLARE_INTERFACE (MkPane, mk_pane, MK, PANE, GtkWidget)

/**
 * MkPaneInterface:
 * @get_id: the section id, stable and untranslated ("calendar"); it is the
 *   page name in the window's stack and the value of the last-section key
 * @get_title: the translated title shown in the view switcher
 * @get_icon_name: a symbolic icon for the view switcher
 * @get_primary_action_name: (nullable): a detailed action name for the
 *   header bar's primary button, or %NULL when the pane has none
 * @get_primary_action_label: (nullable): the translated label of that action
 * @is_loading: optional: %TRUE while the pane's content is still being
 *   read (it then emits #MkPane::loaded when it shows it)
 *
 * Every section of the window implements this interface and has a
 * construct-only "context" property (an MkContext), so the window can build
 * its stack from a list of pane types.
 */
struct _MkPaneInterface
{
  GTypeInterface parent_iface;

  const char *(*get_id)                   (MkPane *self);
  const char *(*get_title)                (MkPane *self);
  const char *(*get_icon_name)            (MkPane *self);
  const char *(*get_primary_action_name)  (MkPane *self);
  const char *(*get_primary_action_label) (MkPane *self);
  gboolean    (*is_loading)               (MkPane *self);
};

const char *mk_pane_get_id                   (MkPane *self);
const char *mk_pane_get_title                (MkPane *self);
const char *mk_pane_get_icon_name            (MkPane *self);
const char *mk_pane_get_primary_action_name  (MkPane *self);
const char *mk_pane_get_primary_action_label (MkPane *self);
gboolean    mk_pane_is_loading               (MkPane *self);

G_END_DECLS
