/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-admin-notices.h"
#include "lh-bookings.h"
#include "lh-centre.h"
#include "lh-core-test.h"
#include "lh-equipment.h"
#include "lh-equipment-checks.h"
#include "lh-error.h"
#include "lh-faults.h"
#include "lh-time.h"
#include "lh-usage.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW      1795435200
#define DAY      ((gint64) 24 * 3600)

static const LhEquipmentActor ctl = { 0, "learnhubctl" };

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  g_assert_true (lh_equipment_save (f->ts->store, f->centre,
                                    &(LhEquipmentFields) { "LC-0001", "computer", NULL, NULL, NULL, 0 },
                                    &ctl, NULL, NOW - DAY, NULL, &error));
  g_assert_true (lh_equipment_save (f->ts->store, f->centre,
                                    &(LhEquipmentFields) { "LC-0300", "chair", NULL, NULL, NULL, 0 },
                                    &ctl, NULL, NOW - DAY, NULL, &error));
  g_assert_no_error (error);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

static gint64
date (Fixture *f, const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 midnight = 0;

  g_assert_true (lh_time_parse_date (text, f->centre->tz, &midnight, &error));
  return midnight;
}

static LhCheck *
add (Fixture *f, const char *what, const char *asset_tag, const char *kind, const char *every, const char *due)
{
  g_autoptr(GError) error = NULL;
  LhCheckFields fields = { what, asset_tag, kind, 0, 0, due != NULL ? date (f, due) : 0 };
  LhCheck *check;

  g_assert_true (lh_checks_parse_every (every, &fields.every_days, &fields.every_months, &error));
  check = lh_checks_add (f->ts->store, &fields, f->centre->tz, NOW, &error);
  g_assert_no_error (error);
  return check;
}

static void
assert_due (Fixture *f, const LhCheck *check, const char *expected)
{
  g_autofree char *text = lh_time_format_date (check->next_due, f->centre->tz);

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpint (check->next_due, ==, date (f, expected));
}

