/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Usage per PC against figures worked out by hand: sittings across the
 * period's edges, one still going on, a PC never used, a deactivated PC,
 * a closure day, the computers' asset tags, and the hours a PC was out
 * of order (not "never used" when it could not be used). */
#include <string.h>

#include "report-schema-33.h"
#include "committee-schema-32.h"
#include "sittings-fixture.h"
#include "lh-devices.h"
#include "lh-equipment-private.h"
#include "lh-equipment-usage.h"
#include "lh-equipment.h"
#include "lh-error.h"
#include "lh-resources.h"
#include "lh-rules.h"
#include "equality-schema-31.h"
#include "report-indexes-schema-35.h"
#include "released-schema-34.h"

/* Monday 30 November 2026, 00:00 in London (UTC in winter). */
#define MONDAY 1795996800
#define MINUTE 60
#define HOUR   3600
#define DAY    (24 * HOUR)
/* Friday 4 December, 12:00. */
#define NOW    (MONDAY + 4 * DAY + 12 * HOUR)

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       person;
  gint64       pc1, pc2, pc3, pc4;
} Fixture;

static gint64
add_pc (Fixture *f, const char *name)
{
  return sittings_add_pc (f->ts->store, name, MONDAY - 30 * DAY);
}

static void
add_sitting (Fixture *f, gint64 pc, gint64 start, gint64 end)
{
  sittings_add (f->ts->store, f->person, pc, start, end, FALSE);
}

static void
save_computer_at (Fixture *f, const char *asset_tag, gint64 pc, const char *status, gint64 at)
{
  static const LhEquipmentActor admin = { 0, "learnhubctl" };
  g_autoptr(GError) error = NULL;
  LhEquipmentFields fields = { asset_tag, "computer", "", "PC room", status, pc };

  g_assert_true (lh_equipment_save (f->ts->store, f->centre, &fields, &admin, NULL, at, NULL, &error));
  g_assert_no_error (error);
}

