/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Paid time off for learning at the kiosk: real widgets under Xvfb
 * against a real learnhubd with the demo centre, whose agreement gives
 * 52.5 hours a year full time (pro-rated), 7.5 hours for assessments,
 * and has every request wait for an admin. The test's own people: a
 * full-timer, a part-timer on 1 hour a week (1 hour 24 minutes a year),
 * and three more full-timers. What the kiosk sent is checked with the API,
 * with each person's own token; the admin decides through the API. */
#define G_LOG_DOMAIN "test-time-off"

#include <adwaita.h>

#include "kiosk-api.h"
#include "kiosk-dunst.h"
#include "kiosk-helpers.h"
#include "kiosk-time-off.h"
#include "lh-assessment-slot.h"
#include "lh-assessment-words.h"
#include "lh-client.h"
#include "lh-test-daemon.h"
#include "lh-time-format.h"
#include "lh-time-off-words.h"
#include "lh-window.h"
#include "lh-test-clock.h"

#define SCREEN_WIDTH 1280
#define SCREEN_HEIGHT 800

static LhTestDaemon *centre;  /* (owned) one demo centre for the whole program */
static GStrv pc_tokens;       /* (owned) the kiosks of the always-open PCs */

static const KioskLearner full_timer = { "930001", "4821", "Tess Walker", "37.5", "5" };
static const KioskLearner part_timer = { "930002", "5932", "Pat Lowe", "1", "1" };
static const KioskLearner joiner = { "930003", "6043", "Ray Dunne", "37.5", "5" };
static const KioskLearner away = { "930004", "7154", "Nell Fry", "37.5", "5" };
static const KioskLearner sitter = { "930005", "8265", "Ola Grant", "37.5", "5" };

/* ---- the centre ------------------------------------------------------- */

static void
setup_centre (const char *db_path,
              gpointer    user_data)
{
  const KioskLearner *people[] = { &full_timer, &part_timer, &joiner, &away, &sitter };

  kiosk_setup_always_open_pcs (db_path, user_data);
  kiosk_time_off_import (db_path, people, G_N_ELEMENTS (people));
}

/* ---- the API, as another program would use it ------------------------ */

/* ---- kiosks ----------------------------------------------------------- */

static void
open_kiosk (Kiosk        *kiosk,
            const KioskLearner *person)
{
  kiosk_open_window (kiosk, centre, centre->device_token, SCREEN_WIDTH, SCREEN_HEIGHT);
  kiosk_sign_in (kiosk->window, person->staff, person->pin, person->name);
}

static void
open_time_off (LhWindow *window)
{
  kiosk_press (window, "My time off");
  kiosk_wait_for_page (window, "time-off");
  kiosk_wait_for_label (window, "Paid learning time");
}

/* ---- tests ------------------------------------------------------------ */

/* Work time and own time booked at the kiosk: the daemon has each as
 * chosen, the balance page moves with the paid one only, in hours and
 * days; the admin's approval reaches the kiosk at once, the balance page
 * says it once, and My bookings says whose time each booking is in. */
