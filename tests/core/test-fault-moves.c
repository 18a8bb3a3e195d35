/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What moves off a PC out of order, and when: the notice each learner
 * gets, and the bookings beyond tomorrow left to the housekeeper. */
#include "lh-bookings.h"
#include "lh-core-test.h"
#include "lh-equipment.h"
#include "lh-faults.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW      1795435200
#define HOUR     3600
#define DAY      (24 * (gint64) HOUR)
#define TOMORROW (NOW - 12 * HOUR + DAY)   /* Tuesday 00:00 */

static const LhEquipmentActor admin = { 0, "learnhubctl" };

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       amira, ben, carol, dan;
  gint64       pc1, pc2;
} Fixture;

static gint64
add_pc (Fixture *f, const char *name, const char *asset_tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Fri 08:00-20:00", &error);
  gint64 id;

  g_assert_true (lh_resources_add (f->ts->store, name, "pc", 1, &id, &error));
  g_assert_true (lh_resources_set_hours (f->ts->store, id, (LhOpeningPeriod *) hours->data, hours->len, &error));
  g_assert_true (lh_equipment_save (f->ts->store, f->centre, &(LhEquipmentFields) { asset_tag, "computer", NULL, NULL, NULL, id },
                                    &admin, NULL, NOW - DAY, NULL, &error));
  g_assert_no_error (error);
  return id;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->amira = lh_test_add_person (f->ts->store, "1", "Amira", LH_ROLE_LEARNER, NOW - DAY);
  f->ben = lh_test_add_person (f->ts->store, "2", "Ben", LH_ROLE_LEARNER, NOW - DAY);
  f->carol = lh_test_add_person (f->ts->store, "3", "Carol", LH_ROLE_LEARNER, NOW - DAY);
  f->dan = lh_test_add_person (f->ts->store, "4", "Dan", LH_ROLE_LEARNER, NOW - DAY);
  f->pc1 = add_pc (f, "PC 1", "LC-0001");
  f->pc2 = add_pc (f, "PC 2", "LC-0002");
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

static gint64
book (Fixture *f, gint64 person, gint64 pc, gint64 start, gint64 end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = lh_bookings_create (f->ts->store, f->centre, person, pc, start, end, NOW, &error);

  g_assert_no_error (error);
  return booking->id;
}

static LhFault *
report (Fixture *f, gint64 pc, gint64 now, GPtrArray **moves)
{
  g_autoptr(GError) error = NULL;
  /* No kiosk: the admin's tools. */
  LhFaultReporter reporter = { 0, TRUE };
  LhFault *fault = lh_faults_report (f->ts->store, f->centre, NULL, pc, &reporter, "screen", NULL, now, NULL, moves,
                                     &error);

  g_assert_no_error (error);
  return fault;
}

static gint64
query_int (LhStore *store, const char *sql, gint64 id)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, NULL);

  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
pc_of (Fixture *f, gint64 booking)
{
  return query_int (f->ts->store, "SELECT resource_id FROM bookings WHERE id = ?1", booking);
}

static GPtrArray *
housekeeper_step (Fixture *f, gint64 now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_fault_move_free);

  g_assert_true (lh_faults_move_coming_bookings (f->ts->store, f->centre, now, moves, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&moves);
}

/* One story per booking: moved twice is one move from the first PC;
 * moved then cancelled is one cancellation; cancelled by its learner
 * since, nothing. */
