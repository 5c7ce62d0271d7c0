/* mk-ics-import.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mk-ics-import.h"
#include "mk-ics-reader.h"

static char *
request_json (const char *name,
              guint       imported,
              guint       skipped)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, "import_ics");
  if (name != NULL)
    {
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, name);
    }
  json_builder_set_member_name (builder, "imported");
  json_builder_add_int_value (builder, imported);
  json_builder_set_member_name (builder, "skipped");
  json_builder_add_int_value (builder, skipped);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
log_failure (MkStore      *store,
             const char   *user_id,
             const char   *name,
             const GError *error)
{
  g_autofree char *message = NULL;
  g_autofree char *request = request_json (name, 0, 0);
  g_autoptr(GError) log_error = NULL;

  if (name != NULL)
    /* Translators: %s are the file name and the reason */
    message = g_strdup_printf (_("Importing the calendar file %s failed: %s"), name, error->message);
  else
    /* Translators: %s is the reason */
    message = g_strdup_printf (_("Importing a calendar file failed: %s"), error->message);

  if (!mk_store_log (store, user_id, MK_PLATFORM_NONE, "update_calendar", MK_LOG_STATUS_FAILURE,
                     message, request, NULL, NULL, &log_error))
    g_warning ("Could not log the failed import: %s", log_error->message);
}

/* Inserts @entries, skipping ids already present; one transaction with
 * its log row. */
static gboolean
store_entries (MkStore     *store,
               const char  *user_id,
               GPtrArray   *entries,
               GArray      *lines,
               const char  *name,
               guint       *out_imported,
               guint       *out_skipped,
               GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *message = NULL;
  g_autofree char *request = NULL;
  guint imported = 0;
  guint skipped = 0;

  if (!mk_store_transaction_begin (store, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      MkCalendarEntry *entry = g_ptr_array_index (entries, i);
      const char *id = mk_calendar_entry_get_id (entry);
      gboolean inserted = FALSE;
      g_autoptr(GError) local_error = NULL;

      if (!g_hash_table_add (seen, (gpointer)id))
        {
          skipped++;
          continue;
        }

      /* An id already in the workspace is skipped, never overwritten. */
      if (!mk_store_calendar_insert_new (store, entry, &inserted, &local_error))
        {
          g_set_error (error, MK_ICS_ERROR, MK_ICS_ERROR_INVALID, _("Line %u: %s"),
                       g_array_index (lines, guint, i), local_error->message);
          mk_store_transaction_rollback (store, NULL);
          return FALSE;
        }
      if (inserted)
        imported++;
      else
        skipped++;
    }

  if (name != NULL)
    message = g_strdup_printf (ngettext ("Imported %u calendar entry from %s (%u already present)",
                                         "Imported %u calendar entries from %s (%u already present)",
                                         imported),
                               imported, name, skipped);
  else
    message = g_strdup_printf (ngettext ("Imported %u calendar entry (%u already present)",
                                         "Imported %u calendar entries (%u already present)",
                                         imported),
                               imported, skipped);
  request = request_json (name, imported, skipped);

  if (!mk_store_log (store, user_id, MK_PLATFORM_NONE, "update_calendar", MK_LOG_STATUS_SUCCESS,
                     message, request, NULL, NULL, error) ||
      !mk_store_transaction_commit (store, error))
    {
      mk_store_transaction_rollback (store, NULL);
      return FALSE;
    }

  if (out_imported != NULL)
    *out_imported = imported;
  if (out_skipped != NULL)
    *out_skipped = skipped;
  return TRUE;
}

static gboolean
import_named (MkStore     *store,
              const char  *user_id,
              const char  *data,
              gsize        length,
              const char  *name,
              guint       *out_imported,
              guint       *out_skipped,
              GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GError) local_error = NULL;

  entries = mk_ics_read (data, length, user_id, &lines, &local_error);
  if (entries == NULL ||
      !store_entries (store, user_id, entries, lines, name, out_imported, out_skipped, &local_error))
    {
      log_failure (store, user_id, name, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
mk_ics_import_data (MkStore     *store,
                    const char  *user_id,
                    const char  *data,
                    gsize        length,
                    guint       *out_imported,
                    guint       *out_skipped,
                    GError     **error)
{
  g_return_val_if_fail (MK_IS_STORE (store), FALSE);
  g_return_val_if_fail (user_id != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  return import_named (store, user_id, data, length, NULL, out_imported, out_skipped, error);
}

gboolean
mk_ics_import_file (MkStore     *store,
                    const char  *user_id,
                    const char  *path,
                    guint       *out_imported,
                    guint       *out_skipped,
                    GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf buf;
  gsize length = 0;

  g_return_val_if_fail (MK_IS_STORE (store), FALSE);
  g_return_val_if_fail (user_id != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  name = g_path_get_basename (path);

  /* Refuse a huge file before reading it into memory. */
  if (g_stat (path, &buf) == 0 && buf.st_size > MK_ICS_MAX_FILE_SIZE)
    g_set_error (&local_error, MK_ICS_ERROR, MK_ICS_ERROR_TOO_BIG,
                 _("The file is larger than %d MiB"), MK_ICS_MAX_FILE_SIZE / (1024 * 1024));
  else
    g_file_get_contents (path, &contents, &length, &local_error);

  if (local_error != NULL)
    {
      log_failure (store, user_id, name, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return import_named (store, user_id, contents, length, name, out_imported, out_skipped, error);
}

typedef struct {
  char  *db_path;
  char  *user_id;
  char  *path;
  guint  imported;
  guint  skipped;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_free (data->db_path);
  g_free (data->user_id);
  g_free (data->path);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(MkStore) store = NULL;
  GError *error = NULL;

  store = mk_store_open (data->db_path, &error);
  if (store == NULL ||
      !mk_ics_import_file (store, data->user_id, data->path, &data->imported, &data->skipped, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
mk_ics_import_file_async (const char          *db_path,
                          const char          *user_id,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (user_id != NULL);
  g_return_if_fail (path != NULL);

  data = g_new0 (ImportData, 1);
  data->db_path = g_strdup (db_path);
  data->user_id = g_strdup (user_id);
  data->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_ics_import_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify)import_data_free);
  /* Once started the import runs to its one commit or rollback; cancelling
   * only drops the result. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, import_thread);
}

gboolean
mk_ics_import_file_finish (GAsyncResult  *result,
                           guint         *out_imported,
                           guint         *out_skipped,
                           GError       **error)
{
  ImportData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_ics_import_file_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (out_imported != NULL)
    *out_imported = data->imported;
  if (out_skipped != NULL)
    *out_skipped = data->skipped;
  return TRUE;
}
