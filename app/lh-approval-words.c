/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-approval-words"

#include "lh-approval-words.h"

#include <glib/gi18n.h>

#include "lh-messages.h"
#include "lh-time-format.h"

/* A decision's answer names nobody: the list's request is used, but be safe. */
static const char *
name_of (const LhApproval *approval)
{
  return approval->person_name ? approval->person_name : "";
}

char *
lh_approval_format_home_button (int pending)
{
  if (pending < 0)
    return g_strdup (_("Time off to approve"));
  if (pending == 0)
    return g_strdup (_("Time off to approve (none waiting)"));
  /* Translators: the home page's button for the employer's contact
   * point, with how many requests wait, e.g. "Time off to approve (3)" */
  return g_strdup_printf (_("Time off to approve (%d)"), pending);
}

char *
lh_approval_format_waiting (guint n_waiting)
{
  if (n_waiting == 0)
    return g_strdup (_("Nothing is waiting for you. New requests show here by themselves."));
  return g_strdup_printf (ngettext ("%u request is waiting for you. Approve or reject it.",
                                    "%u requests are waiting for you. Approve or reject each one.",
                                    n_waiting), n_waiting);
}

char *
lh_approval_format_who (const LhApproval *approval)
{
  g_return_val_if_fail (approval != NULL, NULL);

  if (approval->staff_number == NULL)
    return g_strdup (name_of (approval));
  /* Translators: "Amira Khan, staff number 100001" */
  return g_strdup_printf (_("%s, staff number %s"), name_of (approval), approval->staff_number);
}

char *
lh_approval_format_what (const LhApproval *approval)
{
  const char *what;

  g_return_val_if_fail (approval != NULL, NULL);

  /* The daemon never says which group or which skill to an admin: that
   * would tell the employer what the worker needs to learn. */
  what = approval->what ? approval->what : "";
  if (g_strcmp0 (approval->activity, "group-study") == 0)
    return g_strdup (_("A group study session"));
  if (g_strcmp0 (approval->activity, "skills-for-life") == 0 ||
      g_strcmp0 (approval->category, "assessment") == 0)
    return g_strdup (_("A skills check"));
  if (*what == '\0')
    return g_strdup (_("Learning at the centre"));
  return g_strdup (what);
}

const char *
lh_approval_icon_name (const LhApproval *approval)
{
  g_return_val_if_fail (approval != NULL, NULL);

  if (g_strcmp0 (approval->activity, "group-study") == 0)
    return "system-users-symbolic";
  if (g_strcmp0 (approval->activity, "skills-for-life") == 0 ||
      g_strcmp0 (approval->category, "assessment") == 0)
    return "document-edit-symbolic";
  return "computer-symbolic";
}

char *
lh_approval_format_when (const LhApproval *approval)
{
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (approval != NULL, NULL);

  day = lh_format_day_long (approval->start);
  from = lh_format_clock (approval->start);
  to = lh_format_clock (approval->end);
  /* Translators: "Tuesday 24 November, 10:00 to 11:00" */
  return g_strdup_printf (_("%s, %s to %s"), day, from, to);
}

char *
lh_approval_format_length (const LhApproval *approval)
{
  g_autofree char *length = NULL;
  const char *category;

  g_return_val_if_fail (approval != NULL, NULL);

  length = lh_format_duration (approval->minutes);
  category = approval->category;
  /* Translators: %s is a length of time, e.g. "1 hour 30 minutes" */
  if (g_strcmp0 (category, "assessment") == 0)
    return g_strdup_printf (_("%s of paid assessment and exam time"), length);
  if (g_strcmp0 (category, "esol") == 0)
    return g_strdup_printf (_("%s of paid ESOL time"), length);
  if (g_strcmp0 (category, "apprentice") == 0)
    return g_strdup_printf (_("%s of paid apprentice study time"), length);
  return g_strdup_printf (_("%s of paid learning time"), length);
}

