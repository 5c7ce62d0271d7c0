/* mk-fake-server-private.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "mk-fake-server.h"

G_BEGIN_DECLS

/* Between the connect half (mk-fake-server.c) and the fetch half
 * (mk-fake-server-fetch.c) of the fake. */

typedef struct _MkFakeFetch MkFakeFetch;

MkFakeFetch *mk_fake_fetch_new            (void);
void         mk_fake_fetch_free           (MkFakeFetch       *fetch);
MkFakeFetch *mk_fake_server_get_fetch     (MkFakeServer      *self);

/* Serves the fetch routes and injected errors (on any API route); FALSE
 * leaves @msg to the connect half. */
gboolean     mk_fake_fetch_handle         (MkFakeServer      *server,
                                           SoupServerMessage *msg,
                                           const char        *path,
                                           GHashTable        *params,
                                           const char        *text);
/* Holds the answer back for the latency set with
 * mk_fake_server_set_latency(). */
void         mk_fake_fetch_delay          (MkFakeServer      *server,
                                           SoupServerMessage *msg);

char        *mk_fake_server_load_fixture  (MkFakeServer      *self,
                                           const char        *name);
void         mk_fake_server_count_hit     (MkFakeServer      *self,
                                           const char        *route,
                                           const char        *params);
gboolean     mk_fake_server_is_rejected   (MkFakeServer      *self,
                                           SoupServerMessage *msg,
                                           GHashTable        *params);

G_END_DECLS
