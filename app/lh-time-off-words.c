/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-time-off-words"

#include "lh-time-off-words.h"

#include <glib/gi18n.h>

#include "lh-time-format.h"

const char *
lh_time_off_category_title (const char *category)
{
  static const struct { const char *category; const char *title; } titles[] = {
    { "learning", N_("Paid learning time") },
    { "assessment", N_("Assessments and exams") },
    { "esol", N_("ESOL classes (English for speakers of other languages)") },
    { "apprentice", N_("Apprentice study days") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (category, titles[i].category) == 0)
      return _(titles[i].title);
  return NULL;
}

const char *
lh_time_off_category_for (const char *activity)
{
  /* As the daemon files them: assessment time is its own entitlement. */
  return g_strcmp0 (activity, "skills-for-life") == 0 ? "assessment" : "learning";
}

/* ---- amounts ---------------------------------------------------------- */

char *
lh_time_off_format_days (int    minutes,
                         double hours_per_day)
{
  double days;
  int halves;

  if (hours_per_day <= 0)
    return NULL;
  /* To the nearest half day: "about", as a day is the person's own. */
  days = MAX (minutes, 0) / (hours_per_day * 60);
  halves = (int) (days * 2 + 0.5);
  if (halves == 0)
    return g_strdup (minutes > 0 ? _("less than half a day") : _("no days"));
  if (halves == 1)
    return g_strdup (_("about half a day"));
  if (halves % 2 == 0)
    return g_strdup_printf (ngettext ("about %d day", "about %d days", halves / 2), halves / 2);
  /* Translators: "about 2 and a half days" */
  return g_strdup_printf (_("about %d and a half days"), halves / 2);
}

char *
lh_time_off_format_left (int    remaining_minutes,
                         double hours_per_day)
{
  g_autofree char *hours = NULL;
  g_autofree char *days = NULL;

  if (remaining_minutes <= 0)
    return g_strdup (_("None left this year"));
  hours = lh_format_duration (remaining_minutes);
  days = lh_time_off_format_days (remaining_minutes, hours_per_day);
  if (days == NULL)
    /* Translators: "46 hours 30 minutes left" */
    return g_strdup_printf (_("%s left"), hours);
  /* Translators: "46 hours 30 minutes left · about 6 days" */
  return g_strdup_printf (_("%s left · %s"), hours, days);
}

/* "2 hours", or "none" rather than "0 minutes". */
static char *
format_amount (int minutes)
{
  /* Translators: no time at all, as in "Used: none" */
  return minutes > 0 ? lh_format_duration (minutes) : g_strdup (C_("time", "none"));
}

char *
lh_time_off_format_taken (int minutes)
{
  g_autofree char *length = format_amount (minutes);

  /* Translators: paid time used so far this year, "Used: 10 hours" */
  return g_strdup_printf (_("Used: %s"), length);
}

char *
lh_time_off_format_booked (int minutes)
{
  g_autofree char *length = format_amount (minutes);

  /* Translators: approved paid time still to come, "Booked, not used yet: 2 hours" */
  return g_strdup_printf (_("Booked, not used yet: %s"), length);
}

char *
lh_time_off_format_pending (int minutes)
{
  g_autofree char *length = format_amount (minutes);

  /* Translators: paid time asked for, "Waiting for approval: 1 hour" */
  return g_strdup_printf (_("Waiting for approval: %s"), length);
}

char *
lh_time_off_format_matched (const LhTimeOffCategory *learning)
{
  g_autofree char *earned = NULL;
  g_autofree char *cap = NULL;

  g_return_val_if_fail (learning != NULL, NULL);

  if (learning->matched_cap_minutes <= 0)
    return NULL;
  cap = lh_format_duration (learning->matched_cap_minutes);
  if (learning->matched_minutes <= 0)
    /* Translators: matched time not earned yet; "15 hours" is the most a year */
    return g_strdup_printf (_("Each hour you learn in your own time earns an hour of paid time, up to %s."), cap);
  earned = lh_format_duration (learning->matched_minutes);
  /* Translators: matched time, "Your own time has earned 5 hours of paid
   * time, of up to 15 hours." */
  return g_strdup_printf (_("Your own time has earned %s of paid time, of up to %s."), earned, cap);
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);

  /* Translators: a date with the year, as a g_date_time_format()
   * pattern, e.g. "1 April 2026" */
  return g_date_time_format (time, _("%-d %B %Y"));
}

char *
lh_time_off_format_year (const GDate *start,
                         const GDate *end)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (start != NULL && end != NULL, NULL);

  from = format_date (start);
  to = format_date (end);
  /* Translators: the agreement year, "1 April 2026 to 31 March 2027" */
  return g_strdup_printf (_("%s to %s"), from, to);
}

/* ---- a booking's time off --------------------------------------------- */

