/* mk-log-export.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mk-log-export.h"

#define EXPORT_PAGE 1000

static const char * const csv_columns[] = {
  "id", "user_id", "platform", "action", "status", "message",
  "request_payload", "response_payload", "ip_address", "created_at",
};

static void
append_csv_field (GString    *line,
                  const char *value)
{
  if (value == NULL)
    return;

  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (line, value);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static void
append_csv_row (GString    *out,
                MkLogEntry *entry)
{
  const char *values[] = {
    mk_log_entry_get_id (entry),
    mk_log_entry_get_user_id (entry),
    mk_platform_to_string (mk_log_entry_get_platform (entry)),
    mk_log_entry_get_action (entry),
    mk_log_status_to_string (mk_log_entry_get_status (entry)),
    mk_log_entry_get_message (entry),
    mk_log_entry_get_request_payload (entry),
    mk_log_entry_get_response_payload (entry),
    mk_log_entry_get_ip_address (entry),
    mk_log_entry_get_created_at (entry),
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_csv_field (out, values[i]);
    }
  g_string_append (out, "\r\n");
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* A payload is JSON already (the table checks json_valid): kept as a value,
 * not as a string holding JSON. */
static void
add_json_member (JsonBuilder *builder,
                 const char  *name,
                 const char  *json)
{
  g_autoptr(JsonNode) node = json != NULL ? json_from_string (json, NULL) : NULL;

  json_builder_set_member_name (builder, name);
  if (node != NULL)
    json_builder_add_value (builder, g_steal_pointer (&node));
  else
    json_builder_add_null_value (builder);
}

static void
append_json_line (GString    *out,
                  MkLogEntry *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  add_string_member (builder, "id", mk_log_entry_get_id (entry));
  add_string_member (builder, "user_id", mk_log_entry_get_user_id (entry));
  add_string_member (builder, "platform", mk_platform_to_string (mk_log_entry_get_platform (entry)));
  add_string_member (builder, "action", mk_log_entry_get_action (entry));
  add_string_member (builder, "status", mk_log_status_to_string (mk_log_entry_get_status (entry)));
  add_string_member (builder, "message", mk_log_entry_get_message (entry));
  add_json_member (builder, "request_payload", mk_log_entry_get_request_payload (entry));
  add_json_member (builder, "response_payload", mk_log_entry_get_response_payload (entry));
  add_string_member (builder, "ip_address", mk_log_entry_get_ip_address (entry));
  add_string_member (builder, "created_at", mk_log_entry_get_created_at (entry));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

static gboolean
write_all (FILE        *file,
           GString     *chunk,
           const char  *path,
           GError     **error)
{
  if (chunk->len > 0 && fwrite (chunk->str, 1, chunk->len, file) != chunk->len)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a file path, then the reason */
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  g_string_truncate (chunk, 0);
  return TRUE;
}

/* Page by page (keyset), so that an export of a million rows holds one
 * page in memory, not the table. */
static gint64
write_rows (MkStore            *store,
            const MkLogFilter  *filter,
            MkLogExportFormat   format,
            FILE               *file,
            const char         *path,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr(GString) chunk = g_string_new (NULL);
  g_autofree char *before_created_at = NULL;
  g_autofree char *before_id = NULL;
  gint64 total = 0;

  if (format == MK_LOG_EXPORT_CSV)
    {
      for (guint i = 0; i < G_N_ELEMENTS (csv_columns); i++)
        g_string_append_printf (chunk, "%s%s", i > 0 ? "," : "", csv_columns[i]);
      g_string_append (chunk, "\r\n");
    }

  for (;;)
    {
      g_autoptr(GPtrArray) page = NULL;
      MkLogEntry *last;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;

      page = mk_store_logs_list_page (store, filter, before_created_at, before_id,
                                      EXPORT_PAGE, error);
      if (page == NULL)
        return -1;

      for (guint i = 0; i < page->len; i++)
        {
          if (format == MK_LOG_EXPORT_CSV)
            append_csv_row (chunk, g_ptr_array_index (page, i));
          else
            append_json_line (chunk, g_ptr_array_index (page, i));
        }
      total += page->len;

      if (!write_all (file, chunk, path, error))
        return -1;

      if (page->len < EXPORT_PAGE)
        return total;

      last = g_ptr_array_index (page, page->len - 1);
      g_free (before_created_at);
      g_free (before_id);
      before_created_at = g_strdup (mk_log_entry_get_created_at (last));
      before_id = g_strdup (mk_log_entry_get_id (last));
    }
}

gint64
mk_log_export_write (MkStore            *store,
                     const MkLogFilter  *filter,
                     MkLogExportFormat   format,
                     const char         *path,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  FILE *file;
  gint64 total;
  int fd;

  g_return_val_if_fail (MK_IS_STORE (store), -1);
  g_return_val_if_fail (path != NULL, -1);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  fd = g_mkstemp_full (tmp_path, O_WRONLY, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      return -1;
    }

  file = fdopen (fd, "w");
  if (file == NULL)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      return -1;
    }

  total = write_rows (store, filter, format, file, path, cancellable, error);

  /* Flushed to disk before the rename, so that a crash leaves the old file
   * or the whole new one. */
  if (total >= 0 && (fflush (file) != 0 || fsync (fileno (file)) != 0))
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      total = -1;
    }
  if (fclose (file) != 0 && total >= 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      total = -1;
    }

  if (total >= 0 && g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      total = -1;
    }

  if (total < 0)
    g_unlink (tmp_path);

  return total;
}

typedef struct {
  char              *db_path;
  MkLogFilter       *filter;
  MkLogExportFormat  format;
  char              *path;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_free (export->db_path);
  mk_log_filter_free (export->filter);
  g_free (export->path);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  g_autoptr(MkStore) store = NULL;
  GError *error = NULL;
  gint64 total;

  store = mk_store_open (export->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  total = mk_log_export_write (store, export->filter, export->format, export->path,
                               cancellable, &error);
  if (total < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, total);
}

void
mk_log_export_write_async (const char          *db_path,
                           const MkLogFilter   *filter,
                           MkLogExportFormat    format,
                           const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (path != NULL);

  export = g_new0 (ExportData, 1);
  export->db_path = g_strdup (db_path);
  export->filter = mk_log_filter_copy (filter);
  export->format = format;
  export->path = g_strdup (path);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mk_log_export_write_async);
  g_task_set_task_data (task, export, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gint64
mk_log_export_write_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_log_export_write_async, -1);

  return g_task_propagate_int (G_TASK (result), error);
}
