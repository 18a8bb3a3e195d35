/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-api-client.h"

#include <string.h>

#include "lh-server.h"
#include "lh-test-daemon.h"
#include "lh-test-clock.h"

static GHashTable *seen_statuses;
static GHashTable *seen_bodies;

void
lh_api_reply_free (LhApiReply *reply)
{
  g_free (reply->content_type);
  g_free (reply->text);
  g_clear_pointer (&reply->json, json_node_unref);
  g_free (reply);
}

GHashTable *
lh_api_seen_statuses (void)
{
  if (seen_statuses == NULL)
    seen_statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_hash_table_unref);
  return seen_statuses;
}

GHashTable *
lh_api_seen_bodies (void)
{
  if (seen_bodies == NULL)
    seen_bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) json_node_unref);
  return seen_bodies;
}

void
lh_api_client_forget (void)
{
  g_clear_pointer (&seen_statuses, g_hash_table_unref);
  g_clear_pointer (&seen_bodies, g_hash_table_unref);
}

/* The route pattern a path belongs to, by the daemon's own table. */
static const char *
route_for (const char *method, const char *path)
{
  guint n;
  const LhRoute *routes = lh_server_get_routes (&n);
  g_autofree char *bare = g_strndup (path, strcspn (path, "?"));
  g_auto(GStrv) have = g_strsplit (bare, "/", -1);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) want = g_strsplit (routes[i].path, "/", -1);
      gboolean match = g_str_equal (routes[i].method, method) &&
                       g_strv_length (want) == g_strv_length (have);

      for (guint s = 0; match && want[s] != NULL; s++)
        match = g_str_equal (want[s], "{id}") || g_str_equal (want[s], have[s]);
      if (match)
        return routes[i].path;
    }
  return NULL;
}

static void
record (const char *method, const char *path, LhApiReply *reply)
{
  const char *route = route_for (method, path);
  g_autofree char *key = NULL;
  GHashTable *statuses;

  if (route == NULL)
    return;
  key = g_strdup_printf ("%s %s", method, route);
  statuses = g_hash_table_lookup (lh_api_seen_statuses (), key);
  if (statuses == NULL)
    {
      statuses = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (lh_api_seen_statuses (), g_strdup (key), statuses);
    }
  g_hash_table_add (statuses, GUINT_TO_POINTER (reply->status));
  if (reply->status / 100 == 2 && reply->json != NULL &&
      !g_hash_table_contains (lh_api_seen_bodies (), key))
    g_hash_table_insert (lh_api_seen_bodies (), g_strdup (key), json_node_ref (reply->json));
}

LhApiReply *
lh_api_call (SoupSession *session, const char *base_url, const char *method,
             const char *path, const char *token, const char *body)
{
  g_autofree char *url = g_strconcat (base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LhApiReply *reply = g_new0 (LhApiReply, 1);
  const char *type;

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *header = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", request);
    }
  bytes = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  reply->status = soup_message_get_status (msg);
  type = soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL);
  reply->content_type = g_strdup (type);
  reply->text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (type != NULL && (g_str_equal (type, "application/json") ||
                       g_str_equal (type, "application/problem+json")))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_true (json_parser_load_from_data (parser, reply->text, -1, NULL));
      reply->json = json_node_ref (json_parser_get_root (parser));
      /* Every error is a problem document with its four members. */
      if (reply->status >= 400)
        {
          JsonObject *problem = json_node_get_object (reply->json);

          g_assert_cmpstr (type, ==, "application/problem+json");
          g_assert_true (json_object_has_member (problem, "type"));
          g_assert_true (json_object_has_member (problem, "title"));
          g_assert_true (json_object_has_member (problem, "detail"));
          g_assert_cmpint (json_object_get_int_member (problem, "status"), ==, reply->status);
        }
    }
  record (method, path, reply);
  return reply;
}

char *
lh_api_sign_in (SoupSession *session, const char *base_url, const char *device_token,
                const char *staff_number, const char *pin)
{
  g_autofree char *body = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff_number, pin);
  g_autoptr(LhApiReply) reply = lh_api_call (session, base_url, "POST", "/api/v1/sessions",
                                             device_token, body);

  g_assert_cmpuint (reply->status, ==, 201);
  return g_strdup (lh_api_reply_string (reply, "token"));
}

char *
lh_api_sign_in_as (SoupSession *session, LhTestDaemon *daemon, const char *roles)
{
  const char *staff, *pin;

  g_assert_true (lh_test_daemon_account (daemon, roles, &staff, &pin));
  return lh_api_sign_in (session, daemon->base_url, daemon->device_token, staff, pin);
}

char *
lh_api_sign_in_person (SoupSession *session, LhTestDaemon *daemon, const char *staff_number, const char *pin,
                       gint64 *out_id, char **out_name)
{
  g_autofree char *body = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff_number, pin);
  g_autoptr(LhApiReply) reply = lh_api_call (session, daemon->base_url, "POST", "/api/v1/sessions",
                                             daemon->device_token, body);
  JsonObject *person;

  g_assert_cmpuint (reply->status, ==, 201);
  person = json_object_get_object_member (json_node_get_object (reply->json), "person");
  *out_id = json_object_get_int_member (person, "id");
  *out_name = g_strdup (json_object_get_string_member (person, "name"));
  return g_strdup (lh_api_reply_string (reply, "token"));
}

