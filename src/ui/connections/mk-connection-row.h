/* mk-connection-row.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mk-connection-service.h"

G_BEGIN_DECLS

/* One platform in Preferences → Connections: its state (not connected;
 * connected as @handle until …; needs reconnecting and why; error), Connect
 * (by the ways the platform allows), Reconnect, Disconnect, for Facebook
 * "Choose Page…" (which of the person's Pages is read), and the client
 * id / secret / token the sign-in needs. */

#define MK_TYPE_CONNECTION_ROW (mk_connection_row_get_type ())

G_DECLARE_FINAL_TYPE (MkConnectionRow, mk_connection_row, MK, CONNECTION_ROW, AdwExpanderRow)

MkConnectionRow *mk_connection_row_new        (MkConnectionService *service,
                                               MkPlatform           platform,
                                               GSettings           *settings);
MkPlatform       mk_connection_row_get_platform (MkConnectionRow   *self);
/* Re-reads the state from the service. */
void             mk_connection_row_update     (MkConnectionRow     *self);

/* The dialog for a keyring that is missing, locked or failing; a plain
 * error dialog for anything else. */
void             mk_connection_show_error     (GtkWidget           *parent,
                                               const char          *heading,
                                               const GError        *error);

G_END_DECLS
