/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Book a skills check: real widgets under Xvfb against a real learnhubd
 * with the demo centre (English on Mondays at 10:00, ESOL on Tuesdays at
 * 11:00, maths on Thursdays at 14:00, some free in the next 14 days).
 * What the kiosk shows is checked against what the API says, with each
 * person's own token. */
#define G_LOG_DOMAIN "test-assessments"

#include <adwaita.h>
#include <string.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-assessment-words.h"
#include "lh-client.h"
#include "lh-test-daemon.h"
#include "lh-window.h"
#include "lh-test-clock.h"

static LhTestDaemon *centre;  /* (owned) one demo centre for the whole program */

/* ---- the API, as another program would use it ------------------------ */

/* The slot with this id as the person with token sees it, or NULL. */
static JsonObject *
api_slot (const char *token,
          gint64      id)
{
  g_autoptr(JsonObject) body = NULL;
  JsonArray *slots;

  g_assert_cmpuint (kiosk_api_call ("GET", "/assessment-slots", token, NULL, &body), ==, 200);
  slots = json_object_get_array_member (body, "assessment_slots");
  for (guint i = 0; i < json_array_get_length (slots); i++)
    {
      JsonObject *slot = json_array_get_object_element (slots, i);

      if (json_object_get_int_member (slot, "id") == id)
        return json_object_ref (slot);
    }
  return NULL;
}

/* A free demo slot at least an hour ahead (so that it cannot start while
 * the test runs). */
static JsonObject *
api_free_slot (const char *token)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (lh_test_clock_now ());
  g_autoptr(GDateTime) soon = g_date_time_add_hours (now, 1);
  JsonArray *slots;

  g_assert_cmpuint (kiosk_api_call ("GET", "/assessment-slots", token, NULL, &body), ==, 200);
  slots = json_object_get_array_member (body, "assessment_slots");
  for (guint i = 0; i < json_array_get_length (slots); i++)
    {
      JsonObject *slot = json_array_get_object_element (slots, i);
      g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (json_object_get_string_member (slot, "start"), NULL);

      if (json_object_get_boolean_member (slot, "taken") || g_date_time_compare (start, soon) < 0)
        continue;
      return json_object_ref (slot);
    }
  g_error ("The demo centre has no free assessment slot left in the next 14 days");
}

/* Offers a slot through the API as the ULR, 2 to 12 days ahead at this
 * hour (each test its own hour, so that none clash), Monday to Friday. */
static JsonObject *
api_offer (const char *subject,
           int         hour)
{
  const char *staff, *pin;
  g_autofree char *token = NULL;
  g_autoptr(JsonObject) health = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_assert_true (lh_test_daemon_account (centre, "learner,ulr", &staff, &pin));
  token = kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
  g_assert_cmpuint (kiosk_api_call ("GET", "/health", NULL, NULL, &health), ==, 200);
  tz = g_time_zone_new_identifier (json_object_get_string_member (health, "timezone"));
  g_assert_nonnull (tz);
  now = lh_test_clock_now_in (tz);
  for (int days = 2; days <= 12; days++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autofree char *start_text = NULL;
      g_autofree char *end_text = NULL;
      g_autofree char *json = NULL;
      JsonObject *created = NULL;

      if (g_date_time_get_day_of_week (day) > 5)
        continue;
      start = g_date_time_new (tz, g_date_time_get_year (day), g_date_time_get_month (day),
                               g_date_time_get_day_of_month (day), hour, 0, 0);
      end = g_date_time_add_minutes (start, 45);
      start_text = g_date_time_format (start, "%Y-%m-%dT%H:%M:%S%:z");
      end_text = g_date_time_format (end, "%Y-%m-%dT%H:%M:%S%:z");
      json = g_strdup_printf ("{\"subject\": \"%s\", \"start\": \"%s\", \"end\": \"%s\", "
                              "\"place\": \"Quiet room\"}", subject, start_text, end_text);
      if (kiosk_api_call ("POST", "/assessment-slots", token, json, &created) == 201)
        return created;
      g_clear_pointer (&created, json_object_unref);
    }
  g_error ("Could not offer a %s slot at %d:00", subject, hour);
}

