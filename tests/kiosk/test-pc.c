/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A PC's own kiosk: real widgets under Xvfb against a real learnhubd
 * with the demo centre, its PC kiosks, and four more PCs open round the
 * clock (PC 21 to PC 24, each with its kiosk) so that nothing depends on
 * the time of day; four learners of the test's own without history. The
 * time-left warning goes to a real notification server, dunst, on the
 * test's private session bus. */
#define G_LOG_DOMAIN "test-pc"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "kiosk-api.h"
#include "kiosk-dunst.h"
#include "kiosk-helpers.h"
#include "lh-client.h"
#include "lh-test-daemon.h"
#include "lh-time-format.h"
#include "lh-window.h"
#include "lh-test-clock.h"

#define N_PCS 4
static const char *pc_names[N_PCS] = { "PC 21", "PC 22", "PC 23", "PC 24" };

typedef struct
{
  const char *staff;
  const char *pin;
  const char *name;
} Learner;

static const Learner learners[] = {
  { "900001", "4826", "Ada Quinn" },
  { "900002", "5937", "Bo Reyes" },
  { "900003", "6048", "Cai Shah" },
  { "900004", "7159", "Dee Tran" },
};

static LhTestDaemon *centre;  /* (owned) one demo centre for the whole program */
static GStrv pc_tokens;       /* (owned) the kiosks of pc_names */
static GTimeZone *centre_tz;  /* (owned) */

/* ---- the centre ------------------------------------------------------- */

static void
setup_centre (const char *db_path,
              gpointer    user_data)
{
  GStrvBuilder *tokens = g_strv_builder_new ();
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *csv = g_build_filename (dir, "pc-learners.csv", NULL);
  g_autoptr(GString) roster = g_string_new ("staff_number,name,hours_per_week,roles,pin\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *imported = NULL;

  for (guint i = 0; i < N_PCS; i++)
    {
      g_autofree char *device = g_strdup_printf ("%s kiosk", pc_names[i]);
      g_autofree char *added = lh_test_run_ctl (db_path, &error, "resource", "add", pc_names[i],
                                                "--hours", "Mon-Sun 00:00-24:00", NULL);
      g_autofree char *token = NULL;

      g_assert_no_error (error);
      token = lh_test_run_ctl (db_path, &error, "device", "add", device, "--pc", pc_names[i], NULL);
      g_assert_no_error (error);
      g_strv_builder_add (tokens, g_strstrip (token));
    }
  for (guint i = 0; i < G_N_ELEMENTS (learners); i++)
    g_string_append_printf (roster, "%s,%s,37.5,learner,%s\n", learners[i].staff, learners[i].name, learners[i].pin);
  g_assert_true (g_file_set_contents (csv, roster->str, -1, NULL));
  imported = lh_test_run_ctl (db_path, &error, "import-staff", csv, NULL);
  g_assert_no_error (error);

  *(GStrv *) user_data = g_strv_builder_end (tokens);
  g_strv_builder_unref (tokens);
}

/* ---- the API, as another program would use it ------------------------ */

static gint64
pc_id (guint pc)
{
  g_autoptr(JsonObject) body = NULL;

  g_assert_cmpuint (kiosk_api_call ("GET", "/devices/current", pc_tokens[pc], NULL, &body), ==, 200);
  return json_object_get_int_member (json_object_get_object_member (body, "pc"), "id");
}

/* The start of the next minute, and minutes on from it. */
static GDateTime *
minutes_from_now (int minutes)
{
  g_autoptr(GDateTime) now = lh_test_clock_now_in (centre_tz);
  g_autoptr(GDateTime) minute = g_date_time_new (centre_tz, g_date_time_get_year (now), g_date_time_get_month (now),
                                                 g_date_time_get_day_of_month (now),
                                                 g_date_time_get_hour (now), g_date_time_get_minute (now), 0);

  return g_date_time_add_minutes (minute, minutes + 1);
}

/* Books pc for the learner with token, from and to minutes from now. */
static void
api_book (const char *token,
          guint       pc,
          GDateTime  *start,
          GDateTime  *end)
{
  g_autofree char *start_text = g_date_time_format_iso8601 (start);
  g_autofree char *end_text = g_date_time_format_iso8601 (end);
  g_autofree char *json = g_strdup_printf ("{\"resource_id\": %" G_GINT64_FORMAT ", \"start\": \"%s\", \"end\": \"%s\"}",
                                           pc_id (pc), start_text, end_text);
  g_autoptr(JsonObject) body = NULL;

  g_assert_cmpuint (kiosk_api_call ("POST", "/bookings", token, json, &body), ==, 201);
}

/* What today's availability says of this PC's kiosk: "online",
 * "offline" or NULL. Returns: (transfer full) */
static char *
api_kiosk_state (const char *pc_name)
{
  g_autoptr(GDateTime) now = lh_test_clock_now_in (centre_tz);
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *path = g_strdup_printf ("/availability?date=%s", date);
  g_autoptr(JsonObject) body = NULL;
  JsonArray *resources;

  g_assert_cmpuint (kiosk_api_call ("GET", path, centre->device_token, NULL, &body), ==, 200);
  resources = json_object_get_array_member (body, "resources");
  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      JsonObject *resource = json_array_get_object_element (resources, i);

      if (g_strcmp0 (json_object_get_string_member (resource, "name"), pc_name) == 0)
        return g_strdup (json_object_get_string_member_with_default (resource, "kiosk", NULL));
    }
  g_error ("No %s in the availability", pc_name);
}