char *
lh_approval_format_left (const LhApproval *approval)
{
  g_autofree char *amount = NULL;
  const char *category;

  g_return_val_if_fail (approval != NULL, NULL);

  if (!approval->has_remaining)
    return NULL;
  category = approval->category;
  /* The daemon counts this request as spent already. */
  if (approval->remaining_minutes < 0)
    {
      amount = lh_format_duration (-approval->remaining_minutes);
      /* Translators: %s is a length of time, e.g. "2 hours" */
      return g_strdup_printf (_("This would be %s over what the agreement gives for the year."), amount);
    }
  if (approval->remaining_minutes == 0)
    return g_strdup (_("Nothing left this year after this and their other bookings."));
  amount = lh_format_duration (approval->remaining_minutes);
  /* Translators: %s is a length of time, e.g. "44 hours 30 minutes";
   * the year is the agreement's */
  if (g_strcmp0 (category, "assessment") == 0)
    return g_strdup_printf (_("Left this year, after this and their other bookings: %s of paid assessment and exam time"), amount);
  if (g_strcmp0 (category, "esol") == 0)
    return g_strdup_printf (_("Left this year, after this and their other bookings: %s of paid ESOL time"), amount);
  if (g_strcmp0 (category, "apprentice") == 0)
    return g_strdup_printf (_("Left this year, after this and their other bookings: %s of paid apprentice study time"), amount);
  return g_strdup_printf (_("Left this year, after this and their other bookings: %s of paid learning time"), amount);
}

char *
lh_approval_format_approve_a11y (const LhApproval *approval)
{
  g_autofree char *what = lh_approval_format_what (approval);
  g_autofree char *when = lh_approval_format_when (approval);

  /* Translators: "Approve paid time off for Amira Khan: PC 3, Tuesday 24
   * November, 10:00 to 11:00" */
  return g_strdup_printf (_("Approve paid time off for %s: %s, %s"), name_of (approval), what, when);
}

char *
lh_approval_format_reject_a11y (const LhApproval *approval)
{
  g_autofree char *what = lh_approval_format_what (approval);
  g_autofree char *when = lh_approval_format_when (approval);

  /* Translators: as for approving */
  return g_strdup_printf (_("Reject paid time off for %s: %s, %s"), name_of (approval), what, when);
}

char *
lh_approval_format_reject_title (const LhApproval *approval)
{
  g_return_val_if_fail (approval != NULL, NULL);

  /* Translators: "Reject paid time off for Amira Khan?" */
  return g_strdup_printf (_("Reject paid time off for %s?"), name_of (approval));
}

char *
lh_approval_format_reject_facts (const LhApproval *approval)
{
  g_autofree char *what = lh_approval_format_what (approval);
  g_autofree char *when = lh_approval_format_when (approval);
  g_autofree char *length = lh_format_duration (approval->minutes);

  /* Translators: "PC 3, Tuesday 24 November, 10:00 to 11:00 (1 hour).
   * The booking stays, in their own time." */
  return g_strdup_printf (_("%s, %s (%s). The booking stays, in their own time."), what, when, length);
}

char *
lh_approval_format_approved (const LhApproval *approval)
{
  g_autofree char *what = lh_approval_format_what (approval);

  /* Translators: "Approved: PC 3 for Amira Khan. They will be told." */
  return g_strdup_printf (_("Approved: %s for %s. They will be told."), what, name_of (approval));
}

char *
lh_approval_format_rejected (const LhApproval *approval)
{
  g_autofree char *what = lh_approval_format_what (approval);

  /* Translators: "Rejected: PC 3 for Amira Khan. They will be told why." */
  return g_strdup_printf (_("Rejected: %s for %s. They will be told why."), what, name_of (approval));
}

char *
lh_approval_format_refusal (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_CONFLICT))
    return g_strdup (_("This request is not waiting any more: someone has decided it already, or its booking was cancelled."));
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_NOT_FOUND))
    return g_strdup (_("This request is not there any more."));
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_FORBIDDEN))
    return g_strdup (_("Only the employer’s contact point can approve time off. Please sign in with that account."));
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_INVALID))
    return g_strdup (_("Please give a shorter reason: at most 200 letters."));
  return lh_message_for_error (error);
}

const char * const *
lh_approval_reasons (void)
{
  static const char * const reasons[] = {
    N_("Short-staffed that day"),
    N_("Needs to be agreed with your manager first"),
    N_("Over the time agreed for this year"),
    NULL
  };

  return reasons;
}
