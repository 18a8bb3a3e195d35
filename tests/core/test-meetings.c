/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's meetings: who attended, the report tabled, the next one,
 * and what is refused. */
#include "lh-centre.h"
#include "lh-committee-private.h"
#include "lh-core-test.h"
#include "lh-error.h"
#include "lh-meetings.h"
#include "lh-time.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW  1795435200
#define DAY  ((gint64) 24 * 3600)
#define YEAR (365 * DAY)

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       member;    /* on the committee */
  gint64       learner;   /* not */
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->member = lh_test_add_person (f->ts->store, "100001", "Cath Moss", LH_ROLE_COMMITTEE | LH_ROLE_LEARNER, NOW);
  f->learner = lh_test_add_person (f->ts->store, "100002", "Dan Reed", LH_ROLE_LEARNER | LH_ROLE_ULR, NOW);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

static LhMeeting *
add (Fixture *f, gint64 starts_at, const char *place)
{
  g_autoptr(GError) error = NULL;
  LhMeeting *meeting = lh_meetings_add (f->ts->store, starts_at, place, "", NOW, &error);

  g_assert_no_error (error);
  return meeting;
}

static void
assert_refused (GError *error, int code, const char *reason)
{
  g_assert_error (error, LH_ERROR, code);
  g_assert_cmpstr (lh_error_get_reason (error), ==, reason);
}

