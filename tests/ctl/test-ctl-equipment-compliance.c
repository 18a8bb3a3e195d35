/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl equipment compliance as a committee member reads it before
 * a meeting: the working items of each kind against the agreed minimum,
 * the lowest and how long the centre was short, in aligned text or as
 * CSV; and a wrong period or format refused. The centre is made with the
 * core library, then closed, so learnhubctl works on it as on a real
 * one. */
#include <gio/gio.h>
#include <string.h>

#include "ctl-run.h"
#include "lh-centre.h"
#include "lh-equipment.h"
#include "lh-store.h"
#include "lh-terms.h"
#include "lh-test-clock.h"

/* Midnight in London (UTC in winter) of 1 December 2026 and of Monday
 * 4 January 2027, the week before the tests' clock. */
#define DECEMBER 1796083200
#define MONDAY   1799020800
#define HOUR     3600
#define DAY      (24 * HOUR)

static const LhEquipmentActor admin = { 0, "learnhubctl" };

static void
save (LhStore *store, const char *tag, const char *kind, gint64 at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lh_equipment_save (store, NULL, &(LhEquipmentFields) { tag, kind, NULL, NULL, NULL, 0 }, &admin,
                                    NULL, at, NULL, &error));
  g_assert_no_error (error);
}

static void
set_status (LhStore *store, const char *tag, const char *status, gint64 at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lh_equipment_set_status (store, NULL, tag, status, "test", &admin, at, &error));
  g_assert_no_error (error);
}

/* Agreed from 1 December: two computers and a chair. Computer C-1 is
 * faulty from Tuesday 5 January at midnight to Thursday at noon: the
 * centre is a computer short for 2 days 12 hours. C-2 has been faulty
 * since Monday 11 January, after that week: one computer works now. */
static char *
centre_new (void)
{
  char *db = temp_path ("compliance.db");
  g_autoptr(LhStore) store = NULL;
  g_autoptr(LhCentre) centre = lh_centre_new_default ();
  g_autoptr(GError) error = NULL;
  g_auto(LhTerms) terms = { 0 };

  store = lh_store_open (db, &error);
  g_assert_no_error (error);
  lh_terms_init_defaults (&terms);
  terms.valid_from = DECEMBER;
  terms.equipment_minimum[lh_equipment_kind_index ("computer")] = 2;
  terms.equipment_minimum[lh_equipment_kind_index ("chair")] = 1;
  g_assert_true (lh_terms_add_version (store, centre, &terms, "test", DECEMBER, &error));
  g_assert_no_error (error);
  save (store, "C-1", "computer", DECEMBER);
  save (store, "C-2", "computer", DECEMBER);
  save (store, "CH-1", "chair", DECEMBER);
  set_status (store, "C-1", "faulty", MONDAY + DAY);
  set_status (store, "C-1", "working", MONDAY + 3 * DAY + 12 * HOUR);
  set_status (store, "C-2", "faulty", MONDAY + 7 * DAY);
  return db;
}

