/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sitting at a PC: check-in, walk-up, extending, every way a sitting ends,
 * and the release of bookings nobody came for. */
#include <string.h>

#include "lh-auth.h"
#include "lh-bookings.h"
#include "lh-core-test.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-housekeeping.h"
#include "lh-people.h"
#include "lh-rules.h"
#include "lh-usage.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW    1795435200
#define MINUTE 60
#define HOUR   3600

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       amira, ben;
  gint64       pc1, pc2;
  gint64       kiosk1, kiosk2, desk;
} Fixture;

static gint64
add_person (LhStore *store, const char *staff, const char *name)
{
  LhPerson person = { .staff_number = (char *) staff, .name = (char *) name,
                      .hours_per_week = 37.5, .roles = LH_ROLE_LEARNER };
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (lh_people_save (store, &person, NOW - 30 * 24 * HOUR, &id, NULL, &error));
  g_assert_true (lh_people_set_pin (store, id, "2468", NOW - 30 * 24 * HOUR, &error));
  g_assert_no_error (error);
  return id;
}

static gint64
add_pc (LhStore *store, const char *name, const char *kiosk, gint64 *out_kiosk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Fri 08:00-20:00", &error);
  g_autofree char *token = NULL;
  gint64 id;

  g_assert_true (lh_resources_add (store, name, "pc", 1, &id, &error));
  g_assert_true (lh_resources_set_hours (store, id, (LhOpeningPeriod *) hours->data, hours->len, &error));
  token = lh_devices_add (store, kiosk, NOW - 30 * 24 * HOUR, out_kiosk, &error);
  g_assert_nonnull (token);
  g_assert_true (lh_devices_set_pc (store, kiosk, id, &error));
  g_assert_no_error (error);
  return id;
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->amira = add_person (f->ts->store, "1", "Amira");
  f->ben = add_person (f->ts->store, "2", "Ben");
  f->pc1 = add_pc (f->ts->store, "PC 1", "Kiosk of PC 1", &f->kiosk1);
  f->pc2 = add_pc (f->ts->store, "PC 2", "Kiosk of PC 2", &f->kiosk2);
  token = lh_devices_add (f->ts->store, "Front desk", NOW - 30 * 24 * HOUR, &f->desk, &error);
  g_assert_no_error (error);
  /* Both PCs' kiosks are on. */
  g_assert_true (lh_devices_heartbeat (f->ts->store, f->kiosk1, NOW, &error));
  g_assert_true (lh_devices_heartbeat (f->ts->store, f->kiosk2, NOW, &error));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

static LhBooking *
book (Fixture *f, gint64 person, gint64 pc, gint64 start, gint64 end)
{
  g_autoptr(GError) error = NULL;
  LhBooking *booking = lh_bookings_create (f->ts->store, f->centre, person, pc, start, end, start - HOUR, &error);

  g_assert_no_error (error);
  return booking;
}

/* Signs the person in on the device at `now` and sits them down. */
static LhUsage *
sit (Fixture *f, const char *staff, gint64 device, gint64 now, LhSessionInfo *out_session,
     GPtrArray *ended, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *token = NULL;
  LhSessionInfo session;

  token = lh_auth_sign_in (f->ts->store, device, staff, "2468", 30, now, &session, NULL, &local_error);
  g_assert_no_error (local_error);
  if (out_session != NULL)
    *out_session = session;
  return lh_usage_begin (f->ts->store, f->centre, &session, now, ended, error);
}

static gint64
query_int (Fixture *f, const char *sql, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) stmt = lh_store_prepare (f->ts->store, sql, &error);
  gboolean has_row;

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_true (lh_store_step (f->ts->store, stmt, &has_row, &error));
  g_assert_true (has_row);
  return sqlite3_column_int64 (stmt, 0);
}

static void
heartbeat (Fixture *f, gint64 device, gint64 at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lh_devices_heartbeat (f->ts->store, device, at, &error));
  g_assert_no_error (error);
}