static void
test_paid_and_own (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_time_off_sign_in (centre, &full_timer);
  g_autofree char *admin = kiosk_time_off_admin_token (centre);
  g_autoptr(GDateTime) paid_start = kiosk_time_off_tomorrow_at (10);
  g_autoptr(GDateTime) own_start = kiosk_time_off_tomorrow_at (14);
  g_autoptr(JsonObject) paid = NULL;
  g_autoptr(JsonObject) own = NULL;
  g_autoptr(JsonObject) learning = NULL;
  JsonObject *time_off;

  open_kiosk (&kiosk, &full_timer);

  /* Before: all of it, 7 days of 7.5 hours. */
  open_time_off (kiosk.window);
  kiosk_wait_for_label (kiosk.window, "52 hours 30 minutes left · about 7 days");
  kiosk_wait_for_label (kiosk.window, "Assessments and exams");
  kiosk_wait_for_label (kiosk.window, "7 hours 30 minutes left · about 1 day");
  kiosk_wait_for_label (kiosk.window, "Each hour you learn in your own time earns an hour of paid time, up to 15 hours.");
  kiosk_wait_for_label (kiosk.window, "Nothing booked yet.");
  /* ESOL and apprentice study days are not Tess's. */
  g_assert_null (kiosk_find_label (kiosk.window, "ESOL classes (English for speakers of other languages)"));
  g_assert_null (kiosk_find_label (kiosk.window, "Apprentice study days"));
  kiosk_time_off_go_home (kiosk.window);

  /* In work time. */
  kiosk_time_off_pick_tomorrow (kiosk.window, KIOSK_ALWAYS_OPEN_PC, paid_start);
  kiosk_time_off_assert_asks (kiosk.window, "Book it", "52 hours 30 minutes left · about 7 days");
  kiosk_press (kiosk.window, "Work time (paid)");
  g_assert_true (gtk_toggle_button_get_active (kiosk_time_off_find_choice (kiosk.window, "Work time (paid)")));
  kiosk_wait_for (kiosk.window, kiosk_button_ready, "Book it", "Book it to be ready");
  kiosk_screenshot (kiosk.window, "kiosk-book-paid");
  kiosk_press (kiosk.window, "Book it");
  kiosk_wait_for_label (kiosk.window, "It is booked");
  kiosk_wait_for_label (kiosk.window, "Work time (paid): waiting for approval. You will be told here once it is decided.");
  paid = kiosk_time_off_booking_at (token, KIOSK_ALWAYS_OPEN_PC, paid_start);
  time_off = json_object_get_object_member (paid, "time_off");
  g_assert_true (json_object_get_boolean_member (time_off, "paid"));
  g_assert_cmpstr (json_object_get_string_member (time_off, "status"), ==, "pending");
  kiosk_press (kiosk.window, "Home");
  kiosk_wait_for_page (kiosk.window, "home");

  /* In own time: what is left stays as it is. */
  kiosk_time_off_pick_tomorrow (kiosk.window, KIOSK_ALWAYS_OPEN_PC, own_start);
  kiosk_time_off_assert_asks (kiosk.window, "Book it", "51 hours 30 minutes left · about 7 days");
  kiosk_press (kiosk.window, "My own time");
  kiosk_press (kiosk.window, "Book it");
  kiosk_wait_for_label (kiosk.window, "It is booked");
  kiosk_wait_for_label (kiosk.window, "In your own time.");
  own = kiosk_time_off_booking_at (token, KIOSK_ALWAYS_OPEN_PC, own_start);
  time_off = json_object_get_object_member (own, "time_off");
  g_assert_false (json_object_get_boolean_member (time_off, "paid"));
  g_assert_cmpstr (json_object_get_string_member (time_off, "status"), ==, "own");
  learning = kiosk_time_off_category (token, "learning");
  g_assert_cmpint (json_object_get_int_member (learning, "pending_minutes"), ==, 60);
  g_assert_cmpint (json_object_get_int_member (learning, "remaining_minutes"), ==, 3090);
  kiosk_press (kiosk.window, "Home");
  kiosk_wait_for_page (kiosk.window, "home");

  /* The balance page: moved by the paid hour, waiting for approval. */
  open_time_off (kiosk.window);
  kiosk_wait_for_label (kiosk.window, "51 hours 30 minutes left · about 7 days");
  kiosk_wait_for_label (kiosk.window, "Waiting for approval: 1 hour");
  kiosk_wait_for_label (kiosk.window, "Work time, waiting for approval");
  kiosk_wait_for_label (kiosk.window, "Own time");

  /* Approved meanwhile: the kiosk hears it at once, and says so. */
  kiosk_time_off_decide (admin, json_object_get_int_member (json_object_get_object_member (paid, "time_off"), "id"),
              "approve", NULL);
  kiosk_wait_for (kiosk.window, kiosk_time_off_decision_shown, "Approved: work time for " KIOSK_ALWAYS_OPEN_PC ", ",
                  "the decision");
  kiosk_wait_for_label (kiosk.window, "Booked, not used yet: 1 hour");
  kiosk_wait_for_label (kiosk.window, "Work time, approved");
  kiosk_screenshot (kiosk.window, "kiosk-time-off");
  kiosk_time_off_go_home (kiosk.window);

  /* Told once: not on the next visit. */
  open_time_off (kiosk.window);
  kiosk_wait_for_label (kiosk.window, "Booked, not used yet: 1 hour");
  g_assert_false (kiosk_time_off_decision_shown (kiosk.window, "Approved: work time for "));
  kiosk_time_off_go_home (kiosk.window);

  /* My bookings: whose time each is in. */
  kiosk_press (kiosk.window, "My bookings");
  kiosk_wait_for_page (kiosk.window, "bookings");
  kiosk_wait_for_label (kiosk.window, "Work time (paid) · approved");
  kiosk_wait_for_label (kiosk.window, "Own time");
  kiosk_screenshot (kiosk.window, "kiosk-my-bookings-time-off");
  kiosk_close (&kiosk);
}

