/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What fault reporting keeps about people: a report's note goes some days
 * after the repair, from the files too; a learner's notice goes once seen
 * or once its booking has ended. */
#include "lh-bookings.h"
#include "lh-core-test.h"
#include "lh-devices.h"
#include "lh-equipment.h"
#include "lh-fault-retention.h"
#include "lh-faults.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW      1795435200
#define HOUR     3600
#define DAY      (24 * (gint64) HOUR)
#define TOMORROW (NOW - 12 * HOUR + DAY)   /* Tuesday 00:00 */
#define KEPT     (LH_FAULT_NOTES_KEEP_DAYS * DAY)
#define SECRET_NOTE "Amira spilt tea on the keyboard"

static const LhEquipmentActor admin = { 0, "learnhubctl" };

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       amira, ben;
  gint64       pc1, pc2;
  gint64       desk, pc1_kiosk;
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

static gint64
book (Fixture *f, gint64 person, gint64 start_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = lh_bookings_create (f->ts->store, f->centre, person, f->pc1, start_at,
                                                     start_at + HOUR, NOW - HOUR, &error);

  g_assert_no_error (error);
  return booking->id;
}

static LhFault *
report (Fixture *f, gint64 pc, gint64 device, const char *category, const char *note, gint64 now)
{
  g_autoptr(GError) error = NULL;
  LhFaultReporter reporter = { device, FALSE };
  LhFault *fault = lh_faults_report (f->ts->store, f->centre, NULL, pc, &reporter, category, note, now, NULL, NULL,
                                     &error);

  g_assert_no_error (error);
  return fault;
}

static guint
forget (Fixture *f, gint64 now)
{
  g_autoptr(GError) error = NULL;
  guint n_changed = G_MAXUINT;

  g_assert_true (lh_faults_forget (f->ts->store, now, &n_changed, &error));
  g_assert_no_error (error);
  return n_changed;
}

static gint64
count (Fixture *f, const char *sql)
{
  return lh_test_query_int (f->ts->store, sql);
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
  f->desk = add_kiosk (f, "Desk", 0);
  f->pc1_kiosk = add_kiosk (f, "PC 1 kiosk", f->pc1);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

/* A repaired fault's notes stay LH_FAULT_NOTES_KEEP_DAYS, then are blanked
 * and gone from the database's files; an open fault's notes stay. */
static void
test_notes_blanked_after_repair (Fixture *f, gconstpointer data)
{
  g_autoptr(LhFault) broken = report (f, 0, f->pc1_kiosk, "keyboard-mouse", SECRET_NOTE, NOW);
  g_autoptr(LhFault) still_open = report (f, f->pc2, f->desk, "sound", "Hiss", NOW);
  g_autoptr(GError) error = NULL;
  const char *noted = "SELECT count(*) FROM fault_reports WHERE note <> ''";

  g_assert_cmpuint (forget (f, NOW + 2 * KEPT), ==, 0);
  g_assert_cmpint (count (f, noted), ==, 2);
  g_assert_true (lh_faults_repaired (f->ts->store, broken->id, "New keyboard", &admin, NOW + HOUR, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (forget (f, NOW + HOUR + KEPT), ==, 0);
  g_assert_cmpint (count (f, noted), ==, 2);
  g_assert_true (lh_test_files_hold (f->ts->path, SECRET_NOTE));

  g_assert_cmpuint (forget (f, NOW + HOUR + KEPT + 1), ==, 1);
  g_assert_cmpint (count (f, noted), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM fault_reports WHERE note = 'Hiss'"), ==, 1);
  /* The report itself stays: the fault's count of reports holds. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM fault_reports"), ==, 2);
  g_assert_true (lh_store_scrub (f->ts->store, &error));
  g_assert_no_error (error);
  g_assert_false (lh_test_files_hold (f->ts->path, SECRET_NOTE));
  g_assert_cmpuint (forget (f, NOW + 3 * KEPT), ==, 0);
}

/* A learner's notice goes once seen, or once its booking has ended
 * unseen; one still to be told stays. */
static void
test_notices_go_when_done_with (Fixture *f, gconstpointer data)
{
  g_autoptr(LhFault) fault = NULL;
  g_autoptr(GPtrArray) told = NULL;
  const char *notices = "SELECT count(*) FROM fault_notices";

  book (f, f->amira, TOMORROW + 10 * HOUR);
  book (f, f->ben, TOMORROW + 12 * HOUR);
  fault = report (f, 0, f->pc1_kiosk, "screen", NULL, NOW);
  g_assert_cmpint (count (f, notices), ==, 2);
  g_assert_cmpuint (forget (f, NOW), ==, 0);

  told = lh_faults_list_notices (f->ts->store, f->ben, NOW + HOUR, NULL);
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_true (lh_faults_notices_seen (f->ts->store, f->ben, &((LhFaultMove *) told->pdata[0])->notice_id, 1,
                                         NOW + HOUR, NULL));
  g_assert_cmpuint (forget (f, NOW + HOUR), ==, 1);
  g_assert_cmpint (count (f, notices), ==, 1);

  /* Amira's booking ends unseen: nothing is left to tell her. */
  g_assert_cmpuint (forget (f, TOMORROW + 11 * HOUR - 1), ==, 0);
  g_assert_cmpuint (forget (f, TOMORROW + 11 * HOUR), ==, 1);
  g_assert_cmpint (count (f, notices), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/fault-retention/notes-blanked-after-repair", test_notes_blanked_after_repair);
  ADD ("/fault-retention/notices-go-when-done-with", test_notices_go_when_done_with);
  return g_test_run ();
}
