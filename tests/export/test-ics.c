/* test-ics.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* iCalendar import and export. meson runs this program under TZ=UTC,
 * America/Los_Angeles and Asia/Kolkata: the expected local times below are
 * written out per zone, not computed with the code under test. */

#include <glib/gstdio.h>
#include <string.h>

#include "mk-ics-import.h"
#include "mk-ics-reader.h"
#include "mk-ics-writer.h"
#include "mk-store.h"
#include "store-test-util.h"

typedef enum { ZONE_UTC, ZONE_LA, ZONE_KOLKATA, N_ZONES } Zone;

static Zone
current_zone (void)
{
  const char *tz = g_getenv ("TZ");

  if (g_strcmp0 (tz, "America/Los_Angeles") == 0)
    return ZONE_LA;
  if (g_strcmp0 (tz, "Asia/Kolkata") == 0)
    return ZONE_KOLKATA;
  g_assert_cmpstr (tz, ==, "UTC");
  return ZONE_UTC;
}

/* "date time" per zone; whole-day entries have no time. */
typedef struct {
  const char *expected[N_ZONES];
} Expected;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "export", "ics", name, NULL);
}

static MkCalendarEntry *
find_by_brand (GPtrArray  *entries,
               const char *brand)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (mk_calendar_entry_get_brand_name (g_ptr_array_index (entries, i)), brand) == 0)
      return g_ptr_array_index (entries, i);
  g_error ("no entry with brand %s", brand);
  return NULL;
}

static void
assert_when (MkCalendarEntry *entry,
             const Expected  *expected)
{
  g_autofree char *when = NULL;

  if (mk_calendar_entry_get_time (entry) != NULL)
    when = g_strdup_printf ("%s %s", mk_calendar_entry_get_date (entry), mk_calendar_entry_get_time (entry));
  else
    when = g_strdup (mk_calendar_entry_get_date (entry));
  g_assert_cmpstr (when, ==, expected->expected[current_zone ()]);
}

static GPtrArray *
all_entries (MkStore    *store,
             const char *user_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = mk_store_calendar_list_range (store, user_id, "0001-01-01", "9999-12-31", &error);

  g_assert_no_error (error);
  return entries;
}

static gint64
import_logs (MkStore    *store,
             const char *user_id,
             gboolean    failures)
{
  MkLogFilter filter = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 n;

  filter.user_id = user_id;
  filter.action = "update_calendar";
  filter.has_status = TRUE;
  filter.status = failures ? MK_LOG_STATUS_FAILURE : MK_LOG_STATUS_SUCCESS;
  n = mk_store_logs_count (store, &filter, &error);
  g_assert_no_error (error);
  return n;
}

static MkCalendarEntry *
make_entry (const char    *user_id,
            MkEntryType    type,
            const char    *brand,
            const char    *campaign,
            const char    *date,
            const char    *time)
{
  MkCalendarEntry *entry = mk_calendar_entry_new ();

  mk_calendar_entry_set_user_id (entry, user_id);
  mk_calendar_entry_set_entry_type (entry, type);
  mk_calendar_entry_set_brand_name (entry, brand);
  mk_calendar_entry_set_campaign_name (entry, campaign);
  mk_calendar_entry_set_date (entry, date);
  mk_calendar_entry_set_time (entry, time);
  return entry;
}

