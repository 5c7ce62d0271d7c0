/* mk-validate.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Validation errors carry the name of the offending field (the column name,
 * e.g. "brand_name"), so a form can put the message beside the right row.
 * The message is complete and translated, e.g. "Brand name is required". */

#define MK_VALIDATE_ERROR (mk_validate_error_quark ())

typedef enum {
  MK_VALIDATE_ERROR_REQUIRED,      /* empty or missing */
  MK_VALIDATE_ERROR_TOO_LONG,      /* more characters than the column holds */
  MK_VALIDATE_ERROR_INVALID,       /* wrong form: email, slug, date, JSON, … */
  MK_VALIDATE_ERROR_OUT_OF_RANGE,  /* number outside its range, min > max */
  MK_VALIDATE_ERROR_ENCODING,      /* not UTF-8, or control characters */
} MkValidateError;

GQuark      mk_validate_error_quark     (void);

/* The field an MK_VALIDATE_ERROR is about, or NULL for any other error. */
const char *mk_validate_error_get_field (const GError *error);

/* Sets an MK_VALIDATE_ERROR carrying @field; for validators elsewhere. */
void        mk_validate_set_error       (GError        **error,
                                         MkValidateError code,
                                         const char     *field,
                                         const char     *format,
                                         ...) G_GNUC_PRINTF (4, 5);

typedef enum {
  MK_VALIDATE_TEXT_NONE        = 0,
  MK_VALIDATE_TEXT_REQUIRED    = 1 << 0,  /* NULL or only white space fails */
  MK_VALIDATE_TEXT_SINGLE_LINE = 1 << 1,  /* no control characters at all */
} MkValidateTextFlags;

/* Any text: valid UTF-8; at most @max_chars characters (0: no limit);
 * multi-line text may hold newlines and tabs but no other control
 * characters. @label is the translated, human name of the field
 * ("Brand name"), used at the start of the message. */
gboolean mk_validate_text           (const char          *field,
                                     const char          *label,
                                     const char          *value,
                                     guint                max_chars,
                                     MkValidateTextFlags  flags,
                                     GError             **error);

/* local@domain.tld, at most 255 characters, no spaces. NULL or "" passes
 * unless @required. */
gboolean mk_validate_email          (const char  *field,
                                     const char  *value,
                                     gboolean     required,
                                     GError     **error);
gboolean mk_validate_is_email       (const char  *value);

/* 3 to 50 characters of a–z, 0–9 and single hyphens, not at either end. */
gboolean mk_validate_slug           (const char  *value,
                                     GError     **error);

#define MK_VALIDATE_CATEGORY_MAX_CHARS 30
#define MK_VALIDATE_CATEGORIES_MAX     10

/* The categories column: a JSON array of at most MK_VALIDATE_CATEGORIES_MAX
 * non-empty single-line strings of at most MK_VALIDATE_CATEGORY_MAX_CHARS
 * characters each, no two the same regardless of case (and of white space
 * around them). */
gboolean mk_validate_categories_json (const char  *json,
                                      GError     **error);
gboolean mk_validate_categories     (const char * const *categories,
                                     GError            **error);
/* Whether @value may join @categories (the same rules, one at a time). */
gboolean mk_validate_category_add   (const char * const *categories,
                                     const char         *value,
                                     GError            **error);
/* Whether @categories already holds @value, ignoring case and white space. */
gboolean mk_validate_category_is_duplicate (const char * const *categories,
                                            const char         *value);

/* -1 means "not set"; otherwise ≥ 0, and min ≤ max when both are set. */
gboolean mk_validate_budget         (gint64       budget_min,
                                     gint64       budget_max,
                                     GError     **error);

gboolean mk_validate_rating         (int          rating,
                                     GError     **error);

/* Strict forms of mk-time.h; NULL passes unless @required. */
gboolean mk_validate_date           (const char  *field,
                                     const char  *label,
                                     const char  *value,
                                     gboolean     required,
                                     GError     **error);
gboolean mk_validate_time           (const char  *field,
                                     const char  *label,
                                     const char  *value,
                                     gboolean     required,
                                     GError     **error);
gboolean mk_validate_timestamp      (const char  *field,
                                     const char  *label,
                                     const char  *value,
                                     gboolean     required,
                                     GError     **error);

/* Lower-case canonical UUID; NULL passes unless @required. */
gboolean mk_validate_uuid           (const char  *field,
                                     const char  *value,
                                     gboolean     required,
                                     GError     **error);

/* Well-formed JSON text; NULL passes. */
gboolean mk_validate_json           (const char  *field,
                                     const char  *value,
                                     GError     **error);

/* Three upper-case letters (ISO 4217 form, not checked against the list). */
gboolean mk_validate_currency       (const char  *value,
                                     GError     **error);

G_END_DECLS
