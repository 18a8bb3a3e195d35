/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-terms"

#include "lh-terms.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lh-error.h"
#include "lh-text.h"
#include "lh-time.h"

/* As DOMAIN.md names them: what the model agreement lets paid time pay for. */
const char * const lh_terms_activities[] = {
  "ulr-advice",        /* time with a ULR for information and advice */
  "skills-for-life",   /* English and maths assessments, learning, exams to Level 2 */
  "centre-learning",   /* agreed learning in the centre */
  "group-study",       /* work-based group study sessions */
  "further-study",     /* further study leave */
  NULL,
};

#define MAX_YEAR_MINUTES (366 * 24 * 60)

/* What a centre has before it imports its own: the model agreement's
 * lower figure of 5 days a year, everything else at its plainest. */
void
lh_terms_init_defaults (LhTerms *terms)
{
  memset (terms, 0, sizeof *terms);
  terms->name = g_strdup ("Model learning agreement");
  terms->year_start_month = 4;
  terms->paid_learning_minutes = 5 * 450;
  terms->paid_activities = g_strdupv ((char **) lh_terms_activities);
  terms->full_time_minutes_per_week = 2250;
  terms->pro_rata = TRUE;
  terms->matched_time = FALSE;
  terms->matched_cap_minutes = 0;
  terms->esol_taught_minutes = 0;
  terms->assessment_minutes = 450;
  terms->apprentice_study_days = 0;
  terms->ulr_facility_minutes_per_week = 300;
  terms->auto_approve = TRUE;
  terms->suppression_threshold = 5;
  /* No minimum kit until the agreement says; a fault fixed within a week. */
  terms->fault_days_at_most = 7;
  terms->decide_within_days = 5;
}

void
lh_terms_clear (LhTerms *terms)
{
  g_clear_pointer (&terms->name, g_free);
  g_clear_pointer (&terms->paid_activities, g_strfreev);
}

/* ---- the key file --------------------------------------------------------- */

typedef enum { KIND_HOURS, KIND_INT, KIND_BOOL, KIND_OTHER } Kind;

static const struct
{
  const char *group;
  const char *key;
  Kind        kind;
  int         min, max;      /* hours as minutes, or the whole number */
  gsize       offset;        /* in LhTerms; 0 for KIND_OTHER */
} keys[] = {
  { "agreement", "in-force-from", KIND_OTHER, 0, 0, 0 },
  { "agreement", "name", KIND_OTHER, 0, 0, 0 },
  { "agreement", "year-start-month", KIND_INT, 1, 12, G_STRUCT_OFFSET (LhTerms, year_start_month) },
  { "time-off", "paid-learning-hours", KIND_HOURS, 0, MAX_YEAR_MINUTES,
    G_STRUCT_OFFSET (LhTerms, paid_learning_minutes) },
  { "time-off", "activities", KIND_OTHER, 0, 0, 0 },
  { "time-off", "full-time-hours-per-week", KIND_HOURS, 60, 80 * 60,
    G_STRUCT_OFFSET (LhTerms, full_time_minutes_per_week) },
  { "time-off", "pro-rata", KIND_BOOL, 0, 0, G_STRUCT_OFFSET (LhTerms, pro_rata) },
  { "time-off", "matched-time", KIND_BOOL, 0, 0, G_STRUCT_OFFSET (LhTerms, matched_time) },
  { "time-off", "matched-time-cap-hours", KIND_HOURS, 0, MAX_YEAR_MINUTES,
    G_STRUCT_OFFSET (LhTerms, matched_cap_minutes) },
  { "time-off", "esol-taught-hours", KIND_HOURS, 0, MAX_YEAR_MINUTES,
    G_STRUCT_OFFSET (LhTerms, esol_taught_minutes) },
  { "time-off", "assessment-and-exam-hours", KIND_HOURS, 0, MAX_YEAR_MINUTES,
    G_STRUCT_OFFSET (LhTerms, assessment_minutes) },
  { "time-off", "apprentice-study-days", KIND_INT, 0, 366, G_STRUCT_OFFSET (LhTerms, apprentice_study_days) },
  { "time-off", "auto-approve", KIND_BOOL, 0, 0, G_STRUCT_OFFSET (LhTerms, auto_approve) },
  { "time-off", "decide-within-days", KIND_INT, 1, 365, G_STRUCT_OFFSET (LhTerms, decide_within_days) },
  { "ulr", "facility-hours-per-week", KIND_HOURS, 0, 40 * 60,
    G_STRUCT_OFFSET (LhTerms, ulr_facility_minutes_per_week) },
  { "committee", "suppression-threshold", KIND_INT, 1, 100, G_STRUCT_OFFSET (LhTerms, suppression_threshold) },
#define MINIMUM(key, kind) \
  { "equipment", key, KIND_INT, 0, 10000, G_STRUCT_OFFSET (LhTerms, equipment_minimum[kind]) }
  /* In the order of lh_equipment_kinds. */
  MINIMUM ("minimum-computers", 0),
  MINIMUM ("minimum-monitors", 1),
  MINIMUM ("minimum-desks", 2),
  MINIMUM ("minimum-chairs", 3),
  MINIMUM ("minimum-lockable-cabinets", 4),
  MINIMUM ("minimum-headsets", 5),
  MINIMUM ("minimum-printers", 6),
  MINIMUM ("minimum-accessibility-items", 7),
  MINIMUM ("minimum-other-items", 8),
#undef MINIMUM
  { "equipment", "fault-open-days-at-most", KIND_INT, 1, 365, G_STRUCT_OFFSET (LhTerms, fault_days_at_most) },
};

