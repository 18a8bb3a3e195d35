/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The agreement's terms file (lh_terms_from_key_file), as learnhubctl
 * terms import reads it. Terms accepted have every value within the
 * range the file's keys document, a name that is one line, activities
 * learnhub knows, a start at local midnight; and once saved as a version
 * they read back the same. */
#include "lh-fuzz.h"

#include "lh-error.h"
#include "lh-fuzz-store.h"
#include "lh-terms.h"
#include "lh-text.h"
#include "lh-time.h"

#define MAX_YEAR_MINUTES (366 * 24 * 60)

static LhStore *store;
static LhCentre *centre;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  store = lh_fuzz_store_open ();
  centre = lh_centre_new_default ();
  return 0;
}

static void
check_ranges (const LhTerms *terms)
{
  LH_FUZZ_CHECK (terms->name != NULL && terms->name[0] != '\0');
  LH_FUZZ_CHECK (lh_text_check (terms->name, -1, LH_TEXT_LINE, 200, "the name", NULL));
  LH_FUZZ_CHECK (terms->year_start_month >= 1 && terms->year_start_month <= 12);
  LH_FUZZ_CHECK (terms->paid_learning_minutes >= 0 && terms->paid_learning_minutes <= MAX_YEAR_MINUTES);
  LH_FUZZ_CHECK (terms->full_time_minutes_per_week >= 60 && terms->full_time_minutes_per_week <= 80 * 60);
  LH_FUZZ_CHECK (terms->matched_cap_minutes >= 0 && terms->matched_cap_minutes <= MAX_YEAR_MINUTES);
  LH_FUZZ_CHECK (terms->esol_taught_minutes >= 0 && terms->esol_taught_minutes <= MAX_YEAR_MINUTES);
  LH_FUZZ_CHECK (terms->assessment_minutes >= 0 && terms->assessment_minutes <= MAX_YEAR_MINUTES);
  LH_FUZZ_CHECK (terms->apprentice_study_days >= 0 && terms->apprentice_study_days <= 366);
  LH_FUZZ_CHECK (terms->decide_within_days >= 1 && terms->decide_within_days <= 365);
  LH_FUZZ_CHECK (terms->ulr_facility_minutes_per_week >= 0 && terms->ulr_facility_minutes_per_week <= 40 * 60);
  LH_FUZZ_CHECK (terms->suppression_threshold >= 1 && terms->suppression_threshold <= 100);
  LH_FUZZ_CHECK (terms->fault_days_at_most >= 1 && terms->fault_days_at_most <= 365);
  for (int k = 0; k < LH_EQUIPMENT_N_KINDS; k++)
    LH_FUZZ_CHECK (terms->equipment_minimum[k] >= 0 && terms->equipment_minimum[k] <= 10000);
  LH_FUZZ_CHECK (terms->pro_rata == TRUE || terms->pro_rata == FALSE);
  LH_FUZZ_CHECK (terms->matched_time == TRUE || terms->matched_time == FALSE);
  LH_FUZZ_CHECK (terms->auto_approve == TRUE || terms->auto_approve == FALSE);
  LH_FUZZ_CHECK (terms->paid_activities != NULL);
  for (guint i = 0; terms->paid_activities[i] != NULL; i++)
    LH_FUZZ_CHECK (g_strv_contains (lh_terms_activities, terms->paid_activities[i]));
  LH_FUZZ_CHECK (lh_time_local_midnight (terms->valid_from, centre->tz) == terms->valid_from);
  LH_FUZZ_CHECK (lh_terms_year_start (terms, terms->valid_from, centre->tz) <= terms->valid_from);
}

static void
check_saved (const LhTerms *terms)
{
  g_autoptr(LhTransaction) outer = NULL;
  g_auto(LhTerms) again = { 0 };
  g_autoptr(GError) error = NULL;

  outer = lh_store_begin (store, &error);
  g_assert_no_error (error);
  if (!lh_terms_add_version (store, centre, terms, "fuzz", terms->valid_from, &error))
    {
      fprintf (stderr, "saving the terms failed: %s\n", error->message);
      LH_FUZZ_CHECK (FALSE);
    }
  LH_FUZZ_CHECK (lh_terms_at (store, terms->valid_from, &again, &error));
  LH_FUZZ_CHECK (again.valid_from == terms->valid_from);
  LH_FUZZ_CHECK (g_str_equal (again.name, terms->name));
  LH_FUZZ_CHECK (again.year_start_month == terms->year_start_month);
  LH_FUZZ_CHECK (again.paid_learning_minutes == terms->paid_learning_minutes);
  LH_FUZZ_CHECK (g_strv_equal ((const char * const *) again.paid_activities,
                               (const char * const *) terms->paid_activities));
  LH_FUZZ_CHECK (again.full_time_minutes_per_week == terms->full_time_minutes_per_week);
  LH_FUZZ_CHECK (again.matched_cap_minutes == terms->matched_cap_minutes);
  LH_FUZZ_CHECK (again.ulr_facility_minutes_per_week == terms->ulr_facility_minutes_per_week);
  LH_FUZZ_CHECK (again.suppression_threshold == terms->suppression_threshold);
  LH_FUZZ_CHECK (again.fault_days_at_most == terms->fault_days_at_most);
  LH_FUZZ_CHECK (again.decide_within_days == terms->decide_within_days);
  for (int k = 0; k < LH_EQUIPMENT_N_KINDS; k++)
    LH_FUZZ_CHECK (again.equipment_minimum[k] == terms->equipment_minimum[k]);
  LH_FUZZ_CHECK (again.pro_rata == terms->pro_rata && again.auto_approve == terms->auto_approve);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_auto(LhTerms) terms = { 0 };
  g_autoptr(GError) error = NULL;

  if (!g_key_file_load_from_data (key_file, (const char *) data, size, G_KEY_FILE_NONE, NULL))
    return 0;
  if (!lh_terms_from_key_file (key_file, centre->tz, &terms, &error))
    {
      LH_FUZZ_CHECK (error != NULL && error->domain == LH_ERROR && error->code == LH_ERROR_INVALID);
      return 0;
    }
  check_ranges (&terms);
  check_saved (&terms);
  return 0;
}
