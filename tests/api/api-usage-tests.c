/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sitting at a PC over the API: signing in on a PC's own kiosk checks in
 * or starts a walk-up, someone else's booking refuses it, more time, the
 * sign-in screen's "Reserved from", and signing out. */
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"
#include "lh-test-clock.h"

#define PC_NAME LH_API_ALWAYS_OPEN_PC
#define PC2_NAME LH_API_ALWAYS_OPEN_PC " 2"

static LhTestDaemon *daemon_;
static SoupSession *session_;
static char **pc_tokens_;  /* the kiosks of PC_NAME and PC2_NAME */

static LhApiReply *
call (const char *method, const char *path, const char *token, const char *body)
{
  return lh_api_call (session_, daemon_->base_url, method, path, token, body);
}

/* Demo accounts without history that the other tests leave alone (no
 * lockout, no bookings): 100008, a learner, and 100003 and 100004, ULRs
 * who are learners too. */
#define AMIRA 7
#define BEN   2
#define CHLOE 3

static void
account (guint index, const char **staff, const char **pin)
{
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (daemon_->demo), "accounts");
  JsonObject *account = json_array_get_object_element (accounts, index);

  *staff = json_object_get_string_member (account, "staff_number");
  *pin = json_object_get_string_member (account, "pin");
}

static LhApiReply *
sign_in (const char *device_token, guint index)
{
  const char *staff, *pin;
  g_autofree char *body = NULL;

  account (index, &staff, &pin);
  body = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff, pin);
  return call ("POST", "/api/v1/sessions", device_token, body);
}

static gint64
pc_id (const char *kiosk_token)
{
  g_autoptr(LhApiReply) reply = call ("GET", "/api/v1/devices/current", kiosk_token, NULL);
  JsonObject *pc;

  g_assert_cmpuint (reply->status, ==, 200);
  pc = json_object_get_object_member (json_node_get_object (reply->json), "pc");
  g_assert_nonnull (pc);
  return json_object_get_int_member (pc, "id");
}

/* The start of the next minute, and minutes on from it. */
static char *
minutes_from_now (int minutes)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (lh_test_clock_now ());
  g_autoptr(GDateTime) minute = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now),
                                                     g_date_time_get_hour (now), g_date_time_get_minute (now), 0);
  g_autoptr(GDateTime) at = g_date_time_add_minutes (minute, minutes + 1);

  return g_date_time_format_iso8601 (at);
}

static void
assert_same_time (const char *a, const char *b)
{
  g_autoptr(GDateTime) ta = g_date_time_new_from_iso8601 (a, NULL);
  g_autoptr(GDateTime) tb = g_date_time_new_from_iso8601 (b, NULL);

  g_assert_nonnull (ta);
  g_assert_nonnull (tb);
  g_assert_cmpint (g_date_time_to_unix (ta), ==, g_date_time_to_unix (tb));
}

static gint64
book (const char *session_token, int from_minutes, int to_minutes)
{
  g_autofree char *start = minutes_from_now (from_minutes);
  g_autofree char *end = minutes_from_now (to_minutes);
  g_autofree char *body = g_strdup_printf ("{\"resource_id\":%" G_GINT64_FORMAT ",\"start\":\"%s\",\"end\":\"%s\"}",
                                           pc_id (pc_tokens_[0]), start, end);
  g_autoptr(LhApiReply) reply = call ("POST", "/api/v1/bookings", session_token, body);

  g_assert_cmpuint (reply->status, ==, 201);
  return lh_api_reply_int (reply, "id");
}

static JsonObject *
usage_of (LhApiReply *reply)
{
  g_assert_nonnull (reply->json);
  return json_object_get_object_member (json_node_get_object (reply->json), "usage");
}