static void
test_text (void)
{
  g_autofree char *db = centre_new ();
  g_auto(Run) run = { 0 };

  ctl (&run, db, "equipment", "compliance", "--from", "2027-01-04", "--to", "2027-01-08", NULL);
  g_test_message ("%s%s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  /* The period ended before now: the working items now beside. */
  g_assert_true (g_str_has_prefix (run.out,
                                   "Equipment against the agreed minimum, 2027-01-04 to 2027-01-08\n"
                                   "Working: at the end of 2027-01-08, and now (10:"));
  g_assert_nonnull (strstr (run.out,
                            "lowest: at any moment of the period\n"
                            "\n"
                            "KIND               AGREED  WORKING   NOW  LOWEST  SHORT OF THE MINIMUM FOR\n"
                            "computer                2        2     1       1  2 days 12 hours\n"
                            "monitor                 -        0     0       0  \n"));
  g_assert_nonnull (strstr (run.out, "\nchair                   1        1     1       1  never\n"));
  g_assert_nonnull (strstr (run.out, "\n\nShort of the agreed minimum: computer for 2 days 12 hours.\n"));
  g_assert_nonnull (strstr (run.out, "\nPC kiosks now: 0 online, 0 offline"));

  /* A week before: nothing short, said plainly. */
  g_clear_pointer (&run.out, g_free);
  g_clear_pointer (&run.err, g_free);
  ctl (&run, db, "equipment", "compliance", "--from", "2026-12-21", "--to", "2026-12-31", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\ncomputer                2        2     1       2  never\n"));
  g_assert_nonnull (strstr (run.out, "\nThe centre had the agreed minimum of every kind throughout the period.\n"));
}

/* By default the 91 days to today, as the API's: they run to now. */
static void
test_default_period (void)
{
  g_autofree char *db = centre_new ();
  g_auto(Run) run = { 0 };

  ctl (&run, db, "equipment", "compliance", NULL);
  g_test_message ("%s%s", run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Equipment against the agreed minimum, 2026-10-14 to 2027-01-12\n"
                                            "Working: now ("));
  /* Before December the computers were not there: none worked. Short
   * 2 days 12 hours that week, and since Monday's midnight to 10:00 now. */
  g_assert_nonnull (strstr (run.out, "\ncomputer                2        1       0  3 days 22 hours\n"));
}

static void
test_csv (void)
{
  g_autofree char *db = centre_new ();
  g_auto(Run) run = { 0 };

  ctl (&run, db, "equipment", "compliance", "--from", "2027-01-04", "--to", "2027-01-08", "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "from,to,kind,agreed_minimum,working_at_end,working_now,working_lowest,hours_below_minimum\n"
                   "2027-01-04,2027-01-08,computer,2,2,1,1,60.0\n"
                   "2027-01-04,2027-01-08,monitor,0,0,0,0,0.0\n"
                   "2027-01-04,2027-01-08,desk,0,0,0,0,0.0\n"
                   "2027-01-04,2027-01-08,chair,1,1,1,1,0.0\n"
                   "2027-01-04,2027-01-08,lockable-cabinet,0,0,0,0,0.0\n"
                   "2027-01-04,2027-01-08,headset,0,0,0,0,0.0\n"
                   "2027-01-04,2027-01-08,printer,0,0,0,0,0.0\n"
                   "2027-01-04,2027-01-08,accessibility,0,0,0,0,0.0\n"
                   "2027-01-04,2027-01-08,other,0,0,0,0,0.0\n");
}

static void
test_refused (void)
{
  g_autofree char *db = centre_new ();
  const struct { const char *from; const char *to; const char *format; int status; const char *says; } cases[] = {
    { "2027-01-08", "2027-01-04", "text", 1, "Ask for 1 to 1830 days at a time" },
    { "2019-01-01", "2027-01-08", "text", 1, "Ask for 1 to 1830 days at a time" },
    { "2027-02-01", "2027-02-05", "text", 1, "That period has not begun yet" },
    { "2027-01-32", "2027-02-05", "text", 1, "--from 2027-01-32: A date looks like 2026-11-24" },
    { "2027-01-04", "4 Jan", "text", 1, "--to 4 Jan: A date looks like 2026-11-24" },
    { "2027-01-04", "2027-01-08", "xml", 2, "learnhubctl equipment compliance [--from DATE]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      ctl (&run, db, "equipment", "compliance", "--from", cases[i].from, "--to", cases[i].to, "--format",
           cases[i].format, NULL);
      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, cases[i].says));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ctl/equipment-compliance/text", test_text);
  g_test_add_func ("/ctl/equipment-compliance/default-period", test_default_period);
  g_test_add_func ("/ctl/equipment-compliance/csv", test_csv);
  g_test_add_func ("/ctl/equipment-compliance/refused", test_refused);
  return g_test_run ();
}
