/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A learner's equality self-declaration: their own to read, change and
 * remove, from every role; nobody else's, for any role; bad answers
 * change nothing; removed answers leave no trace in the database's
 * files. */
/* memmem() */
#define _GNU_SOURCE
#include <sqlite3.h>
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"

static LhTestDaemon *daemon_;
static SoupSession *session_;

static LhApiReply *
call (const char *method, const char *token, const char *body)
{
  return lh_api_call (session_, daemon_->base_url, method, "/api/v1/me/equality", token, body);
}

static JsonObject *
answers_of (LhApiReply *reply)
{
  g_assert_cmpuint (reply->status, ==, 200);
  return json_object_get_object_member (json_node_get_object (reply->json), "answers");
}

/* Every role answers for itself; a kiosk's bare token and no token are
 * nobody. */
static void
test_every_role_its_own (void)
{
  static const char * const roles[] = { "learner", "learner,ulr", "learner,committee", "admin" };
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"answers\": {\"age-band\": \"%s\"}}",
                                               i % 2 ? "45-54" : "prefer-not-to-say");
      char *token = lh_api_sign_in_as (session_, daemon_, roles[i]);
      g_autoptr(LhApiReply) put = call ("PUT", token, body);

      g_ptr_array_add (tokens, token);
      g_assert_cmpstr (json_object_get_string_member (answers_of (put), "age-band"), ==,
                       i % 2 ? "45-54" : "prefer-not-to-say");
    }
  /* Each reads back only their own, whatever their role. */
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(LhApiReply) get = call ("GET", g_ptr_array_index (tokens, i), NULL);
      JsonObject *answers = answers_of (get);

      g_assert_cmpuint (json_object_get_size (answers), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (answers, "age-band"), ==,
                       i % 2 ? "45-54" : "prefer-not-to-say");
    }
  for (guint i = 0; i < 3; i++)
    {
      const char *method = (const char *[]) { "GET", "PUT", "DELETE" }[i];
      g_autoptr(LhApiReply) kiosk = call (method, daemon_->device_token, "{\"answers\": {}}");
      g_autoptr(LhApiReply) nobody = call (method, NULL, "{\"answers\": {}}");

      g_assert_cmpuint (kiosk->status, ==, 401);
      g_assert_cmpuint (nobody->status, ==, 401);
    }
  for (guint i = 0; i < tokens->len; i++)
    {
      g_autoptr(LhApiReply) erase = call ("DELETE", g_ptr_array_index (tokens, i), NULL);

      g_assert_cmpuint (erase->status, ==, 204);
    }
}

/* No address reads another person's answers, for the admin or the
 * committee: the people's routes say nothing of them either. */
static void
test_nobody_elses (void)
{
  g_autofree char *learner_name = NULL;
  gint64 learner_id = 0;
  g_autofree char *learner = lh_api_sign_in_nth (session_, daemon_, "learner", 1, &learner_id, &learner_name);
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  g_autoptr(LhApiReply) put = call ("PUT", learner, "{\"answers\": {\"ethnicity\": \"mixed\", \"caring\": \"yes\"}}");
  const char *tokens[] = { admin, committee };

  g_assert_cmpuint (put->status, ==, 200);
  for (guint t = 0; t < G_N_ELEMENTS (tokens); t++)
    {
      g_autoptr(LhApiReply) none = call ("DELETE", tokens[t], NULL);

      g_assert_cmpuint (none->status, ==, 204);
    }
  for (guint t = 0; t < G_N_ELEMENTS (tokens); t++)
    {
      g_autoptr(LhApiReply) own = call ("GET", tokens[t], NULL);
      g_autofree char *person = lh_api_path ("/api/v1/people/%" G_GINT64_FORMAT "/equality", learner_id);
      g_autofree char *query = lh_api_path ("/api/v1/me/equality?person_id=%" G_GINT64_FORMAT, learner_id);
      g_autoptr(LhApiReply) by_id = lh_api_call (session_, daemon_->base_url, "GET", person, tokens[t], NULL);
      g_autoptr(LhApiReply) by_query = lh_api_call (session_, daemon_->base_url, "GET", query, tokens[t], NULL);

      g_assert_false (json_object_has_member (answers_of (own), "ethnicity"));
      g_assert_cmpuint (by_id->status, ==, 404);
      g_assert_false (json_object_has_member (answers_of (by_query), "ethnicity"));
    }
  g_clear_pointer (&put, lh_api_reply_free);
  put = call ("DELETE", learner, NULL);
  g_assert_cmpuint (put->status, ==, 204);
}

