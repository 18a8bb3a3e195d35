/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The admin adds items to the demo's inventory and edits them. Only an
 * admin may (not another role, nor the desk's or a PC's kiosk); every
 * refusal has its reason code and changes nothing; a computer linked to a
 * PC follows the one rule of "out of order", as a status change does. */
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"
#include "lh-api-listener.h"

/* The demo's PC 7 and its computer; the faults tests use PC 8. */
#define LINKED_PC "PC 7"
#define LINKED_COMPUTER "LC-0007"

static LhTestDaemon *daemon_;
static SoupSession *session_;

static LhApiReply *
call (const char *method, const char *path, const char *token, const char *body)
{
  return lh_api_call (session_, daemon_->base_url, method, path, token, body);
}

/* The inventory's item with that asset tag, kept alive by *out_reply. */
static JsonObject *
find_item (LhApiReply **out_reply, const char *token, const char *asset_tag)
{
  return lh_api_find_item (session_, daemon_->base_url, token, asset_tag, out_reply);
}

static gint64
item_id (const char *token, const char *asset_tag)
{
  return lh_api_item_id (session_, daemon_->base_url, token, asset_tag, NULL);
}

static gint64
pc_id_of (const char *token, const char *computer)
{
  gint64 pc_id = 0;

  lh_api_item_id (session_, daemon_->base_url, token, computer, &pc_id);
  return pc_id;
}

/* Every item's tag, description, location, status and PC, and the
 * lengths of their histories: to show a refusal changed nothing. */
static char *
inventory_state (const char *token)
{
  g_autoptr(LhApiReply) reply = call ("GET", "/api/v1/equipment", token, NULL);
  g_autoptr(GString) state = g_string_new (NULL);
  JsonArray *items;

  g_assert_cmpuint (reply->status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (reply->json), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonNode *pc = json_object_get_member (item, "pc");
      g_autofree char *path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT,
                                           json_object_get_int_member (item, "id"));
      g_autoptr(LhApiReply) detail = call ("GET", path, token, NULL);
      JsonArray *history = json_object_get_array_member (json_node_get_object (detail->json), "history");

      g_string_append_printf (state, "%s|%s|%s|%s|%" G_GINT64_FORMAT "|%u\n",
                              json_object_get_string_member (item, "asset_tag"),
                              json_object_get_string_member (item, "description"),
                              json_object_get_string_member (item, "location"),
                              json_object_get_string_member (item, "status"),
                              JSON_NODE_HOLDS_NULL (pc) ? 0
                                : json_object_get_int_member (json_node_get_object (pc), "id"),
                              json_array_get_length (history));
    }
  return g_string_free (g_steal_pointer (&state), FALSE);
}

static JsonObject *
reply_item (LhApiReply *reply)
{
  return json_object_get_object_member (json_node_get_object (reply->json), "item");
}

static JsonObject *
newest_history (LhApiReply *reply)
{
  JsonArray *history = json_object_get_array_member (json_node_get_object (reply->json), "history");

  return json_array_get_object_element (history, 0);
}

static void
test_who_may (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  g_autofree char *learner = lh_api_sign_in_as (session_, daemon_, "learner");
  g_autofree char *ulr = lh_api_sign_in_as (session_, daemon_, "learner,ulr");
  g_autofree char *path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT, item_id (admin, "LC-0210"));
  g_autofree char *before = inventory_state (admin);
  g_autofree char *after = NULL;
  JsonArray *pc_kiosks = json_object_get_array_member (json_node_get_object (daemon_->demo), "pc_kiosks");
  const char *pc_kiosk = json_object_get_string_member (json_array_get_object_element (pc_kiosks, 0), "token");
  const struct { const char *token; guint status; } cases[] = {
    { committee, 403 },
    { learner, 403 },
    { ulr, 403 },
    { daemon_->device_token, 401 },
    { pc_kiosk, 401 },
    { NULL, 401 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LhApiReply) added = call ("POST", "/api/v1/equipment", cases[i].token,
                                          "{\"asset_tag\": \"LC-0990\", \"kind\": \"desk\"}");
      g_autoptr(LhApiReply) edited = call ("PATCH", path, cases[i].token, "{\"location\": \"Car park\"}");

      g_assert_cmpuint (added->status, ==, cases[i].status);
      g_assert_cmpuint (edited->status, ==, cases[i].status);
    }
  after = inventory_state (admin);
  g_assert_cmpstr (after, ==, before);
}

