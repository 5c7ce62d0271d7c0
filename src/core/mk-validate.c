/* mk-validate.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mk-json.h"
#include "mk-time.h"
#include "mk-uuid.h"
#include "mk-validate.h"

#define EMAIL_MAX_CHARS    255
#define SLUG_MIN_CHARS     3
#define SLUG_MAX_CHARS     50

/* An extended error domain, so that the field travels with the error through
 * g_propagate_error() and g_error_copy() without parsing the message. */
typedef struct {
  char *field;
} MkValidateErrorPrivate;

static void
mk_validate_error_private_init (MkValidateErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
mk_validate_error_private_copy (const MkValidateErrorPrivate *src,
                                MkValidateErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
mk_validate_error_private_clear (MkValidateErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (MkValidateError, mk_validate_error)

const char *
mk_validate_error_get_field (const GError *error)
{
  if (error == NULL || error->domain != MK_VALIDATE_ERROR)
    return NULL;

  return mk_validate_error_get_private (error)->field;
}

void
mk_validate_set_error (GError         **error,
                       MkValidateError  code,
                       const char      *field,
                       const char      *format,
                       ...)
{
  g_autofree char *message = NULL;
  GError *new_error;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  new_error = g_error_new_literal (MK_VALIDATE_ERROR, code, message);
  mk_validate_error_get_private (new_error)->field = g_strdup (field);
  g_propagate_error (error, new_error);
}

/* Invisible characters that are not white space: zero-width space and
 * joiners, BOM, word joiner, soft hyphen, direction marks and overrides. */
static gboolean
is_format_char (gunichar c)
{
  return g_unichar_type (c) == G_UNICODE_FORMAT;
}

/* Blank also when it holds only invisible characters, which a person cannot
 * tell from an empty field. Text that is not UTF-8 is not blank (the caller
 * reports the encoding), and is not walked, since g_utf8_next_char() would
 * step over the NUL after a truncated sequence. */
static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;

  if (!g_utf8_validate (value, -1, NULL))
    return FALSE;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !is_format_char (c))
        return FALSE;
    }

  return TRUE;
}

/* Control characters (C0, DEL, C1); multi-line text may keep the white-space
 * ones a person types. */
static gboolean
has_control_chars (const char *value,
                   gboolean    single_line)
{
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!single_line && (c == '\n' || c == '\t' || c == '\r'))
        continue;
      if (g_unichar_iscntrl (c))
        return TRUE;
      /* U+2028 and U+2029 break a line as surely as \n does. */
      if (single_line && (c == 0x2028 || c == 0x2029))
        return TRUE;
    }

  return FALSE;
}

gboolean
mk_validate_text (const char           *field,
                  const char           *label,
                  const char           *value,
                  guint                 max_chars,
                  MkValidateTextFlags   flags,
                  GError              **error)
{
  gboolean single_line = (flags & MK_VALIDATE_TEXT_SINGLE_LINE) != 0;
  glong n_chars;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_ENCODING, field,
                             /* Translators: %s is a field name such as "Brand name" */
                             _("%s is not valid UTF-8 text"), label);
      return FALSE;
    }

  if ((flags & MK_VALIDATE_TEXT_REQUIRED) != 0 && is_blank (value))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_REQUIRED, field,
                             /* Translators: %s is a field name such as "Brand name" */
                             _("%s is required"), label);
      return FALSE;
    }

  if (value == NULL)
    return TRUE;

  if (has_control_chars (value, single_line))
    {
      if (single_line)
        mk_validate_set_error (error, MK_VALIDATE_ERROR_ENCODING, field,
                               /* Translators: %s is a field name such as "Brand name" */
                               _("%s must be one line without control characters"), label);
      else
        mk_validate_set_error (error, MK_VALIDATE_ERROR_ENCODING, field,
                               /* Translators: %s is a field name such as "Notes" */
                               _("%s contains control characters"), label);
      return FALSE;
    }

  n_chars = g_utf8_strlen (value, -1);
  if (max_chars > 0 && n_chars > (glong)max_chars)
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_TOO_LONG, field,
                             /* Translators: %s is a field name such as "Brand name", %u a number */
                             g_dngettext (GETTEXT_PACKAGE,
                                          "%s must be at most %u character long",
                                          "%s must be at most %u characters long",
                                          max_chars),
                             label, max_chars);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_domain_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '-';
}

