/* mk-vault.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-secrets"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "mk-vault-private.h"

/* Outside a sandbox the vault talks to the Secret Service through SecretService rather than
 * the secret_password_*() shortcuts, for one reason: secret_password_lookup()
 * answers NULL without an error when the matching item is locked and the
 * user dismisses the unlock prompt, and secret_password_clear() silently
 * skips locked items. Both would turn "locked" into "no token", which sends
 * the user through a needless re-login. Here a locked match is unlocked
 * through libsecret (which runs the keyring's prompt) and, if it stays
 * locked, is reported as MK_VAULT_ERROR_LOCKED.
 *
 * Inside a Flatpak that would need --talk-name=org.freedesktop.secrets,
 * which the sandbox does not grant. There the vault uses the
 * secret_password_*() API instead: libsecret sees /.flatpak-info and stores
 * in its file backend, an encrypted keyring in the app's data dir whose key
 * comes from the Secret portal. That keyring has no locked state, so the
 * shortcuts lose nothing there. */

struct _MkVault
{
  GObject parent_instance;

  MkVaultBackend backend;
};

G_DEFINE_FINAL_TYPE (MkVault, mk_vault, G_TYPE_OBJECT)

G_DEFINE_QUARK (mk-vault-error-quark, mk_vault_error)

typedef struct
{
  GHashTable  *attributes;
  char        *label;
  SecretValue *value;
  GList       *items;  /* clear: what is left to delete */
  gboolean     retried; /* lookup: searched a second time */
} Request;

static void
request_free (Request *request)
{
  g_clear_pointer (&request->attributes, g_hash_table_unref);
  g_clear_pointer (&request->label, g_free);
  g_clear_pointer (&request->value, secret_value_unref);
  g_list_free_full (request->items, g_object_unref);
  g_free (request);
}

static const SecretSchema *
mk_vault_get_schema (void)
{
  static const SecretSchema schema = {
    MK_VAULT_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { "connection", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

gboolean
mk_vault_is_valid_kind (const char *kind)
{
  return g_strcmp0 (kind, MK_VAULT_KIND_ACCESS) == 0 ||
         g_strcmp0 (kind, MK_VAULT_KIND_REFRESH) == 0 ||
         g_strcmp0 (kind, MK_VAULT_KIND_CLIENT_SECRET) == 0 ||
         g_strcmp0 (kind, MK_VAULT_KIND_SESSION) == 0;
}

void
mk_vault_secret_free (char *secret)
{
  if (secret != NULL)
    secret_password_free (secret);
}

static GError *
no_service_error (void)
{
  return g_error_new_literal (MK_VAULT_ERROR, MK_VAULT_ERROR_NO_SERVICE,
                              _("No keyring service is running. Install and start GNOME Keyring "
                                "(or another Secret Service provider) and try again."));
}

static GError *
locked_error (void)
{
  return g_error_new_literal (MK_VAULT_ERROR, MK_VAULT_ERROR_LOCKED,
                              _("The keyring is locked. Unlock it when asked and try again."));
}

static gboolean
is_missing_service (const GError *error)
{
  static const GDBusError missing[] = {
    G_DBUS_ERROR_SERVICE_UNKNOWN,
    G_DBUS_ERROR_NAME_HAS_NO_OWNER,
    G_DBUS_ERROR_NO_SERVER,
    G_DBUS_ERROR_SPAWN_EXEC_FAILED,
    G_DBUS_ERROR_SPAWN_FAILED,
    G_DBUS_ERROR_SPAWN_CHILD_EXITED,
    G_DBUS_ERROR_SPAWN_CHILD_SIGNALED,
    G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND,
    G_DBUS_ERROR_SPAWN_SERVICE_INVALID,
  };

  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    if (g_error_matches (error, G_DBUS_ERROR, missing[i]))
      return TRUE;

  return FALSE;
}

/* Turns a libsecret/GDBus error into one of ours; @what says which
 * operation failed, ahead of libsecret's own words, for FAILED. */
static void
return_error (GTask      *task,
              GError     *error,
              const char *what)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  g_debug ("Keyring: %s", error->message);

  if (is_missing_service (error))
    g_task_return_error (task, no_service_error ());
  else if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    g_task_return_error (task, locked_error ());
  else
    g_task_return_new_error (task, MK_VAULT_ERROR, MK_VAULT_ERROR_FAILED,
                             "%s: %s", what, error->message);

  g_error_free (error);
}

/* Every operation starts by reaching the service. Any failure there (no
 * session bus, nobody owning org.freedesktop.secrets, no activatable
 * provider) means there is no keyring to use. */
static SecretService *
get_service_or_return (GTask        *task,
                       GAsyncResult *result)
{
  GError *error = NULL;
  SecretService *service = secret_service_get_finish (result, &error);

  if (service != NULL)
    return service;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
    }
  else
    {
      g_debug ("No Secret Service: %s", error->message);
      g_task_return_error (task, no_service_error ());
      g_error_free (error);
    }

  return NULL;
}

static GHashTable *
attributes_new (const char *connection,
                const char *kind)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) "connection", g_strdup (connection));
  if (kind != NULL)
    g_hash_table_insert (attributes, (gpointer) "kind", g_strdup (kind));

  return attributes;
}

