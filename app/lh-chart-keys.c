/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-chart"

#include "lh-chart-keys.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lh-time-format.h"

typedef struct
{
  const char *table;  /* NULL: any table */
  const char *key;
  const char *words;
} KeyWords;

/* Rows and columns share keys across tables ("other", "all", "minutes"):
 * a table's own entry is looked for before one for any table. The
 * English is the daemon's, so that both say the same. */
static const KeyWords keys[] = {
  /* usage */
  { NULL, "all", N_("All PCs") },
  { "sittings", "all", N_("All sittings") },
  { NULL, "minutes", N_("Time used") },
  { "capacity-minutes", "minutes", N_("Time open") },
  { NULL, "learners", N_("Learners") },
  { NULL, "booked", N_("Booked") },
  { NULL, "walk-up", N_("Walk-up") },
  { NULL, "no-shows", N_("No-shows") },
  { NULL, "guests", N_("Guests") },
  { "busy-hours", "mon", N_("Monday") },
  { "busy-hours", "tue", N_("Tuesday") },
  { "busy-hours", "wed", N_("Wednesday") },
  { "busy-hours", "thu", N_("Thursday") },
  { "busy-hours", "fri", N_("Friday") },
  { "busy-hours", "sat", N_("Saturday") },
  { "busy-hours", "sun", N_("Sunday") },
  /* time-off: the categories, and what is counted of them */
  { NULL, "learning", N_("Paid learning time") },
  { NULL, "assessment", N_("Assessment and exam time") },
  { NULL, "esol", N_("ESOL class time") },
  { NULL, "apprentice", N_("Apprentice study time") },
  { NULL, "entitlement", N_("Entitlement") },
  { NULL, "granted", N_("Granted") },
  { NULL, "taken", N_("Time taken") },
  { NULL, "own-time", N_("Own time used") },
  { NULL, "matched", N_("Paid time matched") },
  { NULL, "requests", N_("Requests") },
  { NULL, "needed-decision", N_("Waited for a decision") },
  { NULL, "decided-late", N_("Decided late") },
  { NULL, "not-decided", N_("Not decided in time") },
  { "minutes-by-department", "", N_("No department") },
  /* facility-time */
  { NULL, "used", N_("Used") },
  { NULL, "agreed", N_("Agreed") },
  { NULL, "over-run", N_("Over agreed") },
  /* advice: topics, outcomes, waits */
  { "requests-by-topic", "english-maths", N_("English and maths") },
  { "requests-by-topic", "esol", N_("ESOL") },
  { "requests-by-topic", "digital", N_("Digital skills") },
  { "requests-by-topic", "courses-funding", N_("Courses and funding") },
  { "requests-by-topic", "apprenticeships", N_("Apprenticeships") },
  { "requests-by-topic", "higher-education", N_("Higher education") },
  { "requests-by-topic", "careers", N_("Careers") },
  { "requests-by-topic", "time-to-train", N_("Time to train") },
  { "requests-by-topic", "dyslexia", N_("Dyslexia") },
  { "requests-by-topic", "learning-mot", N_("Learning MOT") },
  { "requests-by-topic", "other", N_("Other") },
  { "requests-by-outcome", "signposted-course", N_("Signposted to a course") },
  { "requests-by-outcome", "assessment-booked", N_("Assessment booked") },
  { "requests-by-outcome", "learning-plan-agreed", N_("Learning plan agreed") },
  { "requests-by-outcome", "referred-careers-service", N_("Referred to the careers service") },
  { "requests-by-outcome", "funding-advice", N_("Funding advice") },
  { "requests-by-outcome", "time-to-train-explained", N_("Time to train explained") },
  { "requests-by-outcome", "follow-up-booked", N_("Follow-up booked") },
  { "requests-by-outcome", "other", N_("Other") },
  { "queue-waits", "under-10-minutes", N_("Under 10 minutes") },
  { "queue-waits", "10-to-30-minutes", N_("10 to 30 minutes") },
  { "queue-waits", "30-to-60-minutes", N_("30 to 60 minutes") },
  { "queue-waits", "over-60-minutes", N_("Over an hour") },
  { "queue-waits", "not-called", N_("Not called") },
  /* equipment: kinds (the same in both tables), and faults by age */
  { NULL, "computer", N_("Computers") },
  { NULL, "monitor", N_("Monitors") },
  { NULL, "desk", N_("Desks") },
  { NULL, "chair", N_("Chairs") },
  { NULL, "lockable-cabinet", N_("Lockable cabinets") },
  { NULL, "headset", N_("Headsets") },
  { NULL, "printer", N_("Printers") },
  { NULL, "accessibility", N_("Accessibility equipment") },
  { "working-against-minimum", "other", N_("Other equipment") },
  { "minutes-below-minimum", "other", N_("Other equipment") },
  { NULL, "minimum", N_("Agreed minimum") },
  { NULL, "working-at-end", N_("Working at the end") },
  { NULL, "working-lowest", N_("Fewest working") },
  { NULL, "minutes-below", N_("Time below the minimum") },
  { NULL, "faults", N_("Faults") },
  { NULL, "under-1-week", N_("Under a week") },
  { NULL, "1-to-4-weeks", N_("1 to 4 weeks") },
  { NULL, "over-4-weeks", N_("Over 4 weeks") },
  /* equality: a table per factor, its groups */
  { NULL, "workforce", N_("Workforce") },
  { NULL, "prefer-not-to-say", N_("Prefer not to say") },
  { NULL, "not-declared", N_("Not declared") },
  { "age-band", "16-24", N_("16 to 24") },
  { "age-band", "25-34", N_("25 to 34") },
  { "age-band", "35-44", N_("35 to 44") },
  { "age-band", "45-54", N_("45 to 54") },
  { "age-band", "55-64", N_("55 to 64") },
  { "age-band", "65-plus", N_("65 and over") },
  { "gender", "woman", N_("Woman") },
  { "gender", "man", N_("Man") },
  { "gender", "non-binary", N_("Non-binary") },
  { "gender", "other", N_("Another way") },
  { "ethnicity", "asian", N_("Asian or Asian British") },
  { "ethnicity", "black", N_("Black or Black British") },
  { "ethnicity", "mixed", N_("Mixed or multiple") },
  { "ethnicity", "white", N_("White") },
  { "ethnicity", "other", N_("Another ethnic group") },
  { "disability", "yes", N_("Yes") },
  { "disability", "no", N_("No") },
  { "caring", "yes", N_("Yes") },
  { "caring", "no", N_("No") },
  { "work-pattern", "full-time", N_("Full-time") },
  { "work-pattern", "part-time", N_("Part-time") },
  { "work-pattern", "shifts", N_("Shifts") },
  { "work-pattern", "nights", N_("Nights") },
  { "work-pattern", "other", N_("Another pattern") },
  { "qualifications", "none", N_("No formal qualifications") },
  { "qualifications", "level-1-2", N_("Level 1 or 2 (GCSE or similar)") },
  { "qualifications", "level-3", N_("Level 3 (A level or similar)") },
  { "qualifications", "level-4-plus", N_("Level 4 or above") },
};

