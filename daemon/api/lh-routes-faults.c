/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Faults: reported from any kiosk in two taps without signing in, and
 * seen to by the admin. A PC taken out of use has its learners' bookings
 * moved or cancelled; each is told, and every kiosk redraws the day. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-admin-notices.h"
#include "lh-api-json.h"
#include "lh-error.h"
#include "lh-people.h"

/* The latest reporters' notes the admin's list shows for each fault. */
#define FAULT_NOTES_LISTED 3
/* Open faults listed at a time: each costs a notes query. */
#define FAULTS_PAGE_DEFAULT 50
#define FAULTS_PAGE_MAX 100

/* The item, or a PC with no computer in the inventory (asset_tag and
 * kind null, in_inventory false). */
static void
add_item (JsonBuilder *builder, const LhFault *fault)
{
  json_builder_set_member_name (builder, "item");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "asset_tag");
  if (fault->asset_tag != NULL)
    json_builder_add_string_value (builder, fault->asset_tag);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "kind");
  if (fault->kind != NULL)
    json_builder_add_string_value (builder, fault->kind);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "pc");
  if (fault->resource_id != 0)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, fault->resource_id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, fault->resource_name);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "in_inventory");
  json_builder_add_boolean_value (builder, fault->asset_tag != NULL);
  json_builder_end_object (builder);
}

static void
add_notes (JsonBuilder *builder, GPtrArray *notes, GTimeZone *tz)
{
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < notes->len; i++)
    {
      const LhFaultNote *note = g_ptr_array_index (notes, i);

      json_builder_begin_object (builder);
      lh_json_add_time (builder, "at", note->at, tz);
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, note->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* for_admin: with how many reported it and who is seeing to it, which a
 * passer-by at a kiosk has no need of. notes (nullable): the latest
 * reporters' notes. */
static void
add_fault (JsonBuilder *builder, const LhFault *fault, gboolean for_admin, GPtrArray *notes, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, fault->id);
  add_item (builder, fault);
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, fault->category);
  json_builder_set_member_name (builder, "stops_use");
  json_builder_add_boolean_value (builder, fault->stops_use);
  lh_json_add_time (builder, "reported_at", fault->reported_at, tz);
  if (for_admin)
    {
      json_builder_set_member_name (builder, "reports");
      json_builder_add_int_value (builder, fault->reports);
      json_builder_set_member_name (builder, "assigned_to");
      if (fault->assigned_to[0] != '\0')
        json_builder_add_string_value (builder, fault->assigned_to);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, fault->overdue);
  lh_json_add_time_or_null (builder, "repaired_at", fault->repaired_at, tz);
  if (notes != NULL)
    add_notes (builder, notes, tz);
  json_builder_end_object (builder);
}

static gboolean
is_admin (LhRequest *request)
{
  return request->signed_in && (request->session.roles & LH_ROLE_ADMIN) != 0;
}

void
lh_routes_add_fault_move (JsonBuilder *builder, const LhFaultMove *move, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, move->to_pc_id != 0 ? "booking-moved" : "booking-cancelled");
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, "pc-out-of-order");
  json_builder_set_member_name (builder, "booking_id");
  json_builder_add_int_value (builder, move->booking_id);
  /* What the kiosk acks once shown: a rewritten outcome has a new one. */
  json_builder_set_member_name (builder, "notice_id");
  json_builder_add_int_value (builder, move->notice_id);
  lh_json_add_time (builder, "start", move->start_at, tz);
  lh_json_add_time (builder, "end", move->end_at, tz);
  json_builder_set_member_name (builder, "from_pc");
  json_builder_add_string_value (builder, move->from_pc_name);
  json_builder_set_member_name (builder, "to_pc");
  if (move->to_pc_name != NULL)
    json_builder_add_string_value (builder, move->to_pc_name);
  else
    json_builder_add_null_value (builder);
  /* Cancelled with its request for paid time off: that time is theirs again. */
  json_builder_set_member_name (builder, "paid_time_given_back");
  json_builder_add_boolean_value (builder, move->paid_time_back);
  json_builder_end_object (builder);
}

/* The admins' lists (to admins only) and every kiosk's availability:
 * names no one. */
