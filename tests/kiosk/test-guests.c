/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bring a family member or friend: real widgets under Xvfb against a real
 * learnhubd with the demo centre (whose learner 1 already has two guests,
 * so these tests use others). What the kiosk shows is checked against
 * what the API says. */
#define G_LOG_DOMAIN "test-guests"

#include <adwaita.h>
#include <string.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-client.h"
#include "lh-test-daemon.h"
#include "lh-window.h"

#define GUEST_BUTTON "Bring a family member or friend"
#define LIMIT_REFUSAL "You already have 4 guests, the most anyone can have. " \
                      "Ask a learning rep if one of your guests no longer comes."

static LhTestDaemon *centre;  /* (owned) one demo centre for the whole program */

/* What the kiosk showed once. */
typedef struct
{
  char *number;  /* (owned) */
  char *pin;     /* (owned) */
} Shown;

static void
shown_clear (Shown *shown)
{
  g_clear_pointer (&shown->number, g_free);
  g_clear_pointer (&shown->pin, g_free);
}

/* ---- the API, as another program would use it ------------------------ */

/* Registers guests through the API until the daemon says no; returns how
 * many it took. */
static guint
api_fill_guests (const char *token)
{
  guint added = 0;

  for (;;)
    {
      g_autofree char *json = g_strdup_printf ("{\"name\": \"Friend %u\"}", added + 1);
      guint status = kiosk_api_call ("POST", "/guests", token, json, NULL);

      if (status == 409)
        return added;
      g_assert_cmpuint (status, ==, 201);
      added++;
      g_assert_cmpuint (added, <=, 4);
    }
}

/* ---- kiosks ----------------------------------------------------------- */

/* ---- the page --------------------------------------------------------- */

static gboolean
is_name_entry (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ENTRY (widget) && gtk_widget_has_css_class (widget, "lh-name-entry");
}

static gboolean
form_ready (LhWindow *window, gconstpointer data)
{
  GtkWidget *entry = kiosk_find_widget (GTK_WIDGET (window), is_name_entry, NULL);

  return entry != NULL && *gtk_editable_get_text (GTK_EDITABLE (entry)) == '\0' &&
         kiosk_find_label (window, "Your guest’s full name") != NULL;
}

static gboolean
is_guests_left (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), "You can register ") &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), " more guest") != NULL;
}

static gboolean
confirm_shown (LhWindow *window, gconstpointer name)
{
  /* While the views cross-fade, the form is still mapped: wait until only
   * the confirm view is, so that a press reaches its buttons. */
  return kiosk_find_label (window, "Register your guest?") != NULL &&
         kiosk_find_label (window, name) != NULL &&
         kiosk_find_widget (GTK_WIDGET (window), is_name_entry, NULL) == NULL;
}

static void
open_guest_page (Kiosk *kiosk)
{
  kiosk_press (kiosk->window, GUEST_BUTTON);
  kiosk_wait_for_page (kiosk->window, "guests");
  kiosk_wait_for (kiosk->window, form_ready, NULL, "an empty form");
}

/* Types the name (as an on-screen keyboard would) and taps Next. */
static void
type_name_and_go_on (Kiosk      *kiosk,
                     const char *name)
{
  GtkWidget *entry = kiosk_find_widget (GTK_WIDGET (kiosk->window), is_name_entry, NULL);

  g_assert_nonnull (entry);
  g_assert_false (kiosk_button_ready (kiosk->window, "Next"));
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  kiosk_press (kiosk->window, "Next");
  kiosk_wait_for (kiosk->window, confirm_shown, name, "the confirm view");
  /* What it means, in plain words, before anything is sent. */
  g_assert_nonnull (kiosk_find_label (kiosk->window, "Your guest can book the computers here, with their own guest number and PIN."));
  g_assert_nonnull (kiosk_find_label (kiosk->window, "They cannot book rooms, groups or assessments. Those are for staff."));
  g_assert_nonnull (kiosk_find_label (kiosk->window, "You are responsible for your guest while they use the centre."));
  g_assert_nonnull (kiosk_find_label (kiosk->window, "Guests never get paid time off for learning."));
  /* How many more, as sign-in's limits said (guests_left): no number of
   * the kiosk's own. */
  g_assert_nonnull (kiosk_find_widget (GTK_WIDGET (kiosk->window), is_guests_left, NULL));
}

static gboolean
collect_code (GtkWidget *widget, gconstpointer data)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "lh-guest-code"))
    g_ptr_array_add ((GPtrArray *) data, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  return FALSE;
}

