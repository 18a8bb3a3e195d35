/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl's scheduled maintenance checks: adding one (of an item, a
 * kind or the centre), listing them soonest due first, and recording one
 * done. A running learnhubd notices and tells the admins' kiosks. */
#define G_LOG_DOMAIN "learnhubctl"

#include "learnhubctl.h"

#include "lh-equipment-checks.h"
#include "lh-error.h"
#include "lh-time.h"

#define USAGE \
  "equipment check add WHAT EVERY [ASSET_TAG] [--kind KIND] [--date FIRST_DUE]\n" \
  "       (EVERY is 14d, 6m or 1y; no ASSET_TAG nor --kind: a check of the centre)\n" \
  "       learnhubctl equipment check list\n" \
  "       learnhubctl equipment check done ID passed|failed [--note TEXT]"

static const LhEquipmentActor ctl_actor = { 0, "learnhubctl" };

static const char * const state_words[] = {
  [LH_CHECK_LATER] = "",
  [LH_CHECK_DUE_SOON] = "due soon",
  [LH_CHECK_OVERDUE] = "OVERDUE",
};

static void
print_check (const LhCheck *check, GTimeZone *tz, gint64 now)
{
  g_autofree char *due = lh_time_format_date (check->next_due, tz);
  g_autofree char *every = check->every_days > 0 ? g_strdup_printf ("%dd", check->every_days)
                                                 : g_strdup_printf ("%dm", check->every_months);
  g_autofree char *last_day = NULL;
  g_autofree char *last = NULL;
  const char *of = check->asset_tag != NULL ? check->asset_tag : check->kind != NULL ? check->kind : "centre";

  if (check->last_done_at != 0)
    {
      last_day = lh_time_format_date (check->last_done_at, tz);
      last = g_strdup_printf ("last %s %s by %s", last_day, check->last_result, check->last_by);
    }
  g_print ("%-4" G_GINT64_FORMAT " %-10s %-9s %-5s %-17s %-34s %s\n", check->id, due,
           state_words[lh_check_state (check, now, tz)], every, of, check->what,
           last != NULL ? last : "never done");
}

static gboolean
check_add (Ctl *ctl, LhStore *store, GError **error)
{
  GTimeZone *tz = ctl->config->centre->tz;
  guint n_args = g_strv_length (ctl->args);
  LhCheckFields fields = {
    .what = ctl->args[2],
    .asset_tag = n_args == 5 ? ctl->args[4] : NULL,
    .kind = ctl->kind,
  };
  g_autoptr(LhCheck) check = NULL;
  g_autofree char *due = NULL;

  if (!lh_checks_parse_every (ctl->args[3], &fields.every_days, &fields.every_months, error) ||
      (ctl->date != NULL && !lh_time_parse_date (ctl->date, tz, &fields.next_due, error)))
    return FALSE;
  check = lh_checks_add (store, &fields, tz, lh_time_now (), error);
  if (check == NULL)
    return FALSE;
  due = lh_time_format_date (check->next_due, tz);
  g_print ("Added check %" G_GINT64_FORMAT ", first due %s\n", check->id, due);
  return TRUE;
}

static gboolean
check_list (Ctl *ctl, LhStore *store, GError **error)
{
  g_autoptr(GPtrArray) checks = lh_checks_list (store, error);
  gint64 now = lh_time_now ();

  if (checks == NULL)
    return FALSE;
  if (checks->len == 0)
    {
      g_print ("No checks yet: add one with “learnhubctl equipment check add”\n");
      return TRUE;
    }
  g_print ("%-4s %-10s %-9s %-5s %-17s %-34s %s\n", "ID", "DUE", "", "EVERY", "OF", "WHAT", "LAST DONE");
  for (guint i = 0; i < checks->len; i++)
    print_check (g_ptr_array_index (checks, i), ctl->config->centre->tz, now);
  return TRUE;
}

static gboolean
check_done (Ctl *ctl, LhStore *store, GError **error)
{
  GTimeZone *tz = ctl->config->centre->tz;
  g_autoptr(LhCheck) check = NULL;
  g_autofree char *due = NULL;
  char *end = NULL;
  gint64 id = g_ascii_strtoll (ctl->args[2], &end, 10);

  if (id <= 0 || end == ctl->args[2] || *end != '\0')
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "“%s” is not a check's number (see “equipment check list”)",
                   ctl->args[2]);
      return FALSE;
    }
  check = lh_checks_done (store, ctl->config->centre, id, ctl->args[3], ctl->note, &ctl_actor, lh_time_now (), NULL,
                          error);
  if (check == NULL)
    return FALSE;
  due = lh_time_format_date (check->next_due, tz);
  g_print ("%s %s; next due %s\n", check->what, check->last_result, due);
  return TRUE;
}

gboolean
lh_ctl_equipment_check (Ctl *ctl, LhStore *store, GError **error)
{
  const char *verb = ctl->args[1];
  guint n_args = g_strv_length (ctl->args);

  if (g_strcmp0 (verb, "add") == 0 && (n_args == 4 || n_args == 5))
    return check_add (ctl, store, error);
  if (g_strcmp0 (verb, "list") == 0 && n_args == 2)
    return check_list (ctl, store, error);
  if (g_strcmp0 (verb, "done") == 0 && n_args == 4)
    return check_done (ctl, store, error);
  return lh_ctl_usage_error (error, USAGE);
}
