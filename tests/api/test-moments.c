/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The moments a centre in Europe/London is most likely to trip on, each
 * run as its own test with the daemon's clock set there (meson gives the
 * moment in LH_TEST_MOMENT): the hour that is skipped in spring, the hour
 * that comes twice in autumn, New Year's Eve just before midnight, and
 * Sunday just before the week turns. A PC open round the clock is booked
 * through the API by a learner with no history. */
#include <string.h>

#include "lh-api-client.h"
#include "lh-test-clock.h"

static LhTestDaemon *daemon_;
static SoupSession *session_;
static char **pc_tokens_;
static char *learner_;  /* (owned) a session token of AL1 */

static LhApiReply *
call (const char *method, const char *path, const char *token, const char *body)
{
  return lh_api_call (session_, daemon_->base_url, method, path, token, body);
}

static void
setup (const char *db_path, gpointer user_data)
{
  lh_api_setup_always_open_pcs (db_path, &pc_tokens_);
  lh_api_setup_advice_people (db_path, NULL);
}

static gint64
unix_of (const char *iso)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

/* The round-the-clock PC on a day of GET /api/v1/availability. */
static JsonObject *
always_open_pc (LhApiReply *day)
{
  JsonArray *resources;

  g_assert_cmpuint (day->status, ==, 200);
  resources = json_object_get_array_member (json_node_get_object (day->json), "resources");
  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      JsonObject *resource = json_array_get_object_element (resources, i);

      if (g_str_equal (json_object_get_string_member (resource, "name"), LH_API_ALWAYS_OPEN_PC))
        return resource;
    }
  g_assert_not_reached ();
}

static LhApiReply *
availability (const char *date)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/availability?date=%s", date);

  return call ("GET", path, learner_, NULL);
}

/* The day's one opening period of the PC: its start and end. */
static void
opening (LhApiReply *day, gint64 *start, gint64 *end)
{
  JsonArray *open = json_object_get_array_member (always_open_pc (day), "open");
  JsonObject *period;

  g_assert_cmpuint (json_array_get_length (open), ==, 1);
  period = json_array_get_object_element (open, 0);
  *start = unix_of (json_object_get_string_member (period, "start"));
  *end = unix_of (json_object_get_string_member (period, "end"));
}

static LhApiReply *
book (const char *start, const char *end)
{
  g_autoptr(LhApiReply) pc = call ("GET", "/api/v1/devices/current", pc_tokens_[0], NULL);
  gint64 pc_id = json_object_get_int_member (json_object_get_object_member (json_node_get_object (pc->json), "pc"),
                                             "id");
  g_autofree char *body = g_strdup_printf ("{\"resource_id\":%" G_GINT64_FORMAT ",\"start\":\"%s\",\"end\":\"%s\"}",
                                           pc_id, start, end);

  return call ("POST", "/api/v1/bookings", learner_, body);
}

/* Booked; its start and end as the daemon writes them back. */
static void
assert_booked (LhApiReply *reply, const char *start, const char *end)
{
  g_assert_cmpuint (reply->status, ==, 201);
  g_assert_cmpstr (lh_api_reply_string (reply, "start"), ==, start);
  g_assert_cmpstr (lh_api_reply_string (reply, "end"), ==, end);
}

/* The daemon's clock is the test's, and says so in the centre's zone. */
static void
assert_daemon_time (const char *offset_suffix)
{
  g_autoptr(LhApiReply) health = call ("GET", "/api/v1/health", NULL, NULL);
  const char *time = lh_api_reply_string (health, "time");

  g_assert_cmpint (ABS (unix_of (time) - lh_test_clock_now ()), <=, 2);
  g_assert_true (g_str_has_suffix (time, offset_suffix));
}

/* 00:59:30 GMT on the last Sunday of March: at 01:00 the clocks go to
 * 02:00 BST. The day has 23 hours, and a booking across the jump lasts
 * what the clocks say it lasts in real time. */
