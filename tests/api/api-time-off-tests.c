/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Paid time off for learning over the API: booking in work time or own
 * time and the balance moving, refusals (more than is left, an activity
 * the terms do not pay for, a "paid" that is not true or false), a group
 * place and an assessment in paid time, and cancelling giving the time
 * back. Deciding requests: api-time-off-decisions.c. Each test has its own
 * people, on two daemons of their own: one on the demo's terms (requests
 * wait for an admin), one on terms that approve at once. */
#include <string.h>

#include "api-test-parts.h"
#include "api-time-off-private.h"

TimeOffWorld tow;

LhApiReply *
to_call (LhTestDaemon *daemon, const char *method, const char *path, const char *token, const char *body)
{
  return lh_api_call (tow.session, daemon->base_url, method, path, token, body);
}

char *
to_sign_in (LhTestDaemon *daemon, const char *staff_number, gint64 *out_id)
{
  g_autofree char *name = NULL;
  gint64 id;
  char *token = lh_api_sign_in_person (tow.session, daemon, staff_number, TO_PIN, &id, &name);

  if (out_id != NULL)
    *out_id = id;
  return token;
}


JsonArray *
to_array_of (LhApiReply *reply, const char *member)
{
  g_assert_nonnull (reply->json);
  return json_object_get_array_member (json_node_get_object (reply->json), member);
}

JsonObject *
to_find (JsonArray *list, gint64 id)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (json_object_get_int_member (json_array_get_object_element (list, i), "id") == id)
      return json_array_get_object_element (list, i);
  return NULL;
}

JsonObject *
to_time_off_of (LhApiReply *reply)
{
  JsonObject *object = json_node_get_object (reply->json);

  g_assert_true (json_object_has_member (object, "time_off"));
  g_assert_false (json_object_get_null_member (object, "time_off"));
  return json_object_get_object_member (object, "time_off");
}

LhApiReply *
to_balance (LhTestDaemon *daemon, const char *token)
{
  LhApiReply *reply = to_call (daemon, "GET", "/api/v1/me/time-off", token, NULL);

  g_assert_cmpuint (reply->status, ==, 200);
  return reply;
}

gint64
to_minutes (LhApiReply *balance, const char *category, const char *member)
{
  JsonArray *categories = to_array_of (balance, "categories");

  for (guint i = 0; i < json_array_get_length (categories); i++)
    {
      JsonObject *one = json_array_get_object_element (categories, i);

      if (g_str_equal (json_object_get_string_member (one, "category"), category))
        return json_object_get_int_member (one, member);
    }
  g_error ("no category “%s” in the balance", category);
}

static gint64
unix_of (const char *iso)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (at);
  return g_date_time_to_unix (at);
}

/* Whether [start, end) overlaps one of the person's bookings. */
static gboolean
clashes_with_mine (LhApiReply *mine, gint64 start, gint64 end)
{
  JsonArray *bookings = to_array_of (mine, "bookings");

  for (guint i = 0; i < json_array_get_length (bookings); i++)
    {
      JsonObject *booking = json_array_get_object_element (bookings, i);

      if (unix_of (json_object_get_string_member (booking, "start")) < end &&
          unix_of (json_object_get_string_member (booking, "end")) > start)
        return TRUE;
    }
  return FALSE;
}

