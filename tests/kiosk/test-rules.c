/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk holds no rule: what a person may do and the limits come from
 * sign-in's `may` and `limits`, and refusals are worded from the reason
 * and its numbers, never from the daemon's English detail. */
#define G_LOG_DOMAIN "test-rules"

#include <gtk/gtk.h>

#include "lh-advice-words.h"
#include "lh-client-private.h"
#include "lh-may.h"
#include "lh-messages.h"
#include "lh-mine-item.h"
#include "lh-mine-words.h"
#include "lh-slots.h"
#include "lh-types.h"

#define DETAIL "DAEMON ENGLISH DETAIL"

static GError *
refusal (const char *json)
{
  g_autoptr(SoupMessage) message = soup_message_new ("POST", "http://localhost/api/v1/bookings");
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return lh_client_error_from_problem (message, bytes, NULL);
}

static void
test_refusal_words (void)
{
  g_autoptr(GError) weekly = refusal ("{\"type\": \"https://learnhub.example/problems/invalid\","
                                      " \"reason\": \"weekly-limit\", \"detail\": \"" DETAIL "\","
                                      " \"limit_minutes\": 480, \"booked_minutes\": 420, \"asked_minutes\": 120}");
  g_autoptr(GError) paid = refusal ("{\"type\": \"https://learnhub.example/problems/conflict\","
                                    " \"reason\": \"paid-time-exhausted\", \"detail\": \"" DETAIL "\","
                                    " \"left_minutes\": 30, \"asked_minutes\": 60}");
  g_autoptr(GError) guests = refusal ("{\"type\": \"https://learnhub.example/problems/conflict\","
                                      " \"reason\": \"guest-limit\", \"detail\": \"" DETAIL "\", \"limit_guests\": 3}");
  g_autoptr(GError) unknown = refusal ("{\"type\": \"https://learnhub.example/problems/invalid\","
                                       " \"reason\": \"something-new\", \"detail\": \"" DETAIL "\"}");
  g_autofree char *weekly_words = lh_message_for_error (weekly);
  g_autofree char *paid_words = lh_message_for_error (paid);
  g_autofree char *guests_words = lh_message_for_error (guests);
  g_autofree char *unknown_words = lh_message_for_error (unknown);
  gint64 value = 0;

  g_assert_true (lh_client_error_get_number (weekly, "limit_minutes", &value));
  g_assert_cmpint (value, ==, 480);
  /* The kiosk's words, with the refusal's own numbers. */
  g_assert_cmpstr (weekly_words, ==,
                   "You can book 8 hours a week, and you have 1 hour left that week. Please pick a shorter time.");
  g_assert_cmpstr (paid_words, ==,
                   "You have only 30 minutes of work time for learning left. Book a shorter time, or use your own time.");
  g_assert_cmpstr (guests_words, ==,
                   "You already have 3 guests, the most anyone can have. Ask a learning rep if one of your guests no longer comes.");
  /* A reason the kiosk does not know: a plain general sentence, never
   * the daemon's English detail. */
  g_assert_cmpstr (unknown_words, ==, "That did not work. Please try again, or ask a member of staff.");
}

/* The refusals that had no reason before (issue 15): advice, skills
 * checks, time off, drop-ins. Each is worded from its reason and
 * numbers, wherever the kiosk shows it; never the detail. */
static void
test_refusal_words_issue_15 (void)
{
  static const struct { const char *type; const char *reason; const char *numbers; const char *words; } cases[] = {
    { "conflict", "already-queued", ", \"ticket\": 7", "You are in the queue already. Your ticket number is 7." },
    { "invalid", "no-dropin-today", "", "There is no drop-in today. You can book a time with a ULR instead." },
    { "conflict", "slot-taken", "", "Someone has just booked this time. Please pick another time." },
    { "conflict", "assessment-taken", "", "Someone has just booked this one. Please pick another time." },
    { "conflict", "assessment-mine-already", "",
      "You have this skills check booked already. To move it, give it back first." },
    { "not-found", "assessment-not-found", "", "This skills check is not there any more." },
    { "conflict", "already-decided", "", "This request has already been decided." },
    { "invalid", "assessment-length", ", \"min_minutes\": 15, \"max_minutes\": 120",
      "It must be from 15 minutes to 2 hours long." },
    { "conflict", "adjust-below-zero", ", \"left_minutes\": 90, \"asked_minutes\": 120",
      "They have only 1 hour 30 minutes left this year. Please record less time." },
    { "invalid", "queue-alert-range", ", \"max_people\": 100", "The queue alert is 0 (never) to 100 people." },
    { "invalid", "rooms-for-reps", "", "Rooms are booked by learning reps. Please ask one, or book a computer." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"type\": \"https://learnhub.example/problems/%s\","
                                               " \"reason\": \"%s\", \"detail\": \"" DETAIL "\"%s}",
                                               cases[i].type, cases[i].reason, cases[i].numbers);
      g_autoptr(GError) error = refusal (json);
      g_autofree char *words = lh_message_for_error (error);
      g_autofree char *advice = lh_advice_format_refusal (error);

      g_assert_cmpstr (words, ==, cases[i].words);
      g_assert_cmpstr (advice, ==, cases[i].words);
      g_assert_null (strstr (words, DETAIL));
    }
}

