/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-api"

#include "lh-api-json.h"

#include <math.h>

#include "lh-error.h"
#include "lh-text.h"
#include "lh-time.h"

/* json-glib decodes "\u0000" into a string that then ends there:
 * "Eve\u0000Hidden" would be read as "Eve", and a staff number with junk
 * after a NUL as the staff number. So a NUL, raw or escaped, is refused
 * in the body as sent. A backslash is only valid inside a string, where
 * it always starts a two-character escape, so skipping the escaped
 * character keeps "\\u0000" (a backslash, then "u0000") apart. */
static gboolean
holds_nul (const char *data, gsize length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '\0')
        return TRUE;
      if (data[i] == '\\' && i + 1 < length)
        {
          if (data[i + 1] == 'u' && i + 5 < length && g_ascii_strncasecmp (data + i + 2, "0000", 4) == 0)
            return TRUE;
          i++;
        }
    }
  return FALSE;
}

/* json-glib reads more than JSON: raw control characters inside a
 * string, escapes JSON has not, such as "\202" (octal), which make a
 * byte that is not UTF-8, and numbers too large for a double. Routes read some strings straight from the
 * tree (a list of names, a map of answers), so every string and member
 * name of the body is held here to what lh_json_get_string() allows. */
static gboolean
check_strings (JsonNode *node, GError **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &member, &value))
        if (!lh_text_check (member, -1, LH_TEXT_LINES, 0, "A member’s name", error) ||
            !check_strings (value, error))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!check_strings (json_array_get_element (array, i), error))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return lh_text_check (json_node_get_string (node), -1, LH_TEXT_LINES, 0, "A string in the body", error);
  /* "1e999" is read as infinity, which JSON cannot say. */
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE &&
           !isfinite (json_node_get_double (node)))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "A number in the body is too large");
      return FALSE;
    }
  return TRUE;
}

JsonNode *
lh_json_parse_object (const char *data, gsize length, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (data == NULL || length == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "The request has no JSON body");
      return NULL;
    }
  if (holds_nul (data, length))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "The body holds a NUL character, which no text may hold");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "The body is not valid JSON: %s",
                   local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "The body must be a JSON object");
      return NULL;
    }
  if (!check_strings (root, &local_error))
    {
      g_set_error_literal (error, LH_ERROR, LH_ERROR_BAD_REQUEST, local_error->message);
      return NULL;
    }
  return json_node_ref (root);
}

static JsonNode *
member_value (JsonObject *object, const char *member, GError **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "“%s” is missing", member);
      return NULL;
    }
  return node;
}

gboolean
lh_json_get_int (JsonObject *object, const char *member, gint64 *out_value, GError **error)
{
  JsonNode *node = member_value (object, member, error);

  if (node == NULL)
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "“%s” must be a whole number", member);
      return FALSE;
    }
  *out_value = json_node_get_int (node);
  return TRUE;
}

gboolean
lh_json_get_times (JsonObject *object, gint64 *out_start, gint64 *out_end, GError **error)
{
  const char *start, *end;

  if (!lh_json_get_string (object, "start", &start, error) ||
      !lh_json_get_string (object, "end", &end, error))
    return FALSE;
  if (!lh_time_parse_iso (start, out_start, error) || !lh_time_parse_iso (end, out_end, error))
    {
      lh_error_set_reason (error, "time-invalid");
      return FALSE;
    }
  return TRUE;
}

gboolean
lh_json_get_string (JsonObject *object, const char *member, const char **out_value, GError **error)
{
  JsonNode *node = member_value (object, member, error);
  g_autoptr(GError) text_error = NULL;
  g_autofree char *what = NULL;
  const char *value;

  if (node == NULL)
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "“%s” must be a string", member);
      return FALSE;
    }
  /* Line breaks and tabs may be in a note; no other control character
   * belongs in any member. */
  value = json_node_get_string (node);
  what = g_strdup_printf ("“%s”", member);
  if (!lh_text_check (value, -1, LH_TEXT_LINES, 0, what, &text_error))
    {
      g_set_error_literal (error, LH_ERROR, LH_ERROR_BAD_REQUEST, text_error->message);
      return FALSE;
    }
  *out_value = value;
  return TRUE;
}

gboolean
lh_json_get_bool (JsonObject *object, const char *member, gboolean *out_value, GError **error)
{
  JsonNode *node = member_value (object, member, error);

  if (node == NULL)
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "“%s” must be true or false", member);
      return FALSE;
    }
  *out_value = json_node_get_boolean (node);
  return TRUE;
}

