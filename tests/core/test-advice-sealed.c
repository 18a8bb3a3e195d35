/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Who asked about what is sealed (issue 12, item 3): a copy of the
 * database, its WAL included, read as bytes or with plain SQL, names no
 * topic, contact or outcome; rows from before schema 20 are sealed when
 * the database is opened with the key; the committee's counts still
 * come out right, after retention too. */
#include <string.h>

#include "advice-sealed-fixture.h"
#include "advice-schema-19.h"
#include "equipment-schema-20.h"
#include "checks-schema-24.h"
#include "committee-schema-32.h"
#include "faults-schema-22.h"
#include "equality-schema-31.h"
#include "report-indexes-schema-35.h"
#include "released-schema-34.h"
#include "report-schema-33.h"
#include "lh-advice.h"
#include "lh-advice-counts.h"
#include "lh-advice-private.h"
#include "lh-advice-record.h"
#include "lh-advice-sealed.h"
#include "lh-core-test.h"
#include "lh-dropins.h"
#include "lh-error.h"
#include "lh-time.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW    1795435200

/* Words that appear nowhere in the schema: only a request could put them
 * in the file. */
static const char * const asked[] = {
  "dyslexia", "higher-education", "referred-careers-service", "time-to-train-explained", "phone", "email",
  /* issue 15: the number and the address, and the number's digits alone */
  SEALED_PHONE, "900461", "ben.okafor@example.org",
};

/* The database and its WAL as bytes. */
static void
assert_files_hold_none (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  /* The names are not secret, and are there: the search works. */
  g_assert_true (lh_test_file_contains (path, "Amira Khan") || lh_test_file_contains (wal, "Amira Khan"));
  for (guint i = 0; i < G_N_ELEMENTS (asked); i++)
    {
      g_assert_false (lh_test_file_contains (path, asked[i]));
      g_assert_false (lh_test_file_contains (wal, asked[i]));
    }
}

/* Every value of every table, read with plain SQL, as text. */
static void
assert_tables_hold_none (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *tables;
  guint n_tables = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'", -1, &tables, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (rows); c++)
          {
            const char *text = (const char *) sqlite3_column_text (rows, c);

            for (guint i = 0; text != NULL && i < G_N_ELEMENTS (asked); i++)
              g_assert_null (strstr (text, asked[i]));
          }
      sqlite3_finalize (rows);
      n_tables++;
    }
  sqlite3_finalize (tables);
  g_assert_cmpuint (n_tables, >, 10);
  sqlite3_close (db);
}

static LhAdviceRequest *
read_as (Fixture *f, gint64 request_id, gint64 viewer)
{
  g_autoptr(GError) error = NULL;
  LhAdviceRequest *request = lh_advice_request_get (f->ts->store, f->centre, request_id, viewer, NOW, &error);

  g_assert_no_error (error);
  return request;
}

static void
test_what_sealed_at_rest (Fixture *f, gconstpointer data)
{
  const char * const outcomes[] = { "time-to-train-explained", "referred-careers-service", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceSlot) slot = NULL;
  g_autoptr(LhAdviceRequest) booked = NULL;
  g_autoptr(LhAdviceRequest) own = NULL;
  g_autoptr(LhAdviceRequest) ulrs = NULL;
  gint64 asked_id = ask (f, f->amira, "dyslexia", "phone", NOW, outcomes);

  slot = lh_advice_slots_offer (f->ts->store, f->sue, f->sue, NOW + DAY, NOW + DAY + 30 * MINUTE, "", NOW, &error);
  g_assert_no_error (error);
  booked = lh_advice_request_create (f->ts->store, f->centre, f->ben, "higher-education", "appointment", "email",
                                     "ben.okafor@example.org",
                                     NULL, 0, slot->id, NOW, &error);
  g_assert_no_error (error);

  assert_files_hold_none (f->ts->path);
  assert_tables_hold_none (f->ts->path);
  /* One size whatever the topic, and however many outcomes. */
  g_assert_cmpint (lh_test_query_int (f->ts->store,
                                      "SELECT count(DISTINCT length (sealed)) FROM advice_requests"), ==, 1);

  /* The learner and their ULR read it all. */
  own = read_as (f, asked_id, f->amira);
  ulrs = read_as (f, asked_id, f->sue);
  for (LhAdviceRequest *r = own; r != NULL; r = r == own ? ulrs : NULL)
    {
      g_assert_cmpstr (r->topic, ==, "dyslexia");
      g_assert_cmpstr (r->contact, ==, "phone");
      g_assert_cmpstr (r->contact_detail, ==, SEALED_PHONE);
      g_assert_cmpuint (g_strv_length (r->outcomes), ==, 2);
      g_assert_cmpstr (r->outcomes[0], ==, "referred-careers-service");
      g_assert_cmpstr (r->outcomes[1], ==, "time-to-train-explained");
    }
  g_clear_pointer (&own, lh_advice_request_free);
  own = read_as (f, booked->id, f->ben);
  g_assert_cmpstr (own->topic, ==, "higher-education");
  g_assert_cmpstr (own->contact, ==, "email");
  g_assert_cmpstr (own->contact_detail, ==, "ben.okafor@example.org");
  g_assert_cmpuint (g_strv_length (own->outcomes), ==, 0);
}

