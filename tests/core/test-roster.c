/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "lh-auth.h"
#include "lh-core-test.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-guests.h"
#include "lh-people.h"
#include "lh-roster.h"

#define NOW 1795000000

static int
count_people (LhStore *store)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "SELECT count(*) FROM people", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static gboolean
import (LhStore *store, const char *csv, gboolean skip, LhRosterReport *report, GError **error)
{
  return lh_roster_import (store, csv, strlen (csv), skip, NOW, report, error);
}

static void
test_good_file (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(LhRosterReport) report = { 0 };
  g_autoptr(LhPerson) person = NULL;
  const char *csv =
    "name,staff_number,department,work_pattern,hours_per_week,roles,pin\n"
    "Amira Khan,100001,Warehouse,shifts,37.5,learner,4821\n"
    "\"Okafor, Daniel\",100002,Transport,part-time,22.5,learner;ulr,\n";

  g_assert_true (import (ts->store, csv, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 2);
  g_assert_cmpuint (report.row_errors->len, ==, 0);

  person = lh_people_find (ts->store, "100002", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (person->name, ==, "Okafor, Daniel");
  g_assert_cmpuint (person->roles, ==, LH_ROLE_LEARNER | LH_ROLE_ULR);
  g_assert_cmpfloat (person->hours_per_week, ==, 22.5);
}

static void
test_pin_stored_as_argon2id_only (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(LhRosterReport) report = { 0 };
  g_autoptr(LhStmt) stmt = NULL;
  g_autofree char *token = NULL;
  gint64 device_id;
  const char *hash;

  g_assert_true (import (ts->store, "staff_number,name,hours_per_week,roles,pin\n7,Al,10,learner,482193\n",
                         FALSE, &report, &error));
  stmt = lh_store_prepare (ts->store, "SELECT pin_hash FROM people", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  hash = (const char *) sqlite3_column_text (stmt, 0);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_null (strstr (hash, "482193"));
  g_clear_pointer (&stmt, lh_stmt_release);

  g_free (lh_devices_add (ts->store, "kiosk", NOW, &device_id, &error));
  token = lh_auth_sign_in (ts->store, device_id, "7", "482193", 30, NOW, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
}

static void
test_bad_row_imports_nothing (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(LhRosterReport) report = { 0 };
  const char *csv =
    "staff_number,name,hours_per_week,roles\n"
    "1,Ann,37.5,learner\n"
    "2,Bob,lots,learner\n"
    "3,,10,learner\n"
    "4,Dee,10,manager\n"
    "1,Ann again,10,learner\n"
    "5,Eve,10\n"
    "6,Fay,20,learner\n";

  g_assert_false (import (ts->store, csv, FALSE, &report, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_cmpint (count_people (ts->store), ==, 0);
  g_assert_cmpuint (report.row_errors->len, ==, 5);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report.row_errors, 0), "line 3: hours_per_week"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report.row_errors, 1), "line 4: the name is empty"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report.row_errors, 2), "line 5:"));
  g_assert_nonnull (strstr (g_ptr_array_index (report.row_errors, 3), "twice"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report.row_errors, 4), "line 7:"));
}

