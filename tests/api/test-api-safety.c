/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What must hold whatever happens: concurrent requests for one slot, a
 * crash right after a confirmed booking, a clean stop, TLS, calendar
 * links that a copy of the database does not give away, heads too large
 * for libsoup. */
/* memmem() */
#define _GNU_SOURCE
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "lh-api-client.h"
#include "lh-test-daemon.h"

#define RACERS 8

typedef struct
{
  guint n_done;
  guint n_created;   /* 201 */
  guint n_waiting;   /* 202: in the waiting list */
  guint n_conflict;  /* 409 */
} Race;

static void
race_reply_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Race *race = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);

  if (soup_message_get_status (msg) == 201)
    race->n_created++;
  else if (soup_message_get_status (msg) == 202)
    race->n_waiting++;
  else if (soup_message_get_status (msg) == 409)
    race->n_conflict++;
  race->n_done++;
}

static char *
slot_body (int pc, int day, int hour)
{
  g_autofree char *start = lh_api_day_at (day, hour);
  g_autofree char *end = lh_api_day_at (day, hour + 1);

  return g_strdup_printf ("{\"resource_id\":%d,\"start\":\"%s\",\"end\":\"%s\"}", pc, start, end);
}

/* Within the booking horizon (a weekday's opening hours are from 07:00),
 * an hour nobody has booked on PC pc (1 to 8), from from_day on. */
static char *
free_body_on (SoupSession *session, LhTestDaemon *daemon, const char *token, int pc, int from_day, int *out_day)
{
  for (int day = from_day; day <= 14; day++)
    for (int hour = 7; hour < 20; hour++)
      {
        g_autofree char *body = slot_body (pc, day, hour);
        g_autofree char *start = lh_api_day_at (day, hour);
        g_autofree char *date = g_strndup (start, 10);
        g_autofree char *path = g_strdup_printf ("/api/v1/availability?date=%s", date);
        g_autoptr(LhApiReply) reply = lh_api_call (session, daemon->base_url, "GET", path, token, NULL);
        JsonArray *resources = json_object_get_array_member (json_node_get_object (reply->json), "resources");
        JsonObject *resource = json_array_get_object_element (resources, pc - 1);
        JsonArray *free = json_object_get_array_member (resource, "free");
        g_autoptr(GDateTime) want = g_date_time_new_from_iso8601 (start, NULL);

        for (guint i = 0; i < json_array_get_length (free); i++)
          {
            JsonObject *f = json_array_get_object_element (free, i);
            g_autoptr(GDateTime) fs = g_date_time_new_from_iso8601 (json_object_get_string_member (f, "start"), NULL);
            g_autoptr(GDateTime) fe = g_date_time_new_from_iso8601 (json_object_get_string_member (f, "end"), NULL);

            if (g_date_time_compare (fs, want) <= 0 && g_date_time_difference (fe, want) >= G_TIME_SPAN_HOUR)
              {
                *out_day = day;
                return g_steal_pointer (&body);
              }
          }
      }
  g_assert_not_reached ();
}

static char *
free_body (SoupSession *session, LhTestDaemon *daemon, const char *token, int *out_day)
{
  return free_body_on (session, daemon, token, 8, 1, out_day);
}

/* Signs in RACERS different learners (none a ULR, who may assess). */
static GPtrArray *
sign_in_racers (SoupSession *session, LhTestDaemon *daemon)
{
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (daemon->demo), "accounts");
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; tokens->len < RACERS; i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      JsonArray *roles = json_object_get_array_member (account, "roles");

      if (json_array_get_length (roles) == 1 && g_str_equal (json_array_get_string_element (roles, 0), "learner") &&
          !json_object_get_boolean_member (account, "guest"))
        g_ptr_array_add (tokens, lh_api_sign_in (session, daemon->base_url, daemon->device_token,
                                                 json_object_get_string_member (account, "staff_number"),
                                                 json_object_get_string_member (account, "pin")));
    }
  return tokens;
}

