/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl meetings and action-plan on a centre with a committee
 * member and a learner (made with the core library, then closed). */
#include <glib/gstdio.h>
#include <string.h>

#include "ctl-run.h"
#include "lh-people.h"
#include "lh-store.h"
#include "lh-time.h"

typedef struct
{
  char *db;  /* (owned) */
} Centre;

static void
centre_init (Centre *c)
{
  g_autoptr(LhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LhPerson member = { .staff_number = (char *) "300001", .name = (char *) "Cath Moss", .hours_per_week = 37.5,
                      .roles = LH_ROLE_COMMITTEE };
  LhPerson learner = { .staff_number = (char *) "300002", .name = (char *) "Dan Reed", .hours_per_week = 37.5,
                       .roles = LH_ROLE_LEARNER };

  c->db = temp_path ("committee.db");
  store = lh_store_open (c->db, &error);
  g_assert_no_error (error);
  g_assert_true (lh_people_save (store, &member, lh_time_now (), NULL, NULL, &error));
  g_assert_true (lh_people_save (store, &learner, lh_time_now (), NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
centre_clear (Centre *c)
{
  g_autofree char *dir = g_path_get_dirname (c->db);
  const char *suffixes[] = { "", "-wal", "-shm", ".lock", ".key" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (c->db, suffixes[i], NULL);
      g_remove (file);
    }
  g_rmdir (dir);
  g_free (c->db);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Centre, centre_clear)

static int
count (const Centre *c, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStore) store = lh_store_open (c->db, &error);
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_assert_no_error (error);
  stmt = lh_store_prepare (store, sql, &error);
  g_assert_true (lh_store_step (store, stmt, &has_row, &error));
  return sqlite3_column_int (stmt, 0);
}

static void
assert_refused (Run *run, const char *message)
{
  g_assert_cmpint (run->status, !=, 0);
  g_test_message ("%s", run->err);
  g_assert_nonnull (strstr (run->err, message));
}

static void
test_meetings (void)
{
  g_auto(Centre) c = { 0 };
  g_auto(Run) added = { 0 }, member = { 0 }, guest = { 0 }, tabled = { 0 }, list = { 0 };

  centre_init (&c);
  /* The tests' clock: Tuesday 12 January 2027. */
  ctl (&added, c.db, "meetings", "add", "--start", "2027-01-20 14:00", "--place", "Training room", NULL);
  g_assert_cmpint (added.status, ==, 0);
  g_assert_nonnull (strstr (added.out, "Meeting 1 at 2027-01-20T14:00:00Z in Training room"));
  ctl (&member, c.db, "meetings", "attend", "1", "300001", NULL);
  g_assert_cmpint (member.status, ==, 0);
  ctl (&guest, c.db, "meetings", "attend", "1", "--name", "Jo Bright (college)", NULL);
  g_assert_cmpint (guest.status, ==, 0);
  ctl (&tabled, c.db, "meetings", "table-report", "1", "--from", "2026-10-01", "--to", "2026-12-31", NULL);
  g_assert_cmpint (tabled.status, ==, 0);
  ctl (&list, c.db, "meetings", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "2027-01-20 14:00 Training room"));
  g_assert_nonnull (strstr (list.out, "2026-10-01 to 2026-12-31"));
  g_assert_nonnull (strstr (list.out, "Cath Moss\n"));
  g_assert_nonnull (strstr (list.out, "Jo Bright (college) (not a member)"));
}

static void
test_meetings_refused (void)
{
  g_auto(Centre) c = { 0 };
  g_auto(Run) added = { 0 }, far = { 0 }, learner = { 0 }, nobody = { 0 }, backwards = { 0 }, usage = { 0 };

  centre_init (&c);
  ctl (&added, c.db, "meetings", "add", "--start", "2027-01-20 14:00", "--place", "Training room", NULL);
  g_assert_cmpint (added.status, ==, 0);
  ctl (&far, c.db, "meetings", "add", "--start", "2040-01-20 14:00", "--place", "Room 1", NULL);
  assert_refused (&far, "years ahead");
  ctl (&learner, c.db, "meetings", "attend", "1", "300002", NULL);
  assert_refused (&learner, "cannot be the committee member");
  ctl (&nobody, c.db, "meetings", "attend", "2", "300001", NULL);
  assert_refused (&nobody, "No meeting 2");
  ctl (&backwards, c.db, "meetings", "table-report", "1", "--from", "2026-12-31", "--to", "2026-10-01", NULL);
  assert_refused (&backwards, "ends");
  ctl (&usage, c.db, "meetings", "add", "--place", "Room 1", NULL);
  assert_refused (&usage, "usage: learnhubctl meetings list");
  g_assert_cmpint (count (&c, "SELECT count(*) FROM committee_meetings"), ==, 1);
  g_assert_cmpint (count (&c, "SELECT count(*) FROM committee_attendees"), ==, 0);
  g_assert_cmpint (count (&c, "SELECT count(*) FROM committee_meetings WHERE report_first_day IS NULL"), ==, 1);
}

static void
test_action_plan (void)
{
  g_auto(Centre) c = { 0 };
  g_auto(Run) added = { 0 }, edited = { 0 }, list = { 0 }, history = { 0 };

  centre_init (&c);
  ctl (&added, c.db, "action-plan", "add", "1", "Run two ESOL taster sessions", "Lead ULR", "2027-03-31", NULL);
  g_assert_cmpint (added.status, ==, 0);
  ctl (&edited, c.db, "action-plan", "edit", "1", "status", "in-progress", "outcomes", "First session: 9 came",
       NULL);
  g_assert_cmpint (edited.status, ==, 0);
  ctl (&list, c.db, "action-plan", "list", NULL);
  g_assert_nonnull (strstr (list.out, "1. Run two ESOL taster sessions"));
  g_assert_nonnull (strstr (list.out, "in-progress; by Lead ULR by 2027-03-31"));
  g_assert_nonnull (strstr (list.out, "Outcomes: First session: 9 came"));
  ctl (&history, c.db, "action-plan", "history", "1", NULL);
  g_assert_nonnull (strstr (history.out, "learnhubctl: added"));
  g_assert_nonnull (strstr (history.out, "learnhubctl: status “planned” → “in-progress”"));
}

static void
test_action_plan_refused (void)
{
  g_auto(Centre) c = { 0 };
  g_auto(Run) added = { 0 }, taken = { 0 }, status = { 0 }, field = { 0 }, unknown = { 0 }, day = { 0 };

  centre_init (&c);
  ctl (&added, c.db, "action-plan", "add", "1", "Run two ESOL taster sessions", "Lead ULR", "2027-03-31", NULL);
  g_assert_cmpint (added.status, ==, 0);
  ctl (&taken, c.db, "action-plan", "add", "1", "Another", "Lead ULR", "2027-03-31", NULL);
  assert_refused (&taken, "Objective number 1 is taken");
  ctl (&day, c.db, "action-plan", "add", "2", "Another", "Lead ULR", "31/03/2027", NULL);
  assert_refused (&day, "not a day");
  ctl (&status, c.db, "action-plan", "edit", "1", "status", "finished", NULL);
  assert_refused (&status, "The status is one of");
  ctl (&field, c.db, "action-plan", "edit", "1", "owner", "Jo", NULL);
  assert_refused (&field, "usage: learnhubctl action-plan");
  ctl (&unknown, c.db, "action-plan", "edit", "9", "status", "done", NULL);
  assert_refused (&unknown, "No objective 9");
  g_assert_cmpint (count (&c, "SELECT count(*) FROM action_objectives WHERE status = 'planned'"), ==, 1);
  g_assert_cmpint (count (&c, "SELECT count(*) FROM action_objective_changes"), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ctl/committee/meetings", test_meetings);
  g_test_add_func ("/ctl/committee/meetings-refused", test_meetings_refused);
  g_test_add_func ("/ctl/committee/action-plan", test_action_plan);
  g_test_add_func ("/ctl/committee/action-plan-refused", test_action_plan_refused);
  return g_test_run ();
}
