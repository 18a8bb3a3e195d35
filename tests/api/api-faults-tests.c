/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Faults on the demo centre: a worker reports from a PC's kiosk without
 * signing in, a second report joins the first, the PC goes out of booking
 * and a learner's booking on it moves (told at the next sign-in); only an
 * admin sees to faults. Every fault made here is repaired before the end. */
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"

/* The demo's PC 8, its computer LC-0008, and the kiosk that is its own. */
#define BROKEN_PC "PC 8"

static LhTestDaemon *daemon_;
static SoupSession *session_;

static LhApiReply *
call (const char *method, const char *path, const char *token, const char *body)
{
  return lh_api_call (session_, daemon_->base_url, method, path, token, body);
}

static const char *
pc_kiosk_token (const char *pc)
{
  JsonArray *kiosks = json_object_get_array_member (json_node_get_object (daemon_->demo), "pc_kiosks");

  for (guint i = 0; i < json_array_get_length (kiosks); i++)
    {
      JsonObject *kiosk = json_array_get_object_element (kiosks, i);

      if (g_str_equal (json_object_get_string_member (kiosk, "pc"), pc))
        return json_object_get_string_member (kiosk, "token");
    }
  g_assert_not_reached ();
}

/* The PC's entry in the availability of the day of iso_time; the reply
 * holding it is kept in *out_reply. */
static JsonObject *
pc_day (LhApiReply **out_reply, const char *token, const char *iso_time, const char *pc)
{
  g_autofree char *date = g_strndup (iso_time, 10);
  g_autofree char *path = g_strdup_printf ("/api/v1/availability?date=%s", date);
  JsonArray *resources;

  *out_reply = call ("GET", path, token, NULL);
  g_assert_cmpuint ((*out_reply)->status, ==, 200);
  resources = json_object_get_array_member (json_node_get_object ((*out_reply)->json), "resources");
  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      JsonObject *resource = json_array_get_object_element (resources, i);

      if (g_str_equal (json_object_get_string_member (resource, "name"), pc))
        return resource;
    }
  g_assert_not_reached ();
}

static JsonObject *
reply_fault (LhApiReply *reply)
{
  return json_object_get_object_member (json_node_get_object (reply->json), "fault");
}

static JsonObject *
find_fault (JsonArray *faults, gint64 id)
{
  for (guint i = 0; i < json_array_get_length (faults); i++)
    {
      JsonObject *fault = json_array_get_object_element (faults, i);

      if (json_object_get_int_member (fault, "id") == id)
        return fault;
    }
  g_assert_not_reached ();
}

static void
assert_refused (LhApiReply *reply, guint status, const char *reason)
{
  g_assert_cmpuint (reply->status, ==, status);
  g_assert_cmpstr (lh_api_reply_string (reply, "reason"), ==, reason);
}

static void
repair (const char *admin, gint64 id)
{
  g_autofree char *path = lh_api_path ("/api/v1/faults/%" G_GINT64_FORMAT "/repaired", id);
  g_autoptr(LhApiReply) reply = call ("POST", path, admin, "{\"note\": \"Fixed\"}");

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_false (json_object_get_null_member (json_node_get_object (reply->json), "repaired_at"));
}

static LhApiReply *
sign_in_learner (void)
{
  g_autofree char *body = NULL;
  const char *staff, *pin;

  g_assert_true (lh_test_daemon_account (daemon_, "learner", &staff, &pin));
  body = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff, pin);
  return call ("POST", "/api/v1/sessions", daemon_->device_token, body);
}

/* The sign-in's notice of the booking, or NULL. */
static JsonObject *
notice_of (LhApiReply *sign_in, gint64 booking_id)
{
  JsonArray *notices = json_object_get_array_member (json_node_get_object (sign_in->json), "notices");

  g_assert_cmpuint (sign_in->status, ==, 201);
  for (guint i = 0; i < json_array_get_length (notices); i++)
    {
      JsonObject *n = json_array_get_object_element (notices, i);

      if (json_object_has_member (n, "booking_id") && json_object_get_int_member (n, "booking_id") == booking_id)
        return n;
    }
  return NULL;
}

static char *
booking_body (gint64 pc_id, int day, int from_hour)
{
  g_autofree char *start = lh_api_day_at (day, from_hour);
  g_autofree char *end = lh_api_day_at (day, from_hour + 1);

  return g_strdup_printf ("{\"resource_id\":%" G_GINT64_FORMAT ",\"start\":\"%s\",\"end\":\"%s\"}", pc_id, start,
                          end);
}

