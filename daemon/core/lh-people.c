/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-people"

#include "lh-people.h"
#include "lh-people-private.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "lh-error.h"
#include "lh-secret.h"

static const char * const role_names[] = { "learner", "ulr", "committee", "admin" };

void
lh_person_free (LhPerson *person)
{
  g_free (person->staff_number);
  g_free (person->name);
  g_free (person->department);
  g_free (person->work_pattern);
  g_free (person);
}

gboolean
lh_roles_parse (const char *text, guint *out_roles, GError **error)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[;,| ]+", text != NULL ? text : "", 0, 0);
  guint roles = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean known = FALSE;

      if (parts[i][0] == '\0')
        continue;
      for (guint r = 0; r < G_N_ELEMENTS (role_names); r++)
        if (g_ascii_strcasecmp (parts[i], role_names[r]) == 0)
          {
            roles |= 1u << r;
            known = TRUE;
          }
      if (!known)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       _("“%.40s” is not a role (learner, ulr, committee, admin)"), parts[i]);
          return FALSE;
        }
    }
  if (roles == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("no role given (learner, ulr, committee, admin)"));
      return FALSE;
    }
  *out_roles = roles;
  return TRUE;
}

GStrv
lh_roles_to_strv (guint roles)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint r = 0; r < G_N_ELEMENTS (role_names); r++)
    if (roles & (1u << r))
      g_strv_builder_add (builder, role_names[r]);
  return g_strv_builder_end (builder);
}

/* Letters and digits, with single dashes between them ("100013",
 * "HR-0042"): never a lone "-", nor a dash at either end. */
gboolean
lh_staff_number_check (const char *staff_number, GError **error)
{
  gsize len = staff_number != NULL ? strlen (staff_number) : 0;

  if (len < 1 || len > 32)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("a staff number has 1 to 32 characters"));
      return FALSE;
    }
  for (gsize i = 0; i < len; i++)
    {
      gboolean dash = staff_number[i] == '-';

      if (!g_ascii_isalnum (staff_number[i]) && !dash)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       _("a staff number has only letters, digits and dashes"));
          return FALSE;
        }
      if (dash && (i == 0 || i == len - 1 || staff_number[i - 1] == '-'))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       _("a staff number starts and ends with a letter or digit, with single dashes between"));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
lh_staff_number_is_guests (const char *staff_number)
{
  return staff_number != NULL && g_ascii_toupper (staff_number[0]) == 'G' && strlen (staff_number) == 7 &&
         strspn (staff_number + 1, "0123456789") == 6;
}

int
lh_people_staff_number_digits (LhStore *store, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_PEOPLE_SIGN_IN_SHAPE_SQL, error);
  gboolean has_row;
  int shortest;

  if (stmt == NULL || !lh_store_step (store, stmt, &has_row, error))
    return -1;
  /* None, lengths that differ, or a letter: the keypad cannot tell. */
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL || sqlite3_column_int (stmt, 2) != 0)
    return 0;
  shortest = sqlite3_column_int (stmt, 0);
  return shortest == sqlite3_column_int (stmt, 1) ? shortest : 0;
}

