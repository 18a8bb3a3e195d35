/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The live event stream: every listener hears of a booking made or
 * cancelled anywhere within a second, and learns nothing about who. A
 * stream ends with the session or kiosk it was opened by. */
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "lh-api-client.h"
#include "lh-event-hub.h"
#include "lh-secret.h"
#include "lh-test-daemon.h"
#include "lh-test-clock.h"

typedef struct
{
  SoupWebsocketConnection *connection;  /* (owned) */
  GError                  *error;       /* (owned) */
  guint                    status;      /* of the handshake */
  gboolean                 done;
  gboolean                 closed;
  gushort                  close_code;  /* once closed */
  char                    *close_reason;  /* (owned) (nullable) once closed */
  GPtrArray               *messages;    /* (owned) (element-type utf8) */
} Listener;

static void
listener_free (Listener *listener)
{
  g_clear_object (&listener->connection);
  g_clear_error (&listener->error);
  g_free (listener->close_reason);
  g_ptr_array_unref (listener->messages);
  g_free (listener);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Listener, listener_free)

static void
message_cb (SoupWebsocketConnection *connection, gint type, GBytes *message, gpointer user_data)
{
  Listener *listener = user_data;

  g_ptr_array_add (listener->messages, g_strndup (g_bytes_get_data (message, NULL), g_bytes_get_size (message)));
}

static void
closed_cb (SoupWebsocketConnection *connection, gpointer user_data)
{
  Listener *listener = user_data;

  listener->closed = TRUE;
  listener->close_code = soup_websocket_connection_get_close_code (connection);
  listener->close_reason = g_strdup (soup_websocket_connection_get_close_data (connection));
}

static void
connected_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Listener *listener = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);

  listener->connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &listener->error);
  listener->status = soup_message_get_status (msg);
  listener->done = TRUE;
  if (listener->connection != NULL)
    {
      g_signal_connect (listener->connection, "message", G_CALLBACK (message_cb), listener);
      g_signal_connect (listener->connection, "closed", G_CALLBACK (closed_cb), listener);
    }
}

static void
spin_until (gboolean *flag, double seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
}

static Listener *
listen_events (SoupSession *session, const char *base_url, const char *header_token, const char *query_token)
{
  Listener *listener = g_new0 (Listener, 1);
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) msg = NULL;

  listener->messages = g_ptr_array_new_with_free_func (g_free);
  url = g_strdup_printf ("%s/api/v1/events%s%s", g_str_has_prefix (base_url, "https") ? base_url : base_url,
                         query_token != NULL ? "?token=" : "", query_token != NULL ? query_token : "");
  msg = soup_message_new ("GET", url);
  if (header_token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", header_token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        connected_cb, listener);
  spin_until (&listener->done, 10);
  g_assert_true (listener->done);
  return listener;
}

/* Waits up to a second for the n-th message. */
static const char *
wait_message (Listener *listener, guint n)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (listener->messages->len <= n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (500), TRUE);
  if (listener->messages->len <= n)
    g_error ("no event within a second");
  return g_ptr_array_index (listener->messages, n);
}

static void
assert_availability_event (const char *text, gint64 resource_id)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *event, *data;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  event = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (event, "type"), ==, "availability-changed");
  data = json_object_get_object_member (event, "data");
  g_assert_cmpint (json_object_get_int_member (data, "resource_id"), ==, resource_id);
  g_assert_cmpuint (strlen (json_object_get_string_member (data, "date")), ==, 10);
}

