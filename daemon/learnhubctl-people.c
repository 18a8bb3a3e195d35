/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl's commands about who may use the centre: the staff roster,
 * PINs and kiosk devices. Each works while learnhubd runs too, which acts
 * on the change within a second (a revoked kiosk is refused at once). */
#define G_LOG_DOMAIN "learnhubctl"

#include "learnhubctl.h"

#include "lh-devices.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-roster.h"
#include "lh-secret.h"
#include "lh-time.h"

gboolean
lh_ctl_import_staff (Ctl *ctl, LhStore *store, GError **error)
{
  g_autofree char *text = NULL;
  gsize length;
  g_auto(LhRosterReport) report = { 0 };
  gboolean ok;

  if (ctl->args[0] == NULL || ctl->args[1] != NULL)
    return lh_ctl_usage_error (error, "import-staff FILE.csv [--skip-bad-rows]");
  if (!g_file_get_contents (ctl->args[0], &text, &length, error))
    return FALSE;
  ok = lh_roster_import (store, text, length, ctl->skip_bad_rows, lh_time_now (), &report, error);
  lh_ctl_print_import (ctl->args[0], &report, ok);
  return ok;
}

gboolean
lh_ctl_pin_set (Ctl *ctl, LhStore *store, GError **error)
{
  g_autoptr(LhPerson) person = NULL;
  g_autofree char *pin = NULL;

  /* Always a new random PIN: one typed on the command line would stay in
   * the shell's history and show in the process list. */
  if (ctl->args[0] == NULL || ctl->args[1] != NULL)
    return lh_ctl_usage_error (error, "pin-set STAFF_NUMBER   (gives a new random 6-digit PIN)");
  person = lh_people_find (store, ctl->args[0], error);
  if (person == NULL)
    return FALSE;
  pin = lh_pin_generate (6);
  if (!lh_people_set_pin (store, person->id, pin, lh_time_now (), error))
    return FALSE;
  g_print ("New PIN for %s (%s): %s\n", person->staff_number, person->name, pin);
  g_printerr ("Anyone signed in as %s with the old PIN has been signed out\n", person->staff_number);
  return TRUE;
}

gboolean
lh_ctl_device (Ctl *ctl, LhStore *store, GError **error)
{
  const char *verb = ctl->args[0];

  if (g_strcmp0 (verb, "add") == 0 && ctl->args[1] != NULL && ctl->args[2] == NULL)
    {
      g_autoptr(LhTransaction) tx = lh_store_begin (store, error);
      g_autofree char *token = NULL;
      gint64 pc = 0;

      /* One step: a kiosk is never left registered without its PC. */
      if (tx == NULL || (ctl->pc != NULL && (pc = lh_ctl_find_resource (store, ctl->pc, "pc", error)) == 0) ||
          (token = lh_devices_add (store, ctl->args[1], lh_time_now (), NULL, error)) == NULL ||
          (pc != 0 && !lh_devices_set_pc (store, ctl->args[1], pc, error)) ||
          !lh_transaction_commit (tx, error))
        return FALSE;
      g_printerr ("Device “%s” added. Give the kiosk this token (it is shown only now):\n", ctl->args[1]);
      g_print ("%s\n", token);
      return TRUE;
    }
  if (g_strcmp0 (verb, "revoke") == 0 && ctl->args[1] != NULL && ctl->args[2] == NULL)
    {
      if (!lh_devices_revoke (store, ctl->args[1], lh_time_now (), error))
        return FALSE;
      g_print ("Device “%s” revoked; its sessions have ended\n", ctl->args[1]);
      return TRUE;
    }
  if (g_strcmp0 (verb, "list") == 0 && ctl->args[1] == NULL)
    {
      g_autoptr(GPtrArray) devices = lh_devices_list (store, error);

      if (devices == NULL)
        return FALSE;
      for (guint i = 0; i < devices->len; i++)
        {
          const LhDevice *device = g_ptr_array_index (devices, i);
          g_autofree char *seen = device->last_seen_at > 0 ?
            lh_time_format_iso (device->last_seen_at, ctl->config->centre->tz) : g_strdup ("never");
          g_autofree char *slowed = device->slowed_until > 0 ?
            lh_time_format_iso (device->slowed_until, ctl->config->centre->tz) : NULL;

          g_print ("%-30s last seen %s%s\n", device->name, seen, device->revoked ? " (revoked)" : "");
          /* Where someone may be guessing PINs: the admin should look. */
          if (slowed != NULL)
            g_print ("%-30s %" G_GINT64_FORMAT " wrong PINs; made to wait until %s\n", "",
                     device->wrong_pins, slowed);
        }
      return TRUE;
    }
  return lh_ctl_usage_error (error, "device add NAME [--pc \"PC 3\"] | device list | device revoke NAME");
}
