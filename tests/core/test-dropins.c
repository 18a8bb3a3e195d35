/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drop-ins and facility time hold to what happened: no drop-in reaching
 * back into the past or years ahead, one drop-in at a time for a ULR
 * (closed ones too), facility time only for the ULRs who were there, and
 * never the same minutes twice. */
#include <glib/gstdio.h>

#include "lh-advice.h"
#include "lh-core-test.h"
#include "lh-dropins.h"
#include "lh-error.h"
#include "lh-facility-time.h"
#include "lh-people.h"
#include "lh-time-off.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW    1795435200
#define MINUTE 60
#define HOUR   3600
#define DAY    (24 * HOUR)

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       sue, dev, amira;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->centre->note_key = lh_note_key_new_random ();
  f->sue = lh_test_add_person (f->ts->store, "1", "Sue Bennett", LH_ROLE_LEARNER | LH_ROLE_ULR, NOW - 30 * DAY);
  f->dev = lh_test_add_person (f->ts->store, "2", "Dev Patel", LH_ROLE_LEARNER | LH_ROLE_ULR, NOW - 30 * DAY);
  f->amira = lh_test_add_person (f->ts->store, "3", "Amira Khan", LH_ROLE_LEARNER, NOW - 30 * DAY);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

/* Sue opens a drop-in at now, naming Dev too if both. */
static LhDropin *
try_open (Fixture *f, gint64 start, gint64 end, gboolean both, gint64 now, GError **error)
{
  LhDropinUlr sue = { .ulr_id = f->sue, .desk = (char *) "Desk 1" };
  LhDropinUlr dev = { .ulr_id = f->dev, .desk = (char *) "Desk 2" };
  const LhDropinUlr *ulrs[] = { &sue, &dev };

  return lh_dropins_open (f->ts->store, f->sue, "Learning centre", start, end, ulrs, both ? 2 : 1, now, error);
}

static int
facility_minutes (Fixture *f, gint64 ulr)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFacilitySummary) summary = lh_facility_time_summary (f->ts->store, f->centre, ulr, NOW, &error);
  int minutes = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < summary->entries->len; i++)
    minutes += ((LhFacilityEntry *) g_ptr_array_index (summary->entries, i))->minutes;
  return minutes;
}

/* The attack: a drop-in back-dated nearly ten hours, to be the earliest
 * open one and to log the ten hours. A late opening of a quarter of an
 * hour is fine. */
static void
test_no_back_dating (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhDropin) rogue = try_open (f, NOW - 9 * HOUR - 50 * MINUTE, NOW + 10 * MINUTE, FALSE, NOW, &error);
  g_autoptr(LhDropin) late = NULL;

  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_null (rogue);
  g_clear_error (&error);
  rogue = try_open (f, NOW - 16 * MINUTE, NOW + HOUR, FALSE, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);

  late = try_open (f, NOW - 15 * MINUTE, NOW + HOUR, FALSE, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (late->start_at, ==, NOW - 15 * MINUTE);
}

/* Not in 2199 (which would have kept the ULR's session open till then):
 * up to a year ahead. */
