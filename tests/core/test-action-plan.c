/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's action plan: objectives, every change kept, the plan as
 * it stood on a past day, the site report's committee section, and what
 * is refused. */
#include "lh-action-plan.h"
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
  gint64       member;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->member = lh_test_add_person (f->ts->store, "100001", "Cath Moss", LH_ROLE_COMMITTEE, NOW - YEAR);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

static LhObjective *
add (Fixture *f, int number, const char *activity, gint64 at)
{
  g_autoptr(GError) error = NULL;
  LhObjective *objective =
    lh_action_plan_add (f->ts->store, f->centre->tz,
                        &(LhObjectiveFields) { .number = number, .activity = activity, .by_whom = "Lead ULR",
                                               .due_day = "2027-03-31" },
                        f->member, at, &error);

  g_assert_no_error (error);
  return objective;
}

static void
edit (Fixture *f, gint64 id, const LhObjectiveFields *fields, gint64 changed_by, gint64 at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lh_action_plan_edit (f->ts->store, f->centre->tz, id, fields, changed_by, at, &error));
  g_assert_no_error (error);
}

static void
assert_refused (GError *error, int code, const char *reason)
{
  g_assert_error (error, LH_ERROR, code);
  g_assert_cmpstr (lh_error_get_reason (error), ==, reason);
}

static void
test_add_and_list (Fixture *f, gconstpointer data)
{
  g_autoptr(LhObjective) second = add (f, 2, "Two ESOL taster sessions", NOW);
  g_autoptr(LhObjective) first = add (f, 1, "Learning MOT for every new starter", NOW);
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GError) error = NULL;
  const LhObjective *listed;

  g_assert_cmpstr (first->status, ==, "planned");
  g_assert_cmpstr (first->outcomes, ==, "");
  plan = lh_action_plan_list (f->ts->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->len, ==, 2);
  listed = g_ptr_array_index (plan, 0);
  g_assert_cmpint (listed->number, ==, 1);
  g_assert_cmpstr (listed->activity, ==, "Learning MOT for every new starter");
  g_assert_cmpstr (listed->by_whom, ==, "Lead ULR");
  g_assert_cmpstr (listed->due_day, ==, "2027-03-31");
  g_assert_cmpint (((LhObjective *) plan->pdata[1])->id, ==, second->id);
}

