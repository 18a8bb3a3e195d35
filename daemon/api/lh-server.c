/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The HTTP server: the routes, each request's way to its route (the
 * token, the role, the query), the event streams' upgrade, listening
 * and its limits (a request's own helpers are in lh-request.c). */
#define G_LOG_DOMAIN "lh-api"

#include "lh-server.h"

#include <glib/gi18n-lib.h>

#include <stdlib.h>
#include <string.h>

#include "lh-batch.h"
#include "lh-config.h"
#include "lh-connections.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-api-query.h"
#include "lh-outside-changes.h"
#include "lh-problem.h"
#include "lh-time.h"

struct _LhServer
{
  GObject         parent_instance;

  SoupServer     *soup;    /* (owned) */
  LhStore        *store;   /* (owned) */
  LhEventHub     *events;  /* (owned) */
  LhHousekeeper  *housekeeper;  /* (owned) */
  LhBatch        *batch;   /* (owned) */
  LhPinChecker   *pins;    /* (owned) */
  LhOutsideChanges *outside;  /* (owned) what learnhubctl changes meanwhile */
  LhConnections  *connections;  /* (owned) (nullable) once listening */
  guint           max_connections;
  guint           idle_seconds;
  const LhCentre *centre;  /* (unowned) */
};

G_DEFINE_FINAL_TYPE (LhServer, lh_server, G_TYPE_OBJECT)

#define LISTEN_BACKLOG 256

static const LhRoute routes[] = {
  { "GET", "/api/v1/health", LH_AUTH_NONE, 0, lh_route_health },
  /* The PIN is checked on a worker thread, answered from there. */
  { "POST", "/api/v1/sessions", LH_AUTH_DEVICE, 0, lh_route_sign_in, TRUE },
  { "DELETE", "/api/v1/sessions/current", LH_AUTH_SESSION, 0, lh_route_sign_out },
  { "GET", "/api/v1/resources", LH_AUTH_DEVICE_OR_SESSION, 0, lh_route_list_resources },
  { "GET", "/api/v1/availability", LH_AUTH_DEVICE_OR_SESSION, 0, lh_route_availability },
  { "GET", "/api/v1/rules", LH_AUTH_DEVICE_OR_SESSION, 0, lh_route_rules },
  /* A kiosk's, before sign-in: the keypad's lengths. */
  { "GET", "/api/v1/sign-in-shape", LH_AUTH_DEVICE, 0, lh_route_sign_in_shape },
  { "GET", "/api/v1/terms", LH_AUTH_DEVICE_OR_SESSION, 0, lh_route_terms },
  { "POST", "/api/v1/bookings", LH_AUTH_SESSION, LH_ROLE_LEARNER, lh_route_create_booking },
  { "GET", "/api/v1/me/bookings", LH_AUTH_SESSION, 0, lh_route_my_bookings },
  { "DELETE", "/api/v1/bookings/{id}", LH_AUTH_SESSION, 0, lh_route_cancel_booking },
  /* No token: a phone opens it from a link whose key is the permission. */
  { "GET", "/api/v1/bookings/{id}/calendar.ics", LH_AUTH_NONE, 0, lh_route_booking_calendar },
  { "GET", "/api/v1/people/{id}/calendar.ics", LH_AUTH_NONE, 0, lh_route_person_calendar },
  { "POST", "/api/v1/me/calendar-feed", LH_AUTH_SESSION, 0, lh_route_new_calendar_feed },
  { "GET", "/api/v1/group-sessions", LH_AUTH_DEVICE_OR_SESSION, 0, lh_route_list_groups },
  { "POST", "/api/v1/group-sessions", LH_AUTH_SESSION, LH_ROLE_ULR | LH_ROLE_ADMIN, lh_route_create_group },
  { "POST", "/api/v1/group-sessions/{id}/places", LH_AUTH_SESSION, LH_ROLE_LEARNER, lh_route_join_group },
  { "DELETE", "/api/v1/group-sessions/{id}/places/mine", LH_AUTH_SESSION, 0, lh_route_leave_group },
  { "GET", "/api/v1/assessment-slots", LH_AUTH_DEVICE_OR_SESSION, 0, lh_route_list_assessments },
  { "POST", "/api/v1/assessment-slots", LH_AUTH_SESSION, LH_ROLE_ULR | LH_ROLE_ADMIN, lh_route_offer_assessment },
  { "POST", "/api/v1/assessment-slots/{id}/booking", LH_AUTH_SESSION, LH_ROLE_LEARNER, lh_route_book_assessment },
  { "DELETE", "/api/v1/assessment-slots/{id}/booking", LH_AUTH_SESSION, 0, lh_route_cancel_assessment },
  { "POST", "/api/v1/guests", LH_AUTH_SESSION, LH_ROLE_LEARNER, lh_route_register_guest },
  { "GET", "/api/v1/devices", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_list_devices },
  { "GET", "/api/v1/devices/current", LH_AUTH_DEVICE, 0, lh_route_this_device },
  { "POST", "/api/v1/devices/heartbeat", LH_AUTH_DEVICE, 0, lh_route_heartbeat },
  /* Paid time off for learning: admins are the employer's contact point. */
  { "GET", "/api/v1/me/time-off", LH_AUTH_SESSION, 0, lh_route_my_time_off },
  { "GET", "/api/v1/time-off/requests", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_time_off_requests },
  { "POST", "/api/v1/time-off/requests/{id}/approve", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_approve_time_off },
  { "POST", "/api/v1/time-off/requests/{id}/reject", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_reject_time_off },
  { "GET", "/api/v1/me/usage", LH_AUTH_SESSION, 0, lh_route_my_usage },
  { "POST", "/api/v1/me/usage/extend", LH_AUTH_SESSION, 0, lh_route_extend_usage },
  { "POST", "/api/v1/me/notices/seen", LH_AUTH_SESSION, 0, lh_route_notices_seen },
  /* Advice from a ULR. A record's routes answer 404, not 403, to anyone
   * but the learner and their ULRs: core decides who may see it. */
  { "GET", "/api/v1/ulrs", LH_AUTH_DEVICE_OR_SESSION, 0, lh_route_list_ulrs },
  { "GET", "/api/v1/dropins", LH_AUTH_DEVICE_OR_SESSION, 0, lh_route_list_dropins },
  { "POST", "/api/v1/dropins", LH_AUTH_SESSION, LH_ROLE_ULR, lh_route_open_dropin },
  { "POST", "/api/v1/dropins/here", LH_AUTH_SESSION, LH_ROLE_ULR, lh_route_dropin_here },
  { "POST", "/api/v1/dropins/{id}/close", LH_AUTH_SESSION, LH_ROLE_ULR, lh_route_close_dropin },
  { "POST", "/api/v1/dropins/{id}/alert", LH_AUTH_SESSION, LH_ROLE_ULR, lh_route_dropin_alert },
  { "GET", "/api/v1/advice-slots", LH_AUTH_DEVICE_OR_SESSION, 0, lh_route_list_advice_slots },
  { "POST", "/api/v1/advice-slots", LH_AUTH_SESSION, LH_ROLE_ULR, lh_route_offer_advice_slot },
  { "POST", "/api/v1/advice-requests", LH_AUTH_SESSION, LH_ROLE_LEARNER, lh_route_create_advice_request },
  { "GET", "/api/v1/advice-requests/{id}", LH_AUTH_SESSION, 0, lh_route_get_advice_request },
  { "DELETE", "/api/v1/advice-requests/{id}", LH_AUTH_SESSION, 0, lh_route_leave_advice_request },
  { "POST", "/api/v1/advice-requests/{id}/start", LH_AUTH_SESSION, LH_ROLE_ULR, lh_route_start_advice },
  { "POST", "/api/v1/advice-requests/{id}/no-show", LH_AUTH_SESSION, LH_ROLE_ULR, lh_route_no_show_advice },
  { "POST", "/api/v1/advice-requests/{id}/finish", LH_AUTH_SESSION, LH_ROLE_ULR, lh_route_finish_advice },
  { "GET", "/api/v1/queue", LH_AUTH_DEVICE_OR_SESSION, 0, lh_route_queue },
  { "POST", "/api/v1/queue/next", LH_AUTH_SESSION, LH_ROLE_ULR, lh_route_queue_next },
  { "GET", "/api/v1/ulr/requests", LH_AUTH_SESSION, LH_ROLE_ULR, lh_route_ulr_requests },
  { "GET", "/api/v1/me/record", LH_AUTH_SESSION, 0, lh_route_my_record },
  { "GET", "/api/v1/learners/{id}/record", LH_AUTH_SESSION, 0, lh_route_learner_record },
  { "POST", "/api/v1/learners/{id}/notes", LH_AUTH_SESSION, LH_ROLE_ULR, lh_route_add_advice_note },
  { "POST", "/api/v1/learners/{id}/plan-items", LH_AUTH_SESSION, LH_ROLE_ULR, lh_route_add_plan_item },
  { "POST", "/api/v1/plan-items/{id}/done", LH_AUTH_SESSION, 0, lh_route_plan_item_done },
  { "POST", "/api/v1/learners/{id}/mots", LH_AUTH_SESSION, LH_ROLE_ULR, lh_route_add_mot },
  { "POST", "/api/v1/me/record/shares", LH_AUTH_SESSION, 0, lh_route_share_record },
  { "DELETE", "/api/v1/me/record/shares/{id}", LH_AUTH_SESSION, 0, lh_route_unshare_record },
  { "POST", "/api/v1/me/record/deletion", LH_AUTH_SESSION, 0, lh_route_ask_deletion },
  { "POST", "/api/v1/learners/{id}/record/deletion", LH_AUTH_SESSION, LH_ROLE_ULR, lh_route_confirm_deletion },
  { "GET", "/api/v1/me/facility-time", LH_AUTH_SESSION, LH_ROLE_ULR, lh_route_my_facility_time },
  { "POST", "/api/v1/me/facility-time", LH_AUTH_SESSION, LH_ROLE_ULR, lh_route_add_facility_time },
  /* A person's own equality answers only: no route reads anyone else's. */
  { "GET", "/api/v1/me/equality", LH_AUTH_SESSION, 0, lh_route_my_equality },
  { "PUT", "/api/v1/me/equality", LH_AUTH_SESSION, 0, lh_route_set_my_equality },
  { "DELETE", "/api/v1/me/equality", LH_AUTH_SESSION, 0, lh_route_erase_my_equality },
  /* A person's own kiosk settings only, whatever their roles. */
  { "GET", "/api/v1/me/settings", LH_AUTH_SESSION, 0, lh_route_my_settings },
  { "PUT", "/api/v1/me/settings", LH_AUTH_SESSION, 0, lh_route_set_my_settings },
  { "DELETE", "/api/v1/me/settings", LH_AUTH_SESSION, 0, lh_route_erase_my_settings },
  /* Equipment: the inventory is the admin's; how it stands against the
   * agreement, the committee's too. */
  { "GET", "/api/v1/equipment", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_list_equipment },
  { "POST", "/api/v1/equipment", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_add_equipment },
  { "GET", "/api/v1/equipment/compliance", LH_AUTH_SESSION, LH_ROLE_ADMIN | LH_ROLE_COMMITTEE,
    lh_route_equipment_compliance },
  { "GET", "/api/v1/equipment/usage", LH_AUTH_SESSION, LH_ROLE_ADMIN | LH_ROLE_COMMITTEE, lh_route_equipment_usage },
  /* The committee's site report (issue 14): suppressed figures only. */
  { "GET", "/api/v1/reports/site", LH_AUTH_SESSION, LH_ROLE_COMMITTEE, lh_route_site_report },
  /* Scheduled checks and what the admins are told: theirs alone. */
  { "GET", "/api/v1/equipment/checks", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_list_checks },
  { "POST", "/api/v1/equipment/checks/{id}/done", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_check_done },
  /* After the named paths above: {id} is any one segment to the tests. */
  { "GET", "/api/v1/equipment/{id}", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_equipment_item },
  { "PATCH", "/api/v1/equipment/{id}", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_edit_equipment },
  { "POST", "/api/v1/equipment/{id}/status", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_equipment_status },
  { "GET", "/api/v1/admin-notices", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_admin_notices },
  { "POST", "/api/v1/admin-notices/{id}/dismiss", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_dismiss_admin_notice },
  /* Faults: any kiosk reports without signing in; the admin sees to them. */
  { "POST", "/api/v1/faults", LH_AUTH_DEVICE_OR_SESSION, 0, lh_route_report_fault },
  { "GET", "/api/v1/faults", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_list_faults },
  { "POST", "/api/v1/faults/{id}/assign", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_assign_fault },
  { "POST", "/api/v1/faults/{id}/repaired", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_fault_repaired },
  /* The committee's meetings and action plan: its own to change; the
   * admins read them (they book the room and prepare the report), as
   * nothing in them is about a learner. */
  { "GET", "/api/v1/committee/meetings", LH_AUTH_SESSION, LH_ROLE_COMMITTEE | LH_ROLE_ADMIN, lh_route_list_meetings },
  { "POST", "/api/v1/committee/meetings", LH_AUTH_SESSION, LH_ROLE_COMMITTEE, lh_route_add_meeting },
  { "PATCH", "/api/v1/committee/meetings/{id}", LH_AUTH_SESSION, LH_ROLE_COMMITTEE, lh_route_edit_meeting },
  /* Names of the committee, to tick who attended: the committee's alone. */
  { "GET", "/api/v1/committee/members", LH_AUTH_SESSION, LH_ROLE_COMMITTEE, lh_route_committee_members },
  { "GET", "/api/v1/committee/action-plan", LH_AUTH_SESSION, LH_ROLE_COMMITTEE | LH_ROLE_ADMIN, lh_route_action_plan },
  { "POST", "/api/v1/committee/action-plan", LH_AUTH_SESSION, LH_ROLE_COMMITTEE, lh_route_add_objective },
  { "PATCH", "/api/v1/committee/action-plan/{id}", LH_AUTH_SESSION, LH_ROLE_COMMITTEE, lh_route_edit_objective },
  { "GET", "/api/v1/committee/action-plan/{id}/history", LH_AUTH_SESSION, LH_ROLE_COMMITTEE | LH_ROLE_ADMIN,
    lh_route_objective_history },
  /* Who changed what, and when: the admins' to read (no confidential
   * text is in it, but who did what is theirs to look into). */
  { "GET", "/api/v1/audit", LH_AUTH_SESSION, LH_ROLE_ADMIN, lh_route_audit },
  { "GET", "/api/v1/events", LH_AUTH_DEVICE_OR_SESSION, 0, NULL },
};

const LhRoute *
lh_server_get_routes (guint *n_routes)
{
  *n_routes = G_N_ELEMENTS (routes);
  return routes;
}

/* ---- dispatch ---------------------------------------------------------- */

/* Matches "/api/v1/bookings/{id}" against a path, taking the id. */
static gboolean
path_matches (const char *pattern, const char *path, gint64 *out_id)
{
  g_auto(GStrv) want = g_strsplit (pattern, "/", -1);
  g_auto(GStrv) have = g_strsplit (path, "/", -1);

  if (g_strv_length (want) != g_strv_length (have))
    return FALSE;
  for (guint i = 0; want[i] != NULL; i++)
    {
      if (g_str_equal (want[i], "{id}"))
        {
          guint64 id;

          if (!g_ascii_string_to_unsigned (have[i], 10, 1, G_MAXINT64, &id, NULL))
            return FALSE;
          *out_id = (gint64) id;
        }
      else if (!g_str_equal (want[i], have[i]))
        return FALSE;
    }
  return TRUE;
}

static const char *
bearer_token (LhRequest *request)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (request->msg),
                                                     "Authorization");

  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    return NULL;
  header += 7;
  /* Our tokens are 43 characters; anything far longer is not one. */
  if (*header == '\0' || strlen (header) > 128)
    return NULL;
  return header;
}

