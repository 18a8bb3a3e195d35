/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The API over a real loopback socket against a real learnhubd, and then
 * the API document checked against what the tests saw. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"
#include "lh-server.h"
#include "lh-test-daemon.h"

static LhTestDaemon *daemon_;
static SoupSession *session_;

static LhApiReply *
call (const char *method, const char *path, const char *token, const char *body)
{
  return lh_api_call (session_, daemon_->base_url, method, path, token, body);
}

static char *
sign_in_as (const char *roles)
{
  return lh_api_sign_in_as (session_, daemon_, roles);
}

/* The n-th demo account with exactly these roles. */
static void
nth_account (const char *roles, guint n, const char **staff, const char **pin)
{
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (daemon_->demo), "accounts");

  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      JsonArray *r = json_object_get_array_member (account, "roles");

      if (json_array_get_length (r) == 1 && g_str_equal (json_array_get_string_element (r, 0), roles) && n-- == 0)
        {
          *staff = json_object_get_string_member (account, "staff_number");
          *pin = json_object_get_string_member (account, "pin");
          return;
        }
    }
  g_assert_not_reached ();
}

/* A free hour, on the hour, on some PC in the coming days. */
char *
lh_api_free_slot_body (const char *token, int skip)
{
  for (int day = 1; day <= 7; day++)
    {
      g_autofree char *date = lh_api_day_at (day, 0);
      g_autofree char *path = NULL;
      g_autoptr(LhApiReply) reply = NULL;
      JsonArray *resources;

      date[10] = '\0';
      path = g_strdup_printf ("/api/v1/availability?date=%s", date);
      reply = call ("GET", path, token, NULL);
      g_assert_cmpuint (reply->status, ==, 200);
      resources = json_object_get_array_member (json_node_get_object (reply->json), "resources");
      for (guint r = 0; r < json_array_get_length (resources); r++)
        {
          JsonObject *resource = json_array_get_object_element (resources, r);
          JsonArray *free = json_object_get_array_member (resource, "free");

          if (!g_str_equal (json_object_get_string_member (resource, "kind"), "pc"))
            continue;
          for (guint f = 0; f < json_array_get_length (free); f++)
            {
              JsonObject *interval = json_array_get_object_element (free, f);
              g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (json_object_get_string_member (interval, "start"), NULL);
              g_autoptr(GDateTime) end = g_date_time_new_from_iso8601 (json_object_get_string_member (interval, "end"), NULL);
              g_autoptr(GDateTime) hour_end = NULL;
              g_autofree char *s = NULL;
              g_autofree char *e = NULL;

              if (g_date_time_difference (end, start) < G_TIME_SPAN_HOUR ||
                  g_date_time_get_minute (start) != 0 || skip-- > 0)
                continue;
              hour_end = g_date_time_add_hours (start, 1);
              s = g_date_time_format_iso8601 (start);
              e = g_date_time_format_iso8601 (hour_end);
              return g_strdup_printf ("{\"resource_id\":%" G_GINT64_FORMAT ",\"start\":\"%s\",\"end\":\"%s\"}",
                                      json_object_get_int_member (resource, "id"), s, e);
            }
        }
    }
  g_assert_not_reached ();
}

static void
test_health (void)
{
  g_autoptr(LhApiReply) reply = call ("GET", "/api/v1/health", NULL, NULL);

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (lh_api_reply_string (reply, "status"), ==, "ok");
  /* The centre's idle timing for its kiosks (the defaults here): the
   * warning lasts 20 seconds at least. */
  g_assert_cmpint (lh_api_reply_int (reply, "idle_seconds"), ==, 60);
  g_assert_cmpint (lh_api_reply_int (reply, "idle_long_page_seconds"), ==, 150);
  g_assert_cmpint (lh_api_reply_int (reply, "idle_warning_seconds"), >=, 20);
}

static void
test_sign_in (void)
{
  g_autoptr(LhApiReply) reply = NULL;
  const char *staff, *pin;
  JsonObject *person;
  g_autofree char *body = NULL;

  g_assert_true (lh_test_daemon_account (daemon_, "learner", &staff, &pin));
  body = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff, pin);
  reply = call ("POST", "/api/v1/sessions", daemon_->device_token, body);
  g_assert_cmpuint (reply->status, ==, 201);
  g_assert_cmpuint (strlen (lh_api_reply_string (reply, "token")), >=, 40);
  g_assert_nonnull (lh_api_reply_string (reply, "expires_at"));
  person = json_object_get_object_member (json_node_get_object (reply->json), "person");
  g_assert_cmpstr (json_object_get_string_member (person, "staff_number"), ==, staff);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (person, "roles"), 0), ==, "learner");
  g_assert_false (json_object_get_boolean_member (person, "guest"));
  /* A learner books computers; rooms are for learning reps and admins. */
  {
    JsonObject *root = json_node_get_object (reply->json);
    JsonObject *may = json_object_get_object_member (root, "may");
    JsonObject *limits = json_object_get_object_member (root, "limits");

    g_assert_true (json_object_get_boolean_member (may, "book_computers"));
    g_assert_false (json_object_get_boolean_member (may, "book_rooms"));
    g_assert_cmpint (json_object_get_int_member (limits, "idle_warning_seconds"), ==, 30);
  }
}