/* Two taps at the broken PC, no sign-in. The learner whose booking was on
 * it finds it on another PC, and is told at each sign-in until their own
 * session says it showed them; no one else can say so for them. */
static void
test_report_moves_booking (void)
{
  const char *kiosk = pc_kiosk_token (BROKEN_PC);
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) first_sign_in = sign_in_learner ();
  g_autoptr(LhApiReply) next_sign_in = NULL, again_sign_in = NULL, last_sign_in = NULL;
  g_autoptr(LhApiReply) not_theirs = NULL, kiosk_only = NULL, no_ids = NULL, seen = NULL;
  g_autoptr(LhApiReply) availability = NULL, after = NULL, back = NULL;
  g_autoptr(LhApiReply) booked = NULL, first = NULL, joined = NULL, refused = NULL;
  g_autoptr(LhApiReply) list = NULL, assigned = NULL;
  g_autofree char *start = NULL;
  g_autofree char *body = NULL;
  g_autofree char *later = NULL;
  g_autofree char *assign_path = NULL;
  g_autofree char *seen_body = NULL;
  g_autofree char *other = lh_api_sign_in_as (session_, daemon_, "learner,ulr");
  const char *learner;
  JsonObject *pc, *fault, *notice;
  JsonArray *faults, *notes;
  /* Tomorrow: a report moves only bookings before the end of tomorrow. */
  int day = lh_api_weekday_ahead (1);
  gint64 pc_id, booking_id, id;

  g_assert_cmpuint (first_sign_in->status, ==, 201);
  learner = lh_api_reply_string (first_sign_in, "token");
  start = lh_api_day_at (day, 10);
  pc = pc_day (&availability, learner, start, BROKEN_PC);
  pc_id = json_object_get_int_member (pc, "id");
  g_assert_false (json_object_get_boolean_member (pc, "out_of_order"));
  body = booking_body (pc_id, day, 10);
  booked = call ("POST", "/api/v1/bookings", learner, body);
  g_assert_cmpuint (booked->status, ==, 201);
  booking_id = lh_api_reply_int (booked, "id");

  first = call ("POST", "/api/v1/faults", kiosk, "{\"category\": \"screen\", \"note\": \"Goes black\"}");
  g_assert_cmpuint (first->status, ==, 201);
  fault = reply_fault (first);
  id = json_object_get_int_member (fault, "id");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (fault, "item"), "asset_tag"), ==,
                   "LC-0008");
  g_assert_true (json_object_get_boolean_member (fault, "stops_use"));
  g_assert_false (json_object_get_boolean_member (json_node_get_object (first->json), "joined"));
  g_assert_cmpint (lh_api_reply_int (first, "bookings_moved"), >=, 1);
  joined = call ("POST", "/api/v1/faults", kiosk, "{\"category\": \"screen\"}");
  g_assert_cmpuint (joined->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (reply_fault (joined), "id"), ==, id);
  /* A passer-by is not told who sees to it, nor how many reported it. */
  g_assert_false (json_object_has_member (reply_fault (joined), "reports"));
  g_assert_false (json_object_has_member (reply_fault (joined), "assigned_to"));

  /* Out of booking: shown so, and refused in words that say why. */
  pc = pc_day (&after, learner, start, BROKEN_PC);
  g_assert_true (json_object_get_boolean_member (pc, "out_of_order"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (pc, "free")), ==, 0);
  later = booking_body (pc_id, day, 14);
  refused = call ("POST", "/api/v1/bookings", learner, later);
  assert_refused (refused, 422, "pc-out-of-order");
  g_assert_nonnull (strstr (lh_api_reply_string (refused, "detail"), "out of order"));

  /* Told at the next sign-in: which booking moved, from where to where. */
  next_sign_in = sign_in_learner ();
  notice = notice_of (next_sign_in, booking_id);
  g_assert_nonnull (notice);
  g_assert_cmpstr (json_object_get_string_member (notice, "type"), ==, "booking-moved");
  g_assert_cmpstr (json_object_get_string_member (notice, "reason"), ==, "pc-out-of-order");
  g_assert_cmpstr (json_object_get_string_member (notice, "from_pc"), ==, BROKEN_PC);
  g_assert_cmpstr (json_object_get_string_member (notice, "to_pc"), !=, BROKEN_PC);

  /* Nobody else's session, nor a kiosk alone, can say it was shown. */
  seen_body = g_strdup_printf ("{\"notice_ids\": [%" G_GINT64_FORMAT "]}",
                               json_object_get_int_member (notice, "notice_id"));
  not_theirs = call ("POST", "/api/v1/me/notices/seen", other, seen_body);
  assert_refused (not_theirs, 404, "notice-not-found");
  kiosk_only = call ("POST", "/api/v1/me/notices/seen", daemon_->device_token, seen_body);
  g_assert_cmpuint (kiosk_only->status, ==, 401);
  no_ids = call ("POST", "/api/v1/me/notices/seen", learner, "{\"notice_ids\": [\"one\"]}");
  assert_refused (no_ids, 400, "body-invalid");
  /* Not shown yet: told again. Once shown, not again. */
  again_sign_in = sign_in_learner ();
  g_assert_nonnull (notice_of (again_sign_in, booking_id));
  seen = call ("POST", "/api/v1/me/notices/seen", lh_api_reply_string (again_sign_in, "token"), seen_body);
  g_assert_cmpuint (seen->status, ==, 200);
  last_sign_in = sign_in_learner ();
  g_assert_null (notice_of (last_sign_in, booking_id));

  /* The admin's list, an assignment, and the repair that puts it back. */
  list = call ("GET", "/api/v1/faults", admin, NULL);
  g_assert_cmpuint (list->status, ==, 200);
  faults = json_object_get_array_member (json_node_get_object (list->json), "faults");
  g_assert_cmpuint (json_array_get_length (faults), >=, 1);
  fault = find_fault (faults, id);
  /* One kiosk, however often it taps, is one reporter; its note is read. */
  g_assert_cmpint (json_object_get_int_member (fault, "reports"), ==, 1);
  notes = json_object_get_array_member (fault, "notes");
  g_assert_cmpuint (json_array_get_length (notes), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notes, 0), "note"), ==,
                   "Goes black");
  assign_path = lh_api_path ("/api/v1/faults/%" G_GINT64_FORMAT "/assign", id);
  assigned = call ("POST", assign_path, admin, "{\"to\": \"Site IT, J. Smith\"}");
  g_assert_cmpuint (assigned->status, ==, 200);
  g_assert_cmpstr (lh_api_reply_string (assigned, "assigned_to"), ==, "Site IT, J. Smith");
  repair (admin, id);
  pc = pc_day (&back, learner, start, BROKEN_PC);
  g_assert_false (json_object_get_boolean_member (pc, "out_of_order"));
}

