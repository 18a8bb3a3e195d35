/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading time off: balances by category, each agreement year judged by
 * the terms in force over it, and the requests and ledger as they stand. */
#define G_LOG_DOMAIN "lh-time-off"

#include "lh-time-off-private.h"

#include "lh-error.h"
#include "lh-people.h"

/* Entitlements are never negative: round half up. */
static int
round_minutes (double minutes)
{
  return (int) (minutes + 0.5);
}

const char * const lh_time_off_categories[] = {
  "learning", "assessment", "esol", "apprentice", NULL
};

const char *
lh_time_off_category_words (const char *category)
{
  if (g_strcmp0 (category, "learning") == 0)
    return "paid learning time";
  if (g_strcmp0 (category, "assessment") == 0)
    return "assessment and exam time";
  if (g_strcmp0 (category, "esol") == 0)
    return "ESOL class time";
  if (g_strcmp0 (category, "apprentice") == 0)
    return "apprentice study time";
  return "facility time";
}

void
lh_time_off_request_free (LhTimeOffRequest *request)
{
  g_free (request->person_name);
  g_free (request->staff_number);
  g_free (request->category);
  g_free (request->activity);
  g_free (request->status);
  g_free (request->what);
  g_free (request->decision);
  g_free (request->decision_reason);
  g_free (request);
}

void
lh_ledger_entry_free (LhLedgerEntry *entry)
{
  g_free (entry->category);
  g_free (entry->kind);
  g_free (entry->reason);
  g_free (entry->actor_name);
  g_free (entry);
}

static char *
column_dup (LhStmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

LhTimeOffRequest *
lh_time_off_request_from_row (LhStmt *stmt)
{
  LhTimeOffRequest *request = g_new0 (LhTimeOffRequest, 1);

  request->id = sqlite3_column_int64 (stmt, 0);
  request->person_id = sqlite3_column_int64 (stmt, 1);
  request->person_name = column_dup (stmt, 2);
  request->staff_number = column_dup (stmt, 3);
  request->category = column_dup (stmt, 4);
  request->activity = column_dup (stmt, 5);
  request->paid = sqlite3_column_int (stmt, 6) != 0;
  request->status = column_dup (stmt, 7);
  request->booking_id = sqlite3_column_int64 (stmt, 8);
  request->group_place_id = sqlite3_column_int64 (stmt, 9);
  request->assessment_slot_id = sqlite3_column_int64 (stmt, 10);
  request->start_at = sqlite3_column_int64 (stmt, 11);
  request->end_at = sqlite3_column_int64 (stmt, 12);
  request->minutes = (int) ((request->end_at - request->start_at + 30) / 60);
  request->taken_minutes = sqlite3_column_int (stmt, 13);
  request->what = column_dup (stmt, 14);
  if (request->what == NULL)
    request->what = g_strdup ("");
  request->decided_at = sqlite3_column_int64 (stmt, 15);
  request->decision_reason = column_dup (stmt, 16);
  request->created_at = sqlite3_column_int64 (stmt, 17);
  request->decision = column_dup (stmt, 18);
  return request;
}

gboolean
lh_time_off_ledger_add (LhStore *store, const LhLedgerWrite *entry, gint64 now, GError **error)
{
  g_autoptr(LhStmt) insert = lh_store_prepare (store,
                                               "INSERT INTO time_off_ledger (person_id, category, kind, at, minutes, "
                                               "pending_delta, booked_delta, taken_delta, own_delta, request_id, "
                                               "facility_id, reason, actor_id, actor_name, recorded_at) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, nullif(?10, 0), "
                                               "nullif(?11, 0), ?12, nullif(?13, 0), ?14, ?15)", error);

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, entry->person_id);
  sqlite3_bind_text (insert, 2, entry->category, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, entry->kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 4, entry->at);
  sqlite3_bind_int (insert, 5, entry->minutes);
  sqlite3_bind_int (insert, 6, entry->pending_delta);
  sqlite3_bind_int (insert, 7, entry->booked_delta);
  sqlite3_bind_int (insert, 8, entry->taken_delta);
  sqlite3_bind_int (insert, 9, entry->own_delta);
  sqlite3_bind_int64 (insert, 10, entry->request_id);
  sqlite3_bind_int64 (insert, 11, entry->facility_id);
  sqlite3_bind_text (insert, 12, entry->reason != NULL ? entry->reason : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 13, entry->actor_id);
  sqlite3_bind_text (insert, 14, entry->actor_name != NULL ? entry->actor_name : LH_TIME_OFF_DAEMON_ACTOR, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 15, now);
  return lh_store_exec (store, insert, error);
}