/* Rows that are names the centre chose: its PCs, departments, ULRs. */
static const char * const named_rows[] = { "minutes-by-pc", "minutes-by-department", "used-against-agreed" };

static const char *
look_up (const char *table_id, const char *key)
{
  const char *any = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (!g_str_equal (keys[i].key, key))
        continue;
      if (keys[i].table == NULL)
        any = keys[i].words;
      else if (g_strcmp0 (keys[i].table, table_id) == 0)
        return keys[i].words;
    }
  return any;
}

/* A row keyed by a day, YYYY-MM-DD: the Monday of its week. */
static GDateTime *
parse_day (const char *key)
{
  int year, month, day;
  char end;

  if (strlen (key) != 10 || sscanf (key, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3)
    return NULL;
  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

/* An hour of busy-hours, "00" to "23". */
static GDateTime *
parse_hour (const char *table_id, const char *key)
{
  guint64 hour;

  if (g_strcmp0 (table_id, "busy-hours") != 0 || strlen (key) != 2 ||
      !g_ascii_string_to_unsigned (key, 10, 0, 23, &hour, NULL))
    return NULL;
  return g_date_time_new_utc (2000, 1, 3, (int) hour, 0, 0);
}

/* A department's "learning-granted": the category, and which. */
static char *
category_column (const char *table_id, const char *key)
{
  const char *dash = strrchr (key, '-');
  g_autofree char *category = NULL;
  const char *words;

  if (g_strcmp0 (table_id, "minutes-by-department") != 0 || dash == NULL)
    return NULL;
  category = g_strndup (key, dash - key);
  words = look_up (NULL, category);
  if (words == NULL)
    return NULL;
  if (g_str_equal (dash + 1, "granted"))
    /* Translators: a column of paid time off by department, "Paid learning time, granted" */
    return g_strdup_printf (_("%s, granted"), _(words));
  if (g_str_equal (dash + 1, "taken"))
    /* Translators: a column of paid time off by department, "Paid learning time, taken" */
    return g_strdup_printf (_("%s, taken"), _(words));
  return NULL;
}

gboolean
lh_chart_axis_named (const char *table_id,
                     gboolean    row)
{
  for (guint i = 0; row && i < G_N_ELEMENTS (named_rows); i++)
    if (g_strcmp0 (table_id, named_rows[i]) == 0)
      return TRUE;
  return FALSE;
}

char *
lh_chart_key_words (const char *table_id,
                    gboolean    row,
                    const char *key,
                    const char *fallback)
{
  g_autoptr(GDateTime) time = NULL;
  const char *words;
  char *composed;

  if (key == NULL)
    return g_strdup (fallback);
  /* A name the centre chose is its own label, even if it looks like a
   * key ("Office", "Other"). */
  if (lh_chart_axis_named (table_id, row) && !(g_strcmp0 (table_id, "minutes-by-department") == 0 && *key == '\0'))
    return g_strdup (fallback);
  if (row && (time = parse_day (key)) != NULL)
    /* Translators: a row of a report, the week starting that Monday, as a
     * g_date_time_format() pattern: "Week of 6 July" */
    return g_date_time_format (time, _("Week of %-d %B"));
  if (!row && (time = parse_hour (table_id, key)) != NULL)
    return lh_format_clock (time);
  if (!row && (composed = category_column (table_id, key)) != NULL)
    return composed;
  words = look_up (table_id, key);
  return g_strdup (words != NULL ? _(words) : fallback);
}

gboolean
lh_chart_key_known (const char *table_id,
                    gboolean    row,
                    const char *key)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) hour = NULL;
  g_autofree char *composed = NULL;

  g_return_val_if_fail (key != NULL, FALSE);

  if (row && (day = parse_day (key)) != NULL)
    return TRUE;
  if (!row && (hour = parse_hour (table_id, key)) != NULL)
    return TRUE;
  if (!row && (composed = category_column (table_id, key)) != NULL)
    return TRUE;
  return look_up (table_id, key) != NULL;
}

static void
relabel (const char *table_id, gboolean row, GPtrArray *keys_of, GPtrArray *labels)
{
  for (guint i = 0; i < labels->len && i < keys_of->len; i++)
    {
      char *words = lh_chart_key_words (table_id, row, g_ptr_array_index (keys_of, i),
                                        g_ptr_array_index (labels, i));

      g_free (g_ptr_array_index (labels, i));
      g_ptr_array_index (labels, i) = words;
    }
}

void
lh_chart_keys_relabel (LhSiteReport *report)
{
  g_return_if_fail (report != NULL);

  for (guint s = 0; s < report->sections->len; s++)
    {
      const LhSiteSection *section = g_ptr_array_index (report->sections, s);

      for (guint t = 0; t < section->tables->len; t++)
        {
          LhSiteTable *table = g_ptr_array_index (section->tables, t);

          relabel (table->id, TRUE, table->row_keys, table->row_labels);
          relabel (table->id, FALSE, table->column_keys, table->column_labels);
        }
    }
}
