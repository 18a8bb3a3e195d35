/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Data is never lost (issue 16) when the disk fails under the daemon: a
 * disk that fills up, a database that cannot be written. */
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "lh-api-client.h"
#include "lh-test-daemon.h"

#define LEARNERS 6
/* No file of the daemon's may grow past this: its WAL fills after a few
 * bookings, and no checkpoint comes before (SQLite's is at 1000 pages). */
#define FILE_LIMIT (256 * 1024)

typedef struct
{
  guint   learner;
  int     resource_id;
  gint64  start;      /* Unix time */
  gint64  id;         /* 0: refused */
} Asked;

static gint64
unix_time (const char *iso)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

static gboolean
is_storage_full (LhApiReply *reply)
{
  const char *type;

  if (reply->status != 503 || reply->json == NULL)
    return FALSE;
  type = lh_api_reply_string (reply, "type");
  return g_str_has_suffix (type, "/problems/storage-full") &&
         g_strcmp0 (lh_api_reply_string (reply, "reason"), "storage-full") == 0 &&
         strlen (lh_api_reply_string (reply, "detail")) > 0;
}

/* Asks for an hour of PC learner+1; the answer goes in asked. */
static guint
book (SoupSession *session, LhTestDaemon *daemon, const char *token, guint learner, int day, int hour,
      GArray *asked)
{
  g_autofree char *start = lh_api_day_at (day, hour);
  g_autofree char *end = lh_api_day_at (day, hour + 1);
  g_autofree char *body = g_strdup_printf ("{\"resource_id\":%u,\"start\":\"%s\",\"end\":\"%s\"}",
                                           learner + 1, start, end);
  g_autoptr(LhApiReply) reply = lh_api_call (session, daemon->base_url, "POST", "/api/v1/bookings", token, body);
  Asked one = { learner, (int) learner + 1, unix_time (start), 0 };

  if (reply->status == 201)
    {
      one.id = lh_api_reply_int (reply, "id");
      g_assert_cmpint (one.id, >, 0);
      g_array_append_val (asked, one);
    }
  else if (is_storage_full (reply))
    g_array_append_val (asked, one);
  else
    /* A rule's refusal (a limit, a clash) writes nothing. */
    g_assert_cmpuint (reply->status / 100, ==, 4);
  return reply->status;
}

static void
check_integrity (const char *db_path, gpointer user_data)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* learner's bookings, as "id" -> start, and "resource@start" keys. */
static void
read_bookings (SoupSession *session, LhTestDaemon *daemon, const char *token, GHashTable *ids, GHashTable *slots)
{
  g_autoptr(LhApiReply) reply = lh_api_call (session, daemon->base_url, "GET", "/api/v1/me/bookings", token, NULL);
  JsonArray *bookings;

  g_assert_cmpuint (reply->status, ==, 200);
  bookings = json_object_get_array_member (json_node_get_object (reply->json), "bookings");
  for (guint i = 0; i < json_array_get_length (bookings); i++)
    {
      JsonObject *b = json_array_get_object_element (bookings, i);

      g_hash_table_add (ids, g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (b, "id")));
      g_hash_table_add (slots, g_strdup_printf ("%" G_GINT64_FORMAT "@%" G_GINT64_FORMAT,
                                                json_object_get_int_member (b, "resource_id"),
                                                unix_time (json_object_get_string_member (b, "start"))));
    }
}

/* The disk fills up (a file-size limit, as a full disk without filling
 * one): writes are answered 503 storage-full, reads go on, and once there
 * is room again every confirmed booking is there, no refused one is, and
 * the database is whole. */
