/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One item of the demo's inventory for the admin's desk mode: the item
 * with its newest history and the statuses it can be given, and the
 * change of its status. Only an admin may (not another role, nor the
 * desk's or a PC's kiosk); every refusal has its reason code and changes
 * nothing. */
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"
#include "lh-api-listener.h"

static LhTestDaemon *daemon_;
static SoupSession *session_;

static LhApiReply *
call (const char *method, const char *path, const char *token, const char *body)
{
  return lh_api_call (session_, daemon_->base_url, method, path, token, body);
}

/* The id of the demo's item with that asset tag. */
static gint64
item_id (const char *token, const char *asset_tag)
{
  return lh_api_item_id (session_, daemon_->base_url, token, asset_tag, NULL);
}

static JsonObject *
reply_item (LhApiReply *reply)
{
  return json_object_get_object_member (json_node_get_object (reply->json), "item");
}

static JsonArray *
reply_history (LhApiReply *reply)
{
  return json_object_get_array_member (json_node_get_object (reply->json), "history");
}

/* The item's status and its newest history row, to show a refusal
 * changed nothing. */
static char *
item_state (const char *token, gint64 id)
{
  g_autofree char *path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT, id);
  g_autoptr(LhApiReply) reply = call ("GET", path, token, NULL);
  JsonArray *history;

  g_assert_cmpuint (reply->status, ==, 200);
  history = reply_history (reply);
  return g_strdup_printf ("%s %u %s", json_object_get_string_member (reply_item (reply), "status"),
                          json_array_get_length (history),
                          json_object_get_string_member (json_array_get_object_element (history, 0), "at"));
}

static void
test_who_may (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  g_autofree char *learner = lh_api_sign_in_as (session_, daemon_, "learner");
  g_autofree char *ulr = lh_api_sign_in_as (session_, daemon_, "learner,ulr");
  gint64 id = item_id (admin, "LC-0202");
  g_autofree char *path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT, id);
  g_autofree char *status_path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT "/status", id);
  g_autofree char *before = item_state (admin, id);
  g_autofree char *after = NULL;
  JsonArray *pc_kiosks = json_object_get_array_member (json_node_get_object (daemon_->demo), "pc_kiosks");
  const char *pc_kiosk = json_object_get_string_member (json_array_get_object_element (pc_kiosks, 0), "token");
  const char *body = "{\"status\": \"retired\", \"note\": \"Taken away\"}";
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
      g_autoptr(LhApiReply) read = call ("GET", path, cases[i].token, NULL);
      g_autoptr(LhApiReply) change = call ("POST", status_path, cases[i].token, body);

      g_assert_cmpuint (read->status, ==, cases[i].status);
      g_assert_cmpuint (change->status, ==, cases[i].status);
    }
  after = item_state (admin, id);
  g_assert_cmpstr (after, ==, before);
}

static void
test_item_and_history (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT, item_id (admin, "LC-0103"));
  g_autoptr(LhApiReply) reply = call ("GET", path, admin, NULL);
  JsonArray *statuses, *history;

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (reply_item (reply), "status"), ==, "in-repair");
  /* Every other status, each saying whether it asks why. */
  statuses = json_object_get_array_member (json_node_get_object (reply->json), "statuses");
  g_assert_cmpuint (json_array_get_length (statuses), ==, 3);
  for (guint i = 0; i < json_array_get_length (statuses); i++)
    {
      JsonObject *choice = json_array_get_object_element (statuses, i);
      const char *status = json_object_get_string_member (choice, "status");

      g_assert_cmpstr (status, !=, "in-repair");
      g_assert_true (json_object_get_boolean_member (choice, "note_required") == !g_str_equal (status, "working"));
    }
  /* The demo's monitor: added, failed, then sent away; newest first. */
  history = reply_history (reply);
  g_assert_cmpuint (json_array_get_length (history), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "status"), ==,
                   "in-repair");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "note"), ==,
                   "Sent to IT for a new power board");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 2), "what"), ==,
                   "added");
  g_assert_false (json_object_get_boolean_member (json_node_get_object (reply->json), "history_more"));
}

