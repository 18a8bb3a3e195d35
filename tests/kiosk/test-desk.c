/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A ULR's desk and the queue display: real widgets under Xvfb against a
 * real learnhubd with the demo centre and a queue display device. A ULR
 * opens a drop-in on the kiosk, learners join the queue through the API,
 * the ULR calls, starts and finishes a ticket; the display shows the
 * ticket called, the desk and the numbers waiting, never a name or a
 * topic; the queue-long alert reaches a real notification server (dunst
 * on the test's private session bus); facility time shows what is logged. */
#define G_LOG_DOMAIN "test-desk"

#include <adwaita.h>
#include <signal.h>
#include <string.h>

#include "kiosk-api.h"
#include "kiosk-dunst.h"
#include "kiosk-helpers.h"
#include "lh-advice-words.h"
#include "lh-desk-words.h"
#include "lh-display-window.h"
#include "lh-stepper.h"
#include "lh-test-daemon.h"
#include "lh-window.h"
#include "lh-test-clock.h"

#define NOTE "I would like to improve my writing"

static LhTestDaemon *centre;   /* (owned) */
static char *display_token;    /* (owned) the queue display's device */

static void
setup_centre (const char *db_path,
              gpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  char *token = lh_test_run_ctl (db_path, &error, "device", "add", "Queue display", NULL);

  g_assert_no_error (error);
  *(char **) user_data = g_strstrip (token);
}

/* Closes the drop-ins the ULR staffs today, through the API, so that
 * they can open one of their own. */
static void
close_dropins_of (const char *staff,
                  const char *pin)
{
  g_autofree char *token = kiosk_api_sign_in_as (staff, pin, display_token, NULL);

  kiosk_api_close_dropins (token);
  kiosk_api_call ("DELETE", "/sessions/current", token, NULL, NULL);
}

/* ---- the display ------------------------------------------------------ */

static gboolean
display_has_label (LhDisplayWindow *display,
                   const char      *text)
{
  return kiosk_find_widget (GTK_WIDGET (display), kiosk_is_label, text) != NULL;
}

static char *
display_text (LhDisplayWindow *display)
{
  g_autoptr(GString) text = g_string_new (NULL);

  kiosk_find_widget (GTK_WIDGET (display), kiosk_collect_label, text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Runs the main loop until the display shows this label. */
static void
wait_for_display_label (LhDisplayWindow *display,
                        const char      *text)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!display_has_label (display, text))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_autofree char *shown = display_text (display);

          g_error ("The display did not show “%s”; it shows %s", text, shown);
        }
      kiosk_spin (50);
    }
}

static void
assert_private (LhDisplayWindow *display,
                const char      *name,
                const char      *topic)
{
  g_autofree char *shown = display_text (display);

  g_assert_null (strstr (shown, name));
  g_assert_null (strstr (shown, topic));
  g_assert_null (strstr (shown, NOTE));
}

static void
take_screenshot (const char *dir,
                 const char *name)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.png", dir, name);
  g_autoptr(GError) error = NULL;
  int status;

  kiosk_spin (600);
  g_spawn_sync (NULL, (char *[]) { (char *) "/usr/bin/import", (char *) "-window", (char *) "root", path, NULL },
                NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
}

/* For looking at: only with LH_TEST_SCREENSHOTS=DIR; the display alone,
 * normal and in high contrast. */
static void
display_screenshot (LhDisplayWindow *display,
                    LhWindow        *kiosk,
                    const char      *name)
{
  const char *dir = g_getenv ("LH_TEST_SCREENSHOTS");
  g_autofree char *hc = g_strdup_printf ("%s-hc", name);

  if (dir == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (kiosk), FALSE);
  take_screenshot (dir, name);
  g_object_set (display, "high-contrast", TRUE, NULL);
  take_screenshot (dir, hc);
  g_object_set (display, "high-contrast", FALSE, NULL);
  gtk_widget_set_visible (GTK_WIDGET (kiosk), TRUE);
}

/* ---- the kiosk -------------------------------------------------------- */

static gboolean
stepper_titled (GtkWidget *widget, gconstpointer title)
{
  return LH_IS_STEPPER (widget) && gtk_widget_get_mapped (widget) &&
         kiosk_find_widget (widget, kiosk_is_label, title) != NULL;
}

