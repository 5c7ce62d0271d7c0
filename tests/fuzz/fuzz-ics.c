/* fuzz-ics.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The iCalendar importer's reader on any bytes: it either fails with an
 * MK_ICS_ERROR or returns entries that each pass validation, one line number
 * per entry; and what it returns survives our own writer and reader
 * unchanged, since --export-ics / --import-ics promise a lossless round trip. */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mk-calendar-entry.h"
#include "mk-ics-reader.h"
#include "mk-ics-writer.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define USER_ID "6f1c1a52-3c55-4c3e-9d53-8f0e6b1b6a10"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A zone with DST, so TZID and UTC conversions meet gaps and folds. */
  setenv ("TZ", "Europe/Berlin", 1);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
assert_same_entry (MkCalendarEntry *a,
                   MkCalendarEntry *b)
{
  g_assert_cmpstr (mk_calendar_entry_get_id (a), ==, mk_calendar_entry_get_id (b));
  g_assert_cmpstr (mk_calendar_entry_get_user_id (a), ==, mk_calendar_entry_get_user_id (b));
  g_assert_cmpint (mk_calendar_entry_get_entry_type (a), ==, mk_calendar_entry_get_entry_type (b));
  g_assert_cmpstr (mk_calendar_entry_get_brand_name (a), ==, mk_calendar_entry_get_brand_name (b));
  g_assert_cmpstr (mk_calendar_entry_get_campaign_name (a), ==, mk_calendar_entry_get_campaign_name (b));
  g_assert_cmpstr (mk_calendar_entry_get_date (a), ==, mk_calendar_entry_get_date (b));
  g_assert_cmpstr (mk_calendar_entry_get_time (a), ==, mk_calendar_entry_get_time (b));
  g_assert_cmpint (mk_calendar_entry_get_status (a), ==, mk_calendar_entry_get_status (b));
  g_assert_cmpstr (mk_calendar_entry_get_notes (a), ==, mk_calendar_entry_get_notes (b));
  g_assert_cmpstr (mk_calendar_entry_get_location (a), ==, mk_calendar_entry_get_location (b));
  g_assert_cmpint (mk_calendar_entry_get_platform (a), ==, mk_calendar_entry_get_platform (b));
  g_assert_cmpint (mk_calendar_entry_get_content_type (a), ==, mk_calendar_entry_get_content_type (b));
  g_assert_cmpstr (mk_calendar_entry_get_created_at (a), ==, mk_calendar_entry_get_created_at (b));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *text = NULL;
  g_autofree char *written = NULL;
  gsize written_length = 0;

  /* The reader wants the NUL that g_file_get_contents() leaves. */
  text = g_malloc (size + 1);
  memcpy (text, data, size);
  text[size] = '\0';

  entries = mk_ics_read (text, size, USER_ID, &lines, &error);
  if (entries == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == MK_ICS_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_nonnull (lines);
  g_assert_cmpuint (lines->len, ==, entries->len);

  for (guint i = 0; i < entries->len; i++)
    {
      MkCalendarEntry *entry = g_ptr_array_index (entries, i);

      g_assert_true (mk_calendar_entry_validate (entry, &error));
      g_assert_cmpstr (mk_calendar_entry_get_user_id (entry), ==, USER_ID);
      g_assert_cmpuint (g_array_index (lines, guint, i), >=, 1);
    }

  written = mk_ics_write (entries, &written_length);
  g_assert_nonnull (written);

  again = mk_ics_read (written, written_length, USER_ID, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpuint (again->len, ==, entries->len);

  for (guint i = 0; i < entries->len; i++)
    assert_same_entry (g_ptr_array_index (entries, i), g_ptr_array_index (again, i));

  return 0;
}