static void
test_set_status (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT "/status", item_id (admin, "LC-0201"));
  g_autoptr(LhApiReply) faulty = call ("POST", path, admin, "{\"status\": \"faulty\", \"note\": \"A leg wobbles\"}");
  g_autoptr(LhApiReply) working = NULL;
  JsonObject *newest;

  g_assert_cmpuint (faulty->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (reply_item (faulty), "status"), ==, "faulty");
  newest = json_array_get_object_element (reply_history (faulty), 0);
  g_assert_cmpstr (json_object_get_string_member (newest, "what"), ==, "status");
  g_assert_cmpstr (json_object_get_string_member (newest, "note"), ==, "A leg wobbles");
  /* The admin's name, not the program's. */
  g_assert_cmpstr (json_object_get_string_member (newest, "by"), !=, "learnhubctl");
  /* Back to working needs no note. */
  working = call ("POST", path, admin, "{\"status\": \"working\"}");
  g_assert_cmpuint (working->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (reply_item (working), "status"), ==, "working");
}

static gboolean
offers_status (LhApiReply *reply, const char *status)
{
  JsonArray *statuses = json_object_get_array_member (json_node_get_object (reply->json), "statuses");

  for (guint i = 0; i < json_array_get_length (statuses); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (statuses, i), "status"),
                     status))
      return TRUE;
  return FALSE;
}

/* While a fault stops its use, the item is not offered working (saving
 * it would be refused); retired, its faults close and the admins' lists
 * and notice counts are told so, live. */
static void
test_fault_and_retire (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiListener) to_admin = lh_api_listen (session_, daemon_->base_url, admin);
  gint64 id = item_id (admin, "LC-0247");
  g_autofree char *path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT, id);
  g_autofree char *status_path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT "/status", id);
  g_autoptr(LhApiReply) report = call ("POST", "/api/v1/faults", admin,
                                       "{\"category\": \"screen\", \"asset_tag\": \"LC-0247\"}");
  g_autoptr(LhApiReply) stopped = NULL;
  g_autoptr(LhApiReply) retired = NULL;
  g_autoptr(LhApiReply) open = NULL;
  g_autoptr(JsonNode) faults_changed = NULL;
  g_autoptr(JsonNode) notices_changed = NULL;
  gint64 fault_id;
  JsonArray *faults;

  g_assert_cmpuint (report->status, ==, 201);
  fault_id = json_object_get_int_member (json_object_get_object_member (json_node_get_object (report->json),
                                                                        "fault"), "id");
  stopped = call ("GET", path, admin, NULL);
  g_assert_cmpuint (stopped->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (reply_item (stopped), "status"), ==, "faulty");
  g_assert_false (offers_status (stopped, "working"));
  g_assert_true (offers_status (stopped, "retired"));
  /* Asked all the same, refused with its own reason. */
  {
    g_autoptr(LhApiReply) working = call ("POST", status_path, admin, "{\"status\": \"working\"}");

    g_assert_cmpuint (working->status, ==, 409);
    g_assert_cmpstr (lh_api_reply_string (working, "reason"), ==, "fault-open");
  }

  /* What the report itself sent is heard first, and set aside. */
  lh_api_spin (0.3);
  g_ptr_array_set_size (to_admin->messages, 0);
  retired = call ("POST", status_path, admin, "{\"status\": \"retired\", \"note\": \"Lamp gone\"}");
  g_assert_cmpuint (retired->status, ==, 200);
  g_assert_true (offers_status (retired, "working"));
  faults_changed = lh_api_listener_wait (to_admin, "faults-changed", "fault_id", 0);
  notices_changed = lh_api_listener_wait (to_admin, "admin-notices-changed", NULL, 0);
  g_assert_nonnull (faults_changed);
  g_assert_nonnull (notices_changed);
  open = call ("GET", "/api/v1/faults", admin, NULL);
  g_assert_cmpuint (open->status, ==, 200);
  faults = json_object_get_array_member (json_node_get_object (open->json), "faults");
  for (guint i = 0; i < json_array_get_length (faults); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (faults, i), "id"), !=, fault_id);
}