static void
test_disk_full (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GArray) asked = g_array_new (FALSE, TRUE, sizeof (Asked));
  g_autofree char *debug = g_strdup (g_getenv ("G_DEBUG"));
  char *tokens[LEARNERS];
  guint confirmed = 0, refused = 0;
  gboolean full = FALSE;
  const char *staff, *pin;

  for (guint i = 0; i < LEARNERS; i++)
    {
      gint64 id;
      g_autofree char *name = NULL;

      tokens[i] = lh_api_sign_in_nth (session, daemon, "learner", i, &id, &name);
    }

  /* The daemon logs the failed writes as warnings, which must not end it. */
  g_unsetenv ("G_DEBUG");
  lh_test_daemon_restart_with_file_limit (daemon, FILE_LIMIT);
  if (debug != NULL)
    g_setenv ("G_DEBUG", debug, TRUE);

  /* Bookings until the disk is full; then it stays full: each write is
   * refused the same way, none half done, none confirmed. */
  for (int day = 1; day <= 14 && refused <= LEARNERS; day++)
    for (int hour = 9; hour < 17 && refused <= LEARNERS; hour++)
      for (guint i = 0; i < LEARNERS && refused <= LEARNERS; i++)
        {
          guint status = book (session, daemon, tokens[i], i, day, hour, asked);

          if (full)
            g_assert_cmpuint (status, !=, 201);
          full |= status == 503;
          refused += status == 503;
        }
  g_assert_true (full);
  g_assert_cmpuint (refused, >, LEARNERS);
  refused = 0;

  /* Reads still work meanwhile. */
  {
    g_autofree char *day = lh_api_day_at (2, 9);
    g_autofree char *path = g_strdup_printf ("/api/v1/availability?date=%.10s", day);
    g_autoptr(LhApiReply) availability = lh_api_call (session, daemon->base_url, "GET", path, tokens[0], NULL);
    g_autoptr(LhApiReply) mine = lh_api_call (session, daemon->base_url, "GET", "/api/v1/me/bookings",
                                              tokens[1], NULL);
    g_autoptr(LhApiReply) sign_in = NULL;
    g_autofree char *body = NULL;

    g_assert_cmpuint (availability->status, ==, 200);
    g_assert_cmpuint (mine->status, ==, 200);
    /* A sign-in stores its session, a write of a page or two: it goes in
     * if that still fits (SQLite reuses the WAL past its last commit),
     * else it is refused as plainly as a booking, never a 500. */
    g_assert_true (lh_test_daemon_account (daemon, "learner", &staff, &pin));
    body = g_strdup_printf ("{\"staff_number\":\"%s\",\"pin\":\"%s\"}", staff, pin);
    sign_in = lh_api_call (session, daemon->base_url, "POST", "/api/v1/sessions", daemon->device_token, body);
    g_test_message ("A sign-in while full: %u", sign_in->status);
    g_assert_true (sign_in->status == 201 || is_storage_full (sign_in));
  }

  /* Room again: the next start has no limit. */
  lh_test_daemon_restart (daemon, SIGTERM);
  lh_test_daemon_while_stopped (daemon, check_integrity, NULL);
  for (guint i = 0; i < LEARNERS; i++)
    {
      g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      read_bookings (session, daemon, tokens[i], ids, slots);
      for (guint a = 0; a < asked->len; a++)
        {
          Asked *one = &g_array_index (asked, Asked, a);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, one->id);
          g_autofree char *slot = g_strdup_printf ("%d@%" G_GINT64_FORMAT, one->resource_id, one->start);

          if (one->learner != i)
            continue;
          if (one->id != 0)
            g_assert_true (g_hash_table_contains (ids, id));
          else
            g_assert_false (g_hash_table_contains (slots, slot));
          confirmed += one->id != 0;
          refused += one->id == 0;
        }
    }
  g_test_message ("%u bookings confirmed before the disk was full, %u refused", confirmed, refused);
  g_assert_cmpuint (confirmed, >, 0);
  g_assert_cmpuint (refused, >=, LEARNERS + 1);
  for (guint i = 0; i < LEARNERS; i++)
    g_free (tokens[i]);
}

typedef struct
{
  const char * const *argv;  /* how the daemon was started */
  char               *said;  /* (owned) its stderr */
  int                 status;
  gboolean            made;  /* the database could be made read-only */
} ReadOnly;

/* Starts learnhubd once with its database's directory read-only: a
 * read-only bind mount in a mount namespace of its own, which holds for
 * root too (root writes a file whatever its mode). Not root, a file and
 * directory of mode 0555 do the same. */
static void
start_read_only (const char *db_path, gpointer user_data)
{
  ReadOnly *ro = user_data;
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean as_root = geteuid () == 0;

  if (as_root)
    {
      const char *script = "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && "
                           "echo READ-ONLY >&2 && shift && exec \"$@\"";
      const char *head[] = { "unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh", dir };

      for (guint i = 0; i < G_N_ELEMENTS (head); i++)
        g_ptr_array_add (argv, (char *) head[i]);
    }
  else
    {
      g_assert_cmpint (g_chmod (db_path, 0444), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
    }
  for (guint i = 0; ro->argv[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) ro->argv[i]);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &ro->said, &error);
  g_assert_no_error (error);
  ro->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  ro->made = !as_root || strstr (ro->said, "READ-ONLY") != NULL;
  if (!as_root)
    {
      g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
      g_assert_cmpint (g_chmod (db_path, 0600), ==, 0);
    }
}

/* A database that cannot be written: learnhubd will not start, and says
 * which file and what to do (why not serve it read-only: see
 * lh_store_check_writable). Started again on a writable one, all is well. */
static void
test_read_only_database (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  ReadOnly ro = { (const char * const *) daemon->argv, NULL, 0, FALSE };
  g_autofree char *token = NULL;

  lh_test_daemon_while_stopped (daemon, start_read_only, &ro);
  if (!ro.made)
    {
      /* Said, not silently passed: no namespace here for the mount. */
      g_test_skip_printf ("cannot make a read-only mount here (unshare: %s)", ro.said);
      g_free (ro.said);
      return;
    }
  g_test_message ("%s", ro.said);
  g_assert_cmpint (ro.status, ==, 1);
  g_assert_nonnull (strstr (ro.said, daemon->db_path));
  g_assert_nonnull (strstr (ro.said, "cannot be written to"));
  g_assert_nonnull (strstr (ro.said, "writable by the user"));
  g_free (ro.said);
  /* Nothing was harmed: the daemon started again serves and books. */
  token = lh_api_sign_in_as (session, daemon, "learner");
  g_assert_nonnull (token);
}

int
main (int argc, char **argv)
{
  int result;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/api/disk-faults/disk-full", test_disk_full);
  g_test_add_func ("/api/disk-faults/read-only-database", test_read_only_database);
  result = g_test_run ();
  lh_api_client_forget ();
  return result;
}
