/* mk-login-throttle.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sign-in throttling as pure arithmetic on the two columns the users table
 * keeps (failed_logins, locked_until), so a restart does not reset it. The
 * caller passes "now" (Unix seconds): tests inject a clock, nothing sleeps. */

#define MK_LOGIN_THROTTLE_FREE_FAILURES 5    /* failures before any wait */
#define MK_LOGIN_THROTTLE_FIRST_WAIT    1    /* seconds, after the 5th */
#define MK_LOGIN_THROTTLE_MAX_WAIT      900  /* 15 minutes */

/* Where the current time comes from; NULL means the real clock. */
typedef gint64 (*MkClockFunc) (gpointer user_data);

gint64  mk_clock_now                       (MkClockFunc  clock,
                                            gpointer     user_data);

/* Seconds to wait after @failed_logins consecutive failures: 0 up to the
 * 5th, then 1, 2, 4, … seconds, never more than 15 minutes. */
gint64  mk_login_throttle_wait_for         (guint        failed_logins);

/* Seconds left before the next try is allowed (0: now). A NULL or
 * unreadable @locked_until never locks anybody out. */
gint64  mk_login_throttle_seconds_left     (const char  *locked_until,
                                            gint64       now);

/* After one more failure: increments *@failed_logins and returns the new
 * locked_until timestamp, or NULL while no wait is due. */
char   *mk_login_throttle_record_failure   (guint       *failed_logins,
                                            gint64       now);

G_END_DECLS
