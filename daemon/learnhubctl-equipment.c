/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl's equipment inventory: importing it from an asset register,
 * adding or editing an item, changing its status, listing it, and an
 * item's history. */
#define G_LOG_DOMAIN "learnhubctl"

#include "learnhubctl.h"

#include "lh-equipment.h"
#include "lh-resources.h"
#include "lh-usage.h"
#include "lh-error.h"
#include "lh-faults.h"
#include "lh-time.h"

#define USAGE \
  "equipment import FILE.csv [--skip-bad-rows]\n" \
  "       learnhubctl equipment add ASSET_TAG --kind KIND [--location TEXT] [--description TEXT] [--pc NAME|none]\n" \
  "       learnhubctl equipment status ASSET_TAG working|faulty|in-repair|retired [--reason TEXT]\n" \
  "       learnhubctl equipment list\n" \
  "       learnhubctl equipment history ASSET_TAG\n" \
  "       learnhubctl equipment usage [--from DATE] [--to DATE] [--format text|csv]\n" \
  "       learnhubctl equipment compliance [--from DATE] [--to DATE] [--format text|csv]\n" \
  "       learnhubctl equipment check …"

/* Who changed an item, in its history. */
static const LhEquipmentActor ctl_actor = { 0, "learnhubctl" };

void
lh_ctl_print_import (const char *path, const LhCsvReport *report, gboolean ok)
{
  for (guint i = 0; report->row_errors != NULL && i < report->row_errors->len; i++)
    g_printerr ("%s: %s\n", path, (const char *) g_ptr_array_index (report->row_errors, i));
  if (ok)
    g_print ("Added %u, updated %u, skipped %u bad row(s)\n", report->added, report->updated, report->skipped);
}

static gboolean
equipment_import (Ctl *ctl, LhStore *store, const char *path, GError **error)
{
  g_autofree char *text = NULL;
  g_auto(LhCsvReport) report = { 0 };
  gsize length;
  gboolean ok;

  if (!g_file_get_contents (path, &text, &length, error))
    return FALSE;
  ok = lh_equipment_import (store, ctl->config->centre, text, length, ctl->skip_bad_rows, &ctl_actor, lh_time_now (),
                            &report, error);
  lh_ctl_print_import (path, &report, ok);
  return ok;
}

static gboolean
equipment_add (Ctl *ctl, LhStore *store, const char *asset_tag, GError **error)
{
  LhEquipmentFields fields = {
    .asset_tag = asset_tag,
    .kind = ctl->kind,
    .description = ctl->description,
    .location = ctl->location,
  };
  gboolean created = FALSE;

  if (ctl->kind == NULL)
    return lh_ctl_usage_error (error, USAGE);
  /* What is not given stays as it was; "--pc none" unlinks the PC. */
  if (g_strcmp0 (ctl->pc, "none") == 0)
    fields.resource_id = LH_EQUIPMENT_NO_PC;
  else if (ctl->pc != NULL && (fields.resource_id = lh_ctl_find_resource (store, ctl->pc, "pc", error)) == 0)
    return FALSE;
  if (!lh_equipment_save (store, ctl->config->centre, &fields, &ctl_actor, NULL, lh_time_now (), &created, error))
    return FALSE;
  g_print ("%s %s\n", created ? "Added" : "Updated", asset_tag);
  return TRUE;
}

static void
print_item (const LhEquipment *item)
{
  g_print ("%-12s %-17s %-10s %-20s %-8s %s\n", item->asset_tag, item->kind, item->status, item->location,
           item->resource_name != NULL ? item->resource_name : "", item->description);
}

/* The PCs whose kiosk is silent now: off, unplugged or broken. */
static gboolean
print_pc_kiosks (Ctl *ctl, LhStore *store, GError **error)
{
  g_autoptr(GHashTable) states = lh_usage_pc_states (store, lh_time_now (), error);
  g_autoptr(GString) silent = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint online = 0, offline = 0;

  if (states == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const LhPcState *state = value;
      g_autoptr(LhResource) pc = NULL;
      g_autofree char *heard = NULL;

      if (state->online)
        {
          online++;
          continue;
        }
      offline++;
      pc = lh_resources_get (store, *(gint64 *) key, error);
      if (pc == NULL)
        return FALSE;
      if (state->heard_at != 0)
        {
          g_autofree char *day = lh_time_format_date (state->heard_at, ctl->config->centre->tz);
          g_autofree char *hhmm = lh_time_format_hhmm (state->heard_at, ctl->config->centre->tz);

          heard = g_strdup_printf ("%s %s", day, hhmm);
        }
      g_string_append_printf (silent, "%s%s (%s%s)", silent->len > 0 ? ", " : "", pc->name,
                              heard != NULL ? "last heard " : "never heard", heard != NULL ? heard : "");
    }
  g_print ("PC kiosks now: %u online, %u offline%s%s\n", online, offline, silent->len > 0 ? ": " : "",
           silent->str);
  return TRUE;
}

