/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Suppression of small counts, attacked as a reader of the committee's
 * figures would: knowing every figure shown and that the counts add up
 * to the totals shown, try to find the true value of each hidden one.
 * The attacker here searches for a second table of whole counts that
 * agrees with everything shown and differs in the hidden figure; if
 * there is none, the figure was given away. It also knows that a zero is
 * never hidden (it names nobody), so every hidden figure is at least 1:
 * two hidden counts that add up to 2 are 1 and 1. */
#include "suppression-attack.h"

#define CAP 80   /* no hidden figure in these tables is larger */

/* Asserts no hidden figure can be worked back by a reader who also knows
 * the least each figure is (least: nullable); truth (nullable) the true
 * figures where the table does not know them. Returns how many are
 * hidden. */
static guint
assert_nothing_given_away_knowing (const LhCountTable *table, const gint64 *truth, const gint64 *least)
{
  return attack_assert_nothing_given_away_knowing (table, CAP, truth, least);
}

static guint
assert_nothing_given_away (const LhCountTable *table)
{
  return assert_nothing_given_away_knowing (table, NULL, NULL);
}

static LhCountTable *
table_of (guint rows, guint columns, LhTotals totals, const gint64 *cells)
{
  LhCountTable *table = lh_count_table_new (rows, columns, totals);

  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < columns; c++)
      lh_count_table_set (table, r, c, cells[r * columns + c]);
  return table;
}

/* Counts from 1 to threshold - 1 are hidden; zeros and larger ones are
 * not, with no totals to work anything back from. */
static void
test_small_counts_hidden (void)
{
  const gint64 cells[] = { 0, 1, 4, 5, 12 };
  g_autoptr(LhCountTable) table = table_of (1, 5, LH_TOTALS_NONE, cells);

  lh_count_table_suppress (table, 5);
  g_assert_false (lh_count_table_is_suppressed (table, 0, 0));
  g_assert_true (lh_count_table_is_suppressed (table, 0, 1));
  g_assert_true (lh_count_table_is_suppressed (table, 0, 2));
  g_assert_false (lh_count_table_is_suppressed (table, 0, 3));
  g_assert_false (lh_count_table_is_suppressed (table, 0, 4));
  g_assert_false (lh_count_table_is_published (table, 0, 5));
}

/* A list with its total: the one small count would be the total less
 * the others, so the next smallest is hidden with it. */
static void
test_list_with_total (void)
{
  const gint64 cells[] = { 20, 3, 9, 0, 14 };
  g_autoptr(LhCountTable) table = table_of (5, 1, LH_TOTALS_COLUMNS, cells);

  lh_count_table_suppress (table, 5);
  g_assert_true (lh_count_table_is_suppressed (table, 1, 0));
  g_assert_true (lh_count_table_is_suppressed (table, 2, 0));
  g_assert_false (lh_count_table_is_suppressed (table, 0, 0));
  g_assert_false (lh_count_table_is_suppressed (table, 3, 0));
  g_assert_false (lh_count_table_is_suppressed (table, 4, 0));
  g_assert_false (lh_count_table_is_suppressed (table, 5, 0));
  g_assert_cmpint (lh_count_table_get (table, 5, 0), ==, 46);
  g_assert_cmpuint (assert_nothing_given_away (table), ==, 2);
}

/* Two hidden counts of 1 beside a total shown add up to 2, so each is
 * known to be 1: a third is hidden with them. */
static void
test_hidden_sum_reaches_threshold (void)
{
  const gint64 cells[] = { 1, 1, 30, 8 };
  g_autoptr(LhCountTable) table = table_of (4, 1, LH_TOTALS_COLUMNS, cells);

  lh_count_table_suppress (table, 5);
  g_assert_true (lh_count_table_is_suppressed (table, 0, 0));
  g_assert_true (lh_count_table_is_suppressed (table, 1, 0));
  g_assert_true (lh_count_table_is_suppressed (table, 3, 0));
  g_assert_false (lh_count_table_is_suppressed (table, 2, 0));
  assert_nothing_given_away (table);
}

/* Every count of a row small: the row's total is hidden too, and then a
 * second row's, or the grand total would give it away. */
