/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text that would get round the rules by being cut short: a NUL in a JSON
 * string (json-glib keeps only what comes before it), a %00 in a query
 * (libsoup decodes it into a C string), and control characters where a
 * line of text belongs. Each is refused, not read as its first part. */
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"

static LhTestDaemon *daemon_;
static SoupSession *session_;

static LhApiReply *
call (const char *method, const char *path, const char *token, const char *body)
{
  return lh_api_call (session_, daemon_->base_url, method, path, token, body);
}

static void
assert_problem (LhApiReply *reply, guint status, const char *type)
{
  g_autofree char *want = g_strconcat ("https://learnhub.example/problems/", type, NULL);

  g_test_message ("%u %s", reply->status, reply->text);
  g_assert_cmpuint (reply->status, ==, status);
  g_assert_cmpstr (reply->content_type, ==, "application/problem+json");
  g_assert_cmpstr (lh_api_reply_string (reply, "type"), ==, want);
}

/* "100013\u0000junk" with 100013's PIN once signed in as 100013. */
static void
test_sign_in_staff_number_with_nul (void)
{
  const char *staff, *pin;
  g_autofree char *body = NULL;
  g_autofree char *escaped_backslash = NULL;
  g_autoptr(LhApiReply) nul = NULL;
  g_autoptr(LhApiReply) text = NULL;

  g_assert_true (lh_test_daemon_account (daemon_, "admin", &staff, &pin));
  body = g_strdup_printf ("{\"staff_number\":\"%s\\u0000junk\",\"pin\":\"%s\"}", staff, pin);
  nul = call ("POST", "/api/v1/sessions", daemon_->device_token, body);
  assert_problem (nul, 400, "bad-request");
  g_assert_nonnull (strstr (lh_api_reply_string (nul, "detail"), "NUL"));

  /* "\\u0000" is a backslash and "u0000", not a NUL: an unknown number. */
  escaped_backslash = g_strdup_printf ("{\"staff_number\":\"%s\\\\u0000\",\"pin\":\"%s\"}", staff, pin);
  text = call ("POST", "/api/v1/sessions", daemon_->device_token, escaped_backslash);
  g_assert_cmpuint (text->status, ==, 401);
}

/* "Eve\u0000Hidden" was stored as "Eve"; a line break or an escape
 * sequence in a name is refused too. */
static void
test_guest_name_cut_short (void)
{
  gint64 sponsor_id;
  g_autofree char *sponsor_name = NULL;
  g_autofree char *sponsor = lh_api_sign_in_nth (session_, daemon_, "learner", 7, &sponsor_id, &sponsor_name);
  g_autoptr(LhApiReply) nul = call ("POST", "/api/v1/guests", sponsor, "{\"name\":\"Eve\\u0000Hidden\"}");
  g_autoptr(LhApiReply) escape = call ("POST", "/api/v1/guests", sponsor, "{\"name\":\"Eve\\u001b[2JHidden\"}");
  g_autoptr(LhApiReply) newline = call ("POST", "/api/v1/guests", sponsor, "{\"name\":\"Eve\\nHidden\"}");
  g_autoptr(LhApiReply) separator = call ("POST", "/api/v1/guests", sponsor, "{\"name\":\"Eve\\u2028Hidden\"}");
  static const char with_nul[] = "{\"name\":\"Eve\0Hidden\"}";
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static (with_nul, sizeof with_nul - 1);
  g_autoptr(GBytes) answer = NULL;
  g_autofree char *url = g_strconcat (daemon_->base_url, "/api/v1/guests", NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", sponsor, NULL);

  assert_problem (nul, 400, "bad-request");
  assert_problem (escape, 400, "bad-request");
  assert_problem (newline, 422, "invalid");
  assert_problem (separator, 422, "invalid");

  /* A raw NUL byte in the body, which a C string would end at. */
  msg = soup_message_new ("POST", url);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  answer = soup_session_send_and_read (session_, msg, NULL, NULL);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 400);
}

/* date=2026-12-04%00x was read as 2026-12-04. */
static void
test_query_with_nul (void)
{
  g_autofree char *today = lh_api_day_at (0, 12);
  g_autofree char *date = g_strndup (today, 10);
  const char *paths[][2] = {
    /* before the date, after it */
    { "/api/v1/availability?date=", "%00x" },
    { "/api/v1/availability?date=", "%0a" },
    { "/api/v1/terms?at=", "%00x" },
    { "/api/v1/group-sessions?from=", "%00x" },
    { "/api/v1/assessment-slots?to=", "%00" },
    { "/api/v1/me/time-off?date=", "%00x" },
    /* Every route, not only those that read a date. */
    { "/api/v1/dropins?from=", "%00x" },
  };
  g_autofree char *learner = lh_api_sign_in_as (session_, daemon_, "learner");

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *path = g_strconcat (paths[i][0], date, paths[i][1], NULL);
      g_autoptr(LhApiReply) reply = call ("GET", path, learner, NULL);

      g_test_message ("%s", path);
      assert_problem (reply, 400, "bad-request");
    }
  {
    /* The same date alone is fine. */
    g_autofree char *path = g_strdup_printf ("/api/v1/availability?date=%s", date);
    g_autoptr(LhApiReply) reply = call ("GET", path, learner, NULL);

    g_assert_cmpuint (reply->status, ==, 200);
  }
}

void
lh_api_input_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/input/sign-in-staff-number-with-nul", test_sign_in_staff_number_with_nul);
  g_test_add_func ("/api/input/guest-name-cut-short", test_guest_name_cut_short);
  g_test_add_func ("/api/input/query-with-nul", test_query_with_nul);
}
