/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For bench-time-off: a centre with years of time-off history for
 * thousands of staff, written straight into the tables in one
 * transaction, as learnhubd would have left it. */
#pragma once

#include <sqlite3.h>

#include "lh-centre.h"

G_BEGIN_DECLS

/* Makes path (a new file): n_staff learners and an admin, the demo
 * centre's agreement from the first of years agreement years up to now
 * (and a review from a month ahead), and for each learner 20 to 40 PC
 * bookings a year with their requests and ledger entries, up to a
 * fortnight ahead, and the admin's adjustments. Prints what it made. */
void     lh_bench_time_off_generate (const char     *path,
                                     const LhCentre *centre,
                                     guint           n_staff,
                                     guint           years,
                                     gint64          now);

/* Monotonic time in nanoseconds. */
gint64   lh_bench_now_ns            (void);

/* Aborts with what failed unless rc is SQLITE_OK, _ROW or _DONE. */
void     lh_bench_check             (int             rc,
                                     sqlite3        *db,
                                     const char     *what);

/* Aborts with error's message, if any. */
void     lh_bench_check_error       (GError         *error);

G_END_DECLS
