/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-mine-words"

#include "lh-mine-words.h"

#include <glib/gi18n.h>

#include "lh-client.h"
#include "lh-refusal-words.h"
#include "lh-time-format.h"

char *
lh_mine_format_when (GDateTime *start,
                     GDateTime *now)
{
  g_autofree char *clock = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GDateTime) week_on = NULL;

  g_return_val_if_fail (start != NULL && now != NULL, NULL);

  clock = lh_format_clock (start);
  if (lh_same_day (start, now))
    /* Translators: a time today, "Today 10:00" */
    return g_strdup_printf (_("Today %s"), clock);
  tomorrow = g_date_time_add_days (now, 1);
  if (lh_same_day (start, tomorrow))
    /* Translators: a time tomorrow, "Tomorrow 10:00" */
    return g_strdup_printf (_("Tomorrow %s"), clock);

  /* A weekday alone is clear only within the week to come. */
  week_on = lh_day_start (now, 7);
  if (g_date_time_compare (start, week_on) < 0)
    {
      g_autofree char *weekday = NULL;

      /* Translators: a weekday name, as a g_date_time_format() pattern */
      weekday = g_date_time_format (start, _("%A"));
      /* Translators: a weekday and a time, "Wednesday 13:00" */
      return g_strdup_printf (C_("weekday and time", "%s %s"), weekday, clock);
    }
  {
    g_autofree char *day = lh_format_day_long (start);

    /* Translators: a date and a time, "Wednesday 2 December 13:00" */
    return g_strdup_printf (C_("date and time", "%s %s"), day, clock);
  }
}