/* ---- kiosks ----------------------------------------------------------- */

static void
kiosk_open (Kiosk      *kiosk,
            const char *token)
{
  kiosk_open_window (kiosk, centre, token, 0, 0);
  kiosk_wait_for (kiosk->window, kiosk_stream_open, kiosk->client, "the event stream to open");
}

/* Sits the learner down at the kiosk's PC, on the keypad. */
static void
sit_down (Kiosk         *kiosk,
          const Learner *learner)
{
  kiosk_sign_in (kiosk->window, learner->staff, learner->pin, learner->name);
}

static gboolean
bar_says (LhWindow *window, gconstpointer text)
{
  LhSittingBar *bar = lh_window_get_sitting_bar (window);

  return gtk_widget_get_mapped (GTK_WIDGET (bar)) && strstr (lh_sitting_bar_get_text (bar), text) != NULL;
}

static gboolean
bar_hidden (LhWindow *window, gconstpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (lh_window_get_sitting_bar (window)));
}

static gboolean
label_containing (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
label_containing_shown (LhWindow *window, gconstpointer text)
{
  return kiosk_find_widget (GTK_WIDGET (window), label_containing, text) != NULL;
}

static void
wait_for_text (LhWindow   *window,
               const char *text)
{
  g_autofree char *what = g_strdup_printf ("a label with “%s”", text);

  kiosk_wait_for (window, label_containing_shown, text, what);
}

/* The refusal at a PC names another PC free now, or says none is: never
 * this one. The demo's PCs and bookings depend on the test's moment, so
 * which PC it is is not fixed. */
static void
free_pc_said (LhWindow   *window,
              const char *this_pc)
{
  g_autofree char *this_free = g_strdup_printf ("%s is free now.", this_pc);

  g_assert_true (label_containing_shown (window, " is free now.") ||
                 label_containing_shown (window, "No other computer is free just now."));
  g_assert_false (label_containing_shown (window, this_free));
}

static gboolean
button_gone (LhWindow *window, gconstpointer text)
{
  return kiosk_find_button (window, text) == NULL;
}

static void
extend_queued_cb (SoupSession *session,
                  SoupMessage *message,
                  guint       *count)
{
  if (g_str_equal (soup_message_get_method (message), "POST") &&
      g_str_has_suffix (g_uri_get_path (soup_message_get_uri (message)), "/me/usage/extend"))
    (*count)++;
}

/* The bar's clock set so that the sitting ends `before` from now. */
static void
set_bar_clock (Kiosk     *kiosk,
               GTimeSpan  before)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (lh_test_clock_now ());
  LhUsage *usage = lh_client_get_usage (kiosk->client);

  lh_sitting_bar_set_clock_offset (lh_window_get_sitting_bar (kiosk->window),
                                   g_date_time_difference (usage->ends_at, now) - before);
}

/* ---- tests ------------------------------------------------------------ */

/* The kiosk of a demo PC knows which PC it is and says whether it is
 * reserved today, as the daemon says, never by whom. */