static gboolean
authenticate (LhRequest *request, const LhRoute *route, GError **error)
{
  const char *token = bearer_token (request);
  g_autoptr(GError) session_error = NULL;

  if (route->auth == LH_AUTH_NONE)
    return TRUE;
  if (token == NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED,
                   "This needs an “Authorization: Bearer” token");
      return FALSE;
    }
  if (route->auth == LH_AUTH_SESSION || route->auth == LH_AUTH_DEVICE_OR_SESSION)
    {
      request->signed_in = lh_auth_check_session (request->store, token, request->now,
                                                  &request->session, &session_error);
      if (request->signed_in)
        return TRUE;
      if (!g_error_matches (session_error, LH_ERROR, LH_ERROR_UNAUTHORIZED) ||
          route->auth == LH_AUTH_SESSION)
        {
          g_propagate_error (error, g_steal_pointer (&session_error));
          return FALSE;
        }
    }
  return lh_devices_authenticate (request->store, token, request->now, &request->device_id, error);
}

/* libsoup dates every answer by the real clock; the kiosks take the
 * centre's "now" from it, so it must be the daemon's own clock. */
static void
set_date_header (SoupServerMessage *msg)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (lh_time_now ());
  g_autofree char *text = soup_date_time_to_string (now, SOUP_DATE_HTTP);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Date", text);
}

