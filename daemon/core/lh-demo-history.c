/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-demo"

#include "lh-demo-history-private.h"

#include "lh-advice-record.h"
#include "lh-demo-advice.h"
#include "lh-dropins.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-time-off-private.h"
#include "lh-time.h"

#define DAY  (24 * 3600)
#define HOUR 3600

/* Who worked here once and has left: in the history, never among the
 * demo's sign-ins (no PIN: they cannot sign in). */
static const char * const former_names[] = {
  "Peter Dawson", "Olena Shevchenko", "Marcus Reid", "Ewa Lewandowska", "Julie Barnes", "Segun Adeyemi",
  "Brian O'Neill", "Nadia Rahman", "Colin Fraser", "Ana Ferreira", "Wayne Hodgson", "Samira Haddad",
};

static const char * const rejections[] = {
  "Short-staffed on the line that day",
  "Stock-take week: no cover on the shift",
  "Peak season: no leave on that shift",
};

static void
person_free (LhHistoryPerson *person)
{
  g_free (person->actor_name);
  g_array_unref (person->busy);
  g_free (person);
}

static void
history_clear (LhHistory *history)
{
  g_clear_pointer (&history->rand, g_rand_free);
  g_clear_pointer (&history->pc_devices, g_array_unref);
  g_clear_pointer (&history->pc_busy, g_ptr_array_unref);
  g_clear_pointer (&history->pool, g_ptr_array_unref);
  g_clear_pointer (&history->people, g_ptr_array_unref);
  g_clear_pointer (&history->admin_name, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LhHistory, history_clear)

gboolean
lh_history_free (GArray *busy, gint64 start, gint64 end)
{
  for (guint i = 0; i < busy->len; i++)
    {
      const LhSpan *span = &g_array_index (busy, LhSpan, i);

      if (span->start < end && start < span->end)
        return FALSE;
    }
  return TRUE;
}

static gint64
random_day (LhHistory *history, gint64 from, gint64 to)
{
  int days = (int) ((to - from) / DAY);

  return lh_time_local_midnight (from + (gint64) g_rand_int_range (history->rand, 0, MAX (days, 1)) * DAY + 12 * HOUR,
                                 history->centre->tz);
}

static gboolean
add_person (LhHistory *history, gint64 id, gint64 joined, gint64 left, GError **error)
{
  g_autoptr(LhPerson) found = lh_people_get (history->store, id, error);
  LhHistoryPerson *person;

  if (found == NULL)
    return FALSE;
  person = g_new0 (LhHistoryPerson, 1);
  person->id = id;
  person->joined = joined;
  person->left = left;
  person->actor_name = g_strdup_printf ("%s (%s)", found->name, found->staff_number);
  person->busy = g_array_new (FALSE, FALSE, sizeof (LhSpan));
  g_ptr_array_add (history->people, person);
  return TRUE;
}

/* Staff come and go: some of today's learners joined over the years
 * (their record starts then), and a dozen have left, at least a month
 * before the demo's last months. Everyone else was here from the start. */
static gboolean
add_people (LhHistory *history, GError **error)
{
  g_autoptr(LhStmt) staff = lh_store_prepare (history->store,
                                              "UPDATE people SET created_at = ?1, updated_at = ?1 "
                                              "WHERE sponsor_id IS NULL", error);
  g_autoptr(LhStmt) joined = lh_store_prepare (history->store,
                                               "UPDATE people SET created_at = ?2, updated_at = ?2 WHERE id = ?1",
                                               error);
  gint64 before = lh_time_add_days (history->first_day, -30, history->centre->tz);
  gint64 last_join = lh_time_add_days (history->until, -90, history->centre->tz);

  if (staff == NULL || joined == NULL)
    return FALSE;
  /* The admin and the ULRs too: on the roster before the history. */
  sqlite3_bind_int64 (staff, 1, before);
  if (!lh_store_exec (history->store, staff, error))
    return FALSE;
  for (guint i = 0; i < history->learner_ids->len; i++)
    {
      gint64 id = g_array_index (history->learner_ids, gint64, i);
      /* The roster's own first rows (and the apprentice and ESOL learner,
       * the admin's adjustments) were there from the start. */
      gint64 from = i >= history->n_clean + 12 && g_rand_int_range (history->rand, 0, 10) < 4
                      ? random_day (history, history->first_day, last_join) : before;

      sqlite3_reset (joined);
      sqlite3_bind_int64 (joined, 1, id);
      sqlite3_bind_int64 (joined, 2, from);
      if (!lh_store_exec (history->store, joined, error) ||
          (i >= history->n_clean && !add_person (history, id, from, G_MAXINT64, error)))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (former_names); i++)
    {
      gint64 from = i % 3 == 0 ? random_day (history, history->first_day, last_join) : before;
      gint64 left_from = MAX (from, history->first_day) + 60 * DAY;
      gint64 left = random_day (history, left_from, MAX (left_from + DAY, history->until - 30 * DAY));
      g_autofree char *number = g_strdup_printf ("%u", 100041 + i);
      LhPerson person = {
        .staff_number = number, .name = (char *) former_names[i], .department = (char *) "Warehouse",
        .work_pattern = (char *) (i % 2 ? "shifts" : "full-time"), .hours_per_week = i % 2 ? 40.0 : 37.5,
        .roles = LH_ROLE_LEARNER,
      };
      gint64 id;

      if (!lh_people_save (history->store, &person, from, &id, NULL, error) ||
          !add_person (history, id, from, left, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
history_init (LhHistory *history, LhStore *store, const LhCentre *centre, GArray *learner_ids, guint n_clean,
              GArray *pc_ids, gint64 room_id, gint64 first_day, gint64 until, gint64 now, GError **error)
{
  g_autoptr(GPtrArray) admins = lh_people_list_with_role (store, LH_ROLE_ADMIN, error);
  g_autoptr(LhStmt) device = NULL;
  LhTimeOffBalance balance;

  if (admins == NULL)
    return FALSE;
  if (admins->len == 0 || learner_ids->len <= n_clean + 12 || n_clean < 4)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "The demo's history needs its admin, ULRs and learners");
      return FALSE;
    }
  history->store = store;
  history->centre = centre;
  history->rand = g_rand_new_with_seed (20270112);
  history->learner_ids = learner_ids;
  history->n_clean = n_clean;
  history->pc_ids = pc_ids;
  history->room_id = room_id;
  history->first_day = first_day;
  history->until = until;
  history->now = now;
  history->admin_id = ((LhPerson *) g_ptr_array_index (admins, 0))->id;
  history->admin_name = g_strdup_printf ("%s (%s)", ((LhPerson *) g_ptr_array_index (admins, 0))->name,
                                         ((LhPerson *) g_ptr_array_index (admins, 0))->staff_number);
  history->people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  history->pool = g_ptr_array_new ();
  history->pc_devices = g_array_new (FALSE, FALSE, sizeof (gint64));
  history->pc_busy = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  if (!lh_time_off_balance (store, centre, g_array_index (learner_ids, gint64, n_clean), until, &balance, error))
    return FALSE;
  history->current_year = balance.year_start;

  device = lh_store_prepare (store, "SELECT id FROM devices WHERE resource_id = ?1 AND revoked = 0", error);
  if (device == NULL)
    return FALSE;
  for (guint i = 0; i < pc_ids->len; i++)
    {
      gboolean has_row;
      gint64 id;

      sqlite3_bind_int64 (device, 1, g_array_index (pc_ids, gint64, i));
      if (!lh_store_step (store, device, &has_row, error))
        return FALSE;
      if (!has_row)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "The demo's history needs a kiosk on each PC");
          return FALSE;
        }
      id = sqlite3_column_int64 (device, 0);
      g_array_append_val (history->pc_devices, id);
      g_ptr_array_add (history->pc_busy, g_array_new (FALSE, FALSE, sizeof (LhSpan)));
      sqlite3_reset (device);
    }
  return add_people (history, error);
}

gboolean
lh_history_may_pay (LhHistory *history, LhHistoryPerson *person, const char *category, int minutes, gint64 at,
                    gboolean *out_may, GError **error)
{
  gboolean learning = g_str_equal (category, "learning");
  int *left = learning ? &person->learning_left : &person->assessment_left;

  if (at >= person->year_end)
    {
      LhTimeOffBalance balance;

      /* Days go by in order: the year is new, and nothing of it spent. */
      if (!lh_time_off_balance (history->store, history->centre, person->id, at, &balance, error))
        return FALSE;
      person->year_end = balance.year_end;
      person->learning_left = person->assessment_left = 0;
      for (guint i = 0; i < balance.n_categories; i++)
        if (g_str_equal (balance.categories[i].category, "learning"))
          person->learning_left = balance.categories[i].base_minutes / 2;
        else if (g_str_equal (balance.categories[i].category, "assessment") &&
                 balance.year_start < history->current_year)
          person->assessment_left = balance.categories[i].base_minutes / 2;
    }
  *out_may = *left >= minutes;
  if (*out_may)
    *left -= minutes;
  return TRUE;
}

static gboolean
ledger (LhHistory *history, LhLedgerWrite *entry, gint64 recorded, GError **error)
{
  return lh_time_off_ledger_add (history->store, entry, recorded, error);
}

gboolean
lh_history_time_off (LhHistory *history, const LhHistoryPerson *person, LhTimeOffSource source, gint64 source_id,
                     gint64 start, gint64 end, gboolean paid, gint64 made, LhHistoryEnd how, int used, gint64 ended,
                     GError **error)
{
  static const struct
  {
    const char *category;
    const char *activity;
    const char *sql;
  } sources[] = {
#define INSERT_REQUEST(column) \
  "INSERT INTO time_off_requests (person_id, category, activity, paid, " column ", start_at, end_at, status, " \
  "paid_before, decided_at, decision_seen_at, created_at) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, nullif(?10, 0), nullif(?11, 0), ?12)"
    [LH_TIME_OFF_FOR_BOOKING] = { "learning", "centre-learning", INSERT_REQUEST ("booking_id") },
    [LH_TIME_OFF_FOR_GROUP_PLACE] = { "learning", "group-study", INSERT_REQUEST ("group_place_id") },
    [LH_TIME_OFF_FOR_ASSESSMENT] = { "assessment", "skills-for-life", INSERT_REQUEST ("assessment_slot_id") },
#undef INSERT_REQUEST
  };
  int minutes = (int) ((end - start) / 60);
  gboolean rejected = paid && g_rand_int_range (history->rand, 0, 15) == 0;
  gboolean approved = paid && !rejected;
  gint64 decided = paid ? CLAMP (made + 3 * HOUR, made + 60, MAX (made + 60, start - 10 * 60)) : 0;
  g_autoptr(LhStmt) insert = lh_store_prepare (history->store, sources[source].sql, error);
  LhLedgerWrite entry = {
    .person_id = person->id, .category = sources[source].category, .at = start, .minutes = minutes,
  };

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, person->id);
  sqlite3_bind_text (insert, 2, sources[source].category, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, sources[source].activity, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 4, paid);
  sqlite3_bind_int64 (insert, 5, source_id);
  sqlite3_bind_int64 (insert, 6, start);
  sqlite3_bind_int64 (insert, 7, end);
  sqlite3_bind_text (insert, 8, how == LH_HISTORY_TAKEN ? "taken" : "cancelled", -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 9, approved);
  sqlite3_bind_int64 (insert, 10, decided);
  sqlite3_bind_int64 (insert, 11, paid ? decided + 5 * HOUR : 0);
  sqlite3_bind_int64 (insert, 12, made);
  if (!lh_store_exec (history->store, insert, error))
    return FALSE;
  entry.request_id = lh_store_last_insert_id (history->store);

  entry.kind = "requested";
  entry.pending_delta = paid ? minutes : 0;
  entry.reason = paid ? "work time" : "own time";
  entry.actor_id = person->id;
  entry.actor_name = person->actor_name;
  if (!ledger (history, &entry, made, error))
    return FALSE;
  if (paid)
    {
      entry.kind = approved ? "approved" : "rejected";
      entry.pending_delta = -minutes;
      entry.booked_delta = approved ? minutes : 0;
      entry.reason = rejected ? rejections[g_rand_int_range (history->rand, 0, G_N_ELEMENTS (rejections))] : "";
      entry.actor_id = history->admin_id;
      entry.actor_name = history->admin_name;
      if (!ledger (history, &entry, decided, error))
        return FALSE;
    }

  entry.pending_delta = 0;
  entry.booked_delta = approved ? -minutes : 0;
  entry.actor_id = 0;
  entry.actor_name = NULL;
  if (how == LH_HISTORY_TAKEN)
    {
      /* As settling from actual use writes it (lh-time-off.c). */
      entry.kind = "taken";
      entry.reason = used == 0 ? "not used" : "from actual use";
      entry.taken_delta = approved ? MIN (used, minutes) : 0;
      entry.own_delta = g_str_equal (entry.category, "learning") ? used - entry.taken_delta : 0;
      entry.minutes = approved ? entry.taken_delta : used;
    }
  else
    {
      entry.kind = "cancelled";
      entry.reason = how == LH_HISTORY_RELEASED ? "released: nobody came for it" : "cancelled by the learner";
      if (how == LH_HISTORY_CANCELLED)
        {
          entry.actor_id = person->id;
          entry.actor_name = person->actor_name;
        }
    }
  return ledger (history, &entry, ended, error);
}

