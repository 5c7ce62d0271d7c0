/* mk-cli-ics.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-cli-ics.h"
#include "mk-ics-import.h"
#include "mk-ics-writer.h"

int
mk_cli_ics_import (MkContext  *context,
                   const char *user_id,
                   const char *path)
{
  g_autoptr(GError) error = NULL;
  guint imported = 0;
  guint skipped = 0;

  if (!mk_ics_import_file (mk_context_get_store (context), user_id, path, &imported, &skipped, &error))
    {
      g_printerr ("mediakit: %s: %s\n", path, error->message);
      g_printerr (_("mediakit: nothing was imported\n"));
      return 1;
    }

  g_print (ngettext ("Imported %u entry\n", "Imported %u entries\n", imported), imported);
  if (skipped > 0)
    g_print (ngettext ("Skipped %u entry that was already in the calendar\n",
                       "Skipped %u entries that were already in the calendar\n", skipped),
             skipped);
  return 0;
}

int
mk_cli_ics_export (MkContext  *context,
                   const char *user_id,
                   const char *path)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = mk_store_calendar_list_range (mk_context_get_store (context), user_id,
                                          "0001-01-01", "9999-12-31", &error);
  if (entries == NULL || !mk_ics_export_file (entries, path, &error))
    {
      g_printerr ("mediakit: %s\n", error->message);
      return 1;
    }

  g_print (ngettext ("Exported %u entry to %s\n", "Exported %u entries to %s\n", entries->len),
           entries->len, path);
  return 0;
}
