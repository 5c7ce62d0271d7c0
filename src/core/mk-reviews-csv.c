/* mk-reviews-csv.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <stdlib.h>
#include <errno.h>
#include <glib/gi18n-lib.h>

#include "mk-csv.h"
#include "mk-reviews-csv.h"
#include "mk-validate.h"

typedef enum {
  COL_CLIENT_NAME,
  COL_CLIENT_EMAIL,
  COL_RATING,
  COL_REVIEW_TEXT,
  COL_PROJECT_TYPE,
  COL_IS_VERIFIED,
  COL_IS_PUBLISHED,
  COL_CREATED_AT,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS] = {
  "client_name", "client_email", "rating", "review_text", "project_type",
  "is_verified", "is_published", "created_at",
};

static void
problem_free (MkReviewsCsvProblem *problem)
{
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

void
mk_reviews_csv_import_free (MkReviewsCsvImport *import)
{
  if (import == NULL)
    return;

  g_clear_pointer (&import->reviews, g_ptr_array_unref);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_clear_pointer (&import->unknown_columns, g_strfreev);
  g_clear_pointer (&import->columns, g_strfreev);
  g_free (import);
}

static void
add_problem (MkReviewsCsvImport *import,
             guint               line,
             const char         *field,
             const char         *message)
{
  MkReviewsCsvProblem *problem = g_new0 (MkReviewsCsvProblem, 1);

  problem->line = line;
  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  g_ptr_array_add (import->problems, problem);
}

/* Spreadsheets write booleans in many ways; accept the usual ones. */
static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  static const char * const yes[] = { "true", "1", "yes", "y", "t" };
  static const char * const no[] = { "false", "0", "no", "n", "f" };
  g_autofree char *lower = g_ascii_strdown (text, -1);

  g_strstrip (lower);
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_str_equal (lower, yes[i]))
        return (*value = TRUE);
      if (g_str_equal (lower, no[i]))
        return !(*value = FALSE);
    }

  return FALSE;
}

static gboolean
parse_rating (const char *text,
              int        *rating)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gint64 value;

  if (!g_ascii_string_to_signed (copy, 10, G_MININT, G_MAXINT, &value, NULL))
    return FALSE;

  *rating = (int) value;
  return TRUE;
}

static const char *
cell (MkCsvRecord *record,
      const int    map[N_COLUMNS],
      Column       column)
{
  return map[column] < 0 ? NULL : record->fields[map[column]];
}

static void
read_record (MkReviewsCsvImport *import,
             MkCsvRecord        *record,
             const int           map[N_COLUMNS],
             const char         *user_id)
{
  g_autoptr(MkReview) review = mk_review_new ();
  g_autoptr(GError) error = NULL;
  const char *text;
  gboolean flag;
  int rating;

  mk_review_set_user_id (review, user_id);
  mk_review_set_client_name (review, cell (record, map, COL_CLIENT_NAME));
  mk_review_set_review_text (review, cell (record, map, COL_REVIEW_TEXT));

  /* Empty optional cells are NULL, not "", so they read as "not given". */
  if ((text = cell (record, map, COL_CLIENT_EMAIL)) != NULL && *text != '\0')
    mk_review_set_client_email (review, text);
  if ((text = cell (record, map, COL_PROJECT_TYPE)) != NULL && *text != '\0')
    mk_review_set_project_type (review, text);
  if ((text = cell (record, map, COL_CREATED_AT)) != NULL && *text != '\0')
    mk_review_set_created_at (review, text);

  text = cell (record, map, COL_RATING);
  if (text == NULL || *text == '\0')
    {
      add_problem (import, record->line, "rating", _("Rating is required"));
      return;
    }
  if (!parse_rating (text, &rating))
    {
      g_autofree char *message = g_strdup_printf (_("Rating “%s” is not a whole number from 1 to 5"), text);
      add_problem (import, record->line, "rating", message);
      return;
    }
  mk_review_set_rating (review, rating);

  mk_review_set_is_verified (review, FALSE);
  mk_review_set_is_published (review, TRUE);
  for (Column c = COL_IS_VERIFIED; c <= COL_IS_PUBLISHED; c++)
    {
      text = cell (record, map, c);
      if (text == NULL || *text == '\0')
        continue;
      if (!parse_bool (text, &flag))
        {
          g_autofree char *message = g_strdup_printf (_("%s must be true or false, not “%s”"),
                                                      column_names[c], text);
          add_problem (import, record->line, column_names[c], message);
          return;
        }
      if (c == COL_IS_VERIFIED)
        mk_review_set_is_verified (review, flag);
      else
        mk_review_set_is_published (review, flag);
    }

  if (!mk_review_validate (review, &error))
    {
      add_problem (import, record->line, mk_validate_error_get_field (error), error->message);
      return;
    }

  g_ptr_array_add (import->reviews, g_steal_pointer (&review));
}

