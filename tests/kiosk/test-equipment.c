/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Equipment and faults, for the centre's admin at the kiosk: the demo's
 * open faults oldest first with their age, one assigned (a name tapped,
 * then one typed), PC 5 repaired and bookable again, a new report shown
 * as it comes, and an item's status changed with a note and its history;
 * a change someone else made first worded from the daemon's reason code;
 * the scheduled checks with when they are due, one recorded done with a
 * note (its next due date the daemon's, its notice gone from the home
 * page, whose notice of a check leads to the checks); no one else sees
 * the way in.
 * Real widgets under Xvfb against a real learnhubd with the demo centre;
 * what the daemon recorded is read back over the API as its admin. */
#define G_LOG_DOMAIN "test-equipment"

#include <adwaita.h>
#include <string.h>

#include "kiosk-api.h"
#include "lh-check-words.h"
#include "kiosk-helpers.h"
#include "lh-test-daemon.h"
#include "lh-window.h"

static LhTestDaemon *centre;  /* (owned) */

#define HOME_BUTTON "Equipment and faults"
#define DEMO_ASSIGNEE "Site IT, J. Smith"
#define TYPED_ASSIGNEE "Facilities, R. Patel"

static char *
admin_token (void)
{
  const char *staff, *pin, *name;

  kiosk_demo_admin (centre, &staff, &pin, &name);
  return kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
}

static const char *
pc_kiosk_token (const char *pc)
{
  JsonArray *kiosks = json_object_get_array_member (json_node_get_object (centre->demo), "pc_kiosks");

  for (guint i = 0; i < json_array_get_length (kiosks); i++)
    {
      JsonObject *kiosk = json_array_get_object_element (kiosks, i);

      if (g_str_equal (json_object_get_string_member (kiosk, "pc"), pc))
        return json_object_get_string_member (kiosk, "token");
    }
  g_assert_not_reached ();
}

/* The open fault of the item, as the admin's API has it, or NULL. */
static JsonObject *
open_fault (const char *asset_tag)
{
  g_autofree char *admin = admin_token ();
  g_autoptr(JsonObject) body = NULL;
  JsonArray *faults;

  g_assert_cmpuint (kiosk_api_call ("GET", "/faults", admin, NULL, &body), ==, 200);
  faults = json_object_get_array_member (body, "faults");
  for (guint i = 0; i < json_array_get_length (faults); i++)
    {
      JsonObject *fault = json_array_get_object_element (faults, i);

      if (g_str_equal (json_object_get_string_member (json_object_get_object_member (fault, "item"), "asset_tag"),
                       asset_tag))
        return json_object_ref (fault);
    }
  return NULL;
}

/* Whether today's availability has the PC out of order. */
static gboolean
pc_out_of_order (const char *pc)
{
  g_autoptr(GDateTime) now = kiosk_api_minute_now (0);
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *path = g_strdup_printf ("/availability?date=%s", day);
  g_autoptr(JsonObject) body = NULL;
  JsonArray *resources;

  g_assert_cmpuint (kiosk_api_call ("GET", path, centre->device_token, NULL, &body), ==, 200);
  resources = json_object_get_array_member (body, "resources");
  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      JsonObject *resource = json_array_get_object_element (resources, i);

      if (g_str_equal (json_object_get_string_member (resource, "name"), pc))
        return json_object_get_boolean_member (resource, "out_of_order");
    }
  g_assert_not_reached ();
}

/* The item's status and id, as the admin's API has it. */
static char *
item_status (const char *asset_tag,
             gint64     *out_id)
{
  g_autofree char *admin = admin_token ();
  g_autoptr(JsonObject) body = NULL;
  JsonArray *items;

  g_assert_cmpuint (kiosk_api_call ("GET", "/equipment", admin, NULL, &body), ==, 200);
  items = json_object_get_array_member (body, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "asset_tag"), asset_tag))
        {
          if (out_id != NULL)
            *out_id = json_object_get_int_member (item, "id");
          return g_strdup (json_object_get_string_member (item, "status"));
        }
    }
  g_assert_not_reached ();
}

/* The scheduled check, as the admin's API has it. */
static JsonObject *
scheduled_check (const char *what)
{
  g_autofree char *admin = admin_token ();
  g_autoptr(JsonObject) body = NULL;
  JsonArray *checks;

  g_assert_cmpuint (kiosk_api_call ("GET", "/equipment/checks", admin, NULL, &body), ==, 200);
  checks = json_object_get_array_member (body, "checks");
  for (guint i = 0; i < json_array_get_length (checks); i++)
    {
      JsonObject *check = json_array_get_object_element (checks, i);

      if (g_str_equal (json_object_get_string_member (check, "what"), what))
        return json_object_ref (check);
    }
  g_assert_not_reached ();
}