static LhStepper *
find_stepper (LhWindow   *window,
              const char *title)
{
  GtkWidget *stepper = kiosk_find_widget (GTK_WIDGET (window), stepper_titled, title);

  g_assert_nonnull (stepper);
  return LH_STEPPER (stepper);
}

/* A learner joins today's drop-in queue through the API; returns the
 * ticket. */
static int
join_queue (guint        learner,
            gint64      *request_id)
{
  g_autofree char *token = kiosk_api_sign_in (learner, display_token, NULL);
  g_autoptr(JsonObject) body = NULL;

  g_assert_cmpuint (kiosk_api_call ("POST", "/advice-requests", token,
                                    "{\"topic\": \"esol\", \"mode\": \"queue\", \"contact\": \"here\", "
                                    "\"note\": \"" NOTE "\"}", &body), ==, 201);
  kiosk_api_call ("DELETE", "/sessions/current", token, NULL, NULL);
  if (request_id != NULL)
    *request_id = json_object_get_int_member (body, "id");
  return (int) json_object_get_int_member (body, "ticket");
}

/* Whether the ULR called name has said they are at the drop-in on now. */
static gboolean
ulr_here (LhWindow *window, gconstpointer data)
{
  const char *name = data;
  g_autoptr(JsonObject) body = NULL;
  JsonArray *dropins;

  g_assert_cmpuint (kiosk_api_call ("GET", "/dropins", display_token, NULL, &body), ==, 200);
  dropins = json_object_get_array_member (body, "dropins");
  for (guint i = 0; i < json_array_get_length (dropins); i++)
    {
      JsonArray *ulrs = json_object_get_array_member (json_array_get_object_element (dropins, i), "ulrs");

      for (guint u = 0; u < json_array_get_length (ulrs); u++)
        {
          JsonObject *ulr = json_array_get_object_element (ulrs, u);

          if (g_str_equal (json_object_get_string_member (ulr, "name"), name) &&
              json_object_get_boolean_member (ulr, "here"))
            return TRUE;
        }
    }
  return FALSE;
}

/* The second demo ULR, named at the demo's live drop-in but not yet
 * there, comes to the desk: from now their time there counts. */
static void
test_desk_says_here (void)
{
  const char *staff = NULL, *pin = NULL, *name = NULL;
  Kiosk kiosk = { 0 };

  kiosk_demo_ulr (centre, 1, &staff, &pin, &name);
  g_assert_false (ulr_here (NULL, name));
  kiosk_open_signed_in (&kiosk, centre, staff, pin, name);
  kiosk_press (kiosk.window, "Run a drop-in");
  kiosk_wait_for_page (kiosk.window, "desk");
  kiosk_wait_for (kiosk.window, ulr_here, name, "the ULR to be at the drop-in");
  kiosk_close (&kiosk);
}