static void
test_demo_pc_sign_in_screen (void)
{
  JsonArray *kiosks = json_object_get_array_member (json_node_get_object (centre->demo), "pc_kiosks");
  JsonObject *first = json_array_get_object_element (kiosks, 0);
  const char *pc_name = json_object_get_string_member (first, "pc");
  g_autoptr(JsonObject) device = NULL;
  g_autoptr(GDateTime) now = lh_test_clock_now_in (centre_tz);
  JsonObject *pc;
  Kiosk kiosk = { 0 };

  g_assert_cmpuint (kiosk_api_call ("GET", "/devices/current", json_object_get_string_member (first, "token"),
                              NULL, &device), ==, 200);
  pc = json_object_get_object_member (device, "pc");
  kiosk_open (&kiosk, json_object_get_string_member (first, "token"));
  kiosk_wait_for_label (kiosk.window, pc_name);

  if (!json_object_get_null_member (pc, "reserved_from"))
    {
      g_autoptr(GDateTime) from = g_date_time_new_from_iso8601 (json_object_get_string_member (pc, "reserved_from"), NULL);
      g_autoptr(GDateTime) until = g_date_time_new_from_iso8601 (json_object_get_string_member (pc, "reserved_until"), NULL);
      g_autoptr(GDateTime) local_from = g_date_time_to_timezone (from, centre_tz);
      g_autoptr(GDateTime) local_until = g_date_time_to_timezone (until, centre_tz);
      g_autofree char *clock = lh_format_clock (g_date_time_compare (from, now) <= 0 ? local_until : local_from);
      g_autofree char *line = g_strdup_printf (g_date_time_compare (from, now) <= 0 ? "Reserved until %s"
                                                                                     : "Reserved from %s", clock);

      kiosk_wait_for_label (kiosk.window, line);
    }
  else
    g_assert_null (kiosk_find_label_prefix (kiosk.window, "Reserved "));
  kiosk_close (&kiosk);
}

/* A booking made elsewhere shows at once as "Reserved from", on the
 * welcome page and the sign-in page, never whose; its kiosk's heartbeat
 * brings the PC online in the availability. */
static void
test_reserved_and_heartbeat (void)
{
  g_autofree char *token = kiosk_api_sign_in_as (learners[3].staff, learners[3].pin, centre->device_token, NULL);
  g_autoptr(GDateTime) start = minutes_from_now (40);
  g_autoptr(GDateTime) end = minutes_from_now (70);
  g_autofree char *clock = lh_format_clock (start);
  g_autofree char *line = g_strdup_printf ("Reserved from %s", clock);
  g_autofree char *sign_in_line = g_strdup_printf ("%s · Reserved from %s", pc_names[0], clock);
  g_autofree char *before = api_kiosk_state (pc_names[0]);
  g_autofree char *after = NULL;
  Kiosk kiosk = { 0 };

  /* Never heard from: out of order. */
  g_assert_cmpstr (before, ==, "offline");

  kiosk_open (&kiosk, pc_tokens[0]);
  kiosk_wait_for_label (kiosk.window, pc_names[0]);
  g_assert_null (kiosk_find_label_prefix (kiosk.window, "Reserved "));

  api_book (token, 0, start, end);
  kiosk_wait_for_label (kiosk.window, line);
  kiosk_screenshot (kiosk.window, "kiosk-pc-sign-in");
  g_assert_null (kiosk_find_label_prefix (kiosk.window, learners[3].name));

  kiosk_press (kiosk.window, "Tap to start");
  kiosk_wait_for_page (kiosk.window, "sign-in");
  kiosk_wait_for_label (kiosk.window, sign_in_line);

  /* The first heartbeat goes at once, the next every 30 s. */
  while (lh_heartbeat_get_count (lh_window_get_heartbeat (kiosk.window)) < 1)
    kiosk_spin (20);
  g_assert_true (lh_heartbeat_is_running (lh_window_get_heartbeat (kiosk.window)));
  after = api_kiosk_state (pc_names[0]);
  g_assert_cmpstr (after, ==, "online");
  kiosk_close (&kiosk);
}

/* Signing in where nothing is booked is walk-up use: the time left shows
 * at the top of every page, the kiosk's idle timer leaves the person be,
 * and when the time is up they are signed out and told. */
