/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-csv"

#include "lh-csv.h"

#include <glib/gi18n-lib.h>

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
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("line %u: a NUL character, which no text may hold"),
                   nul_line);
      return NULL;
    }
  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("The file is not UTF-8 text; save it as “CSV UTF-8”"));
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
                       _("line %u: a quoted field is never closed"), row_line);
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
                       _("line %u: text after a closing quote"), line);
          return NULL;
        }
      else
        g_string_append_c (field, c);

      /* Characters, not bytes: "é" counts once. The byte test first keeps
       * this cheap for ordinary fields. */
      if (field->len > max_field && g_utf8_strlen (field->str, field->len) > (glong) max_field)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       _("line %u: a field is longer than %lu characters"),
                       row_line, (gulong) max_field);
          return NULL;
        }
      p++;
    }
  return g_steal_pointer (&rows);
}

gboolean
lh_csv_map_header (const LhCsvRow *header, const LhCsvColumn *columns, int n_columns, int *index_of,
                   GError **error)
{
  for (int c = 0; c < n_columns; c++)
    index_of[c] = -1;
  for (int i = 0; header->fields[i] != NULL; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_strstrip (header->fields[i]), -1);
      int found = -1;

      for (int c = 0; c < n_columns; c++)
        if (g_str_equal (name, columns[c].name))
          found = c;
      if (found < 0)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       _("line %u: unknown column “%s”"), header->line, name);
          return FALSE;
        }
      if (index_of[found] >= 0)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       _("line %u: column “%s” appears twice"), header->line, name);
          return FALSE;
        }
      index_of[found] = i;
    }
  for (int c = 0; c < n_columns; c++)
    if (columns[c].required && index_of[c] < 0)
      {
        g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                     _("line %u: the column “%s” is missing"), header->line, columns[c].name);
        return FALSE;
      }
  return TRUE;
}

char *
lh_csv_field (const LhCsvRow *row, const int *index_of, int c)
{
  if (index_of[c] < 0 || index_of[c] >= (int) g_strv_length (row->fields))
    return g_strdup ("");
  return g_strstrip (g_strdup (row->fields[index_of[c]]));
}

gboolean
lh_csv_check_width (const LhCsvRow *row, guint n_header, GError **error)
{
  if (g_strv_length (row->fields) == n_header)
    return TRUE;
  g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("has %u fields, the header has %u"),
               g_strv_length (row->fields), n_header);
  return FALSE;
}

void
lh_csv_report_clear (LhCsvReport *report)
{
  g_clear_pointer (&report->row_errors, g_ptr_array_unref);
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  guint64 line_a = g_ascii_strtoull (*(const char * const *) a + strlen ("line "), NULL, 10);
  guint64 line_b = g_ascii_strtoull (*(const char * const *) b + strlen ("line "), NULL, 10);

  return (line_a > line_b) - (line_a < line_b);
}

gboolean
lh_csv_report_check (LhCsvReport *report, gboolean skip_bad_rows, GError **error)
{
  /* Rows found bad at different steps, in the order of the file. */
  g_ptr_array_sort (report->row_errors, compare_lines);
  report->skipped = report->row_errors->len;
  if (report->row_errors->len == 0 || skip_bad_rows)
    return TRUE;
  g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
               _("%u row(s) have errors, so nothing was imported. Fix them, "
               "or import the good rows only with --skip-bad-rows"),
               report->row_errors->len);
  return FALSE;
}

GPtrArray *
lh_csv_check_rows (const char *csv, gsize length, gsize max_field, const LhCsvColumn *columns, int n_columns,
                   LhCsvCheckFunc check, GDestroyNotify free_row, const char *key_name, gboolean skip_bad_rows,
                   LhCsvReport *report, GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) good = g_ptr_array_new_with_free_func (free_row);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree int *index_of = g_new (int, n_columns);
  guint n_header;

  g_return_val_if_fail (report != NULL, NULL);

  memset (report, 0, sizeof *report);
  report->row_errors = g_ptr_array_new_with_free_func (g_free);

  rows = lh_csv_parse (csv, length, max_field, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("The file is empty"));
      return NULL;
    }
  if (!lh_csv_map_header (g_ptr_array_index (rows, 0), columns, n_columns, index_of, error))
    return NULL;
  n_header = g_strv_length (((LhCsvRow *) g_ptr_array_index (rows, 0))->fields);

  for (guint i = 1; i < rows->len; i++)
    {
      const LhCsvRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GError) row_error = NULL;
      const char *key = NULL;
      gpointer checked = lh_csv_check_width (row, n_header, &row_error)
                         ? check (row, index_of, &key, &row_error) : NULL;

      if (checked != NULL && g_hash_table_contains (seen, key))
        {
          g_set_error (&row_error, LH_ERROR, LH_ERROR_INVALID, _("%s %s appears twice in the file"), key_name, key);
          g_clear_pointer (&checked, free_row);
        }
      if (checked == NULL)
        {
          g_ptr_array_add (report->row_errors, g_strdup_printf ("line %u: %s", row->line, row_error->message));
          continue;
        }
      g_hash_table_add (seen, (gpointer) key);
      g_ptr_array_add (good, checked);
    }

  if (!lh_csv_report_check (report, skip_bad_rows, error))
    return NULL;
  return g_steal_pointer (&good);
}

void
lh_csv_append_field (GString *line, const char *text)
{
  gboolean formula = text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@';

  if (strpbrk (text, ",\"\r\n") == NULL && !formula)
    {
      g_string_append (line, text);
      return;
    }
  g_string_append_c (line, '"');
  if (formula)
    g_string_append_c (line, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}
