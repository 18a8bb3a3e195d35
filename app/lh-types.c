/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-types"

#include "lh-types.h"

#include <string.h>

#include <gio/gio.h>

#include "lh-json-read.h"

G_DEFINE_BOXED_TYPE (LhPerson, lh_person, lh_person_copy, lh_person_free)
G_DEFINE_BOXED_TYPE (LhBooking, lh_booking, lh_booking_copy, lh_booking_free)

LhPerson *
lh_person_copy (const LhPerson *person)
{
  LhPerson *copy;

  g_return_val_if_fail (person != NULL, NULL);

  copy = g_new0 (LhPerson, 1);
  copy->id = person->id;
  copy->name = g_strdup (person->name);
  copy->staff_number = g_strdup (person->staff_number);
  copy->roles = g_strdupv (person->roles);
  copy->guest = person->guest;
  copy->may = person->may;
  copy->limits = person->limits;
  copy->settings = person->settings;
  return copy;
}

void
lh_person_free (LhPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->name);
  g_free (person->staff_number);
  g_strfreev (person->roles);
  g_free (person);
}

gboolean
lh_person_has_role (const LhPerson *person,
                    const char     *role)
{
  g_return_val_if_fail (person != NULL, FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  return g_strv_contains ((const char * const *) person->roles, role);
}

void
lh_guest_free (LhGuest *guest)
{
  if (guest == NULL)
    return;
  g_free (guest->name);
  g_free (guest->staff_number);
  /* Shown once: nothing of it is left behind in the heap. */
  if (guest->pin != NULL)
    memset (guest->pin, 0, strlen (guest->pin));
  g_free (guest->pin);
  g_free (guest);
}

LhBooking *
lh_booking_copy (const LhBooking *booking)
{
  LhBooking *copy;

  g_return_val_if_fail (booking != NULL, NULL);

  copy = g_new0 (LhBooking, 1);
  copy->id = booking->id;
  copy->resource_id = booking->resource_id;
  copy->resource_name = g_strdup (booking->resource_name);
  copy->resource_kind = g_strdup (booking->resource_kind);
  copy->start = g_date_time_ref (booking->start);
  copy->end = g_date_time_ref (booking->end);
  copy->status = g_strdup (booking->status);
  copy->calendar_url = g_strdup (booking->calendar_url);
  copy->checked_in_at = booking->checked_in_at ? g_date_time_ref (booking->checked_in_at) : NULL;
  copy->walk_up = booking->walk_up;
  copy->time_off = booking->time_off ? lh_time_off_copy (booking->time_off) : NULL;
  return copy;
}

void
lh_booking_free (LhBooking *booking)
{
  if (booking == NULL)
    return;
  g_free (booking->resource_name);
  g_free (booking->resource_kind);
  g_clear_pointer (&booking->start, g_date_time_unref);
  g_clear_pointer (&booking->end, g_date_time_unref);
  g_free (booking->status);
  g_free (booking->calendar_url);
  g_clear_pointer (&booking->checked_in_at, g_date_time_unref);
  g_clear_pointer (&booking->time_off, lh_time_off_free);
  g_free (booking);
}

LhGroupSession *
lh_group_session_copy (const LhGroupSession *session)
{
  LhGroupSession *copy;

  g_return_val_if_fail (session != NULL, NULL);

  copy = g_memdup2 (session, sizeof *session);
  copy->title = g_strdup (session->title);
  copy->topic = g_strdup (session->topic);
  copy->room = g_strdup (session->room);
  copy->start = g_date_time_ref (session->start);
  copy->end = g_date_time_ref (session->end);
  copy->my_place = g_strdup (session->my_place);
  return copy;
}

void
lh_group_session_free (LhGroupSession *session)
{
  if (session == NULL)
    return;
  g_free (session->title);
  g_free (session->topic);
  g_free (session->room);
  g_clear_pointer (&session->start, g_date_time_unref);
  g_clear_pointer (&session->end, g_date_time_unref);
  g_free (session->my_place);
  g_free (session);
}

gboolean
lh_group_session_is_full (const LhGroupSession *session)
{
  g_return_val_if_fail (session != NULL, FALSE);

  return session->places_taken >= session->capacity;
}

void
lh_group_place_free (LhGroupPlace *place)
{
  if (place == NULL)
    return;
  g_clear_pointer (&place->time_off, lh_time_off_free);
  g_free (place);
}

void
lh_interval_free (LhInterval *interval)
{
  if (interval == NULL)
    return;
  g_clear_pointer (&interval->start, g_date_time_unref);
  g_clear_pointer (&interval->end, g_date_time_unref);
  g_free (interval);
}

void
lh_resource_day_free (LhResourceDay *day)
{
  if (day == NULL)
    return;
  g_free (day->name);
  g_free (day->kind);
  g_clear_pointer (&day->open, g_ptr_array_unref);
  g_clear_pointer (&day->busy, g_ptr_array_unref);
  g_clear_pointer (&day->free, g_ptr_array_unref);
  g_clear_pointer (&day->offline_since, g_date_time_unref);
  g_free (day);
}

void
lh_availability_free (LhAvailability *availability)
{
  if (availability == NULL)
    return;
  g_free (availability->date);
  g_free (availability->closed);
  g_clear_pointer (&availability->time_zone, g_time_zone_unref);
  g_clear_pointer (&availability->now, g_date_time_unref);
  g_clear_pointer (&availability->resources, g_ptr_array_unref);
  g_free (availability);
}

static JsonNode *
get_member (JsonObject  *object,
            const char  *member,
            JsonNodeType type,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_TYPE (node) != type)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Field “%s” is missing or of the wrong type", member);
      return NULL;
    }
  return node;
}

