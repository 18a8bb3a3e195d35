/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-equipment"

#include "lh-equipment-compliance.h"

#include "lh-equipment-private.h"
#include "lh-error.h"
#include "lh-terms.h"

/* What the walk through the period keeps: the items that work, and the
 * count working of each kind. */
typedef struct
{
  GHashTable *working;                      /* item ids that work now */
  int         count[LH_EQUIPMENT_N_KINDS];
} Walk;

static void
walk_clear (Walk *walk)
{
  g_clear_pointer (&walk->working, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Walk, walk_clear)

static void
walk_set (Walk *walk, gint64 item_id, int kind, gboolean works)
{
  gpointer key = GSIZE_TO_POINTER ((gsize) item_id);
  gboolean worked = g_hash_table_contains (walk->working, key);

  if (works && !worked)
    {
      g_hash_table_add (walk->working, key);
      walk->count[kind]++;
    }
  else if (!works && worked)
    {
      g_hash_table_remove (walk->working, key);
      walk->count[kind]--;
    }
}

/* Each item's status at `from`: its latest event at or before it. */
static gboolean
walk_start (LhStore *store, Walk *walk, gint64 from, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_COMPLIANCE_START_SQL, error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      int kind = lh_equipment_kind_index ((const char *) sqlite3_column_text (stmt, 1));
      const char *status = (const char *) sqlite3_column_text (stmt, 2);

      /* An item added later is not there yet: no status. */
      if (kind >= 0 && status != NULL)
        walk_set (walk, sqlite3_column_int64 (stmt, 0), kind, g_str_equal (status, "working"));
    }
  return ok;
}

/* The minimum of each kind in force at t, from the versions of the
 * terms (oldest first). */
static const int *
minimum_at (GArray *versions, gint64 t, const int *defaults)
{
  const int *minimum = defaults;

  for (guint v = 0; v < versions->len; v++)
    if (g_array_index (versions, LhTerms, v).valid_from <= t)
      minimum = g_array_index (versions, LhTerms, v).equipment_minimum;
  return minimum;
}

/* The state of the walk lasted from `since` to `until`: its counts are
 * a low, and count as below for each kind short of its minimum then. */
static void
note_span (LhEquipmentCompliance *out, const Walk *walk, GArray *versions, const int *defaults, gint64 since,
           gint64 until)
{
  for (int k = 0; k < LH_EQUIPMENT_N_KINDS; k++)
    out[k].working_lowest = MIN (out[k].working_lowest, walk->count[k]);
  for (gint64 t = since; t < until;)
    {
      const int *minimum = minimum_at (versions, t, defaults);
      gint64 next = until;

      /* A version beginning within the span changes the minimum there. */
      for (guint v = 0; v < versions->len; v++)
        {
          gint64 starts = g_array_index (versions, LhTerms, v).valid_from;

          if (starts > t && starts < next)
            next = starts;
        }
      for (int k = 0; k < LH_EQUIPMENT_N_KINDS; k++)
        if (walk->count[k] < minimum[k])
          out[k].seconds_below += next - t;
      t = next;
    }
}

gboolean
lh_equipment_compliance (LhStore *store, gint64 from, gint64 to, LhEquipmentCompliance out[LH_EQUIPMENT_N_KINDS],
                         GError **error)
{
  g_auto(Walk) walk = { 0 };
  g_auto(LhTerms) defaults = { 0 };
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(GArray) versions = NULL;
  g_autoptr(LhStmt) changes = NULL;
  gboolean has_row = FALSE;
  gboolean ok;
  gint64 since = from;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (from >= to)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The period ends before it begins");
      lh_error_set_reason (error, "period-reversed");
      return FALSE;
    }
  walk.working = g_hash_table_new (g_direct_hash, g_direct_equal);
  lh_terms_init_defaults (&defaults);
  /* The terms, the start and the changes are read in one snapshot: a
   * learnhubctl write between them would give a mixed picture. A read
   * transaction, so a long period holds up no writer. */
  tx = lh_store_begin_read (store, error);
  if (tx == NULL)
    return FALSE;
  versions = lh_terms_list (store, error);
  if (versions == NULL || !walk_start (store, &walk, from, error))
    return FALSE;
  for (int k = 0; k < LH_EQUIPMENT_N_KINDS; k++)
    out[k] = (LhEquipmentCompliance) { lh_equipment_kinds[k], 0, 0, G_MAXINT, 0 };

  changes = lh_store_prepare (store, LH_COMPLIANCE_CHANGES_SQL, error);
  if (changes == NULL)
    return FALSE;
  sqlite3_bind_int64 (changes, 1, from);
  sqlite3_bind_int64 (changes, 2, to);
  while ((ok = lh_store_step (store, changes, &has_row, error)) && has_row)
    {
      gint64 at = sqlite3_column_int64 (changes, 0);
      int kind = lh_equipment_kind_index ((const char *) sqlite3_column_text (changes, 2));

      if (kind < 0)
        continue;
      /* Changes at the same moment (one item retired, its replacement
       * added) are one: only a state that lasted counts. */
      if (at > since)
        {
          note_span (out, &walk, versions, defaults.equipment_minimum, since, at);
          since = at;
        }
      walk_set (&walk, sqlite3_column_int64 (changes, 1), kind,
                g_str_equal ((const char *) sqlite3_column_text (changes, 3), "working"));
    }
  if (!ok)
    return FALSE;
  note_span (out, &walk, versions, defaults.equipment_minimum, since, to);
  for (int k = 0; k < LH_EQUIPMENT_N_KINDS; k++)
    {
      out[k].working_at_end = walk.count[k];
      out[k].minimum = minimum_at (versions, to - 1, defaults.equipment_minimum)[k];
    }
  return lh_transaction_commit (tx, error);
}
