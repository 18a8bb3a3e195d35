/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's advice, equipment and ULR facility time sections against
 * figures worked out by hand, what suppression hides of them, and the
 * plans of their queries. (Paid time off: test-report-time-off.c.) */
#include "lh-advice.h"
#include "lh-core-test.h"
#include "lh-dropins.h"
#include "lh-equipment.h"
#include "lh-error.h"
#include "lh-facility-time.h"
#include "lh-note-key.h"
#include "lh-report-sections.h"
#include "lh-resources.h"
#include "lh-terms.h"
#include "lh-time.h"

/* Monday 30 November 2026, 00:00 in London (UTC in winter). */
#define MONDAY 1795996800
#define MINUTE 60
#define HOUR   3600
#define DAY    (24 * HOUR)
#define WEEK   (7 * DAY)
/* Monday 30 November, noon. */
#define NOW    (MONDAY + 12 * HOUR)

static const LhEquipmentActor admin = { 0, "learnhubctl" };

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       sue, dev;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->centre->note_key = lh_note_key_new_random ();
  f->sue = lh_test_add_person (f->ts->store, "1", "Sue Bennett", LH_ROLE_LEARNER | LH_ROLE_ULR, MONDAY - 60 * DAY);
  f->dev = lh_test_add_person (f->ts->store, "2", "Dev Patel", LH_ROLE_LEARNER | LH_ROLE_ULR, MONDAY - 60 * DAY);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

static LhReportTable *
find_table (LhReportSection *section, const char *id)
{
  for (guint t = 0; t < section->tables->len; t++)
    {
      LhReportTable *table = g_ptr_array_index (section->tables, t);

      if (g_str_equal (table->id, id))
        return table;
    }
  g_assert_not_reached ();
}

static void
assert_column (LhReportTable *table, const gint64 *expected)
{
  for (guint r = 0; r < lh_count_table_n_rows (table->counts); r++)
    {
      g_test_message ("%s: %s", table->id, (const char *) g_ptr_array_index (table->row_keys, r));
      g_assert_cmpint (lh_count_table_get (table->counts, r, 0), ==, expected[r]);
    }
}

/* A section that names no learner: suppression hides none of it, small
 * as its figures are. Takes the section. */
static void
assert_never_hidden (LhReportSection *section)
{
  g_autoptr(LhReport) report = lh_report_new ("Test", "Europe/London", "2026-11-01", "2026-11-30", 5, NOW);

  lh_report_add_section (report, section);
  lh_report_suppress (report);
  for (guint t = 0; t < section->tables->len; t++)
    {
      LhReportTable *table = g_ptr_array_index (section->tables, t);

      g_assert_false (table->about_people);
      for (guint r = 0; r <= lh_count_table_n_rows (table->counts); r++)
        for (guint c = 0; c <= lh_count_table_n_columns (table->counts); c++)
          g_assert_false (lh_count_table_is_suppressed (table->counts, r, c));
    }
}

/* ---- advice --------------------------------------------------------------- */

static LhAdviceRequest *
join (Fixture *f, gint64 learner, const char *topic, gint64 at)
{
  g_autoptr(GError) error = NULL;
  LhAdviceRequest *request = lh_advice_request_create (f->ts->store, f->centre, learner, topic, "queue", "here", NULL,
                                                       NULL, 0, 0, at, &error);

  g_assert_no_error (error);
  return request;
}

/* The ULR calls the next ticket at `at`, which must be `expected`. */
static void
call (Fixture *f, gint64 ulr, const LhAdviceRequest *expected, gint64 at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) called = lh_advice_call_next (f->ts->store, f->centre, 0, ulr, at, &error);

  g_assert_no_error (error);
  g_assert_cmpint (called->id, ==, expected->id);
}

static void
finish (Fixture *f, gint64 ulr, const LhAdviceRequest *request, const char * const *outcomes, gint64 at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) started = lh_advice_start (f->ts->store, f->centre, request->id, ulr, at, &error);
  g_autoptr(LhAdviceRequest) done = NULL;

  g_assert_no_error (error);
  if (outcomes == NULL)
    return;
  done = lh_advice_finish (f->ts->store, f->centre, request->id, ulr, outcomes, NULL, at + 10 * MINUTE, &error);
  g_assert_no_error (error);
}

