/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "lh-bookings.h"
#include "lh-core-test.h"
#include "lh-devices.h"
#include "lh-equipment.h"
#include "lh-error.h"
#include "lh-faults.h"
#include "lh-time.h"
#include "lh-usage.h"

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
  g_assert_true (lh_equipment_save (f->ts->store, f->centre,
                                    &(LhEquipmentFields) { asset_tag, "computer", NULL, NULL, NULL, id },
                                    &admin, NULL, NOW - DAY, NULL, &error));
  g_assert_no_error (error);
  return id;
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->amira = lh_test_add_person (f->ts->store, "1", "Amira", LH_ROLE_LEARNER, NOW - DAY);
  f->ben = lh_test_add_person (f->ts->store, "2", "Ben", LH_ROLE_LEARNER, NOW - DAY);
  f->carol = lh_test_add_person (f->ts->store, "3", "Carol", LH_ROLE_LEARNER, NOW - DAY);
  f->dan = lh_test_add_person (f->ts->store, "4", "Dan", LH_ROLE_LEARNER, NOW - DAY);
  f->pc1 = add_pc (f, "PC 1", "LC-0001");
  f->pc2 = add_pc (f, "PC 2", "LC-0002");
  g_assert_true (lh_equipment_save (f->ts->store, f->centre,
                                    &(LhEquipmentFields) { "LC-0200", "headset", NULL, NULL, NULL, 0 },
                                    &admin, NULL, NOW - DAY, NULL, &error));
  g_assert_no_error (error);
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
report (Fixture *f, const char *asset_tag, gint64 pc, gint64 device, const char *category, const char *note,
        gboolean *joined, GPtrArray **moves)
{
  g_autoptr(GError) error = NULL;
  /* No kiosk: the admin's tools. */
  LhFaultReporter reporter = { device, device == 0 };
  LhFault *fault = lh_faults_report (f->ts->store, f->centre, asset_tag, pc, &reporter, category, note, NOW, joined,
                                     moves, &error);

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

static char *
item_status (Fixture *f, const char *asset_tag)
{
  g_autoptr(LhEquipment) item = lh_equipment_get (f->ts->store, asset_tag, NULL);

  return g_strdup (item->status);
}

static void
test_report_and_join (Fixture *f, gconstpointer data)
{
  g_autoptr(LhFault) first = NULL;
  g_autoptr(LhFault) second = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *status = NULL;
  gboolean joined = TRUE;

  first = report (f, NULL, f->pc1, 0, "screen", "Goes black", &joined, NULL);
  g_assert_false (joined);
  g_assert_cmpstr (first->asset_tag, ==, "LC-0001");
  g_assert_cmpstr (first->resource_name, ==, "PC 1");
  g_assert_true (first->stops_use);
  g_assert_cmpint (first->reports, ==, 1);
  second = report (f, NULL, f->pc1, 0, "screen", "Flickers\nthen black", &joined, NULL);
  g_assert_true (joined);
  g_assert_cmpint (second->id, ==, first->id);
  /* The same reporter again: still one. */
  g_assert_cmpint (second->reports, ==, 1);
  /* Both notes are kept; the history has the fault's opening only. */
  g_assert_cmpint (query_int (f->ts->store, "SELECT count(*) FROM fault_reports WHERE fault_id = ?1", first->id),
                   ==, 2);
  history = lh_equipment_history (f->ts->store, "LC-0001", NULL);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((LhEquipmentEvent *) history->pdata[1])->what, ==, "fault");
  g_assert_cmpstr (((LhEquipmentEvent *) history->pdata[1])->note, ==, "screen: Goes black");
  g_assert_cmpstr (((LhEquipmentEvent *) history->pdata[1])->actor_name, ==, "a kiosk");
  status = item_status (f, "LC-0001");
  g_assert_cmpstr (status, ==, "faulty");
}