static void
test_booking_reaches_every_listener (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  const char *staff, *pin;
  g_autofree char *token = NULL;
  g_autoptr(Listener) kiosk = NULL;
  g_autoptr(Listener) person = NULL;
  g_autofree char *start = lh_api_day_at (7, 20);
  g_autofree char *end = lh_api_day_at (7, 21);
  g_autofree char *body = NULL;
  g_autoptr(LhApiReply) booked = NULL;
  g_autoptr(LhApiReply) cancelled = NULL;
  g_autofree char *path = NULL;
  gint64 resource_id = 0;

  g_assert_true (lh_test_daemon_account (daemon, "learner", &staff, &pin));
  token = lh_api_sign_in (session, daemon->base_url, daemon->device_token, staff, pin);
  kiosk = listen_events (session, daemon->base_url, daemon->device_token, NULL);
  g_assert_no_error (kiosk->error);
  person = listen_events (session, daemon->base_url, token, NULL);
  g_assert_no_error (person->error);

  /* Some PC is free at 20:00 a week ahead (opening hours end at 21:00). */
  for (resource_id = 1; resource_id <= 8; resource_id++)
    {
      g_clear_pointer (&body, g_free);
      g_clear_pointer (&booked, lh_api_reply_free);
      body = g_strdup_printf ("{\"resource_id\":%" G_GINT64_FORMAT ",\"start\":\"%s\",\"end\":\"%s\"}",
                              resource_id, start, end);
      booked = lh_api_call (session, daemon->base_url, "POST", "/api/v1/bookings", token, body);
      if (booked->status == 201)
        break;
    }
  g_assert_cmpuint (booked->status, ==, 201);

  assert_availability_event (wait_message (kiosk, 0), resource_id);
  assert_availability_event (wait_message (person, 0), resource_id);
  g_assert_null (strstr (g_ptr_array_index (kiosk->messages, 0), staff));

  path = g_strdup_printf ("/api/v1/bookings/%" G_GINT64_FORMAT, lh_api_reply_int (booked, "id"));
  cancelled = lh_api_call (session, daemon->base_url, "DELETE", path, token, NULL);
  g_assert_cmpuint (cancelled->status, ==, 204);
  assert_availability_event (wait_message (kiosk, 1), resource_id);

  /* A clean stop says goodbye to every listener. */
  lh_test_daemon_restart (daemon, SIGTERM);
  spin_until (&kiosk->closed, 5);
  g_assert_true (kiosk->closed);
}

/* The n-th message of the given type, waiting up to a second for it. */
static JsonNode *
wait_event (Listener *listener, const char *type)
{
  for (guint n = 0;; n++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *event;

      g_assert_true (json_parser_load_from_data (parser, wait_message (listener, n), -1, NULL));
      event = json_node_get_object (json_parser_get_root (parser));
      if (g_str_equal (json_object_get_string_member (event, "type"), type))
        return json_node_copy (json_object_get_member (event, "data"));
    }
}

static const char *
pc_kiosk_token (LhTestDaemon *daemon, const char *pc)
{
  JsonArray *kiosks = json_object_get_array_member (json_node_get_object (daemon->demo), "pc_kiosks");

  for (guint i = 0; i < json_array_get_length (kiosks); i++)
    {
      JsonObject *kiosk = json_array_get_object_element (kiosks, i);

      if (g_str_equal (json_object_get_string_member (kiosk, "pc"), pc))
        return json_object_get_string_member (kiosk, "token");
    }
  g_assert_not_reached ();
}

/* Whether the sign-in's notices tell of the booking. */
static gboolean
booking_notice_id (LhApiReply *signed_in, gint64 booking_id)
{
  JsonArray *notices = json_object_get_array_member (json_node_get_object (signed_in->json), "notices");

  g_assert_cmpuint (signed_in->status, ==, 201);
  for (guint i = 0; i < json_array_get_length (notices); i++)
    {
      JsonObject *notice = json_array_get_object_element (notices, i);

      if (json_object_get_int_member_with_default (notice, "booking_id", 0) == booking_id)
        return json_object_get_int_member (notice, "notice_id");
    }
  return 0;
}

/* A fault reported at a PC moves a booking on it: its learner hears which
 * and where to, at once; a kiosk they are not at hears only that the
 * faults and the day changed. */
