/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl's learning agreement: importing a version of its terms from
 * a key file, and showing the terms in force. */
#define G_LOG_DOMAIN "learnhubctl"

#include "learnhubctl.h"

#include "lh-error.h"
#include "lh-terms.h"
#include "lh-time.h"

static gboolean
terms_import (Ctl *ctl, LhStore *store, const char *path, GError **error)
{
  const LhCentre *centre = ctl->config->centre;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_auto(LhTerms) terms = { 0 };
  g_autofree char *from = NULL;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, error) ||
      !lh_terms_from_key_file (key_file, centre->tz, &terms, error) ||
      !lh_terms_add_version (store, centre, &terms, "learnhubctl", lh_time_now (), error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  from = lh_time_format_date (terms.valid_from, centre->tz);
  g_print ("“%s” in force from %s\n", terms.name, from);
  return TRUE;
}

static void
print_minutes (const char *what, int minutes, const char *per)
{
  g_autofree char *text = lh_time_format_duration (minutes);

  g_print ("  %-34s %s %s\n", what, minutes > 0 ? text : "none", minutes > 0 ? per : "");
}

static gboolean
minimum_kit_agreed (const LhTerms *terms)
{
  for (int k = 0; k < LH_EQUIPMENT_N_KINDS; k++)
    if (terms->equipment_minimum[k] > 0)
      return TRUE;
  return FALSE;
}

static void
print_terms (const LhTerms *terms, GTimeZone *tz)
{
  static const char * const months[] = { "January", "February", "March", "April", "May", "June", "July",
                                         "August", "September", "October", "November", "December" };
  g_autofree char *from = terms->valid_from != 0 ? lh_time_format_date (terms->valid_from, tz)
                                                 : g_strdup ("always (learnhub's defaults: none imported yet)");
  g_autofree char *activities = g_strjoinv (", ", terms->paid_activities);
  g_autofree char *full_time = lh_time_format_duration (terms->full_time_minutes_per_week);

  g_print ("%s, in force from %s\n", terms->name, from);
  g_print ("  %-34s 1 %s\n", "Agreement year from", months[terms->year_start_month - 1]);
  print_minutes ("Paid time off for learning", terms->paid_learning_minutes, "a year, full time");
  g_print ("  %-34s %s\n", "  for", activities[0] != '\0' ? activities : "nothing");
  g_print ("  %-34s %s a week%s\n", "  full time is", full_time,
           terms->pro_rata ? ", pro-rated for part time" : ", the same for everyone");
  print_minutes ("Matched time (own time matched)", terms->matched_time ? terms->matched_cap_minutes : 0,
                 "a year at most");
  print_minutes ("ESOL taught hours", terms->esol_taught_minutes, "a year");
  print_minutes ("Assessments and exams", terms->assessment_minutes, "a year");
  g_print ("  %-34s %d a year\n", "Apprentice study days", terms->apprentice_study_days);
  print_minutes ("ULR facility time", terms->ulr_facility_minutes_per_week, "a week");
  g_print ("  %-34s %s\n", "Requests within entitlement",
           terms->auto_approve ? "approved at once" : "wait for the employer's contact point");
  g_print ("  %-34s %d days\n", "A request decided within", terms->decide_within_days);
  g_print ("  %-34s counts below %d are not shown\n", "Reports", terms->suppression_threshold);
  g_print ("  %-34s ", "Minimum working equipment");
  for (int k = 0, n = 0; k < LH_EQUIPMENT_N_KINDS; k++)
    if (terms->equipment_minimum[k] > 0)
      g_print ("%s%s %d", n++ > 0 ? ", " : "", lh_equipment_kinds[k], terms->equipment_minimum[k]);
  g_print ("%s\n", minimum_kit_agreed (terms) ? "" : "none agreed");
  g_print ("  %-34s %d days\n", "A fault fixed within", terms->fault_days_at_most);
}

gboolean
lh_ctl_terms (Ctl *ctl, LhStore *store, GError **error)
{
  const LhCentre *centre = ctl->config->centre;
  const char *verb = ctl->args[0];

  if (g_strcmp0 (verb, "import") == 0 && ctl->args[1] != NULL && ctl->args[2] == NULL)
    return terms_import (ctl, store, ctl->args[1], error);
  if (g_strcmp0 (verb, "show") == 0 && ctl->args[1] == NULL)
    {
      g_auto(LhTerms) terms = { 0 };
      g_autoptr(GArray) versions = NULL;
      gint64 at = lh_time_now ();

      if (ctl->at != NULL && !lh_time_parse_date (ctl->at, centre->tz, &at, error))
        {
          g_prefix_error (error, "--at: ");
          return FALSE;
        }
      if (!lh_terms_at (store, at, &terms, error) || (versions = lh_terms_list (store, error)) == NULL)
        return FALSE;
      print_terms (&terms, centre->tz);
      if (versions->len > 1)
        {
          g_print ("Versions:\n");
          for (guint i = 0; i < versions->len; i++)
            {
              const LhTerms *version = &g_array_index (versions, LhTerms, i);
              g_autofree char *from = lh_time_format_date (version->valid_from, centre->tz);

              g_print ("  from %s  %s\n", from, version->name);
            }
        }
      return TRUE;
    }
  return lh_ctl_usage_error (error, "terms import FILE | terms show [--at YYYY-MM-DD]");
}
