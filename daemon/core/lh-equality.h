/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Equality monitoring (issue 14): the factors a learner may declare, each
 * with its fixed groups; a learner's own answers, stored apart from
 * identity; the workforce's make-up from the roster (counts only); and
 * the report's equality section, take-up of learning by group against
 * the workforce.
 *
 * Every question is voluntary: a factor left unanswered has no answer
 * at all, which is not the same as "prefer-not-to-say". Answers are
 * filed under a keyed hash of the person's id (lh_note_key_pseudonym(),
 * keyed with the notes key, which is never in the database), so a copy
 * of the database alone cannot tie an answer to anyone. */
#pragma once

#include "lh-centre.h"
#include "lh-report.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* A group of every factor. */
#define LH_EQUALITY_PREFER_NOT_TO_SAY "prefer-not-to-say"
/* The report's row for people who gave no answer (never a stored group). */
#define LH_EQUALITY_NOT_DECLARED "not-declared"

typedef struct
{
  const char *key;     /* stable, e.g. "35-44" */
  const char *label;   /* plain English words, for reports */
} LhEqualityGroup;

typedef struct
{
  const char            *key;     /* stable, e.g. "age-band" */
  const char            *label;
  const char            *roster_column;  /* its column in the roster CSV */
  const LhEqualityGroup *groups;  /* prefer-not-to-say last */
  guint                  n_groups;
} LhEqualityFactor;

/* The factors, in the order they are asked. */
const LhEqualityFactor *lh_equality_factors (guint *out_n_factors);
/* NULL if there is no such factor. */
const LhEqualityFactor *lh_equality_factor_find (const char *key);
/* Whether group is one of factor's groups. */
gboolean lh_equality_factor_has_group (const LhEqualityFactor *factor,
                                       const char             *group);

/* A learner's answers: factor key → group key (element-type utf8 utf8),
 * empty if they gave none. LH_ERROR_INTERNAL without the notes key. */
GHashTable *lh_equality_get_answers (LhStore        *store,
                                     const LhCentre *centre,
                                     gint64          person_id,
                                     GError        **error);

/* Replaces the learner's answers with answers (factor → group; a factor
 * left out is unanswered). LH_ERROR_INVALID, changing nothing, with
 * reason factor-unknown or group-unknown. Answers removed are scrubbed
 * from the database's files. */
gboolean    lh_equality_set_answers (LhStore        *store,
                                     const LhCentre *centre,
                                     gint64          person_id,
                                     GHashTable     *answers,
                                     GError        **error);

/* Removes all the learner's answers (their own wish, or their erasure
 * from the roster), leaving no copy in the database's files. */
gboolean    lh_equality_erase       (LhStore        *store,
                                     const LhCentre *centre,
                                     gint64          person_id,
                                     GError        **error);

/* The workforce's make-up from the roster: for each factor, how many
 * people in each group (LH_EQUALITY_NOT_DECLARED for an empty cell). */
typedef struct _LhWorkforceCounts LhWorkforceCounts;

LhWorkforceCounts *lh_workforce_counts_new  (void);
void               lh_workforce_counts_free (LhWorkforceCounts *counts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhWorkforceCounts, lh_workforce_counts_free)

/* Counts one person of the roster in group of factor ("" when they
 * declared nothing). LH_ERROR_INVALID naming the column for a value
 * that is not one of the factor's groups. */
gboolean lh_workforce_counts_add (LhWorkforceCounts      *counts,
                                  const LhEqualityFactor *factor,
                                  const char             *group,
                                  GError                **error);

/* Replaces the stored workforce profile with counts. Must run inside the
 * import's transaction. */
gboolean lh_workforce_profile_save (LhStore                 *store,
                                    const LhWorkforceCounts *counts,
                                    GError                 **error);

/* How many people of the roster are in group of factor; 0 if none, -1
 * with error. */
gint64   lh_workforce_profile_get (LhStore    *store,
                                   const char *factor,
                                   const char *group,
                                   GError    **error);

/* Different staff (guests are not the workforce) who had learning booked
 * or sat at a PC in [?1, ?2): for each person, a seek into their own
 * bookings and sittings by start (bookings_by_person_start,
 * usage_by_person_start, migration 0041). Bounded by the people the
 * centre has known, not by the period: reading the period's bookings
 * and sittings instead grew with it. Shared with the test of its plan. */
#define LH_EQUALITY_LEARNERS_SQL \
  "SELECT p.id FROM people p WHERE p.sponsor_id IS NULL AND (" \
  "EXISTS (SELECT 1 FROM bookings b INDEXED BY bookings_by_person_start WHERE b.person_id = p.id " \
  "  AND b.status = 'booked' AND b.start_at >= ?1 AND b.start_at < ?2) " \
  "OR EXISTS (SELECT 1 FROM usage_sessions u INDEXED BY usage_by_person_start WHERE u.person_id = p.id " \
  "  AND u.started_at >= ?1 AND u.started_at < ?2))"

/* The report's "equality" section for [from, to): a table per factor,
 * rows its groups and "not declared", columns "learners" (different
 * staff who used a PC or had learning booked in the period, matched to
 * their answers by their keyed hash) and "workforce" (the roster's
 * make-up). True figures: the site report suppresses them. */
LhReportSection *lh_report_section_equality (LhStore        *store,
                                             const LhCentre *centre,
                                             gint64          from,
                                             gint64          to,
                                             gint64          now,
                                             GError        **error);

G_END_DECLS
