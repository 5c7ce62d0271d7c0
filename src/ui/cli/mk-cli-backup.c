/* mk-cli-backup.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-backup.h"
#include "mk-cli-backup.h"

static char *
existing_db_path (const char  *data_dir,
                  GError     **error)
{
  g_autofree char *db_path = g_build_filename (data_dir, "mediakit.db", NULL);

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no Mediakit workspace in “%s”. Create one with --demo or by starting Mediakit."),
                   data_dir);
      return NULL;
    }

  return g_steal_pointer (&db_path);
}

int
mk_cli_backup (const char *data_dir,
               const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;

  if ((db_path = existing_db_path (data_dir, &error)) == NULL ||
      !mk_backup_write (db_path, path, NULL, &error))
    {
      g_printerr ("mediakit: %s\n", error->message);
      return 1;
    }

  g_print (_("Backup written to %s\n"), path);
  return 0;
}

int
mk_cli_restore (const char *data_dir,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (data_dir, "mediakit.db", NULL);
  g_autofree char *aside = NULL;

  /* A restore may also start a workspace that has no database yet. */
  if (!g_file_test (data_dir, G_FILE_TEST_IS_DIR))
    {
      g_printerr (_("mediakit: the folder “%s” does not exist\n"), data_dir);
      return 1;
    }

  if (!mk_backup_restore (path, db_path, &aside, &error))
    {
      g_printerr (_("mediakit: nothing was restored: %s\n"), error->message);
      return 1;
    }

  if (aside != NULL)
    g_print (_("Restored %s; the previous database was kept as %s\n"), path, aside);
  else
    g_print (_("Restored %s\n"), path);
  return 0;
}

int
mk_cli_backup_run (GVariantDict *options,
                   const char   *data_dir)
{
  const char *backup = NULL;
  const char *restore = NULL;
  int status = 0;

  g_variant_dict_lookup (options, "backup", "^&ay", &backup);
  g_variant_dict_lookup (options, "restore", "^&ay", &restore);

  if (backup != NULL)
    status = mk_cli_backup (data_dir, backup);
  if (status == 0 && restore != NULL)
    status = mk_cli_restore (data_dir, restore);
  return status;
}