/* More paid time than is left: the daemon's words, and the same hour in
 * the person's own time in one tap. */
static void
test_refused_offers_own_time (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_time_off_sign_in (centre, &part_timer);
  g_autoptr(GDateTime) first = kiosk_time_off_tomorrow_at (9);
  g_autoptr(GDateTime) second = kiosk_time_off_tomorrow_at (15);
  g_autoptr(JsonObject) booking = NULL;
  g_autoptr(JsonObject) learning = NULL;
  JsonObject *time_off;

  /* 1 hour a week, of 37.5: 1 hour 24 minutes a year; 1 hour asked. */
  kiosk_time_off_book_paid (token, KIOSK_ALWAYS_OPEN_PC " 2", first);

  open_kiosk (&kiosk, &part_timer);
  open_time_off (kiosk.window);
  /* Days of Pat's own: 1 hour a day. */
  kiosk_wait_for_label (kiosk.window, "24 minutes left · about half a day");
  kiosk_wait_for_label (kiosk.window, "Waiting for approval: 1 hour");
  kiosk_time_off_go_home (kiosk.window);

  kiosk_time_off_pick_tomorrow (kiosk.window, KIOSK_ALWAYS_OPEN_PC " 2", second);
  kiosk_time_off_assert_asks (kiosk.window, "Book it", "24 minutes left");
  kiosk_wait_for_label (kiosk.window, "24 minutes left · about half a day. Not enough for this.");
  kiosk_press (kiosk.window, "Work time (paid)");
  kiosk_press (kiosk.window, "Book it");
  /* The kiosk's own words from the reason (paid-time-exhausted) and its
   * left_minutes, not the daemon's English detail ("You have 24 minutes
   * of …"). */
  kiosk_wait_for_label (kiosk.window,
                        "You have only 24 minutes of work time for learning left. Book a shorter time, or use your own time.");
  g_assert_false (kiosk_label_prefix_shown (kiosk.window, "You have 24 minutes of "));
  /* The words come at once now (no balance to fetch); the form follows. */
  kiosk_wait_for (kiosk.window, kiosk_button_ready, "Book it in my own time", "the way out");
  kiosk_spin (100);
  g_assert_nonnull (kiosk_find_label (kiosk.window, "Book this time?"));
  /* Not the same again: the paid choice is undone, Book waits for one. */
  g_assert_false (gtk_toggle_button_get_active (kiosk_time_off_find_choice (kiosk.window, "Work time (paid)")));
  g_assert_false (gtk_widget_is_sensitive (kiosk_find_button (kiosk.window, "Book it")));
  kiosk_screenshot (kiosk.window, "kiosk-book-paid-refused");
  kiosk_press (kiosk.window, "Book it in my own time");
  kiosk_wait_for_label (kiosk.window, "It is booked");
  kiosk_wait_for_label (kiosk.window, "In your own time.");

  booking = kiosk_time_off_booking_at (token, KIOSK_ALWAYS_OPEN_PC " 2", second);
  time_off = json_object_get_object_member (booking, "time_off");
  g_assert_false (json_object_get_boolean_member (time_off, "paid"));
  g_assert_cmpstr (json_object_get_string_member (time_off, "status"), ==, "own");
  learning = kiosk_time_off_category (token, "learning");
  g_assert_cmpint (json_object_get_int_member (learning, "remaining_minutes"), ==, 24);
  kiosk_close (&kiosk);
}

