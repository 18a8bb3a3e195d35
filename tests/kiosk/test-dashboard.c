/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's dashboard at the desk: the demo centre's committee
 * member opens it against a real learnhubd at the tests' clock, sees the
 * daemon's site report drawn (a suppressed figure "Not shown"), picks
 * periods, and saves the report; no one else sees the way in. The charts
 * themselves are tested in test-charts.c. */
#define G_LOG_DOMAIN "test-dashboard"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-chart-keys.h"
#include "lh-chart-share.h"
#include "lh-chart.h"
#include "lh-client.h"
#include "lh-dashboard-page.h"
#include "lh-dashboard-period.h"
#include "lh-test-clock.h"
#include "lh-window.h"

static LhTestDaemon *centre;  /* (owned) one demo centre for the whole program */
static char *documents;       /* (owned) where the kiosk saves reports */

static gboolean
is_chart (GtkWidget *widget, gconstpointer data)
{
  return LH_IS_CHART (widget);
}

static gboolean
is_share (GtkWidget *widget, gconstpointer data)
{
  return LH_IS_CHART_SHARE (widget);
}

static gboolean
has_committee (JsonArray *roles)
{
  for (guint j = 0; j < json_array_get_length (roles); j++)
    if (g_strcmp0 (json_array_get_string_element (roles, j), "committee") == 0)
      return TRUE;
  return FALSE;
}

static void
demo_committee_member (const char **staff, const char **pin, const char **name)
{
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (centre->demo), "accounts");

  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);

      if (!has_committee (json_object_get_array_member (account, "roles")))
        continue;
      *staff = json_object_get_string_member (account, "staff_number");
      *pin = json_object_get_string_member (account, "pin");
      *name = json_object_get_string_member (account, "name");
      return;
    }
  g_error ("No committee member in the demo centre");
}

static gboolean
chart_shown (LhWindow *window, gconstpointer data)
{
  return kiosk_find_widget (GTK_WIDGET (window), is_chart, NULL) != NULL;
}

static gboolean
is_dashboard (GtkWidget *widget, gconstpointer data)
{
  return LH_IS_DASHBOARD_PAGE (widget);
}

static LhDashboardPage *
dashboard_page (LhWindow *window)
{
  GtkWidget *page = kiosk_find_widget (GTK_WIDGET (window), is_dashboard, NULL);

  g_assert_nonnull (page);
  return LH_DASHBOARD_PAGE (page);
}

/* "Test Centre, 1 July 2026 to …": the period the daemon answered for. */
static gboolean
period_shown (LhWindow *window, gconstpointer first_day)
{
  g_autofree char *day = lh_dashboard_period_format_day (first_day);
  g_autofree char *words = g_strdup_printf (", %s to ", day);
  g_autofree char *text = kiosk_screen_text (window);

  return chart_shown (window, NULL) && strstr (text, words) != NULL;
}

static void
assert_asked (LhWindow *window, const char *first_day, const char *last_day)
{
  const char *first, *last;

  lh_dashboard_page_get_asked (dashboard_page (window), &first, &last);
  g_assert_cmpstr (first, ==, first_day);
  g_assert_cmpstr (last, ==, last_day);
  kiosk_wait_for (window, period_shown, first_day, "the report of the period asked");
}

static char *
day_text (GDateTime *day)
{
  return g_date_time_format (day, "%Y-%m-%d");
}

/* The charts on the screen, by their summaries. */
static gboolean
collect_summary (GtkWidget *widget, gconstpointer gstring)
{
  if (LH_IS_CHART (widget))
    g_string_append_printf ((GString *) gstring, "%s\n", lh_chart_get_summary (LH_CHART (widget)));
  return FALSE;
}

/* Every fixed row and column key of the table is known to the kiosk,
 * which words it as the daemon does in English; names the centre chose
 * stay as given. */
