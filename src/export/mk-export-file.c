/* mk-export-file.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-export"

#include "config.h"

#include <glib/gi18n.h>

#include "mk-export-error.h"
#include "mk-export-file.h"

gboolean
mk_export_write_file (const char  *path,
                      const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *shown_folder = NULL;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (path == NULL || *path == '\0')
    {
      g_set_error_literal (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_WRITE,
                           _("No file name was given for the media kit."));
      return FALSE;
    }

  shown = g_filename_display_name (path);
  folder = g_path_get_dirname (path);
  shown_folder = g_filename_display_name (folder);

  /* These would fail anyway, but with a message about a temporary file the
   * person never asked for; say what is actually wrong instead. */
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_WRITE,
                   _("Could not write the media kit: “%s” is a folder. Choose a file name."),
                   shown);
      return FALSE;
    }

  if (!g_file_test (folder, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_WRITE,
                   _("Could not write the media kit to “%s”: the folder “%s” does not exist."),
                   shown, shown_folder);
      return FALSE;
    }

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_WRITE,
                   _("Could not write the media kit to “%s”: “%s” is not a folder."),
                   shown, shown_folder);
      return FALSE;
    }

  /* CONSISTENT writes a temporary file beside @path, fsyncs it and renames
   * it over @path, and removes the temporary file when anything fails. */
  if (g_file_set_contents_full (path, data, length,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                0666, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES)
      || g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_PERM)
      || g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ROFS))
    g_set_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_WRITE,
                 _("Could not write the media kit to “%s”: you may not write in the folder “%s”."),
                 shown, shown_folder);
  else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
    g_set_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_WRITE,
                 _("Could not write the media kit to “%s”: the disk is full."),
                 shown);
  else
    g_set_error (error, MK_EXPORT_ERROR, MK_EXPORT_ERROR_WRITE,
                 _("Could not write the media kit to “%s”: %s"),
                 shown, local_error->message);

  return FALSE;
}
