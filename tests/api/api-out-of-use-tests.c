/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A computer taken out of use other than by a report at its kiosk: the
 * admin sets it faulty, or it fails its scheduled check. Either way its
 * PC goes out of booking, the bookings on it move, and their learners are
 * told: live on their own stream, or else at their next sign-in. */
#include <stdio.h>
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"
#include "lh-api-listener.h"

/* Demo learners no other test of test-api books with. */
#define LIVE_LEARNER 8
#define AWAY_LEARNER 9

static LhTestDaemon *daemon_;
static SoupSession *session_;

static LhApiReply *
call (const char *method, const char *path, const char *token, const char *body)
{
  return lh_api_call (session_, daemon_->base_url, method, path, token, body);
}

/* Signs in the n-th plain learner of the demo at the desk: the whole
 * answer, with its notices. */
static LhApiReply *
sign_in_learner (guint n)
{
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (daemon_->demo), "accounts");

  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      JsonArray *roles = json_object_get_array_member (account, "roles");
      g_autofree char *body = NULL;

      if (json_array_get_length (roles) != 1 || !g_str_equal (json_array_get_string_element (roles, 0), "learner") ||
          json_object_get_boolean_member (account, "guest") || n-- > 0)
        continue;
      body = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}",
                              json_object_get_string_member (account, "staff_number"),
                              json_object_get_string_member (account, "pin"));
      return call ("POST", "/api/v1/sessions", daemon_->device_token, body);
    }
  g_assert_not_reached ();
}

/* The demo item with that asset tag: its id, and its PC's. */
static gint64
item_id (const char *admin, const char *asset_tag, gint64 *out_pc_id)
{
  return lh_api_item_id (session_, daemon_->base_url, admin, asset_tag, out_pc_id);
}

/* Books the PC for an hour tomorrow (before the end of tomorrow, so it
 * moves at once), at the first hour the learner may; the booking's id. */
static gint64
book_tomorrow (const char *token, gint64 pc_id)
{
  int day = lh_api_weekday_ahead (1);

  for (int hour = 9; hour < 19; hour++)
    {
      g_autofree char *start = lh_api_day_at (day, hour);
      g_autofree char *end = lh_api_day_at (day, hour + 1);
      g_autofree char *body = g_strdup_printf ("{\"resource_id\":%" G_GINT64_FORMAT ",\"start\":\"%s\",\"end\":\"%s\"}",
                                               pc_id, start, end);
      g_autoptr(LhApiReply) booked = call ("POST", "/api/v1/bookings", token, body);

      if (booked->status == 201)
        return lh_api_reply_int (booked, "id");
    }
  g_assert_not_reached ();
}

/* The sign-in's notice about that booking, or NULL. */
static JsonObject *
notice_of (LhApiReply *sign_in, gint64 booking_id)
{
  JsonArray *notices = json_object_get_array_member (json_node_get_object (sign_in->json), "notices");

  for (guint i = 0; i < json_array_get_length (notices); i++)
    {
      JsonObject *notice = json_array_get_object_element (notices, i);

      if (json_object_has_member (notice, "booking_id") &&
          json_object_get_int_member (notice, "booking_id") == booking_id)
        return notice;
    }
  return NULL;
}

/* The booking's PC now, from the learner's own list. */
static gint64
booking_pc (const char *token, gint64 booking_id)
{
  g_autoptr(LhApiReply) mine = call ("GET", "/api/v1/me/bookings", token, NULL);
  JsonArray *bookings;

  g_assert_cmpuint (mine->status, ==, 200);
  bookings = json_object_get_array_member (json_node_get_object (mine->json), "bookings");
  for (guint i = 0; i < json_array_get_length (bookings); i++)
    {
      JsonObject *booking = json_array_get_object_element (bookings, i);

      if (json_object_get_int_member (booking, "id") == booking_id)
        return json_object_get_int_member (booking, "resource_id");
    }
  return 0;
}

static gboolean
pc_out_of_order (gint64 pc_id)
{
  g_autofree char *tomorrow = lh_api_day_at (lh_api_weekday_ahead (1), 12);
  g_autofree char *date = g_strndup (tomorrow, 10);
  g_autofree char *path = g_strdup_printf ("/api/v1/availability?date=%s", date);
  g_autoptr(LhApiReply) day = call ("GET", path, daemon_->device_token, NULL);
  JsonArray *resources;

  g_assert_cmpuint (day->status, ==, 200);
  resources = json_object_get_array_member (json_node_get_object (day->json), "resources");
  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      JsonObject *resource = json_array_get_object_element (resources, i);

      if (json_object_get_int_member (resource, "id") == pc_id)
        return json_object_get_boolean_member (resource, "out_of_order");
    }
  g_assert_not_reached ();
}