/* Added by the admin, listed, with its history; the other admins' kiosks
 * are told to read the inventory again. */
static void
test_add (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiListener) to_admin = lh_api_listen (session_, daemon_->base_url, admin);
  g_autoptr(LhApiReply) added = call ("POST", "/api/v1/equipment", admin,
                                      "{\"asset_tag\": \"LC-0901\", \"kind\": \"accessibility\", "
                                      "\"description\": \"Large-key keyboard\", \"location\": \"PC room\", "
                                      "\"note\": \"Asked for by a learner\"}");
  g_autoptr(LhApiReply) list = NULL;
  g_autoptr(JsonNode) changed = NULL;
  JsonObject *item, *listed, *newest;

  g_assert_cmpuint (added->status, ==, 201);
  g_assert_cmpint (lh_api_reply_int (added, "bookings_moved"), ==, 0);
  g_assert_cmpint (lh_api_reply_int (added, "bookings_cancelled"), ==, 0);
  item = reply_item (added);
  g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, "accessibility");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "working");
  g_assert_true (json_object_get_null_member (item, "pc"));
  newest = newest_history (added);
  g_assert_cmpstr (json_object_get_string_member (newest, "what"), ==, "added");
  g_assert_cmpstr (json_object_get_string_member (newest, "note"), ==, "Asked for by a learner");
  g_assert_cmpstr (json_object_get_string_member (newest, "by"), !=, "learnhubctl");
  listed = find_item (&list, admin, "LC-0901");
  g_assert_nonnull (listed);
  g_assert_cmpstr (json_object_get_string_member (listed, "location"), ==, "PC room");
  changed = lh_api_listener_wait (to_admin, "equipment-changed", "id", json_object_get_int_member (item, "id"));
  g_assert_nonnull (changed);
}