static const char *
get_string (JsonObject  *object,
            const char  *member,
            GError     **error)
{
  JsonNode *node = get_member (object, member, JSON_NODE_VALUE, error);

  if (node == NULL)
    return NULL;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Field “%s” is not a string", member);
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
get_int (JsonObject  *object,
         const char  *member,
         gint64      *out,
         GError     **error)
{
  JsonNode *node = get_member (object, member, JSON_NODE_VALUE, error);

  if (node == NULL)
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Field “%s” is not a whole number", member);
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

GDateTime *
lh_parse_time (JsonObject  *object,
               const char  *member,
               GTimeZone   *tz,
               GError     **error)
{
  const char *text;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);

  text = get_string (object, member, error);
  if (text == NULL)
    return NULL;
  /* The API always sends an offset; UTC as the default only guards against
   * the kiosk's own local zone sneaking in. */
  parsed = g_date_time_new_from_iso8601 (text, utc);
  if (parsed == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Field “%s” is not a time: %s", member, text);
      return NULL;
    }
  if (tz == NULL)
    return g_steal_pointer (&parsed);
  return g_date_time_to_timezone (parsed, tz);
}

LhPerson *
lh_person_from_json (JsonObject  *object,
                     GError     **error)
{
  g_autoptr(LhPerson) person = g_new0 (LhPerson, 1);
  g_autoptr(GStrvBuilder) roles = g_strv_builder_new ();
  const char *name;
  JsonNode *node;
  JsonArray *array;

  g_return_val_if_fail (object != NULL, NULL);

  person->roles = g_new0 (char *, 1);
  if (!get_int (object, "id", &person->id, error))
    return NULL;
  name = get_string (object, "name", error);
  if (name == NULL)
    return NULL;
  person->name = g_strdup (name);
  person->staff_number = g_strdup (json_object_get_string_member_with_default (object, "staff_number", NULL));
  person->guest = json_object_get_boolean_member_with_default (object, "guest", FALSE);

  node = get_member (object, "roles", JSON_NODE_ARRAY, error);
  if (node == NULL)
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *role = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (role) && json_node_get_value_type (role) == G_TYPE_STRING)
        g_strv_builder_add (roles, json_node_get_string (role));
    }
  g_strfreev (person->roles);
  person->roles = g_strv_builder_end (roles);
  return g_steal_pointer (&person);
}

LhGuest *
lh_guest_from_json (JsonObject  *object,
                    GError     **error)
{
  g_autoptr(LhGuest) guest = g_new0 (LhGuest, 1);
  const char *name, *number, *pin;

  g_return_val_if_fail (object != NULL, NULL);

  if (!get_int (object, "id", &guest->id, error) ||
      (name = get_string (object, "name", error)) == NULL ||
      (number = get_string (object, "staff_number", error)) == NULL ||
      (pin = get_string (object, "pin", error)) == NULL)
    return NULL;
  guest->name = g_strdup (name);
  guest->staff_number = g_strdup (number);
  guest->pin = g_strdup (pin);
  return g_steal_pointer (&guest);
}