/* A screenful of history, and a sign that there is more. */
static void
test_history_bounded (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  gint64 id = item_id (admin, "LC-0203");
  g_autofree char *path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT, id);
  g_autofree char *status_path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT "/status", id);
  g_autoptr(LhApiReply) reply = NULL;

  for (guint i = 0; i < 24; i++)
    {
      g_autoptr(LhApiReply) change = call ("POST", status_path, admin,
                                           i % 2 == 0 ? "{\"status\": \"faulty\", \"note\": \"Drawer sticks\"}"
                                                      : "{\"status\": \"working\"}");

      g_assert_cmpuint (change->status, ==, 200);
    }
  reply = call ("GET", path, admin, NULL);
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (reply_history (reply)), ==, 20);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (reply->json), "history_more"));
}

static void
test_refusals (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  gint64 id = item_id (admin, "LC-0204");
  g_autofree char *path = lh_api_path ("/api/v1/equipment/%" G_GINT64_FORMAT "/status", id);
  g_autofree char *long_note = g_strnfill (501, 'x');
  g_autofree char *huge_note = g_strnfill (70 * 1024, 'x');
  g_autofree char *long_body = g_strdup_printf ("{\"status\": \"faulty\", \"note\": \"%s\"}", long_note);
  g_autofree char *huge_body = g_strdup_printf ("{\"status\": \"faulty\", \"note\": \"%s\"}", huge_note);
  g_autofree char *before = item_state (admin, id);
  g_autofree char *after = NULL;
  const struct { const char *path; const char *body; guint status; const char *reason; } cases[] = {
    { "/api/v1/equipment/999999/status", "{\"status\": \"faulty\", \"note\": \"x\"}", 404, "item-not-found" },
    { path, "{\"status\": \"broken\", \"note\": \"x\"}", 422, "status-unknown" },
    { path, "{\"status\": \"\", \"note\": \"x\"}", 422, "status-unknown" },
    { path, "{\"status\": \"working\"}", 409, "status-unchanged" },
    { path, "{\"status\": \"faulty\"}", 422, "note-required" },
    { path, "{\"status\": \"faulty\", \"note\": \"   \"}", 422, "note-required" },
    { path, long_body, 422, "note-invalid" },
    { path, "{\"status\": \"faulty\", \"note\": \"two\\nlines\"}", 422, "note-invalid" },
    { path, "{\"status\": 3}", 400, "body-invalid" },
    { path, "{\"status\": \"faulty\", \"note\": 7}", 400, "body-invalid" },
    { path, "not json", 400, "body-invalid" },
    { path, huge_body, 413, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LhApiReply) reply = call ("POST", cases[i].path, admin, cases[i].body);

      g_assert_cmpuint (reply->status, ==, cases[i].status);
      if (cases[i].reason != NULL)
        g_assert_cmpstr (lh_api_reply_string (reply, "reason"), ==, cases[i].reason);
    }
  after = item_state (admin, id);
  g_assert_cmpstr (after, ==, before);
}

static void
test_unknown_item (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) reply = call ("GET", "/api/v1/equipment/999999", admin, NULL);

  g_assert_cmpuint (reply->status, ==, 404);
  g_assert_cmpstr (lh_api_reply_string (reply, "reason"), ==, "item-not-found");
}

void
lh_api_equipment_item_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/equipment/item/who-may", test_who_may);
  g_test_add_func ("/api/equipment/item/history", test_item_and_history);
  g_test_add_func ("/api/equipment/item/set-status", test_set_status);
  g_test_add_func ("/api/equipment/item/history-bounded", test_history_bounded);
  g_test_add_func ("/api/equipment/item/refusals", test_refusals);
  g_test_add_func ("/api/equipment/item/unknown", test_unknown_item);
  g_test_add_func ("/api/equipment/item/fault-and-retire", test_fault_and_retire);
}
