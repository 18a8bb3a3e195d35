/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-equipment"

#include "lh-pc-outages.h"

#include "lh-equipment-private.h"

/* A computer's state, as far as its PC is concerned. */
typedef enum
{
  COMPUTER_ABSENT,   /* not yet in the inventory */
  COMPUTER_WORKING,
  COMPUTER_BROKEN,   /* faulty or in repair: a fault that stops use makes it faulty */
  COMPUTER_RETIRED,
} ComputerState;

/* Something that changed at a moment: a computer's state, or one of the
 * PC's own faults opened (+1) or repaired (-1). */
typedef struct
{
  gint64        at;
  guint         computer;  /* with a state */
  ComputerState state;
  int           own_faults;  /* or this change to the open count */
} Change;

/* A computer elsewhere (another PC, or none) is absent from this one. */
static ComputerState
state_of (LhStmt *row, int status_column, gint64 resource_id)
{
  const char *status = (const char *) sqlite3_column_text (row, status_column);

  if (status == NULL || sqlite3_column_int64 (row, status_column + 1) != resource_id)
    return COMPUTER_ABSENT;
  if (g_str_equal (status, "working"))
    return COMPUTER_WORKING;
  if (g_str_equal (status, "retired"))
    return COMPUTER_RETIRED;
  return COMPUTER_BROKEN;
}

/* The rule of LH_PC_OUT_OF_ORDER_SQL: a computer there that does not
 * work, or no computer there since the last was retired, or an open
 * fault of the PC's own. */
static gboolean
out_of_order (const ComputerState *states, guint n_computers, int own_faults)
{
  gboolean present = FALSE, retired = FALSE;

  for (guint c = 0; c < n_computers; c++)
    {
      if (states[c] == COMPUTER_BROKEN)
        return TRUE;
      present |= states[c] == COMPUTER_WORKING;
      retired |= states[c] == COMPUTER_RETIRED;
    }
  return (!present && retired) || own_faults > 0;
}

static int
by_time (gconstpointer a, gconstpointer b)
{
  const Change *x = a, *y = b;

  return (x->at > y->at) - (x->at < y->at);
}

/* Each computer that was ever the PC: its state at `from`, and its
 * changes within the period. */
static gboolean
read_computers (LhStore *store, gint64 resource_id, gint64 from, gint64 to, GArray *states, GArray *changes,
                GError **error)
{
  g_autoptr(LhStmt) computers = lh_store_prepare (store, LH_PC_OUTAGE_COMPUTERS_SQL, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean has_row = FALSE;
  gboolean ok;

  if (computers == NULL)
    return FALSE;
  sqlite3_bind_int64 (computers, 1, resource_id);
  sqlite3_bind_int64 (computers, 2, to);
  while ((ok = lh_store_step (store, computers, &has_row, error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (computers, 0);

      g_array_append_val (ids, id);
    }
  if (!ok)
    return FALSE;
  for (guint c = 0; c < ids->len; c++)
    {
      g_autoptr(LhStmt) status_at = lh_store_prepare (store, LH_PC_OUTAGE_STATUS_AT_SQL, error);
      g_autoptr(LhStmt) changed = NULL;
      ComputerState state;

      if (status_at == NULL)
        return FALSE;
      sqlite3_bind_int64 (status_at, 1, g_array_index (ids, gint64, c));
      sqlite3_bind_int64 (status_at, 2, from);
      if (!lh_store_step (store, status_at, &has_row, error))
        return FALSE;
      state = has_row ? state_of (status_at, 0, resource_id) : COMPUTER_ABSENT;
      g_array_append_val (states, state);

      changed = lh_store_prepare (store, LH_PC_OUTAGE_CHANGES_SQL, error);
      if (changed == NULL)
        return FALSE;
      sqlite3_bind_int64 (changed, 1, g_array_index (ids, gint64, c));
      sqlite3_bind_int64 (changed, 2, from);
      sqlite3_bind_int64 (changed, 3, to);
      while ((ok = lh_store_step (store, changed, &has_row, error)) && has_row)
        {
          Change change = { sqlite3_column_int64 (changed, 0), c,
                            state_of (changed, 1, resource_id), 0 };

          g_array_append_val (changes, change);
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* The PC's own faults: those open at `from` counted in *open_at_from,
 * their openings and repairs within the period as changes. */
static gboolean
read_own_faults (LhStore *store, gint64 resource_id, gint64 from, gint64 to, int *open_at_from, GArray *changes,
                 GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_PC_OUTAGE_OWN_FAULTS_SQL, error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resource_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      gint64 reported = sqlite3_column_int64 (stmt, 0);
      gboolean repaired = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
      gint64 repaired_at = sqlite3_column_int64 (stmt, 1);

      if (reported <= from)
        ++*open_at_from;
      else
        g_array_append_val (changes, ((Change) { reported, 0, COMPUTER_ABSENT, +1 }));
      if (repaired && repaired_at < to)
        g_array_append_val (changes, ((Change) { repaired_at, 0, COMPUTER_ABSENT, -1 }));
    }
  return ok;
}

/* [since, until) out of order: added to the spans, joined to the last
 * one if it ends there. */
static void
add_span (GArray *spans, gint64 since, gint64 until)
{
  if (spans->len > 0 && g_array_index (spans, LhInterval, spans->len - 1).end == since)
    g_array_index (spans, LhInterval, spans->len - 1).end = until;
  else
    g_array_append_val (spans, ((LhInterval) { since, until }));
}

GArray *
lh_pc_outages (LhStore *store, gint64 resource_id, gint64 from, gint64 to, GError **error)
{
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (ComputerState));
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (LhInterval));
  int own_faults = 0;
  gint64 since = from;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  if (!read_computers (store, resource_id, from, to, states, changes, error) ||
      !read_own_faults (store, resource_id, from, to, &own_faults, changes, error))
    return NULL;
  /* Stable: a computer's changes at one moment keep their order. */
  g_array_sort (changes, by_time);
  for (guint i = 0; i <= changes->len; i++)
    {
      const Change *change = i < changes->len ? &g_array_index (changes, Change, i) : NULL;
      gint64 at = change != NULL ? change->at : to;

      /* Changes at one moment are one: only a state that lasted counts. */
      if (at > since)
        {
          if (out_of_order ((const ComputerState *) states->data, states->len, own_faults))
            add_span (spans, since, at);
          since = at;
        }
      if (change == NULL)
        break;
      if (change->own_faults != 0)
        own_faults += change->own_faults;
      else
        g_array_index (states, ComputerState, change->computer) = change->state;
    }
  return g_steal_pointer (&spans);
}