static void
test_history (Fixture *f, gconstpointer data)
{
  g_autoptr(LhObjective) objective = add (f, 1, "Two ESOL taster sessions", NOW - 30 * DAY);
  g_autoptr(LhObjective) now = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  const LhObjectiveChange *change;

  edit (f, objective->id, &(LhObjectiveFields) { .status = "in-progress", .outcomes = "First session: 9 came" },
        f->member, NOW - 10 * DAY);
  /* The same again changes nothing, and is not history. */
  edit (f, objective->id, &(LhObjectiveFields) { .status = "in-progress" }, f->member, NOW - 9 * DAY);
  edit (f, objective->id, &(LhObjectiveFields) { .number = 4, .status = "done" }, 0, NOW);

  now = lh_action_plan_get (f->ts->store, objective->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (now->number, ==, 4);
  g_assert_cmpstr (now->status, ==, "done");
  g_assert_cmpstr (now->outcomes, ==, "First session: 9 came");
  g_assert_cmpstr (now->activity, ==, "Two ESOL taster sessions");

  history = lh_action_plan_history (f->ts->store, objective->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 5);
  change = g_ptr_array_index (history, 0);
  g_assert_cmpstr (change->field, ==, "created");
  g_assert_cmpstr (change->changed_by_name, ==, "Cath Moss");
  g_assert_cmpint (change->changed_at, ==, NOW - 30 * DAY);
  change = g_ptr_array_index (history, 1);
  g_assert_cmpstr (change->field, ==, "outcomes");
  g_assert_cmpstr (change->old_value, ==, "");
  g_assert_cmpstr (change->new_value, ==, "First session: 9 came");
  change = g_ptr_array_index (history, 2);
  g_assert_cmpstr (change->field, ==, "status");
  g_assert_cmpstr (change->old_value, ==, "planned");
  g_assert_cmpstr (change->new_value, ==, "in-progress");
  g_assert_cmpint (change->changed_by, ==, f->member);
  change = g_ptr_array_index (history, 3);
  g_assert_cmpstr (change->field, ==, "number");
  g_assert_cmpstr (change->old_value, ==, "1");
  g_assert_cmpstr (change->new_value, ==, "4");
  g_assert_cmpstr (change->changed_by_name, ==, "learnhubctl");
  g_assert_cmpint (change->changed_by, ==, 0);
  change = g_ptr_array_index (history, 4);
  g_assert_cmpstr (change->field, ==, "status");
  g_assert_cmpstr (change->new_value, ==, "done");
}

static void
test_as_at (Fixture *f, gconstpointer data)
{
  g_autoptr(LhObjective) esol = add (f, 1, "Two ESOL taster sessions", NOW - 30 * DAY);
  g_autoptr(LhObjective) later = add (f, 2, "Digital skills drop-ins", NOW - DAY);
  g_autoptr(GPtrArray) then = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) error = NULL;
  const LhObjective *objective;

  edit (f, esol->id, &(LhObjectiveFields) { .status = "in-progress", .outcomes = "9 came" }, f->member,
        NOW - 10 * DAY);
  edit (f, esol->id, &(LhObjectiveFields) { .number = 3, .status = "done", .outcomes = "9 and 12 came" },
        f->member, NOW);

  then = lh_action_plan_as_at (f->ts->store, NOW - 5 * DAY, &error);
  g_assert_no_error (error);
  /* The second was not made yet; the first as the middle edit left it. */
  g_assert_cmpuint (then->len, ==, 1);
  objective = g_ptr_array_index (then, 0);
  g_assert_cmpint (objective->number, ==, 1);
  g_assert_cmpstr (objective->status, ==, "in-progress");
  g_assert_cmpstr (objective->outcomes, ==, "9 came");

  before = lh_action_plan_as_at (f->ts->store, NOW - 20 * DAY, &error);
  objective = g_ptr_array_index (before, 0);
  g_assert_cmpstr (objective->status, ==, "planned");
  g_assert_cmpstr (objective->outcomes, ==, "");
  (void) later;
}

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr(LhObjective) objective = add (f, 1, "Two ESOL taster sessions", NOW);
  g_autoptr(LhObjective) other = add (f, 2, "Digital skills drop-ins", NOW);
  g_autofree char *long_activity = g_strnfill (LH_OBJECTIVE_ACTIVITY_MAX_CHARS + 1, 'x');
  g_autofree char *long_outcomes = g_strnfill (LH_OBJECTIVE_OUTCOMES_MAX_CHARS + 1, 'x');
  LhObjectiveFields fields = { .number = 3, .activity = "A", .by_whom = "B", .due_day = "2027-01-01" };
  GError *error = NULL;
  LhStore *store = f->ts->store;
  GTimeZone *tz = f->centre->tz;
  const char *field = NULL;

  fields.number = 0;
  g_assert_null (lh_action_plan_add (store, tz, &fields, 0, NOW, &error));
  assert_refused (error, LH_ERROR_INVALID, "number-invalid");
  g_clear_error (&error);
  fields.number = 2;
  g_assert_null (lh_action_plan_add (store, tz, &fields, 0, NOW, &error));
  assert_refused (error, LH_ERROR_CONFLICT, "number-taken");
  g_clear_error (&error);
  fields.number = 3;
  fields.activity = long_activity;
  g_assert_null (lh_action_plan_add (store, tz, &fields, 0, NOW, &error));
  assert_refused (error, LH_ERROR_INVALID, "text-too-long");
  g_assert_cmpuint (lh_error_get_max_chars (error, &field), ==, LH_OBJECTIVE_ACTIVITY_MAX_CHARS);
  g_assert_cmpstr (field, ==, "activity");
  g_clear_error (&error);
  fields.activity = " ";
  g_assert_null (lh_action_plan_add (store, tz, &fields, 0, NOW, &error));
  assert_refused (error, LH_ERROR_INVALID, "activity-invalid");
  g_clear_error (&error);
  fields.activity = "A";
  fields.by_whom = NULL;
  g_assert_null (lh_action_plan_add (store, tz, &fields, 0, NOW, &error));
  assert_refused (error, LH_ERROR_INVALID, "by-whom-invalid");
  g_clear_error (&error);
  fields.by_whom = "B";
  fields.due_day = "31/03/2027";
  g_assert_null (lh_action_plan_add (store, tz, &fields, 0, NOW, &error));
  assert_refused (error, LH_ERROR_INVALID, "date-invalid");
  g_clear_error (&error);
  fields.due_day = "2040-01-01";
  g_assert_null (lh_action_plan_add (store, tz, &fields, 0, NOW, &error));
  assert_refused (error, LH_ERROR_INVALID, "date-out-of-range");
  g_clear_error (&error);
  fields.due_day = "2027-01-01";
  fields.status = "finished";
  g_assert_null (lh_action_plan_add (store, tz, &fields, 0, NOW, &error));
  assert_refused (error, LH_ERROR_INVALID, "status-unknown");
  g_clear_error (&error);

  g_assert_false (lh_action_plan_edit (store, tz, objective->id, &(LhObjectiveFields) { .number = 2 }, 0, NOW,
                                       &error));
  assert_refused (error, LH_ERROR_CONFLICT, "number-taken");
  g_clear_error (&error);
  g_assert_false (lh_action_plan_edit (store, tz, objective->id, &(LhObjectiveFields) { .outcomes = long_outcomes },
                                       0, NOW, &error));
  assert_refused (error, LH_ERROR_INVALID, "text-too-long");
  g_assert_cmpuint (lh_error_get_max_chars (error, NULL), ==, LH_OBJECTIVE_OUTCOMES_MAX_CHARS);
  g_clear_error (&error);
  g_assert_false (lh_action_plan_edit (store, tz, objective->id, &(LhObjectiveFields) { .by_whom = "" }, 0, NOW,
                                       &error));
  assert_refused (error, LH_ERROR_INVALID, "by-whom-invalid");
  g_clear_error (&error);
  g_assert_false (lh_action_plan_edit (store, tz, other->id + 1, &(LhObjectiveFields) { .status = "done" }, 0, NOW,
                                       &error));
  assert_refused (error, LH_ERROR_NOT_FOUND, "objective-not-found");
  g_clear_error (&error);
  g_assert_null (lh_action_plan_history (store, other->id + 1, &error));
  assert_refused (error, LH_ERROR_NOT_FOUND, "objective-not-found");
  g_clear_error (&error);

  /* Nothing of it was stored. */
  g_assert_cmpint (lh_test_query_int (store, "SELECT count(*) FROM action_objectives"), ==, 2);
  g_assert_cmpint (lh_test_query_int (store, "SELECT count(*) FROM action_objective_changes"), ==, 2);
}