/* POSTs body (nullable) to path all at once, each from a different person. */
static void
race (SoupSession *session, LhTestDaemon *daemon, GPtrArray *tokens, const char *path, const char *body,
      Race *race)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      g_autofree char *url = g_strconcat (daemon->base_url, path, NULL);
      g_autofree char *auth = g_strconcat ("Bearer ", (char *) g_ptr_array_index (tokens, i), NULL);
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
      if (body != NULL)
        {
          g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
          soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
        }
      soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, race_reply_cb, race);
    }
  while (race->n_done < tokens->len)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_race_one_winner (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("max-conns", 64, "max-conns-per-host", 64, NULL);
  g_autoptr(GPtrArray) tokens = sign_in_racers (session, daemon);
  g_autofree char *body = NULL;
  Race result = { 0 };
  int day;

  body = free_body (session, daemon, g_ptr_array_index (tokens, 0), &day);
  race (session, daemon, tokens, "/api/v1/bookings", body, &result);
  g_assert_cmpuint (result.n_created, ==, 1);
  g_assert_cmpuint (result.n_conflict, ==, RACERS - 1);
}

/* The last place of a group session, and one assessment slot: of many
 * asking at once, one gets it (the others wait in line for the group, and
 * are told it is taken for the slot). */
static void
test_race_last_place_and_slot (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("max-conns", 64, "max-conns-per-host", 64, NULL);
  g_autoptr(GPtrArray) tokens = sign_in_racers (session, daemon);
  const char *staff, *pin;
  g_autofree char *ulr = NULL;
  g_autoptr(LhApiReply) group = NULL;
  g_autoptr(LhApiReply) slot = NULL;
  g_autoptr(LhApiReply) places = NULL;
  g_autofree char *places_path = NULL;
  g_autofree char *slot_path = NULL;
  g_autofree char *slot_start = lh_api_day_at (9, 6);
  g_autofree char *slot_end = lh_api_day_at (9, 7);
  g_autofree char *slot_body = g_strdup_printf ("{\"subject\":\"english\",\"start\":\"%s\",\"end\":\"%s\"}",
                                                slot_start, slot_end);
  Race for_place = { 0 };
  Race for_slot = { 0 };

  g_assert_true (lh_test_daemon_account (daemon, "learner,ulr", &staff, &pin));
  ulr = lh_api_sign_in (session, daemon->base_url, daemon->device_token, staff, pin);
  /* A group of one in the room, on the first weekday afternoon it is free. */
  for (int day = 8; day <= 20 && (group == NULL || group->status != 201); day++)
    {
      g_autofree char *start = lh_api_day_at (day, 15);
      g_autofree char *end = lh_api_day_at (day, 16);
      g_autofree char *body = g_strdup_printf ("{\"resource_id\":9,\"title\":\"One to one\",\"start\":\"%s\","
                                               "\"end\":\"%s\",\"capacity\":1}", start, end);

      g_clear_pointer (&group, lh_api_reply_free);
      group = lh_api_call (session, daemon->base_url, "POST", "/api/v1/group-sessions", ulr, body);
    }
  g_assert_cmpuint (group->status, ==, 201);
  places_path = g_strdup_printf ("/api/v1/group-sessions/%" G_GINT64_FORMAT "/places", lh_api_reply_int (group, "id"));
  race (session, daemon, tokens, places_path, NULL, &for_place);
  g_assert_cmpuint (for_place.n_created, ==, 1);
  g_assert_cmpuint (for_place.n_waiting, ==, RACERS - 1);

  slot = lh_api_call (session, daemon->base_url, "POST", "/api/v1/assessment-slots", ulr, slot_body);
  g_assert_cmpuint (slot->status, ==, 201);
  slot_path = g_strdup_printf ("/api/v1/assessment-slots/%" G_GINT64_FORMAT "/booking", lh_api_reply_int (slot, "id"));
  race (session, daemon, tokens, slot_path, NULL, &for_slot);
  g_assert_cmpuint (for_slot.n_created, ==, 1);
  g_assert_cmpuint (for_slot.n_conflict, ==, RACERS - 1);
}

/* A chunked body has no length to check first: refused before it is read. */
static void
test_chunked_body_refused (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (daemon->base_url, "/api/v1/sessions", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data ("{\"a\":1}", 7, NULL);
  g_autoptr(GBytes) reply = NULL;

  /* A stream of unknown length goes out chunked. */
  soup_message_set_request_body (msg, "application/json", stream, -1);
  reply = soup_session_send_and_read (session, msg, NULL, NULL);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 413);
}

