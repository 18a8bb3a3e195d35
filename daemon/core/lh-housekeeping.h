/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What falls due with time alone: sittings whose time is up or whose PC's
 * kiosk went silent, and PC bookings nobody came for. The daemon runs it
 * when the next thing falls due, never on a fixed tick. */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 booking_id;
  gint64 resource_id;
  gint64 person_id;
  gint64 start_at;
} LhReleased;

/* A sitting is warned this long before its end, and again at the last
 * minute. */
#define LH_HOUSEKEEPING_WARN_SECONDS      (5 * 60)
#define LH_HOUSEKEEPING_LAST_WARN_SECONDS 60

typedef struct
{
  GPtrArray *ended;     /* (element-type LhUsage) sittings ended */
  GArray    *released;  /* (element-type LhReleased) no-shows released */
  GPtrArray *ending;    /* (element-type LhUsage) sittings within
                         * LH_HOUSEKEEPING_WARN_SECONDS of their end */
  guint      settled;   /* time-off requests settled from actual use */
} LhHousekeeping;

void     lh_housekeeping_init     (LhHousekeeping  *result);
void     lh_housekeeping_clear    (LhHousekeeping  *result);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LhHousekeeping, lh_housekeeping_clear)

/* Ends each sitting whose PC's kiosk has not beaten for
 * LH_DEVICE_SILENT_SECONDS (at its last heartbeat), then each whose
 * booking has ended (at that end: "closing" if the PC closed then, else
 * "booking-end"); releases each PC booking not checked in within the
 * hold time, if that PC's kiosk is online (a kiosk that was down must
 * not cost anyone their booking); settles the time off of what is over
 * (lh_time_off_settle_locked()). One transaction. */
gboolean lh_housekeeping_run      (LhStore         *store,
                                   const LhCentre  *centre,
                                   gint64           now,
                                   LhHousekeeping  *result,
                                   GError         **error);

/* Also lists in result->ending the sittings that end within
 * LH_HOUSEKEEPING_WARN_SECONDS (whoever reminds them keeps track of what
 * was said already).
 *
 * When lh_housekeeping_run() will next have something to do (a warning
 * included): 0 for
 * nothing foreseeable (a sign-in or a booking will tell). */
gboolean lh_housekeeping_next_due (LhStore         *store,
                                   const LhCentre  *centre,
                                   gint64           now,
                                   gint64          *out_due,
                                   GError         **error);

G_END_DECLS