static gboolean
equipment_list (Ctl *ctl, LhStore *store, GError **error)
{
  g_autoptr(GPtrArray) items = lh_equipment_list (store, error);

  if (items == NULL)
    return FALSE;
  if (items->len == 0)
    {
      g_print ("No equipment yet: add it with “learnhubctl equipment add” or “equipment import”\n");
      return TRUE;
    }
  g_print ("%-12s %-17s %-10s %-20s %-8s %s\n", "ASSET TAG", "KIND", "STATUS", "LOCATION", "PC", "DESCRIPTION");
  for (guint i = 0; i < items->len; i++)
    print_item (g_ptr_array_index (items, i));
  return print_pc_kiosks (ctl, store, error);
}

static gboolean
equipment_history (Ctl *ctl, LhStore *store, const char *asset_tag, GError **error)
{
  g_autoptr(GPtrArray) events = lh_equipment_history (store, asset_tag, error);

  if (events == NULL)
    return FALSE;
  for (guint i = 0; i < events->len; i++)
    {
      const LhEquipmentEvent *event = g_ptr_array_index (events, i);
      GTimeZone *tz = ctl->config->centre->tz;
      g_autofree char *day = lh_time_format_date (event->at, tz);
      g_autofree char *hhmm = lh_time_format_hhmm (event->at, tz);

      g_print ("%s %s  %-8s %-10s %s%s%s\n", day, hhmm, event->what, event->status, event->actor_name,
               event->note[0] != '\0' ? ": " : "", event->note);
    }
  return TRUE;
}

/* The admin sees at once what a status did to the PC's bookings. */
static gboolean
equipment_status (Ctl *ctl, LhStore *store, const char *asset_tag, const char *status, GError **error)
{
  g_autoptr(GPtrArray) moves = NULL;
  guint moved = 0;

  if (!lh_equipment_change_status (store, ctl->config->centre, asset_tag, status, ctl->reason, &ctl_actor,
                                   lh_time_now (), &moves, error))
    return FALSE;
  g_print ("%s is %s\n", asset_tag, status);
  for (guint i = 0; i < moves->len; i++)
    moved += ((const LhFaultMove *) g_ptr_array_index (moves, i))->to_pc_id != 0;
  if (moves->len > 0)
    g_print ("Its PC is out of order: %u booking(s) moved to another PC, %u cancelled; the learners are told\n",
             moved, moves->len - moved);
  return TRUE;
}

gboolean
lh_ctl_equipment (Ctl *ctl, LhStore *store, GError **error)
{
  const char *verb = ctl->args[0];
  guint n_args = g_strv_length (ctl->args);

  if (g_strcmp0 (verb, "check") == 0)
    return lh_ctl_equipment_check (ctl, store, error);
  if (g_strcmp0 (verb, "import") == 0 && n_args == 2)
    return equipment_import (ctl, store, ctl->args[1], error);
  if (g_strcmp0 (verb, "add") == 0 && n_args == 2)
    return equipment_add (ctl, store, ctl->args[1], error);
  if (g_strcmp0 (verb, "status") == 0 && n_args == 3)
    return equipment_status (ctl, store, ctl->args[1], ctl->args[2], error);
  if (g_strcmp0 (verb, "list") == 0 && n_args == 1)
    return equipment_list (ctl, store, error);
  if (g_strcmp0 (verb, "history") == 0 && n_args == 2)
    return equipment_history (ctl, store, ctl->args[1], error);
  if (g_strcmp0 (verb, "usage") == 0 && n_args == 1)
    return lh_ctl_equipment_usage (ctl, store, USAGE, error);
  if (g_strcmp0 (verb, "compliance") == 0 && n_args == 1)
    return lh_ctl_equipment_compliance (ctl, store, USAGE, error);
  return lh_ctl_usage_error (error, USAGE);
}
