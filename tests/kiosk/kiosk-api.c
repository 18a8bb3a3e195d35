/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kiosk-api"

#include "kiosk-api.h"

#include <string.h>

#include "kiosk-helpers.h"
#include "lh-test-clock.h"

static LhTestDaemon *api_daemon;  /* (unowned) */
static SoupSession *api;          /* (owned) */
static GTimeZone *api_tz;         /* (owned) the centre's */

void
kiosk_api_init (LhTestDaemon *daemon)
{
  g_autoptr(JsonObject) health = NULL;

  api_daemon = daemon;
  api = soup_session_new ();
  g_assert_cmpuint (kiosk_api_call ("GET", "/health", NULL, NULL, &health), ==, 200);
  api_tz = g_time_zone_new_identifier (json_object_get_string_member (health, "timezone"));
  g_assert_nonnull (api_tz);
}

void
kiosk_api_shutdown (void)
{
  g_clear_object (&api);
  g_clear_pointer (&api_tz, g_time_zone_unref);
  api_daemon = NULL;
}

GTimeZone *
kiosk_api_time_zone (void)
{
  return api_tz;
}

guint
kiosk_api_call (const char  *method,
                const char  *path,
                const char  *token,
                const char  *json,
                JsonObject **body)
{
  g_autofree char *uri = g_strconcat (api_daemon->base_url, "/api/v1", path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, uri);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", value);
    }
  if (json != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (json, strlen (json));
      soup_message_set_request_body_from_bytes (message, "application/json", request);
    }
  bytes = soup_session_send_and_read (api, message, NULL, &error);
  g_assert_no_error (error);
  if (body != NULL)
    {
      *body = NULL;
      if (g_bytes_get_size (bytes) > 0 &&
          json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        *body = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
    }
  return soup_message_get_status (message);
}

char *
kiosk_api_sign_in_as (const char  *staff,
                      const char  *pin,
                      const char  *device_token,
                      JsonObject **body)
{
  g_autofree char *json = g_strdup_printf ("{\"staff_number\": \"%s\", \"pin\": \"%s\"}", staff, pin);
  g_autoptr(JsonObject) answer = NULL;
  char *token;

  g_assert_cmpuint (kiosk_api_call ("POST", "/sessions", device_token, json, &answer), ==, 201);
  token = g_strdup (json_object_get_string_member (answer, "token"));
  if (body != NULL)
    *body = g_steal_pointer (&answer);
  return token;
}

/* Signs in as the n-th demo learner on the kiosk with device_token (the
 * desk's, or a PC's: sitting down at it). */
char *
kiosk_api_sign_in (guint        learner,
                   const char  *device_token,
                   JsonObject **body)
{
  const char *staff, *pin, *name;

  kiosk_demo_learner (api_daemon, learner, &staff, &pin, &name);
  return kiosk_api_sign_in_as (staff, pin, device_token, body);
}

void
kiosk_api_close_dropins (const char *token)
{
  g_autoptr(JsonObject) body = NULL;
  JsonArray *dropins;

  g_assert_cmpuint (kiosk_api_call ("GET", "/dropins", token, NULL, &body), ==, 200);
  dropins = json_object_get_array_member (body, "dropins");
  for (guint i = 0; i < json_array_get_length (dropins); i++)
    {
      JsonObject *dropin = json_array_get_object_element (dropins, i);
      g_autofree char *path = g_strdup_printf ("/dropins/%" G_GINT64_FORMAT "/close",
                                               json_object_get_int_member (dropin, "id"));

      /* Not theirs, or later: 404 or 200, either will do. */
      kiosk_api_call ("POST", path, token, NULL, NULL);
    }
}

gint64
kiosk_api_resource_id (const char *token,
                       const char *name)
{
  g_autoptr(JsonObject) body = NULL;
  JsonArray *list;

  g_assert_cmpuint (kiosk_api_call ("GET", "/resources", token, NULL, &body), ==, 200);
  list = json_object_get_array_member (body, "resources");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *resource = json_array_get_object_element (list, i);

      if (g_strcmp0 (json_object_get_string_member (resource, "name"), name) == 0)
        return json_object_get_int_member (resource, "id");
    }
  g_error ("No resource %s", name);
}

char *
kiosk_api_time_text (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
}

GDateTime *
kiosk_api_parse_time (JsonObject *object,
                      const char *member)
{
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (json_object_get_string_member (object, member), NULL);

  g_assert_nonnull (parsed);
  return g_date_time_to_timezone (parsed, api_tz);
}

/* Books the PC from start for minutes; returns the booking (transfer full). */
JsonObject *
kiosk_api_book_pc (const char *token,
                   const char *pc,
                   GDateTime  *start,
                   int         minutes)
{
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, minutes);
  g_autofree char *start_text = kiosk_api_time_text (start);
  g_autofree char *end_text = kiosk_api_time_text (end);
  g_autofree char *json = g_strdup_printf ("{\"resource_id\": %" G_GINT64_FORMAT ", \"start\": \"%s\", \"end\": \"%s\"}",
                                           kiosk_api_resource_id (token, pc), start_text, end_text);
  JsonObject *booking = NULL;

  g_assert_cmpuint (kiosk_api_call ("POST", "/bookings", token, json, &booking), ==, 201);
  return booking;
}

GDateTime *
kiosk_api_minute_now (int minutes_on)
{
  g_autoptr(GDateTime) now = lh_test_clock_now_in (api_tz);
  g_autoptr(GDateTime) minute = g_date_time_new (api_tz, g_date_time_get_year (now), g_date_time_get_month (now),
                                                 g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
                                                 g_date_time_get_minute (now), 0);

  return g_date_time_add_minutes (minute, minutes_on);
}

int
kiosk_api_seconds_now (void)
{
  g_autoptr(GDateTime) now = lh_test_clock_now_in (api_tz);

  return g_date_time_get_second (now);
}

/* "?from=…&to=…": today and the 30 days after, more than the kiosk's
 * pages show, so that nothing the test made is left out. */
static char *
kiosk_api_days_query (const char *path)
{
  g_autoptr(GDateTime) now = lh_test_clock_now_in (api_tz);
  g_autoptr(GDateTime) last = g_date_time_add_days (now, 30);
  g_autofree char *from = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *to = g_date_time_format (last, "%Y-%m-%d");

  return g_strdup_printf ("%s?from=%s&to=%s", path, from, to);
}

/* The first element of list `member` at `path` that `match` accepts. */
JsonObject *
kiosk_api_find (const char  *token,
                const char  *path,
                const char  *member,
                gboolean   (*match) (JsonObject *object, gconstpointer data),
                gconstpointer data)
{
  g_autofree char *query = kiosk_api_days_query (path);
  g_autoptr(JsonObject) body = NULL;
  JsonArray *list;

  g_assert_cmpuint (kiosk_api_call ("GET", query, token, NULL, &body), ==, 200);
  list = json_object_get_array_member (body, member);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *object = json_array_get_object_element (list, i);

      if (match (object, data))
        return json_object_ref (object);
    }
  return NULL;
}
