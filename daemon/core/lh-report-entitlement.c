/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Entitlements for the whole roster at once, as lh-time-off-balance.c
 * works them out for one person: a year's terms in force part by part,
 * to the second, learning time pro-rated to contracted hours where the
 * terms say so, matched time from own time used in the parts whose terms
 * match it, up to the cap, and each rounded as the balance rounds it. A
 * test holds the two to the same figures. */
#define G_LOG_DOMAIN "lh-report"

#include "lh-report-entitlement.h"

#include "lh-terms.h"

typedef struct
{
  gint64  id;
  double  hours_per_week;
  double  days_per_week;
  gboolean esol_learner;
  gboolean apprentice;
  LhEntitlementShare *share;   /* (unowned) the table's */
} Staff;

/* A part of an agreement year with one version of the terms in force. */
typedef struct
{
  const LhTerms *terms;
  gint64         start;
  gint64         end;
  double         share;   /* of the year */
} Part;

void
lh_entitlement_share_free (LhEntitlementShare *share)
{
  g_free (share->department);
  g_free (share);
}

static int
round_minutes (double minutes)
{
  return (int) (minutes + 0.5);
}

static const LhTerms *
terms_in_force (GArray *versions, gint64 t, const LhTerms *defaults)
{
  const LhTerms *found = defaults;

  for (guint i = 0; i < versions->len && g_array_index (versions, LhTerms, i).valid_from <= t; i++)
    found = &g_array_index (versions, LhTerms, i);
  return found;
}

static gint64
next_year_start (gint64 year_start, GTimeZone *tz)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (year_start);
  g_autoptr(GDateTime) here = g_date_time_to_timezone (start, tz);
  g_autoptr(GDateTime) next = g_date_time_add_years (here, 1);

  return g_date_time_to_unix (next);
}

/* The year's parts, each with the version in force over it. */
static GArray *
year_parts (GArray *versions, const LhTerms *defaults, gint64 year_start, gint64 year_end)
{
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (Part));

  for (gint64 start = year_start; start < year_end;)
    {
      Part part = { terms_in_force (versions, start, defaults), start, year_end, 0 };

      for (guint i = 0; i < versions->len; i++)
        {
          gint64 from = g_array_index (versions, LhTerms, i).valid_from;

          if (from > start && from < part.end)
            part.end = from;
        }
      part.share = (double) (part.end - start) / (double) (year_end - year_start);
      g_array_append_val (parts, part);
      start = part.end;
    }
  return parts;
}

/* What the reads of the ledger for one agreement year are for: the
 * year's own time, and the period's movements within the year. */
typedef struct
{
  GArray                  *parts;
  GHashTable              *shares;
  gint64                   year_start;
  gint64                   year_end;
  gint64                   pass_from;   /* movements in [pass_from, pass_to) go to each_movement */
  gint64                   pass_to;
  LhEntitlementLedgerFunc  each_movement;
  gpointer                 user_data;
} YearRead;

/* Hands on the movements of staff's time in [pass_from, pass_to). */
static gboolean
pass_movements (LhStore *store, const YearRead *year, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row = FALSE;
  gboolean ok;

  if (year->each_movement == NULL)
    return TRUE;
  stmt = lh_store_prepare (store, LH_ENTITLEMENT_LEDGER_SQL, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, year->pass_from);
  sqlite3_bind_int64 (stmt, 2, year->pass_to);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      gint64 person = sqlite3_column_int64 (stmt, LH_ENTITLEMENT_LEDGER_PERSON);

      /* Guests are not staff: their time is nobody's entitlement. */
      if (g_hash_table_contains (year->shares, &person))
        year->each_movement (person, stmt, year->user_data);
    }
  return ok;
}

/* Own time each member of staff spent learning in each part of the year:
 * person id → int[n_parts]. */
static GHashTable *
read_year (LhStore *store, const YearRead *year, GError **error)
{
  g_autoptr(GHashTable) own = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_ENTITLEMENT_OWN_LEARNING_SQL, error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, year->year_start);
  sqlite3_bind_int64 (stmt, 2, year->year_end);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      gint64 person = sqlite3_column_int64 (stmt, 0);
      gint64 at = sqlite3_column_int64 (stmt, 1);
      int *minutes;
      guint p = 0;

      if (!g_hash_table_contains (year->shares, &person))
        continue;
      minutes = g_hash_table_lookup (own, &person);
      if (minutes == NULL)
        {
          minutes = g_new0 (int, year->parts->len);
          g_hash_table_insert (own, g_memdup2 (&person, sizeof person), minutes);
        }
      while (p + 1 < year->parts->len && g_array_index (year->parts, Part, p).end <= at)
        p++;
      minutes[p] += sqlite3_column_int (stmt, 2);
    }
  if (!ok || !pass_movements (store, year, error))
    return NULL;
  return g_steal_pointer (&own);
}