/* Waits for the number and PIN and reads them off the screen. */
static void
read_shown (Kiosk      *kiosk,
            const char *name,
            Shown      *shown)
{
  g_autofree char *title = g_strdup_printf ("%s is now your guest", name);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) number = g_regex_new ("^G[0-9]{6}$", 0, 0, NULL);
  g_autoptr(GRegex) pin = g_regex_new ("^[0-9]{4,8}$", 0, 0, NULL);

  kiosk_wait_for_label (kiosk->window, title);
  kiosk_wait_for_label (kiosk->window, "Write these down now, or give them to your guest now. They will not be shown again.");
  kiosk_find_widget (GTK_WIDGET (kiosk->window), collect_code, codes);
  g_assert_cmpuint (codes->len, ==, 2);
  g_assert_true (g_regex_match (number, g_ptr_array_index (codes, 0), 0, NULL));
  g_assert_true (g_regex_match (pin, g_ptr_array_index (codes, 1), 0, NULL));
  shown->number = g_strdup (g_ptr_array_index (codes, 0));
  shown->pin = g_strdup (g_ptr_array_index (codes, 1));
}

static void
register_guest (Kiosk      *kiosk,
                const char *name,
                Shown      *shown)
{
  open_guest_page (kiosk);
  type_name_and_go_on (kiosk, name);
  kiosk_press (kiosk->window, "Yes, register my guest");
  read_shown (kiosk, name, shown);
}