static void
test_not_stopping_keeps_use (Fixture *f, gconstpointer data)
{
  g_autoptr(LhFault) sound = NULL;
  g_autoptr(LhFault) headset = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  g_autofree char *status = NULL;
  gint64 booking = book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR);
  gboolean out_of_order = TRUE;

  sound = report (f, NULL, f->pc1, 0, "sound", NULL, NULL, &moves);
  g_assert_false (sound->stops_use);
  g_assert_cmpuint (moves->len, ==, 0);
  headset = report (f, "LC-0200", 0, 0, "other", "Crackles", NULL, NULL);
  g_assert_cmpstr (headset->kind, ==, "headset");
  status = item_status (f, "LC-0001");
  g_assert_cmpstr (status, ==, "working");
  g_assert_true (lh_faults_pc_out_of_order (f->ts->store, f->pc1, &out_of_order, NULL));
  g_assert_false (out_of_order);
  g_assert_cmpint (query_int (f->ts->store, "SELECT resource_id FROM bookings WHERE id = ?1", booking), ==, f->pc1);
}

/* The PC is out of booking at once: its future bookings move to a free PC
 * or are cancelled with their time off; the one at it now stays. */
static void
test_stop_use_moves_bookings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFault) fault = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(LhBooking) refused = NULL;
  gint64 now_at_it = book (f, f->dan, f->pc1, NOW, NOW + HOUR);
  gint64 amira = book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR);
  gint64 ben = book (f, f->ben, f->pc1, TOMORROW + 11 * HOUR, TOMORROW + 12 * HOUR);
  gint64 amira_request = query_int (f->ts->store, "SELECT id FROM time_off_requests WHERE booking_id = ?1", amira);
  const LhFaultMove *move;
  g_autoptr(LhStmt) check_in = lh_store_prepare (f->ts->store, "UPDATE bookings SET checked_in_at = ?2 WHERE id = ?1",
                                                 NULL);

  /* Dan sits at it. */
  sqlite3_bind_int64 (check_in, 1, now_at_it);
  sqlite3_bind_int64 (check_in, 2, NOW);
  g_assert_true (lh_store_exec (f->ts->store, check_in, NULL));
  book (f, f->carol, f->pc2, TOMORROW + 11 * HOUR, TOMORROW + 12 * HOUR);
  fault = report (f, NULL, f->pc1, 0, "keyboard-mouse", NULL, NULL, &moves);
  g_assert_cmpuint (moves->len, ==, 2);
  move = g_ptr_array_index (moves, 0);
  g_assert_cmpint (move->booking_id, ==, amira);
  g_assert_cmpint (move->to_pc_id, ==, f->pc2);
  move = g_ptr_array_index (moves, 1);
  g_assert_cmpint (move->booking_id, ==, ben);
  g_assert_cmpint (move->to_pc_id, ==, 0);

  /* Amira's booking is the same booking on PC 2, its request with it. */
  g_assert_cmpint (query_int (f->ts->store, "SELECT resource_id FROM bookings WHERE id = ?1", amira), ==, f->pc2);
  g_assert_cmpint (query_int (f->ts->store, "SELECT booking_id FROM time_off_requests WHERE id = ?1", amira_request),
                   ==, amira);
  g_assert_cmpint (query_int (f->ts->store, "SELECT status = 'own' FROM time_off_requests WHERE id = ?1",
                              amira_request), ==, 1);
  /* Ben's could go nowhere: cancelled, and its time off too. */
  g_assert_cmpint (query_int (f->ts->store, "SELECT status = 'cancelled' FROM bookings WHERE id = ?1", ben), ==, 1);
  g_assert_cmpint (query_int (f->ts->store, "SELECT status = 'cancelled' FROM time_off_requests "
                              "WHERE booking_id = ?1", ben), ==, 1);
  g_assert_cmpint (query_int (f->ts->store, "SELECT resource_id FROM bookings WHERE id = ?1", now_at_it), ==, f->pc1);

  /* No new booking of it, and none free in the availability. */
  refused = lh_bookings_create (f->ts->store, f->centre, f->carol, f->pc1, TOMORROW + 14 * HOUR,
                                TOMORROW + 15 * HOUR, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "out of order"));
  g_assert_null (refused);
  days = lh_bookings_availability (f->ts->store, f->centre, TOMORROW, f->carol, NOW, NULL);
  for (guint i = 0; i < days->len; i++)
    {
      LhResourceDay *day = g_ptr_array_index (days, i);

      g_assert_cmpint (day->out_of_order, ==, day->resource->id == f->pc1);
      g_assert_cmpuint (day->free->len, ==, day->resource->id == f->pc1 ? 0 : 2);
    }

  /* Told at the next sign-in; once shown, not again. */
  notices = lh_faults_list_notices (f->ts->store, f->amira, NOW, NULL);
  g_assert_cmpuint (notices->len, ==, 1);
  move = g_ptr_array_index (notices, 0);
  g_assert_cmpstr (move->from_pc_name, ==, "PC 1");
  g_assert_cmpstr (move->to_pc_name, ==, "PC 2");
  g_assert_cmpint (move->start_at, ==, TOMORROW + 10 * HOUR);
  g_assert_true (lh_faults_notices_seen (f->ts->store, f->amira, &move->notice_id, 1, NOW, NULL));
  again = lh_faults_list_notices (f->ts->store, f->amira, NOW, NULL);
  g_assert_cmpuint (again->len, ==, 0);
  g_clear_pointer (&notices, g_ptr_array_unref);
  notices = lh_faults_list_notices (f->ts->store, f->ben, NOW, NULL);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpint (((LhFaultMove *) notices->pdata[0])->to_pc_id, ==, 0);
  g_assert_null (((LhFaultMove *) notices->pdata[0])->to_pc_name);
}