static void
test_desk (void)
{
  const char *staff = NULL, *pin = NULL, *name = NULL, *learner_staff, *learner_pin, *learner_name;
  Kiosk kiosk = { 0 };
  g_autoptr(LhClient) display_client = lh_client_new (centre->base_url, display_token, NULL);
  LhDisplayWindow *display = g_object_ref (lh_display_window_new (NULL, display_client));
  g_autofree char *topic = lh_topic_title (LH_TOPIC_ESOL);
  g_autofree char *first_text = NULL;
  g_autofree char *called = NULL;
  g_autofree char *finished = NULL;
  g_autofree char *learner_token = NULL;
  g_autoptr(JsonObject) record = NULL;
  gint64 first_id = 0;
  int first, second;

  /* The second demo ULR, out of the demo's live drop-in, which closes. */
  kiosk_demo_ulr (centre, 1, &staff, &pin, &name);
  kiosk_demo_learner (centre, 0, &learner_staff, &learner_pin, &learner_name);
  kiosk_fill_screen (GTK_WINDOW (display));
  gtk_window_present (GTK_WINDOW (display));
  wait_for_display_label (display, "Now seeing");
  close_dropins_of (staff, pin);
  wait_for_display_label (display, "No drop-in today");

  kiosk_open_signed_in (&kiosk, centre, staff, pin, name);
  kiosk_fill_screen (GTK_WINDOW (kiosk.window));
  kiosk_wait_for (kiosk.window, kiosk_stream_open, kiosk.client, "the event stream to open");

  /* Open a drop-in, by tapping only. */
  kiosk_press (kiosk.window, "Run a drop-in");
  kiosk_wait_for_page (kiosk.window, "desk");
  kiosk_wait_for_label (kiosk.window, "You have no drop-in open today.");
  kiosk_screenshot (kiosk.window, "desk-none");
  kiosk_press (kiosk.window, "Open a drop-in");
  kiosk_wait_for_label (kiosk.window, "Who is at a desk? Tap to add or take off.");
  kiosk_screenshot (kiosk.window, "desk-open");
  kiosk_press (kiosk.window, "Open the drop-in");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Your drop-in: Learning centre", "the drop-in");
  kiosk_wait_for_label (kiosk.window, "Nobody is waiting now");

  /* Tell me past one waiting. */
  lh_stepper_set_value (find_stepper (kiosk.window, "Tell me when the queue is long"), 1);
  kiosk_spin (1500);

  first = join_queue (0, &first_id);
  second = join_queue (1, NULL);
  g_assert_cmpint (second, >, first);
  kiosk_wait_for_label (kiosk.window, "2 people are waiting");
  kiosk_wait_for (kiosk.window, kiosk_dunst_has, "2 people are waiting at the drop-in", "the queue-long notification");
  kiosk_screenshot (kiosk.window, "desk-queue");

  /* The display: the numbers waiting, nobody seen yet. */
  first_text = g_strdup_printf ("%d   %d", first, second);
  wait_for_display_label (display, first_text);
  wait_for_display_label (display, "Nobody just now");
  assert_private (display, learner_name, topic);

  /* Call next: the ticket in full, the topic now shown. */
  kiosk_press (kiosk.window, "Call next");
  called = g_strdup_printf ("Ticket %d", first);
  kiosk_wait_for_label (kiosk.window, called);
  kiosk_wait_for_label (kiosk.window, learner_name);
  kiosk_wait_for_label (kiosk.window, topic);
  kiosk_wait_for_label (kiosk.window, NOTE);
  kiosk_screenshot (kiosk.window, "desk-called");

  /* The display: the ticket called and its desk, the other waiting. */
  first_text = (g_free (first_text), g_strdup_printf ("%d", first));
  wait_for_display_label (display, first_text);
  wait_for_display_label (display, "Desk 1");
  {
    g_autofree char *waiting = g_strdup_printf ("%d", second);

    wait_for_display_label (display, waiting);
  }
  assert_private (display, learner_name, topic);
  display_screenshot (display, kiosk.window, "display-serving");

  /* Start, then finish with an outcome. */
  kiosk_press (kiosk.window, "Start");
  kiosk_wait_for_label (kiosk.window, "What came out of it? Tap all that apply.");
  /* Not ready yet, and it says why: beside it and to a screen reader. */
  g_assert_false (gtk_widget_get_sensitive (kiosk_find_button (kiosk.window, "Finish")));
  kiosk_wait_for_label (kiosk.window, "Tap what came out of it first");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (kiosk_find_button (kiosk.window, "Finish")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Tap what came out of it first");
  kiosk_screenshot (kiosk.window, "desk-finish-why");
  kiosk_press (kiosk.window, "Signposted to a course");
  g_assert_true (gtk_widget_get_sensitive (kiosk_find_button (kiosk.window, "Finish")));
  g_assert_null (kiosk_find_label (kiosk.window, "Tap what came out of it first"));
  kiosk_screenshot (kiosk.window, "desk-finish");
  kiosk_press (kiosk.window, "Finish");
  finished = g_strdup_printf ("Ticket %d is finished. Thank you.", first);
  kiosk_wait_for_label (kiosk.window, finished);

  learner_token = kiosk_api_sign_in (0, centre->device_token, NULL);
  {
    g_autofree char *path = g_strdup_printf ("/advice-requests/%" G_GINT64_FORMAT, first_id);

    g_assert_cmpuint (kiosk_api_call ("GET", path, learner_token, NULL, &record), ==, 200);
    g_assert_cmpstr (json_object_get_string_member (record, "status"), ==, "done");
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (record, "outcomes"), 0),
                     ==, "signposted-course");
  }

  /* Their record, from the finished request. */
  kiosk_press (kiosk.window, "See their record");
  kiosk_wait_for_label (kiosk.window, "Learning plan");
  kiosk_press (kiosk.window, "Back");

  /* Close the drop-in. */
  kiosk_press (kiosk.window, "Back to the drop-in");
  kiosk_press (kiosk.window, "Close the drop-in");
  kiosk_press (kiosk.window, "Close it");
  kiosk_wait_for_label (kiosk.window, "You have no drop-in open today.");

  gtk_window_destroy (GTK_WINDOW (display));
  g_assert_finalize_object (display);
  kiosk_close (&kiosk);
}