/* Back to schema 19, with a request in plain text as it kept them. */
static gint64
write_schema_19_request (Fixture *f)
{
  gint64 dropin = open_dropin (f, NOW - HOUR, NOW + HOUR);
  g_autofree char *sql = NULL;
  sqlite3 *db;

  g_clear_object (&f->ts->store);
  sql = g_strdup_printf (LH_TEST_UNDO_REPORT_INDEXES LH_TEST_UNDO_RELEASED_BOOKINGS LH_TEST_UNDO_REPORT_SECTIONS LH_TEST_UNDO_COMMITTEE LH_TEST_UNDO_EQUALITY LH_TEST_UNDO_CHECKS LH_TEST_UNDO_FAULTS LH_TEST_UNDO_EQUIPMENT LH_TEST_UNDO_ADVICE_SEALED
                         "PRAGMA user_version = 19; "
                         "INSERT INTO advice_requests (id, learner_id, topic, mode, contact, dropin_id, ticket, "
                         "ulr_id, status, created_at, called_at, started_at, ended_at) VALUES "
                         "(7, %" G_GINT64_FORMAT ", 'dyslexia', 'queue', 'phone', %" G_GINT64_FORMAT ", 1, "
                         "%" G_GINT64_FORMAT ", 'done', %d, %d, %d, %d); "
                         "INSERT INTO advice_requests (id, learner_id, topic, mode, dropin_id, ticket, status, "
                         "created_at) VALUES (8, %" G_GINT64_FORMAT ", 'higher-education', 'queue', "
                         "%" G_GINT64_FORMAT ", 2, 'waiting', %d); "
                         "INSERT INTO advice_outcomes VALUES (7, 'time-to-train-explained'), "
                         "(7, 'referred-careers-service');",
                         f->amira, dropin, f->sue, NOW - 50 * MINUTE, NOW - 40 * MINUTE, NOW - 40 * MINUTE,
                         NOW - 30 * MINUTE, f->ben, dropin, NOW - 20 * MINUTE);
  g_assert_cmpint (sqlite3_open (f->ts->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  /* What issue 12 found. */
  g_assert_true (lh_test_file_contains (f->ts->path, "dyslexia"));
  return dropin;
}

static void
test_migration_seals_plain_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(LhCentre) keyless = lh_centre_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) seen = NULL;
  g_autoptr(LhAdviceRequest) waiting = NULL;
  LhStore *store;

  write_schema_19_request (f);

  /* Without the key the rows cannot be sealed, and are not read. */
  store = lh_advice_store_open (f->ts->path, keyless, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INTERNAL);
  g_assert_null (store);
  g_clear_error (&error);

  f->ts->store = lh_advice_store_open (f->ts->path, f->centre, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lh_store_get_schema_version (f->ts->store), ==, lh_store_get_latest_version ());
  g_assert_cmpint (lh_test_query_int (f->ts->store,
                                      "SELECT count(*) FROM sqlite_schema WHERE name = 'advice_unsealed'"),
                   ==, 0);
  assert_files_hold_none (f->ts->path);
  assert_tables_hold_none (f->ts->path);

  seen = read_as (f, 7, f->amira);
  g_assert_cmpstr (seen->topic, ==, "dyslexia");
  g_assert_cmpstr (seen->contact, ==, "phone");
  g_assert_null (seen->contact_detail);
  g_assert_cmpstr (seen->status, ==, "done");
  g_assert_cmpuint (g_strv_length (seen->outcomes), ==, 2);
  g_assert_cmpstr (seen->outcomes[0], ==, "referred-careers-service");
  g_assert_cmpstr (seen->outcomes[1], ==, "time-to-train-explained");
  waiting = read_as (f, 8, f->ben);
  g_assert_cmpstr (waiting->topic, ==, "higher-education");
  g_assert_null (waiting->contact);
  g_assert_cmpuint (g_strv_length (waiting->outcomes), ==, 0);
  g_assert_cmpint (waiting->position, ==, 1);

  /* Once sealed, opening again has nothing to do. */
  g_clear_object (&f->ts->store);
  f->ts->store = lh_advice_store_open (f->ts->path, keyless, &error);
  g_assert_no_error (error);
}