LhBooking *
lh_booking_from_json (JsonObject  *object,
                      GTimeZone   *tz,
                      GError     **error)
{
  g_autoptr(LhBooking) booking = g_new0 (LhBooking, 1);
  const char *name;
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);

  if (!get_int (object, "id", &booking->id, error) ||
      !get_int (object, "resource_id", &booking->resource_id, error))
    return NULL;
  name = get_string (object, "resource_name", error);
  if (name == NULL)
    return NULL;
  booking->resource_name = g_strdup (name);
  booking->resource_kind = g_strdup (json_object_get_string_member_with_default (object, "resource_kind", "pc"));
  booking->status = g_strdup (json_object_get_string_member_with_default (object, "status", "booked"));
  booking->calendar_url = g_strdup (json_object_get_string_member_with_default (object, "calendar_url", NULL));
  booking->start = lh_parse_time (object, "start", tz, error);
  if (booking->start == NULL)
    return NULL;
  booking->end = lh_parse_time (object, "end", tz, error);
  if (booking->end == NULL)
    return NULL;
  /* null until checked in; older daemons leave both out. */
  node = json_object_get_member (object, "checked_in_at");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      booking->checked_in_at = lh_parse_time (object, "checked_in_at", tz, error);
      if (booking->checked_in_at == NULL)
        return NULL;
    }
  booking->walk_up = json_object_get_boolean_member_with_default (object, "walk_up", FALSE);
  if (!lh_time_off_member_from_json (object, tz, &booking->time_off, error))
    return NULL;
  return g_steal_pointer (&booking);
}

static GPtrArray *
intervals_from_json (JsonObject  *object,
                     const char  *member,
                     GTimeZone   *tz,
                     GError     **error)
{
  g_autoptr(GPtrArray) intervals = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_interval_free);
  JsonNode *node = get_member (object, member, JSON_NODE_ARRAY, error);
  JsonArray *array;

  if (node == NULL)
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      g_autoptr(LhInterval) interval = g_new0 (LhInterval, 1);

      if (item == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "An item of “%s” is not an object", member);
          return NULL;
        }
      interval->start = lh_parse_time (item, "start", tz, error);
      if (interval->start == NULL)
        return NULL;
      interval->end = lh_parse_time (item, "end", tz, error);
      if (interval->end == NULL)
        return NULL;
      interval->mine = json_object_get_boolean_member_with_default (item, "mine", FALSE);
      g_ptr_array_add (intervals, g_steal_pointer (&interval));
    }
  return g_steal_pointer (&intervals);
}

/* The "offline" member: null while the kiosk is online. */
static gboolean
offline_from_json (JsonObject     *object,
                   GTimeZone      *tz,
                   LhResourceDay  *day,
                   GError        **error)
{
  JsonObject *offline = json_object_get_member (object, "offline") != NULL &&
                        JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "offline"))
                        ? json_object_get_object_member (object, "offline") : NULL;

  if (offline == NULL)
    return TRUE;
  day->offline_booking_kept = json_object_get_boolean_member_with_default (offline, "booking_kept", FALSE);
  day->offline_suggested = json_object_get_boolean_member_with_default (offline, "offered_to_walk_ups", FALSE);
  return lh_json_read_time (offline, "since", FALSE, tz, &day->offline_since, error);
}

static LhPcNow
pc_now_from_json (JsonObject *object)
{
  const char *state = NULL;
  JsonNode *node = json_object_get_member (object, "state_now");

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    state = json_node_get_string (node);
  if (g_strcmp0 (state, "out-of-order") == 0)
    return LH_PC_NOW_OUT_OF_ORDER;
  if (g_strcmp0 (state, "offline") == 0)
    return LH_PC_NOW_OFFLINE;
  if (g_strcmp0 (state, "in-use") == 0)
    return LH_PC_NOW_IN_USE;
  return LH_PC_NOW_USUAL;
}

static LhResourceDay *
resource_day_from_json (JsonObject  *object,
                        GTimeZone   *tz,
                        GError     **error)
{
  g_autoptr(LhResourceDay) day = g_new0 (LhResourceDay, 1);
  const char *name;

  if (!get_int (object, "id", &day->id, error))
    return NULL;
  name = get_string (object, "name", error);
  if (name == NULL)
    return NULL;
  day->name = g_strdup (name);
  day->kind = g_strdup (json_object_get_string_member_with_default (object, "kind", "pc"));
  /* null for a resource without a kiosk of its own. */
  day->kiosk_offline = g_strcmp0 (json_object_get_string_member_with_default (object, "kiosk", NULL),
                                  "offline") == 0;
  day->in_use = json_object_get_boolean_member_with_default (object, "in_use", FALSE);
  day->now = pc_now_from_json (object);
  if (!offline_from_json (object, tz, day, error))
    return NULL;
  day->open = intervals_from_json (object, "open", tz, error);
  if (day->open == NULL)
    return NULL;
  day->busy = intervals_from_json (object, "busy", tz, error);
  if (day->busy == NULL)
    return NULL;
  day->free = intervals_from_json (object, "free", tz, error);
  if (day->free == NULL)
    return NULL;
  return g_steal_pointer (&day);
}