/* Presses the button with these words inside the widget of that name. */
static void
press_in (LhWindow   *window,
          const char *name,
          const char *text)
{
  GtkWidget *button = kiosk_find_widget (kiosk_find_named (window, name), kiosk_is_button, text);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
is_label_with (GtkWidget    *widget,
               gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
label_with_shown (LhWindow     *window,
                  gconstpointer text)
{
  return kiosk_find_widget (GTK_WIDGET (window), is_label_with, text) != NULL;
}


static GtkEditable *
form_entry (LhWindow *window)
{
  GtkWidget *entry = kiosk_find_widget (GTK_WIDGET (window), kiosk_has_css_class, "lh-fault-note");

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

/* Scrolls the widget's list to show it near the top, for a screenshot. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  double x = 0, y = 0;

  kiosk_spin (300);
  g_assert_true (gtk_widget_translate_coordinates (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                                   0, 0, &x, &y));
  gtk_adjustment_set_value (adjustment, y - 120);
}

static void
open_equipment (Kiosk *kiosk)
{
  const char *staff, *pin, *name;

  kiosk_demo_admin (centre, &staff, &pin, &name);
  kiosk_open_signed_in (kiosk, centre, staff, pin, name);
  kiosk_fill_screen (GTK_WINDOW (kiosk->window));
  kiosk_press (kiosk->window, HOME_BUTTON);
  kiosk_wait_for_page (kiosk->window, "equipment");
}

/* The demo's faults by age; one assigned, PC 5 repaired. */
static void
test_see_to_faults (void)
{
  Kiosk kiosk = { 0 };
  GtkWidget *older, *newer;
  g_autoptr(JsonObject) headset = NULL;

  g_assert_true (pc_out_of_order ("PC 5"));
  open_equipment (&kiosk);
  kiosk_wait_for_label (kiosk.window, "2 open faults, oldest first.");
  /* Oldest first, each with its age in words, and who sees to it. */
  older = kiosk_find_named (kiosk.window, "fault-LC-0241");
  newer = kiosk_find_named (kiosk.window, "fault-LC-0005");
  g_assert_true (gtk_widget_get_next_sibling (older) == newer);
  g_assert_nonnull (kiosk_find_widget (older, kiosk_is_label, "Headset, asset LC-0241"));
  g_assert_nonnull (kiosk_find_widget (older, kiosk_is_label, "Reported 6 days ago"));
  g_assert_nonnull (kiosk_find_widget (older, kiosk_is_label, "Sound"));
  g_assert_nonnull (kiosk_find_widget (older, kiosk_is_label, "Nobody is seeing to it yet"));
  g_assert_nonnull (kiosk_find_widget (newer, kiosk_is_label, "PC 5 (asset LC-0005)"));
  g_assert_nonnull (kiosk_find_widget (newer, kiosk_is_label, "Reported today"));
  g_assert_nonnull (kiosk_find_widget (newer, kiosk_is_label, "Keyboard or mouse"));
  g_assert_nonnull (kiosk_find_widget (newer, kiosk_is_label, "Reported once. Out of use until repaired."));
  g_assert_nonnull (kiosk_find_widget (newer, kiosk_is_label, "Assigned to " DEMO_ASSIGNEE));
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "kiosk-equipment");

  /* Assign the headset: a name already in use is there to tap; another
   * can be typed instead. */
  press_in (kiosk.window, "fault-LC-0241", "Assign");
  kiosk_wait_for_label (kiosk.window, "Who is seeing to Headset, asset LC-0241?");
  kiosk_press (kiosk.window, DEMO_ASSIGNEE);
  g_assert_cmpstr (gtk_editable_get_text (form_entry (kiosk.window)), ==, DEMO_ASSIGNEE);
  gtk_editable_set_text (form_entry (kiosk.window), TYPED_ASSIGNEE);
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "kiosk-equipment-assign");
  kiosk_press (kiosk.window, "Assign the fault");
  kiosk_wait_for_label (kiosk.window, "Assigned to " TYPED_ASSIGNEE);
  headset = open_fault ("LC-0241");
  g_assert_cmpstr (json_object_get_string_member (headset, "assigned_to"), ==, TYPED_ASSIGNEE);

  /* Record PC 5's repair: it can be booked again. */
  press_in (kiosk.window, "fault-LC-0005", "Repaired");
  kiosk_wait_for_label (kiosk.window, "Is PC 5 (asset LC-0005) repaired?");
  gtk_editable_set_text (form_entry (kiosk.window), "New keyboard and mouse");
  kiosk_press (kiosk.window, "Record the repair");
  kiosk_wait_for_label (kiosk.window, "1 open fault, oldest first.");
  g_assert_null (open_fault ("LC-0005"));
  g_assert_false (pc_out_of_order ("PC 5"));

  /* A fault reported meanwhile at PC 3's own kiosk shows up by itself. */
  g_assert_cmpuint (kiosk_api_call ("POST", "/faults", pc_kiosk_token ("PC 3"), "{\"category\": \"sound\"}", NULL),
                    ==, 201);
  kiosk_wait_for_label (kiosk.window, "2 open faults, oldest first.");
  g_assert_nonnull (kiosk_find_named (kiosk.window, "fault-LC-0003"));
  kiosk_close (&kiosk);
}

/* A desk goes faulty, with why; its history says so. */
static void
test_change_status (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *admin = admin_token ();
  g_autofree char *path = NULL;
  gint64 id = 0;

  before = item_status ("LC-0202", &id);
  g_assert_cmpstr (before, ==, "working");
  open_equipment (&kiosk);
  /* The inventory by kind, each item's status and a computer's PC. */
  scroll_to (kiosk_find_named (kiosk.window, "item-LC-0001"));
  kiosk_screenshot (kiosk.window, "kiosk-equipment-inventory");
  g_signal_emit_by_name (kiosk_find_named (kiosk.window, "item-LC-0202"), "clicked");
  kiosk_wait_for_label (kiosk.window, "Status: Working");
  g_assert_nonnull (kiosk_find_label_prefix (kiosk.window, "LC-0202: "));
  press_in (kiosk.window, "status-faulty", "Faulty");
  kiosk_wait_for_label (kiosk.window, "Set LC-0202 to Faulty?");
  /* The daemon said this status asks why: nothing is sent without it. */
  kiosk_press (kiosk.window, "Change the status");
  kiosk_wait_for_label (kiosk.window, "Please say why, in a few words.");
  after = item_status ("LC-0202", NULL);
  g_assert_cmpstr (after, ==, "working");
  gtk_editable_set_text (form_entry (kiosk.window), "Top is cracked");
  kiosk_press (kiosk.window, "Change the status");
  kiosk_wait_for_label (kiosk.window, "Status: Faulty");
  kiosk_wait_for (kiosk.window, label_with_shown, "Faulty: Top is cracked. By ", "the history's newest row");
  g_assert_nonnull (kiosk_find_named (kiosk.window, "status-working"));
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "kiosk-equipment-item");
  g_clear_pointer (&after, g_free);
  after = item_status ("LC-0202", NULL);
  g_assert_cmpstr (after, ==, "faulty");

  /* Someone else puts it back first: the refusal in the kiosk's words. */
  path = g_strdup_printf ("/equipment/%" G_GINT64_FORMAT "/status", id);
  g_assert_cmpuint (kiosk_api_call ("POST", path, admin, "{\"status\": \"working\"}", NULL), ==, 200);
  press_in (kiosk.window, "status-working", "Working");
  kiosk_wait_for_label (kiosk.window, "Set LC-0202 to Working?");
  kiosk_press (kiosk.window, "Change the status");
  kiosk_wait_for_label (kiosk.window, "The item has that status already. Someone may have changed it just now.");
  kiosk_close (&kiosk);
}

