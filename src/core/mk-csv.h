/* mk-csv.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Comma-separated values as RFC 4180 has them: fields separated by commas,
 * records by CRLF (LF and lone CR accepted too), fields holding commas,
 * quotes or line breaks quoted with '"', a quote inside doubled. Pure and
 * self-contained, so that a fuzzer can drive it on any bytes. */

#define MK_CSV_ERROR (mk_csv_error_quark ())

typedef enum {
  MK_CSV_ERROR_ENCODING,    /* not UTF-8, or a NUL byte */
  MK_CSV_ERROR_UNTERMINATED, /* a quoted field that is never closed */
  MK_CSV_ERROR_BAD_QUOTE,   /* a quote inside an unquoted field, or text after a closing quote */
  MK_CSV_ERROR_HEADER,      /* for callers that map columns: no header, a column twice or missing */
} MkCsvError;

GQuark mk_csv_error_quark (void);

typedef struct {
  guint   line;     /* 1-based line on which the record starts */
  guint   n_fields;
  char  **fields;   /* NULL-terminated, n_fields long */
} MkCsvRecord;

void        mk_csv_record_free   (MkCsvRecord *record);

/* Every record of @data (@length bytes, or -1 when NUL-terminated). A UTF-8
 * byte-order mark is skipped; blank lines are skipped (they would be records
 * of one empty field, which no caller wants). On error, the message names the
 * line and says what is wrong. Returns a GPtrArray of MkCsvRecord. */
GPtrArray  *mk_csv_parse         (const char  *data,
                                  gssize       length,
                                  GError     **error);

/* Appends @value, quoted when it has to be; NULL is an empty field. */
void        mk_csv_append_field  (GString     *out,
                                  const char  *value);
/* Appends @n_fields fields and a CRLF. */
void        mk_csv_append_record (GString            *out,
                                  const char * const *fields,
                                  guint               n_fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MkCsvRecord, mk_csv_record_free)

G_END_DECLS