/* The admin sets PC 6's computer faulty: the learner watching hears the
 * move live (and at sign-in until a kiosk has shown it), the one away is
 * told at the next sign-in, and every kiosk redraws the day. */
static void
test_status_faulty_moves_and_tells (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) live_sign_in = sign_in_learner (LIVE_LEARNER);
  g_autoptr(LhApiReply) away_sign_in = sign_in_learner (AWAY_LEARNER);
  const char *live = lh_api_reply_string (live_sign_in, "token");
  const char *away = lh_api_reply_string (away_sign_in, "token");
  g_autoptr(LhApiListener) live_stream = lh_api_listen (session_, daemon_->base_url, live);
  g_autoptr(LhApiListener) desk_stream = lh_api_listen (session_, daemon_->base_url, daemon_->device_token);
  g_autoptr(LhApiReply) signed_out = NULL;
  g_autoptr(LhApiReply) faulty = NULL;
  g_autoptr(LhApiReply) working = NULL;
  g_autoptr(LhApiReply) live_again = NULL;
  g_autoptr(LhApiReply) live_last = NULL;
  g_autoptr(LhApiReply) seen = NULL;
  g_autoptr(LhApiReply) away_again = NULL;
  g_autofree char *seen_body = NULL;
  g_autoptr(JsonNode) heard = NULL;
  g_autoptr(JsonNode) redraw = NULL;
  g_autofree char *status_path = NULL;
  gint64 pc_id, live_booking, away_booking;
  JsonObject *moved, *notice;

  status_path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT "/status", item_id (admin, "LC-0006", &pc_id));
  live_booking = book_tomorrow (live, pc_id);
  away_booking = book_tomorrow (away, pc_id);
  /* Away: signed out, so nothing reaches them live. */
  signed_out = call ("DELETE", "/api/v1/sessions/current", away, NULL);
  g_assert_cmpuint (signed_out->status, ==, 204);

  faulty = call ("POST", status_path, admin, "{\"status\": \"faulty\", \"note\": \"Will not boot\"}");
  g_assert_cmpuint (faulty->status, ==, 200);
  g_assert_true (pc_out_of_order (pc_id));

  heard = lh_api_listener_wait (live_stream, "booking-moved", "booking_id", live_booking);
  g_assert_nonnull (heard);
  moved = json_node_get_object (heard);
  g_assert_cmpstr (json_object_get_string_member (moved, "reason"), ==, "pc-out-of-order");
  g_assert_cmpstr (json_object_get_string_member (moved, "from_pc"), ==, "PC 6");
  g_assert_cmpstr (json_object_get_string_member (moved, "to_pc"), !=, "PC 6");
  g_assert_cmpint (booking_pc (live, live_booking), !=, pc_id);
  redraw = lh_api_listener_wait (desk_stream, "availability-changed", "resource_id", pc_id);
  g_assert_nonnull (redraw);

  away_again = sign_in_learner (AWAY_LEARNER);
  g_assert_cmpuint (away_again->status, ==, 201);
  notice = notice_of (away_again, away_booking);
  g_assert_nonnull (notice);
  g_assert_cmpstr (json_object_get_string_member (notice, "type"), ==, "booking-moved");
  g_assert_cmpstr (json_object_get_string_member (notice, "from_pc"), ==, "PC 6");
  g_assert_cmpint (booking_pc (lh_api_reply_string (away_again, "token"), away_booking), !=, pc_id);
  /* Heard live but not yet shown by the kiosk: told again at sign-in;
   * once the kiosk says it showed it, never again. */
  live_again = sign_in_learner (LIVE_LEARNER);
  g_assert_cmpuint (live_again->status, ==, 201);
  g_assert_nonnull (notice_of (live_again, live_booking));
  seen_body = g_strdup_printf ("{\"notice_ids\": [%" G_GINT64_FORMAT "]}",
                               json_object_get_int_member (notice_of (live_again, live_booking), "notice_id"));
  seen = call ("POST", "/api/v1/me/notices/seen", lh_api_reply_string (live_again, "token"), seen_body);
  g_assert_cmpuint (seen->status, ==, 200);
  live_last = sign_in_learner (LIVE_LEARNER);
  g_assert_null (notice_of (live_last, live_booking));

  working = call ("POST", status_path, admin, "{\"status\": \"working\"}");
  g_assert_cmpuint (working->status, ==, 200);
  g_assert_false (pc_out_of_order (pc_id));
}

