/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-admin-notices.h"
#include "lh-centre.h"
#include "lh-core-test.h"
#include "lh-equipment.h"
#include "lh-equipment-checks.h"
#include "lh-error.h"
#include "lh-faults.h"
#include "lh-resources.h"
#include "lh-time.h"

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
                                    &(LhEquipmentFields) { "LC-0200", "headset", NULL, NULL, NULL, 0 },
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
  gint64 midnight = 0;

  g_assert_true (lh_time_parse_date (text, f->centre->tz, &midnight, NULL));
  return midnight;
}

static GPtrArray *
open_notices (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *notices = lh_admin_notices_list (f->ts->store, &error);

  g_assert_no_error (error);
  return notices;
}

static guint
raise_checks (Fixture *f, gint64 at)
{
  g_autoptr(GError) error = NULL;
  guint raised = 99;

  g_assert_true (lh_admin_notices_raise_checks (f->ts->store, f->centre->tz, at, &raised, &error));
  g_assert_no_error (error);
  return raised;
}

static gint64
next_check (Fixture *f, gint64 at)
{
  gint64 next = -1;

  g_assert_true (lh_admin_notices_next_check (f->ts->store, f->centre->tz, at, &next, NULL));
  return next;
}

static LhCheck *
add_check (Fixture *f, const char *what, const char *due)
{
  g_autoptr(GError) error = NULL;
  LhCheckFields fields = { what, "LC-0200", NULL, 0, 12, date (f, due) };
  LhCheck *check = lh_checks_add (f->ts->store, &fields, f->centre->tz, NOW, &error);

  g_assert_no_error (error);
  return check;
}

/* A check is told once when it comes within the reminder window, once
 * more when it is overdue, and doing it clears both. */
static void
test_check_reminders (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhCheck) pat = add_check (f, "Electrical safety test", "2026-12-20");
  g_autoptr(LhCheck) done = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) cleared = NULL;
  const LhAdminNotice *notice;

  g_assert_cmpuint (raise_checks (f, NOW), ==, 0);
  none = open_notices (f);
  g_assert_cmpuint (none->len, ==, 0);
  /* The housekeeper wakes when it comes within fourteen days. */
  g_assert_cmpint (next_check (f, NOW), ==, date (f, "2026-12-06"));
  g_assert_cmpuint (raise_checks (f, date (f, "2026-12-06") - 1), ==, 0);
  g_assert_cmpuint (raise_checks (f, date (f, "2026-12-06")), ==, 1);
  g_assert_cmpuint (raise_checks (f, date (f, "2026-12-07")), ==, 0);
  due = open_notices (f);
  g_assert_cmpuint (due->len, ==, 1);
  notice = g_ptr_array_index (due, 0);
  g_assert_cmpstr (notice->what, ==, "check-due");
  g_assert_cmpint (notice->check_id, ==, pat->id);
  g_assert_cmpstr (notice->check_what, ==, "Electrical safety test");
  g_assert_cmpstr (notice->asset_tag, ==, "LC-0200");
  g_assert_cmpint (notice->due_at, ==, date (f, "2026-12-20"));

  /* Then when its day is over. */
  g_assert_cmpint (next_check (f, date (f, "2026-12-06")), ==, date (f, "2026-12-21"));
  g_assert_cmpuint (raise_checks (f, date (f, "2026-12-21") - 1), ==, 0);
  g_assert_cmpuint (raise_checks (f, date (f, "2026-12-21")), ==, 1);
  g_assert_cmpuint (raise_checks (f, date (f, "2026-12-22")), ==, 0);
  overdue = open_notices (f);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpstr (((LhAdminNotice *) overdue->pdata[0])->what, ==, "check-overdue");

  done = lh_checks_done (f->ts->store, f->centre, pat->id, "passed", NULL, &ctl, date (f, "2026-12-22"), NULL,
                         &error);
  g_assert_no_error (error);
  cleared = open_notices (f);
  g_assert_cmpuint (cleared->len, ==, 0);
  /* The next due date's reminders start afresh. */
  g_assert_cmpuint (raise_checks (f, date (f, "2027-12-08")), ==, 1);
}

