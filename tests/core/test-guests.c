/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "lh-auth.h"
#include "lh-bookings.h"
#include "lh-core-test.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-groups.h"
#include "lh-guests.h"
#include "lh-people-private.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW      1795435200
#define HOUR     3600
#define TUESDAY  (NOW - 12 * HOUR + 24 * HOUR)

static gint64
add_staff (LhStore *store, const char *staff, guint roles)
{
  LhPerson person = { .staff_number = (char *) staff, .name = (char *) staff, .hours_per_week = 30, .roles = roles };
  gint64 id;

  g_assert_true (lh_people_save (store, &person, NOW, &id, NULL, NULL));
  return id;
}

static gint64
add_resource (LhStore *store, const char *name, const char *kind)
{
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Fri 09:00-17:00", NULL);
  gint64 id;

  g_assert_true (lh_resources_add (store, name, kind, kind[0] == 'r' ? 10 : 1, &id, NULL));
  g_assert_true (lh_resources_set_hours (store, id, (LhOpeningPeriod *) hours->data, hours->len, NULL));
  return id;
}

static void
set_pin (LhStore *store, gint64 id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lh_people_set_pin (store, id, "4321", NOW, &error));
  g_assert_no_error (error);
}

/* The keypad's length for a staff number: the roster's, when every
 * number of those who can sign in has that many digits; guests aside. */
static void
test_staff_number_digits (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = NULL;
  g_autoptr(LhPerson) guest = NULL;
  gint64 sponsor;

  g_assert_cmpint (lh_people_staff_number_digits (ts->store, &error), ==, 0);
  sponsor = add_staff (ts->store, "100001", LH_ROLE_LEARNER);
  set_pin (ts->store, sponsor);
  set_pin (ts->store, add_staff (ts->store, "100002", LH_ROLE_LEARNER));
  g_assert_cmpint (lh_people_staff_number_digits (ts->store, &error), ==, 6);
  /* A guest's number (G and six digits) is not the roster's. */
  guest = lh_guests_register (ts->store, sponsor, "Samira", NOW, &pin, &error);
  g_assert_nonnull (guest);
  g_assert_cmpint (lh_people_staff_number_digits (ts->store, &error), ==, 6);
  /* Nobody without a PIN signs in: their number does not count. */
  add_staff (ts->store, "12", LH_ROLE_LEARNER);
  g_assert_cmpint (lh_people_staff_number_digits (ts->store, &error), ==, 6);
  /* A letter in a number of the same length: not all digits. */
  set_pin (ts->store, add_staff (ts->store, "10000A", LH_ROLE_LEARNER));
  g_assert_cmpint (lh_people_staff_number_digits (ts->store, &error), ==, 0);
  g_assert_no_error (error);
}

/* Another length among those who sign in: not fixed, whichever is the
 * longer; and the answer reads partial indexes, not the whole roster. */
static void
test_staff_number_lengths_differ (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;

  set_pin (ts->store, add_staff (ts->store, "1000001", LH_ROLE_LEARNER));
  g_assert_cmpint (lh_people_staff_number_digits (ts->store, &error), ==, 7);
  set_pin (ts->store, add_staff (ts->store, "100002", LH_ROLE_LEARNER));
  g_assert_cmpint (lh_people_staff_number_digits (ts->store, &error), ==, 0);
  g_assert_no_error (error);

  lh_test_assert_plan (ts->store, LH_PEOPLE_SIGN_IN_SHAPE_SQL, "SEARCH people USING INDEX people_sign_in_by_length");
  lh_test_assert_plan (ts->store, LH_PEOPLE_SIGN_IN_SHAPE_SQL,
                       "SEARCH people USING INDEX people_sign_in_not_digits");
}