static void
test_one_notice_per_booking (Fixture *f, gconstpointer data)
{
  g_autoptr(LhFault) pc1_fault = NULL;
  g_autoptr(LhFault) pc2_fault = NULL;
  g_autoptr(GPtrArray) amira_notices = NULL;
  g_autoptr(GPtrArray) ben_notices = NULL;
  g_autoptr(GPtrArray) carol_notices = NULL;
  g_autoptr(GError) error = NULL;
  gint64 amira = book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR);
  gint64 carol = book (f, f->carol, f->pc1, TOMORROW + 12 * HOUR, TOMORROW + 13 * HOUR);
  gint64 pc3;
  const LhFaultMove *move;

  /* PC 3 is taken when PC 2 breaks, except at Amira's hour. */
  book (f, f->ben, f->pc1, TOMORROW + 14 * HOUR, TOMORROW + 15 * HOUR);
  pc3 = add_pc (f, "PC 3", "LC-0003");
  book (f, f->dan, pc3, TOMORROW + 14 * HOUR, TOMORROW + 15 * HOUR);
  pc1_fault = report (f, f->pc1, NOW, NULL);
  g_assert_cmpint (pc_of (f, amira), ==, f->pc2);
  g_assert_true (lh_bookings_cancel (f->ts->store, f->carol, carol, NOW, NULL, NULL, &error));
  g_assert_no_error (error);
  pc2_fault = report (f, f->pc2, NOW, NULL);

  amira_notices = lh_faults_list_notices (f->ts->store, f->amira, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amira_notices->len, ==, 1);
  move = g_ptr_array_index (amira_notices, 0);
  g_assert_cmpstr (move->from_pc_name, ==, "PC 1");
  g_assert_cmpint (move->to_pc_id, ==, pc3);
  g_assert_cmpstr (move->to_pc_name, ==, "PC 3");
  ben_notices = lh_faults_list_notices (f->ts->store, f->ben, NOW, &error);
  g_assert_cmpuint (ben_notices->len, ==, 1);
  move = g_ptr_array_index (ben_notices, 0);
  g_assert_cmpstr (move->from_pc_name, ==, "PC 1");
  g_assert_cmpint (move->to_pc_id, ==, 0);
  carol_notices = lh_faults_list_notices (f->ts->store, f->carol, NOW, &error);
  g_assert_cmpuint (carol_notices->len, ==, 0);
}

/* A notice listed, then rewritten before the kiosk says it showed it:
 * the ack is of the outcome shown, so the newer one is still told. */
static void
test_rewritten_notice_stays_unseen (Fixture *f, gconstpointer data)
{
  g_autoptr(LhFault) pc1_fault = NULL;
  g_autoptr(LhFault) pc2_fault = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) after_ack = NULL;
  g_autoptr(GPtrArray) last = NULL;
  g_autoptr(GError) error = NULL;
  const LhFaultMove *shown, *rewritten;

  book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR);
  pc1_fault = report (f, f->pc1, NOW, NULL);
  listed = lh_faults_list_notices (f->ts->store, f->amira, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  shown = g_ptr_array_index (listed, 0);
  g_assert_cmpint (shown->to_pc_id, ==, f->pc2);
  /* PC 2 breaks too, the same second: no PC is free, so it is cancelled. */
  pc2_fault = report (f, f->pc2, NOW, NULL);

  g_assert_true (lh_faults_notices_seen (f->ts->store, f->amira, &shown->notice_id, 1, NOW, &error));
  g_assert_no_error (error);
  after_ack = lh_faults_list_notices (f->ts->store, f->amira, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_ack->len, ==, 1);
  rewritten = g_ptr_array_index (after_ack, 0);
  g_assert_cmpint (rewritten->notice_id, !=, shown->notice_id);
  g_assert_cmpint (rewritten->to_pc_id, ==, 0);
  g_assert_cmpstr (rewritten->from_pc_name, ==, "PC 1");
  g_assert_true (lh_faults_notices_seen (f->ts->store, f->amira, &rewritten->notice_id, 1, NOW, &error));
  g_assert_no_error (error);
  last = lh_faults_list_notices (f->ts->store, f->amira, NOW, &error);
  g_assert_cmpuint (last->len, ==, 0);
}

/* A tap moves only what starts by the end of tomorrow: next week's
 * booking stays until its day comes near, and then moves only if the PC
 * is still out of order. */