/* Time used away from the centre, as the admin records it, in the
 * agreement years before the demo's own: ESOL classes and apprentice
 * study days. */
static gboolean
add_adjustments (LhHistory *history, GError **error)
{
  static const struct
  {
    const char *staff_number;
    const char *category;
    int         minutes;
    int         per_year;
    const char *reason;
  } adjustments[] = {
    { "100014", "esol", 120, 6, "ESOL class at Riverside College" },
    { "100011", "apprentice", 450, 2, "Apprenticeship study day at the college" },
  };
  LhActor admin = { history->admin_id, history->admin_name };

  for (guint a = 0; a < G_N_ELEMENTS (adjustments); a++)
    {
      g_autoptr(LhPerson) person = lh_people_find (history->store, adjustments[a].staff_number, error);
      gint64 year = history->current_year;

      if (person == NULL)
        return FALSE;
      /* They were the ESOL learner or the apprentice all along: time is
       * only recorded for those it is for. */
      person->esol_learner |= g_str_equal (adjustments[a].category, "esol");
      person->apprentice |= g_str_equal (adjustments[a].category, "apprentice");
      if (!lh_people_save (history->store, person, history->first_day, NULL, NULL, error))
        return FALSE;
      /* Each whole agreement year of the history, going back. */
      for (gint64 start = lh_time_add_days (year, -365, history->centre->tz); start >= history->first_day;
           year = start, start = lh_time_add_days (start, -365, history->centre->tz))
        for (int n = 0; n < adjustments[a].per_year; n++)
          {
            gint64 at = lh_time_at_local_minute (random_day (history, start + 7 * DAY, year - 7 * DAY), 9 * 60,
                                                 history->centre->tz);

            if (!lh_time_off_adjust (history->store, history->centre, person->id, adjustments[a].category, adjustments[a].minutes, at,
                                     adjustments[a].reason, &admin, at + DAY, error))
              return FALSE;
          }
    }
  return TRUE;
}