gboolean
lh_json_has (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

void
lh_json_add_time (JsonBuilder *builder, const char *member, gint64 unix_seconds, GTimeZone *tz)
{
  g_autofree char *text = lh_time_format_iso (unix_seconds, tz);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

void
lh_json_add_time_or_null (JsonBuilder *builder, const char *member, gint64 unix_seconds, GTimeZone *tz)
{
  if (unix_seconds > 0)
    {
      lh_json_add_time (builder, member, unix_seconds, tz);
      return;
    }
  json_builder_set_member_name (builder, member);
  json_builder_add_null_value (builder);
}

void
lh_json_add_pc_kiosk (JsonBuilder *builder, const LhPcState *state, GTimeZone *tz)
{
  json_builder_set_member_name (builder, "kiosk");
  if (state != NULL)
    json_builder_add_string_value (builder, state->online ? "online" : "offline");
  else
    json_builder_add_null_value (builder);
  lh_json_add_time_or_null (builder, "kiosk_heard_at", state != NULL ? state->heard_at : 0, tz);
}

void
lh_json_add_date_or_null (JsonBuilder *builder, const char *member, gint64 unix_seconds, GTimeZone *tz)
{
  json_builder_set_member_name (builder, member);
  if (unix_seconds > 0)
    {
      g_autofree char *text = lh_time_format_date (unix_seconds, tz);
      json_builder_add_string_value (builder, text);
    }
  else
    json_builder_add_null_value (builder);
}

void
lh_json_add_int (JsonBuilder *builder, const char *member, gint64 value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
lh_json_add_string (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

void
lh_json_add_string_or_null (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
lh_json_add_bool (JsonBuilder *builder, const char *member, gboolean value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

void
lh_json_add_id_or_null (JsonBuilder *builder, const char *member, gint64 id)
{
  json_builder_set_member_name (builder, member);
  if (id > 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
}

static void
add_string_or_null (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
lh_json_add_advice_request (JsonBuilder *builder, const LhAdviceRequest *request, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, request->id);
  /* Anonymised by retention or deletion: nobody is named. */
  lh_json_add_id_or_null (builder, "learner_id", request->learner_id);
  add_string_or_null (builder, "learner", request->learner_id > 0 ? request->learner_name : NULL);
  json_builder_set_member_name (builder, "topic");
  json_builder_add_string_value (builder, request->topic);
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, request->mode);
  add_string_or_null (builder, "contact", request->contact);
  add_string_or_null (builder, "contact_detail", request->contact_detail);
  add_string_or_null (builder, "note", request->note);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, request->status);
  lh_json_add_id_or_null (builder, "dropin_id", request->dropin_id);
  lh_json_add_id_or_null (builder, "ticket", request->ticket);
  add_string_or_null (builder, "place", request->place);
  lh_json_add_id_or_null (builder, "slot_id", request->slot_id);
  lh_json_add_time_or_null (builder, "start", request->start_at, tz);
  lh_json_add_time_or_null (builder, "end", request->end_at, tz);
  lh_json_add_id_or_null (builder, "ulr_id", request->ulr_id);
  add_string_or_null (builder, "ulr", request->ulr_id > 0 ? request->ulr_name : NULL);
  add_string_or_null (builder, "desk", request->desk);
  lh_json_add_time (builder, "created_at", request->created_at, tz);
  lh_json_add_time_or_null (builder, "called_at", request->called_at, tz);
  lh_json_add_time_or_null (builder, "started_at", request->started_at, tz);
  lh_json_add_time_or_null (builder, "ended_at", request->ended_at, tz);
  json_builder_set_member_name (builder, "position");
  json_builder_add_int_value (builder, request->position);
  json_builder_set_member_name (builder, "wait_minutes");
  json_builder_add_int_value (builder, request->wait_minutes);
  json_builder_set_member_name (builder, "outcomes");
  json_builder_begin_array (builder);
  for (guint i = 0; request->outcomes != NULL && request->outcomes[i] != NULL; i++)
    json_builder_add_string_value (builder, request->outcomes[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

void
lh_json_add_time_off_members (JsonBuilder *builder, const LhTimeOffRequest *request, GTimeZone *tz)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, request->id);
  json_builder_set_member_name (builder, "paid");
  json_builder_add_boolean_value (builder, request->paid);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, request->status);
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, request->category);
  json_builder_set_member_name (builder, "activity");
  json_builder_add_string_value (builder, request->activity);
  add_string_or_null (builder, "what", request->what);
  json_builder_set_member_name (builder, "minutes");
  json_builder_add_int_value (builder, request->minutes);
  lh_json_add_time (builder, "start", request->start_at, tz);
  lh_json_add_time (builder, "end", request->end_at, tz);
  /* The ledger keeps "" for an approval given without a reason. */
  add_string_or_null (builder, "decision_reason",
                      request->decision_reason != NULL && request->decision_reason[0] != '\0'
                        ? request->decision_reason : NULL);
}

void
lh_json_add_time_off (JsonBuilder *builder, const LhTimeOffRequest *request, GTimeZone *tz)
{
  if (request == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  lh_json_add_time_off_members (builder, request, tz);
  json_builder_end_object (builder);
}

void
lh_json_add_booking (JsonBuilder *builder, const LhBooking *booking, const LhTimeOffRequest *time_off,
                     const LhCentre *centre)
{
  GTimeZone *tz = centre->tz;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, booking->id);
  json_builder_set_member_name (builder, "resource_id");
  json_builder_add_int_value (builder, booking->resource_id);
  json_builder_set_member_name (builder, "resource_name");
  json_builder_add_string_value (builder, booking->resource_name);
  json_builder_set_member_name (builder, "resource_kind");
  json_builder_add_string_value (builder, booking->resource_kind);
  lh_json_add_time (builder, "start", booking->start_at, tz);
  lh_json_add_time (builder, "end", booking->end_at, tz);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, booking->status);
  lh_json_add_time (builder, "created_at", booking->created_at, tz);
  lh_json_add_time_or_null (builder, "checked_in_at", booking->checked_in_at, tz);
  json_builder_set_member_name (builder, "walk_up");
  json_builder_add_boolean_value (builder, booking->walk_up);
  if (booking->calendar_key != NULL)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/bookings/%" G_GINT64_FORMAT "/calendar.ics?key=%s",
                                               booking->id, booking->calendar_key);
      g_autofree char *url = lh_json_public_link (centre, path);

      json_builder_set_member_name (builder, "calendar_url");
      json_builder_add_string_value (builder, url);
    }
  json_builder_set_member_name (builder, "time_off");
  lh_json_add_time_off (builder, time_off, tz);
  json_builder_end_object (builder);
}

static void
add_hhmm (JsonBuilder *builder, const char *member, int minute)
{
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

void
lh_json_add_resource (JsonBuilder *builder, const LhResource *resource)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, resource->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, resource->name);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, resource->kind);
  json_builder_set_member_name (builder, "capacity");
  json_builder_add_int_value (builder, resource->capacity);
  json_builder_set_member_name (builder, "opening_hours");
  json_builder_begin_array (builder);
  for (guint i = 0; i < resource->hours->len; i++)
    {
      const LhOpeningPeriod *p = &g_array_index (resource->hours, LhOpeningPeriod, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "weekday");
      json_builder_add_int_value (builder, p->weekday);
      add_hhmm (builder, "opens", p->opens_minute);
      add_hhmm (builder, "closes", p->closes_minute);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

void
lh_json_add_group_session (JsonBuilder *builder, const LhGroupSession *session, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, session->id);
  json_builder_set_member_name (builder, "series_id");
  json_builder_add_int_value (builder, session->series_id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, session->title);
  json_builder_set_member_name (builder, "topic");
  json_builder_add_string_value (builder, session->topic);
  json_builder_set_member_name (builder, "resource_id");
  json_builder_add_int_value (builder, session->resource_id);
  json_builder_set_member_name (builder, "room");
  json_builder_add_string_value (builder, session->room);
  lh_json_add_time (builder, "start", session->start_at, tz);
  lh_json_add_time (builder, "end", session->end_at, tz);
  json_builder_set_member_name (builder, "capacity");
  json_builder_add_int_value (builder, session->capacity);
  json_builder_set_member_name (builder, "places_taken");
  json_builder_add_int_value (builder, session->booked);
  json_builder_set_member_name (builder, "waiting");
  json_builder_add_int_value (builder, session->waiting);
  json_builder_set_member_name (builder, "my_place");
  if (session->my_place == LH_PLACE_BOOKED)
    json_builder_add_string_value (builder, "booked");
  else if (session->my_place == LH_PLACE_WAITING)
    json_builder_add_string_value (builder, "waiting");
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "my_position");
  json_builder_add_int_value (builder, session->my_position);
  json_builder_end_object (builder);
}

