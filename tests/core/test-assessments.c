/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Skills assessment slots: offered by a ULR, booked by one learner, never
 * by a guest, and who booked shown only to the learner and the assessor. */
#include <string.h>

#include "lh-assessments.h"
#include "lh-bookings.h"
#include "lh-core-test.h"
#include "lh-error.h"
#include "lh-guests.h"
#include "lh-people.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW    1795435200
#define MINUTE 60
#define HOUR   3600
#define DAY    (24 * HOUR)

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       ulr, amira, ben, guest;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhPerson) guest = NULL;
  g_autofree char *pin = NULL;

  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->ulr = lh_test_add_person (f->ts->store, "1", "Sue Bennett", LH_ROLE_LEARNER | LH_ROLE_ULR, NOW - DAY);
  f->amira = lh_test_add_person (f->ts->store, "2", "Amira Khan", LH_ROLE_LEARNER, NOW - DAY);
  f->ben = lh_test_add_person (f->ts->store, "3", "Ben Okafor", LH_ROLE_LEARNER, NOW - DAY);
  guest = lh_guests_register (f->ts->store, f->amira, "Samira Khan", NOW - DAY, &pin, &error);
  g_assert_no_error (error);
  f->guest = guest->id;
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

static LhAssessmentSlot *
offer (Fixture *f, const char *subject, gint64 start)
{
  g_autoptr(GError) error = NULL;
  LhAssessmentSlot *slot = lh_assessments_offer (f->ts->store, f->ulr, f->ulr, subject, start, start + 45 * MINUTE,
                                                 "Quiet room", NOW, &error);

  g_assert_no_error (error);
  return slot;
}