/* Another program's key, found first after an upgrade, seals nothing:
 * the centre's notes, sealed with its own key, do not open with it. */
static void
test_other_key_refused_before_sealing (Fixture *f, gconstpointer data)
{
  g_autoptr(LhCentre) other = lh_centre_new_default ();
  g_autoptr(GError) error = NULL;
  LhStore *store;
  sqlite3 *db;
  sqlite3_stmt *count;

  /* Its note is sealed with the centre's key. */
  ask (f, f->cara, "esol", "here", NOW - DAY, NULL);
  write_schema_19_request (f);
  other->note_key = lh_note_key_new_random ();
  store = lh_advice_store_open (f->ts->path, other, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "/etc/learnhub/notes.key"));
  g_assert_null (store);
  g_clear_error (&error);

  /* The plain rows wait for the right key. */
  g_assert_cmpint (sqlite3_open (f->ts->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM advice_unsealed", -1, &count, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (count), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (count, 0), ==, 3);
  sqlite3_finalize (count);
  sqlite3_close (db);

  f->ts->store = lh_advice_store_open (f->ts->path, f->centre, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lh_test_query_int (f->ts->store,
                                      "SELECT count(*) FROM advice_requests WHERE sealed IS NULL"), ==, 0);
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM notes_key_check"), ==, 1);
}

/* Once a database has recorded its key, any other is refused, though
 * nothing is left to seal. */
static void
test_wrong_key_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(LhCentre) other = lh_centre_new_default ();
  g_autoptr(GError) error = NULL;
  LhStore *store;

  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT count(*) FROM notes_key_check"), ==, 1);
  g_clear_object (&f->ts->store);
  other->note_key = lh_note_key_new_random ();
  store = lh_advice_store_open (f->ts->path, other, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not the one the centre's advice was sealed with"));
  g_assert_null (store);
  g_clear_error (&error);

  f->ts->store = lh_advice_store_open (f->ts->path, f->centre, &error);
  g_assert_no_error (error);
}

/* A request with no seal would have no topic: neither a new one nor
 * one whose seal is taken away is kept. */
static void
test_unsealed_request_refused (Fixture *f, gconstpointer data)
{
  static const char * const statements[] = {
    "INSERT INTO advice_requests (learner_id, mode, status, created_at) VALUES (?1, 'queue', 'waiting', 0)",
    "UPDATE advice_requests SET sealed = NULL WHERE id = ?2",
  };
  gint64 asked_id = ask (f, f->amira, "esol", "here", NOW, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LhStmt) stmt = lh_store_prepare (f->ts->store, statements[i], &error);

      g_assert_no_error (error);
      sqlite3_bind_int64 (stmt, 1, f->ben);
      if (sqlite3_bind_parameter_count (stmt) > 1)
        sqlite3_bind_int64 (stmt, 2, asked_id);
      g_assert_false (lh_store_exec (f->ts->store, stmt, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "needs its sealed topic"));
    }
  g_assert_cmpint (lh_test_query_int (f->ts->store,
                                      "SELECT count(*) FROM advice_requests WHERE sealed IS NULL"), ==, 0);
}

/* The period's counts: requests in all, those of topic, those with
 * outcome, and outcomes in all. */
static void
assert_counts (Fixture *f, gint64 from, gint64 to, int requests, const char *topic, int n_topic,
               const char *outcome, int n_outcome, int all_outcomes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceCounts) counts = lh_advice_count (f->ts->store, f->centre, from, to, &error);
  int topics = 0, outcomes = 0;

  g_assert_no_error (error);
  g_assert_cmpint (counts->requests, ==, requests);
  for (guint i = 0; lh_advice_topics[i] != NULL; i++)
    {
      topics += counts->by_topic[i];
      if (g_str_equal (lh_advice_topics[i], topic))
        g_assert_cmpint (counts->by_topic[i], ==, n_topic);
    }
  g_assert_cmpint (topics, ==, requests);
  for (guint i = 0; lh_advice_outcomes[i] != NULL; i++)
    {
      outcomes += counts->by_outcome[i];
      if (g_str_equal (lh_advice_outcomes[i], outcome))
        g_assert_cmpint (counts->by_outcome[i], ==, n_outcome);
    }
  g_assert_cmpint (outcomes, ==, all_outcomes);
  g_assert_cmpint (counts->unreadable, ==, 0);
}