static LhReportSection *
advice_day (Fixture *f)
{
  const LhDropinUlr sue = { .ulr_id = f->sue, .desk = (char *) "Desk 1" };
  const LhDropinUlr dev = { .ulr_id = f->dev, .desk = (char *) "Desk 2" };
  const LhDropinUlr *ulrs[] = { &sue, &dev };
  static const char * const signposted[] = { "signposted-course", NULL };
  static const char * const funding[] = { "signposted-course", "funding-advice", NULL };
  gint64 amira = lh_test_add_person (f->ts->store, "3", "Amira Khan", LH_ROLE_LEARNER, MONDAY - 60 * DAY);
  gint64 ben = lh_test_add_person (f->ts->store, "4", "Ben Okafor", LH_ROLE_LEARNER, MONDAY - 60 * DAY);
  gint64 cara = lh_test_add_person (f->ts->store, "5", "Cara Doyle", LH_ROLE_LEARNER, MONDAY - 60 * DAY);
  gint64 pat = lh_test_add_person (f->ts->store, "6", "Pat Green", LH_ROLE_LEARNER, MONDAY - 60 * DAY);
  gint64 chris = lh_test_add_person (f->ts->store, "7", "Chris Lee", LH_ROLE_LEARNER, MONDAY - 60 * DAY);
  gint64 dan = lh_test_add_person (f->ts->store, "8", "Dan Wood", LH_ROLE_LEARNER, MONDAY - 60 * DAY);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhDropin) dropin = lh_dropins_open (f->ts->store, f->sue, "Learning centre", NOW - HOUR,
                                                NOW + 3 * HOUR, ulrs, 2, NOW - HOUR, &error);
  g_autoptr(LhAdviceRequest) a = join (f, amira, "esol", NOW - 50 * MINUTE);
  g_autoptr(LhAdviceRequest) b = join (f, ben, "digital", NOW - 40 * MINUTE);
  g_autoptr(LhAdviceRequest) c = join (f, cara, "esol", NOW - 30 * MINUTE);
  g_autoptr(LhAdviceRequest) p = join (f, pat, "careers", NOW - 25 * MINUTE);
  g_autoptr(LhAdviceRequest) d = join (f, chris, "dyslexia", NOW - 10 * MINUTE);
  g_autoptr(LhAdviceRequest) still = NULL;
  g_autoptr(LhAdviceRequest) no_show = NULL;
  LhReportSection *section;

  g_assert_no_error (error);
  call (f, f->sue, a, NOW - 45 * MINUTE);             /* waited 5 minutes */
  finish (f, f->sue, a, signposted, NOW - 45 * MINUTE);
  call (f, f->sue, b, NOW - 20 * MINUTE);             /* 20 */
  finish (f, f->sue, b, funding, NOW - 20 * MINUTE);
  g_assert_true (lh_advice_request_leave (f->ts->store, p->id, pat, NOW - 5 * MINUTE, &error));
  call (f, f->dev, c, NOW + 15 * MINUTE);             /* 45, then not there */
  no_show = lh_advice_no_show (f->ts->store, f->centre, c->id, f->dev, NOW + 20 * MINUTE, &error);
  g_assert_no_error (error);
  call (f, f->sue, d, NOW + 60 * MINUTE);             /* 70, still with Sue */
  finish (f, f->sue, d, NULL, NOW + 60 * MINUTE);
  /* Still waiting: asked, but how long it waits is not known yet. */
  still = join (f, dan, "other", NOW + 100 * MINUTE);

  section = lh_report_section_advice (f->ts->store, f->centre, MONDAY, MONDAY + DAY, NOW + 2 * HOUR, &error);
  g_assert_no_error (error);
  return section;
}