static void
api_book (const char *token,
          gint64      id,
          guint       status)
{
  g_autofree char *path = g_strdup_printf ("/assessment-slots/%" G_GINT64_FORMAT "/booking", id);

  g_assert_cmpuint (kiosk_api_call ("POST", path, token, NULL, NULL), ==, status);
}

/* ---- kiosks ----------------------------------------------------------- */

static void
open_assessments (Kiosk *kiosk)
{
  kiosk_press (kiosk->window, "Book a skills check");
  kiosk_wait_for_page (kiosk->window, "assessments");
  kiosk_wait_for_label (kiosk->window, "Skills checks in the next 2 weeks");
}

static LhAssessmentSlot *
slot_parse (Kiosk      *kiosk,
            JsonObject *json)
{
  g_autoptr(GError) error = NULL;
  LhAssessmentSlot *slot;

  slot = lh_assessment_slot_from_json (json, lh_client_get_time_zone (kiosk->client), &error);
  g_assert_no_error (error);
  return slot;
}

/* "Thursday 3 December, 14:00 to 14:45" as this kiosk says it. */
static char *
slot_when (Kiosk      *kiosk,
           JsonObject *json)
{
  g_autoptr(LhAssessmentSlot) slot = slot_parse (kiosk, json);

  return lh_assessment_format_when (slot);
}

/* ---- cards ------------------------------------------------------------ */

typedef struct
{
  const char *when;    /* the card's first line, exactly */
  const char *text;    /* (nullable) a label in it, exactly */
  const char *button;  /* (nullable) a button in it */
} CardQuery;

static gboolean
is_matching_card (GtkWidget *widget, gconstpointer data)
{
  const CardQuery *query = data;

  return gtk_widget_has_css_class (widget, "lh-assess-card") &&
         kiosk_find_widget (widget, kiosk_is_label, query->when) != NULL &&
         (query->text == NULL || kiosk_find_widget (widget, kiosk_is_label, query->text) != NULL) &&
         (query->button == NULL || kiosk_find_widget (widget, kiosk_is_button, query->button) != NULL);
}

static GtkWidget *
find_card (LhWindow        *window,
           const CardQuery *query)
{
  return kiosk_find_widget (GTK_WIDGET (window), is_matching_card, query);
}

static gboolean
card_shows (LhWindow *window, gconstpointer query)
{
  return find_card (window, query) != NULL;
}

static gboolean
is_card (GtkWidget *widget, gconstpointer data)
{
  return gtk_widget_has_css_class (widget, "lh-assess-card");
}

static gboolean
any_card_shown (LhWindow *window, gconstpointer data)
{
  return kiosk_find_widget (GTK_WIDGET (window), is_card, NULL) != NULL;
}

static gboolean
card_gone (LhWindow *window, gconstpointer when)
{
  return find_card (window, &(CardQuery) { when, NULL, NULL }) == NULL;
}

static void
wait_for_card (LhWindow   *window,
               const char *when,
               const char *text)
{
  CardQuery query = { when, text, NULL };
  g_autofree char *what = g_strdup_printf ("a card for “%s” saying “%s”", when, text);

  kiosk_wait_for (window, card_shows, &query, what);
}

/* Waits for the card (and a ready button in it) and presses the button. */
static void
press_in_card (LhWindow   *window,
               const char *when,
               const char *button)
{
  CardQuery query = { when, NULL, button };
  g_autofree char *what = g_strdup_printf ("a card for “%s” with “%s”", when, button);
  GtkWidget *found;

  kiosk_wait_for (window, card_shows, &query, what);
  found = kiosk_find_widget (find_card (window, &query), kiosk_is_button, button);
  g_assert_true (gtk_widget_is_sensitive (found));
  g_signal_emit_by_name (found, "clicked");
}