/* The last refusals given a reason (issue 15, helper HB): sign-in waits,
 * report periods, facility time, admin and committee pages. */
static void
test_refusal_words_last_reasons (void)
{
  static const struct { const char *type; const char *reason; const char *numbers; const char *words; } cases[] = {
    { "locked", "pin-being-checked", "", "A PIN is being checked. Please wait a moment and try again." },
    { "kiosk-slowed", "pin-being-checked", "", "A PIN is being checked. Please wait a moment and try again." },
    { "invalid", "period-too-long", ", \"max_days\": 366", "Please choose a period of at most 366 days." },
    { "invalid", "period-too-long", "", "That period is too long. Please choose a shorter one." },
    { "invalid", "period-not-begun", "", "That period has not begun yet. Please choose an earlier one." },
    { "invalid", "time-invalid", "", "That time could not be read. Please pick the time again." },
    { "invalid", "resource-unknown", "", "This computer or room is not there any more. Please pick another one." },
    { "not-found", "person-not-found", "", "This person is not there any more." },
    { "not-found", "notice-not-found", "", "This notice is not there any more." },
    { "conflict", "no-advice-record", "", "You have no advice record to delete." },
    { "conflict", "deletion-not-asked", "", "They have not asked for their record to be deleted." },
    { "invalid", "activity-unknown", "", "Please choose training, a meeting, promotion or other time." },
    { "invalid", "facility-length", ", \"min_minutes\": 1, \"max_minutes\": 720",
      "You can log from 1 minute to 12 hours at a time." },
    { "invalid", "facility-date", "", "Please log time from the past year, not from the future." },
    { "conflict", "facility-overlap", "",
      "You have already logged time for part of this. Please pick another time." },
    { "invalid", "topic-unknown", "", "Please choose a topic from the list." },
    { "invalid", "outcome-unknown", "", "Please choose an outcome from the list." },
    { "invalid", "contact-unknown", "", "Please choose how the learning rep can reach you." },
    { "invalid", "kind-unchanged", "",
      "The kind of an item does not change. Retire it and add a new item instead." },
    /* Issue 16: the daemon's disk is full; said as that, not as busy. */
    { "storage-full", "storage-full", "",
      "The centre’s computer cannot save anything just now, so nothing was changed. "
      "Please tell a learning rep, and try again later." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"type\": \"https://learnhub.example/problems/%s\","
                                               " \"reason\": \"%s\", \"detail\": \"" DETAIL "\"%s}",
                                               cases[i].type, cases[i].reason, cases[i].numbers);
      g_autoptr(GError) error = refusal (json);
      g_autofree char *words = lh_message_for_error (error);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static LhPerson *
signed_in (const char *session_json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *body;
  LhPerson *person;

  g_assert_true (json_parser_load_from_data (parser, session_json, -1, NULL));
  body = json_node_get_object (json_parser_get_root (parser));
  person = lh_person_from_json (json_object_get_object_member (body, "person"), NULL);
  g_assert_nonnull (person);
  lh_person_read_may_limits (person, body);
  return person;
}

static void
test_may (void)
{
  /* A guest's number shaped like staff's, and the other way round: only
   * the daemon's `guest` and `may` count. */
  g_autoptr(LhPerson) guest = signed_in (
    "{\"person\": {\"id\": 7, \"name\": \"Sam\", \"staff_number\": \"100999\", \"roles\": [\"learner\"], \"guest\": true},"
    " \"may\": {\"book_computers\": true, \"book_rooms\": false, \"join_groups\": false, \"register_guests\": false},"
    " \"limits\": {\"slot_minutes\": 15, \"check_in_early_minutes\": 5, \"guests_left\": null}}");
  g_autoptr(LhPerson) staff = signed_in (
    "{\"person\": {\"id\": 8, \"name\": \"Ana\", \"staff_number\": \"G123456\", \"roles\": [\"learner\"], \"guest\": false},"
    " \"may\": {\"book_computers\": true, \"book_rooms\": true, \"join_groups\": true, \"register_guests\": true,"
    "          \"paid_time\": true, \"committee\": false, \"admin\": false},"
    " \"limits\": {\"slot_minutes\": 30, \"check_in_early_minutes\": 10, \"guests_left\": 2}}");

  g_assert_true (guest->guest);
  g_assert_true (lh_may (guest, LH_WAY_BOOK_COMPUTERS));
  g_assert_false (lh_may (guest, LH_WAY_BOOK_ROOMS));
  g_assert_false (lh_may (guest, LH_WAY_GUESTS));
  g_assert_false (lh_may (guest, LH_WAY_PAID_TIME));
  g_assert_cmpint (guest->limits.guests_left, ==, -1);

  g_assert_false (staff->guest);
  g_assert_true (lh_may (staff, LH_WAY_BOOK_ROOMS));
  g_assert_true (lh_may (staff, LH_WAY_GUESTS));
  g_assert_false (lh_may (staff, LH_WAY_COMMITTEE));
  g_assert_cmpint (staff->limits.slot_minutes, ==, 30);
  g_assert_cmpint (staff->limits.check_in_early_minutes, ==, 10);
  g_assert_cmpint (staff->limits.guests_left, ==, 2);
  /* A copy keeps them. */
  {
    g_autoptr(LhPerson) copy = lh_person_copy (staff);

    g_assert_cmpint (copy->limits.slot_minutes, ==, 30);
    g_assert_true (copy->may.register_guests);
  }
}

static LhInterval *
interval_new (GDateTime *start,
              GDateTime *end)
{
  LhInterval *interval = g_new0 (LhInterval, 1);

  interval->start = g_date_time_ref (start);
  interval->end = g_date_time_ref (end);
  return interval;
}

static void
test_slot_minutes (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2026, 11, 24, 9, 0, 0);
  g_autoptr(GDateTime) opens = g_date_time_new (utc, 2026, 11, 24, 10, 0, 0);
  /* The last piece of the day is 20 minutes long. */
  g_autoptr(GDateTime) closes = g_date_time_new (utc, 2026, 11, 24, 11, 20, 0);
  g_autoptr(LhResourceDay) day = g_new0 (LhResourceDay, 1);
  g_autoptr(GPtrArray) fifteen = NULL;
  g_autoptr(GPtrArray) thirty = NULL;

  day->id = 4;
  day->name = g_strdup ("PC 4");
  day->kind = g_strdup ("pc");
  day->open = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_interval_free);
  day->busy = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_interval_free);
  day->free = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_interval_free);
  g_ptr_array_add (day->open, interval_new (opens, closes));
  g_ptr_array_add (day->free, interval_new (opens, closes));

  fifteen = lh_slots_for_resource (day, now, 15, 120, NULL);
  thirty = lh_slots_for_resource (day, now, 30, 120, NULL);
  /* 10:00–11:00 and 11:00–11:20 with 15-minute slots; the 20 minutes are
   * too short once the rules say 30. */
  g_assert_cmpuint (fifteen->len, ==, 2);
  g_assert_cmpuint (thirty->len, ==, 1);
}