/* A place on a group's waiting list in work time, a skills check in own
 * time: each done view says so, and My bookings too, from the requests
 * the balance lists. */
static void
test_group_and_assessment (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_time_off_sign_in (centre, &joiner);
  g_autoptr(JsonObject) sessions = NULL;
  g_autoptr(JsonObject) slots = NULL;
  g_autoptr(JsonObject) assessment = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (lh_test_clock_now ());
  g_autoptr(GDateTime) soon = g_date_time_add_hours (now, 1);
  g_autoptr(LhAssessmentSlot) slot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *question = NULL;
  JsonObject *full = NULL;
  JsonArray *list;

  /* The demo's full Maths together, and a free check an hour ahead. */
  g_assert_cmpuint (kiosk_api_call ("GET", "/group-sessions", token, NULL, &sessions), ==, 200);
  list = json_object_get_array_member (sessions, "group_sessions");
  for (guint i = 0; i < json_array_get_length (list) && full == NULL; i++)
    {
      JsonObject *one = json_array_get_object_element (list, i);

      if (json_object_get_int_member (one, "places_taken") >= json_object_get_int_member (one, "capacity"))
        full = one;
    }
  g_assert_nonnull (full);
  g_assert_cmpuint (kiosk_api_call ("GET", "/assessment-slots", token, NULL, &slots), ==, 200);
  list = json_object_get_array_member (slots, "assessment_slots");
  for (guint i = 0; i < json_array_get_length (list) && assessment == NULL; i++)
    {
      JsonObject *one = json_array_get_object_element (list, i);
      g_autoptr(GDateTime) start = kiosk_api_parse_time (one, "start");

      if (!json_object_get_boolean_member (one, "taken") && g_date_time_compare (start, soon) > 0)
        assessment = json_object_ref (one);
    }
  g_assert_nonnull (assessment);

  open_kiosk (&kiosk, &joiner);

  /* The waiting list holds the paid time too. */
  kiosk_press (kiosk.window, "Join a group");
  kiosk_wait_for_page (kiosk.window, "groups");
  kiosk_press (kiosk.window, "Join the waiting list");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Join Maths together on ", "the confirm view");
  kiosk_wait_for (kiosk.window, kiosk_cards_gone, "lh-group-card", "the list to go");
  kiosk_time_off_assert_asks (kiosk.window, "Join the waiting list", "52 hours 30 minutes left · about 7 days");
  kiosk_press (kiosk.window, "Work time (paid)");
  kiosk_screenshot (kiosk.window, "kiosk-join-group-paid");
  kiosk_press (kiosk.window, "Join the waiting list");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "You are number ", "the waiting list");
  kiosk_wait_for_label (kiosk.window, "Work time (paid): waiting for approval. You will be told here once it is decided.");
  kiosk_press (kiosk.window, "Home");
  kiosk_wait_for_page (kiosk.window, "home");

  /* A skills check draws on assessment time. */
  slot = lh_assessment_slot_from_json (assessment, lh_client_get_time_zone (kiosk.client), &error);
  g_assert_no_error (error);
  when = lh_assessment_format_when (slot);
  question = lh_assessment_format_question (slot);
  kiosk_press (kiosk.window, "Book a skills check");
  kiosk_wait_for_page (kiosk.window, "assessments");
  kiosk_wait_for_label (kiosk.window, when);
  {
    GtkWidget *label = kiosk_find_label (kiosk.window, when);
    GtkWidget *card = label;

    while (card != NULL && !gtk_widget_has_css_class (card, "lh-assess-card"))
      card = gtk_widget_get_parent (card);
    g_assert_nonnull (card);
    g_signal_emit_by_name (kiosk_find_widget (card, kiosk_is_button, "Book this"), "clicked");
  }
  kiosk_wait_for_label (kiosk.window, question);
  kiosk_wait_for (kiosk.window, kiosk_cards_gone, "lh-assess-card", "the list to go");
  kiosk_time_off_assert_asks (kiosk.window, "Yes, book it", "7 hours 30 minutes left · about 1 day");
  kiosk_press (kiosk.window, "My own time");
  kiosk_screenshot (kiosk.window, "kiosk-assessment-own-time");
  kiosk_press (kiosk.window, "Yes, book it");
  kiosk_wait_for_label (kiosk.window, "In your own time.");
  kiosk_screenshot (kiosk.window, "kiosk-assessment-booked-own-time");
  kiosk_press (kiosk.window, "Home");
  kiosk_wait_for_page (kiosk.window, "home");

  kiosk_press (kiosk.window, "My bookings");
  kiosk_wait_for_page (kiosk.window, "bookings");
  kiosk_wait_for_label (kiosk.window, "Work time (paid) · waiting for approval");
  kiosk_wait_for_label (kiosk.window, "Own time");
  kiosk_close (&kiosk);
}