static gboolean
confirm_shown (LhWindow *window, gconstpointer prefix)
{
  /* While the views cross-fade, the list is still mapped: wait until only
   * the confirm view is, so that a press reaches its buttons. */
  return kiosk_find_label_prefix (window, prefix) != NULL &&
         kiosk_find_widget (GTK_WIDGET (window), kiosk_has_css_class, "lh-assess-card") == NULL;
}

static void
booking_posted_cb (SoupSession *session,
                   SoupMessage *message,
                   guint       *count)
{
  if (g_str_equal (soup_message_get_method (message), "POST") &&
      g_str_has_suffix (g_uri_get_path (soup_message_get_uri (message)), "/booking"))
    (*count)++;
}

/* ---- tests ------------------------------------------------------------ */

/* The page says what the check is, reassuringly, and names ESOL in full;
 * a free slot booked through the UI with three quick taps is booked once,
 * is the person's as the API says, and another learner does not see it
 * at all. */
static void
test_book (void)
{
  Kiosk kiosk = { 0 };
  Kiosk other = { 0 };
  const char *staff, *pin, *name;
  g_autofree char *token = kiosk_api_sign_in (0, centre->device_token, NULL);
  g_autofree char *other_token = kiosk_api_sign_in (1, centre->device_token, NULL);
  g_autoptr(JsonObject) free_slot = api_free_slot (token);
  g_autoptr(JsonObject) mine = NULL;
  g_autoptr(JsonObject) seen = NULL;
  g_autoptr(LhAssessmentSlot) parsed = NULL;
  g_autofree char *when = NULL;
  g_autofree char *booked = NULL;
  g_autofree char *question = NULL;
  g_autofree char *where = NULL;
  g_autofree char *screen = NULL;
  gint64 id = json_object_get_int_member (free_slot, "id");
  guint posts = 0;
  GtkWidget *button;

  kiosk_demo_learner (centre, 0, &staff, &pin, &name);
  kiosk_open_learner (&kiosk, centre, 0);
  open_assessments (&kiosk);
  g_assert_nonnull (kiosk_find_label (kiosk.window, "English for speakers of other languages (ESOL)"));
  g_assert_nonnull (kiosk_find_label (kiosk.window, "English"));
  g_assert_nonnull (kiosk_find_label (kiosk.window, "Maths"));
  g_assert_nonnull (kiosk_find_label (kiosk.window, "It is not a test you can fail. Only you and the assessor know you booked it."));

  when = slot_when (&kiosk, free_slot);
  wait_for_card (kiosk.window, when, "Free");
  where = g_strdup_printf ("With %s, Quiet room", json_object_get_string_member (free_slot, "assessor"));
  wait_for_card (kiosk.window, when, where);
  press_in_card (kiosk.window, when, "Book this");
  parsed = slot_parse (&kiosk, free_slot);
  question = lh_assessment_format_question (parsed);
  kiosk_wait_for (kiosk.window, confirm_shown, question, "the confirm view");
  kiosk_press (kiosk.window, "My own time");
  g_assert_nonnull (kiosk_find_label_prefix (kiosk.window, "A short, friendly check of where you are with "));

  g_signal_connect (lh_client_get_session (kiosk.client), "request-queued",
                    G_CALLBACK (booking_posted_cb), &posts);
  kiosk_wait_for (kiosk.window, kiosk_button_ready, "Yes, book it", "the Yes, book it button");
  button = kiosk_find_button (kiosk.window, "Yes, book it");
  /* A second and third tap, as an impatient finger would. */
  g_signal_emit_by_name (button, "clicked");
  g_signal_emit_by_name (button, "clicked");
  g_signal_emit_by_name (button, "clicked");
  booked = lh_assessment_format_booked (parsed);
  kiosk_wait_for_label (kiosk.window, booked);
  g_signal_handlers_disconnect_by_data (lh_client_get_session (kiosk.client), &posts);
  g_assert_cmpuint (posts, ==, 1);

  /* The API agrees, with the person's own session. */
  mine = api_slot (token, id);
  g_assert_nonnull (mine);
  g_assert_true (json_object_get_boolean_member (mine, "mine"));
  g_assert_true (json_object_get_boolean_member (mine, "taken"));

  kiosk_press (kiosk.window, "See all skills checks");
  wait_for_card (kiosk.window, when, "Booked for you");
  kiosk_close (&kiosk);

  /* Another learner does not see it at all: a taken slot's subject and
   * time would say what the learner's time off is for (issue 12, item 4). */
  seen = api_slot (other_token, id);
  g_assert_null (seen);

  kiosk_open_learner (&other, centre, 1);
  open_assessments (&other);
  g_free (when);
  when = slot_when (&other, free_slot);
  kiosk_wait_for (other.window, any_card_shown, NULL, "the free slots");
  g_assert_null (find_card (other.window, &(CardQuery) { when, NULL, NULL }));
  screen = kiosk_screen_text (other.window);
  g_assert_null (strstr (screen, name));
  kiosk_close (&other);
}

