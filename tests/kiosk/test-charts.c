/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dashboard's charts, from a site report in the agreed format
 * (data/report/README.md): each drawn (real widgets under Xvfb, rendered
 * to a texture to count what is drawn), described in words, a suppressed
 * figure drawn and written as "Not shown" and never as its value, the
 * numbers a tap away, a share only with both its figures. */
#define G_LOG_DOMAIN "test-charts"

#include <adwaita.h>

#include "kiosk-helpers.h"
#include "lh-chart-card.h"
#include "lh-chart-keys.h"
#include "lh-chart-share.h"
#include "lh-chart.h"
#include "lh-dashboard-period.h"
#include "lh-list-card.h"
#include "lh-site-report.h"
#include "lh-style.h"

/* Three weeks of minutes by PC (PC 2's second week held back), advice by
 * topic with totals (one topic held back, sent with a value it must
 * never show), a weekday × hour heat map, and the minutes open and used
 * (a share to draw). */
static const char report_json[] =
  "{\"format\": \"learnhub-site-report\", \"version\": 1, \"site\": \"Test Centre\", \"sites\": 1,"
  " \"timezone\": \"Europe/London\", \"period\": {\"first_day\": \"2026-07-01\", \"last_day\": \"2026-09-30\"},"
  " \"threshold\": 5, \"generated_at\": \"2026-10-02T09:14:00Z\","
  " \"sections\": ["
  "  {\"id\": \"usage\", \"title\": \"Centre usage\", \"lists\": [], \"tables\": ["
  "   {\"id\": \"minutes-by-week\", \"title\": \"Minutes used a week, by PC\", \"unit\": \"minutes\","
  "    \"chart\": \"lines\", \"merge\": \"none\", \"about_people\": true,"
  "    \"rows\": [{\"key\": \"2026-06-29\", \"label\": \"Week of 29 June\"},"
  "             {\"key\": \"2026-07-06\", \"label\": \"Week of 6 July\"},"
  "             {\"key\": \"2026-07-13\", \"label\": \"Week of 13 July\"}],"
  "    \"columns\": [{\"key\": \"PC 1\", \"label\": \"PC 1\"}, {\"key\": \"PC 2\", \"label\": \"PC 2\"}],"
  "    \"cells\": [[{\"value\": 120}, {\"value\": 60}],"
  "              [{\"value\": 340}, {\"value\": null, \"suppressed\": true}],"
  "              [{\"value\": 0}, {\"value\": 90}]]},"
  "   {\"id\": \"use-by-hour\", \"title\": \"Sittings by weekday and hour\", \"unit\": \"count\","
  "    \"chart\": \"heat\", \"merge\": \"sum\", \"about_people\": true,"
  "    \"rows\": [{\"key\": \"1\", \"label\": \"Monday\"}, {\"key\": \"2\", \"label\": \"Tuesday\"}],"
  "    \"columns\": [{\"key\": \"09\", \"label\": \"09:00\"}, {\"key\": \"10\", \"label\": \"10:00\"},"
  "                {\"key\": \"11\", \"label\": \"11:00\"}],"
  "    \"cells\": [[{\"value\": 12}, {\"value\": 30}, {\"value\": null, \"suppressed\": true}],"
  "              [{\"value\": 7}, {\"value\": 0}, {\"value\": 18}]]},"
  "   {\"id\": \"capacity-minutes\", \"title\": \"Minutes the PCs were open and in order\", \"unit\": \"minutes\","
  "    \"chart\": \"none\", \"merge\": \"none\", \"about_people\": false,"
  "    \"rows\": [{\"key\": \"all\", \"label\": \"All PCs\"}], \"columns\": [{\"key\": \"minutes\", \"label\": \"Minutes open\"}],"
  "    \"cells\": [[{\"value\": 8000}]]},"
  "   {\"id\": \"used-minutes\", \"title\": \"Minutes used while open and in order\", \"unit\": \"minutes\","
  "    \"chart\": \"none\", \"merge\": \"none\", \"about_people\": true,"
  "    \"rows\": [{\"key\": \"all\", \"label\": \"All PCs\"}], \"columns\": [{\"key\": \"minutes\", \"label\": \"Minutes used\"}],"
  "    \"cells\": [[{\"value\": 2000}]]}]},"
  "  {\"id\": \"advice\", \"title\": \"Advice\", \"lists\": [], \"tables\": ["
  "   {\"id\": \"requests-by-topic\", \"title\": \"Requests by topic\", \"unit\": \"people\","
  "    \"chart\": \"bars\", \"merge\": \"sum\", \"about_people\": true,"
  "    \"rows\": [{\"key\": \"esol\", \"label\": \"English for speakers of other languages\"},"
  "             {\"key\": \"maths\", \"label\": \"Maths\"}, {\"key\": \"digital\", \"label\": \"Digital skills\"}],"
  "    \"columns\": [{\"key\": \"requests\", \"label\": \"Requests\"}],"
  "    \"cells\": [[{\"value\": 9}], [{\"value\": 3, \"suppressed\": true}], [{\"value\": 14}]],"
  "    \"row_totals\": [{\"value\": 9}, {\"value\": null, \"suppressed\": true}, {\"value\": 14}],"
  "    \"total\": {\"value\": null, \"suppressed\": true}}]},"
  "  {\"id\": \"committee\", \"title\": \"Committee\", \"tables\": [], \"lists\": ["
  "   {\"id\": \"action-plan\", \"title\": \"Action plan\", \"headings\": [\"Number\", \"Planned activity\", \"By whom\"],"
  "    \"rows\": [[\"1\", \"Run two ESOL taster sessions\", \"Learning committee\"]]},"
  "   {\"id\": \"meetings\", \"title\": \"Meetings\", \"headings\": [\"Date\"], \"rows\": []}]}]}";