static void
save_computer (Fixture *f, const char *asset_tag, gint64 pc, const char *status)
{
  save_computer_at (f, asset_tag, pc, status, MONDAY - 30 * DAY);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 pc3[] = { 0 };

  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->person = lh_test_add_person (f->ts->store, "1", "Amira", LH_ROLE_LEARNER, MONDAY - 30 * DAY);
  f->pc1 = add_pc (f, "PC 1");
  f->pc2 = add_pc (f, "PC 2");
  f->pc3 = add_pc (f, "PC 3");
  f->pc4 = add_pc (f, "PC 4");

  /* PC 1: before the period; across its start (1 h in it); 2.5 h on
   * Monday; 2 h on Tuesday; 1 h on Thursday. */
  add_sitting (f, f->pc1, MONDAY - 2 * DAY + 10 * HOUR, MONDAY - 2 * DAY + 11 * HOUR);
  add_sitting (f, f->pc1, MONDAY - HOUR, MONDAY + HOUR);
  add_sitting (f, f->pc1, MONDAY + 10 * HOUR, MONDAY + 12 * HOUR + 30 * MINUTE);
  add_sitting (f, f->pc1, MONDAY + DAY + 11 * HOUR, MONDAY + DAY + 13 * HOUR);
  add_sitting (f, f->pc1, MONDAY + 3 * DAY + 16 * HOUR, MONDAY + 3 * DAY + 17 * HOUR);
  /* PC 3 was used, then taken out of use. */
  add_sitting (f, f->pc3, MONDAY + 10 * HOUR, MONDAY + 16 * HOUR);
  pc3[0] = f->pc3;
  sittings_exec (f->ts->store, "UPDATE resources SET active = 0 WHERE id = ?1", pc3, 1);
  /* PC 4: one ending just as the period starts; one going on now. */
  add_sitting (f, f->pc4, MONDAY - 2 * HOUR, MONDAY);
  add_sitting (f, f->pc4, NOW - 45 * MINUTE, 0);

  /* Closed on Wednesday. */
  g_assert_true (lh_closures_add (f->ts->store, "2026-12-02", "Union conference", &error));
  g_assert_no_error (error);
  /* PC 1's old computer was retired and replaced; PC 2's works. */
  save_computer (f, "LC-0001", f->pc1, "retired");
  save_computer (f, "LC-0011", f->pc1, "faulty");
  save_computer (f, "LC-0002", f->pc2, NULL);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

/* Monday to now on Friday: open 8 h Monday, Tuesday, Thursday and 3 h
 * on Friday morning, Wednesday closed: 27 h. */
static void
test_week_to_now (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pcs = lh_equipment_usage (f->ts->store, f->centre, MONDAY, NOW, NOW, &error);
  const LhPcUsage *first, *second, *never;

  g_assert_no_error (error);
  /* PC 3 is no longer bookable: left out, its sitting with it. */
  g_assert_cmpuint (pcs->len, ==, 3);
  first = pcs->pdata[0];
  second = pcs->pdata[1];
  never = pcs->pdata[2];

  g_assert_cmpstr (first->name, ==, "PC 1");
  g_assert_cmpint (first->seconds_used, ==, 6 * HOUR + 30 * MINUTE);
  g_assert_cmpint (first->sittings, ==, 4);
  g_assert_cmpint (first->days_used, ==, 3);
  g_assert_cmpint (first->last_used, ==, MONDAY + 3 * DAY + 17 * HOUR);
  g_assert_cmpint (first->seconds_open, ==, 27 * HOUR);
  /* Its computer now, not the retired one. */
  g_assert_cmpstr (first->asset_tag, ==, "LC-0011");
  g_assert_cmpstr (first->status, ==, "faulty");

  /* The sitting going on counts up to now; the one that ended as the
   * period began does not count. */
  g_assert_cmpstr (second->name, ==, "PC 4");
  g_assert_cmpint (second->seconds_used, ==, 45 * MINUTE);
  g_assert_cmpint (second->sittings, ==, 1);
  g_assert_cmpint (second->days_used, ==, 1);
  g_assert_cmpint (second->last_used, ==, NOW);
  g_assert_null (second->asset_tag);
  g_assert_null (second->status);

  g_assert_cmpstr (never->name, ==, "PC 2");
  g_assert_cmpint (never->seconds_used, ==, 0);
  g_assert_cmpint (never->sittings, ==, 0);
  g_assert_cmpint (never->days_used, ==, 0);
  g_assert_cmpint (never->last_used, ==, 0);
  g_assert_cmpint (never->seconds_open, ==, 27 * HOUR);
  g_assert_cmpstr (never->asset_tag, ==, "LC-0002");
  g_assert_cmpstr (never->status, ==, "working");
}

/* A period ending at Tuesday noon cuts Tuesday's sitting; the sitting
 * going on now began after it. Open: 8 h Monday, 3 h Tuesday. */
static void
test_period_cuts_sittings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 to = MONDAY + DAY + 12 * HOUR;
  g_autoptr(GPtrArray) pcs = lh_equipment_usage (f->ts->store, f->centre, MONDAY, to, NOW, &error);
  const LhPcUsage *pc1;

  g_assert_no_error (error);
  g_assert_cmpuint (pcs->len, ==, 3);
  pc1 = pcs->pdata[0];
  g_assert_cmpstr (pc1->name, ==, "PC 1");
  g_assert_cmpint (pc1->seconds_used, ==, HOUR + 2 * HOUR + 30 * MINUTE + HOUR);
  g_assert_cmpint (pc1->sittings, ==, 3);
  g_assert_cmpint (pc1->days_used, ==, 2);
  g_assert_cmpint (pc1->last_used, ==, to);
  g_assert_cmpint (pc1->seconds_open, ==, 11 * HOUR);
  /* Never used in it: in the order of the PCs' list. */
  g_assert_cmpstr (((LhPcUsage *) pcs->pdata[1])->name, ==, "PC 2");
  g_assert_cmpstr (((LhPcUsage *) pcs->pdata[2])->name, ==, "PC 4");
  g_assert_cmpint (((LhPcUsage *) pcs->pdata[2])->sittings, ==, 0);
}

