/* mk-engagement.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mk-enums.h"

G_BEGIN_DECLS

/* The engagement rate of an account, in percent, and how it was reached, so
 * that the window can show the formula and its inputs beside the number.
 * See mk-engagement.c for the formula. */

typedef enum {
  MK_ENGAGEMENT_METHOD_MEDIAN,
  MK_ENGAGEMENT_METHOD_MEAN,
} MkEngagementMethod;

#define MK_TYPE_ENGAGEMENT_METHOD (mk_engagement_method_get_type ())
GType mk_engagement_method_get_type (void) G_GNUC_CONST;

/* How many of the newest posts count. */
#define MK_ENGAGEMENT_POSTS 12
/* Fewer usable posts than this and the rate is labelled an estimate. */
#define MK_ENGAGEMENT_MIN_POSTS 3

typedef struct
{
  double             rate;        /* percent; NAN when unknown */
  MkEngagementMethod method;
  MkPlatform         platform;
  gint64             followers;   /* the divisor for Instagram and Facebook; -1 unknown */
  guint              posts_used;  /* posts that went into the rate */
  guint              posts_considered; /* the newest ≤ 12 eligible posts looked at */
  gboolean           estimated;   /* fewer than MK_ENGAGEMENT_MIN_POSTS posts used */
  gboolean           partial;     /* some of the newest posts had unknown counts */
} MkEngagement;

/* @media: MkMediaItem of one platform, in any order. @followers: -1 when
 * unknown (then Instagram and Facebook have no rate; YouTube does not need
 * it). Sets @out->rate to NAN when there is nothing to compute from. */
void  mk_engagement_compute    (MkPlatform          platform,
                                gint64              followers,
                                GPtrArray          *media,
                                MkEngagementMethod  method,
                                MkEngagement       *out);
/* The same with a given "now" (posts younger than 24 h are left out). */
void  mk_engagement_compute_at (MkPlatform          platform,
                                gint64              followers,
                                GPtrArray          *media,
                                MkEngagementMethod  method,
                                GDateTime          *now,
                                MkEngagement       *out);

/* The formula and its inputs in words, translated, e.g. "Median of the last
 * 12 posts, (likes + comments) ÷ followers". */
char *mk_engagement_describe   (const MkEngagement *engagement);

G_END_DECLS
