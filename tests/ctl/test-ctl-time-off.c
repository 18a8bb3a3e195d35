/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl time-off as the employer's contact point runs it: a
 * learner's balance and ledger, the requests waiting, approving and
 * rejecting, adjusting; and every wrong command changes nothing. The
 * centre is made with the core library (paid bookings waiting for a
 * decision), then closed, so learnhubctl works on it as on a real one. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ctl-run.h"
#include "lh-bookings.h"
#include "lh-centre.h"
#include "lh-people.h"
#include "lh-resources.h"
#include "lh-store.h"
#include "lh-terms.h"
#include "lh-time.h"

typedef struct
{
  char *db;   /* (owned) */
  char *day;  /* (owned) the bookings' day, "YYYY-MM-DD" */
} Centre;

static gint64
add_person (LhStore *store, const char *number, const char *name, double hours, double days,
            gboolean esol, gint64 now)
{
  LhPerson person = { .staff_number = (char *) number, .name = (char *) name, .hours_per_week = hours,
                      .roles = LH_ROLE_LEARNER, .days_per_week = days, .esol_learner = esol };
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (lh_people_save (store, &person, now, &id, NULL, &error));
  g_assert_no_error (error);
  return id;
}

static void
book (LhStore *store, const LhCentre *centre, gint64 person, gint64 pc, gint64 day, int minute, int minutes,
      gboolean paid, gint64 now)
{
  g_autoptr(GError) error = NULL;
  gint64 start = lh_time_at_local_minute (day, minute, centre->tz);
  g_autoptr(LhBooking) booking = lh_bookings_create_paid (store, centre, person, pc, start, start + minutes * 60,
                                                          paid, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (booking);
}

/* Ann Lee (200001), full time; Bob Ray (200002), 22.5 hours over 3 days
 * and an ESOL learner; on the demo centre's agreement (paid requests wait
 * for an admin). Ann asks for two paid hours on PC 1 the day after
 * tomorrow, Bob for one and a half, and one hour in his own time. */
static void
centre_init (Centre *c)
{
  g_autoptr(LhCentre) centre = lh_centre_new_default ();
  g_autoptr(LhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *terms_path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "terms.conf", NULL);
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Sun 08:00-20:00", &error);
  g_auto(LhTerms) terms = { 0 };
  gint64 now = lh_time_now ();
  gint64 day = lh_time_add_days (lh_time_local_midnight (now, centre->tz), 2, centre->tz);
  gint64 pc, ann, bob;

  c->db = temp_path ("time-off.db");
  store = lh_store_open (c->db, &error);
  g_assert_no_error (error);
  g_assert_true (g_key_file_load_from_file (key_file, terms_path, G_KEY_FILE_NONE, &error));
  g_assert_true (lh_terms_from_key_file (key_file, centre->tz, &terms, &error));
  g_assert_true (lh_terms_add_version (store, centre, &terms, "test", now, &error));
  g_assert_true (lh_resources_add (store, "PC 1", "pc", 1, &pc, &error));
  g_assert_true (lh_resources_set_hours (store, pc, (LhOpeningPeriod *) hours->data, hours->len, &error));
  g_assert_no_error (error);
  ann = add_person (store, "200001", "Ann Lee", 37.5, 5, FALSE, now);
  bob = add_person (store, "200002", "Bob Ray", 22.5, 3, TRUE, now);
  book (store, centre, ann, pc, day, 10 * 60, 60, TRUE, now);
  book (store, centre, ann, pc, day, 11 * 60, 60, TRUE, now);
  book (store, centre, bob, pc, day, 13 * 60, 90, TRUE, now);
  book (store, centre, bob, pc, day, 15 * 60, 60, FALSE, now);
  c->day = lh_time_format_date (day, centre->tz);
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
  g_free (c->day);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Centre, centre_clear)

/* The request ids `time-off pending` lists, in its order. */
static GArray *
pending_ids (const char *db)
{
  g_auto(Run) pending = { 0 };
  g_auto(GStrv) lines = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  ctl (&pending, db, "time-off", "pending", NULL);
  g_assert_cmpint (pending.status, ==, 0);
  lines = g_strsplit (pending.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (lines[i], NULL, 10);

      if (id > 0)
        g_array_append_val (ids, id);
    }
  return ids;
}

static guint
count_lines_with (const char *text, const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += strstr (lines[i], needle) != NULL;
  return n;
}

static guint
count_lines_ending (const char *text, const char *suffix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_suffix (lines[i], suffix);
  return n;
}

static void
test_show (void)
{
  g_auto(Centre) c = { 0 };
  g_auto(Run) ann = { 0 };
  g_auto(Run) bob = { 0 };
  g_auto(Run) last_year = { 0 };
  g_auto(Run) nobody = { 0 };
  g_auto(Run) bad_date = { 0 };
  g_auto(Run) usage = { 0 };

  centre_init (&c);
  ctl (&ann, c.db, "time-off", "show", "200001", NULL);
  g_assert_cmpint (ann.status, ==, 0);
  g_assert_true (g_regex_match_simple ("^Ann Lee \\(200001\\), agreement year [0-9]{4}-04-01 to [0-9]{4}-03-31\n",
                                       ann.out, 0, 0));
  g_assert_nonnull (strstr (ann.out, "37.5 hours a week over 5 days: a day is 7 h 30 min"));
  /* 52.5 hours for full time; the two hours waiting count as spent. */
  g_assert_nonnull (strstr (ann.out, "  Paid learning time: 50 h 30 min of 52 h 30 min left (6.7 days) · "
                                     "taken 0 h, booked 0 h, waiting 2 h · includes 0 h matched time of 15 h\n"));
  g_assert_nonnull (strstr (ann.out, "  Assessment and exam time: 7 h 30 min of 7 h 30 min left (1.0 day)"));
  g_assert_null (strstr (ann.out, "ESOL"));
  g_assert_null (strstr (ann.out, "Apprentice"));

  /* Pro-rated to 22.5 of 37.5 hours: 31.5 hours; a day is 7.5 hours. */
  ctl (&bob, c.db, "time-off", "show", "200002", NULL);
  g_assert_cmpint (bob.status, ==, 0);
  g_assert_nonnull (strstr (bob.out, "22.5 hours a week over 3 days: a day is 7 h 30 min"));
  g_assert_nonnull (strstr (bob.out, "Paid learning time: 30 h of 31 h 30 min left (4.0 days) · "
                                     "taken 0 h, booked 0 h, waiting 1 h 30 min"));
  g_assert_nonnull (strstr (bob.out, "  ESOL taught hours: 40 h of 40 h left (5.3 days)"));

  ctl (&last_year, c.db, "time-off", "show", "200001", "--at", "2025-06-01", NULL);
  g_assert_cmpint (last_year.status, ==, 0);
  g_assert_nonnull (strstr (last_year.out, "agreement year 2025-"));
  g_assert_null (strstr (last_year.out, "waiting 2 h"));

  ctl (&nobody, c.db, "time-off", "show", "999999", NULL);
  g_assert_cmpint (nobody.status, ==, 1);
  g_assert_nonnull (strstr (nobody.err, "No one on the roster has the staff number “999999”"));
  g_assert_cmpstr (nobody.out, ==, "");
  ctl (&bad_date, c.db, "time-off", "show", "200001", "--at", "1/6/2025", NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
  g_assert_nonnull (strstr (bad_date.err, "--at: A date looks like"));
  ctl (&usage, c.db, "time-off", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_nonnull (strstr (usage.err, "usage: learnhubctl time-off show STAFF"));
}

static void
test_pending_approve_reject (void)
{
  g_auto(Centre) c = { 0 };
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) unchanged = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *actor = g_strdup_printf ("by learnhubctl, user %s,", g_get_user_name ());
  g_auto(Run) pending = { 0 };
  g_auto(Run) approved = { 0 };
  g_auto(Run) twice = { 0 };
  g_auto(Run) no_reason = { 0 };
  g_auto(Run) blank_reason = { 0 };
  g_auto(Run) not_a_number = { 0 };
  g_auto(Run) no_such = { 0 };
  g_auto(Run) rejected = { 0 };
  g_auto(Run) shown = { 0 };
  g_auto(Run) history = { 0 };
  g_autofree char *day_words = NULL;
  g_autofree char *history_day = NULL;

  centre_init (&c);
  day_words = g_strdup_printf (", %s, ", c.day);
  history_day = g_strdup_printf ("  %s  learning   ", c.day);
  ctl (&pending, c.db, "time-off", "pending", NULL);
  g_assert_cmpint (pending.status, ==, 0);
  g_assert_cmpuint (count_lines_with (pending.out, "Ann Lee (200001)"), ==, 2);
  g_assert_cmpuint (count_lines_with (pending.out, "Bob Ray (200002)"), ==, 1);
  /* The day and the length, as a line manager needs; not the hour, nor
   * the PC, group or assessment, nor its kind (issue 12, item 4). */
  g_assert_cmpuint (count_lines_ending (pending.out, ", 1 h of paid time for learning"), ==, 2);
  g_assert_cmpuint (count_lines_ending (pending.out, ", 1 h 30 min of paid time for learning"), ==, 1);
  g_assert_cmpuint (count_lines_with (pending.out, day_words), ==, 3);
  g_assert_null (strstr (pending.out, "PC 1"));
  g_assert_null (strstr (pending.out, ":00"));
  before = pending_ids (c.db);
  g_assert_cmpuint (before->len, ==, 3);

  first_id = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (before, gint64, 0));
  second_id = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (before, gint64, 1));
  ctl (&approved, c.db, "time-off", "approve", first_id, NULL);
  g_assert_cmpint (approved.status, ==, 0);
  g_assert_true (g_str_has_prefix (approved.out, "Approved request "));
  g_assert_nonnull (strstr (approved.out, ": Ann Lee (200001), "));
  g_assert_null (strstr (approved.out, "PC 1"));
  g_assert_null (strstr (approved.out, ":00"));
  ctl (&twice, c.db, "time-off", "approve", first_id, NULL);
  g_assert_cmpint (twice.status, ==, 1);
  g_assert_nonnull (strstr (twice.err, "not waiting for a decision"));

  /* Wrong commands, each changing nothing. */
  ctl (&no_reason, c.db, "time-off", "reject", second_id, NULL);
  g_assert_cmpint (no_reason.status, ==, 2);
  g_assert_nonnull (strstr (no_reason.err, "time-off reject ID --reason TEXT"));
  ctl (&blank_reason, c.db, "time-off", "reject", second_id, "--reason", "  ", NULL);
  g_assert_cmpint (blank_reason.status, ==, 1);
  g_assert_nonnull (strstr (blank_reason.err, "reason"));
  ctl (&not_a_number, c.db, "time-off", "approve", "seventeen", NULL);
  g_assert_cmpint (not_a_number.status, ==, 2);
  g_assert_nonnull (strstr (not_a_number.err, "“seventeen” is not a request number"));
  ctl (&no_such, c.db, "time-off", "approve", "99999", NULL);
  g_assert_cmpint (no_such.status, ==, 1);
  g_assert_nonnull (strstr (no_such.err, "99999"));
  unchanged = pending_ids (c.db);
  g_assert_cmpuint (unchanged->len, ==, 2);

  ctl (&rejected, c.db, "time-off", "reject", second_id, "--reason", "Short-staffed on the line that day", NULL);
  g_assert_cmpint (rejected.status, ==, 0);
  g_assert_true (g_str_has_prefix (rejected.out, "Rejected request "));
  g_assert_nonnull (strstr (rejected.out, "in their own time"));
  after = pending_ids (c.db);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (g_array_index (after, gint64, 0), ==, g_array_index (before, gint64, 2));

  /* One hour approved, the other now in her own time. */
  ctl (&shown, c.db, "time-off", "show", "200001", NULL);
  g_assert_nonnull (strstr (shown.out, "Paid learning time: 51 h 30 min of 52 h 30 min left (6.9 days) · "
                                       "taken 0 h, booked 1 h, waiting 0 h"));
  ctl (&history, c.db, "time-off", "history", "200001", NULL);
  g_assert_cmpint (history.status, ==, 0);
  g_assert_cmpuint (count_lines_with (history.out, " requested "), ==, 2);
  g_assert_cmpuint (count_lines_with (history.out, " approved "), ==, 1);
  g_assert_cmpuint (count_lines_with (history.out, " rejected "), ==, 1);
  g_assert_cmpuint (count_lines_with (history.out, actor), ==, 2);
  g_assert_nonnull (strstr (history.out, "“Short-staffed on the line that day” by learnhubctl, user "));
  /* When the time fell, by the day only: the hour is when it was
   * recorded, not when the learning is. */
  g_assert_cmpuint (count_lines_with (history.out, history_day), ==, 4);
}

