/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every per-request query costs the same in year five as in its first months.
 *
 * Two centres with the same present (people, PCs and their kiosks, rules)
 * are made once: one that opened RECENT_DAYS ago, one with years of history
 * (past bookings, used, cancelled or never checked in on a PC whose kiosk
 * was off; sittings; sessions; drop-ins and their tickets). The recent
 * days are alike, as a query may look back a set time (the queue's wait
 * estimate reads 90 days of tickets). Each test does the same thing on
 * both, at the same fixed time, and compares the steps SQLite's virtual
 * machine took: a query that read a range growing with the history would
 * take thousands more on the old one. Steps, not time, so that a busy
 * machine cannot fail it. */
#include "lh-advice.h"
#include "lh-auth.h"
#include "lh-bookings.h"
#include "lh-core-test.h"
#include "lh-devices.h"
#include "lh-dropins.h"
#include "lh-equipment-usage.h"
#include "lh-error.h"
#include "lh-groups.h"
#include "lh-housekeeping.h"
#include "lh-people.h"
#include "lh-resources.h"
#include "lh-time-off.h"
#include "lh-usage.h"

/* Monday 7 December 2026, 00:00 in London (UTC in winter). */
#define TODAY  1796601600
#define NOW    (TODAY + 10 * HOUR)
#define MINUTE 60
#define HOUR   3600
#define DAY    (24 * HOUR)
#define N_PCS  4
#define YEARS  2
#define RECENT_DAYS 100

typedef struct
{
  LhTestStore *ts;
  gint64       amira, ben, ulr;
  gint64       pcs[N_PCS];
  gint64       kiosks[N_PCS];
} Centre;

static LhCentre *centre_rules;
static Centre   *fresh, *aged;

static gint64
add_person (LhStore *store, const char *staff, const char *name, guint roles)
{
  LhPerson person = { .staff_number = (char *) staff, .name = (char *) name,
                      .hours_per_week = 37.5, .roles = roles };
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (lh_people_save (store, &person, TODAY - 10 * 365 * DAY, &id, NULL, &error));
  g_assert_true (lh_people_set_pin (store, id, "2468", TODAY - 10 * 365 * DAY, &error));
  g_assert_no_error (error);
  return id;
}

static void
exec (LhStore *store, const char *sql, const gint64 *values, guint n_values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n_values; i++)
    sqlite3_bind_int64 (stmt, (int) i + 1, values[i]);
  lh_store_exec (store, stmt, &error);
  g_assert_no_error (error);
}

/* A day of the past: on each PC five bookings, most used (a sitting and
 * its session), some cancelled, some never checked in while the PC's
 * kiosk was off; a drop-in with its tickets done. */
static void
add_past_day (Centre *c, gint64 midnight, guint n)
{
  LhStore *store = c->ts->store;

  for (guint p = 0; p < N_PCS; p++)
    for (guint h = 0; h < 5; h++)
      {
        gint64 person = (p + h + n) % 3 == 0 ? c->ben : c->amira;
        gint64 start = midnight + (9 + 2 * h) * HOUR;
        gint64 end = start + HOUR + 30 * MINUTE;
        guint kind = (p * 5 + h + n) % 10;
        gboolean cancelled = kind == 0, no_show = kind == 1;
        gint64 booking[] = { c->pcs[p], person, start, end, start - DAY, cancelled ? 0 : 1,
                             cancelled || no_show ? 0 : start + MINUTE };

        exec (store, "INSERT INTO bookings (resource_id, person_id, start_at, end_at, created_at, status, "
                     "checked_in_at) VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?6 THEN 'booked' ELSE 'cancelled' END, "
                     "nullif (?7, 0))", booking, G_N_ELEMENTS (booking));
        if (!cancelled && !no_show)
          {
            gint64 booking_id = lh_store_last_insert_id (store);
            gint64 session[] = { person, c->kiosks[p], start + MINUTE, end, (gint64) n * 100 + p * 10 + h };
            gint64 usage[5];

            exec (store, "INSERT INTO sessions (token_hash, person_id, device_id, created_at, expires_at, ended_at) "
                         "VALUES (printf ('%020d', ?5), ?1, ?2, ?3, ?4, ?4)", session, G_N_ELEMENTS (session));
            usage[0] = booking_id;
            usage[1] = lh_store_last_insert_id (store);
            usage[2] = start + MINUTE;
            usage[3] = end;
            usage[4] = p * 5 + h;
            exec (store, "INSERT INTO usage_sessions (person_id, resource_id, booking_id, device_id, session_id, "
                         "started_at, ended_at, end_reason) SELECT person_id, resource_id, id, "
                         "(SELECT device_id FROM sessions WHERE id = ?2), ?2, ?3, ?4, 'sign-out' "
                         "FROM bookings WHERE id = ?1", usage, 4);
          }
      }
  {
    gint64 dropin[] = { midnight + 12 * HOUR, midnight + 14 * HOUR, c->ulr, midnight, c->amira, 0 };

    exec (store, "INSERT INTO advice_dropins (place, start_at, end_at, opened_by, created_at, closed_at, next_ticket) "
                 "VALUES ('Learning centre', ?1, ?2, ?3, ?4, ?2, 3)", dropin, 4);
    dropin[5] = lh_store_last_insert_id (store);
    /* The plans, not the topics, matter here: a seal of the right size. */
    exec (store, "INSERT INTO advice_requests (learner_id, mode, dropin_id, ticket, ulr_id, status, "
                 "created_at, called_at, started_at, ended_at, sealed) "
                 "SELECT ?5, 'queue', ?6, t.value, ?3, 'done', ?1, ?1, ?1, ?1 + 900, zeroblob (296) "
                 "FROM (SELECT 1 AS value UNION ALL SELECT 2) t", dropin, G_N_ELEMENTS (dropin));
  }
}

