/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scheduled checks and the admins' notices on the demo centre: the
 * printer's service is overdue and the computers' safety test due soon;
 * a new fault is a notice too. All of it is the admin's alone, and the
 * live events reach no learner, committee member or bare kiosk. */
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

static JsonArray *
array_of (LhApiReply *reply, const char *member)
{
  g_assert_cmpuint (reply->status, ==, 200);
  return json_object_get_array_member (json_node_get_object (reply->json), member);
}

/* The check called what in the list, or NULL. */
static JsonObject *
find_check (JsonArray *checks, const char *what)
{
  for (guint i = 0; i < json_array_get_length (checks); i++)
    {
      JsonObject *check = json_array_get_object_element (checks, i);

      if (g_str_equal (json_object_get_string_member (check, "what"), what))
        return check;
    }
  return NULL;
}

/* The open notice of that type about the fault or check (by id), or NULL. */
static JsonObject *
find_notice (JsonArray *notices, const char *type, const char *about, gint64 id)
{
  for (guint i = 0; i < json_array_get_length (notices); i++)
    {
      JsonObject *notice = json_array_get_object_element (notices, i);
      JsonNode *of = json_object_get_member (notice, about);

      if (g_str_equal (json_object_get_string_member (notice, "type"), type) && !JSON_NODE_HOLDS_NULL (of) &&
          json_object_get_int_member (json_node_get_object (of), "id") == id)
        return notice;
    }
  return NULL;
}

static JsonObject *
find_notice_on (JsonArray *notices, const char *type, const char *asset_tag)
{
  for (guint i = 0; i < json_array_get_length (notices); i++)
    {
      JsonObject *notice = json_array_get_object_element (notices, i);

      if (g_str_equal (json_object_get_string_member (notice, "type"), type) &&
          g_strcmp0 (json_object_get_string_member (notice, "asset_tag"), asset_tag) == 0)
        return notice;
    }
  return NULL;
}

/* Only an admin; a kiosk's own token is no one's sign-in. */
static void
test_who_may (void)
{
  g_autofree char *learner = lh_api_sign_in_as (session_, daemon_, "learner");
  g_autofree char *ulr = lh_api_sign_in_as (session_, daemon_, "learner,ulr");
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  const char *tokens[] = { learner, ulr, committee, daemon_->device_token, pc_kiosk_token ("PC 6"), NULL };
  const guint statuses[] = { 403, 403, 403, 401, 401, 401 };
  const char *routes[][2] = {
    { "GET", "/api/v1/equipment/checks" },
    { "POST", "/api/v1/equipment/checks/1/done" },
    { "GET", "/api/v1/admin-notices" },
    { "POST", "/api/v1/admin-notices/1/dismiss" },
  };
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) checks = NULL;
  g_autoptr(LhApiReply) notices = NULL;
  JsonArray *list;

  for (guint r = 0; r < G_N_ELEMENTS (routes); r++)
    for (guint t = 0; t < G_N_ELEMENTS (tokens); t++)
      {
        g_autoptr(LhApiReply) reply = call (routes[r][0], routes[r][1], tokens[t], "{\"result\": \"passed\"}");

        g_assert_cmpuint (reply->status, ==, statuses[t]);
        if (statuses[t] == 403)
          g_assert_cmpstr (lh_api_reply_string (reply, "reason"), ==, "role-missing");
      }
  /* Nothing was done nor dismissed. */
  checks = call ("GET", "/api/v1/equipment/checks", admin, NULL);
  list = array_of (checks, "checks");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *check = json_array_get_object_element (list, i);

      if (json_object_get_int_member (check, "id") == 1)
        g_assert_true (json_object_get_null_member (check, "last_done"));
    }
  notices = call ("GET", "/api/v1/admin-notices", admin, NULL);
  g_assert_nonnull (find_notice (array_of (notices, "notices"), "check-due", "check", 1));
}

/* The overdue and the due soon lead the list; doing one sets its next
 * date and clears its notice. */
