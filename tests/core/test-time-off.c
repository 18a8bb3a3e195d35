/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Paid time off moving: requests with bookings, places and assessments,
 * refusal over the entitlement, approval and rejection, settling from
 * actual use, cancelling, admins' adjustments and the audit trail, ULR
 * facility time, through the real code on a real database. */
#include "time-off-fixture.h"

static const LhActor admin_actor = TEST_ADMIN;

static void
test_paid_booking_and_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = book (f, f->amira, "2026-11-24", 10, 60, TRUE, &error);
  g_autoptr(LhTimeOffRequest) request = NULL;
  gint64 at = date (f, "2026-11-24");

  g_assert_no_error (error);
  request = lh_time_off_get_for (f->ts->store, LH_TIME_OFF_FOR_BOOKING, booking->id, &error);
  g_assert_nonnull (request);
  g_assert_cmpstr (request->status, ==, "approved");
  g_assert_cmpstr (request->category, ==, "learning");
  g_assert_cmpstr (request->activity, ==, "centre-learning");
  g_assert_cmpstr (request->what, ==, "PC 1");
  g_assert_cmpint (request->minutes, ==, 60);
  g_assert_cmpint (category (f, f->amira, at, "learning").booked_minutes, ==, 60);
  g_assert_cmpint (category (f, f->amira, at, "learning").remaining_minutes, ==, 3090);

  /* Cancelling gives the hour back. */
  g_assert_true (lh_bookings_cancel (f->ts->store, f->amira, booking->id, at, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (category (f, f->amira, at, "learning").booked_minutes, ==, 0);
  g_assert_cmpint (category (f, f->amira, at, "learning").remaining_minutes, ==, 3150);
  g_clear_pointer (&request, lh_time_off_request_free);
  request = lh_time_off_get_for (f->ts->store, LH_TIME_OFF_FOR_BOOKING, booking->id, &error);
  g_assert_cmpstr (request->status, ==, "cancelled");
  {
    g_autoptr(GPtrArray) history = lh_time_off_history (f->ts->store, f->amira, at, at + DAY, &error);
    const LhLedgerEntry *last = g_ptr_array_index (history, history->len - 1);

    g_assert_cmpstr (last->kind, ==, "cancelled");
    g_assert_cmpstr (last->actor_name, ==, "Amira (1)");
  }
}

static void
test_own_time_and_over_entitlement (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) own = book (f, f->amira, "2026-11-24", 10, 60, FALSE, &error);
  g_autoptr(LhBooking) refused = NULL;
  g_autoptr(LhBooking) instead = NULL;
  g_autoptr(LhTimeOffRequest) request = NULL;
  gint64 at = date (f, "2026-11-24");

  g_assert_no_error (error);
  request = lh_time_off_get_for (f->ts->store, LH_TIME_OFF_FOR_BOOKING, own->id, &error);
  g_assert_cmpstr (request->status, ==, "own");
  g_assert_false (request->paid);
  g_assert_cmpint (category (f, f->amira, at, "learning").remaining_minutes, ==, 3150);

  /* An exam day and more leave only 30 minutes: an hour is refused, in
   * words that give the balance and the way out; nothing is booked. */
  g_assert_true (lh_time_off_adjust (f->ts->store, f->centre, f->amira, "learning", 3120, date (f, "2026-11-02"),
                                     "Course at the college", &admin_actor, at, &error));
  g_assert_no_error (error);
  refused = book (f, f->amira, "2026-11-25", 10, 60, TRUE, &error);
  g_assert_null (refused);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "30 minutes"));
  g_assert_nonnull (strstr (error->message, "to 31 March 2027"));
  g_assert_nonnull (strstr (error->message, "own time"));
  g_clear_error (&error);
  g_assert_cmpint (category (f, f->amira, at, "learning").remaining_minutes, ==, 30);
  /* The same time in their own time is booked. */
  instead = book (f, f->amira, "2026-11-25", 10, 60, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (instead);
  /* Thirty minutes of paid time still fit. */
  g_clear_pointer (&refused, lh_booking_free);
  refused = book (f, f->amira, "2026-11-26", 10, 30, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (category (f, f->amira, at, "learning").remaining_minutes, ==, 0);
}

static void
test_usage_shorter_than_booking (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = book (f, f->amira, "2026-11-24", 10, 60, TRUE, &error);
  g_autoptr(LhTimeOffRequest) request = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 at = date (f, "2026-11-24");
  LhTimeOffCategory learning;

  g_assert_no_error (error);
  /* In at 10:05, out at 10:45: 40 minutes used of the hour. */
  sit (f, booking->start_at + 5 * MINUTE, booking->start_at + 45 * MINUTE);
  /* Not settled before the booking's end: they may come back. */
  g_assert_cmpuint (housekeep (f, booking->start_at + 50 * MINUTE), ==, 0);
  g_assert_cmpuint (housekeep (f, booking->end_at + MINUTE), ==, 1);
  learning = category (f, f->amira, at, "learning");
  g_assert_cmpint (learning.taken_minutes, ==, 40);
  g_assert_cmpint (learning.booked_minutes, ==, 0);
  g_assert_cmpint (learning.remaining_minutes, ==, 3110);
  request = lh_time_off_get_for (f->ts->store, LH_TIME_OFF_FOR_BOOKING, booking->id, &error);
  g_assert_cmpstr (request->status, ==, "taken");
  g_assert_cmpint (request->taken_minutes, ==, 40);
  /* Settled once only. */
  g_assert_cmpuint (housekeep (f, booking->end_at + HOUR), ==, 0);
  history = lh_time_off_history (f->ts->store, f->amira, date (f, "2026-04-01"), date (f, "2027-04-01"), &error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (((LhLedgerEntry *) history->pdata[0])->kind, ==, "requested");
  /* The learner asked; the terms approved it at once. */
  g_assert_cmpstr (((LhLedgerEntry *) history->pdata[0])->actor_name, ==, "Amira (1)");
  g_assert_cmpstr (((LhLedgerEntry *) history->pdata[1])->kind, ==, "approved");
  g_assert_cmpstr (((LhLedgerEntry *) history->pdata[1])->actor_name, ==, "learnhubd");
  g_assert_cmpstr (((LhLedgerEntry *) history->pdata[2])->kind, ==, "taken");
  g_assert_cmpint (((LhLedgerEntry *) history->pdata[2])->minutes, ==, 40);
}

static void
test_no_show_gives_time_back (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = book (f, f->amira, "2026-11-24", 10, 60, TRUE, &error);
  gint64 at = date (f, "2026-11-24");

  g_assert_no_error (error);
  /* The PC's kiosk is on, nobody comes: released after the hold. */
  g_assert_true (lh_devices_heartbeat (f->ts->store, f->kiosk1, booking->start_at + 16 * MINUTE, &error));
  housekeep (f, booking->start_at + 16 * MINUTE);
  g_assert_cmpint (category (f, f->amira, at, "learning").booked_minutes, ==, 0);
  g_assert_cmpint (category (f, f->amira, at, "learning").taken_minutes, ==, 0);
  g_assert_cmpint (category (f, f->amira, at, "learning").remaining_minutes, ==, 3150);
}

static void
test_approval_and_rejection (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) one = book (f, f->amira, "2026-11-24", 10, 60, TRUE, &error);
  g_autoptr(LhBooking) two = book (f, f->amira, "2026-11-25", 10, 90, TRUE, &error);
  g_autoptr(LhTimeOffRequest) first = NULL;
  g_autoptr(LhTimeOffRequest) second = NULL;
  g_autoptr(LhTimeOffRequest) decided = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) told = NULL;
  g_autoptr(GPtrArray) told_again = NULL;
  gint64 at = date (f, "2026-11-23") + 9 * HOUR;
  const LhActor priya = { f->pat, "Priya Shah (100006)" };

  g_assert_no_error (error);
  first = lh_time_off_get_for (f->ts->store, LH_TIME_OFF_FOR_BOOKING, one->id, &error);
  second = lh_time_off_get_for (f->ts->store, LH_TIME_OFF_FOR_BOOKING, two->id, &error);
  g_assert_cmpstr (first->status, ==, "pending");
  g_assert_cmpstr (second->status, ==, "pending");
  /* Pending time counts as spent. */
  g_assert_cmpint (category (f, f->amira, at, "learning").pending_minutes, ==, 150);
  g_assert_cmpint (category (f, f->amira, at, "learning").remaining_minutes, ==, 3000);
  pending = lh_time_off_list_pending (f->ts->store, &error);
  g_assert_cmpuint (pending->len, ==, 2);
  g_assert_cmpstr (((LhTimeOffRequest *) pending->pdata[0])->person_name, ==, "Amira");

  decided = lh_time_off_decide (f->ts->store, first->id, TRUE, NULL, &priya, at, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (decided->status, ==, "approved");
  g_clear_pointer (&decided, lh_time_off_request_free);
  /* A rejection needs a reason; deciding twice is refused. */
  g_assert_null (lh_time_off_decide (f->ts->store, second->id, FALSE, "  ", &priya, at, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (lh_time_off_decide (f->ts->store, first->id, FALSE, "Changed my mind", &priya, at, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_null (lh_time_off_decide (f->ts->store, 9999, TRUE, NULL, &priya, at, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  decided = lh_time_off_decide (f->ts->store, second->id, FALSE, "Short-staffed that day", &priya, at, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (decided->status, ==, "rejected");
  g_assert_cmpstr (decided->decision_reason, ==, "Short-staffed that day");
  g_assert_cmpint (category (f, f->amira, at, "learning").booked_minutes, ==, 60);
  g_assert_cmpint (category (f, f->amira, at, "learning").pending_minutes, ==, 0);
  g_assert_cmpint (category (f, f->amira, at, "learning").remaining_minutes, ==, 3090);

  /* The learner is told once. */
  told = lh_time_off_take_decisions (f->ts->store, f->amira, at, &error);
  g_assert_cmpuint (told->len, ==, 2);
  told_again = lh_time_off_take_decisions (f->ts->store, f->amira, at, &error);
  g_assert_cmpuint (told_again->len, ==, 0);

  /* The rejected booking stands, in their own time: used, it is own time. */
  sit (f, two->start_at, two->end_at);
  housekeep (f, two->end_at);
  g_assert_cmpint (category (f, f->amira, at, "learning").own_minutes, ==, 90);
  g_assert_cmpint (category (f, f->amira, at, "learning").taken_minutes, ==, 0);
}

static void
test_adjustment_and_audit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 now = date (f, "2026-11-23") + 12 * HOUR;
  const LhLedgerEntry *entry;
  LhTimeOffBalance balance;

  /* An exam day taken off site, then a correction of half an hour. */
  g_assert_true (lh_time_off_adjust (f->ts->store, f->centre, f->amira, "assessment", 450, date (f, "2026-11-10"),
                                     "Maths exam at the college", &admin_actor, now, &error));
  g_assert_true (lh_time_off_adjust (f->ts->store, f->centre, f->amira, "assessment", -30, date (f, "2026-11-10"),
                                     "Correction: the exam was 7 hours", &admin_actor, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (category (f, f->amira, now, "assessment").taken_minutes, ==, 420);
  g_assert_cmpint (category (f, f->amira, now, "assessment").remaining_minutes, ==, 30);
  history = lh_time_off_history (f->ts->store, f->amira, date (f, "2026-04-01"), date (f, "2027-04-01"), &error);
  g_assert_cmpuint (history->len, ==, 2);
  entry = history->pdata[1];
  g_assert_cmpstr (entry->kind, ==, "adjusted");
  g_assert_cmpint (entry->minutes, ==, -30);
  g_assert_cmpstr (entry->reason, ==, "Correction: the exam was 7 hours");
  g_assert_cmpstr (entry->actor_name, ==, "learnhubctl, user test");
  g_assert_cmpint (entry->recorded_at, ==, now);

  /* Bad adjustments change nothing. */
  g_assert_false (lh_time_off_adjust (f->ts->store, f->centre, f->amira, "holiday", 60, now, "x", &admin_actor, now, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lh_time_off_adjust (f->ts->store, f->centre, f->amira, "learning", 60, now, "", &admin_actor, now, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lh_time_off_adjust (f->ts->store, f->centre, f->amira, "learning", 0, now, "x", &admin_actor, now, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lh_time_off_adjust (f->ts->store, f->centre, f->amira, "learning", 60, now + DAY, "x", &admin_actor, now, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lh_time_off_adjust (f->ts->store, f->centre, 9999, "learning", 60, now, "x", &admin_actor, now, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (lh_time_off_balance (f->ts->store, f->centre, f->amira, now, &balance, &error));
  g_assert_cmpint (balance.categories[0].taken_minutes, ==, 0);

  /* The ledger itself refuses to be edited or deleted from. */
  {
    g_autoptr(LhStmt) edit = lh_store_prepare (f->ts->store, "UPDATE time_off_ledger SET minutes = 1", &error);
    g_autoptr(LhStmt) delete = lh_store_prepare (f->ts->store, "DELETE FROM time_off_ledger", &error);

    g_assert_no_error (error);
    g_assert_false (lh_store_exec (f->ts->store, edit, &error));
    g_assert_nonnull (strstr (error->message, "never edited"));
    g_clear_error (&error);
    g_assert_false (lh_store_exec (f->ts->store, delete, &error));
    g_assert_nonnull (strstr (error->message, "never deleted"));
    g_clear_error (&error);
  }
  g_clear_pointer (&history, g_ptr_array_unref);
  history = lh_time_off_history (f->ts->store, f->amira, date (f, "2026-04-01"), date (f, "2027-04-01"), &error);
  g_assert_cmpuint (history->len, ==, 2);
}

static void
test_group_place_and_assessment (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhGroupSession) group = NULL;
  g_autoptr(LhAssessmentSlot) slot = NULL;
  g_autoptr(LhAssessmentSlot) booked = NULL;
  g_autoptr(LhTimeOffRequest) request = NULL;
  gint64 now = date (f, "2026-11-23") + 9 * HOUR;
  gint64 start = date (f, "2026-11-25") + 13 * HOUR;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Fri 08:00-20:00", &error);
  LhPerson ulr = { .staff_number = (char *) "3", .name = (char *) "Sue", .hours_per_week = 37.5,
                   .roles = LH_ROLE_LEARNER | LH_ROLE_ULR };
  gint64 sue, room;

  g_assert_true (lh_people_save (f->ts->store, &ulr, now, &sue, NULL, &error));
  g_assert_true (lh_resources_add (f->ts->store, "Room 1", "room", 8, &room, &error));
  g_assert_true (lh_resources_set_hours (f->ts->store, room, (LhOpeningPeriod *) hours->data, hours->len, &error));
  group = lh_groups_create (f->ts->store, f->centre, sue, room, "Maths together", "", start, start + 90 * MINUTE,
                            4, 1, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lh_groups_join_paid (f->ts->store, f->centre, group->id, f->amira, TRUE, now, NULL, &error), ==,
                   LH_PLACE_BOOKED);
  g_assert_no_error (error);
  g_assert_cmpint (category (f, f->amira, now, "learning").booked_minutes, ==, 90);

  slot = lh_assessments_offer (f->ts->store, sue, sue, "maths", start + 2 * HOUR, start + 3 * HOUR, "Room 2", now,
                               &error);
  g_assert_no_error (error);
  booked = lh_assessments_book_paid (f->ts->store, f->centre, slot->id, f->amira, TRUE, now, &error);
  g_assert_no_error (error);
  request = lh_time_off_get_for (f->ts->store, LH_TIME_OFF_FOR_ASSESSMENT, slot->id, &error);
  g_assert_cmpstr (request->category, ==, "assessment");
  g_assert_cmpint (category (f, f->amira, now, "assessment").booked_minutes, ==, 60);

  /* Giving the place back returns its time; the assessment is taken
   * whole once it is over. */
  g_assert_true (lh_groups_leave (f->ts->store, group->id, f->amira, now, NULL, &error));
  g_assert_cmpint (category (f, f->amira, now, "learning").booked_minutes, ==, 0);
  housekeep (f, start + 3 * HOUR);
  g_assert_cmpint (category (f, f->amira, now, "assessment").taken_minutes, ==, 60);
  g_assert_cmpint (category (f, f->amira, now, "assessment").booked_minutes, ==, 0);
}

static void
test_facility_time_in_ledger (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFacilityEntry) entry = NULL;
  g_autoptr(LhFacilitySummary) summary = NULL;
  gint64 now = date (f, "2026-11-23") + 12 * HOUR;
  LhPerson ulr = { .staff_number = (char *) "3", .name = (char *) "Sue", .hours_per_week = 37.5,
                   .roles = LH_ROLE_LEARNER | LH_ROLE_ULR };
  gint64 sue;
  int minutes = 0;

  g_assert_true (lh_people_save (f->ts->store, &ulr, now, &sue, NULL, &error));
  entry = lh_facility_time_add (f->ts->store, sue, "training", now - 3 * HOUR, 120, "ULR refresher", now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (entry->activity, ==, "training");
  g_assert_true (lh_time_off_facility_minutes (f->ts->store, sue, now - DAY, now + DAY, &minutes, &error));
  g_assert_cmpint (minutes, ==, 120);
  summary = lh_facility_time_summary (f->ts->store, f->centre, sue, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->week_minutes, ==, 120);
  g_assert_cmpuint (summary->entries->len, ==, 1);
}

/* Nobody decides in time: not approved, told so, the time spent as own
 * time; a pending request cancelled gives its minutes back; an admin's
 * list never says which group or which skill; no one decides their own. */
static void
test_undecided_and_hidden (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) undecided = book (f, f->amira, "2026-11-24", 10, 60, TRUE, &error);
  g_autoptr(LhBooking) cancelled = book (f, f->amira, "2026-11-25", 10, 60, TRUE, &error);
  g_autoptr(LhGroupSession) group = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) told = NULL;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Fri 08:00-20:00", &error);
  gint64 now = date (f, "2026-11-23") + 9 * HOUR;
  const LhActor herself = { f->amira, "Amira (1)" };
  const LhActor admin = TEST_ADMIN;
  LhPerson ulr = { .staff_number = (char *) "3", .name = (char *) "Sue", .hours_per_week = 37.5,
                   .roles = LH_ROLE_LEARNER | LH_ROLE_ULR };
  gint64 sue, room;
  gint64 start = date (f, "2026-11-26") + 13 * HOUR;

  g_assert_no_error (error);
  g_assert_true (lh_people_save (f->ts->store, &ulr, now, &sue, NULL, &error));
  g_assert_true (lh_resources_add (f->ts->store, "Room 1", "room", 8, &room, &error));
  g_assert_true (lh_resources_set_hours (f->ts->store, room, (LhOpeningPeriod *) hours->data, hours->len, &error));
  group = lh_groups_create (f->ts->store, f->centre, sue, room, "Reading for pleasure", "", start,
                            start + HOUR, 4, 1, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lh_groups_join_paid (f->ts->store, f->centre, group->id, f->amira, TRUE, now, NULL, &error), ==,
                   LH_PLACE_BOOKED);
  g_assert_cmpint (category (f, f->amira, now, "learning").pending_minutes, ==, 180);

  /* The admin is never told which PC or group (issue 12, item 4). */
  pending = lh_time_off_list_pending (f->ts->store, &error);
  g_assert_cmpuint (pending->len, ==, 3);
  g_assert_cmpstr (((LhTimeOffRequest *) pending->pdata[0])->what, ==, "");
  g_assert_cmpstr (((LhTimeOffRequest *) pending->pdata[2])->what, ==, "");
  g_assert_cmpstr (((LhTimeOffRequest *) pending->pdata[2])->activity, ==, "group-study");

  /* Nobody decides their own request. */
  g_assert_null (lh_time_off_decide (f->ts->store, ((LhTimeOffRequest *) pending->pdata[0])->id, TRUE, NULL,
                                     &herself, now, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* Cancelled while waiting: its minutes come back. */
  g_assert_true (lh_bookings_cancel (f->ts->store, f->amira, cancelled->id, now, NULL, NULL, &error));
  g_assert_cmpint (category (f, f->amira, now, "learning").pending_minutes, ==, 120);

  /* Still waiting when its hour comes, and used: not approved, told so,
   * and the 50 minutes used are own time. */
  sit (f, undecided->start_at, undecided->start_at + 50 * MINUTE);
  housekeep (f, undecided->end_at);
  g_assert_cmpint (category (f, f->amira, now, "learning").pending_minutes, ==, 60);
  g_assert_cmpint (category (f, f->amira, now, "learning").own_minutes, ==, 50);
  g_assert_cmpint (category (f, f->amira, now, "learning").taken_minutes, ==, 0);
  told = lh_time_off_take_decisions (f->ts->store, f->amira, now, &error);
  g_assert_cmpuint (told->len, ==, 1);
  /* Told as the decision it was, though the request is settled since. */
  g_assert_cmpstr (((LhTimeOffRequest *) told->pdata[0])->status, ==, "rejected");
  g_assert_nonnull (strstr (((LhTimeOffRequest *) told->pdata[0])->decision_reason, "own time"));

  /* Deciding it now is too late. */
  g_assert_null (lh_time_off_decide (f->ts->store, ((LhTimeOffRequest *) told->pdata[0])->id, TRUE, NULL, &admin,
                                     now, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
}

/* An adjustment is held to the entitlement like any other movement: no
 * ESOL hours for someone not marked ESOL, no balance below zero, and a
 * refusal writes nothing. */
static void
test_adjustment_keeps_balance (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 now = date (f, "2026-11-23") + 12 * HOUR;
  gint64 at = date (f, "2026-11-10");

  g_assert_false (lh_time_off_adjust (f->ts->store, f->centre, f->amira, "esol", 60, at, "ESOL class",
                                      &admin_actor, now, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not marked as an ESOL learner"));
  g_clear_error (&error);
  g_assert_false (lh_time_off_adjust (f->ts->store, f->centre, f->amira, "apprentice", 60, at, "Study day",
                                      &admin_actor, now, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);

  /* 7.5 hours of assessment time: 7h 31m would leave -1 minute. */
  g_assert_false (lh_time_off_adjust (f->ts->store, f->centre, f->amira, "assessment", 451, at, "Exam",
                                      &admin_actor, now, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "below zero"));
  g_clear_error (&error);
  /* Nothing taken yet, so nothing to give back. */
  g_assert_false (lh_time_off_adjust (f->ts->store, f->centre, f->amira, "learning", -60, at, "Correction",
                                      &admin_actor, now, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);
  history = lh_time_off_history (f->ts->store, f->amira, date (f, "2026-04-01"), date (f, "2027-04-01"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);

  /* All that is left, and all of it back, are fine. */
  g_assert_true (lh_time_off_adjust (f->ts->store, f->centre, f->amira, "assessment", 450, at, "Exam",
                                     &admin_actor, now, &error));
  g_assert_true (lh_time_off_adjust (f->ts->store, f->centre, f->amira, "assessment", -450, at, "Correction",
                                     &admin_actor, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (category (f, f->amira, now, "assessment").remaining_minutes, ==, 450);
}


static LhTimeOffRequest *
request_at (gint64 id, const char *iso)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (iso, NULL);
  LhTimeOffRequest *request = g_new0 (LhTimeOffRequest, 1);

  request->id = id;
  request->start_at = g_date_time_to_unix (at);
  return request;
}

/* The admin's list goes by local day, then by id: its order within a day
 * must not give away the hours the admin is not told (issue 12, item 4). */
static void
test_sorted_for_approver (void)
{
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_time_off_request_free);
  const gint64 expected[] = { 3, 1, 2, 4 };

  g_ptr_array_add (requests, request_at (4, "2026-06-26T07:00:00Z"));
  g_ptr_array_add (requests, request_at (2, "2026-06-25T09:00:00Z"));
  /* 00:30 on the 25th in London: the 25th, not the 24th. */
  g_ptr_array_add (requests, request_at (1, "2026-06-24T23:30:00Z"));
  g_ptr_array_add (requests, request_at (3, "2026-06-24T22:00:00Z"));
  lh_time_off_sort_for_approver (requests, london);
  g_assert_cmpuint (requests->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < requests->len; i++)
    g_assert_cmpint (((LhTimeOffRequest *) requests->pdata[i])->id, ==, expected[i]);

  /* Two on one day in the opposite order of their hours keep id order. */
  g_ptr_array_set_size (requests, 0);
  g_ptr_array_add (requests, request_at (8, "2026-06-25T08:00:00Z"));
  g_ptr_array_add (requests, request_at (7, "2026-06-25T15:00:00Z"));
  lh_time_off_sort_for_approver (requests, london);
  g_assert_cmpint (((LhTimeOffRequest *) requests->pdata[0])->id, ==, 7);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/time-off/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("paid-booking-and-cancel", test_paid_booking_and_cancel);
  ADD ("own-time-and-over-entitlement", test_own_time_and_over_entitlement);
  ADD ("usage-shorter-than-booking", test_usage_shorter_than_booking);
  ADD ("no-show-gives-time-back", test_no_show_gives_time_back);
  ADD ("adjustment-and-audit", test_adjustment_and_audit);
  ADD ("adjustment-keeps-balance", test_adjustment_keeps_balance);
  ADD ("group-place-and-assessment", test_group_place_and_assessment);
  ADD ("facility-time-in-ledger", test_facility_time_in_ledger);
#undef ADD
  g_test_add ("/time-off/approval-and-rejection", Fixture, NULL, setup_approval, test_approval_and_rejection,
              teardown);
  g_test_add_func ("/time-off/sorted-for-approver", test_sorted_for_approver);
  g_test_add ("/time-off/undecided-and-hidden", Fixture, NULL, setup_approval, test_undecided_and_hidden,
              teardown);
  return g_test_run ();
}
