/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl equipment usage: how much each PC was used over a period,
 * for the committee to read (most used first, "never used" said plainly)
 * or as CSV for a spreadsheet. It names no person. */
#define G_LOG_DOMAIN "learnhubctl"

#include "learnhubctl.h"

#include "lh-equipment-usage.h"
#include "lh-error.h"
#include "lh-time.h"

/* What stands in a PC's figures when it had no sitting: why. */
static const char *
unused_because (const LhPcUsage *pc)
{
  if (pc->seconds_open <= 0)
    return "not open in the period";
  if (lh_pc_usage_seconds_in_order (pc) <= 0)
    return "out of order all the period";
  return "never used";
}

static void
print_text (const char *from, const char *to, GPtrArray *pcs, GTimeZone *tz)
{
  g_print ("Use of the PCs from %s to %s, most used first\n", from, to);
  g_print ("(HOURS: all its use; OF OPEN: its use while in order, of the opening hours it was in order, "
           "at most 100%%;\n OUT OF ORDER: opening hours it could not be used)\n\n");
  g_print ("%-12s %8s %9s %5s %8s %12s  %-16s  %s\n", "PC", "HOURS", "SITTINGS", "DAYS", "OF OPEN", "OUT OF ORDER",
           "LAST USED", "COMPUTER");
  for (guint i = 0; i < pcs->len; i++)
    {
      const LhPcUsage *pc = g_ptr_array_index (pcs, i);
      g_autofree char *computer = pc->asset_tag != NULL ? g_strdup_printf ("%s (%s)", pc->asset_tag, pc->status)
                                                         : g_strdup ("not in the inventory");
      int percent = lh_pc_usage_percent_of_open (pc);
      g_autofree char *share = percent >= 0 ? g_strdup_printf ("%d%%", percent) : g_strdup ("-");
      double out_of_order = pc->seconds_out_of_order / 3600.0;

      if (pc->sittings == 0)
        {
          g_print ("%-12s %-33s %12.1f  %-16s  %s\n", pc->name, unused_because (pc), out_of_order, "", computer);
          continue;
        }
      {
        g_autofree char *day = lh_time_format_date (pc->last_used, tz);
        g_autofree char *hhmm = lh_time_format_hhmm (pc->last_used, tz);

        g_print ("%-12s %8.1f %9d %5d %8s %12.1f  %s %s  %s\n", pc->name, pc->seconds_used / 3600.0, pc->sittings,
                 pc->days_used, share, out_of_order, day, hhmm, computer);
      }
    }
}

static void
print_csv (GPtrArray *pcs, GTimeZone *tz)
{
  g_print ("pc,asset_tag,computer_status,hours_used,sittings,days_used,last_used,open_hours,hours_out_of_order,"
           "percent_of_open_hours\n");
  for (guint i = 0; i < pcs->len; i++)
    {
      const LhPcUsage *pc = g_ptr_array_index (pcs, i);
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *last = pc->last_used != 0 ? lh_time_format_iso (pc->last_used, tz) : g_strdup ("");
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      lh_ctl_append_csv_field (line, pc->name);
      g_string_append_c (line, ',');
      lh_ctl_append_csv_field (line, pc->asset_tag != NULL ? pc->asset_tag : "");
      g_string_append_printf (line, ",%s,", pc->status != NULL ? pc->status : "");
      /* A point for the decimals, whatever the locale. */
      g_string_append (line, g_ascii_formatd (number, sizeof number, "%.1f", pc->seconds_used / 3600.0));
      g_string_append_printf (line, ",%d,%d,%s,", pc->sittings, pc->days_used, last);
      g_string_append (line, g_ascii_formatd (number, sizeof number, "%.1f", pc->seconds_open / 3600.0));
      g_string_append_c (line, ',');
      g_string_append (line, g_ascii_formatd (number, sizeof number, "%.1f", pc->seconds_out_of_order / 3600.0));
      /* Of the hours it was in order: none, no share. */
      if (lh_pc_usage_percent_of_open (pc) >= 0)
        g_string_append_printf (line, ",%d", lh_pc_usage_percent_of_open (pc));
      else
        g_string_append_c (line, ',');
      g_print ("%s\n", line->str);
    }
}

gboolean
lh_ctl_equipment_usage (Ctl *ctl, LhStore *store, const char *usage, GError **error)
{
  GTimeZone *tz = ctl->config->centre->tz;
  gint64 now = lh_time_now ();
  g_autoptr(GPtrArray) pcs = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean csv = g_strcmp0 (ctl->format, "csv") == 0;
  gint64 from, to;

  if (ctl->format != NULL && !csv && !g_str_equal (ctl->format, "text"))
    return lh_ctl_usage_error (error, usage);
  /* By default the quarter to today, as the API's. */
  if (!lh_ctl_parse_period (ctl, now, LH_EQUIPMENT_USAGE_DEFAULT_DAYS, LH_EQUIPMENT_USAGE_MAX_DAYS, &from, &to, error))
    return FALSE;
  from_text = lh_time_format_date (from, tz);
  to_text = lh_time_format_date (to - 1, tz);
  pcs = lh_equipment_usage (store, ctl->config->centre, from, MIN (to, now), now, error);
  if (pcs == NULL)
    return FALSE;
  if (csv)
    print_csv (pcs, tz);
  else
    print_text (from_text, to_text, pcs, tz);
  return TRUE;
}