static void
test_sign_in_refusals (void)
{
  const char *staff, *pin;
  g_autofree char *wrong = NULL;
  g_autoptr(LhApiReply) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL, r6 = NULL, r7 = NULL;

  nth_account ("learner", 1, &staff, &pin);
  wrong = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff, g_str_equal (pin, "0000") ? "1111" : "0000");

  r1 = call ("POST", "/api/v1/sessions", daemon_->device_token, wrong);
  g_assert_cmpuint (r1->status, ==, 401);
  g_assert_cmpstr (lh_api_reply_string (r1, "reason"), ==, "pin-mismatch");
  r2 = call ("POST", "/api/v1/sessions", "not-a-device", wrong);
  g_assert_cmpuint (r2->status, ==, 401);
  g_assert_cmpstr (lh_api_reply_string (r2, "reason"), ==, "kiosk-unknown");
  r3 = call ("POST", "/api/v1/sessions", NULL, wrong);
  g_assert_cmpuint (r3->status, ==, 401);
  r4 = call ("POST", "/api/v1/sessions", daemon_->device_token, "{\"staff_number\":");
  g_assert_cmpuint (r4->status, ==, 400);
  r5 = call ("POST", "/api/v1/sessions", daemon_->device_token, "{\"staff_number\":100001,\"pin\":1234}");
  g_assert_cmpuint (r5->status, ==, 400);
  r6 = call ("POST", "/api/v1/sessions", daemon_->device_token, "[1,2,3]");
  g_assert_cmpuint (r6->status, ==, 400);
  /* A session token is not a device token. */
  {
    g_autofree char *token = sign_in_as ("learner");
    r7 = call ("POST", "/api/v1/sessions", token, wrong);
    g_assert_cmpuint (r7->status, ==, 401);
  }
}

static void
test_lockout (void)
{
  const char *staff, *pin;
  g_autofree char *wrong = NULL;
  g_autofree char *right = NULL;
  g_autoptr(LhApiReply) locked = NULL;
  g_autoptr(LhApiReply) still_locked = NULL;

  nth_account ("learner", 2, &staff, &pin);
  wrong = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff, g_str_equal (pin, "0000") ? "1111" : "0000");
  right = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff, pin);
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(LhApiReply) reply = call ("POST", "/api/v1/sessions", daemon_->device_token, wrong);
      g_assert_cmpuint (reply->status, ==, 401);
    }
  locked = call ("POST", "/api/v1/sessions", daemon_->device_token, wrong);
  g_assert_cmpuint (locked->status, ==, 429);
  g_assert_nonnull (lh_api_reply_string (locked, "locked_until"));
  g_assert_cmpstr (lh_api_reply_string (locked, "reason"), ==, "staff-number-locked");
  g_assert_cmpint (lh_api_reply_int (locked, "locked_minutes"), >, 0);
  still_locked = call ("POST", "/api/v1/sessions", daemon_->device_token, right);
  g_assert_cmpuint (still_locked->status, ==, 429);
}

static void
test_sign_out (void)
{
  g_autofree char *token = sign_in_as ("learner");
  g_autoptr(LhApiReply) before = call ("GET", "/api/v1/me/bookings", token, NULL);
  g_autoptr(LhApiReply) out = call ("DELETE", "/api/v1/sessions/current", token, NULL);
  g_autoptr(LhApiReply) after = call ("GET", "/api/v1/me/bookings", token, NULL);
  g_autoptr(LhApiReply) again = call ("DELETE", "/api/v1/sessions/current", token, NULL);

  g_assert_cmpuint (before->status, ==, 200);
  g_assert_cmpuint (out->status, ==, 204);
  g_assert_cmpuint (after->status, ==, 401);
  g_assert_cmpuint (again->status, ==, 401);
}

