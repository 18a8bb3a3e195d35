/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Booking, listing one's own bookings, cancelling. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-bookings.h"
#include "lh-calendar.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-time-off.h"
#include "lh-time.h"

/* How far back a calendar feed reaches. */
#define FEED_PAST_DAYS 30

/* Every open kiosk redraws that resource's day: the event says which, not
 * who. */
static void
publish_availability (LhRequest *request, gint64 resource_id, gint64 start)
{
  g_autoptr(JsonNode) data = lh_json_availability_change (resource_id, start, request->centre->tz);

  lh_event_hub_publish (request->events, "availability-changed", data, 0);
  lh_housekeeper_reschedule (request->housekeeper);
}

/* The booking's time-off request, or NULL (none, or it cannot be read:
 * the booking stands all the same). */
static LhTimeOffRequest *
time_off_for (LhRequest *request, gint64 booking_id)
{
  g_autoptr(GError) error = NULL;
  LhTimeOffRequest *time_off = lh_time_off_get_for (request->store, LH_TIME_OFF_FOR_BOOKING, booking_id, &error);

  if (error != NULL)
    g_warning ("Cannot read the time off of booking %" G_GINT64_FORMAT ": %s", booking_id, error->message);
  return time_off;
}

void
lh_route_create_booking (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = NULL;
  g_autoptr(LhTimeOffRequest) time_off = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  JsonObject *object;
  gint64 resource_id, start, end;
  gboolean paid;

  body = lh_request_body_object (request, &error);
  if (body == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  object = json_node_get_object (body);
  if (!lh_json_get_int (object, "resource_id", &resource_id, &error) ||
      !lh_routes_read_paid (object, &paid, &error) ||
      !lh_json_get_times (object, &start, &end, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  booking = lh_bookings_create_paid (request->store, request->centre, request->session.person_id,
                                     resource_id, start, end, paid, request->now, &error);
  if (booking == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  g_message ("Booking %" G_GINT64_FORMAT " made on %s", booking->id, booking->resource_name);
  time_off = time_off_for (request, booking->id);
  builder = json_builder_new ();
  lh_json_add_booking (builder, booking, time_off, request->centre);
  lh_request_reply_builder (request, 201, builder);
  publish_availability (request, booking->resource_id, booking->start_at);
  if (time_off != NULL && g_str_equal (time_off->status, "pending"))
    lh_routes_publish_time_off_pending (request->store, request->events);
}

void
lh_route_my_bookings (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookings = lh_bookings_list_upcoming (request->store,
                                                             request->session.person_id,
                                                             request->now, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (bookings == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "bookings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < bookings->len; i++)
    {
      const LhBooking *booking = g_ptr_array_index (bookings, i);
      g_autoptr(LhTimeOffRequest) time_off = time_off_for (request, booking->id);

      lh_json_add_booking (builder, booking, time_off, request->centre);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

void
lh_route_cancel_booking (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhTimeOffRequest) time_off = NULL;
  gint64 resource_id, start;

  /* Read before: was it waiting for a decision? Only told once it is
   * known to be theirs and cancelled. */
  time_off = time_off_for (request, request->path_id);
  if (!lh_bookings_cancel (request->store, request->session.person_id, request->path_id,
                           request->now, &resource_id, &start, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  lh_request_reply_empty (request, 204);
  publish_availability (request, resource_id, start);
  if (time_off != NULL && g_str_equal (time_off->status, "pending"))
    lh_routes_publish_time_off_pending (request->store, request->events);
}

void
lh_route_booking_calendar (LhRequest *request)
{
  const char *key = request->query != NULL ? g_hash_table_lookup (request->query, "key") : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = lh_bookings_get_by_calendar_key (request->store, request->path_id,
                                                                  key, &error);
  g_autofree char *ics = NULL;

  if (booking == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  ics = lh_calendar_for_booking (booking, request->centre->name);
  lh_request_reply_text (request, 200, "text/calendar; charset=utf-8", ics);
}

void
lh_route_person_calendar (LhRequest *request)
{
  const char *key = request->query != NULL ? g_hash_table_lookup (request->query, "key") : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhPerson) person = lh_people_get_by_calendar_key (request->store, request->path_id, key, &error);
  g_autoptr(GPtrArray) bookings = NULL;
  g_autofree char *ics = NULL;

  /* Recent ones too, so that a phone that syncs late still shows them. */
  if (person != NULL)
    bookings = lh_bookings_list_upcoming (request->store, person->id,
                                          request->now - FEED_PAST_DAYS * 24 * 3600, &error);
  if (bookings == NULL)
    {
      /* A wrong key is "no such calendar", whoever the id is. */
      if (g_error_matches (error, LH_ERROR, LH_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          g_set_error_literal (&error, LH_ERROR, LH_ERROR_NOT_FOUND, "No such calendar");
          lh_error_set_reason (&error, "calendar-not-found");
        }
      lh_request_reply_error (request, error);
      return;
    }
  ics = lh_calendar_for_bookings (bookings, request->centre->name);
  lh_request_reply_text (request, 200, "text/calendar; charset=utf-8", ics);
}

/* A new link to the person's own feed, for a phone to subscribe to. Only
 * the key's hash is kept, so this is the one time it is shown; the link
 * before it stops working (a lost or shared phone, say). */
void
lh_route_new_calendar_feed (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = lh_calendar_new_feed_key (request->store, request->session.person_id, &error);
  g_autofree char *path = NULL;
  g_autofree char *url = NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  if (key == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  path = g_strdup_printf ("/api/v1/people/%" G_GINT64_FORMAT "/calendar.ics?key=%s",
                          request->session.person_id, key);
  url = lh_json_public_link (request->centre, path);
  g_message ("Person %" G_GINT64_FORMAT " has a new calendar feed link", request->session.person_id);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "calendar_feed_url");
  json_builder_add_string_value (builder, url);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 201, builder);
}
