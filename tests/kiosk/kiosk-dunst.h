/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A real notification server, dunst, on the test's own session bus
 * (dbus-run-session) and display (xvfb-run), for the kiosk tests that
 * check what the kiosk told the desktop. */
#pragma once

#include <json-glib/json-glib.h>

#include "lh-window.h"

G_BEGIN_DECLS

/* Starts dunst before any window, so that it is the server. A dunst that
 * an earlier test on this bus woke by D-Bus activation is used as it is;
 * any other server is an error. */
void        kiosk_dunst_start (void);
void        kiosk_dunst_stop  (void);

/* The notification dunst received with this summary, as dunstctl history
 * lists it (shown ones are closed into the history first), or NULL.
 * Returns: (transfer full) (nullable) */
JsonObject *kiosk_dunst_find  (const char *summary);
/* A KioskCondition: dunst has the notification with this summary. It
 * waits a little each time, as asking dunstctl is slow. */
gboolean    kiosk_dunst_has   (LhWindow      *window,
                               gconstpointer  summary);

G_END_DECLS
