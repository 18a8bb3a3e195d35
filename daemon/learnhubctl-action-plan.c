/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl's action plan: the committee's SMART objectives, added and
 * edited a field at a time, and each one's history. */
#define G_LOG_DOMAIN "learnhubctl"

#include "learnhubctl.h"

#include "lh-action-plan.h"
#include "lh-error.h"
#include "lh-time.h"

#define USAGE \
  "action-plan list\n" \
  "       learnhubctl action-plan add NUMBER \"PLANNED ACTIVITY\" \"BY WHOM\" BY_WHEN\n" \
  "       learnhubctl action-plan edit OBJECTIVE_ID FIELD VALUE [FIELD VALUE…]\n" \
  "         (FIELD: number, activity, by-whom, by-when, outcomes, next-steps, status;\n" \
  "          status: planned, in-progress, done, dropped)\n" \
  "       learnhubctl action-plan history OBJECTIVE_ID"

static gboolean
parse_number (const char *text, guint64 max, const char *what, guint64 *out, GError **error)
{
  if (!g_ascii_string_to_unsigned (text, 10, 1, max, out, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "“%s” is not %s", text, what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
plan_list (LhStore *store, GError **error)
{
  g_autoptr(GPtrArray) plan = lh_action_plan_list (store, error);

  if (plan == NULL)
    return FALSE;
  if (plan->len == 0)
    {
      g_print ("The action plan is empty\n");
      return TRUE;
    }
  for (guint i = 0; i < plan->len; i++)
    {
      const LhObjective *objective = g_ptr_array_index (plan, i);

      g_print ("%d. %s\n", objective->number, objective->activity);
      g_print ("   Objective %" G_GINT64_FORMAT ", %s; by %s by %s\n", objective->id, objective->status,
               objective->by_whom, objective->due_day);
      if (objective->outcomes[0] != '\0')
        g_print ("   Outcomes: %s\n", objective->outcomes);
      if (objective->next_steps[0] != '\0')
        g_print ("   Next steps: %s\n", objective->next_steps);
    }
  return TRUE;
}

static gboolean
plan_add (Ctl *ctl, LhStore *store, GError **error)
{
  g_autoptr(LhObjective) objective = NULL;
  guint64 number;

  if (!parse_number (ctl->args[1], LH_OBJECTIVE_NUMBER_MAX, "an objective's number", &number, error))
    return FALSE;
  objective = lh_action_plan_add (store, ctl->config->centre->tz,
                                  &(LhObjectiveFields) { .number = (int) number, .activity = ctl->args[2],
                                                         .by_whom = ctl->args[3], .due_day = ctl->args[4] },
                                  0, lh_time_now (), error);
  if (objective == NULL)
    return FALSE;
  g_print ("Objective %" G_GINT64_FORMAT " is number %d of the action plan\n", objective->id, objective->number);
  return TRUE;
}

static gboolean
plan_edit (Ctl *ctl, LhStore *store, GError **error)
{
  LhObjectiveFields fields = { 0 };
  guint64 id, number;

  if (!parse_number (ctl->args[1], G_MAXINT64, "an objective's id", &id, error))
    return FALSE;
  for (guint i = 2; ctl->args[i] != NULL && ctl->args[i + 1] != NULL; i += 2)
    {
      const char *field = ctl->args[i];
      const char *value = ctl->args[i + 1];

      if (g_str_equal (field, "number"))
        {
          if (!parse_number (value, LH_OBJECTIVE_NUMBER_MAX, "an objective's number", &number, error))
            return FALSE;
          fields.number = (int) number;
        }
      else if (g_str_equal (field, "activity"))
        fields.activity = value;
      else if (g_str_equal (field, "by-whom"))
        fields.by_whom = value;
      else if (g_str_equal (field, "by-when"))
        fields.due_day = value;
      else if (g_str_equal (field, "outcomes"))
        fields.outcomes = value;
      else if (g_str_equal (field, "next-steps"))
        fields.next_steps = value;
      else if (g_str_equal (field, "status"))
        fields.status = value;
      else
        return lh_ctl_usage_error (error, USAGE);
    }
  if (!lh_action_plan_edit (store, ctl->config->centre->tz, (gint64) id, &fields, 0, lh_time_now (), error))
    return FALSE;
  g_print ("Objective %" G_GINT64_FORMAT " is saved\n", (gint64) id);
  return TRUE;
}

static gboolean
plan_history (Ctl *ctl, LhStore *store, GError **error)
{
  GTimeZone *tz = ctl->config->centre->tz;
  g_autoptr(GPtrArray) changes = NULL;
  guint64 id;

  if (!parse_number (ctl->args[1], G_MAXINT64, "an objective's id", &id, error) ||
      (changes = lh_action_plan_history (store, (gint64) id, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < changes->len; i++)
    {
      const LhObjectiveChange *change = g_ptr_array_index (changes, i);
      g_autofree char *day = lh_time_format_date (change->changed_at, tz);
      g_autofree char *hhmm = lh_time_format_hhmm (change->changed_at, tz);

      if (g_str_equal (change->field, "created"))
        g_print ("%s %s  %s: added\n", day, hhmm, change->changed_by_name);
      else
        g_print ("%s %s  %s: %s “%s” → “%s”\n", day, hhmm, change->changed_by_name, change->field,
                 change->old_value != NULL ? change->old_value : "", change->new_value != NULL ? change->new_value : "");
    }
  return TRUE;
}

gboolean
lh_ctl_action_plan (Ctl *ctl, LhStore *store, GError **error)
{
  const char *verb = ctl->args[0];
  guint n_args = g_strv_length (ctl->args);

  if (g_strcmp0 (verb, "list") == 0 && n_args == 1)
    return plan_list (store, error);
  if (g_strcmp0 (verb, "add") == 0 && n_args == 5)
    return plan_add (ctl, store, error);
  if (g_strcmp0 (verb, "edit") == 0 && n_args >= 4 && n_args % 2 == 0)
    return plan_edit (ctl, store, error);
  if (g_strcmp0 (verb, "history") == 0 && n_args == 2)
    return plan_history (ctl, store, error);
  return lh_ctl_usage_error (error, USAGE);
}