static GTask *
request_task_new (MkVault             *self,
                  gpointer             source_tag,
                  const char          *connection,
                  const char          *kind,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  g_task_set_source_tag (task, source_tag);
  request->attributes = attributes_new (connection, kind);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  return task;
}

/* The password API (sandboxed) */

static void
on_password_stored (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    return_error (task, error, _("Could not save to the keyring"));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_password_looked_up (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    return_error (task, error, _("Could not read from the keyring"));
  else
    g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
}

static void
on_password_cleared (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error means there was nothing to remove: success. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    return_error (task, error, _("Could not remove from the keyring"));
  else
    g_task_return_boolean (task, TRUE);
}

/* Store */

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_service_store_finish (SECRET_SERVICE (source), result, &error))
    return_error (task, error, _("Could not save to the keyring"));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_store_service (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SecretService) service = get_service_or_return (task, result);
  Request *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (service == NULL)
    return;

  /* The default collection: libsecret creates it when missing and unlocks
   * it (the keyring prompts) when locked; a dismissed prompt comes back as
   * SECRET_ERROR_IS_LOCKED. Replacing keeps one item per connection+kind. */
  secret_service_store (service, mk_vault_get_schema (), request->attributes,
                        SECRET_COLLECTION_DEFAULT, request->label, request->value,
                        cancellable, on_stored, g_steal_pointer (&task));
}

void
mk_vault_store_async (MkVault             *self,
                      const char          *connection,
                      const char          *kind,
                      const char          *label,
                      const char          *secret,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (MK_IS_VAULT (self));
  g_return_if_fail (connection != NULL && *connection != '\0');
  g_return_if_fail (mk_vault_is_valid_kind (kind));
  g_return_if_fail (label != NULL);
  g_return_if_fail (secret != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, mk_vault_store_async, connection, kind,
                           cancellable, callback, user_data);
  request = g_task_get_task_data (task);
  request->label = g_strdup (label);
  request->value = secret_value_new (secret, -1, "text/plain");

  /* libsecret hands back its cached service without looking at the
   * cancellable, so an already cancelled call would still go through. */
  if (g_task_return_error_if_cancelled (task))
    return;

  if (self->backend == MK_VAULT_BACKEND_PASSWORD)
    secret_password_storev (mk_vault_get_schema (), request->attributes,
                            SECRET_COLLECTION_DEFAULT, label, secret, cancellable,
                            on_password_stored, g_steal_pointer (&task));
  else
    secret_service_get (SECRET_SERVICE_OPEN_SESSION, cancellable,
                        on_store_service, g_steal_pointer (&task));
}

gboolean
mk_vault_store_finish (MkVault       *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (MK_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_vault_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Lookup */

static void
on_lookup_searched (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;
  GList *items;
  SecretItem *item;
  SecretValue *value;
  gsize length;

  items = secret_service_search_finish (SECRET_SERVICE (source), result, &error);

  /* The search found an item that another process (or connection)
   * deleted before its secret was loaded: a new search answers what is
   * there now — the item, replaced, or nothing. Once, so that an item
   * that keeps vanishing is still an error. */
  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT) && !request->retried)
    {
      g_debug ("A keyring item vanished during a lookup; searching again");
      g_clear_error (&error);
      request->retried = TRUE;
      secret_service_search (SECRET_SERVICE (source), mk_vault_get_schema (), request->attributes,
                             SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                             g_task_get_cancellable (task), on_lookup_searched,
                             g_steal_pointer (&task));
      return;
    }

  if (error != NULL)
    {
      return_error (task, error, _("Could not read from the keyring"));
      return;
    }

  if (items == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  item = items->data;
  value = secret_item_get_secret (item);

  /* The search asked libsecret to unlock and load; a match without its
   * secret is one that stayed locked. */
  if (value == NULL && secret_item_get_locked (item))
    g_task_return_error (task, locked_error ());
  else if (value == NULL)
    g_task_return_new_error (task, MK_VAULT_ERROR, MK_VAULT_ERROR_FAILED,
                             "%s", _("Could not read the stored secret from the keyring."));
  else
    g_task_return_pointer (task,
                           secret_value_unref_to_password (value, &length),
                           (GDestroyNotify) secret_password_free);

  g_list_free_full (items, g_object_unref);
}

static void
on_lookup_service (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SecretService) service = get_service_or_return (task, result);
  Request *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (service == NULL)
    return;

  secret_service_search (service, mk_vault_get_schema (), request->attributes,
                         SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                         cancellable, on_lookup_searched, g_steal_pointer (&task));
}