static void
test_adjust (void)
{
  g_auto(Centre) c = { 0 };
  /* learnhubctl's centre, without a configuration file. */
  g_autoptr(LhCentre) centre = lh_centre_new_default ();
  gint64 now = lh_time_now ();
  g_autofree char *last_week = lh_time_format_date (now - 7 * 24 * 3600, centre->tz);
  g_autofree char *next_week = lh_time_format_date (now + 7 * 24 * 3600, centre->tz);
  const char *bad[][4] = {
    /* staff, category, hours, what the message says */
    { "999999", "learning", "7.5", "No one on the roster has the staff number “999999”" },
    { "200001", "holiday", "7.5", "“holiday” is not a category of time off" },
    { "200001", "learning", "lots", "“lots” is not a number of hours" },
    { "200001", "learning", "0", "“0” is not a number of hours" },
    { "200001", "learning", "7,5", "“7,5” is not a number of hours" },
    { "200001", "learning", "1e9", "“1e9” is not a number of hours" },
    { "200001", "learning", "nan", "“nan” is not a number of hours" },
  };
  g_auto(Run) exam = { 0 };
  g_auto(Run) correction = { 0 };
  g_auto(Run) no_reason = { 0 };
  g_auto(Run) bad_date = { 0 };
  g_auto(Run) future = { 0 };
  g_auto(Run) shown = { 0 };
  g_auto(Run) history = { 0 };
  g_auto(Run) bob = { 0 };

  centre_init (&c);
  /* An exam day last week, then a correction of an hour and a half. */
  ctl (&exam, c.db, "time-off", "adjust", "200001", "learning", "7.5", "--reason", "Exam day at the college",
       "--date", last_week, NULL);
  g_assert_cmpint (exam.status, ==, 0);
  g_assert_nonnull (strstr (exam.out, "Recorded 7 h 30 min of paid learning time as taken by Ann Lee (200001)"));
  g_assert_nonnull (strstr (exam.out, "Paid learning time: 43 h of 52 h 30 min left (5.7 days) · taken 7 h 30 min"));
  ctl (&correction, c.db, "time-off", "adjust", "200001", "learning", "-1.5", "--reason", "Correction: left at noon",
       NULL);
  g_assert_cmpint (correction.status, ==, 0);
  g_assert_nonnull (strstr (correction.out, "Gave back 1 h 30 min of paid learning time to Ann Lee (200001)"));
  g_assert_nonnull (strstr (correction.out, "taken 6 h,"));

  /* Wrong commands, each changing nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Run) run = { 0 };

      ctl (&run, c.db, "time-off", "adjust", bad[i][0], bad[i][1], bad[i][2], "--reason", "Exam day", NULL);
      g_assert_cmpint (run.status, !=, 0);
      g_assert_nonnull (strstr (run.err, bad[i][3]));
      g_assert_cmpstr (run.out, ==, "");
    }
  ctl (&no_reason, c.db, "time-off", "adjust", "200001", "learning", "7.5", NULL);
  g_assert_cmpint (no_reason.status, ==, 2);
  g_assert_nonnull (strstr (no_reason.err, "--reason TEXT"));
  ctl (&bad_date, c.db, "time-off", "adjust", "200001", "learning", "7.5", "--reason", "Exam day",
       "--date", "2026-02-30", NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
  g_assert_nonnull (strstr (bad_date.err, "--date:"));
  ctl (&future, c.db, "time-off", "adjust", "200001", "learning", "7.5", "--reason", "Exam day",
       "--date", next_week, NULL);
  g_assert_cmpint (future.status, ==, 1);
  g_assert_nonnull (strstr (future.err, "not the future"));

  ctl (&shown, c.db, "time-off", "show", "200001", NULL);
  g_assert_nonnull (strstr (shown.out, "Paid learning time: 44 h 30 min of 52 h 30 min left (5.9 days) · "
                                       "taken 6 h, booked 0 h, waiting 2 h"));
  ctl (&history, c.db, "time-off", "history", "200001", NULL);
  g_assert_cmpuint (count_lines_with (history.out, " adjusted "), ==, 2);
  g_assert_nonnull (strstr (history.out, "learning   adjusted   7 h 30 min  “Exam day at the college” by "
                                         "learnhubctl, user "));
  g_assert_nonnull (strstr (history.out, "adjusted  -1 h 30 min  “Correction: left at noon”"));

  /* ESOL is its own category. */
  ctl (&bob, c.db, "time-off", "adjust", "200002", "esol", "2", "--reason", "ESOL class at the college", NULL);
  g_assert_cmpint (bob.status, ==, 0);
  g_assert_nonnull (strstr (bob.out, "Recorded 2 h of ESOL taught hours as taken by Bob Ray (200002)"));
  g_assert_nonnull (strstr (bob.out, "ESOL taught hours: 38 h of 40 h left"));
}

