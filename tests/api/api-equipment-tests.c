/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The equipment routes on the demo centre: the inventory is the admin's
 * alone; how it stands against the agreement is the admin's and the
 * committee's, with the demo's monitor away for repair below the
 * minimum since it failed. */
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"
#include "lh-test-clock.h"

#define DAY_MINUTES (24 * 60)

static LhTestDaemon *daemon_;
static SoupSession *session_;

static LhApiReply *
call (const char *method, const char *path, const char *token)
{
  return lh_api_call (session_, daemon_->base_url, method, path, token, NULL);
}

static JsonObject *
kind_entry (LhApiReply *reply, const char *kind)
{
  JsonArray *kinds = json_object_get_array_member (json_node_get_object (reply->json), "kinds");

  for (guint i = 0; i < json_array_get_length (kinds); i++)
    {
      JsonObject *entry = json_array_get_object_element (kinds, i);

      if (g_str_equal (json_object_get_string_member (entry, "kind"), kind))
        return entry;
    }
  g_assert_not_reached ();
}

/* Every role but the one that may, another's token, and none. */
static void
test_who_may (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  g_autofree char *learner = lh_api_sign_in_as (session_, daemon_, "learner");
  g_autofree char *ulr = lh_api_sign_in_as (session_, daemon_, "learner,ulr");
  const struct { const char *path; const char *token; guint status; } cases[] = {
    { "/api/v1/equipment", admin, 200 },
    { "/api/v1/equipment", committee, 403 },
    { "/api/v1/equipment", learner, 403 },
    { "/api/v1/equipment", ulr, 403 },
    { "/api/v1/equipment", daemon_->device_token, 401 },
    { "/api/v1/equipment", NULL, 401 },
    { "/api/v1/equipment/compliance", admin, 200 },
    { "/api/v1/equipment/compliance", committee, 200 },
    { "/api/v1/equipment/compliance", learner, 403 },
    { "/api/v1/equipment/compliance", ulr, 403 },
    { "/api/v1/equipment/compliance", daemon_->device_token, 401 },
    { "/api/v1/equipment/compliance", NULL, 401 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LhApiReply) reply = call ("GET", cases[i].path, cases[i].token);

      g_assert_cmpuint (reply->status, ==, cases[i].status);
    }
}

static void
test_inventory (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) reply = call ("GET", "/api/v1/equipment", admin);
  JsonArray *items;
  guint computers = 0, in_repair = 0;

  g_assert_cmpuint (reply->status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (reply->json), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *kind = json_object_get_string_member (item, "kind");

      if (g_str_equal (kind, "computer"))
        {
          JsonObject *pc = json_object_get_object_member (item, "pc");

          /* Each computer is a bookable PC, by id and name. */
          g_assert_nonnull (pc);
          g_assert_cmpint (json_object_get_int_member (pc, "id"), >, 0);
          g_assert_true (g_str_has_prefix (json_object_get_string_member (pc, "name"), "PC "));
          computers++;
        }
      else
        g_assert_true (json_object_get_null_member (item, "pc"));
      if (g_str_equal (json_object_get_string_member (item, "status"), "in-repair"))
        in_repair++;
    }
  g_assert_cmpuint (computers, ==, 8);
  g_assert_cmpuint (in_repair, ==, 1);
}

static void
assert_refused (const char *path, const char *token, const char *reason)
{
  g_autoptr(LhApiReply) reply = call ("GET", path, token);

  g_assert_cmpuint (reply->status, ==, 400);
  g_assert_cmpstr (lh_api_reply_string (reply, "reason"), ==, reason);
}

/* The asset tags of every page of path (which ends in "limit=N"), read
 * from the start; *out_pages how many pages it took. */
static GPtrArray *
read_pages (const char *admin, const char *path, guint *out_pages)
{
  GPtrArray *tags = g_ptr_array_new_with_free_func (g_free);
  gint64 next = 0;

  *out_pages = 0;
  do
    {
      g_autofree char *page_path = next != 0 ? g_strdup_printf ("%s&after=%" G_GINT64_FORMAT, path, next)
                                             : g_strdup (path);
      g_autoptr(LhApiReply) page = call ("GET", page_path, admin);
      JsonObject *root = json_node_get_object (page->json);
      JsonArray *items = json_object_get_array_member (root, "items");

      g_assert_cmpuint (page->status, ==, 200);
      for (guint i = 0; i < json_array_get_length (items); i++)
        g_ptr_array_add (tags, g_strdup (json_object_get_string_member (json_array_get_object_element (items, i),
                                                                        "asset_tag")));
      next = json_object_get_boolean_member (root, "more") ? json_object_get_int_member (root, "next") : 0;
      g_assert_true (next != 0 || json_object_get_null_member (root, "next"));
      (*out_pages)++;
    }
  while (next != 0);
  return tags;
}

