/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Usage per PC on the demo centre: the admin's and the committee's alone,
 * a bounded period, most used first, and no person in it. The demo's
 * PC 1, by the window, is everyone's favourite; PC 8 hardly anyone's. */
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"

static LhTestDaemon *daemon_;
static SoupSession *session_;

static LhApiReply *
call (const char *path, const char *token)
{
  return lh_api_call (session_, daemon_->base_url, "GET", path, token, NULL);
}

/* Every role but the ones that may, a kiosk's token, and none. */
static void
test_who_may (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  g_autofree char *learner = lh_api_sign_in_as (session_, daemon_, "learner");
  g_autofree char *ulr = lh_api_sign_in_as (session_, daemon_, "learner,ulr");
  const struct { const char *token; guint status; } cases[] = {
    { admin, 200 },
    { committee, 200 },
    { learner, 403 },
    { ulr, 403 },
    { daemon_->device_token, 401 },
    { NULL, 401 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LhApiReply) reply = call ("/api/v1/equipment/usage", cases[i].token);

      g_assert_cmpuint (reply->status, ==, cases[i].status);
      if (cases[i].status != 200)
        g_assert_null (strstr (reply->text, "\"pcs\""));
    }
}

static JsonObject *
pc_named (JsonArray *pcs, const char *name)
{
  for (guint i = 0; i < json_array_get_length (pcs); i++)
    {
      JsonObject *entry = json_array_get_object_element (pcs, i);

      if (g_str_equal (json_object_get_string_member (json_object_get_object_member (entry, "pc"), "name"), name))
        return entry;
    }
  g_assert_not_reached ();
}

/* The last quarter: every PC, most used first, each with its computer,
 * and nothing about who sat there. */
static void
test_quarter (void)
{
  static const char * const members[] = {
    "pc", "computer", "never_used", "minutes_used", "sittings", "days_used", "last_used", "minutes_open",
    "percent_of_open_hours",
  };
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  g_autoptr(LhApiReply) reply = call ("/api/v1/equipment/usage", committee);
  JsonArray *pcs;
  JsonObject *favourite, *shunned;
  gint64 previous = G_MAXINT64;

  g_assert_cmpuint (reply->status, ==, 200);
  pcs = json_object_get_array_member (json_node_get_object (reply->json), "pcs");
  g_assert_cmpuint (json_array_get_length (pcs), >=, 8);
  for (guint i = 0; i < json_array_get_length (pcs); i++)
    {
      JsonObject *entry = json_array_get_object_element (pcs, i);
      gint64 minutes = json_object_get_int_member (entry, "minutes_used");

      /* Only these: no person, no name but the PC's. */
      g_assert_cmpuint (json_object_get_size (entry), ==, G_N_ELEMENTS (members));
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        g_assert_true (json_object_has_member (entry, members[m]));
      g_assert_cmpint (minutes, <=, previous);
      previous = minutes;
      g_assert_cmpint (minutes, <=, json_object_get_int_member (entry, "minutes_open"));
    }

  favourite = pc_named (pcs, "PC 1");
  shunned = pc_named (pcs, "PC 8");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (favourite, "computer"),
                                                  "asset_tag"), ==, "LC-0001");
  g_assert_false (json_object_get_boolean_member (shunned, "never_used"));
  /* Hardly used: a tenth of the favourite's time, or less. */
  g_assert_cmpint (json_object_get_int_member (shunned, "minutes_used") * 10, <,
                   json_object_get_int_member (favourite, "minutes_used"));
  g_assert_cmpint (json_object_get_int_member (favourite, "percent_of_open_hours"), >, 0);
  g_assert_cmpint (json_object_get_int_member (favourite, "days_used"), <=, 91);
}

static void
test_bad_periods (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  const struct { const char *query; guint status; } cases[] = {
    { "?from=2026-12-01&to=2026-11-01", 422 },   /* ends before it begins */
    { "?from=2025-01-01&to=2026-12-01", 422 },   /* longer than a year */
    { "?from=2099-01-01&to=2099-01-31", 422 },   /* has not begun */
    { "?from=yesterday", 400 },
    { "?to=2026-02-30", 400 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/api/v1/equipment/usage", cases[i].query, NULL);
      g_autoptr(LhApiReply) reply = call (path, admin);

      g_assert_cmpuint (reply->status, ==, cases[i].status);
      g_assert_cmpstr (reply->content_type, ==, "application/problem+json");
    }
}

void
lh_api_equipment_usage_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/equipment/usage/who-may", test_who_may);
  g_test_add_func ("/api/equipment/usage/quarter", test_quarter);
  g_test_add_func ("/api/equipment/usage/bad-periods", test_bad_periods);
}