static gint64
resident_kib (GSubprocess *process)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (process));
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);
  return g_ascii_strtoll (line + strlen ("VmRSS:"), NULL, 10);
}

/* A body far over the limit, announced by its length: refused from the
 * headers, and what still arrives is dropped, not kept in memory. */
static void
test_huge_body_not_kept (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = g_socket_client_connect_to_host (client, "127.0.0.1", daemon->port,
                                                                            NULL, NULL);
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  const gsize chunk = 64 * 1024, total = 96 * 1024 * 1024;
  g_autofree char *zeros = g_malloc0 (chunk);
  g_autofree char *headers = g_strdup_printf ("POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                              "Content-Type: application/json\r\n"
                                              "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", total);
  char answer[4096] = { 0 };
  gsize got = 0;
  gint64 before;

  g_assert_nonnull (connection);
  before = resident_kib (daemon->process);
  g_assert_true (g_output_stream_write_all (out, headers, strlen (headers), NULL, NULL, NULL));
  /* The daemon may close before all of it is sent: that is fine. */
  for (gsize sent = 0; sent < total; sent += chunk)
    if (!g_output_stream_write_all (out, zeros, chunk, NULL, NULL, NULL))
      break;
  g_input_stream_read_all (in, answer, sizeof answer - 1, &got, NULL, NULL);
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 413"));
  g_assert_nonnull (strstr (answer, "Connection: close"));
  g_test_message ("resident before %" G_GINT64_FORMAT " KiB, after %" G_GINT64_FORMAT " KiB",
                  before, resident_kib (daemon->process));
  g_assert_cmpint (resident_kib (daemon->process) - before, <, 32 * 1024);
}

static guint
count_my_bookings (SoupSession *session, LhTestDaemon *daemon, const char *token)
{
  g_autoptr(LhApiReply) reply = lh_api_call (session, daemon->base_url, "GET", "/api/v1/me/bookings", token, NULL);

  g_assert_cmpuint (reply->status, ==, 200);
  return json_array_get_length (json_object_get_array_member (json_node_get_object (reply->json), "bookings"));
}

/* A crash (SIGKILL) straight after the daemon confirmed bookings loses none
 * of them, and the next start finds the database consistent. */
static void
test_crash_keeps_confirmed_bookings (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  const char *staff, *pin;
  g_autofree char *token = NULL;
  guint before, confirmed = 0;

  g_assert_true (lh_test_daemon_account (daemon, "learner", &staff, &pin));
  token = lh_api_sign_in (session, daemon->base_url, daemon->device_token, staff, pin);
  before = count_my_bookings (session, daemon, token);
  for (int i = 0; i < 5; i++)
    {
      int day;
      g_autofree char *body = free_body (session, daemon, token, &day);
      g_autoptr(LhApiReply) reply = lh_api_call (session, daemon->base_url, "POST", "/api/v1/bookings", token, body);

      /* A free slot may still clash with one of this person's own. */
      confirmed += reply->status == 201;
    }
  g_assert_cmpuint (confirmed, >, 0);

  lh_test_daemon_restart (daemon, SIGKILL);
  g_clear_object (&session);
  session = soup_session_new ();
  g_assert_cmpuint (count_my_bookings (session, daemon, token), ==, before + confirmed);
}

typedef struct
{
  guint  n_done;
  guint  statuses[RACERS];
} Group;

typedef struct
{
  Group *group;
  guint  index;
} GroupReply;

static void
group_reply_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GroupReply *reply = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);

  reply->group->statuses[reply->index] = soup_message_get_status (msg);
  reply->group->n_done++;
  g_free (reply);
}

/* Bookings that arrive together are committed together (group commit):
 * one refused undoes none of the others, and a crash straight after they
 * were confirmed loses none. Half the racers ask for the same hour of PC
 * 8 (one gets it), the others each for a free hour of a PC of their own. */
