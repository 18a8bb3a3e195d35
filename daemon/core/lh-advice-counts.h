/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Counts of advice for the committee: how many requests were asked in a
 * period, by topic, and the outcomes recorded for them. Topics and
 * outcomes are sealed (lh-advice-sealed.h), so the counts open each
 * request of the period with the notes key; no table of counts is kept,
 * since small counts beside the requests' times would name people. */
#pragma once

#include "lh-centre.h"
#include "lh-people-tally.h"
#include "lh-store.h"

G_BEGIN_DECLS

typedef struct
{
  int  requests;    /* asked in the period, whatever became of them */
  int  unreadable;  /* of those, ones whose seal did not open: under no
                     * topic and no outcome */
  int *by_topic;    /* (owned) by_topic[i] for lh_advice_topics[i] */
  int *by_outcome;  /* (owned) by_outcome[i] for lh_advice_outcomes[i] */
  /* The different learners behind each figure above, so that one
   * learner's many requests are hidden as what they are: one learner.
   * Rows in the order of the names, one column. */
  LhPeopleTally *people_by_topic;    /* (owned) */
  LhPeopleTally *people_by_outcome;  /* (owned) */
} LhAdviceCounts;

void lh_advice_counts_free (LhAdviceCounts *counts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhAdviceCounts, lh_advice_counts_free)

/* The requests asked in [from, to), anonymised ones included.
 * LH_ERROR_INVALID unless from < to. */
LhAdviceCounts *lh_advice_count (LhStore        *store,
                                 const LhCentre *centre,
                                 gint64          from,
                                 gint64          to,
                                 GError        **error);

G_END_DECLS