static void
test_booking_moved_reaches_its_learner (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  const char *staff, *pin;
  g_autofree char *token = NULL;
  g_autoptr(Listener) kiosk = NULL;
  g_autoptr(Listener) person = NULL;
  /* Tomorrow: a report moves only bookings before the end of tomorrow. */
  g_autofree char *start = lh_api_day_at (1, 20);
  g_autofree char *end = lh_api_day_at (1, 21);
  g_autofree char *body = NULL;
  g_autoptr(LhApiReply) booked = NULL;
  g_autoptr(LhApiReply) reported = NULL;
  g_autoptr(JsonNode) moved = NULL;
  g_autofree char *sign_in_body = NULL;
  g_autoptr(LhApiReply) signed_in_first = NULL;
  g_autoptr(LhApiReply) signed_in = NULL;
  g_autoptr(LhApiReply) seen = NULL;
  g_autofree char *seen_body = NULL;
  gint64 resource_id = 0;
  gint64 live_notice_id;

  g_assert_true (lh_test_daemon_account (daemon, "learner", &staff, &pin));
  sign_in_body = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff, pin);
  signed_in_first = lh_api_call (session, daemon->base_url, "POST", "/api/v1/sessions", daemon->device_token,
                                 sign_in_body);
  g_assert_cmpuint (signed_in_first->status, ==, 201);
  token = g_strdup (lh_api_reply_string (signed_in_first, "token"));
  for (resource_id = 1; resource_id <= 8; resource_id++)
    {
      g_clear_pointer (&body, g_free);
      g_clear_pointer (&booked, lh_api_reply_free);
      body = g_strdup_printf ("{\"resource_id\":%" G_GINT64_FORMAT ",\"start\":\"%s\",\"end\":\"%s\"}",
                              resource_id, start, end);
      booked = lh_api_call (session, daemon->base_url, "POST", "/api/v1/bookings", token, body);
      if (booked->status == 201)
        break;
    }
  g_assert_cmpuint (booked->status, ==, 201);
  /* A kiosk where the learner is not signed in: another PC's. */
  kiosk = listen_events (session, daemon->base_url,
                         pc_kiosk_token (daemon, g_str_equal (lh_api_reply_string (booked, "resource_name"), "PC 1")
                                                 ? "PC 2" : "PC 1"), NULL);
  person = listen_events (session, daemon->base_url, token, NULL);
  g_assert_no_error (kiosk->error);
  g_assert_no_error (person->error);

  reported = lh_api_call (session, daemon->base_url, "POST", "/api/v1/faults",
                          pc_kiosk_token (daemon, lh_api_reply_string (booked, "resource_name")),
                          "{\"category\": \"internet\"}");
  g_assert_cmpuint (reported->status, ==, 201);
  moved = wait_event (person, "booking-moved");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (moved), "booking_id"), ==,
                   lh_api_reply_int (booked, "id"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (moved), "from_pc"), ==,
                   lh_api_reply_string (booked, "resource_name"));
  g_assert_false (json_object_get_boolean_member (json_node_get_object (moved), "paid_time_given_back"));
  live_notice_id = json_object_get_int_member (json_node_get_object (moved), "notice_id");
  g_assert_cmpint (live_notice_id, >, 0);
  /* Whose it is: a desk kiosk holding another session shows it to no one. */
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (moved), "person_id"), ==,
                   json_object_get_int_member (json_object_get_object_member (
                     json_node_get_object (signed_in_first->json), "person"), "id"));
  /* Other kiosks redraw (faults-changed is the admins' only); none hears
   * whose booking it was. */
  g_clear_pointer (&moved, json_node_unref);
  moved = wait_event (kiosk, "availability-changed");
  for (guint i = 0; i < kiosk->messages->len; i++)
    {
      g_assert_null (strstr (g_ptr_array_index (kiosk->messages, i), "booking-moved"));
      g_assert_null (strstr (g_ptr_array_index (kiosk->messages, i), staff));
    }

  /* Heard live is not shown: told again at the next sign-in, until the
   * learner's own session says it showed it. */
  signed_in = lh_api_call (session, daemon->base_url, "POST", "/api/v1/sessions", daemon->device_token,
                           sign_in_body);
  g_assert_cmpuint (signed_in->status, ==, 201);
  /* The notice heard live is the one listed: the kiosk acks either alike. */
  g_assert_cmpint (booking_notice_id (signed_in, lh_api_reply_int (booked, "id")), ==, live_notice_id);
  seen_body = g_strdup_printf ("{\"notice_ids\": [%" G_GINT64_FORMAT "]}", live_notice_id);
  seen = lh_api_call (session, daemon->base_url, "POST", "/api/v1/me/notices/seen", token, seen_body);
  g_assert_cmpuint (seen->status, ==, 200);
  g_clear_pointer (&signed_in, lh_api_reply_free);
  signed_in = lh_api_call (session, daemon->base_url, "POST", "/api/v1/sessions", daemon->device_token,
                           sign_in_body);
  g_assert_cmpint (booking_notice_id (signed_in, lh_api_reply_int (booked, "id")), ==, 0);
}

