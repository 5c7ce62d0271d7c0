/* test-model.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include "mk-calendar-entry.h"
#include "mk-enums.h"
#include "mk-metrics-snapshot.h"
#include "mk-profile.h"
#include "mk-time.h"
#include "mk-uuid.h"

static void
test_enums_round_trip (void)
{
  MkPlatform platform;
  MkContentType content_type;
  MkEntryType type;
  MkEntryStatus status;
  MkLogStatus log_status;

  for (int i = MK_PLATFORM_INSTAGRAM; i <= MK_PLATFORM_TIKTOK; i++)
    {
      g_assert_true (mk_platform_from_string (mk_platform_to_string (i), &platform));
      g_assert_cmpint (platform, ==, i);
    }
  g_assert_null (mk_platform_to_string (MK_PLATFORM_NONE));
  g_assert_true (mk_platform_from_string (NULL, &platform));
  g_assert_cmpint (platform, ==, MK_PLATFORM_NONE);
  g_assert_false (mk_platform_from_string ("myspace", &platform));
  /* The database strings are exact. */
  g_assert_false (mk_platform_from_string ("Instagram", &platform));
  g_assert_cmpstr (mk_platform_to_string (MK_PLATFORM_YOUTUBE), ==, "youtube");
  g_assert_true (mk_platform_is_connectable (MK_PLATFORM_FACEBOOK));
  g_assert_false (mk_platform_is_connectable (MK_PLATFORM_TIKTOK));
  g_assert_false (mk_platform_is_connectable (MK_PLATFORM_NONE));

  for (int i = MK_CONTENT_TYPE_REEL; i <= MK_CONTENT_TYPE_LIVE; i++)
    {
      g_assert_true (mk_content_type_from_string (mk_content_type_to_string (i), &content_type));
      g_assert_cmpint (content_type, ==, i);
    }
  g_assert_cmpstr (mk_content_type_to_string (MK_CONTENT_TYPE_REEL), ==, "Reel");
  g_assert_true (mk_content_type_from_string ("short", &content_type));
  g_assert_cmpint (content_type, ==, MK_CONTENT_TYPE_SHORT);
  g_assert_false (mk_content_type_from_string ("Carousel", &content_type));

  g_assert_true (mk_entry_type_from_string ("upload", &type));
  g_assert_cmpint (type, ==, MK_ENTRY_TYPE_UPLOAD);
  g_assert_false (mk_entry_type_from_string ("Upload", &type));
  g_assert_true (mk_entry_status_from_string ("completed", &status));
  g_assert_cmpint (status, ==, MK_ENTRY_STATUS_COMPLETED);
  g_assert_cmpstr (mk_log_status_to_string (MK_LOG_STATUS_FAILURE), ==, "failure");
  g_assert_true (mk_log_status_from_string ("success", &log_status));
  g_assert_cmpint (log_status, ==, MK_LOG_STATUS_SUCCESS);

  /* The GEnum types exist and know their values. */
  {
    g_autoptr(GEnumClass) klass = g_type_class_ref (MK_TYPE_PLATFORM);

    g_assert_nonnull (g_enum_get_value_by_nick (klass, "tiktok"));
  }
}

static void
test_time (void)
{
  g_autofree char *now = mk_time_now_timestamp ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+05:30");
  g_autofree char *formatted = NULL;
  g_autofree char *date = NULL;
  GDate gdate;
  int h, m, y, mo, d;

  g_assert_true (mk_time_is_valid_timestamp (now));
  g_assert_cmpuint (strlen (now), ==, 20);

  parsed = mk_time_parse_timestamp ("2026-11-24T18:20:00Z");
  g_assert_nonnull (parsed);
  g_assert_cmpint (g_date_time_get_hour (parsed), ==, 18);

  /* Formatting converts to UTC. */
  local = g_date_time_new (tz, 2026, 11, 24, 23, 50, 0);
  formatted = mk_time_format_timestamp (local);
  g_assert_cmpstr (formatted, ==, "2026-11-24T18:20:00Z");

  g_assert_true (mk_time_parse_time ("07:05", &h, &m));
  g_assert_cmpint (h, ==, 7);
  g_assert_cmpint (m, ==, 5);
  g_free (formatted);
  formatted = mk_time_format_time (7, 5);
  g_assert_cmpstr (formatted, ==, "07:05");

  g_assert_true (mk_time_parse_date ("2024-02-29", &y, &mo, &d));
  g_assert_cmpint (y * 10000 + mo * 100 + d, ==, 20240229);
  g_assert_true (mk_time_parse_gdate ("2026-01-31", &gdate));
  g_date_add_days (&gdate, 1);
  date = mk_time_format_gdate (&gdate);
  g_assert_cmpstr (date, ==, "2026-02-01");
  g_assert_false (mk_time_is_valid_date ("2026-02-29"));
}

