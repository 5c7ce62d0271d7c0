/* mk-export-defaults.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mk-portfolio.h"

G_BEGIN_DECLS

/* The defaults of Preferences → Export (export-accent-color,
 * export-sections), read in one place so that the Export dialog and
 * `mediakit --export` make the same kit from them. @settings may be NULL
 * (a build tree without the schema): the schema's defaults then. */

/* Always a usable "#rrggbb" (lower case); a broken setting gives the
 * default blue. */
char     *mk_export_defaults_dup_accent_color (GSettings   *settings);
/* The same check for a colour from elsewhere: @color, or the default. */
char     *mk_export_defaults_check_color      (const char  *color);
gboolean  mk_export_defaults_has_section      (GSettings   *settings,
                                               const char  *section);
/* The accent and the sections: what the command line exports. */
void      mk_export_defaults_apply            (GSettings   *settings,
                                               MkPortfolio *doc);

/* The accent colour's control, in Preferences and in the Export dialog. */
char     *mk_export_defaults_rgba_to_color    (const GdkRGBA *rgba);
/* A GtkColorButton takes keyboard focus on a button inside it, which a
 * screen reader would announce as nameless: this names it. */
void      mk_export_defaults_label_button     (GtkColorButton *button);

G_END_DECLS
