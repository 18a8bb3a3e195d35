/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl's faults: the open ones by age, who is seeing to one, its
 * repair; and a report taken by the admin (a worker who rang the desk). */
#define G_LOG_DOMAIN "learnhubctl"

#include "learnhubctl.h"

#include "lh-error.h"
#include "lh-faults.h"
#include "lh-time.h"

#define USAGE \
  "fault list\n" \
  "       learnhubctl fault report (ASSET_TAG | --pc NAME) CATEGORY [NOTE]\n" \
  "       learnhubctl fault assign FAULT_ID WHO\n" \
  "       learnhubctl fault repaired FAULT_ID [NOTE]"

static const LhEquipmentActor ctl_actor = { 0, "learnhubctl" };
/* The admin's tools: not a kiosk, and told which items exist. */
static const LhFaultReporter ctl_reporter = { 0, TRUE };

static gboolean
parse_id (const char *text, gint64 *out_id, GError **error)
{
  guint64 id;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "“%s” is not a fault number", text);
      return FALSE;
    }
  *out_id = (gint64) id;
  return TRUE;
}

static gboolean
fault_list (Ctl *ctl, LhStore *store, GError **error)
{
  g_autoptr(GPtrArray) faults = lh_faults_list_open (store, lh_time_now (), error);
  GTimeZone *tz = ctl->config->centre->tz;

  if (faults == NULL)
    return FALSE;
  if (faults->len == 0)
    {
      g_print ("No open faults\n");
      return TRUE;
    }
  g_print ("%-5s %-16s %-10s %-14s %-9s %-7s %-8s %s\n", "ID", "REPORTED", "ASSET TAG", "CATEGORY", "STOPS USE",
           "REPORTS", "OVERDUE", "ASSIGNED TO");
  for (guint i = 0; i < faults->len; i++)
    {
      const LhFault *fault = g_ptr_array_index (faults, i);
      g_autofree char *day = lh_time_format_date (fault->reported_at, tz);
      g_autofree char *hhmm = lh_time_format_hhmm (fault->reported_at, tz);
      g_autofree char *item = fault->asset_tag != NULL
                              ? g_strdup (fault->asset_tag)
                              : g_strdup_printf ("%s, no computer in the inventory", fault->resource_name);

      g_print ("%-5" G_GINT64_FORMAT " %s %s %-10s %-14s %-9s %-7d %-8s %s\n", fault->id, day, hhmm,
               item, fault->category, fault->stops_use ? "yes" : "no", fault->reports,
               fault->overdue ? "OVERDUE" : "", fault->assigned_to);
    }
  return TRUE;
}

/* By asset tag, or (--pc, asset_tag NULL) by the PC's name: a PC with no
 * computer in the inventory has only that. */
static gboolean
fault_report (Ctl *ctl, LhStore *store, const char *asset_tag, const char *category, const char *note,
              GError **error)
{
  g_autoptr(LhFault) fault = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  gboolean joined = FALSE;
  gint64 pc = 0;

  if (asset_tag == NULL && (pc = lh_ctl_find_resource (store, ctl->pc, "pc", error)) == 0)
    return FALSE;
  fault = lh_faults_report (store, ctl->config->centre, asset_tag, pc, &ctl_reporter, category, note, lh_time_now (),
                            &joined, &moves, error);
  if (fault == NULL)
    return FALSE;
  g_print ("%s fault %" G_GINT64_FORMAT " (%s, %s)\n", joined ? "Joined" : "Opened", fault->id,
           fault->asset_tag != NULL ? fault->asset_tag : fault->resource_name, fault->category);
  for (guint i = 0; i < moves->len; i++)
    {
      const LhFaultMove *move = g_ptr_array_index (moves, i);

      if (move->to_pc_id != 0)
        g_print ("Booking %" G_GINT64_FORMAT " moved from %s to %s\n", move->booking_id, move->from_pc_name,
                 move->to_pc_name);
      else
        g_print ("Booking %" G_GINT64_FORMAT " on %s cancelled: no other PC was free\n", move->booking_id,
                 move->from_pc_name);
    }
  return TRUE;
}

gboolean
lh_ctl_fault (Ctl *ctl, LhStore *store, GError **error)
{
  const char *verb = ctl->args[0];
  guint n_args = g_strv_length (ctl->args);
  gint64 id;

  if (g_strcmp0 (verb, "list") == 0 && n_args == 1)
    return fault_list (ctl, store, error);
  if (g_strcmp0 (verb, "report") == 0 && ctl->pc == NULL && (n_args == 3 || n_args == 4))
    return fault_report (ctl, store, ctl->args[1], ctl->args[2], ctl->args[3], error);
  if (g_strcmp0 (verb, "report") == 0 && ctl->pc != NULL && (n_args == 2 || n_args == 3))
    return fault_report (ctl, store, NULL, ctl->args[1], ctl->args[2], error);
  if (g_strcmp0 (verb, "assign") == 0 && n_args == 3)
    {
      if (!parse_id (ctl->args[1], &id, error) ||
          !lh_faults_assign (store, id, ctl->args[2], &ctl_actor, lh_time_now (), error))
        return FALSE;
      g_print ("Fault %" G_GINT64_FORMAT " is assigned to %s\n", id, ctl->args[2]);
      return TRUE;
    }
  if (g_strcmp0 (verb, "repaired") == 0 && (n_args == 2 || n_args == 3))
    {
      if (!parse_id (ctl->args[1], &id, error) ||
          !lh_faults_repaired (store, id, ctl->args[2], &ctl_actor, lh_time_now (), NULL, error))
        return FALSE;
      g_print ("Fault %" G_GINT64_FORMAT " is repaired\n", id);
      return TRUE;
    }
  return lh_ctl_usage_error (error, USAGE);
}
