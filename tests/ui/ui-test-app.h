/* ui-test-app.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* GTK and libadwaita initialised for a test, and the application its
 * windows run in, set up as MkApplication sets itself up: no resource base
 * path, the display given Mediakit's icons and style sheet by
 * mk_display_style_init(). Registered, and held so that windows can come and
 * go between tests. */
AdwApplication *ui_test_app_new (int         *argc,
                                 char      ***argv,
                                 const char  *application_id);

G_END_DECLS