static void
test_resources (void)
{
  g_autoptr(LhApiReply) with_device = call ("GET", "/api/v1/resources", daemon_->device_token, NULL);
  g_autoptr(LhApiReply) without = call ("GET", "/api/v1/resources", NULL, NULL);
  g_autoptr(LhApiReply) bad = call ("GET", "/api/v1/resources", "forged", NULL);
  JsonArray *list;

  g_assert_cmpuint (with_device->status, ==, 200);
  list = json_object_get_array_member (json_node_get_object (with_device->json), "resources");
  /* The demo's 8 PCs and room, and the usage tests' two PCs open round the
   * clock: PCs first, shorter names first. */
  g_assert_cmpuint (json_array_get_length (list), ==, 11);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "name"), ==, "PC 1");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 9), "name"), ==, "PC Always 2");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 10), "kind"), ==, "room");
  g_assert_cmpuint (without->status, ==, 401);
  g_assert_cmpuint (bad->status, ==, 401);
}

static void
test_availability (void)
{
  g_autofree char *token = sign_in_as ("learner");
  g_autofree char *tomorrow = lh_api_day_at (1, 0);
  g_autofree char *path = NULL;
  g_autoptr(LhApiReply) ok = NULL, missing = NULL, bad = NULL, far = NULL, none = NULL;
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (daemon_->demo), "accounts");

  tomorrow[10] = '\0';
  path = g_strdup_printf ("/api/v1/availability?date=%s", tomorrow);
  ok = call ("GET", path, token, NULL);
  g_assert_cmpuint (ok->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (ok->json), "resources")), ==, 11);
  /* Never a name, nor a staff number. */
  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      g_assert_null (strstr (ok->text, json_object_get_string_member (account, "name")));
      g_assert_null (strstr (ok->text, json_object_get_string_member (account, "staff_number")));
    }
  missing = call ("GET", "/api/v1/availability", token, NULL);
  g_assert_cmpuint (missing->status, ==, 400);
  bad = call ("GET", "/api/v1/availability?date=2026-02-31", token, NULL);
  g_assert_cmpuint (bad->status, ==, 400);
  far = call ("GET", "/api/v1/availability?date=2099-01-01", token, NULL);
  g_assert_cmpuint (far->status, ==, 422);
  none = call ("GET", path, NULL, NULL);
  g_assert_cmpuint (none->status, ==, 401);
}

static void
test_rules (void)
{
  g_autoptr(LhApiReply) reply = call ("GET", "/api/v1/rules", daemon_->device_token, NULL);
  g_autoptr(LhApiReply) none = call ("GET", "/api/v1/rules", NULL, NULL);
  JsonObject *in_force;

  g_assert_cmpuint (reply->status, ==, 200);
  in_force = json_object_get_object_member (json_node_get_object (reply->json), "in_force");
  g_assert_cmpint (json_object_get_int_member (in_force, "max_booking_minutes"), >=, 15);
  g_assert_true (json_object_has_member (json_node_get_object (reply->json), "closures"));
  g_assert_cmpuint (none->status, ==, 401);
}

/* The demo's agreement (data/demo/terms.conf) from April 2026; before it,
 * learnhub's defaults, named as such. */
static void
test_terms (void)
{
  g_autoptr(LhApiReply) now = call ("GET", "/api/v1/terms", daemon_->device_token, NULL);
  g_autoptr(LhApiReply) before = call ("GET", "/api/v1/terms?at=2026-03-31", daemon_->device_token, NULL);
  g_autoptr(LhApiReply) in_year = call ("GET", "/api/v1/terms?at=2027-03-31", daemon_->device_token, NULL);
  g_autoptr(LhApiReply) bad = call ("GET", "/api/v1/terms?at=31/03/2027", daemon_->device_token, NULL);
  g_autoptr(LhApiReply) none = call ("GET", "/api/v1/terms", NULL, NULL);

  g_assert_cmpuint (now->status, ==, 200);
  g_assert_cmpstr (lh_api_reply_string (now, "name"), ==, "Riverside Depot Learning Agreement 2026");
  g_assert_cmpstr (lh_api_reply_string (now, "in_force_from"), ==, "2026-04-01");
  g_assert_cmpint (lh_api_reply_int (now, "paid_learning_minutes"), ==, 52 * 60 + 30);
  g_assert_cmpint (lh_api_reply_int (now, "ulr_facility_minutes_per_week"), ==, 300);
  g_assert_cmpuint (before->status, ==, 200);
  g_assert_cmpstr (lh_api_reply_string (before, "name"), ==, "Model learning agreement");
  g_assert_true (json_object_get_null_member (json_node_get_object (before->json), "in_force_from"));
  /* The agreement year runs April to March. */
  g_assert_cmpstr (lh_api_reply_string (in_year, "year_start"), ==, "2026-04-01");
  g_assert_cmpuint (bad->status, ==, 400);
  g_assert_cmpuint (none->status, ==, 401);
}