char *
to_pc_hour (LhTestDaemon *daemon, const char *token, const char *paid_member)
{
  g_autoptr(LhApiReply) mine = to_call (daemon, "GET", "/api/v1/me/bookings", token, NULL);

  g_assert_cmpuint (mine->status, ==, 200);
  for (int day = 1; day <= 7; day++)
    {
      g_autofree char *date = lh_api_day_at (day, 0);
      g_autofree char *path = NULL;
      g_autoptr(LhApiReply) reply = NULL;
      JsonArray *resources;

      date[10] = '\0';
      path = lh_api_path ("/api/v1/availability?date=%s", date);
      reply = to_call (daemon, "GET", path, token, NULL);
      g_assert_cmpuint (reply->status, ==, 200);
      resources = to_array_of (reply, "resources");
      for (guint r = 0; r < json_array_get_length (resources); r++)
        {
          JsonObject *resource = json_array_get_object_element (resources, r);
          JsonArray *free = json_object_get_array_member (resource, "free");

          if (!g_str_equal (json_object_get_string_member (resource, "kind"), "pc"))
            continue;
          for (guint f = 0; f < json_array_get_length (free); f++)
            {
              JsonObject *interval = json_array_get_object_element (free, f);
              gint64 start = unix_of (json_object_get_string_member (interval, "start"));
              gint64 end = unix_of (json_object_get_string_member (interval, "end"));
              g_autoptr(GDateTime) s = NULL;
              g_autoptr(GDateTime) e = NULL;
              g_autofree char *start_text = NULL;
              g_autofree char *end_text = NULL;

              /* On the hour, so that hours never half overlap. */
              start += (3600 - start % 3600) % 3600;
              if (end - start < 3600 || clashes_with_mine (mine, start, start + 3600))
                continue;
              s = g_date_time_new_from_unix_utc (start);
              e = g_date_time_new_from_unix_utc (start + 3600);
              start_text = g_date_time_format (s, "%Y-%m-%dT%H:%M:%SZ");
              end_text = g_date_time_format (e, "%Y-%m-%dT%H:%M:%SZ");
              return g_strdup_printf ("{\"resource_id\":%" G_GINT64_FORMAT ",\"start\":\"%s\",\"end\":\"%s\"%s%s}",
                                      json_object_get_int_member (resource, "id"), start_text, end_text,
                                      paid_member != NULL ? "," : "", paid_member != NULL ? paid_member : "");
            }
        }
    }
  g_assert_not_reached ();
}

/* ---- the daemons ------------------------------------------------------- */

static void
setup_people (const char *db_path, gpointer user_data)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *path = g_build_filename (dir, "time-off-people.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *csv = "staff_number,name,hours_per_week,roles,pin\n"
                    "TO1,Tia Olsen,37.5,learner," TO_PIN "\n"
                    "TO2,Tom Ortiz,1,learner," TO_PIN "\n"
                    "TO3,Tara Owen,37.5,learner," TO_PIN "\n"
                    "TO4,Theo Oakes,37.5,learner," TO_PIN "\n"
                    "TO5,Tess Ortega,37.5,learner," TO_PIN "\n";

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  out = lh_test_run_ctl (db_path, &error, "import-staff", path, NULL);
  g_assert_no_error (error);
}

/* A new version of the terms, in force from today: a period is judged by
 * the terms in force in it, so everything booked ahead is judged by it. */
static void
setup_automatic (const char *db_path, gpointer user_data)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *path = g_build_filename (dir, "automatic-terms.conf", NULL);
  g_autofree char *today = lh_api_day_at (0, 12);
  g_autofree char *terms = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  setup_people (db_path, NULL);
  today[10] = '\0';
  terms = g_strdup_printf ("[agreement]\nname=Approved at once\nin-force-from=%s\nyear-start-month=4\n\n"
                           "[time-off]\npaid-learning-hours=52.5\nactivities=skills-for-life;group-study\n"
                           "assessment-and-exam-hours=7.5\nauto-approve=true\n", today);
  g_assert_true (g_file_set_contents (path, terms, -1, NULL));
  out = lh_test_run_ctl (db_path, &error, "terms", "import", path, NULL);
  g_assert_no_error (error);
}

/* ---- the tests ---------------------------------------------------------- */

/* Work time waits for an admin and counts as spent; own time does not;
 * cancelling gives paid time back. */