static void
test_walk_up (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *expected = g_strdup_printf ("%s · ", pc_names[1]);
  g_autofree char *ended = g_strdup_printf ("Your time on %s has ended.", pc_names[1]);
  LhUsage *usage;

  kiosk_open (&kiosk, pc_tokens[1]);
  g_object_set (kiosk.window, "idle-timeout", 2, "idle-warning", 1, NULL);
  sit_down (&kiosk, &learners[0]);
  kiosk_wait_for (kiosk.window, bar_says, expected, "the time left");
  usage = lh_client_get_usage (kiosk.client);
  g_assert_nonnull (usage);
  g_assert_true (usage->walk_up);
  g_assert_true (bar_says (kiosk.window, " left · until "));
  {
    g_autofree char *end = lh_format_clock (usage->ends_at);
    g_assert_true (bar_says (kiosk.window, end));
  }

  /* On every page. */
  kiosk_press (kiosk.window, "My bookings");
  kiosk_wait_for_page (kiosk.window, "bookings");
  g_assert_true (bar_says (kiosk.window, expected));

  /* Idle for longer than the kiosk's idle timeout: still signed in. */
  kiosk_spin (3500);
  g_assert_true (lh_client_is_signed_in (kiosk.client));
  g_assert_true (kiosk_page_shown (kiosk.window, "bookings"));

  /* Time up (the bar's clock moved on to 2 s before the end). */
  set_bar_clock (&kiosk, 2 * G_USEC_PER_SEC);
  kiosk_wait_for_page (kiosk.window, "welcome");
  kiosk_wait_for_label (kiosk.window, ended);
  g_assert_false (lh_client_is_signed_in (kiosk.client));
  kiosk_wait_for (kiosk.window, bar_hidden, NULL, "the bar to go");
  kiosk_close (&kiosk);
}

/* Checked in to a booking: "More time" moves the end on (one request
 * however often it is tapped); once the next slot is booked, it says why
 * not in the daemon's words. */
