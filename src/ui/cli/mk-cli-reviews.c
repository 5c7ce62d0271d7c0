/* mk-cli-reviews.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-cli-reviews.h"
#include "mk-reviews-csv.h"
#include "mk-reviews-io.h"

int
mk_cli_reviews_import (MkContext  *context,
                       const char *user_id,
                       const char *path)
{
  g_autoptr(MkReviewsCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error) ||
      (import = mk_reviews_csv_read (contents, length, user_id, &error)) == NULL)
    {
      g_printerr ("mediakit: %s: %s\n", path, error->message);
      return 1;
    }

  for (guint i = 0; import->unknown_columns[i] != NULL; i++)
    g_printerr (_("mediakit: %s: the column “%s” is not used\n"), path, import->unknown_columns[i]);

  if (import->problems->len > 0)
    {
      for (guint i = 0; i < import->problems->len; i++)
        {
          MkReviewsCsvProblem *problem = g_ptr_array_index (import->problems, i);

          g_printerr ("mediakit: %s:%u: %s\n", path, problem->line, problem->message);
        }
      g_printerr (_("mediakit: nothing was imported: fix the rows above and try again\n"));
      return 1;
    }

  if (!mk_store_reviews_import (mk_context_get_store (context), user_id, import->reviews, &error))
    {
      g_printerr ("mediakit: %s\n", error->message);
      return 1;
    }

  g_print (ngettext ("Imported %u review from %s\n", "Imported %u reviews from %s\n",
                     import->reviews->len),
           import->reviews->len, path);
  return 0;
}

int
mk_cli_reviews_export (MkContext  *context,
                       const char *user_id,
                       const char *path)
{
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;

  reviews = mk_store_reviews_list (mk_context_get_store (context), user_id, FALSE, &error);
  if (reviews == NULL || !mk_reviews_io_export_file (reviews, path, &error))
    {
      g_printerr ("mediakit: %s\n", error->message);
      return 1;
    }

  g_print (ngettext ("Exported %u review to %s\n", "Exported %u reviews to %s\n", reviews->len),
           reviews->len, path);
  return 0;
}