static void
test_book_list_cancel (void)
{
  g_autofree char *token = sign_in_as ("learner");
  g_autofree char *other = NULL;
  g_autofree char *body = lh_api_free_slot_body (token, 0);
  g_autoptr(LhApiReply) booked = call ("POST", "/api/v1/bookings", token, body);
  g_autoptr(LhApiReply) mine = NULL, clash = NULL, not_yours = NULL, cancel = NULL, again = NULL, rebook = NULL;
  g_autofree char *path = NULL;
  JsonArray *list;
  gboolean found = FALSE;
  gint64 id;
  const char *staff, *pin;

  g_assert_cmpuint (booked->status, ==, 201);
  id = lh_api_reply_int (booked, "id");
  g_assert_cmpstr (lh_api_reply_string (booked, "status"), ==, "booked");

  mine = call ("GET", "/api/v1/me/bookings", token, NULL);
  g_assert_cmpuint (mine->status, ==, 200);
  list = json_object_get_array_member (json_node_get_object (mine->json), "bookings");
  for (guint i = 0; i < json_array_get_length (list); i++)
    found |= json_object_get_int_member (json_array_get_object_element (list, i), "id") == id;
  g_assert_true (found);

  nth_account ("learner", 3, &staff, &pin);
  other = lh_api_sign_in (session_, daemon_->base_url, daemon_->device_token, staff, pin);
  clash = call ("POST", "/api/v1/bookings", other, body);
  g_assert_cmpuint (clash->status, ==, 409);
  g_assert_cmpstr (lh_api_reply_string (clash, "reason"), ==, "resource-taken");

  path = g_strdup_printf ("/api/v1/bookings/%" G_GINT64_FORMAT, id);
  not_yours = call ("DELETE", path, other, NULL);
  g_assert_cmpuint (not_yours->status, ==, 404);
  g_assert_cmpstr (lh_api_reply_string (not_yours, "reason"), ==, "booking-not-found");
  cancel = call ("DELETE", path, token, NULL);
  g_assert_cmpuint (cancel->status, ==, 204);
  again = call ("DELETE", path, token, NULL);
  g_assert_cmpuint (again->status, ==, 404);

  /* Free again for the other person. */
  rebook = call ("POST", "/api/v1/bookings", other, body);
  g_assert_cmpuint (rebook->status, ==, 201);
}

