/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-csv"

#include "lh-csv.h"

#include <string.h>

#include "lh-error.h"

void
lh_csv_row_free (LhCsvRow *row)
{
  g_strfreev (row->fields);
  g_free (row);
}

static gboolean
row_is_blank (GPtrArray *fields)
{
  return fields->len == 1 && ((const char *) g_ptr_array_index (fields, 0))[0] == '\0';
}

GPtrArray *
lh_csv_parse (const char *text, gsize length, gsize max_field, GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_csv_row_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;
  const char *end = text + length;
  guint line = 1;
  guint row_line = 1;
  gboolean quoted = FALSE;
  gboolean was_quoted = FALSE;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  /* Said apart from other bad bytes: a NUL would end a field early. */
  if (length > 0 && memchr (text, '\0', length) != NULL)
    {
      const char *nul = memchr (text, '\0', length);
      guint nul_line = 1;

      for (const char *c = text; c < nul; c++)
        nul_line += *c == '\n';
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "line %u: a NUL character, which no text may hold",
                   nul_line);
      return NULL;
    }
  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "The file is not UTF-8 text; save it as “CSV UTF-8”");
      return NULL;
    }
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p <= end)
    {
      char c = p < end ? *p : '\n';
      gboolean at_end = p == end;

      if (quoted && !at_end)
        {
          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
        }
      else if (quoted && at_end)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       "line %u: a quoted field is never closed", row_line);
          return NULL;
        }
      else if (c == '"' && field->len == 0 && !was_quoted)
        quoted = was_quoted = TRUE;
      else if (c == ',' || c == '\n' || (c == '\r' && (p + 1 == end || p[1] == '\n')))
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          was_quoted = FALSE;
          if (c == '\r' && p + 1 < end)
            p++;
          if (c != ',')
            {
              if (!row_is_blank (fields))
                {
                  LhCsvRow *row = g_new0 (LhCsvRow, 1);

                  g_ptr_array_add (fields, NULL);
                  row->line = row_line;
                  row->fields = (GStrv) g_ptr_array_steal (fields, NULL);
                  g_ptr_array_add (rows, row);
                }
              g_ptr_array_set_size (fields, 0);
              line++;
              row_line = line;
            }
        }
      else if (was_quoted)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       "line %u: text after a closing quote", line);
          return NULL;
        }
      else
        g_string_append_c (field, c);

      /* Characters, not bytes: "é" counts once. The byte test first keeps
       * this cheap for ordinary fields. */
      if (field->len > max_field && g_utf8_strlen (field->str, field->len) > (glong) max_field)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       "line %u: a field is longer than %" G_GSIZE_FORMAT " characters",
                       row_line, max_field);
          return NULL;
        }
      p++;
    }
  return g_steal_pointer (&rows);
}