static void
assert_keys_known (JsonObject *table, const char *axis)
{
  const char *id = json_object_get_string_member (table, "id");
  gboolean row = g_str_equal (axis, "rows");
  JsonArray *entries = json_object_get_array_member (table, axis);

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *key = json_object_get_string_member (entry, "key");
      const char *label = json_object_get_string_member (entry, "label");
      gboolean named = lh_chart_axis_named (id, row) && *key != '\0';
      g_autofree char *words = lh_chart_key_words (id, row, key, named ? label : "(unknown)");

      g_test_message ("%s %s “%s”: %s", id, axis, key, words);
      if (named)
        {
          g_assert_cmpstr (words, ==, label);
          continue;
        }
      g_assert_true (lh_chart_key_known (id, row, key));
      g_assert_cmpstr (words, ==, label);
    }
}

/* Every charted table of the daemon's report is drawn: its title and
 * series are in what a screen reader is told; a table with suppressed
 * figures says how many are not shown. Returns how many were suppressed
 * in all. */
static guint
assert_report_drawn (LhWindow *window, JsonObject *report)
{
  JsonArray *sections = json_object_get_array_member (report, "sections");
  g_autoptr(GString) summaries = g_string_new (NULL);
  guint charted = 0, hidden_in_all = 0;

  kiosk_find_widget (GTK_WIDGET (window), collect_summary, summaries);
  for (guint s = 0; s < json_array_get_length (sections); s++)
    {
      JsonObject *section = json_array_get_object_element (sections, s);
      JsonArray *tables = json_object_get_array_member (section, "tables");
      JsonArray *lists = json_object_get_array_member (section, "lists");

      /* The kiosk words every list's title itself, by its id: the
       * same words in English as the daemon's. */
      for (guint l = 0; lists != NULL && l < json_array_get_length (lists); l++)
        {
          JsonObject *list = json_array_get_object_element (lists, l);

          g_assert_cmpstr (lh_chart_title_words (json_object_get_string_member (list, "id"), NULL), ==,
                           json_object_get_string_member (list, "title"));
        }
      for (guint t = 0; tables != NULL && t < json_array_get_length (tables); t++)
        {
          JsonObject *table = json_array_get_object_element (tables, t);
          JsonArray *columns = json_object_get_array_member (table, "columns");
          JsonArray *rows = json_object_get_array_member (table, "cells");
          g_autofree char *title = g_strdup_printf (": %s. Series: %s", json_object_get_string_member (table, "title"),
                                                    json_array_get_length (columns) > 0
                                                      ? json_object_get_string_member (json_array_get_object_element (columns, 0), "label")
                                                      : "");
          guint hidden = 0;

          /* And every table's. */
          g_assert_cmpstr (lh_chart_title_words (json_object_get_string_member (table, "id"), NULL), ==,
                           json_object_get_string_member (table, "title"));
          assert_keys_known (table, "rows");
          assert_keys_known (table, "columns");
          if (g_str_equal (json_object_get_string_member (table, "chart"), "none"))
            continue;
          charted++;
          g_assert_nonnull (strstr (summaries->str, title));
          for (guint r = 0; r < json_array_get_length (rows); r++)
            {
              JsonArray *cells = json_array_get_array_element (rows, r);

              for (guint c = 0; c < json_array_get_length (cells); c++)
                if (json_object_get_boolean_member_with_default (json_array_get_object_element (cells, c),
                                                                 "suppressed", FALSE))
                  hidden++;
            }
          hidden_in_all += hidden;
        }
    }
  g_assert_cmpuint (charted, >, 0);
  return hidden_in_all;
}

static JsonObject *
daemon_report (const char *token, const char *first_day, const char *last_day)
{
  g_autofree char *path = g_strdup_printf ("/reports/site?from=%s&to=%s", first_day, last_day);
  JsonObject *body = NULL;

  g_assert_cmpuint (kiosk_api_call ("GET", path, token, NULL, &body), ==, 200);
  return body;
}

static gboolean
has_hidden (GtkWidget *widget, gconstpointer data)
{
  return LH_IS_CHART (widget) && strstr (lh_chart_get_summary (LH_CHART (widget)), " not shown") != NULL;
}

/* Scrolls the page so that widget is at the top of what is seen. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_assert_nonnull (scroller);
  /* A screenshot just put the text back to its size: lay out first. */
  kiosk_spin (300);
  /* The viewport's child: its points do not move as it scrolls. */
  content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y);
  kiosk_spin (1000);
}