/* Says which notice the kiosk showed; 200 or the refusal. */
static guint
ack_notice (const char *token, gint64 notice_id)
{
  g_autofree char *body = g_strdup_printf ("{\"notice_ids\": [%" G_GINT64_FORMAT "]}", notice_id);
  g_autoptr(LhApiReply) seen = call ("POST", "/api/v1/me/notices/seen", token, body);

  return seen->status;
}

/* Cancels the learner's coming bookings: the tests before booked their
 * day's allowance. */
static void
cancel_bookings (const char *token)
{
  g_autoptr(LhApiReply) mine = call ("GET", "/api/v1/me/bookings", token, NULL);
  JsonArray *bookings;

  g_assert_cmpuint (mine->status, ==, 200);
  bookings = json_object_get_array_member (json_node_get_object (mine->json), "bookings");
  for (guint i = 0; i < json_array_get_length (bookings); i++)
    {
      JsonObject *booking = json_array_get_object_element (bookings, i);
      g_autofree char *path = lh_api_path ("/api/v1/bookings/%" G_GINT64_FORMAT,
                                           json_object_get_int_member (booking, "id"));
      g_autoptr(LhApiReply) cancelled = call ("DELETE", path, token, NULL);
    }
}

/* A notice listed at sign-in whose outcome is rewritten before the kiosk
 * acks it (the PC it moved to breaks too): the ack marks only what was
 * shown, so the new outcome is told at the next sign-in. */
static void
test_rewritten_notice_stays_unseen (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) first_sign_in = sign_in_learner (AWAY_LEARNER);
  g_autoptr(LhApiReply) listed = NULL;
  g_autoptr(LhApiReply) again = NULL;
  g_autoptr(LhApiReply) last = NULL;
  g_autoptr(LhApiReply) faulty = NULL;
  g_autoptr(LhApiReply) faulty_too = NULL;
  g_autoptr(LhApiReply) working = NULL;
  g_autoptr(LhApiReply) working_too = NULL;
  g_autofree char *status_path = NULL;
  g_autofree char *to_status_path = NULL;
  g_autofree char *to_asset_tag = NULL;
  JsonObject *shown, *rewritten;
  gint64 pc_id, to_pc_id, booking_id, shown_id;
  guint to_pc_number;

  status_path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT "/status", item_id (admin, "LC-0004", &pc_id));
  cancel_bookings (lh_api_reply_string (first_sign_in, "token"));
  booking_id = book_tomorrow (lh_api_reply_string (first_sign_in, "token"), pc_id);
  faulty = call ("POST", status_path, admin, "{\"status\": \"faulty\", \"note\": \"No picture\"}");
  g_assert_cmpuint (faulty->status, ==, 200);

  listed = sign_in_learner (AWAY_LEARNER);
  shown = notice_of (listed, booking_id);
  g_assert_nonnull (shown);
  g_assert_cmpstr (json_object_get_string_member (shown, "type"), ==, "booking-moved");
  shown_id = json_object_get_int_member (shown, "notice_id");
  /* The demo's PC n holds LC-000n. */
  g_assert_cmpint (sscanf (json_object_get_string_member (shown, "to_pc"), "PC %u", &to_pc_number), ==, 1);
  to_asset_tag = g_strdup_printf ("LC-%04u", to_pc_number);
  to_status_path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT "/status",
                                item_id (admin, to_asset_tag, &to_pc_id));
  g_assert_cmpint (to_pc_id, ==, booking_pc (lh_api_reply_string (listed, "token"), booking_id));
  faulty_too = call ("POST", to_status_path, admin, "{\"status\": \"faulty\", \"note\": \"No sound\"}");
  g_assert_cmpuint (faulty_too->status, ==, 200);

  /* The kiosk acks what it drew: the older outcome. */
  g_assert_cmpuint (ack_notice (lh_api_reply_string (listed, "token"), shown_id), ==, 200);
  again = sign_in_learner (AWAY_LEARNER);
  rewritten = notice_of (again, booking_id);
  g_assert_nonnull (rewritten);
  g_assert_cmpint (json_object_get_int_member (rewritten, "notice_id"), !=, shown_id);
  g_assert_cmpstr (json_object_get_string_member (rewritten, "from_pc"), ==, "PC 4");
  g_assert_cmpuint (ack_notice (lh_api_reply_string (again, "token"),
                                json_object_get_int_member (rewritten, "notice_id")), ==, 200);
  last = sign_in_learner (AWAY_LEARNER);
  g_assert_null (notice_of (last, booking_id));

  working = call ("POST", status_path, admin, "{\"status\": \"working\"}");
  g_assert_cmpuint (working->status, ==, 200);
  working_too = call ("POST", to_status_path, admin, "{\"status\": \"working\"}");
  g_assert_cmpuint (working_too->status, ==, 200);
}

