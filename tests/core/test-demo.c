/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-auth.h"
#include "lh-core-test.h"
#include "lh-demo.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-time-off.h"
#include "lh-time.h"

static int
count (LhStore *store, const char *sql)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
test_demo_centre (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(LhCentre) centre = lh_centre_new_default ();
  g_autoptr(GError) error = NULL;
  gint64 now = lh_time_now ();
  g_autoptr(LhDemoCentre) demo = NULL;
  g_autoptr(LhDemoCentre) again = NULL;
  const LhDemoAccount *learner;
  g_autofree char *token = NULL;
  gint64 device_id;
  guint ulrs = 0, committee = 0, admins = 0;

  centre->note_key = lh_note_key_new_random ();
  demo = lh_demo_create (ts->store, centre, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM resources WHERE kind = 'pc'"), ==, 8);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM resources WHERE kind = 'room'"), ==, 1);
  g_assert_cmpuint (demo->accounts->len, ==, 42);
  g_assert_true (((LhDemoAccount *) g_ptr_array_index (demo->accounts, 41))->guest);
  for (guint i = 0; i < demo->accounts->len; i++)
    {
      const LhDemoAccount *a = g_ptr_array_index (demo->accounts, i);
      ulrs += (a->roles & LH_ROLE_ULR) != 0;
      committee += (a->roles & LH_ROLE_COMMITTEE) != 0;
      admins += (a->roles & LH_ROLE_ADMIN) != 0;
    }
  g_assert_cmpuint (ulrs, ==, 2);
  g_assert_cmpuint (committee, ==, 1);
  g_assert_cmpuint (admins, ==, 1);

  /* Months of history and some of the week ahead. */
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM bookings WHERE start_at < strftime('%s','now','-60 days')"), >, 100);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM bookings WHERE start_at > strftime('%s','now')"), >, 10);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM bookings WHERE status = 'cancelled'"), >, 0);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM bookings a JOIN bookings b ON a.resource_id = b.resource_id "
                                     "AND a.id < b.id AND a.status = 'booked' AND b.status = 'booked' "
                                     "AND a.start_at < b.end_at AND b.start_at < a.end_at"), ==, 0);

  /* A kiosk on each PC, and the PCs at work: sittings to the minute,
   * checked-in bookings, walk-ups, no-shows released; none at two PCs at
   * once, nor two people at one. */
  g_assert_cmpuint (demo->pc_kiosks->len, ==, 8);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM devices WHERE resource_id IS NOT NULL"), ==, 8);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM usage_sessions WHERE ended_at IS NOT NULL"), >, 300);
  g_assert_cmpint (count (ts->store, "SELECT count(DISTINCT end_reason) FROM usage_sessions"), >=, 3);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM bookings WHERE walk_up = 1"), >, 20);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM bookings WHERE released_at IS NOT NULL"), >, 20);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM bookings WHERE checked_in_at IS NOT NULL AND walk_up = 0"), >, 300);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM usage_sessions a JOIN usage_sessions b ON a.id < b.id "
                                     "AND (a.resource_id = b.resource_id OR a.person_id = b.person_id) "
                                     "AND a.started_at < coalesce (b.ended_at, 1e12) "
                                     "AND b.started_at < coalesce (a.ended_at, 1e12)"), ==, 0);

  /* Skills assessments every week: most past ones taken, some ahead free. */
  g_assert_cmpint (count (ts->store, "SELECT count(DISTINCT subject) FROM assessment_slots"), ==, 3);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM assessment_slots WHERE learner_id IS NOT NULL "
                                     "AND start_at < strftime('%s','now')"), >, 15);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM assessment_slots WHERE learner_id IS NULL "
                                     "AND start_at > strftime('%s','now')"), >, 0);

  /* Advice: weekly drop-ins with both ULRs, served in ticket order, with
   * outcomes and no-shows; appointments; a drop-in open now with people
   * waiting and one being seen; the newcomer's own record; facility time
   * for both ULRs, logged and added. */
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM advice_dropins WHERE closed_at IS NOT NULL"), >, 20);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM advice_requests WHERE status = 'done' "
                                     "AND mode = 'queue'"), >, 40);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM advice_requests WHERE status = 'no-show'"), >, 0);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM advice_requests WHERE status = 'done' "
                                     "AND mode = 'appointment'"), >, 5);
  g_assert_cmpint (count (ts->store, "SELECT count(DISTINCT topic) FROM advice_requests"), >=, 8);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM advice_requests r JOIN advice_dropins d "
                                     "ON d.id = r.dropin_id WHERE r.called_at < r.created_at "
                                     "OR r.ended_at > d.end_at"), ==, 0);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM advice_requests WHERE status = 'waiting' "
                                     "AND mode = 'queue'"), >, 0);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM advice_requests WHERE status = 'started'"), ==, 1);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM learning_plan_items"), ==, 3);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM learning_mots"), ==, 1);
  g_assert_cmpint (count (ts->store, "SELECT count(DISTINCT ulr_id) FROM facility_time"), ==, 2);
  g_assert_cmpint (count (ts->store, "SELECT count(DISTINCT activity) FROM facility_time"), >=, 5);

  /* The printed sign-ins work. */
  g_assert_true (lh_devices_authenticate (ts->store, demo->device_token, now, &device_id, &error));
  learner = g_ptr_array_index (demo->accounts, 0);
  token = lh_auth_sign_in (ts->store, device_id, learner->staff_number, learner->pin, 30, now, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);

  /* Never over a centre that has data. */
  again = lh_demo_create (ts->store, centre, now, &error);
  g_assert_null (again);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
}

