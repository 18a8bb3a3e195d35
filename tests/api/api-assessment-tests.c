/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Skills assessments over the API: a ULR offers a slot, a learner books
 * it, nobody else learns who, a guest is refused, and it is given back. */
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"

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

static char *
sign_in_guest (void)
{
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (daemon_->demo), "accounts");

  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);

      if (json_object_get_boolean_member (account, "guest"))
        return lh_api_sign_in (session_, daemon_->base_url, daemon_->device_token,
                               json_object_get_string_member (account, "staff_number"),
                               json_object_get_string_member (account, "pin"));
    }
  g_assert_not_reached ();
}

/* The slot id in a list reply, or NULL. */
static JsonObject *
find_slot (LhApiReply *reply, gint64 id)
{
  JsonArray *slots = json_object_get_array_member (json_node_get_object (reply->json), "assessment_slots");

  for (guint i = 0; i < json_array_get_length (slots); i++)
    if (json_object_get_int_member (json_array_get_object_element (slots, i), "id") == id)
      return json_array_get_object_element (slots, i);
  return NULL;
}

static void
test_offer_book_give_back (void)
{
  g_autofree char *ulr = sign_in_as ("learner,ulr");
  g_autofree char *learner = sign_in_as ("learner");
  g_autofree char *committee = sign_in_as ("learner,committee");
  g_autofree char *guest = sign_in_guest ();
  g_autofree char *start = lh_api_day_at (9, 6);
  g_autofree char *end = lh_api_day_at (9, 7);
  g_autofree char *body = g_strdup_printf ("{\"subject\":\"maths\",\"start\":\"%s\",\"end\":\"%s\","
                                           "\"place\":\"Quiet room\"}", start, end);
  g_autofree char *path = NULL;
  g_autofree char *list_path = NULL;
  g_autoptr(LhApiReply) offered = call ("POST", "/api/v1/assessment-slots", ulr, body);
  g_autoptr(LhApiReply) by_learner = call ("POST", "/api/v1/assessment-slots", learner, body);
  g_autoptr(LhApiReply) clash = call ("POST", "/api/v1/assessment-slots", ulr, body);
  g_autoptr(LhApiReply) bad = call ("POST", "/api/v1/assessment-slots", ulr, "{\"subject\":\"french\","
                                    "\"start\":\"2030-01-01T10:00:00Z\",\"end\":\"2030-01-01T11:00:00Z\"}");
  g_autoptr(LhApiReply) broken = call ("POST", "/api/v1/assessment-slots", ulr, "{\"subject\": 7}");
  g_autoptr(LhApiReply) booked = NULL, twice = NULL, by_guest = NULL, nothing = NULL;
  g_autoptr(LhApiReply) seen_by_committee = NULL, seen_by_ulr = NULL, by_device = NULL;
  g_autoptr(LhApiReply) not_mine = NULL, given_back = NULL, bad_range = NULL;
  JsonObject *slot;
  gint64 id;

  g_assert_cmpuint (offered->status, ==, 201);
  g_assert_cmpuint (by_learner->status, ==, 403);
  g_assert_cmpuint (clash->status, ==, 409);
  g_assert_cmpstr (lh_api_reply_string (clash, "reason"), ==, "assessor-busy");
  g_assert_cmpuint (bad->status, ==, 422);
  g_assert_nonnull (lh_api_reply_string (bad, "reason"));
  g_assert_cmpuint (broken->status, ==, 400);
  id = lh_api_reply_int (offered, "id");
  g_assert_cmpstr (lh_api_reply_string (offered, "subject"), ==, "maths");

  path = g_strdup_printf ("/api/v1/assessment-slots/%" G_GINT64_FORMAT "/booking", id);
  by_guest = call ("POST", path, guest, NULL);
  g_assert_cmpuint (by_guest->status, ==, 422);
  g_assert_cmpstr (lh_api_reply_string (by_guest, "reason"), ==, "staff-only");
  booked = call ("POST", path, learner, NULL);
  g_assert_cmpuint (booked->status, ==, 201);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (booked->json), "mine"));
  twice = call ("POST", path, committee, NULL);
  g_assert_cmpuint (twice->status, ==, 409);
  g_assert_cmpstr (lh_api_reply_string (twice, "reason"), ==, "assessment-taken");
  nothing = call ("POST", "/api/v1/assessment-slots/99999/booking", learner, NULL);
  g_assert_cmpuint (nothing->status, ==, 404);
  g_assert_cmpstr (lh_api_reply_string (nothing, "reason"), ==, "assessment-not-found");

  /* Who booked: the assessor sees it; anyone else not at all, taken. */
  start[10] = '\0';
  list_path = g_strdup_printf ("/api/v1/assessment-slots?from=%s&to=%s", start, start);
  seen_by_committee = call ("GET", list_path, committee, NULL);
  g_assert_cmpuint (seen_by_committee->status, ==, 200);
  g_assert_null (find_slot (seen_by_committee, id));
  seen_by_ulr = call ("GET", list_path, ulr, NULL);
  slot = find_slot (seen_by_ulr, id);
  g_assert_nonnull (slot);
  g_assert_true (json_object_get_boolean_member (slot, "taken"));
  g_assert_true (json_object_has_member (slot, "learner"));
  by_device = call ("GET", list_path, daemon_->device_token, NULL);
  g_assert_cmpuint (by_device->status, ==, 200);
  g_assert_null (find_slot (by_device, id));
  bad_range = call ("GET", "/api/v1/assessment-slots?from=2026-12-10&to=2026-12-01", learner, NULL);
  g_assert_cmpuint (bad_range->status, ==, 422);

  not_mine = call ("DELETE", path, committee, NULL);
  g_assert_cmpuint (not_mine->status, ==, 404);
  g_assert_cmpstr (lh_api_reply_string (not_mine, "reason"), ==, "assessment-not-found");
  given_back = call ("DELETE", path, learner, NULL);
  g_assert_cmpuint (given_back->status, ==, 204);
}

void
lh_api_assessment_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/assessments/offer-book-give-back", test_offer_book_give_back);
}