static void
test_paid_and_own_time (void)
{
  LhTestDaemon *d = tow.waiting;
  g_autofree char *token = to_sign_in (d, "TO1", NULL);
  g_autoptr(LhApiReply) before = to_balance (d, token);
  g_autofree char *own_body = to_pc_hour (d, token, NULL);
  g_autoptr(LhApiReply) own = to_call (d, "POST", "/api/v1/bookings", token, own_body);
  g_autofree char *paid_body = to_pc_hour (d, token, "\"paid\":true");
  g_autoptr(LhApiReply) paid = to_call (d, "POST", "/api/v1/bookings", token, paid_body);
  g_autoptr(LhApiReply) after = NULL, mine = NULL, cancelled = NULL, back = NULL, none = NULL;
  g_autofree char *cancel_path = NULL;
  g_autofree char *own_path = NULL;
  JsonObject *time_off;
  gint64 remaining = to_minutes (before, "learning", "remaining_minutes");
  gint64 pending = to_minutes (before, "learning", "pending_minutes");

  /* Full time, five days a week, in the agreement year April to March. */
  g_assert_cmpstr (lh_api_reply_string (before, "year_start"), ==, "2026-04-01");
  g_assert_cmpstr (lh_api_reply_string (before, "year_end"), ==, "2027-03-31");
  g_assert_cmpint (lh_api_reply_int (before, "minutes_per_day"), ==, 450);
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (before->json), "hours_per_day"), ==, 7.5);
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (before->json), "hours_per_week"), ==, 37.5);
  g_assert_cmpint (to_minutes (before, "learning", "entitled_minutes"), >=, 52 * 60 + 30);
  g_assert_cmpint (to_minutes (before, "learning", "matched_cap_minutes"), ==, 15 * 60);
  g_assert_cmpint (to_minutes (before, "assessment", "entitled_minutes"), ==, 7 * 60 + 30);

  /* No "paid": the person's own time, asked of no one. */
  g_assert_cmpuint (own->status, ==, 201);
  time_off = to_time_off_of (own);
  g_assert_false (json_object_get_boolean_member (time_off, "paid"));
  g_assert_cmpstr (json_object_get_string_member (time_off, "status"), ==, "own");
  g_assert_cmpstr (json_object_get_string_member (time_off, "activity"), ==, "centre-learning");

  g_assert_cmpuint (paid->status, ==, 201);
  time_off = to_time_off_of (paid);
  g_assert_true (json_object_get_boolean_member (time_off, "paid"));
  g_assert_cmpstr (json_object_get_string_member (time_off, "status"), ==, "pending");
  g_assert_cmpstr (json_object_get_string_member (time_off, "category"), ==, "learning");
  g_assert_cmpint (json_object_get_int_member (time_off, "minutes"), ==, 60);

  /* Pending time counts as spent; own time takes nothing. */
  after = to_balance (d, token);
  g_assert_cmpint (to_minutes (after, "learning", "pending_minutes"), ==, pending + 60);
  g_assert_cmpint (to_minutes (after, "learning", "remaining_minutes"), ==, remaining - 60);
  g_assert_nonnull (to_find (to_array_of (after, "requests"), json_object_get_int_member (time_off, "id")));

  /* The bookings list says which is which. */
  mine = to_call (d, "GET", "/api/v1/me/bookings", token, NULL);
  g_assert_cmpuint (mine->status, ==, 200);
  {
    JsonObject *listed = to_find (to_array_of (mine, "bookings"), lh_api_reply_int (paid, "id"));

    g_assert_nonnull (listed);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (listed, "time_off"), "status"),
                     ==, "pending");
    listed = to_find (to_array_of (mine, "bookings"), lh_api_reply_int (own, "id"));
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (listed, "time_off"), "status"),
                     ==, "own");
  }

  cancel_path = lh_api_path ("/api/v1/bookings/%" G_GINT64_FORMAT, lh_api_reply_int (paid, "id"));
  cancelled = to_call (d, "DELETE", cancel_path, token, NULL);
  g_assert_cmpuint (cancelled->status, ==, 204);
  back = to_balance (d, token);
  g_assert_cmpint (to_minutes (back, "learning", "remaining_minutes"), ==, remaining);
  g_assert_cmpint (to_minutes (back, "learning", "pending_minutes"), ==, pending);
  g_assert_null (to_find (to_array_of (back, "requests"), json_object_get_int_member (time_off, "id")));
  own_path = lh_api_path ("/api/v1/bookings/%" G_GINT64_FORMAT, lh_api_reply_int (own, "id"));
  g_clear_pointer (&cancelled, lh_api_reply_free);
  cancelled = to_call (d, "DELETE", own_path, token, NULL);
  g_assert_cmpuint (cancelled->status, ==, 204);

  none = to_call (d, "GET", "/api/v1/me/time-off", NULL, NULL);
  g_assert_cmpuint (none->status, ==, 401);
}