/* From the desk kiosk an item is named; a fault that does not stop use
 * leaves it bookable; a kiosk may not flood the list. */
static void
test_desk_report_and_flood (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  const char *kiosk = pc_kiosk_token ("PC 7");
  g_autoptr(LhApiReply) unnamed = call ("POST", "/api/v1/faults", daemon_->device_token, "{\"category\": \"other\"}");
  g_autoptr(LhApiReply) printer = call ("POST", "/api/v1/faults", daemon_->device_token,
                                        "{\"category\": \"printer\", \"asset_tag\": \"LC-0501\"}");
  gint64 ids[3] = { 0 };

  g_assert_cmpuint (unnamed->status, ==, 422);
  g_assert_cmpuint (printer->status, ==, 201);
  g_assert_false (json_object_get_boolean_member (reply_fault (printer), "stops_use"));
  repair (admin, json_object_get_int_member (reply_fault (printer), "id"));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const char *categories[] = { "sound", "other", "printer" };
      g_autofree char *body = g_strdup_printf ("{\"category\": \"%s\"}", categories[i]);
      g_autoptr(LhApiReply) reply = call ("POST", "/api/v1/faults", kiosk, body);

      g_assert_cmpuint (reply->status, ==, 201);
      ids[i] = json_object_get_int_member (reply_fault (reply), "id");
    }
  {
    g_autoptr(LhApiReply) flood = call ("POST", "/api/v1/faults", kiosk, "{\"category\": \"sound\"}");

    g_assert_cmpuint (flood->status, ==, 429);
  }
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    repair (admin, ids[i]);
}

/* A report from the desk is kept for the admin, and takes the PC out of
 * booking no more; another PC's kiosk may not report it at all: else
 * anyone at the desk, or at PC 4, could cancel everyone's bookings on PC
 * 3. */