static void
test_group_commit_keeps_each (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("max-conns", 64, "max-conns-per-host", 64, NULL);
  g_autoptr(GPtrArray) tokens = sign_in_racers (session, daemon);
  g_autofree char *shared = NULL;
  char *bodies[RACERS];
  Group group = { 0 };
  guint before = 0, after = 0, created = 0, shared_created = 0;
  int day;

  shared = free_body (session, daemon, g_ptr_array_index (tokens, 0), &day);
  for (guint i = 0; i < RACERS; i++)
    {
      const char *token = g_ptr_array_index (tokens, i);

      bodies[i] = i < RACERS / 2 ? g_strdup (shared)
                                 : free_body_on (session, daemon, token, (int) (i - RACERS / 2 + 1), 1, &day);
      before += count_my_bookings (session, daemon, token);
    }
  for (guint i = 0; i < RACERS; i++)
    {
      g_autofree char *url = g_strconcat (daemon->base_url, "/api/v1/bookings", NULL);
      g_autofree char *auth = g_strconcat ("Bearer ", (char *) g_ptr_array_index (tokens, i), NULL);
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
      g_autoptr(GBytes) bytes = g_bytes_new_take (bodies[i], strlen (bodies[i]));
      GroupReply *reply = g_new0 (GroupReply, 1);

      reply->group = &group;
      reply->index = i;
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
      soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, group_reply_cb, reply);
    }
  while (group.n_done < RACERS)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < RACERS; i++)
    {
      /* Refused for its own reason (taken, or a clash or limit of that
       * person's own), never for another's. */
      g_assert_true (group.statuses[i] == 201 || group.statuses[i] == 409 || group.statuses[i] == 422);
      created += group.statuses[i] == 201;
      shared_created += i < RACERS / 2 && group.statuses[i] == 201;
    }
  g_assert_cmpuint (shared_created, ==, 1);
  g_assert_cmpuint (created, >, 1);

  lh_test_daemon_restart (daemon, SIGKILL);
  g_clear_object (&session);
  session = soup_session_new ();
  for (guint i = 0; i < RACERS; i++)
    after += count_my_bookings (session, daemon, g_ptr_array_index (tokens, i));
  g_assert_cmpuint (after, ==, before + created);
}

/* SIGTERM: exit status 0 (checked by lh_test_daemon_stop), and the data is
 * there on the next start. */
static void
test_clean_stop (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  const char *staff, *pin;
  g_autofree char *token = NULL;
  g_autofree char *body = NULL;
  g_autoptr(LhApiReply) reply = NULL;
  guint before;
  int day;

  g_assert_true (lh_test_daemon_account (daemon, "learner,ulr", &staff, &pin));
  token = lh_api_sign_in (session, daemon->base_url, daemon->device_token, staff, pin);
  before = count_my_bookings (session, daemon, token);
  body = free_body (session, daemon, token, &day);
  reply = lh_api_call (session, daemon->base_url, "POST", "/api/v1/bookings", token, body);
  g_assert_cmpuint (reply->status, ==, 201);
  lh_test_daemon_restart (daemon, SIGTERM);
  g_clear_object (&session);
  session = soup_session_new ();
  g_assert_cmpuint (count_my_bookings (session, daemon, token), ==, before + 1);
}

static void
test_tls (void)
{
  g_autofree char *dir = g_dir_make_tmp ("learnhub-tls-XXXXXX", NULL);
  g_autofree char *key = NULL;
  g_autofree char *cert = lh_test_make_certificate (dir, &key);
  const char *args[] = { "--tls-cert", cert, "--tls-key", key, NULL };
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (args);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) ca = g_tls_file_database_new (cert, &error);
  g_autoptr(SoupSession) trusting = soup_session_new_with_options ("tls-database", ca, NULL);
  g_autoptr(SoupSession) system = soup_session_new ();
  g_autofree char *url = g_strconcat (daemon->base_url, "/api/v1/health", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) refused = NULL;
  g_autoptr(LhApiReply) ok = NULL;

  g_assert_true (g_str_has_prefix (daemon->base_url, "https://"));
  g_assert_no_error (error);
  ok = lh_api_call (trusting, daemon->base_url, "GET", "/api/v1/health", NULL, NULL);
  g_assert_cmpuint (ok->status, ==, 200);

  /* Without the centre's CA the certificate is not trusted: no answer. */
  refused = soup_session_send_and_read (system, msg, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);

  g_clear_pointer (&daemon, lh_test_daemon_stop);
  g_remove (cert);
  g_remove (key);
  g_rmdir (dir);
}

