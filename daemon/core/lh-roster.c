/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-roster"

#include "lh-roster.h"

#include <stdlib.h>
#include <string.h>

#include "lh-csv.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-secret.h"
#include "lh-text.h"

#define MAX_FIELD 200

typedef enum
{
  COL_STAFF_NUMBER,
  COL_NAME,
  COL_DEPARTMENT,
  COL_WORK_PATTERN,
  COL_HOURS_PER_WEEK,
  COL_ROLES,
  COL_PIN,
  COL_DAYS_PER_WEEK,
  COL_APPRENTICE,
  COL_ESOL,
  N_COLUMNS
} Column;

static const struct
{
  const char *name;
  gboolean    required;
} columns[N_COLUMNS] = {
  { "staff_number", TRUE },
  { "name", TRUE },
  { "department", FALSE },
  { "work_pattern", FALSE },
  { "hours_per_week", TRUE },
  { "roles", TRUE },
  { "pin", FALSE },
  { "days_per_week", FALSE },
  { "apprentice", FALSE },
  { "esol", FALSE },
};

/* A row checked and ready to save; pin_hash is computed before the write
 * transaction so the slow hashing does not hold the database. */
typedef struct
{
  LhPerson  person;
  char     *pin_hash;
} RosterRow;

static void
roster_row_free (RosterRow *row)
{
  g_free (row->person.staff_number);
  g_free (row->person.name);
  g_free (row->person.department);
  g_free (row->person.work_pattern);
  g_free (row->pin_hash);
  g_free (row);
}

void
lh_roster_report_clear (LhRosterReport *report)
{
  g_clear_pointer (&report->row_errors, g_ptr_array_unref);
}

static gboolean
map_header (const LhCsvRow *header, int index_of[N_COLUMNS], GError **error)
{
  for (int c = 0; c < N_COLUMNS; c++)
    index_of[c] = -1;
  for (int i = 0; header->fields[i] != NULL; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_strstrip (header->fields[i]), -1);
      int found = -1;

      for (int c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (name, columns[c].name))
          found = c;
      if (found < 0)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       "line %u: unknown column “%s”", header->line, name);
          return FALSE;
        }
      if (index_of[found] >= 0)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       "line %u: column “%s” appears twice", header->line, name);
          return FALSE;
        }
      index_of[found] = i;
    }
  for (int c = 0; c < N_COLUMNS; c++)
    if (columns[c].required && index_of[c] < 0)
      {
        g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                     "line %u: the column “%s” is missing", header->line, columns[c].name);
        return FALSE;
      }
  return TRUE;
}

static char *
field (const LhCsvRow *row, const int index_of[N_COLUMNS], Column c)
{
  if (index_of[c] < 0 || index_of[c] >= (int) g_strv_length (row->fields))
    return g_strdup ("");
  return g_strstrip (g_strdup (row->fields[index_of[c]]));
}

/* A quoted CSV cell may hold a line break; none of ours may. */
static gboolean
check_line (const LhCsvRow *row, const int index_of[N_COLUMNS], Column c, const char *what, GError **error)
{
  g_autofree char *text = field (row, index_of, c);

  return lh_text_check (text, -1, LH_TEXT_LINE, 0, what, error);
}

/* A yes-or-no cell: empty is no, as HR systems leave it. */
static gboolean
parse_flag (const char *column, const char *text, gboolean *out, GError **error)
{
  static const char * const yes[] = { "yes", "true", "1" };
  static const char * const no[] = { "", "no", "false", "0" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *out = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *out = FALSE;
        return TRUE;
      }
  g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "%s “%s” is not yes or no (yes, no, true, false, 1, 0)",
               column, text);
  return FALSE;
}

