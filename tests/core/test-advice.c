/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Advice from ULRs: the drop-in queue, appointments, outcomes, who may
 * read what, sealing at rest, retention and deletion, facility time. */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lh-advice.h"
#include "lh-advice-private.h"
#include "lh-advice-record.h"
#include "lh-core-test.h"
#include "lh-dropins.h"
#include "lh-error.h"
#include "lh-facility-time.h"
#include "lh-guests.h"
#include "lh-people.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW    1795435200
#define MINUTE 60
#define HOUR   3600
#define DAY    (24 * HOUR)

#define SECRET_NOTE "my-secret-reading-worry"
#define SECRET_ULR  "ulr-private-observation"
#define SECRET_PLAN "plan-goal-entry-three"
#define SECRET_MOT  "mot-summary-report-writing"

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       sue, dev, amira, ben, cara, admin, committee;
  gint64       dropin;
} Fixture;

static gint64
open_dropin (Fixture *f, gint64 start, gint64 end, gboolean both)
{
  LhDropinUlr sue = { .ulr_id = f->sue, .desk = (char *) "Desk 1" };
  LhDropinUlr dev = { .ulr_id = f->dev, .desk = (char *) "Desk 2", .alert_length = 2 };
  const LhDropinUlr *ulrs[] = { &sue, &dev };
  g_autoptr(GError) error = NULL;
  g_autoptr(LhDropin) dropin = lh_dropins_open (f->ts->store, f->sue, "Learning centre", start, end, ulrs,
                                                both ? 2 : 1, start, &error);

  g_assert_no_error (error);
  return dropin->id;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->centre->note_key = lh_note_key_new_random ();
  f->sue = lh_test_add_person (f->ts->store, "1", "Sue Bennett", LH_ROLE_LEARNER | LH_ROLE_ULR, NOW - 30 * DAY);
  f->dev = lh_test_add_person (f->ts->store, "2", "Dev Patel", LH_ROLE_LEARNER | LH_ROLE_ULR, NOW - 30 * DAY);
  f->amira = lh_test_add_person (f->ts->store, "3", "Amira Khan", LH_ROLE_LEARNER, NOW - 30 * DAY);
  f->ben = lh_test_add_person (f->ts->store, "4", "Ben Okafor", LH_ROLE_LEARNER, NOW - 30 * DAY);
  f->cara = lh_test_add_person (f->ts->store, "5", "Cara Doyle", LH_ROLE_LEARNER, NOW - 30 * DAY);
  f->admin = lh_test_add_person (f->ts->store, "6", "Pat Admin", LH_ROLE_LEARNER | LH_ROLE_ADMIN, NOW - 30 * DAY);
  f->committee = lh_test_add_person (f->ts->store, "7", "Chris Committee", LH_ROLE_LEARNER | LH_ROLE_COMMITTEE, NOW - 30 * DAY);
  f->dropin = open_dropin (f, NOW - HOUR, NOW + 2 * HOUR, TRUE);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

static LhAdviceRequest *
join (Fixture *f, gint64 learner, const char *note, gint64 at)
{
  g_autoptr(GError) error = NULL;
  LhAdviceRequest *request = lh_advice_request_create (f->ts->store, f->centre, learner, "esol", "queue", "here", NULL,
                                                       note, 0, 0, at, &error);

  g_assert_no_error (error);
  return request;
}

static LhAdviceRequest *
call_next (Fixture *f, gint64 ulr)
{
  g_autoptr(GError) error = NULL;
  LhAdviceRequest *request = lh_advice_call_next (f->ts->store, f->centre, 0, ulr, NOW, &error);

  g_assert_no_error (error);
  return request;
}

static void
test_queue_order (Fixture *f, gconstpointer data)
{
  g_autoptr(LhAdviceRequest) a = join (f, f->amira, NULL, NOW - 3 * MINUTE);
  g_autoptr(LhAdviceRequest) b = join (f, f->ben, NULL, NOW - 2 * MINUTE);
  g_autoptr(LhAdviceRequest) c = join (f, f->cara, NULL, NOW - MINUTE);
  g_autoptr(LhAdviceRequest) first = NULL;
  g_autoptr(LhAdviceRequest) again = NULL;
  g_autoptr(LhAdviceRequest) seen = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (a->ticket, ==, 1);
  g_assert_cmpint (b->ticket, ==, 2);
  g_assert_cmpint (c->ticket, ==, 3);
  g_assert_cmpint (c->position, ==, 3);
  /* Two people ahead, ten minutes each, two ULRs. */
  g_assert_cmpint (c->wait_minutes, ==, 10);
  g_assert_cmpstr (c->place, ==, "Learning centre");

  first = call_next (f, f->sue);
  g_assert_cmpint (first->ticket, ==, 1);
  g_assert_cmpstr (first->status, ==, "called");
  g_assert_cmpstr (first->desk, ==, "Desk 1");
  g_assert_cmpint (first->ulr_id, ==, f->sue);

  /* One ticket in hand at a time. */
  again = lh_advice_call_next (f->ts->store, f->centre, 0, f->sue, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_null (again);
  g_clear_error (&error);

  seen = lh_advice_request_get (f->ts->store, f->centre, c->id, f->cara, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seen->position, ==, 2);
}

static void
test_second_join_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(LhAdviceRequest) a = join (f, f->amira, NULL, NOW);
  g_autoptr(LhAdviceRequest) twice = NULL;
  g_autoptr(GError) error = NULL;
  int waiting = -1;

  twice = lh_advice_request_create (f->ts->store, f->centre, f->amira, "digital", "queue", "here", NULL, NULL, 0, 0, NOW,
                                    &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "ticket 1"));
  g_assert_null (twice);
  g_assert_true (lh_advice_count_waiting (f->ts->store, f->dropin, &waiting, NULL));
  g_assert_cmpint (waiting, ==, 1);
}

