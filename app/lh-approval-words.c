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
  g_return_val_if_fail (approval != NULL, NULL);

  /* The daemon says no more to an admin: which PC, group or skill, or
   * the hour, would tell the employer what the worker needs to learn. */
  return g_strdup (_("Paid time off for learning"));
}

const char *
lh_approval_icon_name (const LhApproval *approval)
{
  g_return_val_if_fail (approval != NULL, NULL);

  return "emblem-documents-symbolic";
}

char *
lh_approval_format_when (const LhApproval *approval)
{
  g_return_val_if_fail (approval != NULL, NULL);

  return lh_format_day_long (approval->day);
}

char *
lh_approval_format_length (const LhApproval *approval)
{
  g_return_val_if_fail (approval != NULL, NULL);

  return lh_format_duration (approval->minutes);
}

char *
lh_approval_format_approve_a11y (const LhApproval *approval)
{
  g_autofree char *when = lh_approval_format_when (approval);
  g_autofree char *length = lh_format_duration (approval->minutes);

  /* Translators: "Approve paid time off for Amira Khan: Tuesday 24
   * November, 1 hour 30 minutes" */
  return g_strdup_printf (_("Approve paid time off for %s: %s, %s"), name_of (approval), when, length);
}

char *
lh_approval_format_reject_a11y (const LhApproval *approval)
{
  g_autofree char *when = lh_approval_format_when (approval);
  g_autofree char *length = lh_format_duration (approval->minutes);

  /* Translators: as for approving */
  return g_strdup_printf (_("Reject paid time off for %s: %s, %s"), name_of (approval), when, length);
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
  g_autofree char *when = lh_approval_format_when (approval);
  g_autofree char *length = lh_format_duration (approval->minutes);

  /* Translators: "Tuesday 24 November, 1 hour 30 minutes. The booking
   * stays, in their own time." */
  return g_strdup_printf (_("%s, %s. The booking stays, in their own time."), when, length);
}

char *
lh_approval_format_approved (const LhApproval *approval)
{
  g_autofree char *when = lh_approval_format_when (approval);

  /* Translators: "Approved: Amira Khan's time off on Tuesday 24 November.
   * They will be told." */
  return g_strdup_printf (_("Approved: %s’s time off on %s. They will be told."), name_of (approval), when);
}

char *
lh_approval_format_rejected (const LhApproval *approval)
{
  g_autofree char *when = lh_approval_format_when (approval);

  /* Translators: "Rejected: Amira Khan's time off on Tuesday 24 November.
   * They will be told why." */
  return g_strdup_printf (_("Rejected: %s’s time off on %s. They will be told why."), name_of (approval), when);
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
