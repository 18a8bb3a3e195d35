/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhNotifier: desktop notifications (libnotify) for a PC's own kiosk,
 * where the person works in other programs and does not see the kiosk's
 * window: how much time is left, and good news. One notification per
 * key, replaced when shown again. Without a notification server it logs
 * and carries on. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LH_TYPE_NOTIFIER (lh_notifier_get_type ())
G_DECLARE_FINAL_TYPE (LhNotifier, lh_notifier, LH, NOTIFIER, GObject)

LhNotifier *lh_notifier_new    (void);
/* Shows (or replaces) the notification called key. action_label
 * (nullable) offers one action; choosing it emits "action" with key. */
void        lh_notifier_show   (LhNotifier *self,
                                const char *key,
                                const char *summary,
                                const char *body,
                                gboolean    urgent,
                                const char *action_label);
/* Takes the notification called key away, if it is shown. */
void        lh_notifier_close  (LhNotifier *self,
                                const char *key);
void        lh_notifier_close_all (LhNotifier *self);

G_END_DECLS