static void
test_only_at_the_pc_stops_use (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) day = NULL;
  g_autoptr(LhApiReply) after = NULL;
  g_autoptr(LhApiReply) from_desk = NULL;
  g_autoptr(LhApiReply) from_pc4 = NULL;
  g_autofree char *today = lh_api_day_at (0, 12);
  g_autofree char *desk_body = NULL;
  JsonObject *pc3 = pc_day (&day, daemon_->device_token, today, "PC 3");
  gint64 pc3_id = json_object_get_int_member (pc3, "id");

  g_assert_false (json_object_get_boolean_member (pc3, "out_of_order"));
  desk_body = g_strdup_printf ("{\"category\": \"screen\", \"resource_id\": %" G_GINT64_FORMAT "}", pc3_id);
  from_desk = call ("POST", "/api/v1/faults", daemon_->device_token, desk_body);
  g_assert_cmpuint (from_desk->status, ==, 201);
  g_assert_false (json_object_get_boolean_member (reply_fault (from_desk), "stops_use"));
  /* PC 4's kiosk reports PC 4 only. */
  from_pc4 = call ("POST", "/api/v1/faults", pc_kiosk_token ("PC 4"), desk_body);
  assert_refused (from_pc4, 422, "not-this-pc");
  g_assert_false (json_object_get_boolean_member (pc_day (&after, daemon_->device_token, today, "PC 3"),
                                                  "out_of_order"));
  repair (admin, json_object_get_int_member (reply_fault (from_desk), "id"));
}

/* The maintenance routes are the admin's alone. */
static void
test_who_may (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *learner = lh_api_sign_in_as (session_, daemon_, "learner");
  g_autofree char *ulr = lh_api_sign_in_as (session_, daemon_, "learner,ulr");
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  const char *tokens[] = { learner, ulr, committee, daemon_->device_token, pc_kiosk_token ("PC 6"), NULL };
  const guint statuses[] = { 403, 403, 403, 401, 401, 401 };
  const char *routes[][2] = {
    { "GET", "/api/v1/faults" },
    { "POST", "/api/v1/faults/1/assign" },
    { "POST", "/api/v1/faults/1/repaired" },
  };
  g_autoptr(LhApiReply) no_token = call ("POST", "/api/v1/faults", NULL, "{\"category\": \"screen\"}");

  g_assert_cmpuint (no_token->status, ==, 401);
  for (guint r = 0; r < G_N_ELEMENTS (routes); r++)
    for (guint t = 0; t < G_N_ELEMENTS (tokens); t++)
      {
        g_autoptr(LhApiReply) reply = call (routes[r][0], routes[r][1], tokens[t], "{\"to\": \"Someone\"}");

        g_assert_cmpuint (reply->status, ==, statuses[t]);
        if (statuses[t] == 403)
          assert_refused (reply, 403, "role-missing");
      }
  (void) admin;
}

