/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-refusal-words"

#include "lh-refusal-words.h"

#include "lh-form-parts.h"

#include <glib/gi18n.h>

#include "lh-client.h"
#include "lh-time-format.h"

/* A number the refusal carries, or -1 when it gave none. */
static long
number (const GError *error,
        const char   *member)
{
  gint64 value = -1;

  if (!lh_client_error_get_number (error, member, &value) || value < 0 || value > G_MAXLONG)
    return -1;
  return (long) value;
}

/* "2 hours 30 minutes": lengths read as the rest of the kiosk reads them. */
static char *
duration (long minutes)
{
  return lh_format_duration ((int) MIN (minutes, G_MAXINT));
}

static char *
booking_words (const GError *error,
               const char   *reason)
{
  if (g_str_equal (reason, "period-reversed"))
    return g_strdup (_("The end must come after the start. Please pick the time again."));
  if (g_str_equal (reason, "time-passed"))
    return g_strdup (_("This time has already passed. Please pick a later time."));
  if (g_str_equal (reason, "beyond-horizon"))
    {
      long days = number (error, "horizon_days");

      if (days >= 0)
        return g_strdup_printf (ngettext ("You can book up to %ld day ahead. Please pick an earlier day.",
                                          "You can book up to %ld days ahead. Please pick an earlier day.", days),
                                days);
      return g_strdup (_("This day is too far ahead to book yet. Please pick an earlier day."));
    }
  if (g_str_equal (reason, "booking-too-short") || g_str_equal (reason, "booking-too-long"))
    {
      gboolean short_one = g_str_equal (reason, "booking-too-short");
      long minutes = number (error, short_one ? "min_minutes" : "max_minutes");
      g_autofree char *length = minutes >= 0 ? duration (minutes) : NULL;

      if (length == NULL)
        return g_strdup (short_one ? _("This booking is too short. Please pick a longer time.")
                                   : _("This booking is too long. Please pick a shorter time."));
      /* Translators: %s is a length of time, "15 minutes" */
      return g_strdup_printf (short_one ? _("A booking must be at least %s. Please pick a longer time.")
                                        /* Translators: %s is a length of time, "2 hours" */
                                        : _("A booking can be at most %s. Please pick a shorter time."),
                              length);
    }
  if (g_str_equal (reason, "centre-closed"))
    return g_strdup (_("The centre is closed that day. Please pick another day."));
  if (g_str_equal (reason, "outside-hours"))
    return g_strdup (_("The centre is not open at this time. Please pick a time when it is open."));
  if (g_str_equal (reason, "staff-only"))
    return g_strdup (_("Only members of staff can do this. Please ask a learning rep."));
  if (g_str_equal (reason, "rooms-for-reps"))
    return g_strdup (_("Rooms are booked by learning reps. Please ask one, or book a computer."));
  if (g_str_equal (reason, "daily-limit") || g_str_equal (reason, "weekly-limit"))
    {
      gboolean daily = g_str_equal (reason, "daily-limit");
      long limit = number (error, "limit_minutes");
      long booked = number (error, "booked_minutes");
      g_autofree char *limit_words = limit >= 0 ? duration (limit) : NULL;
      g_autofree char *left_words = NULL;

      if (limit_words == NULL)
        return g_strdup (daily ? _("This would be more time than you can book in one day.")
                               : _("This would be more time than you can book in one week."));
      left_words = duration (booked >= 0 && booked < limit ? limit - booked : 0);
      /* Translators: two lengths of time, "You can book 8 hours a week, and
       * you have 1 hour left this week." */
      return g_strdup_printf (daily ? _("You can book %s a day, and you have %s left that day. Please pick a shorter time.")
                                    : _("You can book %s a week, and you have %s left that week. Please pick a shorter time."),
                              limit_words, left_words);
    }
  if (g_str_equal (reason, "daily-bookings-limit") || g_str_equal (reason, "weekly-bookings-limit"))
    {
      long limit = number (error, "limit_bookings");

      if (limit < 0)
        return g_strdup (_("You already have as many bookings as you can have."));
      if (g_str_equal (reason, "daily-bookings-limit"))
        return g_strdup_printf (ngettext ("You can have %ld booking a day, and that day you have it already.",
                                          "You can have %ld bookings a day, and that day you have them all already.", limit),
                                limit);
      return g_strdup_printf (ngettext ("You can have %ld booking a week, and that week you have it already.",
                                        "You can have %ld bookings a week, and that week you have them all already.", limit),
                              limit);
    }
  if (g_str_equal (reason, "not-paid-activity"))
    return g_strdup (_("This cannot be in work time. Please choose your own time."));
  if (g_str_equal (reason, "resource-taken"))
    {
      long week = number (error, "week");

      /* A weekly group: the first week whose room is taken. */
      if (week > 0)
        return g_strdup_printf (_("In week %ld the room is already booked at that time. Please pick another time."),
                                week);
      return g_strdup (_("Someone else has just taken this time. Please pick another time."));
    }
  if (g_str_equal (reason, "own-clash"))
    return g_strdup (_("You already have a booking at this time. Please pick another time."));
  if (g_str_equal (reason, "paid-time-exhausted"))
    {
      long left = number (error, "left_minutes");
      g_autofree char *left_words = left >= 0 ? duration (left) : NULL;

      if (left_words == NULL || left == 0)
        return g_strdup (_("You have no work time for learning left. You can book it in your own time."));
      /* Translators: %s is a length of time, "30 minutes" */
      return g_strdup_printf (_("You have only %s of work time for learning left. Book a shorter time, or use your own time."),
                              left_words);
    }
  if (g_str_equal (reason, "booking-not-found"))
    return g_strdup (_("This booking is not there any more."));
  if (g_str_equal (reason, "booking-ended"))
    return g_strdup (_("This booking has already ended."));
  if (g_str_equal (reason, "held-for-group"))
    return g_strdup (_("This booking belongs to a group session. Give back your place in the group instead."));
  return NULL;
}

