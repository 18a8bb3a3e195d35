/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The site report of the demo centre's last quarter, as its JSON leaves
 * the daemon: valid against the documented schema (checked by
 * python3-jsonschema, as a national committee's tools would), a schema
 * that refuses a number where a suppressed figure is, and a reader who
 * tries to work back each suppressed figure from what the JSON shows. */
#include <string.h>

#include "lh-core-test.h"
#include "lh-demo.h"
#include "lh-report-json.h"
#include "lh-report-site.h"
#include "lh-suppression-private.h"
#include "lh-time.h"
#include "suppression-attack.h"

/* The demo's clock: its history is the three months before. */
#define FIXED_NOW "2027-01-12T10:00:00Z"

static LhTestStore *store_;
static LhReport *report_;
static JsonNode *json_;

/* Checks a document against the schema with python3-jsonschema; returns
 * whether it is valid, and what the validator said. */
static gboolean
schema_accepts (JsonNode *document, char **out_message)
{
  static const char script[] =
    "import json, sys, jsonschema\n"
    "schema = json.load (open (sys.argv[1]))\n"
    "jsonschema.Draft202012Validator.check_schema (schema)\n"
    "errors = list (jsonschema.Draft202012Validator (schema).iter_errors (json.load (open (sys.argv[2]))))\n"
    "for e in errors: print (e.message[:200], list (e.absolute_path))\n"
    "sys.exit (1 if errors else 0)\n";
  g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "..", "data", "report",
                                                   "learnhub-site-report.schema.json", NULL);
  g_autofree char *path = g_build_filename (store_->dir, "report.json", NULL);
  g_autofree char *text = json_to_string (document, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "python3", "-c", script, schema, path, NULL };
  int status = 0;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                               &error));
  g_assert_no_error (error);
  /* A validator that could not run is no check: fail, not pass. */
  if (strstr (err, "ModuleNotFoundError") != NULL || strstr (err, "SchemaError") != NULL)
    g_error ("The schema check could not run (install python3-jsonschema): %s", err);
  *out_message = g_strconcat (out, err, NULL);
  return g_spawn_check_wait_status (status, NULL);
}

static void
test_schema_valid (void)
{
  g_autofree char *message = NULL;

  if (!schema_accepts (json_, &message))
    g_error ("The report does not follow its schema:\n%s", message);
}

/* The first suppressed figure of the document, or NULL. */
static JsonObject *
first_suppressed (JsonNode *document)
{
  JsonArray *sections = json_object_get_array_member (json_node_get_object (document), "sections");

  for (guint s = 0; s < json_array_get_length (sections); s++)
    {
      JsonArray *tables = json_object_get_array_member (json_array_get_object_element (sections, s), "tables");

      for (guint t = 0; t < json_array_get_length (tables); t++)
        {
          JsonArray *cells = json_object_get_array_member (json_array_get_object_element (tables, t), "cells");

          for (guint r = 0; r < json_array_get_length (cells); r++)
            {
              JsonArray *row = json_array_get_array_element (cells, r);

              for (guint c = 0; c < json_array_get_length (row); c++)
                if (json_object_has_member (json_array_get_object_element (row, c), "suppressed"))
                  return json_array_get_object_element (row, c);
            }
        }
    }
  return NULL;
}

/* A number where a suppressed figure is: the schema refuses it, so the
 * check above is a real one. */
static void
test_schema_refuses_number (void)
{
  g_autofree char *text = json_to_string (json_, FALSE);
  /* A deep copy: json_node_copy would share the objects. */
  g_autoptr(JsonNode) tampered = json_from_string (text, NULL);
  JsonObject *figure = first_suppressed (tampered);
  g_autofree char *message = NULL;

  g_assert_nonnull (figure);
  json_object_set_int_member (figure, "value", 3);
  g_assert_false (schema_accepts (tampered, &message));
  g_test_message ("Refused: %s", message);
  /* Without the marker it is a number like any other: valid. The
   * daemon never writes it so (test_nothing_recovered). */
  json_object_remove_member (figure, "suppressed");
  g_clear_pointer (&message, g_free);
  g_assert_true (schema_accepts (tampered, &message));
}

/* The table a reader of the JSON rebuilds: the figures it shows, the
 * true ones (from the report) where it shows none, marked hidden. */