static void
test_parse_every (void)
{
  const char *refused[] = { "0d", "x", "6", "6w", "11y", "3661d", "121m", "-1d", "1d ", "", NULL };
  int days, months;

  g_assert_true (lh_checks_parse_every ("14d", &days, &months, NULL));
  g_assert_cmpint (days, ==, 14);
  g_assert_cmpint (months, ==, 0);
  g_assert_true (lh_checks_parse_every ("6m", &days, &months, NULL));
  g_assert_cmpint (months, ==, 6);
  g_assert_true (lh_checks_parse_every ("1y", &days, &months, NULL));
  g_assert_cmpint (months, ==, 12);
  g_assert_cmpint (days, ==, 0);
  for (int i = 0; refused[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (lh_checks_parse_every (refused[i], &days, &months, &error));
      g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
    }
}

/* Checks of an item, of a kind and of the centre, soonest due first. */
static void
test_add_and_list (Fixture *f, gconstpointer data)
{
  g_autoptr(LhCheck) pat = add (f, "Electrical safety test", "LC-0001", NULL, "1y", "2026-12-01");
  g_autoptr(LhCheck) clean = add (f, "Clean", NULL, "chair", "6m", NULL);
  g_autoptr(LhCheck) fire = add (f, "Fire extinguisher", NULL, NULL, "1y", "2027-03-01");
  g_autoptr(GPtrArray) list = lh_checks_list (f->ts->store, NULL);

  assert_due (f, pat, "2026-12-01");
  g_assert_cmpstr (pat->asset_tag, ==, "LC-0001");
  g_assert_null (pat->kind);
  g_assert_cmpint (pat->every_months, ==, 12);
  g_assert_cmpint (pat->last_done_at, ==, 0);
  /* No date given: one interval from today. */
  assert_due (f, clean, "2027-05-23");
  g_assert_cmpstr (clean->kind, ==, "chair");
  g_assert_null (fire->asset_tag);
  g_assert_null (fire->kind);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (((LhCheck *) list->pdata[0])->id, ==, pat->id);
  g_assert_cmpint (((LhCheck *) list->pdata[1])->id, ==, fire->id);
  g_assert_cmpint (((LhCheck *) list->pdata[2])->id, ==, clean->id);

  /* Due soon within the reminder window, overdue once its day is over. */
  g_assert_cmpint (lh_check_state (pat, NOW, f->centre->tz), ==, LH_CHECK_DUE_SOON);
  g_assert_cmpint (lh_check_state (pat, date (f, "2026-11-17") - 1, f->centre->tz), ==, LH_CHECK_LATER);
  g_assert_cmpint (lh_check_state (pat, date (f, "2026-11-17"), f->centre->tz), ==, LH_CHECK_DUE_SOON);
  g_assert_cmpint (lh_check_state (pat, date (f, "2026-12-02") - 1, f->centre->tz), ==, LH_CHECK_DUE_SOON);
  g_assert_cmpint (lh_check_state (pat, date (f, "2026-12-02"), f->centre->tz), ==, LH_CHECK_OVERDUE);
  g_assert_cmpint (lh_check_state (fire, NOW, f->centre->tz), ==, LH_CHECK_LATER);
}

/* The next due date runs from the day the check was done, late or early,
 * and the doing is the item's history. */
static void
test_done_sets_next_due (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhCheck) pat = add (f, "Electrical safety test", "LC-0001", NULL, "1y", "2026-12-01");
  g_autoptr(LhCheck) clean = add (f, "Clean", NULL, "chair", "6m", "2027-08-31");
  g_autoptr(LhCheck) done = NULL;
  g_autoptr(LhCheck) cleaned = NULL;
  g_autoptr(GPtrArray) history = NULL;
  LhEquipmentActor admin = { 0, "Grace" };
  const LhEquipmentEvent *last;

  done = lh_checks_done (f->ts->store, f->centre, pat->id, "passed", "All sockets fine", &admin,
                         date (f, "2026-12-03") + 10 * 3600, NULL, &error);
  g_assert_no_error (error);
  assert_due (f, done, "2027-12-03");
  g_assert_cmpint (done->last_done_at, ==, date (f, "2026-12-03") + 10 * 3600);
  g_assert_cmpstr (done->last_result, ==, "passed");
  g_assert_cmpstr (done->last_by, ==, "Grace");
  g_assert_cmpstr (done->last_note, ==, "All sockets fine");
  history = lh_equipment_history (f->ts->store, "LC-0001", &error);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (last->what, ==, "checked");
  g_assert_cmpstr (last->note, ==, "Electrical safety test: passed; All sockets fine");
  g_assert_cmpstr (last->actor_name, ==, "Grace");

  /* Six months from 31 August is the last day of February. */
  cleaned = lh_checks_done (f->ts->store, f->centre, clean->id, "failed", NULL, &admin,
                            date (f, "2027-08-31") + 9 * 3600, NULL, &error);
  g_assert_no_error (error);
  assert_due (f, cleaned, "2028-02-29");
  g_assert_cmpstr (cleaned->last_result, ==, "failed");
  g_assert_cmpstr (cleaned->last_note, ==, "");
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM equipment_checks_done"), ==, 2);
}

static gint64
add_pc (Fixture *f, const char *name, const char *asset_tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Fri 08:00-20:00", &error);
  gint64 id;

  g_assert_true (lh_resources_add (f->ts->store, name, "pc", 1, &id, &error));
  g_assert_true (lh_resources_set_hours (f->ts->store, id, (LhOpeningPeriod *) hours->data, hours->len, &error));
  g_assert_true (lh_equipment_save (f->ts->store, f->centre, &(LhEquipmentFields) { asset_tag, "computer", NULL, NULL, NULL, id },
                                    &ctl, NULL, NOW - DAY, NULL, &error));
  g_assert_no_error (error);
  return id;
}

