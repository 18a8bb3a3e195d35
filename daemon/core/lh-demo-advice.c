/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-demo"

#include "lh-demo-advice.h"

#include "lh-advice.h"
#include "lh-advice-record.h"
#include "lh-dropins.h"
#include "lh-error.h"
#include "lh-facility-time.h"
#include "lh-time.h"

#define MINUTE 60
#define HOUR   3600
#define DAY    (24 * HOUR)

/* What people come about, most often first: drawn with these weights. */
static const struct
{
  const char *topic;
  int         weight;
} topics[] = {
  { "english-maths", 6 }, { "digital", 5 }, { "esol", 4 }, { "courses-funding", 4 },
  { "careers", 3 }, { "apprenticeships", 2 }, { "time-to-train", 2 }, { "dyslexia", 2 },
  { "learning-mot", 2 }, { "higher-education", 1 }, { "other", 1 },
};

static const char * const notes[] = {
  "Talked through the Level 1 English course at the college; will think about evenings.",
  "Wants to help their children with homework. Gave the family learning leaflet.",
  "Nervous about tests. Explained the assessment is informal and private.",
  "Shift pattern makes weekday classes hard; looked at the online course instead.",
  "Asked about the learning fund for a forklift licence. Sent the form.",
  "Would like to move into the office team; talked about a digital skills course.",
};

static const char * const contacts[] = { "here", "here", "phone", "at-work", "email" };

/* The number or address of one who asked to be reached by phone or email:
 * Ofcom's drama range and example.org, made from n, never drawn, so that
 * the rest of the demo stays as it was. (transfer full) (nullable) */
static char *
demo_contact_detail (const char *contact, int n)
{
  if (g_str_equal (contact, "phone"))
    return g_strdup_printf ("07700 900%03d", 100 + n % 900);
  if (g_str_equal (contact, "email"))
    return g_strdup_printf ("learner%d@example.org", n);
  return NULL;
}

static const char *
draw_topic (GRand *rand)
{
  int total = 0, pick;

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    total += topics[i].weight;
  pick = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    if ((pick -= topics[i].weight) < 0)
      return topics[i].topic;
  return "other";
}

static gint64
draw_learner (GRand *rand, GArray *learner_ids, guint first_random)
{
  return g_array_index (learner_ids, gint64, g_rand_int_range (rand, first_random, learner_ids->len));
}

/* Starts and finishes a called request with one or two outcomes; now and
 * then with a note. */
static gboolean
serve (LhStore *store, const LhCentre *centre, GRand *rand, const LhAdviceRequest *request, gint64 ulr,
       gint64 at, int minutes, GError **error)
{
  const char *outcomes[3] = { NULL, NULL, NULL };
  g_autoptr(LhAdviceRequest) started = NULL;
  g_autoptr(LhAdviceRequest) done = NULL;
  const char *note = NULL;

  outcomes[0] = lh_advice_outcomes[g_rand_int_range (rand, 0, 7)];
  if (g_rand_boolean (rand))
    outcomes[1] = lh_advice_outcomes[g_rand_int_range (rand, 0, 7)];
  if (g_rand_int_range (rand, 0, 3) == 0)
    note = notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))];
  started = lh_advice_start (store, centre, request->id, ulr, at, error);
  done = started != NULL ? lh_advice_finish (store, centre, request->id, ulr, outcomes, note,
                                             at + minutes * MINUTE, error) : NULL;
  return done != NULL;
}