static void
test_checks_listed_and_done (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) before = call ("GET", "/api/v1/equipment/checks", admin, NULL);
  g_autoptr(LhApiReply) notices_before = call ("GET", "/api/v1/admin-notices", admin, NULL);
  g_autoptr(LhApiReply) done = NULL;
  g_autoptr(LhApiReply) notices_after = NULL;
  g_autofree char *path = NULL;
  JsonArray *checks = array_of (before, "checks");
  JsonObject *service = find_check (checks, "Printer service");
  JsonObject *pat = find_check (checks, "Electrical safety test (PAT)");
  JsonObject *first = json_array_get_object_element (checks, 0);
  JsonObject *answer, *last_done;
  gint64 service_id;

  g_assert_nonnull (service);
  g_assert_nonnull (pat);
  g_assert_cmpstr (json_object_get_string_member (first, "what"), ==, "Printer service");
  g_assert_cmpstr (json_object_get_string_member (service, "state"), ==, "overdue");
  g_assert_cmpstr (json_object_get_string_member (service, "asset_tag"), ==, "LC-0501");
  g_assert_cmpint (json_object_get_int_member (service, "every_months"), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (pat, "state"), ==, "due-soon");
  g_assert_cmpstr (json_object_get_string_member (pat, "kind"), ==, "computer");
  g_assert_true (json_object_get_null_member (pat, "asset_tag"));
  service_id = json_object_get_int_member (service, "id");
  /* The housekeeper kept notices of both, and of the overdue headset. */
  g_assert_nonnull (find_notice (array_of (notices_before, "notices"), "check-overdue", "check", service_id));
  g_assert_nonnull (find_notice (array_of (notices_before, "notices"), "check-due", "check",
                                 json_object_get_int_member (pat, "id")));
  g_assert_nonnull (find_notice_on (array_of (notices_before, "notices"), "fault-overdue", "LC-0241"));

  path = lh_api_path ("/api/v1/equipment/checks/%" G_GINT64_FORMAT "/done", service_id);
  done = call ("POST", path, admin, "{\"result\": \"passed\", \"note\": \"Rollers replaced\"}");
  g_assert_cmpuint (done->status, ==, 200);
  answer = json_node_get_object (done->json);
  g_assert_cmpstr (json_object_get_string_member (answer, "state"), ==, "later");
  g_assert_cmpstr (json_object_get_string_member (answer, "next_due"), >, json_object_get_string_member (service,
                                                                                                        "next_due"));
  last_done = json_object_get_object_member (answer, "last_done");
  g_assert_cmpstr (json_object_get_string_member (last_done, "result"), ==, "passed");
  g_assert_cmpstr (json_object_get_string_member (last_done, "note"), ==, "Rollers replaced");
  notices_after = call ("GET", "/api/v1/admin-notices", admin, NULL);
  g_assert_null (find_notice (array_of (notices_after, "notices"), "check-overdue", "check", service_id));
}

/* Bad input is refused with its reason and changes nothing. */
static void
test_bad_input (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) before = call ("GET", "/api/v1/equipment/checks", admin, NULL);
  g_autoptr(LhApiReply) after = NULL;
  JsonObject *pat = find_check (array_of (before, "checks"), "Electrical safety test (PAT)");
  g_autofree char *path = lh_api_path ("/api/v1/equipment/checks/%" G_GINT64_FORMAT "/done",
                                       json_object_get_int_member (pat, "id"));
  g_autofree char *long_note = g_strnfill (389, 'x');
  g_autofree char *long_body = g_strdup_printf ("{\"result\": \"passed\", \"note\": \"%s\"}", long_note);
  const struct { const char *path; const char *body; guint status; const char *reason; gint64 max_chars; } cases[] = {
    { path, "not json", 400, "body-invalid" },
    { path, "[]", 400, "body-invalid" },
    { path, "{}", 400, "body-invalid" },
    { path, "{\"result\": 1}", 400, "body-invalid" },
    { path, "{\"result\": \"ok\"}", 422, "result-unknown" },
    { path, "{\"result\": \"passed\", \"note\": \"bell\\u0007\"}", 400, "body-invalid" },
    /* The item's history adds the check's name and result to the note. */
    { path, "{\"result\": \"passed\", \"note\": \"two\\nlines\"}", 422, "note-invalid", 388 },
    { path, long_body, 422, "note-invalid", 388 },
    { "/api/v1/equipment/checks/424242/done", "{\"result\": \"passed\"}", 404, "check-not-found" },
    { "/api/v1/admin-notices/424242/dismiss", NULL, 404, NULL },
  };
  JsonObject *again;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LhApiReply) reply = call ("POST", cases[i].path, admin, cases[i].body);
      JsonObject *problem = json_node_get_object (reply->json);

      g_assert_cmpuint (reply->status, ==, cases[i].status);
      if (cases[i].reason != NULL)
        g_assert_cmpstr (json_object_get_string_member (problem, "reason"), ==, cases[i].reason);
      /* The kiosk words the limit from the refusal. */
      g_assert_cmpint (json_object_get_int_member_with_default (problem, "max_chars", 0), ==, cases[i].max_chars);
    }
  after = call ("GET", "/api/v1/equipment/checks", admin, NULL);
  again = find_check (array_of (after, "checks"), "Electrical safety test (PAT)");
  g_assert_cmpstr (json_object_get_string_member (again, "next_due"), ==,
                   json_object_get_string_member (pat, "next_due"));
  g_assert_true (json_object_get_null_member (again, "last_done"));
}

