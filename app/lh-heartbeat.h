/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhHeartbeat: a PC's own kiosk tells the daemon it is alive (POST
 * /api/v1/devices/heartbeat) every so many seconds while it runs. One
 * GLib timeout; nothing else polls. A PC whose kiosk falls silent for 2
 * minutes is shown out of order, and whoever sat at it is taken to have
 * left when it was last heard from. */
#pragma once

#include "lh-client.h"

G_BEGIN_DECLS

#define LH_TYPE_HEARTBEAT (lh_heartbeat_get_type ())
G_DECLARE_FINAL_TYPE (LhHeartbeat, lh_heartbeat, LH, HEARTBEAT, GObject)

LhHeartbeat *lh_heartbeat_new         (LhClient    *client);
/* Sends one now, then every `seconds` (at least 1) until stopped;
 * started again, it keeps to the new period. */
void         lh_heartbeat_start       (LhHeartbeat *self,
                                       guint        seconds);
void         lh_heartbeat_stop        (LhHeartbeat *self);
gboolean     lh_heartbeat_is_running  (LhHeartbeat *self);
/* How many the daemon acknowledged, for tests. */
guint        lh_heartbeat_get_count   (LhHeartbeat *self);

G_END_DECLS