/* Turned down while the person was away: told at sign-in on the home
 * page, with the admin's reason, and on the balance page; the booking
 * stands, in their own time. */
static void
test_told_at_sign_in (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_time_off_sign_in (centre, &away);
  g_autofree char *admin = kiosk_time_off_admin_token (centre);
  g_autoptr(GDateTime) start = kiosk_time_off_tomorrow_at (11);
  gint64 request = kiosk_time_off_book_paid (token, KIOSK_ALWAYS_OPEN_PC " 3", start);
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 1);
  g_autofree char *facts = lh_format_slot_long (KIOSK_ALWAYS_OPEN_PC " 3", start, end);
  g_autofree char *told = g_strdup_printf ("Not approved: work time for %s. It stays booked, in your own "
                                           "time. The reason given: Short-staffed on the line that day", facts);

  kiosk_time_off_decide (admin, request, "reject", "Short-staffed on the line that day");

  open_kiosk (&kiosk, &away);
  kiosk_wait_for_label (kiosk.window, told);
  kiosk_screenshot (kiosk.window, "kiosk-home-time-off-decided");
  kiosk_press (kiosk.window, "OK");
  kiosk_wait_for (kiosk.window, kiosk_label_gone, told, "the notice to go");

  /* The balance page says it once, too; the hour is back. */
  open_time_off (kiosk.window);
  kiosk_wait_for_label (kiosk.window, told);
  kiosk_wait_for_label (kiosk.window, "52 hours 30 minutes left · about 7 days");
  kiosk_wait_for_label (kiosk.window, "Not approved: in your own time");
  kiosk_time_off_go_home (kiosk.window);

  kiosk_press (kiosk.window, "My bookings");
  kiosk_wait_for_page (kiosk.window, "bookings");
  kiosk_wait_for_label (kiosk.window, "Work time (paid) · not approved: own time");
  kiosk_close (&kiosk);
}

/* At a PC the person works in other programs: the decision reaches them
 * as a desktop notification too (a real dunst). */
static void
test_decided_at_a_pc (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_time_off_sign_in (centre, &sitter);
  g_autofree char *admin = kiosk_time_off_admin_token (centre);
  g_autoptr(GDateTime) start = kiosk_time_off_tomorrow_at (16);
  gint64 request = kiosk_time_off_book_paid (token, KIOSK_ALWAYS_OPEN_PC " 2", start);
  g_autoptr(JsonObject) found = NULL;
  const char *body;

  /* Sitting down at the third always-open PC, by its own kiosk. */
  kiosk_open_window (&kiosk, centre, pc_tokens[2], SCREEN_WIDTH, SCREEN_HEIGHT);
  kiosk_wait_for (kiosk.window, kiosk_stream_open, kiosk.client, "the event stream to open");
  kiosk_sign_in (kiosk.window, sitter.staff, sitter.pin, sitter.name);

  kiosk_time_off_decide (admin, request, "approve", NULL);
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Approved: work time for " KIOSK_ALWAYS_OPEN_PC " 2, ",
                  "the decision on the home page");
  kiosk_wait_for (kiosk.window, kiosk_dunst_has, "Time off for learning", "dunst to have the decision");
  found = kiosk_dunst_find ("Time off for learning");
  body = json_object_get_string_member (json_object_get_object_member (found, "body"), "data");
  g_assert_true (g_str_has_prefix (body, "Approved: work time for " KIOSK_ALWAYS_OPEN_PC " 2, "));

  /* Standing up frees the PC. */
  kiosk_press (kiosk.window, "Sign out");
  kiosk_wait_for_page (kiosk.window, "welcome");
  kiosk_close (&kiosk);
}