/* When a check is due, in plain words; overdue is the daemon's word. */
static void
test_check_words (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 12, 3, 10, 0, 0);
  g_autoptr(GDate) today = g_date_new_dmy (3, G_DATE_DECEMBER, 2026);
  g_autoptr(GDate) tomorrow = g_date_new_dmy (4, G_DATE_DECEMBER, 2026);
  g_autoptr(GDate) next_year = g_date_new_dmy (12, G_DATE_JANUARY, 2027);
  g_autoptr(GDate) past = g_date_new_dmy (30, G_DATE_NOVEMBER, 2026);
  LhCheckInfo check = { 2, (char *) "Printer service", (char *) "LC-0501", NULL, today, (char *) "due-soon" };
  g_autofree char *due_today = lh_check_format_due (&check, now);
  g_autofree char *due_tomorrow = NULL;
  g_autofree char *due_next_year = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *covers = lh_check_format_covers (&check);

  check.next_due = tomorrow;
  due_tomorrow = lh_check_format_due (&check, now);
  check.next_due = next_year;
  due_next_year = lh_check_format_due (&check, now);
  check.next_due = past;
  check.state = (char *) "overdue";
  overdue = lh_check_format_due (&check, now);
  g_assert_cmpstr (due_today, ==, "Due today");
  g_assert_cmpstr (due_tomorrow, ==, "Due tomorrow, Friday 4 December");
  g_assert_cmpstr (due_next_year, ==, "Due in 40 days, Tuesday 12 January 2027");
  g_assert_cmpstr (overdue, ==, "Overdue since Monday 30 November");
  g_assert_cmpstr (covers, ==, "Covers LC-0501");
}