void
mk_vault_lookup_async (MkVault             *self,
                       const char          *connection,
                       const char          *kind,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (MK_IS_VAULT (self));
  g_return_if_fail (connection != NULL && *connection != '\0');
  g_return_if_fail (mk_vault_is_valid_kind (kind));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, mk_vault_lookup_async, connection, kind,
                           cancellable, callback, user_data);
  request = g_task_get_task_data (task);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (self->backend == MK_VAULT_BACKEND_PASSWORD)
    secret_password_lookupv (mk_vault_get_schema (),
                             request->attributes,
                             cancellable, on_password_looked_up, g_steal_pointer (&task));
  else
    secret_service_get (SECRET_SERVICE_OPEN_SESSION, cancellable,
                        on_lookup_service, g_steal_pointer (&task));
}

char *
mk_vault_lookup_finish (MkVault       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (MK_IS_VAULT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_vault_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Clear */

static void delete_next (GTask *task);

static void
on_item_deleted (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* Deleting an item that stayed locked fails with IS_LOCKED, which
   * return_error() reports as LOCKED. */
  if (!secret_item_delete_finish (SECRET_ITEM (source), result, &error))
    return_error (task, error, _("Could not remove from the keyring"));
  else
    delete_next (g_steal_pointer (&task));
}

static void
delete_next (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  SecretItem *item;

  if (request->items == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  item = request->items->data;
  request->items = g_list_delete_link (request->items, request->items);
  secret_item_delete (item, g_task_get_cancellable (task), on_item_deleted, task);
  g_object_unref (item);
}

static void
on_clear_searched (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;

  request->items = secret_service_search_finish (SECRET_SERVICE (source), result, &error);
  if (error != NULL)
    return_error (task, error, _("Could not remove from the keyring"));
  else
    delete_next (g_steal_pointer (&task));
}

static void
on_clear_service (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(SecretService) service = get_service_or_return (task, result);
  Request *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (service == NULL)
    return;

  /* Not secret_service_clear(): it skips locked items and still reports
   * success, leaving a token behind that the user asked to remove. */
  secret_service_search (service, mk_vault_get_schema (), request->attributes,
                         SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK,
                         cancellable, on_clear_searched, g_steal_pointer (&task));
}

void
mk_vault_clear_async (MkVault             *self,
                      const char          *connection,
                      const char          *kind,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (MK_IS_VAULT (self));
  /* Never an empty match: that would remove every Mediakit secret. */
  g_return_if_fail (connection != NULL && *connection != '\0');
  g_return_if_fail (kind == NULL || mk_vault_is_valid_kind (kind));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_task_new (self, mk_vault_clear_async, connection, kind,
                           cancellable, callback, user_data);
  request = g_task_get_task_data (task);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (self->backend == MK_VAULT_BACKEND_PASSWORD)
    secret_password_clearv (mk_vault_get_schema (),
                            request->attributes,
                            cancellable, on_password_cleared, g_steal_pointer (&task));
  else
    secret_service_get (SECRET_SERVICE_OPEN_SESSION, cancellable,
                        on_clear_service, g_steal_pointer (&task));
}

gboolean
mk_vault_clear_finish (MkVault       *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (MK_IS_VAULT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mk_vault_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
mk_vault_class_init (MkVaultClass *klass)
{
}

static void
mk_vault_init (MkVault *self)
{
}

MkVault *
mk_vault_new_with_backend (MkVaultBackend backend)
{
  MkVault *self = g_object_new (MK_TYPE_VAULT, NULL);

  if (backend == MK_VAULT_BACKEND_AUTO)
    backend = g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS)
              ? MK_VAULT_BACKEND_PASSWORD : MK_VAULT_BACKEND_SERVICE;
  self->backend = backend;
  g_debug ("Keyring through %s", backend == MK_VAULT_BACKEND_PASSWORD
                                 ? "the password API (Secret portal)" : "the Secret Service");

  return self;
}

MkVault *
mk_vault_new (void)
{
  return mk_vault_new_with_backend (MK_VAULT_BACKEND_AUTO);
}

MkVaultBackend
mk_vault_get_backend (MkVault *self)
{
  g_return_val_if_fail (MK_IS_VAULT (self), MK_VAULT_BACKEND_SERVICE);

  return self->backend;
}