/* ?date= picks the agreement year. */
static void
test_balance_of_another_year (void)
{
  LhTestDaemon *d = tow.waiting;
  g_autofree char *token = to_sign_in (d, "TO1", NULL);
  g_autoptr(LhApiReply) next = to_call (d, "GET", "/api/v1/me/time-off?date=2027-05-01", token, NULL);
  g_autoptr(LhApiReply) bad = to_call (d, "GET", "/api/v1/me/time-off?date=2027-02-30", token, NULL);

  g_assert_cmpuint (next->status, ==, 200);
  g_assert_cmpstr (lh_api_reply_string (next, "year_start"), ==, "2027-04-01");
  g_assert_cmpstr (lh_api_reply_string (next, "year_end"), ==, "2028-03-31");
  g_assert_cmpint (to_minutes (next, "learning", "taken_minutes"), ==, 0);
  g_assert_cmpuint (bad->status, ==, 400);
}

/* An hour a week: 52.5 hours pro-rated to 84 minutes. A second paid hour
 * is refused with the balance in words; as own time it is booked. */
static void
test_over_entitlement (void)
{
  LhTestDaemon *d = tow.waiting;
  g_autofree char *token = to_sign_in (d, "TO2", NULL);
  g_autoptr(LhApiReply) before = to_balance (d, token);
  g_autofree char *first_body = to_pc_hour (d, token, "\"paid\":true");
  g_autoptr(LhApiReply) first = to_call (d, "POST", "/api/v1/bookings", token, first_body);
  g_autofree char *second_body = to_pc_hour (d, token, "\"paid\":true");
  g_autoptr(LhApiReply) second = to_call (d, "POST", "/api/v1/bookings", token, second_body);
  g_autofree char *own_body = NULL;
  g_autoptr(LhApiReply) own = NULL, after = NULL;

  g_assert_cmpint (to_minutes (before, "learning", "entitled_minutes"), ==, 84);
  g_assert_cmpint (lh_api_reply_int (before, "minutes_per_day"), ==, 12);
  g_assert_cmpuint (first->status, ==, 201);
  g_assert_cmpuint (second->status, ==, 409);
  g_assert_cmpuint (strlen (lh_api_reply_string (second, "detail")), >, 0);
  /* Why, with the numbers to say it in any language: 24 minutes left. */
  g_assert_cmpstr (lh_api_reply_string (second, "reason"), ==, "paid-time-exhausted");
  g_assert_cmpint (lh_api_reply_int (second, "left_minutes"), ==, 24);
  g_assert_cmpint (lh_api_reply_int (second, "asked_minutes"), ==, 60);

  /* The refusal booked nothing: the same hour, in their own time. */
  own_body = to_pc_hour (d, token, "\"paid\":false");
  g_assert_cmpint (strncmp (own_body, second_body, strstr (second_body, "\"paid\"") - second_body), ==, 0);
  own = to_call (d, "POST", "/api/v1/bookings", token, own_body);
  g_assert_cmpuint (own->status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (to_time_off_of (own), "status"), ==, "own");

  after = to_balance (d, token);
  g_assert_cmpint (to_minutes (after, "learning", "remaining_minutes"), ==, 84 - 60);
}

/* "paid" is true or false, nothing else; a group place and an assessment
 * take a body only if it is one. */
