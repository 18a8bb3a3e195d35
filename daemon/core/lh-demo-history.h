/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Years of a demo centre's history before its last three months: staff
 * who joined and left, the agreement and the rules as dated versions,
 * closures, PC bookings with their sittings, walk-ups, no-shows and
 * cancellations, group places, skills checks, advice, facility time and
 * paid time off with its ledger. Made in one transaction with bulk
 * inserts where the rules' own code paths would be too slow for years,
 * and through those code paths where they are fast enough. */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"
#include "lh-terms.h"

G_BEGIN_DECLS

/* The demo's own terms: data/demo/terms.conf, compiled in. */
gboolean lh_demo_read_terms        (const LhCentre *centre,
                                    LhTerms        *out_terms,
                                    GError        **error);

/* The start of a history of `years` before now: a local midnight. */
gint64   lh_demo_history_first_day (const LhCentre *centre,
                                    guint           years,
                                    gint64          now);

/* The versions of the agreement's terms and of the booking rules before
 * recent_start, each imported as of its own date, and the closures of
 * those years. Before the demo's own terms (data/demo/terms.conf), which
 * are then imported as of the date they came into force. */
gboolean lh_demo_add_dated_history (LhStore        *store,
                                    const LhCentre *centre,
                                    gint64          first_day,
                                    gint64          recent_start,
                                    GError        **error);

/* Everything that happened from first_day to until (the start of the
 * demo's three months). learner_ids and n_clean as lh-demo.c has them:
 * the first n_clean are left alone but the ULRs ([2] and [3]), who lead
 * groups, assess and advise. *out_n_bookings: the bookings made. */
gboolean lh_demo_add_history       (LhStore        *store,
                                    const LhCentre *centre,
                                    GArray         *learner_ids,
                                    guint           n_clean,
                                    GArray         *pc_ids,
                                    gint64          room_id,
                                    gint64          first_day,
                                    gint64          until,
                                    gint64          now,
                                    guint          *out_n_bookings,
                                    GError        **error);

G_END_DECLS