static void
test_desk_kiosk_has_no_pc (void)
{
  g_autoptr(LhApiReply) desk = call ("GET", "/api/v1/devices/current", daemon_->device_token, NULL);
  g_autoptr(LhApiReply) pc = call ("GET", "/api/v1/devices/current", pc_tokens_[0], NULL);
  g_autoptr(LhApiReply) nobody = call ("GET", "/api/v1/devices/current", NULL, NULL);
  JsonObject *pc_object;

  g_assert_cmpuint (desk->status, ==, 200);
  g_assert_true (json_object_get_null_member (json_node_get_object (desk->json), "pc"));
  g_assert_cmpint (lh_api_reply_int (desk, "heartbeat_seconds"), ==, 30);
  g_assert_cmpuint (pc->status, ==, 200);
  pc_object = json_object_get_object_member (json_node_get_object (pc->json), "pc");
  g_assert_cmpstr (json_object_get_string_member (pc_object, "name"), ==, PC_NAME);
  g_assert_false (json_object_get_boolean_member (pc_object, "in_use"));
  g_assert_cmpuint (nobody->status, ==, 401);
}

/* Amira books the PC for half an hour from now at the desk, signs in at
 * the PC and is checked in; "More time" adds half an hour, until Ben's
 * booking; Chloe, signing in at the PC meanwhile, is refused. */
static void
test_check_in_extend_refuse (void)
{
  g_autoptr(LhApiReply) amira_desk = sign_in (daemon_->device_token, AMIRA);
  g_autoptr(LhApiReply) ben_desk = sign_in (daemon_->device_token, BEN);
  g_autoptr(LhApiReply) amira = NULL;
  g_autoptr(LhApiReply) mine = NULL;
  g_autoptr(LhApiReply) more = NULL;
  g_autoptr(LhApiReply) no_more = NULL;
  g_autoptr(LhApiReply) chloe = NULL;
  g_autoptr(LhApiReply) beat = NULL;
  g_autoptr(LhApiReply) screen = NULL;
  g_autoptr(LhApiReply) desk_usage = NULL;
  g_autoptr(LhApiReply) desk_extend = NULL;
  g_autofree char *half_hour = minutes_from_now (30);
  g_autofree char *hour = minutes_from_now (60);
  const char *token;
  JsonObject *usage;
  gint64 booking;

  g_assert_cmpuint (amira_desk->status, ==, 201);
  /* At a desk kiosk, signing in is not sitting down. */
  g_assert_true (json_object_get_null_member (json_node_get_object (amira_desk->json), "usage"));
  booking = book (lh_api_reply_string (amira_desk, "token"), 0, 30);

  amira = sign_in (pc_tokens_[0], AMIRA);
  g_assert_cmpuint (amira->status, ==, 201);
  token = lh_api_reply_string (amira, "token");
  usage = usage_of (amira);
  g_assert_cmpstr (json_object_get_string_member (usage, "kind"), ==, "booked");
  g_assert_cmpint (json_object_get_int_member (usage, "booking_id"), ==, booking);
  assert_same_time (json_object_get_string_member (usage, "ends_at"), half_hour);
  assert_same_time (json_object_get_string_member (usage, "can_extend_until"), hour);

  /* My bookings say it is checked in. */
  {
    g_autoptr(LhApiReply) bookings = call ("GET", "/api/v1/me/bookings", token, NULL);
    JsonArray *list = json_object_get_array_member (json_node_get_object (bookings->json), "bookings");
    gboolean found = FALSE;

    for (guint i = 0; i < json_array_get_length (list); i++)
      {
        JsonObject *b = json_array_get_object_element (list, i);

        if (json_object_get_int_member (b, "id") == booking)
          {
            found = TRUE;
            g_assert_false (json_object_get_null_member (b, "checked_in_at"));
            g_assert_false (json_object_get_boolean_member (b, "walk_up"));
          }
      }
    g_assert_true (found);
  }

  mine = call ("GET", "/api/v1/me/usage", token, NULL);
  g_assert_cmpuint (mine->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (usage_of (mine), "id"), ==, json_object_get_int_member (usage, "id"));
  screen = call ("GET", "/api/v1/devices/current", pc_tokens_[0], NULL);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (json_node_get_object (screen->json), "pc"),
                                                 "in_use"));

  more = call ("POST", "/api/v1/me/usage/extend", token, NULL);
  g_assert_cmpuint (more->status, ==, 200);
  assert_same_time (json_object_get_string_member (usage_of (more), "ends_at"), hour);

  book (lh_api_reply_string (ben_desk, "token"), 60, 90);
  no_more = call ("POST", "/api/v1/me/usage/extend", token, NULL);
  g_assert_cmpuint (no_more->status, ==, 409);
  g_assert_nonnull (strstr (no_more->text, "is booked from"));
  /* Which other PC is free now, as a member the kiosk words (issue 15);
   * null when none is. */
  g_assert_cmpstr (lh_api_reply_string (no_more, "reason"), ==, "pc-booked-next");
  g_assert_true (json_object_has_member (json_node_get_object (no_more->json), "free_pc"));
  g_assert_cmpstr (json_object_get_string_member_with_default (json_node_get_object (no_more->json), "free_pc", ""),
                   !=, PC_NAME);

  /* Chloe at the same PC while Amira has it: refused, saying until when
   * and which PC is free, never whose booking; and no session is made.
   * The other PC, open round the clock, has its kiosk on. */
  beat = call ("POST", "/api/v1/devices/heartbeat", pc_tokens_[1], NULL);
  g_assert_cmpuint (beat->status, ==, 204);
  chloe = sign_in (pc_tokens_[0], CHLOE);
  g_assert_cmpuint (chloe->status, ==, 409);
  /* Amira's booking starts on the minute: booked until, or reserved from. */
  g_assert_true (strstr (chloe->text, PC_NAME " is booked until") != NULL ||
                 strstr (chloe->text, PC_NAME " is reserved from") != NULL);
  /* Another PC is named, whichever is free at the tests' moment (the
   * demo's PCs are open then, their bookings laid out at random). */
  {
    g_autoptr(GRegex) free_now = g_regex_new ("\\. ([^.\"]+) is free now\"", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    g_autofree char *other = NULL;

    g_assert_true (g_regex_match (free_now, chloe->text, 0, &match));
    other = g_match_info_fetch (match, 1);
    g_assert_cmpstr (other, !=, PC_NAME);
    g_assert_true (g_str_has_prefix (other, "PC "));
    /* The same PC, as a member: the kiosk words the reason, not the detail. */
    g_assert_cmpstr (lh_api_reply_string (chloe, "free_pc"), ==, other);
  }
  g_assert_null (strstr (chloe->text, json_object_get_string_member (
    json_object_get_object_member (json_node_get_object (amira->json), "person"), "name")));
  g_assert_false (json_object_has_member (json_node_get_object (chloe->json), "token"));

  desk_usage = call ("GET", "/api/v1/me/usage", lh_api_reply_string (ben_desk, "token"), NULL);
  g_assert_cmpuint (desk_usage->status, ==, 200);
  g_assert_null (usage_of (desk_usage));
  desk_extend = call ("POST", "/api/v1/me/usage/extend", lh_api_reply_string (ben_desk, "token"), NULL);
  g_assert_cmpuint (desk_extend->status, ==, 404);
}