/* A PC's kiosk hears that its sitting ended when the person sat down at
 * another PC; the other PCs' kiosks hear nothing of it. */
static void
test_usage_ended_reaches_the_pcs_kiosk (void)
{
  g_auto(GStrv) pc_tokens = NULL;
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start_with_setup (NULL, lh_api_setup_always_open_pcs, &pc_tokens);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(Listener) first_pc = NULL;
  g_autoptr(Listener) desk = NULL;
  g_autoptr(JsonNode) ended = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char *staff, *pin;
  JsonObject *usage;

  g_assert_true (lh_test_daemon_account (daemon, "learner", &staff, &pin));
  first_pc = listen_events (session, daemon->base_url, pc_tokens[0], NULL);
  desk = listen_events (session, daemon->base_url, daemon->device_token, NULL);
  g_assert_no_error (first_pc->error);
  first = lh_api_sign_in (session, daemon->base_url, pc_tokens[0], staff, pin);
  second = lh_api_sign_in (session, daemon->base_url, pc_tokens[1], staff, pin);

  ended = wait_event (first_pc, "usage-ended");
  usage = json_node_get_object (ended);
  g_assert_cmpstr (json_object_get_string_member (usage, "resource_name"), ==, LH_API_ALWAYS_OPEN_PC);
  g_assert_cmpstr (json_object_get_string_member (usage, "end_reason"), ==, "moved");
  g_assert_false (json_object_get_null_member (usage, "ended_at"));
  /* The desk's stream hears the PCs' days changed, not whose sitting. */
  for (guint i = 0; i < desk->messages->len; i++)
    g_assert_null (strstr (g_ptr_array_index (desk->messages, i), "usage-ended"));
  g_assert_cmpuint (desk->messages->len, >, 0);
}

/* Waits up to seconds for an event of the given type. */
static JsonNode *
wait_event_for (Listener *listener, const char *type, double seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  guint seen = 0;

  while (g_get_monotonic_time () < deadline)
    {
      for (; seen < listener->messages->len; seen++)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          JsonObject *event;

          g_assert_true (json_parser_load_from_data (parser, g_ptr_array_index (listener->messages, seen), -1, NULL));
          event = json_node_get_object (json_parser_get_root (parser));
          if (g_str_equal (json_object_get_string_member (event, "type"), type))
            return json_node_copy (json_object_get_member (event, "data"));
        }
      g_main_context_iteration (NULL, FALSE) || (g_usleep (10000), TRUE);
    }
  g_error ("no %s event within %.0f s", type, seconds);
}

/* The daemon reminds a PC's kiosk 5 minutes before the sitting ends: a
 * walk-up that runs up to someone's booking 5 minutes and 20 seconds from
 * now is warned within about 20 seconds. */