/* A learner hears of a moved booking until shown it, then not again;
 * not at all once the booking is over. Only the learner can say they
 * were shown it. */
static void
test_notices_told_once_while_they_matter (Fixture *f, gconstpointer data)
{
  g_autoptr(LhFault) fault = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  g_autoptr(GPtrArray) amira_later = NULL;
  g_autoptr(GPtrArray) ben_later = NULL;
  g_autoptr(GPtrArray) ben_again = NULL;
  g_autoptr(GPtrArray) dan_notices = NULL;
  g_autoptr(LhBooking) dan_paid = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ben_and_amira[2];
  const LhFaultMove *dan_move;

  book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR);
  book (f, f->ben, f->pc1, TOMORROW + 14 * HOUR, TOMORROW + 15 * HOUR);
  /* Dan's paid booking can go nowhere: his paid time is given back. */
  book (f, f->carol, f->pc2, TOMORROW + 16 * HOUR, TOMORROW + 17 * HOUR);
  dan_paid = lh_bookings_create_paid (f->ts->store, f->centre, f->dan, f->pc1, TOMORROW + 16 * HOUR,
                                      TOMORROW + 17 * HOUR, TRUE, NOW, &error);
  g_assert_no_error (error);
  /* Ben's later one, in his own time, gives no paid time back. */
  book (f, f->carol, f->pc2, TOMORROW + 18 * HOUR, TOMORROW + 19 * HOUR);
  book (f, f->ben, f->pc1, TOMORROW + 18 * HOUR, TOMORROW + 19 * HOUR);
  fault = report (f, NULL, f->pc1, 0, "screen", NULL, NULL, &moves);
  g_assert_cmpuint (moves->len, ==, 4);
  dan_move = g_ptr_array_index (moves, 2);
  g_assert_cmpint (dan_move->to_pc_id, ==, 0);
  g_assert_true (dan_move->paid_time_back);
  g_assert_false (((LhFaultMove *) g_ptr_array_index (moves, 0))->paid_time_back);
  g_assert_cmpint (((LhFaultMove *) g_ptr_array_index (moves, 3))->to_pc_id, ==, 0);
  g_assert_false (((LhFaultMove *) g_ptr_array_index (moves, 3))->paid_time_back);
  dan_notices = lh_faults_list_notices (f->ts->store, f->dan, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dan_notices->len, ==, 1);
  g_assert_true (((LhFaultMove *) g_ptr_array_index (dan_notices, 0))->paid_time_back);

  /* The notices of Ben's first booking and of Amira's, soonest first. */
  ben_and_amira[0] = ((LhFaultMove *) g_ptr_array_index (moves, 1))->notice_id;
  ben_and_amira[1] = ((LhFaultMove *) g_ptr_array_index (moves, 0))->notice_id;
  /* Ben cannot mark Amira's notice shown, not even beside his own. */
  g_assert_false (lh_faults_notices_seen (f->ts->store, f->ben, ben_and_amira, 2, NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->ts->store, "SELECT count(*) FROM fault_notices WHERE seen_at IS NULL", 0), ==, 4);

  g_assert_true (lh_faults_notices_seen (f->ts->store, f->amira, &ben_and_amira[1], 1, NOW, &error));
  g_assert_no_error (error);
  amira_later = lh_faults_list_notices (f->ts->store, f->amira, NOW + HOUR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (amira_later->len, ==, 0);

  /* Ben signs in only after his bookings' end. */
  ben_later = lh_faults_list_notices (f->ts->store, f->ben, TOMORROW + 20 * HOUR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ben_later->len, ==, 0);
  /* Never shown, his are still there for a sign-in before their end. */
  ben_again = lh_faults_list_notices (f->ts->store, f->ben, NOW, &error);
  g_assert_cmpuint (ben_again->len, ==, 2);
}