/* Bad input is refused with its reason and changes nothing. */
static void
test_bad_input (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *huge = g_strnfill (501, 'x');
  g_autofree char *huge_body = g_strdup_printf ("{\"category\": \"other\", \"asset_tag\": \"LC-0501\", "
                                                "\"note\": \"%s\"}", huge);
  g_autofree char *long_name = g_strnfill (101, 'x');
  g_autofree char *long_name_body = g_strdup_printf ("{\"to\": \"%s\"}", long_name);
  g_autofree char *long_note = g_strnfill (481, 'x');
  g_autofree char *long_note_body = g_strdup_printf ("{\"note\": \"%s\"}", long_note);
  const struct { const char *method; const char *path; const char *body; guint status; const char *reason;
                 gint64 max_chars; } cases[] = {
    { "POST", "/api/v1/faults", "not json", 400, "body-invalid" },
    { "POST", "/api/v1/faults", "{\"category\": 3, \"asset_tag\": \"LC-0501\"}", 400, "body-invalid" },
    { "POST", "/api/v1/faults", "{\"category\": \"smoke\", \"asset_tag\": \"LC-0501\"}", 422, "category-unknown" },
    { "POST", "/api/v1/faults", huge_body, 422, "note-invalid", 500 },
    { "POST", "/api/v1/faults", "{\"category\": \"other\", \"asset_tag\": \"LC-9999\"}", 404, "item-unknown" },
    { "POST", "/api/v1/faults", "{\"category\": \"other\", \"asset_tag\": \"LC-0207\"}", 422, "item-retired" },
    { "POST", "/api/v1/faults", "{\"category\": \"other\"}", 422, "item-not-named" },
    { "POST", "/api/v1/faults", "{\"category\": \"other\", \"asset_tag\": \"LC-0501\", \"resource_id\": 1}", 422,
      "item-named-twice" },
    { "POST", "/api/v1/faults/424242/assign", "{\"to\": \"Site IT\"}", 404, "fault-not-found" },
    { "POST", "/api/v1/faults/424242/repaired", "{}", 404, "fault-not-found" },
    { "POST", "/api/v1/faults/424242/assign", "{\"to\": \"  \"}", 422, "assignee-missing", 100 },
    { "POST", "/api/v1/faults/424242/assign", long_name_body, 422, "assignee-invalid", 100 },
    { "POST", "/api/v1/faults/424242/assign", "{\"to\": \"Site\\u2028IT\"}", 422, "assignee-invalid", 100 },
    { "POST", "/api/v1/faults/424242/assign", "{}", 400, "body-invalid" },
    { "POST", "/api/v1/faults/424242/repaired", "[]", 400, "body-invalid" },
    /* A repair note is shorter than a report's: the history adds the category. */
    { "POST", "/api/v1/faults/424242/repaired", long_note_body, 422, "note-invalid", 480 },
  };
  g_autoptr(LhApiReply) before = call ("GET", "/api/v1/faults", admin, NULL);
  g_autoptr(LhApiReply) after = NULL;
  guint open_before;

  g_assert_cmpuint (before->status, ==, 200);
  open_before = json_array_get_length (json_object_get_array_member (json_node_get_object (before->json), "faults"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* The admin: a kiosk's tries are few a minute. */
      g_autoptr(LhApiReply) reply = call (cases[i].method, cases[i].path, admin, cases[i].body);

      g_assert_cmpuint (reply->status, ==, cases[i].status);
      assert_refused (reply, cases[i].status, cases[i].reason);
      /* The limit is in the refusal: the kiosk words it from there. */
      if (cases[i].max_chars != 0)
        g_assert_cmpint (lh_api_reply_int (reply, "max_chars"), ==, cases[i].max_chars);
      else
        g_assert_false (json_object_has_member (json_node_get_object (reply->json), "max_chars"));
    }
  after = call ("GET", "/api/v1/faults", admin, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (after->json),
                                                                         "faults")), ==, open_before);
}

/* To a PC's kiosk every item but its PC's is refused alike, there, retired
 * or never there, and every try counts against its few a minute, refused
 * ones too: it cannot probe the inventory. Nothing refused is recorded. */
static void
test_kiosk_refusals (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  const char *kiosk = pc_kiosk_token ("PC 3");
  g_autoptr(LhApiReply) before = call ("GET", "/api/v1/faults", admin, NULL);
  g_autoptr(LhApiReply) unknown = call ("POST", "/api/v1/faults", kiosk,
                                        "{\"category\": \"other\", \"asset_tag\": \"LC-9999\"}");
  g_autoptr(LhApiReply) retired = call ("POST", "/api/v1/faults", kiosk,
                                        "{\"category\": \"other\", \"asset_tag\": \"LC-0207\"}");
  g_autoptr(LhApiReply) other_item = call ("POST", "/api/v1/faults", kiosk,
                                           "{\"category\": \"other\", \"asset_tag\": \"LC-0501\"}");
  g_autoptr(LhApiReply) too_many = call ("POST", "/api/v1/faults", kiosk, "{\"category\": \"sound\"}");
  g_autoptr(LhApiReply) after = call ("GET", "/api/v1/faults", admin, NULL);

  /* A PC's kiosk names only its own PC: the same answer for every other
   * tag, there or not. */
  assert_refused (unknown, 422, "not-this-pc");
  assert_refused (retired, 422, "not-this-pc");
  assert_refused (other_item, 422, "not-this-pc");
  g_assert_cmpstr (lh_api_reply_string (unknown, "detail"), ==, lh_api_reply_string (retired, "detail"));
  g_assert_cmpstr (lh_api_reply_string (unknown, "detail"), ==, lh_api_reply_string (other_item, "detail"));
  assert_refused (too_many, 429, "too-many-reports");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (after->json),
                                                                         "faults")), ==,
                    json_array_get_length (json_object_get_array_member (json_node_get_object (before->json),
                                                                         "faults")));
}