static void
test_usage_ending_reminder (void)
{
  g_auto(GStrv) pc_tokens = NULL;
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start_with_setup (NULL, lh_api_setup_always_open_pcs, &pc_tokens);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(Listener) pc = NULL;
  g_autoptr(JsonNode) ending = NULL;
  g_autoptr(LhApiReply) device = NULL;
  g_autoptr(LhApiReply) booked = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (lh_test_clock_now ());
  g_autoptr(GDateTime) start = g_date_time_add_seconds (now, 5 * 60 + 20);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 30);
  g_autofree char *start_text = g_date_time_format_iso8601 (start);
  g_autofree char *end_text = g_date_time_format_iso8601 (end);
  g_autofree char *ben = lh_api_sign_in_as (session, daemon, "learner,ulr");
  g_autofree char *body = NULL;
  g_autofree char *amira = NULL;
  const char *staff, *pin;
  JsonObject *data;

  device = lh_api_call (session, daemon->base_url, "GET", "/api/v1/devices/current", pc_tokens[0], NULL);
  body = g_strdup_printf ("{\"resource_id\":%" G_GINT64_FORMAT ",\"start\":\"%s\",\"end\":\"%s\"}",
                          json_object_get_int_member (json_object_get_object_member (
                            json_node_get_object (device->json), "pc"), "id"), start_text, end_text);
  booked = lh_api_call (session, daemon->base_url, "POST", "/api/v1/bookings", ben, body);
  g_assert_cmpuint (booked->status, ==, 201);

  pc = listen_events (session, daemon->base_url, pc_tokens[0], NULL);
  g_assert_true (lh_test_daemon_account (daemon, "learner", &staff, &pin));
  amira = lh_api_sign_in (session, daemon->base_url, pc_tokens[0], staff, pin);

  ending = wait_event_for (pc, "usage-ending", 60);
  data = json_node_get_object (ending);
  g_assert_cmpint (json_object_get_int_member (data, "minutes_left"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (data, "usage"), "kind"), ==,
                   "walk-up");
}

static void
test_listening_needs_a_token (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(Listener) none = listen_events (session, daemon->base_url, NULL, NULL);
  g_autoptr(Listener) forged = listen_events (session, daemon->base_url, "forged", NULL);

  g_assert_null (none->connection);
  g_assert_nonnull (none->error);
  g_assert_cmpuint (none->status, ==, 401);
  g_assert_null (forged->connection);
  g_assert_cmpuint (forged->status, ==, 401);
}

/* Addresses are logged by proxies: a token in one is refused, even a good
 * one, even beside a good header, so that no client comes to rely on it. */
static void
test_token_in_the_address_is_refused (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = lh_api_sign_in_as (session, daemon, "learner");
  g_autoptr(Listener) person = listen_events (session, daemon->base_url, NULL, token);
  g_autoptr(Listener) kiosk = listen_events (session, daemon->base_url, NULL, daemon->device_token);
  g_autoptr(Listener) both = listen_events (session, daemon->base_url, daemon->device_token, daemon->device_token);

  g_assert_null (person->connection);
  g_assert_cmpuint (person->status, ==, 400);
  g_assert_null (kiosk->connection);
  g_assert_cmpuint (kiosk->status, ==, 400);
  g_assert_null (both->connection);
  g_assert_cmpuint (both->status, ==, 400);
}

/* Runs sql on the running daemon's database with ?1 the token's hash and
 * ?2 now: a session's time up, or a kiosk revoked from another process. */