/* The person's own slot is given back from its card, after No then Yes,
 * and is free again for them and the API. */
static void
test_give_back (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_api_sign_in (2, centre->device_token, NULL);
  g_autoptr(JsonObject) slot = api_offer ("english", 8);
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *when = NULL;
  gint64 id = json_object_get_int_member (slot, "id");

  api_book (token, id, 201);

  kiosk_open_learner (&kiosk, centre, 2);
  open_assessments (&kiosk);
  when = slot_when (&kiosk, slot);
  wait_for_card (kiosk.window, when, "Booked for you");
  press_in_card (kiosk.window, when, "Give it back");
  kiosk_wait_for_label (kiosk.window, "Give it back?");
  kiosk_press (kiosk.window, "No, keep it");
  kiosk_wait_for (kiosk.window, kiosk_label_gone, "Give it back?", "the question to go");
  wait_for_card (kiosk.window, when, "Booked for you");

  press_in_card (kiosk.window, when, "Give it back");
  kiosk_press (kiosk.window, "Yes, give it back");
  wait_for_card (kiosk.window, when, "Free");
  press_in_card (kiosk.window, when, "Book this");
  kiosk_wait_for (kiosk.window, confirm_shown, "Book a", "the confirm view");
  g_assert_nonnull (kiosk_find_label_prefix (kiosk.window, "A short, friendly check of where you are with "));
  kiosk_press (kiosk.window, "Back");
  wait_for_card (kiosk.window, when, "Free");

  after = api_slot (token, id);
  g_assert_false (json_object_get_boolean_member (after, "taken"));
  g_assert_false (json_object_get_boolean_member (after, "mine"));
  kiosk_close (&kiosk);
}

/* Someone else books a slot and gives it back: the card goes and comes
 * back, without a tap, from the assessment-slot-changed event. */
static void
test_changed_elsewhere (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_api_sign_in (4, centre->device_token, NULL);
  g_autoptr(JsonObject) slot = api_offer ("esol", 15);
  g_autofree char *when = NULL;
  g_autofree char *path = NULL;
  gint64 id = json_object_get_int_member (slot, "id");

  kiosk_open_learner (&kiosk, centre, 3);
  open_assessments (&kiosk);
  when = slot_when (&kiosk, slot);
  wait_for_card (kiosk.window, when, "Free");

  api_book (token, id, 201);
  kiosk_wait_for (kiosk.window, card_gone, when, "the slot booked elsewhere gone");

  path = g_strdup_printf ("/assessment-slots/%" G_GINT64_FORMAT "/booking", id);
  g_assert_cmpuint (kiosk_api_call ("DELETE", path, token, NULL, NULL), ==, 204);
  wait_for_card (kiosk.window, when, "Free");
  kiosk_close (&kiosk);
}

/* Refusals say the daemon's reason in plain words: a slot taken while
 * the person was deciding, and a second check in the same subject. */