/* "Maths skills check": a whole noun phrase per subject. */
static char *
check_name (LhSubject subject)
{
  switch (subject)
    {
    case LH_SUBJECT_ENGLISH:
      return g_strdup (_("English skills check"));
    case LH_SUBJECT_MATHS:
      return g_strdup (_("Maths skills check"));
    case LH_SUBJECT_ESOL:
      return g_strdup (_("ESOL skills check (English for speakers of other languages)"));
    case LH_N_SUBJECTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
lh_mine_format_title (const LhMineItem *item,
                      GDateTime        *now)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (item != NULL && now != NULL, NULL);

  when = lh_mine_format_when (lh_mine_item_get_start (item), now);
  switch (item->kind)
    {
    case LH_MINE_BOOKING:
      {
        g_autofree char *to = lh_format_clock (item->booking->end);

        /* Translators: the PC or room, when, and the end: "PC 3, Today 10:00 to 11:00" */
        return g_strdup_printf (_("%s, %s to %s"), item->booking->resource_name, when, to);
      }
    case LH_MINE_GROUP_PLACE:
    case LH_MINE_WAITING:
      /* Translators: the group, when, and the room: "Maths together, Wednesday 13:00, Group room" */
      return g_strdup_printf (_("%s, %s, %s"), item->session->title, when, item->session->room);
    case LH_MINE_ASSESSMENT:
    default:
      {
        g_autofree char *check = check_name (item->slot->subject);

        /* Translators: the check, the assessor, when, and the place:
         * "Maths skills check with Sue Bennett, Thursday 14:00, Quiet room" */
        return g_strdup_printf (_("%s with %s, %s, %s"), check, item->slot->assessor, when, item->slot->place);
      }
    }
}

char *
lh_mine_format_position (int position)
{
  if (position <= 1)
    return g_strdup (_("You are first on the waiting list"));
  /* Translators: the person's place in the queue for a group, "number 2". */
  return g_strdup_printf (_("You are number %d on the waiting list"), position);
}

/* A PC booking under way now that nobody has checked in: it is released
 * if its person does not sign in at the PC soon. */
static gboolean
waiting_for_check_in (const LhBooking *booking,
                      GDateTime       *now)
{
  return g_strcmp0 (booking->resource_kind, "pc") == 0 && !booking->walk_up &&
         booking->checked_in_at == NULL &&
         g_date_time_compare (booking->start, now) <= 0 &&
         g_date_time_compare (now, booking->end) < 0;
}

gboolean
lh_mine_state_is_urgent (const LhMineItem *item,
                         GDateTime        *now)
{
  g_return_val_if_fail (item != NULL && now != NULL, FALSE);

  return item->kind == LH_MINE_BOOKING && waiting_for_check_in (item->booking, now);
}

static char *
booking_state (const LhBooking *booking,
               GDateTime       *now,
               int              hold_minutes,
               int              early_minutes)
{
  g_autofree char *length = lh_format_duration (lh_minutes_between (booking->start, booking->end));

  if (booking->walk_up)
    return g_strdup (_("You are using it now"));
  if (booking->checked_in_at != NULL)
    {
      g_autofree char *at = lh_format_clock (booking->checked_in_at);

      /* Translators: when the person signed in at the PC, "Checked in at 10:03" */
      return g_strdup_printf (_("Checked in at %s"), at);
    }
  if (waiting_for_check_in (booking, now))
    {
      g_autoptr(GDateTime) deadline = NULL;
      g_autofree char *by = NULL;

      if (hold_minutes < 0)
        /* Translators: %s is the PC, "PC 3" */
        return g_strdup_printf (_("Not checked in yet — sign in at %s soon, or it is given to someone else"),
                                booking->resource_name);
      deadline = g_date_time_add_minutes (booking->start, hold_minutes);
      if (g_date_time_compare (deadline, now) <= 0)
        /* Translators: %s is the PC, "PC 3" */
        return g_strdup_printf (_("Not checked in yet — sign in at %s now, or it is given to someone else"),
                                booking->resource_name);
      by = lh_format_clock (deadline);
      /* Translators: the PC and a time, "Not checked in yet — sign in at
       * PC 3 by 10:15, or it is given to someone else" */
      return g_strdup_printf (_("Not checked in yet — sign in at %s by %s, or it is given to someone else"),
                              booking->resource_name, by);
    }
  if (g_strcmp0 (booking->resource_kind, "pc") == 0 && lh_same_day (booking->start, now))
    {
      g_autoptr(GDateTime) opens = g_date_time_add_minutes (booking->start, -early_minutes);
      g_autofree char *from = lh_format_clock (opens);

      /* Translators: the length, the PC and a time, "1 hour · sign in at PC 3 from 09:55" */
      return g_strdup_printf (_("%s · sign in at %s from %s"), length, booking->resource_name, from);
    }
  return g_steal_pointer (&length);
}

char *
lh_mine_format_state (const LhMineItem *item,
                      GDateTime        *now,
                      int               hold_minutes,
                      int               early_minutes)
{
  g_autofree char *length = NULL;

  g_return_val_if_fail (item != NULL && now != NULL, NULL);

  length = lh_format_duration (lh_minutes_between (lh_mine_item_get_start (item), lh_mine_item_get_end (item)));
  switch (item->kind)
    {
    case LH_MINE_BOOKING:
      return booking_state (item->booking, now, hold_minutes, early_minutes);
    case LH_MINE_GROUP_PLACE:
      /* Translators: "You have a place · 2 hours" */
      return g_strdup_printf (_("You have a place · %s"), length);
    case LH_MINE_WAITING:
      return lh_mine_format_position (item->session->my_position);
    case LH_MINE_ASSESSMENT:
    default:
      /* Translators: "Booked for you · 45 minutes" */
      return g_strdup_printf (_("Booked for you · %s"), length);
    }
}

char *
lh_mine_format_action (const LhMineItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  switch (item->kind)
    {
    case LH_MINE_BOOKING:
      return lh_mine_item_is_walk_up (item) ? NULL : g_strdup (_("Cancel booking"));
    case LH_MINE_GROUP_PLACE:
      return g_strdup (_("Give up my place"));
    case LH_MINE_WAITING:
      return g_strdup (_("Leave the waiting list"));
    case LH_MINE_ASSESSMENT:
    default:
      return g_strdup (_("Give back the assessment"));
    }
}

char *
lh_mine_format_action_a11y (const LhMineItem *item,
                            GDateTime        *now)
{
  g_autofree char *action = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (item != NULL && now != NULL, NULL);

  action = lh_mine_format_action (item);
  if (action == NULL)
    return NULL;
  title = lh_mine_format_title (item, now);
  /* Translators: what a screen reader says for a row's button: the
   * action, then the row, "Cancel booking: PC 3, Today 10:00 to 11:00" */
  return g_strdup_printf (_("%s: %s"), action, title);
}

char *
lh_mine_format_question (const LhMineItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  switch (item->kind)
    {
    case LH_MINE_BOOKING:
      return g_strdup (_("Cancel this booking?"));
    case LH_MINE_GROUP_PLACE:
      return g_strdup (_("Give up your place?"));
    case LH_MINE_WAITING:
      return g_strdup (_("Leave the waiting list?"));
    case LH_MINE_ASSESSMENT:
    default:
      return g_strdup (_("Give back this assessment?"));
    }
}

char *
lh_mine_format_facts (const LhMineItem *item)
{
  GDateTime *start, *end;
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (item != NULL, NULL);

  start = lh_mine_item_get_start (item);
  end = lh_mine_item_get_end (item);
  if (item->kind == LH_MINE_BOOKING)
    return lh_format_slot_long (item->booking->resource_name, start, end);

  day = lh_format_day_long (start);
  from = lh_format_clock (start);
  to = lh_format_clock (end);
  if (item->kind == LH_MINE_ASSESSMENT)
    {
      g_autofree char *check = check_name (item->slot->subject);

      /* Translators: "Maths skills check with Sue Bennett, Thursday 26
       * November, 14:00 to 14:45, Quiet room" */
      return g_strdup_printf (_("%s with %s, %s, %s to %s, %s"), check, item->slot->assessor,
                              day, from, to, item->slot->place);
    }
  /* Translators: "Maths together, Wednesday 25 November, 13:00 to 15:00, Group room" */
  return g_strdup_printf (_("%s, %s, %s to %s, %s"), item->session->title, day, from, to,
                          item->session->room);
}

char *
lh_mine_format_yes (const LhMineItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  switch (item->kind)
    {
    case LH_MINE_BOOKING:
      return g_strdup (_("Yes, cancel it"));
    case LH_MINE_GROUP_PLACE:
      return g_strdup (_("Yes, give it up"));
    case LH_MINE_WAITING:
      return g_strdup (_("Yes, leave it"));
    case LH_MINE_ASSESSMENT:
    default:
      return g_strdup (_("Yes, give it back"));
    }
}

char *
lh_mine_format_no (const LhMineItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  if (item->kind == LH_MINE_WAITING)
    return g_strdup (_("No, stay on it"));
  return g_strdup (_("No, keep it"));
}

char *
lh_mine_format_done (const LhMineItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  switch (item->kind)
    {
    case LH_MINE_BOOKING:
      return g_strdup (_("Your booking is cancelled."));
    case LH_MINE_GROUP_PLACE:
      return g_strdup (_("You have given up your place."));
    case LH_MINE_WAITING:
      return g_strdup (_("You have left the waiting list."));
    case LH_MINE_ASSESSMENT:
    default:
      return g_strdup (_("You have given back your assessment."));
    }
}

char *
lh_mine_format_gone (const LhMineItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  switch (item->kind)
    {
    case LH_MINE_BOOKING:
      return g_strdup (_("This booking was already cancelled."));
    case LH_MINE_GROUP_PLACE:
      return g_strdup (_("You no longer have a place in this group."));
    case LH_MINE_WAITING:
      return g_strdup (_("You are no longer on this waiting list."));
    case LH_MINE_ASSESSMENT:
    default:
      return g_strdup (_("This assessment is no longer booked for you."));
    }
}

char *
lh_mine_format_refusal (const LhMineItem *item,
                        const GError     *error)
{
  g_return_val_if_fail (item != NULL, NULL);

  g_autofree char *words = error != NULL ? lh_refusal_words (error) : NULL;

  /* Only the daemon knows why (a room held for a group, a booking that
   * has ended…): its reason, in the kiosk's words. */
  if (words != NULL)
    return g_steal_pointer (&words);
  if (item->kind == LH_MINE_ASSESSMENT)
    return g_strdup (_("This assessment has already started."));
  if (item->kind == LH_MINE_BOOKING)
    return g_strdup (_("This booking has already ended."));
  return g_strdup (_("This group session has already started."));
}