/* A dismissed notice stays dismissed: the same due date is not told again. */
static void
test_dismissed_stays (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhCheck) pat = add_check (f, "Electrical safety test", "2026-11-30");
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  gint64 id;

  g_assert_cmpuint (raise_checks (f, NOW), ==, 1);
  due = open_notices (f);
  id = ((LhAdminNotice *) due->pdata[0])->id;
  g_assert_true (lh_admin_notices_dismiss (f->ts->store, id, NOW, &error));
  g_assert_false (lh_admin_notices_dismiss (f->ts->store, id, NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (lh_admin_notices_dismiss (f->ts->store, id + 100, NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_assert_cmpuint (raise_checks (f, NOW + DAY), ==, 0);
  after = open_notices (f);
  g_assert_cmpuint (after->len, ==, 0);
  /* Overdue is news, though. */
  g_assert_cmpuint (raise_checks (f, date (f, "2026-12-01")), ==, 1);
  overdue = open_notices (f);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpstr (((LhAdminNotice *) overdue->pdata[0])->what, ==, "check-overdue");
}

/* A fault reported, then overdue, is kept for the admins whether or not
 * one is connected, until it is repaired. */
/* learnhubctl, as the admin's tool reports. */
static const LhFaultReporter admin_tools = { 0, TRUE };

static void
test_fault_notice_kept_until_repaired (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFault) fault = NULL;
  g_autoptr(GPtrArray) reported = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) still = NULL;
  g_autoptr(GPtrArray) told = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) repaired = NULL;
  gboolean raised = FALSE;
  const LhAdminNotice *notice;

  fault = lh_faults_report (f->ts->store, f->centre, "LC-0200", 0, &admin_tools, "sound", NULL, NOW, NULL, NULL, &error);
  g_assert_no_error (error);
  /* The report itself raised it, in its transaction: once only. */
  g_assert_true (lh_admin_notices_raise_fault (f->ts->store, fault->id, "fault-reported", NOW, &raised, &error));
  g_assert_false (raised);
  reported = open_notices (f);
  g_assert_cmpuint (reported->len, ==, 1);
  notice = g_ptr_array_index (reported, 0);
  g_assert_cmpstr (notice->what, ==, "fault-reported");
  g_assert_cmpstr (notice->category, ==, "sound");
  g_assert_cmpstr (notice->asset_tag, ==, "LC-0200");
  g_assert_cmpstr (notice->kind, ==, "headset");
  g_assert_cmpint (notice->reported_at, ==, NOW);

  /* Overdue replaces "reported", once. */
  told = lh_faults_take_newly_overdue (f->ts->store, NOW + 8 * DAY, &error);
  g_assert_cmpuint (told->len, ==, 1);
  again = lh_faults_take_newly_overdue (f->ts->store, NOW + 9 * DAY, &error);
  g_assert_cmpuint (again->len, ==, 0);
  overdue = open_notices (f);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpstr (((LhAdminNotice *) overdue->pdata[0])->what, ==, "fault-overdue");
  still = open_notices (f);
  g_assert_cmpuint (still->len, ==, 1);

  g_assert_true (lh_faults_repaired (f->ts->store, fault->id, NULL, &ctl, NOW + 10 * DAY, NULL, &error));
  g_assert_no_error (error);
  repaired = open_notices (f);
  g_assert_cmpuint (repaired->len, ==, 0);
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM admin_notices WHERE cleared_at IS NULL"),
                   ==, 0);
}

/* A PC with no computer in the inventory: its overdue fault names the
 * PC, and no asset tag. */
static void
test_pc_only_fault_overdue (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFault) fault = NULL;
  g_autoptr(GPtrArray) told = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  const LhFault *overdue;
  const LhAdminNotice *notice;
  gint64 pc = 0;

  g_assert_true (lh_resources_add (f->ts->store, "PC 3", "pc", 1, &pc, &error));
  g_assert_no_error (error);
  fault = lh_faults_report (f->ts->store, f->centre, NULL, pc, &admin_tools, "sound", NULL, NOW, NULL, NULL, &error);
  g_assert_no_error (error);

  told = lh_faults_take_newly_overdue (f->ts->store, NOW + 8 * DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (told->len, ==, 1);
  overdue = g_ptr_array_index (told, 0);
  g_assert_null (overdue->asset_tag);
  g_assert_cmpstr (overdue->resource_name, ==, "PC 3");
  notices = open_notices (f);
  g_assert_cmpuint (notices->len, ==, 1);
  notice = g_ptr_array_index (notices, 0);
  g_assert_cmpstr (notice->what, ==, "fault-overdue");
  g_assert_null (notice->asset_tag);
  g_assert_cmpstr (notice->pc_name, ==, "PC 3");
}