static void
publish_changed (LhRequest *request, gint64 fault_id, gint64 resource_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fault_id");
  json_builder_add_int_value (builder, fault_id);
  json_builder_end_object (builder);
  data = json_builder_get_root (builder);
  lh_event_hub_publish_to_admins (request->events, "faults-changed", data);
  /* A fault's overdue moment may have come or gone. */
  lh_housekeeper_reschedule (request->housekeeper);
  if (resource_id != 0)
    {
      g_autoptr(JsonNode) availability = lh_json_availability_change (resource_id, request->now,
                                                                       request->centre->tz);

      lh_event_hub_publish (request->events, "availability-changed", availability, 0);
    }
}

/* Each (PC, day) once: kiosks refetch a day, not a booking. */
static void
publish_day_once (LhEventHub *events, GHashTable *told, gint64 resource_id, gint64 at, GTimeZone *tz)
{
  g_autoptr(JsonNode) data = lh_json_availability_change (resource_id, at, tz);
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT " %s", resource_id,
                                          json_object_get_string_member (json_node_get_object (data), "date"));

  if (!g_hash_table_add (told, g_steal_pointer (&key)))
    return;
  lh_event_hub_publish (events, "availability-changed", data, 0);
}

void
lh_routes_tell_moved (LhStore *store, LhEventHub *events, GTimeZone *tz, gint64 now, GPtrArray *moves)
{
  g_autoptr(GHashTable) told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; moves != NULL && i < moves->len; i++)
    {
      const LhFaultMove *move = g_ptr_array_index (moves, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) data = NULL;

      lh_routes_add_fault_move (builder, move, tz);
      data = json_builder_get_root (builder);
      /* A desk kiosk may hold someone else's session too: its kiosk shows
       * the notice only to this person, and marks it told only then
       * (POST /me/notices/seen); untold, it comes again at sign-in. */
      json_object_set_int_member (json_node_get_object (data), "person_id", move->person_id);
      lh_routes_notify_person (store, events, now, move->to_pc_id != 0 ? "booking-moved" : "booking-cancelled",
                               data, move->person_id);
      publish_day_once (events, told, move->from_pc_id, move->start_at, tz);
      if (move->to_pc_id != 0)
        publish_day_once (events, told, move->to_pc_id, move->start_at, tz);
    }
}

void
lh_routes_tell_moved_learners (LhRequest *request, GPtrArray *moves)
{
  lh_routes_tell_moved (request->store, request->events, request->centre->tz, request->now, moves);
}

void
lh_route_report_fault (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFault) fault = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *category = NULL, *note = NULL, *asset_tag = NULL;
  gint64 resource_id = 0;
  LhFaultReporter reporter;
  gboolean joined = FALSE;
  guint moved = 0;
  JsonObject *object;

  body = lh_request_body_object (request, &error);
  object = body != NULL ? json_node_get_object (body) : NULL;
  if (object == NULL || !lh_json_get_string (object, "category", &category, &error) ||
      (lh_json_has (object, "note") && !lh_json_get_string (object, "note", &note, &error)) ||
      (lh_json_has (object, "asset_tag") && !lh_json_get_string (object, "asset_tag", &asset_tag, &error)) ||
      (lh_json_has (object, "resource_id") && !lh_json_get_int (object, "resource_id", &resource_id, &error)))
    {
      lh_error_set_reason (&error, "body-invalid");
      lh_request_reply_error (request, error);
      return;
    }
  reporter.device_id = request->signed_in ? request->session.device_id : request->device_id;
  reporter.admin = is_admin (request);
  /* A PC's kiosk reports its own PC. */
  fault = lh_faults_report (request->store, request->centre, asset_tag, resource_id, &reporter, category, note,
                            request->now, &joined, &moves, &error);
  if (fault == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  for (guint i = 0; i < moves->len; i++)
    moved += ((LhFaultMove *) g_ptr_array_index (moves, i))->to_pc_id != 0;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fault");
  add_fault (builder, fault, reporter.admin, NULL, request->centre->tz);
  json_builder_set_member_name (builder, "joined");
  json_builder_add_boolean_value (builder, joined);
  /* Counts only: the reporter need not know whose bookings they were. */
  json_builder_set_member_name (builder, "bookings_moved");
  json_builder_add_int_value (builder, moved);
  json_builder_set_member_name (builder, "bookings_cancelled");
  json_builder_add_int_value (builder, moves->len - moved);
  /* Only bookings before this moved now (later ones nearer their day):
   * the kiosk says so rather than "everyone has been moved". */
  lh_json_add_time_or_null (builder, "bookings_moved_until",
                            fault->stops_use ? lh_faults_moving_horizon (request->centre, request->now) : 0,
                            request->centre->tz);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, joined ? 200 : 201, builder);
  /* A new fault is a notice for the admins (kept in core). */
  if (!joined)
    lh_routes_publish_admin_notices (request->store, request->events);
  lh_routes_tell_moved_learners (request, moves);
  publish_changed (request, fault->id, fault->stops_use ? fault->resource_id : 0);
}