/* Nobody sits down at it either: a walk-up is a booking too. */
static gint64
add_kiosk (Fixture *f, const char *name, gint64 pc)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  gint64 id = 0;

  token = lh_devices_add (f->ts->store, name, NOW - DAY, &id, &error);
  g_assert_no_error (error);
  if (pc != 0)
    g_assert_true (lh_devices_set_pc (f->ts->store, name, pc, &error));
  g_assert_no_error (error);
  return id;
}

static void
assert_refused_reason (Fixture *f, const char *asset_tag, gint64 pc, gint64 device, const char *category,
                       const char *note, int code, const char *reason)
{
  g_autoptr(GError) error = NULL;
  LhFaultReporter reporter = { device, device == 0 };
  g_autoptr(LhFault) fault = lh_faults_report (f->ts->store, f->centre, asset_tag, pc, &reporter, category, note, NOW,
                                               NULL, NULL, &error);

  g_assert_error (error, LH_ERROR, code);
  if (reason != NULL)
    g_assert_cmpstr (lh_error_get_reason (error), ==, reason);
  g_assert_null (fault);
}

static void
assert_refused (Fixture *f, const char *asset_tag, gint64 pc, gint64 device, const char *category,
                const char *note, int code)
{
  assert_refused_reason (f, asset_tag, pc, device, category, note, code, NULL);
}

/* Anyone at any kiosk may report a PC, but only a report at that PC
 * (or by the admin) takes it out of booking: from another kiosk, anyone
 * could cancel everyone's bookings on every PC. */
static void
test_only_at_the_pc_stops_use (Fixture *f, gconstpointer data)
{
  g_autoptr(LhFault) from_desk = NULL;
  g_autoptr(LhFault) at_pc1 = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  gint64 desk = add_kiosk (f, "Desk", 0);
  gint64 pc2_kiosk = add_kiosk (f, "PC 2 kiosk", f->pc2);
  gint64 pc1_kiosk = add_kiosk (f, "PC 1 kiosk", f->pc1);
  gint64 amira = book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR);
  gboolean joined = FALSE, out_of_order = TRUE;
  g_autofree char *status = NULL;

  from_desk = report (f, NULL, f->pc1, desk, "screen", NULL, NULL, &none);
  g_assert_false (from_desk->stops_use);
  g_assert_cmpuint (none->len, ==, 0);
  /* PC 2's kiosk reports PC 2 only. */
  assert_refused_reason (f, NULL, f->pc1, pc2_kiosk, "screen", NULL, LH_ERROR_INVALID, "not-this-pc");
  g_assert_true (lh_faults_pc_out_of_order (f->ts->store, f->pc1, &out_of_order, NULL));
  g_assert_false (out_of_order);
  status = item_status (f, "LC-0001");
  g_assert_cmpstr (status, ==, "working");
  g_assert_cmpint (query_int (f->ts->store, "SELECT resource_id FROM bookings WHERE id = ?1", amira), ==, f->pc1);

  /* Reported at PC 1 itself: the same fault, now out of order. */
  at_pc1 = report (f, NULL, 0, pc1_kiosk, "screen", NULL, &joined, &moved);
  g_assert_true (joined);
  g_assert_cmpint (at_pc1->id, ==, from_desk->id);
  g_assert_true (at_pc1->stops_use);
  g_assert_cmpuint (moved->len, ==, 1);
  g_assert_true (lh_faults_pc_out_of_order (f->ts->store, f->pc1, &out_of_order, NULL));
  g_assert_true (out_of_order);
}