static void
test_later_bookings_move_a_day_ahead (Fixture *f, gconstpointer data)
{
  g_autoptr(LhFault) fault = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  g_autoptr(GPtrArray) too_soon = NULL;
  g_autoptr(GPtrArray) day_ahead = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;
  gint64 tomorrow = book (f, f->amira, f->pc1, TOMORROW + 19 * HOUR, TOMORROW + 20 * HOUR);
  gint64 wednesday = book (f, f->ben, f->pc1, TOMORROW + DAY + 9 * HOUR, TOMORROW + DAY + 10 * HOUR);
  gint64 next_monday = book (f, f->carol, f->pc1, NOW + 7 * DAY - HOUR, NOW + 7 * DAY);

  fault = report (f, f->pc1, NOW, &moves);
  g_assert_cmpuint (moves->len, ==, 1);
  g_assert_cmpint (((LhFaultMove *) moves->pdata[0])->booking_id, ==, tomorrow);
  g_assert_cmpint (pc_of (f, tomorrow), ==, f->pc2);
  g_assert_cmpint (pc_of (f, wednesday), ==, f->pc1);
  g_assert_cmpint (pc_of (f, next_monday), ==, f->pc1);

  /* Later the same day: nothing new has come near. */
  too_soon = housekeeper_step (f, NOW + 11 * HOUR);
  g_assert_cmpuint (too_soon->len, ==, 0);
  g_assert_cmpint (pc_of (f, wednesday), ==, f->pc1);
  /* Just after midnight Wednesday is tomorrow: it moves, its learner told. */
  day_ahead = housekeeper_step (f, TOMORROW + 60);
  g_assert_cmpuint (day_ahead->len, ==, 1);
  g_assert_cmpint (((LhFaultMove *) day_ahead->pdata[0])->booking_id, ==, wednesday);
  g_assert_cmpint (pc_of (f, wednesday), ==, f->pc2);
  g_assert_cmpint (pc_of (f, next_monday), ==, f->pc1);
  notices = lh_faults_list_notices (f->ts->store, f->ben, TOMORROW + 60, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpint (((LhFaultMove *) notices->pdata[0])->to_pc_id, ==, f->pc2);
}

/* A false report repaired the same day costs next week's learner nothing. */
static void
test_repaired_same_day_keeps_later_bookings (Fixture *f, gconstpointer data)
{
  g_autoptr(LhFault) fault = NULL;
  g_autoptr(GPtrArray) after_repair = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;
  gint64 wednesday = book (f, f->ben, f->pc1, TOMORROW + DAY + 9 * HOUR, TOMORROW + DAY + 10 * HOUR);

  fault = report (f, f->pc1, NOW, NULL);
  g_assert_true (lh_faults_repaired (f->ts->store, fault->id, "Nothing wrong", &admin, NOW + HOUR, NULL, &error));
  g_assert_no_error (error);
  after_repair = housekeeper_step (f, TOMORROW + 60);
  g_assert_cmpuint (after_repair->len, ==, 0);
  g_assert_cmpint (pc_of (f, wednesday), ==, f->pc1);
  g_assert_cmpint (query_int (f->ts->store, "SELECT status = 'booked' FROM bookings WHERE id = ?1", wednesday), ==, 1);
  notices = lh_faults_list_notices (f->ts->store, f->ben, TOMORROW + 60, &error);
  g_assert_cmpuint (notices->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/fault-moves/one-notice-per-booking", test_one_notice_per_booking);
  ADD ("/fault-moves/rewritten-notice-stays-unseen", test_rewritten_notice_stays_unseen);
  ADD ("/fault-moves/later-bookings-move-a-day-ahead", test_later_bookings_move_a_day_ahead);
  ADD ("/fault-moves/repaired-same-day-keeps-later-bookings", test_repaired_same_day_keeps_later_bookings);
  return g_test_run ();
}