static void
test_refused (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_api_sign_in (5, centre->device_token, NULL);
  g_autofree char *rival = kiosk_api_sign_in (4, centre->device_token, NULL);
  g_autoptr(JsonObject) early = api_offer ("maths", 9);
  g_autoptr(JsonObject) late = api_offer ("maths", 16);
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *early_when = NULL;
  g_autofree char *late_when = NULL;

  kiosk_open_learner (&kiosk, centre, 5);
  open_assessments (&kiosk);
  early_when = slot_when (&kiosk, early);
  late_when = slot_when (&kiosk, late);

  /* Taken by someone else while the confirm view was up. */
  press_in_card (kiosk.window, early_when, "Book this");
  kiosk_wait_for (kiosk.window, confirm_shown, "Book a maths check on ", "the confirm view");
  api_book (rival, json_object_get_int_member (early, "id"), 201);
  kiosk_press (kiosk.window, "My own time");
  kiosk_press (kiosk.window, "Yes, book it");
  kiosk_wait_for_label (kiosk.window, "Someone has just booked this one. Please pick another time.");
  /* Gone from the list: someone else's now. */
  kiosk_wait_for (kiosk.window, card_gone, early_when, "the taken slot gone");

  /* One maths check at a time. */
  press_in_card (kiosk.window, late_when, "Book this");
  kiosk_wait_for (kiosk.window, confirm_shown, "Book a maths check on ", "the confirm view");
  kiosk_press (kiosk.window, "My own time");
  kiosk_press (kiosk.window, "Yes, book it");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Your maths check is booked.", "the done view");
  kiosk_press (kiosk.window, "See all skills checks");
  wait_for_card (kiosk.window, late_when, "Booked for you");
  kiosk_wait_for_label (kiosk.window, "You have a maths check booked. To move it, give it back first.");
  {
    g_autoptr(JsonObject) another = api_offer ("maths", 17);
    g_autofree char *another_when = slot_when (&kiosk, another);

    press_in_card (kiosk.window, another_when, "Book this");
    kiosk_wait_for (kiosk.window, confirm_shown, "Book a maths check on ", "the confirm view");
    kiosk_press (kiosk.window, "My own time");
    kiosk_press (kiosk.window, "Yes, book it");
    /* The daemon's reason, in the kiosk's words. */
    kiosk_wait_for_label (kiosk.window, "You have this skills check booked already. To move it, give it back first.");
    after = api_slot (token, json_object_get_int_member (another, "id"));
    g_assert_false (json_object_get_boolean_member (after, "taken"));
  }
  kiosk_close (&kiosk);
}

/* Guests book computers only: no button, and the action does nothing. */
static void
test_hidden_for_guest (void)
{
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (centre->demo), "accounts");
  JsonObject *guest = NULL;
  Kiosk kiosk = { 0 };

  for (guint i = 0; i < json_array_get_length (accounts) && guest == NULL; i++)
    if (json_object_get_boolean_member_with_default (json_array_get_object_element (accounts, i), "guest", FALSE))
      guest = json_array_get_object_element (accounts, i);
  g_assert_nonnull (guest);

  kiosk_open_signed_in (&kiosk, centre, json_object_get_string_member (guest, "staff_number"),
                 json_object_get_string_member (guest, "pin"),
                 json_object_get_string_member (guest, "name"));
  g_assert_true (lh_client_get_person (kiosk.client)->guest);
  g_assert_nonnull (kiosk_find_button (kiosk.window, "Book a computer"));
  g_assert_null (kiosk_find_button (kiosk.window, "Book a skills check"));
  gtk_widget_activate_action (GTK_WIDGET (kiosk.window), "kiosk.assessments", NULL);
  kiosk_spin (300);
  g_assert_cmpstr (lh_window_get_visible_page_name (kiosk.window), ==, "home");
  kiosk_close (&kiosk);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);

  centre = lh_test_daemon_start (NULL);
  kiosk_api_init (centre);

  g_test_add_func ("/kiosk/assessments/book", test_book);
  g_test_add_func ("/kiosk/assessments/give-back", test_give_back);
  g_test_add_func ("/kiosk/assessments/changed-elsewhere", test_changed_elsewhere);
  g_test_add_func ("/kiosk/assessments/refused", test_refused);
  g_test_add_func ("/kiosk/assessments/hidden-for-guest", test_hidden_for_guest);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