/* The version in force at t in versions (oldest first), or defaults. */
static const LhTerms *
terms_in_force (GArray *versions, gint64 t, const LhTerms *defaults)
{
  const LhTerms *found = defaults;

  for (guint i = 0; i < versions->len; i++)
    {
      const LhTerms *terms = &g_array_index (versions, LhTerms, i);

      if (terms->valid_from > t)
        break;
      found = terms;
    }
  return found;
}

/* What the terms give one person over a year, summed over the parts of
 * the year each version was in force, to the day. */
typedef struct
{
  double learning;
  double matched_cap;
  double assessment;
  double esol;
  double apprentice_days;
} Entitled;

static void
add_entitled (Entitled *sum, const LhTerms *terms, const LhPerson *person, double share)
{
  double full_time = terms->full_time_minutes_per_week;
  double fraction = 1.0;

  if (terms->pro_rata)
    fraction = MIN (1.0, person->hours_per_week * 60.0 / full_time);
  sum->learning += terms->paid_learning_minutes * fraction * share;
  if (terms->matched_time)
    sum->matched_cap += terms->matched_cap_minutes * share;
  sum->assessment += terms->assessment_minutes * share;
  sum->esol += terms->esol_taught_minutes * share;
  sum->apprentice_days += terms->apprentice_study_days * share;
}

typedef struct
{
  int pending;
  int booked;
  int taken;
  int own;
} Sums;

static gboolean
sum_ledger (LhStore *store, gint64 person_id, gint64 from, gint64 to, Sums sums[4], GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT category, sum(pending_delta), sum(booked_delta), "
                                             "sum(taken_delta), sum(own_delta) FROM time_off_ledger "
                                             "WHERE person_id = ?1 AND at >= ?2 AND at < ?3 GROUP BY category",
                                             error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      const char *category = (const char *) sqlite3_column_text (stmt, 0);

      for (guint i = 0; i < 4; i++)
        if (g_strcmp0 (category, lh_time_off_categories[i]) == 0)
          {
            sums[i].pending = sqlite3_column_int (stmt, 1);
            sums[i].booked = sqlite3_column_int (stmt, 2);
            sums[i].taken = sqlite3_column_int (stmt, 3);
            sums[i].own = sqlite3_column_int (stmt, 4);
          }
    }
  return ok;
}

/* One person's sum of own time (own TRUE) or of taken time in a
 * category over [from, to). */