/* A sitting across midnight uses both days. */
static void
test_sitting_across_midnight (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pcs = NULL;

  add_sitting (f, f->pc2, MONDAY + DAY - 30 * MINUTE, MONDAY + DAY + 30 * MINUTE);
  pcs = lh_equipment_usage (f->ts->store, f->centre, MONDAY, MONDAY + 2 * DAY, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((LhPcUsage *) pcs->pdata[1])->name, ==, "PC 2");
  g_assert_cmpint (((LhPcUsage *) pcs->pdata[1])->seconds_used, ==, HOUR);
  g_assert_cmpint (((LhPcUsage *) pcs->pdata[1])->days_used, ==, 2);
}

static void
set_status (Fixture *f, const char *asset_tag, const char *status, gint64 at)
{
  static const LhEquipmentActor admin = { 0, "learnhubctl" };
  g_autoptr(GError) error = NULL;

  g_assert_true (lh_equipment_set_status (f->ts->store, f->centre, asset_tag, status, "test", &admin, at, &error));
  g_assert_no_error (error);
}

static const LhPcUsage *
usage_of (GPtrArray *pcs, const char *name)
{
  for (guint i = 0; i < pcs->len; i++)
    if (g_str_equal (((LhPcUsage *) pcs->pdata[i])->name, name))
      return pcs->pdata[i];
  g_assert_not_reached ();
}

/* PC 2's computer broke before the period and was not back by now: it
 * could not be used, so it was not "never used", and has no share. */
static void
test_out_of_order_all_period (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pcs = NULL;
  const LhPcUsage *pc2;

  set_status (f, "LC-0002", "faulty", MONDAY - DAY);
  pcs = lh_equipment_usage (f->ts->store, f->centre, MONDAY, NOW, NOW, &error);
  g_assert_no_error (error);
  pc2 = usage_of (pcs, "PC 2");
  g_assert_cmpint (pc2->sittings, ==, 0);
  g_assert_cmpint (pc2->seconds_open, ==, 27 * HOUR);
  g_assert_cmpint (pc2->seconds_out_of_order, ==, 27 * HOUR);
  g_assert_false (lh_pc_usage_never_used (pc2));
  g_assert_cmpint (lh_pc_usage_percent_of_open (pc2), ==, -1);
}

/* PC 2's computer faulty from Tuesday 13:00, in repair, and back on
 * Thursday at 13:00: 4 h of Tuesday and 4 h of Thursday out of 27 open
 * (Wednesday is closed). Unused in the 19 h it could be, it was never
 * used; an hour's sitting on Friday is a share of those 19 h. */
static void
test_out_of_order_half (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pcs = NULL;
  const LhPcUsage *pc2;

  set_status (f, "LC-0002", "faulty", MONDAY + DAY + 13 * HOUR);
  set_status (f, "LC-0002", "in-repair", MONDAY + 2 * DAY + 10 * HOUR);
  set_status (f, "LC-0002", "working", MONDAY + 3 * DAY + 13 * HOUR);
  pcs = lh_equipment_usage (f->ts->store, f->centre, MONDAY, NOW, NOW, &error);
  g_assert_no_error (error);
  pc2 = usage_of (pcs, "PC 2");
  g_assert_cmpint (pc2->seconds_out_of_order, ==, 8 * HOUR);
  g_assert_cmpint (lh_pc_usage_seconds_in_order (pc2), ==, 19 * HOUR);
  g_assert_true (lh_pc_usage_never_used (pc2));
  g_assert_cmpint (lh_pc_usage_percent_of_open (pc2), ==, 0);
  g_clear_pointer (&pcs, g_ptr_array_unref);

  add_sitting (f, f->pc2, MONDAY + 4 * DAY + 9 * HOUR, MONDAY + 4 * DAY + 10 * HOUR);
  pcs = lh_equipment_usage (f->ts->store, f->centre, MONDAY, NOW, NOW, &error);
  g_assert_no_error (error);
  pc2 = usage_of (pcs, "PC 2");
  /* 1 h of 19: 5 %, not the 4 % of all 27 open hours. */
  g_assert_cmpint (lh_pc_usage_percent_of_open (pc2), ==, 5);
}