static char *
person_words (const GError *error,
              const char   *reason)
{
  if (g_str_equal (reason, "pin-mismatch"))
    return g_strdup (_("The staff number or PIN is not right. Please try again."));
  if (g_str_equal (reason, "kiosk-unknown"))
    return g_strdup (_("This kiosk is not set up yet. Please ask a learning rep."));
  if (g_str_equal (reason, "staff-number-locked"))
    {
      long minutes = number (error, "locked_minutes");

      if (minutes < 0)
        return g_strdup (_("Too many wrong PINs. Please try again later."));
      return g_strdup_printf (ngettext ("Too many wrong PINs. Please try again in %ld minute.",
                                        "Too many wrong PINs. Please try again in %ld minutes.", minutes),
                              minutes);
    }
  if (g_str_equal (reason, "name-invalid"))
    {
      long chars = number (error, "max_chars");

      if (chars < 0)
        return g_strdup (_("Please type your guest’s name again: first name and family name."));
      return g_strdup_printf (ngettext ("Please type your guest’s name again: first name and family name, up to %ld letter.",
                                        "Please type your guest’s name again: first name and family name, up to %ld letters.", chars),
                              chars);
    }
  if (g_str_equal (reason, "guest-limit"))
    {
      long limit = number (error, "limit_guests");

      if (limit < 0)
        return g_strdup (_("You already have as many guests as anyone can have. Ask a learning rep if one of your guests no longer comes."));
      return g_strdup_printf (ngettext ("You already have %ld guest, the most anyone can have. Ask a learning rep if one of your guests no longer comes.",
                                        "You already have %ld guests, the most anyone can have. Ask a learning rep if one of your guests no longer comes.", limit),
                              limit);
    }
  return NULL;
}