static int
count_for (LhStore *store, const char *sql, gint64 id)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, NULL);

  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static const LhTimeOffCategory *
category (const LhTimeOffBalance *balance, const char *name)
{
  for (guint i = 0; i < balance->n_categories; i++)
    if (g_str_equal (balance->categories[i].category, name))
      return &balance->categories[i];
  g_assert_not_reached ();
}

/* Paid time off: approved and rejected by the admin, taken from the
 * sittings, a few requests ahead waiting, adjustments for time used
 * elsewhere; and Amira Khan's balance adds up. */
static void
test_demo_time_off (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(LhCentre) centre = lh_centre_new_default ();
  g_autoptr(GError) error = NULL;
  gint64 now = lh_time_now ();
  g_autoptr(LhDemoCentre) demo = NULL;
  g_autoptr(LhPerson) amira = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  LhTimeOffBalance balance;
  const LhTimeOffCategory *learning, *assessment;
  gint64 last_year = 0;
  int taken = 0, booked = 0, waiting = 0, own = 0, assessment_taken = 0;

  centre->note_key = lh_note_key_new_random ();
  demo = lh_demo_create (ts->store, centre, now, &error);
  g_assert_no_error (error);

  /* Waiting for the admin: a few, all ahead; none left behind. */
  pending = lh_time_off_list_pending (ts->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, >=, 3);
  for (guint i = 0; i < pending->len; i++)
    g_assert_cmpint (((LhTimeOffRequest *) g_ptr_array_index (pending, i))->start_at, >, now);
  /* Decided by the admin, a couple rejected with a reason the learner
   * reads; settled from the sittings, a no-show's time given back. */
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM time_off_ledger WHERE kind = 'approved' "
                                     "AND actor_name = 'Priya Patel (100006)' AND actor_id IS NOT NULL"), >, 100);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM time_off_ledger WHERE kind = 'rejected' "
                                     "AND length(reason) > 10"), >=, 2);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM time_off_ledger WHERE kind = 'taken' "
                                     "AND taken_delta > 0"), >, 100);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM time_off_ledger WHERE kind = 'taken' "
                                     "AND taken_delta > 0 AND category = 'assessment'"), >, 0);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM time_off_ledger WHERE kind = 'cancelled' "
                                     "AND reason LIKE 'released%'"), >, 10);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM time_off_requests r JOIN group_places g "
                                     "ON g.id = r.group_place_id WHERE r.paid = 1 AND r.status = 'taken'"), >, 5);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM time_off_requests WHERE status IN "
                                     "('pending', 'approved', 'own', 'rejected') AND end_at < strftime('%s','now')"),
                   ==, 0);
  /* Each learner was told of them long ago. */
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM time_off_requests WHERE decided_at IS NOT NULL "
                                     "AND decision_seen_at IS NULL"), ==, 0);
  /* The admin's adjustments, each with its reason and who made it. */
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM time_off_ledger WHERE kind = 'adjusted' "
                                     "AND reason <> '' AND actor_name = 'Priya Patel (100006)'"), >=, 5);
  g_assert_cmpint (count (ts->store, "SELECT count(DISTINCT category) FROM time_off_ledger "
                                     "WHERE kind = 'adjusted'"), ==, 4);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM people WHERE apprentice = 1"), ==, 1);
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM people WHERE esol_learner = 1"), ==, 1);
  /* The other first accounts keep their clean slate. */
  g_assert_cmpint (count (ts->store, "SELECT count(*) FROM time_off_requests r JOIN people p ON p.id = r.person_id "
                                     "WHERE p.staff_number BETWEEN '100002' AND '100009'"), ==, 0);

  /* Amira: some taken, some booked, one waiting, some matched time, and
   * each balance is what her requests and the ledger say. Her history may
   * fall in two agreement years (early in April, or late in March for
   * what is ahead): every year from two months back to three weeks ahead
   * counts, each once. */
  amira = lh_people_find (ts->store, "100001", &error);
  g_assert_no_error (error);
  for (int i = 0; i < 3; i++)
    {
      static const int days[] = { -60, 0, 21 };
      gint64 at = now + (gint64) days[i] * 86400;

      g_assert_true (lh_time_off_balance (ts->store, centre, amira->id, at, &balance, &error));
      g_assert_no_error (error);
      if (balance.year_start == last_year)
        continue;
      last_year = balance.year_start;
      g_assert_cmpint (balance.minutes_per_day, ==, 450);
      learning = category (&balance, "learning");
      assessment = category (&balance, "assessment");
      g_assert_cmpint (learning->matched_cap_minutes, ==, 15 * 60);
      g_assert_cmpint (learning->matched_minutes, ==, MIN (learning->own_minutes, learning->matched_cap_minutes));
      g_assert_cmpint (learning->entitled_minutes, ==, learning->base_minutes + learning->matched_minutes);
      g_assert_cmpint (learning->remaining_minutes, ==, learning->entitled_minutes - learning->taken_minutes -
                                                         learning->booked_minutes - learning->pending_minutes);
      g_assert_cmpint (assessment->remaining_minutes, ==, assessment->entitled_minutes - assessment->taken_minutes -
                                                           assessment->booked_minutes - assessment->pending_minutes);
      taken += learning->taken_minutes;
      booked += learning->booked_minutes;
      waiting += learning->pending_minutes;
      own += learning->own_minutes;
      assessment_taken += assessment->taken_minutes;
    }
  g_assert_cmpint (taken, >, 6 * 60);
  g_assert_cmpint (own, >, 0);
  g_assert_cmpint (assessment_taken, >=, 3 * 60 + 45);
  g_assert_cmpint (booked, ==, count_for (ts->store, "SELECT sum(end_at - start_at) / 60 FROM time_off_requests "
                                                     "WHERE person_id = ?1 AND status = 'approved'", amira->id));
  g_assert_cmpint (waiting, ==, count_for (ts->store, "SELECT sum(end_at - start_at) / 60 FROM time_off_requests "
                                                      "WHERE person_id = ?1 AND status = 'pending'", amira->id));
  g_assert_cmpint (booked, >, 0);
  g_assert_cmpint (count_for (ts->store, "SELECT count(*) FROM time_off_requests WHERE person_id = ?1 "
                                         "AND status = 'pending'", amira->id), ==, 1);
  /* Nothing of it in the week a newcomer books in as her. */
  g_assert_cmpint (count_for (ts->store, "SELECT count(*) FROM bookings WHERE person_id = ?1 AND status = 'booked' "
                                         "AND abs(start_at - strftime('%s','now')) < 8 * 86400", amira->id), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lh/demo/centre", test_demo_centre);
  g_test_add_func ("/lh/demo/time-off", test_demo_time_off);
  return g_test_run ();
}