static void
test_advice (Fixture *f, gconstpointer data)
{
  /* By lh_advice_topics: english-maths, esol, digital, courses-funding,
   * apprenticeships, higher-education, careers, time-to-train, dyslexia,
   * learning-mot, other. */
  static const gint64 topics[] = { 0, 2, 1, 0, 0, 0, 1, 0, 1, 0, 1 };
  static const gint64 outcomes[] = { 2, 0, 0, 0, 1, 0, 0, 0 };
  static const gint64 waits[] = { 1, 1, 1, 1, 1 };
  g_autoptr(LhReportSection) section = advice_day (f);
  LhReportTable *table;

  g_assert_cmpstr (section->id, ==, "advice");
  table = find_table (section, "requests-by-topic");
  assert_column (table, topics);
  g_assert_cmpint (lh_count_table_get (table->counts, G_N_ELEMENTS (topics), 0), ==, 6);
  g_assert_true (table->about_people);
  assert_column (find_table (section, "requests-by-outcome"), outcomes);
  table = find_table (section, "queue-waits");
  assert_column (table, waits);
  g_assert_cmpint (lh_count_table_get (table->counts, G_N_ELEMENTS (waits), 0), ==, 5);
  g_assert_cmpstr (g_ptr_array_index (table->row_keys, 4), ==, "not-called");
}

static void
test_advice_suppressed (Fixture *f, gconstpointer data)
{
  g_autoptr(LhReport) report = lh_report_new ("Test", "Europe/London", "2026-11-30", "2026-11-30", 5, NOW);
  LhReportSection *section = advice_day (f);
  LhReportTable *waits = find_table (section, "queue-waits");

  lh_report_add_section (report, section);
  lh_report_suppress (report);
  /* One person in each band: every band hidden, and the total with them. */
  for (guint r = 0; r < 5; r++)
    g_assert_true (lh_count_table_is_suppressed (waits->counts, r, 0));
  g_assert_true (lh_count_table_is_suppressed (find_table (section, "requests-by-topic")->counts, 1, 0));
  /* A zero names nobody. */
  g_assert_false (lh_count_table_is_suppressed (find_table (section, "requests-by-topic")->counts, 0, 0));
}

/* One learner's six requests about ESOL are one learner: hidden, where
 * five learners' five requests about digital skills are not. */
static void
test_advice_hidden_by_people (Fixture *f, gconstpointer data)
{
  const LhDropinUlr sue = { .ulr_id = f->sue, .desk = (char *) "Desk 1" };
  const LhDropinUlr *ulrs[] = { &sue };
  g_autoptr(LhReport) report = lh_report_new ("Test", "Europe/London", "2026-11-30", "2026-11-30", 5, NOW);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhDropin) dropin = lh_dropins_open (f->ts->store, f->sue, "Learning centre", NOW - HOUR,
                                                NOW + 3 * HOUR, ulrs, 1, NOW - HOUR, &error);
  gint64 amira = lh_test_add_person (f->ts->store, "3", "Amira Khan", LH_ROLE_LEARNER, MONDAY - 60 * DAY);
  gint64 at = NOW - 50 * MINUTE;
  LhReportSection *section;
  LhReportTable *topics, *waits;

  g_assert_no_error (error);
  for (int i = 0; i < 6; i++, at += MINUTE)
    {
      g_autoptr(LhAdviceRequest) request = join (f, amira, "esol", at);

      g_assert_true (lh_advice_request_leave (f->ts->store, request->id, amira, at + 30, &error));
      g_assert_no_error (error);
    }
  for (int i = 0; i < 10; i++, at += MINUTE)
    {
      g_autofree char *staff = g_strdup_printf ("%d", 100 + i);
      gint64 learner = lh_test_add_person (f->ts->store, staff, staff, LH_ROLE_LEARNER, MONDAY - 60 * DAY);
      g_autoptr(LhAdviceRequest) request = join (f, learner, i < 5 ? "digital" : "careers", at);

      g_assert_true (lh_advice_request_leave (f->ts->store, request->id, learner, at + 30, &error));
      g_assert_no_error (error);
    }
  section = lh_report_section_advice (f->ts->store, f->centre, MONDAY, MONDAY + DAY, NOW + 2 * HOUR, &error);
  g_assert_no_error (error);
  lh_report_add_section (report, section);
  topics = find_table (section, "requests-by-topic");
  waits = find_table (section, "queue-waits");
  /* Rows 1, 2 and 6: esol, digital, careers (lh_advice_topics). */
  g_assert_cmpint (lh_count_table_get (topics->counts, 1, 0), ==, 6);
  g_assert_cmpint (lh_count_table_get_people (topics->counts, 1, 0), ==, 1);
  g_assert_cmpint (lh_count_table_get_people (topics->counts, 2, 0), ==, 5);
  g_assert_cmpint (lh_count_table_get_people (topics->counts, 6, 0), ==, 5);
  /* The total: sixteen requests from eleven people. */
  g_assert_cmpint (lh_count_table_get (topics->counts, 11, 0), ==, 16);
  g_assert_cmpint (lh_count_table_get_people (topics->counts, 11, 0), ==, 11);
  g_assert_cmpint (lh_count_table_get_people (waits->counts, 4, 0), ==, 11);

  lh_report_suppress (report);
  g_assert_true (lh_count_table_is_suppressed (topics->counts, 1, 0));
  /* Hidden with it, so that 16 - 5 - 5 does not give it back. */
  g_assert_true (lh_count_table_is_suppressed (topics->counts, 2, 0) ||
                 lh_count_table_is_suppressed (topics->counts, 6, 0) ||
                 lh_count_table_is_suppressed (topics->counts, 11, 0));
  g_assert_false (lh_count_table_is_suppressed (waits->counts, 4, 0));
}

