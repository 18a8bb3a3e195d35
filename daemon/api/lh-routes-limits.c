/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a person may do, and the limits and rules they meet, as the kiosk
 * needs them to show the right pages and put things in words: given at
 * sign-in, so that the kiosk holds no copy of a rule (issue 15). Every
 * figure is read from the rules in force now, or from the daemon's own
 * constants; nothing here decides anything. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"
#include "lh-advice.h"

#include "lh-api-json.h"
#include "lh-bookings.h"
#include "lh-guests.h"
#include "lh-people.h"
#include "lh-rules.h"
#include "lh-usage.h"

static void
add_may (JsonBuilder *builder, const char *what, gboolean may)
{
  json_builder_set_member_name (builder, what);
  json_builder_add_boolean_value (builder, may);
}

static void
add_number (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
lh_routes_add_idle (JsonBuilder *builder, const LhCentre *centre)
{
  add_number (builder, "idle_seconds", centre->idle_seconds);
  add_number (builder, "idle_long_page_seconds", centre->idle_long_page_seconds);
  add_number (builder, "idle_warning_seconds", centre->idle_warning_seconds);
}

gboolean
lh_routes_add_limits (JsonBuilder *builder, LhRequest *request, const LhPerson *person, GError **error)
{
  gboolean guest = person->sponsor_id != 0;
  gboolean staff = !guest && (person->roles & LH_ROLE_LEARNER) != 0;
  int guests = 0;
  LhRules rules;

  if (!lh_rules_at (request->store, request->centre, request->now, &rules, error))
    return FALSE;
  if (staff && (guests = lh_guests_count (request->store, person->id, error)) < 0)
    return FALSE;

  json_builder_set_member_name (builder, "may");
  json_builder_begin_object (builder);
  add_may (builder, "book_computers", staff || guest);
  /* Group sessions, assessments and paid time are for staff; rooms for
   * learning reps and admins (lh-bookings.c refuses anyone else). */
  add_may (builder, "book_rooms", lh_bookings_may_book_rooms (person));
  add_may (builder, "join_groups", staff);
  add_may (builder, "book_assessments", staff);
  add_may (builder, "paid_time", staff);
  add_may (builder, "ask_for_advice", staff);
  add_may (builder, "register_guests", staff && guests < LH_GUESTS_PER_SPONSOR);
  add_may (builder, "run_dropins", (person->roles & LH_ROLE_ULR) != 0);
  add_may (builder, "committee", (person->roles & LH_ROLE_COMMITTEE) != 0);
  add_may (builder, "admin", (person->roles & LH_ROLE_ADMIN) != 0);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "limits");
  json_builder_begin_object (builder);
  /* Start times are offered on this grid: a booking is never shorter. */
  add_number (builder, "slot_minutes", rules.min_booking_minutes);
  add_number (builder, "min_booking_minutes", rules.min_booking_minutes);
  add_number (builder, "max_booking_minutes", rules.max_booking_minutes);
  add_number (builder, "horizon_days", rules.horizon_days);
  add_number (builder, "max_minutes_per_day", rules.max_minutes_per_day);
  add_number (builder, "max_minutes_per_week", rules.max_minutes_per_week);
  add_number (builder, "check_in_early_minutes", LH_USAGE_EARLY_SECONDS / 60);
  /* The note to a ULR: the kiosk counts down to it and says by how much
   * a note is over, so that Next is never a refusal to come. */
  add_number (builder, "advice_note_max_chars", LH_ADVICE_NOTE_MAX_CHARS);
  json_builder_set_member_name (builder, "guests_left");
  if (staff)
    json_builder_add_int_value (builder, MAX (LH_GUESTS_PER_SPONSOR - guests, 0));
  else
    json_builder_add_null_value (builder);
  /* The kiosk's idle warning follows the centre's configuration. */
  lh_routes_add_idle (builder, request->centre);
  json_builder_end_object (builder);
  return TRUE;
}

/* GET /api/v1/sign-in-shape: before anyone signs in, how long a staff
 * number and a PIN are when the centre's are all one length, so that the
 * keypad moves on by itself after the last digit. Lengths of the roster
 * as a whole and the centre's setting: nothing about any one person. */
void
lh_route_sign_in_shape (LhRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  int staff_digits = lh_people_staff_number_digits (request->store, &error);

  if (staff_digits < 0)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "staff_number_digits");
  if (staff_digits > 0)
    json_builder_add_int_value (builder, staff_digits);
  else
    json_builder_add_null_value (builder);
  /* A guest's number: G and six digits (lh_staff_number_is_guests()). */
  add_number (builder, "guest_number_length", 7);
  json_builder_set_member_name (builder, "pin_digits");
  if (request->centre->pin_digits > 0)
    json_builder_add_int_value (builder, request->centre->pin_digits);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}
