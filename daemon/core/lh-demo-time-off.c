/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-demo"

#include "lh-demo-time-off.h"

#include "lh-assessments.h"
#include "lh-bookings.h"
#include "lh-error.h"
#include "lh-groups.h"
#include "lh-people.h"
#include "lh-time-off.h"
#include "lh-time.h"

#define DAY     (24 * 3600)
#define HOUR    3600

/* Who is who, by staff number: an apprentice and an ESOL learner among
 * the learners with a history. */
#define APPRENTICE   "100011"  /* Kwame Asante */
#define ESOL_LEARNER "100014"  /* Agnieszka Kowalska */

/* What the admin says when the line cannot spare someone; the learner
 * sees it, and the booking stands in their own time. */
static const char * const rejections[] = {
  "Short-staffed on the line that day",
  "Stock-take week: no cover on the shift",
};

typedef struct
{
  LhStore        *store;
  const LhCentre *centre;
  GRand          *rand;         /* (owned) */
  GArray         *learner_ids;
  guint           n_clean;
  GArray         *pc_ids;
  gint64          today;        /* local midnight */
  gint64          now;
  char           *admin_name;   /* (owned) "Priya Patel (100006)" */
  LhActor         admin;
} Demo;

static void
demo_clear (Demo *demo)
{
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->admin_name, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Demo, demo_clear)

/* Its own random numbers: nothing else of the demo draws fewer or more
 * of its own for the time off. */
static gboolean
demo_init (Demo *demo, LhStore *store, const LhCentre *centre, GArray *learner_ids, guint n_clean, GArray *pc_ids,
           guint32 seed, gint64 now, GError **error)
{
  g_autoptr(GPtrArray) admins = lh_people_list_with_role (store, LH_ROLE_ADMIN, error);
  const LhPerson *admin;

  if (admins == NULL)
    return FALSE;
  if (admins->len == 0 || learner_ids->len <= n_clean + 8)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "The demo's time off needs its admin and learners");
      return FALSE;
    }
  admin = g_ptr_array_index (admins, 0);
  demo->store = store;
  demo->centre = centre;
  demo->rand = g_rand_new_with_seed (seed);
  demo->learner_ids = learner_ids;
  demo->n_clean = n_clean;
  demo->pc_ids = pc_ids;
  demo->today = lh_time_local_midnight (now, centre->tz);
  demo->now = now;
  demo->admin_name = g_strdup_printf ("%s (%s)", admin->name, admin->staff_number);
  demo->admin.actor_id = admin->id;
  demo->admin.name = demo->admin_name;
  return TRUE;
}

static gint64
amira (const Demo *demo)
{
  return g_array_index (demo->learner_ids, gint64, 0);
}

/* One of the learners with a history (not the first, clean accounts). */
static gint64
any_learner (Demo *demo)
{
  return g_array_index (demo->learner_ids, gint64,
                        g_rand_int_range (demo->rand, (int) demo->n_clean, (int) demo->learner_ids->len));
}

/* The working day n days from today: a Saturday or Sunday is the Friday
 * before. */
static gint64
working_day (const Demo *demo, int n)
{
  gint64 day = lh_time_add_days (demo->today, n, demo->centre->tz);
  int weekday = lh_time_local_weekday (day, demo->centre->tz);

  return weekday > 5 ? lh_time_add_days (day, 5 - weekday, demo->centre->tz) : day;
}

/* The working day n days from today or, for a weekend, the Monday
 * after: for days ahead, which must not come nearer. */
static gint64
working_day_ahead (const Demo *demo, int n)
{
  gint64 day = lh_time_add_days (demo->today, n, demo->centre->tz);
  int weekday = lh_time_local_weekday (day, demo->centre->tz);

  return weekday > 5 ? lh_time_add_days (day, 8 - weekday, demo->centre->tz) : day;
}

/* A refusal is what happens in life (a clash, a limit, a closure, no
 * entitlement left): nothing is booked, and no error. */
static gboolean
refused (GError **local_error, GError **error)
{
  if (g_error_matches (*local_error, LH_ERROR, LH_ERROR_CONFLICT) ||
      g_error_matches (*local_error, LH_ERROR, LH_ERROR_INVALID))
    {
      g_clear_error (local_error);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (local_error));
  return FALSE;
}

