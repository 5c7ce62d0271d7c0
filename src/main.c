/* main.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "mk-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MkApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = mk_application_new ();

  status = g_application_run (G_APPLICATION (app), argc, argv);
  /* A run that ends from the main loop returns 0 whatever happened in it;
   * the application knows whether it failed. */
  if (status == 0)
    status = mk_application_get_exit_status (app);

  return status;
}
