/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kiosk-time-off"

#include "kiosk-time-off.h"

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-time-format.h"
#include "lh-test-clock.h"

/* ---- the centre's people ---------------------------------------------- */

void
kiosk_time_off_import (const char                *db_path,
                       const KioskLearner *const *people,
                       guint                      n_people)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *csv = g_build_filename (dir, "time-off-people.csv", NULL);
  g_autoptr(GString) roster = g_string_new ("staff_number,name,hours_per_week,days_per_week,roles,pin\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *imported = NULL;

  for (guint i = 0; i < n_people; i++)
    g_string_append_printf (roster, "%s,%s,%s,%s,learner,%s\n", people[i]->staff, people[i]->name,
                            people[i]->hours_per_week, people[i]->days_per_week, people[i]->pin);
  g_assert_true (g_file_set_contents (csv, roster->str, -1, NULL));
  imported = lh_test_run_ctl (db_path, &error, "import-staff", csv, NULL);
  g_assert_no_error (error);
}

char *
kiosk_time_off_sign_in (LhTestDaemon       *centre,
                        const KioskLearner *person)
{
  return kiosk_api_sign_in_as (person->staff, person->pin, centre->device_token, NULL);
}

char *
kiosk_time_off_admin_token (LhTestDaemon *centre)
{
  const char *staff, *pin, *name;

  kiosk_demo_admin (centre, &staff, &pin, &name);
  return kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
}

/* ---- the API ---------------------------------------------------------- */

/* The category of GET /me/time-off. Asking takes the decisions the
 * daemon has not told yet: only for people with none to be told. */
JsonObject *
kiosk_time_off_category (const char *token,
                         const char *category)
{
  g_autoptr(JsonObject) body = NULL;
  JsonArray *categories;

  g_assert_cmpuint (kiosk_api_call ("GET", "/me/time-off", token, NULL, &body), ==, 200);
  categories = json_object_get_array_member (body, "categories");
  for (guint i = 0; i < json_array_get_length (categories); i++)
    {
      JsonObject *one = json_array_get_object_element (categories, i);

      if (g_strcmp0 (json_object_get_string_member (one, "category"), category) == 0)
        return json_object_ref (one);
    }
  g_error ("No category %s", category);
}

/* The person's booking of this PC from start, as GET /me/bookings says. */
JsonObject *
kiosk_time_off_booking_at (const char *token,
                           const char *pc,
                           GDateTime  *start)
{
  g_autoptr(JsonObject) body = NULL;
  JsonArray *bookings;

  g_assert_cmpuint (kiosk_api_call ("GET", "/me/bookings", token, NULL, &body), ==, 200);
  bookings = json_object_get_array_member (body, "bookings");
  for (guint i = 0; i < json_array_get_length (bookings); i++)
    {
      JsonObject *booking = json_array_get_object_element (bookings, i);
      g_autoptr(GDateTime) at = kiosk_api_parse_time (booking, "start");

      if (g_strcmp0 (json_object_get_string_member (booking, "resource_name"), pc) == 0 &&
          g_date_time_equal (at, start) && g_strcmp0 (json_object_get_string_member (booking, "status"), "cancelled") != 0)
        return json_object_ref (booking);
    }
  g_error ("No booking of %s at that time", pc);
}

gint64
kiosk_time_off_pending_id (JsonObject *answer)
{
  JsonObject *time_off = json_object_get_object_member (answer, "time_off");

  g_assert_nonnull (time_off);
  g_assert_true (json_object_get_boolean_member (time_off, "paid"));
  g_assert_cmpstr (json_object_get_string_member (time_off, "status"), ==, "pending");
  return json_object_get_int_member (time_off, "id");
}

/* Books the PC for an hour from start in work time; returns the
 * time-off request's id. */
gint64
kiosk_time_off_book_paid (const char *token,
                          const char *pc,
                          GDateTime  *start)
{
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 1);
  g_autofree char *start_text = kiosk_api_time_text (start);
  g_autofree char *end_text = kiosk_api_time_text (end);
  g_autofree char *json = g_strdup_printf ("{\"resource_id\": %" G_GINT64_FORMAT ", \"start\": \"%s\", "
                                           "\"end\": \"%s\", \"paid\": true}",
                                           kiosk_api_resource_id (token, pc), start_text, end_text);
  g_autoptr(JsonObject) booking = NULL;

  g_assert_cmpuint (kiosk_api_call ("POST", "/bookings", token, json, &booking), ==, 201);
  return kiosk_time_off_pending_id (booking);
}

void
kiosk_time_off_decide (const char *admin,
                       gint64      request_id,
                       const char *decision,
                       const char *reason)
{
  g_autofree char *path = g_strdup_printf ("/time-off/requests/%" G_GINT64_FORMAT "/%s", request_id, decision);
  g_autofree char *json = reason ? g_strdup_printf ("{\"reason\": \"%s\"}", reason) : NULL;

  g_assert_cmpuint (kiosk_api_call ("POST", path, admin, json, NULL), ==, 200);
}

