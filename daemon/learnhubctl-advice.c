/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl's advice timetable: drop-in sessions and ULRs' appointment
 * slots, as the lead ULR or an admin sets them up ahead. Nothing here
 * reads what anyone asked about: that is for the learner and their ULRs. */
#define G_LOG_DOMAIN "learnhubctl"

#include "learnhubctl.h"

#include "lh-dropins.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-time.h"

#define WEEK (7 * 24 * 3600)

/* The ULRs of --ulr, each at "Desk N" in the order given. */
static GPtrArray *
find_ulrs (LhStore *store, char **staff_numbers, GError **error)
{
  g_autoptr(GPtrArray) ulrs = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_dropin_ulr_free);

  for (guint i = 0; staff_numbers != NULL && staff_numbers[i] != NULL; i++)
    {
      g_autoptr(LhPerson) person = lh_ctl_find_staff (store, staff_numbers[i], LH_ROLE_ULR, "ULR", error);
      LhDropinUlr *ulr;

      if (person == NULL)
        return NULL;
      ulr = g_new0 (LhDropinUlr, 1);
      ulr->ulr_id = person->id;
      ulr->desk = g_strdup_printf ("Desk %u", i + 1);
      g_ptr_array_add (ulrs, ulr);
    }
  return g_steal_pointer (&ulrs);
}

static gboolean
dropin_add (Ctl *ctl, LhStore *store, GError **error)
{
  const LhCentre *centre = ctl->config->centre;
  g_autoptr(GPtrArray) ulrs = find_ulrs (store, ctl->ulrs, error);
  g_autoptr(LhTransaction) tx = NULL;
  gint64 now = lh_time_now ();
  int weeks = MAX (ctl->weeks, 1);
  gint64 start;

  if (ulrs == NULL || !lh_ctl_parse_local (ctl->start, centre->tz, &start, error))
    return FALSE;
  if (weeks > 26)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Set up at most 26 weeks at a time");
      return FALSE;
    }
  /* All the weeks or none. */
  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  for (int w = 0; w < weeks; w++)
    {
      /* The same local time each week, across a clock change. */
      gint64 day = lh_time_add_days (lh_time_local_midnight (start, centre->tz), 7 * w, centre->tz);
      gint64 at = day + (start - lh_time_local_midnight (start, centre->tz));
      g_autoptr(LhDropin) dropin = lh_dropins_open (store, ulrs->len > 0 ? ((LhDropinUlr *) ulrs->pdata[0])->ulr_id : 0, ctl->place, at, at + (gint64) ctl->minutes * 60,
                                                    (const LhDropinUlr * const *) ulrs->pdata, ulrs->len, now,
                                                    error);
      g_autofree char *when = NULL;

      if (dropin == NULL)
        {
          g_prefix_error (error, "Week %d: ", w + 1);
          return FALSE;
        }
      when = lh_time_format_iso (dropin->start_at, centre->tz);
      g_print ("Drop-in at %s from %s, %d minutes, with %u ULR%s\n", dropin->place, when, ctl->minutes,
               dropin->ulrs->len, dropin->ulrs->len == 1 ? "" : "s");
    }
  return lh_transaction_commit (tx, error);
}

gboolean
lh_ctl_dropin (Ctl *ctl, LhStore *store, GError **error)
{
  const char *verb = ctl->args[0];
  gint64 now = lh_time_now ();

  if (g_strcmp0 (verb, "add") == 0 && ctl->args[1] == NULL && ctl->ulrs != NULL && ctl->place != NULL &&
      ctl->start != NULL && ctl->minutes > 0)
    return dropin_add (ctl, store, error);
  if (g_strcmp0 (verb, "list") == 0 && ctl->args[1] == NULL)
    {
      g_autoptr(GPtrArray) dropins = lh_dropins_list (store, now, now + 92 * 24 * 3600, error);

      if (dropins == NULL)
        return FALSE;
      /* How many wait, never who. */
      for (guint i = 0; i < dropins->len; i++)
        {
          const LhDropin *dropin = g_ptr_array_index (dropins, i);
          g_autofree char *when = lh_time_format_iso (dropin->start_at, ctl->config->centre->tz);
          g_autoptr(GString) names = g_string_new (NULL);

          for (guint u = 0; u < dropin->ulrs->len; u++)
            {
              const LhDropinUlr *ulr = g_ptr_array_index (dropin->ulrs, u);
              g_string_append_printf (names, "%s%s (%s)", u > 0 ? ", " : "", ulr->name, ulr->desk);
            }
          g_print ("%-25s %-20s %3d waiting  %s\n", when, dropin->place, dropin->n_waiting, names->str);
        }
      return TRUE;
    }
  return lh_ctl_usage_error (error, "dropin add --ulr STAFF [--ulr STAFF…] --place TEXT "
                                    "--start \"YYYY-MM-DD HH:MM\" --minutes N [--weeks N] | dropin list");
}

gboolean
lh_ctl_advice_slot (Ctl *ctl, LhStore *store, GError **error)
{
  const LhCentre *centre = ctl->config->centre;
  const char *verb = ctl->args[0];
  gint64 now = lh_time_now ();

  if (g_strcmp0 (verb, "add") == 0 && ctl->args[1] == NULL && ctl->ulrs != NULL && ctl->ulrs[0] != NULL &&
      ctl->ulrs[1] == NULL && ctl->start != NULL && ctl->minutes > 0)
    {
      g_autoptr(LhPerson) ulr = lh_ctl_find_staff (store, ctl->ulrs[0], LH_ROLE_ULR, "ULR", error);
      g_autoptr(LhAdviceSlot) slot = NULL;
      g_autofree char *when = NULL;
      gint64 start;

      if (ulr == NULL || !lh_ctl_parse_local (ctl->start, centre->tz, &start, error))
        return FALSE;
      slot = lh_advice_slots_offer (store, ulr->id, ulr->id, start, start + (gint64) ctl->minutes * 60, ctl->place,
                                    now, error);
      if (slot == NULL)
        return FALSE;
      when = lh_time_format_iso (slot->start_at, centre->tz);
      g_print ("Advice appointment with %s from %s\n", slot->ulr_name, when);
      return TRUE;
    }
  if (g_strcmp0 (verb, "list") == 0 && ctl->args[1] == NULL)
    {
      g_autoptr(GPtrArray) slots = lh_advice_slots_list (store, now, now + 92 * 24 * 3600, 0, error);

      if (slots == NULL)
        return FALSE;
      for (guint i = 0; i < slots->len; i++)
        {
          const LhAdviceSlot *slot = g_ptr_array_index (slots, i);
          g_autofree char *when = lh_time_format_iso (slot->start_at, centre->tz);

          g_print ("%-25s %-20s %s\n", when, slot->ulr_name, slot->taken ? "taken" : "free");
        }
      return TRUE;
    }
  return lh_ctl_usage_error (error, "advice-slot add --ulr STAFF --start \"YYYY-MM-DD HH:MM\" --minutes N "
                                    "[--place TEXT] | advice-slot list");
}