/* PC 2's computer faulty from Monday 10:00 on: in order 1 h of the 27
 * open (9:00 to 10:00). Its learner sits on from 9:30 to 13:00: 3.5 h
 * used, but only 30 min of it in order, half of that hour, not 350 %.
 * An early sitting from 7:00 (use before opening is use all the same)
 * makes 3 h of use in order: the share stops at 100 %. */
static void
test_out_of_order_use_during_outage (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pcs = NULL;
  const LhPcUsage *pc2;

  set_status (f, "LC-0002", "faulty", MONDAY + 10 * HOUR);
  add_sitting (f, f->pc2, MONDAY + 9 * HOUR + 30 * MINUTE, MONDAY + 13 * HOUR);
  pcs = lh_equipment_usage (f->ts->store, f->centre, MONDAY, NOW, NOW, &error);
  g_assert_no_error (error);
  pc2 = usage_of (pcs, "PC 2");
  g_assert_cmpint (lh_pc_usage_seconds_in_order (pc2), ==, HOUR);
  g_assert_cmpint (pc2->seconds_used, ==, 3 * HOUR + 30 * MINUTE);
  g_assert_cmpint (pc2->seconds_used_in_order, ==, 30 * MINUTE);
  g_assert_cmpint (lh_pc_usage_percent_of_open (pc2), ==, 50);
  g_clear_pointer (&pcs, g_ptr_array_unref);

  add_sitting (f, f->pc2, MONDAY + 7 * HOUR, MONDAY + 9 * HOUR + 30 * MINUTE);
  pcs = lh_equipment_usage (f->ts->store, f->centre, MONDAY, NOW, NOW, &error);
  g_assert_no_error (error);
  pc2 = usage_of (pcs, "PC 2");
  g_assert_cmpint (pc2->seconds_used_in_order, ==, 3 * HOUR);
  g_assert_cmpint (lh_pc_usage_percent_of_open (pc2), ==, 100);
}

/* PC 4 has no computer in the inventory: its own faults that stop use
 * take it out. One on Monday from 9:00, repaired at 11:00; one since
 * Thursday midnight, still open: 2 h + 8 h + 3 h. One that does not
 * stop use does not count. */
