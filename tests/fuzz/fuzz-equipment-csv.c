/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The equipment inventory's CSV import (lh_equipment_import), onto a
 * store with one item and two PCs already. A file read is written back
 * and read as the same rows; an import accounts for every row; each row
 * it took is in the inventory as the row gave it (an empty cell keeps
 * the item's); and no file makes the store fail. */
#include "lh-fuzz.h"

#include "lh-equipment.h"
#include "lh-error.h"
#include "lh-fuzz-csv.h"
#include "lh-fuzz-store.h"
#include "lh-resources.h"

#define NOW 1796400000  /* 2026-12-04, a fixed "now" */
#define MAX_FIELD 200   /* lh-equipment-import.c's */

static LhStore *store;
static const LhEquipmentActor actor = { 0, "fuzz" };

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;
  const LhEquipmentFields item = { .asset_tag = "LC-001", .kind = "computer", .location = "Learning centre" };
  gint64 id;

  store = lh_fuzz_store_open ();
  lh_resources_add (store, "PC 1", "pc", 1, &id, &error);
  g_assert_no_error (error);
  lh_resources_add (store, "PC 2", "pc", 1, &id, &error);
  g_assert_no_error (error);
  lh_equipment_save (store, NULL, &item, &actor, "added", NOW, NULL, &error);
  g_assert_no_error (error);
  return 0;
}

static char *
cell (const LhCsvRow *header, const LhCsvRow *row, const char *column)
{
  for (guint f = 0; header->fields[f] != NULL && row->fields[f] != NULL; f++)
    {
      g_autofree char *name = g_strstrip (g_ascii_strdown (header->fields[f], -1));

      if (g_str_equal (name, column))
        return g_strstrip (g_strdup (row->fields[f]));
    }
  return g_strdup ("");
}

static void
check_saved (GPtrArray *rows, guint i)
{
  const LhCsvRow *header = g_ptr_array_index (rows, 0);
  const LhCsvRow *row = g_ptr_array_index (rows, i);
  g_autofree char *tag = cell (header, row, "asset_tag");
  g_autofree char *kind = cell (header, row, "kind");
  g_autofree char *location = cell (header, row, "location");
  g_autofree char *description = cell (header, row, "description");
  g_autofree char *status = cell (header, row, "status");
  g_autofree char *pc = cell (header, row, "pc");
  g_autoptr(LhEquipment) item = NULL;
  g_autoptr(GError) error = NULL;

  item = lh_equipment_get (store, tag, &error);
  if (item == NULL)
    fprintf (stderr, "line %u: asset tag %s not in the inventory: %s\n", row->line, tag, error->message);
  LH_FUZZ_CHECK (item != NULL);
  LH_FUZZ_CHECK (g_str_equal (item->kind, kind));
  LH_FUZZ_CHECK (location[0] == '\0' || g_str_equal (item->location, location));
  LH_FUZZ_CHECK (description[0] == '\0' || g_str_equal (item->description, description));
  LH_FUZZ_CHECK (status[0] == '\0' || g_str_equal (item->status, status));
  LH_FUZZ_CHECK (g_strv_contains (lh_equipment_kinds, item->kind));
  LH_FUZZ_CHECK (g_strv_contains (lh_equipment_statuses, item->status));
  if (g_str_equal (pc, "-"))
    LH_FUZZ_CHECK (item->resource_id == 0);
  else if (pc[0] != '\0')
    LH_FUZZ_CHECK (g_strcmp0 (item->resource_name, pc) == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *csv = (const char *) data;
  g_autoptr(GPtrArray) rows = lh_csv_parse (csv, size, MAX_FIELD, NULL);
  g_autoptr(GHashTable) bad_lines = NULL;
  g_autoptr(LhTransaction) outer = NULL;
  g_auto(LhCsvReport) report = { 0 };
  g_autoptr(GError) error = NULL;

  if (rows != NULL)
    lh_fuzz_csv_round_trip (rows, MAX_FIELD);

  outer = lh_store_begin (store, &error);
  g_assert_no_error (error);
  if (!lh_equipment_import (store, NULL, csv, size, TRUE, &actor, NOW, &report, &error))
    {
      if (!lh_fuzz_is_refusal (error))
        fprintf (stderr, "the import failed: %s\n", error != NULL ? error->message : "(no error)");
      LH_FUZZ_CHECK (lh_fuzz_is_refusal (error));
      return 0;  /* outer is rolled back */
    }
  LH_FUZZ_CHECK (rows != NULL && rows->len > 0);
  LH_FUZZ_CHECK (report.added + report.updated + report.skipped == rows->len - 1);
  bad_lines = lh_fuzz_csv_bad_lines (&report);
  for (guint i = 1; i < rows->len; i++)
    if (!g_hash_table_contains (bad_lines, GUINT_TO_POINTER (((LhCsvRow *) rows->pdata[i])->line)))
      check_saved (rows, i);
  return 0;
}
