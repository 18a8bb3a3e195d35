/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SQLite store: opening, migrations, prepared statements, transactions.
 * Every other core module reaches the database only through this. */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define LH_TYPE_STORE (lh_store_get_type ())
G_DECLARE_FINAL_TYPE (LhStore, lh_store, LH, STORE, GObject)

/* A cached prepared statement, borrowed from the store. Releasing it (by
 * g_autoptr) resets it and clears its bindings; the store finalizes it. */
typedef sqlite3_stmt LhStmt;
void lh_stmt_release (LhStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhStmt, lh_stmt_release)

/* An open write transaction (BEGIN IMMEDIATE). Freed without
 * lh_transaction_commit() it rolls back. */
typedef struct _LhTransaction LhTransaction;
void lh_transaction_free (LhTransaction *tx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhTransaction, lh_transaction_free)

/* Opens (creating if need be) the database at path, takes the exclusive
 * lock that keeps a second learnhub process off it, checks its integrity
 * and applies the pending migrations. */
LhStore       *lh_store_open               (const char  *path,
                                            GError     **error);
/* For learnhubctl: lh_store_open() when no other process holds the
 * database. While one does (learnhubd), it opens it beside that process
 * without taking the lock or migrating, and refuses (LH_ERROR_BUSY) a
 * database whose schema is not the one this build knows. WAL and the busy
 * timeout keep the two processes' transactions apart. */
LhStore       *lh_store_open_beside_daemon (const char  *path,
                                            GError     **error);
/* Whether it was opened beside the lock's owner (learnhubd). */
gboolean       lh_store_is_beside_owner    (LhStore     *self);

/* Whether another connection (learnhubctl) committed a change since the
 * last call (or the opening). Cheap: no page is read. */
gboolean       lh_store_changed_elsewhere  (LhStore     *self);

const char    *lh_store_get_path           (LhStore     *self);
int            lh_store_get_schema_version (LhStore     *self);
int            lh_store_get_latest_version (void);

/* Prepares (once, then from the cache) a statement with ?N placeholders. */
LhStmt        *lh_store_prepare            (LhStore     *self,
                                            const char  *sql,
                                            GError     **error);

/* Steps a statement that returns no rows, or at most one the caller does
 * not need. */
gboolean       lh_store_exec               (LhStore     *self,
                                            LhStmt      *stmt,
                                            GError     **error);

/* Steps once: TRUE with *has_row set, or FALSE with error. */
gboolean       lh_store_step               (LhStore     *self,
                                            LhStmt      *stmt,
                                            gboolean    *has_row,
                                            GError     **error);

/* Makes one object from the statement's current row. */
typedef gpointer (*LhRowFunc) (LhStmt *stmt);

/* Steps the (bound) statement through all its rows and returns what
 * from_row made of each, in order; NULL with error if a step fails. */
GPtrArray     *lh_store_collect            (LhStore        *self,
                                            LhStmt         *stmt,
                                            LhRowFunc       from_row,
                                            GDestroyNotify  free_func,
                                            GError        **error);

gint64         lh_store_last_insert_id     (LhStore     *self);
int            lh_store_changes            (LhStore     *self);
/* Rows this store's connection inserted, changed or deleted since it
 * opened: whether a learnhubctl command changed anything. */
gint64         lh_store_total_changes      (LhStore     *self);

/* The steps SQLite's virtual machine took in the store's statements since
 * the last call: the work a query did, whatever the machine, for tests
 * that hold a query's cost to the history kept. */
guint64        lh_store_take_vm_steps      (LhStore     *self);

/* Whether a transaction is open (one that failed badly, on a full disk
 * say, may have been rolled back whole by SQLite). */
gboolean       lh_store_in_transaction     (LhStore     *self);

/* A write transaction; begun inside another, it is a savepoint of it,
 * committed with it. */
LhTransaction *lh_store_begin              (LhStore     *self,
                                            GError     **error);
/* A read transaction (BEGIN DEFERRED): its statements see one snapshot,
 * and it takes no write lock, so a long read neither waits for a writer
 * elsewhere nor holds one up. Inside another transaction it is part of
 * it. Commit it, or free it, when done. */
LhTransaction *lh_store_begin_read         (LhStore     *self,
                                            GError     **error);
gboolean       lh_transaction_commit       (LhTransaction *tx,
                                            GError       **error);

/* Erasure that leaves no copy behind. secure_delete zeroes a deleted
 * row's bytes in the database's pages, but the WAL keeps the pages as
 * they were until it is checkpointed and cut short. lh_store_scrub()
 * copies the WAL into the database and truncates it to nothing; it fails
 * (LH_ERROR_BUSY) while a reader elsewhere (a backup, an sqlite3 shell)
 * holds an older snapshot, or inside a transaction, and the store keeps
 * it pending (lh_store_scrub_pending()) until a later call gets through.
 * lh_store_scrub_when_committed() is for a caller that erased: it scrubs
 * now, or when the transaction it is in commits, and logs a failure. */
void           lh_store_scrub_when_committed (LhStore *self);
gboolean       lh_store_scrub              (LhStore     *self,
                                            GError     **error);
gboolean       lh_store_scrub_pending      (LhStore     *self);

/* Turns an SQLite result code into an LH_ERROR with context. */
void           lh_store_set_error          (LhStore     *self,
                                            GError     **error,
                                            int          rc,
                                            const char  *context);

G_END_DECLS