static gboolean
file_saved (LhWindow *window, gconstpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Taps button, and finds the file saved in the documents folder, named
 * for the period, the daemon's report in that format: a PDF, the CSV
 * whose first block is the report's first section, or its JSON. */
static void
assert_saved (LhWindow *window, const char *button, const char *first_day, const char *last_day,
              const char *format, JsonObject *report)
{
  g_autofree char *path = g_strdup_printf ("%s/learnhub-site-report-%s-to-%s.%s", documents, first_day,
                                           last_day, format);
  g_autofree char *told = g_strdup_printf ("The report is saved as learnhub-site-report-%s-to-%s.%s in the folder documents.",
                                           first_day, last_day, format);
  g_autofree char *text = NULL;
  gsize length;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  kiosk_press (window, button);
  kiosk_wait_for (window, file_saved, path, "the report saved");
  /* Written whole before it is told. */
  kiosk_wait_for (window, kiosk_label_prefix_shown, told, "the file's name told");
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  if (g_str_equal (format, "pdf"))
    g_assert_true (g_str_has_prefix (text, "%PDF-"));
  else if (g_str_equal (format, "csv"))
    {
      JsonObject *section = json_array_get_object_element (json_object_get_array_member (report, "sections"), 0);
      g_autofree char *start = g_strdup_printf ("%s,", json_object_get_string_member (section, "title"));

      g_assert_true (g_str_has_prefix (text, start));
    }
  else
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *saved;

      g_assert_true (json_parser_load_from_data (parser, text, length, NULL));
      saved = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (saved, "format"), ==, "learnhub-site-report");
      g_assert_true (json_object_equal (json_object_get_object_member (saved, "period"),
                                        json_object_get_object_member (report, "period")));
    }
}

