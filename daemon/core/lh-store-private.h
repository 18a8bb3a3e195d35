/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What lh-store.c shares with lh-store-migrate.c, and no one else. */
#pragma once

#include "lh-store.h"

G_BEGIN_DECLS

/* (transfer none) */
sqlite3  *lh_store_get_db       (LhStore     *self);
/* For the fixed statements of opening and migrating, which take no input. */
gboolean  lh_store_exec_script  (LhStore     *self,
                                 const char  *sql,
                                 GError     **error);
/* The first column of the first row, or -1. */
int       lh_store_query_int    (LhStore     *self,
                                 const char  *sql);
/* Applies the pending migrations; refuses a database newer than this
 * learnhub. */
gboolean  lh_store_migrate      (LhStore     *self,
                                 GError     **error);


/* lh-store-files.c */
/* Makes the database's directory if need be. */
gboolean  lh_store_ensure_parent_dir (const char  *path,
                                      GError     **error);
/* The database file, if there is one, can be opened for writing; if not,
 * an error that names it and says what to do. */
gboolean  lh_store_check_writable    (const char  *path,
                                      GError     **error);
/* The descriptor of "<path>.lock", locked exclusively (one learnhub
 * process owns the database), or -1 with an error; *held_elsewhere
 * (nullable) is set when another process holds it. */
int       lh_store_take_lock         (const char  *path,
                                      gboolean    *held_elsewhere,
                                      GError     **error);
/* Makes the database and its -wal and -shm files readable by their owner
 * only (creating an empty database file so). */
gboolean  lh_store_keep_private      (const char  *path,
                                      GError     **error);

G_END_DECLS