gboolean
mk_validate_is_email (const char *value)
{
  const char *at;
  const char *domain;
  gsize local_len;
  gboolean seen_dot = FALSE;
  gsize label_len = 0;

  if (value == NULL || !g_utf8_validate (value, -1, NULL) ||
      g_utf8_strlen (value, -1) > EMAIL_MAX_CHARS)
    return FALSE;

  at = strchr (value, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL)
    return FALSE;

  /* Local part: what people type in practice, not the whole of RFC 5322
   * (no quoted strings, no comments). */
  local_len = (gsize)(at - value);
  if (local_len == 0 || local_len > 64 || value[0] == '.' || at[-1] == '.')
    return FALSE;
  for (const char *p = value; p < at; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Invisible characters (U+200B, U+202E…) would let one address
       * pass for another. */
      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || is_format_char (c) ||
          strchr ("()<>[]\\,;:\"", (int)(c < 128 ? c : 'a')) != NULL)
        return FALSE;
      if (c == '.' && p[1] == '.')
        return FALSE;
    }

  /* Domain: dot-separated labels of letters, digits and inner hyphens, with
   * at least one dot (a bare "localhost" is not a place to send mail). */
  domain = at + 1;
  if (*domain == '\0' || *domain == '.')
    return FALSE;
  for (const char *p = domain; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '.' || c == 0)
        {
          if (label_len == 0 || p[-1] == '-')
            return FALSE;
          if (c == 0)
            break;
          seen_dot = TRUE;
          label_len = 0;
          continue;
        }
      if (!is_domain_char (c) || (label_len == 0 && c == '-'))
        return FALSE;
      label_len++;
    }

  return seen_dot;
}

gboolean
mk_validate_email (const char  *field,
                   const char  *value,
                   gboolean     required,
                   GError     **error)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (value == NULL || *value == '\0')
    {
      if (!required)
        return TRUE;
      mk_validate_set_error (error, MK_VALIDATE_ERROR_REQUIRED, field,
                             _("Email address is required"));
      return FALSE;
    }

  if (!g_utf8_validate (value, -1, NULL))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_ENCODING, field,
                             _("Email address is not valid UTF-8 text"));
      return FALSE;
    }

  if (g_utf8_strlen (value, -1) > EMAIL_MAX_CHARS)
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_TOO_LONG, field,
                             _("Email address must be at most %u characters long"),
                             EMAIL_MAX_CHARS);
      return FALSE;
    }

  if (!mk_validate_is_email (value))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, field,
                             _("Enter an email address like name@example.com"));
      return FALSE;
    }

  return TRUE;
}

gboolean
mk_validate_slug (const char  *value,
                  GError     **error)
{
  gsize len;

  if (value == NULL || *value == '\0')
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_REQUIRED, "slug",
                             _("Slug is required"));
      return FALSE;
    }

  /* The same rule as the schema's CHECK: ^[a-z0-9](-?[a-z0-9])*$ */
  for (const char *p = value; *p != '\0'; p++)
    {
      if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-') ||
          (*p == '-' && p[1] == '-'))
        {
          mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "slug",
                                 _("Slug may contain only lower-case letters, digits and single hyphens"));
          return FALSE;
        }
    }

  len = strlen (value);
  if (value[0] == '-' || value[len - 1] == '-')
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "slug",
                             _("Slug cannot start or end with a hyphen"));
      return FALSE;
    }

  if (len < SLUG_MIN_CHARS || len > SLUG_MAX_CHARS)
    {
      mk_validate_set_error (error,
                             len < SLUG_MIN_CHARS ? MK_VALIDATE_ERROR_INVALID : MK_VALIDATE_ERROR_TOO_LONG,
                             "slug",
                             _("Slug must be %d to %d characters long"),
                             SLUG_MIN_CHARS, SLUG_MAX_CHARS);
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_category (const char  *value,
                   GError     **error)
{
  if (is_blank (value))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_REQUIRED, "categories",
                             _("A category cannot be empty"));
      return FALSE;
    }

  return mk_validate_text ("categories", _("A category"), value, MK_VALIDATE_CATEGORY_MAX_CHARS,
                           MK_VALIDATE_TEXT_SINGLE_LINE, error);
}

