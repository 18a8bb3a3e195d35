/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-equipment"

#include "lh-equipment-usage.h"

#include <string.h>

#include "lh-bookings-private.h"
#include "lh-error.h"
#include "lh-pc-outages.h"
#include "lh-resources.h"
#include "lh-time.h"

void
lh_pc_usage_free (LhPcUsage *usage)
{
  g_free (usage->name);
  g_free (usage->asset_tag);
  g_free (usage->status);
  g_free (usage);
}

gint64
lh_pc_usage_seconds_in_order (const LhPcUsage *usage)
{
  return usage->seconds_open - usage->seconds_out_of_order;
}

gboolean
lh_pc_usage_never_used (const LhPcUsage *usage)
{
  return usage->sittings == 0 && lh_pc_usage_seconds_in_order (usage) > 0;
}

int
lh_pc_usage_percent_of_open (const LhPcUsage *usage)
{
  gint64 in_order = lh_pc_usage_seconds_in_order (usage);

  if (in_order <= 0)
    return -1;
  return (int) MIN (100, (usage->seconds_used_in_order * 100 + in_order / 2) / in_order);
}

/* The local days of the period: their midnights, in order, and which of
 * them the centre was closed. */
typedef struct
{
  GArray   *midnights;  /* (element-type gint64) */
  gboolean *closed;     /* one per midnight */
} Days;

