/* ui-test-app.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mk-display-style.h"
#include "ui-test-app.h"

AdwApplication *
ui_test_app_new (int         *argc,
                 char      ***argv,
                 const char  *application_id)
{
  g_autoptr(GError) error = NULL;
  AdwApplication *app;

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  app = adw_application_new (application_id, G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), NULL);
  mk_display_style_init (gdk_display_get_default ());
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  return app;
}
