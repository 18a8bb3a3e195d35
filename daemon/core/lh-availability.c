/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What is free when: every resource's day, its opening periods, what is
 * busy (and whose) and what is left to book. */
#define G_LOG_DOMAIN "lh-bookings"

#include "lh-bookings-private.h"

#include "lh-error.h"
#include "lh-faults.h"
#include "lh-rules.h"
#include "lh-time.h"

void
lh_resource_day_free (LhResourceDay *day)
{
  g_clear_pointer (&day->resource, lh_resource_free);
  g_clear_pointer (&day->open, g_array_unref);
  g_clear_pointer (&day->busy, g_array_unref);
  g_clear_pointer (&day->free, g_array_unref);
  g_free (day);
}

/* free = open − busy − the past. Busy is sorted by start. */
static GArray *
free_intervals (GArray *open, GArray *busy, gint64 now)
{
  GArray *free = g_array_new (FALSE, FALSE, sizeof (LhInterval));

  for (guint i = 0; i < open->len; i++)
    {
      LhInterval o = g_array_index (open, LhInterval, i);
      gint64 cursor = MAX (o.start, now);

      for (guint j = 0; j < busy->len && cursor < o.end; j++)
        {
          const LhBusyInterval *b = &g_array_index (busy, LhBusyInterval, j);

          if (b->end <= cursor || b->start >= o.end)
            continue;
          if (b->start > cursor)
            {
              LhInterval gap = { cursor, b->start };
              g_array_append_val (free, gap);
            }
          cursor = MAX (cursor, b->end);
        }
      if (cursor < o.end)
        {
          LhInterval rest = { cursor, o.end };
          g_array_append_val (free, rest);
        }
    }
  return free;
}

GPtrArray *
lh_bookings_availability (LhStore *store, const LhCentre *centre, gint64 midnight,
                          gint64 person_id, gint64 now, GError **error)
{
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_resource_day_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) out_of_order = NULL;
  gint64 next_midnight = lh_time_next_midnight (midnight, centre->tz);
  g_autofree char *date = lh_time_format_date (midnight, centre->tz);
  g_autofree char *closed = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  closed = lh_closures_reason (store, date, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  resources = lh_resources_list (store, error);
  out_of_order = resources != NULL ? lh_faults_pcs_out_of_order (store, error) : NULL;
  if (out_of_order == NULL)
    return NULL;
  while (resources->len > 0)
    {
      LhResourceDay *day = g_new0 (LhResourceDay, 1);

      day->resource = g_ptr_array_steal_index (resources, 0);
      g_ptr_array_add (days, day);
      g_hash_table_insert (by_id, &day->resource->id, day);
      /* On a closure date nothing is open, whatever the weekly hours say. */
      day->open = closed != NULL ? g_array_new (FALSE, FALSE, sizeof (LhInterval))
                                 : lh_bookings_open_intervals (day->resource, centre, midnight, FALSE);
      day->busy = g_array_new (FALSE, FALSE, sizeof (LhBusyInterval));
      for (guint j = 0; j < out_of_order->len; j++)
        day->out_of_order = day->out_of_order || g_array_index (out_of_order, gint64, j) == day->resource->id;
    }

  /* Every resource's bookings of the day in one index range: no booking
   * is longer than a day (the rules' longest is 1440 minutes), so the
   * range starts a day back. */
  stmt = lh_store_prepare (store,
                           "SELECT resource_id, start_at, end_at, person_id = ?3 FROM bookings "
                           "WHERE status = 'booked' AND start_at > ?1 - 86400 AND start_at < ?2 "
                           "AND end_at > ?1 ORDER BY start_at", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, midnight);
  sqlite3_bind_int64 (stmt, 2, next_midnight);
  sqlite3_bind_int64 (stmt, 3, person_id);
  while (lh_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      gint64 resource_id = sqlite3_column_int64 (stmt, 0);
      LhResourceDay *day = g_hash_table_lookup (by_id, &resource_id);
      LhBusyInterval b = {
        sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
        sqlite3_column_int (stmt, 3) != 0
      };

      /* An inactive resource is not listed, nor its bookings. */
      if (day != NULL)
        g_array_append_val (day->busy, b);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  for (guint i = 0; i < days->len; i++)
    {
      LhResourceDay *day = g_ptr_array_index (days, i);

      day->free = day->out_of_order ? g_array_new (FALSE, FALSE, sizeof (LhInterval))
                                    : free_intervals (day->open, day->busy, now);
    }
  return g_steal_pointer (&days);
}