/* The checks, overdue first, each due in plain words; the printer's
 * service recorded done with a note: its next due date is the daemon's,
 * and its notice leaves the home page. */
static void
test_record_check (void)
{
  Kiosk kiosk = { 0 };
  const char *staff, *pin, *name;
  g_autoptr(JsonObject) printer = scheduled_check ("Printer service");
  g_autoptr(JsonObject) safety = scheduled_check ("Electrical safety test (PAT)");
  g_autoptr(JsonObject) done = NULL;
  g_autofree char *printer_card = g_strdup_printf ("check-%" G_GINT64_FORMAT,
                                                   json_object_get_int_member (printer, "id"));
  g_autofree char *safety_card = g_strdup_printf ("check-%" G_GINT64_FORMAT, json_object_get_int_member (safety, "id"));
  g_autofree char *last_done = NULL;
  g_autofree char *next_due = NULL;
  g_autofree char *long_note = NULL;
  g_autofree char *admin = admin_token ();
  g_autofree char *path = NULL;
  GtkWidget *card;
  GDate due;
  char day[128];

  g_assert_cmpstr (json_object_get_string_member (printer, "state"), ==, "overdue");
  g_assert_cmpstr (json_object_get_string_member (safety, "state"), ==, "due-soon");
  open_equipment (&kiosk);
  kiosk_demo_admin (centre, &staff, &pin, &name);
  card = kiosk_find_named (kiosk.window, printer_card);
  g_assert_true (gtk_widget_get_next_sibling (card) == kiosk_find_named (kiosk.window, safety_card));
  g_assert_nonnull (kiosk_find_widget (card, kiosk_is_label, "Covers LC-0501"));
  g_assert_nonnull (kiosk_find_widget (card, kiosk_is_label_prefix, "Overdue since "));
  last_done = g_strdup_printf ("by %s: Passed. Rollers cleaned, fuser checked", name);
  g_assert_nonnull (kiosk_find_widget (card, is_label_with, last_done));
  card = kiosk_find_named (kiosk.window, safety_card);
  g_assert_nonnull (kiosk_find_widget (card, kiosk_is_label, "Covers every item of this kind: Computer"));
  g_assert_nonnull (kiosk_find_widget (card, kiosk_is_label_prefix, "Due in 9 days, "));
  g_assert_nonnull (kiosk_find_widget (card, kiosk_is_label, "Not done yet"));
  scroll_to (kiosk_find_named (kiosk.window, printer_card));
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "kiosk-equipment-checks");

  /* Nothing is recorded until a result is chosen. */
  press_in (kiosk.window, printer_card, "Done");
  kiosk_wait_for_label (kiosk.window, "How did the Printer service go?");
  kiosk_press (kiosk.window, "Record the check");
  kiosk_wait_for_label (kiosk.window, "Please choose Passed or Failed.");
  done = scheduled_check ("Printer service");
  g_assert_cmpstr (json_object_get_string_member (done, "state"), ==, "overdue");
  g_clear_pointer (&done, json_object_unref);
  /* A note longer than the daemon takes: refused in the kiosk's words,
   * with the limit the refusal gave (the kiosk knows none), and nothing
   * recorded. */
  kiosk_press (kiosk.window, "Passed");
  long_note = g_strnfill (400, 'x');
  gtk_editable_set_text (form_entry (kiosk.window), long_note);
  kiosk_press (kiosk.window, "Record the check");
  kiosk_wait_for_label (kiosk.window, "Please write the note on one line, in at most 388 letters.");
  done = scheduled_check ("Printer service");
  g_assert_cmpstr (json_object_get_string_member (done, "state"), ==, "overdue");
  g_clear_pointer (&done, json_object_unref);
  gtk_editable_set_text (form_entry (kiosk.window), "Rollers replaced");
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "kiosk-equipment-check-done");
  kiosk_press (kiosk.window, "Record the check");

  /* The next due date is the one the daemon gives (its year is said
   * only when it is not this year's). */
  kiosk_wait_for (kiosk.window, label_with_shown, "Passed. Rollers replaced", "the check's new last done");
  done = scheduled_check ("Printer service");
  g_assert_cmpstr (json_object_get_string_member (done, "state"), ==, "later");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (done, "last_done"), "note"), ==,
                   "Rollers replaced");
  g_date_clear (&due, 1);
  g_date_set_parse (&due, json_object_get_string_member (done, "next_due"));
  g_assert_true (g_date_valid (&due));
  g_assert_cmpuint (g_date_strftime (day, sizeof day, "%A %-d %B", &due), >, 0);
  next_due = g_strdup_printf (", %s", day);
  card = kiosk_find_named (kiosk.window, printer_card);
  g_assert_nonnull (kiosk_find_widget (card, is_label_with, next_due));
  g_assert_nonnull (kiosk_find_widget (card, kiosk_is_label_prefix, "Due in "));

  /* Its notice is gone from the admin's home page; the other stays. */
  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for_page (kiosk.window, "home");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Check due ", "the safety test's notice");
  g_assert_false (kiosk_label_prefix_shown (kiosk.window, "Check overdue since "));
  /* The check still due leads to the checks. */
  kiosk_press (kiosk.window, "See the checks");
  kiosk_wait_for_page (kiosk.window, "equipment");
  card = kiosk_find_named (kiosk.window, safety_card);
  g_assert_nonnull (kiosk_find_widget (card, kiosk_is_label, "Not done yet"));

  /* Recorded meanwhile by another admin: the list shows it by itself
   * (once the page's own load, begun on the way in, is over). */
  kiosk_spin (1000);
  path = g_strdup_printf ("/equipment/checks/%" G_GINT64_FORMAT "/done", json_object_get_int_member (safety, "id"));
  g_assert_cmpuint (kiosk_api_call ("POST", path, admin, "{\"result\": \"failed\", \"note\": \"PC 2 lead\"}", NULL),
                    ==, 200);
  kiosk_wait_for (kiosk.window, label_with_shown, "Failed. PC 2 lead", "the check done elsewhere");
  kiosk_close (&kiosk);
}

