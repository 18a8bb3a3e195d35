/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing the equipment inventory from a CSV file, such as an asset
 * register's export. */
#define G_LOG_DOMAIN "lh-equipment"

#include "lh-equipment.h"

#include <glib/gi18n-lib.h>

#include "lh-error.h"
#include "lh-resources.h"

#define MAX_FIELD 200

typedef enum
{
  COL_ASSET_TAG,
  COL_KIND,
  COL_LOCATION,
  COL_DESCRIPTION,
  COL_STATUS,
  COL_PC,
  N_COLUMNS
} Column;

static const LhCsvColumn columns[N_COLUMNS] = {
  { "asset_tag", TRUE },
  { "kind", TRUE },
  { "location", FALSE },
  { "description", FALSE },
  { "status", FALSE },
  { "pc", FALSE },
};

/* A row read; checked against the store when it is saved. */
typedef struct
{
  guint  line;
  char  *fields[N_COLUMNS];  /* (owned) */
} ItemRow;

static void
item_row_free (ItemRow *row)
{
  for (int c = 0; c < N_COLUMNS; c++)
    g_free (row->fields[c]);
  g_free (row);
}

static gpointer
read_row (const LhCsvRow *row, const int *index_of, const char **out_key, GError **error)
{
  ItemRow *out = g_new0 (ItemRow, 1);

  (void) error;
  out->line = row->line;
  for (int c = 0; c < N_COLUMNS; c++)
    out->fields[c] = lh_csv_field (row, index_of, c);
  *out_key = out->fields[COL_ASSET_TAG];
  return out;
}

/* The bookable PCs by name, for the rows' pc column. */
static GHashTable *
pcs_by_name (LhStore *store, GError **error)
{
  g_autoptr(GPtrArray) resources = lh_resources_list (store, error);
  g_autoptr(GHashTable) pcs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (resources == NULL)
    return NULL;
  for (guint i = 0; i < resources->len; i++)
    {
      const LhResource *resource = g_ptr_array_index (resources, i);

      if (g_str_equal (resource->kind, "pc"))
        g_hash_table_insert (pcs, g_strdup (resource->name), GINT_TO_POINTER ((int) resource->id));
    }
  return g_steal_pointer (&pcs);
}

/* An empty or missing cell keeps what the item has. */
static const char *
cell_or_keep (const char *cell)
{
  return cell[0] != '\0' ? cell : NULL;
}

/* Fields a row gives, checked; an empty optional cell keeps the item's,
 * and a pc cell "-" says the computer is no longer a PC. */
static gboolean
row_fields (LhStore *store, GHashTable *pcs, const ItemRow *row, LhEquipmentFields *out, GError **error)
{
  const char *pc = row->fields[COL_PC];

  *out = (LhEquipmentFields) {
    .asset_tag = row->fields[COL_ASSET_TAG],
    .kind = row->fields[COL_KIND],
    .description = cell_or_keep (row->fields[COL_DESCRIPTION]),
    .location = cell_or_keep (row->fields[COL_LOCATION]),
    .status = cell_or_keep (row->fields[COL_STATUS]),
  };
  if (g_str_equal (pc, "-"))
    out->resource_id = LH_EQUIPMENT_NO_PC;
  else if (pc[0] != '\0')
    {
      out->resource_id = GPOINTER_TO_INT (g_hash_table_lookup (pcs, pc));
      if (out->resource_id == 0)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("There is no PC called “%s”"), pc);
          return FALSE;
        }
    }
  return lh_equipment_fields_check (store, out, error);
}

gboolean
lh_equipment_import (LhStore *store, const LhCentre *centre, const char *csv, gsize length,
                     gboolean skip_bad_rows, const LhEquipmentActor *actor, gint64 now, LhCsvReport *report,
                     GError **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) pcs = NULL;
  g_autoptr(LhTransaction) tx = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  rows = lh_csv_check_rows (csv, length, MAX_FIELD, columns, N_COLUMNS, read_row, (GDestroyNotify) item_row_free,
                            "asset tag", TRUE, report, error);
  if (rows == NULL)
    return FALSE;
  tx = lh_store_begin (store, error);
  pcs = tx != NULL ? pcs_by_name (store, error) : NULL;
  if (pcs == NULL)
    return FALSE;
  /* Rows that read well are tried too, so that the report names every
   * bad row at once. A row is only known good once saved (its kind against the item's,
   * its PC against the others'); each is saved in a savepoint, so that a
   * bad one leaves nothing of itself. */
  for (guint i = 0; i < rows->len; i++)
    {
      const ItemRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GError) row_error = NULL;
      g_autoptr(LhTransaction) savepoint = lh_store_begin (store, error);
      LhEquipmentFields fields;
      gboolean created = FALSE;

      if (savepoint == NULL)
        return FALSE;
      if (row_fields (store, pcs, row, &fields, &row_error) &&
          lh_equipment_save (store, centre, &fields, actor, "imported", now, &created, &row_error) &&
          lh_transaction_commit (savepoint, &row_error))
        {
          if (created)
            report->added++;
          else
            report->updated++;
          continue;
        }
      if (row_error->domain != LH_ERROR ||
          (row_error->code != LH_ERROR_INVALID && row_error->code != LH_ERROR_CONFLICT))
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          return FALSE;
        }
      g_ptr_array_add (report->row_errors, g_strdup_printf ("line %u: %s", row->line, row_error->message));
    }
  return lh_csv_report_check (report, skip_bad_rows, error) && lh_transaction_commit (tx, error);
}
