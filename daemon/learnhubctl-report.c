/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What learnhubctl's figures for the committee share: the period asked
 * for with --from and --to, and CSV fields a spreadsheet reads safely. */
#define G_LOG_DOMAIN "learnhubctl"

#include "learnhubctl.h"

#include <string.h>

#include "lh-error.h"
#include "lh-time.h"

/* A date that is not one is a wrong value, not a wrong command: exit 1,
 * with the option named. */
static gboolean
parse_date (const char *option, const char *text, GTimeZone *tz, gint64 *out_midnight, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (lh_time_parse_date (text, tz, out_midnight, &local_error))
    return TRUE;
  g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "%s %s: %s", option, text, local_error->message);
  return FALSE;
}

gboolean
lh_ctl_parse_period (Ctl *ctl, gint64 now, int default_days, int max_days, gint64 *out_from, gint64 *out_to,
                     GError **error)
{
  GTimeZone *tz = ctl->config->centre->tz;
  gint64 today = lh_time_local_midnight (now, tz);
  gint64 last;

  *out_from = lh_time_add_days (today, 1 - default_days, tz);
  if (ctl->from != NULL && !parse_date ("--from", ctl->from, tz, out_from, error))
    return FALSE;
  last = lh_time_add_days (*out_from, default_days - 1, tz);
  if (ctl->to != NULL && !parse_date ("--to", ctl->to, tz, &last, error))
    return FALSE;
  *out_to = lh_time_next_midnight (last, tz);
  /* Rounded: a day across a clock change is 23 or 25 hours. */
  if (*out_to <= *out_from || (*out_to - *out_from - 12 * 3600) / (24 * 3600) >= max_days)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Ask for 1 to %d days at a time", max_days);
      return FALSE;
    }
  if (*out_from >= now)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "That period has not begun yet");
      return FALSE;
    }
  return TRUE;
}

void
lh_ctl_append_csv_field (GString *line, const char *text)
{
  lh_csv_append_field (line, text);
}
