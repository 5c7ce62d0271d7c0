/* mk-migrations.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-store"

#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "mk-migrations.h"
#include "mk-store-resources.h"

#define MIGRATIONS_PATH RESOURCE_PREFIX "/database/"

typedef struct {
  int   version;
  char *resource;
} Migration;

/* The static library's GResource has no constructor (--manual-register):
 * a linker that drops "unused" objects would otherwise drop it silently. */
static void
ensure_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      mk_store_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static int
compare_migrations (gconstpointer a,
                    gconstpointer b)
{
  return ((const Migration *)a)->version - ((const Migration *)b)->version;
}

static void
clear_migration (gpointer data)
{
  g_free (((Migration *)data)->resource);
}

/* Sorted, numbered 1, 2, 3, … without gaps; a gap is a packaging bug. */
static GArray *
list_migrations (void)
{
  static GArray *migrations;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_auto(GStrv) names = NULL;
      GArray *list = g_array_new (FALSE, FALSE, sizeof (Migration));

      g_array_set_clear_func (list, clear_migration);
      ensure_resources ();
      names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          Migration m;

          if (!g_str_has_suffix (names[i], ".sql") || !g_ascii_isdigit (names[i][0]))
            continue;
          m.version = atoi (names[i]);
          m.resource = g_strconcat (MIGRATIONS_PATH, names[i], NULL);
          g_array_append_val (list, m);
        }
      g_array_sort (list, compare_migrations);

      for (guint i = 0; i < list->len; i++)
        if (g_array_index (list, Migration, i).version != (int)i + 1)
          g_error ("Database migrations are not numbered 1 to %u", list->len);

      migrations = list;
      g_once_init_leave (&initialized, 1);
    }

  return migrations;
}

int
mk_migrations_get_latest (void)
{
  return (int)list_migrations ()->len;
}

static gboolean
apply_one (MkDatabase       *database,
           const Migration  *migration,
           GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;
  gint64 version;

  bytes = g_resources_lookup_data (migration->resource, 0, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  set_version = g_strdup_printf ("PRAGMA user_version = %d", migration->version);

  if (!mk_database_begin (database, error))
    return FALSE;

  /* Read again under the write lock: another process may have migrated
   * between our first look and now. */
  if (!mk_database_query_int (database, "PRAGMA user_version", &version, error))
    goto fail;
  if (version >= migration->version)
    return mk_database_commit (database, error);

  if (!mk_database_exec (database, sql, error) ||
      !mk_database_exec (database, set_version, error) ||
      !mk_database_commit (database, error))
    goto fail;

  return TRUE;

fail:
  mk_database_rollback (database, NULL);
  return FALSE;
}

gboolean
mk_migrations_apply (MkDatabase  *database,
                     GError     **error)
{
  GArray *migrations = list_migrations ();
  gint64 version;

  if (!mk_database_query_int (database, "PRAGMA user_version", &version, error))
    return FALSE;

  if (version > (gint64)migrations->len)
    {
      g_set_error (error, MK_STORE_ERROR, MK_STORE_ERROR_TOO_NEW,
                   _("The database was made by a newer version of Mediakit (schema %d, this version knows %u)"),
                   (int)version, migrations->len);
      return FALSE;
    }

  for (guint i = (guint)version; i < migrations->len; i++)
    {
      const Migration *m = &g_array_index (migrations, Migration, i);

      g_debug ("Migrating the database to schema version %d", m->version);
      if (!apply_one (database, m, error))
        return FALSE;
    }

  return TRUE;
}