/* A fault reported at a kiosk is a notice for the admins, heard live by
 * a signed-in admin only (and the kiosk where one is signed in, not
 * another); an admin dismisses it, once. */
static void
test_fault_notice_to_admins_only (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *learner = lh_api_sign_in_as (session_, daemon_, "learner");
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  g_autoptr(LhApiListener) to_admin = lh_api_listen (session_, daemon_->base_url, admin);
  g_autoptr(LhApiListener) to_learner = lh_api_listen (session_, daemon_->base_url, learner);
  g_autoptr(LhApiListener) to_committee = lh_api_listen (session_, daemon_->base_url, committee);
  g_autoptr(LhApiListener) to_desk = lh_api_listen (session_, daemon_->base_url, daemon_->device_token);
  g_autoptr(LhApiListener) to_pc = lh_api_listen (session_, daemon_->base_url, pc_kiosk_token ("PC 2"));
  LhApiListener *others[] = { to_learner, to_committee, to_pc };
  /* At PC 1 itself: the desk and PC 7 used up their reports in the faults tests. */
  g_autoptr(LhApiReply) report = call ("POST", "/api/v1/faults", pc_kiosk_token ("PC 1"), "{\"category\": \"sound\"}");
  g_autoptr(JsonNode) changed = NULL;
  g_autoptr(JsonNode) notices_changed = NULL;
  g_autoptr(JsonNode) desk_heard = NULL;
  g_autoptr(LhApiReply) notices = NULL;
  g_autoptr(LhApiReply) dismissed = NULL;
  g_autoptr(LhApiReply) twice = NULL;
  g_autoptr(LhApiReply) repaired = NULL;
  g_autofree char *dismiss = NULL;
  g_autofree char *repair = NULL;
  JsonObject *notice;
  gint64 fault_id;

  g_assert_cmpuint (report->status, ==, 201);
  fault_id = json_object_get_int_member (json_object_get_object_member (json_node_get_object (report->json),
                                                                        "fault"), "id");
  changed = lh_api_listener_wait (to_admin, "faults-changed", "fault_id", fault_id);
  notices_changed = lh_api_listener_wait (to_admin, "admin-notices-changed", NULL, 0);
  g_assert_nonnull (changed);
  g_assert_nonnull (notices_changed);
  /* The desk kiosk's own stream too: the admin signed in there. */
  desk_heard = lh_api_listener_wait (to_desk, "admin-notices-changed", NULL, 0);
  g_assert_nonnull (desk_heard);
  lh_api_spin (0.3);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_assert_false (lh_api_listener_heard (others[i], "faults-changed"));
      g_assert_false (lh_api_listener_heard (others[i], "admin-notices-changed"));
    }

  notices = call ("GET", "/api/v1/admin-notices", admin, NULL);
  notice = find_notice (array_of (notices, "notices"), "fault-reported", "fault", fault_id);
  g_assert_nonnull (notice);
  g_assert_cmpstr (json_object_get_string_member (notice, "asset_tag"), ==, "LC-0001");
  g_assert_cmpstr (json_object_get_string_member (notice, "pc"), ==, "PC 1");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (notice, "fault"), "category"),
                   ==, "sound");
  dismiss = lh_api_path ("/api/v1/admin-notices/%" G_GINT64_FORMAT "/dismiss",
                         json_object_get_int_member (notice, "id"));
  dismissed = call ("POST", dismiss, admin, NULL);
  g_assert_cmpuint (dismissed->status, ==, 204);
  twice = call ("POST", dismiss, admin, NULL);
  g_assert_cmpuint (twice->status, ==, 404);

  repair = lh_api_path ("/api/v1/faults/%" G_GINT64_FORMAT "/repaired", fault_id);
  repaired = call ("POST", repair, admin, "{}");
  g_assert_cmpuint (repaired->status, ==, 200);
}

void
lh_api_checks_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/checks/who-may", test_who_may);
  g_test_add_func ("/api/checks/bad-input", test_bad_input);
  g_test_add_func ("/api/checks/listed-and-done", test_checks_listed_and_done);
  g_test_add_func ("/api/admin-notices/fault-to-admins-only", test_fault_notice_to_admins_only);
}