static void
test_add_refusals (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  gint64 pc = pc_id_of (admin, LINKED_COMPUTER);
  g_autofree char *long_text = g_strnfill (201, 'x');
  g_autofree char *huge_text = g_strnfill (70 * 1024, 'x');
  g_autofree char *long_body = g_strdup_printf ("{\"asset_tag\": \"LC-0991\", \"kind\": \"desk\", "
                                                "\"description\": \"%s\"}", long_text);
  g_autofree char *huge_body = g_strdup_printf ("{\"asset_tag\": \"LC-0991\", \"kind\": \"desk\", "
                                                "\"description\": \"%s\"}", huge_text);
  g_autofree char *pc_desk = g_strdup_printf ("{\"asset_tag\": \"LC-0991\", \"kind\": \"desk\", "
                                              "\"pc_id\": %" G_GINT64_FORMAT "}", pc);
  g_autofree char *pc_taken = g_strdup_printf ("{\"asset_tag\": \"LC-0991\", \"kind\": \"computer\", "
                                               "\"pc_id\": %" G_GINT64_FORMAT "}", pc);
  g_autofree char *before = inventory_state (admin);
  g_autofree char *after = NULL;
  const struct { const char *body; guint status; const char *reason; } cases[] = {
    { "{\"asset_tag\": \"LC-0202\", \"kind\": \"desk\"}", 409, "asset-tag-taken" },
    { "{\"asset_tag\": \"lc-0202\", \"kind\": \"desk\"}", 409, "asset-tag-taken" },
    { "{\"asset_tag\": \"LC-0991 \", \"kind\": \"desk\"}", 422, "asset-tag-invalid" },
    { "{\"asset_tag\": \"  \", \"kind\": \"desk\"}", 422, "asset-tag-invalid" },
    { "{\"asset_tag\": \"LC\\n0991\", \"kind\": \"desk\"}", 422, "asset-tag-invalid" },
    { "{\"asset_tag\": \"LC\\u00000991\", \"kind\": \"desk\"}", 400, "body-invalid" },
    { "{\"asset_tag\": \"LC-0991\", \"kind\": \"sofa\"}", 422, "kind-unknown" },
    { long_body, 422, "text-too-long" },
    { "{\"asset_tag\": \"LC-0991\", \"kind\": \"desk\", \"location\": \"two\\nlines\"}", 422, "text-invalid" },
    { "{\"asset_tag\": \"LC-0991\", \"kind\": \"desk\", \"note\": \"two\\nlines\"}", 422, "note-invalid" },
    { pc_desk, 422, "pc-not-computer" },
    { pc_taken, 409, "pc-has-computer" },
    { "{\"asset_tag\": \"LC-0991\", \"kind\": \"computer\", \"pc_id\": 999999}", 422, "pc-unknown" },
    { "{\"asset_tag\": \"LC-0991\", \"kind\": \"computer\", \"pc_id\": 0}", 422, "pc-unknown" },
    { "{\"asset_tag\": \"LC-0991\", \"kind\": \"computer\", \"pc_id\": -1}", 422, "pc-unknown" },
    { "{\"asset_tag\": \"LC-0991\", \"kind\": \"computer\", \"pc_id\": \"PC 1\"}", 400, "body-invalid" },
    { "{\"asset_tag\": 991, \"kind\": \"desk\"}", 400, "body-invalid" },
    { "{\"asset_tag\": \"LC-0991\", \"kind\": [\"desk\"]}", 400, "body-invalid" },
    { "{\"asset_tag\": \"LC-0991\", \"kind\": \"desk\", \"location\": 3}", 400, "body-invalid" },
    { "{\"asset_tag\": \"LC-0991\"}", 400, "body-invalid" },
    { "{\"asset_tag\": \"LC-0991\", \"kind\": \"desk\", \"status\": \"retired\"}", 400, "body-invalid" },
    { "[1, 2]", 400, "body-invalid" },
    { "not json", 400, "body-invalid" },
    { huge_body, 413, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LhApiReply) reply = call ("POST", "/api/v1/equipment", admin, cases[i].body);

      g_assert_cmpuint (reply->status, ==, cases[i].status);
      if (cases[i].reason != NULL)
        g_assert_cmpstr (lh_api_reply_string (reply, "reason"), ==, cases[i].reason);
      /* The limit is said, so the kiosk need not know it. */
      if (g_strcmp0 (cases[i].reason, "text-too-long") == 0)
        {
          g_assert_cmpint (lh_api_reply_int (reply, "max_chars"), ==, 200);
          g_assert_cmpstr (lh_api_reply_string (reply, "field"), ==, "description");
        }
    }
  after = inventory_state (admin);
  g_assert_cmpstr (after, ==, before);
}

/* An edit changes only what it names, with who and why in the history. */
static void
test_edit (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiListener) to_admin = lh_api_listen (session_, daemon_->base_url, admin);
  gint64 id = item_id (admin, "LC-0210");
  g_autofree char *path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT, id);
  g_autoptr(LhApiReply) before = call ("GET", path, admin, NULL);
  g_autoptr(LhApiReply) edited = call ("PATCH", path, admin,
                                       "{\"location\": \"Quiet room\", \"note\": \"Moved for the course\"}");
  g_autoptr(JsonNode) changed = NULL;
  JsonObject *newest;

  g_assert_cmpuint (edited->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (reply_item (edited), "location"), ==, "Quiet room");
  g_assert_cmpstr (json_object_get_string_member (reply_item (edited), "description"), ==,
                   json_object_get_string_member (reply_item (before), "description"));
  newest = newest_history (edited);
  g_assert_cmpstr (json_object_get_string_member (newest, "what"), ==, "edited");
  g_assert_cmpstr (json_object_get_string_member (newest, "note"), ==, "Moved for the course");
  g_assert_cmpstr (json_object_get_string_member (newest, "by"), !=, "learnhubctl");
  changed = lh_api_listener_wait (to_admin, "equipment-changed", "id", id);
  g_assert_nonnull (changed);
}