/* "Travel", "travel " and "TRAVEL" are one category; so are the composed
 * and decomposed forms of "Café". */
static char *
category_key (const char *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value));
  g_autofree char *normal = g_utf8_normalize (stripped, -1, G_NORMALIZE_ALL);

  return normal != NULL ? g_utf8_casefold (normal, -1) : g_strdup (stripped);
}

gboolean
mk_validate_category_is_duplicate (const char * const *categories,
                                   const char         *value)
{
  g_autofree char *key = NULL;

  if (categories == NULL || value == NULL || !g_utf8_validate (value, -1, NULL))
    return FALSE;

  key = category_key (value);
  for (guint i = 0; categories[i] != NULL; i++)
    {
      g_autofree char *other = NULL;

      if (!g_utf8_validate (categories[i], -1, NULL))
        continue;
      other = category_key (categories[i]);
      if (g_str_equal (key, other))
        return TRUE;
    }

  return FALSE;
}

gboolean
mk_validate_category_add (const char * const  *categories,
                          const char          *value,
                          GError             **error)
{
  guint n = categories != NULL ? g_strv_length ((char **)categories) : 0;

  if (!validate_category (value, error))
    return FALSE;

  if (mk_validate_category_is_duplicate (categories, value))
    {
      g_autofree char *stripped = g_strstrip (g_strdup (value));

      /* Translators: %s is a category the profile already has */
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "categories",
                             _("“%s” is already one of the categories"), stripped);
      return FALSE;
    }

  if (n >= MK_VALIDATE_CATEGORIES_MAX)
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_OUT_OF_RANGE, "categories",
                             g_dngettext (GETTEXT_PACKAGE,
                                          "A profile has at most %d category: remove one first",
                                          "A profile has at most %d categories: remove one first",
                                          MK_VALIDATE_CATEGORIES_MAX),
                             MK_VALIDATE_CATEGORIES_MAX);
      return FALSE;
    }

  return TRUE;
}

gboolean
mk_validate_categories (const char * const  *categories,
                        GError             **error)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_null_terminated (8, NULL, TRUE);

  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    {
      if (!mk_validate_category_add ((const char * const *)seen->pdata, categories[i], error))
        return FALSE;
      g_ptr_array_add (seen, (gpointer)categories[i]);
    }

  return TRUE;
}

gboolean
mk_validate_categories_json (const char  *json,
                             GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new_null_terminated (8, NULL, TRUE);
  JsonArray *array;

  if (json == NULL)
    return TRUE;

  /* mk_json_parse() caps the nesting that json-glib would recurse into. */
  if (!g_utf8_validate (json, -1, NULL) ||
      (root = mk_json_parse (json, -1, NULL)) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (root))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "categories",
                             _("Categories must be a JSON array of text"));
      return FALSE;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          json_node_get_value_type (element) != G_TYPE_STRING)
        {
          mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "categories",
                                 _("Categories must be a JSON array of text"));
          return FALSE;
        }

      g_ptr_array_add (values, (gpointer)json_node_get_string (element));
    }

  return mk_validate_categories ((const char * const *)values->pdata, error);
}

gboolean
mk_validate_budget (gint64   budget_min,
                    gint64   budget_max,
                    GError **error)
{
  if (budget_min < -1)
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_OUT_OF_RANGE, "budget_min",
                             _("The minimum budget cannot be negative"));
      return FALSE;
    }

  if (budget_max < -1)
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_OUT_OF_RANGE, "budget_max",
                             _("The maximum budget cannot be negative"));
      return FALSE;
    }

  if (budget_min >= 0 && budget_max >= 0 && budget_min > budget_max)
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_OUT_OF_RANGE, "budget_max",
                             _("The maximum budget cannot be less than the minimum"));
      return FALSE;
    }

  return TRUE;
}