static void
test_paid_must_be_true_or_false (void)
{
  LhTestDaemon *d = tow.waiting;
  g_autofree char *token = to_sign_in (d, "TO1", NULL);
  g_autofree char *word = to_pc_hour (d, token, "\"paid\":\"yes\"");
  g_autofree char *number = to_pc_hour (d, token, "\"paid\":1");
  g_autoptr(LhApiReply) r_word = to_call (d, "POST", "/api/v1/bookings", token, word);
  g_autoptr(LhApiReply) r_number = to_call (d, "POST", "/api/v1/bookings", token, number);
  g_autoptr(LhApiReply) r_place = to_call (d, "POST", "/api/v1/group-sessions/1/places", token, "{\"paid\":");
  g_autoptr(LhApiReply) r_place_type = to_call (d, "POST", "/api/v1/group-sessions/1/places", token,
                                                "{\"paid\":\"no\"}");
  g_autoptr(LhApiReply) r_slot = to_call (d, "POST", "/api/v1/assessment-slots/1/booking", token, "[true]");
  g_autoptr(LhApiReply) mine = to_call (d, "GET", "/api/v1/me/bookings", token, NULL);

  g_assert_cmpuint (r_word->status, ==, 400);
  g_assert_nonnull (strstr (lh_api_reply_string (r_word, "detail"), "paid"));
  g_assert_cmpuint (r_number->status, ==, 400);
  g_assert_cmpuint (r_place->status, ==, 400);
  g_assert_cmpuint (r_place_type->status, ==, 400);
  g_assert_cmpuint (r_slot->status, ==, 400);
  /* Nothing was booked. */
  g_assert_cmpuint (json_array_get_length (to_array_of (mine, "bookings")), ==, 0);
}

/* Terms that do not pay for time at a PC: asking for it is refused, own
 * time is not. */
static void
test_activity_not_paid_for (void)
{
  LhTestDaemon *d = tow.automatic;
  g_autofree char *token = to_sign_in (d, "TO1", NULL);
  g_autofree char *body = to_pc_hour (d, token, "\"paid\":true");
  g_autoptr(LhApiReply) refused = to_call (d, "POST", "/api/v1/bookings", token, body);
  g_autofree char *own_body = to_pc_hour (d, token, "\"paid\":false");
  g_autoptr(LhApiReply) own = to_call (d, "POST", "/api/v1/bookings", token, own_body);

  g_assert_cmpuint (refused->status, ==, 422);
  g_assert_cmpuint (own->status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (to_time_off_of (own), "status"), ==, "own");
}

/* Terms that approve at once: a paid group place and a paid assessment
 * are approved when booked, and giving them up gives the time back. */
