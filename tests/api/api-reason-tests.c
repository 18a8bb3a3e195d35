/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The last refusals given a reason (issue 15): each group provoked over
 * HTTP, its `reason` and the numbers the kiosk words it with. */
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"
#include "lh-test-clock.h"

static LhTestDaemon *daemon_;
static SoupSession *session_;

static LhApiReply *
call (const char *method, const char *path, const char *token, const char *body)
{
  return lh_api_call (session_, daemon_->base_url, method, path, token, body);
}

/* A refusal with its status and reason. */
static void
assert_refused (LhApiReply *reply, guint status, const char *reason)
{
  g_assert_cmpuint (reply->status, ==, status);
  g_assert_cmpstr (reply->content_type, ==, "application/problem+json");
  g_assert_cmpstr (lh_api_reply_string (reply, "reason"), ==, reason);
}

static char *
date_from_now (int days)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (lh_test_clock_now () + (gint64) days * 86400);

  return g_date_time_format (at, "%Y-%m-%d");
}

static char *
iso_from_now (gint64 seconds)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (lh_test_clock_now () + seconds);

  return g_date_time_format (at, "%Y-%m-%dT%H:%M:%SZ");
}

/* A report's period: reversed, too long (with its most days), or not
 * begun yet. */
static void
test_periods (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *today = date_from_now (0);
  g_autofree char *long_ago = date_from_now (-800);
  g_autofree char *yesterday = date_from_now (-1);
  g_autofree char *tomorrow = date_from_now (1);
  g_autofree char *later = date_from_now (5);
  g_autofree char *reversed_path = g_strdup_printf ("/api/v1/equipment/usage?from=%s&to=%s", today, yesterday);
  g_autofree char *long_path = g_strdup_printf ("/api/v1/equipment/usage?from=%s&to=%s", long_ago, today);
  g_autofree char *future_path = g_strdup_printf ("/api/v1/equipment/usage?from=%s&to=%s", tomorrow, later);
  g_autofree char *compliance_path = g_strdup_printf ("/api/v1/equipment/compliance?from=%s&to=%s", tomorrow,
                                                      later);
  g_autoptr(LhApiReply) reversed = call ("GET", reversed_path, admin, NULL);
  g_autoptr(LhApiReply) too_long = call ("GET", long_path, admin, NULL);
  g_autoptr(LhApiReply) future = call ("GET", future_path, admin, NULL);
  g_autoptr(LhApiReply) future_compliance = call ("GET", compliance_path, admin, NULL);

  assert_refused (reversed, 422, "period-reversed");
  assert_refused (too_long, 422, "period-too-long");
  g_assert_cmpint (lh_api_reply_int (too_long, "max_days"), ==, 366);
  assert_refused (future, 422, "period-not-begun");
  assert_refused (future_compliance, 422, "period-not-begun");
}

/* A ULR's facility time: an activity that logs itself, a length out of
 * range (with both ends), a day in the future, and time logged twice. */
static void
test_facility_time (void)
{
  g_autofree char *ulr = lh_api_sign_in_as (session_, daemon_, "learner,ulr");
  /* Well back, at two in the night: neither the demo nor another test
   * logs time then. */
  gint64 back = -(300 * 86400) - lh_test_clock_now () % 86400 + 2 * 3600;
  g_autofree char *start = iso_from_now (back);
  g_autofree char *future = iso_from_now (2 * 86400);
  g_autofree char *drop_in = g_strdup_printf ("{\"activity\":\"drop-in\",\"start\":\"%s\",\"minutes\":30}", start);
  g_autofree char *too_long = g_strdup_printf ("{\"activity\":\"meeting\",\"start\":\"%s\",\"minutes\":721}", start);
  g_autofree char *ahead = g_strdup_printf ("{\"activity\":\"meeting\",\"start\":\"%s\",\"minutes\":30}", future);
  g_autofree char *body = g_strdup_printf ("{\"activity\":\"promotion\",\"start\":\"%s\",\"minutes\":45}", start);
  g_autoptr(LhApiReply) activity = call ("POST", "/api/v1/me/facility-time", ulr, drop_in);
  g_autoptr(LhApiReply) length = call ("POST", "/api/v1/me/facility-time", ulr, too_long);
  g_autoptr(LhApiReply) date = call ("POST", "/api/v1/me/facility-time", ulr, ahead);
  g_autoptr(LhApiReply) logged = call ("POST", "/api/v1/me/facility-time", ulr, body);
  g_autoptr(LhApiReply) twice = call ("POST", "/api/v1/me/facility-time", ulr, body);

  assert_refused (activity, 422, "activity-unknown");
  assert_refused (length, 422, "facility-length");
  g_assert_cmpint (lh_api_reply_int (length, "min_minutes"), ==, 1);
  g_assert_cmpint (lh_api_reply_int (length, "max_minutes"), ==, 12 * 60);
  assert_refused (date, 422, "facility-date");
  g_assert_cmpuint (logged->status, ==, 201);
  assert_refused (twice, 409, "facility-overlap");
}

