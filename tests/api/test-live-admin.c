/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl while learnhubd runs (incident response without downtime):
 * the real learnhubctl changes the running centre's database, and the
 * real learnhubd acts on it at once. A revoked kiosk is refused and its
 * streams close, a reset PIN signs out whoever used the old one, a new
 * starter signs in, and the kiosks hear of a new group or drop-in. */
#include <sqlite3.h>
#include <string.h>

#include "lh-api-client.h"
#include "lh-api-listener.h"
#include "lh-event-hub.h"
#include "lh-test-clock.h"
#include "lh-test-daemon.h"

/* Runs learnhubctl on the running daemon's database; asserts it worked. */
static char *
run_ctl (LhTestDaemon *daemon, ...) G_GNUC_NULL_TERMINATED;

static char *
run_ctl (LhTestDaemon *daemon, ...)
{
  g_autoptr(GError) error = NULL;
  const char *args[16] = { NULL };
  va_list ap;
  guint n = 0;
  char *out;

  va_start (ap, daemon);
  while (n < G_N_ELEMENTS (args) - 1 && (args[n] = va_arg (ap, const char *)) != NULL)
    n++;
  va_end (ap);
  out = lh_test_run_ctl (daemon->db_path, &error, args[0], args[1], args[2], args[3], args[4], args[5],
                         args[6], args[7], args[8], args[9], args[10], args[11], args[12], args[13], NULL);
  g_assert_no_error (error);
  return out;
}

/* Waits (the main context running) until the stream closes, at most
 * seconds; returns its close code, or 0 if it is still open. */
static gushort
wait_closed (LhApiListener *listener, double seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (soup_websocket_connection_get_state (listener->connection) != SOUP_WEBSOCKET_STATE_CLOSED &&
         g_get_monotonic_time () < deadline)
    lh_api_spin (0.02);
  if (soup_websocket_connection_get_state (listener->connection) != SOUP_WEBSOCKET_STATE_CLOSED)
    return 0;
  return soup_websocket_connection_get_close_code (listener->connection);
}

static guint
status_of (SoupSession *session, LhTestDaemon *daemon, const char *method, const char *path, const char *token)
{
  g_autoptr(LhApiReply) reply = lh_api_call (session, daemon->base_url, method, path, token, NULL);

  return reply->status;
}

static guint
sign_in_status (SoupSession *session, LhTestDaemon *daemon, const char *device_token, const char *staff,
                const char *pin)
{
  g_autofree char *body = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff, pin);
  g_autoptr(LhApiReply) reply = lh_api_call (session, daemon->base_url, "POST", "/api/v1/sessions",
                                             device_token, body);

  return reply->status;
}

static void
test_revoked_kiosk_is_refused_at_once (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = NULL;
  g_autofree char *revoked = NULL;
  g_autofree char *person_token = NULL;
  g_autoptr(LhApiListener) own = NULL;
  g_autoptr(LhApiListener) signed_in = NULL;
  const char *staff, *pin;
  gint64 revoked_at;

  /* Added while the centre runs: usable at once. */
  token = g_strstrip (run_ctl (daemon, "device", "add", "Stolen kiosk", NULL));
  g_assert_cmpuint (status_of (session, daemon, "GET", "/api/v1/devices/current", token), ==, 200);
  g_assert_true (lh_test_daemon_account (daemon, "learner", &staff, &pin));
  person_token = lh_api_sign_in (session, daemon->base_url, token, staff, pin);
  own = lh_api_listen (session, daemon->base_url, token);
  signed_in = lh_api_listen (session, daemon->base_url, person_token);

  revoked = run_ctl (daemon, "device", "revoke", "Stolen kiosk", NULL);
  g_assert_nonnull (strstr (revoked, "revoked"));
  revoked_at = g_get_monotonic_time ();
  g_assert_cmpuint (status_of (session, daemon, "GET", "/api/v1/devices/current", token), ==, 401);
  g_assert_cmpuint (status_of (session, daemon, "GET", "/api/v1/me/bookings", person_token), ==, 401);
  /* Both streams close within a second, as at sign-out. */
  g_assert_cmpuint (wait_closed (own, 1.0), ==, LH_EVENT_CLOSE_UNAUTHORIZED);
  g_assert_cmpuint (wait_closed (signed_in, 1.0), ==, LH_EVENT_CLOSE_UNAUTHORIZED);
  g_assert_cmpint (g_get_monotonic_time () - revoked_at, <, G_USEC_PER_SEC);
  /* The other kiosks go on. */
  g_assert_cmpuint (status_of (session, daemon, "GET", "/api/v1/devices/current", daemon->device_token), ==, 200);
}

