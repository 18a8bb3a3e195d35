/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The learning agreement's terms, read-only: those in force now, or on a
 * date (?at=YYYY-MM-DD). */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-error.h"
#include "lh-terms.h"
#include "lh-time.h"

void
lh_route_terms (LhRequest *request)
{
  GTimeZone *tz = request->centre->tz;
  const char *at_text = request->query != NULL ? g_hash_table_lookup (request->query, "at") : NULL;
  g_auto(LhTerms) terms = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 at = request->now;

  if ((at_text != NULL && !lh_time_parse_date (at_text, tz, &at, &error)) ||
      !lh_terms_at (request->store, at, &terms, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, terms.name);
  /* null: learnhub's defaults, no terms imported for then */
  lh_json_add_date_or_null (builder, "in_force_from", terms.valid_from, tz);
  lh_json_add_int (builder, "year_start_month", terms.year_start_month);
  lh_json_add_date_or_null (builder, "year_start", lh_terms_year_start (&terms, at, tz), tz);
  lh_json_add_int (builder, "paid_learning_minutes", terms.paid_learning_minutes);
  json_builder_set_member_name (builder, "paid_activities");
  json_builder_begin_array (builder);
  for (guint i = 0; terms.paid_activities[i] != NULL; i++)
    json_builder_add_string_value (builder, terms.paid_activities[i]);
  json_builder_end_array (builder);
  lh_json_add_int (builder, "full_time_minutes_per_week", terms.full_time_minutes_per_week);
  lh_json_add_bool (builder, "pro_rata", terms.pro_rata);
  lh_json_add_bool (builder, "matched_time", terms.matched_time);
  lh_json_add_int (builder, "matched_cap_minutes", terms.matched_cap_minutes);
  lh_json_add_int (builder, "esol_taught_minutes", terms.esol_taught_minutes);
  lh_json_add_int (builder, "assessment_minutes", terms.assessment_minutes);
  lh_json_add_int (builder, "apprentice_study_days", terms.apprentice_study_days);
  lh_json_add_int (builder, "ulr_facility_minutes_per_week", terms.ulr_facility_minutes_per_week);
  lh_json_add_bool (builder, "auto_approve", terms.auto_approve);
  lh_json_add_int (builder, "decide_within_days", terms.decide_within_days);
  lh_json_add_int (builder, "suppression_threshold", terms.suppression_threshold);
  /* Working items of each kind the centre must have; a kind left out has
   * no minimum. */
  json_builder_set_member_name (builder, "equipment_minimum");
  json_builder_begin_object (builder);
  for (int k = 0; k < LH_EQUIPMENT_N_KINDS; k++)
    if (terms.equipment_minimum[k] > 0)
      lh_json_add_int (builder, lh_equipment_kinds[k], terms.equipment_minimum[k]);
  json_builder_end_object (builder);
  lh_json_add_int (builder, "fault_days_at_most", terms.fault_days_at_most);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}
