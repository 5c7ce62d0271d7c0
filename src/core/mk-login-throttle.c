/* mk-login-throttle.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include "mk-login-throttle.h"
#include "mk-time.h"

gint64
mk_clock_now (MkClockFunc clock,
              gpointer    user_data)
{
  if (clock != NULL)
    return clock (user_data);

  return g_get_real_time () / G_USEC_PER_SEC;
}

gint64
mk_login_throttle_wait_for (guint failed_logins)
{
  guint doublings;

  if (failed_logins < MK_LOGIN_THROTTLE_FREE_FAILURES)
    return 0;

  /* 2^10 s already passes the cap; stopping there avoids overflowing the
   * shift for absurd counts. */
  doublings = failed_logins - MK_LOGIN_THROTTLE_FREE_FAILURES;
  if (doublings >= 10)
    return MK_LOGIN_THROTTLE_MAX_WAIT;

  return MIN ((gint64) MK_LOGIN_THROTTLE_FIRST_WAIT << doublings,
              (gint64) MK_LOGIN_THROTTLE_MAX_WAIT);
}

gint64
mk_login_throttle_seconds_left (const char *locked_until,
                                gint64      now)
{
  g_autoptr(GDateTime) until = NULL;
  gint64 left;

  if (locked_until == NULL)
    return 0;

  until = mk_time_parse_timestamp (locked_until);
  if (until == NULL)
    return 0;

  left = g_date_time_to_unix (until) - now;

  /* A clock set back must not lock someone out for longer than the cap. */
  return CLAMP (left, 0, MK_LOGIN_THROTTLE_MAX_WAIT);
}

char *
mk_login_throttle_record_failure (guint  *failed_logins,
                                  gint64  now)
{
  g_autoptr(GDateTime) until = NULL;
  gint64 wait;

  g_return_val_if_fail (failed_logins != NULL, NULL);

  if (*failed_logins < G_MAXINT)
    (*failed_logins)++;

  wait = mk_login_throttle_wait_for (*failed_logins);
  if (wait == 0)
    return NULL;

  until = g_date_time_new_from_unix_utc (now + wait);
  return mk_time_format_timestamp (until);
}
