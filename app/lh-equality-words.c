/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-equality-words.h"

#include <glib/gi18n.h>

typedef struct
{
  const char *factor;  /* NULL: any factor */
  const char *key;
  const char *words;
} Words;

static const Words questions[] = {
  { NULL, "age-band", N_("How old are you?") },
  { NULL, "gender", N_("What is your gender?") },
  { NULL, "ethnicity", N_("What is your ethnic group?") },
  { NULL, "disability", N_("Do you consider yourself to have a disability?") },
  { NULL, "caring", N_("Do you look after someone: a child, or a relative who needs care?") },
  { NULL, "work-pattern", N_("How do you work?") },
  { NULL, "qualifications", N_("What are the highest qualifications you have?") },
};

static const Words groups[] = {
  { NULL, "prefer-not-to-say", N_("Prefer not to say") },
  { "age-band", "16-24", N_("16 to 24") },
  { "age-band", "25-34", N_("25 to 34") },
  { "age-band", "35-44", N_("35 to 44") },
  { "age-band", "45-54", N_("45 to 54") },
  { "age-band", "55-64", N_("55 to 64") },
  { "age-band", "65-plus", N_("65 or over") },
  { "gender", "woman", N_("Woman") },
  { "gender", "man", N_("Man") },
  { "gender", "non-binary", N_("Non-binary") },
  { "gender", "other", N_("Another way") },
  { "ethnicity", "asian", N_("Asian or Asian British") },
  { "ethnicity", "black", N_("Black or Black British") },
  { "ethnicity", "mixed", N_("Mixed or more than one") },
  { "ethnicity", "white", N_("White") },
  { "ethnicity", "other", N_("Another ethnic group") },
  { NULL, "yes", N_("Yes") },
  { NULL, "no", N_("No") },
  { "work-pattern", "full-time", N_("Full-time") },
  { "work-pattern", "part-time", N_("Part-time") },
  { "work-pattern", "shifts", N_("Shifts") },
  { "work-pattern", "nights", N_("Nights") },
  { "work-pattern", "other", N_("Another pattern") },
  { "qualifications", "none", N_("None") },
  { "qualifications", "level-1-2", N_("GCSEs or similar") },
  { "qualifications", "level-3", N_("A levels or similar") },
  { "qualifications", "level-4-plus", N_("A degree, a diploma or higher") },
};

static const char *
look_up (const Words *words, guint n_words, const char *factor, const char *key)
{
  for (guint i = 0; i < n_words; i++)
    if ((words[i].factor == NULL || g_strcmp0 (words[i].factor, factor) == 0) && g_str_equal (words[i].key, key))
      return _(words[i].words);
  return key;
}

const char *
lh_equality_question_words (const char *factor)
{
  g_return_val_if_fail (factor != NULL, "");

  return look_up (questions, G_N_ELEMENTS (questions), NULL, factor);
}

const char *
lh_equality_group_words (const char *factor, const char *group)
{
  g_return_val_if_fail (group != NULL, "");

  return look_up (groups, G_N_ELEMENTS (groups), factor, group);
}
