/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-advice"

#include "lh-advice-counts.h"

#include "lh-advice-private.h"
#include "lh-error.h"

void
lh_advice_counts_free (LhAdviceCounts *counts)
{
  if (counts == NULL)
    return;
  g_free (counts->by_topic);
  g_free (counts->by_outcome);
  g_clear_pointer (&counts->people_by_topic, lh_people_tally_free);
  g_clear_pointer (&counts->people_by_outcome, lh_people_tally_free);
  g_free (counts);
}

static void
count_name (const char * const *names, int *counts, LhPeopleTally *people, const char *name, gint64 learner)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      {
        counts[i]++;
        lh_people_tally_add (people, i, 0, learner);
        return;
      }
}

LhAdviceCounts *
lh_advice_count (LhStore *store, const LhCentre *centre, gint64 from, gint64 to, GError **error)
{
  g_autoptr(LhAdviceCounts) counts = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row = FALSE;
  gboolean ok;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  if (from >= to)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The period ends before it starts");
      lh_error_set_reason (error, "period-reversed");
      return NULL;
    }
  /* advice_requests_by_time: the period's requests, not every year's. */
  stmt = lh_store_prepare (store, LH_ADVICE_COUNTS_SQL, error);
  if (stmt == NULL)
    return NULL;
  counts = g_new0 (LhAdviceCounts, 1);
  counts->by_topic = g_new0 (int, g_strv_length ((char **) lh_advice_topics));
  counts->by_outcome = g_new0 (int, g_strv_length ((char **) lh_advice_outcomes));
  counts->people_by_topic = lh_people_tally_new (g_strv_length ((char **) lh_advice_topics), 1);
  counts->people_by_outcome = lh_people_tally_new (g_strv_length ((char **) lh_advice_outcomes), 1);
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      g_autofree char *topic = NULL;
      g_autofree char *contact = NULL;
      g_autofree char *detail = NULL;
      g_auto(GStrv) outcomes = NULL;

      g_autoptr(GError) unreadable = NULL;
      /* An anonymised request's learner is not known (NULL, read as 0). */
      gint64 learner = sqlite3_column_int64 (stmt, 1);

      counts->requests++;
      /* One value that will not open does not hide the others' counts. */
      if (!lh_advice_column_open_what (stmt, 0, centre, &topic, &contact, &detail, &outcomes, &unreadable))
        {
          g_message ("A request of the period did not open: %s", unreadable->message);
          counts->unreadable++;
          continue;
        }
      count_name (lh_advice_topics, counts->by_topic, counts->people_by_topic, topic, learner);
      for (guint i = 0; outcomes[i] != NULL; i++)
        count_name (lh_advice_outcomes, counts->by_outcome, counts->people_by_outcome, outcomes[i], learner);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&counts);
}