static LhSiteReport *
parse_report (const char *text, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;
  return lh_site_report_from_json (json_node_get_object (json_parser_get_root (parser)), error);
}

static const LhSiteTable *
find_table (const LhSiteReport *report, const char *id)
{
  for (guint s = 0; s < report->sections->len; s++)
    {
      const LhSiteSection *section = g_ptr_array_index (report->sections, s);

      for (guint t = 0; t < section->tables->len; t++)
        if (g_str_equal (((LhSiteTable *) g_ptr_array_index (section->tables, t))->id, id))
          return g_ptr_array_index (section->tables, t);
    }
  g_error ("No table %s", id);
  return NULL;
}

/* The widget as drawn now, B, G, R, A bytes row by row; saved as
 * DIR/NAME.png too if LH_TEST_SCREENSHOTS=DIR. */
static GBytes *
render_widget (GtkWidget  *widget,
               const char *name)
{
  const char *dir = g_getenv ("LH_TEST_SCREENSHOTS");
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gsize stride = (gsize) width * 4;
  guchar *pixels;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (dir != NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s/%s.png", dir, name);

      gdk_texture_save_to_png (texture, file);
    }
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  return g_bytes_new_take (pixels, stride * height);
}

/* How many pixels of the widget, as drawn now, are not transparent. */
static guint
count_drawn_pixels (GtkWidget  *widget,
                    const char *name)
{
  g_autoptr(GBytes) bytes = render_widget (widget, name);
  gsize size;
  const guchar *pixels = g_bytes_get_data (bytes, &size);
  guint drawn = 0;

  /* Only alpha matters here. */
  for (gsize i = 3; i < size; i += 4)
    if (pixels[i] != 0)
      drawn++;
  return drawn;
}

/* Until the card's chart is on the screen and laid out. */
static void
wait_for_chart (GtkWidget *card)
{
  GtkWidget *chart = lh_chart_card_get_chart (card);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (chart) || gtk_widget_get_height (chart) < 100)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  kiosk_spin (100);
}

