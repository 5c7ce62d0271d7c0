/* mk-connections-page.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mk-connection-service.h"
#include "mk-context.h"

G_BEGIN_DECLS

/* Preferences → Connections: one MkConnectionRow per platform. */

#define MK_TYPE_CONNECTIONS_PAGE (mk_connections_page_get_type ())

G_DECLARE_FINAL_TYPE (MkConnectionsPage, mk_connections_page, MK, CONNECTIONS_PAGE, AdwPreferencesPage)

MkConnectionsPage   *mk_connections_page_new         (MkContext         *context);
/* NULL when there is no open account (or MEDIAKIT_ENDPOINTS is invalid). */
MkConnectionService *mk_connections_page_get_service (MkConnectionsPage *self);

G_END_DECLS
