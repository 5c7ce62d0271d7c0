/* mk-uuid.c
 *
 * Copyright 2026 The Mediakit authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mediakit-core"

#include "config.h"

#include <string.h>

#include "mk-uuid.h"

char *
mk_uuid_new (void)
{
  /* GLib already answers in the lower-case canonical form. */
  return g_uuid_string_random ();
}

G_LOCK_DEFINE_STATIC (time_ordered);

char *
mk_uuid_new_time_ordered (void)
{
  static gint64 last_ms;
  static guint16 counter;
  guint8 b[16];
  gint64 ms;
  guint16 seq;
  guint32 r;

  ms = g_get_real_time () / 1000;

  /* Within one millisecond the 12-bit counter (rand_a of RFC 9562, method 1)
   * keeps ids in creation order; a clock that steps back is treated as "the
   * same millisecond", so order never goes backwards inside one process. */
  G_LOCK (time_ordered);
  if (ms > last_ms)
    {
      last_ms = ms;
      counter = (guint16)g_random_int_range (0, 0x400);
    }
  else
    {
      ms = last_ms;
      counter++;
      if (counter > 0xfff)
        {
          last_ms = ++ms;
          counter = 0;
        }
    }
  seq = counter;
  G_UNLOCK (time_ordered);

  for (int i = 0; i < 6; i++)
    b[i] = (guint8)(ms >> (8 * (5 - i)));
  b[6] = 0x70 | (guint8)((seq >> 8) & 0x0f);
  b[7] = (guint8)(seq & 0xff);
  for (int i = 8; i < 16; i += 4)
    {
      r = g_random_int ();
      memcpy (&b[i], &r, 4);
    }
  b[8] = 0x80 | (b[8] & 0x3f);

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

gboolean
mk_uuid_is_valid (const char *str)
{
  if (str == NULL || !g_uuid_string_is_valid (str))
    return FALSE;

  /* g_uuid_string_is_valid() accepts upper case; the database does not. */
  for (const char *p = str; *p != '\0'; p++)
    if (g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}