static void
test_check_in_window (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2026, 11, 24, 9, 0, 0);
  g_autoptr(LhBooking) booking = g_new0 (LhBooking, 1);
  g_autoptr(LhMineItem) item = NULL;
  g_autofree char *five = NULL;
  g_autofree char *ten = NULL;

  booking->id = 1;
  booking->resource_id = 4;
  booking->resource_name = g_strdup ("PC 4");
  booking->resource_kind = g_strdup ("pc");
  booking->start = g_date_time_new (utc, 2026, 11, 24, 10, 0, 0);
  booking->end = g_date_time_new (utc, 2026, 11, 24, 11, 0, 0);
  booking->status = g_strdup ("confirmed");
  item = lh_mine_item_new_booking (booking);

  five = lh_mine_format_state (item, now, 15, 5);
  ten = lh_mine_format_state (item, now, 15, 10);
  g_assert_true (g_str_has_suffix (five, "from 09:55"));
  g_assert_true (g_str_has_suffix (ten, "from 09:50"));
}

int
main (int argc, char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/refusal-words", test_refusal_words);
  g_test_add_func ("/rules/refusal-words-issue-15", test_refusal_words_issue_15);
  g_test_add_func ("/rules/refusal-words-last-reasons", test_refusal_words_last_reasons);
  g_test_add_func ("/rules/may", test_may);
  g_test_add_func ("/rules/slot-minutes", test_slot_minutes);
  g_test_add_func ("/rules/check-in-window", test_check_in_window);
  return g_test_run ();
}
