/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Two taps to the soonest hour (issue 15): from home, "Book – work time"
 * or "Book – my own time" beside the soonest free hour books it at once;
 * the confirmation follows and the daemon has the booking. Work time is
 * offered only to those the daemon says may ask for it. */
#define G_LOG_DOMAIN "test-soonest"

#include <adwaita.h>

#include "kiosk-helpers.h"
#include "lh-client-time-off.h"
#include "lh-test-daemon.h"

static LhTestDaemon *centre;  /* (owned) */

static GPtrArray *
my_bookings (Kiosk *kiosk)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *bookings;

  lh_client_list_my_bookings_async (kiosk->client, NULL, kiosk_async_result_cb, &result);
  kiosk_wait_for (kiosk->window, kiosk_result_ready, &result, "GET /me/bookings");
  bookings = lh_client_list_my_bookings_finish (kiosk->client, result, &error);
  g_assert_no_error (error);
  return bookings;
}

/* The bookings made since before (both element-type LhBooking). */
static const LhBooking *
the_new_one (GPtrArray *before,
             GPtrArray *after)
{
  const LhBooking *found = NULL;

  for (guint i = 0; i < after->len; i++)
    {
      const LhBooking *booking = g_ptr_array_index (after, i);
      gboolean old = FALSE;

      for (guint j = 0; j < before->len; j++)
        old |= ((const LhBooking *) g_ptr_array_index (before, j))->id == booking->id;
      if (!old)
        {
          g_assert_null (found);
          found = booking;
        }
    }
  g_assert_nonnull (found);
  return found;
}

static void
book_from_home (guint        learner,
                const char  *button,
                gboolean     paid)
{
  Kiosk kiosk;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  const LhBooking *booking;
  guint taps = 0;

  kiosk_open_learner (&kiosk, centre, learner);
  kiosk_wait_for_label (kiosk.window, "The soonest free computer");
  before = my_bookings (&kiosk);
  if (paid)
    kiosk_screenshot (kiosk.window, "soonest-home");
  kiosk_press (kiosk.window, button);
  taps++;
  kiosk_wait_for_label (kiosk.window, "It is booked");
  g_assert_cmpstr (lh_window_get_visible_page_name (kiosk.window), ==, "book");
  /* One tap on home, where there were a tile, a slot, a choice and Book. */
  g_assert_cmpuint (taps, ==, 1);

  after = my_bookings (&kiosk);
  booking = the_new_one (before, after);
  g_assert_cmpstr (booking->resource_kind, ==, "pc");
  g_assert_nonnull (booking->time_off);
  g_assert_cmpint (booking->time_off->paid, ==, paid);
  kiosk_screenshot (kiosk.window, paid ? "soonest-booked-work-time" : "soonest-booked-own-time");

  /* Home again: the card offers the next free hour, not the booked one. */
  kiosk_press (kiosk.window, "Home");
  kiosk_wait_for_page (kiosk.window, "home");
  kiosk_close (&kiosk);
}

static void
test_work_time (void)
{
  book_from_home (5, "Book – work time", TRUE);
}

static void
test_own_time (void)
{
  book_from_home (6, "Book – my own time", FALSE);
}

/* A guest may not ask for paid time: the daemon's `may` says so, and
 * work time is not offered. */
static void
test_guest_no_work_time (void)
{
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (centre->demo), "accounts");
  const char *staff = NULL, *pin = NULL, *name = NULL;
  Kiosk kiosk;

  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);

      if (json_object_get_boolean_member_with_default (account, "guest", FALSE))
        {
          staff = json_object_get_string_member (account, "staff_number");
          pin = json_object_get_string_member (account, "pin");
          name = json_object_get_string_member (account, "name");
          break;
        }
    }
  g_assert_nonnull (staff);
  kiosk_open_signed_in (&kiosk, centre, staff, pin, name);
  kiosk_wait_for (kiosk.window, kiosk_button_ready, "Book – my own time", "own time offered");
  g_assert_null (kiosk_find_button (kiosk.window, "Book – work time"));
  kiosk_screenshot (kiosk.window, "soonest-home-guest");
  kiosk_close (&kiosk);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);
  centre = lh_test_daemon_start (NULL);

  g_test_add_func ("/kiosk/soonest/work-time", test_work_time);
  g_test_add_func ("/kiosk/soonest/own-time", test_own_time);
  g_test_add_func ("/kiosk/soonest/guest", test_guest_no_work_time);

  status = g_test_run ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
