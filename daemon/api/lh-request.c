/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A request as the routes see it: its life, its body, its answers, the
 * days its query asks for, and telling the person it concerns. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-auth.h"
#include "lh-error.h"
#include "lh-problem.h"
#include "lh-time.h"

static void
request_clear (LhRequest *request)
{
  g_clear_object (&request->msg);
  g_clear_object (&request->store);
  g_clear_object (&request->events);
  g_clear_object (&request->housekeeper);
  g_clear_object (&request->pins);
  g_clear_pointer (&request->query, g_hash_table_unref);
}

LhRequest *
lh_request_ref (LhRequest *request)
{
  return g_atomic_rc_box_acquire (request);
}

void
lh_request_unref (LhRequest *request)
{
  g_atomic_rc_box_release_full (request, (GDestroyNotify) request_clear);
}

JsonNode *
lh_request_body_object (LhRequest *request, GError **error)
{
  SoupMessageBody *body = soup_server_message_get_request_body (request->msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);

  return lh_json_parse_object (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

void
lh_request_reply_json (LhRequest *request, guint status, JsonNode *node)
{
  char *text = json_to_string (node, FALSE);

  soup_server_message_set_status (request->msg, status, NULL);
  soup_server_message_set_response (request->msg, "application/json", SOUP_MEMORY_TAKE,
                                    text, strlen (text));
}

void
lh_request_reply_builder (LhRequest *request, guint status, JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  lh_request_reply_json (request, status, root);
}

void
lh_request_reply_text (LhRequest *request, guint status, const char *content_type, const char *text)
{
  soup_server_message_set_status (request->msg, status, NULL);
  soup_server_message_set_response (request->msg, content_type, SOUP_MEMORY_COPY, text, strlen (text));
}

/* libsoup 3.2 drops a 204's Content-Length as it writes the headers,
 * which leaves the answer "ended by closing": it then closed the
 * connection without saying so, and a client's next request on it met a
 * reset. Saying "no body" again once the headers are out keeps it alive. */
static void
no_content_wrote_headers_cb (SoupServerMessage *msg, gpointer user_data)
{
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg), SOUP_ENCODING_NONE);
}

void
lh_request_reply_empty (LhRequest *request, guint status)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->msg);

  soup_server_message_set_status (request->msg, status, NULL);
  if (status == SOUP_STATUS_NO_CONTENT)
    {
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_NONE);
      g_signal_connect (request->msg, "wrote-headers", G_CALLBACK (no_content_wrote_headers_cb), NULL);
    }
  else
    soup_message_headers_set_content_length (headers, 0);
}

void
lh_request_reply_error (LhRequest *request, const GError *error)
{
  lh_problem_reply (request->msg, error, 0, request->centre->tz);
}

/* A day of the query, YYYY-MM-DD, or fallback when it is not given. */
static gboolean
query_day (LhRequest *request, const char *name, gint64 fallback, gint64 *out, GError **error)
{
  const char *text = request->query != NULL ? g_hash_table_lookup (request->query, name) : NULL;

  if (text == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  return lh_time_parse_date (text, request->centre->tz, out, error);
}

gboolean
lh_request_query_period (LhRequest *request, int default_from_days, int default_days, int max_days,
                         gint64 *out_from, gint64 *out_to, GError **error)
{
  GTimeZone *tz = request->centre->tz;
  gint64 today = lh_time_local_midnight (request->now, tz);

  if (!query_day (request, "from", lh_time_add_days (today, default_from_days, tz), out_from, error) ||
      !query_day (request, "to", lh_time_add_days (*out_from, default_days - 1, tz), out_to, error))
    return FALSE;
  *out_to = lh_time_next_midnight (*out_to, tz);
  if (*out_to <= *out_from || *out_to - *out_from > (gint64) max_days * 24 * 3600)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Ask for 1 to %d days at a time", max_days);
      lh_error_set_reason (error, *out_to <= *out_from ? "period-reversed" : "period-too-long");
      lh_error_add_number (error, "max_days", max_days);
      return FALSE;
    }
  return TRUE;
}

gboolean
lh_request_query_days (LhRequest *request, gint64 *out_from, gint64 *out_to, GError **error)
{
  return lh_request_query_period (request, 0, LH_QUERY_DEFAULT_DAYS, LH_QUERY_MAX_DAYS, out_from, out_to, error);
}

gboolean
lh_routes_notify_person (LhStore *store, LhEventHub *events, gint64 now, const char *type, JsonNode *data,
                         gint64 person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) devices = lh_auth_live_devices (store, person_id, now, &error);

  if (devices == NULL)
    {
      g_warning ("Cannot tell where person %" G_GINT64_FORMAT " is signed in: %s", person_id, error->message);
      devices = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  lh_event_hub_publish_to_devices (events, type, data, (const gint64 *) (gpointer) devices->data, devices->len,
                                   person_id);
  return lh_event_hub_reaches (events, (const gint64 *) (gpointer) devices->data, devices->len, person_id);
}

gboolean
lh_request_notify_person (LhRequest *request, const char *type, JsonNode *data, gint64 person_id)
{
  return lh_routes_notify_person (request->store, request->events, request->now, type, data, person_id);
}