MkReviewsCsvImport *
mk_reviews_csv_read (const char  *data,
                     gssize       length,
                     const char  *user_id,
                     GError     **error)
{
  g_autoptr(MkReviewsCsvImport) import = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GStrvBuilder) unknown = g_strv_builder_new ();
  g_autoptr(GString) missing = NULL;
  MkCsvRecord *header;
  int map[N_COLUMNS];

  g_return_val_if_fail (user_id != NULL, NULL);

  records = mk_csv_parse (data, length, error);
  if (records == NULL)
    return NULL;

  if (records->len == 0)
    {
      g_set_error_literal (error, MK_CSV_ERROR, MK_CSV_ERROR_HEADER,
                           _("The file is empty: a reviews file starts with a header line such as “client_name,rating,review_text”"));
      return NULL;
    }

  header = g_ptr_array_index (records, 0);
  for (guint c = 0; c < N_COLUMNS; c++)
    map[c] = -1;

  for (guint i = 0; i < header->n_fields; i++)
    {
      g_autofree char *name = g_ascii_strdown (header->fields[i], -1);
      gboolean known = FALSE;

      g_strstrip (name);
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (!g_str_equal (name, column_names[c]))
            continue;
          if (map[c] >= 0)
            {
              g_set_error (error, MK_CSV_ERROR, MK_CSV_ERROR_HEADER,
                           _("Line %u: the column “%s” appears twice"), header->line, column_names[c]);
              return NULL;
            }
          map[c] = i;
          known = TRUE;
        }

      if (!known)
        g_strv_builder_add (unknown, header->fields[i]);
    }

  for (Column c = COL_CLIENT_NAME; c < N_COLUMNS; c++)
    {
      if (map[c] >= 0 || (c != COL_CLIENT_NAME && c != COL_RATING && c != COL_REVIEW_TEXT))
        continue;
      if (missing == NULL)
        missing = g_string_new (column_names[c]);
      else
        g_string_append_printf (missing, ", %s", column_names[c]);
    }
  if (missing != NULL)
    {
      g_set_error (error, MK_CSV_ERROR, MK_CSV_ERROR_HEADER,
                   _("The header line lacks the required columns %s"), missing->str);
      return NULL;
    }

  import = g_new0 (MkReviewsCsvImport, 1);
  import->reviews = g_ptr_array_new_with_free_func (g_object_unref);
  import->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  import->unknown_columns = g_strv_builder_end (unknown);
  import->columns = g_strdupv (header->fields);

  for (guint r = 1; r < records->len; r++)
    {
      MkCsvRecord *record = g_ptr_array_index (records, r);

      if (record->n_fields != header->n_fields)
        {
          g_autofree char *message =
            g_strdup_printf (ngettext ("The row has %u field where the header has %u",
                                       "The row has %u fields where the header has %u",
                                       record->n_fields),
                             record->n_fields, header->n_fields);
          add_problem (import, record->line, NULL, message);
          continue;
        }

      read_record (import, record, map, user_id);
    }

  return g_steal_pointer (&import);
}

char *
mk_reviews_csv_write (GPtrArray *reviews)
{
  GString *out = g_string_new (NULL);

  mk_csv_append_record (out, column_names, N_COLUMNS);

  for (guint i = 0; i < reviews->len; i++)
    {
      MkReview *review = g_ptr_array_index (reviews, i);
      g_autofree char *rating = g_strdup_printf ("%d", mk_review_get_rating (review));
      const char *fields[N_COLUMNS] = {
        mk_review_get_client_name (review),
        mk_review_get_client_email (review),
        rating,
        mk_review_get_review_text (review),
        mk_review_get_project_type (review),
        mk_review_get_is_verified (review) ? "true" : "false",
        mk_review_get_is_published (review) ? "true" : "false",
        mk_review_get_created_at (review),
      };

      mk_csv_append_record (out, fields, N_COLUMNS);
    }

  return g_string_free (out, FALSE);
}