static void
test_offer_rules (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAssessmentSlot) slot = offer (f, "maths", NOW + DAY);
  g_autoptr(LhAssessmentSlot) refused = NULL;

  g_assert_cmpstr (slot->subject, ==, "maths");
  g_assert_cmpstr (slot->assessor_name, ==, "Sue Bennett");
  g_assert_false (slot->taken);

  refused = lh_assessments_offer (f->ts->store, f->ulr, f->ulr, "french", NOW + DAY, NOW + DAY + HOUR, "", NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  refused = lh_assessments_offer (f->ts->store, f->ulr, f->ulr, "english", NOW - HOUR, NOW, "", NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  refused = lh_assessments_offer (f->ts->store, f->ulr, f->ulr, "english", NOW + DAY, NOW + DAY + 5 * MINUTE, "",
                                  NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  /* The assessor must be a ULR. */
  refused = lh_assessments_offer (f->ts->store, f->ulr, f->amira, "english", NOW + DAY, NOW + DAY + HOUR, "",
                                  NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  /* One place at a time. */
  refused = lh_assessments_offer (f->ts->store, f->ulr, f->ulr, "esol", NOW + DAY + 30 * MINUTE,
                                  NOW + DAY + 90 * MINUTE, "", NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Sue Bennett already has an assessment then");
}

static void
test_book_and_privacy (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAssessmentSlot) slot = offer (f, "english", NOW + DAY);
  g_autoptr(LhAssessmentSlot) booked = NULL;
  g_autoptr(LhAssessmentSlot) again = NULL;
  g_autoptr(GPtrArray) seen_by_ben = NULL;
  g_autoptr(GPtrArray) seen_by_nobody = NULL;
  g_autoptr(GPtrArray) seen_by_ulr = NULL;
  g_autoptr(GPtrArray) seen_by_amira = NULL;
  const LhAssessmentSlot *s;

  booked = lh_assessments_book (f->ts->store, f->centre, slot->id, f->amira, NOW, &error);
  g_assert_no_error (error);
  g_assert_true (booked->taken);
  g_assert_true (booked->mine);

  again = lh_assessments_book (f->ts->store, f->centre, slot->id, f->ben, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Someone has just booked that one");

  /* Anyone else does not see it at all: its subject and time would say
   * what the learner's time off was for (issue 12, item 4). */
  seen_by_ben = lh_assessments_list (f->ts->store, NOW, NOW + 7 * DAY, f->ben, &error);
  g_assert_cmpuint (seen_by_ben->len, ==, 0);
  seen_by_nobody = lh_assessments_list (f->ts->store, NOW, NOW + 7 * DAY, 0, &error);
  g_assert_cmpuint (seen_by_nobody->len, ==, 0);

  seen_by_ulr = lh_assessments_list (f->ts->store, NOW, NOW + 7 * DAY, f->ulr, &error);
  s = g_ptr_array_index (seen_by_ulr, 0);
  g_assert_true (s->taken);
  g_assert_false (s->mine);
  g_assert_cmpstr (s->learner_name, ==, "Amira Khan");
  seen_by_amira = lh_assessments_list (f->ts->store, NOW, NOW + 7 * DAY, f->amira, &error);
  g_assert_true (((LhAssessmentSlot *) g_ptr_array_index (seen_by_amira, 0))->mine);
}

static void
test_who_may_book (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAssessmentSlot) slot = offer (f, "esol", NOW + DAY);
  g_autoptr(LhAssessmentSlot) refused = NULL;

  refused = lh_assessments_book (f->ts->store, f->centre, slot->id, f->guest, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Assessments are for staff; guests can book a computer");
  g_clear_error (&error);
  refused = lh_assessments_book (f->ts->store, f->centre, slot->id, f->ulr, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  refused = lh_assessments_book (f->ts->store, f->centre, slot->id, f->amira, NOW + DAY + MINUTE, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  refused = lh_assessments_book (f->ts->store, f->centre, slot->id + 99, f->amira, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
}

static void
test_one_per_subject_and_no_clash (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAssessmentSlot) monday = offer (f, "maths", NOW + DAY);
  g_autoptr(LhAssessmentSlot) tuesday = offer (f, "maths", NOW + 2 * DAY);
  g_autoptr(LhAssessmentSlot) english = offer (f, "english", NOW + 3 * DAY);
  g_autoptr(LhAssessmentSlot) a = NULL, b = NULL, c = NULL;
  g_autoptr(LhBooking) pc = NULL;
  gint64 pc_id;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Sun 08:00-20:00", &error);

  a = lh_assessments_book (f->ts->store, f->centre, monday->id, f->amira, NOW, &error);
  g_assert_no_error (error);
  b = lh_assessments_book (f->ts->store, f->centre, tuesday->id, f->amira, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "You already have this assessment booked"));
  g_clear_error (&error);

  /* Given back, it is free for Ben; Amira may then take Tuesday's. */
  g_assert_true (lh_assessments_cancel (f->ts->store, monday->id, f->amira, NOW, &error));
  g_assert_false (lh_assessments_cancel (f->ts->store, monday->id, f->ben, NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&b, lh_assessment_slot_free);
  b = lh_assessments_book (f->ts->store, f->centre, tuesday->id, f->amira, NOW, &error);
  g_assert_no_error (error);

  /* A PC booked at the time of the English assessment clashes. */
  g_assert_true (lh_resources_add (f->ts->store, "PC 1", "pc", 1, &pc_id, &error));
  g_assert_true (lh_resources_set_hours (f->ts->store, pc_id, (LhOpeningPeriod *) hours->data, hours->len, &error));
  pc = lh_bookings_create (f->ts->store, f->centre, f->amira, pc_id, NOW + 3 * DAY - 15 * MINUTE,
                           NOW + 3 * DAY + 30 * MINUTE, NOW, &error);
  g_assert_no_error (error);
  c = lh_assessments_book (f->ts->store, f->centre, english->id, f->amira, NOW, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "You have PC 1 booked at that time");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, setup, fn, teardown)
  ADD ("/lh/assessments/offer-rules", test_offer_rules);
  ADD ("/lh/assessments/book-and-privacy", test_book_and_privacy);
  ADD ("/lh/assessments/who-may-book", test_who_may_book);
  ADD ("/lh/assessments/one-per-subject-and-no-clash", test_one_per_subject_and_no_clash);
#undef ADD

  return g_test_run ();
}
