/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A person's kiosk settings (language, large text, high contrast): kept
 * for the person, given at every sign-in, theirs alone to change from
 * every role, refused whole when wrong, and gone without trace when
 * removed (issue 15). */
#include <sqlite3.h>

#include "api-test-parts.h"
#include "lh-api-client.h"

static LhTestDaemon *daemon_;
static SoupSession *session_;

static LhApiReply *
call (const char *method, const char *token, const char *body)
{
  return lh_api_call (session_, daemon_->base_url, method, "/api/v1/me/settings", token, body);
}

static JsonObject *
settings_of (LhApiReply *reply)
{
  g_assert_nonnull (reply->json);
  return json_object_get_object_member (json_node_get_object (reply->json), "settings");
}

/* A fresh sign-in's whole reply, as the kiosk reads it. */
static LhApiReply *
sign_in (const char *roles)
{
  const char *staff, *pin;
  g_autofree char *body = NULL;
  LhApiReply *reply;

  g_assert_true (lh_test_daemon_account (daemon_, roles, &staff, &pin));
  body = g_strdup_printf ("{\"staff_number\": \"%s\", \"pin\": \"%s\"}", staff, pin);
  reply = lh_api_call (session_, daemon_->base_url, "POST", "/api/v1/sessions", daemon_->device_token, body);
  g_assert_cmpuint (reply->status, ==, 201);
  return reply;
}

static void
assert_settings (JsonObject *settings, const char *language, gboolean large_text, gboolean high_contrast)
{
  g_assert_nonnull (settings);
  if (language == NULL)
    g_assert_true (json_object_get_null_member (settings, "language"));
  else
    g_assert_cmpstr (json_object_get_string_member (settings, "language"), ==, language);
  g_assert_cmpint (json_object_get_boolean_member (settings, "large_text"), ==, large_text);
  g_assert_cmpint (json_object_get_boolean_member (settings, "high_contrast"), ==, high_contrast);
}

/* Every role keeps its own; the next sign-in gives them back; a kiosk's
 * bare token and no token are nobody. */
static void
test_every_role_its_own (void)
{
  static const char * const roles[] = { "learner", "learner,ulr", "learner,committee", "admin" };
  static const char * const languages[] = { "pl", "ar", "ro", "en" };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(LhApiReply) first = sign_in (roles[i]);
      const char *token = lh_api_reply_string (first, "token");
      g_autofree char *body = g_strdup_printf ("{\"language\": \"%s\", \"large_text\": %s}", languages[i],
                                               i % 2 ? "true" : "false");
      g_autoptr(LhApiReply) put = NULL;
      g_autoptr(LhApiReply) again = NULL;
      g_autoptr(LhApiReply) get = NULL;

      /* Nothing kept yet: the centre's defaults. */
      assert_settings (settings_of (first), NULL, FALSE, FALSE);
      put = call ("PUT", token, body);
      g_assert_cmpuint (put->status, ==, 200);
      assert_settings (settings_of (put), languages[i], i % 2, FALSE);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (put->json),
                                                                             "languages")), ==, 4);
      /* A member left out stays as it was. */
      g_clear_pointer (&put, lh_api_reply_free);
      put = call ("PUT", token, "{\"high_contrast\": true}");
      assert_settings (settings_of (put), languages[i], i % 2, TRUE);
      again = sign_in (roles[i]);
      assert_settings (settings_of (again), languages[i], i % 2, TRUE);
      get = call ("GET", lh_api_reply_string (again, "token"), NULL);
      assert_settings (settings_of (get), languages[i], i % 2, TRUE);
    }
  for (guint i = 0; i < 3; i++)
    {
      const char *method = (const char *[]) { "GET", "PUT", "DELETE" }[i];
      g_autoptr(LhApiReply) kiosk = call (method, daemon_->device_token, "{\"language\": \"pl\"}");
      g_autoptr(LhApiReply) nobody = call (method, NULL, "{\"language\": \"pl\"}");

      g_assert_cmpuint (kiosk->status, ==, 401);
      g_assert_cmpuint (nobody->status, ==, 401);
    }
  /* Each role's own, not another's: the admin's is still its own. */
  {
    g_autoptr(LhApiReply) admin = sign_in ("admin");
    g_autoptr(LhApiReply) learner = sign_in ("learner");

    assert_settings (settings_of (admin), "en", TRUE, TRUE);
    assert_settings (settings_of (learner), "pl", FALSE, TRUE);
  }
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(LhApiReply) again = sign_in (roles[i]);
      g_autoptr(LhApiReply) erase = call ("DELETE", lh_api_reply_string (again, "token"), NULL);

      g_assert_cmpuint (erase->status, ==, 204);
    }
}