/* A window of cards, as the dashboard shows them. */
static GtkWidget *
cards_window (const LhSiteReport *report, GtkWidget **cards, guint n_cards, const char * const *ids)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);

  lh_style_ensure ();
  gtk_widget_add_css_class (window, "lh-kiosk");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 1200);
  for (guint i = 0; i < n_cards; i++)
    {
      cards[i] = lh_chart_card_new (find_table (report, ids[i]), report->threshold);
      gtk_box_append (GTK_BOX (box), cards[i]);
    }
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_charts_drawn (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhSiteReport) report = parse_report (report_json, &error);
  const char * const ids[] = { "minutes-by-week", "use-by-hour", "requests-by-topic" };
  GtkWidget *cards[G_N_ELEMENTS (ids)];
  GtkWidget *window;
  const char *summary;

  g_assert_no_error (error);
  g_assert_cmpstr (report->first_day, ==, "2026-07-01");
  window = cards_window (report, cards, G_N_ELEMENTS (ids), ids);

  /* What a screen reader is told names the series and the highest
   * figure, and how many are not shown. */
  summary = lh_chart_get_summary (LH_CHART (lh_chart_card_get_chart (cards[0])));
  /* The title in the kiosk's words for the table's id, not the
   * daemon's English. */
  g_assert_nonnull (strstr (summary, "Line chart: Time used a week. Series"));
  g_assert_nonnull (strstr (summary, "Series: PC 1, PC 2."));
  g_assert_nonnull (strstr (summary, "Highest: 5.7 hours, PC 1, Week of 6 July."));
  g_assert_nonnull (strstr (summary, "1 figure not shown"));
  summary = lh_chart_get_summary (LH_CHART (lh_chart_card_get_chart (cards[1])));
  /* An id the kiosk does not know yet: the daemon's title. */
  g_assert_nonnull (strstr (summary, "Heat map: Sittings by weekday and hour"));
  summary = lh_chart_get_summary (LH_CHART (lh_chart_card_get_chart (cards[2])));
  g_assert_nonnull (strstr (summary, "Bar chart: Requests by topic"));
  g_assert_nonnull (strstr (summary, "Highest: 14 people, Requests, Digital skills."));

  /* Each chart is drawn: a good share of its area has ink on it. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      GtkWidget *chart = lh_chart_card_get_chart (cards[i]);
      guint area;

      wait_for_chart (cards[i]);
      area = (guint) (gtk_widget_get_width (chart) * gtk_widget_get_height (chart));
      g_assert_cmpuint (count_drawn_pixels (chart, ids[i]), >, area / 20);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

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

/* The numbers view: every figure in words, a suppressed one as "Not
 * shown" even when the daemon wrongly sent a value beside it. */