static LhCountTable *
table_from_json (JsonObject *object, const LhReportTable *truth)
{
  guint n_rows = lh_count_table_n_rows (truth->counts), n_columns = lh_count_table_n_columns (truth->counts);
  LhCountTable *table = lh_count_table_new (n_rows, n_columns, lh_count_table_totals (truth->counts));
  JsonArray *cells = json_object_get_array_member (object, "cells");

  g_assert_cmpuint (json_array_get_length (cells), ==, n_rows);
  for (guint r = 0; r <= n_rows; r++)
    for (guint c = 0; c <= n_columns; c++)
      {
        JsonObject *figure = NULL;
        gboolean hidden;

        if (r < n_rows && c < n_columns)
          figure = json_array_get_object_element (json_array_get_array_element (cells, r), c);
        else if (!lh_count_table_is_published (truth->counts, r, c))
          continue;
        else if (r < n_rows)
          figure = json_array_get_object_element (json_object_get_array_member (object, "row_totals"), r);
        else if (c < n_columns)
          figure = json_array_get_object_element (json_object_get_array_member (object, "column_totals"), c);
        else
          figure = json_object_get_object_member (object, "total");
        hidden = json_object_has_member (figure, "suppressed");
        /* Shown: the true figure, and no other. */
        if (!hidden)
          g_assert_cmpint (json_object_get_int_member (figure, "value"), ==, lh_count_table_get (truth->counts, r, c));
        if (r < n_rows && c < n_columns)
          lh_count_table_set (table, r, c, lh_count_table_get (truth->counts, r, c));
        table->suppressed[index_of (table, r, c)] = hidden;
      }
  return table;
}

/* For each table about people, solve for each suppressed figure from
 * the published cells and totals: none may come out. */
static void
test_nothing_recovered (void)
{
  JsonArray *sections = json_object_get_array_member (json_node_get_object (json_), "sections");
  guint n_hidden = 0;

  g_assert_cmpuint (json_array_get_length (sections), ==, report_->sections->len);
  for (guint s = 0; s < report_->sections->len; s++)
    {
      const LhReportSection *section = g_ptr_array_index (report_->sections, s);
      JsonArray *tables = json_object_get_array_member (json_array_get_object_element (sections, s), "tables");

      for (guint t = 0; t < section->tables->len; t++)
        {
          const LhReportTable *truth = g_ptr_array_index (section->tables, t);
          g_autoptr(LhCountTable) table = table_from_json (json_array_get_object_element (tables, t), truth);
          guint n_rows = lh_count_table_n_rows (table), n_columns = lh_count_table_n_columns (table);
          /* No hidden figure is above the largest shown total. */
          gint64 cap = MAX (lh_count_table_get (table, n_rows, n_columns), 80);

          for (guint r = 0; r < n_rows; r++)
            for (guint c = 0; c < n_columns; c++)
              cap = MAX (cap, lh_count_table_get (table, r, c));
          g_test_message ("%s/%s", section->id, truth->id);
          n_hidden += attack_assert_nothing_given_away (table, cap);
        }
    }
  /* The demo's quarter has small figures: the attack did run. */
  g_assert_cmpuint (n_hidden, >, 0);
}

int
main (int argc, char **argv)
{
  g_autoptr(LhCentre) centre = lh_centre_new_default ();
  g_autoptr(LhDemoCentre) demo = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = 0, from = 0, to = 0;
  int result;

  g_test_init (&argc, &argv, NULL);
  store_ = lh_test_store_new ();
  centre->note_key = lh_note_key_new_random ();
  g_assert_true (lh_time_parse_iso (FIXED_NOW, &now, &error));
  demo = lh_demo_create (store_->store, centre, now, &error);
  g_assert_no_error (error);
  g_assert_true (lh_time_parse_date ("2026-10-01", centre->tz, &from, &error));
  g_assert_true (lh_time_parse_date ("2027-01-01", centre->tz, &to, &error));
  report_ = lh_site_report (store_->store, centre, from, to, now, &error);
  g_assert_no_error (error);
  json_ = lh_report_to_json (report_);

  g_test_add_func ("/lh/report-json/schema-valid", test_schema_valid);
  g_test_add_func ("/lh/report-json/schema-refuses-number", test_schema_refuses_number);
  g_test_add_func ("/lh/report-json/nothing-recovered", test_nothing_recovered);
  result = g_test_run ();
  json_node_unref (json_);
  lh_report_free (report_);
  lh_test_store_free (store_);
  return result;
}
