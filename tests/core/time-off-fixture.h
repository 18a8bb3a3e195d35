/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the time-off tests share: a centre with a full-timer and a
 * part-timer, a PC with its kiosk, terms from 1 April 2026, and ways to
 * book, sit and housekeep through the real code. */
#pragma once

#include <string.h>

#include "lh-assessments.h"
#include "lh-auth.h"
#include "lh-bookings.h"
#include "lh-core-test.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-facility-time.h"
#include "lh-groups.h"
#include "lh-housekeeping.h"
#include "lh-people.h"
#include "lh-terms.h"
#include "lh-time-off.h"
#include "lh-time.h"
#include "lh-usage.h"

#define MINUTE 60
#define HOUR   3600
#define DAY    (24 * HOUR)

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       amira;   /* full time, 37.5 h over 5 days */
  gint64       pat;     /* part time, 18.75 h over 3 days */
  gint64       pc1, kiosk1;
} Fixture;

#define TEST_ADMIN { 0, "learnhubctl, user test" }

static inline gint64
date (Fixture *f, const char *text)
{
  gint64 midnight = 0;

  g_assert_true (lh_time_parse_date (text, f->centre->tz, &midnight, NULL));
  return midnight;
}

static inline gint64
add_person (Fixture *f, const char *staff, const char *name, double hours, double days)
{
  LhPerson person = { .staff_number = (char *) staff, .name = (char *) name, .hours_per_week = hours,
                      .roles = LH_ROLE_LEARNER };
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  gint64 id;

  g_assert_true (lh_people_save (f->ts->store, &person, date (f, "2026-01-05"), &id, NULL, &error));
  g_assert_no_error (error);
  stmt = lh_store_prepare (f->ts->store, "UPDATE people SET days_per_week = ?2 WHERE id = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_double (stmt, 2, days);
  g_assert_true (lh_store_exec (f->ts->store, stmt, &error));
  return id;
}

/* The terms the tests start from: 52.5 hours a year full time, matched
 * time up to 90 minutes, 7.5 hours of assessments, from 1 April 2026. */
static inline void
base_terms (Fixture *f, LhTerms *terms, const char *from)
{
  lh_terms_init_defaults (terms);
  terms->valid_from = date (f, from);
  terms->paid_learning_minutes = 3150;
  terms->full_time_minutes_per_week = 2250;
  terms->pro_rata = TRUE;
  terms->matched_time = TRUE;
  terms->matched_cap_minutes = 90;
  terms->assessment_minutes = 450;
  terms->auto_approve = TRUE;
}

static inline void
add_terms (Fixture *f, LhTerms *terms, gint64 now)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lh_terms_add_version (f->ts->store, f->centre, terms, "test", now, &error));
  g_assert_no_error (error);
}

static inline void
setup_with (Fixture *f, gboolean auto_approve)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Fri 08:00-20:00", &error);
  g_autofree char *token = NULL;
  g_auto(LhTerms) terms = { 0 };

  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->amira = add_person (f, "1", "Amira", 37.5, 5);
  f->pat = add_person (f, "2", "Pat", 18.75, 3);
  g_assert_true (lh_people_set_pin (f->ts->store, f->amira, "2468", date (f, "2026-01-05"), &error));
  g_assert_true (lh_resources_add (f->ts->store, "PC 1", "pc", 1, &f->pc1, &error));
  g_assert_true (lh_resources_set_hours (f->ts->store, f->pc1, (LhOpeningPeriod *) hours->data, hours->len,
                                         &error));
  token = lh_devices_add (f->ts->store, "Kiosk of PC 1", date (f, "2026-01-05"), &f->kiosk1, &error);
  g_assert_true (lh_devices_set_pc (f->ts->store, "Kiosk of PC 1", f->pc1, &error));
  g_assert_no_error (error);
  base_terms (f, &terms, "2026-04-01");
  terms.auto_approve = auto_approve;
  add_terms (f, &terms, date (f, "2026-04-01"));
}

static inline void
setup (Fixture *f, gconstpointer data)
{
  setup_with (f, TRUE);
}

static inline void
setup_approval (Fixture *f, gconstpointer data)
{
  setup_with (f, FALSE);
}

static inline void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

/* A PC booking of the day at local hours, made a day before. */
static inline LhBooking *
book (Fixture *f, gint64 person, const char *day, double from_hour, int minutes, gboolean paid, GError **error)
{
  gint64 start = date (f, day) + (gint64) (from_hour * HOUR);

  return lh_bookings_create_paid (f->ts->store, f->centre, person, f->pc1, start, start + minutes * MINUTE,
                                  paid, start - DAY, error);
}

static inline LhTimeOffCategory
category (Fixture *f, gint64 person, gint64 at, const char *name)
{
  g_autoptr(GError) error = NULL;
  LhTimeOffBalance balance;

  g_assert_true (lh_time_off_balance (f->ts->store, f->centre, person, at, &balance, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < balance.n_categories; i++)
    if (g_strcmp0 (balance.categories[i].category, name) == 0)
      return balance.categories[i];
  g_assert_not_reached ();
}

/* Amira sits at PC 1 from `from` to `to`, signing in on its kiosk. */
static inline void
sit (Fixture *f, gint64 from, gint64 to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr(LhUsage) usage = NULL;
  g_autoptr(LhUsage) ended = NULL;
  LhSessionInfo session;

  g_assert_true (lh_devices_heartbeat (f->ts->store, f->kiosk1, from, &error));
  token = lh_auth_sign_in (f->ts->store, f->kiosk1, "1", "2468", 30, from, &session, NULL, &error);
  g_assert_no_error (error);
  usage = lh_usage_begin (f->ts->store, f->centre, &session, from, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (usage);
  ended = lh_usage_end_session (f->ts->store, session.session_id, LH_USAGE_END_SIGN_OUT, to, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ended);
}

static inline guint
housekeep (Fixture *f, gint64 now)
{
  g_autoptr(GError) error = NULL;
  g_auto(LhHousekeeping) result;

  lh_housekeeping_init (&result);
  g_assert_true (lh_housekeeping_run (f->ts->store, f->centre, now, &result, &error));
  g_assert_no_error (error);
  return result.settled;
}