static gboolean
has_tag (GPtrArray *tags, const char *tag)
{
  return g_ptr_array_find_with_equal_func (tags, tag, g_str_equal, NULL);
}

/* Retired items are left out unless asked for; a page at a time reads
 * the same list as one long page; a bad cursor or limit is refused. */
static void
test_inventory_pages (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(GPtrArray) in_use = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) paged = NULL;
  guint pages;

  in_use = read_pages (admin, "/api/v1/equipment?limit=500", &pages);
  g_assert_cmpuint (pages, ==, 1);
  g_assert_false (has_tag (in_use, "LC-0207"));
  all = read_pages (admin, "/api/v1/equipment?retired=true&limit=500", &pages);
  g_assert_true (has_tag (all, "LC-0207"));
  g_assert_cmpuint (all->len, ==, in_use->len + 1);
  paged = read_pages (admin, "/api/v1/equipment?retired=true&limit=7", &pages);
  g_assert_cmpuint (pages, ==, (all->len + 6) / 7);
  g_assert_cmpuint (paged->len, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpstr (g_ptr_array_index (paged, i), ==, g_ptr_array_index (all, i));

  assert_refused ("/api/v1/equipment?after=LC-0001", admin, "cursor-invalid");
  assert_refused ("/api/v1/equipment?after=0", admin, "cursor-invalid");
  assert_refused ("/api/v1/equipment?after=999999", admin, "cursor-invalid");
  assert_refused ("/api/v1/equipment?limit=0", admin, "limit-invalid");
  assert_refused ("/api/v1/equipment?limit=501", admin, "limit-invalid");
  assert_refused ("/api/v1/equipment?retired=yes", admin, "query-invalid");
}