static gboolean
sum_of (LhStore *store, gint64 person_id, const char *category, gboolean own, gint64 from, gint64 to,
        int *out_minutes, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT coalesce(sum(CASE WHEN ?5 THEN own_delta ELSE taken_delta END), "
                                             "0) FROM time_off_ledger "
                                             "WHERE person_id = ?1 AND at >= ?2 AND at < ?3 AND category = ?4",
                                             error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  sqlite3_bind_text (stmt, 4, category, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, own);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_minutes = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gint64
next_year_start (gint64 year_start, GTimeZone *tz)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (year_start);
  g_autoptr(GDateTime) here = g_date_time_to_timezone (start, tz);
  g_autoptr(GDateTime) next = g_date_time_add_years (here, 1);

  return g_date_time_to_unix (next);
}

static void
fill_category (LhTimeOffCategory *category, const char *name, int entitled, const Sums *sums)
{
  category->category = name;
  category->entitled_minutes = entitled;
  category->taken_minutes = sums->taken;
  category->booked_minutes = sums->booked;
  category->pending_minutes = sums->pending;
  category->remaining_minutes = entitled - sums->taken - sums->booked - sums->pending;
}

gboolean
lh_time_off_balance_with_terms (LhStore *store, const LhCentre *centre, GArray *versions, gint64 person_id,
                                gint64 at, LhTimeOffBalance *out_balance, GError **error)
{
  g_auto(LhTerms) defaults = { 0 };
  g_autoptr(LhPerson) person = NULL;
  LhTimeOffBalance balance = { 0 };
  Entitled entitled = { 0 };
  Sums sums[4] = { { 0 } };
  const LhTerms *now_terms;
  gint64 segment_start;
  int own_matchable = 0;
  gboolean single_segment = TRUE;
  int matched;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (centre != NULL && versions != NULL && out_balance != NULL, FALSE);

  person = lh_people_get (store, person_id, error);
  if (person == NULL)
    return FALSE;
  /* The built-in defaults stand before the first version. */
  lh_terms_init_defaults (&defaults);
  now_terms = terms_in_force (versions, at, &defaults);
  balance.year_start = lh_terms_year_start (now_terms, at, centre->tz);
  balance.year_end = next_year_start (balance.year_start, centre->tz);
  balance.hours_per_week = person->hours_per_week;
  balance.minutes_per_day = round_minutes (person->hours_per_week * 60.0 / person->days_per_week);

  if (!sum_ledger (store, person_id, balance.year_start, balance.year_end, sums, error))
    return FALSE;

  /* Each version counts for the part of the year it was in force; own
   * time is matched only in the parts whose terms have matched time. */
  segment_start = balance.year_start;
  while (segment_start < balance.year_end)
    {
      const LhTerms *terms = terms_in_force (versions, segment_start, &defaults);
      gint64 segment_end = balance.year_end;
      double share;

      for (guint i = 0; i < versions->len; i++)
        {
          gint64 from = g_array_index (versions, LhTerms, i).valid_from;

          if (from > segment_start && from < segment_end)
            segment_end = from;
        }
      share = (double) (segment_end - segment_start) / (double) (balance.year_end - balance.year_start);
      add_entitled (&entitled, terms, person, share);
      if (segment_start != balance.year_start || segment_end != balance.year_end)
        single_segment = FALSE;
      if (terms->matched_time)
        {
          int own = 0;

          if (single_segment)
            own = sums[0].own;
          else if (!sum_of (store, person_id, "learning", TRUE, segment_start, segment_end, &own, error))
            return FALSE;
          own_matchable += own;
        }
      segment_start = segment_end;
    }

  matched = MIN (MAX (own_matchable, 0), round_minutes (entitled.matched_cap));
  fill_category (&balance.categories[0], "learning", round_minutes (entitled.learning) + matched, &sums[0]);
  balance.categories[0].base_minutes = round_minutes (entitled.learning);
  balance.categories[0].own_minutes = sums[0].own;
  balance.categories[0].matched_minutes = matched;
  balance.categories[0].matched_cap_minutes = round_minutes (entitled.matched_cap);
  fill_category (&balance.categories[1], "assessment", round_minutes (entitled.assessment), &sums[1]);
  balance.n_categories = 2;
  /* ESOL and apprentice time only for those they are for, or anyone an
   * admin recorded some for. */
  if (person->esol_learner || sums[2].taken != 0 || sums[2].booked != 0 || sums[2].pending != 0)
    fill_category (&balance.categories[balance.n_categories++], "esol",
                   person->esol_learner ? round_minutes (entitled.esol) : 0, &sums[2]);
  if (person->apprentice || sums[3].taken != 0 || sums[3].booked != 0 || sums[3].pending != 0)
    fill_category (&balance.categories[balance.n_categories++], "apprentice",
                   person->apprentice ? round_minutes (entitled.apprentice_days * balance.minutes_per_day) : 0,
                   &sums[3]);
  *out_balance = balance;
  return TRUE;
}

gboolean
lh_time_off_balance (LhStore *store, const LhCentre *centre, gint64 person_id, gint64 at,
                     LhTimeOffBalance *out_balance, GError **error)
{
  g_autoptr(GArray) versions = lh_terms_list (store, error);

  if (versions == NULL)
    return FALSE;
  return lh_time_off_balance_with_terms (store, centre, versions, person_id, at, out_balance, error);
}

gboolean
lh_time_off_facility_minutes (LhStore *store, gint64 ulr_id, gint64 from, gint64 to, int *out_minutes,
                              GError **error)
{
  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  return sum_of (store, ulr_id, "facility", FALSE, from, to, out_minutes, error);
}

static GPtrArray *
collect_requests (LhStore *store, const char *where, gint64 person_id, gint64 now, GError **error)
{
  g_autofree char *sql = g_strconcat (LH_TIME_OFF_REQUEST_SELECT, where, NULL);
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, now);
  return lh_store_collect (store, stmt, (LhRowFunc) lh_time_off_request_from_row,
                           (GDestroyNotify) lh_time_off_request_free, error);
}

GPtrArray *
lh_time_off_list_mine (LhStore *store, gint64 person_id, gint64 now, GError **error)
{
  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  /* A pending request stays listed until it is decided, even once over.
   * The OR term, time_off_requests_live_by_person's own WHERE word for
   * word, reads the person's requests not yet settled, not all of theirs. */
  return collect_requests (store,
                           "WHERE (r.status = 'pending' OR r.status = 'approved' OR r.status = 'rejected' OR r.status = 'own') AND r.person_id = ?1 "
                           "AND (r.status = 'pending' OR r.end_at > ?2) "
                           "ORDER BY r.start_at, r.id", person_id, now, error);
}