static void
test_booking_calendar (void)
{
  g_autofree char *token = sign_in_as ("learner");
  g_autofree char *body = lh_api_free_slot_body (token, 2);
  g_autoptr(LhApiReply) booked = call ("POST", "/api/v1/bookings", token, body);
  g_autoptr(LhApiReply) ics = NULL, wrong = NULL, none = NULL, cancelled = NULL, gone = NULL;
  g_autofree char *url = NULL;
  g_autofree char *wrong_url = NULL;
  g_autofree char *cancel_path = NULL;
  const char *key;

  g_assert_cmpuint (booked->status, ==, 201);
  url = g_strdup (lh_api_reply_string (booked, "calendar_url"));
  key = strstr (url, "?key=");
  g_assert_nonnull (key);
  g_assert_cmpuint (strlen (key + 5), >=, 32);

  /* No token: a phone opens it from the link alone. */
  ics = call ("GET", url, NULL, NULL);
  g_assert_cmpuint (ics->status, ==, 200);
  g_assert_cmpstr (ics->content_type, ==, "text/calendar");
  g_assert_true (g_str_has_prefix (ics->text, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (ics->text, "BEGIN:VEVENT"));

  wrong_url = g_strndup (url, strlen (url) - 4);
  wrong = call ("GET", wrong_url, NULL, NULL);
  g_assert_cmpuint (wrong->status, ==, 404);
  {
    g_autofree char *bare = g_strndup (url, key - url);
    none = call ("GET", bare, NULL, NULL);
    g_assert_cmpuint (none->status, ==, 404);
  }

  /* The person's own feed lists it too; a wrong key finds nothing. */
  {
    g_autoptr(LhApiReply) made = NULL, feed = NULL, bad_feed = NULL;
    g_autofree char *feed_url = NULL;
    g_autofree char *bad_url = NULL;

    made = call ("POST", "/api/v1/me/calendar-feed", token, NULL);
    g_assert_cmpuint (made->status, ==, 201);
    feed_url = g_strdup (lh_api_reply_string (made, "calendar_feed_url"));
    feed = call ("GET", feed_url, NULL, NULL);
    g_assert_cmpuint (feed->status, ==, 200);
    g_assert_nonnull (strstr (feed->text, "BEGIN:VEVENT"));
    bad_url = g_strndup (feed_url, strlen (feed_url) - 3);
    bad_feed = call ("GET", bad_url, NULL, NULL);
    g_assert_cmpuint (bad_feed->status, ==, 404);
  }

  cancel_path = g_strdup_printf ("/api/v1/bookings/%" G_GINT64_FORMAT, lh_api_reply_int (booked, "id"));
  cancelled = call ("DELETE", cancel_path, token, NULL);
  g_assert_cmpuint (cancelled->status, ==, 204);
  gone = call ("GET", url, NULL, NULL);
  g_assert_cmpuint (gone->status, ==, 404);
}

static void
test_booking_refusals (void)
{
  g_autofree char *token = sign_in_as ("learner");
  g_autofree char *admin = sign_in_as ("admin");
  g_autofree char *yesterday = lh_api_day_at (-1, 10);
  g_autofree char *yesterday_end = lh_api_day_at (-1, 11);
  g_autofree char *past = g_strdup_printf ("{\"resource_id\":1,\"start\":\"%s\",\"end\":\"%s\"}", yesterday, yesterday_end);
  g_autofree char *night = lh_api_day_at (1, 23);
  g_autofree char *night_body = NULL;
  g_autofree char *slot = lh_api_free_slot_body (token, 1);
  g_autofree char *huge = NULL;
  g_autofree char *long_string = NULL;
  g_autoptr(LhApiReply) r_past = NULL, r_night = NULL, r_admin = NULL;
  g_autoptr(LhApiReply) r_garbage = NULL, r_type = NULL, r_no_offset = NULL, r_huge = NULL, r_none = NULL;
  g_autoptr(LhApiReply) r_long = NULL;

  {
    /* 23:00 to 23:30: the centre is closed. */
    g_autoptr(GDateTime) n = g_date_time_new_from_iso8601 (night, NULL);
    g_autoptr(GDateTime) n2 = g_date_time_add_minutes (n, 30);
    g_autofree char *ne = g_date_time_format_iso8601 (n2);
    night_body = g_strdup_printf ("{\"resource_id\":1,\"start\":\"%s\",\"end\":\"%s\"}", night, ne);
  }

  r_past = call ("POST", "/api/v1/bookings", token, past);
  g_assert_cmpuint (r_past->status, ==, 422);
  g_assert_cmpstr (lh_api_reply_string (r_past, "reason"), ==, "time-passed");
  r_night = call ("POST", "/api/v1/bookings", token, night_body);
  g_assert_cmpuint (r_night->status, ==, 422);
  g_assert_cmpstr (lh_api_reply_string (r_night, "reason"), ==, "outside-hours");
  r_admin = call ("POST", "/api/v1/bookings", admin, slot);
  g_assert_cmpuint (r_admin->status, ==, 403);
  r_garbage = call ("POST", "/api/v1/bookings", token, "not json at all");
  g_assert_cmpuint (r_garbage->status, ==, 400);
  r_type = call ("POST", "/api/v1/bookings", token, "{\"resource_id\":\"1\",\"start\":1,\"end\":2}");
  g_assert_cmpuint (r_type->status, ==, 400);
  r_no_offset = call ("POST", "/api/v1/bookings", token,
                      "{\"resource_id\":1,\"start\":\"2030-01-01T10:00:00\",\"end\":\"2030-01-01T11:00:00\"}");
  g_assert_cmpuint (r_no_offset->status, ==, 422);
  long_string = g_strnfill (60000, '9');
  {
    g_autofree char *b = g_strdup_printf ("{\"resource_id\":1,\"start\":\"%s\",\"end\":\"x\"}", long_string);
    r_long = call ("POST", "/api/v1/bookings", token, b);
    g_assert_cmpuint (r_long->status, ==, 422);
  }
  huge = g_strnfill (70 * 1024, ' ');
  r_huge = call ("POST", "/api/v1/bookings", token, huge);
  g_assert_cmpuint (r_huge->status, ==, 413);
  r_none = call ("POST", "/api/v1/bookings", NULL, slot);
  g_assert_cmpuint (r_none->status, ==, 401);
}

static void
test_unknown_resource (void)
{
  g_autofree char *token = sign_in_as ("learner");
  g_autofree char *start = lh_api_day_at (1, 10);
  g_autofree char *end = lh_api_day_at (1, 11);
  g_autofree char *body = g_strdup_printf ("{\"resource_id\":424242,\"start\":\"%s\",\"end\":\"%s\"}", start, end);
  g_autoptr(LhApiReply) reply = call ("POST", "/api/v1/bookings", token, body);

  g_assert_cmpuint (reply->status, ==, 422);
}

static char *
group_body (int day, int weeks, int capacity)
{
  g_autofree char *start = lh_api_day_at (day, 15);
  g_autofree char *end = lh_api_day_at (day, 16);

  return g_strdup_printf ("{\"resource_id\":9,\"title\":\"Reading group\",\"topic\":\"Short stories\","
                          "\"start\":\"%s\",\"end\":\"%s\",\"capacity\":%d,\"weeks\":%d}",
                          start, end, capacity, weeks);
}

static void
test_group_sessions (void)
{
  g_autofree char *ulr = sign_in_as ("learner,ulr");
  g_autofree char *learner = sign_in_as ("learner");
  g_autofree char *body = group_body (lh_api_weekday_ahead (8), 2, 1);
  g_autofree char *places = NULL;
  g_autofree char *mine = NULL;
  g_autoptr(LhApiReply) created = call ("POST", "/api/v1/group-sessions", ulr, body);
  g_autoptr(LhApiReply) clash = NULL, forbidden = NULL, bad = NULL, list = NULL, bad_list = NULL;
  g_autoptr(LhApiReply) joined = NULL, again = NULL, waiting = NULL, left = NULL, left_again = NULL;
  g_autoptr(LhApiReply) nowhere = NULL, promoted_sign_in = NULL, none = NULL;
  const char *staff, *pin;
  gint64 id;

  g_assert_cmpuint (created->status, ==, 201);
  id = lh_api_reply_int (created, "id");
  clash = call ("POST", "/api/v1/group-sessions", ulr, body);
  g_assert_cmpuint (clash->status, ==, 409);
  forbidden = call ("POST", "/api/v1/group-sessions", learner, body);
  g_assert_cmpuint (forbidden->status, ==, 403);
  bad = call ("POST", "/api/v1/group-sessions", ulr, "{\"resource_id\":9,\"title\":7}");
  g_assert_cmpuint (bad->status, ==, 400);

  list = call ("GET", "/api/v1/group-sessions?to=2099-01-01", daemon_->device_token, NULL);
  g_assert_cmpuint (list->status, ==, 422);
  g_clear_pointer (&list, lh_api_reply_free);
  {
    g_autofree char *to = lh_api_day_at (30, 0);
    g_autofree char *path = NULL;
    to[10] = '\0';
    path = g_strdup_printf ("/api/v1/group-sessions?to=%s", to);
    list = call ("GET", path, daemon_->device_token, NULL);
  }
  g_assert_cmpuint (list->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (list->json),
                                                                         "group_sessions")), >=, 2);
  bad_list = call ("GET", "/api/v1/group-sessions?from=soon", daemon_->device_token, NULL);
  g_assert_cmpuint (bad_list->status, ==, 400);
  none = call ("GET", "/api/v1/group-sessions", NULL, NULL);
  g_assert_cmpuint (none->status, ==, 401);

  /* One place: the first gets it, the next waits. */
  places = g_strdup_printf ("/api/v1/group-sessions/%" G_GINT64_FORMAT "/places", id);
  mine = g_strdup_printf ("/api/v1/group-sessions/%" G_GINT64_FORMAT "/places/mine", id);
  joined = call ("POST", places, learner, NULL);
  g_assert_cmpuint (joined->status, ==, 201);
  again = call ("POST", places, learner, NULL);
  g_assert_cmpuint (again->status, ==, 409);
  nth_account ("learner", 4, &staff, &pin);
  {
    g_autofree char *other = lh_api_sign_in (session_, daemon_->base_url, daemon_->device_token, staff, pin);
    waiting = call ("POST", places, other, NULL);
    g_assert_cmpuint (waiting->status, ==, 202);
    g_assert_cmpint (lh_api_reply_int (waiting, "position"), ==, 1);
  }
  left = call ("DELETE", mine, learner, NULL);
  g_assert_cmpuint (left->status, ==, 204);
  left_again = call ("DELETE", mine, learner, NULL);
  g_assert_cmpuint (left_again->status, ==, 404);
  nowhere = call ("POST", "/api/v1/group-sessions/999999/places", learner, NULL);
  g_assert_cmpuint (nowhere->status, ==, 404);

  /* The one who waited is told at the next sign-in, once. */
  {
    g_autofree char *json = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff, pin);
    JsonArray *notices;

    promoted_sign_in = call ("POST", "/api/v1/sessions", daemon_->device_token, json);
    g_assert_cmpuint (promoted_sign_in->status, ==, 201);
    notices = json_object_get_array_member (json_node_get_object (promoted_sign_in->json), "notices");
    g_assert_cmpuint (json_array_get_length (notices), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notices, 0), "type"), ==,
                     "waiting-list-promoted");
  }
}