/* The new PIN in "New PIN for 100001 (Name): 123456". */
static char *
new_pin (const char *out)
{
  const char *colon = strrchr (out, ':');

  g_assert_nonnull (colon);
  return g_strstrip (g_strdup (colon + 1));
}

static void
test_pin_reset_signs_out_the_old_pin (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *old_session = NULL;
  g_autofree char *out = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *fresh = NULL;
  g_autoptr(LhApiListener) stream = NULL;
  const char *staff, *old_pin;

  g_assert_true (lh_test_daemon_account (daemon, "learner", &staff, &old_pin));
  old_session = lh_api_sign_in (session, daemon->base_url, daemon->device_token, staff, old_pin);
  stream = lh_api_listen (session, daemon->base_url, old_session);

  out = run_ctl (daemon, "pin-set", staff, NULL);
  pin = new_pin (out);
  g_assert_cmpuint (strlen (pin), ==, 6);

  /* Whoever signed in with the old PIN (it may have been seen) is out. */
  g_assert_cmpuint (status_of (session, daemon, "GET", "/api/v1/me/bookings", old_session), ==, 401);
  g_assert_cmpuint (wait_closed (stream, 1.0), ==, LH_EVENT_CLOSE_UNAUTHORIZED);
  g_assert_cmpuint (sign_in_status (session, daemon, daemon->device_token, staff, old_pin), ==, 401);
  fresh = lh_api_sign_in (session, daemon->base_url, daemon->device_token, staff, pin);
  g_assert_cmpuint (status_of (session, daemon, "GET", "/api/v1/me/bookings", fresh), ==, 200);
}

static void
test_new_starter_signs_in_at_once (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *csv = g_build_filename (daemon->dir, "starters.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *token = NULL;
  g_autofree char *admin_session = NULL;
  const char *admin, *admin_pin;

  g_assert_cmpuint (sign_in_status (session, daemon, daemon->device_token, "NS1001", "5173"), ==, 401);
  /* One starter, and an admin the roster now makes a learner only. */
  g_assert_true (lh_test_daemon_account (daemon, "admin", &admin, &admin_pin));
  admin_session = lh_api_sign_in (session, daemon->base_url, daemon->device_token, admin, admin_pin);
  g_assert_cmpuint (status_of (session, daemon, "GET", "/api/v1/devices", admin_session), ==, 200);
  {
    g_autofree char *text = g_strdup_printf ("staff_number,name,hours_per_week,roles,pin\n"
                                             "NS1001,New Starter,37.5,learner,5173\n"
                                             "%s,Former Admin,37.5,learner,\n", admin);

    g_assert_true (g_file_set_contents (csv, text, -1, NULL));
  }
  out = run_ctl (daemon, "import-staff", csv, NULL);
  g_assert_nonnull (strstr (out, "Added 1, updated 1"));

  token = lh_api_sign_in (session, daemon->base_url, daemon->device_token, "NS1001", "5173");
  g_assert_cmpuint (status_of (session, daemon, "GET", "/api/v1/me/bookings", token), ==, 200);
  /* Roles are read on every request: the old admin's session lost its power. */
  g_assert_cmpuint (status_of (session, daemon, "GET", "/api/v1/devices", admin_session), ==, 403);
}

/* The day `days` ahead of the tests' now, as YYYY-MM-DD. */
static char *
day_ahead (int days)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = lh_test_clock_now_in (tz);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);

  return g_date_time_format (day, "%Y-%m-%d");
}

/* How far ahead a learner may look is the rule in force, which an admin
 * changes with learnhubctl, not the centre's default of 60 days. */
static void
test_horizon_follows_the_rules (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *day_80 = day_ahead (80);
  g_autofree char *day_30 = day_ahead (30);
  g_autofree char *path_80 = g_strdup_printf ("/api/v1/availability?date=%s", day_80);
  g_autofree char *path_30 = g_strdup_printf ("/api/v1/availability?date=%s", day_30);
  g_autofree char *out = NULL;
  g_autoptr(LhApiReply) shorter = NULL;
  const char *staff, *pin;
  g_autofree char *token = NULL;

  g_assert_true (lh_test_daemon_account (daemon, "learner", &staff, &pin));
  token = lh_api_sign_in (session, daemon->base_url, daemon->device_token, staff, pin);
  /* The default: 60 days. */
  g_assert_cmpuint (status_of (session, daemon, "GET", path_30, token), ==, 200);
  g_assert_cmpuint (status_of (session, daemon, "GET", path_80, token), ==, 422);

  /* A rule in force from now, set beside the running daemon. (One change:
   * two at the same moment are refused.) */
  out = run_ctl (daemon, "rules", "set", "--horizon-days", "14", NULL);
  shorter = lh_api_call (session, daemon->base_url, "GET", path_30, token, NULL);
  g_assert_cmpuint (shorter->status, ==, 422);
  g_assert_cmpstr (lh_api_reply_string (shorter, "reason"), ==, "beyond-horizon");
  g_assert_cmpint (lh_api_reply_int (shorter, "horizon_days"), ==, 14);
}

