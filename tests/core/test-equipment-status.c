/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One rule for "out of use": a computer's status and its open faults
 * take its PC out of booking alike, whoever changes them. */
#include <string.h>

#include "lh-bookings.h"
#include "lh-core-test.h"
#include "lh-devices.h"
#include "lh-equipment.h"
#include "lh-equipment-private.h"
#include "lh-error.h"
#include "lh-faults.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW      1795435200
#define HOUR     3600
#define DAY      (24 * (gint64) HOUR)
#define TOMORROW (NOW - 12 * HOUR + DAY)   /* Tuesday 00:00 */

static const LhEquipmentActor admin = { 0, "learnhubctl" };
/* learnhubctl, as the admin's tool reports. */
static const LhFaultReporter admin_tools = { 0, TRUE };

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       amira, ben;
  gint64       pc1, pc2, pc3;
} Fixture;

static gint64
add_pc (Fixture *f, const char *name, const char *asset_tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Fri 08:00-20:00", &error);
  gint64 id;

  g_assert_true (lh_resources_add (f->ts->store, name, "pc", 1, &id, &error));
  g_assert_true (lh_resources_set_hours (f->ts->store, id, (LhOpeningPeriod *) hours->data, hours->len, &error));
  if (asset_tag != NULL)
    g_assert_true (lh_equipment_save (f->ts->store, f->centre,
                                      &(LhEquipmentFields) { asset_tag, "computer", "Desktop", "PC room", NULL, id },
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
  f->pc1 = add_pc (f, "PC 1", "LC-0001");
  f->pc2 = add_pc (f, "PC 2", "LC-0002");
  f->pc3 = add_pc (f, "PC 3", "LC-0003");
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
  g_autoptr(LhBooking) booking = lh_bookings_create (f->ts->store, f->centre, person, pc, start, end,
                                                     MIN (start, NOW) - HOUR, &error);

  g_assert_no_error (error);
  return booking->id;
}

static void
exec_sql (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) stmt = lh_store_prepare (f->ts->store, sql, &error);

  g_assert_no_error (error);
  g_assert_true (lh_store_exec (f->ts->store, stmt, &error));
  g_assert_no_error (error);
}

/* The PC a booking is on, or 0 when it was cancelled. */
static gint64
booking_pc (Fixture *f, gint64 booking)
{
  g_autofree char *sql = g_strdup_printf ("SELECT CASE status WHEN 'booked' THEN resource_id ELSE 0 END "
                                          "FROM bookings WHERE id = %" G_GINT64_FORMAT, booking);

  return lh_test_query_int (f->ts->store, sql);
}

static gboolean
out_of_order (Fixture *f, gint64 pc)
{
  g_autoptr(GError) error = NULL;
  gboolean out = FALSE;

  g_assert_true (lh_faults_pc_out_of_order (f->ts->store, pc, &out, &error));
  g_assert_no_error (error);
  return out;
}

static void
set_status (Fixture *f, const char *asset_tag, const char *status, gint64 at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lh_equipment_set_status (f->ts->store, f->centre, asset_tag, status, "test", &admin, at, &error));
  g_assert_no_error (error);
}

static int
notices_of (Fixture *f, gint64 person)
{
  g_autoptr(GPtrArray) notices = lh_faults_list_notices (f->ts->store, person, NOW, NULL);

  return (int) notices->len;
}

/* An admin's "faulty" or "in repair" takes the PC out of booking as a
 * fault at the PC does: its bookings move, its learners are told. */