static const LhRoute *
find_route (const char *method, const char *path, gint64 *out_id, gboolean *path_known)
{
  *path_known = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (path_matches (routes[i].path, path, out_id))
      {
        *path_known = TRUE;
        if (g_str_equal (routes[i].method, method))
          return &routes[i];
      }
  return NULL;
}

/* Finds the route, and checks the body size, the token and the role. On
 * failure it has replied and returns NULL. */
static LhRequest *
prepare_request (LhServer *self, SoupServerMessage *msg, const char *path, GHashTable *query,
                 const LhRoute **out_route)
{
  g_autoptr(LhRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  const LhRoute *route;
  gboolean path_known;
  gint64 path_id = 0;

  set_date_header (msg);
  route = find_route (soup_server_message_get_method (msg), path, &path_id, &path_known);
  if (route == NULL)
    {
      lh_problem_reply_status (msg, path_known ? 405 : 404,
                               path_known ? "This address does not take that method"
                                          : "There is nothing at this address");
      return NULL;
    }
  if (soup_server_message_get_request_body (msg)->length > LH_SERVER_MAX_BODY)
    {
      lh_problem_reply_status (msg, 413, "Request bodies are limited to 64 KiB");
      return NULL;
    }
  /* Every route's parameters whole: none cut short by a NUL. */
  if (!lh_api_query_check (msg, &error))
    {
      lh_problem_reply (msg, error, 0, NULL);
      return NULL;
    }

  request = g_atomic_rc_box_new0 (LhRequest);
  request->msg = g_object_ref (msg);
  request->store = g_object_ref (self->store);
  request->events = g_object_ref (self->events);
  request->housekeeper = g_object_ref (self->housekeeper);
  request->pins = g_object_ref (self->pins);
  request->centre = self->centre;
  request->now = lh_time_now ();
  request->path_id = path_id;
  request->query = query != NULL ? g_hash_table_ref (query) : NULL;

  if (!authenticate (request, route, &error))
    {
      lh_request_reply_error (request, error);
      return NULL;
    }
  if (route->roles != 0 && (request->session.roles & route->roles) == 0)
    {
      g_set_error (&error, LH_ERROR, LH_ERROR_FORBIDDEN, "Your role does not allow this");
      lh_error_set_reason (&error, "role-missing");
      lh_request_reply_error (request, error);
      return NULL;
    }
  *out_route = route;
  return g_steal_pointer (&request);
}

static void
handle_api (SoupServer *soup, SoupServerMessage *msg, const char *path,
            GHashTable *query, gpointer user_data)
{
  const LhRoute *route = NULL;
  g_autoptr(LhRequest) request = prepare_request (user_data, msg, path, query, &route);

  if (request == NULL)
    return;
  if (route->handler == NULL)
    lh_problem_reply_status (msg, 400, "This address takes a WebSocket connection");
  else if (route->answers_later || g_str_equal (soup_server_message_get_method (msg), "GET"))
    route->handler (request);
  else
    /* A change: committed with the others of this moment (group commit). */
    lh_batch_add (((LhServer *) user_data)->batch, request, route);
}

/* The WebSocket upgrade is libsoup's; the checks before it are ours. A
 * status set here stops the handshake. */
static void
events_early_cb (SoupServer *soup, SoupServerMessage *msg, const char *path,
                 GHashTable *query, gpointer user_data)
{
  const LhRoute *route = NULL;
  g_autoptr(LhRequest) request = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  /* Addresses end up in proxies' and servers' logs, and a token there
   * would outlive the stream: refused, so that no client comes to rely
   * on it. (A header is also what a web page cannot send to us.) */
  if (query != NULL && g_hash_table_contains (query, "token"))
    {
      set_date_header (msg);
      lh_problem_reply_status (msg, 400, "Send the token as an “Authorization: Bearer” header, "
                                         "not in the address: addresses are logged");
      return;
    }
  request = prepare_request (user_data, msg, path, query, &route);
  if (request == NULL)
    return;
  /* Answer a plain request in our own words, not libsoup's HTML page. */
  if (!soup_message_headers_header_contains (headers, "Upgrade", "websocket"))
    {
      lh_problem_reply_status (msg, 400, "This address takes a WebSocket connection");
      return;
    }
  {
    /* Who is listening, and on which kiosk. */
    gint64 ids[2] = {
      request->session.person_id,
      request->signed_in ? request->session.device_id : request->device_id,
    };
    g_object_set_data_full (G_OBJECT (msg), "lh-listener-ids", g_memdup2 (ids, sizeof ids), g_free);
  }
  /* The stream lasts as long as this token holds. */
  g_object_set_data_full (G_OBJECT (msg), "lh-listener-token", g_strdup (bearer_token (request)), g_free);
}

static void
events_connected_cb (SoupServer *soup, SoupServerMessage *msg, const char *path,
                     SoupWebsocketConnection *connection, gpointer user_data)
{
  LhServer *self = user_data;
  const gint64 *ids = g_object_get_data (G_OBJECT (msg), "lh-listener-ids");
  const char *token = g_object_get_data (G_OBJECT (msg), "lh-listener-token");

  /* The early handler let it through, so it passed the checks. */
  g_return_if_fail (ids != NULL && token != NULL);
  lh_event_hub_add (self->events, connection, token, ids[0], ids[1]);
}

/* Refuses an oversized body from its headers, before reading it. */
static void
got_headers_cb (SoupServerMessage *msg, gpointer user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  /* A chunked body has no length to check up front, and libsoup would
   * hold all of it in memory before we saw it: refuse it. */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED ||
      soup_message_headers_get_content_length (headers) > LH_SERVER_MAX_BODY)
    lh_problem_refuse_early (msg, 413, "Request bodies need a Content-Length of at most 64 KiB");
}