gboolean
lh_people_save (LhStore *store, const LhPerson *person, gint64 now,
                gint64 *out_id, gboolean *out_created, GError **error)
{
  g_autoptr(LhPerson) existing = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean guest;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (person != NULL, FALSE);

  existing = lh_people_find (store, person->staff_number, &local_error);
  if (existing == NULL && !g_error_matches (local_error, LH_ERROR, LH_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A guest is never made staff in place, nor staff a guest: a roster row
   * with a guest's number would otherwise hand the guest's PIN the row's
   * roles. */
  if (existing != NULL && (existing->sponsor_id != 0) != (person->sponsor_id != 0))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
                   existing->sponsor_id != 0 ? _("%s is a guest’s number, not a member of staff’s")
                                             : _("%s is a member of staff’s number, not a guest’s"),
                   person->staff_number);
      return FALSE;
    }
  guest = person->sponsor_id != 0;
  if (existing != NULL)
    stmt = lh_store_prepare (store,
                             "UPDATE people SET name = ?2, department = ?3, work_pattern = ?4, "
                             "hours_per_week = ?5, roles = ?6, updated_at = ?7, days_per_week = ?9, "
                             "apprentice = ?10, esol_learner = ?11 "
                             "WHERE staff_number = ?1", error);
  else
    stmt = lh_store_prepare (store,
                             "INSERT INTO people (staff_number, name, department, work_pattern, "
                             "hours_per_week, roles, created_at, updated_at, sponsor_id, days_per_week, "
                             "apprentice, esol_learner) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, nullif (?8, 0), ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, person->staff_number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, person->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, person->department != NULL ? person->department : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, person->work_pattern != NULL ? person->work_pattern : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_double (stmt, 5, person->hours_per_week);
  sqlite3_bind_int (stmt, 6, (int) person->roles);
  sqlite3_bind_int64 (stmt, 7, now);
  if (existing == NULL)
    sqlite3_bind_int64 (stmt, 8, person->sponsor_id);
  sqlite3_bind_double (stmt, 9, !guest && person->days_per_week > 0 ? person->days_per_week : 5);
  sqlite3_bind_int (stmt, 10, !guest && person->apprentice);
  sqlite3_bind_int (stmt, 11, !guest && person->esol_learner);
  if (!lh_store_exec (store, stmt, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = existing != NULL ? existing->id : lh_store_last_insert_id (store);
  if (out_created != NULL)
    *out_created = existing == NULL;
  return TRUE;
}

static LhPerson *
person_from_row (LhStmt *stmt)
{
  LhPerson *person = g_new0 (LhPerson, 1);

  person->id = sqlite3_column_int64 (stmt, 0);
  person->staff_number = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  person->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  person->department = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  person->work_pattern = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  person->hours_per_week = sqlite3_column_double (stmt, 5);
  person->roles = (guint) sqlite3_column_int (stmt, 6);
  person->sponsor_id = sqlite3_column_int64 (stmt, 7);
  person->days_per_week = sqlite3_column_double (stmt, 8);
  person->apprentice = sqlite3_column_int (stmt, 9) != 0;
  person->esol_learner = sqlite3_column_int (stmt, 10) != 0;
  return person;
}

#define PERSON_COLUMNS \
  "id, staff_number, name, department, work_pattern, hours_per_week, roles, coalesce(sponsor_id, 0), " \
  "days_per_week, apprentice, esol_learner"

static LhPerson *
get_one (LhStore *store, LhStmt *stmt, GError **error)
{
  gboolean has_row;

  if (!lh_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "No such person");
      lh_error_set_reason (error, "person-not-found");
      return NULL;
    }
  return person_from_row (stmt);
}

GPtrArray *
lh_people_list_with_role (LhStore *store, guint role, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store, "SELECT " PERSON_COLUMNS " FROM people WHERE (roles & ?1) <> 0 ORDER BY name, id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) role);
  return lh_store_collect (store, stmt, (LhRowFunc) person_from_row, (GDestroyNotify) lh_person_free, error);
}

LhPerson *
lh_people_get (LhStore *store, gint64 id, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT " PERSON_COLUMNS " FROM people WHERE id = ?1",
                                             error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return get_one (store, stmt, error);
}

LhPerson *
lh_people_find (LhStore *store, const char *staff_number, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT " PERSON_COLUMNS " FROM people WHERE staff_number = ?1",
                                             error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, staff_number, -1, SQLITE_TRANSIENT);
  return get_one (store, stmt, error);
}

LhPerson *
lh_people_get_by_calendar_key (LhStore *store, gint64 id, const char *key, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT " PERSON_COLUMNS " FROM people WHERE id = ?1 "
                                             "AND calendar_key_hash = ?2", error);
  guint8 hash[LH_TOKEN_HASH_SIZE];

  if (stmt == NULL)
    return NULL;
  lh_token_hash (key != NULL ? key : "", hash);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_blob (stmt, 2, hash, sizeof hash, SQLITE_TRANSIENT);
  return get_one (store, stmt, error);
}

gboolean
lh_people_set_pin_hash (LhStore *store, gint64 person_id, const char *pin_hash,
                        gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "UPDATE people SET pin_hash = ?2, failed_pins = 0, "
                                             "locked_until = 0, updated_at = ?3 WHERE id = ?1",
                                             error);
  g_autoptr(LhStmt) end_sessions = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, pin_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!lh_store_exec (store, stmt, error))
    return FALSE;
  if (lh_store_changes (store) == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "No such person");
      lh_error_set_reason (error, "person-not-found");
      return FALSE;
    }
  /* A PIN is reset because it was forgotten or seen by someone else:
   * whoever signed in with the old one is signed out. */
  end_sessions = lh_store_prepare (store,
                                   "UPDATE sessions SET ended_at = ?2 "
                                   "WHERE person_id = ?1 AND expires_at > ?2 AND ended_at IS NULL", error);
  if (end_sessions == NULL)
    return FALSE;
  sqlite3_bind_int64 (end_sessions, 1, person_id);
  sqlite3_bind_int64 (end_sessions, 2, now);
  return lh_store_exec (store, end_sessions, error);
}

gboolean
lh_people_set_pin (LhStore *store, gint64 person_id, const char *pin, gint64 now, GError **error)
{
  /* Hashed first: Argon2 takes a while, and no write lock is held meanwhile. */
  g_autofree char *hash = lh_pin_hash (pin, error);
  g_autoptr(LhTransaction) tx = NULL;

  return hash != NULL && (tx = lh_store_begin (store, error)) != NULL &&
         lh_people_set_pin_hash (store, person_id, hash, now, error) &&
         lh_transaction_commit (tx, error);
}