/* With the other PC free, signing in there is walk-up use; signing out
 * idle ends it and frees the PC at once. */
static void
test_walk_up_and_idle_sign_out (void)
{
  g_autoptr(LhApiReply) chloe = sign_in (pc_tokens_[1], CHLOE);
  g_autoptr(LhApiReply) bad = NULL;
  g_autoptr(LhApiReply) out = NULL;
  g_autoptr(LhApiReply) after = NULL;
  g_autoptr(LhApiReply) screen = NULL;
  const char *token;

  g_assert_cmpuint (chloe->status, ==, 201);
  token = lh_api_reply_string (chloe, "token");
  g_assert_cmpstr (json_object_get_string_member (usage_of (chloe), "kind"), ==, "walk-up");
  g_assert_cmpstr (json_object_get_string_member (usage_of (chloe), "resource_name"), ==, PC2_NAME);

  bad = call ("DELETE", "/api/v1/sessions/current?reason=lunch", token, NULL);
  g_assert_cmpuint (bad->status, ==, 400);
  out = call ("DELETE", "/api/v1/sessions/current?reason=idle", token, NULL);
  g_assert_cmpuint (out->status, ==, 204);
  after = call ("GET", "/api/v1/me/usage", token, NULL);
  g_assert_cmpuint (after->status, ==, 401);
  screen = call ("GET", "/api/v1/devices/current", pc_tokens_[1], NULL);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (json_node_get_object (screen->json), "pc"),
                                                  "in_use"));
}