static RosterRow *
check_row (const LhCsvRow *row, const int index_of[N_COLUMNS], guint n_header, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  RosterRow *out;
  g_autofree char *staff_number = field (row, index_of, COL_STAFF_NUMBER);
  g_autofree char *name = field (row, index_of, COL_NAME);
  g_autofree char *hours = field (row, index_of, COL_HOURS_PER_WEEK);
  g_autofree char *roles_text = field (row, index_of, COL_ROLES);
  g_autofree char *pin = field (row, index_of, COL_PIN);
  g_autofree char *days = field (row, index_of, COL_DAYS_PER_WEEK);
  g_autofree char *apprentice_text = field (row, index_of, COL_APPRENTICE);
  g_autofree char *esol_text = field (row, index_of, COL_ESOL);
  char *end = NULL;
  double hours_per_week;
  double days_per_week = 5;
  gboolean apprentice, esol_learner;
  guint roles;

  if (g_strv_length (row->fields) != n_header)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "has %u fields, the header has %u",
                   g_strv_length (row->fields), n_header);
      return NULL;
    }
  if (!lh_staff_number_check (staff_number, error))
    return NULL;
  /* Guests are registered by their sponsors, never imported: a row with
   * a guest's number would take over the guest's account. */
  if (lh_staff_number_is_guests (staff_number))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "%s has the form of a guest’s number (G and six digits), which the roster may not use",
                   staff_number);
      return NULL;
    }
  if (name[0] == '\0')
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "the name is empty");
      return NULL;
    }
  if (!lh_text_check (name, -1, LH_TEXT_LINE, LH_PERSON_NAME_MAX_CHARS, "the name", error) ||
      !check_line (row, index_of, COL_DEPARTMENT, "the department", error) ||
      !check_line (row, index_of, COL_WORK_PATTERN, "the work pattern", error))
    return NULL;
  hours_per_week = g_ascii_strtod (hours, &end);
  if (hours[0] == '\0' || *end != '\0' || !(hours_per_week >= 0 && hours_per_week <= 100))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "hours_per_week “%s” is not a number of hours from 0 to 100", hours);
      return NULL;
    }
  if (!lh_roles_parse (roles_text, &roles, error))
    return NULL;
  if (pin[0] != '\0' && !lh_pin_check_format (pin, error))
    return NULL;
  if (days[0] != '\0')
    {
      days_per_week = g_ascii_strtod (days, &end);
      if (*end != '\0' || !(days_per_week > 0 && days_per_week <= 7))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       "days_per_week “%s” is not a number of days above 0 and at most 7", days);
          return NULL;
        }
    }
  if (!parse_flag ("apprentice", apprentice_text, &apprentice, error) ||
      !parse_flag ("esol", esol_text, &esol_learner, error))
    return NULL;

  out = g_new0 (RosterRow, 1);
  out->person.staff_number = g_steal_pointer (&staff_number);
  out->person.name = g_steal_pointer (&name);
  out->person.department = field (row, index_of, COL_DEPARTMENT);
  out->person.work_pattern = field (row, index_of, COL_WORK_PATTERN);
  out->person.hours_per_week = hours_per_week;
  out->person.roles = roles;
  out->person.days_per_week = days_per_week;
  out->person.apprentice = apprentice;
  out->person.esol_learner = esol_learner;
  if (pin[0] != '\0')
    out->pin_hash = lh_pin_hash (pin, NULL);
  return out;
}

gboolean
lh_roster_import (LhStore *store, const char *csv, gsize length, gboolean skip_bad_rows,
                  gint64 now, LhRosterReport *report, GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) good = g_ptr_array_new_with_free_func ((GDestroyNotify) roster_row_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(LhTransaction) tx = NULL;
  int index_of[N_COLUMNS];
  guint n_header;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  report->row_errors = g_ptr_array_new_with_free_func (g_free);

  rows = lh_csv_parse (csv, length, MAX_FIELD, error);
  if (rows == NULL)
    return FALSE;
  if (rows->len == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The file is empty");
      return FALSE;
    }
  if (!map_header (g_ptr_array_index (rows, 0), index_of, error))
    return FALSE;
  n_header = g_strv_length (((LhCsvRow *) g_ptr_array_index (rows, 0))->fields);

  for (guint i = 1; i < rows->len; i++)
    {
      const LhCsvRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GError) row_error = NULL;
      RosterRow *checked = check_row (row, index_of, n_header, &row_error);

      if (checked != NULL && g_hash_table_contains (seen, checked->person.staff_number))
        {
          g_set_error (&row_error, LH_ERROR, LH_ERROR_INVALID,
                       "staff number %s appears twice in the file", checked->person.staff_number);
          g_clear_pointer (&checked, roster_row_free);
        }
      if (checked == NULL)
        {
          g_ptr_array_add (report->row_errors,
                           g_strdup_printf ("line %u: %s", row->line, row_error->message));
          continue;
        }
      g_hash_table_add (seen, checked->person.staff_number);
      g_ptr_array_add (good, checked);
    }

  if (report->row_errors->len > 0 && !skip_bad_rows)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "%u row(s) have errors, so nothing was imported. Fix them, "
                   "or import the good rows only with --skip-bad-rows",
                   report->row_errors->len);
      return FALSE;
    }
  report->skipped = report->row_errors->len;

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  for (guint i = 0; i < good->len; i++)
    {
      RosterRow *row = g_ptr_array_index (good, i);
      gint64 id;
      gboolean created;

      if (!lh_people_save (store, &row->person, now, &id, &created, error) ||
          (row->pin_hash != NULL && !lh_people_set_pin_hash (store, id, row->pin_hash, now, error)))
        {
          g_prefix_error (error, "staff number %s: ", row->person.staff_number);
          return FALSE;
        }
      if (created)
        report->added++;
      else
        report->updated++;
    }
  return lh_transaction_commit (tx, error);
}