/* In large text and high contrast, on a 1280x800 screen, the way in and
 * the balance page's words are all on the screen. */
static void
test_large_text (void)
{
  Kiosk kiosk = { 0 };
  GtkWidget *button;
  graphene_rect_t bounds;

  kiosk_open_window (&kiosk, centre, centre->device_token, SCREEN_WIDTH, SCREEN_HEIGHT);
  kiosk_press (kiosk.window, "Large text");
  kiosk_press (kiosk.window, "High contrast");
  kiosk_sign_in (kiosk.window, full_timer.staff, full_timer.pin, full_timer.name);
  kiosk_wait_for (kiosk.window, kiosk_button_ready, "My time off", "My time off");
  kiosk_spin (300);
  button = kiosk_find_button (kiosk.window, "My time off");
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (kiosk.window), &bounds));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, SCREEN_HEIGHT);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, SCREEN_WIDTH);
  g_assert_cmpfloat (bounds.size.height, >=, 48);

  open_time_off (kiosk.window);
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Your agreement year: ", "the agreement year");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (kiosk.window)), <=, SCREEN_WIDTH);
  kiosk_close (&kiosk);
}

/* The words for amounts the demo cannot reach in a test's time: matched
 * time earned (own time counts once used), days of other lengths. */
static void
test_words (void)
{
  LhTimeOffCategory learning = { .category = (char *) "learning", .matched_minutes = 300,
                                 .matched_cap_minutes = 900 };
  g_autofree char *matched = lh_time_off_format_matched (&learning);
  g_autofree char *left = lh_time_off_format_left (2790, 7.5);
  g_autofree char *half = lh_time_off_format_days (3 * 60 + 50, 7.5);
  g_autofree char *none = lh_time_off_format_left (-30, 7.5);
  g_autofree char *unknown = lh_time_off_format_left (90, 0);

  g_assert_cmpstr (matched, ==, "Your own time has earned 5 hours of paid time, of up to 15 hours.");
  g_assert_cmpstr (left, ==, "46 hours 30 minutes left · about 6 days");
  g_assert_cmpstr (half, ==, "about half a day");
  g_assert_cmpstr (none, ==, "None left this year");
  g_assert_cmpstr (unknown, ==, "1 hour 30 minutes left");
  learning.matched_cap_minutes = 0;
  g_assert_null (lh_time_off_format_matched (&learning));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);
  kiosk_dunst_start ();

  centre = lh_test_daemon_start_with_setup (NULL, setup_centre, &pc_tokens);
  kiosk_api_init (centre);

  g_test_add_func ("/kiosk/time-off/words", test_words);
  g_test_add_func ("/kiosk/time-off/paid-and-own", test_paid_and_own);
  g_test_add_func ("/kiosk/time-off/refused-offers-own-time", test_refused_offers_own_time);
  g_test_add_func ("/kiosk/time-off/group-and-assessment", test_group_and_assessment);
  g_test_add_func ("/kiosk/time-off/told-at-sign-in", test_told_at_sign_in);
  g_test_add_func ("/kiosk/time-off/decided-at-a-pc", test_decided_at_a_pc);
  g_test_add_func ("/kiosk/time-off/large-text", test_large_text);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&pc_tokens, g_strfreev);
  g_clear_pointer (&centre, lh_test_daemon_stop);
  kiosk_dunst_stop ();
  return status;
}