static void
test_status_takes_pc_out (Fixture *f, gconstpointer data)
{
  gint64 tomorrow = book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) refused = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  const LhFaultMove *move;

  g_assert_false (out_of_order (f, f->pc1));
  g_assert_true (lh_equipment_change_status (f->ts->store, f->centre,
                                             "LC-0001", "in-repair", "Sent to IT", &admin, NOW, &moves,
                                             &error));
  g_assert_no_error (error);
  g_assert_true (out_of_order (f, f->pc1));
  /* What it did is said, for the live events. */
  g_assert_cmpuint (moves->len, ==, 1);
  move = g_ptr_array_index (moves, 0);
  g_assert_cmpint (move->booking_id, ==, tomorrow);
  g_assert_cmpint (move->from_pc_id, ==, f->pc1);
  g_assert_cmpint (move->to_pc_id, ==, booking_pc (f, tomorrow));
  g_assert_cmpint (booking_pc (f, tomorrow), !=, f->pc1);
  g_assert_cmpint (booking_pc (f, tomorrow), !=, 0);
  g_assert_cmpint (notices_of (f, f->amira), ==, 1);
  refused = lh_bookings_create (f->ts->store, f->centre, f->ben, f->pc1, TOMORROW + 14 * HOUR, TOMORROW + 15 * HOUR,
                                NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_null (refused);

  /* Working again: bookable again. */
  set_status (f, "LC-0001", "working", NOW + HOUR);
  g_assert_false (out_of_order (f, f->pc1));
}

/* A booking that began but is not checked in moves too; the learner
 * sitting at the PC stays. */
static void
test_started_not_checked_in_moves (Fixture *f, gconstpointer data)
{
  gint64 late = book (f, f->amira, f->pc1, NOW - HOUR / 4, NOW + HOUR);
  gint64 seated = book (f, f->ben, f->pc2, NOW - HOUR / 4, NOW + HOUR);

  exec_sql (f, "UPDATE bookings SET checked_in_at = 1795434400 WHERE person_id = 2");
  set_status (f, "LC-0001", "faulty", NOW);
  set_status (f, "LC-0002", "faulty", NOW);
  g_assert_cmpint (booking_pc (f, late), ==, f->pc3);
  g_assert_cmpint (booking_pc (f, seated), ==, f->pc2);
}

/* A booking never moves to a PC whose computer is not working, and an
 * online PC is chosen before one whose kiosk is silent. */
static void
test_moves_to_working_online_pc (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 first = book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR);
  gint64 second = book (f, f->ben, f->pc3, TOMORROW + 12 * HOUR, TOMORROW + 13 * HOUR);
  gint64 device = 0;
  g_autofree char *token = lh_devices_add (f->ts->store, "PC 3 kiosk", NOW - DAY, &device, &error);

  g_assert_true (lh_devices_set_pc (f->ts->store, "PC 3 kiosk", f->pc3, &error));
  g_assert_true (lh_devices_heartbeat (f->ts->store, device, NOW, &error));
  g_assert_no_error (error);
  /* PC 2 comes first by name, but PC 3's kiosk is online. */
  set_status (f, "LC-0001", "faulty", NOW);
  g_assert_cmpint (booking_pc (f, first), ==, f->pc3);

  /* PC 2 in repair and PC 1 faulty: PC 3's booking has nowhere to go. */
  set_status (f, "LC-0002", "in-repair", NOW);
  set_status (f, "LC-0003", "faulty", NOW);
  g_assert_cmpint (booking_pc (f, second), ==, 0);
}

/* Nor to a PC closed at that hour, however online. */
static void
test_never_moves_to_closed_pc (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) mornings = lh_opening_hours_parse ("Mon-Fri 08:00-10:00", &error);
  gint64 evening = book (f, f->amira, f->pc1, TOMORROW + 17 * HOUR, TOMORROW + 18 * HOUR);
  gint64 device = 0;
  g_autofree char *token = lh_devices_add (f->ts->store, "PC 3 kiosk", NOW - DAY, &device, &error);

  g_assert_true (lh_resources_set_hours (f->ts->store, f->pc3, (LhOpeningPeriod *) mornings->data, mornings->len,
                                         &error));
  g_assert_true (lh_devices_set_pc (f->ts->store, "PC 3 kiosk", f->pc3, &error));
  g_assert_true (lh_devices_heartbeat (f->ts->store, device, NOW, &error));
  g_assert_no_error (error);
  set_status (f, "LC-0001", "faulty", NOW);
  g_assert_cmpint (booking_pc (f, evening), ==, f->pc2);
}