static void
assert_same_entry (MkCalendarEntry *a,
                   MkCalendarEntry *b)
{
  g_assert_cmpstr (mk_calendar_entry_get_id (a), ==, mk_calendar_entry_get_id (b));
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

/* Every column through export and import into a fresh workspace. */
static void
test_round_trip (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *dir2 = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.ics", NULL);
  g_autoptr(MkStore) store = store_test_open (dir);
  g_autoptr(MkStore) fresh = NULL;
  g_autofree char *user = store_test_add_user (store, "a@example.com");
  g_autofree char *user2 = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_brand = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint imported = 0, skipped = 0;
  MkCalendarEntry *e;

  for (guint i = 0; i < 100; i++)
    g_string_append (long_brand, "é");

  e = make_entry (user, MK_ENTRY_TYPE_SHOOT, "Acme, Inc; \\ “Ünïcode” 日本", "Spring — launch, part 1",
                  "2026-03-08", "02:30");
  mk_calendar_entry_set_location (e, "Studio 4, Kreuzberg; back door \\");
  mk_calendar_entry_set_notes (e, "Line one\nLine two, with; punctuation \\n not a newline\n\ttabbed\n");
  mk_calendar_entry_set_status (e, MK_ENTRY_STATUS_COMPLETED);
  g_assert_true (mk_store_calendar_insert (store, e, &error));
  g_assert_no_error (error);
  g_object_unref (e);

  e = make_entry (user, MK_ENTRY_TYPE_UPLOAD, long_brand->str, NULL, "2026-11-01", NULL);
  mk_calendar_entry_set_platform (e, MK_PLATFORM_TIKTOK);
  mk_calendar_entry_set_content_type (e, MK_CONTENT_TYPE_SHORT);
  g_assert_true (mk_store_calendar_insert (store, e, &error));
  g_object_unref (e);

  e = make_entry (user, MK_ENTRY_TYPE_UPLOAD, "Beta", "Reel drop", "2026-11-01", "01:30");
  mk_calendar_entry_set_platform (e, MK_PLATFORM_INSTAGRAM);
  mk_calendar_entry_set_content_type (e, MK_CONTENT_TYPE_REEL);
  g_assert_true (mk_store_calendar_insert (store, e, &error));
  g_object_unref (e);

  e = make_entry (user, MK_ENTRY_TYPE_SHOOT, "Gamma", NULL, "2026-12-31", "23:59");
  g_assert_true (mk_store_calendar_insert (store, e, &error));
  g_object_unref (e);

  before = all_entries (store, user);
  g_assert_cmpuint (before->len, ==, 4);
  g_assert_true (mk_ics_export_file (before, path, &error));
  g_assert_no_error (error);

  /* Floating local times and dates: the same bytes in every zone. */
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART:20260308T023000\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20261101\r\n"));
  g_assert_nonnull (strstr (text, "LOCATION:Studio 4\\, Kreuzberg\\; back door \\\\\r\n"));
  g_assert_nonnull (strstr (text, "X-MEDIAKIT-PLATFORM:tiktok\r\n"));
  g_assert_nonnull (strstr (text, "X-MEDIAKIT-CONTENT-TYPE:Reel\r\n"));
  g_assert_nonnull (strstr (text, "X-MEDIAKIT-STATUS:completed\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  {
    g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
  }

  fresh = store_test_open (dir2);
  user2 = store_test_add_user (fresh, "b@example.com");
  g_assert_true (mk_ics_import_file (fresh, user2, path, &imported, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, 4);
  g_assert_cmpuint (skipped, ==, 0);

  after = all_entries (fresh, user2);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      assert_same_entry (g_ptr_array_index (before, i), g_ptr_array_index (after, i));
      g_assert_cmpstr (mk_calendar_entry_get_user_id (g_ptr_array_index (after, i)), ==, user2);
    }
  g_assert_cmpint (import_logs (fresh, user2, FALSE), ==, 1);

  /* Our own export again: every entry is already there, nothing changes. */
  g_assert_true (mk_ics_import_file (fresh, user2, path, &imported, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpuint (skipped, ==, 4);
  g_assert_cmpint (mk_store_calendar_count (fresh, user2, NULL), ==, 4);
  g_assert_cmpint (import_logs (fresh, user2, FALSE), ==, 2);

  g_clear_object (&store);
  g_clear_object (&fresh);
  store_test_remove_dir (dir);
  store_test_remove_dir (dir2);
}

static GPtrArray *
import_fixture (const char *name,
                guint       expected_imported,
                guint       expected_skipped)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = fixture_path (name);
  g_autoptr(MkStore) store = store_test_open (dir);
  g_autofree char *user = store_test_add_user (store, "a@example.com");
  g_autoptr(GError) error = NULL;
  guint imported = 0, skipped = 0;
  GPtrArray *entries;

  mk_ics_import_file (store, user, path, &imported, &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, expected_imported);
  g_assert_cmpuint (skipped, ==, expected_skipped);
  entries = all_entries (store, user);

  /* The same file again finds the same (derived) ids. */
  mk_ics_import_file (store, user, path, &imported, &skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, 0);
  g_assert_cmpuint (skipped, ==, expected_imported + expected_skipped);

  g_clear_object (&store);
  store_test_remove_dir (dir);
  return entries;
}

static void
test_gnome_calendar (void)
{
  g_autoptr(GPtrArray) entries = import_fixture ("gnome-calendar.ics", 2, 0);
  static const Expected berlin = { { "2026-11-24 13:15", "2026-11-24 05:15", "2026-11-24 18:45" } };
  static const Expected whole_day = { { "2026-11-25", "2026-11-25", "2026-11-25" } };
  MkCalendarEntry *shoot = find_by_brand (entries, "Café shoot with Ünïcode Brand");

  assert_when (shoot, &berlin);
  g_assert_cmpint (mk_calendar_entry_get_entry_type (shoot), ==, MK_ENTRY_TYPE_SHOOT);
  g_assert_cmpstr (mk_calendar_entry_get_location (shoot), ==, "Studio 4, Kreuzberg");
  g_assert_cmpstr (mk_calendar_entry_get_notes (shoot), ==, "Bring the ring light.\nAnd the tripod.");
  g_assert_cmpstr (mk_calendar_entry_get_created_at (shoot), ==, "2026-11-01T09:00:00Z");
  assert_when (find_by_brand (entries, "Whole-day planning"), &whole_day);
}

static void
test_google (void)
{
  /* The moved occurrence shares its series' UID: skipped. */
  g_autoptr(GPtrArray) entries = import_fixture ("google.ics", 3, 1);
  static const Expected utc = { { "2026-07-15 17:00", "2026-07-15 10:00", "2026-07-15 22:30" } };
  static const Expected new_york = { { "2026-08-03 13:00", "2026-08-03 06:00", "2026-08-03 18:30" } };
  static const Expected whole_day = { { "2026-08-01", "2026-08-01", "2026-08-01" } };
  const char *long_summary = "This summary is far too long to be a brand name because it goes on and on "
                             "and on for more than one hundred characters in all";
  g_autofree char *cut = g_utf8_substring (long_summary, 0, 100);
  MkCalendarEntry *entry;

  entry = find_by_brand (entries, "Sponsor call — 日本語 ✓");
  assert_when (entry, &utc);
  g_assert_null (mk_calendar_entry_get_location (entry));
  g_assert_null (mk_calendar_entry_get_notes (entry));
  assert_when (find_by_brand (entries, "Untitled event"), &whole_day);

  g_strchomp (cut);
  entry = find_by_brand (entries, cut);
  assert_when (entry, &new_york);
  g_assert_cmpstr (mk_calendar_entry_get_notes (entry), ==, long_summary);
}

static void
test_outlook (void)
{
  g_autoptr(GPtrArray) entries = import_fixture ("outlook.ics", 1, 0);
  static const Expected zurich = { { "2026-03-12 09:00", "2026-03-12 02:00", "2026-03-12 14:30" } };
  MkCalendarEntry *entry = g_ptr_array_index (entries, 0);

  g_assert_cmpstr (mk_calendar_entry_get_brand_name (entry), ==,
                   "Frühjahrskampagne Besprechung mit der Agentur für Mode und Accessoires");
  g_assert_cmpstr (mk_calendar_entry_get_location (entry), ==, "Konferenzraum Zürich");
  g_assert_cmpstr (mk_calendar_entry_get_notes (entry), ==,
                   "Agenda:\n1. Brief\n2. Shot list for the spring campaign with the whole team, "
                   "including the photographers and the stylists who join remotely\n");
  assert_when (entry, &zurich);
}

/* A VTIMEZONE may follow the events that name it, and two calendars in
 * one file may each define the same TZID their own way. */
static void
test_zones_anywhere (void)
{
  static const char text[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "BEGIN:VEVENT\r\nUID:zone-1@example.com\r\nDTSTART;TZID=Studio:20260312T100000\r\n"
    "SUMMARY:Before its zone\r\nEND:VEVENT\r\n"
    "BEGIN:VTIMEZONE\r\nTZID:Studio\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
    "TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    "END:VCALENDAR\r\n"
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "BEGIN:VTIMEZONE\r\nTZID:Studio\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
    "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\nUID:zone-2@example.com\r\nDTSTART;TZID=Studio:20260312T100000\r\n"
    "SUMMARY:Second\r\n calendar\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  static const Expected first = { { "2026-03-12 04:30", "2026-03-11 21:30", "2026-03-12 10:00" } };
  static const Expected second = { { "2026-03-12 09:00", "2026-03-12 02:00", "2026-03-12 14:30" } };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GError) error = NULL;

  entries = mk_ics_read (text, strlen (text), "00000000-0000-4000-8000-000000000001", &lines, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  assert_when (find_by_brand (entries, "Before its zone"), &first);
  assert_when (find_by_brand (entries, "Secondcalendar"), &second);
  g_assert_cmpuint (g_array_index (lines, guint, 0), ==, 3);
  g_assert_cmpuint (g_array_index (lines, guint, 1), ==, 27);
}

/* Instants on both sides of the 2026 US changes (8 March, 1 November). */
static void
test_dst (void)
{
  static const struct { const char *dtstart; Expected when; } cases[] = {
    { "DTSTART:20260308T093000Z", { { "2026-03-08 09:30", "2026-03-08 01:30", "2026-03-08 15:00" } } },
    { "DTSTART:20260308T103000Z", { { "2026-03-08 10:30", "2026-03-08 03:30", "2026-03-08 16:00" } } },
    { "DTSTART:20261101T083000Z", { { "2026-11-01 08:30", "2026-11-01 01:30", "2026-11-01 14:00" } } },
    { "DTSTART:20261101T093000Z", { { "2026-11-01 09:30", "2026-11-01 01:30", "2026-11-01 15:00" } } },
    { "DTSTART:20261101T065900Z", { { "2026-11-01 06:59", "2026-10-31 23:59", "2026-11-01 12:29" } } },
    { "DTSTART;TZID=America/New_York:20260308T013000",
      { { "2026-03-08 06:30", "2026-03-07 22:30", "2026-03-08 12:00" } } },
    { "DTSTART;TZID=Asia/Kolkata:20261101T000000",
      { { "2026-10-31 18:30", "2026-10-31 11:30", "2026-11-01 00:00" } } },
    { "DTSTART:20261101T013000", { { "2026-11-01 01:30", "2026-11-01 01:30", "2026-11-01 01:30" } } },
    { "DTSTART;VALUE=DATE:20260308", { { "2026-03-08", "2026-03-08", "2026-03-08" } } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
                                               "UID:dst-%u@example.com\r\n%s\r\nSUMMARY:Case %u\r\n"
                                               "END:VEVENT\r\nEND:VCALENDAR\r\n",
                                               i, cases[i].dtstart, i);
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GError) error = NULL;

      entries = mk_ics_read (text, strlen (text), "00000000-0000-4000-8000-000000000001", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (entries->len, ==, 1);
      assert_when (g_ptr_array_index (entries, 0), &cases[i].when);
    }
}

static void
assert_read_fails (const char *text,
                   gsize       length,
                   int         code,
                   const char *needle)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  if (length == (gsize)-1)
    length = strlen (text);
  entries = mk_ics_read (text, length, "00000000-0000-4000-8000-000000000001", NULL, &error);
  g_assert_null (entries);
  g_assert_error (error, MK_ICS_ERROR, code);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, needle);
}

/* The bad event last: nothing of the file may stay, and the failure is
 * logged. */
static void
test_all_or_nothing (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autoptr(MkStore) store = store_test_open (dir);
  g_autofree char *user = store_test_add_user (store, "a@example.com");
  g_autofree char *good = fixture_path ("gnome-calendar.ics");
  static const struct { const char *name; int code; const char *needle; } broken[] = {
    { "broken-bad-date.ics", MK_ICS_ERROR_INVALID, "Line 11:" },
    { "broken-missing-end.ics", MK_ICS_ERROR_SYNTAX, "Line 12:" },
    { "broken-binary.ics", MK_ICS_ERROR_SYNTAX, "Line 5 " },
  };
  g_autoptr(GError) error = NULL;
  guint imported = 0;

  g_assert_true (mk_ics_import_file (store, user, good, &imported, NULL, &error));
  g_assert_cmpuint (imported, ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = fixture_path (broken[i].name);

      g_assert_false (mk_ics_import_file (store, user, path, &imported, NULL, &error));
      g_assert_error (error, MK_ICS_ERROR, broken[i].code);
      if (strstr (error->message, broken[i].needle) == NULL)
        g_error ("%s: “%s” does not contain “%s”", broken[i].name, error->message, broken[i].needle);
      g_clear_error (&error);
      g_assert_cmpint (mk_store_calendar_count (store, user, NULL), ==, 2);
      g_assert_cmpint (import_logs (store, user, TRUE), ==, i + 1);
    }

  /* Our own format with a bad platform in the last event, after a good one. */
  {
    const char *text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                       "BEGIN:VEVENT\r\nUID:11111111-1111-4111-8111-111111111111\r\n"
                       "DTSTART;VALUE=DATE:20260101\r\nSUMMARY:A\r\nX-MEDIAKIT-TYPE:shoot\r\nEND:VEVENT\r\n"
                       "BEGIN:VEVENT\r\nUID:22222222-2222-4222-8222-222222222222\r\n"
                       "DTSTART;VALUE=DATE:20260102\r\nSUMMARY:B\r\nX-MEDIAKIT-TYPE:upload\r\n"
                       "X-MEDIAKIT-PLATFORM:myspace\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    g_assert_false (mk_ics_import_data (store, user, text, strlen (text), NULL, NULL, &error));
    g_assert_error (error, MK_ICS_ERROR, MK_ICS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Line 14:"));
    g_clear_error (&error);

    /* A shoot with a platform fails validation: the line is the property's. */
    text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
           "BEGIN:VEVENT\r\nUID:33333333-3333-4333-8333-333333333333\r\n"
           "DTSTART;VALUE=DATE:20260102\r\nSUMMARY:B\r\nX-MEDIAKIT-TYPE:shoot\r\n"
           "X-MEDIAKIT-PLATFORM:youtube\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    g_assert_false (mk_ics_import_data (store, user, text, strlen (text), NULL, NULL, &error));
    g_assert_error (error, MK_ICS_ERROR, MK_ICS_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Line 8:"));
    g_clear_error (&error);
  }

  g_assert_cmpint (mk_store_calendar_count (store, user, NULL), ==, 2);
  g_assert_cmpint (import_logs (store, user, FALSE), ==, 1);

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

static void
test_hostile (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* A 10 MB line. */
  g_string_append (text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDESCRIPTION:");
  for (guint i = 0; i < 10 * 1024 * 1024 / 16; i++)
    g_string_append (text, "0123456789abcdef");
  g_string_append (text, "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  assert_read_fails (text->str, text->len, MK_ICS_ERROR_TOO_BIG, "Line 4 ");

  /* The same length spread over folded lines is one line too. */
  g_string_truncate (text, 0);
  g_string_append (text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDESCRIPTION:x\r\n");
  for (guint i = 0; i < 2 * 1024 * 1024 / 64; i++)
    g_string_append (text, " 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\r\n");
  g_string_append (text, "END:VEVENT\r\nEND:VCALENDAR\r\n");
  assert_read_fails (text->str, text->len, MK_ICS_ERROR_TOO_BIG, "Line ");

  /* Deep nesting. */
  g_string_truncate (text, 0);
  g_string_append (text, "BEGIN:VCALENDAR\r\n");
  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "BEGIN:X-DEEP\r\n");
  assert_read_fails (text->str, text->len, MK_ICS_ERROR_SYNTAX, "Line 9:");

  /* Too many events. */
  g_string_truncate (text, 0);
  g_string_append (text, "BEGIN:VCALENDAR\r\n");
  for (guint i = 0; i <= MK_ICS_MAX_EVENTS; i++)
    g_string_append (text, "BEGIN:VEVENT\r\nEND:VEVENT\r\n");
  g_string_append (text, "END:VCALENDAR\r\n");
  assert_read_fails (text->str, text->len, MK_ICS_ERROR_TOO_BIG, "Line 200002:");

  /* Over the file cap (no need to fill it with anything meaningful). */
  g_string_set_size (text, MK_ICS_MAX_FILE_SIZE + 1);
  memset (text->str, 'A', text->len);
  assert_read_fails (text->str, text->len, MK_ICS_ERROR_TOO_BIG, "20 MiB");

  assert_read_fails ("", 0, MK_ICS_ERROR_SYNTAX, "not an iCalendar file");
  assert_read_fails ("hello\n", -1, MK_ICS_ERROR_SYNTAX, "Line 1:");
  assert_read_fails ("BEGIN:VCARD\r\nEND:VCARD\r\n", -1, MK_ICS_ERROR_SYNTAX, "not an iCalendar file");
  assert_read_fails ("BEGIN:VCALENDAR\r\n\xff\xfe\r\nEND:VCALENDAR\r\n", -1, MK_ICS_ERROR_SYNTAX, "Line 2 ");
  assert_read_fails ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", -1,
                     MK_ICS_ERROR_SYNTAX, "Line 3:");
  assert_read_fails ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nBEGIN:VEVENT\r\n", -1, MK_ICS_ERROR_SYNTAX, "Line 3:");
  assert_read_fails ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", -1,
                     MK_ICS_ERROR_INVALID, "Line 2:");
  assert_read_fails ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=Nowhere/Land:20260101T100000\r\n"
                     "END:VEVENT\r\nEND:VCALENDAR\r\n", -1, MK_ICS_ERROR_INVALID, "Nowhere/Land");
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;
  guint imported = 0, skipped = 0;

  g_assert_true (mk_ics_import_file_finish (result, &imported, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, 1);
  g_assert_cmpuint (skipped, ==, 0);
  g_main_loop_quit (loop);
}

static void
test_async (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autoptr(MkStore) store = store_test_open (dir);
  g_autofree char *user = store_test_add_user (store, "a@example.com");
  g_autofree char *path = fixture_path ("outlook.ics");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  mk_ics_import_file_async (mk_store_get_path (store), user, path, NULL, on_imported, loop);
  g_main_loop_run (loop);
  g_assert_cmpint (mk_store_calendar_count (store, user, NULL), ==, 1);
  g_assert_cmpint (import_logs (store, user, FALSE), ==, 1);

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* meson gives the zone as the first argument ("--tz=America/Los_Angeles"),
   * since every test shares one environment object; it must be set before
   * anything asks GLib for the local zone. */
  if (argc > 1 && g_str_has_prefix (argv[1], "--tz="))
    {
      g_setenv ("TZ", argv[1] + strlen ("--tz="), TRUE);
      argv[1] = argv[0];
      argv++;
      argc--;
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ics/round-trip", test_round_trip);
  g_test_add_func ("/ics/gnome-calendar", test_gnome_calendar);
  g_test_add_func ("/ics/google", test_google);
  g_test_add_func ("/ics/outlook", test_outlook);
  g_test_add_func ("/ics/dst", test_dst);
  g_test_add_func ("/ics/zones-anywhere", test_zones_anywhere);
  g_test_add_func ("/ics/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/ics/hostile", test_hostile);
  g_test_add_func ("/ics/async", test_async);

  return g_test_run ();
}
