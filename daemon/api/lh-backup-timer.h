/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * learnhubd's own backups ([backup] in the configuration): one when the
 * newest in the directory is every_hours old (ten minutes after start if
 * there is none), written in a thread with its own read connection while requests
 * go on being served, then the oldest beyond keep deleted. A backup that
 * fails is logged and tried again an hour later. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LH_TYPE_BACKUP_TIMER (lh_backup_timer_get_type ())
G_DECLARE_FINAL_TYPE (LhBackupTimer, lh_backup_timer, LH, BACKUP_TIMER, GObject)

/* Nothing is made when every_hours is 0. */
LhBackupTimer *lh_backup_timer_new (const char *db_path,
                                    const char *dir,
                                    guint       every_hours,
                                    guint       keep);

G_END_DECLS
