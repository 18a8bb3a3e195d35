/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Erased means gone. Once a learner asked for their advice record to go
 * and a ULR of theirs confirmed, the notes are nowhere in the database's
 * files (the database, its WAL, a rollback journal), sealed or not: a
 * copy of the disk, or a backup, holds nothing to open with the key. */
/* memmem() */
#define _GNU_SOURCE
#include <sqlite3.h>
#include <string.h>

#include "lh-api-client.h"
#include "lh-test-daemon.h"

static const char * const words[] = {
  "Erasure check: dyslexia screening asked for, 4417",
  "Erasure check: afraid the supervisor will find out about the maths course, 4418",
};

typedef struct
{
  LhTestDaemon *daemon;   /* (owned) */
  SoupSession  *session;  /* (owned) */
  char         *learner;  /* (owned) the learner's session token */
  char         *ulr;      /* (owned) their ULR's */
  gint64        learner_id;
  GPtrArray    *sealed;   /* (owned) (element-type GBytes) the learner's notes as stored */
} Centre;

static guint
status_of (Centre *c, const char *method, const char *path, const char *token, const char *body)
{
  g_autoptr(LhApiReply) reply = lh_api_call (c->session, c->daemon->base_url, method, path, token, body);

  return reply->status;
}

/* The learner's notes as the database holds them: what an attacker with
 * the files and the key would look for. The connection is closed at once,
 * so that it holds no snapshot. */
static GPtrArray *
read_sealed_notes (const char *db_path, gint64 learner_id)
{
  GPtrArray *sealed = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT body FROM advice_notes WHERE learner_id = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, learner_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (sealed, g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return sealed;
}

/* Whether the database, its WAL or a rollback journal holds the bytes. */
static gboolean
files_hold (const char *db_path, const void *needle, gsize size)
{
  static const char * const suffixes[] = { "", "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (path, &contents, &length, NULL) && memmem (contents, length, needle, size) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* How many of the sealed notes some file still holds, whole or by their
 * nonce (the first 24 bytes, unique to each). */
static guint
count_left (Centre *c)
{
  guint left = 0;

  for (guint i = 0; i < c->sealed->len; i++)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (g_ptr_array_index (c->sealed, i), &size);

      left += files_hold (c->daemon->db_path, data, size) || files_hold (c->daemon->db_path, data, MIN (size, 24));
    }
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    left += files_hold (c->daemon->db_path, words[i], strlen (words[i]));
  return left;
}

/* The demo's first learner, who shares her record with the first ULR; he
 * writes the notes, and they are read back as stored. */
static Centre *
centre_start (void)
{
  Centre *c = g_new0 (Centre, 1);
  g_autofree char *share = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *learner_name = NULL;
  g_autofree char *ulr_name = NULL;
  gint64 ulr_id;

  c->daemon = lh_test_daemon_start (NULL);
  c->session = soup_session_new ();
  c->learner = lh_api_sign_in_nth (c->session, c->daemon, "learner", 0, &c->learner_id, &learner_name);
  c->ulr = lh_api_sign_in_nth (c->session, c->daemon, "learner,ulr", 0, &ulr_id, &ulr_name);
  share = g_strdup_printf ("{\"ulr_id\":%" G_GINT64_FORMAT "}", ulr_id);
  g_assert_cmpuint (status_of (c, "POST", "/api/v1/me/record/shares", c->learner, share), ==, 204);
  notes = lh_api_path ("/api/v1/learners/%" G_GINT64_FORMAT "/notes", c->learner_id);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"text\":\"%s\"}", words[i]);

      g_assert_cmpuint (status_of (c, "POST", notes, c->ulr, body), ==, 201);
    }
  c->sealed = read_sealed_notes (c->daemon->db_path, c->learner_id);
  g_assert_cmpuint (c->sealed->len, >=, G_N_ELEMENTS (words));
  /* The search finds them while they are kept. */
  g_assert_cmpuint (count_left (c), ==, c->sealed->len);
  return c;
}

static void
centre_stop (Centre *c)
{
  g_ptr_array_unref (c->sealed);
  g_free (c->learner);
  g_free (c->ulr);
  g_object_unref (c->session);
  lh_test_daemon_stop (c->daemon);
  g_free (c);
}

static void
ask_and_confirm (Centre *c)
{
  g_autofree char *confirm = lh_api_path ("/api/v1/learners/%" G_GINT64_FORMAT "/record/deletion", c->learner_id);

  g_assert_cmpuint (status_of (c, "POST", "/api/v1/me/record/deletion", c->learner, NULL), ==, 202);
  g_assert_cmpuint (status_of (c, "POST", confirm, c->ulr, NULL), ==, 204);
}

static void
test_confirmed_deletion_leaves_no_copy (void)
{
  Centre *c = centre_start ();

  ask_and_confirm (c);
  g_assert_cmpuint (count_left (c), ==, 0);
  centre_stop (c);
}

/* A reader holding an older snapshot (a backup, an sqlite3 shell) keeps
 * the WAL from being cleared; the daemon keeps trying, and the next
 * change it commits after the reader lets go clears it. */
static void
test_reader_only_delays_it (void)
{
  Centre *c = centre_start ();
  sqlite3 *reader = NULL;

  g_assert_cmpint (sqlite3_open_v2 (c->daemon->db_path, &reader, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "BEGIN; SELECT count(*) FROM advice_notes", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  ask_and_confirm (c);
  g_assert_cmpuint (count_left (c), >, 0);
  g_assert_cmpint (sqlite3_exec (reader, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (reader);

  /* Any change will do: here the learner's sign-out. */
  g_assert_cmpuint (status_of (c, "DELETE", "/api/v1/sessions/current", c->learner, NULL), ==, 204);
  g_assert_cmpuint (count_left (c), ==, 0);
  centre_stop (c);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/api/erasure/confirmed-deletion-leaves-no-copy", test_confirmed_deletion_leaves_no_copy);
  g_test_add_func ("/api/erasure/reader-only-delays-it", test_reader_only_delays_it);
  return g_test_run ();
}
