/* mk-csv.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mk-csv.h"

G_DEFINE_QUARK (mk-csv-error-quark, mk_csv_error)

void
mk_csv_record_free (MkCsvRecord *record)
{
  if (record == NULL)
    return;

  g_strfreev (record->fields);
  g_free (record);
}

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n'))
        line++;
    }

  return line;
}

static void
finish_record (GPtrArray *records,
               GPtrArray *fields,
               guint      line)
{
  MkCsvRecord *record;

  /* A blank line: one empty field. */
  if (fields->len == 1 && *(char *) g_ptr_array_index (fields, 0) == '\0')
    {
      g_ptr_array_set_size (fields, 0);
      return;
    }

  record = g_new0 (MkCsvRecord, 1);
  record->line = line;
  record->n_fields = fields->len;
  g_ptr_array_add (fields, NULL);
  record->fields = (char **) g_ptr_array_steal (fields, NULL);
  g_ptr_array_add (records, record);
}

GPtrArray *
mk_csv_parse (const char  *data,
              gssize       length,
              GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) mk_csv_record_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *end_valid = NULL;
  gsize len, i = 0;
  guint line = 1, record_line = 1;
  gboolean in_record = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  len = length < 0 ? strlen (data) : (gsize) length;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  /* g_utf8_validate_len() also refuses NUL bytes. */
  if (!g_utf8_validate_len (data, len, &end_valid))
    {
      g_set_error (error, MK_CSV_ERROR, MK_CSV_ERROR_ENCODING,
                   _("Line %u is not UTF-8 text: save the file as CSV UTF-8 and try again"),
                   line_of_offset (data, end_valid - data));
      return NULL;
    }

  while (i < len)
    {
      char c = data[i];

      if (!in_record)
        {
          in_record = TRUE;
          record_line = line;
        }

      if (c == '"' && field->len == 0)
        {
          /* A quoted field: up to the lone closing quote. */
          guint open_line = line;

          i++;
          for (;;)
            {
              if (i >= len)
                {
                  g_set_error (error, MK_CSV_ERROR, MK_CSV_ERROR_UNTERMINATED,
                               _("Line %u: a quoted field is never closed"), open_line);
                  return NULL;
                }
              if (data[i] == '"')
                {
                  if (i + 1 < len && data[i + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      i += 2;
                      continue;
                    }
                  i++;
                  break;
                }
              if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= len || data[i + 1] != '\n')))
                line++;
              g_string_append_c (field, data[i]);
              i++;
            }

          if (i < len && data[i] != ',' && data[i] != '\r' && data[i] != '\n')
            {
              g_set_error (error, MK_CSV_ERROR, MK_CSV_ERROR_BAD_QUOTE,
                           _("Line %u: there is text after a closing quote"), line);
              return NULL;
            }
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          if (i < len && data[i] == ',')
            i++;
          else
            {
              if (i < len && data[i] == '\r')
                i++;
              if (i < len && data[i] == '\n')
                i++;
              line++;
              finish_record (records, fields, record_line);
              in_record = FALSE;
            }
          continue;
        }

      if (c == '"')
        {
          g_set_error (error, MK_CSV_ERROR, MK_CSV_ERROR_BAD_QUOTE,
                       _("Line %u: a quote inside a field that does not start with a quote"), line);
          return NULL;
        }

      if (c == ',')
        {
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          i++;
          continue;
        }

      if (c == '\r' || c == '\n')
        {
          g_ptr_array_add (fields, g_strndup (field->str, field->len));
          g_string_truncate (field, 0);
          if (c == '\r' && i + 1 < len && data[i + 1] == '\n')
            i++;
          i++;
          line++;
          finish_record (records, fields, record_line);
          in_record = FALSE;
          continue;
        }

      g_string_append_c (field, c);
      i++;
    }

  /* The last record need not end with a line break. */
  if (in_record)
    {
      g_ptr_array_add (fields, g_strndup (field->str, field->len));
      finish_record (records, fields, record_line);
    }

  return g_steal_pointer (&records);
}

void
mk_csv_append_field (GString    *out,
                     const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  /* A leading U+FEFF is quoted too: at the start of a file the reader
   * would take it for the byte-order mark and drop it. */
  if (strpbrk (value, ",\"\r\n") == NULL && value[0] != ' ' &&
      value[strlen (value) - 1] != ' ' && !g_str_has_prefix (value, "\xEF\xBB\xBF"))
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
mk_csv_append_record (GString            *out,
                      const char * const *fields,
                      guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      mk_csv_append_field (out, fields[i]);
    }

  g_string_append (out, "\r\n");
}