GPtrArray *
lh_time_off_take_decisions (LhStore *store, gint64 person_id, gint64 now, GError **error)
{
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(LhStmt) seen = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  decisions = collect_requests (store,
                                "WHERE r.person_id = ?1 AND r.decided_at IS NOT NULL AND r.decision_seen_at IS NULL "
                                "ORDER BY r.decided_at, r.id", person_id, now, error);
  if (decisions == NULL)
    return NULL;
  /* Exactly those told now: one decided meanwhile waits for next time. */
  for (guint i = 0; i < decisions->len; i++)
    {
      LhTimeOffRequest *decided = g_ptr_array_index (decisions, i);

      seen = lh_store_prepare (store, "UPDATE time_off_requests SET decision_seen_at = ?2 WHERE id = ?1", error);
      if (seen == NULL)
        return NULL;
      sqlite3_bind_int64 (seen, 1, decided->id);
      sqlite3_bind_int64 (seen, 2, now);
      if (!lh_store_exec (store, seen, error))
        return NULL;
      g_clear_pointer (&seen, lh_stmt_release);
      /* What they are told is the decision, whatever became of the
       * request since (taken, or cancelled). */
      if (decided->decision != NULL)
        {
          g_free (decided->status);
          decided->status = g_strdup (decided->decision);
        }
    }
  return g_steal_pointer (&decisions);
}

void
lh_time_off_request_hide_need (LhTimeOffRequest *request)
{
  /* Which PC, group or skill, joined with what the public lists say was
   * taken, would tell the employer what the worker needs to learn. */
  g_free (request->what);
  request->what = g_strdup ("");
}

typedef struct
{
  char                   *day;      /* (owned) */
  const LhTimeOffRequest *request;  /* (unowned) */
} DayKey;

static int
compare_day_keys (gconstpointer a, gconstpointer b)
{
  const DayKey *x = a, *y = b;
  int by_day = g_strcmp0 (x->day, y->day);

  if (by_day != 0)
    return by_day;
  return x->request->id < y->request->id ? -1 : x->request->id > y->request->id;
}

void
lh_time_off_sort_for_approver (GPtrArray *requests, GTimeZone *tz)
{
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (DayKey), requests->len);
  GDestroyNotify free_func = (GDestroyNotify) lh_time_off_request_free;

  g_return_if_fail (requests != NULL && tz != NULL);

  for (guint i = 0; i < requests->len; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (
        ((LhTimeOffRequest *) g_ptr_array_index (requests, i))->start_at);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (start, tz);
      DayKey key = { g_date_time_format (local, "%Y-%m-%d"), g_ptr_array_index (requests, i) };

      g_array_append_val (keys, key);
    }
  g_array_sort (keys, compare_day_keys);
  /* Steal the elements, put them back in the new order. */
  g_ptr_array_set_free_func (requests, NULL);
  for (guint i = 0; i < keys->len; i++)
    {
      DayKey *key = &g_array_index (keys, DayKey, i);

      g_ptr_array_index (requests, i) = (gpointer) key->request;
      g_free (key->day);
    }
  g_ptr_array_set_free_func (requests, free_func);
}

GPtrArray *
lh_time_off_list_pending (LhStore *store, GError **error)
{
  g_autoptr(GPtrArray) pending = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  /* The OR term is time_off_requests_by_status's own WHERE, word for word,
   * which SQLite needs to read that partial index (status=?) rather than
   * every request ever made. */
  pending = collect_requests (store,
                              "WHERE (r.status = 'pending' OR r.status = 'approved' OR r.status = 'rejected' OR r.status = 'own') "
                              "AND r.status = 'pending' ORDER BY r.start_at, r.id", 0, 0, error);
  if (pending == NULL)
    return NULL;
  for (guint i = 0; i < pending->len; i++)
    lh_time_off_request_hide_need (g_ptr_array_index (pending, i));
  return g_steal_pointer (&pending);
}

static LhLedgerEntry *
ledger_entry_from_row (LhStmt *stmt)
{
  LhLedgerEntry *entry = g_new0 (LhLedgerEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->category = column_dup (stmt, 1);
  entry->kind = column_dup (stmt, 2);
  entry->at = sqlite3_column_int64 (stmt, 3);
  entry->minutes = sqlite3_column_int (stmt, 4);
  entry->request_id = sqlite3_column_int64 (stmt, 5);
  entry->reason = column_dup (stmt, 6);
  entry->actor_name = column_dup (stmt, 7);
  entry->recorded_at = sqlite3_column_int64 (stmt, 8);
  return entry;
}

GPtrArray *
lh_time_off_history (LhStore *store, gint64 person_id, gint64 from, gint64 to, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  /* By when the time fell; one request's entries in the order done. */
  stmt = lh_store_prepare (store,
                           "SELECT id, category, kind, at, minutes, coalesce(request_id, 0), reason, actor_name, "
                           "recorded_at FROM time_off_ledger WHERE person_id = ?1 AND at >= ?2 AND at < ?3 "
                           "ORDER BY at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  return lh_store_collect (store, stmt, (LhRowFunc) ledger_entry_from_row, (GDestroyNotify) lh_ledger_entry_free,
                           error);
}
