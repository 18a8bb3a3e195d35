/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What sign-in tells the kiosk (issue 15): what the person may do and the
 * limits of the rules in force, so that the kiosk keeps no copy of them.
 * Each figure is checked against where the daemon keeps it. */
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"

static LhTestDaemon *daemon_;
static SoupSession *session_;

static LhApiReply *
sign_in (const char *staff, const char *pin)
{
  g_autofree char *body = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff, pin);
  LhApiReply *reply = lh_api_call (session_, daemon_->base_url, "POST", "/api/v1/sessions", daemon_->device_token,
                                   body);

  g_assert_cmpuint (reply->status, ==, 201);
  return reply;
}

static LhApiReply *
sign_in_as (const char *role)
{
  const char *staff, *pin;

  g_assert_true (lh_test_daemon_account (daemon_, role, &staff, &pin));
  return sign_in (staff, pin);
}

static JsonObject *
member (LhApiReply *reply, const char *name)
{
  return json_object_get_object_member (json_node_get_object (reply->json), name);
}

static gboolean
may (LhApiReply *reply, const char *what)
{
  return json_object_get_boolean_member (member (reply, "may"), what);
}

/* Before sign-in, a kiosk learns the keypad's lengths; the demo's PINs
 * are not all one length (guests' have six). */
static void
test_sign_in_shape (void)
{
  g_autoptr(LhApiReply) shape = lh_api_call (session_, daemon_->base_url, "GET", "/api/v1/sign-in-shape",
                                             daemon_->device_token, NULL);
  g_autoptr(LhApiReply) nobody = lh_api_call (session_, daemon_->base_url, "GET", "/api/v1/sign-in-shape",
                                              NULL, NULL);
  JsonObject *object;

  g_assert_cmpuint (shape->status, ==, 200);
  object = json_node_get_object (shape->json);
  /* Earlier tests add people of their own: the roster's length may no
   * longer be one (tests/core/test-guests.c checks which; the kiosk test
   * the demo's six digits). */
  g_assert_true (json_object_has_member (object, "staff_number_digits"));
  g_assert_true (json_object_get_null_member (object, "staff_number_digits") ||
                 json_object_get_int_member (object, "staff_number_digits") > 0);
  g_assert_cmpint (json_object_get_int_member (object, "guest_number_length"), ==, 7);
  g_assert_true (json_object_get_null_member (object, "pin_digits"));
  /* Only a kiosk asks: it is the roster's shape. */
  g_assert_cmpuint (nobody->status, ==, 401);
}

static void
test_learner (void)
{
  g_autoptr(LhApiReply) learner = sign_in_as ("learner");
  g_autoptr(LhApiReply) rules = lh_api_call (session_, daemon_->base_url, "GET", "/api/v1/rules",
                                             daemon_->device_token, NULL);
  JsonObject *in_force = member (rules, "in_force");
  JsonObject *limits = member (learner, "limits");

  g_assert_true (may (learner, "book_computers"));
  /* Rooms are for learning reps and admins (reason rooms-for-reps). */
  g_assert_false (may (learner, "book_rooms"));
  g_assert_true (may (learner, "paid_time"));
  g_assert_false (may (learner, "committee"));
  g_assert_false (may (learner, "admin"));
  /* The rules in force, as GET /api/v1/rules has them. */
  g_assert_cmpint (json_object_get_int_member (limits, "slot_minutes"), ==,
                   json_object_get_int_member (in_force, "min_booking_minutes"));
  g_assert_cmpint (json_object_get_int_member (limits, "max_booking_minutes"), ==,
                   json_object_get_int_member (in_force, "max_booking_minutes"));
  g_assert_cmpint (json_object_get_int_member (limits, "horizon_days"), ==,
                   json_object_get_int_member (in_force, "horizon_days"));
  /* Check-in opens five minutes before a booking (the API document). */
  g_assert_cmpint (json_object_get_int_member (limits, "check_in_early_minutes"), ==, 5);
  /* A note to a ULR, at most 2,000 characters (the API document). */
  g_assert_cmpint (json_object_get_int_member (limits, "advice_note_max_chars"), ==, 2000);
  /* The centre's idle timing, the warning 20 seconds at least. */
  g_assert_cmpint (json_object_get_int_member (limits, "idle_warning_seconds"), >=, 20);
}

/* A guest registered by a member of staff: one guest fewer left for the
 * sponsor, and the guest may book computers only. */
static void
test_guest (void)
{
  const char *staff, *pin;
  g_autoptr(LhApiReply) before = NULL, registered = NULL, after = NULL, guest = NULL;
  gint64 left;

  g_assert_true (lh_test_daemon_account (daemon_, "learner", &staff, &pin));
  before = sign_in (staff, pin);
  left = json_object_get_int_member (member (before, "limits"), "guests_left");
  g_assert_cmpint (left, >, 0);
  registered = lh_api_call (session_, daemon_->base_url, "POST", "/api/v1/guests",
                            lh_api_reply_string (before, "token"), "{\"name\":\"Ola Nowak\"}");
  g_assert_cmpuint (registered->status, ==, 201);
  after = sign_in (staff, pin);
  g_assert_cmpint (json_object_get_int_member (member (after, "limits"), "guests_left"), ==, left - 1);
  g_assert_cmpint (may (after, "register_guests"), ==, left - 1 > 0);

  guest = sign_in (lh_api_reply_string (registered, "staff_number"), lh_api_reply_string (registered, "pin"));
  g_assert_true (may (guest, "book_computers"));
  g_assert_false (may (guest, "book_rooms"));
  g_assert_false (may (guest, "join_groups"));
  g_assert_false (may (guest, "paid_time"));
  g_assert_false (may (guest, "register_guests"));
  g_assert_true (json_object_get_null_member (member (guest, "limits"), "guests_left"));
}

static void
test_roles (void)
{
  g_autoptr(LhApiReply) committee = sign_in_as ("learner,committee");
  g_autoptr(LhApiReply) ulr = sign_in_as ("learner,ulr");
  g_autoptr(LhApiReply) admin = sign_in_as ("admin");

  g_assert_true (may (committee, "committee"));
  g_assert_true (may (ulr, "run_dropins"));
  g_assert_false (may (ulr, "committee"));
  g_assert_true (may (admin, "admin"));
}

void
lh_api_limits_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/sign-in/limits/learner", test_learner);
  g_test_add_func ("/api/sign-in/limits/guest", test_guest);
  g_test_add_func ("/api/sign-in/limits/roles", test_roles);
  g_test_add_func ("/api/sign-in/shape", test_sign_in_shape);
}
