/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checks shared by the CSV targets. */
#pragma once

#include <string.h>

#include "lh-csv.h"
#include "lh-fuzz.h"

/* Rows lh_csv_parse read are written with lh_csv_append_field and read
 * again as the same fields; the writer marks a would-be formula with a
 * leading quote mark, which is then part of the field. */
static inline void
lh_fuzz_csv_round_trip (GPtrArray *rows, gsize max_field)
{
  /* A blank first line keeps a field that starts with a byte-order mark
   * from being taken for the file's. */
  g_autoptr(GString) text = g_string_new ("\r\n");
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      const LhCsvRow *row = g_ptr_array_index (rows, i);

      for (guint f = 0; row->fields[f] != NULL; f++)
        {
          if (f > 0)
            g_string_append_c (text, ',');
          lh_csv_append_field (text, row->fields[f]);
        }
      g_string_append (text, "\r\n");
    }
  again = lh_csv_parse (text->str, text->len, max_field + 1, &error);
  if (again == NULL)
    fprintf (stderr, "written: %s\nrefused: %s\n", text->str, error->message);
  LH_FUZZ_CHECK (again != NULL);
  LH_FUZZ_CHECK (again->len == rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      const LhCsvRow *row = g_ptr_array_index (rows, i);
      const LhCsvRow *read = g_ptr_array_index (again, i);

      LH_FUZZ_CHECK (g_strv_length (row->fields) == g_strv_length (read->fields));
      for (guint f = 0; row->fields[f] != NULL; f++)
        {
          const char *was = row->fields[f];
          const char *now = read->fields[f];

          if (strchr ("=+-@", was[0]) != NULL && was[0] != '\0')
            {
              LH_FUZZ_CHECK (now[0] == '\'');
              now++;
            }
          LH_FUZZ_CHECK (g_str_equal (was, now));
        }
    }
}

/* The line numbers of the bad rows a report names ("line N: …"). */
static inline GHashTable *
lh_fuzz_csv_bad_lines (const LhCsvReport *report)
{
  GHashTable *lines = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; report->row_errors != NULL && i < report->row_errors->len; i++)
    {
      const char *message = g_ptr_array_index (report->row_errors, i);

      LH_FUZZ_CHECK (g_str_has_prefix (message, "line "));
      g_hash_table_add (lines, GUINT_TO_POINTER ((guint) g_ascii_strtoull (message + 5, NULL, 10)));
    }
  return lines;
}

/* Whether the file's first row names column (in any case, trimmed). */
static inline gboolean
lh_fuzz_csv_has_column (GPtrArray *rows, const char *column)
{
  const LhCsvRow *header;

  if (rows->len == 0)
    return FALSE;
  header = g_ptr_array_index (rows, 0);
  for (guint f = 0; header->fields[f] != NULL; f++)
    {
      g_autofree char *name = g_ascii_strdown (header->fields[f], -1);

      if (g_str_equal (g_strstrip (name), column))
        return TRUE;
    }
  return FALSE;
}