/* While a fault that stops use is open, only its repair puts the item
 * back: "working" is refused and changes nothing. */
static void
test_working_refused_while_fault_open (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFault) fault = lh_faults_report (f->ts->store, f->centre, NULL, f->pc1, &admin_tools, "screen", NULL, NOW, NULL,
                                               NULL, &error);
  g_autoptr(LhEquipment) item = NULL;

  g_assert_no_error (error);
  g_assert_false (lh_equipment_set_status (f->ts->store, f->centre,
                                           "LC-0001", "working", NULL, &admin, NOW + HOUR, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_cmpstr (lh_error_get_reason (error), ==, "fault-open");
  g_assert_nonnull (strstr (error->message, "record its repair"));
  item = lh_equipment_get (f->ts->store, "LC-0001", NULL);
  g_assert_cmpstr (item->status, ==, "faulty");
  g_assert_true (out_of_order (f, f->pc1));
}

/* Retiring closes the item's faults; the PC stays out of booking until a
 * working computer is linked to it. */
static void
test_retire_closes_faults (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFault) fault = lh_faults_report (f->ts->store, f->centre, NULL, f->pc1, &admin_tools, "sound", NULL, NOW, NULL,
                                               NULL, &error);
  g_autoptr(LhFault) closed = NULL;
  g_autoptr(GPtrArray) open = NULL;
  gint64 tomorrow = book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR);

  g_assert_no_error (error);
  g_assert_false (out_of_order (f, f->pc1));
  set_status (f, "LC-0001", "retired", NOW + HOUR);
  closed = lh_faults_get (f->ts->store, fault->id, NOW + HOUR, &error);
  g_assert_cmpint (closed->repaired_at, ==, NOW + HOUR);
  open = lh_faults_list_open (f->ts->store, NOW + HOUR, &error);
  g_assert_cmpuint (open->len, ==, 0);
  g_assert_true (out_of_order (f, f->pc1));
  g_assert_cmpint (booking_pc (f, tomorrow), ==, f->pc2);

  /* A working replacement brings the PC back. */
  g_assert_true (lh_equipment_save (f->ts->store, f->centre,
                                    &(LhEquipmentFields) { "LC-0101", "computer", NULL, NULL, NULL, f->pc1 },
                                    &admin, NULL, NOW + 2 * HOUR, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (out_of_order (f, f->pc1));
}

/* A PC with no computer ever in the inventory stays bookable: a centre
 * may not have imported it yet. */
static void
test_pc_never_in_inventory (Fixture *f, gconstpointer data)
{
  gint64 pc4 = add_pc (f, "PC 4", NULL);

  g_assert_false (out_of_order (f, pc4));
}

/* A repair puts back in service only what its fault took out: an item the
 * admin chose to send for repair stays in repair. */
static void
test_repair_keeps_chosen_status (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFault) by_fault = lh_faults_report (f->ts->store, f->centre, NULL, f->pc1, &admin_tools, "screen", NULL, NOW,
                                                  NULL, NULL, &error);
  g_autoptr(LhFault) chosen = lh_faults_report (f->ts->store, f->centre, NULL, f->pc2, &admin_tools, "screen", NULL, NOW, NULL,
                                                NULL, &error);
  g_autoptr(LhEquipment) one = NULL;
  g_autoptr(LhEquipment) two = NULL;

  g_assert_no_error (error);
  set_status (f, "LC-0002", "in-repair", NOW + HOUR);
  g_assert_true (lh_faults_repaired (f->ts->store, by_fault->id, NULL, &admin, NOW + 2 * HOUR, NULL, &error));
  g_assert_true (lh_faults_repaired (f->ts->store, chosen->id, NULL, &admin, NOW + 2 * HOUR, NULL, &error));
  g_assert_no_error (error);
  one = lh_equipment_get (f->ts->store, "LC-0001", NULL);
  two = lh_equipment_get (f->ts->store, "LC-0002", NULL);
  g_assert_cmpstr (one->status, ==, "working");
  g_assert_cmpstr (two->status, ==, "in-repair");
  g_assert_true (out_of_order (f, f->pc2));
}