static void
request_started_cb (SoupServer *soup, SoupServerMessage *msg, gpointer user_data)
{
  g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers_cb), NULL);
}

static void
request_finished_cb (SoupServer *soup, SoupServerMessage *msg, gpointer user_data)
{
  g_debug ("%s %s → %u", soup_server_message_get_method (msg),
           g_uri_get_path (soup_server_message_get_uri (msg)),
           soup_server_message_get_status (msg));
}

static void
lh_server_dispose (GObject *object)
{
  LhServer *self = LH_SERVER (object);

  g_clear_pointer (&self->batch, lh_batch_free);
  g_clear_object (&self->outside);
  if (self->connections != NULL)
    lh_connections_stop (self->connections);
  g_clear_object (&self->connections);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_object (&self->store);
  g_clear_object (&self->housekeeper);
  g_clear_object (&self->events);
  g_clear_object (&self->pins);

  G_OBJECT_CLASS (lh_server_parent_class)->dispose (object);
}

static void
lh_server_class_init (LhServerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lh_server_dispose;
}

static void
lh_server_init (LhServer *self)
{
  self->idle_seconds = LH_CONFIG_IDLE_SECONDS;
}

LhServer *
lh_server_new (LhStore *store, const LhCentre *centre)
{
  LhServer *self;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  self = g_object_new (LH_TYPE_SERVER, NULL);
  self->store = g_object_ref (store);
  self->centre = centre;
  self->events = lh_event_hub_new (store);
  self->housekeeper = lh_housekeeper_new (store, centre, self->events);
  self->batch = lh_batch_new (store, self->events, self->housekeeper);
  self->pins = lh_pin_checker_new ();
  self->soup = soup_server_new ("server-header", "learnhubd/" PACKAGE_VERSION " ", NULL);
  soup_server_add_handler (self->soup, "/api", handle_api, self, NULL);
  soup_server_add_early_handler (self->soup, "/api/v1/events", events_early_cb, self, NULL);
  soup_server_add_websocket_handler (self->soup, "/api/v1/events", NULL, NULL,
                                     events_connected_cb, self, NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started_cb), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_finished_cb), self);
  /* What fell due while the daemon was down, and the timer for the rest. */
  lh_housekeeper_run (self->housekeeper);
  self->outside = lh_outside_changes_new (store, centre, self->events, self->housekeeper);
  return self;
}