static gint64
fault_id_of (gconstpointer fault)
{
  return ((const LhFault *) fault)->id;
}

void
lh_route_list_faults (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) faults = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 after;
  guint limit;

  /* A page at a time, each fault with a notes query: a flood of reports
   * costs the admin more pages, not one endless answer. */
  if (lh_request_query_page (request, FAULTS_PAGE_DEFAULT, FAULTS_PAGE_MAX, &after, &limit, &error))
    {
      faults = lh_faults_list_open_page (request->store, request->now, after, limit, &error);
      if (faults == NULL)
        lh_routes_page_cursor_error (&error);
    }
  if (faults == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  lh_routes_end_page (builder, faults, limit, fault_id_of);
  json_builder_set_member_name (builder, "faults");
  json_builder_begin_array (builder);
  for (guint i = 0; i < faults->len; i++)
    {
      const LhFault *fault = g_ptr_array_index (faults, i);
      g_autoptr(GPtrArray) notes = lh_faults_recent_notes (request->store, fault->id, FAULT_NOTES_LISTED, &error);

      if (notes == NULL)
        {
          lh_request_reply_error (request, error);
          return;
        }
      add_fault (builder, fault, TRUE, notes, request->centre->tz);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

/* The admin's name, for the item's history. */
gboolean
lh_routes_admin_actor (LhRequest *request, LhEquipmentActor *actor, char **out_name, GError **error)
{
  g_autoptr(LhPerson) person = lh_people_get (request->store, request->session.person_id, error);

  if (person == NULL)
    return FALSE;
  *out_name = g_strdup (person->name);
  *actor = (LhEquipmentActor) { person->id, *out_name };
  return TRUE;
}

static void
reply_fault (LhRequest *request, gint64 resource_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFault) fault = lh_faults_get (request->store, request->path_id, request->now, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (fault == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  add_fault (builder, fault, TRUE, NULL, request->centre->tz);
  lh_request_reply_builder (request, 200, builder);
  publish_changed (request, fault->id, resource_id);
}

void
lh_route_assign_fault (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  LhEquipmentActor actor;
  const char *to = NULL;

  body = lh_request_body_object (request, &error);
  if (body == NULL || !lh_json_get_string (json_node_get_object (body), "to", &to, &error))
    {
      lh_error_set_reason (&error, "body-invalid");
      lh_request_reply_error (request, error);
      return;
    }
  if (!lh_routes_admin_actor (request, &actor, &name, &error) ||
      !lh_faults_assign (request->store, request->path_id, to, &actor, request->now, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  reply_fault (request, 0);
}

void
lh_route_fault_repaired (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  LhEquipmentActor actor;
  const char *note = NULL;
  gint64 resource_id = 0;
  JsonObject *object;

  body = lh_request_body_object (request, &error);
  object = body != NULL ? json_node_get_object (body) : NULL;
  if (object == NULL || (lh_json_has (object, "note") && !lh_json_get_string (object, "note", &note, &error)))
    {
      lh_error_set_reason (&error, "body-invalid");
      lh_request_reply_error (request, error);
      return;
    }
  if (!lh_routes_admin_actor (request, &actor, &name, &error) ||
      !lh_faults_repaired (request->store, request->path_id, note, &actor, request->now, &resource_id, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  /* Bookable again: the kiosks redraw its day; its notices cleared. */
  reply_fault (request, resource_id);
  lh_routes_publish_admin_notices (request->store, request->events);
}
