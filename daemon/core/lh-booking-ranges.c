/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The lookups a booking makes of other bookings by time: the clash check,
 * the next booking, the time booked in a day or week. Each reads one range
 * of one index, bounded on both sides (a booking is at most
 * LH_BOOKING_MAX_SECONDS long), so a booking costs the same in year five
 * as on the first day. tests/core/test-bounded.c holds them to it. */
#define G_LOG_DOMAIN "lh-bookings"

#include "lh-bookings-private.h"

#include "lh-error.h"
#include "lh-time.h"

/* Plan: SEARCH b USING INDEX bookings_by_resource_time
 *       (resource_id=? AND start_at>? AND start_at<?) */
#define RESOURCE_CLASH \
  "SELECT b.start_at, b.end_at FROM bookings b " \
  "WHERE b.resource_id = ?1 AND b.status = 'booked' " \
  "AND b.start_at > ?2 AND b.start_at < ?3 AND b.end_at > ?4 ORDER BY b.start_at LIMIT 1"

/* Plan: SEARCH b USING INDEX bookings_by_person_start
 *       (person_id=? AND start_at>? AND start_at<?), then r by rowid */
#define PERSON_CLASH \
  "SELECT b.start_at, b.end_at, r.name FROM bookings b JOIN resources r ON r.id = b.resource_id " \
  "WHERE b.person_id = ?1 AND b.status = 'booked' " \
  "AND b.start_at > ?2 AND b.start_at < ?3 AND b.end_at > ?4 ORDER BY b.start_at LIMIT 1"

/* The first booking of the range's owner overlapping [start, end), if any:
 * its start, end and (for a person's) resource name. */
static gboolean
first_overlap (LhStore *store, const char *sql, gint64 owner_id, gint64 start, gint64 end,
               gboolean *out_found, gint64 *out_from, gint64 *out_to, char **out_name, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  sqlite3_bind_int64 (stmt, 2, start - LH_BOOKING_MAX_SECONDS);
  sqlite3_bind_int64 (stmt, 3, end);
  sqlite3_bind_int64 (stmt, 4, start);
  if (!lh_store_step (store, stmt, out_found, error))
    return FALSE;
  if (!*out_found)
    return TRUE;
  *out_from = sqlite3_column_int64 (stmt, 0);
  *out_to = sqlite3_column_int64 (stmt, 1);
  if (out_name != NULL)
    *out_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  return TRUE;
}

gboolean
lh_bookings_check_free (LhStore *store, const LhCentre *centre, const LhResource *resource,
                        gint64 person_id, gint64 start, gint64 end, GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint64 clash_from = 0, clash_to = 0;
  gboolean found;

  /* The resource first: its clash is the one to explain. */
  if (!first_overlap (store, RESOURCE_CLASH, resource->id, start, end, &found, &clash_from, &clash_to, NULL,
                      error))
    return FALSE;
  if (found)
    {
      from = lh_time_format_hhmm (clash_from, centre->tz);
      to = lh_time_format_hhmm (clash_to, centre->tz);
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "%s is booked from %s to %s", resource->name, from, to);
      lh_error_set_reason (error, "resource-taken");
      return FALSE;
    }
  if (!first_overlap (store, PERSON_CLASH, person_id, start, end, &found, &clash_from, &clash_to, &name, error))
    return FALSE;
  if (!found)
    return TRUE;
  from = lh_time_format_hhmm (clash_from, centre->tz);
  to = lh_time_format_hhmm (clash_to, centre->tz);
  g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "You already have %s booked from %s to %s", name, from, to);
  lh_error_set_reason (error, "own-clash");
  return FALSE;
}

gboolean
lh_bookings_next_start (LhStore *store, gint64 resource_id, gint64 person_id, gint64 except_id,
                        gint64 from, gint64 until, gint64 *out_start, GError **error)
{
  /* Plan: two ranges, as in the clash check: bookings_by_resource_time
   * (resource_id=? AND start_at>? AND start_at<?) and bookings_by_person_start
   * (person_id=? AND start_at>? AND start_at<?). One OR over both would
   * walk bookings_by_start from the start of time. */
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT min (s) FROM ("
                                             "SELECT start_at AS s FROM bookings WHERE resource_id = ?1 "
                                             "AND status = 'booked' AND start_at > ?6 AND start_at < ?5 "
                                             "AND end_at > ?4 AND id <> ?3 "
                                             "UNION ALL "
                                             "SELECT start_at FROM bookings WHERE person_id = ?2 "
                                             "AND status = 'booked' AND start_at > ?6 AND start_at < ?5 "
                                             "AND end_at > ?4 AND id <> ?3)", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resource_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int64 (stmt, 3, except_id);
  sqlite3_bind_int64 (stmt, 4, from);
  sqlite3_bind_int64 (stmt, 5, until);
  sqlite3_bind_int64 (stmt, 6, from - LH_BOOKING_MAX_SECONDS);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_start = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? until
                                                           : MAX (from, sqlite3_column_int64 (stmt, 0));
  return TRUE;
}

gboolean
lh_bookings_count_booked (LhStore *store, gint64 person_id, gint64 from, gint64 to, int *minutes, int *count,
                          GError **error)
{
  /* Plan: SEARCH bookings USING COVERING INDEX bookings_by_person_start
   * (person_id=? AND start_at>? AND start_at<?): a day or a week of theirs. */
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT coalesce(sum(end_at - start_at), 0) / 60, count(*) "
                                             "FROM bookings WHERE person_id = ?1 AND status = 'booked' "
                                             "AND start_at >= ?2 AND start_at < ?3", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *minutes = sqlite3_column_int (stmt, 0);
  *count = sqlite3_column_int (stmt, 1);
  return TRUE;
}