static GInetSocketAddress *
parse_address (const char *address, GError **error)
{
  g_autoptr(GSocketConnectable) connectable = NULL;
  g_autofree char *host = NULL;
  guint16 port = 0;
  g_autoptr(GInetAddress) inet = NULL;

  connectable = g_network_address_parse (address, 0, error);
  if (connectable == NULL)
    return NULL;
  host = g_strdup (g_network_address_get_hostname (G_NETWORK_ADDRESS (connectable)));
  port = g_network_address_get_port (G_NETWORK_ADDRESS (connectable));
  if (g_str_equal (host, "localhost"))
    {
      g_free (host);
      host = g_strdup ("127.0.0.1");
    }
  inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("“%s” is not an IP address and port, such as 127.0.0.1:8080"), address);
      return NULL;
    }
  return G_INET_SOCKET_ADDRESS (g_inet_socket_address_new (inet, port));
}

gboolean
lh_server_listen (LhServer *self, const char *address, GTlsCertificate *certificate, GError **error)
{
  g_autoptr(GInetSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) listener = NULL;
  GInetAddress *inet;

  g_return_val_if_fail (LH_IS_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);

  socket_address = parse_address (address, error);
  if (socket_address == NULL)
    return FALSE;
  inet = g_inet_socket_address_get_address (socket_address);
  if (certificate == NULL && !g_inet_address_get_is_loopback (inet))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("Refusing to listen on %s without TLS: PINs would cross the network "
                   "unencrypted. Give --tls-cert and --tls-key, or listen on 127.0.0.1"),
                   address);
      return FALSE;
    }
  if (certificate != NULL)
    soup_server_set_tls_certificate (self->soup, certificate);

  /* Our own socket for a longer listen queue than GLib's default of 10:
   * when every kiosk reconnects at once (after a restart), SYNs beyond the
   * queue are dropped and each costs its kiosk a second. */
  listener = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM,
                           G_SOCKET_PROTOCOL_TCP, error);
  if (listener == NULL)
    return FALSE;
  g_socket_set_listen_backlog (listener, LISTEN_BACKLOG);
  if (!g_socket_bind (listener, G_SOCKET_ADDRESS (socket_address), TRUE, error) ||
      !g_socket_listen (listener, error) ||
      !soup_server_listen_socket (self->soup, listener,
                                  certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0, error))
    return FALSE;
  /* libsoup listens, but lh-connections accepts: see lh-connections.h. */
  g_clear_object (&self->connections);
  self->connections = lh_connections_new (self->soup, listener, certificate,
                                          self->max_connections, self->idle_seconds);
  return TRUE;
}

void
lh_server_set_connection_limits (LhServer *self, guint max_connections, guint idle_seconds)
{
  g_return_if_fail (LH_IS_SERVER (self));
  self->max_connections = max_connections;
  self->idle_seconds = idle_seconds;
}

guint
lh_server_get_max_connections (LhServer *self)
{
  g_return_val_if_fail (LH_IS_SERVER (self), 0);
  return self->connections != NULL ? lh_connections_get_max (self->connections) : 0;
}

GSList *
lh_server_get_uris (LhServer *self)
{
  g_return_val_if_fail (LH_IS_SERVER (self), NULL);
  return soup_server_get_uris (self->soup);
}

void
lh_server_disconnect (LhServer *self)
{
  g_return_if_fail (LH_IS_SERVER (self));
  lh_event_hub_close_all (self->events);
  if (self->connections != NULL)
    lh_connections_stop (self->connections);
  soup_server_disconnect (self->soup);
}

LhEventHub *
lh_server_get_event_hub (LhServer *self)
{
  g_return_val_if_fail (LH_IS_SERVER (self), NULL);
  return self->events;
}