/* ---- equipment ------------------------------------------------------------ */

static void
save_item (Fixture *f, const char *tag, const char *kind, gint64 at)
{
  LhEquipmentFields fields = { (char *) tag, (char *) kind, NULL, NULL, NULL, 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (lh_equipment_save (f->ts->store, NULL, &fields, &admin, NULL, at, NULL, &error));
  g_assert_no_error (error);
}

/* A fault of the PC reported at `reported`, repaired at `repaired` (0:
 * open); one open fault of a category at a time. */
static void
add_fault (Fixture *f, gint64 pc, const char *category, gint64 reported, gint64 repaired)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) insert = lh_store_prepare (f->ts->store,
                                               "INSERT INTO faults (resource_id, category, stops_use, reported_at, "
                                               "repaired_at) VALUES (?1, ?4, 0, ?2, nullif(?3, 0))", &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (insert, 1, pc);
  sqlite3_bind_int64 (insert, 2, reported);
  sqlite3_bind_int64 (insert, 3, repaired);
  sqlite3_bind_text (insert, 4, category, -1, SQLITE_STATIC);
  g_assert_true (lh_store_exec (f->ts->store, insert, &error));
}

/* November: two computers agreed from the start; one of two out for two
 * days; faults of every age at the month's end. */
static void
test_equipment (Fixture *f, gconstpointer data)
{
  gint64 from = MONDAY - 29 * DAY, to = MONDAY + DAY;  /* 1 to 30 November */
  g_auto(LhTerms) terms = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LhReportSection) section = NULL;
  LhReportTable *working, *below, *faults;
  int computer = lh_equipment_kind_index ("computer");
  static const gint64 ages[] = { 1, 2, 1 };
  gint64 pc = 0;

  lh_terms_init_defaults (&terms);
  terms.valid_from = from - 30 * DAY;
  terms.equipment_minimum[computer] = 2;
  g_assert_true (lh_terms_add_version (f->ts->store, f->centre, &terms, "test", from - 30 * DAY, &error));
  save_item (f, "C-1", "computer", from - 10 * DAY);
  save_item (f, "C-2", "computer", from - 10 * DAY);
  g_assert_true (lh_equipment_set_status (f->ts->store, NULL, "C-1", "faulty", "test", &admin, from + 3 * DAY,
                                          &error));
  g_assert_true (lh_equipment_set_status (f->ts->store, NULL, "C-1", "working", "test", &admin, from + 5 * DAY,
                                          &error));
  g_assert_true (lh_resources_add (f->ts->store, "PC 1", "pc", 1, &pc, &error));
  g_assert_no_error (error);
  add_fault (f, pc, "screen", to - 2 * DAY, 0);               /* under a week */
  add_fault (f, pc, "sound", to - 10 * DAY, to + HOUR);        /* 1 to 4 weeks, repaired since */
  add_fault (f, pc, "printer", to - 27 * DAY, 0);              /* 1 to 4 weeks */
  add_fault (f, pc, "programs", to - 40 * DAY, to + 3 * DAY);  /* over 4 weeks, repaired since */
  add_fault (f, pc, "internet", to - 40 * DAY, to - DAY);      /* repaired before the end */
  add_fault (f, pc, "other", to + HOUR, 0);                    /* after the end */
  section = lh_report_section_equipment (f->ts->store, f->centre, from, to, to + 5 * DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (section->id, ==, "equipment");
  working = find_table (section, "working-against-minimum");
  g_assert_false (working->about_people);
  g_assert_cmpint (working->merge, ==, LH_REPORT_MERGE_NONE);
  g_assert_cmpstr (g_ptr_array_index (working->row_keys, computer), ==, "computer");
  g_assert_cmpint (lh_count_table_get (working->counts, computer, 0), ==, 2);
  g_assert_cmpint (lh_count_table_get (working->counts, computer, 1), ==, 2);
  g_assert_cmpint (lh_count_table_get (working->counts, computer, 2), ==, 1);
  below = find_table (section, "minutes-below-minimum");
  g_assert_false (below->about_people);
  g_assert_cmpint (lh_count_table_get (below->counts, computer, 0), ==, 2 * 24 * 60);
  faults = find_table (section, "open-faults-by-age");
  g_assert_false (faults->about_people);
  assert_column (faults, ages);
  g_assert_cmpint (lh_count_table_get (faults->counts, 3, 0), ==, 4);
  assert_never_hidden (g_steal_pointer (&section));
}

