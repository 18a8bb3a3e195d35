/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The site report's "committee" section: the meetings held in the period
 * and the action plan as it stood at its end. Lists of text, no figure
 * about a learner, so nothing here is suppressed. */
#define G_LOG_DOMAIN "lh-committee-report"

#include "lh-action-plan.h"
#include "lh-meetings.h"
#include "lh-time.h"

static const char * const meeting_headings[] = { "Date", "Time", "Place", "Attended", "Report tabled", NULL };
static const char * const objective_headings[] = {
  "Number", "Planned activity", "By whom", "By when", "Recorded outcomes", "Reviewed / next steps", "Status", NULL
};

static LhReportList *
meetings_list (LhStore *store, const LhCentre *centre, gint64 from, gint64 to, GError **error)
{
  g_autoptr(GPtrArray) meetings = lh_meetings_list (store, from, to, error);
  g_autoptr(LhReportList) list = NULL;

  if (meetings == NULL)
    return NULL;
  list = lh_report_list_new ("meetings", "Meetings of the committee", meeting_headings);
  for (guint i = 0; i < meetings->len; i++)
    {
      const LhMeeting *meeting = g_ptr_array_index (meetings, i);
      g_autofree char *day = lh_time_format_date (meeting->starts_at, centre->tz);
      g_autofree char *hhmm = lh_time_format_hhmm (meeting->starts_at, centre->tz);
      g_autofree char *attended = g_strdup_printf ("%u", meeting->attendees->len);
      g_autofree char *tabled = meeting->report_first_day != NULL
                                ? g_strdup_printf ("%s to %s", meeting->report_first_day, meeting->report_last_day)
                                : g_strdup ("");
      const char *fields[] = { day, hhmm, meeting->place, attended, tabled, NULL };

      lh_report_list_add_row (list, fields);
    }
  return g_steal_pointer (&list);
}

static LhReportList *
action_plan_list (LhStore *store, gint64 to, GError **error)
{
  /* As it stood at the period's end: the last second in it. */
  g_autoptr(GPtrArray) plan = lh_action_plan_as_at (store, to - 1, error);
  g_autoptr(LhReportList) list = NULL;

  if (plan == NULL)
    return NULL;
  list = lh_report_list_new ("action-plan", "Action plan", objective_headings);
  for (guint i = 0; i < plan->len; i++)
    {
      const LhObjective *objective = g_ptr_array_index (plan, i);
      g_autofree char *number = g_strdup_printf ("%d", objective->number);
      const char *fields[] = { number, objective->activity, objective->by_whom, objective->due_day,
                               objective->outcomes, objective->next_steps, objective->status, NULL };

      lh_report_list_add_row (list, fields);
    }
  return g_steal_pointer (&list);
}

LhReportSection *
lh_report_section_committee (LhStore *store, const LhCentre *centre, gint64 from, gint64 to, gint64 now,
                             GError **error)
{
  g_autoptr(LhReportSection) section = NULL;
  g_autoptr(LhTransaction) read = NULL;
  LhReportList *meetings;
  LhReportList *plan;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  (void) now;

  /* One snapshot for both lists. */
  read = lh_store_begin_read (store, error);
  if (read == NULL)
    return NULL;
  section = lh_report_section_new ("committee", "The committee");
  meetings = meetings_list (store, centre, from, to, error);
  if (meetings == NULL)
    return NULL;
  lh_report_section_add_list (section, meetings);
  plan = action_plan_list (store, to, error);
  if (plan == NULL)
    return NULL;
  lh_report_section_add_list (section, plan);
  if (!lh_transaction_commit (read, error))
    return NULL;
  return g_steal_pointer (&section);
}