static void
test_group_place_and_assessment_paid (void)
{
  LhTestDaemon *d = tow.automatic;
  g_autofree char *ulr = lh_api_sign_in_as (tow.session, d, "learner,ulr");
  g_autofree char *token = to_sign_in (d, "TO3", NULL);
  int day = lh_api_weekday_ahead (8);
  g_autofree char *start = lh_api_day_at (day, 15);
  g_autofree char *end = lh_api_day_at (day, 16);
  g_autofree char *group = g_strdup_printf ("{\"resource_id\":9,\"title\":\"Fractions together\",\"start\":\"%s\","
                                            "\"end\":\"%s\",\"capacity\":4}", start, end);
  g_autofree char *slot_start = lh_api_day_at (day + 1, 7);
  g_autofree char *slot_end = lh_api_day_at (day + 1, 8);
  g_autofree char *slot = g_strdup_printf ("{\"subject\":\"maths\",\"start\":\"%s\",\"end\":\"%s\"}",
                                           slot_start, slot_end);
  g_autoptr(LhApiReply) created = to_call (d, "POST", "/api/v1/group-sessions", ulr, group);
  g_autoptr(LhApiReply) offered = to_call (d, "POST", "/api/v1/assessment-slots", ulr, slot);
  g_autoptr(LhApiReply) before = to_balance (d, token);
  g_autoptr(LhApiReply) joined = NULL, booked = NULL, during = NULL, left = NULL, given_back = NULL;
  g_autoptr(LhApiReply) after = NULL;
  g_autofree char *places = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *booking = NULL;
  JsonObject *time_off;

  g_assert_cmpuint (created->status, ==, 201);
  g_assert_cmpuint (offered->status, ==, 201);
  places = lh_api_path ("/api/v1/group-sessions/%" G_GINT64_FORMAT "/places", lh_api_reply_int (created, "id"));
  mine = lh_api_path ("/api/v1/group-sessions/%" G_GINT64_FORMAT "/places/mine", lh_api_reply_int (created, "id"));
  booking = lh_api_path ("/api/v1/assessment-slots/%" G_GINT64_FORMAT "/booking", lh_api_reply_int (offered, "id"));

  joined = to_call (d, "POST", places, token, "{\"paid\":true}");
  g_assert_cmpuint (joined->status, ==, 201);
  time_off = to_time_off_of (joined);
  g_assert_cmpstr (json_object_get_string_member (time_off, "status"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (time_off, "activity"), ==, "group-study");
  g_assert_cmpstr (json_object_get_string_member (time_off, "category"), ==, "learning");
  g_assert_cmpstr (json_object_get_string_member (time_off, "what"), ==, "Fractions together");
  g_assert_cmpint (json_object_get_int_member (time_off, "minutes"), ==, 60);

  booked = to_call (d, "POST", booking, token, "{\"paid\":true}");
  g_assert_cmpuint (booked->status, ==, 201);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (booked->json), "mine"));
  time_off = to_time_off_of (booked);
  g_assert_cmpstr (json_object_get_string_member (time_off, "status"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (time_off, "category"), ==, "assessment");
  g_assert_cmpstr (json_object_get_string_member (time_off, "activity"), ==, "skills-for-life");

  /* Approved and not yet taken: booked. */
  during = to_balance (d, token);
  g_assert_cmpint (to_minutes (during, "learning", "booked_minutes"),
                   ==, to_minutes (before, "learning", "booked_minutes") + 60);
  g_assert_cmpint (to_minutes (during, "assessment", "booked_minutes"),
                   ==, to_minutes (before, "assessment", "booked_minutes") + 60);
  g_assert_cmpint (to_minutes (during, "assessment", "remaining_minutes"),
                   ==, to_minutes (before, "assessment", "remaining_minutes") - 60);

  left = to_call (d, "DELETE", mine, token, NULL);
  g_assert_cmpuint (left->status, ==, 204);
  given_back = to_call (d, "DELETE", booking, token, NULL);
  g_assert_cmpuint (given_back->status, ==, 204);
  after = to_balance (d, token);
  g_assert_cmpint (to_minutes (after, "learning", "remaining_minutes"),
                   ==, to_minutes (before, "learning", "remaining_minutes"));
  g_assert_cmpint (to_minutes (after, "assessment", "remaining_minutes"),
                   ==, to_minutes (before, "assessment", "remaining_minutes"));

  /* Own time when there is no body, as before time off was asked. */
  {
    g_autoptr(LhApiReply) rejoined = to_call (d, "POST", places, token, NULL);

    g_assert_cmpuint (rejoined->status, ==, 201);
    time_off = to_time_off_of (rejoined);
    g_assert_false (json_object_get_boolean_member (time_off, "paid"));
    g_assert_cmpstr (json_object_get_string_member (time_off, "status"), ==, "own");
  }
}

void
lh_api_time_off_add_tests (SoupSession *session)
{
  tow.session = session;
  tow.waiting = lh_test_daemon_start_with_setup (NULL, setup_people, NULL);
  tow.automatic = lh_test_daemon_start_with_setup (NULL, setup_automatic, NULL);
  g_test_add_func ("/api/time-off/paid-and-own-time", test_paid_and_own_time);
  g_test_add_func ("/api/time-off/balance-of-another-year", test_balance_of_another_year);
  g_test_add_func ("/api/time-off/over-entitlement", test_over_entitlement);
  g_test_add_func ("/api/time-off/paid-must-be-true-or-false", test_paid_must_be_true_or_false);
  g_test_add_func ("/api/time-off/activity-not-paid-for", test_activity_not_paid_for);
  g_test_add_func ("/api/time-off/group-place-and-assessment-paid", test_group_place_and_assessment_paid);
  g_test_add_func ("/api/time-off/approve-and-reject", test_time_off_approve_and_reject);
  g_test_add_func ("/api/time-off/group-place-waits", test_time_off_group_place_waits);
  g_test_add_func ("/api/time-off/approver-sees-day-and-length", test_time_off_approver_sees_day_and_length);
  g_test_add_func ("/api/time-off/public-lists-hide-taken", test_time_off_public_lists_hide_taken);
}

void
lh_api_time_off_stop (void)
{
  g_clear_pointer (&tow.waiting, lh_test_daemon_stop);
  g_clear_pointer (&tow.automatic, lh_test_daemon_stop);
}
