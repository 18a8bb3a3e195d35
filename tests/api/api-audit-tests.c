/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit log over the API (issue 16): an admin's, ULR's or committee
 * member's change is recorded with who and when, committed with it; a
 * learner's own change and a refused one are not; advice work names no
 * learner; only admins read it, a page at a time. */
#include <string.h>

#include "api-advice-private.h"
#include "api-test-parts.h"
#include "lh-audit-routes.h"
#include "lh-server.h"

static LhTestDaemon *daemon_;
static SoupSession *session_;

static LhApiReply *
call (const char *method, const char *path, const char *token, const char *body)
{
  return lh_api_call (session_, daemon_->base_url, method, path, token, body);
}

static JsonArray *
entries_of (LhApiReply *reply)
{
  g_assert_cmpuint (reply->status, ==, 200);
  return json_object_get_array_member (json_node_get_object (reply->json), "entries");
}

/* The whole log of the last 30 days, a page at a time. */
static JsonArray *
whole_log (const char *admin)
{
  JsonArray *all = json_array_new ();
  g_autofree char *path = g_strdup ("/api/v1/audit?limit=500");

  for (;;)
    {
      g_autoptr(LhApiReply) page = call ("GET", path, admin, NULL);
      JsonArray *entries = entries_of (page);
      JsonNode *next = json_object_get_member (json_node_get_object (page->json), "next");

      for (guint i = 0; i < json_array_get_length (entries); i++)
        json_array_add_element (all, json_node_copy (json_array_get_element (entries, i)));
      if (JSON_NODE_TYPE (next) == JSON_NODE_NULL)
        return all;
      g_free (path);
      path = g_strdup_printf ("/api/v1/audit?limit=500&after=%" G_GINT64_FORMAT, json_node_get_int (next));
    }
}

static JsonObject *
last_entry (const char *admin)
{
  g_autoptr(JsonArray) all = whole_log (admin);
  guint n = json_array_get_length (all);

  g_assert_cmpuint (n, >, 0);
  return json_object_ref (json_array_get_object_element (all, n - 1));
}

static guint
log_length (const char *admin)
{
  g_autoptr(JsonArray) all = whole_log (admin);

  return json_array_get_length (all);
}

/* An admin decides a request for paid time off: recorded, with the
 * request, the admin and their role; the same decision again (a 409)
 * adds nothing. */
static void
test_admin_change_recorded (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) pending = call ("GET", "/api/v1/time-off/requests", admin, NULL);
  JsonArray *requests = json_object_get_array_member (json_node_get_object (pending->json), "requests");
  g_autoptr(JsonObject) entry = NULL;
  g_autoptr(LhApiReply) approved = NULL;
  g_autoptr(LhApiReply) again = NULL;
  g_autofree char *approve = NULL;
  JsonObject *by;
  gint64 id;
  guint before;

  g_assert_cmpuint (pending->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (requests), >, 0);
  id = json_object_get_int_member (json_array_get_object_element (requests, 0), "id");
  approve = lh_api_path ("/api/v1/time-off/requests/%" G_GINT64_FORMAT "/approve", id);
  approved = call ("POST", approve, admin, "{}");
  g_assert_cmpuint (approved->status, ==, 200);

  entry = last_entry (admin);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "time-off-approved");
  g_assert_cmpint (json_object_get_int_member (entry, "subject_id"), ==, id);
  by = json_object_get_object_member (entry, "by");
  g_assert_cmpstr (json_object_get_string_member (by, "via"), ==, "kiosk");
  g_assert_cmpstr (json_object_get_string_member (by, "name"), !=, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (by, "roles")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (by, "roles"), 0), ==, "admin");

  before = log_length (admin);
  again = call ("POST", approve, admin, "{}");
  g_assert_cmpuint (again->status, ==, 409);
  g_assert_cmpuint (log_length (admin), ==, before);
}

/* What a learner changes of their own is theirs: a ULR booking a PC for
 * themselves (a learner then) and cancelling it, and a learner's and a
 * ULR's own kiosk settings, set and erased, are not in the log. */