static void
test_guests (void)
{
  const char *staff, *pin;
  g_autofree char *sponsor = NULL;
  g_autofree char *guest = NULL;
  g_autoptr(LhApiReply) registered = NULL, no_name = NULL, by_guest = NULL, room = NULL, pc = NULL;
  g_autofree char *room_start = lh_api_day_at (lh_api_weekday_ahead (9), 10);
  g_autofree char *room_end = lh_api_day_at (lh_api_weekday_ahead (9), 11);
  g_autofree char *room_body = g_strdup_printf ("{\"resource_id\":9,\"start\":\"%s\",\"end\":\"%s\"}",
                                                room_start, room_end);
  g_autofree char *pc_body = NULL;

  nth_account ("learner", 5, &staff, &pin);
  sponsor = lh_api_sign_in (session_, daemon_->base_url, daemon_->device_token, staff, pin);
  registered = call ("POST", "/api/v1/guests", sponsor, "{\"name\":\"Samira Khan\"}");
  g_assert_cmpuint (registered->status, ==, 201);
  g_assert_true (g_str_has_prefix (lh_api_reply_string (registered, "staff_number"), "G"));
  no_name = call ("POST", "/api/v1/guests", sponsor, "{\"name\":\"  \"}");
  g_assert_cmpuint (no_name->status, ==, 422);
  g_assert_cmpstr (lh_api_reply_string (no_name, "reason"), ==, "name-invalid");
  g_assert_cmpint (lh_api_reply_int (no_name, "max_chars"), ==, 100);

  /* The guest signs in with what the sponsor was shown, and is told so. */
  {
    g_autofree char *body = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}",
                                             lh_api_reply_string (registered, "staff_number"),
                                             lh_api_reply_string (registered, "pin"));
    g_autoptr(LhApiReply) signed_in = call ("POST", "/api/v1/sessions", daemon_->device_token, body);

    g_assert_cmpuint (signed_in->status, ==, 201);
    g_assert_true (json_object_get_boolean_member (json_object_get_object_member (
      json_node_get_object (signed_in->json), "person"), "guest"));
    guest = g_strdup (lh_api_reply_string (signed_in, "token"));
  }
  by_guest = call ("POST", "/api/v1/guests", guest, "{\"name\":\"A friend\"}");
  g_assert_cmpuint (by_guest->status, ==, 403);
  room = call ("POST", "/api/v1/bookings", guest, room_body);
  g_assert_cmpuint (room->status, ==, 422);
  g_assert_cmpstr (lh_api_reply_string (room, "reason"), ==, "staff-only");
  pc_body = lh_api_free_slot_body (guest, 3);
  pc = call ("POST", "/api/v1/bookings", guest, pc_body);
  g_assert_cmpuint (pc->status, ==, 201);
}

