/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's site report on the demo centre: the committee's alone,
 * bounded periods with reasons, and every small figure null and marked
 * suppressed, never a number. */
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"

static LhTestDaemon *daemon_;
static SoupSession *session_;

static LhApiReply *
call (const char *path, const char *token)
{
  return lh_api_call (session_, daemon_->base_url, "GET", path, token, NULL);
}

/* The committee only: an admin sees figures elsewhere, unsuppressed, but
 * this is the committee's document; in every format it comes in. */
static void
test_who_may (void)
{
  static const char *const queries[] = { "", "?format=json", "?format=csv", "?format=pdf" };
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *learner = lh_api_sign_in_as (session_, daemon_, "learner");
  g_autofree char *ulr = lh_api_sign_in_as (session_, daemon_, "learner,ulr");
  const struct { const char *token; guint status; } cases[] = {
    { committee, 200 },
    { admin, 403 },
    { learner, 403 },
    { ulr, 403 },
    { daemon_->device_token, 401 },
    { NULL, 401 },
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = g_strconcat ("/api/v1/reports/site", queries[q], NULL);
        g_autoptr(LhApiReply) reply = call (path, cases[i].token);

        g_assert_cmpuint (reply->status, ==, cases[i].status);
        if (cases[i].status == 403)
          g_assert_cmpstr (lh_api_reply_string (reply, "reason"), ==, "role-missing");
        if (cases[i].status != 200)
          {
            /* Nothing of the report leaks with the refusal. */
            g_assert_cmpstr (reply->content_type, ==, "application/problem+json");
            g_assert_null (strstr (reply->text, "\"sections\""));
            g_assert_false (g_str_has_prefix (reply->text, "%PDF"));
          }
      }
}

/* ?format=pdf is the PDF the committee tables and ?format=csv the tables
 * for a spreadsheet, of the same period as the JSON, named for saving;
 * any other format is refused. */
static void
test_formats (void)
{
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  g_autoptr(LhApiReply) json = call ("/api/v1/reports/site", committee);
  g_autoptr(LhApiReply) pdf = call ("/api/v1/reports/site?format=pdf", committee);
  g_autoptr(LhApiReply) csv = call ("/api/v1/reports/site?format=csv", committee);
  g_autoptr(LhApiReply) other = call ("/api/v1/reports/site?format=xlsx", committee);
  JsonObject *first_section;
  g_autofree char *csv_start = NULL;

  g_assert_cmpuint (json->status, ==, 200);
  g_assert_cmpstr (json->content_type, ==, "application/json");
  g_assert_cmpuint (pdf->status, ==, 200);
  g_assert_cmpstr (pdf->content_type, ==, "application/pdf");
  g_assert_true (g_str_has_prefix (pdf->text, "%PDF-"));
  g_assert_cmpuint (csv->status, ==, 200);
  g_assert_cmpstr (csv->content_type, ==, "text/csv");
  /* The CSV's first block is the JSON's first section's first table. */
  first_section = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json->json), "sections"), 0);
  csv_start = g_strdup_printf ("%s,", json_object_get_string_member (first_section, "title"));
  g_assert_true (g_str_has_prefix (csv->text, csv_start));
  /* Suppressed figures are there as the word, as in the JSON. */
  g_assert_true (strstr (json->text, "\"suppressed\":true") != NULL || strstr (json->text, "\"suppressed\": true") != NULL);
  g_assert_nonnull (strstr (csv->text, ",suppressed"));

  g_assert_cmpuint (other->status, ==, 400);
  g_assert_cmpstr (lh_api_reply_string (other, "reason"), ==, "format-invalid");
}

static JsonObject *
period_of (LhApiReply *reply)
{
  return json_object_get_object_member (json_node_get_object (reply->json), "period");
}

/* By default the calendar quarter to today: the same period as asked for
 * with those dates. */
static void
test_default_quarter (void)
{
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  g_autoptr(LhApiReply) plain = call ("/api/v1/reports/site", committee);
  g_autoptr(LhApiReply) dated = NULL;
  g_autofree char *path = NULL;
  const char *first, *last;
  JsonObject *root;

  g_assert_cmpuint (plain->status, ==, 200);
  root = json_node_get_object (plain->json);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "learnhub-site-report");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "threshold"), ==, 5);
  first = json_object_get_string_member (period_of (plain), "first_day");
  last = json_object_get_string_member (period_of (plain), "last_day");
  /* The 1st of January, April, July or October, in the year of today. */
  g_assert_true (g_str_has_suffix (first, "-01-01") || g_str_has_suffix (first, "-04-01") ||
                 g_str_has_suffix (first, "-07-01") || g_str_has_suffix (first, "-10-01"));
  g_assert_cmpint (strncmp (first, last, 5), ==, 0);
  g_assert_cmpint (strcmp (first, last), <=, 0);

  path = g_strdup_printf ("/api/v1/reports/site?from=%s&to=%s", first, last);
  dated = call (path, committee);
  g_assert_cmpuint (dated->status, ==, 200);
  /* The same period; its figures may differ by a sitting going on, which
   * counts up to now. */
  g_assert_true (json_object_equal (period_of (plain), period_of (dated)));
}

