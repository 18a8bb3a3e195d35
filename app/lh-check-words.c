/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-check-words.h"

#include <glib/gi18n.h>

#include "lh-equipment-words.h"

char *
lh_check_format_covers (const LhCheckInfo *check)
{
  if (check->asset_tag != NULL)
    /* Translators: what a check covers: one item, by its asset tag. */
    return g_strdup_printf (_("Covers %s"), check->asset_tag);
  if (check->kind != NULL)
    /* Translators: "Covers every item of this kind: Computer" */
    return g_strdup_printf (_("Covers every item of this kind: %s"), lh_equipment_kind_words (check->kind));
  return g_strdup (_("Covers the whole centre"));
}

/* "Thursday 21 January", with the year when it is not this year's. */
static char *
format_day (const GDate *date, GDateTime *now)
{
  char text[128];
  gboolean this_year = g_date_get_year (date) == g_date_time_get_year (now);

  /* Translators: strftime formats of a due day, with and without its year. */
  if (g_date_strftime (text, sizeof text, this_year ? _("%A %-d %B") : _("%A %-d %B %Y"), date) == 0)
    return g_strdup ("");
  return g_strdup (text);
}

char *
lh_check_format_due (const LhCheckInfo *check,
                     GDateTime         *now)
{
  g_autofree char *day = NULL;
  g_autoptr(GDate) today = NULL;
  int days;

  if (check->next_due == NULL)
    return g_strdup (_("No due date set"));
  day = format_day (check->next_due, now);
  if (g_strcmp0 (check->state, "overdue") == 0)
    /* Translators: "Overdue since Monday 30 November" (its due day) */
    return g_strdup_printf (_("Overdue since %s"), day);
  today = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                          (GDateYear) g_date_time_get_year (now));
  days = g_date_days_between (today, check->next_due);
  if (days <= 0)
    return g_strdup (_("Due today"));
  if (days == 1)
    /* Translators: "Due tomorrow, Friday 4 December" */
    return g_strdup_printf (_("Due tomorrow, %s"), day);
  /* Translators: "Due in 9 days, Thursday 21 January" */
  return g_strdup_printf (ngettext ("Due in %d day, %s", "Due in %d days, %s", days), days, day);
}

const char *
lh_check_result_words (const char *result)
{
  if (g_strcmp0 (result, "passed") == 0)
    return _("Passed");
  if (g_strcmp0 (result, "failed") == 0)
    return _("Failed");
  return _("Recorded");
}

char *
lh_check_format_last_done (const LhCheckInfo *check)
{
  g_autofree char *day = NULL;
  g_autofree char *line = NULL;

  if (check->done_at == NULL)
    return g_strdup (_("Not done yet"));
  day = g_date_time_format (check->done_at, _("%-d %B %Y"));
  line = check->done_by != NULL
           /* Translators: "Last done 31 May 2026 by Grace Admin: Passed" */
           ? g_strdup_printf (_("Last done %s by %s: %s"), day, check->done_by,
                              lh_check_result_words (check->done_result))
           /* Translators: "Last done 31 May 2026: Passed" */
           : g_strdup_printf (_("Last done %s: %s"), day, lh_check_result_words (check->done_result));
  if (check->done_note == NULL || *check->done_note == '\0')
    return g_steal_pointer (&line);
  /* Translators: the last done line, then its note: "…: Passed. Rollers cleaned" */
  return g_strdup_printf (_("%s. %s"), line, check->done_note);
}

char *
lh_check_format_done_toast (const LhCheckInfo *check)
{
  char day[128];

  if (check->next_due == NULL || g_date_strftime (day, sizeof day, _("%A %-d %B %Y"), check->next_due) == 0)
    /* Translators: "Printer service recorded as done." */
    return g_strdup_printf (_("%s recorded as done."), check->what);
  /* Translators: "Printer service recorded as done. Next due Thursday 3 June 2027." */
  return g_strdup_printf (_("%s recorded as done. Next due %s."), check->what, day);
}

char *
lh_check_format_refusal (const GError *error)
{
  const char *reason;

  g_return_val_if_fail (error != NULL, NULL);

  reason = lh_client_error_get_reason (error);
  if (g_strcmp0 (reason, "check-not-found") == 0)
    return g_strdup (_("This check is not there any more. The list is up to date again."));
  if (g_strcmp0 (reason, "result-unknown") == 0)
    return g_strdup (_("The centre’s server does not know that result. Please tell your IT support."));
  /* A note too long, or no admin any more: as for any equipment. */
  return lh_equipment_format_refusal (error);
}