static gboolean
known_key (const char *group, const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (keys[i].group, group) && g_str_equal (keys[i].key, key))
      return TRUE;
  return FALSE;
}

static gboolean
check_known (GKeyFile *key_file, GError **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (key_file, NULL);

  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_auto(GStrv) names = g_key_file_get_keys (key_file, groups[g], NULL, NULL);

      for (guint k = 0; names != NULL && names[k] != NULL; k++)
        if (!known_key (groups[g], names[k]))
          {
            g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("[%s] %s is not one of the terms learnhub knows"),
                         groups[g], names[k]);
            return FALSE;
          }
    }
  return TRUE;
}

static gboolean
read_value (GKeyFile *key_file, guint i, LhTerms *terms, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  int *field = G_STRUCT_MEMBER_P (terms, keys[i].offset);

  if (!g_key_file_has_key (key_file, keys[i].group, keys[i].key, NULL))
    return TRUE;
  if (keys[i].kind == KIND_BOOL)
    {
      gboolean value = g_key_file_get_boolean (key_file, keys[i].group, keys[i].key, &local_error);

      if (local_error != NULL)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("[%s] %s is true or false"), keys[i].group, keys[i].key);
          return FALSE;
        }
      *(gboolean *) field = value;
      return TRUE;
    }
  if (keys[i].kind == KIND_HOURS)
    {
      double hours = g_key_file_get_double (key_file, keys[i].group, keys[i].key, &local_error);
      double minutes = hours * 60;

      if (local_error != NULL || !isfinite (hours) || minutes < keys[i].min || minutes > keys[i].max)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("[%s] %s is a number of hours from %g to %g"),
                       keys[i].group, keys[i].key, keys[i].min / 60.0, keys[i].max / 60.0);
          return FALSE;
        }
      *field = (int) (minutes + 0.5);
      return TRUE;
    }
  {
    int value = g_key_file_get_integer (key_file, keys[i].group, keys[i].key, &local_error);

    if (local_error != NULL || value < keys[i].min || value > keys[i].max)
      {
        g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("[%s] %s is a whole number from %d to %d"),
                     keys[i].group, keys[i].key, keys[i].min, keys[i].max);
        return FALSE;
      }
    *field = value;
  }
  return TRUE;
}

static gboolean
read_activities (GKeyFile *key_file, LhTerms *terms, GError **error)
{
  g_auto(GStrv) list = NULL;
  gsize n = 0;

  if (!g_key_file_has_key (key_file, "time-off", "activities", NULL))
    return TRUE;
  list = g_key_file_get_string_list (key_file, "time-off", "activities", &n, NULL);
  for (gsize i = 0; list != NULL && i < n; i++)
    {
      g_strstrip (list[i]);
      if (!g_strv_contains (lh_terms_activities, list[i]))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) lh_terms_activities);

          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("[time-off] activities: “%s” is not one of %s"),
                       list[i], known);
          return FALSE;
        }
    }
  g_strfreev (terms->paid_activities);
  terms->paid_activities = list != NULL ? g_steal_pointer (&list) : g_new0 (char *, 1);
  return TRUE;
}