static void
days_clear (Days *days)
{
  g_clear_pointer (&days->midnights, g_array_unref);
  g_clear_pointer (&days->closed, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Days, days_clear)

/* The index of the day holding t (t within the period). */
static guint
day_of (const Days *days, gint64 t)
{
  guint low = 0, high = days->midnights->len;

  while (high - low > 1)
    {
      guint mid = (low + high) / 2;

      if (g_array_index (days->midnights, gint64, mid) <= t)
        low = mid;
      else
        high = mid;
    }
  return low;
}

static gboolean
days_init (Days *days, LhStore *store, const LhCentre *centre, gint64 from, gint64 to, GError **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  days->midnights = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (gint64 m = lh_time_local_midnight (from, centre->tz); m < to; m = lh_time_next_midnight (m, centre->tz))
    g_array_append_val (days->midnights, m);
  days->closed = g_new0 (gboolean, days->midnights->len);

  first = lh_time_format_date (from, centre->tz);
  last = lh_time_format_date (to - 1, centre->tz);
  stmt = lh_store_prepare (store, LH_EQUIPMENT_USAGE_CLOSURES_SQL, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  while (lh_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      gint64 midnight;

      if (!lh_time_parse_date ((const char *) sqlite3_column_text (stmt, 0), centre->tz, &midnight, &local_error))
        break;
      days->closed[day_of (days, midnight)] = TRUE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* What is added up for one PC while the sittings are read. */
typedef struct
{
  LhPcUsage *usage;
  gboolean  *used_on;  /* one per day of the period */
  GArray    *outages;  /* from lh_pc_outages() */
} Tally;

static void
tally_free (Tally *tally)
{
  g_clear_pointer (&tally->usage, lh_pc_usage_free);
  g_clear_pointer (&tally->outages, g_array_unref);
  g_free (tally->used_on);
  g_free (tally);
}

/* The seconds of [a_start, a_end) within [b_start, b_end). */
static gint64
overlap (gint64 a_start, gint64 a_end, gint64 b_start, gint64 b_end)
{
  return MAX (0, MIN (a_end, b_end) - MAX (a_start, b_start));
}

/* Each day's opening intervals for one PC's opening hours: PCs mostly
 * share the centre's, so a day's are worked out once, not for each PC. */
typedef struct
{
  const GArray *hours;   /* (element-type LhOpeningPeriod) whose they are */
  GPtrArray    *by_day;  /* (element-type GArray of LhInterval) one a
                          * day of the period, empty on closure days */
} OpenDays;

static void
open_days_clear (OpenDays *open)
{
  g_clear_pointer (&open->by_day, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OpenDays, open_days_clear)

static gboolean
same_hours (const GArray *a, const GArray *b)
{
  return a->len == b->len && (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (LhOpeningPeriod)) == 0);
}

static const GPtrArray *
open_days_of (OpenDays *open, const LhResource *pc, const LhCentre *centre, const Days *days)
{
  if (open->by_day != NULL && same_hours (open->hours, pc->hours))
    return open->by_day;
  open_days_clear (open);
  open->hours = pc->hours;
  open->by_day = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint d = 0; d < days->midnights->len; d++)
    g_ptr_array_add (open->by_day, days->closed[d]
                                     ? g_array_new (FALSE, FALSE, sizeof (LhInterval))
                                     : lh_bookings_open_intervals (pc, centre,
                                                                   g_array_index (days->midnights, gint64, d), FALSE));
  return open->by_day;
}

/* The PC's opening hours within [from, to) but for closure days (open:
 * from open_days_of()), and how much of them it was out of order
 * (outages: from lh_pc_outages()). */
static void
open_seconds (LhPcUsage *usage, const GPtrArray *open_by_day, GArray *outages, gint64 from, gint64 to)
{
  for (guint d = 0; d < open_by_day->len; d++)
    {
      const GArray *open = g_ptr_array_index (open_by_day, d);

      for (guint i = 0; i < open->len; i++)
        {
          const LhInterval *o = &g_array_index (open, LhInterval, i);

          usage->seconds_open += overlap (o->start, o->end, from, to);
          for (guint k = 0; k < outages->len; k++)
            {
              const LhInterval *out = &g_array_index (outages, LhInterval, k);

              usage->seconds_out_of_order += overlap (MAX (o->start, from), MIN (o->end, to), out->start, out->end);
            }
        }
    }
}

static gboolean
find_computer (LhStore *store, LhPcUsage *usage, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_EQUIPMENT_USAGE_COMPUTER_SQL, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, usage->resource_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      usage->asset_tag = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      usage->status = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  return TRUE;
}

/* One sitting, clipped to [from, to), added to its PC's tally. */
static void
tally_add (Tally *tally, const Days *days, gint64 start, gint64 end, gint64 from, gint64 to)
{
  LhPcUsage *usage = tally->usage;
  gint64 clipped_start = MAX (start, from);
  gint64 clipped_end = MIN (end, to);

  guint first_day;

  if (clipped_end < clipped_start)
    return;
  usage->sittings++;
  usage->seconds_used += clipped_end - clipped_start;
  usage->seconds_used_in_order += clipped_end - clipped_start;
  for (guint k = 0; k < tally->outages->len; k++)
    {
      const LhInterval *out = &g_array_index (tally->outages, LhInterval, k);

      usage->seconds_used_in_order -= overlap (clipped_start, clipped_end, out->start, out->end);
    }
  usage->last_used = MAX (usage->last_used, clipped_end);
  first_day = day_of (days, clipped_start);
  tally->used_on[first_day] = TRUE;
  /* A sitting ending at midnight used no time of the next day. */
  for (guint d = first_day + 1; d < days->midnights->len && g_array_index (days->midnights, gint64, d) < clipped_end;
       d++)
    tally->used_on[d] = TRUE;
}

static int
by_use (gconstpointer a, gconstpointer b)
{
  const LhPcUsage *x = *(LhPcUsage * const *) a;
  const LhPcUsage *y = *(LhPcUsage * const *) b;

  if (x->seconds_used != y->seconds_used)
    return x->seconds_used > y->seconds_used ? -1 : 1;
  /* Used for no time at all is not never used. */
  return (y->sittings > 0) - (x->sittings > 0);
}

/* A tally for each active PC, its opening hours and outages in place,
 * and the tallies by resource id. */
static gboolean
tallies_init (LhStore *store, const LhCentre *centre, Days *days, gint64 from, gint64 to, GPtrArray *tallies,
              GHashTable *by_id, GError **error)
{
  g_autoptr(GPtrArray) resources = lh_resources_list (store, error);
  g_auto(OpenDays) open = { 0 };

  if (resources == NULL || !days_init (days, store, centre, from, to, error))
    return FALSE;
  for (guint i = 0; i < resources->len; i++)
    {
      const LhResource *pc = g_ptr_array_index (resources, i);
      g_autoptr(GArray) outages = NULL;
      Tally *tally;

      if (!g_str_equal (pc->kind, "pc"))
        continue;
      outages = lh_pc_outages (store, pc->id, from, to, error);
      if (outages == NULL)
        return FALSE;
      tally = g_new0 (Tally, 1);
      tally->usage = g_new0 (LhPcUsage, 1);
      tally->usage->resource_id = pc->id;
      tally->usage->name = g_strdup (pc->name);
      open_seconds (tally->usage, open_days_of (&open, pc, centre, days), outages, from, to);
      tally->used_on = g_new0 (gboolean, days->midnights->len);
      tally->outages = g_steal_pointer (&outages);
      g_ptr_array_add (tallies, tally);
      g_hash_table_insert (by_id, &tally->usage->resource_id, tally);
      if (!find_computer (store, tally->usage, error))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
lh_equipment_usage (LhStore *store, const LhCentre *centre, gint64 from, gint64 to, gint64 now, GError **error)
{
  g_auto(Days) days = { 0 };
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(GPtrArray) tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_pc_usage_free);
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  if (from >= to)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The period ends before it begins");
      lh_error_set_reason (error, "period-reversed");
      return NULL;
    }
  /* One snapshot for the PCs, their outages and sittings; a read, so a
   * year's figures hold up no writer. */
  tx = lh_store_begin_read (store, error);
  if (tx == NULL)
    return NULL;
  if (!tallies_init (store, centre, &days, from, to, tallies, by_id, error))
    return NULL;
  stmt = lh_store_prepare (store, LH_EQUIPMENT_USAGE_SITTINGS_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, LH_EQUIPMENT_USAGE_LOOKBACK_SECONDS);
  while (lh_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      gint64 resource_id = sqlite3_column_int64 (stmt, 0);
      Tally *tally = g_hash_table_lookup (by_id, &resource_id);
      gint64 start = sqlite3_column_int64 (stmt, 1);
      /* A sitting going on now counts up to now. */
      gint64 end = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? now : sqlite3_column_int64 (stmt, 2);

      /* A deactivated PC's or a room's: not asked about. */
      if (tally != NULL && end >= start)
        tally_add (tally, &days, start, end, from, to);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (guint i = 0; i < tallies->len; i++)
    {
      Tally *tally = g_ptr_array_index (tallies, i);

      for (guint d = 0; d < days.midnights->len; d++)
        tally->usage->days_used += tally->used_on[d] ? 1 : 0;
      g_ptr_array_add (result, g_steal_pointer (&tally->usage));
    }
  /* A stable sort: equal use keeps the order of the PCs' list. */
  g_ptr_array_sort (result, by_use);
  if (!lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&result);
}

gboolean
lh_equipment_capacity (LhStore *store, const LhCentre *centre, gint64 from, gint64 to, GArray *sittings,
                       gint64 *seconds_in_order, gint64 *seconds_used_in_order, GError **error)
{
  g_auto(Days) days = { 0 };
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(GPtrArray) tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (centre != NULL, FALSE);

  *seconds_in_order = 0;
  *seconds_used_in_order = 0;
  if (from >= to)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The period ends before it begins");
      lh_error_set_reason (error, "period-reversed");
      return FALSE;
    }
  tx = lh_store_begin_read (store, error);
  if (tx == NULL || !tallies_init (store, centre, &days, from, to, tallies, by_id, error))
    return FALSE;
  for (guint i = 0; i < sittings->len; i++)
    {
      const LhPcSitting *sitting = &g_array_index (sittings, LhPcSitting, i);
      Tally *tally = g_hash_table_lookup (by_id, &sitting->resource_id);

      /* As lh_equipment_usage(): a deactivated PC's is not asked about. */
      if (tally != NULL && sitting->end >= sitting->start)
        tally_add (tally, &days, sitting->start, sitting->end, from, to);
    }
  for (guint i = 0; i < tallies->len; i++)
    {
      const Tally *tally = g_ptr_array_index (tallies, i);

      *seconds_in_order += lh_pc_usage_seconds_in_order (tally->usage);
      *seconds_used_in_order += tally->usage->seconds_used_in_order;
    }
  return lh_transaction_commit (tx, error);
}