/* ---- facility time -------------------------------------------------------- */

static void
log_time (Fixture *f, gint64 ulr, gint64 start, int minutes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFacilityEntry) entry = lh_facility_time_add (f->ts->store, ulr, "training", start, minutes, NULL, NOW,
                                                           &error);

  g_assert_no_error (error);
}

/* Wednesday 18 to Sunday 29 November: five days of the first week (300
 * minutes a week agreed: 214 of them), all of the second. */
static void
test_facility_time (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhReportSection) section = NULL;
  LhReportTable *table;
  LhReportList *over_runs;
  char **row;
  gint64 ann;

  log_time (f, f->dev, MONDAY - 14 * DAY + 10 * HOUR, 200);      /* before the period */
  log_time (f, f->sue, MONDAY - 11 * DAY + 10 * HOUR, 240);      /* Thursday 19 */
  log_time (f, f->sue, MONDAY - 10 * DAY + 10 * HOUR, 60);       /* Friday 20 */
  log_time (f, f->sue, MONDAY - 6 * DAY + 10 * HOUR, 120);       /* Tuesday 24 */
  log_time (f, f->dev, MONDAY - 5 * DAY + 10 * HOUR, 300);       /* Wednesday 25: as agreed */
  log_time (f, f->sue, MONDAY + 9 * HOUR, 60);                   /* after the period */
  /* Dev has stood down since, and Ann, who never logged any in the
   * period, too: Dev's time is still the committee's to see. */
  ann = lh_test_add_person (f->ts->store, "9", "Ann Wright", LH_ROLE_LEARNER | LH_ROLE_ULR, MONDAY - 60 * DAY);
  log_time (f, ann, MONDAY - 20 * DAY, 60);
  {
    g_autoptr(LhStmt) stand_down = lh_store_prepare (f->ts->store, "UPDATE people SET roles = 1 WHERE id IN (?1, ?2)",
                                                     &error);

    g_assert_no_error (error);
    sqlite3_bind_int64 (stand_down, 1, f->dev);
    sqlite3_bind_int64 (stand_down, 2, ann);
    g_assert_true (lh_store_exec (f->ts->store, stand_down, &error));
  }

  section = lh_report_section_facility_time (f->ts->store, f->centre, MONDAY - 12 * DAY, MONDAY, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (section->id, ==, "facility-time");
  table = find_table (section, "used-against-agreed");
  g_assert_false (table->about_people);
  g_assert_cmpint (table->merge, ==, LH_REPORT_MERGE_NONE);
  /* The ULRs by name. */
  g_assert_cmpuint (table->row_keys->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (table->row_labels, 0), ==, "Dev Patel");
  g_assert_cmpstr (g_ptr_array_index (table->row_labels, 1), ==, "Sue Bennett");
  g_assert_cmpint (lh_count_table_get (table->counts, 0, 0), ==, 300);
  g_assert_cmpint (lh_count_table_get (table->counts, 0, 1), ==, 214 + 300);
  g_assert_cmpint (lh_count_table_get (table->counts, 0, 2), ==, 0);
  g_assert_cmpint (lh_count_table_get (table->counts, 1, 0), ==, 420);
  g_assert_cmpint (lh_count_table_get (table->counts, 1, 1), ==, 214 + 300);
  g_assert_cmpint (lh_count_table_get (table->counts, 1, 2), ==, 86);

  over_runs = g_ptr_array_index (section->lists, 0);
  g_assert_cmpstr (over_runs->title, ==, "Facility time over-runs");
  g_assert_cmpuint (over_runs->rows->len, ==, 1);
  row = g_ptr_array_index (over_runs->rows, 0);
  g_assert_cmpstr (row[0], ==, "Sue Bennett");
  g_assert_cmpstr (row[1], ==, "2026-11-18");
  g_assert_cmpstr (row[2], ==, "5:00");
  g_assert_cmpstr (row[3], ==, "3:34");
  assert_never_hidden (g_steal_pointer (&section));
}

