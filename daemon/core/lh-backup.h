/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups of the centre's database: written online with SQLite's backup
 * API while learnhubd serves, checked before they count, kept to a number,
 * and restored only from a file that checks out, after a safe copy of the
 * database they replace.
 *
 * Backups are named learnhub-YYYYMMDD-HHMMSS.db (UTC, the moment they were
 * made) so that the newest is known from the names alone, whatever the
 * files' times say after a copy between disks. */
#pragma once

#include "lh-store.h"

G_BEGIN_DECLS

/* "learnhub-20261204-210000.db" for now (UTC). */
char     *lh_backup_name          (gint64        now);
/* When the newest backup in dir was made (from its name), or 0. */
gint64    lh_backup_newest        (const char   *dir);
/* Copies the database at db_path into path, from one snapshot of it, with
 * its own read-only connection: the daemon goes on serving meanwhile. The
 * copy is written beside path and renamed into place only once it checks
 * out, so path is never a half-written backup. Mode 0600, as the
 * database. */
gboolean  lh_backup_write         (const char   *db_path,
                                   const char   *path,
                                   GError      **error);
/* Writes a backup into dir (made if need be) named for now, then keeps
 * only the keep newest learnhub-*.db there (never deleting the new one,
 * nor any other file). Returns the new backup's path. */
char     *lh_backup_into          (const char   *db_path,
                                   const char   *dir,
                                   guint         keep,
                                   gint64        now,
                                   GError      **error);
/* Whether path is a whole learnhub database this learnhub can open: the
 * full integrity check, and a schema version from 1 to this learnhub's.
 * LH_ERROR_INVALID saying what is wrong if not. */
gboolean  lh_backup_check         (const char   *path,
                                   int          *out_version,
                                   GError      **error);
/* Replaces the database at db_path with the backup at path, which must
 * check out; learnhubd must be stopped (LH_ERROR_BUSY if it holds the
 * database). The database being replaced, even a damaged one, is first
 * copied whole into safe_copy_dir as learnhub-before-restore-….db (with
 * its WAL), so nothing is lost. *out_safe_copy: where it went. */
gboolean  lh_backup_restore       (const char   *db_path,
                                   const char   *path,
                                   const char   *safe_copy_dir,
                                   gint64        now,
                                   char        **out_safe_copy,
                                   GError      **error);

/* "<db_path>.restoring": there while a restore replaces the database. */
char     *lh_backup_restoring_path (const char *db_path);

G_END_DECLS