static void
test_more_time (void)
{
  g_autofree char *token = kiosk_api_sign_in_as (learners[1].staff, learners[1].pin, centre->device_token, NULL);
  g_autofree char *other = kiosk_api_sign_in_as (learners[2].staff, learners[2].pin, centre->device_token, NULL);
  g_autoptr(GDateTime) start = minutes_from_now (0);
  g_autoptr(GDateTime) end = minutes_from_now (30);
  g_autoptr(GDateTime) later = minutes_from_now (60);
  g_autoptr(GDateTime) latest = minutes_from_now (90);
  g_autofree char *end_clock = lh_format_clock (end);
  g_autofree char *later_clock = lh_format_clock (later);
  g_autofree char *until_end = g_strdup_printf ("until %s", end_clock);
  g_autofree char *until_later = g_strdup_printf ("until %s", later_clock);
  GtkWidget *button;
  guint extends = 0;
  Kiosk kiosk = { 0 };

  api_book (token, 2, start, end);
  kiosk_open (&kiosk, pc_tokens[2]);
  sit_down (&kiosk, &learners[1]);
  kiosk_wait_for (kiosk.window, bar_says, until_end, "the end of the booking");
  g_assert_false (lh_client_get_usage (kiosk.client)->walk_up);

  kiosk_wait_for (kiosk.window, kiosk_button_ready, "More time", "More time");
  button = kiosk_find_button (kiosk.window, "More time");
  {
    int height = 0;

    /* A touch target: at least 48 px. */
    gtk_widget_measure (button, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
    g_assert_cmpint (height, >=, 48);
  }
  g_signal_connect (lh_client_get_session (kiosk.client), "request-queued",
                    G_CALLBACK (extend_queued_cb), &extends);
  g_signal_emit_by_name (button, "clicked");
  g_signal_emit_by_name (button, "clicked");
  lh_sitting_bar_more_time (lh_window_get_sitting_bar (kiosk.window));
  kiosk_wait_for (kiosk.window, bar_says, until_later, "the new end");
  g_assert_cmpint (g_date_time_compare (lh_client_get_usage (kiosk.client)->ends_at, later), ==, 0);
  g_assert_cmpuint (extends, ==, 1);

  /* Someone books the next slot, and at once More time is tapped, before
   * the kiosk heard of it: the daemon refuses, and says why. */
  kiosk_wait_for (kiosk.window, kiosk_button_ready, "More time", "More time again");
  api_book (other, 2, later, latest);
  lh_sitting_bar_more_time (lh_window_get_sitting_bar (kiosk.window));
  /* The daemon's reason, in the kiosk's words. */
  wait_for_text (kiosk.window, "Someone has booked this computer next, so you cannot have more time here.");
  /* And which other PC is free now, from the daemon (issue 15). */
  free_pc_said (kiosk.window, pc_names[2]);
  /* Then it is told there is no more time to give. */
  kiosk_wait_for (kiosk.window, button_gone, "More time", "More time to go");
  g_assert_true (bar_says (kiosk.window, until_later));
  kiosk_close (&kiosk);
}

/* Someone else's booking holds the PC now: the sign-in is refused, worded
 * from the daemon's reason, and the keypad is ready for the next person. */
static void
test_refused (void)
{
  g_autofree char *token = kiosk_api_sign_in_as (learners[3].staff, learners[3].pin, centre->device_token, NULL);
  g_autoptr(GDateTime) start = minutes_from_now (0);
  g_autoptr(GDateTime) end = minutes_from_now (30);
  Kiosk kiosk = { 0 };

  api_book (token, 3, start, end);
  kiosk_open (&kiosk, pc_tokens[3]);
  kiosk_press (kiosk.window, "Tap to start");
  kiosk_wait_for_page (kiosk.window, "sign-in");
  kiosk_type_digits (kiosk.window, learners[0].staff);
  kiosk_staff_number_next (kiosk.window);
  kiosk_wait_for_label (kiosk.window, "Type your PIN");
  kiosk_type_digits (kiosk.window, learners[0].pin);
  kiosk_press (kiosk.window, "Sign in");
  /* The daemon's reason, in the kiosk's words: never its detail. */
  wait_for_text (kiosk.window, "Please use another one.");
  g_assert_true (label_containing_shown (kiosk.window, "Someone has booked this computer now.") ||
                 label_containing_shown (kiosk.window, "Someone has booked this computer very soon."));
  /* Never the detail ("PC 24 is booked until…"), but which PC is free. */
  g_assert_false (label_containing_shown (kiosk.window, "is booked until"));
  g_assert_false (label_containing_shown (kiosk.window, "is reserved from"));
  free_pc_said (kiosk.window, pc_names[3]);
  g_assert_false (label_containing_shown (kiosk.window, learners[3].name));
  g_assert_false (lh_client_is_signed_in (kiosk.client));
  g_assert_true (kiosk_page_shown (kiosk.window, "sign-in"));
  kiosk_wait_for_label (kiosk.window, "Type your staff number");
  g_assert_true (kiosk_button_ready (kiosk.window, "1"));
  kiosk_close (&kiosk);
}

/* Five minutes before the end, a notification says how long is left,
 * until when, and that there is more time; dunst receives it. */
static void
test_warning_notification (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *summary = g_strdup_printf ("5 minutes left on %s", pc_names[1]);
  g_autoptr(JsonObject) found = NULL;
  g_autofree char *end = NULL;
  g_autofree char *body = NULL;
  LhUsage *usage;

  kiosk_open (&kiosk, pc_tokens[1]);
  sit_down (&kiosk, &learners[2]);
  kiosk_wait_for (kiosk.window, bar_says, pc_names[1], "the time left");
  usage = lh_client_get_usage (kiosk.client);
  end = lh_format_clock (usage->ends_at);
  body = g_strdup_printf ("Your time ends at %s. Please save your work.", end);

  /* The bar's clock moved on to 5 minutes and 1.5 s before the end. */
  set_bar_clock (&kiosk, 5 * 60 * G_USEC_PER_SEC + 1500 * 1000);
  g_assert_true (bar_says (kiosk.window, "6 minutes left"));
  kiosk_wait_for (kiosk.window, kiosk_dunst_has, summary, "dunst to have the 5-minute warning");
  g_assert_true (bar_says (kiosk.window, "5 minutes left"));
  found = kiosk_dunst_find (summary);
  g_assert_nonnull (found);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_object_get_object_member (found, "body"), "data"),
                                   body));
  kiosk_press (kiosk.window, "Sign out");
  kiosk_wait_for_page (kiosk.window, "welcome");
  kiosk_close (&kiosk);
}

/* A ULR sets up a group session of one place, on a weekday 2 to 12 days
 * ahead (not a Wednesday: the demo's Maths together is then). */