static void
test_totals_hidden (void)
{
  const gint64 cells[] = {
    1, 2, 0,
    9, 7, 12,
    6, 10, 8,
  };
  g_autoptr(LhCountTable) table = table_of (3, 3, LH_TOTALS_ROWS | LH_TOTALS_COLUMNS, cells);

  lh_count_table_suppress (table, 5);
  g_assert_true (lh_count_table_is_suppressed (table, 0, 0));
  g_assert_true (lh_count_table_is_suppressed (table, 0, 1));
  g_assert_true (lh_count_table_is_suppressed (table, 0, 3));
  assert_nothing_given_away (table);
}

/* Each row and column holds two hidden counts, but one count joins two
 * separate blocks of them, and the equations together pin it down: the
 * last check finds it and hides more. */
static void
test_pinned_through_several_lines (void)
{
  const gint64 cells[] = {
    2, 2, 20, 20,
    2, 2, 2, 20,
    20, 20, 2, 2,
    20, 20, 2, 2,
  };
  g_autoptr(LhCountTable) table = table_of (4, 4, LH_TOTALS_ROWS | LH_TOTALS_COLUMNS, cells);

  /* Nine counts of 2 are below the threshold; the check hides more. */
  lh_count_table_suppress (table, 3);
  g_assert_cmpuint (assert_nothing_given_away (table), >, 9);
}

/* Minutes, hidden by the people behind them: a week one person used is
 * hidden however many minutes, a few minutes from many people are not,
 * and the threshold on hidden counts is for counts of people only. */
static void
test_minutes_by_people (void)
{
  const gint64 minutes[] = {
    95, 3, 240,
    2, 180, 60,
  };
  const gint64 people[] = {
    1, 6, 9,
    1, 7, 5,
  };
  g_autoptr(LhCountTable) table = table_of (2, 3, LH_TOTALS_COLUMNS, minutes);

  for (guint r = 0; r < 2; r++)
    for (guint c = 0; c < 3; c++)
      lh_count_table_set_people (table, r, c, people[r * 3 + c]);
  for (guint c = 0; c < 3; c++)
    lh_count_table_set_people (table, 2, c, 12);
  lh_count_table_set_people (table, 2, 3, 20);
  lh_count_table_suppress (table, 5);
  g_assert_true (lh_count_table_is_suppressed (table, 0, 0));
  g_assert_true (lh_count_table_is_suppressed (table, 1, 0));
  /* Two hidden, 97 minutes between them: nothing more to hide. */
  g_assert_false (lh_count_table_is_suppressed (table, 0, 1));
  g_assert_false (lh_count_table_is_suppressed (table, 1, 1));
  g_assert_false (lh_count_table_is_suppressed (table, 2, 0));
  g_assert_cmpuint (assert_nothing_given_away (table), ==, 2);
}

/* A national list added up from two sites: one hid a figure, so its sum
 * is not known, only that it is 12 or more (what the other site
 * published, and 1 at least from the one that hid it). Beside the
 * published total it would be the total less the others: one more is
 * hidden with it. */
static void
test_hidden_before (void)
{
  /* (row, 0) at row * 2; the grand total last. */
  const gint64 truth[] = { 40, 0, 13, 0, 30, 0, 83, 83 };
  const gint64 least[] = { 0, 0, 12, 0, 0, 0, 0, 0 };
  g_autoptr(LhCountTable) table = lh_count_table_new (3, 1, LH_TOTALS_COLUMNS);

  lh_count_table_set (table, 0, 0, 40);
  lh_count_table_hide (table, 1, 0, 12);
  lh_count_table_set (table, 2, 0, 30);
  lh_count_table_set_total (table, 3, 0, 83);
  lh_count_table_set_total (table, 3, 1, 83);
  lh_count_table_suppress (table, 5);
  g_assert_true (lh_count_table_is_suppressed (table, 1, 0));
  g_assert_true (lh_count_table_is_suppressed (table, 2, 0));
  g_assert_false (lh_count_table_is_suppressed (table, 0, 0));
  g_assert_false (lh_count_table_is_suppressed (table, 3, 0));
  g_assert_cmpint (lh_count_table_get (table, 3, 0), ==, 83);
  g_assert_cmpuint (assert_nothing_given_away_knowing (table, truth, least), ==, 2);
}

