/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Equality monitoring: a learner's answers kept apart from who they are,
 * the workforce's make-up counted from the roster, and the report's
 * section against figures worked out by hand. */
#include "sittings-fixture.h"
#include "lh-demo.h"
#include "lh-equality.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-roster.h"

/* Monday 30 November 2026, 00:00 in London (UTC in winter). */
#define MONDAY 1795996800
#define HOUR   3600
#define DAY    (24 * HOUR)
#define FROM   MONDAY
#define TO     (MONDAY + 7 * DAY)
#define NOW    (MONDAY + 2 * DAY)

/* Six staff: three 25 to 34, one 45 to 54, two who left it empty. */
static const char roster[] =
  "staff_number,name,hours_per_week,roles,work_pattern,age_band\n"
  "1,Amira Khan,37.5,learner,shifts,25-34\n"
  "2,Ben Okafor,37.5,learner,Compressed hours,25-34\n"
  "3,Chloe Li,22.5,learner,part-time,45-54\n"
  "4,Dan Price,37.5,learner,shifts,25-34\n"
  "5,Ellie Shaw,37.5,learner,,\n"
  "6,Femi Ade,37.5,learner,nights,\n";

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       id[7];  /* by staff number, 1 to 6 */
} Fixture;

static gboolean
import (LhStore *store, const char *csv, GError **error)
{
  g_auto(LhRosterReport) report = { 0 };

  return lh_roster_import (store, csv, strlen (csv), FALSE, NOW - 30 * DAY, &report, error);
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->centre->note_key = lh_note_key_new_random ();
  g_assert_true (import (f->ts->store, roster, &error));
  g_assert_no_error (error);
  for (int i = 1; i <= 6; i++)
    {
      g_autofree char *staff = g_strdup_printf ("%d", i);
      g_autoptr(LhPerson) person = lh_people_find (f->ts->store, staff, &error);

      g_assert_no_error (error);
      f->id[i] = person->id;
    }
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

/* NULL-terminated pairs of factor, group. */
static GHashTable *
answers_of (const char *first, ...)
{
  GHashTable *answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  va_list args;

  va_start (args, first);
  for (const char *factor = first; factor != NULL; factor = va_arg (args, const char *))
    g_hash_table_insert (answers, g_strdup (factor), g_strdup (va_arg (args, const char *)));
  va_end (args);
  return answers;
}

static void
declare (Fixture *f, gint64 person, GHashTable *answers)
{
  g_autoptr(GHashTable) owned = answers;
  g_autoptr(GError) error = NULL;

  g_assert_true (lh_equality_set_answers (f->ts->store, f->centre, person, owned, &error));
  g_assert_no_error (error);
}

static void
test_factors_offer_prefer_not_to_say (void)
{
  guint n;
  const LhEqualityFactor *factors = lh_equality_factors (&n);

  g_assert_cmpuint (n, ==, 7);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (lh_equality_factor_has_group (&factors[i], LH_EQUALITY_PREFER_NOT_TO_SAY));
      g_assert_false (lh_equality_factor_has_group (&factors[i], LH_EQUALITY_NOT_DECLARED));
      g_assert_true (lh_equality_factor_find (factors[i].key) == &factors[i]);
    }
  g_assert_null (lh_equality_factor_find ("religion-unlisted"));
}

static void
test_answers_replaced_and_read (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) read = NULL;

  declare (f, f->id[1], answers_of ("age-band", "25-34", "gender", "woman", NULL));
  declare (f, f->id[1], answers_of ("gender", LH_EQUALITY_PREFER_NOT_TO_SAY, "caring", "yes", NULL));
  read = lh_equality_get_answers (f->ts->store, f->centre, f->id[1], &error);
  g_assert_no_error (error);
  /* Replaced whole: age band is now unanswered, not kept. */
  g_assert_cmpuint (g_hash_table_size (read), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (read, "gender"), ==, LH_EQUALITY_PREFER_NOT_TO_SAY);
  g_assert_cmpstr (g_hash_table_lookup (read, "caring"), ==, "yes");
  g_clear_pointer (&read, g_hash_table_unref);
  read = lh_equality_get_answers (f->ts->store, f->centre, f->id[2], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (read), ==, 0);
}

