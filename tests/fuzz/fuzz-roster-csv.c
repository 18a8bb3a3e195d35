/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The staff roster's CSV import (lh_roster_import, with lh_csv_parse under
 * it). A file read is written back and read as the same rows; an import
 * accounts for every row (added, updated or skipped); each row it took is
 * on the roster as the row gave it; and no file makes the store fail. */
#include "lh-fuzz.h"

#include "lh-error.h"
#include "lh-fuzz-csv.h"
#include "lh-fuzz-store.h"
#include "lh-people.h"
#include "lh-roster.h"
#include "lh-secret.h"

#define NOW 1796400000  /* 2026-12-04, a fixed "now" */
#define MAX_FIELD 200   /* lh-roster.c's */

static LhStore *store;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  store = lh_fuzz_store_open ();
  return 0;
}

/* The row, read back from the roster, is what it gave. */
static void
check_saved (GPtrArray *rows, guint i)
{
  const LhCsvRow *header = g_ptr_array_index (rows, 0);
  const LhCsvRow *row = g_ptr_array_index (rows, i);
  g_autofree char *staff_number = NULL;
  g_autofree char *name = NULL;
  g_autofree char *department = NULL;
  g_autoptr(LhPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  for (guint f = 0; header->fields[f] != NULL && row->fields[f] != NULL; f++)
    {
      g_autofree char *column = g_strstrip (g_ascii_strdown (header->fields[f], -1));
      char **into = g_str_equal (column, "staff_number") ? &staff_number :
                    g_str_equal (column, "name") ? &name :
                    g_str_equal (column, "department") ? &department : NULL;

      if (into != NULL)
        *into = g_strstrip (g_strdup (row->fields[f]));
    }
  LH_FUZZ_CHECK (staff_number != NULL && name != NULL);
  LH_FUZZ_CHECK (lh_staff_number_check (staff_number, NULL));
  person = lh_people_find (store, staff_number, &error);
  if (person == NULL)
    fprintf (stderr, "line %u: staff number %s not on the roster: %s\n", row->line, staff_number,
             error->message);
  LH_FUZZ_CHECK (person != NULL);
  LH_FUZZ_CHECK (g_str_equal (person->name, name));
  LH_FUZZ_CHECK (g_str_equal (person->department, department != NULL ? department : ""));
  LH_FUZZ_CHECK (person->hours_per_week >= 0 && person->hours_per_week <= 100);
  LH_FUZZ_CHECK (person->days_per_week > 0 && person->days_per_week <= 7);
}

static gboolean
holds_good_pin (GPtrArray *rows)
{
  const LhCsvRow *header;

  if (!lh_fuzz_csv_has_column (rows, "pin"))
    return FALSE;
  header = g_ptr_array_index (rows, 0);
  for (guint f = 0; header->fields[f] != NULL; f++)
    {
      g_autofree char *column = g_strstrip (g_ascii_strdown (header->fields[f], -1));

      if (!g_str_equal (column, "pin"))
        continue;
      for (guint i = 1; i < rows->len; i++)
        {
          const LhCsvRow *row = g_ptr_array_index (rows, i);
          g_autofree char *pin = NULL;

          if (f >= g_strv_length (row->fields))
            continue;
          pin = g_strstrip (g_strdup (row->fields[f]));
          if (lh_pin_check_format (pin, NULL))
            return TRUE;
        }
    }
  return FALSE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *csv = (const char *) data;
  g_autoptr(GPtrArray) rows = lh_csv_parse (csv, size, MAX_FIELD, NULL);
  g_autoptr(GHashTable) bad_lines = NULL;
  g_autoptr(LhTransaction) outer = NULL;
  g_auto(LhRosterReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean imported;

  if (rows != NULL)
    {
      lh_fuzz_csv_round_trip (rows, MAX_FIELD);
      /* A good PIN is hashed with Argon2id, a tenth of a second or more:
       * the fuzzer would crawl, and the hashing is libsodium's. Files
       * with one are left out; bad PINs are still tried. */
      if (holds_good_pin (rows))
        return 0;
    }

  outer = lh_store_begin (store, &error);
  g_assert_no_error (error);
  imported = lh_roster_import (store, csv, size, TRUE, NOW, &report, &error);
  if (!imported)
    {
      if (!lh_fuzz_is_refusal (error))
        fprintf (stderr, "the import failed: %s\n", error != NULL ? error->message : "(no error)");
      LH_FUZZ_CHECK (lh_fuzz_is_refusal (error));
      return 0;  /* outer is rolled back */
    }
  LH_FUZZ_CHECK (rows != NULL && rows->len > 0);
  LH_FUZZ_CHECK (report.added + report.updated + report.skipped == rows->len - 1);
  LH_FUZZ_CHECK (report.skipped == report.row_errors->len);
  bad_lines = lh_fuzz_csv_bad_lines (&report);
  for (guint i = 1; i < rows->len; i++)
    if (!g_hash_table_contains (bad_lines, GUINT_TO_POINTER (((LhCsvRow *) rows->pdata[i])->line)))
      check_saved (rows, i);
  return 0;
}
