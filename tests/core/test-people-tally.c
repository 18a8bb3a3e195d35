/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The people behind a table's figures: each person once per cell, a
 * total's people the union of its cells' (not their sum), and every
 * anonymised row of a cell one person together. */
#include "lh-people-tally.h"

static void
test_cells_and_totals (void)
{
  g_autoptr(LhPeopleTally) tally = lh_people_tally_new (2, 2);
  g_autoptr(LhCountTable) counts = lh_count_table_new (2, 2, LH_TOTALS_ROWS | LH_TOTALS_COLUMNS);

  /* Person 7 in three cells, twice in one; person 8 in one. */
  lh_people_tally_add (tally, 0, 0, 7);
  lh_people_tally_add (tally, 0, 0, 7);
  lh_people_tally_add (tally, 0, 1, 7);
  lh_people_tally_add (tally, 1, 1, 7);
  lh_people_tally_add (tally, 1, 1, 8);
  g_assert_cmpint (lh_people_tally_size (tally, 0, 0), ==, 1);
  g_assert_cmpint (lh_people_tally_size (tally, 1, 0), ==, 0);
  g_assert_cmpint (lh_people_tally_size (tally, 1, 1), ==, 2);

  lh_people_tally_set_people (tally, counts);
  g_assert_cmpint (lh_count_table_get_people (counts, 0, 0), ==, 1);
  g_assert_cmpint (lh_count_table_get_people (counts, 1, 1), ==, 2);
  /* Row 0's total: person 7 once, though in both its cells. */
  g_assert_cmpint (lh_count_table_get_people (counts, 0, 2), ==, 1);
  g_assert_cmpint (lh_count_table_get_people (counts, 1, 2), ==, 2);
  g_assert_cmpint (lh_count_table_get_people (counts, 2, 0), ==, 1);
  g_assert_cmpint (lh_count_table_get_people (counts, 2, 1), ==, 2);
  g_assert_cmpint (lh_count_table_get_people (counts, 2, 2), ==, 2);
}

static void
test_unknown_is_one (void)
{
  g_autoptr(LhPeopleTally) tally = lh_people_tally_new (1, 1);

  for (int i = 0; i < 6; i++)
    lh_people_tally_add (tally, 0, 0, LH_PEOPLE_TALLY_UNKNOWN);
  lh_people_tally_add (tally, 0, 0, 3);
  g_assert_cmpint (lh_people_tally_size (tally, 0, 0), ==, 2);
}

/* Six requests from one person are hidden at a threshold of 5. */
static void
test_hides_by_people (void)
{
  g_autoptr(LhPeopleTally) tally = lh_people_tally_new (2, 1);
  g_autoptr(LhCountTable) counts = lh_count_table_new (2, 1, LH_TOTALS_NONE);

  for (int i = 0; i < 6; i++)
    {
      lh_count_table_add (counts, 0, 0, 1);
      lh_people_tally_add (tally, 0, 0, 42);
      lh_count_table_add (counts, 1, 0, 1);
      lh_people_tally_add (tally, 1, 0, 100 + i);
    }
  lh_people_tally_set_people (tally, counts);
  lh_count_table_suppress (counts, 5);
  g_assert_true (lh_count_table_is_suppressed (counts, 0, 0));
  g_assert_false (lh_count_table_is_suppressed (counts, 1, 0));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/people-tally/cells-and-totals", test_cells_and_totals);
  g_test_add_func ("/people-tally/unknown-is-one", test_unknown_is_one);
  g_test_add_func ("/people-tally/hides-by-people", test_hides_by_people);
  return g_test_run ();
}
