/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-demo"

#include "lh-demo-committee.h"

#include "lh-action-plan.h"
#include "lh-meetings.h"
#include "lh-people.h"
#include "lh-time.h"

#define DAY ((gint64) 24 * 3600)

/* Who else sits on the committee, or comes to it, by name. */
static const char * const others[] = {
  "Sam Okafor (union branch secretary)",
  "Helen Price (HR manager)",
  "Priya Shah (college tutor)",
  "Tom Reilly (operations manager)",
};

static const char * const notes[] = {
  "Usage and time off reviewed; action plan updated",
  "Quarterly report agreed for the national committee",
  "Equipment against the agreed minimum discussed",
  "Take-up by shift pattern discussed; night shift under-represented",
};

/* An objective: made at the plan's first meeting, due `due_days` after
 * it, and changed at the meetings after it (0: none). */
typedef struct
{
  const char *activity;
  const char *by_whom;
  int         due_days;
  struct
  {
    guint       meeting;   /* 1: the first meeting after the plan's */
    const char *status;
    const char *outcomes;
    const char *next_steps;
  } changes[2];
} DemoObjective;

static const DemoObjective objectives[] = {
  { "Run two ESOL taster sessions for the night shift, 8 places each", "Lead ULR with the college", 150,
    { { 1, "in-progress", "First session held: 9 came", NULL },
      { 2, "done", "Both sessions held: 9 and 7 came; 6 signed up for the ESOL course",
        "Ask the college for a Level 1 class in the spring" } } },
  { "Offer a learning MOT to every new starter within 8 weeks of joining", "ULRs, with HR at induction", 330,
    { { 1, "in-progress", "MOT leaflet in the induction pack", NULL },
      { 3, NULL, "14 of 19 new starters had their MOT within 8 weeks", "Book the MOT at induction itself" } } },
  { "Raise use of the centre from 40 to 60 hours a week by the summer", "Centre admin and the ULRs", 240,
    { { 2, "in-progress", "Saturday mornings trialled: 52 hours a week",
        "Keep Saturdays; promote the centre at team briefings" },
      { 0 } } },
  { "Keep at least 7 working PCs and replace the two oldest", "Centre admin (employer)", 300,
    { { 1, "in-progress", "Two replacement PCs ordered", NULL },
      { 3, NULL, "Replacements installed; faults now seen to within the agreed days", NULL } } },
  { "Get 10 learners through Functional Skills maths Level 1", "College tutor, with the ULRs", 365,
    { { 3, "in-progress", "12 enrolled; first exams in the spring", NULL },
      { 0 } } },
};

/* The second Wednesday of the month, at 14:00. */
static gint64
second_wednesday (GDateTime *month, GTimeZone *tz)
{
  g_autoptr(GDateTime) first = g_date_time_new (tz, g_date_time_get_year (month), g_date_time_get_month (month), 1,
                                                0, 0, 0);
  int to_wednesday = (3 - g_date_time_get_day_of_week (first) + 7) % 7;
  gint64 midnight = lh_time_add_days (g_date_time_to_unix (first), to_wednesday + 7, tz);

  return lh_time_at_local_minute (midnight, 14 * 60, tz);
}

/* The quarter before a meeting in January, May, July or November: the
 * report tabled at it. */