static void
test_edit_refusals (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  gint64 pc = pc_id_of (admin, LINKED_COMPUTER);
  g_autofree char *path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT, item_id (admin, "LC-0211"));
  g_autofree char *retired = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT, item_id (admin, "LC-0207"));
  g_autofree char *long_text = g_strnfill (101, 'x');
  g_autofree char *long_body = g_strdup_printf ("{\"location\": \"%s\"}", long_text);
  g_autofree char *pc_desk = g_strdup_printf ("{\"pc_id\": %" G_GINT64_FORMAT "}", pc);
  g_autofree char *before = inventory_state (admin);
  g_autofree char *after = NULL;
  const struct { const char *path; const char *body; guint status; const char *reason; } cases[] = {
    { "/api/v1/equipment/999999", "{\"location\": \"Store\"}", 404, "item-not-found" },
    { retired, "{\"location\": \"Store\"}", 409, "item-retired" },
    { path, "{\"kind\": \"chair\"}", 422, "field-not-editable" },
    { path, "{\"asset_tag\": \"LC-0202\"}", 422, "field-not-editable" },
    { path, long_body, 422, "text-too-long" },
    { path, "{\"description\": \"two\\nlines\"}", 422, "text-invalid" },
    { path, "{\"description\": \"a\\u0000b\"}", 400, "body-invalid" },
    { path, pc_desk, 422, "pc-not-computer" },
    { path, "{\"location\": false}", 400, "body-invalid" },
    { path, "{\"pc_id\": 1.5}", 400, "body-invalid" },
    { path, "{\"where\": \"Store\"}", 400, "body-invalid" },
    { path, "\"Store\"", 400, "body-invalid" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LhApiReply) reply = call ("PATCH", cases[i].path, admin, cases[i].body);

      g_assert_cmpuint (reply->status, ==, cases[i].status);
      g_assert_cmpstr (lh_api_reply_string (reply, "reason"), ==, cases[i].reason);
      if (g_str_equal (cases[i].reason, "text-too-long"))
        {
          g_assert_cmpint (lh_api_reply_int (reply, "max_chars"), ==, 100);
          g_assert_cmpstr (lh_api_reply_string (reply, "field"), ==, "location");
        }
    }
  after = inventory_state (admin);
  g_assert_cmpstr (after, ==, before);
}

/* The daemon, not the kiosk, says whether an item may be edited and which
 * kinds there are. */
static void
test_item_says_editable_and_kinds (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *retired_path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT, item_id (admin, "LC-0207"));
  g_autofree char *path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT, item_id (admin, "LC-0211"));
  g_autoptr(LhApiReply) retired = call ("GET", retired_path, admin, NULL);
  g_autoptr(LhApiReply) working = call ("GET", path, admin, NULL);
  JsonArray *kinds;

  g_assert_cmpuint (retired->status, ==, 200);
  g_assert_cmpuint (working->status, ==, 200);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (retired->json), "editable"));
  g_assert_true (json_object_get_boolean_member (json_node_get_object (working->json), "editable"));
  kinds = json_object_get_array_member (json_node_get_object (working->json), "kinds");
  g_assert_cmpuint (json_array_get_length (kinds), ==, 9);
  g_assert_cmpstr (json_array_get_string_element (kinds, 0), ==, "computer");
  /* Read only: the counts of bookings moved belong to an add or edit. */
  g_assert_false (json_object_has_member (json_node_get_object (working->json), "bookings_moved"));
}