/* A figure hidden before stays safe even where the threshold hides
 * nothing more (a site's report claiming a threshold of 1). */
static void
test_hidden_before_threshold_one (void)
{
  g_autoptr(LhCountTable) table = lh_count_table_new (3, 1, LH_TOTALS_COLUMNS);

  lh_count_table_set (table, 0, 0, 40);
  lh_count_table_hide (table, 1, 0, 12);
  lh_count_table_set (table, 2, 0, 30);
  lh_count_table_set_total (table, 3, 0, 83);
  lh_count_table_set_total (table, 3, 1, 83);
  lh_count_table_suppress (table, 1);
  g_assert_true (lh_count_table_is_suppressed (table, 1, 0));
  g_assert_true (lh_count_table_is_suppressed (table, 2, 0) || lh_count_table_is_suppressed (table, 3, 0));
}

/* Figures hidden before in a table with totals both ways, among small
 * ones hidden now (the sites' thresholds differ: a 3 one site published
 * is below the national threshold), attacked by a reader who knows the
 * least each hidden-before figure is. */
static void
test_hidden_before_among_small (void)
{
  const gint64 truth[] = {
    9, 3, 20, 32,
    14, 8, 3, 25,
    30, 6, 11, 47,
    53, 17, 34, 104,
  };
  gint64 least[16] = { 0 };
  g_autoptr(LhCountTable) table = lh_count_table_new (3, 3, LH_TOTALS_ROWS | LH_TOTALS_COLUMNS);

  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 3; c++)
      lh_count_table_set (table, r, c, truth[r * 4 + c]);
  /* (0, 0) and (1, 0) were hidden at a site; 5 and 9 were published of
   * them elsewhere. */
  lh_count_table_set (table, 0, 0, 0);
  lh_count_table_set (table, 1, 0, 0);
  lh_count_table_hide (table, 0, 0, 6);
  lh_count_table_hide (table, 1, 0, 10);
  least[0] = 6;
  least[4] = 10;
  for (guint r = 0; r <= 3; r++)
    lh_count_table_set_total (table, r, 3, truth[r * 4 + 3]);
  for (guint c = 0; c < 3; c++)
    lh_count_table_set_total (table, 3, c, truth[12 + c]);
  lh_count_table_suppress (table, 5);
  g_assert_true (lh_count_table_is_suppressed (table, 0, 0));
  g_assert_true (lh_count_table_is_suppressed (table, 1, 0));
  g_assert_true (lh_count_table_is_suppressed (table, 0, 1));
  g_assert_true (lh_count_table_is_suppressed (table, 1, 2));
  g_assert_cmpuint (assert_nothing_given_away_knowing (table, truth, least), >=, 4);
}

/* A threshold of 1 hides nothing. */
static void
test_threshold_one (void)
{
  const gint64 cells[] = { 1, 0, 2 };
  g_autoptr(LhCountTable) table = table_of (3, 1, LH_TOTALS_COLUMNS, cells);

  lh_count_table_suppress (table, 1);
  for (guint r = 0; r <= 3; r++)
    g_assert_false (lh_count_table_is_suppressed (table, r, 0));
}

/* Many small tables of counts like a centre's (many zeros and small
 * ones), each attacked. */
static void
test_random_tables (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);
  guint n_hidden = 0;

  for (guint t = 0; t < 300; t++)
    {
      guint rows = (guint) g_rand_int_range (rand, 1, 5), columns = (guint) g_rand_int_range (rand, 1, 5);
      LhTotals totals = (LhTotals) g_rand_int_range (rand, 1, 4);
      int threshold = g_rand_int_range (rand, 2, 6);
      g_autoptr(LhCountTable) table = lh_count_table_new (rows, columns, totals);

      for (guint r = 0; r < rows; r++)
        for (guint c = 0; c < columns; c++)
          lh_count_table_set (table, r, c, g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_int_range (rand, 1, 9));
      lh_count_table_suppress (table, threshold);
      n_hidden += assert_nothing_given_away (table);
    }
  /* The attack did run on hidden figures. */
  g_assert_cmpuint (n_hidden, >, 300);
}

