/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What can be booked, and when it is free. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-bookings.h"
#include "lh-error.h"
#include "lh-time.h"

/* How far back availability may be asked for; ahead, as far as one may
 * book. */
#define AVAILABILITY_PAST_DAYS 60

void
lh_route_list_resources (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) resources = lh_resources_list (request->store, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (resources == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "resources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < resources->len; i++)
    lh_json_add_resource (builder, g_ptr_array_index (resources, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

static void
add_intervals (JsonBuilder *builder, const char *member, GArray *intervals, GTimeZone *tz)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < intervals->len; i++)
    {
      const LhInterval *interval = &g_array_index (intervals, LhInterval, i);

      json_builder_begin_object (builder);
      lh_json_add_time (builder, "start", interval->start, tz);
      lh_json_add_time (builder, "end", interval->end, tz);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_busy (JsonBuilder *builder, GArray *busy, GTimeZone *tz)
{
  json_builder_set_member_name (builder, "busy");
  json_builder_begin_array (builder);
  for (guint i = 0; i < busy->len; i++)
    {
      const LhBusyInterval *interval = &g_array_index (busy, LhBusyInterval, i);

      json_builder_begin_object (builder);
      lh_json_add_time (builder, "start", interval->start, tz);
      lh_json_add_time (builder, "end", interval->end, tz);
      json_builder_set_member_name (builder, "mine");
      json_builder_add_boolean_value (builder, interval->mine);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
lh_route_availability (LhRequest *request)
{
  const char *date = request->query != NULL ? g_hash_table_lookup (request->query, "date") : NULL;
  GTimeZone *tz = request->centre->tz;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 midnight;
  gint64 today = lh_time_local_midnight (request->now, tz);

  if (!lh_time_parse_date (date, tz, &midnight, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  if (today - midnight > (gint64) AVAILABILITY_PAST_DAYS * 24 * 3600 + 3600 ||
      midnight - today > (gint64) request->centre->horizon_days * 24 * 3600 + 3600)
    {
      g_set_error (&error, LH_ERROR, LH_ERROR_INVALID,
                   "Availability is shown from %d days ago up to %d days ahead",
                   AVAILABILITY_PAST_DAYS, request->centre->horizon_days);
      lh_request_reply_error (request, error);
      return;
    }
  days = lh_bookings_availability (request->store, request->centre, midnight,
                                   request->signed_in ? request->session.person_id : 0,
                                   request->now, &error);
  if (days == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "timezone");
  json_builder_add_string_value (builder, request->centre->timezone_id);
  lh_json_add_time (builder, "now", request->now, tz);
  json_builder_set_member_name (builder, "max_minutes");
  json_builder_add_int_value (builder, request->centre->max_booking_minutes);
  json_builder_set_member_name (builder, "resources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < days->len; i++)
    {
      const LhResourceDay *day = g_ptr_array_index (days, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, day->resource->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, day->resource->name);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, day->resource->kind);
      add_intervals (builder, "open", day->open, tz);
      add_busy (builder, day->busy, tz);
      add_intervals (builder, "free", day->free, tz);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}
