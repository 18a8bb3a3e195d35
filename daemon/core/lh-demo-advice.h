/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo centre's advice service: three months of weekly drop-ins and
 * appointments with the two ULRs, their outcomes and notes, learning plans
 * and MOTs, facility time, and a drop-in open now with people waiting,
 * all made through the same code as real ones. */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* learner_ids[0] is the learner a newcomer signs in as (they get a record
 * to look at, and are in no queue); learner_ids[2] and [3] are the ULRs;
 * the people drawn at random come from first_random on. */
gboolean lh_demo_add_advice (LhStore        *store,
                             const LhCentre *centre,
                             GRand          *rand,
                             GArray         *learner_ids,
                             guint           first_random,
                             gint64          history_start,
                             gint64          now,
                             GError        **error);

/* The weekly drop-ins, appointments and other duties of the days from
 * `from` to `until`, as lh_demo_add_advice makes them, as of now; the
 * drop-ins are left to be closed. For years of history. */
gboolean lh_demo_add_advice_days (LhStore        *store,
                                  const LhCentre *centre,
                                  GRand          *rand,
                                  GArray         *learner_ids,
                                  guint           first_random,
                                  gint64          from,
                                  gint64          until,
                                  gint64          now,
                                  GError        **error);

G_END_DECLS