/* The computer of a PC since taken out of the resources can still be
 * marked faulty or retired. */
static void
test_status_of_deactivated_pc (Fixture *f, gconstpointer data)
{
  exec_sql (f, "UPDATE resources SET active = 0 WHERE name = 'PC 1'");
  set_status (f, "LC-0001", "faulty", NOW);
  set_status (f, "LC-0001", "retired", NOW + HOUR);
}

/* An import that changes a computer's status moves its PC's bookings in
 * the same transaction. */
static void
test_import_status_moves_bookings (Fixture *f, gconstpointer data)
{
  static const char csv[] = "asset_tag,kind,status\nLC-0001,computer,faulty\n";
  g_autoptr(GError) error = NULL;
  g_auto(LhCsvReport) report = { 0 };
  gint64 tomorrow = book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR);

  g_assert_true (lh_equipment_import (f->ts->store, f->centre, csv, strlen (csv), FALSE, &admin, NOW, &report, &error));
  g_assert_no_error (error);
  g_assert_true (out_of_order (f, f->pc1));
  g_assert_cmpint (booking_pc (f, tomorrow), ==, f->pc2);
  g_assert_cmpint (notices_of (f, f->amira), ==, 1);
}

/* The production statements: a PC's computer is read through the index
 * by PC, its open faults, the retired computers and a PC's own faults
 * through theirs; nothing is scanned. */
static void
assert_plan (Fixture *f, const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(LhStmt) stmt = lh_store_prepare (f->ts->store, explain, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 3);

      g_string_append_printf (plan, "%s\n", line);
      if (g_str_has_prefix (line, "SCAN ") && !g_str_equal (line, "SCAN CONSTANT ROW"))
        g_error ("%s reads a whole table: %s", sql, line);
    }
  g_assert_nonnull (strstr (plan->str, "SEARCH e USING INDEX equipment_by_pc (resource_id"));
  g_assert_nonnull (strstr (plan->str, "SEARCH f USING INDEX faults_open_stopping_use (equipment_id=?)"));
  g_assert_nonnull (strstr (plan->str, "SEARCH r USING INDEX equipment_retired_by_pc (resource_id"));
  g_assert_nonnull (strstr (plan->str, "SEARCH faults USING INDEX faults_open_by_pc (resource_id"));
}

static void
test_query_plan (Fixture *f, gconstpointer data)
{
  assert_plan (f, LH_PC_OUT_OF_ORDER_SQL);
  assert_plan (f, LH_PCS_OUT_OF_ORDER_SQL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/equipment-status/status-takes-pc-out", test_status_takes_pc_out);
  ADD ("/equipment-status/started-not-checked-in-moves", test_started_not_checked_in_moves);
  ADD ("/equipment-status/moves-to-working-online-pc", test_moves_to_working_online_pc);
  ADD ("/equipment-status/never-moves-to-closed-pc", test_never_moves_to_closed_pc);
  ADD ("/equipment-status/working-refused-while-fault-open", test_working_refused_while_fault_open);
  ADD ("/equipment-status/retire-closes-faults", test_retire_closes_faults);
  ADD ("/equipment-status/pc-never-in-inventory", test_pc_never_in_inventory);
  ADD ("/equipment-status/repair-keeps-chosen-status", test_repair_keeps_chosen_status);
  ADD ("/equipment-status/status-of-deactivated-pc", test_status_of_deactivated_pc);
  ADD ("/equipment-status/import-status-moves-bookings", test_import_status_moves_bookings);
  ADD ("/equipment-status/query-plan", test_query_plan);
  return g_test_run ();
}