static gboolean
tabled_quarter (GDateTime *month, char **out_first, char **out_last)
{
  int year = g_date_time_get_year (month);

  switch (g_date_time_get_month (month))
    {
    case 1:
      *out_first = g_strdup_printf ("%04d-10-01", year - 1);
      *out_last = g_strdup_printf ("%04d-12-31", year - 1);
      return TRUE;
    case 5:
      *out_first = g_strdup_printf ("%04d-01-01", year);
      *out_last = g_strdup_printf ("%04d-03-31", year);
      return TRUE;
    case 7:
      *out_first = g_strdup_printf ("%04d-04-01", year);
      *out_last = g_strdup_printf ("%04d-06-30", year);
      return TRUE;
    case 11:
      *out_first = g_strdup_printf ("%04d-07-01", year);
      *out_last = g_strdup_printf ("%04d-09-30", year);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
hold_meeting (LhStore *store, const LhCentre *centre, GDateTime *month, gint64 starts_at, guint n, gint64 member_id,
              gint64 now, GError **error)
{
  g_autoptr(LhMeeting) meeting = NULL;
  g_autofree char *first = NULL, *last = NULL;
  gboolean past = starts_at < now;

  meeting = lh_meetings_add (store, starts_at, "Training room", past ? notes[n % G_N_ELEMENTS (notes)] : "", now,
                             error);
  if (meeting == NULL)
    return FALSE;
  if (!past)
    return TRUE;
  if (!lh_meetings_attend (store, meeting->id, member_id, NULL, error))
    return FALSE;
  /* Two or three of the others, in turn. */
  for (guint i = 0; i < 2 + n % 2; i++)
    if (!lh_meetings_attend (store, meeting->id, 0, others[(n + i) % G_N_ELEMENTS (others)], error))
      return FALSE;
  if (tabled_quarter (month, &first, &last) &&
      !lh_meetings_table_report (store, centre->tz, meeting->id, first, last, now, error))
    return FALSE;
  return TRUE;
}

/* The plan, made at plan_meeting and changed at the meetings after it
 * (those of held, the past ones in order). */
static gboolean
add_plan (LhStore *store, const LhCentre *centre, GArray *held, guint plan_meeting, gint64 member_id, gint64 now,
          GError **error)
{
  gint64 made_at = g_array_index (held, gint64, plan_meeting) + 3600;

  for (guint i = 0; i < G_N_ELEMENTS (objectives); i++)
    {
      const DemoObjective *demo = &objectives[i];
      g_autofree char *due = lh_time_format_date (made_at + demo->due_days * DAY, centre->tz);
      g_autoptr(LhObjective) objective =
        lh_action_plan_add (store, centre->tz,
                            &(LhObjectiveFields) { .number = (int) i + 1, .activity = demo->activity,
                                                   .by_whom = demo->by_whom, .due_day = due },
                            member_id, made_at, error);

      if (objective == NULL)
        return FALSE;
      for (guint c = 0; c < G_N_ELEMENTS (demo->changes); c++)
        {
          guint at = plan_meeting + demo->changes[c].meeting;

          if (demo->changes[c].meeting == 0 || at >= held->len)
            continue;
          if (!lh_action_plan_edit (store, centre->tz, objective->id,
                                    &(LhObjectiveFields) { .status = demo->changes[c].status,
                                                           .outcomes = demo->changes[c].outcomes,
                                                           .next_steps = demo->changes[c].next_steps },
                                    member_id, g_array_index (held, gint64, at) + 3600, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
lh_demo_add_committee (LhStore *store, const LhCentre *centre, const char *member_staff_number, gint64 first_day,
                       gint64 now, GError **error)
{
  g_autoptr(LhPerson) member = lh_people_find (store, member_staff_number, error);
  g_autoptr(GArray) held = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (first_day);
  g_autoptr(GDateTime) start = g_date_time_to_timezone (utc, centre->tz);
  g_autoptr(GDateTime) month = NULL;
  guint plan_meeting = 0;

  if (member == NULL)
    return FALSE;
  month = g_date_time_new (centre->tz, g_date_time_get_year (start), g_date_time_get_month (start), 1, 0, 0, 0);
  /* Every other month (January, March, …), up to the first one ahead. */
  for (guint n = 0;; n++)
    {
      g_autoptr(GDateTime) next = NULL;
      gint64 starts_at = second_wednesday (month, centre->tz);

      if (g_date_time_get_month (month) % 2 == 1 && starts_at >= first_day)
        {
          if (!hold_meeting (store, centre, month, starts_at, n, member->id, now, error))
            return FALSE;
          if (starts_at >= now)
            break;
          g_array_append_val (held, starts_at);
        }
      next = g_date_time_add_months (month, 1);
      g_date_time_unref (month);
      month = g_steal_pointer (&next);
    }
  if (held->len == 0)
    return TRUE;
  /* The plan of the last year: made at its first meeting. */
  while (plan_meeting + 1 < held->len && g_array_index (held, gint64, plan_meeting) < now - 365 * DAY)
    plan_meeting++;
  return add_plan (store, centre, held, plan_meeting, member->id, now, error);
}