/* ESOL hours for someone not marked ESOL, more than is left, more back
 * than was taken, and text with a line break: each refused with words an
 * admin can act on, a non-zero status, and nothing written. */
static void
test_adjust_refused (void)
{
  g_auto(Centre) c = { 0 };
  const char *refused[][4] = {
    /* staff, category, hours, what the message says */
    { "200001", "esol", "2", "Ann Lee (200001) is not marked as an ESOL learner" },
    { "200001", "apprentice", "2", "Ann Lee (200001) is not marked as an apprentice" },
    { "200001", "learning", "60", "would take it below zero" },
    { "200002", "esol", "41", "would take it below zero" },
    { "200001", "learning", "-1", "has taken or booked 0 minutes of paid learning time" },
  };
  g_auto(Run) newline = { 0 };
  g_auto(Run) history = { 0 };

  centre_init (&c);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(Run) run = { 0 };

      ctl (&run, c.db, "time-off", "adjust", refused[i][0], refused[i][1], refused[i][2], "--reason", "Exam day",
           NULL);
      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, refused[i][3]));
      g_assert_cmpstr (run.out, ==, "");
    }
  ctl (&newline, c.db, "time-off", "adjust", "200001", "learning", "1", "--reason", "Exam day\nApproved by: the CEO",
       NULL);
  g_assert_cmpint (newline.status, ==, 2);
  g_assert_nonnull (strstr (newline.err, "must be one line of text"));

  ctl (&history, c.db, "time-off", "history", "200001", NULL);
  g_assert_cmpuint (count_lines_with (history.out, " adjusted "), ==, 0);
}

static void
test_history_empty_year (void)
{
  g_auto(Centre) c = { 0 };
  g_auto(Run) history = { 0 };
  g_auto(Run) nobody = { 0 };

  centre_init (&c);
  ctl (&history, c.db, "time-off", "history", "200001", "--at", "2025-06-01", NULL);
  g_assert_cmpint (history.status, ==, 0);
  g_assert_nonnull (strstr (history.out, "Nothing recorded in this agreement year"));
  ctl (&nobody, c.db, "time-off", "history", "999999", NULL);
  g_assert_cmpint (nobody.status, ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ctl/time-off/show", test_show);
  g_test_add_func ("/ctl/time-off/pending-approve-reject", test_pending_approve_reject);
  g_test_add_func ("/ctl/time-off/adjust", test_adjust);
  g_test_add_func ("/ctl/time-off/adjust-refused", test_adjust_refused);
  g_test_add_func ("/ctl/time-off/history-empty-year", test_history_empty_year);
  return g_test_run ();
}
