/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What can be booked, and when it is free. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-bookings.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-rules.h"
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

/* What a learner can expect of a PC whose kiosk is silent, for the kiosk
 * to put in words: since when, that a booking of it is kept (no booking
 * is released as a no-show while nobody could check in), and that it is
 * never suggested to someone refused at another PC (lh-usage-begin.c).
 * null while online. */
static void
add_offline (JsonBuilder *builder, const LhPcState *state, GTimeZone *tz)
{
  json_builder_set_member_name (builder, "offline");
  if (state == NULL || state->online)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  lh_json_add_time_or_null (builder, "since", state->heard_at, tz);
  lh_json_add_bool (builder, "booking_kept", TRUE);
  lh_json_add_bool (builder, "offered_to_walk_ups", FALSE);
  json_builder_end_object (builder);
}

/* How the resource is at this moment, for the hour going on now: the
 * kiosk words it and decides nothing. null unless it is open now (so on
 * any other day). A fault beats a silent kiosk: out of order is the
 * stronger word, and it lasts until the repair. */
static void
add_state_now (JsonBuilder *builder, const LhResourceDay *day, const LhPcState *state, gint64 now)
{
  gboolean open_now = FALSE;

  for (guint i = 0; i < day->open->len && !open_now; i++)
    {
      const LhInterval *open = &g_array_index (day->open, LhInterval, i);

      open_now = open->start <= now && now < open->end;
    }
  json_builder_set_member_name (builder, "state_now");
  if (!open_now)
    json_builder_add_null_value (builder);
  else if (day->out_of_order)
    json_builder_add_string_value (builder, "out-of-order");
  else if (state != NULL && !state->online)
    json_builder_add_string_value (builder, "offline");
  else if (state != NULL && state->in_use)
    json_builder_add_string_value (builder, "in-use");
  else
    json_builder_add_string_value (builder, "usual");
}

void
lh_route_availability (LhRequest *request)
{
  const char *date = request->query != NULL ? g_hash_table_lookup (request->query, "date") : NULL;
  GTimeZone *tz = request->centre->tz;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *canonical = NULL;
  g_autofree char *closed = NULL;
  g_autoptr(GHashTable) pc_states = NULL;
  LhRules rules, rules_now;
  gint64 midnight;
  gint64 today = lh_time_local_midnight (request->now, tz);

  if (!lh_time_parse_date (date, tz, &midnight, &error) ||
      !lh_rules_at (request->store, request->centre, request->now, &rules_now, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  /* How far ahead is the rule in force now, as for a booking: not the
   * centre's default, which a dated rule may have changed. */
  if (today - midnight > (gint64) AVAILABILITY_PAST_DAYS * 24 * 3600 + 3600 ||
      midnight - today > (gint64) rules_now.horizon_days * 24 * 3600 + 3600)
    {
      g_set_error (&error, LH_ERROR, LH_ERROR_INVALID,
                   "Availability is shown from %d days ago up to %d days ahead",
                   AVAILABILITY_PAST_DAYS, rules_now.horizon_days);
      lh_error_set_reason (&error, "beyond-horizon");
      lh_error_add_number (&error, "horizon_days", rules_now.horizon_days);
      lh_request_reply_error (request, error);
      return;
    }
  days = lh_bookings_availability (request->store, request->centre, midnight,
                                   request->signed_in ? request->session.person_id : 0,
                                   request->now, &error);
  canonical = lh_time_format_date (midnight, tz);
  if (days != NULL && lh_rules_at (request->store, request->centre, midnight, &rules, &error))
    closed = lh_closures_reason (request->store, canonical, &error);
  if (error == NULL)
    pc_states = lh_usage_pc_states (request->store, request->now, &error);
  if (error != NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, canonical);
  json_builder_set_member_name (builder, "timezone");
  json_builder_add_string_value (builder, request->centre->timezone_id);
  lh_json_add_time (builder, "now", request->now, tz);
  json_builder_set_member_name (builder, "max_minutes");
  json_builder_add_int_value (builder, rules.max_booking_minutes);
  json_builder_set_member_name (builder, "closed");
  if (closed != NULL)
    json_builder_add_string_value (builder, closed);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "resources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < days->len; i++)
    {
      const LhResourceDay *day = g_ptr_array_index (days, i);
      const LhPcState *state;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, day->resource->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, day->resource->name);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, day->resource->kind);
      /* A PC whose kiosk went silent is offline, never "in use". */
      state = g_hash_table_lookup (pc_states, &day->resource->id);
      lh_json_add_pc_kiosk (builder, state, tz);
      add_offline (builder, state, tz);
      json_builder_set_member_name (builder, "in_use");
      json_builder_add_boolean_value (builder, state != NULL && state->in_use);
      /* A fault stops its use: nothing of it is free to book. */
      json_builder_set_member_name (builder, "out_of_order");
      json_builder_add_boolean_value (builder, day->out_of_order);
      add_state_now (builder, day, state, request->now);
      add_intervals (builder, "open", day->open, tz);
      add_busy (builder, day->busy, tz);
      add_intervals (builder, "free", day->free, tz);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

static void
add_rules (JsonBuilder *builder, const LhRules *rules, GTimeZone *tz)
{
  static const struct
  {
    const char *name;
    gsize       offset;
  } fields[] = {
    { "min_booking_minutes", G_STRUCT_OFFSET (LhRules, min_booking_minutes) },
    { "max_booking_minutes", G_STRUCT_OFFSET (LhRules, max_booking_minutes) },
    { "horizon_days", G_STRUCT_OFFSET (LhRules, horizon_days) },
    { "max_minutes_per_day", G_STRUCT_OFFSET (LhRules, max_minutes_per_day) },
    { "max_minutes_per_week", G_STRUCT_OFFSET (LhRules, max_minutes_per_week) },
    { "max_bookings_per_day", G_STRUCT_OFFSET (LhRules, max_bookings_per_day) },
    { "max_bookings_per_week", G_STRUCT_OFFSET (LhRules, max_bookings_per_week) },
    { "hold_minutes", G_STRUCT_OFFSET (LhRules, hold_minutes) },
  };

  json_builder_begin_object (builder);
  lh_json_add_time_or_null (builder, "valid_from", rules->valid_from, tz);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      json_builder_set_member_name (builder, fields[i].name);
      json_builder_add_int_value (builder, G_STRUCT_MEMBER (int, rules, fields[i].offset));
    }
  json_builder_end_object (builder);
}

void
lh_route_rules (LhRequest *request)
{
  GTimeZone *tz = request->centre->tz;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) versions = lh_rules_list (request->store, &error);
  g_autofree char *today = lh_time_format_date (request->now, tz);
  g_autoptr(GPtrArray) closures = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  LhRules now;

  if (versions != NULL && lh_rules_at (request->store, request->centre, request->now, &now, &error))
    closures = lh_closures_list (request->store, today, &error);
  if (error != NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "in_force");
  add_rules (builder, &now, tz);
  json_builder_set_member_name (builder, "coming");
  json_builder_begin_array (builder);
  for (guint i = 0; i < versions->len; i++)
    if (g_array_index (versions, LhRules, i).valid_from > request->now)
      add_rules (builder, &g_array_index (versions, LhRules, i), tz);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "closures");
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < closures->len; i += 2)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, g_ptr_array_index (closures, i));
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, g_ptr_array_index (closures, i + 1));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}