static void
test_counts (Fixture *f, gconstpointer data)
{
  const char * const signposted[] = { "signposted-course", NULL };
  const char * const two[] = { "signposted-course", "assessment-booked", NULL };
  const char * const funding[] = { "funding-advice", NULL };
  gint64 today = lh_time_local_midnight (NOW, f->centre->tz);
  gint64 later = NOW + (gint64) 25 * 31 * DAY;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceCounts) none = NULL;
  guint n = 0;

  ask (f, f->amira, "dyslexia", "here", NOW - 3 * DAY, signposted);
  ask (f, f->ben, "esol", "phone", NOW - 2 * DAY, two);
  ask (f, f->cara, "esol", "at-work", NOW - DAY, funding);
  ask (f, f->amira, "digital", "email", NOW, NULL);

  /* The last three days, today included; the day before alone. */
  assert_counts (f, today - 2 * DAY, today + DAY, 3, "esol", 2, "signposted-course", 1, 3);
  assert_counts (f, today - 2 * DAY, today + DAY, 3, "digital", 1, "funding-advice", 1, 3);
  assert_counts (f, today - 2 * DAY, today + DAY, 3, "dyslexia", 0, "assessment-booked", 1, 3);
  assert_counts (f, today - 3 * DAY, today - 2 * DAY, 1, "dyslexia", 1, "signposted-course", 1, 1);
  assert_counts (f, today + DAY, today + 2 * DAY, 0, "esol", 0, "signposted-course", 0, 0);

  /* Retention anonymises every request: the counts stay, the way to
   * reach them goes. */
  g_assert_true (lh_advice_expire (f->ts->store, f->centre, later, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (lh_test_query_int (f->ts->store,
                                      "SELECT count(*) FROM advice_requests WHERE learner_id IS NOT NULL"),
                   ==, 0);
  assert_counts (f, today - 2 * DAY, today + DAY, 3, "esol", 2, "signposted-course", 1, 3);
  assert_counts (f, today - 2 * DAY, today + DAY, 3, "digital", 1, "funding-advice", 1, 3);
  assert_counts (f, today - 3 * DAY, today - 2 * DAY, 1, "dyslexia", 1, "signposted-course", 1, 1);
  {
    g_autoptr(LhAdviceRequest) left = lh_advice_request_get_unchecked (f->ts->store, f->centre, 2, later, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (left->topic, ==, "esol");
    g_assert_null (left->contact);
    g_assert_cmpuint (g_strv_length (left->outcomes), ==, 2);
  }

  /* A period that ends before it starts. */
  none = lh_advice_count (f->ts->store, f->centre, today, today, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_null (none);
}

/* The counts read the period's requests by time, not every year's. */
static void
test_counts_read_an_index_range (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  /* The very text lh_advice_count() runs. */
  g_autoptr(LhStmt) plan = lh_store_prepare (f->ts->store, "EXPLAIN QUERY PLAN " LH_ADVICE_COUNTS_SQL, &error);
  gboolean has_row;

  g_assert_no_error (error);
  g_assert_true (lh_store_step (f->ts->store, plan, &has_row, &error));
  g_assert_true (has_row);
  g_test_message ("%s", sqlite3_column_text (plan, 3));
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (plan, 3),
                            "SEARCH advice_requests USING INDEX advice_requests_by_time (created_at>? AND created_at<?)"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/lh/advice-sealed/what-sealed-at-rest", test_what_sealed_at_rest);
  ADD ("/lh/advice-sealed/migration-seals-plain-rows", test_migration_seals_plain_rows);
  ADD ("/lh/advice-sealed/other-key-refused-before-sealing", test_other_key_refused_before_sealing);
  ADD ("/lh/advice-sealed/wrong-key-refused", test_wrong_key_refused);
  ADD ("/lh/advice-sealed/unsealed-request-refused", test_unsealed_request_refused);
  ADD ("/lh/advice-sealed/counts", test_counts);
  ADD ("/lh/advice-sealed/counts-read-an-index-range", test_counts_read_an_index_range);
#undef ADD
  return g_test_run ();
}