static gint64
make_group_session (const char *title)
{
  const char *staff, *pin;
  g_autofree char *json_in = NULL;
  g_autofree char *token = NULL;
  g_autoptr(JsonObject) signed_in = NULL;
  g_autoptr(JsonObject) resources = NULL;
  g_autoptr(GDateTime) now = lh_test_clock_now_in (centre_tz);
  JsonArray *list;
  gint64 room = 0;

  g_assert_true (lh_test_daemon_account (centre, "learner,ulr", &staff, &pin));
  json_in = g_strdup_printf ("{\"staff_number\": \"%s\", \"pin\": \"%s\"}", staff, pin);
  g_assert_cmpuint (kiosk_api_call ("POST", "/sessions", centre->device_token, json_in, &signed_in), ==, 201);
  token = g_strdup (json_object_get_string_member (signed_in, "token"));
  g_assert_cmpuint (kiosk_api_call ("GET", "/resources", token, NULL, &resources), ==, 200);
  list = json_object_get_array_member (resources, "resources");
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (list, i), "kind"), "room") == 0)
      room = json_object_get_int_member (json_array_get_object_element (list, i), "id");
  g_assert_cmpint (room, !=, 0);

  for (int days = 2; days <= 12; days++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autofree char *start_text = NULL;
      g_autofree char *end_text = NULL;
      g_autofree char *json = NULL;
      g_autoptr(JsonObject) created = NULL;
      int weekday = g_date_time_get_day_of_week (day);

      if (weekday == 3 || weekday > 5)
        continue;
      start = g_date_time_new (centre_tz, g_date_time_get_year (day), g_date_time_get_month (day),
                               g_date_time_get_day_of_month (day), 16, 0, 0);
      end = g_date_time_add_hours (start, 1);
      start_text = g_date_time_format_iso8601 (start);
      end_text = g_date_time_format_iso8601 (end);
      json = g_strdup_printf ("{\"resource_id\": %" G_GINT64_FORMAT ", \"title\": \"%s\", \"start\": \"%s\", "
                              "\"end\": \"%s\", \"capacity\": 1}", room, title, start_text, end_text);
      if (kiosk_api_call ("POST", "/group-sessions", token, json, &created) == 201)
        return json_object_get_int_member (created, "id");
    }
  g_error ("Could not set up %s", title);
}

/* A place comes free from the waiting list while the person sits at the
 * PC: the kiosk's own stream brings it, and the person is told at once,
 * on the kiosk and as a notification (they may be in another program). */
static void
test_good_news_live (void)
{
  gint64 id = make_group_session ("Spreadsheets club");
  g_autofree char *first = kiosk_api_sign_in_as (learners[1].staff, learners[1].pin, centre->device_token, NULL);
  g_autofree char *second = kiosk_api_sign_in_as (learners[0].staff, learners[0].pin, centre->device_token, NULL);
  g_autofree char *places = g_strdup_printf ("/group-sessions/%" G_GINT64_FORMAT "/places", id);
  g_autofree char *mine = g_strdup_printf ("/group-sessions/%" G_GINT64_FORMAT "/places/mine", id);
  Kiosk kiosk = { 0 };

  g_assert_cmpuint (kiosk_api_call ("POST", places, first, NULL, NULL), ==, 201);
  g_assert_cmpuint (kiosk_api_call ("POST", places, second, NULL, NULL), ==, 202);

  kiosk_open (&kiosk, pc_tokens[1]);
  sit_down (&kiosk, &learners[0]);
  g_assert_null (kiosk_find_label_prefix (kiosk.window, "Good news: "));

  g_assert_cmpuint (kiosk_api_call ("DELETE", mine, first, NULL, NULL), ==, 204);
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown,
                  "Good news: a place came free in Spreadsheets club on ", "the good news");
  kiosk_wait_for (kiosk.window, kiosk_dunst_has, "Good news", "dunst to have the good news");
  kiosk_press (kiosk.window, "Sign out");
  kiosk_wait_for_page (kiosk.window, "welcome");
  kiosk_close (&kiosk);
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
  centre_tz = g_time_zone_ref (kiosk_api_time_zone ());

  g_test_add_func ("/kiosk/pc/demo-pc-sign-in-screen", test_demo_pc_sign_in_screen);
  g_test_add_func ("/kiosk/pc/reserved-and-heartbeat", test_reserved_and_heartbeat);
  g_test_add_func ("/kiosk/pc/walk-up", test_walk_up);
  g_test_add_func ("/kiosk/pc/more-time", test_more_time);
  g_test_add_func ("/kiosk/pc/refused", test_refused);
  g_test_add_func ("/kiosk/pc/warning-notification", test_warning_notification);
  g_test_add_func ("/kiosk/pc/good-news-live", test_good_news_live);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  g_clear_pointer (&pc_tokens, g_strfreev);
  g_clear_pointer (&centre_tz, g_time_zone_unref);
  kiosk_dunst_stop ();
  return status;
}