static void
test_bad_periods (void)
{
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  const struct { const char *query; guint status; const char *reason; } cases[] = {
    { "?from=yesterday", 400, "date-invalid" },
    { "?from=2026-10-01&to=2026-02-30", 400, "date-invalid" },
    { "?from=2026-12-01&to=2026-11-01", 422, "period-reversed" },
    { "?from=2020-01-01&to=2026-11-30", 422, "period-too-long" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/api/v1/reports/site", cases[i].query, NULL);
      g_autoptr(LhApiReply) reply = call (path, committee);

      g_assert_cmpuint (reply->status, ==, cases[i].status);
      g_assert_cmpstr (reply->content_type, ==, "application/problem+json");
      g_assert_cmpstr (lh_api_reply_string (reply, "reason"), ==, cases[i].reason);
    }
}

/* Each figure of a list of them: a number, or null marked suppressed;
 * counts those suppressed. */
static guint
check_figures (JsonArray *figures)
{
  guint suppressed = 0;

  for (guint i = 0; i < json_array_get_length (figures); i++)
    {
      JsonObject *figure = json_array_get_object_element (figures, i);
      JsonNode *value = json_object_get_member (figure, "value");

      if (json_object_has_member (figure, "suppressed"))
        {
          g_assert_true (json_object_get_boolean_member (figure, "suppressed"));
          g_assert_true (JSON_NODE_HOLDS_NULL (value));
          g_assert_cmpuint (json_object_get_size (figure), ==, 2);
          suppressed++;
        }
      else
        {
          g_assert_true (JSON_NODE_HOLDS_VALUE (value));
          g_assert_cmpint (json_node_get_int (value), >=, 0);
          g_assert_cmpuint (json_object_get_size (figure), ==, 1);
        }
    }
  return suppressed;
}

static JsonObject *
table_of (JsonObject *root, const char *section_id, const char *table_id)
{
  JsonArray *sections = json_object_get_array_member (root, "sections");

  for (guint s = 0; s < json_array_get_length (sections); s++)
    {
      JsonObject *section = json_array_get_object_element (sections, s);
      JsonArray *tables = json_object_get_array_member (section, "tables");

      if (!g_str_equal (json_object_get_string_member (section, "id"), section_id))
        continue;
      for (guint t = 0; t < json_array_get_length (tables); t++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (tables, t), "id"),
                         table_id))
          return json_array_get_object_element (tables, t);
    }
  g_assert_not_reached ();
}

/* A PC few used in a week: its minutes, from fewer people than the
 * threshold, are null and suppressed (the admin's usage per PC tells the
 * true sittings). Every figure anywhere is a number or null marked
 * suppressed, never a number with "suppressed" beside it. */
static void
test_small_counts_suppressed (void)
{
  const char *period = "?from=2026-11-16&to=2026-11-22";
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *path = g_strconcat ("/api/v1/reports/site", period, NULL);
  g_autofree char *usage_path = g_strconcat ("/api/v1/equipment/usage", period, NULL);
  g_autoptr(LhApiReply) reply = call (path, committee);
  g_autoptr(LhApiReply) truth = call (usage_path, admin);
  JsonArray *pcs = json_object_get_array_member (json_node_get_object (truth->json), "pcs");
  JsonObject *root, *by_pc;
  JsonArray *sections, *pc_rows;
  guint suppressed = 0, few_seen = 0;

  g_assert_cmpuint (reply->status, ==, 200);
  root = json_node_get_object (reply->json);
  sections = json_object_get_array_member (root, "sections");
  for (guint s = 0; s < json_array_get_length (sections); s++)
    {
      JsonArray *tables = json_object_get_array_member (json_array_get_object_element (sections, s), "tables");

      for (guint t = 0; t < json_array_get_length (tables); t++)
        {
          JsonObject *table = json_array_get_object_element (tables, t);
          JsonArray *cells = json_object_get_array_member (table, "cells");

          for (guint r = 0; r < json_array_get_length (cells); r++)
            suppressed += check_figures (json_array_get_array_element (cells, r));
          if (json_object_has_member (table, "row_totals"))
            suppressed += check_figures (json_object_get_array_member (table, "row_totals"));
          if (json_object_has_member (table, "column_totals"))
            suppressed += check_figures (json_object_get_array_member (table, "column_totals"));
        }
    }
  g_assert_cmpuint (suppressed, >, 0);

  by_pc = table_of (root, "usage", "minutes-by-pc");
  pc_rows = json_object_get_array_member (by_pc, "rows");
  for (guint i = 0; i < json_array_get_length (pcs); i++)
    {
      JsonObject *pc = json_array_get_object_element (pcs, i);
      const char *name = json_object_get_string_member (json_object_get_object_member (pc, "pc"), "name");
      gint64 sittings = json_object_get_int_member (pc, "sittings");

      if (sittings == 0 || sittings >= json_object_get_int_member (root, "threshold"))
        continue;
      /* Fewer sittings than the threshold: fewer people too. */
      for (guint r = 0; r < json_array_get_length (pc_rows); r++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (pc_rows, r), "key"), name))
          {
            JsonObject *figure = json_array_get_object_element (
              json_array_get_array_element (json_object_get_array_member (by_pc, "cells"), r), 0);

            g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (figure, "value")));
            g_assert_true (json_object_get_boolean_member (figure, "suppressed"));
            few_seen++;
          }
    }
  g_assert_cmpuint (few_seen, >, 0);
  /* The capacity names nobody: always a number. */
  g_assert_false (json_object_get_boolean_member (table_of (root, "usage", "capacity-minutes"), "about_people"));
}

void
lh_api_report_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/reports/site/who-may", test_who_may);
  g_test_add_func ("/api/reports/site/formats", test_formats);
  g_test_add_func ("/api/reports/site/default-quarter", test_default_quarter);
  g_test_add_func ("/api/reports/site/bad-periods", test_bad_periods);
  g_test_add_func ("/api/reports/site/small-counts-suppressed", test_small_counts_suppressed);
}