static gboolean
add_dropin (LhStore *store, const LhCentre *centre, GRand *rand, GArray *learner_ids, guint first_random,
            gint64 start, gint64 end, gboolean both, gint64 now, GError **error)
{
  LhDropinUlr sue = { .ulr_id = g_array_index (learner_ids, gint64, 2), .desk = (char *) "Desk 1",
                      .alert_length = 4 };
  LhDropinUlr tomasz = { .ulr_id = g_array_index (learner_ids, gint64, 3), .desk = (char *) "Desk 2" };
  const LhDropinUlr *ulrs[] = { &sue, &tomasz };
  g_autoptr(LhDropin) dropin = lh_dropins_open (store, sue.ulr_id, "Learning centre", start, end, ulrs,
                                                both ? 2 : 1, start - 7 * DAY, error);
  g_autoptr(GArray) joined_at = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean live = start <= now && now < end;
  int n = g_rand_int_range (rand, 2, both ? 7 : 5);
  gint64 at = start;

  if (dropin == NULL)
    return FALSE;
  if (start > now)
    return TRUE;  /* ahead: nobody has come yet */
  /* People drop in over the first hour, one after another. */
  for (int i = 0; i < n; i++)
    {
      g_autoptr(LhAdviceRequest) joined = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *detail = NULL;
      const char *contact;

      at = MIN (at + g_rand_int_range (rand, 2, 12) * MINUTE, live ? now : start + HOUR);
      {
        /* In the order drawn before issue 15. */
        gint64 learner = draw_learner (rand, learner_ids, first_random);
        const char *topic = draw_topic (rand);

        contact = contacts[g_rand_int_range (rand, 0, 5)];
        detail = demo_contact_detail (contact, (int) (dropin->id * 10 + i));
        joined = lh_advice_request_create (store, centre, learner, topic, "queue", contact, detail, NULL,
                                           dropin->id, 0, at, &local_error);
      }
      /* The same person drawn twice is in the queue already. */
      if (joined == NULL && !g_error_matches (local_error, LH_ERROR, LH_ERROR_CONFLICT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (joined != NULL)
        g_array_append_val (joined_at, at);
    }
  if (live)
    {
      /* One is with Sue now; the rest wait. */
      g_autoptr(LhAdviceRequest) called = lh_advice_call_next (store, centre, dropin->id, sue.ulr_id, now, error);
      g_autoptr(LhAdviceRequest) started = NULL;

      started = called != NULL ? lh_advice_start (store, centre, called->id, sue.ulr_id, now, error) : NULL;
      return started != NULL;
    }
  /* Tickets are called in order, each no sooner than its holder came. */
  for (guint turn = 0, busy_until[2] = { 0, 0 }; turn < joined_at->len; turn++)
    {
      guint desk = both ? turn % 2 : 0;
      gint64 ulr = desk == 1 ? tomasz.ulr_id : sue.ulr_id;
      gint64 clock = MAX ((gint64) busy_until[desk] + start, g_array_index (joined_at, gint64, turn) + MINUTE);
      int minutes = g_rand_int_range (rand, 6, 20);
      g_autoptr(LhAdviceRequest) called = NULL;

      if (clock + (minutes + 2) * MINUTE >= end)
        break;
      called = lh_advice_call_next (store, centre, dropin->id, ulr, clock, error);
      if (called == NULL)
        return FALSE;
      if (g_rand_int_range (rand, 0, 8) == 0)
        {
          g_autoptr(LhAdviceRequest) gone = lh_advice_no_show (store, centre, called->id, ulr, clock + 5 * MINUTE,
                                                               error);
          if (gone == NULL)
            return FALSE;
          busy_until[desk] = (guint) (clock + 5 * MINUTE - start);
          continue;
        }
      if (!serve (store, centre, rand, called, ulr, clock + 2 * MINUTE, minutes, error))
        return FALSE;
      busy_until[desk] = (guint) (clock + (minutes + 2) * MINUTE - start);
    }
  return TRUE;
}

/* Sue's appointments: Mondays and Wednesdays at 10:00 and 10:30. */
static gboolean
add_appointments (LhStore *store, const LhCentre *centre, GRand *rand, GArray *learner_ids, guint first_random,
                  gint64 day, gint64 now, GError **error)
{
  gint64 sue = g_array_index (learner_ids, gint64, 2);
  int weekday = lh_time_local_weekday (day, centre->tz);

  if (weekday != 1 && weekday != 3)
    return TRUE;
  for (int minute = 10 * 60; minute <= 10 * 60 + 30; minute += 30)
    {
      gint64 start = lh_time_at_local_minute (day, minute, centre->tz);
      g_autoptr(LhAdviceSlot) slot = NULL;
      g_autoptr(LhAdviceRequest) booked = NULL;
      g_autoptr(GError) local_error = NULL;

      if (start > now && start < now + HOUR)
        continue;
      slot = lh_advice_slots_offer (store, sue, sue, start, start + 30 * MINUTE, "Quiet room", start - 14 * DAY,
                                    error);
      if (slot == NULL)
        return FALSE;
      if (g_rand_int_range (rand, 0, 10) >= (start < now ? 6 : 3))
        continue;
      {
        /* The 10:00 ones by phone, for the desk to show a number. */
        const char *contact = minute == 10 * 60 ? "phone" : "here";
        gint64 learner = draw_learner (rand, learner_ids, first_random);
        const char *topic = draw_topic (rand);
        g_autofree char *detail = demo_contact_detail (contact, (int) (slot->id % 900));

        booked = lh_advice_request_create (store, centre, learner, topic, "appointment", contact, detail, NULL, 0,
                                           slot->id, start - 2 * DAY, &local_error);
      }
      if (booked == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (start < now && !serve (store, centre, rand, booked, sue, start, 25, error))
        return FALSE;
    }
  return TRUE;
}

/* Meetings each week, training each month, a stall now and then. */
static gboolean
add_other_duties (LhStore *store, const LhCentre *centre, GArray *learner_ids, gint64 day, int n_day,
                  gint64 now, GError **error)
{
  int weekday = lh_time_local_weekday (day, centre->tz);

  for (guint u = 2; u <= 3; u++)
    {
      gint64 ulr = g_array_index (learner_ids, gint64, u);
      const char *activity = NULL, *note = "";
      int minute = 9 * 60, minutes = 60;
      gint64 start;

      if (weekday == 5)
        activity = "meeting", note = "Learning committee preparation";
      else if (weekday == 3 && (n_day / 7) % 4 == (int) u - 2)
        activity = "training", note = "ULR refresher course", minute = 13 * 60, minutes = 180;
      else if (weekday == 3 && (n_day / 7) % 3 == 0 && u == 3)
        activity = "promotion", note = "Stall in the canteen", minute = 12 * 60;
      if (activity == NULL)
        continue;
      start = lh_time_at_local_minute (day, minute, centre->tz);
      if (start + minutes * MINUTE > now)
        continue;
      {
        g_autoptr(LhFacilityEntry) entry = lh_facility_time_add (store, ulr, activity, start, minutes, note,
                                                                 start + minutes * MINUTE, error);
        if (entry == NULL)
          return FALSE;
      }
    }
  return TRUE;
}

/* The newcomer's own record: an appointment six weeks ago, a plan with
 * a goal and two steps (one done), and a learning MOT. */
static gboolean
add_own_record (LhStore *store, const LhCentre *centre, GArray *learner_ids, gint64 now, GError **error)
{
  gint64 me = g_array_index (learner_ids, gint64, 0);
  gint64 sue = g_array_index (learner_ids, gint64, 2);
  gint64 when = lh_time_at_local_minute (lh_time_add_days (lh_time_local_midnight (now, centre->tz), -43,
                                                           centre->tz), 15 * 60, centre->tz);
  gint64 due = lh_time_add_days (lh_time_local_midnight (now, centre->tz), 120, centre->tz);
  const char * const outcomes[] = { "learning-plan-agreed", "assessment-booked", NULL };
  g_autoptr(LhAdviceSlot) slot = lh_advice_slots_offer (store, sue, sue, when, when + 30 * MINUTE, "Quiet room",
                                                        when - 14 * DAY, error);
  g_autoptr(LhAdviceRequest) booked = NULL;
  g_autoptr(LhAdviceRequest) started = NULL;
  g_autoptr(LhAdviceRequest) done = NULL;
  g_autoptr(LhPlanItem) goal = NULL;
  g_autoptr(LhPlanItem) first = NULL;
  g_autoptr(LhPlanItem) second = NULL;
  g_autoptr(LhPlanItem) ticked = NULL;
  g_autoptr(LhLearningMot) mot = NULL;

  if (slot == NULL)
    return FALSE;
  booked = lh_advice_request_create (store, centre, me, "english-maths", "appointment", "here", NULL,
                                     "I would like to write better emails at work.", 0, slot->id, when - 3 * DAY,
                                     error);
  started = booked != NULL ? lh_advice_start (store, centre, booked->id, sue, when, error) : NULL;
  done = started != NULL ? lh_advice_finish (store, centre, booked->id, sue, outcomes,
                                             "Keen and practical. Booked the English check; plan agreed.",
                                             when + 30 * MINUTE, error) : NULL;
  if (done == NULL)
    return FALSE;
  goal = lh_plan_item_add (store, centre, me, sue, 0, "Pass Functional Skills English Level 1", due,
                           when + 30 * MINUTE, error);
  first = goal != NULL ? lh_plan_item_add (store, centre, me, sue, goal->id, "Take the English skills check", 0,
                                           when + 30 * MINUTE, error) : NULL;
  second = first != NULL ? lh_plan_item_add (store, centre, me, sue, goal->id,
                                             "Join the Tuesday evening English group",
                                             lh_time_add_days (lh_time_local_midnight (now, centre->tz), 14,
                                                               centre->tz),
                                             when + 30 * MINUTE, error) : NULL;
  ticked = second != NULL ? lh_plan_item_set_done (store, centre, first->id, me, TRUE, when + 8 * DAY, error) : NULL;
  mot = ticked != NULL ? lh_learning_mot_add (store, centre, me, sue, when,
                                              "Confident speaker; wants help with writing. Interested in "
                                              "moving to a team leader role.", 0, when + 30 * MINUTE, error) : NULL;
  return mot != NULL;
}

gboolean
lh_demo_add_advice_days (LhStore *store, const LhCentre *centre, GRand *rand, GArray *learner_ids, guint first_random,
                         gint64 from, gint64 until, gint64 now, GError **error)
{
  gint64 today = lh_time_local_midnight (now, centre->tz);
  gint64 live_start = now - HOUR - now % (30 * MINUTE);
  int n_day = 0;

  g_return_val_if_fail (learner_ids->len > first_random && first_random > 3, FALSE);

  for (gint64 day = from; day < until; day = lh_time_next_midnight (day, centre->tz), n_day++)
    {
      int weekday = lh_time_local_weekday (day, centre->tz);
      gint64 start = 0, finish = 0;

      /* Tuesday lunchtimes with both ULRs; Thursdays after the day shift
       * with Sue. */
      if (weekday == 2)
        start = lh_time_at_local_minute (day, 12 * 60, centre->tz), finish = start + 2 * HOUR;
      else if (weekday == 4)
        start = lh_time_at_local_minute (day, 16 * 60, centre->tz), finish = start + 2 * HOUR;
      /* Today's live drop-in stands in for one that would clash with it. */
      if (start != 0 && start < live_start + 3 * HOUR && finish > live_start)
        start = 0;
      if (start != 0 &&
          !add_dropin (store, centre, rand, learner_ids, first_random, start, finish, weekday == 2, now, error))
        return FALSE;
      if (!add_appointments (store, centre, rand, learner_ids, first_random, day, now, error) ||
          (day < today && !add_other_duties (store, centre, learner_ids, day, n_day, now, error)))
        return FALSE;
    }
  return TRUE;
}

gboolean
lh_demo_add_advice (LhStore *store, const LhCentre *centre, GRand *rand, GArray *learner_ids, guint first_random,
                    gint64 history_start, gint64 now, GError **error)
{
  gint64 end = lh_time_add_days (lh_time_local_midnight (now, centre->tz), 14, centre->tz);
  gint64 live_start = now - HOUR - now % (30 * MINUTE);

  if (!lh_demo_add_advice_days (store, centre, rand, learner_ids, first_random, history_start, end, now, error))
    return FALSE;
  /* Past drop-ins close as their time ends, logging the ULRs' time. */
  if (!lh_dropins_close_ended (store, now, NULL, error))
    return FALSE;
  return add_own_record (store, centre, learner_ids, now, error) &&
         add_dropin (store, centre, rand, learner_ids, first_random, live_start, live_start + 3 * HOUR, TRUE, now,
                     error);
}