static void
test_attended_and_tabled (Fixture *f, gconstpointer data)
{
  g_autoptr(LhMeeting) added = add (f, NOW + 3 * DAY, "Training room");
  g_autoptr(LhMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  const LhMeetingAttendee *first, *second;

  g_assert_true (lh_meetings_attend (f->ts->store, added->id, f->member, NULL, &error));
  g_assert_true (lh_meetings_attend (f->ts->store, added->id, 0, "Ann Provider (college)", &error));
  /* Twice is once. */
  g_assert_true (lh_meetings_attend (f->ts->store, added->id, f->member, NULL, &error));
  g_assert_true (lh_meetings_attend (f->ts->store, added->id, 0, "Ann Provider (college)", &error));
  g_assert_true (lh_meetings_table_report (f->ts->store, f->centre->tz, added->id, "2026-07-01", "2026-09-30", NOW,
                                           &error));
  g_assert_no_error (error);

  meeting = lh_meetings_get (f->ts->store, added->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (meeting->place, ==, "Training room");
  g_assert_cmpint (meeting->starts_at, ==, NOW + 3 * DAY);
  g_assert_cmpstr (meeting->report_first_day, ==, "2026-07-01");
  g_assert_cmpstr (meeting->report_last_day, ==, "2026-09-30");
  g_assert_cmpuint (meeting->attendees->len, ==, 2);
  first = g_ptr_array_index (meeting->attendees, 0);
  second = g_ptr_array_index (meeting->attendees, 1);
  g_assert_cmpstr (first->name, ==, "Ann Provider (college)");
  g_assert_cmpint (first->person_id, ==, 0);
  g_assert_cmpstr (second->name, ==, "Cath Moss");
  g_assert_cmpint (second->person_id, ==, f->member);
}

static void
test_list_and_next (Fixture *f, gconstpointer data)
{
  g_autoptr(LhMeeting) past = add (f, NOW - 60 * DAY, "Room 1");
  g_autoptr(LhMeeting) later = add (f, NOW + 60 * DAY, "Room 3");
  g_autoptr(LhMeeting) soon = add (f, NOW + 5 * DAY, "Room 2");
  g_autoptr(LhMeeting) next = NULL;
  g_autoptr(GPtrArray) period = NULL;
  g_autoptr(GError) error = NULL;

  next = lh_meetings_next (f->ts->store, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (next->id, ==, soon->id);

  /* [from, to): the one on `to` is the next period's. */
  period = lh_meetings_list (f->ts->store, NOW - 60 * DAY, NOW + 60 * DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (period->len, ==, 2);
  g_assert_cmpint (((LhMeeting *) period->pdata[0])->id, ==, past->id);
  g_assert_cmpint (((LhMeeting *) period->pdata[1])->id, ==, soon->id);

  g_clear_pointer (&next, lh_meeting_free);
  next = lh_meetings_next (f->ts->store, NOW + 61 * DAY, &error);
  g_assert_no_error (error);
  g_assert_null (next);
  (void) later;
}

static void
test_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(LhMeeting) added = add (f, NOW + 3 * DAY, "Training room");
  g_autoptr(LhMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (lh_meetings_edit (f->ts->store, added->id,
                                   &(LhMeetingEdit) { .notes = "Reviewed the quarter's usage" }, NOW, &error));
  g_assert_no_error (error);
  meeting = lh_meetings_get (f->ts->store, added->id, &error);
  g_assert_cmpstr (meeting->place, ==, "Training room");
  g_assert_cmpint (meeting->starts_at, ==, NOW + 3 * DAY);
  g_assert_cmpstr (meeting->notes, ==, "Reviewed the quarter's usage");
}

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr(LhMeeting) meeting = add (f, NOW + 3 * DAY, "Training room");
  g_autofree char *long_place = g_strnfill (LH_MEETING_PLACE_MAX_CHARS + 1, 'x');
  g_autofree char *long_notes = g_strnfill (LH_MEETING_NOTES_MAX_CHARS + 1, 'x');
  GError *error = NULL;
  const char *field = NULL;

  g_assert_null (lh_meetings_add (f->ts->store, NOW, "   ", "", NOW, &error));
  assert_refused (error, LH_ERROR_INVALID, "place-invalid");
  g_clear_error (&error);

  g_assert_null (lh_meetings_add (f->ts->store, NOW, long_place, "", NOW, &error));
  assert_refused (error, LH_ERROR_INVALID, "text-too-long");
  g_assert_cmpuint (lh_error_get_max_chars (error, &field), ==, LH_MEETING_PLACE_MAX_CHARS);
  g_assert_cmpstr (field, ==, "place");
  g_clear_error (&error);

  g_assert_false (lh_meetings_edit (f->ts->store, meeting->id, &(LhMeetingEdit) { .notes = long_notes }, NOW,
                                    &error));
  assert_refused (error, LH_ERROR_INVALID, "text-too-long");
  g_assert_cmpuint (lh_error_get_max_chars (error, NULL), ==, LH_MEETING_NOTES_MAX_CHARS);
  g_clear_error (&error);

  g_assert_null (lh_meetings_add (f->ts->store, NOW + 6 * YEAR, "Room 1", "", NOW, &error));
  assert_refused (error, LH_ERROR_INVALID, "date-out-of-range");
  g_clear_error (&error);
  g_assert_false (lh_meetings_edit (f->ts->store, meeting->id, &(LhMeetingEdit) { .starts_at = NOW - 21 * YEAR },
                                    NOW, &error));
  assert_refused (error, LH_ERROR_INVALID, "date-out-of-range");
  g_clear_error (&error);

  g_assert_false (lh_meetings_attend (f->ts->store, meeting->id, f->learner, NULL, &error));
  assert_refused (error, LH_ERROR_INVALID, "attendee-not-member");
  g_clear_error (&error);
  g_assert_false (lh_meetings_attend (f->ts->store, meeting->id, 0, "Ann\nProvider", &error));
  assert_refused (error, LH_ERROR_INVALID, "name-invalid");
  g_clear_error (&error);

  g_assert_false (lh_meetings_attend (f->ts->store, meeting->id + 1, f->member, NULL, &error));
  assert_refused (error, LH_ERROR_NOT_FOUND, "meeting-not-found");
  g_clear_error (&error);

  g_assert_false (lh_meetings_table_report (f->ts->store, f->centre->tz, meeting->id, "2026-09-30", "2026-07-01",
                                            NOW, &error));
  assert_refused (error, LH_ERROR_INVALID, "period-invalid");
  g_clear_error (&error);
  g_assert_false (lh_meetings_table_report (f->ts->store, f->centre->tz, meeting->id, "2026-02-30", "2026-07-01",
                                            NOW, &error));
  assert_refused (error, LH_ERROR_INVALID, "date-invalid");
  g_clear_error (&error);

  /* Nothing of it was stored. */
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM committee_meetings"), ==, 1);
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM committee_attendees"), ==, 0);
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM committee_meetings "
                                                    "WHERE report_first_day IS NULL AND notes = ''"), ==, 1);
}

static void
test_attendees_bounded (Fixture *f, gconstpointer data)
{
  g_autoptr(LhMeeting) meeting = add (f, NOW, "Room 1");
  GError *error = NULL;

  for (int i = 0; i < LH_MEETING_ATTENDEES_MAX; i++)
    {
      g_autofree char *name = g_strdup_printf ("Guest %02d", i);

      g_assert_true (lh_meetings_attend (f->ts->store, meeting->id, 0, name, &error));
      g_assert_no_error (error);
    }
  g_assert_false (lh_meetings_attend (f->ts->store, meeting->id, 0, "One more", &error));
  assert_refused (error, LH_ERROR_INVALID, "too-many-attendees");
  g_clear_error (&error);
}

static void
test_query_plans (Fixture *f, gconstpointer data)
{
  lh_test_assert_plan (f->ts->store, LH_MEETINGS_LIST_SQL,
                       "SEARCH committee_meetings USING INDEX committee_meetings_by_start (starts_at>? AND starts_at<?)");
  lh_test_assert_plan (f->ts->store, LH_MEETINGS_NEXT_SQL,
                       "SEARCH committee_meetings USING INDEX committee_meetings_by_start (starts_at>?)");
  lh_test_assert_plan (f->ts->store, LH_MEETING_ATTENDEES_SQL,
                       "SEARCH a USING INDEX committee_attendees_by_meeting (meeting_id=?)");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/meetings/attended-and-tabled", Fixture, NULL, setup, test_attended_and_tabled, teardown);
  g_test_add ("/meetings/list-and-next", Fixture, NULL, setup, test_list_and_next, teardown);
  g_test_add ("/meetings/edit", Fixture, NULL, setup, test_edit, teardown);
  g_test_add ("/meetings/bad-input", Fixture, NULL, setup, test_bad_input, teardown);
  g_test_add ("/meetings/attendees-bounded", Fixture, NULL, setup, test_attendees_bounded, teardown);
  g_test_add ("/meetings/query-plans", Fixture, NULL, setup, test_query_plans, teardown);
  return g_test_run ();
}
