/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Counts down from the last input while someone is signed in: emits
 * "countdown" for the last `warning` seconds and "expired" at zero. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LH_TYPE_IDLE_MONITOR (lh_idle_monitor_get_type ())
G_DECLARE_FINAL_TYPE (LhIdleMonitor, lh_idle_monitor, LH, IDLE_MONITOR, GObject)

LhIdleMonitor *lh_idle_monitor_new         (void);
/* Watches input on widget (capture phase, so nothing is swallowed). */
void           lh_idle_monitor_watch       (LhIdleMonitor *self,
                                            GtkWidget     *widget);
void           lh_idle_monitor_start       (LhIdleMonitor *self);
void           lh_idle_monitor_stop        (LhIdleMonitor *self);
/* Someone is there: start counting again. */
void           lh_idle_monitor_poke        (LhIdleMonitor *self);
gboolean       lh_idle_monitor_is_running  (LhIdleMonitor *self);

/* For tests: microseconds from this clock instead of the monotonic one
 * (NULL: back to it). Counting starts again from its now. */
typedef gint64 (*LhIdleMonitorClock) (gpointer user_data);
void           lh_idle_monitor_set_clock   (LhIdleMonitor      *self,
                                            LhIdleMonitorClock  clock,
                                            gpointer            user_data);

G_END_DECLS