static void
change_by_token (LhTestDaemon *daemon, const char *sql, const char *token)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint8 hash[LH_TOKEN_HASH_SIZE];

  lh_token_hash (token, hash);
  g_assert_cmpint (sqlite3_open (daemon->db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, hash, sizeof hash, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, lh_test_clock_now ());
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* The stream was closed by the daemon within about a second, saying why. */
static void
assert_closed_unauthorized (Listener *listener)
{
  spin_until (&listener->closed, 2.5);
  g_assert_true (listener->closed);
  g_assert_cmpuint (listener->close_code, ==, LH_EVENT_CLOSE_UNAUTHORIZED);
  g_assert_nonnull (listener->close_reason);
  g_assert_cmpstr (listener->close_reason, !=, "");
}

/* Whether any message of the listener's is an event of type. */
static gboolean
heard (Listener *listener, const char *type)
{
  g_autofree char *quoted = g_strdup_printf ("\"type\":\"%s\"", type);

  for (guint i = 0; i < listener->messages->len; i++)
    if (strstr (g_ptr_array_index (listener->messages, i), quoted) != NULL)
      return TRUE;
  return FALSE;
}

typedef enum
{
  END_BY_SIGNING_OUT,
  END_BY_TIME_UP,
} SessionEnd;

/* A person has two sessions at the desk, each with its stream. One ends;
 * at once the person sits down at a PC and then at another, which ends
 * the first sitting: the live session's stream hears of it, the ended
 * one's hears nothing more of the person, and is closed. */
static void
check_stream_ends_with_session (SessionEnd how)
{
  g_auto(GStrv) pc_tokens = NULL;
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start_with_setup (NULL, lh_api_setup_always_open_pcs, &pc_tokens);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(Listener) ended = NULL;
  g_autoptr(Listener) live = NULL;
  g_autoptr(Listener) kiosk = NULL;
  g_autoptr(JsonNode) heard_live = NULL;
  g_autofree char *ending = NULL;
  g_autofree char *staying = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char *staff, *pin;

  g_assert_true (lh_test_daemon_account (daemon, "learner", &staff, &pin));
  ending = lh_api_sign_in (session, daemon->base_url, daemon->device_token, staff, pin);
  staying = lh_api_sign_in (session, daemon->base_url, daemon->device_token, staff, pin);
  ended = listen_events (session, daemon->base_url, ending, NULL);
  live = listen_events (session, daemon->base_url, staying, NULL);
  kiosk = listen_events (session, daemon->base_url, daemon->device_token, NULL);
  g_assert_no_error (ended->error);
  g_assert_no_error (live->error);

  if (how == END_BY_SIGNING_OUT)
    {
      g_autoptr(LhApiReply) out = lh_api_call (session, daemon->base_url, "DELETE", "/api/v1/sessions/current",
                                               ending, NULL);

      g_assert_cmpuint (out->status, ==, 204);
    }
  else
    change_by_token (daemon, "UPDATE sessions SET expires_at = ?2 WHERE token_hash = ?1", ending);
  first = lh_api_sign_in (session, daemon->base_url, pc_tokens[0], staff, pin);
  second = lh_api_sign_in (session, daemon->base_url, pc_tokens[1], staff, pin);

  heard_live = wait_event (live, "usage-ended");
  g_assert_false (heard (ended, "usage-ended"));
  assert_closed_unauthorized (ended);
  g_assert_false (heard (ended, "usage-ended"));
  /* Streams whose token holds stay, past several checks. */
  g_assert_false (live->closed);
  g_assert_false (kiosk->closed);
}

static void
test_stream_ends_at_sign_out (void)
{
  check_stream_ends_with_session (END_BY_SIGNING_OUT);
}

static void
test_stream_ends_when_session_expires (void)
{
  check_stream_ends_with_session (END_BY_TIME_UP);
}

/* A revoked kiosk's own stream closes, and so do the streams of the
 * sessions signed in on it; another kiosk's stays open. */
static void
test_streams_end_when_kiosk_revoked (void)
{
  g_auto(GStrv) pc_tokens = NULL;
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start_with_setup (NULL, lh_api_setup_always_open_pcs, &pc_tokens);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *token = NULL;
  g_autoptr(Listener) pc = NULL;
  g_autoptr(Listener) person = NULL;
  g_autoptr(Listener) desk = NULL;
  const char *staff, *pin;

  g_assert_true (lh_test_daemon_account (daemon, "learner", &staff, &pin));
  token = lh_api_sign_in (session, daemon->base_url, pc_tokens[0], staff, pin);
  pc = listen_events (session, daemon->base_url, pc_tokens[0], NULL);
  person = listen_events (session, daemon->base_url, token, NULL);
  desk = listen_events (session, daemon->base_url, daemon->device_token, NULL);
  g_assert_no_error (pc->error);
  g_assert_no_error (person->error);

  change_by_token (daemon, "UPDATE devices SET revoked = 1 WHERE token_hash = ?1", pc_tokens[0]);
  assert_closed_unauthorized (pc);
  assert_closed_unauthorized (person);
  g_assert_false (desk->closed);
}

/* Over TLS, with connections closed after a second with no request: a
 * kiosk's event stream is no idle connection, and stays open to hear. */
static void
test_tls_stream_outlives_idle_timeout (void)
{
  g_autofree char *dir = g_dir_make_tmp ("learnhub-events-tls-XXXXXX", NULL);
  g_autofree char *key = NULL;
  g_autofree char *cert = lh_test_make_certificate (dir, &key);
  g_autofree char *config = g_build_filename (dir, "learnhubd.conf", NULL);
  const char *args[] = { "--config", config, "--tls-cert", cert, "--tls-key", key, NULL };
  g_autoptr(LhTestDaemon) daemon = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsDatabase) ca = g_tls_file_database_new (cert, &error);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("tls-database", ca, NULL);
  g_autoptr(Listener) kiosk = NULL;
  g_autoptr(LhApiReply) booked = NULL;
  g_autofree char *start = lh_api_day_at (7, 20);
  g_autofree char *end = lh_api_day_at (7, 21);
  g_autofree char *token = NULL;

  g_assert_no_error (error);
  g_file_set_contents (config, "[daemon]\nconnection-idle-seconds=1\n", -1, &error);
  g_assert_no_error (error);
  daemon = lh_test_daemon_start (args);
  g_assert_true (g_str_has_prefix (daemon->base_url, "https://"));
  kiosk = listen_events (session, daemon->base_url, daemon->device_token, NULL);
  g_assert_no_error (kiosk->error);

  spin_until (&kiosk->closed, 3);
  g_assert_false (kiosk->closed);
  token = lh_api_sign_in_as (session, daemon, "learner");
  for (gint64 resource_id = 1; resource_id <= 8; resource_id++)
    {
      g_autofree char *body = g_strdup_printf ("{\"resource_id\":%" G_GINT64_FORMAT ",\"start\":\"%s\",\"end\":\"%s\"}",
                                               resource_id, start, end);

      g_clear_pointer (&booked, lh_api_reply_free);
      booked = lh_api_call (session, daemon->base_url, "POST", "/api/v1/bookings", token, body);
      if (booked->status == 201)
        break;
    }
  g_assert_cmpuint (booked->status, ==, 201);
  assert_availability_event (wait_message (kiosk, 0), json_object_get_int_member (
                               json_node_get_object (booked->json), "resource_id"));
  spin_until (&kiosk->closed, 2);
  g_assert_false (kiosk->closed);

  g_clear_pointer (&daemon, lh_test_daemon_stop);
  g_remove (config);
  g_remove (cert);
  g_remove (key);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/api/events/booking-reaches-every-listener", test_booking_reaches_every_listener);
  g_test_add_func ("/api/events/listening-needs-a-token", test_listening_needs_a_token);
  g_test_add_func ("/api/events/token-in-the-address-is-refused", test_token_in_the_address_is_refused);
  g_test_add_func ("/api/events/stream-ends-at-sign-out", test_stream_ends_at_sign_out);
  g_test_add_func ("/api/events/stream-ends-when-session-expires", test_stream_ends_when_session_expires);
  g_test_add_func ("/api/events/streams-end-when-kiosk-revoked", test_streams_end_when_kiosk_revoked);
  g_test_add_func ("/api/events/usage-ended-reaches-the-pcs-kiosk", test_usage_ended_reaches_the_pcs_kiosk);
  g_test_add_func ("/api/events/usage-ending-reminder", test_usage_ending_reminder);
  g_test_add_func ("/api/events/booking-moved-reaches-its-learner", test_booking_moved_reaches_its_learner);
  g_test_add_func ("/api/events/tls-stream-outlives-idle-timeout", test_tls_stream_outlives_idle_timeout);
  result = g_test_run ();
  lh_api_client_forget ();
  return result;
}