/* A learner never sees the way in, nor can they get there. */
static void
test_only_admins (void)
{
  Kiosk kiosk = { 0 };

  kiosk_open_learner (&kiosk, centre, 0);
  kiosk_wait_for (kiosk.window, kiosk_button_ready, "My bookings", "the home page");
  g_assert_null (kiosk_find_label (kiosk.window, HOME_BUTTON));
  gtk_widget_activate_action (GTK_WIDGET (kiosk.window), "kiosk.equipment", NULL);
  kiosk_spin (300);
  g_assert_cmpstr (lh_window_get_visible_page_name (kiosk.window), ==, "home");
  kiosk_close (&kiosk);
}

/* The page lists the items in use, not those retired, and says when the
 * daemon has more than the first page: here after 210 chairs are
 * imported beside the running centre. Last: the chairs stay. */
static void
test_inventory_more (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *dir = g_path_get_dirname (centre->db_path);
  g_autofree char *csv = g_build_filename (dir, "chairs.csv", NULL);
  g_autoptr(GString) rows = g_string_new ("asset_tag,kind,location\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *imported = NULL;
  const char *more = "More items are in use than shown here: “learnhubctl equipment list” shows all of them.";

  open_equipment (&kiosk);
  kiosk_find_named (kiosk.window, "item-LC-0001");
  /* The demo's retired chair is not listed. */
  g_assert_false (kiosk_named_shown (kiosk.window, "item-LC-0207"));
  g_assert_false (kiosk_label_shown (kiosk.window, more));
  kiosk_close (&kiosk);

  for (int i = 0; i < 210; i++)
    g_string_append_printf (rows, "LC-9%03d,chair,Store room\n", i);
  g_assert_true (g_file_set_contents (csv, rows->str, -1, &error));
  g_assert_no_error (error);
  imported = lh_test_run_ctl (centre->db_path, &error, "equipment", "import", csv, NULL);
  g_assert_no_error (error);

  open_equipment (&kiosk);
  kiosk_find_named (kiosk.window, "item-LC-9000");
  kiosk_wait_for_label (kiosk.window, more);
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

  g_test_add_func ("/kiosk/equipment/see-to-faults", test_see_to_faults);
  g_test_add_func ("/kiosk/equipment/change-status", test_change_status);
  g_test_add_func ("/kiosk/equipment/check-words", test_check_words);
  g_test_add_func ("/kiosk/equipment/record-check", test_record_check);
  g_test_add_func ("/kiosk/equipment/only-admins", test_only_admins);
  g_test_add_func ("/kiosk/equipment/inventory-more", test_inventory_more);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