static void
test_register_and_sign_in (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 sponsor = add_staff (ts->store, "100001", LH_ROLE_LEARNER);
  g_autofree char *pin = NULL;
  g_autofree char *device_token = NULL;
  g_autofree char *token = NULL;
  g_autoptr(LhPerson) guest = lh_guests_register (ts->store, sponsor, "  Samira Khan ", NOW, &pin, &error);
  gint64 device;

  g_assert_no_error (error);
  g_assert_cmpstr (guest->name, ==, "Samira Khan");
  g_assert_cmpint (guest->sponsor_id, ==, sponsor);
  g_assert_true (g_regex_match_simple ("^G[0-9]{6}$", guest->staff_number, 0, 0));
  g_assert_cmpuint (strlen (pin), ==, 6);

  device_token = lh_devices_add (ts->store, "Kiosk", NOW, &device, &error);
  token = lh_auth_sign_in (ts->store, device, guest->staff_number, pin, 30, NOW, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
}

static void
test_limits_and_sponsors (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 sponsor = add_staff (ts->store, "100001", LH_ROLE_LEARNER);
  gint64 admin_only = add_staff (ts->store, "100002", LH_ROLE_ADMIN);
  gint64 first_guest = 0;
  g_autoptr(LhPerson) fifth = NULL;
  g_autoptr(LhPerson) by_guest = NULL;
  g_autoptr(LhPerson) by_admin = NULL;
  g_autofree char *pin = NULL;

  for (int i = 0; i < LH_GUESTS_PER_SPONSOR; i++)
    {
      g_autofree char *name = g_strdup_printf ("Guest %d", i);
      g_autofree char *guest_pin = NULL;
      g_autoptr(LhPerson) guest = lh_guests_register (ts->store, sponsor, name, NOW, &guest_pin, &error);

      g_assert_no_error (error);
      if (first_guest == 0)
        first_guest = guest->id;
    }
  fifth = lh_guests_register (ts->store, sponsor, "One too many", NOW, &pin, &error);
  g_assert_null (fifth);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  /* Why, and the limit to say it with: the kiosk keeps no copy of it. */
  g_assert_cmpstr (lh_error_get_reason (error), ==, "guest-limit");
  {
    guint n_numbers;
    const LhErrorNumber *numbers = lh_error_get_numbers (error, &n_numbers);

    g_assert_cmpuint (n_numbers, ==, 1);
    g_assert_cmpstr (numbers[0].name, ==, "limit_guests");
    g_assert_cmpint (numbers[0].value, ==, LH_GUESTS_PER_SPONSOR);
  }
  g_clear_error (&error);

  by_guest = lh_guests_register (ts->store, first_guest, "A friend of a friend", NOW, &pin, &error);
  g_assert_null (by_guest);
  g_assert_error (error, LH_ERROR, LH_ERROR_FORBIDDEN);
  g_assert_cmpstr (lh_error_get_reason (error), ==, "staff-only");
  g_clear_error (&error);
  by_admin = lh_guests_register (ts->store, admin_only, "Someone", NOW, &pin, &error);
  g_assert_null (by_admin);
  g_assert_error (error, LH_ERROR, LH_ERROR_FORBIDDEN);
}

/* Guests use the PCs; rooms and group sessions are for staff. */
static void
test_guests_use_pcs_only (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(LhCentre) centre = lh_centre_new_default ();
  g_autoptr(GError) error = NULL;
  gint64 sponsor = add_staff (ts->store, "100001", LH_ROLE_LEARNER);
  gint64 ulr = add_staff (ts->store, "100003", LH_ROLE_LEARNER | LH_ROLE_ULR);
  gint64 pc = add_resource (ts->store, "PC 1", "pc");
  gint64 room = add_resource (ts->store, "Group room", "room");
  g_autofree char *pin = NULL;
  g_autoptr(LhPerson) guest = lh_guests_register (ts->store, sponsor, "Samira", NOW, &pin, &error);
  g_autoptr(LhBooking) on_pc = NULL;
  g_autoptr(LhBooking) in_room = NULL;
  g_autoptr(LhGroupSession) group = NULL;

  on_pc = lh_bookings_create (ts->store, centre, guest->id, pc, TUESDAY + 10 * HOUR, TUESDAY + 11 * HOUR, NOW, &error);
  g_assert_no_error (error);
  in_room = lh_bookings_create (ts->store, centre, guest->id, room, TUESDAY + 10 * HOUR, TUESDAY + 11 * HOUR, NOW, &error);
  g_assert_null (in_room);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);

  group = lh_groups_create (ts->store, centre, ulr, room, "English", "", TUESDAY + 13 * HOUR,
                            TUESDAY + 14 * HOUR, 5, 1, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lh_groups_join (ts->store, group->id, guest->id, NOW, NULL, &error), ==, LH_PLACE_NONE);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lh/guests/register-and-sign-in", test_register_and_sign_in);
  g_test_add_func ("/lh/guests/limits-and-sponsors", test_limits_and_sponsors);
  g_test_add_func ("/lh/guests/use-pcs-only", test_guests_use_pcs_only);
  g_test_add_func ("/lh/people/staff-number-digits", test_staff_number_digits);
  g_test_add_func ("/lh/people/staff-number-lengths-differ", test_staff_number_lengths_differ);
  return g_test_run ();
}
