/* mk-demo.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mk-store.h"

G_BEGIN_DECLS

/* ".invalid" can never be a real mailbox (RFC 2606), so the demo account
 * can never be mistaken for, or collide with, a person's. */
#define MK_DEMO_EMAIL "demo@mediakit.invalid"

/* Fills an empty workspace with a demo creator, all in one transaction and
 * without network: the account, a profile, 60 calendar entries over three
 * months around today, 12 reviews, 90 days of metrics for three platforms
 * and 40 log rows of every kind. A workspace that already has accounts is
 * refused and left as it was. */
gboolean mk_demo_fill               (MkStore     *store,
                                     char       **out_user_id,
                                     GError     **error);

/* Adds @n_entries calendar entries over ten years ending next year, with a
 * thousand of them in the current month, for benchmarks. */
gboolean mk_demo_fill_calendar_bulk (MkStore     *store,
                                     const char  *user_id,
                                     guint        n_entries,
                                     GError     **error);

G_END_DECLS