static void
test_bad_settings_change_nothing (void)
{
  static const struct { const char *body; const char *reason; } cases[] = {
    { "{\"language\": \"xx\"}", "language-unknown" },
    { "{\"language\": \"PL\"}", "language-unknown" },
    { "{\"language\": \"\"}", "language-unknown" },
    { "{\"language\": 48}", "body-invalid" },
    { "{\"large_text\": \"yes\"}", "body-invalid" },
    { "{\"high_contrast\": 1}", "body-invalid" },
    { "{\"large_text\": null}", "body-invalid" },
    { "{\"language\": \"ro\", \"colour\": \"red\"}", "body-invalid" },
    { "[\"pl\"]", NULL },
    { "not json", NULL },
  };
  g_autoptr(LhApiReply) signed_in = sign_in ("learner");
  const char *token = lh_api_reply_string (signed_in, "token");
  g_autoptr(LhApiReply) put = call ("PUT", token, "{\"language\": \"ar\", \"large_text\": true}");
  g_autoptr(LhApiReply) after = NULL;
  g_autoptr(LhApiReply) erase = NULL;

  g_assert_cmpuint (put->status, ==, 200);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LhApiReply) bad = call ("PUT", token, cases[i].body);

      g_assert_cmpuint (bad->status, ==, 400);
      g_assert_cmpstr (bad->content_type, ==, "application/problem+json");
      if (cases[i].reason != NULL)
        g_assert_cmpstr (lh_api_reply_string (bad, "reason"), ==, cases[i].reason);
    }
  after = call ("GET", token, NULL);
  assert_settings (settings_of (after), "ar", TRUE, FALSE);
  erase = call ("DELETE", token, NULL);
  g_assert_cmpuint (erase->status, ==, 204);
}

static int
rows_of (const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rows;

  g_assert_cmpint (sqlite3_open_v2 (daemon_->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  rows = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

/* Removed: the next sign-in has the centre's defaults, and no row is
 * left; the demo's learners who chose a language keep theirs. */
static void
test_removed (void)
{
  /* The demo's own: a Polish, a Romanian and an Arabic speaker. */
  int demo_rows = rows_of ("SELECT count(*) FROM person_settings");
  g_autoptr(LhApiReply) signed_in = sign_in ("learner,ulr");
  const char *token = lh_api_reply_string (signed_in, "token");
  g_autoptr(LhApiReply) put = call ("PUT", token, "{\"language\": \"ro\", \"high_contrast\": true}");
  g_autoptr(LhApiReply) erase = NULL;
  g_autoptr(LhApiReply) again = NULL;

  g_assert_cmpint (demo_rows, ==, 3);
  g_assert_cmpint (rows_of ("SELECT count(DISTINCT language) FROM person_settings"), ==, 3);
  g_assert_cmpuint (put->status, ==, 200);
  g_assert_cmpint (rows_of ("SELECT count(*) FROM person_settings"), ==, 4);
  erase = call ("DELETE", token, NULL);
  g_assert_cmpuint (erase->status, ==, 204);
  again = sign_in ("learner,ulr");
  assert_settings (settings_of (again), NULL, FALSE, FALSE);
  g_assert_cmpint (rows_of ("SELECT count(*) FROM person_settings"), ==, 3);
  g_clear_pointer (&erase, lh_api_reply_free);
  /* Removing nothing is no error. */
  erase = call ("DELETE", lh_api_reply_string (again, "token"), NULL);
  g_assert_cmpuint (erase->status, ==, 204);
}

void
lh_api_settings_add_tests (LhTestDaemon *daemon,
                           SoupSession  *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/settings/every-role-its-own", test_every_role_its_own);
  g_test_add_func ("/api/settings/bad-settings-change-nothing", test_bad_settings_change_nothing);
  g_test_add_func ("/api/settings/removed", test_removed);
}
