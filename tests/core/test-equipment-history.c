/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One item by its id, and the newest part of its history: newest first,
 * cut at the limit with a sign of more, read through the item's index. */
#include <string.h>

#include "lh-core-test.h"
#include "lh-equipment.h"
#include "lh-equipment-history-private.h"
#include "lh-error.h"

#define NOW 1795000000

static const LhEquipmentActor admin = { 0, "learnhubctl" };

static gint64
add_desk (LhStore *store, const char *asset_tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhEquipment) item = NULL;

  g_assert_true (lh_equipment_save (store, NULL, &(LhEquipmentFields) { asset_tag, "desk", "Desk", "Room 1", NULL, 0 },
                                    &admin, NULL, NOW, NULL, &error));
  g_assert_no_error (error);
  item = lh_equipment_get (store, asset_tag, &error);
  g_assert_no_error (error);
  return item->id;
}

static void
test_get_by_id (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhEquipment) item = NULL;
  g_autoptr(LhEquipment) missing = NULL;
  gint64 first = add_desk (ts->store, "LC-0001");
  gint64 second = add_desk (ts->store, "LC-0002");

  item = lh_equipment_get_by_id (ts->store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (item->asset_tag, ==, "LC-0002");
  g_assert_cmpint (item->id, ==, second);
  missing = lh_equipment_get_by_id (ts->store, first + second + 1, &error);
  g_assert_null (missing);
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
}

static void
test_newest_first (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) newest = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 id = add_desk (ts->store, "LC-0001");
  gboolean more = FALSE;

  add_desk (ts->store, "LC-0002");
  /* Added, then five changes an hour apart: six rows. */
  for (int i = 1; i <= 5; i++)
    {
      g_assert_true (lh_equipment_set_status (ts->store, NULL, "LC-0001", i % 2 == 1 ? "faulty" : "working", "Wobbles",
                                              &admin, NOW + i * 3600, &error));
      g_assert_no_error (error);
    }

  newest = lh_equipment_history_newest (ts->store, id, 3, &more, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (newest->len, ==, 3);
  g_assert_true (more);
  for (guint i = 0; i < newest->len; i++)
    g_assert_cmpint (((LhEquipmentEvent *) g_ptr_array_index (newest, i))->at, ==, NOW + (5 - (gint64) i) * 3600);
  g_assert_cmpstr (((LhEquipmentEvent *) g_ptr_array_index (newest, 0))->status, ==, "faulty");

  all = lh_equipment_history_newest (ts->store, id, 10, &more, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 6);
  g_assert_false (more);
  /* Only this item's rows; the oldest is its adding. */
  g_assert_cmpstr (((LhEquipmentEvent *) g_ptr_array_index (all, 5))->what, ==, "added");
}

static void
test_status_needs_note (void)
{
  g_assert_false (lh_equipment_status_needs_note ("working"));
  g_assert_true (lh_equipment_status_needs_note ("faulty"));
  g_assert_true (lh_equipment_status_needs_note ("in-repair"));
  g_assert_true (lh_equipment_status_needs_note ("retired"));
}

/* A bounded range of the item's index, in its order: no sort. */
static void
test_query_plan (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(LhStmt) stmt = lh_store_prepare (ts->store, "EXPLAIN QUERY PLAN " LH_EQUIPMENT_HISTORY_NEWEST_SQL, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  g_assert_nonnull (strstr (plan->str, "USING INDEX equipment_events_by_item (equipment_id=?)"));
  g_assert_null (strstr (plan->str, "TEMP B-TREE"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lh/equipment-history/get-by-id", test_get_by_id);
  g_test_add_func ("/lh/equipment-history/newest-first", test_newest_first);
  g_test_add_func ("/lh/equipment-history/status-needs-note", test_status_needs_note);
  g_test_add_func ("/lh/equipment-history/query-plan", test_query_plan);
  return g_test_run ();
}