static void
test_skip_bad_rows (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(LhRosterReport) report = { 0 };
  const char *csv =
    "staff_number,name,hours_per_week,roles\n"
    "1,Ann,37.5,learner\n"
    "2,Bob,-3,learner\n"
    "3,Cy,10,learner|admin\n";

  g_assert_true (import (ts->store, csv, TRUE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 2);
  g_assert_cmpuint (report.skipped, ==, 1);
  g_assert_cmpint (count_people (ts->store), ==, 2);
}

static void
test_reimport_updates (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(LhRosterReport) first = { 0 };
  g_auto(LhRosterReport) second = { 0 };
  g_autoptr(LhPerson) person = NULL;

  g_assert_true (import (ts->store, "staff_number,name,hours_per_week,roles\n1,Ann,37.5,learner\n",
                         FALSE, &first, &error));
  g_assert_true (import (ts->store, "staff_number,name,hours_per_week,roles\n1,Ann Lee,30,learner;committee\n",
                         FALSE, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (second.updated, ==, 1);
  g_assert_cmpuint (second.added, ==, 0);
  person = lh_people_find (ts->store, "1", &error);
  g_assert_cmpstr (person->name, ==, "Ann Lee");
  g_assert_cmpuint (person->roles, ==, LH_ROLE_LEARNER | LH_ROLE_COMMITTEE);
}

/* The time-off columns: how many days the hours are spread over, and
 * whether the apprentice and ESOL entitlements are theirs. */
static void
test_time_off_columns (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(LhRosterReport) report = { 0 };
  g_auto(LhRosterReport) again = { 0 };
  g_autoptr(LhPerson) ann = NULL;
  g_autoptr(LhPerson) bob = NULL;
  g_autoptr(LhPerson) cy = NULL;
  g_autoptr(LhPerson) dee = NULL;
  g_autoptr(LhPerson) reimported = NULL;
  const char *csv =
    "staff_number,name,hours_per_week,roles,days_per_week,apprentice,esol\n"
    "1,Ann,37.5,learner,5,yes,no\n"
    "2,Bob,22.5,learner,3,FALSE,True\n"
    "3,Cy,16,learner,2.5,1,0\n"
    "4,Dee,37.5,learner,,,\n";

  g_assert_true (import (ts->store, csv, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 4);
  ann = lh_people_find (ts->store, "1", &error);
  bob = lh_people_find (ts->store, "2", &error);
  cy = lh_people_find (ts->store, "3", &error);
  dee = lh_people_find (ts->store, "4", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (ann->days_per_week, ==, 5);
  g_assert_true (ann->apprentice);
  g_assert_false (ann->esol_learner);
  g_assert_cmpfloat (bob->days_per_week, ==, 3);
  g_assert_false (bob->apprentice);
  g_assert_true (bob->esol_learner);
  g_assert_cmpfloat (cy->days_per_week, ==, 2.5);
  g_assert_true (cy->apprentice);
  /* Empty cells take the defaults. */
  g_assert_cmpfloat (dee->days_per_week, ==, 5);
  g_assert_false (dee->apprentice);
  g_assert_false (dee->esol_learner);

  /* A file without the columns: everyone back to the defaults. */
  g_assert_true (import (ts->store, "staff_number,name,hours_per_week,roles\n1,Ann,37.5,learner\n",
                         FALSE, &again, &error));
  g_assert_no_error (error);
  reimported = lh_people_find (ts->store, "1", &error);
  g_assert_cmpfloat (reimported->days_per_week, ==, 5);
  g_assert_false (reimported->apprentice);
}

static void
test_time_off_columns_bad (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(LhRosterReport) report = { 0 };
  const char *csv =
    "staff_number,name,hours_per_week,roles,days_per_week,apprentice,esol\n"
    "1,Ann,37.5,learner,0,no,no\n"
    "2,Bob,37.5,learner,8,no,no\n"
    "3,Cy,37.5,learner,four,no,no\n"
    "4,Dee,37.5,learner,-2,no,no\n"
    "5,Eve,37.5,learner,5,maybe,no\n"
    "6,Fay,37.5,learner,5,no,y\n"
    "7,Gus,37.5,learner,7,no,no\n";

  g_assert_false (import (ts->store, csv, FALSE, &report, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_cmpint (count_people (ts->store), ==, 0);
  g_assert_cmpuint (report.row_errors->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (report.row_errors, 0), ==,
                   "line 2: days_per_week “0” is not a number of days above 0 and at most 7");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report.row_errors, 1), "line 3: days_per_week “8”"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report.row_errors, 2), "line 4: days_per_week “four”"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report.row_errors, 3), "line 5: days_per_week “-2”"));
  g_assert_cmpstr (g_ptr_array_index (report.row_errors, 4), ==,
                   "line 6: apprentice “maybe” is not yes or no (yes, no, true, false, 1, 0)");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (report.row_errors, 5), "line 7: esol “y”"));
  g_clear_error (&error);
  lh_csv_report_clear (&report);

  /* With --skip-bad-rows only the good row comes in. */
  g_assert_true (import (ts->store, csv, TRUE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 1);
  g_assert_cmpuint (report.skipped, ==, 6);
}

/* A guest's time off is not the employer's to give: 5 days, no apprentice
 * or ESOL entitlement, whatever is asked. */
static void
test_guest_time_off_fields (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  LhPerson sponsor = { .staff_number = (char *) "1", .name = (char *) "Ann", .hours_per_week = 37.5,
                       .roles = LH_ROLE_LEARNER, .days_per_week = 4, .esol_learner = TRUE };
  LhPerson guest = { .staff_number = (char *) "G1", .name = (char *) "Joe", .roles = LH_ROLE_LEARNER,
                     .days_per_week = 2, .apprentice = TRUE, .esol_learner = TRUE };
  g_autoptr(LhPerson) saved_sponsor = NULL;
  g_autoptr(LhPerson) saved_guest = NULL;
  gint64 sponsor_id, guest_id;

  g_assert_true (lh_people_save (ts->store, &sponsor, NOW, &sponsor_id, NULL, &error));
  guest.sponsor_id = sponsor_id;
  g_assert_true (lh_people_save (ts->store, &guest, NOW, &guest_id, NULL, &error));
  g_assert_no_error (error);
  saved_sponsor = lh_people_get (ts->store, sponsor_id, &error);
  saved_guest = lh_people_get (ts->store, guest_id, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (saved_sponsor->days_per_week, ==, 4);
  g_assert_true (saved_sponsor->esol_learner);
  g_assert_cmpfloat (saved_guest->days_per_week, ==, 5);
  g_assert_false (saved_guest->apprentice);
  g_assert_false (saved_guest->esol_learner);
}

static void
test_bad_header_refused (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(LhRosterReport) report = { 0 };

  g_assert_false (import (ts->store, "staff_number,name,roles\n1,Ann,learner\n", FALSE, &report, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "hours_per_week"));
  g_clear_error (&error);
  lh_csv_report_clear (&report);

  g_assert_false (import (ts->store, "staff_number,name,hours_per_week,roles,salary\n", FALSE, &report, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "salary"));
}

/* A roster row with a guest's number once updated the guest in place, and
 * the guest's PIN then opened the row's roles, admin included. */
static void
test_guest_number_not_importable (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(LhRosterReport) report = { 0 };
  LhPerson sponsor = { .staff_number = (char *) "100001", .name = (char *) "Ann", .hours_per_week = 37.5,
                       .roles = LH_ROLE_LEARNER };
  g_autoptr(LhPerson) guest = NULL;
  g_autoptr(LhPerson) after = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *lower = NULL;
  gint64 sponsor_id;

  g_assert_true (lh_people_save (ts->store, &sponsor, NOW, &sponsor_id, NULL, &error));
  guest = lh_guests_register (ts->store, sponsor_id, "Joe Guest", NOW, &pin, &error);
  g_assert_no_error (error);

  csv = g_strdup_printf ("staff_number,name,hours_per_week,roles,pin\n%s,Real Employee G,37.5,admin,\n",
                         guest->staff_number);
  g_assert_false (import (ts->store, csv, FALSE, &report, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_cmpuint (report.row_errors->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report.row_errors, 0), "guest"));
  g_clear_error (&error);
  lh_csv_report_clear (&report);
  g_assert_true (import (ts->store, csv, TRUE, &report, &error));
  g_assert_cmpuint (report.skipped, ==, 1);
  g_assert_cmpuint (report.updated, ==, 0);
  lh_csv_report_clear (&report);

  /* Nor in lower case, which is another number but the same form. */
  lower = g_ascii_strdown (csv, -1);
  g_assert_false (import (ts->store, lower, FALSE, &report, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);

  after = lh_people_get (ts->store, guest->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->name, ==, "Joe Guest");
  g_assert_cmpuint (after->roles, ==, LH_ROLE_LEARNER);
  g_assert_cmpint (after->sponsor_id, ==, sponsor_id);
}

/* Whatever the caller, saving staff over a guest (or a guest over staff)
 * is refused, not done in place. */
static void
test_guest_never_saved_as_staff (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  LhPerson sponsor = { .staff_number = (char *) "100001", .name = (char *) "Ann", .hours_per_week = 37.5,
                       .roles = LH_ROLE_LEARNER };
  LhPerson guest = { .staff_number = (char *) "G000001", .name = (char *) "Joe", .roles = LH_ROLE_LEARNER };
  LhPerson as_staff = { .staff_number = (char *) "G000001", .name = (char *) "Joe", .hours_per_week = 37.5,
                        .roles = LH_ROLE_ADMIN };
  LhPerson guest_over_staff = { .staff_number = (char *) "100001", .name = (char *) "Ann", .roles = LH_ROLE_LEARNER };
  g_autoptr(LhPerson) after = NULL;
  gint64 sponsor_id;

  g_assert_true (lh_people_save (ts->store, &sponsor, NOW, &sponsor_id, NULL, &error));
  guest.sponsor_id = guest_over_staff.sponsor_id = sponsor_id;
  g_assert_true (lh_people_save (ts->store, &guest, NOW, NULL, NULL, &error));
  g_assert_false (lh_people_save (ts->store, &as_staff, NOW, NULL, NULL, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (lh_people_save (ts->store, &guest_over_staff, NOW, NULL, NULL, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);
  after = lh_people_find (ts->store, "G000001", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->roles, ==, LH_ROLE_LEARNER);
}

/* Names are one line; staff numbers are letters and digits with single
 * dashes between them. */
static void
test_bad_names_and_numbers (void)
{
  const char *rows[] = {
    "1,\"Ann\nLee\",37.5,learner,,\n",
    "1,Ann\tLee,37.5,learner,,\n",
    "1,Ann,37.5,learner,\"Ware\nhouse\",\n",
    "1,Ann,37.5,learner,,\"shifts\r\nnights\"\n",
    "-,Ann,37.5,learner,,\n",
    "--,Ann,37.5,learner,,\n",
    "-12,Ann,37.5,learner,,\n",
    "12-,Ann,37.5,learner,,\n",
    "1--2,Ann,37.5,learner,,\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(LhTestStore) ts = lh_test_store_new ();
      g_autoptr(GError) error = NULL;
      g_auto(LhRosterReport) report = { 0 };
      g_autofree char *csv = g_strconcat ("staff_number,name,hours_per_week,roles,department,work_pattern\n",
                                          rows[i], NULL);

      g_assert_false (import (ts->store, csv, FALSE, &report, &error));
      g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
      g_assert_cmpuint (report.row_errors->len, ==, 1);
      g_assert_cmpint (count_people (ts->store), ==, 0);
    }
  {
    g_autoptr(LhTestStore) ts = lh_test_store_new ();
    g_autoptr(GError) error = NULL;
    g_auto(LhRosterReport) report = { 0 };

    g_assert_true (import (ts->store, "staff_number,name,hours_per_week,roles\nHR-0042,Zoë Ó Briain,37.5,learner\n",
                           FALSE, &report, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report.added, ==, 1);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lh/roster/good-file", test_good_file);
  g_test_add_func ("/lh/roster/pin-stored-as-argon2id-only", test_pin_stored_as_argon2id_only);
  g_test_add_func ("/lh/roster/bad-row-imports-nothing", test_bad_row_imports_nothing);
  g_test_add_func ("/lh/roster/skip-bad-rows", test_skip_bad_rows);
  g_test_add_func ("/lh/roster/reimport-updates", test_reimport_updates);
  g_test_add_func ("/lh/roster/bad-header-refused", test_bad_header_refused);
  g_test_add_func ("/lh/roster/time-off-columns", test_time_off_columns);
  g_test_add_func ("/lh/roster/time-off-columns-bad", test_time_off_columns_bad);
  g_test_add_func ("/lh/roster/guest-time-off-fields", test_guest_time_off_fields);
  g_test_add_func ("/lh/roster/guest-number-not-importable", test_guest_number_not_importable);
  g_test_add_func ("/lh/roster/guest-never-saved-as-staff", test_guest_never_saved_as_staff);
  g_test_add_func ("/lh/roster/bad-names-and-numbers", test_bad_names_and_numbers);
  return g_test_run ();
}
