/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk's one window: a stack of pages, a top bar with Back and Sign
 * out, the offline banner, toasts and the idle sign-out overlay. */
#pragma once

#include <adwaita.h>

#include "lh-client.h"
#include "lh-idle-monitor.h"
#include "lh-heartbeat.h"
#include "lh-sitting-bar.h"

G_BEGIN_DECLS

#define LH_TYPE_WINDOW (lh_window_get_type ())
G_DECLARE_FINAL_TYPE (LhWindow, lh_window, LH, WINDOW, AdwApplicationWindow)

/* application (nullable): tests run the window without one. */
LhWindow   *lh_window_new                   (GtkApplication *application,
                                             LhClient       *client);
LhClient   *lh_window_get_client            (LhWindow *self);
/* The idle sign-out's monitor (transfer none): for tests, to move its clock. */
LhIdleMonitor *lh_window_get_idle_monitor (LhWindow *self);
/* "welcome", "sign-in", "home", "book" or "bookings" */
const char *lh_window_get_visible_page_name (LhWindow *self);
void        lh_window_show_toast            (LhWindow   *self,
                                             const char *message);
/* On a PC's own kiosk (lh-window-pc.c), for tests: its heartbeat, and
 * the time-left bar. (transfer none) */
LhHeartbeat  *lh_window_get_heartbeat       (LhWindow *self);
LhSittingBar *lh_window_get_sitting_bar     (LhWindow *self);

/* The centre's defaults, which whoever is not signed in sees: the
 * kiosk's configured language (NULL or "": the environment's), large
 * text and high contrast. Applied now if nobody is signed in. */
void        lh_window_set_defaults          (LhWindow   *self,
                                             const char *language,
                                             gboolean    large_text,
                                             gboolean    high_contrast);

G_END_DECLS