static void
test_no_walk_up_when_out_of_order (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFault) fault = report (f, NULL, f->pc1, 0, "programs", NULL, NULL, NULL);
  g_autofree char *token = lh_devices_add (f->ts->store, "PC 1 kiosk", NOW, NULL, &error);
  g_autoptr(LhUsage) usage = NULL;
  LhSessionInfo session = { 0 };

  g_assert_true (lh_devices_set_pc (f->ts->store, "PC 1 kiosk", f->pc1, &error));
  g_assert_no_error (error);
  session = (LhSessionInfo) { 0, f->carol, query_int (f->ts->store, "SELECT id FROM devices WHERE ?1 = ?1", 0),
                              LH_ROLE_LEARNER, NOW + HOUR };
  usage = lh_usage_begin (f->ts->store, f->centre, &session, NOW, NULL, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "PC 1 is out of order"));
  g_assert_null (usage);
  g_assert_cmpint (query_int (f->ts->store, "SELECT count(*) FROM bookings WHERE resource_id = ?1", f->pc1), ==, 0);
}

static void
test_repair_returns_to_service (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFault) fault = report (f, NULL, f->pc1, 0, "internet", NULL, NULL, NULL);
  g_autoptr(LhFault) assigned = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *status = NULL;
  gint64 pc = 0;

  g_assert_true (lh_faults_assign (f->ts->store, fault->id, "Site IT, J. Smith", &admin, NOW + HOUR, &error));
  g_assert_no_error (error);
  assigned = lh_faults_get (f->ts->store, fault->id, NOW + HOUR, &error);
  g_assert_cmpstr (assigned->assigned_to, ==, "Site IT, J. Smith");
  g_assert_true (lh_faults_repaired (f->ts->store, fault->id, "Cable replaced", &admin, NOW + 2 * HOUR, &pc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pc, ==, f->pc1);
  status = item_status (f, "LC-0001");
  g_assert_cmpstr (status, ==, "working");
  book (f, f->carol, f->pc1, TOMORROW + 14 * HOUR, TOMORROW + 15 * HOUR);
  history = lh_equipment_history (f->ts->store, "LC-0001", NULL);
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_cmpstr (((LhEquipmentEvent *) history->pdata[2])->note, ==, "internet: assigned to Site IT, J. Smith");
  g_assert_cmpstr (((LhEquipmentEvent *) history->pdata[3])->what, ==, "repaired");
  g_assert_cmpstr (((LhEquipmentEvent *) history->pdata[3])->status, ==, "working");
  /* Once closed, it stays closed. */
  g_assert_false (lh_faults_repaired (f->ts->store, fault->id, NULL, &admin, NOW + 3 * HOUR, NULL, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (lh_faults_assign (f->ts->store, 999, "Someone", &admin, NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
}

static void
test_overdue (Fixture *f, gconstpointer data)
{
  g_autoptr(LhFault) fault = report (f, "LC-0200", 0, 0, "sound", NULL, NULL, NULL);
  g_autoptr(GPtrArray) early = NULL;
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(GPtrArray) open = NULL;

  /* The terms allow a week by default. */
  early = lh_faults_list_overdue (f->ts->store, NOW + 6 * DAY, NULL);
  g_assert_cmpuint (early->len, ==, 0);
  late = lh_faults_list_overdue (f->ts->store, NOW + 8 * DAY, NULL);
  g_assert_cmpuint (late->len, ==, 1);
  g_assert_true (((LhFault *) late->pdata[0])->overdue);
  open = lh_faults_list_open (f->ts->store, NOW + 6 * DAY, NULL);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_false (((LhFault *) open->pdata[0])->overdue);
}

/* The housekeeper wakes when the oldest open fault falls overdue, and
 * the admins hear of each once. */
static void
test_overdue_told_once (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFault) fault = report (f, "LC-0200", 0, 0, "sound", NULL, NULL, NULL);
  g_autoptr(GPtrArray) early = NULL;
  g_autoptr(GPtrArray) told = NULL;
  g_autoptr(GPtrArray) again = NULL;
  gint64 due = 0;

  g_assert_true (lh_faults_next_overdue (f->ts->store, NOW, &due, &error));
  g_assert_cmpint (due, ==, NOW + 7 * DAY);
  early = lh_faults_take_newly_overdue (f->ts->store, NOW + 7 * DAY - 1, &error);
  g_assert_cmpuint (early->len, ==, 0);
  told = lh_faults_take_newly_overdue (f->ts->store, NOW + 7 * DAY + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpint (((LhFault *) told->pdata[0])->id, ==, fault->id);
  again = lh_faults_take_newly_overdue (f->ts->store, NOW + 8 * DAY, &error);
  g_assert_cmpuint (again->len, ==, 0);
  /* Told: nothing more to wake for. */
  g_assert_true (lh_faults_next_overdue (f->ts->store, NOW + 8 * DAY, &due, &error));
  g_assert_cmpint (due, ==, 0);
}

static void
test_bad_input_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *long_note = g_strnfill (501, 'x');
  g_autofree char *status = NULL;
  gint64 device = 0;
  g_autofree char *token = NULL;

  assert_refused (f, NULL, f->pc1, 0, "smoke", NULL, LH_ERROR_INVALID);
  assert_refused (f, NULL, f->pc1, 0, NULL, NULL, LH_ERROR_INVALID);
  assert_refused (f, NULL, f->pc1, 0, "screen", long_note, LH_ERROR_INVALID);
  assert_refused (f, NULL, f->pc1, 0, "screen", "bell\a", LH_ERROR_INVALID);
  assert_refused (f, "LC-9999", 0, 0, "screen", NULL, LH_ERROR_NOT_FOUND);
  assert_refused (f, NULL, 0, 0, "screen", NULL, LH_ERROR_INVALID);
  g_assert_cmpint (query_int (f->ts->store, "SELECT count(*) FROM faults WHERE ?1 = ?1", 0), ==, 0);
  g_assert_cmpint (query_int (f->ts->store, "SELECT count(*) FROM equipment_events WHERE what = 'fault' AND ?1 = ?1",
                              0), ==, 0);
  status = item_status (f, "LC-0001");
  g_assert_cmpstr (status, ==, "working");

  /* A kiosk sends a few reports a minute, not a flood. */
  token = lh_devices_add (f->ts->store, "Desk", NOW, &device, NULL);
  for (int i = 0; i < LH_FAULT_REPORTS_PER_MINUTE; i++)
    {
      g_autoptr(LhFault) fault = report (f, "LC-0200", 0, device, "other", NULL, NULL, NULL);
    }
  assert_refused (f, "LC-0200", 0, device, "other", NULL, LH_ERROR_LOCKED);
  /* One kiosk, however often it taps, is one reporter. */
  g_assert_cmpint (query_int (f->ts->store, "SELECT reports FROM faults WHERE id = ?1", 1), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/faults/report-and-join", test_report_and_join);
  ADD ("/faults/not-stopping-keeps-use", test_not_stopping_keeps_use);
  ADD ("/faults/stop-use-moves-bookings", test_stop_use_moves_bookings);
  ADD ("/faults/notices-told-once-while-they-matter", test_notices_told_once_while_they_matter);
  ADD ("/faults/only-at-the-pc-stops-use", test_only_at_the_pc_stops_use);
  ADD ("/faults/no-walk-up-when-out-of-order", test_no_walk_up_when_out_of_order);
  ADD ("/faults/repair-returns-to-service", test_repair_returns_to_service);
  ADD ("/faults/overdue", test_overdue);
  ADD ("/faults/overdue-told-once", test_overdue_told_once);
  ADD ("/faults/bad-input-changes-nothing", test_bad_input_changes_nothing);
  return g_test_run ();
}