static void
test_spring_forward (void)
{
  g_autoptr(LhApiReply) day = availability ("2027-03-28");
  g_autoptr(LhApiReply) across = NULL;
  g_autoptr(LhApiReply) after = NULL;
  g_autoptr(LhApiReply) over_day_limit = NULL;
  gint64 start, end;

  assert_daemon_time ("Z");
  opening (day, &start, &end);
  g_assert_cmpint (start, ==, unix_of ("2027-03-28T00:00:00Z"));
  g_assert_cmpint (end - start, ==, 23 * 3600);

  /* 01:00 GMT is 02:00 BST: an hour, written in the time after the jump. */
  across = book ("2027-03-28T01:00:00Z", "2027-03-28T03:00:00+01:00");
  assert_booked (across, "2027-03-28T02:00:00+01:00", "2027-03-28T03:00:00+01:00");
  /* Three hours a day at most: the day's second booking fills them. */
  after = book ("2027-03-28T03:00:00+01:00", "2027-03-28T05:00:00+01:00");
  assert_booked (after, "2027-03-28T03:00:00+01:00", "2027-03-28T05:00:00+01:00");
  over_day_limit = book ("2027-03-28T05:00:00+01:00", "2027-03-28T05:15:00+01:00");
  g_assert_cmpuint (over_day_limit->status, ==, 422);
}

/* 01:30 BST on the last Sunday of October: at 02:00 BST the clocks go
 * back to 01:00 GMT, so 01:30 comes again. The day has 25 hours; a
 * booking from the first 01:45 to the second 01:15 lasts half an hour. */
static void
test_autumn_repeated_hour (void)
{
  g_autoptr(LhApiReply) day = availability ("2027-10-31");
  g_autoptr(LhApiReply) past = NULL;
  g_autoptr(LhApiReply) across = NULL;
  g_autoptr(LhApiReply) second_time = NULL;
  gint64 start, end;

  assert_daemon_time ("+01:00");
  opening (day, &start, &end);
  g_assert_cmpint (start, ==, unix_of ("2027-10-31T00:00:00+01:00"));
  g_assert_cmpint (end - start, ==, 25 * 3600);

  /* The first 01:00 has passed; the second is still to come. */
  past = book ("2027-10-31T01:00:00+01:00", "2027-10-31T01:15:00+01:00");
  g_assert_cmpuint (past->status, ==, 422);
  across = book ("2027-10-31T01:45:00+01:00", "2027-10-31T01:15:00Z");
  assert_booked (across, "2027-10-31T01:45:00+01:00", "2027-10-31T01:15:00Z");
  second_time = book ("2027-10-31T01:30:00Z", "2027-10-31T02:30:00Z");
  assert_booked (second_time, "2027-10-31T01:30:00Z", "2027-10-31T02:30:00Z");
}

static gboolean
is_closed (const char *date)
{
  g_autoptr(LhApiReply) rules = call ("GET", "/api/v1/rules", learner_, NULL);
  JsonArray *closures = json_object_get_array_member (json_node_get_object (rules->json), "closures");

  for (guint i = 0; i < json_array_get_length (closures); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (closures, i), "date"), date))
      return TRUE;
  return FALSE;
}

/* Two minutes to midnight on New Year's Eve: what is left of today is
 * two minutes, and tomorrow is bookable (or closed, as the rules say)
 * in the new year. */
static void
test_new_years_eve (void)
{
  g_autoptr(LhApiReply) today = availability ("2026-12-31");
  g_autoptr(LhApiReply) tomorrow = availability ("2027-01-01");
  g_autoptr(LhApiReply) booking = NULL;
  JsonArray *free;
  gboolean closed = is_closed ("2027-01-01");

  assert_daemon_time ("Z");
  free = json_object_get_array_member (always_open_pc (today), "free");
  g_assert_cmpuint (json_array_get_length (free), ==, 1);
  g_assert_cmpint (unix_of (json_object_get_string_member (json_array_get_object_element (free, 0), "end")) -
                   lh_test_clock_now (), <=, 120);

  g_assert_cmpuint (tomorrow->status, ==, 200);
  g_assert_cmpint (json_object_get_null_member (json_node_get_object (tomorrow->json), "closed"), ==, !closed);
  booking = book ("2027-01-01T00:00:00Z", "2027-01-01T02:00:00Z");
  if (closed)
    g_assert_cmpuint (booking->status, ==, 422);
  else
    assert_booked (booking, "2027-01-01T00:00:00Z", "2027-01-01T02:00:00Z");
}

