/* mk-tag-entry.h
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MK_TYPE_TAG_ENTRY (mk_tag_entry_get_type ())

G_DECLARE_FINAL_TYPE (MkTagEntry, mk_tag_entry, MK, TAG_ENTRY, AdwBin)

/* The categories of a profile as removable pills: an entry that adds what
 * is typed (Enter), suggestions from a built-in list that match it, and a
 * remove button on each pill. A tag that mk_validate_category_add()
 * refuses is not added; the reason shows below the entry. "changed" is
 * emitted after every addition or removal. */
GtkWidget          *mk_tag_entry_new       (void);

/* NULL-terminated, never NULL. */
const char * const *mk_tag_entry_get_tags  (MkTagEntry         *self);
void                mk_tag_entry_set_tags  (MkTagEntry         *self,
                                            const char * const *tags);
gboolean            mk_tag_entry_add       (MkTagEntry         *self,
                                            const char         *tag,
                                            GError            **error);
void                mk_tag_entry_remove    (MkTagEntry         *self,
                                            const char         *tag);
/* A message below the entry (NULL clears it). */
void                mk_tag_entry_set_error (MkTagEntry         *self,
                                            const char         *message);

G_END_DECLS