/* Anywhere in the window, seen or not: a label, a button, a text field. */
static gboolean
tree_holds (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  if (GTK_IS_EDITABLE (widget) && strstr (gtk_editable_get_text (GTK_EDITABLE (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (tree_holds (child, text))
      return TRUE;
  return FALSE;
}

static void
assert_forgotten (Kiosk       *kiosk,
                  const Shown *shown,
                  const char  *name)
{
  g_assert_false (tree_holds (GTK_WIDGET (kiosk->window), shown->pin));
  g_assert_false (tree_holds (GTK_WIDGET (kiosk->window), shown->number));
  g_assert_false (tree_holds (GTK_WIDGET (kiosk->window), name));
}

static void
request_queued_cb (SoupSession *session,
                   SoupMessage *message,
                   guint       *count)
{
  if (g_str_equal (soup_message_get_method (message), "POST") &&
      g_str_has_suffix (g_uri_get_path (soup_message_get_uri (message)), "/guests"))
    (*count)++;
}

/* ---- tests ------------------------------------------------------------ */

/* A guest registered at the kiosk signs in there with what was shown, and
 * sees neither the way to bring guests nor groups. */
static void
test_register_and_sign_in (void)
{
  Kiosk kiosk = { 0 };
  Shown shown = { 0 };
  g_autoptr(JsonObject) answer = NULL;
  JsonObject *person;
  g_autofree char *token = NULL;

  kiosk_open_learner (&kiosk, centre, 3);
  register_guest (&kiosk, "Samira Khan", &shown);

  /* The daemon agrees: the guest signs in with them. */
  token = kiosk_api_sign_in_as (shown.number, shown.pin, centre->device_token, &answer);
  g_assert_nonnull (token);
  person = json_object_get_object_member (answer, "person");
  g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, "Samira Khan");
  g_assert_cmpstr (json_object_get_string_member (person, "staff_number"), ==, shown.number);

  kiosk_press (kiosk.window, "Done");
  kiosk_wait_for_page (kiosk.window, "home");
  kiosk_press (kiosk.window, "Sign out");
  kiosk_wait_for_page (kiosk.window, "welcome");

  /* At the kiosk, on the keypad: G, the digits, then the PIN. */
  kiosk_sign_in (kiosk.window, shown.number, shown.pin, "Samira Khan");
  g_assert_true (lh_client_get_person (kiosk.client)->guest);
  g_assert_nonnull (kiosk_find_button (kiosk.window, "Book a computer"));
  g_assert_null (kiosk_find_button (kiosk.window, GUEST_BUTTON));
  g_assert_null (kiosk_find_button (kiosk.window, "Join a group"));

  shown_clear (&shown);
  kiosk_close (&kiosk);
}

/* The demo's own guest: no button, and the action does nothing either. */
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
  g_assert_nonnull (kiosk_find_button (kiosk.window, "Book a computer"));
  g_assert_null (kiosk_find_button (kiosk.window, GUEST_BUTTON));
  gtk_widget_activate_action (GTK_WIDGET (kiosk.window), "kiosk.guests", NULL);
  kiosk_spin (300);
  g_assert_cmpstr (lh_window_get_visible_page_name (kiosk.window), ==, "home");
  kiosk_close (&kiosk);

  /* A member of staff does see it. */
  kiosk_open_learner (&kiosk, centre, 2);
  g_assert_nonnull (kiosk_find_button (kiosk.window, GUEST_BUTTON));
  kiosk_close (&kiosk);
}

/* A fifth guest is refused in plain words, and nothing is registered. */
static void
test_limit (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_api_sign_in (4, centre->device_token, NULL);
  g_autoptr(GRegex) code = g_regex_new ("G[0-9]{6}", 0, 0, NULL);
  g_autofree char *screen = NULL;

  /* Signed in with guests left; they are all taken meanwhile. */
  kiosk_open_learner (&kiosk, centre, 4);
  g_assert_cmpuint (api_fill_guests (token), ==, 4);
  open_guest_page (&kiosk);
  type_name_and_go_on (&kiosk, "One Too Many");
  kiosk_press (kiosk.window, "Yes, register my guest");
  kiosk_wait_for_label (kiosk.window, LIMIT_REFUSAL);
  /* Back on the form with the name kept; no number, no PIN. */
  kiosk_wait_for (kiosk.window, kiosk_label_gone, "Register your guest?", "the form");
  g_assert_cmpstr (lh_window_get_visible_page_name (kiosk.window), ==, "guests");
  g_assert_null (kiosk_find_label_prefix (kiosk.window, "One Too Many is now"));
  screen = kiosk_screen_text (kiosk.window);
  g_assert_false (g_regex_match (code, screen, 0, NULL));

  /* The daemon still has four: a fifth is still refused. */
  g_assert_cmpuint (api_fill_guests (token), ==, 0);

  /* Typing again takes the message away. */
  gtk_editable_set_text (GTK_EDITABLE (kiosk_find_widget (GTK_WIDGET (kiosk.window), is_name_entry, NULL)), "One More");
  kiosk_wait_for (kiosk.window, kiosk_label_gone, LIMIT_REFUSAL, "the refusal to go");
  kiosk_close (&kiosk);
}

/* The number and PIN are gone from every widget after Back, sign-out and
 * the idle sign-out, not only from the screen. */
static void
test_forgotten (void)
{
  Kiosk kiosk = { 0 };
  Shown shown = { 0 };

  kiosk_open_learner (&kiosk, centre, 5);

  register_guest (&kiosk, "Olu Adeyemi", &shown);
  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for_page (kiosk.window, "home");
  assert_forgotten (&kiosk, &shown, "Olu Adeyemi");
  shown_clear (&shown);

  /* The page opens empty again. */
  register_guest (&kiosk, "Bea Adeyemi", &shown);
  kiosk_press (kiosk.window, "Sign out");
  kiosk_wait_for_page (kiosk.window, "welcome");
  assert_forgotten (&kiosk, &shown, "Bea Adeyemi");
  shown_clear (&shown);
  kiosk_close (&kiosk);
}

static void
test_forgotten_when_idle (void)
{
  Kiosk kiosk = { 0 };
  Shown shown = { 0 };

  kiosk_open_learner (&kiosk, centre, 5);
  register_guest (&kiosk, "Kemi Adeyemi", &shown);
  /* Walked away with the PIN on the screen. */
  g_object_set (kiosk.window, "idle-timeout", 2, "idle-warning", 1, NULL);
  kiosk_wait_for_page (kiosk.window, "welcome");
  g_assert_false (lh_client_is_signed_in (kiosk.client));
  assert_forgotten (&kiosk, &shown, "Kemi Adeyemi");
  shown_clear (&shown);
  kiosk_close (&kiosk);
}

/* An impatient finger: three taps, one request, one guest. */
static void
test_double_tap (void)
{
  Kiosk kiosk = { 0 };
  Shown shown = { 0 };
  g_autofree char *token = kiosk_api_sign_in (6, centre->device_token, NULL);
  GtkWidget *button;
  guint posts = 0;

  kiosk_open_learner (&kiosk, centre, 6);
  open_guest_page (&kiosk);
  type_name_and_go_on (&kiosk, "Tariq Mahmood");

  g_signal_connect (lh_client_get_session (kiosk.client), "request-queued",
                    G_CALLBACK (request_queued_cb), &posts);
  kiosk_wait_for (kiosk.window, kiosk_button_ready, "Yes, register my guest", "the confirm button");
  button = kiosk_find_button (kiosk.window, "Yes, register my guest");
  g_signal_emit_by_name (button, "clicked");
  g_signal_emit_by_name (button, "clicked");
  g_signal_emit_by_name (button, "clicked");
  read_shown (&kiosk, "Tariq Mahmood", &shown);
  /* A tap that lands on the answer sends nothing either. */
  g_signal_emit_by_name (button, "clicked");
  kiosk_spin (200);
  g_signal_handlers_disconnect_by_data (lh_client_get_session (kiosk.client), &posts);
  g_assert_cmpuint (posts, ==, 1);

  /* One guest: three more fit. */
  g_assert_cmpuint (api_fill_guests (token), ==, 3);

  kiosk_press (kiosk.window, "Done");
  kiosk_wait_for_page (kiosk.window, "home");
  assert_forgotten (&kiosk, &shown, "Tariq Mahmood");
  shown_clear (&shown);
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

  g_test_add_func ("/kiosk/guests/register-and-sign-in", test_register_and_sign_in);
  g_test_add_func ("/kiosk/guests/hidden-for-guest", test_hidden_for_guest);
  g_test_add_func ("/kiosk/guests/limit", test_limit);
  g_test_add_func ("/kiosk/guests/forgotten", test_forgotten);
  g_test_add_func ("/kiosk/guests/forgotten-when-idle", test_forgotten_when_idle);
  g_test_add_func ("/kiosk/guests/double-tap", test_double_tap);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