/* Books the first PC free from minute of day for minutes, as the person
 * would have a day ahead (or two hours ago, for a booking ahead).
 * *out_id is the booking, or 0 if none could be had. */
static gboolean
book_pc (Demo *demo, gint64 person, gint64 day, int minute, int minutes, gboolean paid, gint64 *out_id,
         GError **error)
{
  gint64 start = lh_time_at_local_minute (day, minute, demo->centre->tz);
  gint64 made = MIN (start - DAY, demo->now - 2 * HOUR);
  guint first = (guint) g_rand_int_range (demo->rand, 0, (int) demo->pc_ids->len);

  *out_id = 0;
  for (guint i = 0; i < demo->pc_ids->len; i++)
    {
      gint64 pc = g_array_index (demo->pc_ids, gint64, (first + i) % demo->pc_ids->len);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(LhBooking) booking = lh_bookings_create_paid (demo->store, demo->centre, person, pc, start,
                                                              start + (gint64) minutes * 60, paid, made,
                                                              &local_error);

      if (booking != NULL)
        {
          *out_id = booking->id;
          return TRUE;
        }
      if (!refused (&local_error, error))
        return FALSE;
    }
  return TRUE;
}

/* Makes the demo's apprentice and ESOL learner what they are. */
static gboolean
mark_people (Demo *demo, GError **error)
{
  const char * const numbers[] = { APPRENTICE, ESOL_LEARNER };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(LhPerson) person = lh_people_find (demo->store, numbers[i], error);

      if (person == NULL)
        return FALSE;
      person->apprentice = i == 0;
      person->esol_learner = i == 1;
      if (!lh_people_save (demo->store, person, demo->now, NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Amira: paid evenings at a PC every fortnight, own-time early mornings
 * in the weeks between (matched time), a paid group session; ahead, one
 * evening approved and one waiting. *out_booked is the one to approve. */
static gboolean
add_amira (Demo *demo, gint64 history_start, gint64 *out_booked, GError **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 id;

  for (int k = 0; k < 6; k++)
    {
      gint64 paid_day = working_day (demo, -(14 + 14 * k));
      gint64 own_day = working_day (demo, -(17 + 14 * k));

      if (paid_day >= history_start &&
          !book_pc (demo, amira (demo), paid_day, 17 * 60, 120, TRUE, &id, error))
        return FALSE;
      if (own_day >= history_start &&
          !book_pc (demo, amira (demo), own_day, 7 * 60 + 30, 60, FALSE, &id, error))
        return FALSE;
    }

  sessions = lh_groups_list (demo->store, history_start, working_day (demo, -14), amira (demo), error);
  if (sessions == NULL)
    return FALSE;
  for (guint i = sessions->len; i-- > 0;)
    {
      const LhGroupSession *session = g_ptr_array_index (sessions, i);
      g_autoptr(GError) local_error = NULL;

      if (session->booked >= session->capacity)
        continue;
      if (lh_groups_join_paid (demo->store, demo->centre, session->id, amira (demo), TRUE,
                               session->start_at - 3 * DAY, NULL, &local_error) != LH_PLACE_NONE)
        break;
      if (!refused (&local_error, error))
        return FALSE;
    }

  /* Ahead, past the week a newcomer books in. */
  *out_booked = 0;
  for (int n = 9; n < 20 && *out_booked == 0; n++)
    if (!book_pc (demo, amira (demo), working_day_ahead (demo, n), 17 * 60, 60, TRUE, out_booked, error))
      return FALSE;
  id = 0;
  for (int n = 10; n < 21 && id == 0; n++)
    if (!book_pc (demo, amira (demo), working_day_ahead (demo, n), 17 * 60 + 30, 90, TRUE, &id, error))
      return FALSE;
  return TRUE;
}

/* The others: paid PC time on most working days, paid places in the
 * weekly group, and a few evenings ahead. */
static gboolean
add_others (Demo *demo, gint64 history_start, GError **error)
{
  static const int hours[] = { 9, 11, 13, 15, 17, 19 };
  static const int lengths[] = { 60, 90, 120 };
  g_autoptr(GPtrArray) sessions = NULL;
  gint64 id;

  for (gint64 day = history_start; day < demo->today; day = lh_time_next_midnight (day, demo->centre->tz))
    for (int n = 0; n < 6 && lh_time_local_weekday (day, demo->centre->tz) <= 5; n++)
      if (!book_pc (demo, any_learner (demo), day,
                    hours[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (hours))] * 60 + 30,
                    lengths[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (lengths))], TRUE, &id, error))
        return FALSE;

  for (int n = 1; n <= 7; n++)
    {
      gint64 day = lh_time_add_days (demo->today, n, demo->centre->tz);

      if (lh_time_local_weekday (day, demo->centre->tz) <= 5 &&
          !book_pc (demo, any_learner (demo), day, 19 * 60, 60, TRUE, &id, error))
        return FALSE;
    }

  sessions = lh_groups_list (demo->store, history_start, demo->now, 0, error);
  if (sessions == NULL)
    return FALSE;
  for (guint i = 0; i < sessions->len; i++)
    {
      const LhGroupSession *session = g_ptr_array_index (sessions, i);

      for (int n = 0; n < 2 && session->booked + n < session->capacity; n++)
        {
          g_autoptr(GError) local_error = NULL;

          if (lh_groups_join_paid (demo->store, demo->centre, session->id, any_learner (demo), TRUE,
                                   session->start_at - 3 * DAY + n * 60, NULL, &local_error) == LH_PLACE_NONE &&
              !refused (&local_error, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* When the admin decides a request: a few hours after it was made, but
 * one asked three days or more ahead only the day before its time (later
 * than the demo agreement's two days, for the committee to see), and
 * what was asked while she was away for a fortnight six weeks ago, the
 * day she is back. 0: its time came first, and learnhubd settles it
 * undecided. Amira Khan's are always decided at once. */
static gint64
decision_time (Demo *demo, const LhTimeOffRequest *request)
{
  gint64 away = demo->now - 6 * 7 * DAY;
  gint64 back = away + 14 * DAY + 9 * HOUR;
  gint64 at = request->created_at + 3 * HOUR;

  if (request->person_id == amira (demo))
    return MIN (at, request->start_at - 10 * 60);
  if (request->created_at >= away && request->created_at < back)
    at = back;
  else if (request->start_at - request->created_at >= 3 * DAY)
    at = request->created_at + 2 * DAY + 6 * HOUR;
  return at < request->start_at - 10 * 60 ? at : 0;
}

/* The admin decides each request waiting (see decision_time()):
 * those whose time has come, and (unless past_only) every third one
 * ahead; the rest wait, for the admin to find at the kiosk. Of the past ones,
 * one in twelve is rejected, as many times as there are rejections[].
 * keep_booking's request is left waiting, approve_booking's approved (0:
 * none). */
static gboolean
decide (Demo *demo, gboolean past_only, gint64 keep_booking, gint64 approve_booking, guint *n_rejected,
        GError **error)
{
  g_autoptr(GPtrArray) pending = lh_time_off_list_pending (demo->store, error);
  guint ahead = 0;

  if (pending == NULL)
    return FALSE;
  for (guint i = 0; i < pending->len; i++)
    {
      const LhTimeOffRequest *request = g_ptr_array_index (pending, i);
      g_autoptr(LhTimeOffRequest) decided = NULL;
      gboolean past = request->start_at < demo->now;
      gboolean reject = past && *n_rejected < G_N_ELEMENTS (rejections) && g_rand_int_range (demo->rand, 0, 12) == 0;
      gint64 at = decision_time (demo, request);

      if ((request->booking_id != 0 && request->booking_id == keep_booking) || (!past && past_only) || at == 0)
        continue;
      if (!past && request->booking_id != approve_booking && ahead++ % 3 != 2)
        continue;
      decided = lh_time_off_decide (demo->store, request->id, !reject, reject ? rejections[*n_rejected] : NULL,
                                    &demo->admin, MIN (at, demo->now), error);
      if (decided == NULL)
        return FALSE;
      *n_rejected += reject;
    }
  return TRUE;
}

gboolean
lh_demo_add_time_off (LhStore *store, const LhCentre *centre, GArray *learner_ids, guint n_clean, GArray *pc_ids,
                      gint64 history_start, gint64 now, GError **error)
{
  g_auto(Demo) demo = { 0 };
  gint64 amira_booked;
  guint n_rejected = 0;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  if (!demo_init (&demo, store, centre, learner_ids, n_clean, pc_ids, 20261201, now, error) ||
      !mark_people (&demo, error) ||
      !add_amira (&demo, history_start, &amira_booked, error) ||
      !add_others (&demo, history_start, error))
    return FALSE;
  /* Amira's last request ahead is the one that waits. */
  {
    g_autoptr(GPtrArray) mine = lh_time_off_list_mine (store, amira (&demo), now, error);
    gint64 keep = 0;

    if (mine == NULL)
      return FALSE;
    for (guint i = 0; i < mine->len; i++)
      {
        const LhTimeOffRequest *request = g_ptr_array_index (mine, i);

        if (g_str_equal (request->status, "pending") && request->booking_id != amira_booked)
          keep = request->booking_id;
      }
    return decide (&demo, FALSE, keep, amira_booked, &n_rejected, error);
  }
}

/* Paid skills checks: Amira's maths check three weeks ago (a slot the
 * first ULR offered her, after the day's others), and about half the
 * free ones in the past. */
static gboolean
add_assessments (Demo *demo, gint64 history_start, GError **error)
{
  gint64 ulr = g_array_index (demo->learner_ids, gint64, 2);
  gint64 start = lh_time_at_local_minute (working_day (demo, -21), 16 * 60, demo->centre->tz);
  g_autoptr(LhAssessmentSlot) offered = NULL;
  g_autoptr(LhAssessmentSlot) hers = NULL;
  g_autoptr(GPtrArray) slots = NULL;

  if (start >= history_start)
    {
      g_autoptr(GError) local_error = NULL;

      offered = lh_assessments_offer (demo->store, ulr, ulr, "maths", start, start + 45 * 60, "Quiet room",
                                      start - 7 * DAY, &local_error);
      if (offered != NULL)
        hers = lh_assessments_book_paid (demo->store, demo->centre, offered->id, amira (demo), TRUE,
                                         start - 5 * DAY, &local_error);
      if (hers == NULL && !refused (&local_error, error))
        return FALSE;
    }

  slots = lh_assessments_list (demo->store, history_start, demo->now, 0, error);
  if (slots == NULL)
    return FALSE;
  for (guint i = 0; i < slots->len; i++)
    {
      const LhAssessmentSlot *slot = g_ptr_array_index (slots, i);
      g_autoptr(LhAssessmentSlot) booked = NULL;
      g_autoptr(GError) local_error = NULL;

      if (slot->taken || slot->end_at > demo->now || g_rand_boolean (demo->rand))
        continue;
      booked = lh_assessments_book_paid (demo->store, demo->centre, slot->id, any_learner (demo), TRUE,
                                         slot->start_at - 3 * DAY, &local_error);
      if (booked == NULL && !refused (&local_error, error))
        return FALSE;
    }
  return TRUE;
}

/* When the admin's adjustments fall: 9:00 on a working day. */
static gint64
adjusted_at (const Demo *demo, int days_ago)
{
  return working_day (demo, -days_ago) + 9 * HOUR;
}

static gboolean
adjust (Demo *demo, const char *staff_number, gint64 person, const char *category, int minutes, int days_ago,
        const char *reason, GError **error)
{
  gint64 at = adjusted_at (demo, days_ago);

  if (staff_number != NULL)
    {
      g_autoptr(LhPerson) found = lh_people_find (demo->store, staff_number, error);

      if (found == NULL)
        return FALSE;
      person = found->id;
    }
  /* Recorded the next day, as the admin would have. */
  return lh_time_off_adjust (demo->store, demo->centre, person, category, minutes, at, reason, &demo->admin,
                             MIN (at + DAY, demo->now), error);
}

/* A learner with a history who had used at least `minutes` of paid
 * learning time by `at`: who gets a correction depends on which days the
 * history fell on, and so on today's date. */
static gboolean
learner_who_used (Demo *demo, gint64 at, int minutes, gint64 *person, GError **error)
{
  for (guint i = demo->n_clean; i < demo->learner_ids->len; i++)
    {
      gint64 id = g_array_index (demo->learner_ids, gint64, i);
      LhTimeOffBalance balance;

      if (!lh_time_off_balance (demo->store, demo->centre, id, at, &balance, error))
        return FALSE;
      /* categories[0] is learning time. */
      if (balance.categories[0].taken_minutes + balance.categories[0].booked_minutes >= minutes)
        {
          *person = id;
          return TRUE;
        }
    }
  g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "No learner in the demo had used %d minutes of learning time",
               minutes);
  return FALSE;
}

/* Time used outside the centre, as the admin records it: a course and an
 * exam at the college, ESOL classes, apprentice study days, and a
 * correction. */
static gboolean
add_adjustments (Demo *demo, GError **error)
{
  gint64 corrected = 0;
  gint64 examined = g_array_index (demo->learner_ids, gint64, demo->n_clean + 5);

  if (!learner_who_used (demo, adjusted_at (demo, 10), 30, &corrected, error))
    return FALSE;

  return adjust (demo, NULL, amira (demo), "learning", 6 * 60, 30,
                 "Course at Riverside College: food hygiene, level 2", error) &&
         adjust (demo, NULL, amira (demo), "assessment", 3 * 60, 24,
                 "Exam day: Functional Skills maths at Riverside College", error) &&
         adjust (demo, NULL, examined, "assessment", 7 * 60 + 30, 15,
                 "Exam day: Functional Skills English, level 2", error) &&
         adjust (demo, NULL, corrected, "learning", -30, 10,
                 "Correction: left the group session half an hour early", error) &&
         adjust (demo, ESOL_LEARNER, 0, "esol", 2 * 60, 40, "ESOL class at Riverside College", error) &&
         adjust (demo, ESOL_LEARNER, 0, "esol", 2 * 60, 26, "ESOL class at Riverside College", error) &&
         adjust (demo, ESOL_LEARNER, 0, "esol", 2 * 60, 12, "ESOL class at Riverside College", error) &&
         adjust (demo, APPRENTICE, 0, "apprentice", 7 * 60 + 30, 33,
                 "Apprenticeship study day at the college", error) &&
         adjust (demo, APPRENTICE, 0, "apprentice", 7 * 60 + 30, 19,
                 "Apprenticeship study day at the college", error);
}

/* As learnhubd would have settled them: each night, and now. */
static gboolean
settle (Demo *demo, gint64 history_start, GError **error)
{
  guint settled;

  for (gint64 day = history_start; day < demo->now; day = lh_time_next_midnight (day, demo->centre->tz))
    if (!lh_time_off_settle_locked (demo->store, MIN (lh_time_next_midnight (day, demo->centre->tz), demo->now),
                                    &settled, error))
      return FALSE;
  return TRUE;
}

/* Each learner was told of the decisions at the kiosk long ago: signing
 * in as any of them now is calm. */
static gboolean
tell_decisions (Demo *demo, GError **error)
{
  g_autoptr(GPtrArray) learners = lh_people_list_with_role (demo->store, LH_ROLE_LEARNER, error);

  if (learners == NULL)
    return FALSE;
  for (guint i = 0; i < learners->len; i++)
    {
      g_autoptr(GPtrArray) told = lh_time_off_take_decisions (demo->store,
                                                              ((LhPerson *) g_ptr_array_index (learners, i))->id,
                                                              demo->now, error);

      if (told == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
lh_demo_settle_time_off (LhStore *store, const LhCentre *centre, GArray *learner_ids, guint n_clean,
                         gint64 history_start, gint64 now, GError **error)
{
  g_auto(Demo) demo = { 0 };
  guint n_rejected = G_N_ELEMENTS (rejections);

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  return demo_init (&demo, store, centre, learner_ids, n_clean, NULL, 20261202, now, error) &&
         add_assessments (&demo, history_start, error) &&
         decide (&demo, TRUE, 0, 0, &n_rejected, error) &&
         add_adjustments (&demo, error) &&
         settle (&demo, history_start, error) &&
         tell_decisions (&demo, error);
}