/* A PC that fails its safety test is out of use like one reported
 * broken: its computer faulty, its bookings moved, and the check due
 * until it passes. */
static void
test_failed_stops_use (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 pc = add_pc (f, "PC 1", "LC-0010");
  gint64 other = add_pc (f, "PC 2", "LC-0011");
  gint64 amira = lh_test_add_person (f->ts->store, "1", "Amira", LH_ROLE_LEARNER, NOW - DAY);
  gint64 tomorrow = date (f, "2026-11-24");
  g_autoptr(LhBooking) booking = lh_bookings_create (f->ts->store, f->centre, amira, pc, tomorrow + 10 * 3600,
                                                     tomorrow + 11 * 3600, NOW, &error);
  g_autoptr(LhCheck) pat = add (f, "Electrical safety test", "LC-0010", NULL, "1y", "2026-12-01");
  g_autoptr(LhCheck) failed = NULL;
  g_autoptr(LhCheck) passed = NULL;
  g_autoptr(LhEquipment) computer = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  LhFaultMove *move;

  g_assert_no_error (error);
  failed = lh_checks_done (f->ts->store, f->centre, pat->id, "failed", "Earth fault", &ctl, NOW, &moves, &error);
  g_assert_no_error (error);
  assert_due (f, failed, "2026-11-23");
  g_assert_cmpint (lh_check_state (failed, NOW, f->centre->tz), ==, LH_CHECK_DUE_SOON);
  computer = lh_equipment_get (f->ts->store, "LC-0010", &error);
  g_assert_cmpstr (computer->status, ==, "faulty");
  g_assert_cmpint (lh_test_query_int (f->ts->store,
                                      "SELECT count(*) FROM faults WHERE repaired_at IS NULL AND stops_use"), ==, 1);
  g_assert_cmpuint (moves->len, ==, 1);
  move = g_ptr_array_index (moves, 0);
  g_assert_cmpint (move->booking_id, ==, booking->id);
  g_assert_cmpint (move->to_pc_id, ==, other);

  /* A pass moves the due date a whole interval on again. */
  passed = lh_checks_done (f->ts->store, f->centre, pat->id, "passed", NULL, &ctl, NOW + DAY, NULL, &error);
  g_assert_no_error (error);
  assert_due (f, passed, "2027-11-24");
}

/* A retired item is never checked again: retiring it ends its checks
 * and their notices at once, and nothing reminds of them later; a
 * kind's check and another item's stay. */
static void
test_retired_ends_checks (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhCheck) chair = add (f, "Gas lift test", "LC-0300", NULL, "1y", "2026-11-20");
  g_autoptr(LhCheck) done = NULL;
  g_autoptr(LhCheck) pat = add (f, "Electrical safety test", "LC-0001", NULL, "1y", "2027-11-20");
  g_autoptr(LhCheck) chairs = add (f, "Clean", NULL, "chair", "6m", "2027-08-31");
  guint raised = 0;

  done = lh_checks_done (f->ts->store, f->centre, chair->id, "passed", NULL, &ctl, NOW - 30 * DAY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lh_admin_notices_raise_checks (f->ts->store, f->centre->tz, NOW + 400 * DAY, &raised, &error));
  g_assert_cmpuint (raised, ==, 3);
  g_assert_true (lh_equipment_set_status (f->ts->store, f->centre, "LC-0300", "retired", "Broken beyond repair", &ctl, NOW,
                                          &error));
  g_assert_no_error (error);

  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM equipment_checks"), ==, 2);
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM admin_notices WHERE cleared_at IS NULL"),
                   ==, 2);
  g_assert_true (lh_admin_notices_raise_checks (f->ts->store, f->centre->tz, NOW + 800 * DAY, &raised, &error));
  g_assert_no_error (error);
  /* The others' are raised already; the retired chair's is not again. */
  g_assert_cmpuint (raised, ==, 0);
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM admin_notices WHERE check_id = 1"), ==, 0);
  /* Its doing stays in the item's own history. */
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM equipment_events WHERE what = 'checked'"),
                   ==, 1);
}