LhAvailability *
lh_availability_from_json (JsonObject  *object,
                           GError     **error)
{
  g_autoptr(LhAvailability) availability = g_new0 (LhAvailability, 1);
  const char *date;
  const char *zone;
  gint64 max_minutes = 120;
  JsonNode *node;
  JsonArray *array;

  g_return_val_if_fail (object != NULL, NULL);

  date = get_string (object, "date", error);
  if (date == NULL)
    return NULL;
  availability->date = g_strdup (date);
  zone = get_string (object, "timezone", error);
  if (zone == NULL)
    return NULL;
  availability->time_zone = g_time_zone_new_identifier (zone);
  if (availability->time_zone == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Unknown time zone %s", zone);
      return NULL;
    }
  availability->now = lh_parse_time (object, "now", availability->time_zone, error);
  if (availability->now == NULL)
    return NULL;
  if (json_object_has_member (object, "max_minutes") &&
      !get_int (object, "max_minutes", &max_minutes, error))
    return NULL;
  availability->max_minutes = (int) max_minutes;
  availability->closed = g_strdup (json_object_get_string_member_with_default (object, "closed", NULL));

  node = get_member (object, "resources", JSON_NODE_ARRAY, error);
  if (node == NULL)
    return NULL;
  array = json_node_get_array (node);
  availability->resources = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_resource_day_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      LhResourceDay *day;

      if (item == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "A resource is not an object");
          return NULL;
        }
      day = resource_day_from_json (item, availability->time_zone, error);
      if (day == NULL)
        return NULL;
      g_ptr_array_add (availability->resources, day);
    }
  return g_steal_pointer (&availability);
}

LhGroupSession *
lh_group_session_from_json (JsonObject  *object,
                            GTimeZone   *tz,
                            GError     **error)
{
  g_autoptr(LhGroupSession) session = g_new0 (LhGroupSession, 1);
  const char *title;
  const char *room;
  JsonNode *my_place;
  gint64 capacity, taken, waiting;

  g_return_val_if_fail (object != NULL, NULL);

  if (!get_int (object, "id", &session->id, error) ||
      !get_int (object, "capacity", &capacity, error) ||
      !get_int (object, "places_taken", &taken, error) ||
      !get_int (object, "waiting", &waiting, error))
    return NULL;
  session->capacity = (int) CLAMP (capacity, 0, G_MAXINT);
  session->places_taken = (int) CLAMP (taken, 0, G_MAXINT);
  session->waiting = (int) CLAMP (waiting, 0, G_MAXINT);
  title = get_string (object, "title", error);
  if (title == NULL)
    return NULL;
  session->title = g_strdup (title);
  room = get_string (object, "room", error);
  if (room == NULL)
    return NULL;
  session->room = g_strdup (room);
  if (json_object_has_member (object, "topic") && !json_object_get_null_member (object, "topic"))
    session->topic = g_strdup (json_object_get_string_member_with_default (object, "topic", NULL));
  if (session->topic != NULL && *session->topic == '\0')
    g_clear_pointer (&session->topic, g_free);
  my_place = json_object_get_member (object, "my_place");
  if (my_place != NULL && JSON_NODE_HOLDS_VALUE (my_place) &&
      json_node_get_value_type (my_place) == G_TYPE_STRING)
    session->my_place = g_strdup (json_node_get_string (my_place));
  session->my_position = (int) CLAMP (json_object_get_int_member_with_default (object, "my_position", 0), 0, G_MAXINT);
  session->start = lh_parse_time (object, "start", tz, error);
  if (session->start == NULL)
    return NULL;
  session->end = lh_parse_time (object, "end", tz, error);
  if (session->end == NULL)
    return NULL;
  return g_steal_pointer (&session);
}

LhGroupPlace *
lh_group_place_from_json (JsonObject  *object,
                          GTimeZone   *tz,
                          GError     **error)
{
  g_autoptr(LhGroupPlace) place = g_new0 (LhGroupPlace, 1);
  const char *status = json_object_get_string_member_with_default (object, "status", NULL);

  g_return_val_if_fail (object != NULL, NULL);

  if (status == NULL || (!g_str_equal (status, "booked") && !g_str_equal (status, "waiting")))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "No place status");
      return NULL;
    }
  place->group_session_id = json_object_get_int_member_with_default (object, "group_session_id", 0);
  place->waiting = g_str_equal (status, "waiting");
  place->position = (int) CLAMP (json_object_get_int_member_with_default (object, "position", 0), 0, G_MAXINT);
  if (!lh_time_off_member_from_json (object, tz, &place->time_off, error))
    return NULL;
  return g_steal_pointer (&place);
}