static guint64
steps_to_list (Fixture *f)
{
  g_autoptr(GPtrArray) notices = NULL;

  lh_store_take_vm_steps (f->ts->store);
  notices = open_notices (f);
  g_assert_cmpuint (notices->len, ==, 1);
  return lh_store_take_vm_steps (f->ts->store);
}

/* Reading the open notices costs the same after years of cleared ones:
 * the list is an index range of the open ones only. */
static void
test_list_is_bounded (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhCheck) pat = add_check (f, "Electrical safety test", "2026-11-30");
  g_autoptr(LhStmt) history = NULL;
  guint64 few, many;

  g_assert_cmpuint (raise_checks (f, NOW), ==, 1);
  few = steps_to_list (f);
  /* Five years of weekly checks done, each with its notices cleared. */
  history = lh_store_prepare (f->ts->store,
                              "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                              "INSERT INTO admin_notices (what, check_id, due_at, created_at, cleared_at) "
                              "SELECT 'check-due', 1, 1000000 + i, 1000000 + i, 1000001 + i FROM n", &error);
  g_assert_no_error (error);
  g_assert_true (lh_store_exec (f->ts->store, history, &error));
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM admin_notices"), ==, 3001);
  many = steps_to_list (f);
  g_assert_cmpuint (many, <=, few + 10);
}

/* More overdue checks than a page, never done and so reminded at every
 * scan, do not hide the checks after them: each is reminded once. */
static void
test_every_check_reminded (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) many = NULL;
  g_autoptr(LhCheck) last = NULL;
  gint64 n_checks = LH_CHECKS_LIST_MAX + 50;

  /* Most due on the same day: the page turns inside one due date. */
  many = lh_store_prepare (f->ts->store,
                           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1) "
                           "INSERT INTO equipment_checks (what, kind, every_months, next_due, created_at) "
                           "SELECT 'PAT ' || i, 'chair', 12, ?2 - 86400 * (i % 3 = 0), ?3 FROM n", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (many, 1, n_checks);
  sqlite3_bind_int64 (many, 2, date (f, "2026-11-20"));
  sqlite3_bind_int64 (many, 3, NOW - DAY);
  g_assert_true (lh_store_exec (f->ts->store, many, &error));
  last = add_check (f, "Fire extinguisher", "2026-11-22");

  g_assert_cmpuint (raise_checks (f, NOW), ==, n_checks + 1);
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM admin_notices "
                                      "WHERE what = 'check-overdue' AND cleared_at IS NULL"), ==, n_checks + 1);
  /* The next scan finds them all told. */
  g_assert_cmpuint (raise_checks (f, NOW + 60), ==, 0);
}

/* A flood of newer notices (as from anonymous reports) cannot hide an overdue check: it heads the
 * list, and the count is every open notice, not the list's length. */
static void
test_overdue_first (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhCheck) pat = add_check (f, "Electrical safety test", "2026-11-20");
  g_autoptr(LhStmt) flood = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  LhAdminNotice *first;
  gint64 open = 0;

  g_assert_cmpuint (raise_checks (f, NOW), ==, 1);
  flood = lh_store_prepare (f->ts->store,
                            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 80) "
                            "INSERT INTO admin_notices (what, check_id, due_at, created_at) "
                            "SELECT 'check-due', ?2, 1000000 + i, ?1 + i FROM n",
                            &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (flood, 1, NOW);
  sqlite3_bind_int64 (flood, 2, pat->id);
  g_assert_true (lh_store_exec (f->ts->store, flood, &error));
  g_assert_no_error (error);

  notices = open_notices (f);
  g_assert_cmpuint (notices->len, ==, LH_ADMIN_NOTICES_MAX);
  first = g_ptr_array_index (notices, 0);
  g_assert_cmpstr (first->what, ==, "check-overdue");
  g_assert_cmpint (first->check_id, ==, pat->id);
  g_assert_true (lh_admin_notices_count_open (f->ts->store, &open, &error));
  g_assert_no_error (error);
  g_assert_cmpint (open, ==, 81);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/admin-notices/check-reminders", test_check_reminders);
  ADD ("/admin-notices/dismissed-stays", test_dismissed_stays);
  ADD ("/admin-notices/fault-kept-until-repaired", test_fault_notice_kept_until_repaired);
  ADD ("/admin-notices/pc-only-fault-overdue", test_pc_only_fault_overdue);
  ADD ("/admin-notices/list-is-bounded", test_list_is_bounded);
  ADD ("/admin-notices/overdue-first", test_overdue_first);
  ADD ("/admin-notices/every-check-reminded", test_every_check_reminded);
  return g_test_run ();
}
