/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl's timetable: group study sessions and skills assessment
 * slots, set up by the centre's ULRs and admins. */
#define G_LOG_DOMAIN "learnhubctl"

#include "learnhubctl.h"

#include <stdio.h>

#include "lh-assessments.h"
#include "lh-error.h"
#include "lh-groups.h"
#include "lh-people.h"
#include "lh-time.h"

gboolean
lh_ctl_parse_local (const char *text, GTimeZone *tz, gint64 *out, GError **error)
{
  g_auto(GStrv) parts = text != NULL ? g_strsplit (text, " ", 2) : NULL;
  guint hour, minute;
  gint64 midnight;
  char end;

  if (parts == NULL || parts[0] == NULL || parts[1] == NULL ||
      sscanf (parts[1], "%2u:%2u%c", &hour, &minute, &end) != 2 || hour > 23 || minute > 59 ||
      !lh_time_parse_date (parts[0], tz, &midnight, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "--start takes a local time as \"YYYY-MM-DD HH:MM\"");
      return FALSE;
    }
  *out = lh_time_at_local_minute (midnight, (int) (hour * 60 + minute), tz);
  return TRUE;
}

LhPerson *
lh_ctl_find_staff (LhStore *store, const char *staff_number, guint roles, const char *what, GError **error)
{
  g_autoptr(LhPerson) person = lh_people_find (store, staff_number, error);

  if (person == NULL)
    return NULL;
  if (!(person->roles & roles))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "%s (%s) cannot be the %s", person->name, staff_number, what);
      return NULL;
    }
  return g_steal_pointer (&person);
}

gboolean
lh_ctl_group (Ctl *ctl, LhStore *store, GError **error)
{
  const LhCentre *centre = ctl->config->centre;
  const char *verb = ctl->args[0];
  gint64 now = lh_time_now ();

  if (g_strcmp0 (verb, "add") == 0 && ctl->args[1] == NULL && ctl->person != NULL && ctl->room != NULL &&
      ctl->title != NULL && ctl->start != NULL && ctl->minutes > 0 && ctl->capacity > 0)
    {
      g_autoptr(LhPerson) leader = lh_ctl_find_staff (store, ctl->person, LH_ROLE_ULR | LH_ROLE_ADMIN, "leader", error);
      g_autoptr(LhGroupSession) session = NULL;
      g_autofree char *when = NULL;
      gint64 room, start;

      if (leader == NULL || (room = lh_ctl_find_resource (store, ctl->room, "room", error)) == 0 ||
          !lh_ctl_parse_local (ctl->start, centre->tz, &start, error))
        return FALSE;
      session = lh_groups_create (store, centre, leader->id, room, ctl->title, ctl->topic != NULL ? ctl->topic : "",
                                  start, start + (gint64) ctl->minutes * 60, ctl->capacity,
                                  ctl->weeks > 0 ? ctl->weeks : 1, now, error);
      if (session == NULL)
        return FALSE;
      when = lh_time_format_iso (session->start_at, centre->tz);
      g_print ("“%s” in %s from %s, %d places, led by %s (%d week%s)\n", session->title, session->room, when,
               session->capacity, leader->name, MAX (ctl->weeks, 1), MAX (ctl->weeks, 1) == 1 ? "" : "s");
      return TRUE;
    }
  if (g_strcmp0 (verb, "list") == 0 && ctl->args[1] == NULL)
    {
      g_autoptr(GPtrArray) sessions = lh_groups_list (store, now, now + 92 * 24 * 3600, 0, error);

      if (sessions == NULL)
        return FALSE;
      for (guint i = 0; i < sessions->len; i++)
        {
          const LhGroupSession *session = g_ptr_array_index (sessions, i);
          g_autofree char *when = lh_time_format_iso (session->start_at, centre->tz);

          g_print ("%-25s %-30s %-12s %d/%d places, %d waiting\n", when, session->title, session->room,
                   session->booked, session->capacity, session->waiting);
        }
      return TRUE;
    }
  return lh_ctl_usage_error (error, "group add --leader STAFF --room NAME --title TEXT [--topic TEXT] "
                                    "--start \"YYYY-MM-DD HH:MM\" --minutes N --capacity N [--weeks N] | group list");
}

gboolean
lh_ctl_assessment (Ctl *ctl, LhStore *store, GError **error)
{
  const LhCentre *centre = ctl->config->centre;
  const char *verb = ctl->args[0];
  gint64 now = lh_time_now ();

  if (g_strcmp0 (verb, "add") == 0 && ctl->args[1] == NULL && ctl->person != NULL && ctl->subject != NULL &&
      ctl->start != NULL && ctl->minutes > 0)
    {
      g_autoptr(LhPerson) assessor = lh_ctl_find_staff (store, ctl->person, LH_ROLE_ULR, "assessor", error);
      g_autoptr(LhAssessmentSlot) slot = NULL;
      g_autofree char *when = NULL;
      gint64 start;

      if (assessor == NULL || !lh_ctl_parse_local (ctl->start, centre->tz, &start, error))
        return FALSE;
      slot = lh_assessments_offer (store, assessor->id, assessor->id, ctl->subject, start,
                                   start + (gint64) ctl->minutes * 60, ctl->place, now, error);
      if (slot == NULL)
        return FALSE;
      when = lh_time_format_iso (slot->start_at, centre->tz);
      g_print ("Assessment slot (%s) with %s from %s\n", slot->subject, slot->assessor_name, when);
      return TRUE;
    }
  if (g_strcmp0 (verb, "list") == 0 && ctl->args[1] == NULL)
    {
      /* The admin sees what the kiosk shows anyone: the free slots. A
       * taken one's subject and time would say what someone's time off
       * is for. */
      g_autoptr(GPtrArray) slots = lh_assessments_list (store, now, now + 92 * 24 * 3600, 0, error);

      if (slots == NULL)
        return FALSE;
      for (guint i = 0; i < slots->len; i++)
        {
          const LhAssessmentSlot *slot = g_ptr_array_index (slots, i);
          g_autofree char *when = lh_time_format_iso (slot->start_at, centre->tz);

          g_print ("%-25s %-8s %-20s %s\n", when, slot->subject, slot->assessor_name, slot->taken ? "taken" : "free");
        }
      return TRUE;
    }
  return lh_ctl_usage_error (error, "assessment add --assessor STAFF --subject english|maths|esol "
                                    "--start \"YYYY-MM-DD HH:MM\" --minutes N [--place TEXT] | assessment list");
}
