/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The learning agreement's terms: read from a key file (the demo's own
 * example, and broken ones), kept as dated versions, a period judged by
 * the version in force in it, the agreement year, and ULR facility time
 * against the terms. */
#include <string.h>

#include "lh-core-test.h"
#include "lh-error.h"
#include "lh-facility-time.h"
#include "lh-people.h"
#include "lh-terms.h"
#include "lh-time.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW 1795435200
#define DAY (24 * 3600)

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
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

/* Terms parsed from text, which must be good. */
static void
parse (Fixture *f, const char *text, LhTerms *out)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_key_file_load_from_data (key_file, text, -1, G_KEY_FILE_NONE, &error));
  g_assert_true (lh_terms_from_key_file (key_file, f->centre->tz, out, &error));
  g_assert_no_error (error);
}

static void
test_demo_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "terms.conf", NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(LhTerms) terms = { 0 };

  g_assert_true (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error));
  g_assert_true (lh_terms_from_key_file (key_file, f->centre->tz, &terms, &error));
  g_assert_cmpstr (terms.name, ==, "Riverside Depot Learning Agreement 2026");
  g_assert_cmpint (terms.valid_from, ==, date (f, "2026-04-01"));
  g_assert_cmpint (terms.year_start_month, ==, 4);
  g_assert_cmpint (terms.paid_learning_minutes, ==, 52 * 60 + 30);
  g_assert_cmpuint (g_strv_length (terms.paid_activities), ==, 5);
  g_assert_true (lh_terms_pays_for (&terms, "group-study"));
  g_assert_cmpint (terms.full_time_minutes_per_week, ==, 37 * 60 + 30);
  g_assert_true (terms.pro_rata);
  g_assert_true (terms.matched_time);
  g_assert_cmpint (terms.matched_cap_minutes, ==, 15 * 60);
  g_assert_cmpint (terms.esol_taught_minutes, ==, 40 * 60);
  g_assert_cmpint (terms.assessment_minutes, ==, 7 * 60 + 30);
  g_assert_cmpint (terms.apprentice_study_days, ==, 10);
  g_assert_cmpint (terms.ulr_facility_minutes_per_week, ==, 5 * 60);
  g_assert_false (terms.auto_approve);
  g_assert_cmpint (terms.suppression_threshold, ==, 5);
  g_assert_cmpint (terms.equipment_minimum[lh_equipment_kind_index ("computer")], ==, 8);
  g_assert_cmpint (terms.equipment_minimum[lh_equipment_kind_index ("chair")], ==, 16);
  g_assert_cmpint (terms.equipment_minimum[lh_equipment_kind_index ("lockable-cabinet")], ==, 2);
  g_assert_cmpint (terms.equipment_minimum[lh_equipment_kind_index ("headset")], ==, 0);
  g_assert_cmpint (terms.fault_days_at_most, ==, 5);
  g_assert_cmpint (terms.decide_within_days, ==, 2);
}

static void
test_bad_files (Fixture *f, gconstpointer data)
{
  const struct { const char *text; const char *names; } bad[] = {
    { "[agreement]\nname=A\n", "in-force-from" },
    { "[agreement]\nname=A\nin-force-from=1 April 2026\n", "in-force-from" },
    { "[agreement]\nin-force-from=2026-04-01\n", "name" },
    { "[agreement]\nname=A\nin-force-from=2026-04-01\nyear-start-month=13\n", "year-start-month" },
    { "[agreement]\nname=A\nin-force-from=2026-04-01\n[time-off]\npaid-learning-hours=lots\n", "paid-learning-hours" },
    { "[agreement]\nname=A\nin-force-from=2026-04-01\n[time-off]\npaid-learning-hours=-1\n", "paid-learning-hours" },
    { "[agreement]\nname=A\nin-force-from=2026-04-01\n[time-off]\npaid-learning-hours=nan\n", "paid-learning-hours" },
    { "[agreement]\nname=A\nin-force-from=2026-04-01\n[time-off]\npro-rata=perhaps\n", "pro-rata" },
    { "[agreement]\nname=A\nin-force-from=2026-04-01\n[time-off]\nactivities=ulr-advice;knitting\n", "knitting" },
    { "[agreement]\nname=A\nin-force-from=2026-04-01\n[time-off]\npaid-learnig-hours=3\n", "paid-learnig-hours" },
    { "[agreement]\nname=A\nin-force-from=2026-04-01\n[ulr]\nfacility-hours-per-week=41\n", "facility-hours-per-week" },
    { "[agreement]\nname=A\nin-force-from=2026-04-01\n[committee]\nsuppression-threshold=0\n", "suppression-threshold" },
    { "[agreement]\nname=A\nin-force-from=2026-04-01\n[equipment]\nminimum-computers=-1\n", "minimum-computers" },
    { "[agreement]\nname=A\nin-force-from=2026-04-01\n[equipment]\nminimum-sofas=2\n", "minimum-sofas" },
    { "[agreement]\nname=A\nin-force-from=2026-04-01\n[equipment]\nfault-open-days-at-most=0\n", "fault-open-days-at-most" },
    { "[agreement]\nname=A\nin-force-from=2026-04-01\n[time-off]\ndecide-within-days=0\n", "decide-within-days" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GKeyFile) key_file = g_key_file_new ();
      g_autoptr(GError) error = NULL;
      g_auto(LhTerms) terms = { 0 };

      g_assert_true (g_key_file_load_from_data (key_file, bad[i].text, -1, G_KEY_FILE_NONE, NULL));
      g_assert_false (lh_terms_from_key_file (key_file, f->centre->tz, &terms, &error));
      g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
      /* The message says which term is wrong. */
      g_assert_nonnull (strstr (error->message, bad[i].names));
      g_assert_null (terms.name);
    }
}