/* Two sites' small tables, each suppressed at its own threshold, added
 * up as the national report does (a figure either site hid is hidden in
 * the sum, known only to be at least what the other published and 1),
 * suppressed again at the higher threshold, and attacked by a reader who
 * knows those least values. */
static void
test_random_merges (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261214);
  guint n_hidden = 0;

  for (guint t = 0; t < 200; t++)
    {
      guint rows = (guint) g_rand_int_range (rand, 1, 4), columns = (guint) g_rand_int_range (rand, 1, 4);
      LhTotals totals = (LhTotals) g_rand_int_range (rand, 1, 4);
      guint width = columns + 1, size = (rows + 1) * width;
      g_autoptr(LhCountTable) merged = lh_count_table_new (rows, columns, totals);
      g_autofree gint64 *truth = g_new0 (gint64, size);
      g_autofree gint64 *least = g_new0 (gint64, size);
      g_autofree gint64 *shown_sum = g_new0 (gint64, size);
      g_autofree guint *n_hid = g_new0 (guint, size);
      int national_threshold = 0;

      for (guint s = 0; s < 2; s++)
        {
          int threshold = g_rand_int_range (rand, 2, 6);
          g_autoptr(LhCountTable) site = lh_count_table_new (rows, columns, totals);

          national_threshold = MAX (national_threshold, threshold);
          for (guint r = 0; r < rows; r++)
            for (guint c = 0; c < columns; c++)
              lh_count_table_set (site, r, c, g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_int_range (rand, 1, 5));
          lh_count_table_suppress (site, threshold);
          for (guint i = 0; i < size; i++)
            {
              guint r = i / width, c = i % width;

              if (!lh_count_table_is_published (site, r, c))
                continue;
              truth[i] += lh_count_table_get (site, r, c);
              if (lh_count_table_is_suppressed (site, r, c))
                n_hid[i]++;
              else
                shown_sum[i] += lh_count_table_get (site, r, c);
            }
        }
      for (guint r = 0; r < rows; r++)
        for (guint c = 0; c < columns; c++)
          if (n_hid[r * width + c] == 0)
            lh_count_table_set (merged, r, c, shown_sum[r * width + c]);
      for (guint i = 0; i < size; i++)
        {
          guint r = i / width, c = i % width;

          if (!lh_count_table_is_published (merged, r, c))
            continue;
          if (n_hid[i] > 0)
            {
              least[i] = shown_sum[i] + n_hid[i];
              lh_count_table_hide (merged, r, c, least[i]);
            }
          else if (r == rows || c == columns)
            lh_count_table_set_total (merged, r, c, shown_sum[i]);
        }
      lh_count_table_suppress (merged, national_threshold);
      n_hidden += assert_nothing_given_away_knowing (merged, truth, least);
    }
  g_assert_cmpuint (n_hidden, >, 200);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/suppression/small-counts-hidden", test_small_counts_hidden);
  g_test_add_func ("/suppression/list-with-total", test_list_with_total);
  g_test_add_func ("/suppression/hidden-sum-reaches-threshold", test_hidden_sum_reaches_threshold);
  g_test_add_func ("/suppression/totals-hidden", test_totals_hidden);
  g_test_add_func ("/suppression/pinned-through-several-lines", test_pinned_through_several_lines);
  g_test_add_func ("/suppression/minutes-by-people", test_minutes_by_people);
  g_test_add_func ("/suppression/threshold-one", test_threshold_one);
  g_test_add_func ("/suppression/hidden-before", test_hidden_before);
  g_test_add_func ("/suppression/hidden-before-among-small", test_hidden_before_among_small);
  g_test_add_func ("/suppression/hidden-before-threshold-one", test_hidden_before_threshold_one);
  g_test_add_func ("/suppression/random-tables", test_random_tables);
  g_test_add_func ("/suppression/random-merges", test_random_merges);
  return g_test_run ();
}