static void
test_bad_answers_change_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) unknown_factor = answers_of ("age-band", "35-44", "religion-unlisted", "yes", NULL);
  g_autoptr(GHashTable) unknown_group = answers_of ("age-band", "35-44", "gender", "robot", NULL);
  g_autoptr(GHashTable) not_declared = answers_of ("gender", LH_EQUALITY_NOT_DECLARED, NULL);

  declare (f, f->id[1], answers_of ("age-band", "25-34", NULL));
  g_assert_false (lh_equality_set_answers (f->ts->store, f->centre, f->id[1], unknown_factor, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_cmpstr (lh_error_get_reason (error), ==, "factor-unknown");
  g_clear_error (&error);
  g_assert_false (lh_equality_set_answers (f->ts->store, f->centre, f->id[1], unknown_group, &error));
  g_assert_cmpstr (lh_error_get_reason (error), ==, "group-unknown");
  g_clear_error (&error);
  /* "Not declared" is the report's word for no answer, never an answer. */
  g_assert_false (lh_equality_set_answers (f->ts->store, f->centre, f->id[1], not_declared, &error));
  g_assert_cmpstr (lh_error_get_reason (error), ==, "group-unknown");
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM equality_answers WHERE grp = '25-34'"),
                   ==, 1);
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM equality_answers"), ==, 1);
}

/* The database alone does not say whose answers they are: nothing in the
 * row is the person's id, and with another key they are nobody's. */
static void
test_stored_apart_from_identity (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) read = NULL;
  g_autoptr(LhCentre) other = lh_centre_new_default ();
  g_autoptr(LhCentre) keyless = lh_centre_new_default ();

  declare (f, f->id[1], answers_of ("disability", "yes", NULL));
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT length(holder) FROM equality_answers"), ==, 32);
  other->note_key = lh_note_key_new_random ();
  read = lh_equality_get_answers (f->ts->store, other, f->id[1], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (read), ==, 0);
  /* Without the key there is no holder to file under. */
  g_assert_null (lh_equality_get_answers (f->ts->store, keyless, f->id[1], &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INTERNAL);
}

static void
test_erased_without_trace (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) read = NULL;

  declare (f, f->id[1], answers_of ("qualifications", "level-4-plus", NULL));
  declare (f, f->id[2], answers_of ("qualifications", "none", NULL));
  g_assert_true (lh_test_files_hold (f->ts->path, "level-4-plus"));
  g_assert_true (lh_equality_erase (f->ts->store, f->centre, f->id[1], &error));
  g_assert_no_error (error);
  g_assert_false (lh_store_scrub_pending (f->ts->store));
  read = lh_equality_get_answers (f->ts->store, f->centre, f->id[1], &error);
  g_assert_cmpuint (g_hash_table_size (read), ==, 0);
  /* Neither the database nor its WAL keeps the answer. */
  g_assert_false (lh_test_files_hold (f->ts->path, "level-4-plus"));
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM equality_answers"), ==, 1);
}

static gint64
profile (Fixture *f, const char *factor, const char *group)
{
  g_autoptr(GError) error = NULL;
  gint64 people = lh_workforce_profile_get (f->ts->store, factor, group, &error);

  g_assert_no_error (error);
  return people;
}

static void
test_workforce_counted_from_roster (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (profile (f, "age-band", "25-34"), ==, 3);
  g_assert_cmpint (profile (f, "age-band", "45-54"), ==, 1);
  g_assert_cmpint (profile (f, "age-band", LH_EQUALITY_NOT_DECLARED), ==, 2);
  g_assert_cmpint (profile (f, "age-band", "16-24"), ==, 0);
  /* A pattern of the roster's own wording is "other". */
  g_assert_cmpint (profile (f, "work-pattern", "shifts"), ==, 2);
  g_assert_cmpint (profile (f, "work-pattern", "other"), ==, 1);
  g_assert_cmpint (profile (f, "work-pattern", LH_EQUALITY_NOT_DECLARED), ==, 1);
  g_assert_cmpint (profile (f, "gender", LH_EQUALITY_NOT_DECLARED), ==, 6);
  /* Counts only: no person's value is stored with them. */
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM pragma_table_info('people') "
                                                    "WHERE name LIKE '%age%' OR name LIKE '%gender%'"), ==, 0);
}