static void
test_out_of_order_own_faults (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pcs = NULL;
  gint64 repaired[] = { f->pc4, MONDAY + 9 * HOUR, MONDAY + 11 * HOUR };
  gint64 open[] = { f->pc4, MONDAY + 3 * DAY };
  gint64 minor[] = { f->pc4, MONDAY - DAY };

  sittings_exec (f->ts->store, "INSERT INTO faults (resource_id, category, stops_use, reported_at, repaired_at) "
                      "VALUES (?1, 'screen', 1, ?2, ?3)", repaired, G_N_ELEMENTS (repaired));
  sittings_exec (f->ts->store, "INSERT INTO faults (resource_id, category, stops_use, reported_at) "
                      "VALUES (?1, 'internet', 1, ?2)", open, G_N_ELEMENTS (open));
  sittings_exec (f->ts->store, "INSERT INTO faults (resource_id, category, stops_use, reported_at) "
                      "VALUES (?1, 'sound', 0, ?2)", minor, G_N_ELEMENTS (minor));
  pcs = lh_equipment_usage (f->ts->store, f->centre, MONDAY, NOW, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (usage_of (pcs, "PC 4")->seconds_out_of_order, ==, 13 * HOUR);
  /* PC 1's computer has been faulty all along (the one before it was
   * retired): out of order throughout, whatever the sittings say. */
  g_assert_cmpint (usage_of (pcs, "PC 1")->seconds_out_of_order, ==, 27 * HOUR);
}

/* PC 4's screen broke on Monday while it had no computer in the
 * inventory; LC-0004 was linked to it on Thursday and took the fault
 * over. Monday to Thursday stay the PC's own history: out of order the
 * whole period, not in order and unused until the link. */
static void
test_out_of_order_before_link (Fixture *f, gconstpointer data)
{
  static const LhEquipmentActor admin = { 0, "learnhubctl" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pcs = NULL;
  gint64 broken[] = { f->pc4, MONDAY };
  LhEquipmentFields fields = { "LC-0004", "computer", "", "PC room", NULL, f->pc4 };

  sittings_exec (f->ts->store, "INSERT INTO faults (resource_id, category, stops_use, reported_at) "
                      "VALUES (?1, 'screen', 1, ?2)", broken, G_N_ELEMENTS (broken));
  g_assert_true (lh_equipment_save (f->ts->store, f->centre, &fields, &admin, NULL, MONDAY + 3 * DAY, NULL, &error));
  g_assert_no_error (error);
  pcs = lh_equipment_usage (f->ts->store, f->centre, MONDAY, NOW, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (usage_of (pcs, "PC 4")->seconds_out_of_order, ==, 27 * HOUR);
}

/* A PC whose computer was retired and not replaced is out of order
 * until a new one is linked to it. */
static void
test_out_of_order_retired (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pcs = NULL;

  set_status (f, "LC-0002", "retired", MONDAY + 3 * DAY + 13 * HOUR);
  pcs = lh_equipment_usage (f->ts->store, f->centre, MONDAY, NOW, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (usage_of (pcs, "PC 2")->seconds_out_of_order, ==, 4 * HOUR + 3 * HOUR);
}

/* LC-0002 is faulty from Monday 13:00 to Tuesday 13:00 while it is PC 2
 * (4 h + 4 h). On Thursday it moves to PC 4 and a new computer becomes
 * PC 2: the outage stays PC 2's, and PC 4 had none. */
static void
test_out_of_order_after_relink (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pcs = NULL;

  set_status (f, "LC-0002", "faulty", MONDAY + 13 * HOUR);
  set_status (f, "LC-0002", "working", MONDAY + DAY + 13 * HOUR);
  save_computer_at (f, "LC-0002", f->pc4, NULL, MONDAY + 3 * DAY + 8 * HOUR);
  save_computer_at (f, "LC-0012", f->pc2, NULL, MONDAY + 3 * DAY + 8 * HOUR);
  pcs = lh_equipment_usage (f->ts->store, f->centre, MONDAY, NOW, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (usage_of (pcs, "PC 2")->seconds_out_of_order, ==, 8 * HOUR);
  g_assert_cmpint (usage_of (pcs, "PC 4")->seconds_out_of_order, ==, 0);
}

/* A database from before 0030 has no PC in its history: the migration
 * fills each item's rows from its link now (LC-0002's, added as PC 2 and
 * moved to PC 4, all say PC 4), and a shelf item's stay empty. */
/* A shelf computer linked on Friday at 10:00 to PC 2, whose computer was
 * retired on Thursday at 13:00, does not erase the time PC 2 had none:
 * 4 h on Thursday and 1 h on Friday. */
static void
test_out_of_order_until_shelf_linked (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pcs = NULL;

  save_computer (f, "LC-0003", 0, NULL);
  set_status (f, "LC-0002", "retired", MONDAY + 3 * DAY + 13 * HOUR);
  save_computer_at (f, "LC-0003", f->pc2, NULL, MONDAY + 4 * DAY + 10 * HOUR);
  pcs = lh_equipment_usage (f->ts->store, f->centre, MONDAY, NOW, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (usage_of (pcs, "PC 2")->seconds_out_of_order, ==, 5 * HOUR);
}

static void
test_migration_fills_links (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = NULL;
  sqlite3 *db;

  save_computer_at (f, "LC-0002", f->pc4, NULL, MONDAY);
  save_computer_at (f, "LC-0003", 0, NULL, MONDAY);
  g_clear_object (&f->ts->store);
  g_assert_cmpint (sqlite3_open (f->ts->path, &db), ==, SQLITE_OK);
  /* Back to schema 29: the later additions first, then 31's, then 30's. */
  g_assert_cmpint (sqlite3_exec (db, LH_TEST_UNDO_REPORT_INDEXES LH_TEST_UNDO_RELEASED_BOOKINGS LH_TEST_UNDO_REPORT_SECTIONS LH_TEST_UNDO_COMMITTEE LH_TEST_UNDO_EQUALITY
                                     "DROP INDEX equipment_by_tag_nocase; "
                                     "ALTER TABLE faults DROP COLUMN joined_into; "
                                     "DROP INDEX equipment_events_links_by_pc; "
                                     "ALTER TABLE equipment_events DROP COLUMN resource_id; "
                                     "PRAGMA user_version = 29", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  f->ts->store = lh_store_open (f->ts->path, &error);
  g_assert_no_error (error);

  moved = g_strdup_printf ("SELECT count(*) FROM equipment_events v JOIN equipment e ON e.id = v.equipment_id "
                           "WHERE e.asset_tag = 'LC-0002' AND v.resource_id = %" G_GINT64_FORMAT, f->pc4);
  g_assert_cmpint (lh_test_query_int (f->ts->store, moved), ==, 2);
  g_assert_cmpint (lh_test_query_int (f->ts->store,
                                      "SELECT count(*) FROM equipment_events v JOIN equipment e "
                                      "ON e.id = v.equipment_id WHERE v.resource_id IS NOT e.resource_id"), ==, 0);
  g_assert_cmpint (lh_test_query_int (f->ts->store,
                                      "SELECT count(*) FROM equipment_events v JOIN equipment e ON e.id = "
                                      "v.equipment_id WHERE e.asset_tag = 'LC-0003' AND v.resource_id IS NULL"), ==, 1);
}

static void
test_bad_period (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pcs = lh_equipment_usage (f->ts->store, f->centre, MONDAY, MONDAY, NOW, &error);

  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_null (pcs);
}

/* PC 2 keeps its own hours, 10:00 to 12:00 on weekdays, between PCs on
 * the centre's: each PC's opening time is from its own hours, however
 * they are worked out. Monday, Tuesday, Thursday and Friday to now. */
static void
test_own_hours (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Fri 10:00-12:00", &error);
  g_autoptr(GPtrArray) pcs = NULL;

  g_assert_no_error (error);
  g_assert_true (lh_resources_set_hours (f->ts->store, f->pc2, (LhOpeningPeriod *) hours->data, hours->len, &error));
  g_assert_no_error (error);
  pcs = lh_equipment_usage (f->ts->store, f->centre, MONDAY, NOW, NOW, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pcs->len; i++)
    {
      const LhPcUsage *pc = pcs->pdata[i];

      g_assert_cmpint (pc->seconds_open, ==, pc->resource_id == f->pc2 ? 4 * 2 * HOUR : 27 * HOUR);
    }
}

/* The capacity from sittings read by the caller: the same figures as
 * lh_equipment_usage() reading them itself, the sitting going on now and
 * PC 1's outage included. */
static void
test_capacity_from_sittings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pcs = lh_equipment_usage (f->ts->store, f->centre, MONDAY, NOW, NOW, &error);
  g_autoptr(GArray) sittings = g_array_new (FALSE, FALSE, sizeof (LhPcSitting));
  g_autoptr(LhStmt) stmt = NULL;
  gint64 in_order = 0, used = 0, expected_in_order = 0, expected_used = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < pcs->len; i++)
    {
      expected_in_order += lh_pc_usage_seconds_in_order (pcs->pdata[i]);
      expected_used += ((LhPcUsage *) pcs->pdata[i])->seconds_used_in_order;
    }
  stmt = lh_store_prepare (f->ts->store, "SELECT resource_id, started_at, coalesce (ended_at, ?1) FROM usage_sessions",
                           &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, NOW);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_array_append_vals (sittings, &(LhPcSitting) { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                                    sqlite3_column_int64 (stmt, 2) }, 1);

  g_assert_true (lh_equipment_capacity (f->ts->store, f->centre, MONDAY, NOW, sittings, &in_order, &used, &error));
  g_assert_no_error (error);
  g_assert_cmpint (expected_used, >, 0);
  g_assert_cmpint (in_order, ==, expected_in_order);
  g_assert_cmpint (used, ==, expected_used);
}

/* Each query reads an index range or looks one row up: never the whole
 * history of sittings. */
static void
test_query_plans (Fixture *f, gconstpointer data)
{
  const char *queries[][2] = {
    { LH_EQUIPMENT_USAGE_SITTINGS_SQL,
      "SEARCH usage_sessions USING COVERING INDEX usage_by_start (started_at>? AND started_at<?)" },
    { LH_EQUIPMENT_USAGE_COMPUTER_SQL,
      "SEARCH equipment USING INDEX equipment_by_pc (resource_id=?)" },
    { LH_EQUIPMENT_USAGE_CLOSURES_SQL,
      "SEARCH closures USING COVERING INDEX sqlite_autoindex_closures_1 (date>? AND date<?)" },
    { LH_PC_OUTAGE_COMPUTERS_SQL,
      "SEARCH equipment_events USING INDEX equipment_events_links_by_pc (resource_id=? AND at<?)" },
    { LH_PC_OUTAGE_STATUS_AT_SQL,
      "SEARCH equipment_events USING INDEX equipment_events_by_item (equipment_id=? AND at<?)" },
    { LH_PC_OUTAGE_CHANGES_SQL,
      "SEARCH equipment_events USING INDEX equipment_events_by_item (equipment_id=? AND at>? AND at<?)" },
    /* Open faults, and those repaired in the period. */
    { LH_PC_OUTAGE_OWN_FAULTS_SQL,
      "SEARCH faults USING INDEX faults_open_by_pc (resource_id=?)" },
    { LH_PC_OUTAGE_OWN_FAULTS_SQL,
      "SEARCH faults USING INDEX faults_repaired_by_pc (resource_id=? AND repaired_at>?)" },
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    lh_test_assert_plan (f->ts->store, queries[q][0], queries[q][1]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/lh/equipment-usage/week-to-now", test_week_to_now);
  ADD ("/lh/equipment-usage/period-cuts-sittings", test_period_cuts_sittings);
  ADD ("/lh/equipment-usage/sitting-across-midnight", test_sitting_across_midnight);
  ADD ("/lh/equipment-usage/out-of-order-all-period", test_out_of_order_all_period);
  ADD ("/lh/equipment-usage/out-of-order-half", test_out_of_order_half);
  ADD ("/lh/equipment-usage/out-of-order-use-during-outage", test_out_of_order_use_during_outage);
  ADD ("/lh/equipment-usage/out-of-order-own-faults", test_out_of_order_own_faults);
  ADD ("/lh/equipment-usage/out-of-order-retired", test_out_of_order_retired);
  ADD ("/lh/equipment-usage/out-of-order-after-relink", test_out_of_order_after_relink);
  ADD ("/lh/equipment-usage/out-of-order-until-shelf-linked", test_out_of_order_until_shelf_linked);
  ADD ("/lh/equipment-usage/migration-fills-links", test_migration_fills_links);
  ADD ("/lh/equipment-usage/out-of-order-before-link", test_out_of_order_before_link);
  ADD ("/lh/equipment-usage/bad-period", test_bad_period);
  ADD ("/lh/equipment-usage/own-hours", test_own_hours);
  ADD ("/lh/equipment-usage/capacity-from-sittings", test_capacity_from_sittings);
  ADD ("/lh/equipment-usage/query-plans", test_query_plans);
#undef ADD
  return g_test_run ();
}