gboolean
mk_validate_rating (int      rating,
                    GError **error)
{
  if (rating >= 1 && rating <= 5)
    return TRUE;

  mk_validate_set_error (error, MK_VALIDATE_ERROR_OUT_OF_RANGE, "rating",
                         _("Rating must be 1 to 5 stars"));
  return FALSE;
}

static gboolean
validate_missing (const char  *field,
                  const char  *label,
                  const char  *value,
                  gboolean     required,
                  GError     **error)
{
  if (value != NULL && *value != '\0')
    return FALSE;

  if (required)
    mk_validate_set_error (error, MK_VALIDATE_ERROR_REQUIRED, field,
                           _("%s is required"), label);
  return TRUE;
}

gboolean
mk_validate_date (const char  *field,
                  const char  *label,
                  const char  *value,
                  gboolean     required,
                  GError     **error)
{
  if (validate_missing (field, label, value, required, error))
    return !required;

  if (!mk_time_is_valid_date (value))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, field,
                             /* Translators: %s is a field name such as "Date"; keep YYYY-MM-DD */
                             _("%s must be a real day written YYYY-MM-DD"), label);
      return FALSE;
    }

  return TRUE;
}

gboolean
mk_validate_time (const char  *field,
                  const char  *label,
                  const char  *value,
                  gboolean     required,
                  GError     **error)
{
  if (validate_missing (field, label, value, required, error))
    return !required;

  if (!mk_time_is_valid_time (value))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, field,
                             /* Translators: %s is a field name such as "Time"; keep HH:MM */
                             _("%s must be a time from 00:00 to 23:59 written HH:MM"), label);
      return FALSE;
    }

  return TRUE;
}

gboolean
mk_validate_timestamp (const char  *field,
                       const char  *label,
                       const char  *value,
                       gboolean     required,
                       GError     **error)
{
  if (validate_missing (field, label, value, required, error))
    return !required;

  if (!mk_time_is_valid_timestamp (value))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, field,
                             /* Translators: %s is a field name; keep the example as it is */
                             _("%s must be a UTC time like 2026-11-24T18:20:00Z"), label);
      return FALSE;
    }

  return TRUE;
}

gboolean
mk_validate_uuid (const char  *field,
                  const char  *value,
                  gboolean     required,
                  GError     **error)
{
  if (value == NULL)
    {
      if (!required)
        return TRUE;
      mk_validate_set_error (error, MK_VALIDATE_ERROR_REQUIRED, field,
                             /* Translators: %s is a column name such as "user_id" */
                             _("The identifier %s is required"), field);
      return FALSE;
    }

  if (!mk_uuid_is_valid (value))
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, field,
                             /* Translators: %s is a column name such as "user_id" */
                             _("The identifier %s is not a lower-case UUID"), field);
      return FALSE;
    }

  return TRUE;
}

gboolean
mk_validate_json (const char  *field,
                  const char  *value,
                  GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  if (value == NULL)
    return TRUE;

  /* mk_json_parse() caps the nesting that json-glib would recurse into. */
  if (!g_utf8_validate (value, -1, NULL) ||
      (root = mk_json_parse (value, -1, NULL)) == NULL)
    {
      mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, field,
                             /* Translators: %s is a column name such as "request_payload" */
                             _("%s is not valid JSON"), field);
      return FALSE;
    }

  return TRUE;
}

gboolean
mk_validate_currency (const char  *value,
                      GError     **error)
{
  if (value != NULL && strlen (value) == 3 &&
      g_ascii_isupper (value[0]) && g_ascii_isupper (value[1]) && g_ascii_isupper (value[2]))
    return TRUE;

  mk_validate_set_error (error, MK_VALIDATE_ERROR_INVALID, "currency",
                         _("Currency must be three capital letters, like USD"));
  return FALSE;
}