static void
test_workforce_bad_rows_change_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const char *broken =
    "staff_number,name,hours_per_week,roles,age_band,disability\n"
    "7,Gina Hall,37.5,learner,25-34,no\n"
    "8,Hari Rao,37.5,learner,twenty-something,no\n"
    "9,Ivy Bell,37.5,learner,35-44,maybe\n";
  const char *good =
    "staff_number,name,hours_per_week,roles,age_band,disability\n"
    "7,Gina Hall,37.5,learner,25-34,no\n"
    "8,Hari Rao,37.5,learner,35-44,PREFER-NOT-TO-SAY\n";
  g_auto(LhRosterReport) report = { 0 };

  g_assert_false (lh_roster_import (f->ts->store, broken, strlen (broken), FALSE, NOW, &report, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_cmpuint (report.row_errors->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (report.row_errors, 0), "age_band “twenty-something”"));
  g_assert_nonnull (strstr (g_ptr_array_index (report.row_errors, 1), "disability “maybe”"));
  g_assert_cmpint (profile (f, "age-band", "25-34"), ==, 3);
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM people"), ==, 6);
  g_clear_error (&error);

  /* A good file is the whole workforce now. */
  g_assert_true (import (f->ts->store, good, &error));
  g_assert_no_error (error);
  g_assert_cmpint (profile (f, "age-band", "25-34"), ==, 1);
  g_assert_cmpint (profile (f, "age-band", "35-44"), ==, 1);
  g_assert_cmpint (profile (f, "age-band", LH_EQUALITY_NOT_DECLARED), ==, 0);
  g_assert_cmpint (profile (f, "disability", LH_EQUALITY_PREFER_NOT_TO_SAY), ==, 1);
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT sum(people) FROM workforce_profile "
                                                    "WHERE factor = 'work-pattern'"), ==, 2);
}

/* A roster file with no equality column leaves the make-up as it was. */
static void
test_workforce_kept_without_columns (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (import (f->ts->store, "staff_number,name,hours_per_week,roles,work_pattern\n"
                                       "7,Gina Hall,37.5,learner,shifts\n", &error));
  g_assert_no_error (error);
  g_assert_cmpint (profile (f, "age-band", "25-34"), ==, 3);
  g_assert_cmpint (profile (f, "work-pattern", "shifts"), ==, 2);
}

static void
add_booking (Fixture *f, gint64 person, gint64 pc, gint64 start, const char *status)
{
  gint64 values[] = { pc, person, start };
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO bookings (resource_id, person_id, start_at, end_at, created_at, status) "
                     "VALUES (?1, ?2, ?3, ?3 + 3600, ?3 - 86400, '%s')", status);

  sittings_exec (f->ts->store, sql, values, G_N_ELEMENTS (values));
}

static gint64
cell (LhReportSection *section, const char *table_id, const char *row, const char *column)
{
  for (guint t = 0; t < section->tables->len; t++)
    {
      LhReportTable *table = g_ptr_array_index (section->tables, t);
      guint r, c;

      if (!g_str_equal (table->id, table_id))
        continue;
      for (r = 0; r < table->row_keys->len && !g_str_equal (g_ptr_array_index (table->row_keys, r), row); r++)
        ;
      for (c = 0; c < table->column_keys->len && !g_str_equal (g_ptr_array_index (table->column_keys, c), column);
           c++)
        ;
      g_assert_cmpuint (r, <, table->row_keys->len);
      g_assert_cmpuint (c, <, table->column_keys->len);
      return lh_count_table_get (table->counts, r, c);
    }
  g_assert_not_reached ();
}

/* The period's learners, their answers and the roster's make-up worked
 * out by hand: see test_section_figures. */
