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
    "pc", "computer", "never_used", "minutes_used", "sittings", "days_used", "suppressed", "last_used",
    "minutes_open", "minutes_out_of_order", "percent_of_open_hours",
  };
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) reply = call ("/api/v1/equipment/usage", admin);
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

static JsonObject *
pc_with_id (JsonArray *pcs, gint64 id)
{
  for (guint i = 0; i < json_array_get_length (pcs); i++)
    {
      JsonObject *entry = json_array_get_object_element (pcs, i);

      if (json_object_get_int_member (json_object_get_object_member (entry, "pc"), "id") == id)
        return entry;
    }
  g_assert_not_reached ();
}

static gboolean
is_null (JsonObject *entry, const char *member)
{
  return JSON_NODE_HOLDS_NULL (json_object_get_member (entry, member));
}

/* A sitting is one person's: the committee may not read one learner's
 * visits from a PC few use. Each period's figures, seen by the admin and
 * by the committee: below the threshold every figure that could tell is
 * null, last_used is a day, and the suppressed PCs come last but for the
 * never used, so that their place tells nothing. */
static void
test_committee_suppressed (void)
{
  static const char * const periods[] = {
    "", "?from=2026-11-01&to=2026-11-28", "?from=2026-09-01&to=2026-09-30",
  };
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  g_autoptr(LhApiReply) terms = call ("/api/v1/terms", admin);
  gint64 threshold = json_object_get_int_member (json_node_get_object (terms->json), "suppression_threshold");
  guint suppressed_seen = 0;

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      g_autofree char *path = g_strconcat ("/api/v1/equipment/usage", periods[p], NULL);
      g_autoptr(LhApiReply) full = call (path, admin);
      g_autoptr(LhApiReply) held = call (path, committee);
      JsonArray *full_pcs = json_object_get_array_member (json_node_get_object (full->json), "pcs");
      JsonArray *held_pcs = json_object_get_array_member (json_node_get_object (held->json), "pcs");
      gboolean after_suppressed = FALSE;

      g_assert_cmpuint (held->status, ==, 200);
      g_assert_cmpuint (json_array_get_length (held_pcs), ==, json_array_get_length (full_pcs));
      for (guint i = 0; i < json_array_get_length (held_pcs); i++)
        {
          JsonObject *seen = json_array_get_object_element (held_pcs, i);
          gint64 id = json_object_get_int_member (json_object_get_object_member (seen, "pc"), "id");
          JsonObject *truth = pc_with_id (full_pcs, id);
          gint64 sittings = json_object_get_int_member (truth, "sittings");
          gboolean few = sittings > 0 && (sittings < threshold
                                          || json_object_get_int_member (truth, "days_used") < threshold);

          g_assert_false (json_object_get_boolean_member (truth, "suppressed"));
          g_assert_cmpint (json_object_get_boolean_member (seen, "suppressed"), ==, few);
          if (few)
            {
              suppressed_seen++;
              after_suppressed = TRUE;
              g_assert_true (is_null (seen, "sittings") && is_null (seen, "days_used")
                             && is_null (seen, "minutes_used") && is_null (seen, "percent_of_open_hours")
                             && is_null (seen, "last_used"));
              continue;
            }
          /* Nothing used more than a suppressed PC comes after it. */
          if (after_suppressed)
            g_assert_cmpint (sittings, ==, 0);
          g_assert_cmpint (json_object_get_int_member (seen, "sittings"), ==, sittings);
          g_assert_cmpint (json_object_get_int_member (seen, "minutes_used"), ==,
                           json_object_get_int_member (truth, "minutes_used"));
          if (sittings > 0)
            g_assert_cmpuint (strlen (json_object_get_string_member (seen, "last_used")), ==,
                              strlen ("YYYY-MM-DD"));
        }
    }
  g_assert_cmpuint (suppressed_seen, >, 0);
}

/* Fewer than 28 days would show single sittings; the admin may ask. */
static void
test_committee_short_period (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  const char *path = "/api/v1/equipment/usage?from=2026-11-02&to=2026-11-28";
  g_autoptr(LhApiReply) refused = call (path, committee);
  g_autoptr(LhApiReply) admins = call (path, admin);

  g_assert_cmpuint (refused->status, ==, 422);
  g_assert_cmpstr (refused->content_type, ==, "application/problem+json");
  g_assert_cmpstr (lh_api_reply_string (refused, "reason"), ==, "period-too-short");
  g_assert_null (strstr (refused->text, "\"pcs\""));
  g_assert_cmpuint (admins->status, ==, 200);
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
  g_test_add_func ("/api/equipment/usage/committee-suppressed", test_committee_suppressed);
  g_test_add_func ("/api/equipment/usage/committee-short-period", test_committee_short_period);
}