static gboolean
pc_out_of_order (const char *token, const char *pc, int day)
{
  g_autofree char *start = lh_api_day_at (day, 10);
  g_autofree char *path = g_strdup_printf ("/api/v1/availability?date=%.10s", start);
  g_autoptr(LhApiReply) reply = call ("GET", path, token, NULL);
  JsonArray *resources;

  g_assert_cmpuint (reply->status, ==, 200);
  resources = json_object_get_array_member (json_node_get_object (reply->json), "resources");
  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      JsonObject *resource = json_array_get_object_element (resources, i);

      if (g_str_equal (json_object_get_string_member (resource, "name"), pc))
        return json_object_get_boolean_member (resource, "out_of_order");
    }
  g_assert_not_reached ();
}

/* A booking body for the first free hour of the PC on that day. */
static char *
free_hour_booking (const char *token, gint64 pc_id, const char *pc, int day)
{
  g_autofree char *start = lh_api_day_at (day, 10);
  g_autofree char *path = g_strdup_printf ("/api/v1/availability?date=%.10s", start);
  g_autoptr(LhApiReply) reply = call ("GET", path, token, NULL);
  JsonArray *resources;

  g_assert_cmpuint (reply->status, ==, 200);
  resources = json_object_get_array_member (json_node_get_object (reply->json), "resources");
  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      JsonObject *resource = json_array_get_object_element (resources, i);
      JsonArray *free;

      if (!g_str_equal (json_object_get_string_member (resource, "name"), pc))
        continue;
      free = json_object_get_array_member (resource, "free");
      for (guint f = 0; f < json_array_get_length (free); f++)
        {
          JsonObject *slot = json_array_get_object_element (free, f);
          g_autoptr(GDateTime) from = g_date_time_new_from_iso8601 (json_object_get_string_member (slot, "start"),
                                                                    NULL);
          g_autoptr(GDateTime) to = g_date_time_new_from_iso8601 (json_object_get_string_member (slot, "end"), NULL);
          g_autoptr(GDateTime) hour_end = g_date_time_add_hours (from, 1);
          g_autofree char *from_text = NULL;
          g_autofree char *end_text = NULL;

          if (g_date_time_compare (hour_end, to) > 0)
            continue;
          from_text = g_date_time_format_iso8601 (from);
          end_text = g_date_time_format_iso8601 (hour_end);
          return g_strdup_printf ("{\"resource_id\":%" G_GINT64_FORMAT ",\"start\":\"%s\",\"end\":\"%s\"}",
                                  pc_id, from_text, end_text);
        }
    }
  g_assert_not_reached ();
}

/* A faulty computer linked to a PC takes it out of booking: the
 * learner's booking on it moves, and the kiosks are told; unlinked, the
 * PC is bookable again. Two computers for one PC are refused. */