/* Advice through the same code as the demo's last months, a quarter at a
 * time with the learners on the staff then; drop-ins closed at their end
 * and records past retention deleted, as learnhubd's housekeeping does. */
static gboolean
add_advice (LhHistory *history, GError **error)
{
  for (gint64 from = history->first_day, to; from < history->until; from = to)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 middle;

      to = MIN (lh_time_add_days (from, 91, history->centre->tz), history->until);
      middle = from + (to - from) / 2;
      g_array_append_vals (ids, history->learner_ids->data, history->n_clean);
      for (guint i = 0; i < history->people->len; i++)
        {
          const LhHistoryPerson *person = g_ptr_array_index (history->people, i);

          if (person->joined <= middle && middle < person->left)
            g_array_append_val (ids, person->id);
        }
      if (!lh_demo_add_advice_days (history->store, history->centre, history->rand, ids, history->n_clean, from, to,
                                    to, error) ||
          !lh_dropins_close_ended (history->store, to, NULL, error) ||
          !lh_advice_expire (history->store, history->centre, to, NULL, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
lh_demo_add_history (LhStore *store, const LhCentre *centre, GArray *learner_ids, guint n_clean, GArray *pc_ids,
                     gint64 room_id, gint64 first_day, gint64 until, gint64 now, guint *out_n_bookings,
                     GError **error)
{
  g_auto(LhHistory) history = { 0 };
  g_autoptr(LhTransaction) tx = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (first_day < until && until <= now, FALSE);

  tx = lh_store_begin (store, error);
  if (tx == NULL ||
      !history_init (&history, store, centre, learner_ids, n_clean, pc_ids, room_id, first_day, until, now, error) ||
      !lh_history_add_days (&history, error) ||
      !add_adjustments (&history, error) ||
      !add_advice (&history, error) ||
      !lh_transaction_commit (tx, error))
    return FALSE;
  *out_n_bookings = history.n_bookings;
  return TRUE;
}