static void
test_compliance (void)
{
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  g_autoptr(LhApiReply) reply = call ("GET", "/api/v1/equipment/compliance", committee);
  g_autoptr(LhApiReply) terms = call ("GET", "/api/v1/terms", committee);
  JsonObject *monitor, *computer, *minimum;

  g_assert_cmpuint (reply->status, ==, 200);
  /* The default period ends today, after now: the figures stop now. */
  {
    g_autoptr(GDateTime) until = g_date_time_new_from_iso8601 (lh_api_reply_string (reply, "until"), NULL);

    g_assert_nonnull (until);
    g_assert_cmpint (ABS (g_date_time_to_unix (until) - lh_test_clock_now ()), <, 60);
  }
  /* The agreement's minimum, as the terms give it. */
  g_assert_cmpuint (terms->status, ==, 200);
  minimum = json_object_get_object_member (json_node_get_object (terms->json), "equipment_minimum");
  g_assert_cmpint (json_object_get_int_member (minimum, "computer"), ==, 8);
  g_assert_cmpint (lh_api_reply_int (terms, "fault_days_at_most"), ==, 5);

  computer = kind_entry (reply, "computer");
  g_assert_cmpint (json_object_get_int_member (computer, "minimum"), ==, 8);
  /* PC 5 went out of order as the demo was made (its fault is open). */
  g_assert_cmpint (json_object_get_int_member (computer, "working"), ==, 7);
  /* The demo's monitor failed four days ago and is away for repair. */
  monitor = kind_entry (reply, "monitor");
  g_assert_cmpint (json_object_get_int_member (monitor, "minimum"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (monitor, "working"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (monitor, "working_lowest"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (monitor, "minutes_below_minimum"), >=, 4 * DAY_MINUTES);
  g_assert_cmpint (json_object_get_int_member (monitor, "minutes_below_minimum"), <, 4 * DAY_MINUTES + 60);
  g_assert_cmpint (json_object_get_int_member (kind_entry (reply, "headset"), "minimum"), ==, 0);
}

static void
test_compliance_bad_periods (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  const struct { const char *query; guint status; } cases[] = {
    { "?from=2026-12-01&to=2026-11-01", 422 },   /* ends before it begins */
    { "?from=2001-01-01&to=2026-12-01", 422 },   /* longer than five years */
    { "?from=2099-01-01&to=2099-01-31", 422 },   /* has not begun */
    { "?from=yesterday", 400 },
    { "?from=2026-02-30", 400 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/api/v1/equipment/compliance", cases[i].query, NULL);
      g_autoptr(LhApiReply) reply = call ("GET", path, admin);

      g_assert_cmpuint (reply->status, ==, cases[i].status);
    }
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

static void
beat (const char *pc)
{
  g_autoptr(LhApiReply) reply = call ("POST", "/api/v1/devices/heartbeat", pc_kiosk_token (pc));

  g_assert_cmpuint (reply->status, ==, 204);
}

/* The computer of the PC called name in the inventory: its "pc" member. */
static JsonObject *
computer_pc (LhApiReply *reply, const char *name)
{
  JsonArray *items = json_object_get_array_member (json_node_get_object (reply->json), "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonNode *pc = json_object_get_member (item, "pc");

      if (JSON_NODE_HOLDS_OBJECT (pc) &&
          g_str_equal (json_object_get_string_member (json_node_get_object (pc), "name"), name))
        return json_node_get_object (pc);
    }
  g_assert_not_reached ();
}

/* The PC's entry in today's availability. */
static JsonObject *
available_pc (LhApiReply **out_reply, const char *token, const char *name)
{
  g_autofree char *today = lh_api_day_at (0, 12);
  g_autofree char *path = g_strdup_printf ("/api/v1/availability?date=%.10s", today);
  JsonArray *resources;

  *out_reply = call ("GET", path, token);
  g_assert_cmpuint ((*out_reply)->status, ==, 200);
  resources = json_object_get_array_member (json_node_get_object ((*out_reply)->json), "resources");
  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      JsonObject *resource = json_array_get_object_element (resources, i);

      if (g_str_equal (json_object_get_string_member (resource, "name"), name))
        return resource;
    }
  g_assert_not_reached ();
}

static gint64
kiosks_now (LhApiReply *compliance, const char *state)
{
  JsonObject *root = json_node_get_object (compliance->json);

  return json_object_get_int_member (json_object_get_object_member (root, "pc_kiosks_now"), state);
}

/* The demo's PC 4 has not been heard for 40 minutes: the inventory says
 * so, its day says since when and what a learner can expect, and the
 * equipment picture counts it until its kiosk beats again. */
static void
test_offline_pc (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *learner = lh_api_sign_in_as (session_, daemon_, "learner");
  g_autoptr(LhApiReply) inventory = NULL;
  g_autoptr(LhApiReply) day = NULL;
  g_autoptr(LhApiReply) other_day = NULL;
  g_autoptr(LhApiReply) back_day = NULL;
  g_autoptr(LhApiReply) before = NULL;
  g_autoptr(LhApiReply) after = NULL;
  JsonObject *pc4, *offline;

  for (int n = 1; n <= 8; n++)
    {
      g_autofree char *name = g_strdup_printf ("PC %d", n);

      if (n != 4)
        beat (name);
    }
  inventory = call ("GET", "/api/v1/equipment", admin);
  g_assert_cmpuint (inventory->status, ==, 200);
  pc4 = computer_pc (inventory, "PC 4");
  g_assert_cmpstr (json_object_get_string_member (pc4, "kiosk"), ==, "offline");
  g_assert_false (json_object_get_null_member (pc4, "kiosk_heard_at"));
  g_assert_cmpstr (json_object_get_string_member (computer_pc (inventory, "PC 1"), "kiosk"), ==, "online");

  offline = json_object_get_object_member (available_pc (&day, learner, "PC 4"), "offline");
  g_assert_nonnull (offline);
  g_assert_cmpstr (json_object_get_string_member (offline, "since"), ==,
                   json_object_get_string_member (pc4, "kiosk_heard_at"));
  g_assert_true (json_object_get_boolean_member (offline, "booking_kept"));
  g_assert_false (json_object_get_boolean_member (offline, "offered_to_walk_ups"));
  g_assert_true (json_object_get_null_member (available_pc (&other_day, learner, "PC 1"), "offline"));

  before = call ("GET", "/api/v1/equipment/compliance", admin);
  g_assert_cmpuint (before->status, ==, 200);
  g_assert_cmpint (kiosks_now (before, "offline"), >=, 1);
  beat ("PC 4");
  after = call ("GET", "/api/v1/equipment/compliance", admin);
  g_assert_cmpint (kiosks_now (after, "offline"), ==, kiosks_now (before, "offline") - 1);
  g_assert_cmpint (kiosks_now (after, "online"), ==, kiosks_now (before, "online") + 1);
  g_assert_true (json_object_get_null_member (available_pc (&back_day, learner, "PC 4"), "offline"));
}

void
lh_api_equipment_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/equipment/who-may", test_who_may);
  g_test_add_func ("/api/equipment/inventory", test_inventory);
  g_test_add_func ("/api/equipment/inventory-pages", test_inventory_pages);
  g_test_add_func ("/api/equipment/compliance", test_compliance);
  g_test_add_func ("/api/equipment/compliance-bad-periods", test_compliance_bad_periods);
  g_test_add_func ("/api/equipment/offline-pc", test_offline_pc);
}
