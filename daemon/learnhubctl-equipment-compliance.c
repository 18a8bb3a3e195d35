/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl equipment compliance: the working items of each kind
 * against the agreed minimum, at the end of a period and at its worst,
 * and how long the centre was short, as a committee member reads it
 * before a meeting or as CSV for a spreadsheet. The figures are those of
 * GET /api/v1/equipment/compliance (lh-equipment-compliance.c). */
#define G_LOG_DOMAIN "learnhubctl"

#include "learnhubctl.h"

#include "lh-equipment-compliance.h"
#include "lh-time.h"
#include "lh-usage.h"

/* "3 days 4 hours", "5 hours 30 minutes": a week short reads better in
 * days than as 168 hours. */
static char *
format_span (gint64 seconds)
{
  int minutes = (int) (seconds / 60);
  int days = minutes / (24 * 60);
  int hours = minutes % (24 * 60) / 60;

  /* A dip of seconds (an item replaced a moment later) is still one. */
  if (seconds > 0 && minutes == 0)
    return g_strdup ("under a minute");
  if (days == 0)
    return lh_time_format_duration (minutes);
  if (hours == 0)
    return g_strdup_printf ("%d day%s", days, days == 1 ? "" : "s");
  return g_strdup_printf ("%d day%s %d hour%s", days, days == 1 ? "" : "s", hours, hours == 1 ? "" : "s");
}

/* A PC whose kiosk is silent may be off, unplugged or broken: said now,
 * whatever the period, as the API does. */
static gboolean
print_kiosks_now (LhStore *store, gint64 now, GError **error)
{
  g_autoptr(GHashTable) states = lh_usage_pc_states (store, now, error);
  GHashTableIter iter;
  const LhPcState *state;
  int online = 0, offline = 0;

  if (states == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &state))
    {
      online += state->online;
      offline += !state->online;
    }
  g_print ("PC kiosks now: %d online, %d offline (a silent kiosk's PC may be off or broken)\n", online, offline);
  return TRUE;
}

/* kinds: over the period, to `until`; now: the working items now, shown
 * beside them when the period ended before (a past quarter). */
static void
print_text (const LhEquipmentCompliance kinds[LH_EQUIPMENT_N_KINDS],
            const LhEquipmentCompliance now[LH_EQUIPMENT_N_KINDS], const char *from, const char *to, gint64 until, gint64 now_at, GTimeZone *tz)
{
  g_autoptr(GString) short_of = g_string_new (NULL);
  g_autofree char *now_day = lh_time_format_date (now_at, tz);
  g_autofree char *now_time = lh_time_format_hhmm (now_at, tz);
  gboolean ended = until < now_at;

  g_print ("Equipment against the agreed minimum, %s to %s\n", from, to);
  if (!ended)
    g_print ("Working: now (%s on %s); lowest: at any moment of the period\n\n", now_time, now_day);
  else
    g_print ("Working: at the end of %s, and now (%s on %s); lowest: at any moment of the period\n\n", to,
             now_time, now_day);
  g_print ("%-18s %6s %8s", "KIND", "AGREED", "WORKING");
  if (ended)
    g_print (" %5s", "NOW");
  g_print (" %7s  %s\n", "LOWEST", "SHORT OF THE MINIMUM FOR");
  for (int k = 0; k < LH_EQUIPMENT_N_KINDS; k++)
    {
      const LhEquipmentCompliance *kind = &kinds[k];
      g_autofree char *agreed = kind->minimum > 0 ? g_strdup_printf ("%d", kind->minimum) : g_strdup ("-");
      g_autofree char *span = format_span (kind->seconds_below);
      const char *below = kind->seconds_below > 0 ? span : kind->minimum > 0 ? "never" : "";

      g_print ("%-18s %6s %8d", kind->kind, agreed, kind->working_at_end);
      if (ended)
        g_print (" %5d", now[k].working_at_end);
      g_print (" %7d  %s\n", kind->working_lowest, below);
      if (kind->seconds_below > 0)
        g_string_append_printf (short_of, "%s%s for %s", short_of->len > 0 ? ", " : "", kind->kind, span);
    }
  g_print ("\n");
  if (short_of->len > 0)
    g_print ("Short of the agreed minimum: %s.\n", short_of->str);
  else
    g_print ("The centre had the agreed minimum of every kind throughout the period.\n");
}

static void
print_csv (const LhEquipmentCompliance kinds[LH_EQUIPMENT_N_KINDS],
           const LhEquipmentCompliance now[LH_EQUIPMENT_N_KINDS], const char *from, const char *to)
{
  g_print ("from,to,kind,agreed_minimum,working_at_end,working_now,working_lowest,hours_below_minimum\n");
  for (int k = 0; k < LH_EQUIPMENT_N_KINDS; k++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      char hours[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (line, "%s,%s,", from, to);
      lh_ctl_append_csv_field (line, kinds[k].kind);
      /* A point for the decimals, whatever the locale. */
      g_string_append_printf (line, ",%d,%d,%d,%d,%s", kinds[k].minimum, kinds[k].working_at_end,
                              now[k].working_at_end, kinds[k].working_lowest,
                              g_ascii_formatd (hours, sizeof hours, "%.1f", kinds[k].seconds_below / 3600.0));
      g_print ("%s\n", line->str);
    }
}

gboolean
lh_ctl_equipment_compliance (Ctl *ctl, LhStore *store, const char *usage, GError **error)
{
  GTimeZone *tz = ctl->config->centre->tz;
  gint64 now = lh_time_now ();
  LhEquipmentCompliance kinds[LH_EQUIPMENT_N_KINDS];
  LhEquipmentCompliance kinds_now[LH_EQUIPMENT_N_KINDS];
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gboolean csv = g_strcmp0 (ctl->format, "csv") == 0;
  gint64 from, to, until;

  if (ctl->format != NULL && !csv && !g_str_equal (ctl->format, "text"))
    return lh_ctl_usage_error (error, usage);
  if (!lh_ctl_parse_period (ctl, now, LH_EQUIPMENT_COMPLIANCE_DEFAULT_DAYS, LH_EQUIPMENT_COMPLIANCE_MAX_DAYS, &from,
                            &to, error))
    return FALSE;
  /* What has happened: a period running on past now ends now. */
  until = MIN (to, now);
  /* And the working items now, for a period that ended before: the
   * last second's figures. */
  if (!lh_equipment_compliance (store, from, until, kinds, error) ||
      !lh_equipment_compliance (store, now - 1, now, kinds_now, error))
    return FALSE;
  from_text = lh_time_format_date (from, tz);
  to_text = lh_time_format_date (to - 1, tz);
  if (csv)
    {
      print_csv (kinds, kinds_now, from_text, to_text);
      return TRUE;
    }
  print_text (kinds, kinds_now, from_text, to_text, until, now, tz);
  return print_kiosks_now (store, now, error);
}