/* "YYYY-MM-DD HH:MM", local, on a weekday at least `from` days ahead. */
static char *
local_start (int from, const char *time)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = lh_test_clock_now_in (tz);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, lh_api_weekday_ahead (from));
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

  return g_strdup_printf ("%s %s", date, time);
}

static void
test_kiosks_hear_of_timetable_changes (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(LhApiListener) kiosk = lh_api_listen (session, daemon->base_url, daemon->device_token);
  g_autofree char *group_start = local_start (3, "10:00");
  g_autofree char *dropin_start = local_start (2, "12:00");
  g_autofree char *group = NULL;
  g_autofree char *dropin = NULL;
  g_autoptr(JsonNode) group_event = NULL;
  g_autoptr(JsonNode) queue_event = NULL;

  /* At rest, nothing is said. */
  lh_api_spin (0.6);
  g_assert_cmpuint (kiosk->messages->len, ==, 0);

  group = run_ctl (daemon, "group", "add", "--leader", "100003", "--room", "Group room", "--title",
                   "English for work", "--start", group_start, "--minutes", "90", "--capacity", "6", NULL);
  group_event = lh_api_listener_wait (kiosk, "group-session-changed", NULL, 0);
  g_assert_nonnull (group_event);

  dropin = run_ctl (daemon, "dropin", "add", "--ulr", "100003", "--place", "Canteen", "--start", dropin_start,
                    "--minutes", "60", NULL);
  g_ptr_array_set_size (kiosk->messages, 0);
  queue_event = lh_api_listener_wait (kiosk, "queue-changed", NULL, 0);
  g_assert_nonnull (queue_event);
}

/* A fault reported or a check done with learnhubctl: the signed-in
 * admins hear of it at once, no learner nor a kiosk where no admin is. */
static void
test_admins_hear_of_equipment_changes (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *admin = lh_api_sign_in_as (session, daemon, "admin");
  g_autofree char *learner = lh_api_sign_in_as (session, daemon, "learner");
  g_autoptr(LhApiListener) to_admin = lh_api_listen (session, daemon->base_url, admin);
  g_autoptr(LhApiListener) to_learner = lh_api_listen (session, daemon->base_url, learner);
  g_autofree char *reported = NULL;
  g_autofree char *done = NULL;
  g_autoptr(JsonNode) faults = NULL;
  g_autoptr(JsonNode) notices = NULL;

  reported = run_ctl (daemon, "fault", "report", "LC-0203", "other", "Wobbles", NULL);
  faults = lh_api_listener_wait (to_admin, "faults-changed", NULL, 0);
  g_assert_nonnull (faults);
  done = run_ctl (daemon, "equipment", "check", "done", "2", "passed", NULL);
  g_ptr_array_set_size (to_admin->messages, 0);
  notices = lh_api_listener_wait (to_admin, "admin-notices-changed", NULL, 0);
  g_assert_nonnull (notices);
  lh_api_spin (0.3);
  g_assert_false (lh_api_listener_heard (to_learner, "faults-changed"));
  g_assert_false (lh_api_listener_heard (to_learner, "admin-notices-changed"));
}

/* A meeting or objective changed, through the API or with learnhubctl:
 * the signed-in committee members hear which kind changed, on their own
 * streams and the own stream of the kiosk they are at; nobody else: not a
 * learner, a ULR, an admin without the role, a kiosk where only a
 * learner is, nor a bare kiosk. */
