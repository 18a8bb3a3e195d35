/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-guests"

#include "lh-guests.h"

#include <sodium.h>

#include "lh-error.h"
#include "lh-secret.h"
#include "lh-text.h"

int
lh_guests_count (LhStore *store, gint64 sponsor_id, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "SELECT count(*) FROM people WHERE sponsor_id = ?1", error);
  gboolean has_row;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, sponsor_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return -1;
  return sqlite3_column_int (stmt, 0);
}

LhPerson *
lh_guests_register (LhStore *store, gint64 sponsor_id, const char *name, gint64 now,
                    char **out_pin, GError **error)
{
  g_autoptr(LhPerson) sponsor = NULL;
  g_autoptr(LhTransaction) tx = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *hash = NULL;
  LhPerson guest = { 0 };
  gint64 id;
  int n;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (out_pin != NULL, NULL);

  clean = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (clean[0] == '\0' || !lh_text_check (clean, -1, LH_TEXT_LINE, LH_PERSON_NAME_MAX_CHARS, "name", NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Give your guest's name on one line, up to %d characters",
                   LH_PERSON_NAME_MAX_CHARS);
      lh_error_set_reason (error, "name-invalid");
      lh_error_set_max_chars (error, LH_PERSON_NAME_MAX_CHARS);
      return NULL;
    }
  sponsor = lh_people_get (store, sponsor_id, error);
  if (sponsor == NULL)
    return NULL;
  if (sponsor->sponsor_id != 0 || (sponsor->roles & LH_ROLE_LEARNER) == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_FORBIDDEN, "Only members of staff can register guests");
      lh_error_set_reason (error, "staff-only");
      return NULL;
    }

  /* Slow on purpose; done before the write lock is taken. */
  pin = lh_pin_generate (6);
  hash = lh_pin_hash (pin, error);
  if (hash == NULL)
    return NULL;

  tx = lh_store_begin (store, error);
  if (tx == NULL || (n = lh_guests_count (store, sponsor_id, error)) < 0)
    return NULL;
  if (n >= LH_GUESTS_PER_SPONSOR)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "You already have %d guests registered, the most there can be",
                   LH_GUESTS_PER_SPONSOR);
      lh_error_set_reason (error, "guest-limit");
      lh_error_add_number (error, "limit_guests", LH_GUESTS_PER_SPONSOR);
      return NULL;
    }
  guest.name = clean;
  guest.department = (char *) "Guest";
  guest.work_pattern = (char *) "";
  guest.hours_per_week = 0;
  guest.roles = LH_ROLE_LEARNER;
  guest.sponsor_id = sponsor_id;
  /* A guest number nobody has: G and six random digits. */
  for (int tries = 0; ; tries++)
    {
      g_autofree char *number = g_strdup_printf ("G%06u", randombytes_uniform (1000000));
      g_autoptr(LhPerson) taken = lh_people_find (store, number, NULL);

      if (taken == NULL)
        {
          guest.staff_number = g_steal_pointer (&number);
          break;
        }
      /* Never someone else's number: that would be their account. */
      if (tries > 20)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "No free guest number was found");
          return NULL;
        }
    }
  if (!lh_people_save (store, &guest, now, &id, NULL, error) ||
      !lh_people_set_pin_hash (store, id, hash, now, error) ||
      !lh_transaction_commit (tx, error))
    {
      g_free (guest.staff_number);
      return NULL;
    }
  g_free (guest.staff_number);
  *out_pin = g_steal_pointer (&pin);
  return lh_people_get (store, id, error);
}
