/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-demo"

#include "lh-demo-equipment.h"

#include "lh-admin-notices.h"
#include "lh-equipment.h"
#include "lh-error.h"
#include "lh-faults.h"
#include "lh-people.h"

#define DAY (24 * (gint64) 3600)

/* What a small centre has besides its PCs: the agreement's desks, chairs
 * and lockable cabinets, and the kit that makes it usable by everyone. */
static const struct
{
  const char *kind;
  guint       count;
  const char *description;
  const char *location;
} furniture[] = {
  { "desk", 10, "Desk, 1200 mm", "PC room" },
  { "chair", 10, "Adjustable chair", "PC room" },
  { "chair", 12, "Stacking chair", "Group room" },
  { "desk", 6, "Folding table", "Group room" },
  { "lockable-cabinet", 2, "Four-drawer filing cabinet", "ULR office" },
  { "headset", 4, "USB headset", "PC room" },
  { "printer", 1, "Laser printer", "PC room" },
  { "accessibility", 1, "Large-key keyboard", "PC room, PC 8" },
  { "accessibility", 1, "Screen magnifier software licence", "PC room, PC 8" },
  { "other", 1, "Projector", "Group room" },
};

/* Changes since the centre opened, days before now: (asset tag, status,
 * why). The printer failed and came back; a chair broke and a new one
 * replaced it; a monitor is away for repair now. */
static const struct
{
  int         days_ago;
  const char *asset_tag;
  const char *status;
  const char *note;
} changes[] = {
  { 52, "LC-0207", "retired", "Gas lift broken; not worth mending" },
  { 31, "LC-0501", "faulty", "Paper jams on every page" },
  { 29, "LC-0501", "in-repair", "Collected by the supplier" },
  { 22, "LC-0501", "working", "Fuser replaced under warranty" },
  { 4, "LC-0103", "faulty", "Flickers, then goes black" },
  { 3, "LC-0103", "in-repair", "Sent to IT for a new power board" },
};

static gboolean
add_item (LhStore *store, const LhCentre *centre, const LhEquipmentFields *fields, const LhEquipmentActor *actor,
          gint64 at, GError **error)
{
  return lh_equipment_save (store, centre, fields, actor, "imported when the centre opened", at, NULL, error);
}

gboolean
lh_demo_add_equipment (LhStore *store, const LhCentre *centre, GArray *pc_ids, gint64 opened_at, gint64 now,
                       GError **error)
{
  g_autoptr(GPtrArray) admins = lh_people_list_with_role (store, LH_ROLE_ADMIN, error);
  g_autofree char *admin_name = NULL;
  const LhEquipmentActor import = { 0, "learnhubctl" };
  const LhPerson *admin;
  LhEquipmentActor by_admin;
  guint serial = 1;

  if (admins == NULL)
    return FALSE;
  if (admins->len == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "The demo's equipment needs its admin");
      return FALSE;
    }
  admin = g_ptr_array_index (admins, 0);
  admin_name = g_strdup_printf ("%s (%s)", admin->name, admin->staff_number);
  by_admin = (LhEquipmentActor) { admin->id, admin_name };

  /* LC-00nn the computers, LC-01nn their monitors, LC-02nn on the rest. */
  for (guint i = 0; i < pc_ids->len; i++)
    {
      g_autofree char *computer = g_strdup_printf ("LC-%04u", i + 1);
      g_autofree char *monitor = g_strdup_printf ("LC-%04u", 101 + i);
      g_autofree char *location = g_strdup_printf ("PC room, PC %u", i + 1);

      if (!add_item (store, centre, &(LhEquipmentFields) { computer, "computer", "Desktop PC, 16 GB", location, NULL,
                                                   g_array_index (pc_ids, gint64, i) }, &import, opened_at,
                     error) ||
          !add_item (store, centre, &(LhEquipmentFields) { monitor, "monitor", "24-inch monitor", location, NULL, 0 },
                     &import, opened_at, error))
        return FALSE;
    }
  for (guint f = 0; f < G_N_ELEMENTS (furniture); f++)
    for (guint n = 0; n < furniture[f].count; n++)
      {
        /* The printer is LC-0501, and the rest counts on from LC-0201. */
        g_autofree char *tag = g_str_equal (furniture[f].kind, "printer")
                               ? g_strdup ("LC-0501") : g_strdup_printf ("LC-%04u", 200 + serial++);

        if (!add_item (store, centre, &(LhEquipmentFields) { tag, furniture[f].kind, furniture[f].description,
                                                     furniture[f].location, NULL, 0 }, &import, opened_at,
                       error))
          return FALSE;
      }
  for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
    {
      gint64 at = now - changes[c].days_ago * DAY;

      if (at < opened_at)
        continue;
      if (!lh_equipment_set_status (store, centre, changes[c].asset_tag, changes[c].status, changes[c].note, &by_admin,
                                    at, error))
        return FALSE;
    }
  /* The broken chair's replacement. */
  return lh_equipment_save (store, centre,
                            &(LhEquipmentFields) { "LC-0299", "chair", "Adjustable chair", "PC room", NULL, 0 },
                            &by_admin, "replaces LC-0207", now - 50 * DAY, NULL, error);
}

/* Faults as kiosks report them, days before now (0: now): PC 5's keyboard
 * and mouse stopped this morning, so its bookings from now on moved; a
 * headset has been crackling longer than the terms allow; the printer's
 * streaks were seen to within a day. */
static const struct
{
  int         days_ago;
  const char *asset_tag;
  const char *category;
  const char *note;
  const char *assigned_to;    /* NULL: no one yet */
  int         repaired_days_ago;  /* -1: still open */
  const char *repair_note;
} faults[] = {
  { 12, "LC-0501", "printer", "Grey streaks down every page", "Site IT, J. Smith", 11, "Toner cartridge replaced" },
  { 6, "LC-0241", "sound", "Left ear crackles, then silent", NULL, -1, NULL },
  { 0, "LC-0005", "keyboard-mouse", "Keys stick and the mouse does nothing", "Site IT, J. Smith", -1, NULL },
};

gboolean
lh_demo_add_faults (LhStore *store, const LhCentre *centre, gint64 now, GError **error)
{
  const LhEquipmentActor by_admin = { 0, "learnhubctl" };
  const LhFaultReporter admin_tools = { 0, TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      gint64 at = now - faults[i].days_ago * DAY;
      g_autoptr(LhFault) fault = lh_faults_report (store, centre, faults[i].asset_tag, 0, &admin_tools, faults[i].category,
                                                   faults[i].note, at, NULL, NULL, error);
      gboolean raised;

      if (fault == NULL ||
          (faults[i].assigned_to != NULL &&
           !lh_faults_assign (store, fault->id, faults[i].assigned_to, &by_admin, at, error)) ||
          /* As the kiosk's report route does: the admins are told. */
          !lh_admin_notices_raise_fault (store, fault->id, "fault-reported", at, &raised, error) ||
          (faults[i].repaired_days_ago >= 0 &&
           !lh_faults_repaired (store, fault->id, faults[i].repair_note, &by_admin,
                                now - faults[i].repaired_days_ago * DAY, NULL, error)))
        return FALSE;
    }
  /* As the housekeeper does by now: what has come within tomorrow moves. */
  {
    g_autoptr(GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_fault_move_free);

    return lh_faults_move_coming_bookings (store, centre, now, moves, error);
  }
}
