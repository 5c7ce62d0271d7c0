/* mk-page-picker.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mk-connection-service.h"

G_BEGIN_DECLS

/* "Choose a Facebook Page": the Pages the connected account manages as
 * radio rows, the one the sync reads selected. Choose makes the selected
 * one the Page Mediakit reads (mk_connection_service_set_page()); Cancel
 * changes nothing. With no Page, it says so and offers Close only.
 *
 * @pages (MkFacebookPage, may be NULL) is a listing the caller already has;
 * without one the dialog lists the Pages itself, showing a spinner
 * meanwhile. @preferred_id (may be NULL) is selected when listed, before
 * the connection's own Page: after a reconnect, the Page chosen before. */

#define MK_TYPE_PAGE_PICKER (mk_page_picker_get_type ())

G_DECLARE_FINAL_TYPE (MkPagePicker, mk_page_picker, MK, PAGE_PICKER, AdwMessageDialog)

MkPagePicker *mk_page_picker_new (GtkWindow           *parent,
                                  MkConnectionService *service,
                                  GListModel          *pages,
                                  const char          *preferred_id);

G_END_DECLS
