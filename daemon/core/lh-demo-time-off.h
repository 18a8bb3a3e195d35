/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo centre's paid time off for learning: learners who asked for
 * work time for a good share of their PC bookings, group places and
 * skills checks, and the admin's decisions (a couple rejected, with
 * reasons); a few requests ahead still waiting; an apprentice and an ESOL
 * learner; the admin's adjustments for time used elsewhere; and all of it
 * settled from the PCs' sittings. Amira Khan, the first demo learner, has
 * a bit of everything, all of it in earlier weeks or more than a week
 * ahead, so that what a newcomer (or a test) books as her now is not in
 * its way. Made through the same code as real requests. */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* After the demo's bookings and before its sittings (so that the PCs'
 * sittings count for the paid bookings made here): paid and own-time PC
 * bookings and paid group places, from history_start to a fortnight
 * ahead, decided by the demo's admin. learner_ids as lh-demo.c has them;
 * the first n_clean (but Amira Khan, the first) are left alone. */
gboolean lh_demo_add_time_off    (LhStore        *store,
                                  const LhCentre *centre,
                                  GArray         *learner_ids,
                                  guint           n_clean,
                                  GArray         *pc_ids,
                                  gint64          history_start,
                                  gint64          now,
                                  GError        **error);

/* Last, after the sittings and the skills checks: paid skills checks,
 * the admin's adjustments, every request whose time is over settled as
 * of now, and every decision told to its learner (signing in as any of
 * them is calm). */
gboolean lh_demo_settle_time_off (LhStore        *store,
                                  const LhCentre *centre,
                                  GArray         *learner_ids,
                                  guint           n_clean,
                                  gint64          history_start,
                                  gint64          now,
                                  GError        **error);

G_END_DECLS