static void
test_numbers_not_shown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhSiteReport) report = parse_report (report_json, &error);
  const char * const ids[] = { "requests-by-topic" };
  GtkWidget *card;
  GtkWidget *window;
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *toggle;

  g_assert_no_error (error);
  window = cards_window (report, &card, 1, ids);
  wait_for_chart (card);
  toggle = kiosk_find_widget (card, kiosk_is_button, "Show the numbers");
  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  kiosk_spin (300);
  g_assert_null (kiosk_find_widget (card, is_chart, NULL));
  kiosk_find_widget (card, kiosk_collect_label, text);
  g_assert_nonnull (strstr (text->str, "“Maths”"));
  g_assert_nonnull (strstr (text->str, "“9 people”"));
  g_assert_nonnull (strstr (text->str, "“14 people”"));
  g_assert_nonnull (strstr (text->str, "“Not shown”"));
  g_assert_null (strstr (text->str, "“3 people”"));
  g_assert_null (strstr (lh_chart_get_summary (LH_CHART (lh_chart_card_get_chart (card))), "3 people"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A suppressed figure sent with a value beside it (which the daemon must
 * never do) is drawn exactly as one sent with none: the drawing and the
 * words do not depend on what was withheld, not even through the scale. */
static void
test_withheld_value_not_drawn (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *with_value = g_strdup (report_json);
  char *at = strstr (with_value, "{\"value\": 3, \"suppressed\": true}");
  g_autoptr(LhSiteReport) plain = NULL;
  g_autoptr(LhSiteReport) leaky = NULL;
  const char * const ids[] = { "requests-by-topic" };
  GtkWidget *plain_card, *leaky_card;
  GtkWidget *plain_window, *leaky_window;
  g_autoptr(GBytes) plain_pixels = NULL;
  g_autoptr(GBytes) leaky_pixels = NULL;

  /* 99 would be the tallest bar and change the scale, were it read. */
  g_assert_nonnull (at);
  memcpy (at, "{\"value\": 99, \"suppressed\":true}", strlen ("{\"value\": 3, \"suppressed\": true}"));
  plain = parse_report (report_json, &error);
  g_assert_no_error (error);
  leaky = parse_report (with_value, &error);
  g_assert_no_error (error);

  plain_window = cards_window (plain, &plain_card, 1, ids);
  leaky_window = cards_window (leaky, &leaky_card, 1, ids);
  wait_for_chart (plain_card);
  wait_for_chart (leaky_card);
  g_assert_cmpstr (lh_chart_get_summary (LH_CHART (lh_chart_card_get_chart (plain_card))), ==,
                   lh_chart_get_summary (LH_CHART (lh_chart_card_get_chart (leaky_card))));
  plain_pixels = render_widget (lh_chart_card_get_chart (plain_card), "withheld-plain");
  leaky_pixels = render_widget (lh_chart_card_get_chart (leaky_card), "withheld-leaky");
  g_assert_true (g_bytes_equal (plain_pixels, leaky_pixels));
  gtk_window_destroy (GTK_WINDOW (plain_window));
  gtk_window_destroy (GTK_WINDOW (leaky_window));
}

/* The share of open time used: drawn only with both figures published,
 * told in words; with one held back, no bar at all. */
static void
test_share_needs_both (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhSiteReport) report = parse_report (report_json, &error);
  g_autoptr(GString) held = g_string_new (report_json);
  g_autoptr(LhSiteReport) held_report = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  GtkWidget *card, *held_card, *share;
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  g_assert_cmpuint (g_string_replace (held, "{\"value\": 2000}", "{\"value\": null, \"suppressed\": true}", 1), ==, 1);
  held_report = parse_report (held->str, &error);
  g_assert_no_error (error);

  card = lh_chart_share_card_new (g_ptr_array_index (report->sections, 0));
  held_card = lh_chart_share_card_new (g_ptr_array_index (held_report->sections, 0));
  g_assert_nonnull (card);
  g_assert_nonnull (held_card);
  /* The advice section has neither table: no card. */
  g_assert_null (lh_chart_share_card_new (g_ptr_array_index (report->sections, 1)));
  lh_style_ensure ();
  gtk_widget_add_css_class (window, "lh-kiosk");
  gtk_box_append (GTK_BOX (box), card);
  gtk_box_append (GTK_BOX (box), held_card);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  share = kiosk_find_widget (card, is_share, NULL);
  g_assert_nonnull (share);
  g_assert_cmpstr (lh_chart_share_get_summary (LH_CHART_SHARE (share)), ==,
                   "33.3 hours used of 133.3 hours the PCs were open and in order");
  while (gtk_widget_get_width (share) < 100)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  kiosk_spin (100);
  g_assert_cmpuint (count_drawn_pixels (share, "share"), >, 0);

  g_assert_null (kiosk_find_widget (held_card, is_share, NULL));
  kiosk_find_widget (held_card, kiosk_collect_label, text);
  g_assert_nonnull (strstr (text->str, "Not shown: the share needs both figures"));
  g_assert_null (strstr (text->str, "8000"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A figure that is a bare number, not {"value": N}, is refused. */
static void
test_bad_figure_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_strdup (report_json);
  g_autoptr(LhSiteReport) report = NULL;
  char *at = strstr (bad, "{\"value\": 120}");

  g_assert_nonnull (at);
  memcpy (at, "   120        ", strlen ("{\"value\": 120}"));
  report = parse_report (bad, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (report);
}

/* The dashboard's period: this quarter so far, the previous quarter
 * whole, and chosen days that never pass today nor cross each other. */
static void
assert_period (LhDashboardPeriod *period, const char *first_day, const char *last_day)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  lh_dashboard_period_get (period, &first, &last);
  g_assert_cmpstr (first, ==, first_day);
  g_assert_cmpstr (last, ==, last_day);
}

static void
count_change (LhDashboardPeriod *period, guint *changes)
{
  (*changes)++;
}

/* Presses the n-th button (0 for the first day's, 1 for the last day's)
 * with these words. */
static void
press_step (GtkWidget *root, const char *words, guint n)
{
  GtkWidget *button = kiosk_find_widget (root, kiosk_is_button, words);

  g_assert_nonnull (button);
  if (n == 1)
    {
      GtkWidget *row = gtk_widget_get_parent (button);
      GtkWidget *next_row = gtk_widget_get_next_sibling (row);

      button = kiosk_find_widget (next_row, kiosk_is_button, words);
      g_assert_nonnull (button);
    }
  g_signal_emit_by_name (button, "clicked");
}

static void
test_period_bounds (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2027, 1, 12, 10, 30, 0);
  GtkWidget *window = gtk_window_new ();
  LhDashboardPeriod *period = LH_DASHBOARD_PERIOD (lh_dashboard_period_new ());
  guint changes = 0;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (period));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (period, "changed", G_CALLBACK (count_change), &changes);
  lh_dashboard_period_set_today (period, now);
  assert_period (period, "2027-01-01", "2027-01-12");
  g_assert_cmpuint (changes, ==, 0);
  kiosk_spin (100);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (kiosk_find_widget (GTK_WIDGET (period), kiosk_is_button,
                                                                      "Previous quarter")), TRUE);
  assert_period (period, "2026-10-01", "2026-12-31");
  g_assert_cmpuint (changes, ==, 1);

  /* Chosen days start from the period shown; the last day never passes
   * today, the first never passes the last. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (kiosk_find_widget (GTK_WIDGET (period), kiosk_is_button,
                                                                      "Choose dates")), TRUE);
  kiosk_spin (100);
  press_step (GTK_WIDGET (period), "+ month", 1);
  assert_period (period, "2026-10-01", "2027-01-12");
  press_step (GTK_WIDGET (period), "+ month", 1);
  assert_period (period, "2026-10-01", "2027-01-12");
  press_step (GTK_WIDGET (period), "− week", 0);
  assert_period (period, "2026-09-24", "2027-01-12");
  for (int i = 0; i < 6; i++)
    press_step (GTK_WIDGET (period), "+ month", 0);
  assert_period (period, "2027-01-12", "2027-01-12");
  /* A step that moved nothing asks nothing again: the last day's second
   * "+ month", and the first day's last two (already at the last day). */
  g_assert_cmpuint (changes, ==, 7);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The committee's lists, as words under their headings; an empty one
 * says so. */
static void
test_lists (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhSiteReport) report = parse_report (report_json, &error);
  const LhSiteSection *committee;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  committee = g_ptr_array_index (report->sections, 2);
  g_assert_cmpstr (committee->id, ==, "committee");
  g_assert_cmpuint (committee->lists->len, ==, 2);
  gtk_box_append (GTK_BOX (box), lh_list_card_new (g_ptr_array_index (committee->lists, 0)));
  gtk_box_append (GTK_BOX (box), lh_list_card_new (g_ptr_array_index (committee->lists, 1)));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  kiosk_spin (100);
  kiosk_find_widget (box, kiosk_collect_label, text);
  /* The lists' titles in the kiosk's words for their ids ("meetings":
   * "Meetings of the committee"), not the daemon's. */
  g_assert_cmpstr (text->str, ==, " “Action plan” “Number” “Planned activity” “By whom” “1”"
                                  " “Run two ESOL taster sessions” “Learning committee”"
                                  " “Meetings of the committee” “Nothing here for this period.”");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Rows and columns in the kiosk's words: a key shared by tables by each
 * table's own; a week and an hour formatted by the kiosk; a key it does
 * not know, and a name the centre chose, as the daemon gave them. */
static void
test_key_words (void)
{
  const struct { const char *table; gboolean row; const char *key, *fallback, *words; } cases[] = {
    { "sittings", TRUE, "all", "x", "All sittings" },
    { "capacity-minutes", TRUE, "all", "x", "All PCs" },
    { "capacity-minutes", FALSE, "minutes", "x", "Time open" },
    { "used-minutes", FALSE, "minutes", "x", "Time used" },
    { "gender", TRUE, "other", "x", "Another way" },
    { "requests-by-outcome", TRUE, "other", "x", "Other" },
    { "minutes-below-minimum", TRUE, "other", "x", "Other equipment" },
    { "minutes-by-week", TRUE, "2026-07-06", "x", "Week of 6 July" },
    { "busy-hours", FALSE, "09", "x", "09:00" },
    { "busy-hours", TRUE, "sun", "x", "Sunday" },
    { "minutes-by-department", FALSE, "esol-taken", "x", "ESOL class time, taken" },
    { "minutes-by-department", TRUE, "", "x", "No department" },
    /* The centre's names, even one that reads like a key. */
    { "minutes-by-department", TRUE, "learning", "learning", "learning" },
    { "minutes-by-pc", TRUE, "all", "all", "all" },
    { "used-against-agreed", TRUE, "100003", "Sue Bennett", "Sue Bennett" },
    /* What a newer daemon may add. */
    { "requests-by-topic", TRUE, "money-skills", "Money skills", "Money skills" },
    { "gender", TRUE, "yes", "Yes?", "Yes?" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = lh_chart_key_words (cases[i].table, cases[i].row, cases[i].key, cases[i].fallback);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
  g_assert_false (lh_chart_key_known ("requests-by-topic", TRUE, "money-skills"));
  g_assert_false (lh_chart_key_known ("busy-hours", FALSE, "24"));
  g_assert_true (lh_chart_key_known ("no-shows", TRUE, "2027-01-04"));
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

  g_test_add_func ("/kiosk/charts/drawn", test_charts_drawn);
  g_test_add_func ("/kiosk/charts/numbers-not-shown", test_numbers_not_shown);
  g_test_add_func ("/kiosk/charts/withheld-value-not-drawn", test_withheld_value_not_drawn);
  g_test_add_func ("/kiosk/charts/share-needs-both", test_share_needs_both);
  g_test_add_func ("/kiosk/charts/bad-figure-refused", test_bad_figure_refused);
  g_test_add_func ("/kiosk/charts/period-bounds", test_period_bounds);
  g_test_add_func ("/kiosk/charts/lists", test_lists);
  g_test_add_func ("/kiosk/charts/key-words", test_key_words);

  return g_test_run ();
}