gboolean
lh_terms_from_key_file (GKeyFile *key_file, GTimeZone *tz, LhTerms *out_terms, GError **error)
{
  g_auto(LhTerms) terms = { 0 };
  g_autofree char *from = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (key_file != NULL && tz != NULL && out_terms != NULL, FALSE);

  lh_terms_init_defaults (&terms);
  if (!check_known (key_file, error))
    return FALSE;
  from = g_key_file_get_string (key_file, "agreement", "in-force-from", NULL);
  if (from == NULL || !lh_time_parse_date (g_strstrip (from), tz, &terms.valid_from, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("[agreement] in-force-from is the date the terms begin, "
                   "YYYY-MM-DD"));
      return FALSE;
    }
  name = g_key_file_get_string (key_file, "agreement", "name", NULL);
  /* GKeyFile turns "\n" and "\t" into the characters: the name is shown
   * on one line (kiosk, reports), so no control character may pass. */
  if (name == NULL || g_strstrip (name)[0] == '\0' ||
      !lh_text_check (name, -1, LH_TEXT_LINE, 200, "the name", NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("[agreement] name is the agreement's name, up to 200 "
                   "characters"));
      return FALSE;
    }
  g_free (terms.name);
  terms.name = g_steal_pointer (&name);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (keys[i].kind != KIND_OTHER && !read_value (key_file, i, &terms, error))
      return FALSE;
  if (!read_activities (key_file, &terms, error))
    return FALSE;
  *out_terms = terms;
  memset (&terms, 0, sizeof terms);
  return TRUE;
}

/* ---- versions in the store ----------------------------------------------- */

#define TERMS_COLUMNS \
  "valid_from, name, year_start_month, paid_learning_minutes, paid_activities, full_time_minutes_per_week, " \
  "pro_rata, matched_time, matched_cap_minutes, esol_taught_minutes, assessment_minutes, " \
  "apprentice_study_days, ulr_facility_minutes_per_week, auto_approve, suppression_threshold, " \
  "equipment_minimums, fault_days_at_most, decide_within_days"

/* The minimums as stored: "computer=8;desk=8", the kinds with one. */
static char *
minimums_to_text (const LhTerms *terms)
{
  GString *text = g_string_new (NULL);

  for (int k = 0; k < LH_EQUIPMENT_N_KINDS; k++)
    if (terms->equipment_minimum[k] > 0)
      g_string_append_printf (text, "%s%s=%d", text->len > 0 ? ";" : "", lh_equipment_kinds[k],
                              terms->equipment_minimum[k]);
  return g_string_free (text, FALSE);
}

/* Read back strictly: the text is minimums_to_text's, so anything else
 * is a damaged row, never silently a minimum of 0. */
static gboolean
minimums_from_text (const char *text, LhTerms *terms, GError **error)
{
  g_auto(GStrv) pairs = g_strsplit (text, ";", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *equals = strchr (pairs[i], '=');
      g_autofree char *kind = equals != NULL ? g_strndup (pairs[i], equals - pairs[i]) : NULL;
      int k = lh_equipment_kind_index (kind);
      gint64 minimum = 0;

      if (k < 0 || !g_ascii_string_to_signed (equals + 1, 10, 0, 10000, &minimum, NULL))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL,
                       "The terms' equipment minimums “%s” cannot be read at “%s”", text, pairs[i]);
          return FALSE;
        }
      terms->equipment_minimum[k] = (int) minimum;
    }
  return TRUE;
}

static gboolean
terms_from_row (LhStmt *stmt, LhTerms *terms, GError **error)
{
  const char *activities = (const char *) sqlite3_column_text (stmt, 4);

  memset (terms, 0, sizeof *terms);
  terms->valid_from = sqlite3_column_int64 (stmt, 0);
  terms->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  terms->year_start_month = sqlite3_column_int (stmt, 2);
  terms->paid_learning_minutes = sqlite3_column_int (stmt, 3);
  terms->paid_activities = activities[0] != '\0' ? g_strsplit (activities, ";", -1) : g_new0 (char *, 1);
  terms->full_time_minutes_per_week = sqlite3_column_int (stmt, 5);
  terms->pro_rata = sqlite3_column_int (stmt, 6) != 0;
  terms->matched_time = sqlite3_column_int (stmt, 7) != 0;
  terms->matched_cap_minutes = sqlite3_column_int (stmt, 8);
  terms->esol_taught_minutes = sqlite3_column_int (stmt, 9);
  terms->assessment_minutes = sqlite3_column_int (stmt, 10);
  terms->apprentice_study_days = sqlite3_column_int (stmt, 11);
  terms->ulr_facility_minutes_per_week = sqlite3_column_int (stmt, 12);
  terms->auto_approve = sqlite3_column_int (stmt, 13) != 0;
  terms->suppression_threshold = sqlite3_column_int (stmt, 14);
  terms->fault_days_at_most = sqlite3_column_int (stmt, 16);
  terms->decide_within_days = sqlite3_column_int (stmt, 17);
  if (!minimums_from_text ((const char *) sqlite3_column_text (stmt, 15), terms, error))
    {
      lh_terms_clear (terms);
      return FALSE;
    }
  return TRUE;
}