static void
test_versions_by_date (Fixture *f, gconstpointer data)
{
  g_auto(LhTerms) first = { 0 };
  g_auto(LhTerms) review = { 0 };
  g_auto(LhTerms) late = { 0 };
  g_auto(LhTerms) before = { 0 };
  g_auto(LhTerms) then = { 0 };
  g_auto(LhTerms) after = { 0 };
  g_autoptr(GArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  /* Before any import: learnhub's defaults, dated never. */
  g_assert_true (lh_terms_at (f->ts->store, NOW, &before, &error));
  g_assert_cmpint (before.valid_from, ==, 0);
  g_assert_cmpint (before.paid_learning_minutes, ==, 5 * 450);
  lh_terms_clear (&before);

  /* The agreement signed in April, before learnhub came: allowed once. */
  parse (f, "[agreement]\nname=First\nin-force-from=2026-04-01\n[time-off]\npaid-learning-hours=37.5\n", &first);
  g_assert_true (lh_terms_add_version (f->ts->store, f->centre, &first, "test", NOW, &error));
  /* A second version may not reach back over time already judged. */
  parse (f, "[agreement]\nname=Late\nin-force-from=2026-11-01\n", &late);
  g_assert_false (lh_terms_add_version (f->ts->store, f->centre, &late, "test", NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  /* The review: 10 days from the new year. */
  parse (f, "[agreement]\nname=Review\nin-force-from=2027-01-01\n[time-off]\npaid-learning-hours=75\n", &review);
  g_assert_true (lh_terms_add_version (f->ts->store, f->centre, &review, "test", NOW, &error));
  g_assert_false (lh_terms_add_version (f->ts->store, f->centre, &review, "test", NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Each day by the terms in force that day. */
  g_assert_true (lh_terms_at (f->ts->store, date (f, "2026-03-31"), &before, &error));
  g_assert_cmpint (before.valid_from, ==, 0);
  g_assert_true (lh_terms_at (f->ts->store, date (f, "2026-12-31") + DAY - 1, &then, &error));
  g_assert_cmpstr (then.name, ==, "First");
  g_assert_cmpint (then.paid_learning_minutes, ==, 37 * 60 + 30);
  g_assert_true (lh_terms_at (f->ts->store, date (f, "2027-01-01"), &after, &error));
  g_assert_cmpstr (after.name, ==, "Review");
  g_assert_cmpint (after.paid_learning_minutes, ==, 75 * 60);
  /* A key left out keeps learnhub's default, not the last version's. */
  g_assert_cmpint (after.year_start_month, ==, 4);

  versions = lh_terms_list (f->ts->store, &error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpstr (g_array_index (versions, LhTerms, 0).name, ==, "First");
  /* The minimum kit comes back as it was imported; a kind left out has none. */
  {
    g_auto(LhTerms) kit = { 0 };
    g_auto(LhTerms) kept = { 0 };

    parse (f, "[agreement]\nname=Kit\nin-force-from=2027-04-01\n[equipment]\nminimum-computers=12\n"
              "minimum-lockable-cabinets=3\nfault-open-days-at-most=10\n[time-off]\ndecide-within-days=3\n", &kit);
    g_assert_true (lh_terms_add_version (f->ts->store, f->centre, &kit, "test", NOW, &error));
    g_assert_no_error (error);
    g_assert_true (lh_terms_at (f->ts->store, date (f, "2027-04-01"), &kept, &error));
    for (int k = 0; k < LH_EQUIPMENT_N_KINDS; k++)
      g_assert_cmpint (kept.equipment_minimum[k], ==, kit.equipment_minimum[k]);
    g_assert_cmpint (kept.equipment_minimum[0], ==, 12);
    g_assert_cmpint (kept.equipment_minimum[4], ==, 3);
    g_assert_cmpint (kept.fault_days_at_most, ==, 10);
    g_assert_cmpint (kept.decide_within_days, ==, 3);
    /* Older versions have no minimum, and a week for a fault. */
    g_assert_cmpint (after.equipment_minimum[0], ==, 0);
    g_assert_cmpint (after.fault_days_at_most, ==, 7);
    g_assert_cmpint (after.decide_within_days, ==, 5);
  }
}

/* A stored minimum that is not a whole number is a damaged row, said so,
 * and never read as 0 or as its leading digits. */
static void
test_damaged_minimums (Fixture *f, gconstpointer data)
{
  static const char * const damaged[] = { "computer=8x", "computer=", "computer=-1", "sofa=2", "computer" };
  g_autoptr(GError) error = NULL;
  g_auto(LhTerms) kit = { 0 };

  parse (f, "[agreement]\nname=Kit\nin-force-from=2026-04-01\n[equipment]\nminimum-computers=8\n", &kit);
  g_assert_true (lh_terms_add_version (f->ts->store, f->centre, &kit, "test", NOW, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE terms_versions SET equipment_minimums = '%s'", damaged[i]);
      g_autoptr(LhStmt) update = lh_store_prepare (f->ts->store, sql, &error);
      g_auto(LhTerms) terms = { 0 };
      g_autoptr(GArray) versions = NULL;

      g_assert_true (lh_store_exec (f->ts->store, update, &error));
      g_assert_false (lh_terms_at (f->ts->store, NOW, &terms, &error));
      g_assert_error (error, LH_ERROR, LH_ERROR_INTERNAL);
      g_assert_nonnull (strstr (error->message, "cannot be read"));
      g_clear_error (&error);
      versions = lh_terms_list (f->ts->store, &error);
      g_assert_null (versions);
      g_assert_error (error, LH_ERROR, LH_ERROR_INTERNAL);
      g_clear_error (&error);
    }
}

static void
test_agreement_year (Fixture *f, gconstpointer data)
{
  g_auto(LhTerms) terms = { 0 };

  parse (f, "[agreement]\nname=A\nin-force-from=2026-04-01\nyear-start-month=4\n", &terms);
  g_assert_cmpint (lh_terms_year_start (&terms, date (f, "2026-03-31") + 12 * 3600, f->centre->tz), ==,
                   date (f, "2025-04-01"));
  g_assert_cmpint (lh_terms_year_start (&terms, date (f, "2026-04-01"), f->centre->tz), ==, date (f, "2026-04-01"));
  g_assert_cmpint (lh_terms_year_start (&terms, NOW, f->centre->tz), ==, date (f, "2026-04-01"));
  terms.year_start_month = 1;
  g_assert_cmpint (lh_terms_year_start (&terms, NOW, f->centre->tz), ==, date (f, "2026-01-01"));
}

/* A ULR's facility time against the terms' hours a week, over the
 * agreement year. */
static void
test_facility_time_by_terms (Fixture *f, gconstpointer data)
{
  LhPerson person = { .staff_number = (char *) "1", .name = (char *) "Sue Bennett", .hours_per_week = 37.5,
                      .roles = LH_ROLE_LEARNER | LH_ROLE_ULR };
  g_auto(LhTerms) terms = { 0 };
  g_autoptr(LhFacilitySummary) summary = NULL;
  g_autoptr(LhFacilityEntry) april = NULL;
  g_autoptr(LhFacilityEntry) march = NULL;
  g_autoptr(GError) error = NULL;
  gint64 sue;

  g_assert_true (lh_people_save (f->ts->store, &person, NOW - 400 * (gint64) DAY, &sue, NULL, &error));
  parse (f, "[agreement]\nname=A\nin-force-from=2025-04-01\n[ulr]\nfacility-hours-per-week=4\n", &terms);
  g_assert_true (lh_terms_add_version (f->ts->store, f->centre, &terms, "test", NOW, &error));
  march = lh_facility_time_add (f->ts->store, sue, "training", date (f, "2026-03-20") + 9 * 3600, 60, "",
                                date (f, "2026-03-21"), &error);
  april = lh_facility_time_add (f->ts->store, sue, "meeting", date (f, "2026-04-02") + 9 * 3600, 90, "",
                                date (f, "2026-04-03"), &error);
  g_assert_no_error (error);
  summary = lh_facility_time_summary (f->ts->store, f->centre, sue, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->week_agreed_minutes, ==, 240);
  g_assert_cmpint (summary->year_start, ==, date (f, "2026-04-01"));
  g_assert_cmpint (summary->year_agreed_minutes, ==, 52 * 240);
  /* March was last agreement year's. */
  g_assert_cmpint (summary->year_minutes, ==, 90);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/lh/terms/demo-file", test_demo_file);
  ADD ("/lh/terms/bad-files", test_bad_files);
  ADD ("/lh/terms/versions-by-date", test_versions_by_date);
  ADD ("/lh/terms/damaged-minimums", test_damaged_minimums);
  ADD ("/lh/terms/agreement-year", test_agreement_year);
  ADD ("/lh/terms/facility-time-by-terms", test_facility_time_by_terms);
#undef ADD
  return g_test_run ();
}