static void
test_not_years_ahead (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 far = NOW + 173 * 365 * (gint64) DAY;
  g_autoptr(LhDropin) dropin = try_open (f, far, far + HOUR, FALSE, NOW, &error);

  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_null (dropin);
  g_clear_error (&error);
  dropin = try_open (f, NOW + 367 * DAY, NOW + 367 * DAY + HOUR, FALSE, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  dropin = try_open (f, NOW + 180 * DAY, NOW + 180 * DAY + HOUR, FALSE, NOW, &error);
  g_assert_no_error (error);
}

/* Open, close, open again over the same minutes, three times over: the
 * closed one still holds its time, so the second is refused, and the
 * facility time is never more than the time that passed. */
static void
test_close_and_reopen_counts_once (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = NOW;

  for (int round = 0; round < 3; round++)
    {
      g_autoptr(LhDropin) first = try_open (f, now - 15 * MINUTE, now + HOUR, FALSE, now, &error);
      g_autoptr(LhDropin) closed = NULL;
      g_autoptr(LhDropin) again = NULL;

      g_assert_no_error (error);
      now += MINUTE;
      closed = lh_dropins_close (f->ts->store, first->id, f->sue, now, &error);
      g_assert_no_error (error);
      /* Back over the minutes just logged. */
      again = try_open (f, now - 10 * MINUTE, now + HOUR, FALSE, now, &error);
      g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
      g_assert_null (again);
      g_clear_error (&error);
      now += 15 * MINUTE;
    }
  /* 16 minutes each, three times: what passed, no more. */
  g_assert_cmpint (facility_minutes (f, f->sue), ==, 3 * 16);
}

/* Sue names Dev at her drop-in; Dev never comes: no facility time of
 * his. Dev comes to his desk an hour in: his time counts from then. */
static void
test_named_is_not_there (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhDropin) dropin = try_open (f, NOW, NOW + 3 * HOUR, TRUE, NOW, &error);
  g_autoptr(LhDropin) here = NULL;
  g_autoptr(LhDropin) closed = NULL;
  g_autoptr(LhDropin) second = NULL;
  g_autoptr(LhDropin) closed_again = NULL;

  g_assert_no_error (error);
  closed = lh_dropins_close (f->ts->store, dropin->id, f->sue, NOW + 2 * HOUR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (facility_minutes (f, f->sue), ==, 120);
  g_assert_cmpint (facility_minutes (f, f->dev), ==, 0);

  second = try_open (f, NOW + 2 * HOUR, NOW + 5 * HOUR, TRUE, NOW + 2 * HOUR, &error);
  g_assert_no_error (error);
  here = lh_dropins_here (f->ts->store, f->dev, NOW + 3 * HOUR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (here->id, ==, second->id);
  /* Saying it again does not move the start. */
  g_clear_pointer (&here, lh_dropin_free);
  here = lh_dropins_here (f->ts->store, f->dev, NOW + 4 * HOUR, &error);
  g_assert_no_error (error);
  closed_again = lh_dropins_close (f->ts->store, second->id, f->sue, NOW + 5 * HOUR - MINUTE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (facility_minutes (f, f->dev), ==, 119);
  g_assert_cmpint (facility_minutes (f, f->sue), ==, 120 + 179);

  /* No drop-in on now: nothing to be at. */
  g_clear_pointer (&here, lh_dropin_free);
  here = lh_dropins_here (f->ts->store, f->dev, NOW + 6 * HOUR, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_assert_null (here);
}

/* Calling a ticket is being there. */
static void
test_calling_is_being_there (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhDropin) dropin = try_open (f, NOW, NOW + 2 * HOUR, TRUE, NOW, &error);
  g_autoptr(LhAdviceRequest) joined = NULL;
  g_autoptr(LhAdviceRequest) called = NULL;
  g_autoptr(LhDropin) closed = NULL;

  g_assert_no_error (error);
  joined = lh_advice_request_create (f->ts->store, f->centre, f->amira, "esol", "queue", "here", NULL, NULL, 0, 0,
                                     NOW + 20 * MINUTE, &error);
  g_assert_no_error (error);
  called = lh_advice_call_next (f->ts->store, f->centre, 0, f->dev, NOW + 30 * MINUTE, &error);
  g_assert_no_error (error);
  closed = lh_dropins_close (f->ts->store, dropin->id, f->sue, NOW + HOUR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (facility_minutes (f, f->dev), ==, 30);
}

/* Time logged by hand over a drop-in's minutes is refused; a drop-in over
 * time logged by hand counts only the rest. */
static void
test_no_minute_twice (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhDropin) dropin = try_open (f, NOW - 2 * HOUR, NOW - HOUR, FALSE, NOW - 2 * HOUR, &error);
  g_autoptr(LhFacilityEntry) over = NULL;
  g_autoptr(LhFacilityEntry) after = NULL;
  g_autoptr(LhFacilityEntry) meeting = NULL;
  g_autoptr(LhDropin) second = NULL;
  g_autoptr(LhDropin) closed = NULL;
  g_autoptr(GArray) ended = NULL;

  g_assert_no_error (error);
  g_assert_true (lh_dropins_close_ended (f->ts->store, NOW, &ended, &error));
  g_assert_cmpint (facility_minutes (f, f->sue), ==, 60);

  over = lh_facility_time_add (f->ts->store, f->sue, "meeting", NOW - 90 * MINUTE, 60, NULL, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_null (over);
  g_clear_error (&error);
  after = lh_facility_time_add (f->ts->store, f->sue, "meeting", NOW - HOUR, 30, NULL, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (facility_minutes (f, f->sue), ==, 90);

  /* A meeting logged ahead of a drop-in that then runs over it. */
  meeting = lh_facility_time_add (f->ts->store, f->sue, "meeting", NOW - 20 * MINUTE, 10, NULL, NOW, &error);
  g_assert_no_error (error);
  second = try_open (f, NOW - 15 * MINUTE, NOW + HOUR, FALSE, NOW, &error);
  g_assert_no_error (error);
  closed = lh_dropins_close (f->ts->store, second->id, f->sue, NOW + 30 * MINUTE, &error);
  g_assert_no_error (error);
  /* 60 + 30 + 10, then the drop-in from the meeting's end (-10) to +30. */
  g_assert_cmpint (facility_minutes (f, f->sue), ==, 60 + 30 + 10 + 40);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/lh/dropins/no-back-dating", test_no_back_dating);
  ADD ("/lh/dropins/not-years-ahead", test_not_years_ahead);
  ADD ("/lh/dropins/close-and-reopen-counts-once", test_close_and_reopen_counts_once);
  ADD ("/lh/dropins/named-is-not-there", test_named_is_not_there);
  ADD ("/lh/dropins/calling-is-being-there", test_calling_is_being_there);
  ADD ("/lh/dropins/no-minute-twice", test_no_minute_twice);
#undef ADD
  return g_test_run ();
}