static void
housekeep (Fixture *f, gint64 now, LhHousekeeping *result)
{
  g_autoptr(GError) error = NULL;

  lh_housekeeping_init (result);
  g_assert_true (lh_housekeeping_run (f->ts->store, f->centre, now, result, &error));
  g_assert_no_error (error);
}

static void
test_checks_in_own_booking (Fixture *f, gconstpointer data)
{
  g_autoptr(LhBooking) booking = book (f, f->amira, f->pc1, NOW, NOW + HOUR);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = NULL;
  LhSessionInfo session;

  usage = sit (f, "1", f->kiosk1, NOW + 5 * MINUTE, &session, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (usage);
  g_assert_cmpint (usage->booking_id, ==, booking->id);
  g_assert_false (usage->walk_up);
  g_assert_cmpint (usage->started_at, ==, NOW + 5 * MINUTE);
  g_assert_cmpint (usage->ends_at, ==, NOW + HOUR);
  g_assert_cmpstr (usage->resource_name, ==, "PC 1");
  g_assert_cmpint (query_int (f, "SELECT checked_in_at FROM bookings WHERE id = ?1", booking->id), ==,
                   NOW + 5 * MINUTE);
  /* Signed in as long as the booking lasts, not just the usual 30 minutes. */
  g_assert_cmpint (query_int (f, "SELECT expires_at FROM sessions WHERE id = ?1", session.session_id), ==,
                   NOW + HOUR);
}

static void
test_early_check_in (Fixture *f, gconstpointer data)
{
  g_autoptr(LhBooking) booking = book (f, f->amira, f->pc1, NOW + 4 * MINUTE, NOW + HOUR);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = sit (f, "1", f->kiosk1, NOW, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (usage->booking_id, ==, booking->id);
}

static void
test_refused_when_booked_by_another (Fixture *f, gconstpointer data)
{
  g_autoptr(LhBooking) booking = book (f, f->amira, f->pc1, NOW, NOW + HOUR);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = NULL;

  heartbeat (f, f->kiosk2, NOW + 4 * MINUTE);
  usage = sit (f, "2", f->kiosk1, NOW + 5 * MINUTE, NULL, NULL, &error);

  g_assert_null (usage);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  /* When it is free, and which PC is free now; never whose booking. */
  g_assert_nonnull (strstr (error->message, "PC 1 is booked until 13:00"));
  g_assert_cmpstr (lh_error_get_reason (error), ==, "pc-booked-now");
  g_assert_nonnull (strstr (error->message, "PC 2 is free now"));
  g_assert_null (strstr (error->message, "Amira"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM usage_sessions WHERE id > ?1", 0), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM bookings WHERE person_id = ?1", f->ben), ==, 0);
}

static void
test_walk_up_until_next_booking (Fixture *f, gconstpointer data)
{
  g_autoptr(LhBooking) later = book (f, f->amira, f->pc2, NOW + 2 * HOUR, NOW + 3 * HOUR);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = NULL;
  g_autoptr(LhUsage) ended = NULL;
  g_autoptr(LhBooking) clash = NULL;
  g_autoptr(LhBooking) after = NULL;
  LhSessionInfo session;

  usage = sit (f, "2", f->kiosk2, NOW + 5 * MINUTE, &session, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (usage->walk_up);
  g_assert_cmpint (usage->ends_at, ==, NOW + 2 * HOUR);
  /* Held while in use: nobody can book it for now. */
  clash = lh_bookings_create (f->ts->store, f->centre, f->amira, f->pc2, NOW + 30 * MINUTE,
                              NOW + HOUR, NOW + 10 * MINUTE, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Signing out frees the rest of a walk-up at once. */
  ended = lh_usage_end_session (f->ts->store, session.session_id, LH_USAGE_END_SIGN_OUT, NOW + 35 * MINUTE,
                                &error);
  g_assert_no_error (error);
  g_assert_cmpint (ended->ended_at, ==, NOW + 35 * MINUTE);
  g_assert_cmpstr (ended->end_reason, ==, "sign-out");
  g_assert_cmpint (query_int (f, "SELECT end_at FROM bookings WHERE id = ?1", usage->booking_id), ==,
                   NOW + 35 * MINUTE);
  after = lh_bookings_create (f->ts->store, f->centre, f->amira, f->pc2, NOW + 40 * MINUTE,
                              NOW + 70 * MINUTE, NOW + 36 * MINUTE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (after);
}

static void
test_walk_up_refused_when_reserved_soon (Fixture *f, gconstpointer data)
{
  g_autoptr(LhBooking) soon = book (f, f->amira, f->pc2, NOW + 3 * MINUTE, NOW + HOUR);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = sit (f, "2", f->kiosk2, NOW, NULL, NULL, &error);

  g_assert_null (usage);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "PC 2 is reserved from 12:03"));
  g_assert_cmpstr (lh_error_get_reason (error), ==, "pc-reserved-soon");
  g_assert_nonnull (strstr (error->message, "PC 1 is free now"));
}

static void
test_walk_up_within_limits (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = NULL;
  LhRules rules;

  /* Up to the longest booking, 2 hours by default… */
  usage = sit (f, "2", f->kiosk2, NOW, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (usage->ends_at, ==, NOW + 2 * HOUR);
  g_clear_pointer (&usage, lh_usage_free);

  /* …and no more than the minutes left for the day. */
  g_assert_true (lh_rules_at (f->ts->store, f->centre, NOW, &rules, &error));
  rules.valid_from = NOW;
  rules.max_minutes_per_day = 45;
  g_assert_true (lh_rules_add_version (f->ts->store, &rules, "test", NOW, &error));
  g_assert_no_error (error);
  usage = sit (f, "1", f->kiosk1, NOW + MINUTE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (usage->ends_at, ==, NOW + 46 * MINUTE);
}

static void
test_walk_up_refused_when_closed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = sit (f, "2", f->kiosk2, NOW + 9 * HOUR, NULL, NULL, &error);

  g_assert_null (usage);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "PC 2 is closed now");
  g_assert_cmpstr (lh_error_get_reason (error), ==, "pc-closed");
}

static void
test_booked_elsewhere (Fixture *f, gconstpointer data)
{
  g_autoptr(LhBooking) booking = book (f, f->amira, f->pc1, NOW, NOW + HOUR);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = sit (f, "1", f->kiosk2, NOW + MINUTE, NULL, NULL, &error);

  g_assert_null (usage);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "You have PC 1 booked from 12:00: please sign in there");
  g_assert_cmpstr (lh_error_get_reason (error), ==, "booked-elsewhere");
}

static void
test_desk_has_no_sitting (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = sit (f, "1", f->desk, NOW, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_null (usage);
}

static void
test_moved_and_replaced (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ended = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_usage_free);
  g_autoptr(LhUsage) first = NULL;
  g_autoptr(LhUsage) second = NULL;
  g_autoptr(LhUsage) third = NULL;
  LhSessionInfo session1;
  const LhUsage *gone;

  first = sit (f, "1", f->kiosk1, NOW, &session1, ended, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ended->len, ==, 0);

  /* Amira sits down at PC 2: her sitting at PC 1 ends, and its sign-in. */
  second = sit (f, "1", f->kiosk2, NOW + 10 * MINUTE, NULL, ended, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ended->len, ==, 1);
  gone = g_ptr_array_index (ended, 0);
  g_assert_cmpint (gone->id, ==, first->id);
  g_assert_cmpstr (gone->end_reason, ==, "moved");
  g_assert_cmpint (gone->ended_at, ==, NOW + 10 * MINUTE);
  g_assert_cmpint (query_int (f, "SELECT ended_at FROM sessions WHERE id = ?1", session1.session_id), ==,
                   NOW + 10 * MINUTE);
  g_ptr_array_set_size (ended, 0);

  /* Ben signs in at PC 2's kiosk, so Amira has left it. */
  third = sit (f, "2", f->kiosk2, NOW + 20 * MINUTE, NULL, ended, &error);
  g_assert_no_error (error);
  g_assert_true (third->walk_up);
  g_assert_cmpuint (ended->len, ==, 1);
  gone = g_ptr_array_index (ended, 0);
  g_assert_cmpint (gone->id, ==, second->id);
  g_assert_cmpstr (gone->end_reason, ==, "replaced");
}

static void
test_extend (Fixture *f, gconstpointer data)
{
  g_autoptr(LhBooking) booking = book (f, f->amira, f->pc1, NOW, NOW + 30 * MINUTE);
  g_autoptr(LhBooking) next = book (f, f->ben, f->pc1, NOW + 105 * MINUTE, NOW + 2 * HOUR);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = NULL;
  LhSessionInfo session;
  gint64 until;

  usage = sit (f, "1", f->kiosk1, NOW, &session, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lh_usage_can_extend (f->ts->store, f->centre, usage, &until, &error));
  g_assert_cmpint (until, ==, NOW + HOUR);

  /* Half an hour a tap, up to Ben's booking at 13:45. */
  for (guint i = 0; i < 3; i++)
    {
      static const gint64 expected[] = { NOW + HOUR, NOW + 90 * MINUTE, NOW + 105 * MINUTE };
      g_autoptr(LhUsage) longer = lh_usage_extend (f->ts->store, f->centre, session.session_id, NOW, &error);

      g_assert_no_error (error);
      g_assert_cmpint (longer->ends_at, ==, expected[i]);
    }
  g_assert_cmpint (query_int (f, "SELECT end_at FROM bookings WHERE id = ?1", booking->id), ==,
                   NOW + 105 * MINUTE);
  g_assert_cmpint (query_int (f, "SELECT expires_at FROM sessions WHERE id = ?1", session.session_id), ==,
                   NOW + 105 * MINUTE);

  /* Ben's booking comes next: no more time. */
  g_clear_pointer (&usage, lh_usage_free);
  usage = lh_usage_extend (f->ts->store, f->centre, session.session_id, NOW, &error);
  g_assert_null (usage);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "PC 1 is booked from 13:45");
  g_assert_cmpstr (lh_error_get_reason (error), ==, "pc-booked-next");
}

static void
test_extend_stops_at_longest (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = NULL;
  LhSessionInfo session;

  usage = sit (f, "2", f->kiosk2, NOW, &session, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (usage->ends_at, ==, NOW + 2 * HOUR);
  g_clear_pointer (&usage, lh_usage_free);
  usage = lh_usage_extend (f->ts->store, f->centre, session.session_id, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "That is as long as one sitting can be");
  g_assert_cmpstr (lh_error_get_reason (error), ==, "longest-sitting");
  g_clear_error (&error);

  /* Not sitting anywhere: nothing to extend. */
  usage = lh_usage_extend (f->ts->store, f->centre, session.session_id + 100, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
}

static void
test_no_show_released_after_hold (Fixture *f, gconstpointer data)
{
  g_autoptr(LhBooking) booking = book (f, f->amira, f->pc1, NOW, NOW + HOUR);
  g_auto(LhHousekeeping) early = { 0 };
  g_auto(LhHousekeeping) due = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = NULL;
  gint64 next;

  heartbeat (f, f->kiosk1, NOW + 14 * MINUTE);
  g_assert_true (lh_housekeeping_next_due (f->ts->store, f->centre, NOW + 14 * MINUTE, &next, &error));
  g_assert_cmpint (next, ==, NOW + 15 * MINUTE);
  housekeep (f, NOW + 15 * MINUTE - 1, &early);
  g_assert_cmpuint (early.released->len, ==, 0);

  housekeep (f, NOW + 15 * MINUTE, &due);
  g_assert_cmpuint (due.released->len, ==, 1);
  g_assert_cmpint (g_array_index (due.released, LhReleased, 0).booking_id, ==, booking->id);
  g_assert_cmpint (query_int (f, "SELECT released_at FROM bookings WHERE id = ?1", booking->id), ==,
                   NOW + 15 * MINUTE);
  g_assert_cmpint (query_int (f, "SELECT status = 'cancelled' FROM bookings WHERE id = ?1", booking->id), ==, 1);

  /* The slot is free again for everyone: Ben walks up. */
  usage = sit (f, "2", f->kiosk1, NOW + 16 * MINUTE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (usage->walk_up);
}

static void
test_no_show_kept_while_kiosk_offline (Fixture *f, gconstpointer data)
{
  g_autoptr(LhBooking) booking = book (f, f->amira, f->pc1, NOW, NOW + HOUR);
  g_auto(LhHousekeeping) result = { 0 };

  /* The PC's kiosk went silent before the booking: Amira could not have
   * checked in, so she keeps it. */
  heartbeat (f, f->kiosk1, NOW - 10 * MINUTE);
  housekeep (f, NOW + 20 * MINUTE, &result);
  g_assert_cmpuint (result.released->len, ==, 0);
  g_assert_cmpint (query_int (f, "SELECT status = 'booked' FROM bookings WHERE id = ?1", booking->id), ==, 1);
}

static void
test_checked_in_not_released (Fixture *f, gconstpointer data)
{
  g_autoptr(LhBooking) booking = book (f, f->amira, f->pc1, NOW, NOW + HOUR);
  g_auto(LhHousekeeping) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = sit (f, "1", f->kiosk1, NOW + 2 * MINUTE, NULL, NULL, &error);
  g_autoptr(LhUsage) ended = NULL;

  g_assert_no_error (error);
  /* She signs out for a break; the booking stays hers. */
  ended = lh_usage_end_session (f->ts->store, usage->session_id, LH_USAGE_END_SIGN_OUT, NOW + 10 * MINUTE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT end_at FROM bookings WHERE id = ?1", booking->id), ==, NOW + HOUR);
  heartbeat (f, f->kiosk1, NOW + 29 * MINUTE);
  housekeep (f, NOW + 30 * MINUTE, &result);
  g_assert_cmpuint (result.released->len, ==, 0);
}

static void
test_hold_follows_rules (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = NULL;
  g_auto(LhHousekeeping) at_15 = { 0 };
  g_auto(LhHousekeeping) at_30 = { 0 };
  LhRules rules;

  g_assert_true (lh_rules_at (f->ts->store, f->centre, NOW - HOUR, &rules, &error));
  g_assert_cmpint (rules.hold_minutes, ==, 15);
  rules.valid_from = NOW - 2 * HOUR;
  rules.hold_minutes = 30;
  g_assert_true (lh_rules_add_version (f->ts->store, &rules, "test", NOW - 2 * HOUR, &error));
  g_assert_no_error (error);
  booking = book (f, f->amira, f->pc1, NOW, NOW + HOUR);
  heartbeat (f, f->kiosk1, NOW + 29 * MINUTE);
  housekeep (f, NOW + 15 * MINUTE, &at_15);
  g_assert_cmpuint (at_15.released->len, ==, 0);
  housekeep (f, NOW + 30 * MINUTE, &at_30);
  g_assert_cmpuint (at_30.released->len, ==, 1);
}

static void
test_heartbeat_lost_ends_sitting (Fixture *f, gconstpointer data)
{
  g_auto(LhHousekeeping) quiet = { 0 };
  g_auto(LhHousekeeping) lost = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = NULL;
  LhSessionInfo session;
  const LhUsage *gone;
  gint64 next;

  usage = sit (f, "2", f->kiosk2, NOW, &session, NULL, &error);
  g_assert_no_error (error);
  heartbeat (f, f->kiosk2, NOW + 10 * MINUTE);
  g_assert_true (lh_housekeeping_next_due (f->ts->store, f->centre, NOW + 10 * MINUTE, &next, &error));
  g_assert_cmpint (next, ==, NOW + 12 * MINUTE + 1);
  housekeep (f, NOW + 12 * MINUTE, &quiet);
  g_assert_cmpuint (quiet.ended->len, ==, 0);

  housekeep (f, NOW + 12 * MINUTE + 1, &lost);
  g_assert_cmpuint (lost.ended->len, ==, 1);
  gone = g_ptr_array_index (lost.ended, 0);
  g_assert_cmpstr (gone->end_reason, ==, "heartbeat-lost");
  /* Used until the kiosk was last heard from, to the minute. */
  g_assert_cmpint (gone->ended_at, ==, NOW + 10 * MINUTE);
  g_assert_cmpint (query_int (f, "SELECT end_at FROM bookings WHERE id = ?1", usage->booking_id), ==,
                   NOW + 10 * MINUTE);
  g_assert_cmpint (query_int (f, "SELECT ended_at FROM sessions WHERE id = ?1", session.session_id), ==,
                   NOW + 10 * MINUTE);
}

static void
test_booking_end_and_closing (Fixture *f, gconstpointer data)
{
  g_autoptr(LhBooking) booking = book (f, f->amira, f->pc1, NOW, NOW + HOUR);
  g_auto(LhHousekeeping) at_end = { 0 };
  g_auto(LhHousekeeping) at_close = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) booked = sit (f, "1", f->kiosk1, NOW, NULL, NULL, &error);
  g_autoptr(LhUsage) late = NULL;
  const LhUsage *gone;

  g_assert_no_error (error);
  heartbeat (f, f->kiosk1, NOW + HOUR - 20);
  housekeep (f, NOW + HOUR, &at_end);
  g_assert_cmpuint (at_end.ended->len, ==, 1);
  gone = g_ptr_array_index (at_end.ended, 0);
  g_assert_cmpstr (gone->end_reason, ==, "booking-end");
  g_assert_cmpint (gone->ended_at, ==, NOW + HOUR);

  /* A walk-up at 19:30 runs to closing time at 20:00. */
  late = sit (f, "2", f->kiosk2, NOW + 7 * HOUR + 30 * MINUTE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (late->ends_at, ==, NOW + 8 * HOUR);
  heartbeat (f, f->kiosk2, NOW + 8 * HOUR - 20);
  housekeep (f, NOW + 8 * HOUR + 5, &at_close);
  g_assert_cmpuint (at_close.ended->len, ==, 1);
  gone = g_ptr_array_index (at_close.ended, 0);
  g_assert_cmpstr (gone->end_reason, ==, "closing");
  g_assert_cmpint (gone->ended_at, ==, NOW + 8 * HOUR);
}

static void
test_revoked_kiosk_ends_sitting (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = sit (f, "2", f->kiosk2, NOW, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (lh_devices_revoke (f->ts->store, "Kiosk of PC 2", NOW + 20 * MINUTE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT end_reason = 'revoked' FROM usage_sessions WHERE id = ?1", usage->id), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT end_at FROM bookings WHERE id = ?1", usage->booking_id), ==,
                   NOW + 20 * MINUTE);
}

static void
test_walk_up_through_midnight (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Sun 00:00-24:00", &error);
  g_autoptr(LhUsage) usage = NULL;

  /* A centre open round the clock: at 23:30 a walk-up runs on past
   * midnight, up to the longest booking. */
  g_assert_true (lh_resources_set_hours (f->ts->store, f->pc2, (LhOpeningPeriod *) hours->data, hours->len, &error));
  g_assert_no_error (error);
  heartbeat (f, f->kiosk1, NOW + 11 * HOUR + 30 * MINUTE);
  usage = sit (f, "2", f->kiosk2, NOW + 11 * HOUR + 30 * MINUTE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (usage->ends_at, ==, NOW + 13 * HOUR + 30 * MINUTE);
}

/* Five minutes before the end, a sitting is listed for its warning, and
 * the next thing due is that moment when nothing comes sooner. */
static void
test_ending_listed_for_warnings (Fixture *f, gconstpointer data)
{
  g_autoptr(LhBooking) booking = book (f, f->amira, f->pc1, NOW, NOW + HOUR);
  g_auto(LhHousekeeping) early = { 0 };
  g_auto(LhHousekeeping) late = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = sit (f, "1", f->kiosk1, NOW, NULL, NULL, &error);
  gint64 next;

  g_assert_no_error (error);
  heartbeat (f, f->kiosk1, NOW + 54 * MINUTE);
  g_assert_true (lh_housekeeping_next_due (f->ts->store, f->centre, NOW + 54 * MINUTE, &next, &error));
  g_assert_cmpint (next, ==, NOW + 55 * MINUTE);
  housekeep (f, NOW + 54 * MINUTE, &early);
  g_assert_cmpuint (early.ending->len, ==, 0);
  housekeep (f, NOW + 55 * MINUTE, &late);
  g_assert_cmpuint (late.ending->len, ==, 1);
  g_assert_cmpint (((LhUsage *) g_ptr_array_index (late.ending, 0))->id, ==, usage->id);
  g_assert_true (lh_housekeeping_next_due (f->ts->store, f->centre, NOW + 55 * MINUTE, &next, &error));
  g_assert_cmpint (next, ==, NOW + 56 * MINUTE + 1);
}

static void
test_next_due_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 next = -1;

  g_assert_true (lh_housekeeping_next_due (f->ts->store, f->centre, NOW, &next, &error));
  g_assert_no_error (error);
  g_assert_cmpint (next, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)
  ADD ("/lh/usage/checks-in-own-booking", test_checks_in_own_booking);
  ADD ("/lh/usage/early-check-in", test_early_check_in);
  ADD ("/lh/usage/refused-when-booked-by-another", test_refused_when_booked_by_another);
  ADD ("/lh/usage/walk-up-until-next-booking", test_walk_up_until_next_booking);
  ADD ("/lh/usage/walk-up-refused-when-reserved-soon", test_walk_up_refused_when_reserved_soon);
  ADD ("/lh/usage/walk-up-within-limits", test_walk_up_within_limits);
  ADD ("/lh/usage/walk-up-refused-when-closed", test_walk_up_refused_when_closed);
  ADD ("/lh/usage/booked-elsewhere", test_booked_elsewhere);
  ADD ("/lh/usage/desk-has-no-sitting", test_desk_has_no_sitting);
  ADD ("/lh/usage/moved-and-replaced", test_moved_and_replaced);
  ADD ("/lh/usage/extend", test_extend);
  ADD ("/lh/usage/extend-stops-at-longest", test_extend_stops_at_longest);
  ADD ("/lh/usage/no-show-released-after-hold", test_no_show_released_after_hold);
  ADD ("/lh/usage/no-show-kept-while-kiosk-offline", test_no_show_kept_while_kiosk_offline);
  ADD ("/lh/usage/checked-in-not-released", test_checked_in_not_released);
  ADD ("/lh/usage/hold-follows-rules", test_hold_follows_rules);
  ADD ("/lh/usage/heartbeat-lost-ends-sitting", test_heartbeat_lost_ends_sitting);
  ADD ("/lh/usage/booking-end-and-closing", test_booking_end_and_closing);
  ADD ("/lh/usage/revoked-kiosk-ends-sitting", test_revoked_kiosk_ends_sitting);
  ADD ("/lh/usage/walk-up-through-midnight", test_walk_up_through_midnight);
  ADD ("/lh/usage/ending-listed-for-warnings", test_ending_listed_for_warnings);
  ADD ("/lh/usage/next-due-nothing", test_next_due_nothing);
#undef ADD

  return g_test_run ();
}
