/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo centre's last quarter in the report's paid time off, facility
 * time, advice and equipment sections: each has figures to show, and
 * what is about people survives suppression where enough people make it. */
#include "lh-core-test.h"
#include "lh-demo.h"
#include "lh-equipment.h"
#include "lh-note-key.h"
#include "lh-report-sections.h"
#include "lh-time.h"

/* As test-demo.c: a Tuesday in term time. */
#define FIXED_NOW "2027-01-12T10:00:00+00:00"

static LhReportTable *
find_table (LhReportSection *section, const char *id)
{
  for (guint t = 0; t < section->tables->len; t++)
    {
      LhReportTable *table = g_ptr_array_index (section->tables, t);

      if (g_str_equal (table->id, id))
        return table;
    }
  g_assert_not_reached ();
}

static void
print_table (const LhReportTable *table)
{
  for (guint r = 0; r <= lh_count_table_n_rows (table->counts); r++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c <= lh_count_table_n_columns (table->counts); c++)
        if (lh_count_table_is_suppressed (table->counts, r, c))
          g_string_append (line, " *");
        else
          g_string_append_printf (line, " %" G_GINT64_FORMAT, lh_count_table_get (table->counts, r, c));
      g_test_message ("%s %s:%s", table->id,
                      r < table->row_keys->len ? (const char *) g_ptr_array_index (table->row_keys, r) : "total",
                      line->str);
    }
}

static void
test_demo_quarter (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(LhCentre) centre = lh_centre_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhDemoCentre) demo = NULL;
  g_autoptr(LhReport) report = lh_report_new ("Demo", "Europe/London", "2026-10-01", "2026-12-31", 5, 0);
  LhReportSection *time_off, *facility, *advice, *equipment;
  LhReportTable *table;
  gint64 now = 0, from = 0, to = 0;

  g_assert_true (lh_time_parse_iso (FIXED_NOW, &now, &error));
  g_assert_true (lh_time_parse_date ("2026-10-01", centre->tz, &from, &error));
  g_assert_true (lh_time_parse_date ("2027-01-01", centre->tz, &to, &error));
  centre->note_key = lh_note_key_new_random ();
  demo = lh_demo_create (ts->store, centre, now, &error);
  g_assert_no_error (error);

  time_off = lh_report_section_time_off (ts->store, centre, from, to, now, &error);
  g_assert_no_error (error);
  facility = lh_report_section_facility_time (ts->store, centre, from, to, now, &error);
  g_assert_no_error (error);
  advice = lh_report_section_advice (ts->store, centre, from, to, now, &error);
  g_assert_no_error (error);
  equipment = lh_report_section_equipment (ts->store, centre, from, to, now, &error);
  g_assert_no_error (error);
  lh_report_add_section (report, time_off);
  lh_report_add_section (report, facility);
  lh_report_add_section (report, advice);
  lh_report_add_section (report, equipment);
  lh_report_suppress (report);
  for (guint s = 0; s < report->sections->len; s++)
    {
      LhReportSection *section = g_ptr_array_index (report->sections, s);

      for (guint t = 0; t < section->tables->len; t++)
        print_table (g_ptr_array_index (section->tables, t));
    }

  /* Paid learning time: the whole staff's entitlement, many people's
   * time granted and taken; late and missing decisions in all. */
  table = find_table (time_off, "minutes-by-category");
  for (guint c = 0; c < 3; c++)
    {
      g_assert_cmpint (lh_count_table_get (table->counts, 0, c), >, 0);
      g_assert_false (lh_count_table_is_suppressed (table->counts, 0, c));
    }
  table = find_table (time_off, "decisions");
  g_assert_cmpint (lh_count_table_get (table->counts, 4, 1), >, 0);
  g_assert_cmpint (lh_count_table_get (table->counts, 4, 2), >, 0);

  /* A ULR over the agreed hours some weeks, listed. */
  g_assert_cmpuint (((LhReportList *) g_ptr_array_index (facility->lists, 0))->rows->len, >, 0);

  /* Advice asked and published in total. */
  table = find_table (advice, "requests-by-topic");
  g_assert_cmpint (lh_count_table_get (table->counts, table->row_keys->len, 0), >=, 5);
  g_assert_false (lh_count_table_is_suppressed (table->counts, table->row_keys->len, 0));

  /* Computers working at the end, never hidden. */
  table = find_table (equipment, "working-against-minimum");
  g_assert_cmpint (lh_count_table_get (table->counts, lh_equipment_kind_index ("computer"), 1), >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/demo/quarter", test_demo_quarter);
  return g_test_run ();
}
