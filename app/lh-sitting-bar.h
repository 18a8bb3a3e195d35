/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhSittingBar: on a PC's own kiosk, while someone sits at it, the time
 * left, in words at the top of every page ("PC 3 · 42 minutes left · until
 * 15:00"): updated each minute, and each second in the last one. It warns
 * 5 minutes and 1 minute before the end (as a notification, since the
 * person works in other programs), offers "More time" when the daemon
 * says there is some, and says when the time is up. */
#pragma once

#include <adwaita.h>

#include "lh-client.h"
#include "lh-notifier.h"

G_BEGIN_DECLS

#define LH_TYPE_SITTING_BAR (lh_sitting_bar_get_type ())
G_DECLARE_FINAL_TYPE (LhSittingBar, lh_sitting_bar, LH, SITTING_BAR, AdwBin)

/* Follows the client's sitting (lh_client_get_usage()); shows itself
 * while there is one. */
void        lh_sitting_bar_set_client       (LhSittingBar *self,
                                             LhClient     *client);
/* Where the warnings go (nullable: nowhere). */
void        lh_sitting_bar_set_notifier     (LhSittingBar *self,
                                             LhNotifier   *notifier);
/* One tap on "More time": asks the daemon, unless a request is already
 * in flight or there is no more time to give. */
void        lh_sitting_bar_more_time        (LhSittingBar *self);
/* The words shown, as a screen reader reads them. (transfer none) */
const char *lh_sitting_bar_get_text         (LhSittingBar *self);
/* For tests only: the bar's clock runs this far ahead of the real one,
 * so that the 5-minute warning comes without waiting for it. */
void        lh_sitting_bar_set_clock_offset (LhSittingBar *self,
                                             GTimeSpan     offset);

G_END_DECLS