static void
test_own_changes_not_recorded (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *learner = lh_api_sign_in_as (session_, daemon_, "learner");
  g_autofree char *ulr = lh_api_sign_in_as (session_, daemon_, "learner,ulr");
  guint before = log_length (admin);
  g_autofree char *slot = lh_api_free_slot_body (ulr, 3);
  g_autoptr(LhApiReply) booked = call ("POST", "/api/v1/bookings", ulr, slot);
  g_autofree char *booking = NULL;
  g_autoptr(LhApiReply) cancelled = NULL;

  g_assert_cmpuint (booked->status, ==, 201);
  booking = lh_api_path ("/api/v1/bookings/%" G_GINT64_FORMAT, lh_api_reply_int (booked, "id"));
  cancelled = call ("DELETE", booking, ulr, NULL);
  g_assert_cmpuint (cancelled->status, ==, 204);
  g_autoptr(LhApiReply) settings = call ("PUT", "/api/v1/me/settings", learner, "{\"large_text\": true}");
  g_autoptr(LhApiReply) ulr_settings = call ("PUT", "/api/v1/me/settings", ulr, "{\"high_contrast\": true}");

  g_autoptr(LhApiReply) erased = call ("DELETE", "/api/v1/me/settings", learner, NULL);
  g_autoptr(LhApiReply) ulr_erased = call ("DELETE", "/api/v1/me/settings", ulr, NULL);

  g_assert_cmpuint (settings->status, ==, 200);
  g_assert_cmpuint (ulr_settings->status, ==, 200);
  g_assert_cmpuint (erased->status, ==, 204);
  g_assert_cmpuint (ulr_erased->status, ==, 204);
  g_assert_cmpuint (log_length (admin), ==, before);
}

/* The ULR's advice work is in the log (the notes the advice tests wrote
 * about learner A), but never whose record it was, nor what was written. */
static void
test_advice_work_names_nobody (void)
{
  const char * const private_work[] = {
    "advice-started", "advice-no-show", "advice-finished", "queue-next-called", "advice-note-added",
    "plan-item-added", "plan-item-ticked", "learning-mot-recorded", "record-deletion-confirmed", NULL
  };
  const char * const done_by_the_advice_tests[] = {
    "queue-next-called", "advice-started", "advice-finished", "advice-note-added", "plan-item-added",
    "learning-mot-recorded",
  };
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(JsonArray) all = whole_log (admin);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), all);
  g_autofree char *text = NULL;
  guint notes = 0;

  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *entry = json_array_get_object_element (all, i);
      const char *action = json_object_get_string_member (entry, "action");

      if (g_strv_contains (private_work, action))
        g_assert_true (json_node_is_null (json_object_get_member (entry, "subject_id")));
      if (g_str_equal (action, "advice-note-added") &&
          json_object_get_int_member (json_object_get_object_member (entry, "by"), "person_id") == adv.ulr1.id)
        notes++;
    }
  g_assert_cmpuint (notes, >, 0);
  /* The advice tests did each of these: each is in the log, unnamed. */
  for (guint w = 0; w < G_N_ELEMENTS (done_by_the_advice_tests); w++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < json_array_get_length (all) && !found; i++)
        found = g_str_equal (json_object_get_string_member (json_array_get_object_element (all, i), "action"),
                             done_by_the_advice_tests[w]);
      if (!found)
        g_error ("No %s in the audit log", done_by_the_advice_tests[w]);
    }
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  for (guint s = 0; adv.secrets[s] != NULL; s++)
    g_assert_null (strstr (text, adv.secrets[s]));
}