/* A PC with no computer in the inventory (the usage tests' PCs open round
 * the clock) is reported all the same, and listed so, here and by
 * learnhubctl. */
static void
test_pc_not_in_inventory (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) day = NULL;
  g_autoptr(LhApiReply) report = NULL;
  g_autoptr(LhApiReply) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = lh_api_day_at (0, 12);
  g_autofree char *body = NULL;
  g_autofree char *listed = NULL;
  JsonObject *pc = pc_day (&day, daemon_->device_token, today, LH_API_ALWAYS_OPEN_PC " 2");
  JsonObject *fault, *item;
  gint64 id;

  body = g_strdup_printf ("{\"category\": \"sound\", \"note\": \"No sound at all\", \"resource_id\": %"
                          G_GINT64_FORMAT "}", json_object_get_int_member (pc, "id"));
  report = call ("POST", "/api/v1/faults", admin, body);
  g_assert_cmpuint (report->status, ==, 201);
  id = json_object_get_int_member (reply_fault (report), "id");
  list = call ("GET", "/api/v1/faults", admin, NULL);
  fault = find_fault (json_object_get_array_member (json_node_get_object (list->json), "faults"), id);
  item = json_object_get_object_member (fault, "item");
  g_assert_true (json_object_get_null_member (item, "asset_tag"));
  g_assert_false (json_object_get_boolean_member (item, "in_inventory"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "pc"), "name"), ==,
                   LH_API_ALWAYS_OPEN_PC " 2");
  listed = lh_test_run_ctl (daemon_->db_path, &error, "fault", "list", NULL);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (listed, LH_API_ALWAYS_OPEN_PC " 2, no computer in the inventory"));
  repair (admin, id);
}

/* A repaired fault is closed for good. */
static void
test_repaired_twice (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) report = call ("POST", "/api/v1/faults", admin,
                                       "{\"category\": \"sound\", \"asset_tag\": \"LC-0201\"}");
  g_autofree char *repaired = NULL;
  g_autofree char *assign = NULL;
  g_autoptr(LhApiReply) again = NULL;
  g_autoptr(LhApiReply) late = NULL;
  gint64 id;

  g_assert_cmpuint (report->status, ==, 201);
  id = json_object_get_int_member (reply_fault (report), "id");
  repair (admin, id);
  repaired = lh_api_path ("/api/v1/faults/%" G_GINT64_FORMAT "/repaired", id);
  assign = lh_api_path ("/api/v1/faults/%" G_GINT64_FORMAT "/assign", id);
  again = call ("POST", repaired, admin, "{}");
  late = call ("POST", assign, admin, "{\"to\": \"Site IT\"}");
  assert_refused (again, 409, "fault-repaired-already");
  assert_refused (late, 409, "fault-repaired-already");
}

/* The demo's headset fault has been open longer than its terms allow
 * (five days); PC 5's, reported as the demo was made, has not. */
static void
test_overdue_listed (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) list = call ("GET", "/api/v1/faults", admin, NULL);
  JsonArray *faults;
  guint seen = 0;

  g_assert_cmpuint (list->status, ==, 200);
  faults = json_object_get_array_member (json_node_get_object (list->json), "faults");
  for (guint i = 0; i < json_array_get_length (faults); i++)
    {
      JsonObject *fault = json_array_get_object_element (faults, i);
      const char *tag = json_object_get_string_member (json_object_get_object_member (fault, "item"), "asset_tag");

      if (!g_str_equal (tag, "LC-0241") && !g_str_equal (tag, "LC-0005"))
        continue;
      g_assert_cmpint (json_object_get_boolean_member (fault, "overdue"), ==, g_str_equal (tag, "LC-0241"));
      seen++;
    }
  g_assert_cmpuint (seen, ==, 2);
  /* Oldest first. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_array_get_object_element (faults, 0), "item"), "asset_tag"), ==, "LC-0241");
}

/* The ids of the open faults, a page of limit at a time. */
static GArray *
open_fault_ids (const char *admin, guint limit, guint *out_pages)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 next = 0;

  *out_pages = 0;
  do
    {
      g_autofree char *path = next != 0 ? g_strdup_printf ("/api/v1/faults?limit=%u&after=%" G_GINT64_FORMAT,
                                                           limit, next)
                                        : g_strdup_printf ("/api/v1/faults?limit=%u", limit);
      g_autoptr(LhApiReply) page = call ("GET", path, admin, NULL);
      JsonObject *root = json_node_get_object (page->json);
      JsonArray *faults = json_object_get_array_member (root, "faults");

      g_assert_cmpuint (page->status, ==, 200);
      g_assert_cmpuint (json_array_get_length (faults), <=, limit);
      for (guint i = 0; i < json_array_get_length (faults); i++)
        {
          gint64 id = json_object_get_int_member (json_array_get_object_element (faults, i), "id");

          g_array_append_val (ids, id);
        }
      next = json_object_get_boolean_member (root, "more") ? json_object_get_int_member (root, "next") : 0;
      (*out_pages)++;
    }
  while (next != 0);
  return ids;
}

