/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A union learning rep's notifications on their desk PC (libnotify,
 * through LhNotifier), in plain words: a new appointment booked with
 * them (`advice-request-arrived`), and a drop-in queue longer than they
 * asked to be told of (`queue-long`). The daemon sends both only to that
 * ULR's streams, which include the kiosk where they are signed in. */
#pragma once

#include "lh-client.h"
#include "lh-notifier.h"

G_BEGIN_DECLS

#define LH_TYPE_DESK_ALERTS (lh_desk_alerts_get_type ())
G_DECLARE_FINAL_TYPE (LhDeskAlerts, lh_desk_alerts, LH, DESK_ALERTS, GObject)

LhDeskAlerts *lh_desk_alerts_new      (LhClient     *client,
                                       LhNotifier   *notifier);
/* Takes what it showed off the screen: the ULR has signed out. */
void          lh_desk_alerts_withdraw (LhDeskAlerts *self);

G_END_DECLS