/* One person's entitlement for the year, as the balance gives it, its
 * share added to theirs. */
static void
add_year (const Staff *staff, GArray *parts, const int *own, double share_of_year)
{
  double learning = 0, matched_cap = 0, assessment = 0, esol = 0, apprentice_days = 0;
  int own_matchable = 0;
  int minutes_per_day = round_minutes (staff->hours_per_week * 60.0 / staff->days_per_week);
  int matched;

  for (guint p = 0; p < parts->len; p++)
    {
      const Part *part = &g_array_index (parts, Part, p);
      const LhTerms *terms = part->terms;
      double fraction = 1.0;

      if (terms->pro_rata)
        fraction = MIN (1.0, staff->hours_per_week * 60.0 / terms->full_time_minutes_per_week);
      learning += terms->paid_learning_minutes * fraction * part->share;
      if (terms->matched_time)
        {
          matched_cap += terms->matched_cap_minutes * part->share;
          own_matchable += own != NULL ? own[p] : 0;
        }
      assessment += terms->assessment_minutes * part->share;
      esol += terms->esol_taught_minutes * part->share;
      apprentice_days += terms->apprentice_study_days * part->share;
    }
  matched = MIN (MAX (own_matchable, 0), round_minutes (matched_cap));
  staff->share->minutes[0] += (round_minutes (learning) + matched) * share_of_year;
  staff->share->matched += matched * share_of_year;
  staff->share->minutes[1] += round_minutes (assessment) * share_of_year;
  if (staff->esol_learner)
    staff->share->minutes[2] += round_minutes (esol) * share_of_year;
  if (staff->apprentice)
    staff->share->minutes[3] += round_minutes (apprentice_days * minutes_per_day) * share_of_year;
}

static GArray *
read_staff (LhStore *store, GHashTable *shares, GError **error)
{
  g_autoptr(GArray) staff = g_array_new (FALSE, FALSE, sizeof (Staff));
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_ENTITLEMENT_ROSTER_SQL, error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return NULL;
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      Staff one = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 2),
                    sqlite3_column_double (stmt, 3), sqlite3_column_int (stmt, 4) != 0,
                    sqlite3_column_int (stmt, 5) != 0, g_new0 (LhEntitlementShare, 1) };

      one.share->department = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_hash_table_insert (shares, g_memdup2 (&one.id, sizeof one.id), one.share);
      g_array_append_val (staff, one);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&staff);
}

GHashTable *
lh_report_entitlements (LhStore *store, const LhCentre *centre, GArray *versions, gint64 from, gint64 to,
                        LhEntitlementLedgerFunc each_movement, gpointer user_data, GError **error)
{
  g_autoptr(GHashTable) shares = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) lh_entitlement_share_free);
  g_auto(LhTerms) defaults = { 0 };
  g_autoptr(GArray) staff = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL && versions != NULL, NULL);

  lh_terms_init_defaults (&defaults);
  staff = read_staff (store, shares, error);
  if (staff == NULL)
    return NULL;
  for (gint64 t = from; t < to;)
    {
      gint64 year_start = lh_terms_year_start (terms_in_force (versions, t, &defaults), t, centre->tz);
      gint64 year_end = next_year_start (year_start, centre->tz);
      gint64 end = MIN (to, year_end);
      double share_of_year = (double) (end - t) / (double) (year_end - year_start);
      g_autoptr(GArray) parts = year_parts (versions, &defaults, year_start, year_end);
      /* From t on: should the terms move the year's start, no movement
       * is missed or handed on twice. */
      YearRead year = { parts, shares, year_start, year_end, t, end, each_movement, user_data };
      g_autoptr(GHashTable) own = read_year (store, &year, error);

      if (own == NULL)
        return NULL;
      for (guint i = 0; i < staff->len; i++)
        {
          const Staff *one = &g_array_index (staff, Staff, i);

          add_year (one, parts, g_hash_table_lookup (own, &one->id), share_of_year);
        }
      t = end;
    }
  return g_steal_pointer (&shares);
}