/* ---- a period that is not one -------------------------------------------- */

static void
test_empty_period (Fixture *f, gconstpointer data)
{
  LhReportSection *(*builders[]) (LhStore *, const LhCentre *, gint64, gint64, gint64, GError **) = {
    lh_report_section_time_off, lh_report_section_facility_time, lh_report_section_advice,
    lh_report_section_equipment,
  };

  for (guint i = 0; i < G_N_ELEMENTS (builders); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (builders[i] (f->ts->store, f->centre, MONDAY, MONDAY, NOW, &error));
      g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
    }
}

/* ---- plans ---------------------------------------------------------------- */

static void
test_plans (Fixture *f, gconstpointer data)
{
  lh_test_assert_plan (f->ts->store, LH_REPORT_ADVICE_WAITS_SQL,
                       "SEARCH advice_requests USING INDEX advice_requests_by_time (created_at>? AND created_at<?)");
  lh_test_assert_plan (f->ts->store, LH_REPORT_FAULTS_OPEN_SQL,
                       "SEARCH faults USING INDEX faults_open_by_age (reported_at<?)");
  lh_test_assert_plan (f->ts->store, LH_REPORT_FAULTS_REPAIRED_SQL,
                       "SEARCH faults USING INDEX faults_repaired_at (repaired_at>?)");
  lh_test_assert_plan (f->ts->store, LH_REPORT_ULRS_SQL, "people_ulrs");
  lh_test_assert_plan (f->ts->store, LH_REPORT_ULRS_SQL,
                       "SEARCH f USING INDEX facility_time_by_start (start_at>? AND start_at<?)");
  lh_test_assert_plan (f->ts->store, LH_REPORT_FACILITY_SQL,
                       "SEARCH facility_time USING INDEX facility_time_by_ulr "
                       "(ulr_id=? AND start_at>? AND start_at<?)");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/report/advice/figures", Fixture, NULL, setup, test_advice, teardown);
  g_test_add ("/report/advice/suppressed", Fixture, NULL, setup, test_advice_suppressed, teardown);
  g_test_add ("/report/advice/hidden-by-people", Fixture, NULL, setup, test_advice_hidden_by_people, teardown);
  g_test_add ("/report/equipment/figures", Fixture, NULL, setup, test_equipment, teardown);
  g_test_add ("/report/facility-time/figures", Fixture, NULL, setup, test_facility_time, teardown);
  g_test_add ("/report/empty-period", Fixture, NULL, setup, test_empty_period, teardown);
  g_test_add ("/report/plans", Fixture, NULL, setup, test_plans, teardown);
  return g_test_run ();
}