static void
test_refuses_network_without_tls (void)
{
  g_autofree char *dir = g_dir_make_tmp ("learnhub-net-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "centre.db", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("LEARNHUBD"), "--db", db, "--listen", "0.0.0.0:0", NULL };
  g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);

  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  g_assert_nonnull (strstr (err, "without TLS"));
}

/* The key in a calendar link (after "key=") and the id of the person or
 * booking it opens. */
static const char *
link_key (const char *url, const char *kind, gint64 *out_id)
{
  const char *id = strstr (url, kind);
  const char *key = strstr (url, "?key=");

  g_assert_nonnull (id);
  g_assert_nonnull (key);
  *out_id = g_ascii_strtoll (id + strlen (kind), NULL, 10);
  return key + strlen ("?key=");
}

/* Whether text appears in the database, its WAL or its journal. */
static gboolean
database_holds (LhTestDaemon *daemon, const char *text)
{
  static const char * const suffixes[] = { "", "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (daemon->db_path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_get_contents (path, &contents, &length, NULL) &&
          memmem (contents, length, text, strlen (text)) != NULL)
        return TRUE;
    }
  return FALSE;
}

static guint
get_status (SoupSession *session, LhTestDaemon *daemon, const char *url)
{
  g_autoptr(LhApiReply) reply = lh_api_call (session, daemon->base_url, "GET", url, NULL, NULL);

  return reply->status;
}

/* Calendar keys are kept only hashed: a copy of the database opens no
 * one's calendar. A new feed link ends the old one, and a key opens only
 * its own person's feed. */
static void
test_calendar_keys (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GPtrArray) tokens = sign_in_racers (session, daemon);
  const char *mine = g_ptr_array_index (tokens, 0);
  g_autoptr(LhApiReply) booked = NULL, first = NULL, second = NULL, other = NULL;
  g_autofree char *body = NULL;
  g_autofree char *crossed = NULL, *crossed_back = NULL;
  const char *booking_key, *first_key, *second_key, *other_key;
  gint64 booking_id, my_id, my_id_again, other_id;
  int day;

  body = free_body (session, daemon, mine, &day);
  booked = lh_api_call (session, daemon->base_url, "POST", "/api/v1/bookings", mine, body);
  g_assert_cmpuint (booked->status, ==, 201);
  booking_key = link_key (lh_api_reply_string (booked, "calendar_url"), "/bookings/", &booking_id);
  first = lh_api_call (session, daemon->base_url, "POST", "/api/v1/me/calendar-feed", mine, NULL);
  g_assert_cmpuint (first->status, ==, 201);
  first_key = link_key (lh_api_reply_string (first, "calendar_feed_url"), "/people/", &my_id);
  g_assert_cmpuint (get_status (session, daemon, lh_api_reply_string (first, "calendar_feed_url")), ==, 200);

  g_assert_false (database_holds (daemon, booking_key));
  g_assert_false (database_holds (daemon, first_key));

  /* A new link: the old one stops working. */
  second = lh_api_call (session, daemon->base_url, "POST", "/api/v1/me/calendar-feed", mine, NULL);
  g_assert_cmpuint (second->status, ==, 201);
  second_key = link_key (lh_api_reply_string (second, "calendar_feed_url"), "/people/", &my_id_again);
  g_assert_cmpint (my_id_again, ==, my_id);
  g_assert_cmpstr (first_key, !=, second_key);
  g_assert_cmpuint (get_status (session, daemon, lh_api_reply_string (first, "calendar_feed_url")), ==, 404);
  g_assert_cmpuint (get_status (session, daemon, lh_api_reply_string (second, "calendar_feed_url")), ==, 200);
  g_assert_false (database_holds (daemon, second_key));

  /* One person's key opens no one else's feed, either way round. */
  other = lh_api_call (session, daemon->base_url, "POST", "/api/v1/me/calendar-feed",
                       g_ptr_array_index (tokens, 1), NULL);
  g_assert_cmpuint (other->status, ==, 201);
  other_key = link_key (lh_api_reply_string (other, "calendar_feed_url"), "/people/", &other_id);
  g_assert_cmpint (other_id, !=, my_id);
  crossed = g_strdup_printf ("/api/v1/people/%" G_GINT64_FORMAT "/calendar.ics?key=%s", other_id, second_key);
  crossed_back = g_strdup_printf ("/api/v1/people/%" G_GINT64_FORMAT "/calendar.ics?key=%s", my_id, other_key);
  g_assert_cmpuint (get_status (session, daemon, crossed), ==, 404);
  g_assert_cmpuint (get_status (session, daemon, crossed_back), ==, 404);
}

