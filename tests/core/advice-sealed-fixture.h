/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the tests of sealed advice requests share: a centre with a notes
 * key, opened as learnhubd opens it, four people, and requests asked at
 * a drop-in. */
#pragma once

#include "lh-advice.h"
#include "lh-advice-sealed.h"
#include "lh-core-test.h"
#include "lh-dropins.h"

#define MINUTE 60
#define HOUR   3600
#define DAY    (24 * HOUR)

/* On the roster long before any test's moment (2023). */
#define SEALED_PEOPLE_SINCE 1700000000

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       sue, amira, ben, cara;
} Fixture;

static inline void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->centre->note_key = lh_note_key_new_random ();
  /* As learnhubd opens it: the WAL holds no older schema text, with its
   * list of contacts, once opened so. */
  g_clear_object (&f->ts->store);
  f->ts->store = lh_advice_store_open (f->ts->path, f->centre, &error);
  g_assert_no_error (error);
  f->sue = lh_test_add_person (f->ts->store, "1", "Sue Bennett", LH_ROLE_LEARNER | LH_ROLE_ULR, SEALED_PEOPLE_SINCE);
  f->amira = lh_test_add_person (f->ts->store, "3", "Amira Khan", LH_ROLE_LEARNER, SEALED_PEOPLE_SINCE);
  f->ben = lh_test_add_person (f->ts->store, "4", "Ben Okafor", LH_ROLE_LEARNER, SEALED_PEOPLE_SINCE);
  f->cara = lh_test_add_person (f->ts->store, "5", "Cara Doyle", LH_ROLE_LEARNER, SEALED_PEOPLE_SINCE);
}

static inline void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

static inline gint64
open_dropin (Fixture *f, gint64 start, gint64 end)
{
  LhDropinUlr sue = { .ulr_id = f->sue, .desk = (char *) "Desk 1" };
  const LhDropinUlr *ulrs[] = { &sue };
  g_autoptr(GError) error = NULL;
  g_autoptr(LhDropin) dropin = lh_dropins_open (f->ts->store, f->sue, "Learning centre", start, end, ulrs, 1, start,
                                                &error);

  g_assert_no_error (error);
  return dropin->id;
}

/* The number or address each learner gives when they choose to be
 * reached by phone or email (Ofcom's drama range, example.org). */
#define SEALED_PHONE "07700 900461"
#define SEALED_EMAIL "amira.k@example.org"

static inline const char *
sealed_detail_for (const char *contact)
{
  if (g_strcmp0 (contact, "phone") == 0)
    return SEALED_PHONE;
  return g_strcmp0 (contact, "email") == 0 ? SEALED_EMAIL : NULL;
}

/* learner asks about topic at a drop-in around `at`; with outcomes, Sue
 * sees them and records those. The request's id. */
static inline gint64
ask (Fixture *f, gint64 learner, const char *topic, const char *contact, gint64 at, const char * const *outcomes)
{
  gint64 dropin = open_dropin (f, at - HOUR, at + HOUR);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) request = lh_advice_request_create (f->ts->store, f->centre, learner, topic, "queue",
                                                                 contact, sealed_detail_for (contact), "a note of mine", dropin, 0,
                                                                 at, &error);
  g_autoptr(LhAdviceRequest) called = NULL;
  g_autoptr(LhAdviceRequest) started = NULL;
  g_autoptr(LhAdviceRequest) done = NULL;

  g_assert_no_error (error);
  if (outcomes == NULL)
    return request->id;
  called = lh_advice_call_next (f->ts->store, f->centre, dropin, f->sue, at, &error);
  g_assert_no_error (error);
  g_assert_cmpint (called->id, ==, request->id);
  started = lh_advice_start (f->ts->store, f->centre, request->id, f->sue, at, &error);
  g_assert_no_error (error);
  done = lh_advice_finish (f->ts->store, f->centre, request->id, f->sue, outcomes, "seen", at + 10 * MINUTE, &error);
  g_assert_no_error (error);
  return request->id;
}