static LhReportSection *
section_by_hand (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  LhReportSection *section;
  gint64 pc = sittings_add_pc (f->ts->store, "PC 1", FROM - 30 * DAY);
  gint64 guest = lh_test_add_person (f->ts->store, "G1", "A guest", LH_ROLE_LEARNER, FROM - DAY);
  gint64 sponsor[] = { guest, f->id[1] };

  sittings_exec (f->ts->store, "UPDATE people SET sponsor_id = ?2 WHERE id = ?1", sponsor, 2);
  /* 1 and 2 sat in the period (1 twice); 3 booked ahead; 4 only before
   * it; 5 sat, declared nothing; 6's booking was cancelled; the guest
   * is not the workforce. */
  sittings_add (f->ts->store, f->id[1], pc, FROM + 9 * HOUR, FROM + 10 * HOUR, FALSE);
  sittings_add (f->ts->store, f->id[1], pc, FROM + DAY + 9 * HOUR, FROM + DAY + 10 * HOUR, FALSE);
  sittings_add (f->ts->store, f->id[2], pc, FROM + 11 * HOUR, FROM + 12 * HOUR, TRUE);
  add_booking (f, f->id[3], pc, FROM + 5 * DAY + 9 * HOUR, "booked");
  sittings_add (f->ts->store, f->id[4], pc, FROM - DAY + 9 * HOUR, FROM - DAY + 10 * HOUR, FALSE);
  sittings_add (f->ts->store, f->id[5], pc, FROM + 13 * HOUR, FROM + 14 * HOUR, FALSE);
  add_booking (f, f->id[6], pc, FROM + 3 * DAY + 9 * HOUR, "cancelled");
  sittings_add (f->ts->store, guest, pc, FROM + 15 * HOUR, FROM + 16 * HOUR, FALSE);

  declare (f, f->id[1], answers_of ("age-band", "25-34", "gender", "woman", NULL));
  declare (f, f->id[2], answers_of ("age-band", "25-34", "gender", LH_EQUALITY_PREFER_NOT_TO_SAY, NULL));
  declare (f, f->id[3], answers_of ("age-band", "45-54", NULL));
  declare (f, f->id[4], answers_of ("age-band", "25-34", NULL));
  declare (f, guest, answers_of ("age-band", "25-34", NULL));

  section = lh_report_section_equality (f->ts->store, f->centre, FROM, TO, NOW, &error);
  g_assert_no_error (error);
  return section;
}

static void
test_section_figures (Fixture *f, gconstpointer data)
{
  g_autoptr(LhReportSection) section = section_by_hand (f);
  LhReportTable *ages;

  g_assert_cmpstr (section->id, ==, "equality");
  g_assert_cmpuint (section->tables->len, ==, 7);
  ages = g_ptr_array_index (section->tables, 0);
  g_assert_cmpstr (ages->id, ==, "age-band");
  g_assert_true (ages->about_people);
  /* Seven groups and "not declared". */
  g_assert_cmpuint (ages->row_keys->len, ==, 8);
  g_assert_cmpstr (g_ptr_array_index (ages->row_keys, 7), ==, LH_EQUALITY_NOT_DECLARED);

  g_assert_cmpint (cell (section, "age-band", "25-34", "learners"), ==, 2);
  g_assert_cmpint (cell (section, "age-band", "45-54", "learners"), ==, 1);
  g_assert_cmpint (cell (section, "age-band", LH_EQUALITY_NOT_DECLARED, "learners"), ==, 1);
  g_assert_cmpint (cell (section, "age-band", "16-24", "learners"), ==, 0);
  g_assert_cmpint (cell (section, "age-band", "25-34", "workforce"), ==, 3);
  g_assert_cmpint (cell (section, "age-band", LH_EQUALITY_NOT_DECLARED, "workforce"), ==, 2);
  g_assert_cmpint (cell (section, "gender", "woman", "learners"), ==, 1);
  g_assert_cmpint (cell (section, "gender", LH_EQUALITY_PREFER_NOT_TO_SAY, "learners"), ==, 1);
  g_assert_cmpint (cell (section, "gender", LH_EQUALITY_NOT_DECLARED, "learners"), ==, 2);
  g_assert_cmpint (cell (section, "gender", LH_EQUALITY_NOT_DECLARED, "workforce"), ==, 6);
  /* Column totals: four learners, six on the roster. */
  g_assert_cmpint (lh_count_table_get (ages->counts, 8, 0), ==, 4);
  g_assert_cmpint (lh_count_table_get (ages->counts, 8, 1), ==, 6);
}

/* Through the site report's suppression: every table is about people,
 * so no figure from 1 to 4 is published, the learners' total of 4
 * included. */
static void
test_section_suppressed (Fixture *f, gconstpointer data)
{
  g_autoptr(LhReport) report = lh_report_new ("Test centre", "Europe/London", "2026-11-30", "2026-12-06", 5, NOW);
  LhReportSection *section = section_by_hand (f);
  guint hidden = 0;

  lh_report_add_section (report, section);
  lh_report_suppress (report);
  for (guint t = 0; t < section->tables->len; t++)
    {
      LhReportTable *table = g_ptr_array_index (section->tables, t);

      g_assert_true (table->about_people);
      for (guint r = 0; r <= table->row_keys->len; r++)
        for (guint c = 0; c < table->column_keys->len; c++)
          {
            gint64 count = lh_count_table_get (table->counts, r, c);

            if (lh_count_table_is_suppressed (table->counts, r, c))
              hidden++;
            else
              g_assert_true (count == 0 || count >= 5);
          }
    }
  g_assert_cmpint (cell (section, "age-band", "25-34", "learners"), ==, 2);
  g_assert_true (lh_count_table_is_suppressed (((LhReportTable *) g_ptr_array_index (section->tables, 0))->counts,
                                               8, 0));
  g_assert_cmpuint (hidden, >, 0);
}