static char *
pc_words (const char *reason)
{
  static const struct { const char *reason; const char *words; } table[] = {
    { "pc-booked-now", N_("Someone has booked this computer now. Please use another one.") },
    { "pc-reserved-soon", N_("Someone has booked this computer very soon. Please use another one.") },
    { "pc-closed", N_("This computer is closed now.") },
    { "pc-out-of-order", N_("This computer is out of order. Please use another one.") },
    { "time-used-up", N_("You have used all your computer time for now.") },
    { "booked-elsewhere", N_("You have a booking on another computer now. Please sign in there.") },
    { "pc-booked-next", N_("Someone has booked this computer next, so you cannot have more time here.") },
    { "centre-closing", N_("The centre is closing soon, so you cannot have more time.") },
    { "longest-sitting", N_("You have had the longest time anyone can have in one go.") },
    { "not-sitting", N_("You are not using this computer now.") },
    { "group-not-found", N_("This group session is not there any more.") },
    { "group-started", N_("This group session has already started.") },
    { "group-cancelled", N_("This group session has been cancelled.") },
    { "already-in-group", N_("You already have a place in this group.") },
    { "already-waiting", N_("You are already on the waiting list for this group.") },
    { "no-place", N_("There is no place left in this group.") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_str_equal (reason, table[i].reason))
      return g_strdup (_(table[i].words));
  return NULL;
}

/* A PC's refusal names another PC free now, when the daemon found one
 * (`free_pc`), so that the person need not walk round to look. */
static char *
with_free_pc (const GError *error,
              char         *words)
{
  const char *free_pc = NULL;
  g_autofree char *other = NULL;
  char *joined;

  if (words == NULL || !lh_client_error_get_text (error, "free_pc", &free_pc))
    return words;
  if (free_pc != NULL)
    /* Translators: said after why this PC cannot be used; %s is another PC, "PC 7" */
    other = g_strdup_printf (_("%s is free now."), free_pc);
  else
    other = g_strdup (_("No other computer is free just now."));
  joined = g_strjoin (" ", words, other, NULL);
  g_free (words);
  return joined;
}

/* Talking to a ULR, skills checks, drop-ins, time off and the rest
 * (issue 15): each reason the daemon gives, in the kiosk's words. */
static char *
advice_words (const char *reason)
{
  static const struct { const char *reason; const char *words; } table[] = {
    { "choose-dropin", N_("More than one drop-in is on now. Please choose which one to join.") },
    { "dropin-not-on", N_("That drop-in is not on today, or is over.") },
    { "no-dropin-today", N_("There is no drop-in today. You can book a time with a ULR instead.") },
    { "slot-begun", N_("That time has already begun. Please pick a later time.") },
    { "own-slot", N_("This is your own time for advice. Please pick a time with another ULR.") },
    { "slot-mine-already", N_("You have booked this time already.") },
    { "slot-taken", N_("Someone has just booked this time. Please pick another time.") },
    { "request-kind-missing", N_("Please choose: join the queue, or book a time.") },
    { "slot-missing", N_("Please choose a time first.") },
    { "request-not-found", N_("This request is not there any more.") },
    { "appointment-begun", N_("Your time with the ULR has already begun.") },
    { "already-called", N_("A ULR has called you already, or your turn is over.") },
    { "slot-not-found", N_("This time is not there any more.") },
    { "offer-clash", N_("You offer another time for advice then. Please pick another time.") },
    { "subject-unknown", N_("Please choose English, maths or ESOL.") },
    { "assessment-not-found", N_("This skills check is not there any more.") },
    { "not-a-ulr", N_("Only a union learning rep can run a skills check.") },
    { "assessor-busy", N_("The learning rep has another skills check then. Please pick another time.") },
    { "assessment-mine-already", N_("You have this skills check booked already. To move it, give it back first.") },
    { "assessment-taken", N_("Someone has just booked this one. Please pick another time.") },
    { "own-assessment", N_("You run this skills check yourself, so you cannot book it.") },
    { "assessment-started", N_("This skills check has already started.") },
    { "time-off-not-found", N_("This request for time off is not there any more.") },
    { "already-decided", N_("This request has already been decided.") },
    { "not-esol-learner", N_("This person is not marked as an ESOL learner, so has no ESOL hours.") },
    { "not-apprentice", N_("This person is not marked as an apprentice, so has no study days.") },
    { "adjust-beyond-entitlement", N_("That would give back more time than they have used this year.") },
    { "category-unknown", N_("Please choose learning, assessment, ESOL or apprentice time.") },
    { "adjust-minutes-range", N_("Please give a number of minutes, up to a year’s worth.") },
    { "dropin-not-found", N_("This drop-in is not there any more.") },
    { "dropin-repeats", N_("Each ULR and each desk can be there only once.") },
    { "ulr-busy", N_("One of the ULRs is at another drop-in then.") },
    { "dropin-times", N_("A drop-in must end after it starts, and not in the past.") },
    { "not-at-dropin", N_("You are not at this drop-in now.") },
    { "dropin-closed", N_("That drop-in has closed already.") },
    { "calendar-not-found", N_("This calendar link does not work any more.") },
    { "sitting-not-found", N_("You are not using this computer now.") },
    { "text-empty", N_("Please write something first.") },
    { "request-changed", N_("This request has just changed. Please look again.") },
    { "plan-item-not-found", N_("This part of the plan is not there any more.") },
    { "date-passed", N_("That date has passed. Please pick a later one.") },
    { "mot-date", N_("A learning check-up is recorded within a year of when it was held.") },
    { "next-mot-date", N_("The next learning check-up comes after this one, within two years.") },
    { "learner-not-found", N_("This learner is not one of yours.") },
    { "not-shared", N_("They cannot see this record.") },
    { "nobody-waiting", N_("Nobody is waiting.") },
    { "ticket-taken", N_("Another ULR has just called that ticket. Please call again.") },
    { "appointment-not-begun", N_("The appointment has not begun: they may still come.") },
    { "too-early-to-start", N_("It is too early to start this appointment.") },
    { "call-first", N_("Please call this ticket first.") },
    { "request-over", N_("This request has started already, or is over.") },
    { "outcome-missing", N_("Please choose at least one outcome.") },
    { "start-first", N_("Please start it before you finish it.") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_str_equal (reason, table[i].reason))
      return g_strdup (_(table[i].words));
  return NULL;
}

/* The same, for reasons with numbers. */
static char *
advice_number_words (const GError *error,
                     const char   *reason)
{
  if (g_str_equal (reason, "phone-needed"))
    return g_strdup (_("Please type the phone number we can call you on."));
  if (g_str_equal (reason, "email-needed"))
    return g_strdup (_("Please type the email address we can write to."));
  if (g_str_equal (reason, "contact-detail-unwanted"))
    return g_strdup (_("We only keep a phone number or email address if you choose to be reached that way."));
  if (g_str_equal (reason, "phone-invalid") || g_str_equal (reason, "email-invalid"))
    {
      gboolean phone = g_str_equal (reason, "phone-invalid");
      long longest = number (error, "max_chars");

      if (phone && longest > 0)
        return g_strdup_printf (ngettext ("This phone number does not look right. Use numbers only, "
                                          "at most %ld character.",
                                          "This phone number does not look right. Use numbers only, "
                                          "at most %ld characters.", longest), longest);
      if (phone)
        return g_strdup (_("This phone number does not look right. Please check it."));
      if (longest > 0)
        return g_strdup_printf (ngettext ("This email address does not look right. Please check it. "
                                          "It can be at most %ld character.",
                                          "This email address does not look right. Please check it. "
                                          "It can be at most %ld characters.", longest), longest);
      return g_strdup (_("This email address does not look right. Please check it."));
    }
  if (g_str_equal (reason, "already-queued"))
    {
      long ticket = number (error, "ticket");

      if (ticket < 0)
        return g_strdup (_("You are in the queue already."));
      return g_strdup_printf (_("You are in the queue already. Your ticket number is %ld."), ticket);
    }
  if (g_str_equal (reason, "slot-length") || g_str_equal (reason, "assessment-length"))
    {
      long shortest = number (error, "min_minutes"), longest = number (error, "max_minutes");
      g_autofree char *from = shortest >= 0 ? duration (shortest) : NULL;
      g_autofree char *to = longest >= 0 ? duration (longest) : NULL;

      if (from == NULL || to == NULL)
        return g_strdup (_("This time is too short or too long. Please pick another length."));
      /* Translators: two lengths of time, "15 minutes" and "1 hour" */
      return g_strdup_printf (_("It must be from %s to %s long."), from, to);
    }
  if (g_str_equal (reason, "adjust-below-zero"))
    {
      long left = number (error, "left_minutes");
      g_autofree char *left_words = left >= 0 ? duration (left) : NULL;

      if (left_words == NULL)
        return g_strdup (_("That is more time than they have left this year."));
      /* Translators: %s is a length of time, "3 hours" */
      return g_strdup_printf (_("They have only %s left this year. Please record less time."), left_words);
    }
  if (g_str_equal (reason, "finish-first"))
    {
      long ticket = number (error, "ticket");

      return ticket < 0 ? g_strdup (_("Please finish the ticket you have first, or mark it a no-show."))
                        : g_strdup_printf (_("Please finish ticket %ld first, or mark it a no-show."), ticket);
    }
  if (g_str_equal (reason, "plan-too-far"))
    {
      long years = number (error, "max_years");

      return years < 0 ? g_strdup (_("That is too far ahead for a plan."))
                       : g_strdup_printf (ngettext ("A plan looks up to %ld year ahead.",
                                                    "A plan looks up to %ld years ahead.", years), years);
    }
  if (g_str_equal (reason, "dropin-ulrs"))
    {
      long most = number (error, "max_ulrs");

      return most < 0 ? g_strdup (_("Please choose fewer ULRs."))
                      : g_strdup_printf (ngettext ("A drop-in has %ld ULR at most.",
                                                   "A drop-in has %ld ULRs at most.", most), most);
    }
  if (g_str_equal (reason, "queue-alert-range"))
    {
      long most = number (error, "max_people");

      return most < 0 ? g_strdup (_("Please choose a shorter queue for the alert."))
                      : g_strdup_printf (ngettext ("The queue alert is 0 (never) to %ld person.",
                                                   "The queue alert is 0 (never) to %ld people.", most), most);
    }
  if (g_str_equal (reason, "dropin-too-long"))
    {
      long hours = number (error, "max_hours");

      return hours < 0 ? g_strdup (_("This drop-in is too long."))
                       : g_strdup_printf (ngettext ("A drop-in lasts %ld hour at most.",
                                                    "A drop-in lasts %ld hours at most.", hours), hours);
    }
  if (g_str_equal (reason, "dropin-too-early"))
    {
      long minutes = number (error, "early_minutes");

      return minutes < 0 ? g_strdup (_("Please open the drop-in nearer its start."))
                         : g_strdup_printf (ngettext ("Please open the drop-in at most %ld minute before it starts.",
                                                      "Please open the drop-in at most %ld minutes before it starts.",
                                                      minutes), minutes);
    }
  if (g_str_equal (reason, "group-size"))
    {
      long places = number (error, "max_places"), weeks = number (error, "max_weeks");

      if (places < 0 || weeks < 0)
        return g_strdup (_("Please choose fewer places or fewer weeks."));
      /* Translators: "A group has 1 to 200 places and runs for 1 to 26 weeks." */
      return g_strdup_printf (_("A group has 1 to %ld places and runs for 1 to %ld weeks."), places, weeks);
    }
  return NULL;
}

/* The last refusals given a reason (issue 15, helper HB): sign-in,
 * periods of committee reports, committee and admin pages, facility time.
 * Kept apart from the blocks above to ease merging. */
static char *
admin_words (const char *reason)
{
  static const struct { const char *reason; const char *words; } table[] = {
    { "pin-being-checked", N_("A PIN is being checked. Please wait a moment and try again.") },
    { "period-not-begun", N_("That period has not begun yet. Please choose an earlier one.") },
    { "time-invalid", N_("That time could not be read. Please pick the time again.") },
    { "resource-unknown", N_("This computer or room is not there any more. Please pick another one.") },
    { "person-not-found", N_("This person is not there any more.") },
    { "notice-not-found", N_("This notice is not there any more.") },
    { "no-advice-record", N_("You have no advice record to delete.") },
    { "deletion-not-asked", N_("They have not asked for their record to be deleted.") },
    { "activity-unknown", N_("Please choose training, a meeting, promotion or other time.") },
    { "facility-date", N_("Please log time from the past year, not from the future.") },
    { "facility-overlap", N_("You have already logged time for part of this. Please pick another time.") },
    { "topic-unknown", N_("Please choose a topic from the list.") },
    { "outcome-unknown", N_("Please choose an outcome from the list.") },
    { "contact-unknown", N_("Please choose how the learning rep can reach you.") },
    { "kind-unchanged", N_("The kind of an item does not change. Retire it and add a new item instead.") },
    /* The daemon's disk is full or failing: a fault, not the person's. */
    { "storage-full", N_("The centre’s computer cannot save anything just now, so nothing was changed. "
                         "Please tell a learning rep, and try again later.") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_str_equal (reason, table[i].reason))
      return g_strdup (_(table[i].words));
  return NULL;
}

/* The same, for reasons with numbers. */
static char *
admin_number_words (const GError *error,
                    const char   *reason)
{
  if (g_str_equal (reason, "period-too-long"))
    {
      long days = number (error, "max_days");

      return days < 0 ? g_strdup (_("That period is too long. Please choose a shorter one."))
                      : g_strdup_printf (ngettext ("Please choose a period of at most %ld day.",
                                                   "Please choose a period of at most %ld days.", days), days);
    }
  if (g_str_equal (reason, "facility-length"))
    {
      long shortest = number (error, "min_minutes"), longest = number (error, "max_minutes");
      g_autofree char *from = shortest >= 0 ? duration (shortest) : NULL;
      g_autofree char *to = longest >= 0 ? duration (longest) : NULL;

      if (from == NULL || to == NULL)
        return g_strdup (_("This time is too short or too long. Please log another length."));
      /* Translators: two lengths of time, "1 minute" and "12 hours" */
      return g_strdup_printf (_("You can log from %s to %s at a time."), from, to);
    }
  return NULL;
}

char *
lh_refusal_words (const GError *error)
{
  const char *reason;
  char *words;

  g_return_val_if_fail (error != NULL, NULL);

  reason = lh_client_error_get_reason (error);
  if (reason == NULL)
    return NULL;
  if ((words = booking_words (error, reason)) != NULL)
    return words;
  if ((words = person_words (error, reason)) != NULL)
    return words;
  if ((words = advice_words (reason)) != NULL)
    return words;
  if ((words = advice_number_words (error, reason)) != NULL)
    return words;
  if ((words = admin_words (reason)) != NULL)
    return words;
  if ((words = admin_number_words (error, reason)) != NULL)
    return words;
  /* Any text field the daemon keeps short: a note, a reason, a name. */
  if (g_str_equal (reason, "text-too-long") && (words = lh_form_too_long_words (error)) != NULL)
    return words;
  return with_free_pc (error, pc_words (reason));
}