char *
lh_api_sign_in_nth (SoupSession *session, LhTestDaemon *daemon, const char *roles, guint n, gint64 *out_id,
                    char **out_name)
{
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (daemon->demo), "accounts");

  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      JsonArray *r = json_object_get_array_member (account, "roles");
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint k = 0; k < json_array_get_length (r); k++)
        g_string_append_printf (joined, "%s%s", k > 0 ? "," : "", json_array_get_string_element (r, k));
      if (!g_str_equal (joined->str, roles) || json_object_get_boolean_member (account, "guest") || n-- > 0)
        continue;
      return lh_api_sign_in_person (session, daemon, json_object_get_string_member (account, "staff_number"),
                                    json_object_get_string_member (account, "pin"), out_id, out_name);
    }
  g_assert_not_reached ();
}

const char *
lh_api_reply_string (LhApiReply *reply, const char *member)
{
  g_assert_nonnull (reply->json);
  return json_object_get_string_member (json_node_get_object (reply->json), member);
}

gint64
lh_api_reply_int (LhApiReply *reply, const char *member)
{
  g_assert_nonnull (reply->json);
  return json_object_get_int_member (json_node_get_object (reply->json), member);
}

char *
lh_api_path (const char *format, ...)
{
  va_list args;
  char *path;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  return path;
}

int
lh_api_weekday_ahead (int from)
{
  g_autoptr(GDateTime) now = lh_test_clock_now_in (NULL);

  for (int d = from; d < from + 7; d++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, d);

      if (g_date_time_get_day_of_week (day) <= 5)
        return d;
    }
  g_assert_not_reached ();
}

char *
lh_api_day_at (int day_offset, int hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = lh_test_clock_now_in (tz);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, day_offset);
  g_autoptr(GDateTime) at = g_date_time_new (tz, g_date_time_get_year (day),
                                             g_date_time_get_month (day),
                                             g_date_time_get_day_of_month (day), hour, 0, 0);

  return g_date_time_format_iso8601 (at);
}

void
lh_api_setup_always_open_pcs (const char *db_path, gpointer user_data)
{
  const char *pcs[] = { LH_API_ALWAYS_OPEN_PC, LH_API_ALWAYS_OPEN_PC " 2" };
  GStrvBuilder *tokens = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (pcs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *device = g_strdup_printf ("%s kiosk", pcs[i]);
      g_autofree char *added = lh_test_run_ctl (db_path, &error, "resource", "add", pcs[i],
                                                "--hours", "Mon-Sun 00:00-24:00", NULL);
      g_autofree char *token = NULL;

      g_assert_no_error (error);
      token = lh_test_run_ctl (db_path, &error, "device", "add", device, "--pc", pcs[i], NULL);
      g_assert_no_error (error);
      g_strv_builder_add (tokens, g_strstrip (token));
    }
  *(GStrv *) user_data = g_strv_builder_end (tokens);
  g_strv_builder_unref (tokens);
}

void
lh_api_setup_advice_people (const char *db_path, gpointer user_data)
{
  g_autoptr(GString) csv = g_string_new ("staff_number,name,hours_per_week,roles,pin\n");
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *path = g_build_filename (dir, "advice-people.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *learners[] = { "Ann", "Ben", "Cat", "Dan", "Eve", "Fay", "Gus", "Hal" };

  g_string_append (csv, "AU1,Una Upton,37.5,learner;ulr," LH_API_ADVICE_PIN "\n");
  g_string_append (csv, "AU2,Vic Vance,37.5,learner;ulr," LH_API_ADVICE_PIN "\n");
  for (guint i = 0; i < G_N_ELEMENTS (learners); i++)
    g_string_append_printf (csv, "AL%u,%s Adams,37.5,learner," LH_API_ADVICE_PIN "\n", i + 1, learners[i]);
  g_assert_true (g_file_set_contents (path, csv->str, -1, NULL));
  out = lh_test_run_ctl (db_path, &error, "import-staff", path, NULL);
  g_assert_no_error (error);
}

JsonObject *
lh_api_find_item (SoupSession *session, const char *base_url, const char *token, const char *asset_tag,
                  LhApiReply **out_reply)
{
  JsonArray *items;

  /* Retired items too, all on one page. */
  *out_reply = lh_api_call (session, base_url, "GET", "/api/v1/equipment?retired=true&limit=500", token, NULL);
  g_assert_cmpuint ((*out_reply)->status, ==, 200);
  items = json_object_get_array_member (json_node_get_object ((*out_reply)->json), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "asset_tag"), asset_tag))
        return item;
    }
  return NULL;
}

gint64
lh_api_item_id (SoupSession *session, const char *base_url, const char *token, const char *asset_tag,
                gint64 *out_pc_id)
{
  g_autoptr(LhApiReply) reply = NULL;
  JsonObject *item = lh_api_find_item (session, base_url, token, asset_tag, &reply);
  JsonNode *pc;

  g_assert_nonnull (item);
  pc = json_object_get_member (item, "pc");
  if (out_pc_id != NULL)
    *out_pc_id = pc != NULL && JSON_NODE_HOLDS_OBJECT (pc) ?
                 json_object_get_int_member (json_node_get_object (pc), "id") : 0;
  return json_object_get_int_member (item, "id");
}
