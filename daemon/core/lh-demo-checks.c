/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo centre's scheduled checks: the computers' yearly electrical
 * safety test due soon, the printer's service overdue, the chairs'
 * six-monthly clean done last month, and the centre's yearly fire safety
 * check, each with some history. The admins' notices follow. */
#define G_LOG_DOMAIN "lh-demo"

#include "lh-demo-equipment.h"

#include "lh-admin-notices.h"
#include "lh-equipment-checks.h"
#include "lh-people.h"

#define DAY (24 * (gint64) 3600)

/* Each done at days_ago (oldest first; 0 ends the list), else first due
 * in due_in_days. */
static const struct
{
  const char *what;
  const char *asset_tag;  /* NULL: of a kind, or (no kind) of the centre */
  const char *kind;
  int         every_months;
  int         done_days_ago[2];
  const char *last_note;
  int         due_in_days;
} checks[] = {
  { "Electrical safety test (PAT)", NULL, "computer", 12, { 0, 0 }, NULL, 9 },
  { "Printer service", "LC-0501", NULL, 6, { 370, 186 }, "Rollers cleaned, fuser checked", 0 },
  { "Six-monthly clean", NULL, "chair", 6, { 210, 30 }, "Two stacking chairs wobbled: tightened", 0 },
  { "Fire extinguisher and alarm check", NULL, NULL, 12, { 300, 0 }, "Extinguisher pressure in the green", 0 },
};

gboolean
lh_demo_add_checks (LhStore *store, const LhCentre *centre, gint64 now, GError **error)
{
  g_autoptr(GPtrArray) admins = lh_people_list_with_role (store, LH_ROLE_ADMIN, error);
  LhEquipmentActor by_admin;
  guint raised;

  if (admins == NULL || admins->len == 0)
    return admins != NULL;
  by_admin = (LhEquipmentActor) { ((LhPerson *) admins->pdata[0])->id, ((LhPerson *) admins->pdata[0])->name };
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      const int *done_days_ago = checks[i].done_days_ago;
      const LhCheckFields fields = {
        checks[i].what, checks[i].asset_tag, checks[i].kind, 0, checks[i].every_months,
        now + (done_days_ago[0] > 0 ? -done_days_ago[0] : checks[i].due_in_days) * DAY,
      };
      g_autoptr(LhCheck) check = lh_checks_add (store, &fields, centre->tz, now - 400 * DAY, error);

      if (check == NULL)
        return FALSE;
      for (guint d = 0; d < G_N_ELEMENTS (checks[i].done_days_ago) && done_days_ago[d] > 0; d++)
        {
          gboolean last = d + 1 == G_N_ELEMENTS (checks[i].done_days_ago) || done_days_ago[d + 1] == 0;
          g_autoptr(LhCheck) done = lh_checks_done (store, centre, check->id, "passed",
                                                    last ? checks[i].last_note : NULL, &by_admin,
                                                    now - done_days_ago[d] * DAY, NULL, error);

          if (done == NULL)
            return FALSE;
        }
    }
  return lh_admin_notices_raise_checks (store, centre->tz, now, &raised, error);
}