static void
test_uuid (void)
{
  g_autofree char *random = mk_uuid_new ();
  g_autofree char *previous = mk_uuid_new_time_ordered ();

  g_assert_true (mk_uuid_is_valid (random));
  g_assert_cmpint (random[14], ==, '4');
  g_assert_false (mk_uuid_is_valid ("0B9A6C2E-6F4B-4D43-9A57-2A3F1D8C7E10"));
  g_assert_false (mk_uuid_is_valid ("not-a-uuid"));
  g_assert_false (mk_uuid_is_valid (NULL));

  /* Time-ordered ids never go backwards, even many in one millisecond. */
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *next = mk_uuid_new_time_ordered ();

      g_assert_true (mk_uuid_is_valid (next));
      g_assert_cmpint (next[14], ==, '7');
      g_assert_cmpstr (previous, <, next);
      g_free (previous);
      previous = g_steal_pointer (&next);
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *)user_data)++;
}

static void
test_properties (void)
{
  g_autoptr(MkCalendarEntry) entry = mk_calendar_entry_new ();
  g_autoptr(MkCalendarEntry) copy = NULL;
  g_autoptr(MkMetricsSnapshot) snapshot = mk_metrics_snapshot_new ();
  g_autoptr(MkProfile) profile = mk_profile_new ();
  g_autofree char *brand = NULL;
  const char *tags[] = { "Fashion", "Travel", NULL };
  MkPlatform platform;
  guint notified = 0;

  /* Properties are named as the columns. */
  g_signal_connect (entry, "notify", G_CALLBACK (count_notify), &notified);
  g_object_set (entry, "brand-name", "Glossier", "type", MK_ENTRY_TYPE_UPLOAD,
                "platform", MK_PLATFORM_YOUTUBE, NULL);
  g_assert_cmpuint (notified, ==, 3);
  /* Setting the same value again does not notify. */
  mk_calendar_entry_set_brand_name (entry, "Glossier");
  g_assert_cmpuint (notified, ==, 3);

  g_object_get (entry, "brand-name", &brand, "platform", &platform, NULL);
  g_assert_cmpstr (brand, ==, "Glossier");
  g_assert_cmpint (platform, ==, MK_PLATFORM_YOUTUBE);
  g_assert_cmpint (mk_calendar_entry_get_status (entry), ==, MK_ENTRY_STATUS_PENDING);

  copy = mk_calendar_entry_copy (entry);
  g_assert_true (copy != entry);
  g_assert_cmpstr (mk_calendar_entry_get_brand_name (copy), ==, "Glossier");
  g_assert_cmpint (mk_calendar_entry_get_entry_type (copy), ==, MK_ENTRY_TYPE_UPLOAD);

  /* Unknown metrics are -1 and NAN. */
  g_assert_cmpint (mk_metrics_snapshot_get_follower_count (snapshot), ==, -1);
  g_assert_true (isnan (mk_metrics_snapshot_get_engagement_rate (snapshot)));

  mk_profile_set_categories (profile, tags);
  g_assert_cmpstrv (mk_profile_get_categories (profile), tags);
  g_assert_cmpint (mk_profile_get_budget_min (profile), ==, -1);
  g_assert_cmpstr (mk_profile_get_currency (profile), ==, "USD");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/enums/round-trip", test_enums_round_trip);
  g_test_add_func ("/core/time", test_time);
  g_test_add_func ("/core/uuid", test_uuid);
  g_test_add_func ("/core/model/properties", test_properties);

  return g_test_run ();
}