static void
test_committee_dashboard (void)
{
  Kiosk kiosk = { 0 };
  const char *staff, *pin, *name;
  g_autofree char *token = NULL;
  g_autoptr(GDateTime) now = lh_test_clock_now_in (kiosk_api_time_zone ());
  g_autoptr(GDateTime) quarter = NULL;
  g_autoptr(GDateTime) previous = NULL;
  g_autoptr(GDateTime) previous_end = NULL;
  g_autoptr(GDateTime) earlier = NULL;
  g_autofree char *quarter_first = NULL;
  g_autofree char *today = day_text (now);
  g_autofree char *previous_first = NULL;
  g_autofree char *previous_last = NULL;
  g_autofree char *earlier_first = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(GString) numbers = g_string_new (NULL);
  GtkWidget *hidden_chart, *card;
  guint hidden;

  quarter = g_date_time_new (kiosk_api_time_zone (), g_date_time_get_year (now),
                             (g_date_time_get_month (now) - 1) / 3 * 3 + 1, 1, 0, 0, 0);
  previous = g_date_time_add_months (quarter, -3);
  previous_end = g_date_time_add_days (quarter, -1);
  quarter_first = day_text (quarter);
  previous_first = day_text (previous);
  previous_last = day_text (previous_end);
  earlier = g_date_time_add_months (previous, -1);
  earlier_first = day_text (earlier);

  demo_committee_member (&staff, &pin, &name);
  token = kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
  kiosk_open_signed_in (&kiosk, centre, staff, pin, name);
  kiosk_wait_for (kiosk.window, kiosk_laid_out, NULL, "the home page laid out");
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "kiosk-home-committee");
  kiosk_press (kiosk.window, "Dashboard");
  kiosk_wait_for_page (kiosk.window, "dashboard");

  /* This quarter so far, by default: every charted table drawn. */
  assert_asked (kiosk.window, quarter_first, today);
  report = daemon_report (token, quarter_first, today);
  hidden = assert_report_drawn (kiosk.window, report);
  /* The share of open time used: a bar, or why there is none. */
  g_assert_true (kiosk_find_widget (GTK_WIDGET (kiosk.window), is_share, NULL) != NULL ||
                 kiosk_label_prefix_shown (kiosk.window, "Not shown: the share needs both figures"));
  kiosk_wait_for (kiosk.window, kiosk_laid_out, NULL, "the dashboard laid out");
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "kiosk-dashboard");

  /* A suppressed figure is "Not shown" in its chart's numbers. */
  g_assert_cmpuint (hidden, >, 0);
  hidden_chart = kiosk_find_widget (GTK_WIDGET (kiosk.window), has_hidden, NULL);
  g_assert_nonnull (hidden_chart);
  card = gtk_widget_get_parent (gtk_widget_get_parent (hidden_chart));
  scroll_to (card);
  kiosk_screenshot (kiosk.window, "kiosk-dashboard-chart");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (kiosk_find_widget (card, kiosk_is_button, "Show the numbers")), TRUE);
  kiosk_spin (300);
  kiosk_find_widget (card, kiosk_collect_label, numbers);
  g_assert_nonnull (strstr (numbers->str, "“Not shown”"));
  kiosk_screenshot (kiosk.window, "kiosk-dashboard-numbers");

  /* The previous quarter, whole; then a first day a month earlier. */
  kiosk_press (kiosk.window, "Previous quarter");
  assert_asked (kiosk.window, previous_first, previous_last);
  g_clear_pointer (&report, json_object_unref);
  report = daemon_report (token, previous_first, previous_last);
  assert_report_drawn (kiosk.window, report);
  kiosk_press (kiosk.window, "Choose dates");
  kiosk_press (kiosk.window, "− month");
  assert_asked (kiosk.window, earlier_first, previous_last);
  kiosk_wait_for (kiosk.window, kiosk_laid_out, NULL, "the dates laid out");
  kiosk_assert_touch_targets (kiosk.window);
  /* The page's top, where the dates are chosen, for the picture. */
  scroll_to (kiosk_find_button (kiosk.window, "Choose dates"));
  kiosk_screenshot (kiosk.window, "kiosk-dashboard-dates");
  scroll_to (kiosk_find_widget (GTK_WIDGET (kiosk.window), is_chart, NULL));
  kiosk_screenshot (kiosk.window, "kiosk-dashboard-weeks");

  /* Saved in each format as the daemon writes it, one tap each. */
  g_clear_pointer (&report, json_object_unref);
  report = daemon_report (token, earlier_first, previous_last);
  assert_saved (kiosk.window, "PDF to print", earlier_first, previous_last, "pdf", report);
  assert_saved (kiosk.window, "Spreadsheet (CSV)", earlier_first, previous_last, "csv", report);
  assert_saved (kiosk.window, "Site report (JSON)", earlier_first, previous_last, "json", report);
  kiosk_wait_for (kiosk.window, kiosk_laid_out, NULL, "the saved report laid out");
  kiosk_screenshot (kiosk.window, "kiosk-dashboard-saved");
  kiosk_close (&kiosk);
}

/* Only the committee sees the way in. */
static void
test_only_committee (void)
{
  Kiosk kiosk = { 0 };

  kiosk_open_learner (&kiosk, centre, 0);
  g_assert_null (kiosk_find_button (kiosk.window, "Dashboard"));
  kiosk_close (&kiosk);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dirs = NULL;
  g_autofree char *dirs_file = NULL;
  int status;

  kiosk_test_init (&argc, &argv);
  /* Saved reports go to the documents folder: one of the test's own. */
  /* Not made here: the kiosk makes it when it first saves. */
  documents = g_build_filename (g_getenv ("XDG_CACHE_HOME"), "documents", NULL);
  if (g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (documents, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (documents, name, NULL);

          g_assert_cmpint (g_unlink (path), ==, 0);
        }
      g_assert_cmpint (g_rmdir (documents), ==, 0);
    }
  dirs = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", documents);
  dirs_file = g_build_filename (g_getenv ("XDG_CONFIG_HOME"), "user-dirs.dirs", NULL);
  g_assert_true (g_file_set_contents (dirs_file, dirs, -1, NULL));

  centre = lh_test_daemon_start (NULL);
  kiosk_api_init (centre);

  g_test_add_func ("/kiosk/dashboard/committee", test_committee_dashboard);
  g_test_add_func ("/kiosk/dashboard/only-committee", test_only_committee);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  g_clear_pointer (&documents, g_free);
  return status;
}