/* What the daemon says of the PC at now, on the day offset from today
 * (NULL: nothing, the day is not now). */
static char *
pc_state_now (const char *name, int day_offset)
{
  g_autofree char *at = lh_api_day_at (day_offset, 12);
  g_autofree char *path = g_strdup_printf ("/api/v1/availability?date=%.10s", at);
  g_autoptr(LhApiReply) day = call ("GET", path, pc_tokens_[1], NULL);
  JsonArray *resources;

  g_assert_cmpuint (day->status, ==, 200);
  resources = json_object_get_array_member (json_node_get_object (day->json), "resources");
  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      JsonObject *resource = json_array_get_object_element (resources, i);

      if (g_str_equal (json_object_get_string_member (resource, "name"), name))
        return g_strdup (json_object_get_string_member (resource, "state_now"));
    }
  g_assert_not_reached ();
}

/* Sitting down at a PC out of order is refused with a reason the kiosk
 * words (not guessed from the status), and nothing starts. The daemon
 * says the PC is out of order now, for the kiosk to show the hour going
 * on so; of another day it says nothing about now. */
static void
test_walk_up_out_of_order (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *body = g_strdup_printf ("{\"category\": \"screen\", \"resource_id\": %" G_GINT64_FORMAT "}",
                                           pc_id (pc_tokens_[1]));
  g_autoptr(LhApiReply) report = call ("POST", "/api/v1/faults", admin, body);
  g_autoptr(LhApiReply) chloe = NULL;
  g_autoptr(LhApiReply) repaired = NULL;
  g_autoptr(LhApiReply) screen = NULL;
  g_autofree char *repair = NULL;
  g_autofree char *state = NULL;
  JsonObject *fault;

  g_assert_cmpuint (report->status, ==, 201);
  fault = json_object_get_object_member (json_node_get_object (report->json), "fault");
  g_assert_true (json_object_get_boolean_member (fault, "stops_use"));
  chloe = sign_in (pc_tokens_[1], CHLOE);
  g_assert_cmpuint (chloe->status, ==, 422);
  g_assert_cmpstr (lh_api_reply_string (chloe, "reason"), ==, "pc-out-of-order");
  state = pc_state_now (PC2_NAME, 0);
  g_assert_cmpstr (state, ==, "out-of-order");
  g_clear_pointer (&state, g_free);
  state = pc_state_now (PC2_NAME, 1);
  g_assert_null (state);
  screen = call ("GET", "/api/v1/devices/current", pc_tokens_[1], NULL);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (json_node_get_object (screen->json),
                                                                                 "pc"), "in_use"));
  repair = lh_api_path ("/api/v1/faults/%" G_GINT64_FORMAT "/repaired", json_object_get_int_member (fault, "id"));
  repaired = call ("POST", repair, admin, "{}");
  g_assert_cmpuint (repaired->status, ==, 200);
  /* Repaired: its kiosk answers or not, but it is out of order no more. */
  g_clear_pointer (&state, g_free);
  state = pc_state_now (PC2_NAME, 0);
  g_assert_true (g_strcmp0 (state, "usual") == 0 || g_strcmp0 (state, "offline") == 0);
}

void
lh_api_usage_add_tests (LhTestDaemon *daemon, SoupSession *session, GStrv pc_kiosk_tokens)
{
  daemon_ = daemon;
  session_ = session;
  pc_tokens_ = pc_kiosk_tokens;
  g_test_add_func ("/api/usage/desk-kiosk-has-no-pc", test_desk_kiosk_has_no_pc);
  g_test_add_func ("/api/usage/check-in-extend-refuse", test_check_in_extend_refuse);
  g_test_add_func ("/api/usage/walk-up-and-idle-sign-out", test_walk_up_and_idle_sign_out);
  g_test_add_func ("/api/usage/walk-up-out-of-order", test_walk_up_out_of_order);
}