void
lh_json_add_usage (JsonBuilder *builder, const LhUsage *usage, gint64 can_extend_until, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, usage->id);
  json_builder_set_member_name (builder, "resource_id");
  json_builder_add_int_value (builder, usage->resource_id);
  json_builder_set_member_name (builder, "resource_name");
  json_builder_add_string_value (builder, usage->resource_name);
  json_builder_set_member_name (builder, "booking_id");
  json_builder_add_int_value (builder, usage->booking_id);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, usage->walk_up ? "walk-up" : "booked");
  lh_json_add_time (builder, "started_at", usage->started_at, tz);
  lh_json_add_time (builder, "ends_at", usage->ends_at, tz);
  lh_json_add_time_or_null (builder, "ended_at", usage->ended_at, tz);
  json_builder_set_member_name (builder, "end_reason");
  if (usage->end_reason != NULL)
    json_builder_add_string_value (builder, usage->end_reason);
  else
    json_builder_add_null_value (builder);
  lh_json_add_time_or_null (builder, "can_extend_until", can_extend_until, tz);
  json_builder_end_object (builder);
}

JsonNode *
lh_json_availability_change (gint64 resource_id, gint64 at, GTimeZone *tz)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *date = lh_time_format_date (at, tz);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "resource_id");
  json_builder_add_int_value (builder, resource_id);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
lh_json_queue_change (gint64 dropin_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dropin_id");
  json_builder_add_int_value (builder, dropin_id);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
lh_json_public_link (const LhCentre *centre, const char *path)
{
  return centre->public_url != NULL ? g_strconcat (centre->public_url, path, NULL) : g_strdup (path);
}