static void
test_link_follows_the_rule (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  gint64 learner_id;
  g_autofree char *learner_name = NULL;
  /* Not the learner test_lockout locks (the third). */
  g_autofree char *learner = lh_api_sign_in_nth (session_, daemon_, "learner", 3, &learner_id, &learner_name);
  g_autoptr(LhApiListener) to_admin = lh_api_listen (session_, daemon_->base_url, admin);
  gint64 pc = pc_id_of (admin, LINKED_COMPUTER);
  gint64 old_computer = item_id (admin, LINKED_COMPUTER);
  g_autofree char *old_path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT, old_computer);
  g_autofree char *link = g_strdup_printf ("{\"pc_id\": %" G_GINT64_FORMAT "}", pc);
  int day = lh_api_weekday_ahead (1);
  g_autofree char *booking = free_hour_booking (learner, pc, LINKED_PC, day);
  g_autoptr(LhApiReply) booked = call ("POST", "/api/v1/bookings", learner, booking);
  g_autoptr(LhApiReply) spare = call ("POST", "/api/v1/equipment", admin,
                                      "{\"asset_tag\": \"LC-0950\", \"kind\": \"computer\", "
                                      "\"description\": \"Spare PC\", \"location\": \"Store\"}");
  g_autoptr(LhApiReply) faulty = NULL, taken = NULL, unlinked = NULL, linked = NULL, back = NULL, relinked = NULL;
  g_autoptr(LhApiReply) mine = NULL;
  g_autoptr(JsonNode) availability = NULL;
  g_autoptr(JsonNode) status_changed = NULL;
  g_autofree char *spare_path = NULL;
  g_autofree char *status_path = NULL;
  JsonArray *bookings;
  gint64 booking_id;

  g_assert_cmpuint (booked->status, ==, 201);
  booking_id = lh_api_reply_int (booked, "id");
  g_assert_cmpuint (spare->status, ==, 201);
  spare_path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT,
                            json_object_get_int_member (reply_item (spare), "id"));
  status_path = g_strdup_printf ("%s/status", spare_path);
  faulty = call ("POST", status_path, admin, "{\"status\": \"faulty\", \"note\": \"No display\"}");
  g_assert_cmpuint (faulty->status, ==, 200);
  /* A status changed is an item changed too, for the admins' lists. */
  status_changed = lh_api_listener_wait (to_admin, "equipment-changed", "id",
                                         json_object_get_int_member (reply_item (spare), "id"));
  g_assert_nonnull (status_changed);

  /* The PC has its computer already. */
  taken = call ("PATCH", spare_path, admin, link);
  g_assert_cmpuint (taken->status, ==, 409);
  g_assert_cmpstr (lh_api_reply_string (taken, "reason"), ==, "pc-has-computer");
  g_assert_false (pc_out_of_order (admin, LINKED_PC, day));

  unlinked = call ("PATCH", old_path, admin, "{\"pc_id\": null, \"note\": \"Swapped for a spare\"}");
  g_assert_cmpuint (unlinked->status, ==, 200);
  g_assert_true (json_object_get_null_member (reply_item (unlinked), "pc"));
  g_assert_cmpint (lh_api_reply_int (unlinked, "bookings_moved"), ==, 0);
  linked = call ("PATCH", spare_path, admin, link);
  g_assert_cmpuint (linked->status, ==, 200);
  /* The admin is told what the link did to learners' bookings. */
  g_assert_cmpint (lh_api_reply_int (linked, "bookings_moved"), >=, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (reply_item (linked), "pc"), "name"),
                   ==, LINKED_PC);
  g_assert_true (pc_out_of_order (admin, LINKED_PC, day));
  availability = lh_api_listener_wait (to_admin, "availability-changed", "resource_id", pc);
  g_assert_nonnull (availability);
  /* The learner's booking went to another PC. */
  mine = call ("GET", "/api/v1/me/bookings", learner, NULL);
  g_assert_cmpuint (mine->status, ==, 200);
  bookings = json_object_get_array_member (json_node_get_object (mine->json), "bookings");
  for (guint i = 0; i < json_array_get_length (bookings); i++)
    {
      JsonObject *b = json_array_get_object_element (bookings, i);

      if (json_object_get_int_member (b, "id") == booking_id)
        g_assert_cmpint (json_object_get_int_member (b, "resource_id"), !=, pc);
    }

  /* Put back as the demo had it, for the tests after. */
  back = call ("PATCH", spare_path, admin, "{\"pc_id\": null}");
  g_assert_cmpuint (back->status, ==, 200);
  g_assert_false (pc_out_of_order (admin, LINKED_PC, day));
  relinked = call ("PATCH", old_path, admin, link);
  g_assert_cmpuint (relinked->status, ==, 200);
  g_assert_false (pc_out_of_order (admin, LINKED_PC, day));
}

/* The id of the open fault of this category of PC pc_id's item (NULL:
 * of the PC, with no computer in the inventory), or 0. */
static gint64
open_fault_of (const char *token, gint64 pc_id, const char *asset_tag, const char *category)
{
  g_autoptr(LhApiReply) open = call ("GET", "/api/v1/faults?limit=100", token, NULL);
  JsonArray *faults;

  g_assert_cmpuint (open->status, ==, 200);
  faults = json_object_get_array_member (json_node_get_object (open->json), "faults");
  for (guint i = 0; i < json_array_get_length (faults); i++)
    {
      JsonObject *fault = json_array_get_object_element (faults, i);
      JsonObject *item = json_object_get_object_member (fault, "item");
      JsonNode *pc = json_object_get_member (item, "pc");

      if (pc != NULL && JSON_NODE_HOLDS_OBJECT (pc) &&
          json_object_get_int_member (json_node_get_object (pc), "id") == pc_id &&
          g_strcmp0 (json_object_get_string_member (fault, "category"), category) == 0 &&
          g_strcmp0 (json_object_get_string_member_with_default (item, "asset_tag", NULL), asset_tag) == 0)
        return json_object_get_int_member (fault, "id");
    }
  return 0;
}