static void
test_facility_time (void)
{
  const char *staff = NULL, *pin = NULL, *name = NULL;
  Kiosk kiosk = { 0 };
  g_autoptr(GDateTime) now = NULL;

  kiosk_demo_ulr (centre, 1, &staff, &pin, &name);
  kiosk_open_signed_in (&kiosk, centre, staff, pin, name);
  kiosk_fill_screen (GTK_WINDOW (kiosk.window));
  now = lh_test_clock_now_in (lh_client_get_time_zone (kiosk.client));

  kiosk_press (kiosk.window, "My facility time");
  kiosk_wait_for_page (kiosk.window, "facility");
  kiosk_wait_for_label (kiosk.window, "Your facility time");
  kiosk_press (kiosk.window, "Add other duty time");
  kiosk_press (kiosk.window, "Training");
  /* From midnight today, so that it is in the past whatever the hour. */
  if (g_date_time_get_hour (now) == 0)
    kiosk_press (kiosk.window, "Yesterday");
  lh_stepper_set_value (find_stepper (kiosk.window, "Started at"), 0);
  lh_stepper_set_value (find_stepper (kiosk.window, "How long"), 15);
  kiosk_screenshot (kiosk.window, "facility-add");
  kiosk_press (kiosk.window, "Add this time");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Training: ", "the training logged");
  kiosk_screenshot (kiosk.window, "facility");
  kiosk_close (&kiosk);
}

/* A ULR talks with someone for minutes without touching the screen: at
 * the desk the idle sign-out waits 10 minutes; anywhere else, as set. */
static void
test_desk_idle (void)
{
  const char *staff = NULL, *pin = NULL, *name = NULL;
  Kiosk kiosk = { 0 };

  kiosk_demo_ulr (centre, 1, &staff, &pin, &name);
  kiosk_open_signed_in (&kiosk, centre, staff, pin, name);
  g_object_set (kiosk.window, "idle-timeout", 2, "idle-warning", 1, NULL);
  kiosk_press (kiosk.window, "Run a drop-in");
  kiosk_wait_for_page (kiosk.window, "desk");
  kiosk_spin (4000);
  g_assert_true (lh_client_is_signed_in (kiosk.client));
  kiosk_wait_for_page (kiosk.window, "desk");
  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for_page (kiosk.window, "home");
  kiosk_wait_for_page (kiosk.window, "welcome");
  g_assert_false (lh_client_is_signed_in (kiosk.client));
  kiosk_close (&kiosk);
}

int
main (int argc, char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);
  kiosk_dunst_start ();
  centre = lh_test_daemon_start_with_setup (NULL, setup_centre, &display_token);
  kiosk_api_init (centre);

  g_test_add_func ("/kiosk/desk/says-here", test_desk_says_here);
  g_test_add_func ("/kiosk/desk/drop-in", test_desk);
  g_test_add_func ("/kiosk/desk/facility-time", test_facility_time);
  g_test_add_func ("/kiosk/desk/idle-waits-at-the-desk", test_desk_idle);
  status = g_test_run ();

  kiosk_api_shutdown ();
  lh_test_daemon_stop (centre);
  g_free (display_token);
  kiosk_dunst_stop ();
  return status;
}