static void
assert_add_refused (Fixture *f, const LhCheckFields *fields, int code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhCheck) check = lh_checks_add (f->ts->store, fields, f->centre->tz, NOW, &error);

  g_assert_error (error, LH_ERROR, code);
  g_assert_null (check);
}

static void
assert_done_refused (Fixture *f, gint64 id, const char *result, const char *note, int code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhCheck) check = lh_checks_done (f->ts->store, f->centre, id, result, note, &ctl, NOW, NULL, &error);

  g_assert_error (error, LH_ERROR, code);
  g_assert_null (check);
}

static void
test_bad_input_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *long_what = g_strnfill (LH_CHECK_WHAT_MAX_CHARS + 1, 'x');
  g_autofree char *long_note = g_strnfill (LH_EQUIPMENT_NOTE_MAX_CHARS, 'x');
  g_autoptr(LhCheck) pat = NULL;
  g_autoptr(LhCheck) again = NULL;

  assert_add_refused (f, &(LhCheckFields) { "  ", NULL, NULL, 30, 0, 0 }, LH_ERROR_INVALID);
  assert_add_refused (f, &(LhCheckFields) { NULL, NULL, NULL, 30, 0, 0 }, LH_ERROR_INVALID);
  assert_add_refused (f, &(LhCheckFields) { long_what, NULL, NULL, 30, 0, 0 }, LH_ERROR_INVALID);
  assert_add_refused (f, &(LhCheckFields) { "Test\n", NULL, NULL, 30, 0, 0 }, LH_ERROR_INVALID);
  assert_add_refused (f, &(LhCheckFields) { "Test", "LC-0001", "chair", 30, 0, 0 }, LH_ERROR_INVALID);
  assert_add_refused (f, &(LhCheckFields) { "Test", NULL, "sofa", 30, 0, 0 }, LH_ERROR_INVALID);
  assert_add_refused (f, &(LhCheckFields) { "Test", NULL, NULL, 30, 6, 0 }, LH_ERROR_INVALID);
  assert_add_refused (f, &(LhCheckFields) { "Test", NULL, NULL, 0, 0, 0 }, LH_ERROR_INVALID);
  assert_add_refused (f, &(LhCheckFields) { "Test", NULL, NULL, -5, 0, 0 }, LH_ERROR_INVALID);
  assert_add_refused (f, &(LhCheckFields) { "Test", "LC-9999", NULL, 30, 0, 0 }, LH_ERROR_NOT_FOUND);
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM equipment_checks"), ==, 0);

  pat = add (f, "Electrical safety test", "LC-0001", NULL, "1y", "2026-12-01");
  assert_done_refused (f, pat->id, "ok", NULL, LH_ERROR_INVALID);
  assert_done_refused (f, pat->id, NULL, NULL, LH_ERROR_INVALID);
  assert_done_refused (f, pat->id, "passed", "bell\a", LH_ERROR_INVALID);
  assert_done_refused (f, pat->id, "passed", long_note, LH_ERROR_INVALID);
  assert_done_refused (f, pat->id + 1, "passed", NULL, LH_ERROR_NOT_FOUND);
  again = lh_checks_get (f->ts->store, pat->id, NULL);
  g_assert_cmpint (again->next_due, ==, pat->next_due);
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM equipment_checks_done"), ==, 0);
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM equipment_events WHERE what = 'checked'"),
                   ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  g_test_add_func ("/checks/parse-every", test_parse_every);
  ADD ("/checks/add-and-list", test_add_and_list);
  ADD ("/checks/done-sets-next-due", test_done_sets_next_due);
  ADD ("/checks/bad-input-changes-nothing", test_bad_input_changes_nothing);
  ADD ("/checks/failed-stops-use", test_failed_stops_use);
  ADD ("/checks/retired-ends-checks", test_retired_ends_checks);
  return g_test_run ();
}