static Centre *
centre_new (int days)
{
  Centre *c = g_new0 (Centre, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Sun 00:00-24:00", &error);
  g_autoptr(LhTransaction) tx = NULL;

  c->ts = lh_test_store_new ();
  c->amira = add_person (c->ts->store, "1", "Amira", LH_ROLE_LEARNER);
  c->ben = add_person (c->ts->store, "2", "Ben", LH_ROLE_LEARNER);
  c->ulr = add_person (c->ts->store, "3", "Una", LH_ROLE_LEARNER | LH_ROLE_ULR);
  for (guint p = 0; p < N_PCS; p++)
    {
      g_autofree char *name = g_strdup_printf ("PC %u", p + 1);
      g_autofree char *kiosk = g_strdup_printf ("Kiosk of PC %u", p + 1);
      g_autofree char *token = NULL;

      g_assert_true (lh_resources_add (c->ts->store, name, "pc", 1, &c->pcs[p], &error));
      g_assert_true (lh_resources_set_hours (c->ts->store, c->pcs[p], (LhOpeningPeriod *) hours->data,
                                             hours->len, &error));
      token = lh_devices_add (c->ts->store, kiosk, TODAY - 10 * 365 * DAY, &c->kiosks[p], &error);
      g_assert_true (lh_devices_set_pc (c->ts->store, kiosk, c->pcs[p], &error));
      g_assert_true (lh_devices_heartbeat (c->ts->store, c->kiosks[p], NOW, &error));
      g_assert_no_error (error);
    }
  tx = lh_store_begin (c->ts->store, &error);
  g_assert_no_error (error);
  for (int d = 1; d <= days; d++)
    add_past_day (c, TODAY - (gint64) d * DAY, (guint) d);
  g_assert_true (lh_transaction_commit (tx, &error));
  g_assert_no_error (error);
  return c;
}

static void
centre_free (Centre *c)
{
  lh_test_store_free (c->ts);
  g_free (c);
}

typedef void (*Action) (Centre *c);

/* Runs action on both centres; the aged one may take a few steps more (a
 * deeper index), never steps that grow with its history. */
static void
assert_bounded (const char *what, Action action)
{
  guint64 fresh_steps, aged_steps;

  lh_store_take_vm_steps (fresh->ts->store);
  action (fresh);
  fresh_steps = lh_store_take_vm_steps (fresh->ts->store);
  lh_store_take_vm_steps (aged->ts->store);
  action (aged);
  aged_steps = lh_store_take_vm_steps (aged->ts->store);
  g_test_message ("%s: %" G_GUINT64_FORMAT " steps with %d days of history, %" G_GUINT64_FORMAT
                  " with %d years", what, fresh_steps, RECENT_DAYS, aged_steps, YEARS);
  g_assert_cmpuint (fresh_steps, >, 0);
  g_assert_cmpuint (aged_steps, <=, fresh_steps + fresh_steps / 10 + 20);
}

static void
book (Centre *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = NULL;

  /* Amira's own booking at 14:00, and one refused: PC 1 is taken then. */
  booking = lh_bookings_create_paid (c->ts->store, centre_rules, c->amira, c->pcs[0], NOW + 4 * HOUR,
                                     NOW + 5 * HOUR, FALSE, NOW, &error);
  g_assert_no_error (error);
  g_assert_nonnull (booking);
  g_assert_null (lh_bookings_create (c->ts->store, centre_rules, c->ben, c->pcs[0], NOW + 4 * HOUR + 30 * MINUTE,
                                     NOW + 5 * HOUR, NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
}

static void
test_booking (void)
{
  assert_bounded ("booking", book);
}

static void
free_until (Centre *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhResource) pc = lh_resources_get (c->ts->store, c->pcs[1], &error);
  gint64 until;

  g_assert_true (lh_bookings_free_until (c->ts->store, centre_rules, c->ben, pc, NOW, NOW, 0, &until, NULL,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (until, >, NOW);
}

static void
test_next_booking (void)
{
  assert_bounded ("next booking and time left", free_until);
}

static void
availability (Centre *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) today = lh_bookings_availability (c->ts->store, centre_rules, TODAY, c->amira, NOW, &error);
  g_autoptr(GPtrArray) tomorrow = lh_bookings_availability (c->ts->store, centre_rules, TODAY + DAY, c->amira, NOW,
                                                            &error);

  g_assert_no_error (error);
  g_assert_cmpuint (today->len, ==, N_PCS);
  g_assert_cmpuint (tomorrow->len, ==, N_PCS);
}

static void
test_availability (void)
{
  assert_bounded ("availability", availability);
}

static void
sign_in_and_sit (Centre *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ended = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_usage_free);
  g_autoptr(LhUsage) usage = NULL;
  g_autoptr(GArray) devices = NULL;
  g_autofree char *token = NULL;
  LhSessionInfo session;
  LhPcOutlook outlook;

  g_assert_true (lh_usage_pc_outlook (c->ts->store, centre_rules, c->pcs[2], NOW, &outlook, &error));
  token = lh_auth_sign_in (c->ts->store, c->kiosks[2], "2", "2468", 30, NOW, &session, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lh_auth_check_session (c->ts->store, token, NOW, &session, &error));
  usage = lh_usage_begin (c->ts->store, centre_rules, &session, NOW, ended, &error);
  g_assert_no_error (error);
  g_assert_nonnull (usage);
  devices = lh_auth_live_devices (c->ts->store, c->ben, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (devices->len, ==, 1);
}

static void
test_sign_in (void)
{
  assert_bounded ("sign-in, sitting down, live sessions", sign_in_and_sit);
}

static void
housekeeping (Centre *c)
{
  g_auto(LhHousekeeping) result = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 due, dropin_end;

  lh_housekeeping_init (&result);
  g_assert_true (lh_housekeeping_run (c->ts->store, centre_rules, NOW + MINUTE, &result, &error));
  g_assert_true (lh_housekeeping_next_due (c->ts->store, centre_rules, NOW + MINUTE, &due, &error));
  g_assert_true (lh_dropins_next_end (c->ts->store, &dropin_end, &error));
  g_assert_no_error (error);
  /* Nothing of the past is due: the no-shows of years ago stay as they were. */
  g_assert_cmpuint (result.released->len, ==, 0);
  g_assert_cmpint (dropin_end, ==, 0);
}

static void
test_housekeeping (void)
{
  assert_bounded ("housekeeping and when it is next due", housekeeping);
}

static void
lists (Centre *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) upcoming = lh_bookings_list_upcoming (c->ts->store, c->amira, NOW, &error);
  g_autoptr(GPtrArray) groups = lh_groups_list (c->ts->store, TODAY, TODAY + 7 * DAY, c->amira, &error);
  g_autoptr(GPtrArray) pending = lh_time_off_list_pending (c->ts->store, &error);
  g_autoptr(GPtrArray) queues = lh_advice_queues (c->ts->store, centre_rules, NOW, &error);
  g_autoptr(GPtrArray) mine = lh_time_off_list_mine (c->ts->store, c->amira, NOW, &error);
  g_autoptr(GPtrArray) decisions = lh_time_off_take_decisions (c->ts->store, c->amira, NOW, &error);

  g_assert_no_error (error);
  g_assert_nonnull (upcoming);
  g_assert_nonnull (groups);
  g_assert_nonnull (pending);
  g_assert_nonnull (queues);
  g_assert_nonnull (mine);
  g_assert_nonnull (decisions);
}

static void
test_lists (void)
{
  assert_bounded ("upcoming bookings, groups, time off, queues", lists);
}

/* The committee's usage per PC over the last quarter. */
static void
equipment_usage (Centre *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pcs = lh_equipment_usage (c->ts->store, centre_rules, TODAY - 91 * DAY, NOW, NOW, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (pcs->len, ==, N_PCS);
}

static void
test_equipment_usage (void)
{
  assert_bounded ("usage per PC over a quarter", equipment_usage);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  centre_rules = lh_centre_new_default ();
  fresh = centre_new (RECENT_DAYS);
  aged = centre_new (YEARS * 365);

  /* In this order: each does the same to both centres, so they stay alike. */
  g_test_add_func ("/bounded/booking", test_booking);
  g_test_add_func ("/bounded/next-booking", test_next_booking);
  g_test_add_func ("/bounded/availability", test_availability);
  g_test_add_func ("/bounded/sign-in", test_sign_in);
  g_test_add_func ("/bounded/housekeeping", test_housekeeping);
  g_test_add_func ("/bounded/lists", test_lists);
  g_test_add_func ("/bounded/equipment-usage", test_equipment_usage);
  status = g_test_run ();

  centre_free (fresh);
  centre_free (aged);
  lh_centre_free (centre_rules);
  return status;
}
