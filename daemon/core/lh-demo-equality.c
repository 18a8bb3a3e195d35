/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-demo"

#include "lh-demo-equality.h"

#include "lh-equality.h"

/* People in each group, in the factor's order (lh-equality.c), then
 * those who left it empty: a depot of 240, mostly men, mostly full-time
 * or on shifts. Every row adds up to 240. */
static const struct
{
  const char *factor;
  guint       people[8];
} workforce[] = {
  { "age-band", { 22, 58, 61, 52, 33, 4, 6, 4 } },
  { "gender", { 71, 152, 3, 1, 7, 6 } },
  { "ethnicity", { 34, 21, 9, 158, 5, 8, 5 } },
  { "disability", { 19, 196, 14, 11 } },
  { "caring", { 47, 167, 12, 14 } },
  { "work-pattern", { 118, 41, 63, 18, 0, 0, 0 } },
  { "qualifications", { 38, 96, 54, 23, 11, 18 } },
};

#define WORKFORCE 240

static gboolean
add_workforce (LhStore *store, GError **error)
{
  g_autoptr(LhWorkforceCounts) counts = lh_workforce_counts_new ();

  for (guint f = 0; f < G_N_ELEMENTS (workforce); f++)
    {
      const LhEqualityFactor *factor = lh_equality_factor_find (workforce[f].factor);
      guint total = 0;

      g_assert (factor != NULL);
      for (guint g = 0; g <= factor->n_groups; g++)
        {
          const char *group = g < factor->n_groups ? factor->groups[g].key : "";

          for (guint n = 0; n < workforce[f].people[g]; n++)
            if (!lh_workforce_counts_add (counts, factor, group, error))
              return FALSE;
          total += workforce[f].people[g];
        }
      g_assert (total == WORKFORCE);
    }
  return lh_workforce_profile_save (store, counts, error);
}

/* Learner i's answers: one in four declares nothing; one in six prefers
 * not to say their ethnicity and disability; one in three skips the
 * question on qualifications. */
static GHashTable *
answers_for (guint i)
{
  GHashTable *answers = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_factors;
  const LhEqualityFactor *factors = lh_equality_factors (&n_factors);

  for (guint f = 0; f < n_factors; f++)
    {
      const LhEqualityFactor *factor = &factors[f];
      /* Groups spread by a step prime to their number, prefer-not-to-say
       * (the last) kept for the learners chosen below. */
      const char *group = factor->groups[(i * 7 + f * 3) % (factor->n_groups - 1)].key;

      if (i % 6 == 1 && (g_str_equal (factor->key, "ethnicity") || g_str_equal (factor->key, "disability")))
        group = LH_EQUALITY_PREFER_NOT_TO_SAY;
      if (i % 3 == 2 && g_str_equal (factor->key, "qualifications"))
        continue;
      g_hash_table_insert (answers, (gpointer) factor->key, (gpointer) group);
    }
  return answers;
}

gboolean
lh_demo_add_equality (LhStore *store, const LhCentre *centre, GArray *learner_ids, GError **error)
{
  if (!add_workforce (store, error))
    return FALSE;
  if (centre->note_key == NULL)
    {
      g_debug ("No notes key: the demo's learners declare nothing");
      return TRUE;
    }
  for (guint i = 0; i < learner_ids->len; i++)
    {
      g_autoptr(GHashTable) answers = NULL;

      if (i % 4 == 3)
        continue;
      answers = answers_for (i);
      if (!lh_equality_set_answers (store, centre, g_array_index (learner_ids, gint64, i), answers, error))
        return FALSE;
    }
  return TRUE;
}