/* Tomorrow at this hour, in the centre's zone: the always-open PCs are
 * free then, whatever the hour the test runs. */
GDateTime *
kiosk_time_off_tomorrow_at (int hour)
{
  g_autoptr(GDateTime) now = lh_test_clock_now_in (kiosk_api_time_zone ());
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

  return g_date_time_new (kiosk_api_time_zone (), g_date_time_get_year (tomorrow),
                          g_date_time_get_month (tomorrow), g_date_time_get_day_of_month (tomorrow),
                          hour, 0, 0);
}

/* ---- kiosks ----------------------------------------------------------- */

/* While the views cross-fade, the list is still mapped: until only the
 * confirm view is, its buttons are not the ones a press reaches. */
gboolean
kiosk_cards_gone (LhWindow *window, gconstpointer css_class)
{
  return kiosk_find_widget (GTK_WIDGET (window), kiosk_has_css_class, css_class) == NULL;
}

/* A decision at the top of My time off (a toast says the same, apart). */
static gboolean
is_decision (GtkWidget *widget, gconstpointer prefix)
{
  return (gtk_widget_has_css_class (widget, "lh-good-news") || gtk_widget_has_css_class (widget, "lh-message")) &&
         kiosk_find_widget (widget, kiosk_is_label_prefix, prefix) != NULL;
}

gboolean
kiosk_time_off_decision_shown (LhWindow *window, gconstpointer prefix)
{
  return kiosk_find_widget (GTK_WIDGET (window), is_decision, prefix) != NULL;
}

void
kiosk_time_off_go_home (LhWindow *window)
{
  kiosk_press (window, "Back");
  kiosk_wait_for_page (window, "home");
}

/* The toggle button with a label of these words inside. */
GtkToggleButton *
kiosk_time_off_find_choice (LhWindow   *window,
                            const char *words)
{
  GtkWidget *button = kiosk_find_button (window, words);

  g_assert_nonnull (button);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  return GTK_TOGGLE_BUTTON (button);
}

/* The confirm step asks, nothing chosen, and cannot book until the
 * person picks: then the circle of their choice is filled. */
void
kiosk_time_off_assert_asks (LhWindow   *window,
                            const char *book_words,
                            const char *left)
{
  g_autofree char *what = g_strdup_printf ("“%s” beside Work time (paid)", left);
  GtkWidget *book;

  kiosk_wait_for_label (window, "Is it in work time or in your own time?");
  g_assert_false (gtk_toggle_button_get_active (kiosk_time_off_find_choice (window, "Work time (paid)")));
  g_assert_false (gtk_toggle_button_get_active (kiosk_time_off_find_choice (window, "My own time")));
  book = kiosk_find_button (window, book_words);
  g_assert_nonnull (book);
  g_assert_false (gtk_widget_is_sensitive (book));
  kiosk_wait_for (window, kiosk_label_prefix_shown, left, what);
  /* The balance is inside the paid choice, read out with it. */
  g_assert_nonnull (kiosk_find_widget (GTK_WIDGET (kiosk_time_off_find_choice (window, "Work time (paid)")),
                                       kiosk_is_label_prefix, left));
}

static gboolean
is_pc_name (GtkWidget *widget, gconstpointer pc)
{
  return gtk_widget_has_css_class (widget, "lh-resource-name") && kiosk_is_label (widget, pc);
}

/* The day's row of that PC: its name, then a button per hour. */
static gboolean
is_pc_row (GtkWidget *widget, gconstpointer pc)
{
  return gtk_widget_has_css_class (widget, "lh-resource-row") &&
         kiosk_find_widget (widget, is_pc_name, pc) != NULL;
}

static gboolean
pc_row_shown (LhWindow *window, gconstpointer pc)
{
  return kiosk_find_widget (GTK_WIDGET (window), is_pc_row, pc) != NULL;
}

/* From home to the confirm view of that PC's hour from start tomorrow. */
void
kiosk_time_off_pick_tomorrow (LhWindow   *window,
                              const char *pc,
                              GDateTime  *start)
{
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 1);
  g_autofree char *facts = lh_format_slot_long (pc, start, end);
  g_autofree char *clock = lh_format_clock (start);
  GtkWidget *button;

  kiosk_press (window, "Book a computer");
  kiosk_wait_for_page (window, "book");
  kiosk_press (window, "Tomorrow");
  kiosk_wait_for (window, kiosk_label_prefix_shown, "Tomorrow: ", "tomorrow's slots");
  kiosk_wait_for (window, pc_row_shown, pc, "the PC's row");
  button = kiosk_find_widget (kiosk_find_widget (GTK_WIDGET (window), is_pc_row, pc), kiosk_is_button, clock);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  kiosk_wait_for_label (window, "Book this time?");
  kiosk_wait_for_label (window, facts);
}