/* A learner who asks for a room anyway is refused with a reason; a
 * learning rep books it. */
static void
test_rooms_for_reps (void)
{
  g_autofree char *learner = sign_in_as ("learner");
  g_autofree char *ulr = sign_in_as ("learner,ulr");
  g_autofree char *start = lh_api_day_at (lh_api_weekday_ahead (12), 16);
  g_autofree char *end = lh_api_day_at (lh_api_weekday_ahead (12), 17);
  g_autofree char *body = g_strdup_printf ("{\"resource_id\":9,\"start\":\"%s\",\"end\":\"%s\"}", start, end);
  g_autoptr(LhApiReply) refused = call ("POST", "/api/v1/bookings", learner, body);
  g_autoptr(LhApiReply) booked = NULL;
  g_autoptr(LhApiReply) given_back = NULL;
  g_autofree char *path = NULL;

  g_assert_cmpuint (refused->status, ==, 422);
  g_assert_cmpstr (lh_api_reply_string (refused, "reason"), ==, "rooms-for-reps");
  booked = call ("POST", "/api/v1/bookings", ulr, body);
  g_assert_cmpuint (booked->status, ==, 201);
  path = g_strdup_printf ("/api/v1/bookings/%" G_GINT64_FORMAT, lh_api_reply_int (booked, "id"));
  given_back = call ("DELETE", path, ulr, NULL);
  g_assert_cmpuint (given_back->status, <, 300);
}

static void
test_devices_admin_only (void)
{
  g_autofree char *admin = sign_in_as ("admin");
  g_autofree char *learner = sign_in_as ("learner");
  g_autoptr(LhApiReply) ok = call ("GET", "/api/v1/devices", admin, NULL);
  g_autoptr(LhApiReply) forbidden = call ("GET", "/api/v1/devices", learner, NULL);
  g_autoptr(LhApiReply) none = call ("GET", "/api/v1/devices", NULL, NULL);

  g_assert_cmpuint (ok->status, ==, 200);
  g_assert_null (strstr (ok->text, daemon_->device_token));
  g_assert_cmpuint (forbidden->status, ==, 403);
  g_assert_cmpuint (none->status, ==, 401);
}

/* The WebSocket itself is tested in test-events.c; here, what a plain
 * request to it gets. */
