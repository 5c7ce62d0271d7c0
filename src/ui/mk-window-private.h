/* mk-window-private.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-window.h"

G_BEGIN_DECLS

struct _MkWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwHeaderBar         *header_bar;
  GtkButton            *primary_action_button;
  GtkMenuButton        *primary_menu_button;
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  AdwViewSwitcherBar   *switcher_bar;

  /* Owned */
  MkContext            *context;

  /* Weak */
  GdkFrameClock        *first_frame_clock;
  gulong                first_frame_handler;

  guint                 quit_after_first_frame : 1;
};

void _mk_window_class_actions_init (MkWindowClass *klass);

G_END_DECLS