/* What a raw connection gets back for request, up to the server's end:
 * libsoup's own client would refuse to send such heads. */
static char *
raw_exchange (LhTestDaemon *daemon, const char *request, gsize length)
{
  g_autoptr(GUri) uri = g_uri_parse (daemon->base_url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) answer = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri), (guint16) g_uri_get_port (uri),
                                                NULL, &error);
  g_assert_no_error (error);
  g_socket_set_timeout (g_socket_connection_get_socket (connection), 10);
  /* The server may answer, and stop reading, before all of it is sent. */
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), request, length,
                             NULL, NULL, NULL);
  while ((n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                                   buffer, sizeof buffer, NULL, &error)) > 0)
    g_string_append_len (answer, buffer, n);
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&answer), FALSE);
}

/* A head over libsoup's 64 KiB, which libsoup answers by closing, gets
 * 431 (or 414 when its request line is that long), and a 20 KB address
 * gets 414, not a reset; the daemon still serves the next connection. */
static void
test_oversized_heads (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *filler = g_strnfill (100 * 1024, 'a');
  g_autofree char *path = g_strnfill (20 * 1024, 'a');
  g_autofree char *big_header = g_strdup_printf ("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n"
                                                 "X-Filler: %s\r\n\r\n", filler);
  g_autofree char *long_line = g_strdup_printf ("GET /api/v1/health?%s HTTP/1.1\r\nHost: x\r\n\r\n", filler);
  g_autofree char *long_uri = g_strdup_printf ("GET /api/v1/health?%s HTTP/1.1\r\nHost: x\r\n\r\n", path);
  g_autofree char *answer = NULL;
  g_autoptr(LhApiReply) health = NULL;

  answer = raw_exchange (daemon, big_header, strlen (big_header));
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 431 "));
  g_assert_nonnull (strstr (answer, "headers-too-large"));
  g_clear_pointer (&answer, g_free);

  answer = raw_exchange (daemon, long_line, strlen (long_line));
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 414 "));
  g_clear_pointer (&answer, g_free);

  answer = raw_exchange (daemon, long_uri, strlen (long_uri));
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 414 "));
  g_assert_nonnull (strstr (answer, "uri-too-long"));

  health = lh_api_call (session, daemon->base_url, "GET", "/api/v1/health", NULL, NULL);
  g_assert_cmpuint (health->status, ==, 200);
}

int
main (int argc, char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/api/safety/race-one-winner", test_race_one_winner);
  g_test_add_func ("/api/safety/race-last-place-and-slot", test_race_last_place_and_slot);
  g_test_add_func ("/api/safety/crash-keeps-confirmed-bookings", test_crash_keeps_confirmed_bookings);
  g_test_add_func ("/api/safety/group-commit-keeps-each", test_group_commit_keeps_each);
  g_test_add_func ("/api/safety/clean-stop", test_clean_stop);
  g_test_add_func ("/api/safety/chunked-body-refused", test_chunked_body_refused);
  g_test_add_func ("/api/safety/huge-body-not-kept", test_huge_body_not_kept);
  g_test_add_func ("/api/safety/tls", test_tls);
  g_test_add_func ("/api/safety/refuses-network-without-tls", test_refuses_network_without_tls);
  g_test_add_func ("/api/safety/calendar-keys", test_calendar_keys);
  g_test_add_func ("/api/safety/oversized-heads", test_oversized_heads);
  result = g_test_run ();
  lh_api_client_forget ();
  return result;
}
