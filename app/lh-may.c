/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-may"

#include "lh-may.h"

static gboolean
read_bool (JsonObject *object,
           const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/* A missing or null number reads as `absent`. */
static int
read_count (JsonObject *object,
            const char *member,
            int         absent)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return absent;
  value = json_node_get_int (node);
  return value >= 0 && value <= G_MAXINT ? (int) value : absent;
}

/* Reads sign-in's `may` and `limits` into @person. Anything missing means
 * "may not" (the daemon would refuse anyway) or no known limit. */
void
lh_person_read_may_limits (LhPerson   *person,
                           JsonObject *session)
{
  JsonNode *may_node, *limits_node;
  JsonObject *may = NULL, *limits = NULL;

  g_return_if_fail (person != NULL);
  g_return_if_fail (session != NULL);

  may_node = json_object_get_member (session, "may");
  limits_node = json_object_get_member (session, "limits");
  if (may_node != NULL && JSON_NODE_HOLDS_OBJECT (may_node))
    may = json_node_get_object (may_node);
  if (limits_node != NULL && JSON_NODE_HOLDS_OBJECT (limits_node))
    limits = json_node_get_object (limits_node);

  person->may.book_computers = read_bool (may, "book_computers");
  person->may.book_rooms = read_bool (may, "book_rooms");
  person->may.join_groups = read_bool (may, "join_groups");
  person->may.book_assessments = read_bool (may, "book_assessments");
  person->may.paid_time = read_bool (may, "paid_time");
  person->may.ask_for_advice = read_bool (may, "ask_for_advice");
  person->may.register_guests = read_bool (may, "register_guests");
  person->may.run_dropins = read_bool (may, "run_dropins");
  person->may.committee = read_bool (may, "committee");
  person->may.admin = read_bool (may, "admin");

  person->limits.slot_minutes = read_count (limits, "slot_minutes", 0);
  person->limits.min_booking_minutes = read_count (limits, "min_booking_minutes", 0);
  person->limits.max_booking_minutes = read_count (limits, "max_booking_minutes", 0);
  person->limits.horizon_days = read_count (limits, "horizon_days", 0);
  person->limits.max_minutes_per_day = read_count (limits, "max_minutes_per_day", 0);
  person->limits.max_minutes_per_week = read_count (limits, "max_minutes_per_week", 0);
  person->limits.check_in_early_minutes = read_count (limits, "check_in_early_minutes", 0);
  person->limits.advice_note_max_chars = read_count (limits, "advice_note_max_chars", 0);
  person->limits.guests_left = read_count (limits, "guests_left", -1);
}

/* Returns: whether @person (NULL: nobody signed in) may go @way. */
gboolean
lh_may (const LhPerson *person,
        LhWay           way)
{
  if (person == NULL)
    return FALSE;

  switch (way)
    {
    case LH_WAY_BOOK_COMPUTERS:
      return person->may.book_computers;
    case LH_WAY_BOOK_ROOMS:
      return person->may.book_rooms;
    case LH_WAY_GROUPS:
      return person->may.join_groups;
    case LH_WAY_ADVICE:
      return person->may.ask_for_advice;
    case LH_WAY_GUESTS:
      return person->may.register_guests;
    case LH_WAY_ASSESSMENTS:
      return person->may.book_assessments;
    case LH_WAY_TIMETABLE:
      /* Those who run drop-ins, and admins, set up groups and slots. */
      return person->may.run_dropins || person->may.admin;
    case LH_WAY_PAID_TIME:
      return person->may.paid_time;
    case LH_WAY_ABOUT_YOU:
      /* Equality answers are about the workforce: the daemon says who is
       * staff by `guest`, not by the number's shape. */
      return !person->guest;
    case LH_WAY_DESK:
      return person->may.run_dropins;
    case LH_WAY_COMMITTEE:
      return person->may.committee;
    case LH_WAY_ADMIN:
      return person->may.admin;
    default:
      g_return_val_if_reached (FALSE);
    }
}