char *
lh_time_off_format_state (const LhTimeOff *time_off)
{
  const char *status;

  g_return_val_if_fail (time_off != NULL, NULL);

  status = time_off->status;
  if (g_strcmp0 (status, "cancelled") == 0)
    return NULL;
  if (!time_off->paid || g_strcmp0 (status, "own") == 0)
    return g_strdup (_("Own time"));
  if (g_strcmp0 (status, "approved") == 0)
    return g_strdup (_("Work time (paid) · approved"));
  if (g_strcmp0 (status, "pending") == 0)
    return g_strdup (_("Work time (paid) · waiting for approval"));
  if (g_strcmp0 (status, "rejected") == 0)
    return g_strdup (_("Work time (paid) · not approved: own time"));
  if (g_strcmp0 (status, "taken") == 0)
    return g_strdup (_("Work time (paid) · used"));
  return g_strdup (_("Work time (paid)"));
}

const char *
lh_time_off_state_icon (const LhTimeOff *time_off)
{
  g_return_val_if_fail (time_off != NULL, NULL);

  if (!time_off->paid || g_strcmp0 (time_off->status, "own") == 0)
    return "avatar-default-symbolic";
  if (g_strcmp0 (time_off->status, "pending") == 0)
    return "content-loading-symbolic";
  if (g_strcmp0 (time_off->status, "rejected") == 0 || g_strcmp0 (time_off->status, "cancelled") == 0)
    return "dialog-information-symbolic";
  return "emblem-ok-symbolic";
}

char *
lh_time_off_format_outcome (const LhTimeOff *time_off)
{
  g_return_val_if_fail (time_off != NULL, NULL);

  if (!time_off->paid || g_strcmp0 (time_off->status, "own") == 0)
    return g_strdup (_("In your own time."));
  if (g_strcmp0 (time_off->status, "approved") == 0)
    return g_strdup (_("Work time (paid): approved."));
  if (g_strcmp0 (time_off->status, "pending") == 0)
    return g_strdup (_("Work time (paid): waiting for approval. You will be told here once it is decided."));
  if (g_strcmp0 (time_off->status, "rejected") == 0)
    return g_strdup (_("Work time (paid) was not approved: it is booked in your own time."));
  return g_strdup (_("Work time (paid)."));
}

/* "a computer", when the daemon did not say which. */
static const char *
activity_words (const char *activity)
{
  if (g_strcmp0 (activity, "group-study") == 0)
    return _("a group session");
  if (g_strcmp0 (activity, "skills-for-life") == 0)
    return _("a skills check");
  return _("a computer");
}

/* An assessment's `what` is its subject. */
static const char *
subject_words (const char *subject)
{
  if (g_strcmp0 (subject, "english") == 0)
    return _("English");
  if (g_strcmp0 (subject, "maths") == 0)
    return _("Maths");
  if (g_strcmp0 (subject, "esol") == 0)
    return _("ESOL (English for speakers of other languages)");
  return subject;
}

char *
lh_time_off_format_request (const LhTimeOff *time_off)
{
  const char *what;

  g_return_val_if_fail (time_off != NULL, NULL);

  what = time_off->what != NULL && *time_off->what != '\0' ? time_off->what : activity_words (time_off->activity);
  if (g_strcmp0 (time_off->category, "assessment") == 0 && time_off->what != NULL && *time_off->what != '\0')
    what = subject_words (time_off->what);
  if (time_off->start == NULL || time_off->end == NULL)
    return g_strdup (what);
  return lh_format_slot_long (what, time_off->start, time_off->end);
}

char *
lh_time_off_format_request_status (const LhTimeOff *time_off)
{
  const char *status;

  g_return_val_if_fail (time_off != NULL, NULL);

  status = time_off->status;
  if (!time_off->paid || g_strcmp0 (status, "own") == 0)
    return g_strdup (_("Own time"));
  if (g_strcmp0 (status, "pending") == 0)
    return g_strdup (_("Work time, waiting for approval"));
  if (g_strcmp0 (status, "approved") == 0)
    return g_strdup (_("Work time, approved"));
  if (g_strcmp0 (status, "rejected") == 0)
    return g_strdup (_("Not approved: in your own time"));
  if (g_strcmp0 (status, "cancelled") == 0)
    return g_strdup (_("Given back"));
  if (g_strcmp0 (status, "taken") == 0)
    return g_strdup (_("Work time, used"));
  return g_strdup (_("Work time"));
}

char *
lh_time_off_format_decision (const LhTimeOff *time_off)
{
  g_autofree char *what = NULL;

  g_return_val_if_fail (time_off != NULL, NULL);

  what = lh_time_off_format_request (time_off);
  if (g_strcmp0 (time_off->status, "rejected") != 0)
    /* Translators: "Approved: work time for PC 3, Tuesday 24 November, 10:00 to 11:00." */
    return g_strdup_printf (_("Approved: work time for %s."), what);
  if (time_off->decision_reason != NULL && *time_off->decision_reason != '\0')
    /* Translators: the last part is the admin's own words */
    return g_strdup_printf (_("Not approved: work time for %s. It stays booked, in your own time. "
                              "The reason given: %s"), what, time_off->decision_reason);
  return g_strdup_printf (_("Not approved: work time for %s. It stays booked, in your own time."), what);
}

char *
lh_time_off_format_decisions (GPtrArray *decisions)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (decisions != NULL, NULL);

  for (guint i = 0; i < decisions->len; i++)
    {
      g_autofree char *one = lh_time_off_format_decision (g_ptr_array_index (decisions, i));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, one);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}