/* The id of the check called what. */
static gint64
check_id (const char *admin, const char *what)
{
  g_autoptr(LhApiReply) list = call ("GET", "/api/v1/equipment/checks", admin, NULL);
  JsonArray *checks;

  g_assert_cmpuint (list->status, ==, 200);
  checks = json_object_get_array_member (json_node_get_object (list->json), "checks");
  for (guint i = 0; i < json_array_get_length (checks); i++)
    {
      JsonObject *check = json_array_get_object_element (checks, i);

      if (g_str_equal (json_object_get_string_member (check, "what"), what))
        return json_object_get_int_member (check, "id");
    }
  g_assert_not_reached ();
}

/* The open fault of the item, or 0. */
static gint64
open_fault_of (const char *admin, const char *asset_tag)
{
  g_autoptr(LhApiReply) list = call ("GET", "/api/v1/faults", admin, NULL);
  JsonArray *faults;

  g_assert_cmpuint (list->status, ==, 200);
  faults = json_object_get_array_member (json_node_get_object (list->json), "faults");
  for (guint i = 0; i < json_array_get_length (faults); i++)
    {
      JsonObject *fault = json_array_get_object_element (faults, i);

      if (g_strcmp0 (json_object_get_string_member (json_object_get_object_member (fault, "item"), "asset_tag"),
                     asset_tag) == 0)
        return json_object_get_int_member (fault, "id");
    }
  return 0;
}

/* PC 2's computer fails its safety test through the route: a fault that
 * stops use is opened, the PC is out of booking and its booking moves;
 * the check stays due until a pass. */
static void
test_failed_check_moves_booking (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) learner = sign_in_learner (AWAY_LEARNER);
  const char *token = lh_api_reply_string (learner, "token");
  g_autoptr(GError) error = NULL;
  g_autofree char *added = lh_test_run_ctl (daemon_->db_path, &error, "equipment", "check", "add",
                                            "PC 2 safety test", "1y", "LC-0002", NULL);
  g_autoptr(LhApiReply) failed = NULL;
  g_autoptr(LhApiReply) passed = NULL;
  g_autoptr(LhApiReply) repaired = NULL;
  g_autofree char *done_path = NULL;
  g_autofree char *repair_path = NULL;
  gint64 pc_id, booking, fault_id;

  g_assert_no_error (error);
  item_id (admin, "LC-0002", &pc_id);
  booking = book_tomorrow (token, pc_id);
  g_assert_cmpint (open_fault_of (admin, "LC-0002"), ==, 0);
  done_path = lh_api_path ("/api/v1/equipment/checks/%" G_GINT64_FORMAT "/done", check_id (admin, "PC 2 safety test"));

  failed = call ("POST", done_path, admin, "{\"result\": \"failed\", \"note\": \"Earth fault\"}");
  g_assert_cmpuint (failed->status, ==, 200);
  g_assert_cmpstr (lh_api_reply_string (failed, "state"), !=, "later");
  fault_id = open_fault_of (admin, "LC-0002");
  g_assert_cmpint (fault_id, !=, 0);
  g_assert_true (pc_out_of_order (pc_id));
  g_assert_cmpint (booking_pc (token, booking), !=, 0);
  g_assert_cmpint (booking_pc (token, booking), !=, pc_id);

  /* Put right: repaired, and passed at last. */
  repair_path = lh_api_path ("/api/v1/faults/%" G_GINT64_FORMAT "/repaired", fault_id);
  repaired = call ("POST", repair_path, admin, "{}");
  g_assert_cmpuint (repaired->status, ==, 200);
  passed = call ("POST", done_path, admin, "{\"result\": \"passed\"}");
  g_assert_cmpuint (passed->status, ==, 200);
  g_assert_cmpstr (lh_api_reply_string (passed, "state"), ==, "later");
  g_assert_false (pc_out_of_order (pc_id));
}

void
lh_api_out_of_use_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/out-of-use/status-faulty-moves-and-tells", test_status_faulty_moves_and_tells);
  g_test_add_func ("/api/out-of-use/failed-check-moves-booking", test_failed_check_moves_booking);
  g_test_add_func ("/api/out-of-use/rewritten-notice-stays-unseen", test_rewritten_notice_stays_unseen);
}