/* A computer linked to a PC takes over the fault reported at the PC while
 * it had none: the admins' lists are told to show faults and notices
 * again, and the PC's fault leaves the open list for the computer's. */
static void
test_link_takes_pc_faults (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiListener) to_admin = lh_api_listen (session_, daemon_->base_url, admin);
  gint64 pc = pc_id_of (admin, LINKED_COMPUTER);
  g_autofree char *path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT, item_id (admin, LINKED_COMPUTER));
  g_autofree char *link = g_strdup_printf ("{\"pc_id\": %" G_GINT64_FORMAT "}", pc);
  g_autofree char *report_body = g_strdup_printf ("{\"category\": \"sound\", \"resource_id\": %" G_GINT64_FORMAT "}",
                                                  pc);
  g_autoptr(LhApiReply) unlinked = call ("PATCH", path, admin, "{\"pc_id\": null}");
  g_autoptr(LhApiReply) report = call ("POST", "/api/v1/faults", admin, report_body);
  g_autoptr(LhApiReply) linked = NULL, repaired = NULL;
  g_autoptr(JsonNode) faults_changed = NULL, notices_changed = NULL;
  g_autofree char *repair_path = NULL;
  gint64 pc_fault, carried_on;

  g_assert_cmpuint (unlinked->status, ==, 200);
  g_assert_cmpuint (report->status, ==, 201);
  pc_fault = json_object_get_int_member (json_object_get_object_member (json_node_get_object (report->json),
                                                                        "fault"), "id");
  g_assert_cmpint (open_fault_of (admin, pc, NULL, "sound"), ==, pc_fault);

  /* What the report itself sent is heard first, and set aside. */
  lh_api_spin (0.3);
  g_ptr_array_set_size (to_admin->messages, 0);
  linked = call ("PATCH", path, admin, link);
  g_assert_cmpuint (linked->status, ==, 200);
  faults_changed = lh_api_listener_wait (to_admin, "faults-changed", "fault_id", 0);
  notices_changed = lh_api_listener_wait (to_admin, "admin-notices-changed", NULL, 0);
  g_assert_nonnull (faults_changed);
  g_assert_nonnull (notices_changed);
  carried_on = open_fault_of (admin, pc, LINKED_COMPUTER, "sound");
  g_assert_cmpint (carried_on, !=, 0);
  g_assert_cmpint (carried_on, !=, pc_fault);
  g_assert_cmpint (open_fault_of (admin, pc, NULL, "sound"), ==, 0);

  /* Repaired, as the demo had it, for the tests after. */
  repair_path = lh_api_path ("/api/v1/faults/%" G_GINT64_FORMAT "/repaired", carried_on);
  repaired = call ("POST", repair_path, admin, "{}");
  g_assert_cmpuint (repaired->status, ==, 200);
}

void
lh_api_equipment_edit_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/equipment/edit/who-may", test_who_may);
  g_test_add_func ("/api/equipment/edit/add", test_add);
  g_test_add_func ("/api/equipment/edit/add-refusals", test_add_refusals);
  g_test_add_func ("/api/equipment/edit/edit", test_edit);
  g_test_add_func ("/api/equipment/edit/edit-refusals", test_edit_refusals);
  g_test_add_func ("/api/equipment/edit/item-says-editable-and-kinds", test_item_says_editable_and_kinds);
  g_test_add_func ("/api/equipment/edit/link-follows-the-rule", test_link_follows_the_rule);
  g_test_add_func ("/api/equipment/edit/link-takes-pc-faults", test_link_takes_pc_faults);
}
