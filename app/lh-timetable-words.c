/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-timetable-words"

#include "lh-timetable-words.h"

#include <glib/gi18n.h>

#include "lh-time-format.h"

char *
lh_timetable_subject (const char *subject)
{
  g_return_val_if_fail (subject != NULL, NULL);

  if (g_str_equal (subject, "english"))
    return g_strdup (_("English"));
  if (g_str_equal (subject, "maths"))
    return g_strdup (_("Maths"));
  if (g_str_equal (subject, "esol"))
    return g_strdup (_("ESOL"));
  return g_strdup (subject);
}

/* "Wednesday 25 November, 13:00 to 15:00" */
static char *
format_when (GDateTime *start,
             GDateTime *end)
{
  g_autofree char *day = lh_format_day_long (start);
  g_autofree char *from = lh_format_clock (start);
  g_autofree char *to = lh_format_clock (end);

  /* Translators: "Wednesday 25 November, 13:00 to 15:00" */
  return g_strdup_printf (_("%s, %s to %s"), day, from, to);
}

char *
lh_timetable_group_question (const LhGroupPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  /* Translators: %s is the group's name */
  return g_strdup_printf (_("Set up “%s”?"), plan->title);
}

char *
lh_timetable_group_facts (const LhGroupPlan *plan)
{
  g_autoptr(GString) facts = g_string_new (NULL);
  g_autofree char *when = NULL;
  g_autofree char *places = NULL;

  g_return_val_if_fail (plan != NULL, NULL);

  when = format_when (plan->start, plan->end);
  /* Translators: the room, then the day and times: "Group room, Wednesday 25 November, 13:00 to 15:00" */
  g_string_append_printf (facts, _("%s, %s"), plan->room_name, when);
  if (plan->topic != NULL)
    {
      g_string_append_c (facts, '\n');
      /* Translators: what the group is about */
      g_string_append_printf (facts, _("About: %s"), plan->topic);
    }
  g_string_append_c (facts, '\n');
  places = g_strdup_printf (ngettext ("%d place", "%d places", plan->capacity), plan->capacity);
  if (plan->weeks > 1)
    {
      g_autoptr(GDateTime) last = g_date_time_add_weeks (plan->start, plan->weeks - 1);
      g_autofree char *last_day = lh_format_day_long (last);

      /* Translators: "10 places, every week for 6 weeks, the last on Wednesday 30 December" */
      g_string_append_printf (facts, ngettext ("%s, every week for %d week, the last on %s",
                                               "%s, every week for %d weeks, the last on %s", plan->weeks),
                              places, plan->weeks, last_day);
    }
  else
    /* Translators: "10 places, just once" */
    g_string_append_printf (facts, _("%s, just once"), places);
  return g_string_free (g_steal_pointer (&facts), FALSE);
}

char *
lh_timetable_group_done (const LhGroupPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  if (plan->weeks == 1)
    return g_strdup (_("The group is set up."));
  return g_strdup_printf (ngettext ("%d session is set up, one each week.",
                                    "%d sessions are set up, one each week.", plan->weeks),
                          plan->weeks);
}

char *
lh_timetable_slot_question (const LhSlotPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  /* Whole sentences per subject, so that translators never glue words. */
  if (g_str_equal (plan->subject, "english"))
    return g_strdup (_("Offer an English assessment slot?"));
  if (g_str_equal (plan->subject, "maths"))
    return g_strdup (_("Offer a maths assessment slot?"));
  return g_strdup (_("Offer an ESOL assessment slot?"));
}

char *
lh_timetable_slot_facts (const LhSlotPlan *plan)
{
  g_autofree char *when = NULL;
  g_autofree char *length = NULL;

  g_return_val_if_fail (plan != NULL, NULL);

  when = format_when (plan->start, plan->end);
  length = lh_format_duration (lh_minutes_between (plan->start, plan->end));
  if (plan->place != NULL)
    /* Translators: "Thursday 26 November, 14:00 to 14:45 (45 minutes)\nQuiet room\nYou are the assessor." */
    return g_strdup_printf (_("%s (%s)\n%s\nYou are the assessor."), when, length, plan->place);
  /* Translators: "Thursday 26 November, 14:00 to 14:45 (45 minutes)\nYou are the assessor." */
  return g_strdup_printf (_("%s (%s)\nYou are the assessor."), when, length);
}

char *
lh_timetable_offered_when (const LhOfferedSlot *slot)
{
  g_autofree char *subject = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (slot != NULL, NULL);

  subject = lh_timetable_subject (slot->subject);
  when = format_when (slot->start, slot->end);
  /* Translators: the subject, then when: "Maths · Thursday 26 November, 14:00 to 14:45" */
  return g_strdup_printf (_("%s · %s"), subject, when);
}

char *
lh_timetable_offered_who (const LhOfferedSlot *slot)
{
  g_return_val_if_fail (slot != NULL, NULL);

  if (slot->learner != NULL)
    /* Translators: %s is the learner's name, told only to the assessor */
    return g_strdup_printf (_("Booked by %s"), slot->learner);
  if (slot->taken)
    return g_strdup (_("Booked"));
  return g_strdup (_("Free: nobody has booked it yet"));
}
