/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-refusal-words"

#include "lh-refusal-words.h"

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
    return g_strdup (_("Someone else has just taken this time. Please pick another time."));
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
  return pc_words (reason);
}
