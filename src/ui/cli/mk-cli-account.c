/* mk-cli-account.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <sodium.h>

#include "mk-account-service.h"
#include "mk-cli-account.h"
#include "mk-password.h"

/* One line from stdin, without its line ending. The buffer is wiped, since
 * it held the password too. */
static char *
read_password (void)
{
  char buffer[4096];
  char *password = NULL;

  if (fgets (buffer, sizeof buffer, stdin) != NULL)
    {
      buffer[strcspn (buffer, "\r\n")] = '\0';
      password = g_strdup (buffer);
    }

  sodium_memzero (buffer, sizeof buffer);
  return password;
}

int
mk_cli_create_account (const char *data_dir,
                       const char *email)
{
  g_autoptr(MkContext) context = NULL;
  g_autoptr(MkPassword) password = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_id = NULL;

  password = read_password ();
  if (password == NULL)
    {
      g_printerr (_("mediakit: --create-account reads the password from standard input, and there was none\n"));
      return 2;
    }

  if ((context = mk_context_new (data_dir, &error)) == NULL ||
      (user_id = mk_account_create (mk_context_get_store (context), email, password, &error)) == NULL)
    {
      g_printerr ("mediakit: %s\n", error->message);
      return 1;
    }

  g_print ("%s\n", user_id);
  return 0;
}