/* A minute before the week turns: the week's limit (8 hours) counts
 * Monday to Sunday, so next Sunday is in the week about to start and the
 * Monday after it begins a new one. */
static void
test_sunday_night (void)
{
  const char *week[][2] = {
    { "2027-01-11T00:00:00Z", "2027-01-11T02:00:00Z" },
    { "2027-01-11T02:00:00Z", "2027-01-11T03:00:00Z" },
    { "2027-01-12T09:00:00Z", "2027-01-12T11:00:00Z" },
    { "2027-01-12T11:00:00Z", "2027-01-12T12:00:00Z" },
    { "2027-01-17T21:00:00Z", "2027-01-17T23:00:00Z" },
  };
  g_autoptr(LhApiReply) full = NULL;
  g_autoptr(LhApiReply) next_week = NULL;

  assert_daemon_time ("Z");
  for (guint i = 0; i < G_N_ELEMENTS (week); i++)
    {
      g_autoptr(LhApiReply) reply = book (week[i][0], week[i][1]);

      assert_booked (reply, week[i][0], week[i][1]);
    }
  full = book ("2027-01-17T23:00:00Z", "2027-01-17T23:15:00Z");
  g_assert_cmpuint (full->status, ==, 422);
  g_assert_nonnull (strstr (full->text, "a week"));
  next_week = book ("2027-01-18T00:00:00Z", "2027-01-18T02:00:00Z");
  assert_booked (next_week, "2027-01-18T00:00:00Z", "2027-01-18T02:00:00Z");
}

static const struct
{
  const char *moment;
  const char *path;
  GTestFunc   func;
} moments[] = {
  { "2027-03-28T00:59:30Z", "/moments/spring-forward", test_spring_forward },
  { "2027-10-31T00:30:00Z", "/moments/autumn-repeated-hour", test_autumn_repeated_hour },
  { "2026-12-31T23:58:00Z", "/moments/new-years-eve", test_new_years_eve },
  { "2027-01-10T23:59:00Z", "/moments/sunday-night", test_sunday_night },
};

static void
start_again_at_the_moment (const char *db_path, gpointer user_data)
{
}

int
main (int argc, char **argv)
{
  const char *moment = g_getenv (LH_TEST_CLOCK_MOMENT_VARIABLE);
  int status;
  gboolean known = FALSE;

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
    if (g_strcmp0 (moment, moments[i].moment) == 0)
      {
        g_test_add_func (moments[i].path, moments[i].func);
        known = TRUE;
      }
  if (!known)
    g_error ("Run by meson test, which sets %s to one of the moments", LH_TEST_CLOCK_MOMENT_VARIABLE);

  daemon_ = lh_test_daemon_start_with_setup (NULL, setup, NULL);
  /* Making the centre takes seconds, more on a busy machine: the clock is
   * set to the moment again, and the daemon started again on it, so that
   * the test begins at the moment and not past it (spring-forward has 30
   * seconds before the clocks change). */
  lh_test_clock_set (moment);
  lh_test_daemon_while_stopped (daemon_, start_again_at_the_moment, NULL);
  session_ = soup_session_new ();
  {
    gint64 id;
    g_autofree char *name = NULL;

    learner_ = lh_api_sign_in_person (session_, daemon_, "AL1", LH_API_ADVICE_PIN, &id, &name);
  }
  status = g_test_run ();
  g_free (learner_);
  g_strfreev (pc_tokens_);
  g_object_unref (session_);
  lh_test_daemon_stop (daemon_);
  return status;
}