/* Admins read it; every other role, a kiosk's token and nobody do not. */
static void
test_who_may_read (void)
{
  const char *roles[] = { "learner", "learner,ulr", "learner,committee" };
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) read = call ("GET", "/api/v1/audit", admin, NULL);
  g_autoptr(LhApiReply) kiosk = call ("GET", "/api/v1/audit", daemon_->device_token, NULL);
  g_autoptr(LhApiReply) nobody = call ("GET", "/api/v1/audit", NULL, NULL);

  g_assert_cmpuint (read->status, ==, 200);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *token = lh_api_sign_in_as (session_, daemon_, roles[i]);
      g_autoptr(LhApiReply) refused = call ("GET", "/api/v1/audit", token, NULL);

      g_assert_cmpuint (refused->status, ==, 403);
      g_assert_cmpstr (lh_api_reply_string (refused, "reason"), ==, "role-missing");
    }
  g_assert_cmpuint (kiosk->status, ==, 401);
  g_assert_cmpuint (nobody->status, ==, 401);
}

/* A page at a time, in order; a cursor that is no entry and a period too
 * long are refused with their reasons. */
static void
test_pages (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) first = call ("GET", "/api/v1/audit?limit=1", admin, NULL);
  g_autoptr(LhApiReply) second = NULL;
  g_autoptr(LhApiReply) bad_cursor = call ("GET", "/api/v1/audit?after=999999999", admin, NULL);
  g_autoptr(LhApiReply) too_long = call ("GET", "/api/v1/audit?from=2020-01-01&to=2026-12-31", admin, NULL);
  g_autoptr(LhApiReply) too_many = call ("GET", "/api/v1/audit?limit=501", admin, NULL);
  g_autofree char *next_path = NULL;
  JsonObject *page = NULL;
  gint64 first_id;

  g_assert_cmpuint (json_array_get_length (entries_of (first)), ==, 1);
  page = json_node_get_object (first->json);
  g_assert_true (json_object_get_boolean_member (page, "more"));
  first_id = json_object_get_int_member (json_array_get_object_element (entries_of (first), 0), "id");
  g_assert_cmpint (json_object_get_int_member (page, "next"), ==, first_id);
  next_path = g_strdup_printf ("/api/v1/audit?limit=1&after=%" G_GINT64_FORMAT, first_id);
  second = call ("GET", next_path, admin, NULL);
  g_assert_cmpuint (json_array_get_length (entries_of (second)), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (entries_of (second), 0), "id"), !=,
                   first_id);

  g_assert_cmpuint (bad_cursor->status, ==, 400);
  g_assert_cmpstr (lh_api_reply_string (bad_cursor, "reason"), ==, "cursor-invalid");
  g_assert_cmpuint (too_long->status, ==, 422);
  g_assert_cmpstr (lh_api_reply_string (too_long, "reason"), ==, "period-too-long");
  g_assert_cmpuint (too_many->status, ==, 400);
  g_assert_cmpstr (lh_api_reply_string (too_many, "reason"), ==, "limit-invalid");
}

/* Every change only an admin, ULR or committee member may make has its
 * action code, so that none is logged as a bare "change". */
static void
test_every_audited_route_has_an_action (void)
{
  guint n_routes, audited = 0;
  const LhRoute *routes = lh_server_get_routes (&n_routes);

  for (guint r = 0; r < n_routes; r++)
    {
      gboolean names_subject;

      if (!lh_audit_route_is_audited (&routes[r]))
        continue;
      audited++;
      if (lh_audit_route_action (&routes[r], &names_subject) == NULL)
        g_error ("%s %s changes the centre but has no audit action", routes[r].method, routes[r].path);
    }
  g_assert_cmpuint (audited, >, 20);
}

void
lh_api_audit_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/audit/advice-work-names-nobody", test_advice_work_names_nobody);
  g_test_add_func ("/api/audit/admin-change-recorded", test_admin_change_recorded);
  g_test_add_func ("/api/audit/own-changes-not-recorded", test_own_changes_not_recorded);
  g_test_add_func ("/api/audit/who-may-read", test_who_may_read);
  g_test_add_func ("/api/audit/pages", test_pages);
  g_test_add_func ("/api/audit/every-audited-route-has-an-action", test_every_audited_route_has_an_action);
}
