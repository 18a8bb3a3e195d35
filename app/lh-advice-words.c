/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-advice-words"

#include "lh-advice-words.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lh-client.h"
#include "lh-messages.h"
#include "lh-time-format.h"

char *
lh_topic_title (LhTopic topic)
{
  switch (topic)
    {
    case LH_TOPIC_ENGLISH_MATHS:
      return g_strdup (_("Reading, writing and maths"));
    case LH_TOPIC_ESOL:
      return g_strdup (_("English for speakers of other languages"));
    case LH_TOPIC_DIGITAL:
      return g_strdup (_("Computers and digital skills"));
    case LH_TOPIC_COURSES_FUNDING:
      return g_strdup (_("Courses and funding"));
    case LH_TOPIC_APPRENTICESHIPS:
      return g_strdup (_("Apprenticeships"));
    case LH_TOPIC_HIGHER_EDUCATION:
      return g_strdup (_("University and professional courses"));
    case LH_TOPIC_CAREERS:
      return g_strdup (_("Careers advice"));
    case LH_TOPIC_TIME_TO_TRAIN:
      return g_strdup (_("Time off to train"));
    case LH_TOPIC_DYSLEXIA:
      return g_strdup (_("Dyslexia and learning differences"));
    case LH_TOPIC_LEARNING_MOT:
      return g_strdup (_("A learning check-up (learning MOT)"));
    case LH_TOPIC_OTHER:
      return g_strdup (_("Something else"));
    case LH_N_TOPICS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
lh_topic_icon (LhTopic topic)
{
  static const char * const icons[LH_N_TOPICS] = {
    "accessories-text-editor-symbolic",
    "preferences-desktop-locale-symbolic",
    "computer-symbolic",
    "accessories-dictionary-symbolic",
    "applications-engineering-symbolic",
    "applications-science-symbolic",
    "find-location-symbolic",
    "preferences-system-time-symbolic",
    "format-text-plaintext-symbolic",
    /* A check-up, not a warning: task-due-symbolic carries a "!". */
    "emblem-ok-symbolic",
    "chat-message-new-symbolic",
  };

  g_return_val_if_fail (topic < LH_N_TOPICS, NULL);
  return icons[topic];
}

char *
lh_contact_title (LhContact contact)
{
  switch (contact)
    {
    case LH_CONTACT_HERE:
      return g_strdup (_("Here at the centre"));
    case LH_CONTACT_PHONE:
      return g_strdup (_("By phone"));
    case LH_CONTACT_EMAIL:
      return g_strdup (_("By email"));
    case LH_CONTACT_AT_WORK:
      return g_strdup (_("At work"));
    case LH_N_CONTACTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
lh_contact_icon (LhContact contact)
{
  static const char * const icons[LH_N_CONTACTS] = {
    "mark-location-symbolic", "phone-symbolic", "mail-unread-symbolic", "network-workgroup-symbolic",
  };

  g_return_val_if_fail (contact < LH_N_CONTACTS, NULL);
  return icons[contact];
}

char *
lh_advice_format_outcome (const char *outcome)
{
  static const struct { const char *name; const char *words; } outcomes[] = {
    { "signposted-course", N_("Found a course for you") },
    { "assessment-booked", N_("Booked a skills check") },
    { "learning-plan-agreed", N_("Agreed a learning plan") },
    { "referred-careers-service", N_("Put you in touch with the careers service") },
    { "funding-advice", N_("Talked about paying for learning") },
    { "time-to-train-explained", N_("Explained time off to train") },
    { "follow-up-booked", N_("Booked another talk") },
    { "other", N_("Other help") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (g_strcmp0 (outcome, outcomes[i].name) == 0)
      return g_strdup (_(outcomes[i].words));
  return g_strdup (_("Other help"));
}

char *
lh_advice_format_status (const LhAdviceRequest *request)
{
  const char *status;

  g_return_val_if_fail (request != NULL, NULL);

  status = request->status;
  if (g_strcmp0 (status, "waiting") == 0)
    return g_strdup (request->appointment ? _("Booked") : _("Waiting in the queue"));
  if (g_strcmp0 (status, "called") == 0)
    return g_strdup (_("Called to a desk"));
  if (g_strcmp0 (status, "started") == 0)
    return g_strdup (_("Talking now"));
  if (g_strcmp0 (status, "done") == 0)
    return g_strdup (_("Done"));
  if (g_strcmp0 (status, "no-show") == 0)
    return g_strdup (_("Missed"));
  if (g_strcmp0 (status, "left") == 0)
    return g_strdup (request->appointment ? _("You gave the time back") : _("You left the queue"));
  if (g_strcmp0 (status, "unseen") == 0)
    return g_strdup (_("The drop-in closed before your turn"));
  return g_strdup (status);
}

char *
lh_advice_format_position (int position)
{
  /* How many are ahead, not a place number: beside the ticket's own
   * number, a second number read as a rival ticket (docs/words.md). */
  if (position <= 1)
    return g_strdup (_("Nobody is ahead of you: you are next"));
  /* Translators: how many people wait before this person, 1 and up */
  return g_strdup_printf (ngettext ("%d person is ahead of you",
                                    "%d people are ahead of you", position - 1), position - 1);
}

char *
lh_advice_format_wait (int minutes)
{
  g_autofree char *duration = NULL;

  if (minutes <= 0)
    return g_strdup (_("Any minute now"));
  duration = lh_format_duration (minutes);
  /* Translators: an estimate of the wait: "About 30 minutes" */
  return g_strdup_printf (_("About %s"), duration);
}

char *
lh_advice_format_when (GDateTime *start,
                       GDateTime *end)
{
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (start != NULL && end != NULL, NULL);

  day = lh_format_day_long (start);
  from = lh_format_clock (start);
  to = lh_format_clock (end);
  /* Translators: "Tuesday 24 November, 12:00 to 14:00" */
  return g_strdup_printf (_("%s, %s to %s"), day, from, to);
}

char *
lh_advice_format_dropin (const LhDropin *dropin,
                         GDateTime      *now)
{
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (dropin != NULL, NULL);

  day = lh_format_day_name (dropin->start, now);
  from = lh_format_clock (dropin->start);
  to = lh_format_clock (dropin->end);
  /* Translators: "Today, 12:00 to 14:00, Learning centre" */
  return g_strdup_printf (_("%s, %s to %s, %s"), day, from, to, dropin->place);
}

char *
lh_advice_format_slot_day (GDateTime *start,
                           GDateTime *now)
{
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (start != NULL && now != NULL, NULL);

  tomorrow = g_date_time_add_days (now, 1);
  if (!lh_same_day (start, now) && !lh_same_day (start, tomorrow))
    return lh_format_day_long (start);
  name = lh_format_day_name (start, now);
  date = lh_format_day_short (start);
  /* Translators: "Tomorrow, Wed 25 Nov" */
  return g_strdup_printf (_("%s, %s"), name, date);
}

char *
lh_advice_format_waiting (int waiting)
{
  if (waiting <= 0)
    return g_strdup (_("Nobody is waiting now"));
  return g_strdup_printf (ngettext ("%d person is waiting", "%d people are waiting", waiting), waiting);
}

char *
lh_advice_format_with (const char *ulr,
                       const char *place)
{
  if (place == NULL || *place == '\0')
    /* Translators: the ULR's name: "With Dev Patel" */
    return g_strdup_printf (_("With %s"), ulr);
  /* Translators: the ULR's name, then the place: "With Dev Patel, Quiet room" */
  return g_strdup_printf (_("With %s, %s"), ulr, place);
}

char *
lh_advice_format_date (const char *ymd)
{
  g_autoptr(GDate) date = g_date_new ();
  char text[128];

  g_return_val_if_fail (ymd != NULL, NULL);

  if (strlen (ymd) != 10)
    return g_strdup (ymd);
  g_date_set_parse (date, ymd);
  if (!g_date_valid (date))
    return g_strdup (ymd);
  /* Translators: a date as people say it, see strftime: "30 June 2027" */
  if (g_date_strftime (text, sizeof text, _("%-d %B %Y"), date) == 0)
    return g_strdup (ymd);
  return g_strdup (text);
}

char *
lh_advice_format_called (int         ticket,
                         const char *desk)
{
  if (desk == NULL || *desk == '\0')
    /* Translators: the ticket number of the person's turn */
    return g_strdup_printf (_("Ticket %d — it is your turn now"), ticket);
  /* Translators: "Ticket 7 — please go to Desk 1" */
  return g_strdup_printf (_("Ticket %d — please go to %s"), ticket, desk);
}

char *
lh_advice_format_refusal (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  /* The daemon says which rule said no (a slot just taken, no drop-in
   * today) by its reason, which the kiosk words (lh-refusal-words.c). */
  return lh_message_for_error (error);
}
