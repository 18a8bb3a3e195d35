/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl equipment usage as a committee member reads it: the PCs
 * most used first, with "never used" said plainly, or as CSV; and a
 * wrong period or format refused. The centre is made with the core
 * library (sittings placed by hand in the week before the tests' clock),
 * then closed, so learnhubctl works on it as on a real one. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ctl-run.h"
#include "lh-devices.h"
#include "lh-equipment.h"
#include "lh-people.h"
#include "lh-resources.h"
#include "lh-store.h"
#include "lh-test-clock.h"

/* Monday 4 January 2027, 00:00 in London (UTC in winter): the week
 * before the tests' clock. */
#define MONDAY 1799020800
#define HOUR   3600
#define DAY    (24 * HOUR)

static void
exec (LhStore *store, const char *sql, const gint64 *values, guint n_values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n_values; i++)
    sqlite3_bind_int64 (stmt, (int) i + 1, values[i]);
  lh_store_exec (store, stmt, &error);
  g_assert_no_error (error);
}

static gint64
add_pc (LhStore *store, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Fri 09:00-17:00", &error);
  g_autofree char *kiosk = g_strdup_printf ("Kiosk of %s", name);
  g_autofree char *token = NULL;
  gint64 id = 0;

  g_assert_true (lh_resources_add (store, name, "pc", 1, &id, &error));
  g_assert_true (lh_resources_set_hours (store, id, (LhOpeningPeriod *) hours->data, hours->len, &error));
  token = lh_devices_add (store, kiosk, MONDAY - 30 * DAY, NULL, &error);
  g_assert_true (lh_devices_set_pc (store, kiosk, id, &error));
  g_assert_no_error (error);
  return id;
}

/* A sitting of person at the PC, with its booking and sign-in. */
static void
add_sitting (LhStore *store, gint64 person, gint64 pc, gint64 start, gint64 end)
{
  static gint64 n;
  gint64 booking[] = { pc, person, start, end };
  gint64 session[] = { person, pc, start, end, ++n };
  gint64 usage[] = { 0, 0, start, end };

  exec (store, "INSERT INTO bookings (resource_id, person_id, start_at, end_at, created_at, status, checked_in_at) "
               "VALUES (?1, ?2, ?3, ?4, ?3 - 86400, 'booked', ?3)", booking, G_N_ELEMENTS (booking));
  usage[0] = lh_store_last_insert_id (store);
  exec (store, "INSERT INTO sessions (token_hash, person_id, device_id, created_at, expires_at) "
               "VALUES (printf ('%020d', ?5), ?1, (SELECT id FROM devices WHERE resource_id = ?2), ?3, ?4)",
        session, G_N_ELEMENTS (session));
  usage[1] = lh_store_last_insert_id (store);
  exec (store, "INSERT INTO usage_sessions (person_id, resource_id, booking_id, device_id, session_id, "
               "started_at, ended_at, end_reason) SELECT b.person_id, b.resource_id, b.id, s.device_id, s.id, "
               "?3, ?4, 'sign-out' FROM bookings b, sessions s WHERE b.id = ?1 AND s.id = ?2",
        usage, G_N_ELEMENTS (usage));
}

/* PC 1 (computer LC-0001): 2.5 h on Monday and 2 h on Wednesday; PC 3:
 * an hour on Thursday; PC 4 never; PC 2 could not be used: its computer
 * LC-0002 was faulty from the Sunday before. Open 8 h a weekday: 40 h
 * that week. */
