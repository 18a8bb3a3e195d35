/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A request's query as sent, as the routes read it: lh_api_query_check,
 * then the values as libsoup decodes them, and the dates and times in
 * them. A query accepted decodes to values that are each one line of
 * UTF-8; a date or time accepted is written back as itself. */
#include "lh-fuzz.h"

#include <libsoup/soup.h>
#include <string.h>

#include "lh-api-query.h"
#include "lh-text.h"
#include "lh-time.h"

static GTimeZone *london;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  london = g_time_zone_new_identifier ("Europe/London");
  if (london == NULL)
    london = g_time_zone_new_utc ();
  return 0;
}

static void
check_value (const char *value)
{
  gint64 t, again;

  LH_FUZZ_CHECK (lh_text_check (value, -1, LH_TEXT_LINE, 0, "value", NULL));
  if (lh_time_parse_date (value, london, &t, NULL))
    {
      g_autofree char *text = lh_time_format_date (t, london);

      LH_FUZZ_CHECK (g_str_equal (text, value));
      LH_FUZZ_CHECK (lh_time_local_midnight (t, london) == t);
    }
  if (lh_time_parse_iso (value, &t, NULL))
    {
      g_autofree char *text = lh_time_format_iso (t, london);

      LH_FUZZ_CHECK (lh_time_parse_iso (text, &again, NULL));
      LH_FUZZ_CHECK (again == t);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* What follows "?" in an address: it has no NUL of its own (libsoup
   * reads the address as a C string), only %00 escapes. */
  g_autofree char *query = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) form = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (!lh_api_query_check_text (query, &error))
    {
      LH_FUZZ_CHECK (error != NULL);
      return 0;
    }
  form = soup_form_decode (query);
  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      LH_FUZZ_CHECK (lh_text_check (key, -1, LH_TEXT_LINE, 0, "name", NULL));
      check_value (value);
    }
  return 0;
}