static void
test_events_needs_websocket (void)
{
  g_autoptr(LhApiReply) plain = call ("GET", "/api/v1/events", daemon_->device_token, NULL);
  g_autoptr(LhApiReply) none = call ("GET", "/api/v1/events", NULL, NULL);

  g_assert_cmpuint (plain->status, ==, 400);
  g_assert_cmpuint (none->status, ==, 401);
}

static void
test_heartbeat (void)
{
  g_autofree char *token = sign_in_as ("learner");
  g_autoptr(LhApiReply) beat = call ("POST", "/api/v1/devices/heartbeat", daemon_->device_token, NULL);
  g_autoptr(LhApiReply) by_person = call ("POST", "/api/v1/devices/heartbeat", token, NULL);

  g_assert_cmpuint (beat->status, ==, 204);
  g_assert_cmpuint (by_person->status, ==, 401);
}

static void
test_unknown_paths (void)
{
  g_autoptr(LhApiReply) nothing = call ("GET", "/api/v1/nothing-here", NULL, NULL);
  g_autoptr(LhApiReply) method = call ("PUT", "/api/v1/health", NULL, NULL);
  g_autoptr(LhApiReply) bad_id = call ("DELETE", "/api/v1/bookings/abc", NULL, NULL);

  g_assert_cmpuint (nothing->status, ==, 404);
  g_assert_cmpuint (method->status, ==, 405);
  g_assert_cmpuint (bad_id->status, ==, 404);
}

static void
setup (const char *db_path, gpointer user_data)
{
  lh_api_setup_always_open_pcs (db_path, user_data);
  lh_api_setup_advice_people (db_path, NULL);
}

int
main (int argc, char **argv)
{
  g_auto(GStrv) pc_kiosk_tokens = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);
  daemon_ = lh_test_daemon_start_with_setup (NULL, setup, &pc_kiosk_tokens);
  session_ = soup_session_new ();

  g_test_add_func ("/api/health", test_health);
  g_test_add_func ("/api/sessions/sign-in", test_sign_in);
  g_test_add_func ("/api/sessions/refusals", test_sign_in_refusals);
  g_test_add_func ("/api/sessions/lockout", test_lockout);
  g_test_add_func ("/api/sessions/sign-out", test_sign_out);
  g_test_add_func ("/api/resources", test_resources);
  g_test_add_func ("/api/availability", test_availability);
  g_test_add_func ("/api/rules", test_rules);
  g_test_add_func ("/api/terms", test_terms);
  g_test_add_func ("/api/bookings/book-list-cancel", test_book_list_cancel);
  g_test_add_func ("/api/bookings/calendar", test_booking_calendar);
  g_test_add_func ("/api/bookings/refusals", test_booking_refusals);
  g_test_add_func ("/api/bookings/unknown-resource", test_unknown_resource);
  g_test_add_func ("/api/group-sessions", test_group_sessions);
  g_test_add_func ("/api/guests", test_guests);
  g_test_add_func ("/api/bookings/rooms-for-reps", test_rooms_for_reps);
  g_test_add_func ("/api/devices/admin-only", test_devices_admin_only);
  g_test_add_func ("/api/events/needs-websocket", test_events_needs_websocket);
  g_test_add_func ("/api/devices/heartbeat", test_heartbeat);
  g_test_add_func ("/api/unknown-paths", test_unknown_paths);
  lh_api_usage_add_tests (daemon_, session_, pc_kiosk_tokens);
  lh_api_assessment_add_tests (daemon_, session_);
  lh_api_advice_add_tests (daemon_, session_);
  lh_api_advice_events_add_tests (daemon_, session_);
  lh_api_audit_add_tests (daemon_, session_);
  lh_api_time_off_add_tests (session_);
  lh_api_input_add_tests (daemon_, session_);
  lh_api_equipment_add_tests (daemon_, session_);
  lh_api_equipment_usage_add_tests (daemon_, session_);
  lh_api_faults_add_tests (daemon_, session_);
  lh_api_checks_add_tests (daemon_, session_);
  lh_api_equipment_item_add_tests (daemon_, session_);
  lh_api_out_of_use_add_tests (daemon_, session_);
  lh_api_equipment_edit_add_tests (daemon_, session_);
  lh_api_equality_add_tests (daemon_, session_);
  lh_api_settings_add_tests (daemon_, session_);
  lh_api_report_add_tests (daemon_, session_);
  lh_api_committee_add_tests (daemon_, session_);
  lh_api_limits_add_tests (daemon_, session_);
  lh_api_reason_add_tests (daemon_, session_);
  /* Last: these check what the tests above saw. */
  lh_api_document_add_tests ();

  result = g_test_run ();
  lh_api_time_off_stop ();
  g_clear_object (&session_);
  g_clear_pointer (&daemon_, lh_test_daemon_stop);
  lh_api_client_forget ();
  return result;
}
