/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Who asked about what, sealed (issue 12, item 3), as the real programs
 * do it: a centre from before schema 20, with a request in plain text, is
 * sealed by learnhubd when it starts with the centre's key (learnhubctl,
 * run first, leaves it); then neither the database nor its WAL names the
 * topic, contact or outcome, and the API still gives them to the learner
 * and their ULR. */
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "core/advice-schema-19.h"
#include "core/checks-schema-24.h"
#include "core/committee-schema-32.h"
#include "core/equipment-schema-20.h"
#include "core/faults-schema-22.h"
#include "core/equality-schema-31.h"
#include "core/report-indexes-schema-35.h"
#include "core/released-schema-34.h"
#include "core/report-schema-33.h"
#include "core/lh-core-test.h"
#include "lh-api-client.h"
#include "lh-test-clock.h"
#include "lh-test-daemon.h"

/* A topic, contact and outcome the demo's plain text never holds. */
static const char * const asked[] = { "dyslexia", "phone", "referred-careers-service" };

static guint
count_held (const char *db_path)
{
  guint held = 0;

  for (guint i = 0; i < G_N_ELEMENTS (asked); i++)
    held += lh_test_files_hold (db_path, asked[i]);
  return held;
}

/* The centre back at schema 19, with Ann's appointment with Una (done,
 * one outcome) in plain text, as issue 12 found it. With user_data,
 * learnhubctl opens it next, before the daemon, and seals nothing. */
static void
setup_schema_19 (const char *db_path, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  /* A week ago: well within the retention. */
  g_autofree char *sql = g_strdup_printf (LH_TEST_UNDO_REPORT_INDEXES LH_TEST_UNDO_RELEASED_BOOKINGS LH_TEST_UNDO_REPORT_SECTIONS LH_TEST_UNDO_COMMITTEE LH_TEST_UNDO_EQUALITY
                                          LH_TEST_UNDO_CHECKS
                                          LH_TEST_UNDO_FAULTS
                                          LH_TEST_UNDO_EQUIPMENT
                                          LH_TEST_UNDO_ADVICE_SEALED
                                          "PRAGMA user_version = 19; "
                                          "CREATE TEMP TABLE t AS SELECT %" G_GINT64_FORMAT " AS at; ",
                                          lh_test_clock_now () - 7 * 86400);
  sqlite3 *db;

  lh_api_setup_advice_people (db_path, NULL);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO advice_slots (id, ulr_id, start_at, end_at, created_by, created_at) "
                                 "SELECT 9001, id, t.at, t.at + 1800, id, t.at - 86400 FROM people, t "
                                 "WHERE staff_number = 'AU1'; "
                                 "INSERT INTO advice_requests (id, learner_id, topic, mode, contact, slot_id, ulr_id, "
                                 "status, created_at, started_at, ended_at) "
                                 "SELECT 9001, l.id, 'dyslexia', 'appointment', 'phone', 9001, u.id, 'done', "
                                 "t.at - 86400, t.at, t.at + 1800 FROM people l, people u, t "
                                 "WHERE l.staff_number = 'AL1' AND u.staff_number = 'AU1'; "
                                 "INSERT INTO advice_outcomes VALUES (9001, 'referred-careers-service');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_cmpuint (count_held (db_path), ==, G_N_ELEMENTS (asked));
  if (user_data != NULL)
    {
      g_autofree char *out = lh_test_run_ctl (db_path, &error, "dropin", "list", NULL);

      g_assert_no_error (error);
      g_assert_cmpuint (count_held (db_path), ==, G_N_ELEMENTS (asked));
    }
}

/* The request as the record at path shows it to token's holder. */
static void
assert_record_shows_it (SoupSession *session, LhTestDaemon *daemon, const char *path, const char *token)
{
  g_autoptr(LhApiReply) reply = lh_api_call (session, daemon->base_url, "GET", path, token, NULL);
  JsonArray *requests;
  gboolean found = FALSE;

  g_assert_cmpuint (reply->status, ==, 200);
  requests = json_object_get_array_member (json_node_get_object (reply->json), "requests");
  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonObject *request = json_array_get_object_element (requests, i);
      JsonArray *outcomes;

      if (json_object_get_int_member (request, "id") != 9001)
        continue;
      found = TRUE;
      g_assert_cmpstr (json_object_get_string_member (request, "topic"), ==, "dyslexia");
      g_assert_cmpstr (json_object_get_string_member (request, "contact"), ==, "phone");
      outcomes = json_object_get_array_member (request, "outcomes");
      g_assert_cmpuint (json_array_get_length (outcomes), ==, 1);
      g_assert_cmpstr (json_array_get_string_element (outcomes, 0), ==, "referred-careers-service");
    }
  g_assert_true (found);
}

static void
check_sealed_and_read (gpointer ctl_first)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start_with_setup (NULL, setup_schema_19, ctl_first);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *learner = NULL;
  g_autofree char *ulr = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *learner_name = NULL;
  g_autofree char *ulr_name = NULL;
  gint64 learner_id = 0, ulr_id = 0;

  g_assert_cmpuint (count_held (daemon->db_path), ==, 0);
  learner = lh_api_sign_in_person (session, daemon, "AL1", LH_API_ADVICE_PIN, &learner_id, &learner_name);
  ulr = lh_api_sign_in_person (session, daemon, "AU1", LH_API_ADVICE_PIN, &ulr_id, &ulr_name);
  assert_record_shows_it (session, daemon, "/api/v1/me/record", learner);
  theirs = lh_api_path ("/api/v1/learners/%" G_GINT64_FORMAT "/record", learner_id);
  assert_record_shows_it (session, daemon, theirs, ulr);
  /* Still none after the daemon's own writes and a restart. */
  lh_test_daemon_restart (daemon, SIGTERM);
  g_assert_cmpuint (count_held (daemon->db_path), ==, 0);
}

static void
test_daemon_seals_at_start (void)
{
  check_sealed_and_read (NULL);
}

static void
test_ctl_leaves_sealing_to_daemon (void)
{
  check_sealed_and_read (GINT_TO_POINTER (1));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/api/sealed-requests/daemon-seals-at-start", test_daemon_seals_at_start);
  g_test_add_func ("/api/sealed-requests/ctl-leaves-sealing-to-daemon", test_ctl_leaves_sealing_to_daemon);
  return g_test_run ();
}