static void
test_committee_hears_of_its_changes (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *committee = lh_api_sign_in_as (session, daemon, "learner,committee");
  g_autofree char *learners_kiosk = g_strstrip (run_ctl (daemon, "device", "add", "Canteen kiosk", NULL));
  g_autofree char *bare_kiosk = g_strstrip (run_ctl (daemon, "device", "add", "Corridor kiosk", NULL));
  g_autofree char *learner = NULL;
  g_autofree char *ulr = lh_api_sign_in_as (session, daemon, "learner,ulr");
  g_autofree char *admin = lh_api_sign_in_as (session, daemon, "admin");
  g_autoptr(LhApiListener) to_committee = lh_api_listen (session, daemon->base_url, committee);
  g_autoptr(LhApiListener) members_kiosk = lh_api_listen (session, daemon->base_url, daemon->device_token);
  const char *staff, *pin;
  LhApiListener *others[5];

  g_assert_true (lh_test_daemon_account (daemon, "learner", &staff, &pin));
  learner = lh_api_sign_in (session, daemon->base_url, learners_kiosk, staff, pin);
  others[0] = lh_api_listen (session, daemon->base_url, learner);
  others[1] = lh_api_listen (session, daemon->base_url, ulr);
  others[2] = lh_api_listen (session, daemon->base_url, admin);
  others[3] = lh_api_listen (session, daemon->base_url, learners_kiosk);
  others[4] = lh_api_listen (session, daemon->base_url, bare_kiosk);
  g_autoptr(LhApiReply) meeting = NULL;
  g_autoptr(LhApiReply) objective = NULL;
  g_autoptr(JsonNode) heard = NULL;
  g_autofree char *added = NULL;

  meeting = lh_api_call (session, daemon->base_url, "POST", "/api/v1/committee/meetings", committee,
                         "{\"starts_at\": \"2027-02-10T14:00:00Z\", \"place\": \"Training room\"}");
  g_assert_cmpuint (meeting->status, ==, 201);
  heard = lh_api_listener_wait (to_committee, "committee-changed", NULL, 0);
  g_assert_nonnull (heard);
  /* The kind, and nothing of the meeting nor of anyone. */
  g_assert_cmpuint (json_object_get_size (json_node_get_object (heard)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (heard), "kind"), ==, "meetings");
  g_clear_pointer (&heard, json_node_unref);
  /* The kiosk the member is at hears it too: its pages are theirs. */
  heard = lh_api_listener_wait (members_kiosk, "committee-changed", NULL, 0);
  g_assert_nonnull (heard);
  g_clear_pointer (&heard, json_node_unref);

  g_ptr_array_set_size (to_committee->messages, 0);
  objective = lh_api_call (session, daemon->base_url, "POST", "/api/v1/committee/action-plan", committee,
                           "{\"number\": 91, \"activity\": \"ESOL tasters\", \"by_whom\": \"Lead ULR\", "
                           "\"due_day\": \"2027-03-31\"}");
  g_assert_cmpuint (objective->status, ==, 201);
  heard = lh_api_listener_wait (to_committee, "committee-changed", NULL, 0);
  g_assert_nonnull (heard);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (heard), "kind"), ==, "action-plan");
  g_clear_pointer (&heard, json_node_unref);

  g_ptr_array_set_size (to_committee->messages, 0);
  added = run_ctl (daemon, "meetings", "add", "--start", "2027-04-14 14:00", "--place", "Canteen", NULL);
  heard = lh_api_listener_wait (to_committee, "committee-changed", NULL, 0);
  g_assert_nonnull (heard);

  lh_api_spin (0.3);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_assert_false (lh_api_listener_heard (others[i], "committee-changed"));
      lh_api_listener_free (others[i]);
    }
}

/* Runs sql on the running daemon's database, as another process would. */
static void
change_database (LhTestDaemon *daemon, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (daemon->db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);
}

/* A PC with no computer in the inventory, reported with learnhubctl: once
 * its fault is overdue, the admins hear of it by the PC's name, its
 * asset tag null (not a "(null)" string), and the notice names the PC. */