static void
test_bad_input_changes_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *long_note = g_strnfill (LH_ADVICE_NOTE_MAX_CHARS + 1, 'x');
  const struct { const char *topic, *mode, *contact, *note; } bad[] = {
    { "gossip", "queue", "here", NULL },
    { "esol", "walk-in", "here", NULL },
    { "esol", "queue", "pigeon", NULL },
    { "esol", "queue", "here", long_note },
    { "esol", "queue", "here", "\xff\xfe not text" },
    { NULL, "queue", "here", NULL },
  };
  int waiting = -1;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LhAdviceRequest) request = lh_advice_request_create (f->ts->store, f->centre, f->amira, bad[i].topic,
                                                                     bad[i].mode, bad[i].contact, NULL, bad[i].note, 0, 0,
                                                                     NOW, &error);
      g_assert_null (request);
      g_assert_true (g_error_matches (error, LH_ERROR, LH_ERROR_INVALID) ||
                     g_error_matches (error, LH_ERROR, LH_ERROR_BAD_REQUEST));
    }
  g_assert_true (lh_advice_count_waiting (f->ts->store, f->dropin, &waiting, NULL));
  g_assert_cmpint (waiting, ==, 0);
}

static void
test_guest_and_no_dropin (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = NULL;
  g_autoptr(LhPerson) guest = lh_guests_register (f->ts->store, f->amira, "Samira Khan", NOW - DAY, &pin, &error);
  g_autoptr(LhAdviceRequest) refused = NULL;
  g_autoptr(LhAdviceRequest) late = NULL;

  g_assert_no_error (error);
  refused = lh_advice_request_create (f->ts->store, f->centre, guest->id, "esol", "queue", "here", NULL, NULL, 0, 0, NOW,
                                      &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  /* After the drop-in has ended there is none to join. */
  late = lh_advice_request_create (f->ts->store, f->centre, f->amira, "esol", "queue", "here", NULL, NULL, 0, 0,
                                   NOW + 3 * HOUR, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_null (late);
}

static void
test_no_show_and_leaving (Fixture *f, gconstpointer data)
{
  g_autoptr(LhAdviceRequest) a = join (f, f->amira, NULL, NOW);
  g_autoptr(LhAdviceRequest) b = join (f, f->ben, NULL, NOW);
  g_autoptr(LhAdviceRequest) c = join (f, f->cara, NULL, NOW);
  g_autoptr(LhAdviceRequest) called = call_next (f, f->sue);
  g_autoptr(LhAdviceRequest) gone = NULL;
  g_autoptr(LhAdviceRequest) next = NULL;
  g_autoptr(LhAdviceRequest) seen = NULL;
  g_autoptr(GError) error = NULL;

  /* Called: too late to leave. */
  g_assert_false (lh_advice_request_leave (f->ts->store, a->id, f->amira, NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);
  /* Someone else's ticket is not theirs to take back. */
  g_assert_false (lh_advice_request_leave (f->ts->store, b->id, f->cara, NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (lh_advice_request_leave (f->ts->store, b->id, f->ben, NOW, &error));
  g_assert_no_error (error);
  seen = lh_advice_request_get (f->ts->store, f->centre, c->id, f->cara, NOW, &error);
  g_assert_cmpint (seen->position, ==, 1);

  gone = lh_advice_no_show (f->ts->store, f->centre, called->id, f->sue, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gone->status, ==, "no-show");
  /* Ben left, so Cara is next. */
  next = call_next (f, f->sue);
  g_assert_cmpint (next->ticket, ==, 3);
}

static void
test_two_ulrs_never_same_ticket (Fixture *f, gconstpointer data)
{
  g_autoptr(GHashTable) called = g_hash_table_new (NULL, NULL);
  gint64 learners[] = { f->amira, f->ben, f->cara, f->admin, f->committee };
  gint64 ulrs[] = { f->sue, f->dev };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (learners); i++)
    {
      g_autoptr(LhAdviceRequest) request = join (f, learners[i], NULL, NOW);
      (void) request;
    }
  /* Turn about, each finishing before calling again, until nobody waits. */
  for (guint round = 0;; round++)
    {
      gint64 ulr = ulrs[round % 2];
      g_autoptr(LhAdviceRequest) request = lh_advice_call_next (f->ts->store, f->centre, 0, ulr, NOW, &error);
      g_autoptr(LhAdviceRequest) started = NULL;
      g_autoptr(LhAdviceRequest) done = NULL;
      const char * const outcomes[] = { "signposted-course", NULL };

      if (request == NULL)
        {
          g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
          g_assert_cmpstr (error->message, ==, "Nobody is waiting");
          break;
        }
      g_assert_false (g_hash_table_contains (called, GINT_TO_POINTER (request->ticket)));
      g_hash_table_add (called, GINT_TO_POINTER (request->ticket));
      g_assert_cmpstr (request->desk, ==, ulr == f->sue ? "Desk 1" : "Desk 2");
      started = lh_advice_start (f->ts->store, f->centre, request->id, ulr, NOW, &error);
      g_assert_no_error (error);
      done = lh_advice_finish (f->ts->store, f->centre, request->id, ulr, outcomes, NULL, NOW + MINUTE, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (done->status, ==, "done");
    }
  g_assert_cmpuint (g_hash_table_size (called), ==, G_N_ELEMENTS (learners));
}

static void
test_appointment_and_facility_time (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceSlot) slot = lh_advice_slots_offer (f->ts->store, f->dev, f->dev, NOW + DAY, NOW + DAY + 30 * MINUTE,
                                                        "Quiet room", NOW, &error);
  g_autoptr(LhAdviceRequest) booked = NULL;
  g_autoptr(LhAdviceRequest) taken = NULL;
  g_autoptr(LhAdviceRequest) started = NULL;
  g_autoptr(LhAdviceRequest) done = NULL;
  g_autoptr(LhAdviceSlot) after = NULL;
  g_autoptr(LhFacilitySummary) summary = NULL;
  g_autoptr(GPtrArray) in_hand = NULL;
  const char * const outcomes[] = { "funding-advice", "follow-up-booked", "funding-advice", NULL };
  const char * const unknown[] = { "sorted", NULL };

  g_assert_no_error (error);
  booked = lh_advice_request_create (f->ts->store, f->centre, f->amira, "courses-funding", "appointment", "phone",
                                     "07700 900123",
                                     SECRET_NOTE, 0, slot->id, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (booked->ulr_id, ==, f->dev);
  g_assert_cmpint (booked->start_at, ==, slot->start_at);
  taken = lh_advice_request_create (f->ts->store, f->centre, f->ben, "esol", "appointment", "here", NULL, NULL, 0, slot->id,
                                    NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);
  after = lh_advice_slots_get (f->ts->store, slot->id, f->ben, &error);
  g_assert_true (after->taken);
  g_assert_false (after->mine);

  in_hand = lh_advice_for_ulr (f->ts->store, f->centre, f->dev, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (in_hand->len, ==, 1);
  g_assert_cmpstr (((LhAdviceRequest *) g_ptr_array_index (in_hand, 0))->note, ==, SECRET_NOTE);

  /* Not Sue's to start. */
  started = lh_advice_start (f->ts->store, f->centre, booked->id, f->sue, NOW + DAY, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  started = lh_advice_start (f->ts->store, f->centre, booked->id, f->dev, NOW + DAY, &error);
  g_assert_no_error (error);
  done = lh_advice_finish (f->ts->store, f->centre, booked->id, f->dev, unknown, NULL, NOW + DAY + 25 * MINUTE, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  done = lh_advice_finish (f->ts->store, f->centre, booked->id, f->dev, outcomes, SECRET_ULR, NOW + DAY + 25 * MINUTE,
                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (done->outcomes), ==, 2);
  g_assert_cmpstr (done->outcomes[0], ==, "follow-up-booked");

  summary = lh_facility_time_summary (f->ts->store, f->centre, f->dev, NOW + DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->week_minutes, ==, 30);
  g_assert_cmpint (summary->week_agreed_minutes, ==, 5 * 60);
  g_assert_cmpint (summary->year_agreed_minutes, ==, 52 * 5 * 60);
  g_assert_cmpuint (summary->entries->len, ==, 1);
  g_assert_true (((LhFacilityEntry *) g_ptr_array_index (summary->entries, 0))->automatic);
}

/* Fills Amira's record with one of everything, through Sue. */
static gint64
fill_record (Fixture *f)
{
  g_autoptr(LhAdviceRequest) request = join (f, f->amira, SECRET_NOTE, NOW);
  g_autoptr(LhAdviceRequest) called = call_next (f, f->sue);
  g_autoptr(LhAdviceRequest) started = NULL;
  g_autoptr(LhAdviceRequest) done = NULL;
  g_autoptr(LhPlanItem) goal = NULL;
  g_autoptr(LhLearningMot) mot = NULL;
  g_autoptr(GError) error = NULL;
  const char * const outcomes[] = { "learning-plan-agreed", NULL };

  started = lh_advice_start (f->ts->store, f->centre, called->id, f->sue, NOW, &error);
  g_assert_no_error (error);
  done = lh_advice_finish (f->ts->store, f->centre, called->id, f->sue, outcomes, SECRET_ULR, NOW + 10 * MINUTE, &error);
  g_assert_no_error (error);
  goal = lh_plan_item_add (f->ts->store, f->centre, f->amira, f->sue, 0, SECRET_PLAN, NOW + 90 * DAY, NOW, &error);
  g_assert_no_error (error);
  mot = lh_learning_mot_add (f->ts->store, f->centre, f->amira, f->sue, NOW, SECRET_MOT, 0, NOW, &error);
  g_assert_no_error (error);
  return request->id;
}

static void
test_access (Fixture *f, gconstpointer data)
{
  gint64 request_id = fill_record (f);
  gint64 outsiders[] = { f->dev, f->ben, f->admin, f->committee };
  g_autoptr(LhAdviceRecord) own = NULL;
  g_autoptr(LhAdviceRecord) sue = NULL;
  g_autoptr(LhAdviceRecord) shared = NULL;
  g_autoptr(LhPlanItem) step = NULL;
  g_autoptr(LhAdviceNote) note = NULL;
  g_autoptr(GError) error = NULL;
  LhPlanItem *goal;

  own = lh_advice_record_get (f->ts->store, f->centre, f->amira, f->amira, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (own->requests->len, ==, 1);
  g_assert_cmpstr (((LhAdviceRequest *) g_ptr_array_index (own->requests, 0))->note, ==, SECRET_NOTE);
  g_assert_cmpuint (own->notes->len, ==, 1);
  g_assert_cmpstr (((LhAdviceNote *) g_ptr_array_index (own->notes, 0))->text, ==, SECRET_ULR);
  g_assert_cmpuint (own->plan->len, ==, 1);
  goal = g_ptr_array_index (own->plan, 0);
  g_assert_cmpstr (goal->text, ==, SECRET_PLAN);
  g_assert_cmpuint (own->mots->len, ==, 1);
  g_assert_cmpuint (own->supporters->len, ==, 1);
  g_assert_cmpint (((LhSupporter *) g_ptr_array_index (own->supporters, 0))->id, ==, f->sue);

  sue = lh_advice_record_get (f->ts->store, f->centre, f->amira, f->sue, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sue->notes->len, ==, 1);

  /* Everyone else: as if there were nothing there, for every kind. */
  for (guint i = 0; i < G_N_ELEMENTS (outsiders); i++)
    {
      g_autoptr(LhAdviceRecord) record = lh_advice_record_get (f->ts->store, f->centre, f->amira, outsiders[i], NOW,
                                                               &error);
      g_autoptr(LhAdviceRequest) request = NULL;
      g_autoptr(LhAdviceNote) added = NULL;
      g_autoptr(LhPlanItem) item = NULL;
      g_autoptr(LhLearningMot) mot = NULL;

      g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
      g_assert_null (record);
      g_clear_error (&error);
      request = lh_advice_request_get (f->ts->store, f->centre, request_id, outsiders[i], NOW, &error);
      g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
      g_clear_error (&error);
      added = lh_advice_note_add (f->ts->store, f->centre, f->amira, outsiders[i], 0, "hello", NOW, &error);
      g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
      g_clear_error (&error);
      item = lh_plan_item_set_done (f->ts->store, f->centre, goal->id, outsiders[i], TRUE, NOW, &error);
      g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
      g_clear_error (&error);
      mot = lh_learning_mot_add (f->ts->store, f->centre, f->amira, outsiders[i], NOW, "x", 0, NOW, &error);
      g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }

  /* Amira shares with Dev: now he supports her, until she stops. */
  g_assert_true (lh_advice_share (f->ts->store, f->amira, f->dev, TRUE, NOW, &error));
  shared = lh_advice_record_get (f->ts->store, f->centre, f->amira, f->dev, NOW, &error);
  g_assert_no_error (error);
  note = lh_advice_note_add (f->ts->store, f->centre, f->amira, f->dev, request_id, "Called her back", NOW, &error);
  g_assert_no_error (error);
  g_assert_true (lh_advice_share (f->ts->store, f->amira, f->dev, FALSE, NOW, &error));
  g_clear_pointer (&shared, lh_advice_record_free);
  shared = lh_advice_record_get (f->ts->store, f->centre, f->amira, f->dev, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A share with someone who is not a ULR is refused. */
  g_assert_false (lh_advice_share (f->ts->store, f->amira, f->admin, TRUE, NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);

  /* The learner ticks a step of their own plan. */
  step = lh_plan_item_add (f->ts->store, f->centre, f->amira, f->sue, goal->id, "Enrol", 0, NOW, &error);
  g_assert_no_error (error);
  g_clear_pointer (&step, lh_plan_item_free);
  step = lh_plan_item_set_done (f->ts->store, f->centre, goal->id, f->amira, TRUE, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (step->done_at, ==, NOW);

  /* Sue took her request, so reads her record; Amira takes her off, and
   * she reads it no more (nor adds to it). Dev is not on it to take off. */
  g_assert_true (lh_advice_share (f->ts->store, f->amira, f->sue, FALSE, NOW + 1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&sue, lh_advice_record_free);
  sue = lh_advice_record_get (f->ts->store, f->centre, f->amira, f->sue, NOW + 1, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_assert_null (sue);
  g_clear_error (&error);
  g_clear_pointer (&note, lh_advice_note_free);
  note = lh_advice_note_add (f->ts->store, f->centre, f->amira, f->sue, 0, "still here", NOW + 1, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&own, lh_advice_record_free);
  own = lh_advice_record_get (f->ts->store, f->centre, f->amira, f->amira, NOW + 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (own->supporters->len, ==, 0);
  g_assert_false (lh_advice_share (f->ts->store, f->amira, f->dev, FALSE, NOW + 1, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Her choice again: shared, Sue reads it. */
  g_assert_true (lh_advice_share (f->ts->store, f->amira, f->sue, TRUE, NOW + 2, &error));
  sue = lh_advice_record_get (f->ts->store, f->centre, f->amira, f->sue, NOW + 2, &error);
  g_assert_no_error (error);
}

static void
test_waiting_ticket_is_a_number (Fixture *f, gconstpointer data)
{
  g_autoptr(LhAdviceRequest) request = join (f, f->amira, SECRET_NOTE, NOW);
  g_autoptr(LhAdviceRequest) seen = NULL;
  g_autoptr(GPtrArray) queues = NULL;
  g_autoptr(GError) error = NULL;
  LhQueue *queue;

  /* The drop-in's ULRs too: not before they call it. */
  seen = lh_advice_request_get (f->ts->store, f->centre, request->id, f->sue, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  queues = lh_advice_queues (f->ts->store, f->centre, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queues->len, ==, 1);
  queue = g_ptr_array_index (queues, 0);
  g_assert_true (queue->open);
  g_assert_cmpuint (queue->waiting->len, ==, 1);
  g_assert_cmpint (g_array_index (queue->waiting, int, 0), ==, 1);
  g_assert_cmpuint (queue->serving->len, ==, 0);
}

static void
test_sealed_at_rest (Fixture *f, gconstpointer data)
{
  const char *secrets[] = { SECRET_NOTE, SECRET_ULR, SECRET_PLAN, SECRET_MOT };
  g_autofree char *wal = g_strconcat (f->ts->path, "-wal", NULL);
  g_autoptr(LhNoteKey) other = lh_note_key_new_random ();
  g_autoptr(LhAdviceRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  fill_record (f);
  /* The names are not secret, and are there: the search works. */
  g_assert_true (lh_test_file_contains (wal, "Amira Khan") || lh_test_file_contains (f->ts->path, "Amira Khan"));
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      g_assert_false (lh_test_file_contains (wal, secrets[i]));
      g_assert_false (lh_test_file_contains (f->ts->path, secrets[i]));
    }
  /* Another key opens nothing. */
  lh_note_key_free (f->centre->note_key);
  f->centre->note_key = g_steal_pointer (&other);
  record = lh_advice_record_get (f->ts->store, f->centre, f->amira, f->amira, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INTERNAL);
  g_assert_null (record);
}

static void
test_note_key_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("learnhub-key-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.key", NULL);
  g_autoptr(LhNoteKey) key = NULL;
  g_autoptr(LhNoteKey) again = NULL;
  g_autoptr(LhNoteKey) open_to_all = NULL;
  g_autoptr(LhNoteKey) short_key = NULL;
  g_autoptr(GBytes) sealed = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  gsize size;
  const void *bytes;

  key = lh_note_key_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  sealed = lh_note_key_seal (key, "hello");
  again = lh_note_key_open (path, &error);
  g_assert_no_error (error);
  bytes = g_bytes_get_data (sealed, &size);
  text = lh_note_key_open_text (again, bytes, size, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "hello");

  g_chmod (path, 0644);
  open_to_all = lh_note_key_open (path, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  g_chmod (path, 0600);
  g_assert_true (g_file_set_contents (path, "short", -1, NULL));
  g_chmod (path, 0600);
  short_key = lh_note_key_open (path, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_remove (path);
  g_rmdir (dir);
}

/* What the committee's counts will read: the request whoever asks. */
static LhAdviceRequest *
lh_advice_request_get_unchecked_for_test (Fixture *f, gint64 request_id, gint64 now)
{
  g_autoptr(GError) error = NULL;
  LhAdviceRequest *request = lh_advice_request_get_unchecked (f->ts->store, f->centre, request_id, now, &error);

  g_assert_no_error (error);
  return request;
}

static void
test_retention (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRecord) kept = NULL;
  g_autoptr(LhAdviceRecord) gone = NULL;
  gint64 later = NOW + (gint64) 25 * 31 * DAY;
  gint64 request_id = fill_record (f);
  guint n = 0;

  /* Nothing is due yet. */
  g_assert_true (lh_advice_expire (f->ts->store, f->centre, NOW + DAY, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  /* Ben comes back a month before; Amira has not been for 25 months. */
  {
    g_autoptr(LhAdviceSlot) slot = lh_advice_slots_offer (f->ts->store, f->dev, f->dev, later - 30 * DAY,
                                                          later - 30 * DAY + 30 * MINUTE, "", later - 31 * DAY, &error);
    g_autoptr(LhAdviceRequest) again = NULL;

    g_assert_no_error (error);
    again = lh_advice_request_create (f->ts->store, f->centre, f->ben, "careers", "appointment", "email",
                                      "ben@example.org", NULL, 0,
                                      slot->id, later - 31 * DAY, &error);
    g_assert_no_error (error);
  }
  g_assert_true (lh_advice_expire (f->ts->store, f->centre, later, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  kept = lh_advice_record_get (f->ts->store, f->centre, f->ben, f->ben, later, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->requests->len, ==, 1);
  gone = lh_advice_record_get (f->ts->store, f->centre, f->amira, f->amira, later, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gone->requests->len, ==, 0);
  g_assert_cmpuint (gone->notes->len, ==, 0);
  g_assert_cmpuint (gone->plan->len, ==, 0);
  g_assert_cmpuint (gone->mots->len, ==, 0);
  g_assert_cmpuint (gone->supporters->len, ==, 0);
  /* What is left counts for the committee, and names nobody. */
  {
    g_autoptr(LhAdviceRequest) left = NULL;
    g_autoptr(LhAdviceRequest) unchecked = NULL;

    left = lh_advice_request_get (f->ts->store, f->centre, request_id, f->sue, later, &error);
    g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
    g_clear_error (&error);
    left = lh_advice_request_get (f->ts->store, f->centre, request_id, f->amira, later, &error);
    g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
    g_clear_error (&error);
    unchecked = lh_advice_request_get_unchecked_for_test (f, request_id, later);
    g_assert_cmpint (unchecked->learner_id, ==, 0);
    g_assert_null (unchecked->note);
    /* Nor who saw them, where, or to the second. */
    g_assert_cmpint (unchecked->ulr_id, ==, 0);
    g_assert_null (unchecked->desk);
    g_assert_cmpint (unchecked->created_at % DAY, ==, 0);
    g_assert_cmpint (unchecked->ended_at % DAY, ==, 0);
    g_assert_cmpstr (unchecked->topic, ==, "esol");
    g_assert_cmpstr (unchecked->outcomes[0], ==, "learning-plan-agreed");
  }
}

static void
test_deletion_on_request (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRecord) record = NULL;
  g_autoptr(GPtrArray) asks = NULL;

  /* Nothing to delete yet. */
  g_assert_false (lh_advice_ask_deletion (f->ts->store, f->amira, NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);
  fill_record (f);
  /* Not asked: a ULR cannot delete on their own. */
  g_assert_false (lh_advice_confirm_deletion (f->ts->store, f->centre, f->amira, f->sue, NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (lh_advice_ask_deletion (f->ts->store, f->amira, NOW, &error));
  asks = lh_advice_deletions_for_ulr (f->ts->store, f->sue, &error);
  g_assert_cmpuint (asks->len, ==, 1);
  g_clear_pointer (&asks, g_ptr_array_unref);
  asks = lh_advice_deletions_for_ulr (f->ts->store, f->dev, &error);
  g_assert_cmpuint (asks->len, ==, 0);
  /* Only a ULR of theirs confirms. */
  g_assert_false (lh_advice_confirm_deletion (f->ts->store, f->centre, f->amira, f->dev, NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (lh_advice_confirm_deletion (f->ts->store, f->centre, f->amira, f->sue, NOW, &error));
  g_assert_no_error (error);
  record = lh_advice_record_get (f->ts->store, f->centre, f->amira, f->amira, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (record->requests->len + record->notes->len + record->plan->len + record->mots->len, ==, 0);
  g_assert_cmpint (record->deletion_asked_at, ==, 0);
}

static void
test_dropin_close_and_alert (Fixture *f, gconstpointer data)
{
  g_autoptr(LhAdviceRequest) a = join (f, f->amira, NULL, NOW);
  g_autoptr(LhAdviceRequest) b = NULL;
  g_autoptr(LhAdviceRequest) c = NULL;
  g_autoptr(LhAdviceRequest) seen = NULL;
  g_autoptr(LhDropin) closed = NULL;
  g_autoptr(LhFacilitySummary) sue = NULL;
  g_autoptr(GArray) alert = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) closed_ids = NULL;
  gint64 later;

  /* Dev asked to hear when more than 2 wait: at the third. */
  alert = lh_dropins_ulrs_to_alert (f->ts->store, f->dropin, 2, &error);
  g_assert_cmpuint (alert->len, ==, 0);
  g_clear_pointer (&alert, g_array_unref);
  b = join (f, f->ben, NULL, NOW);
  c = join (f, f->cara, NULL, NOW);
  alert = lh_dropins_ulrs_to_alert (f->ts->store, f->dropin, 3, &error);
  g_assert_cmpuint (alert->len, ==, 1);
  g_assert_cmpint (g_array_index (alert, gint64, 0), ==, f->dev);

  closed = lh_dropins_close (f->ts->store, f->dropin, f->ben, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  closed = lh_dropins_close (f->ts->store, f->dropin, f->sue, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (closed->closed_at, ==, NOW);
  seen = lh_advice_request_get (f->ts->store, f->centre, a->id, f->amira, NOW, &error);
  g_assert_cmpstr (seen->status, ==, "unseen");
  /* An hour there, each. */
  sue = lh_facility_time_summary (f->ts->store, f->centre, f->sue, NOW, &error);
  g_assert_cmpint (sue->week_minutes, ==, 60);

  /* A drop-in closes by itself at its end, and logs its whole time once. */
  later = NOW + 3 * DAY;
  {
    gint64 id = open_dropin (f, later, later + HOUR, FALSE);

    g_assert_true (lh_dropins_close_ended (f->ts->store, later + 2 * HOUR, &closed_ids, &error));
    g_assert_cmpuint (closed_ids->len, ==, 1);
    g_assert_cmpint (g_array_index (closed_ids, gint64, 0), ==, id);
    g_clear_pointer (&closed_ids, g_array_unref);
    g_assert_true (lh_dropins_close_ended (f->ts->store, later + 3 * HOUR, &closed_ids, &error));
    g_assert_cmpuint (closed_ids->len, ==, 0);
  }
  g_clear_pointer (&sue, lh_facility_summary_free);
  sue = lh_facility_time_summary (f->ts->store, f->centre, f->sue, later, &error);
  g_assert_cmpint (sue->week_minutes, ==, 120);
}

/* An appointment is the learner's until its time: the ULR cannot mark a
 * no-show before it begins, nor start it more than a quarter of an hour
 * early; the learner cannot give it back once it has begun. */
static void
test_appointment_times (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceSlot) slot = lh_advice_slots_offer (f->ts->store, f->dev, f->dev, NOW + DAY, NOW + DAY + 30 * MINUTE,
                                                        "", NOW, &error);
  g_autoptr(LhAdviceSlot) far = lh_advice_slots_offer (f->ts->store, f->dev, f->dev, NOW + 400 * (gint64) DAY,
                                                       NOW + 400 * (gint64) DAY + 30 * MINUTE, "", NOW, &error);
  g_autoptr(LhAdviceRequest) booked = NULL;
  g_autoptr(LhAdviceRequest) moved = NULL;

  g_assert_null (far);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  booked = lh_advice_request_create (f->ts->store, f->centre, f->amira, "careers", "appointment", "here", NULL, "   ", 0,
                                     slot->id, NOW, &error);
  g_assert_no_error (error);
  /* A note of only spaces is no note. */
  g_assert_null (booked->note);
  moved = lh_advice_no_show (f->ts->store, f->centre, booked->id, f->dev, NOW + DAY - MINUTE, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);
  moved = lh_advice_start (f->ts->store, f->centre, booked->id, f->dev, NOW + DAY - 20 * MINUTE, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (lh_advice_request_leave (f->ts->store, booked->id, f->amira, NOW + DAY + MINUTE, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);
  moved = lh_advice_start (f->ts->store, f->centre, booked->id, f->dev, NOW + DAY - 10 * MINUTE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (moved->status, ==, "started");
}

/* A ULR waiting in the queue themself is seen by a colleague. */
static void
test_ulr_never_calls_self (Fixture *f, gconstpointer data)
{
  g_autoptr(LhAdviceRequest) own = join (f, f->sue, NULL, NOW);
  g_autoptr(LhAdviceRequest) none = NULL;
  g_autoptr(LhAdviceRequest) by_dev = NULL;
  g_autoptr(GError) error = NULL;

  none = lh_advice_call_next (f->ts->store, f->centre, 0, f->sue, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);
  by_dev = call_next (f, f->dev);
  g_assert_cmpint (by_dev->id, ==, own->id);
}

static void
test_facility_time_rules (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFacilityEntry) entry = NULL;
  const struct { const char *activity; gint64 start; int minutes; gint64 who; } bad[] = {
    { "drop-in", NOW - DAY, 60, 0 },
    { "napping", NOW - DAY, 60, 0 },
    { "training", NOW - DAY, 0, 0 },
    { "training", NOW - DAY, 13 * 60, 0 },
    { "training", NOW + DAY, 60, 0 },
    { "training", NOW - 400 * (gint64) DAY, 60, 0 },
    { "training", NOW - DAY, 60, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      entry = lh_facility_time_add (f->ts->store, bad[i].who ? f->amira : f->sue, bad[i].activity, bad[i].start,
                                    bad[i].minutes, "", NOW, &error);
      g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
      g_assert_null (entry);
      g_clear_error (&error);
    }
  entry = lh_facility_time_add (f->ts->store, f->sue, "training", NOW - HOUR, 45, "ULR refresher", NOW, &error);
  g_assert_no_error (error);
  g_assert_false (entry->automatic);
  g_assert_cmpstr (entry->note, ==, "ULR refresher");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/lh/advice/queue-order", test_queue_order);
  ADD ("/lh/advice/second-join-refused", test_second_join_refused);
  ADD ("/lh/advice/bad-input-changes-nothing", test_bad_input_changes_nothing);
  ADD ("/lh/advice/guest-and-no-dropin", test_guest_and_no_dropin);
  ADD ("/lh/advice/no-show-and-leaving", test_no_show_and_leaving);
  ADD ("/lh/advice/two-ulrs-never-same-ticket", test_two_ulrs_never_same_ticket);
  ADD ("/lh/advice/appointment-and-facility-time", test_appointment_and_facility_time);
  ADD ("/lh/advice/access", test_access);
  ADD ("/lh/advice/waiting-ticket-is-a-number", test_waiting_ticket_is_a_number);
  ADD ("/lh/advice/sealed-at-rest", test_sealed_at_rest);
  ADD ("/lh/advice/retention", test_retention);
  ADD ("/lh/advice/deletion-on-request", test_deletion_on_request);
  ADD ("/lh/advice/dropin-close-and-alert", test_dropin_close_and_alert);
  ADD ("/lh/advice/facility-time-rules", test_facility_time_rules);
  ADD ("/lh/advice/appointment-times", test_appointment_times);
  ADD ("/lh/advice/ulr-never-calls-self", test_ulr_never_calls_self);
#undef ADD
  g_test_add_func ("/lh/advice/note-key-file", test_note_key_file);
  return g_test_run ();
}
