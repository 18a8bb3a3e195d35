/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl's committee meetings: list them, add one, record who
 * attended and the site report tabled at it. */
#define G_LOG_DOMAIN "learnhubctl"

#include "learnhubctl.h"

#include "lh-error.h"
#include "lh-meetings.h"
#include "lh-time.h"

#define USAGE \
  "meetings list [--from DATE] [--to DATE]\n" \
  "       learnhubctl meetings add --start \"YYYY-MM-DD HH:MM\" --place TEXT [--note TEXT]\n" \
  "       learnhubctl meetings attend MEETING_ID (STAFF_NUMBER | --name \"NAME\")\n" \
  "       learnhubctl meetings table-report MEETING_ID --from DATE --to DATE"

/* The list's days either side of today, by default. */
#define DEFAULT_DAYS 366

static gboolean
parse_id (const char *text, gint64 *out_id, GError **error)
{
  guint64 id;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "“%s” is not a meeting number", text);
      return FALSE;
    }
  *out_id = (gint64) id;
  return TRUE;
}

static gboolean
parse_day (const char *text, GTimeZone *tz, gint64 fallback, gint64 *out_midnight, GError **error)
{
  if (text == NULL)
    {
      *out_midnight = fallback;
      return TRUE;
    }
  return lh_time_parse_date (text, tz, out_midnight, error);
}

static gboolean
meetings_list (Ctl *ctl, LhStore *store, GError **error)
{
  GTimeZone *tz = ctl->config->centre->tz;
  gint64 today = lh_time_local_midnight (lh_time_now (), tz);
  g_autoptr(GPtrArray) meetings = NULL;
  gint64 from, to;

  if (!parse_day (ctl->from, tz, lh_time_add_days (today, -DEFAULT_DAYS, tz), &from, error) ||
      !parse_day (ctl->to, tz, lh_time_add_days (today, DEFAULT_DAYS, tz), &to, error))
    return FALSE;
  /* --to's day is included. */
  meetings = lh_meetings_list (store, from, lh_time_next_midnight (to, tz), error);
  if (meetings == NULL)
    return FALSE;
  if (meetings->len == 0)
    {
      g_print ("No meetings\n");
      return TRUE;
    }
  g_print ("%-5s %-16s %-24s %-8s %s\n", "ID", "WHEN", "PLACE", "ATTENDED", "REPORT TABLED");
  for (guint i = 0; i < meetings->len; i++)
    {
      const LhMeeting *meeting = g_ptr_array_index (meetings, i);
      g_autofree char *day = lh_time_format_date (meeting->starts_at, tz);
      g_autofree char *hhmm = lh_time_format_hhmm (meeting->starts_at, tz);
      g_autofree char *tabled = meeting->report_first_day != NULL
                                ? g_strdup_printf ("%s to %s", meeting->report_first_day, meeting->report_last_day)
                                : g_strdup ("");

      g_print ("%-5" G_GINT64_FORMAT " %s %s %-24s %-8u %s\n", meeting->id, day, hhmm, meeting->place,
               meeting->attendees->len, tabled);
      for (guint j = 0; j < meeting->attendees->len; j++)
        {
          const LhMeetingAttendee *attendee = g_ptr_array_index (meeting->attendees, j);

          g_print ("      %s%s\n", attendee->name, attendee->person_id == 0 ? " (not a member)" : "");
        }
    }
  return TRUE;
}

static gboolean
meetings_add (Ctl *ctl, LhStore *store, GError **error)
{
  GTimeZone *tz = ctl->config->centre->tz;
  g_autoptr(LhMeeting) meeting = NULL;
  g_autofree char *when = NULL;
  gint64 start;

  if (!lh_ctl_parse_local (ctl->start, tz, &start, error))
    return FALSE;
  meeting = lh_meetings_add (store, start, ctl->place, ctl->note, lh_time_now (), error);
  if (meeting == NULL)
    return FALSE;
  when = lh_time_format_iso (meeting->starts_at, tz);
  g_print ("Meeting %" G_GINT64_FORMAT " at %s in %s\n", meeting->id, when, meeting->place);
  return TRUE;
}

static gboolean
meetings_attend (Ctl *ctl, LhStore *store, const char *staff_number, GError **error)
{
  g_autoptr(LhPerson) member = NULL;
  gint64 id;

  if (!parse_id (ctl->args[1], &id, error))
    return FALSE;
  if (staff_number != NULL &&
      (member = lh_ctl_find_staff (store, staff_number, LH_ROLE_COMMITTEE, "committee member", error)) == NULL)
    return FALSE;
  if (!lh_meetings_attend (store, id, member != NULL ? member->id : 0, member != NULL ? NULL : ctl->name, error))
    return FALSE;
  g_print ("%s attended meeting %" G_GINT64_FORMAT "\n", member != NULL ? member->name : ctl->name, id);
  return TRUE;
}

static gboolean
meetings_table_report (Ctl *ctl, LhStore *store, GError **error)
{
  gint64 id;

  if (!parse_id (ctl->args[1], &id, error) ||
      !lh_meetings_table_report (store, ctl->config->centre->tz, id, ctl->from, ctl->to, lh_time_now (), error))
    return FALSE;
  g_print ("Meeting %" G_GINT64_FORMAT " tabled the report of %s to %s\n", id, ctl->from, ctl->to);
  return TRUE;
}

gboolean
lh_ctl_meetings (Ctl *ctl, LhStore *store, GError **error)
{
  const char *verb = ctl->args[0];
  guint n_args = g_strv_length (ctl->args);

  if (g_strcmp0 (verb, "list") == 0 && n_args == 1)
    return meetings_list (ctl, store, error);
  if (g_strcmp0 (verb, "add") == 0 && n_args == 1 && ctl->start != NULL && ctl->place != NULL)
    return meetings_add (ctl, store, error);
  if (g_strcmp0 (verb, "attend") == 0 && n_args == 3 && ctl->name == NULL)
    return meetings_attend (ctl, store, ctl->args[2], error);
  if (g_strcmp0 (verb, "attend") == 0 && n_args == 2 && ctl->name != NULL)
    return meetings_attend (ctl, store, NULL, error);
  if (g_strcmp0 (verb, "table-report") == 0 && n_args == 2 && ctl->from != NULL && ctl->to != NULL)
    return meetings_table_report (ctl, store, error);
  return lh_ctl_usage_error (error, USAGE);
}