static char *
centre_new (void)
{
  static const LhEquipmentActor admin = { 0, "learnhubctl" };
  char *db = temp_path ("usage.db");
  g_autoptr(LhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LhPerson amira = { .staff_number = (char *) "200001", .name = (char *) "Amira Khan", .hours_per_week = 37.5,
                     .roles = LH_ROLE_LEARNER };
  gint64 person = 0, pc1, pc2, pc3;

  store = lh_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (lh_people_save (store, &amira, MONDAY - 30 * DAY, &person, NULL, &error));
  g_assert_no_error (error);
  pc1 = add_pc (store, "PC 1");
  pc2 = add_pc (store, "PC 2");
  pc3 = add_pc (store, "PC 3");
  add_pc (store, "PC 4");
  add_sitting (store, person, pc1, MONDAY + 10 * HOUR, MONDAY + 12 * HOUR + 1800);
  add_sitting (store, person, pc1, MONDAY + 2 * DAY + 14 * HOUR, MONDAY + 2 * DAY + 16 * HOUR);
  add_sitting (store, person, pc3, MONDAY + 3 * DAY + 9 * HOUR, MONDAY + 3 * DAY + 10 * HOUR);
  g_assert_true (lh_equipment_save (store, NULL,
                                    &(LhEquipmentFields) { "LC-0001", "computer", "", "Room 1", NULL, pc1 },
                                    &admin, NULL, MONDAY - 30 * DAY, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lh_equipment_save (store, NULL,
                                    &(LhEquipmentFields) { "LC-0002", "computer", "", "Room 1", NULL, pc2 },
                                    &admin, NULL, MONDAY - 30 * DAY, NULL, &error));
  g_assert_true (lh_equipment_set_status (store, NULL, "LC-0002", "faulty", "No picture", &admin, MONDAY - DAY,
                                          &error));
  g_assert_no_error (error);
  return db;
}

static const char *
line_of (const char *text, const char *start)
{
  g_autofree char *needle = g_strconcat ("\n", start, NULL);
  const char *found = strstr (text, needle);

  return found != NULL ? found + 1 : NULL;
}

static void
test_text (void)
{
  g_autofree char *db = centre_new ();
  g_auto(Run) run = { 0 };
  const char *pc1, *pc2, *pc3, *pc4;

  ctl (&run, db, "equipment", "usage", "--from", "2027-01-04", "--to", "2027-01-08", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_test_message ("%s", run.out);
  g_assert_true (g_str_has_prefix (run.out, "Use of the PCs from 2027-01-04 to 2027-01-08, most used first\n"));
  pc1 = line_of (run.out, "PC 1 ");
  pc2 = line_of (run.out, "PC 2 ");
  pc3 = line_of (run.out, "PC 3 ");
  pc4 = line_of (run.out, "PC 4 ");
  /* Most used first; unused last. */
  g_assert_true (pc1 != NULL && pc3 != NULL && pc2 != NULL && pc4 != NULL);
  g_assert_true (pc1 < pc3 && pc3 < pc2 && pc3 < pc4);
  g_assert_true (g_str_has_prefix (pc1, "PC 1              4.5         2     2      11%          0.0  "
                                        "2027-01-06 16:00  LC-0001 (working)\n"));
  g_assert_true (g_str_has_prefix (pc3, "PC 3              1.0         1     1       3%          0.0  "
                                        "2027-01-07 10:00  not in the inventory\n"));
  /* A PC that could not be used was not shunned. */
  g_assert_true (g_str_has_prefix (pc2, "PC 2         out of order all the period               40.0"
                                        "                    LC-0002 (faulty)\n"));
  g_assert_true (g_str_has_prefix (pc4, "PC 4         never used                                 0.0"
                                        "                    not in the inventory\n"));
  /* It counts time at a PC, never who sat there. */
  g_assert_null (strstr (run.out, "Amira"));
  g_assert_null (strstr (run.out, "200001"));
}

static void
test_csv (void)
{
  g_autofree char *db = centre_new ();
  g_auto(Run) run = { 0 };

  ctl (&run, db, "equipment", "usage", "--from", "2027-01-04", "--to", "2027-01-08", "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "pc,asset_tag,computer_status,hours_used,sittings,days_used,last_used,open_hours,"
                   "hours_out_of_order,percent_of_open_hours\n"
                   "PC 1,LC-0001,working,4.5,2,2,2027-01-06T16:00:00Z,40.0,0.0,11\n"
                   "PC 3,,,1.0,1,1,2027-01-07T10:00:00Z,40.0,0.0,3\n"
                   "PC 2,LC-0002,faulty,0.0,0,0,,40.0,40.0,\n"
                   "PC 4,,,0.0,0,0,,40.0,0.0,0\n");
}

static void
test_refused (void)
{
  g_autofree char *db = centre_new ();
  const struct { const char *from; const char *to; const char *format; int status; const char *says; } cases[] = {
    { "2027-01-08", "2027-01-04", "text", 1, "Ask for 1 to 366 days at a time" },
    { "2025-01-01", "2027-01-08", "text", 1, "Ask for 1 to 366 days at a time" },
    { "2027-02-01", "2027-02-05", "text", 1, "That period has not begun yet" },
    { "2027-01-32", "2027-02-05", "text", 1, "--from 2027-01-32: A date looks like" },
    { "2027-01-04", "2027-01-08", "xml", 2, "usage: learnhubctl equipment import" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      ctl (&run, db, "equipment", "usage", "--from", cases[i].from, "--to", cases[i].to, "--format", cases[i].format,
           NULL);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, cases[i].says));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ctl/equipment-usage/text", test_text);
  g_test_add_func ("/ctl/equipment-usage/csv", test_csv);
  g_test_add_func ("/ctl/equipment-usage/refused", test_refused);
  return g_test_run ();
}
