/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How much each PC was used over a period, for the admin and the joint
 * learning committee: which PCs are worn out and which never used. A
 * sitting is one person's, so the committee's figures follow the
 * agreement's suppression rule: a PC one learner alone uses would
 * otherwise show when that learner was in the centre. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-equipment-usage.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-terms.h"
#include "lh-time.h"

/* The committee reviews use over weeks: a shorter period would show
 * single days, and so single sittings. */
#define LH_EQUIPMENT_USAGE_COMMITTEE_MIN_DAYS 28

/* Whether a PC's figures are held back from the committee: fewer
 * sittings or days than the threshold, and so its minutes and share,
 * from which they could be worked back. Never-used PCs name nobody. */
static gboolean
is_suppressed (const LhPcUsage *pc, int threshold)
{
  return pc->sittings > 0 && (pc->sittings < threshold || pc->days_used < threshold);
}

static void
add_int_or_null (JsonBuilder *builder, const char *name, gint64 value, gboolean hidden)
{
  json_builder_set_member_name (builder, name);
  if (hidden)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

/* threshold: the committee's suppression threshold; 0 for an admin, who
 * sees every figure. */
static void
add_pc (JsonBuilder *builder, const LhPcUsage *pc, GTimeZone *tz, int threshold)
{
  gboolean suppressed = threshold > 0 && is_suppressed (pc, threshold);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pc");
  json_builder_begin_object (builder);
  lh_json_add_int (builder, "id", pc->resource_id);
  lh_json_add_string (builder, "name", pc->name);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "computer");
  if (pc->asset_tag != NULL)
    {
      json_builder_begin_object (builder);
      lh_json_add_string (builder, "asset_tag", pc->asset_tag);
      lh_json_add_string (builder, "status", pc->status);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  /* A PC out of order all the period was not shunned. */
  lh_json_add_bool (builder, "never_used", lh_pc_usage_never_used (pc));
  add_int_or_null (builder, "minutes_used", pc->seconds_used / 60, suppressed);
  add_int_or_null (builder, "sittings", pc->sittings, suppressed);
  add_int_or_null (builder, "days_used", pc->days_used, suppressed);
  lh_json_add_bool (builder, "suppressed", suppressed);
  /* The committee gets the day alone: the moment is one sitting's end. */
  if (threshold == 0)
    lh_json_add_time_or_null (builder, "last_used", pc->last_used, tz);
  else if (suppressed)
    {
      json_builder_set_member_name (builder, "last_used");
      json_builder_add_null_value (builder);
    }
  else
    lh_json_add_date_or_null (builder, "last_used", pc->last_used, tz);
  lh_json_add_int (builder, "minutes_open", pc->seconds_open / 60);
  /* The machine's, not a person's: never held back. */
  lh_json_add_int (builder, "minutes_out_of_order", pc->seconds_out_of_order / 60);
  add_int_or_null (builder, "percent_of_open_hours", lh_pc_usage_percent_of_open (pc),
                   suppressed || lh_pc_usage_percent_of_open (pc) < 0);
  json_builder_end_object (builder);
}

static int
compare_by_pc (gconstpointer a, gconstpointer b)
{
  const LhPcUsage *first = *(const LhPcUsage * const *) a;
  const LhPcUsage *second = *(const LhPcUsage * const *) b;

  return (first->resource_id > second->resource_id) - (first->resource_id < second->resource_id);
}

/* The PCs most used first; for the committee the suppressed ones come
 * after the rest in the order of their ids, as a place among the others
 * would bound their minutes. */
static void
add_pcs (JsonBuilder *builder, GPtrArray *pcs, GTimeZone *tz, int threshold)
{
  g_autoptr(GPtrArray) held_back = g_ptr_array_new ();
  guint i;

  json_builder_set_member_name (builder, "pcs");
  json_builder_begin_array (builder);
  for (i = 0; i < pcs->len && ((LhPcUsage *) g_ptr_array_index (pcs, i))->sittings > 0; i++)
    {
      LhPcUsage *pc = g_ptr_array_index (pcs, i);

      if (threshold > 0 && is_suppressed (pc, threshold))
        g_ptr_array_add (held_back, pc);
      else
        add_pc (builder, pc, tz, threshold);
    }
  g_ptr_array_sort (held_back, compare_by_pc);
  for (guint h = 0; h < held_back->len; h++)
    add_pc (builder, g_ptr_array_index (held_back, h), tz, threshold);
  for (; i < pcs->len; i++)
    add_pc (builder, g_ptr_array_index (pcs, i), tz, threshold);
  json_builder_end_array (builder);
}

/* The committee's suppression threshold, or 0 for an admin. Refuses a
 * committee member a period shorter than
 * LH_EQUIPMENT_USAGE_COMMITTEE_MIN_DAYS. */
static gboolean
caller_threshold (LhRequest *request, gint64 from, gint64 to, int *out_threshold, GError **error)
{
  g_auto(LhTerms) terms = { 0 };

  *out_threshold = 0;
  if (request->session.roles & LH_ROLE_ADMIN)
    return TRUE;
  /* Rounded: a day across a clock change is 23 or 25 hours. */
  if ((to - from + 12 * 3600) / (24 * 3600) < LH_EQUIPMENT_USAGE_COMMITTEE_MIN_DAYS)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The committee sees usage over %d days or more",
                   LH_EQUIPMENT_USAGE_COMMITTEE_MIN_DAYS);
      lh_error_set_reason (error, "period-too-short");
      return FALSE;
    }
  if (!lh_terms_at (request->store, request->now, &terms, error))
    return FALSE;
  *out_threshold = MAX (terms.suppression_threshold, 1);
  return TRUE;
}

void
lh_route_equipment_usage (LhRequest *request)
{
  GTimeZone *tz = request->centre->tz;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) pcs = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gint64 from, to;
  int threshold;

  /* The last quarter, today included. */
  if (!lh_request_query_period (request, 1 - LH_EQUIPMENT_USAGE_DEFAULT_DAYS, LH_EQUIPMENT_USAGE_DEFAULT_DAYS,
                                LH_EQUIPMENT_USAGE_MAX_DAYS, &from, &to, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  /* What has happened: a period running on past now ends now. */
  if (from >= request->now)
    {
      g_set_error (&error, LH_ERROR, LH_ERROR_INVALID, "That period has not begun yet");
      lh_error_set_reason (&error, "period-not-begun");
      lh_request_reply_error (request, error);
      return;
    }
  if (!caller_threshold (request, from, to, &threshold, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  from_text = lh_time_format_date (from, tz);
  to_text = lh_time_format_date (to - 1, tz);
  pcs = lh_equipment_usage (request->store, request->centre, from, MIN (to, request->now), request->now, &error);
  if (pcs == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  lh_json_add_string (builder, "from", from_text);
  lh_json_add_string (builder, "to", to_text);
  add_pcs (builder, pcs, tz, threshold);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}