/* Each learner's answers are a lookup of their holder: no scan. */
static void
test_section_reads_ranges (Fixture *f, gconstpointer data)
{
  lh_test_assert_plan (f->ts->store, "SELECT factor, grp FROM equality_answers WHERE holder = ?1",
                       "SEARCH equality_answers USING PRIMARY KEY (holder=?)");
  lh_test_assert_plan (f->ts->store, "SELECT people FROM workforce_profile WHERE factor = ?1 AND grp = ?2",
                       "SEARCH workforce_profile USING PRIMARY KEY (factor=? AND grp=?)");
  /* The period's learners: for each person, a seek into their own
   * bookings and sittings by start, bounded by the people, not the
   * period; nothing read for each booking or sitting of the period (a
   * booking is looked up for its status only when it is the first
   * found, as EXISTS stops there). */
  lh_test_assert_plan (f->ts->store, LH_EQUALITY_LEARNERS_SQL,
                       "SEARCH b USING INDEX bookings_by_person_start (person_id=? AND start_at>? AND start_at<?)");
  lh_test_assert_plan (f->ts->store, LH_EQUALITY_LEARNERS_SQL,
                       "SEARCH u USING COVERING INDEX usage_by_person_start (person_id=? AND started_at>? AND started_at<?)");
  lh_test_assert_plan_lacks (f->ts->store, LH_EQUALITY_LEARNERS_SQL, "bookings_by_start");
  lh_test_assert_plan_lacks (f->ts->store, LH_EQUALITY_LEARNERS_SQL, "usage_by_start");
}

/* The demo centre: a depot of 240 in the make-up, and its learners'
 * declarations in the report, some preferring not to say, some not
 * declaring at all. */
static void
test_demo (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(LhCentre) centre = lh_centre_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhDemoCentre) demo = NULL;
  g_autoptr(LhReportSection) section = NULL;
  gint64 now = MONDAY;

  centre->note_key = lh_note_key_new_random ();
  demo = lh_demo_create (ts->store, centre, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lh_test_query_int (ts->store, "SELECT count(DISTINCT factor) FROM workforce_profile"), ==, 7);
  g_assert_cmpint (lh_test_query_int (ts->store, "SELECT min(n) FROM (SELECT sum(people) AS n "
                                                 "FROM workforce_profile GROUP BY factor)"), ==, 240);
  g_assert_cmpint (lh_test_query_int (ts->store, "SELECT max(n) FROM (SELECT sum(people) AS n "
                                                 "FROM workforce_profile GROUP BY factor)"), ==, 240);
  g_assert_cmpint (lh_test_query_int (ts->store, "SELECT count(*) FROM equality_answers "
                                                 "WHERE grp = 'prefer-not-to-say'"), >, 0);

  section = lh_report_section_equality (ts->store, centre, now - 28 * DAY, now, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cell (section, "age-band", LH_EQUALITY_NOT_DECLARED, "learners"), >, 0);
  g_assert_cmpint (cell (section, "ethnicity", LH_EQUALITY_PREFER_NOT_TO_SAY, "learners"), >, 0);
  g_assert_cmpint (cell (section, "age-band", "25-34", "workforce"), ==, 58);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/equality/factors-offer-prefer-not-to-say", test_factors_offer_prefer_not_to_say);
#define ADD(path, func) g_test_add ("/equality/" path, Fixture, NULL, setup, func, teardown)
  ADD ("answers-replaced-and-read", test_answers_replaced_and_read);
  ADD ("bad-answers-change-nothing", test_bad_answers_change_nothing);
  ADD ("stored-apart-from-identity", test_stored_apart_from_identity);
  ADD ("erased-without-trace", test_erased_without_trace);
  ADD ("workforce-counted-from-roster", test_workforce_counted_from_roster);
  ADD ("workforce-bad-rows-change-nothing", test_workforce_bad_rows_change_nothing);
  ADD ("workforce-kept-without-columns", test_workforce_kept_without_columns);
  ADD ("section-figures", test_section_figures);
  ADD ("section-suppressed", test_section_suppressed);
  ADD ("section-reads-ranges", test_section_reads_ranges);
#undef ADD
  g_test_add_func ("/equality/demo", test_demo);
  return g_test_run ();
}