gboolean
lh_terms_at (LhStore *store, gint64 t, LhTerms *out_terms, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_terms != NULL, FALSE);

  stmt = lh_store_prepare (store,
                           "SELECT " TERMS_COLUMNS " FROM terms_versions WHERE valid_from <= ?1 "
                           "ORDER BY valid_from DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    return terms_from_row (stmt, out_terms, error);
  lh_terms_init_defaults (out_terms);
  return TRUE;
}

GArray *
lh_terms_list (LhStore *store, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GArray) versions = g_array_new (FALSE, FALSE, sizeof (LhTerms));
  gboolean has_row = FALSE;
  gboolean ok;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  g_array_set_clear_func (versions, (GDestroyNotify) lh_terms_clear);
  stmt = lh_store_prepare (store, "SELECT " TERMS_COLUMNS " FROM terms_versions ORDER BY valid_from", error);
  if (stmt == NULL)
    return NULL;
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      LhTerms terms;

      if (!terms_from_row (stmt, &terms, error))
        return NULL;
      g_array_append_val (versions, terms);
    }
  return ok ? g_steal_pointer (&versions) : NULL;
}

gboolean
lh_terms_add_version (LhStore *store, const LhCentre *centre, const LhTerms *terms, const char *created_by,
                      gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhStmt) count = NULL;
  g_autoptr(LhStmt) insert = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *activities = NULL;
  g_autofree char *minimums = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (centre != NULL && terms != NULL && terms->name != NULL, FALSE);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  count = lh_store_prepare (store, "SELECT count(*) FROM terms_versions", error);
  if (count == NULL || !lh_store_step (store, count, &has_row, error))
    return FALSE;
  if (sqlite3_column_int (count, 0) > 0 && terms->valid_from < lh_time_local_midnight (now, centre->tz))
    {
      g_autofree char *today = lh_time_format_date (now, centre->tz);

      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("New terms begin today (%s) or later: the time already passed was judged by the terms "
                   "in force then"), today);
      return FALSE;
    }
  activities = g_strjoinv (";", terms->paid_activities);
  minimums = minimums_to_text (terms);
  insert = lh_store_prepare (store,
                             "INSERT INTO terms_versions (" TERMS_COLUMNS ", created_at, created_by) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?18, ?19, "
                             "?20, ?16, ?17)",
                             error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, terms->valid_from);
  sqlite3_bind_text (insert, 2, terms->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (insert, 3, terms->year_start_month);
  sqlite3_bind_int (insert, 4, terms->paid_learning_minutes);
  sqlite3_bind_text (insert, 5, activities, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (insert, 6, terms->full_time_minutes_per_week);
  sqlite3_bind_int (insert, 7, terms->pro_rata);
  sqlite3_bind_int (insert, 8, terms->matched_time);
  sqlite3_bind_int (insert, 9, terms->matched_cap_minutes);
  sqlite3_bind_int (insert, 10, terms->esol_taught_minutes);
  sqlite3_bind_int (insert, 11, terms->assessment_minutes);
  sqlite3_bind_int (insert, 12, terms->apprentice_study_days);
  sqlite3_bind_int (insert, 13, terms->ulr_facility_minutes_per_week);
  sqlite3_bind_int (insert, 14, terms->auto_approve);
  sqlite3_bind_int (insert, 15, terms->suppression_threshold);
  sqlite3_bind_int64 (insert, 16, now);
  sqlite3_bind_text (insert, 17, created_by, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 18, minimums, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (insert, 19, terms->fault_days_at_most);
  sqlite3_bind_int (insert, 20, terms->decide_within_days);
  if (!lh_store_exec (store, insert, &local_error))
    {
      if (g_error_matches (local_error, LH_ERROR, LH_ERROR_CONFLICT))
        {
          g_autofree char *date = lh_time_format_date (terms->valid_from, centre->tz);

          g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, _("There are terms from %s already"), date);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return lh_transaction_commit (tx, error);
}

gint64
lh_terms_year_start (const LhTerms *terms, gint64 t, GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) here = g_date_time_to_timezone (utc, tz);
  int year = g_date_time_get_year (here);
  g_autoptr(GDateTime) start = NULL;

  g_return_val_if_fail (terms != NULL, 0);

  if (g_date_time_get_month (here) < terms->year_start_month)
    year--;
  start = g_date_time_new (tz, year, terms->year_start_month, 1, 0, 0, 0);
  return g_date_time_to_unix (start);
}

gboolean
lh_terms_pays_for (const LhTerms *terms, const char *activity)
{
  g_return_val_if_fail (terms != NULL, FALSE);
  return activity != NULL && terms->paid_activities != NULL &&
         g_strv_contains ((const char * const *) terms->paid_activities, activity);
}