static void
test_bad_answers_change_nothing (void)
{
  static const struct { const char *body; guint status; const char *reason; } cases[] = {
    { "{\"answers\": {\"age-band\": \"35-44\", \"star-sign\": \"leo\"}}", 422, "factor-unknown" },
    { "{\"answers\": {\"age-band\": \"ancient\"}}", 422, "group-unknown" },
    { "{\"answers\": {\"gender\": \"not-declared\"}}", 422, "group-unknown" },
    { "{\"answers\": {\"age-band\": 35}}", 400, "body-invalid" },
    { "{\"answers\": [\"35-44\"]}", 400, "body-invalid" },
    { "{}", 400, "body-invalid" },
    { "not json", 400, NULL },
  };
  g_autofree char *learner = lh_api_sign_in_as (session_, daemon_, "learner");
  g_autoptr(LhApiReply) put = call ("PUT", learner, "{\"answers\": {\"disability\": \"no\"}}");
  g_autoptr(LhApiReply) after = NULL;
  JsonObject *answers;

  g_assert_cmpuint (put->status, ==, 200);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LhApiReply) bad = call ("PUT", learner, cases[i].body);

      g_assert_cmpuint (bad->status, ==, cases[i].status);
      g_assert_cmpstr (bad->content_type, ==, "application/problem+json");
      if (cases[i].reason != NULL)
        g_assert_cmpstr (lh_api_reply_string (bad, "reason"), ==, cases[i].reason);
    }
  after = call ("GET", learner, NULL);
  answers = answers_of (after);
  g_assert_cmpuint (json_object_get_size (answers), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (answers, "disability"), ==, "no");
  g_clear_pointer (&put, lh_api_reply_free);
  put = call ("DELETE", learner, NULL);
}

/* The factors in the order asked, each ending with prefer-not-to-say. */
static void
test_questions_listed (void)
{
  g_autofree char *learner = lh_api_sign_in_as (session_, daemon_, "learner");
  g_autoptr(LhApiReply) get = call ("GET", learner, NULL);
  JsonArray *factors = json_object_get_array_member (json_node_get_object (get->json), "factors");

  g_assert_cmpuint (json_array_get_length (factors), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (factors, 0), "key"), ==,
                   "age-band");
  for (guint i = 0; i < json_array_get_length (factors); i++)
    {
      JsonArray *groups = json_object_get_array_member (json_array_get_object_element (factors, i), "groups");

      g_assert_cmpstr (json_array_get_string_element (groups, json_array_get_length (groups) - 1), ==,
                       "prefer-not-to-say");
    }
}

/* The holders (keyed hashes) the database has answers under. */
static GPtrArray *
read_holders (void)
{
  GPtrArray *holders = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (daemon_->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT DISTINCT holder FROM equality_answers", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (holders, g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return holders;
}

static gboolean
files_hold (GBytes *needle)
{
  static const char * const suffixes[] = { "", "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (daemon_->db_path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0, size = 0;
      const void *data = g_bytes_get_data (needle, &size);

      if (g_file_get_contents (path, &contents, &length, NULL) && memmem (contents, length, data, size) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Removed means gone: the learner's holder is nowhere in the database,
 * its WAL or a journal. */
static void
test_removed_without_trace (void)
{
  g_autofree char *learner = lh_api_sign_in_as (session_, daemon_, "learner");
  g_autoptr(LhApiReply) clear = call ("DELETE", learner, NULL);
  g_autoptr(GPtrArray) before = read_holders ();
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(LhApiReply) put = call ("PUT", learner, "{\"answers\": {\"qualifications\": \"level-3\"}}");
  g_autoptr(LhApiReply) erase = NULL;
  g_autoptr(LhApiReply) get = NULL;
  GBytes *mine = NULL;

  g_assert_cmpuint (put->status, ==, 200);
  after = read_holders ();
  g_assert_cmpuint (after->len, ==, before->len + 1);
  for (guint i = 0; i < after->len && mine == NULL; i++)
    if (!g_ptr_array_find_with_equal_func (before, g_ptr_array_index (after, i), (GEqualFunc) g_bytes_equal, NULL))
      mine = g_ptr_array_index (after, i);
  g_assert_nonnull (mine);
  g_assert_cmpuint (g_bytes_get_size (mine), ==, 32);
  g_assert_true (files_hold (mine));

  erase = call ("DELETE", learner, NULL);
  g_assert_cmpuint (erase->status, ==, 204);
  g_assert_false (files_hold (mine));
  get = call ("GET", learner, NULL);
  g_assert_cmpuint (json_object_get_size (answers_of (get)), ==, 0);
}

void
lh_api_equality_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/equality/every-role-its-own", test_every_role_its_own);
  g_test_add_func ("/api/equality/nobody-elses", test_nobody_elses);
  g_test_add_func ("/api/equality/bad-answers-change-nothing", test_bad_answers_change_nothing);
  g_test_add_func ("/api/equality/questions-listed", test_questions_listed);
  g_test_add_func ("/api/equality/removed-without-trace", test_removed_without_trace);
}