/* Things not there: a notice, an advice record to delete. */
static void
test_not_there (void)
{
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autoptr(LhApiReply) notice = call ("POST", "/api/v1/admin-notices/987654/dismiss", admin, NULL);
  g_autoptr(LhApiReply) record = call ("POST", "/api/v1/me/record/deletion", admin, NULL);

  assert_refused (notice, 404, "notice-not-found");
  assert_refused (record, 409, "no-advice-record");
}

/* A time without an offset; an advice request with a topic or a way to
 * reach the person not in the list; a group's title too long. */
static void
test_choices_and_texts (void)
{
  g_autofree char *learner = lh_api_sign_in_as (session_, daemon_, "learner");
  g_autofree char *ulr = lh_api_sign_in_as (session_, daemon_, "learner,ulr");
  g_autofree char *start = lh_api_day_at (lh_api_weekday_ahead (13), 10);
  g_autofree char *end = lh_api_day_at (lh_api_weekday_ahead (13), 11);
  g_autofree char *no_offset = g_strndup (start, strlen ("2026-11-24T10:00:00"));
  g_autofree char *booking = g_strdup_printf ("{\"resource_id\":1,\"start\":\"%s\",\"end\":\"%s\"}", no_offset, end);
  g_autofree char *title = g_strnfill (101, 't');
  g_autofree char *group = g_strdup_printf ("{\"resource_id\":9,\"title\":\"%s\",\"start\":\"%s\",\"end\":\"%s\","
                                            "\"capacity\":5}", title, start, end);
  g_autofree char *nowhere = g_strdup_printf ("{\"resource_id\":98765,\"start\":\"%s\",\"end\":\"%s\"}", start, end);
  g_autoptr(LhApiReply) time = call ("POST", "/api/v1/bookings", learner, booking);
  g_autoptr(LhApiReply) resource = call ("POST", "/api/v1/bookings", learner, nowhere);
  g_autoptr(LhApiReply) topic = call ("POST", "/api/v1/advice-requests", learner,
                                      "{\"topic\":\"knitting\",\"mode\":\"queue\",\"contact\":\"here\"}");
  g_autoptr(LhApiReply) contact = call ("POST", "/api/v1/advice-requests", learner,
                                        "{\"topic\":\"esol\",\"mode\":\"queue\",\"contact\":\"pigeon\"}");
  g_autoptr(LhApiReply) too_long = call ("POST", "/api/v1/group-sessions", ulr, group);

  assert_refused (time, 422, "time-invalid");
  assert_refused (resource, 422, "resource-unknown");
  assert_refused (topic, 422, "topic-unknown");
  assert_refused (contact, 422, "contact-unknown");
  assert_refused (too_long, 422, "text-too-long");
  g_assert_cmpstr (lh_api_reply_string (too_long, "field"), ==, "title");
  g_assert_cmpint (lh_api_reply_int (too_long, "max_chars"), ==, 100);
}

void
lh_api_reason_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/reasons/periods", test_periods);
  g_test_add_func ("/api/reasons/facility-time", test_facility_time);
  g_test_add_func ("/api/reasons/not-there", test_not_there);
  g_test_add_func ("/api/reasons/choices-and-texts", test_choices_and_texts);
}