static void
test_plan_bounded (Fixture *f, gconstpointer data)
{
  GError *error = NULL;

  for (int i = 1; i <= LH_ACTION_PLAN_MAX; i++)
    lh_objective_free (add (f, i, "An objective", NOW));
  g_assert_null (lh_action_plan_add (f->ts->store, f->centre->tz,
                                     &(LhObjectiveFields) { .number = LH_ACTION_PLAN_MAX + 1, .activity = "One more",
                                                            .by_whom = "B", .due_day = "2027-01-01" },
                                     0, NOW, &error));
  assert_refused (error, LH_ERROR_CONFLICT, "action-plan-full");
  g_clear_error (&error);
}

static void
test_report_section (Fixture *f, gconstpointer data)
{
  g_autoptr(LhObjective) esol = add (f, 1, "Two ESOL taster sessions", NOW - 40 * DAY);
  g_autoptr(LhMeeting) before = NULL, inside = NULL, after = NULL;
  g_autoptr(LhReportSection) section = NULL;
  g_autoptr(GError) error = NULL;
  gint64 from = NOW - 30 * DAY, to = NOW;
  const LhReportList *meetings, *plan;
  char **row;

  before = lh_meetings_add (f->ts->store, from - DAY, "Room 1", "", NOW, &error);
  inside = lh_meetings_add (f->ts->store, NOW - 20 * DAY + 2 * 3600, "Room 2", "", NOW, &error);
  after = lh_meetings_add (f->ts->store, to, "Room 3", "", NOW, &error);
  g_assert_true (lh_meetings_attend (f->ts->store, inside->id, f->member, NULL, &error));
  g_assert_true (lh_meetings_attend (f->ts->store, inside->id, 0, "Provider", &error));
  g_assert_true (lh_meetings_table_report (f->ts->store, f->centre->tz, inside->id, "2026-07-01", "2026-09-30", NOW,
                                           &error));
  edit (f, esol->id, &(LhObjectiveFields) { .status = "in-progress" }, f->member, from + DAY);
  /* After the period: not in its report. */
  edit (f, esol->id, &(LhObjectiveFields) { .status = "done" }, f->member, to);

  section = lh_report_section_committee (f->ts->store, f->centre, from, to, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (section->id, ==, "committee");
  g_assert_cmpuint (section->tables->len, ==, 0);
  g_assert_cmpuint (section->lists->len, ==, 2);
  meetings = g_ptr_array_index (section->lists, 0);
  g_assert_cmpstr (meetings->id, ==, "meetings");
  g_assert_cmpuint (meetings->rows->len, ==, 1);
  row = g_ptr_array_index (meetings->rows, 0);
  g_assert_cmpstr (row[0], ==, "2026-11-03");
  g_assert_cmpstr (row[1], ==, "14:00");
  g_assert_cmpstr (row[2], ==, "Room 2");
  g_assert_cmpstr (row[3], ==, "2");
  g_assert_cmpstr (row[4], ==, "2026-07-01 to 2026-09-30");
  plan = g_ptr_array_index (section->lists, 1);
  g_assert_cmpstr (plan->id, ==, "action-plan");
  g_assert_cmpuint (g_strv_length (plan->headings), ==, 7);
  g_assert_cmpuint (plan->rows->len, ==, 1);
  row = g_ptr_array_index (plan->rows, 0);
  g_assert_cmpstr (row[0], ==, "1");
  g_assert_cmpstr (row[1], ==, "Two ESOL taster sessions");
  g_assert_cmpstr (row[3], ==, "2027-03-31");
  g_assert_cmpstr (row[6], ==, "in-progress");
}

static void
test_query_plans (Fixture *f, gconstpointer data)
{
  lh_test_assert_plan (f->ts->store, LH_ACTION_PLAN_LIST_SQL,
                       "SCAN action_objectives USING INDEX sqlite_autoindex_action_objectives_1");
  lh_test_assert_plan (f->ts->store, LH_OBJECTIVE_CHANGES_AFTER_SQL,
                       "SEARCH action_objective_changes USING INDEX action_objective_changes_by_objective "
                       "(objective_id=? AND changed_at>?)");
  lh_test_assert_plan (f->ts->store, LH_OBJECTIVE_HISTORY_SQL,
                       "SEARCH c USING INDEX action_objective_changes_by_objective (objective_id=?)");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/action-plan/add-and-list", Fixture, NULL, setup, test_add_and_list, teardown);
  g_test_add ("/action-plan/history", Fixture, NULL, setup, test_history, teardown);
  g_test_add ("/action-plan/as-at", Fixture, NULL, setup, test_as_at, teardown);
  g_test_add ("/action-plan/bad-input", Fixture, NULL, setup, test_bad_input, teardown);
  g_test_add ("/action-plan/bounded", Fixture, NULL, setup, test_plan_bounded, teardown);
  g_test_add ("/action-plan/report-section", Fixture, NULL, setup, test_report_section, teardown);
  g_test_add ("/action-plan/query-plans", Fixture, NULL, setup, test_query_plans, teardown);
  return g_test_run ();
}
