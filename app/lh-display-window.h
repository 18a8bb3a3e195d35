/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The public queue display (learnhub-kiosk --display): full screen and
 * readable across the room, the ticket numbers being served with the desk
 * to go to, and the numbers waiting, for each of today's drop-ins. Never
 * a name or a topic, and no sign-in. Updated on `queue-changed`; nothing
 * polls. Offline, what was last known stays with a calm banner. */
#pragma once

#include <adwaita.h>

#include "lh-client.h"

G_BEGIN_DECLS

#define LH_TYPE_DISPLAY_WINDOW (lh_display_window_get_type ())
G_DECLARE_FINAL_TYPE (LhDisplayWindow, lh_display_window, LH, DISPLAY_WINDOW, AdwApplicationWindow)

/* application (nullable): tests run the window without one. */
LhDisplayWindow *lh_display_window_new    (GtkApplication *application,
                                           LhClient       *client);
LhClient        *lh_display_window_get_client (LhDisplayWindow *self);
/* How many times the queues were shown, for tests. */
guint            lh_display_window_get_updates (LhDisplayWindow *self);

G_END_DECLS