static void
test_overdue_fault_of_a_pc_names_it (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *admin = lh_api_sign_in_as (session, daemon, "admin");
  g_autoptr(LhApiListener) to_admin = lh_api_listen (session, daemon->base_url, admin);
  g_autofree char *unlinked = run_ctl (daemon, "equipment", "add", "LC-0003", "--kind", "computer", "--pc", "none",
                                       NULL);
  g_autofree char *reported = run_ctl (daemon, "fault", "report", "--pc", "PC 3", "sound", "Crackles", NULL);
  g_autoptr(JsonNode) overdue = NULL;
  g_autoptr(LhApiReply) notices = NULL;
  JsonObject *data, *notice = NULL;
  JsonArray *list;

  g_assert_nonnull (strstr (reported, "(PC 3, sound)"));
  /* Reported a month ago: the housekeeper finds it overdue at once. */
  change_database (daemon, "UPDATE faults SET reported_at = reported_at - 30 * 86400 "
                           "WHERE resource_id IS NOT NULL AND repaired_at IS NULL");
  overdue = lh_api_listener_wait (to_admin, "fault-overdue", NULL, 0);
  g_assert_nonnull (overdue);
  data = json_node_get_object (overdue);
  g_assert_true (json_object_get_null_member (data, "asset_tag"));
  g_assert_cmpstr (json_object_get_string_member (data, "pc"), ==, "PC 3");
  g_assert_cmpstr (json_object_get_string_member (data, "category"), ==, "sound");

  notices = lh_api_call (session, daemon->base_url, "GET", "/api/v1/admin-notices", admin, NULL);
  g_assert_cmpuint (notices->status, ==, 200);
  list = json_object_get_array_member (json_node_get_object (notices->json), "notices");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *each = json_array_get_object_element (list, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (each, "pc", NULL), "PC 3") == 0)
        notice = each;
    }
  g_assert_nonnull (notice);
  g_assert_cmpstr (json_object_get_string_member (notice, "type"), ==, "fault-overdue");
  g_assert_true (json_object_get_null_member (notice, "asset_tag"));
  (void) unlinked;
}

static void
test_reading_changes_nothing (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(LhApiListener) kiosk = lh_api_listen (session, daemon->base_url, daemon->device_token);
  g_autofree char *devices = run_ctl (daemon, "device", "list", NULL);
  g_autofree char *groups = run_ctl (daemon, "group", "list", NULL);

  g_assert_nonnull (strstr (devices, "last seen"));
  /* The daemon acts only when another process commits: a listing is not
   * a change, so no kiosk is asked to read everything again. */
  lh_api_spin (0.8);
  g_assert_cmpuint (kiosk->messages->len, ==, 0);
  (void) groups;
}

static void
exited_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

/* The monthly roster (hundreds of rows, one transaction) imported while
 * kiosks write: they wait their turn for milliseconds, and none is told
 * the centre is busy (503). */
static void
test_roster_import_keeps_kiosks_served (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *csv = g_build_filename (daemon->dir, "roster.csv", NULL);
  g_autoptr(GString) text = g_string_new ("staff_number,name,hours_per_week,roles\n");
  g_autoptr(GSubprocess) import = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exited = FALSE;
  guint served = 0;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (text, "RS%04u,Roster Person %u,37.5,learner\n", i, i);
  g_assert_true (g_file_set_contents (csv, text->str, -1, NULL));
  import = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, g_getenv ("LEARNHUBCTL"),
                             "--db", daemon->db_path, "import-staff", csv, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (import, NULL, exited_cb, &exited);
  while (!exited || served < 20)
    {
      g_assert_cmpuint (status_of (session, daemon, "POST", "/api/v1/devices/heartbeat", daemon->device_token),
                        ==, 204);
      served++;
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_true (g_subprocess_get_if_exited (import));
  g_assert_cmpint (g_subprocess_get_exit_status (import), ==, 0);
  g_test_message ("%u heartbeats answered while the roster was imported", served);
}

int
main (int argc, char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/api/live-admin/revoked-kiosk-is-refused-at-once", test_revoked_kiosk_is_refused_at_once);
  g_test_add_func ("/api/live-admin/pin-reset-signs-out-the-old-pin", test_pin_reset_signs_out_the_old_pin);
  g_test_add_func ("/api/live-admin/new-starter-signs-in-at-once", test_new_starter_signs_in_at_once);
  g_test_add_func ("/api/live-admin/kiosks-hear-of-timetable-changes", test_kiosks_hear_of_timetable_changes);
  g_test_add_func ("/api/live-admin/admins-hear-of-equipment-changes", test_admins_hear_of_equipment_changes);
  g_test_add_func ("/api/live-admin/committee-hears-of-its-changes", test_committee_hears_of_its_changes);
  g_test_add_func ("/api/live-admin/overdue-fault-of-a-pc-names-it", test_overdue_fault_of_a_pc_names_it);
  g_test_add_func ("/api/live-admin/reading-changes-nothing", test_reading_changes_nothing);
  g_test_add_func ("/api/live-admin/roster-import-keeps-kiosks-served", test_roster_import_keeps_kiosks_served);
  g_test_add_func ("/api/live-admin/horizon-follows-the-rules", test_horizon_follows_the_rules);
  result = g_test_run ();
  lh_api_client_forget ();
  return result;
}
