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

G_END_DECLS
