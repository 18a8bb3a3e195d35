/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An admin's adjustment of a balance: time used outside the centre, or
 * given back. It is checked like any other movement: only time the
 * person has an entitlement to, and never a balance below zero. */
#define G_LOG_DOMAIN "lh-time-off"

#include "lh-time-off-private.h"

#include "lh-error.h"
#include "lh-people.h"
#include "lh-time.h"

static int
category_index (const char *category)
{
  for (int i = 0; lh_time_off_categories[i] != NULL; i++)
    if (g_strcmp0 (lh_time_off_categories[i], category) == 0)
      return i;
  return -1;
}

/* ESOL hours and apprentice days are only for those the roster marks so;
 * a guest's time is not the employer's to give at all. */
static gboolean
check_entitled (const LhPerson *person, const char *category, GError **error)
{
  if (person->sponsor_id != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "%s (%s) is a guest: paid time off is for staff",
                   person->name, person->staff_number);
      lh_error_set_reason (error, "staff-only");
      return FALSE;
    }
  if (g_str_equal (category, "esol") && !person->esol_learner)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "%s (%s) is not marked as an ESOL learner, so has no ESOL taught hours; "
                   "mark them in the roster’s esol column first",
                   person->name, person->staff_number);
      lh_error_set_reason (error, "not-esol-learner");
      return FALSE;
    }
  if (g_str_equal (category, "apprentice") && !person->apprentice)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "%s (%s) is not marked as an apprentice, so has no apprentice study days; "
                   "mark them in the roster’s apprentice column first",
                   person->name, person->staff_number);
      lh_error_set_reason (error, "not-apprentice");
      return FALSE;
    }
  return TRUE;
}

/* Taking more than is left, or giving back more than was used, would
 * leave a balance below zero. */
static gboolean
check_balance (LhStore *store, const LhCentre *centre, const LhPerson *person, const char *category,
               int minutes, gint64 at, GError **error)
{
  LhTimeOffBalance balance;
  const LhTimeOffCategory *found = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *asked = lh_time_format_duration (ABS (minutes));

  if (!lh_time_off_balance (store, centre, person->id, at, &balance, error))
    return FALSE;
  for (guint i = 0; i < balance.n_categories; i++)
    if (g_str_equal (balance.categories[i].category, category))
      found = &balance.categories[i];
  g_return_val_if_fail (found != NULL, FALSE);
  last_day = lh_time_format_long_date (balance.year_end - 12 * 3600, centre->tz);
  if (minutes > 0 && minutes > found->remaining_minutes)
    {
      g_autofree char *left = lh_time_format_duration (MAX (found->remaining_minutes, 0));

      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
                   "%s (%s) has %s of %s left this agreement year (to %s): recording %s as taken "
                   "would take it below zero",
                   person->name, person->staff_number, left, lh_time_off_category_words (category), last_day,
                   asked);
      lh_error_set_reason (error, "adjust-below-zero");
      lh_error_add_number (error, "left_minutes", MAX (found->remaining_minutes, 0));
      lh_error_add_number (error, "asked_minutes", minutes);
      return FALSE;
    }
  /* A correction may give back time booked and not yet settled as taken
   * (left a session early), but never more than was taken or booked. */
  if (minutes < 0 && -minutes > found->taken_minutes + found->booked_minutes)
    {
      g_autofree char *used = lh_time_format_duration (MAX (found->taken_minutes + found->booked_minutes, 0));

      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
                   "%s (%s) has taken or booked %s of %s this agreement year (to %s): giving back %s "
                   "would take that below zero",
                   person->name, person->staff_number, used, lh_time_off_category_words (category), last_day,
                   asked);
      lh_error_set_reason (error, "adjust-beyond-entitlement");
      return FALSE;
    }
  return TRUE;
}

gboolean
lh_time_off_adjust (LhStore *store, const LhCentre *centre, gint64 person_id, const char *category, int minutes,
                    gint64 at, const char *reason, const LhActor *actor, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhPerson) person = NULL;
  LhLedgerWrite entry = { 0 };

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (centre != NULL, FALSE);
  g_return_val_if_fail (actor != NULL && actor->name != NULL, FALSE);

  if (category_index (category) < 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "Adjust learning, assessment, esol or apprentice time, not “%s”", category ? category : "");
      lh_error_set_reason (error, "category-unknown");
      return FALSE;
    }
  if (minutes == 0 || ABS (minutes) > 366 * 24 * 60)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Adjust by some minutes, up to a year's worth");
      lh_error_set_reason (error, "adjust-minutes-range");
      return FALSE;
    }
  if (at > now || at < now - 366 * 24 * 3600)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Adjust time from the past year, not the future");
      return FALSE;
    }
  if (!lh_time_off_check_reason (reason, TRUE, error))
    return FALSE;
  /* The balance is read and written in one transaction, so that two
   * adjustments at once cannot both pass on the same remainder. */
  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  person = lh_people_get (store, person_id, error);
  if (person == NULL ||
      !check_entitled (person, category, error) ||
      !check_balance (store, centre, person, category, minutes, at, error))
    return FALSE;
  entry.person_id = person_id;
  entry.category = lh_time_off_categories[category_index (category)];
  entry.kind = "adjusted";
  entry.at = at;
  entry.minutes = minutes;
  entry.taken_delta = minutes;
  entry.reason = reason;
  entry.actor_id = actor->actor_id;
  entry.actor_name = actor->name;
  return lh_time_off_ledger_add (store, &entry, now, error) && lh_transaction_commit (tx, error);
}
