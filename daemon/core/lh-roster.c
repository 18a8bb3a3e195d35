/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-roster"

#include "lh-roster.h"

#include <glib/gi18n-lib.h>

#include <stdlib.h>
#include <string.h>

#include "lh-csv.h"
#include "lh-equality.h"
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
  COL_AGE_BAND,
  COL_GENDER,
  COL_ETHNICITY,
  COL_DISABILITY,
  COL_CARING,
  COL_QUALIFICATIONS,
  N_COLUMNS
} Column;

static const LhCsvColumn columns[N_COLUMNS] = {
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
  { "age_band", FALSE },
  { "gender", FALSE },
  { "ethnicity", FALSE },
  { "disability", FALSE },
  { "caring", FALSE },
  { "qualifications", FALSE },
};

/* Whether the file has any equality column (work_pattern alone is not
 * one: it was there before and is the person's own setting). */
static gboolean
has_equality_columns (const int index_of[N_COLUMNS])
{
  for (int c = COL_AGE_BAND; c < N_COLUMNS; c++)
    if (index_of[c] >= 0)
      return TRUE;
  return FALSE;
}

/* A row checked and ready to save; pin_hash is computed before the write
 * transaction so the slow hashing does not hold the database. */
typedef struct
{
  LhPerson  person;
  char     *pin_hash;
  /* The row's equality values, factor key → group ("" undeclared), kept
   * only until they are counted: never saved with the person. */
  GHashTable *equality;  /* (owned) (nullable) NULL if the file has no
                          * equality column */
} RosterRow;

static void
roster_row_free (RosterRow *row)
{
  g_free (row->person.staff_number);
  g_free (row->person.name);
  g_free (row->person.department);
  g_free (row->person.work_pattern);
  g_free (row->pin_hash);
  g_clear_pointer (&row->equality, g_hash_table_unref);
  g_free (row);
}

static char *
field (const LhCsvRow *row, const int index_of[N_COLUMNS], Column c)
{
  return lh_csv_field (row, index_of, c);
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
  g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("%s “%s” is not yes or no (yes, no, true, false, 1, 0)"),
               column, text);
  return FALSE;
}

/* A work pattern the roster spells its own way is "other"; for the
 * other factors a value must be one of their groups, or empty. */
static GHashTable *
check_equality (const LhCsvRow *row, const int index_of[N_COLUMNS], GError **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(LhWorkforceCounts) check = lh_workforce_counts_new ();
  guint n_factors;
  const LhEqualityFactor *factors = lh_equality_factors (&n_factors);

  for (guint f = 0; f < n_factors; f++)
    {
      int c;
      g_autofree char *text = NULL;
      g_autofree char *value = NULL;

      for (c = 0; c < N_COLUMNS && !g_str_equal (columns[c].name, factors[f].roster_column); c++)
        ;
      g_assert (c < N_COLUMNS);
      text = field (row, index_of, c);
      value = g_ascii_strdown (text, -1);
      if (c == COL_WORK_PATTERN && value[0] != '\0' && !lh_equality_factor_has_group (&factors[f], value))
        {
          g_free (value);
          value = g_strdup ("other");
        }
      if (!lh_workforce_counts_add (check, &factors[f], value, error))
        return NULL;
      g_hash_table_insert (values, (gpointer) factors[f].key, g_steal_pointer (&value));
    }
  return g_steal_pointer (&values);
}

static gpointer
check_row (const LhCsvRow *row, const int *index_of, const char **out_key, GError **error)
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
  g_autoptr(GHashTable) equality = NULL;

  if (!lh_staff_number_check (staff_number, error))
    return NULL;
  /* Guests are registered by their sponsors, never imported: a row with
   * a guest's number would take over the guest's account. */
  if (lh_staff_number_is_guests (staff_number))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("%s has the form of a guest’s number (G and six digits), which the roster may not use"),
                   staff_number);
      return NULL;
    }
  if (name[0] == '\0')
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("the name is empty"));
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
                   _("hours_per_week “%s” is not a number of hours from 0 to 100"), hours);
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
                       _("days_per_week “%s” is not a number of days above 0 and at most 7"), days);
          return NULL;
        }
    }
  if (!parse_flag ("apprentice", apprentice_text, &apprentice, error) ||
      !parse_flag ("esol", esol_text, &esol_learner, error))
    return NULL;
  if (has_equality_columns (index_of))
    {
      equality = check_equality (row, index_of, error);
      if (equality == NULL)
        return NULL;
    }

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
  out->equality = g_steal_pointer (&equality);
  if (pin[0] != '\0')
    out->pin_hash = lh_pin_hash (pin, NULL);
  *out_key = out->person.staff_number;
  return out;
}

static gboolean
count_equality (LhWorkforceCounts *workforce, GHashTable *values, GError **error)
{
  guint n_factors;
  const LhEqualityFactor *factors = lh_equality_factors (&n_factors);

  for (guint f = 0; f < n_factors; f++)
    if (!lh_workforce_counts_add (workforce, &factors[f], g_hash_table_lookup (values, factors[f].key), error))
      return FALSE;
  return TRUE;
}

gboolean
lh_roster_import (LhStore *store, const char *csv, gsize length, gboolean skip_bad_rows,
                  gint64 now, LhRosterReport *report, GError **error)
{
  g_autoptr(GPtrArray) good = NULL;
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhWorkforceCounts) workforce = lh_workforce_counts_new ();
  gboolean counted = FALSE;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  good = lh_csv_check_rows (csv, length, MAX_FIELD, columns, N_COLUMNS, check_row,
                            (GDestroyNotify) roster_row_free, "staff number", skip_bad_rows, report, error);
  if (good == NULL)
    return FALSE;
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
      if (row->equality != NULL && !count_equality (workforce, row->equality, error))
        return FALSE;
      counted = counted || row->equality != NULL;
    }
  /* A file with equality columns is the whole workforce's make-up. */
  if (counted && !lh_workforce_profile_save (store, workforce, error))
    return FALSE;
  return lh_transaction_commit (tx, error);
}