/* The open faults a page at a time, oldest first: the same as one long
 * page, even after the fault a page ended with is repaired; a bad cursor
 * or limit is refused with its reason. */
static void
test_list_pages (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) paged = NULL;
  g_autoptr(LhApiReply) first = NULL, rest = NULL;
  g_autoptr(LhApiReply) no_cursor = NULL, unknown = NULL, too_many = NULL, none = NULL;
  g_autofree char *rest_path = NULL;
  guint pages;
  gint64 next;

  /* Two more open faults than the demo's, to have pages. */
  g_autoptr(LhApiReply) sound = call ("POST", "/api/v1/faults", pc_kiosk_token ("PC 6"), "{\"category\": \"sound\"}");
  g_autoptr(LhApiReply) other = call ("POST", "/api/v1/faults", pc_kiosk_token ("PC 6"),
                                      "{\"category\": \"printer\"}");

  g_assert_cmpuint (sound->status, ==, 201);
  g_assert_cmpuint (other->status, ==, 201);
  all = open_fault_ids (admin, 100, &pages);
  g_assert_cmpuint (pages, ==, 1);
  g_assert_cmpuint (all->len, >=, 3);
  paged = open_fault_ids (admin, 1, &pages);
  g_assert_cmpuint (pages, ==, all->len);
  g_assert_cmpuint (paged->len, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (g_array_index (paged, gint64, i), ==, g_array_index (all, gint64, i));

  /* The fault a page ended with is repaired before the next is read. */
  first = call ("GET", "/api/v1/faults?limit=1", admin, NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (first->json), "more"));
  next = lh_api_reply_int (first, "next");
  g_assert_cmpint (next, ==, g_array_index (all, gint64, 0));
  repair (admin, json_object_get_int_member (reply_fault (sound), "id"));
  repair (admin, json_object_get_int_member (reply_fault (other), "id"));
  rest_path = g_strdup_printf ("/api/v1/faults?limit=100&after=%" G_GINT64_FORMAT, next);
  rest = call ("GET", rest_path, admin, NULL);
  g_assert_cmpuint (rest->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (rest->json),
                                                                         "faults")), ==, all->len - 3);

  no_cursor = call ("GET", "/api/v1/faults?after=oldest", admin, NULL);
  assert_refused (no_cursor, 400, "cursor-invalid");
  unknown = call ("GET", "/api/v1/faults?after=999999", admin, NULL);
  assert_refused (unknown, 400, "cursor-invalid");
  too_many = call ("GET", "/api/v1/faults?limit=101", admin, NULL);
  assert_refused (too_many, 400, "limit-invalid");
  none = call ("GET", "/api/v1/faults?limit=", admin, NULL);
  assert_refused (none, 400, "limit-invalid");
}

void
lh_api_faults_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/faults/report-moves-booking", test_report_moves_booking);
  g_test_add_func ("/api/faults/desk-report-and-flood", test_desk_report_and_flood);
  g_test_add_func ("/api/faults/only-at-the-pc-stops-use", test_only_at_the_pc_stops_use);
  g_test_add_func ("/api/faults/who-may", test_who_may);
  g_test_add_func ("/api/faults/bad-input", test_bad_input);
  g_test_add_func ("/api/faults/kiosk-refusals", test_kiosk_refusals);
  g_test_add_func ("/api/faults/pc-not-in-inventory", test_pc_not_in_inventory);
  g_test_add_func ("/api/faults/repaired-twice", test_repaired_twice);
  g_test_add_func ("/api/faults/overdue-listed", test_overdue_listed);
  g_test_add_func ("/api/faults/list-pages", test_list_pages);
}
