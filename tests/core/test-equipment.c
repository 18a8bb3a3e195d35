/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "lh-core-test.h"
#include "lh-equipment.h"
#include "lh-equipment-compliance.h"
#include "lh-equipment-private.h"
#include "lh-error.h"
#include "lh-resources.h"
#include "lh-terms.h"
#include "lh-time.h"

#define NOW 1795000000
#define DAY (24 * (gint64) 3600)

static const LhEquipmentActor admin = { 0, "learnhubctl" };

static gint64
add_resource (LhStore *store, const char *name, const char *kind)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (lh_resources_add (store, name, kind, 1, &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
save (LhStore *store, const LhEquipmentFields *fields, gint64 at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lh_equipment_save (store, NULL, fields, &admin, NULL, at, NULL, &error));
  g_assert_no_error (error);
}

static int
count (LhStore *store, const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
test_add_and_list (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(LhEquipment) item = NULL;
  gint64 pc = add_resource (ts->store, "PC 1", "pc");
  gboolean created = FALSE;

  g_assert_true (lh_equipment_save (ts->store, NULL,
                                    &(LhEquipmentFields) { "LC-0001", "computer", "Dell OptiPlex", "Room 1", NULL, pc },
                                    &admin, NULL, NOW, &created, &error));
  g_assert_no_error (error);
  g_assert_true (created);
  save (ts->store, &(LhEquipmentFields) { "LC-0100", "desk", NULL, "Room 1", NULL, 0 }, NOW);
  save (ts->store, &(LhEquipmentFields) { "LC-0050", "accessibility", "Large-key keyboard", "Room 1", NULL, 0 }, NOW);

  items = lh_equipment_list (ts->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  /* By kind, then asset tag. */
  g_assert_cmpstr (((LhEquipment *) items->pdata[0])->asset_tag, ==, "LC-0050");
  g_assert_cmpstr (((LhEquipment *) items->pdata[1])->asset_tag, ==, "LC-0001");
  g_assert_cmpstr (((LhEquipment *) items->pdata[2])->asset_tag, ==, "LC-0100");

  item = lh_equipment_get (ts->store, "LC-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (item->kind, ==, "computer");
  g_assert_cmpstr (item->status, ==, "working");
  g_assert_cmpstr (item->resource_name, ==, "PC 1");
  g_assert_cmpint (item->created_at, ==, NOW);

  history = lh_equipment_history (ts->store, "LC-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((LhEquipmentEvent *) history->pdata[0])->what, ==, "added");
  g_assert_cmpstr (((LhEquipmentEvent *) history->pdata[0])->actor_name, ==, "learnhubctl");

  g_assert_null (lh_equipment_get (ts->store, "LC-9999", &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
}

/* Bad fields are refused before anything is written. */
static void
test_bad_fields (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  gint64 room = add_resource (ts->store, "Room 1", "room");
  gint64 pc = add_resource (ts->store, "PC 1", "pc");
  g_autofree char *long_tag = g_strnfill (LH_ASSET_TAG_MAX_CHARS + 1, 'A');
  const LhEquipmentFields bad[] = {
    { "", "desk", NULL, NULL, NULL, 0 },
    { long_tag, "desk", NULL, NULL, NULL, 0 },
    { "LC\n1", "desk", NULL, NULL, NULL, 0 },
    { "LC-1", "sofa", NULL, NULL, NULL, 0 },
    { "LC-1", NULL, NULL, NULL, NULL, 0 },
    { "LC-1", "desk", NULL, NULL, "broken", 0 },
    { "LC-1", "desk", NULL, "Room\t1", NULL, 0 },
    { "LC-1", "desk", NULL, NULL, NULL, pc },          /* a desk is not a PC */
    { "LC-1", "computer", NULL, NULL, NULL, room },    /* a room is not a PC */
    { "LC-1", "computer", NULL, NULL, NULL, 999 },     /* no such resource */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (lh_equipment_save (ts->store, NULL, &bad[i], &admin, NULL, NOW, NULL, &error));
      g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
    }
  g_assert_cmpint (count (ts->store, "equipment"), ==, 0);
  g_assert_cmpint (count (ts->store, "equipment_events"), ==, 0);
}

/* A status change is history: who, when and why; the kind never
 * changes; a PC is one working computer at a time. */
static void
test_status_and_history (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(LhEquipment) item = NULL;
  const LhEquipmentActor person = { lh_test_add_person (ts->store, "100001", "Sam Admin", LH_ROLE_ADMIN, NOW),
                                    "Sam Admin (100001)" };
  gint64 pc = add_resource (ts->store, "PC 1", "pc");
  const LhEquipmentEvent *event;

  save (ts->store, &(LhEquipmentFields) { "LC-0001", "computer", NULL, "Room 1", NULL, pc }, NOW);

  /* Out of working needs a reason; the same status again is a conflict. */
  g_assert_false (lh_equipment_set_status (ts->store, NULL, "LC-0001", "faulty", "  ", &person, NOW + 60, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (lh_equipment_set_status (ts->store, NULL,
                                          "LC-0001", "faulty", "No picture", &person, NOW + 60, &error));
  g_assert_no_error (error);
  g_assert_false (lh_equipment_set_status (ts->store, NULL, "LC-0001", "faulty", "Still", &person, NOW + 90, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (lh_equipment_set_status (ts->store, NULL, "LC-0404", "working", NULL, &person, NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (lh_equipment_set_status (ts->store, NULL, "LC-0001", "working", NULL, &person, NOW + 120, &error));
  g_assert_no_error (error);

  /* Moved: an edit, and the status kept. */
  save (ts->store, &(LhEquipmentFields) { "LC-0001", "computer", NULL, "Room 2", NULL, pc }, NOW + 180);
  history = lh_equipment_history (ts->store, "LC-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 4);
  event = history->pdata[1];
  g_assert_cmpstr (event->what, ==, "status");
  g_assert_cmpstr (event->status, ==, "faulty");
  g_assert_cmpstr (event->note, ==, "No picture");
  g_assert_cmpstr (event->actor_name, ==, "Sam Admin (100001)");
  g_assert_cmpint (event->at, ==, NOW + 60);
  g_assert_cmpstr (((LhEquipmentEvent *) history->pdata[2])->status, ==, "working");
  g_assert_cmpstr (((LhEquipmentEvent *) history->pdata[3])->what, ==, "edited");
  g_assert_cmpstr (((LhEquipmentEvent *) history->pdata[3])->status, ==, "working");

  /* A desk does not become a chair. */
  g_assert_false (lh_equipment_save (ts->store, NULL,
                                     &(LhEquipmentFields) { "LC-0001", "monitor", NULL, NULL, NULL, 0 },
                                     &admin, NULL, NOW, NULL, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);

  /* PC 1 is LC-0001 while it is not retired. */
  g_assert_false (lh_equipment_save (ts->store, NULL,
                                     &(LhEquipmentFields) { "LC-0002", "computer", NULL, NULL, NULL, pc },
                                     &admin, NULL, NOW, NULL, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_cmpstr (lh_error_get_reason (error), ==, "pc-has-computer");
  g_clear_error (&error);
  g_assert_cmpint (count (ts->store, "equipment"), ==, 1);
  g_assert_true (lh_equipment_set_status (ts->store, NULL,
                                          "LC-0001", "retired", "Replaced", &person, NOW + 240, &error));
  g_assert_no_error (error);
  save (ts->store, &(LhEquipmentFields) { "LC-0002", "computer", NULL, NULL, NULL, pc }, NOW + 300);
  item = lh_equipment_get (ts->store, "LC-0002", &error);
  g_assert_no_error (error);
  g_assert_cmpint (item->resource_id, ==, pc);
}

static gboolean
import (LhStore *store, const char *csv, gboolean skip, LhCsvReport *report, GError **error)
{
  return lh_equipment_import (store, NULL, csv, strlen (csv), skip, &admin, NOW, report, error);
}

static void
test_import (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(LhCsvReport) report = { 0 };
  g_auto(LhCsvReport) again = { 0 };
  g_auto(LhCsvReport) unlinked = { 0 };
  g_autoptr(LhEquipment) item = NULL;
  const char *csv =
    "Asset_Tag,kind,location,description,status,pc\n"
    "LC-0001,computer,Room 1,Dell OptiPlex 7010,,PC 1\n"
    "LC-0002,computer,Room 1,,faulty,PC 2\n"
    "LC-0100,desk,Room 1,,,\n"
    "LC-0200,lockable-cabinet,\"Room 1, by the door\",,,\n";

  add_resource (ts->store, "PC 1", "pc");
  add_resource (ts->store, "PC 2", "pc");
  g_assert_true (import (ts->store, csv, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.added, ==, 4);
  g_assert_cmpuint (report.updated, ==, 0);
  item = lh_equipment_get (ts->store, "LC-0200", &error);
  g_assert_cmpstr (item->location, ==, "Room 1, by the door");
  g_clear_pointer (&item, lh_equipment_free);
  item = lh_equipment_get (ts->store, "LC-0002", &error);
  g_assert_cmpstr (item->status, ==, "faulty");
  g_assert_cmpstr (item->resource_name, ==, "PC 2");
  g_clear_pointer (&item, lh_equipment_free);

  /* The next month's export, with fewer columns: what a row does not
   * give (status, description, PC) stays as it was. */
  g_assert_true (import (ts->store, "asset_tag,kind,location,description\nLC-0002,computer,Room 2,\n"
                         "LC-0001,computer,Room 2,\n", FALSE, &again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again.updated, ==, 2);
  item = lh_equipment_get (ts->store, "LC-0002", &error);
  g_assert_cmpstr (item->status, ==, "faulty");
  g_assert_cmpstr (item->location, ==, "Room 2");
  g_assert_cmpstr (item->resource_name, ==, "PC 2");
  g_clear_pointer (&item, lh_equipment_free);
  item = lh_equipment_get (ts->store, "LC-0001", &error);
  g_assert_cmpstr (item->description, ==, "Dell OptiPlex 7010");
  g_assert_cmpstr (item->resource_name, ==, "PC 1");
  g_clear_pointer (&item, lh_equipment_free);

  /* Only a pc cell "-" says a computer is no longer a PC. */
  g_assert_true (import (ts->store, "asset_tag,kind,pc\nLC-0001,computer,-\n", FALSE, &unlinked, &error));
  g_assert_no_error (error);
  item = lh_equipment_get (ts->store, "LC-0001", &error);
  g_assert_null (item->resource_name);
  g_assert_cmpint (item->resource_id, ==, 0);
  g_assert_cmpstr (item->description, ==, "Dell OptiPlex 7010");
}

/* Every bad row is named by its line, and nothing of the file is kept;
 * with skip_bad_rows, the good rows only. */
static void
test_import_bad_rows (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(LhCsvReport) report = { 0 };
  g_auto(LhCsvReport) skipped = { 0 };
  const char *csv =
    "asset_tag,kind,pc\n"
    "LC-0001,computer,PC 1\n"      /* good */
    "LC-0002,sofa,\n"              /* line 3: no such kind */
    "LC-0003,computer,PC 9\n"      /* line 4: no such PC */
    "LC-0001,desk,\n"              /* line 5: twice */
    "LC-0004,desk\n"               /* line 6: a field short */
    "LC-0005,computer,PC 1\n"      /* line 7: PC 1 is LC-0001 */
    "LC-0006,chair,\n"             /* line 8: an item with another kind */
    "LC-0007,desk,\n";             /* good */

  add_resource (ts->store, "PC 1", "pc");
  save (ts->store, &(LhEquipmentFields) { "LC-0006", "desk", NULL, NULL, NULL, 0 }, NOW);

  g_assert_false (import (ts->store, csv, FALSE, &report, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (report.row_errors->len, ==, 6);
  for (guint i = 0; i < report.row_errors->len; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("line %u: ", i + 3);

      g_assert_true (g_str_has_prefix (report.row_errors->pdata[i], prefix));
    }
  g_assert_cmpint (count (ts->store, "equipment"), ==, 1);
  g_assert_cmpint (count (ts->store, "equipment_events"), ==, 1);

  g_assert_true (import (ts->store, csv, TRUE, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (skipped.added, ==, 2);
  g_assert_cmpuint (skipped.skipped, ==, 6);
  g_assert_cmpint (count (ts->store, "equipment"), ==, 3);
  /* Each saved item has its one "added", and nothing of a refused row. */
  g_assert_cmpint (count (ts->store, "equipment_events"), ==, 3);
}

static void
add_terms (LhStore *store, const LhCentre *centre, gint64 from, int computers, int chairs)
{
  g_auto(LhTerms) terms = { 0 };
  g_autoptr(GError) error = NULL;

  lh_terms_init_defaults (&terms);
  terms.valid_from = from;
  terms.equipment_minimum[lh_equipment_kind_index ("computer")] = computers;
  terms.equipment_minimum[lh_equipment_kind_index ("chair")] = chairs;
  g_assert_true (lh_terms_add_version (store, centre, &terms, "test", NOW, &error));
  g_assert_no_error (error);
}

static void
set_status (LhStore *store, const char *tag, const char *status, gint64 at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lh_equipment_set_status (store, NULL, tag, status, "test", &admin, at, &error));
  g_assert_no_error (error);
}

/* Working items against the minimum in force at each moment: a computer
 * out for two days, a chair replaced at once (no dip), and a review of
 * the agreement that asks for more computers than the centre has. */
static void
test_compliance (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(LhCentre) centre = lh_centre_new_default ();
  g_autoptr(GError) error = NULL;
  gint64 today = lh_time_local_midnight (NOW, centre->tz);
  LhEquipmentCompliance out[LH_EQUIPMENT_N_KINDS];
  int computer = lh_equipment_kind_index ("computer");
  int chair = lh_equipment_kind_index ("chair");

  add_terms (ts->store, centre, today - 30 * DAY, 2, 1);
  add_terms (ts->store, centre, today + 5 * DAY, 3, 1);
  save (ts->store, &(LhEquipmentFields) { "C-1", "computer", NULL, NULL, NULL, 0 }, today - 10 * DAY);
  save (ts->store, &(LhEquipmentFields) { "C-2", "computer", NULL, NULL, NULL, 0 }, today - 10 * DAY);
  save (ts->store, &(LhEquipmentFields) { "CH-1", "chair", NULL, NULL, NULL, 0 }, today - 10 * DAY);
  set_status (ts->store, "C-1", "faulty", today + 1 * DAY);
  set_status (ts->store, "C-1", "in-repair", today + 2 * DAY);
  set_status (ts->store, "C-1", "working", today + 3 * DAY);
  set_status (ts->store, "CH-1", "retired", today + 2 * DAY);
  save (ts->store, &(LhEquipmentFields) { "CH-2", "chair", NULL, NULL, NULL, 0 }, today + 2 * DAY);
  /* After the period: not in it. */
  save (ts->store, &(LhEquipmentFields) { "C-3", "computer", NULL, NULL, NULL, 0 }, today + 8 * DAY);

  g_assert_true (lh_equipment_compliance (ts->store, today, today + 7 * DAY, out, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out[computer].kind, ==, "computer");
  g_assert_cmpint (out[computer].minimum, ==, 3);
  g_assert_cmpint (out[computer].working_at_end, ==, 2);
  g_assert_cmpint (out[computer].working_lowest, ==, 1);
  /* Days 1 to 3 with one of two, days 5 to 7 with two of three. */
  g_assert_cmpint (out[computer].seconds_below, ==, 4 * DAY);
  g_assert_cmpint (out[chair].working_lowest, ==, 1);
  g_assert_cmpint (out[chair].working_at_end, ==, 1);
  g_assert_cmpint (out[chair].seconds_below, ==, 0);
  g_assert_cmpint (out[lh_equipment_kind_index ("desk")].minimum, ==, 0);

  /* Before anything was there, everything agreed was missing. */
  g_assert_true (lh_equipment_compliance (ts->store, today - 20 * DAY, today - 10 * DAY, out, &error));
  g_assert_cmpint (out[computer].working_at_end, ==, 0);
  g_assert_cmpint (out[computer].seconds_below, ==, 10 * DAY);

  g_assert_false (lh_equipment_compliance (ts->store, today, today, out, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
}

/* Compliance is a read: a five-year period must not wait for, nor hold
 * up, learnhubctl writing beside the daemon. Another connection holds
 * the write lock throughout. */
static void
test_compliance_beside_a_writer (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(LhCentre) centre = lh_centre_new_default ();
  g_autoptr(GError) error = NULL;
  gint64 today = lh_time_local_midnight (NOW, centre->tz);
  LhEquipmentCompliance out[LH_EQUIPMENT_N_KINDS];
  sqlite3 *writer = NULL;

  save (ts->store, &(LhEquipmentFields) { "C-1", "computer", NULL, NULL, NULL, 0 }, today - 10 * DAY);
  g_assert_cmpint (sqlite3_open (ts->path, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_true (lh_equipment_compliance (ts->store, today - 20 * DAY, today, out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out[lh_equipment_kind_index ("computer")].working_at_end, ==, 1);
  g_assert_false (lh_store_in_transaction (ts->store));

  g_assert_cmpint (sqlite3_exec (writer, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);
}

/* The status at the period's start is one lookup per item, the changes
 * an index range by time: never the whole history. */
static void
test_compliance_query_plans (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  /* The production statements themselves (lh-equipment-private.h). */
  const char *queries[][2] = {
    { "EXPLAIN QUERY PLAN " LH_COMPLIANCE_START_SQL,
      "USING INDEX equipment_events_by_item (equipment_id=? AND at<?)" },
    { "EXPLAIN QUERY PLAN " LH_COMPLIANCE_CHANGES_SQL, "USING INDEX equipment_events_by_time (at>? AND at<?)" },
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(LhStmt) stmt = lh_store_prepare (ts->store, queries[q][0], NULL);
      g_autoptr(GString) plan = g_string_new (NULL);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
      g_assert_nonnull (strstr (plan->str, queries[q][1]));
    }
}

/* The steps of reading a page of 5 items in use after the 2nd item. */
static guint64
steps_for_page (LhStore *store, gint64 after_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;

  lh_store_take_vm_steps (store);
  page = lh_equipment_list_page (store, FALSE, after_id, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 6);
  return lh_store_take_vm_steps (store);
}

/* A page goes on from the item it is given, reads the items in use only
 * (the years' retired chairs cost it nothing), and an id that is no item
 * is refused. */
static void
test_list_page (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) with_retired = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(LhStmt) retired = NULL;
  guint64 few, many;

  for (int i = 0; i < 10; i++)
    {
      g_autofree char *tag = g_strdup_printf ("LC-%04d", 100 + i);

      save (ts->store, &(LhEquipmentFields) { tag, "chair", NULL, NULL, NULL, 0 }, NOW);
    }
  first = lh_equipment_list_page (ts->store, FALSE, 0, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 3);
  g_assert_cmpstr (((LhEquipment *) first->pdata[1])->asset_tag, ==, "LC-0101");
  few = steps_for_page (ts->store, ((LhEquipment *) first->pdata[1])->id);

  /* Years of chairs retired, their tags among those in use. */
  retired = lh_store_prepare (ts->store,
                              "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                              "INSERT INTO equipment (asset_tag, kind, status, created_at) "
                              "SELECT printf ('LC-0102-%04d', i), 'chair', 'retired', 1 FROM n", &error);
  g_assert_no_error (error);
  g_assert_true (lh_store_exec (ts->store, retired, &error));
  many = steps_for_page (ts->store, ((LhEquipment *) first->pdata[1])->id);
  g_assert_cmpuint (many, <=, few + few / 10 + 20);
  with_retired = lh_equipment_list_page (ts->store, TRUE, ((LhEquipment *) first->pdata[1])->id, 2, &error);
  g_assert_cmpstr (((LhEquipment *) with_retired->pdata[0])->asset_tag, ==, "LC-0102");
  g_assert_cmpstr (((LhEquipment *) with_retired->pdata[1])->asset_tag, ==, "LC-0102-0001");

  none = lh_equipment_list_page (ts->store, FALSE, 999999, 2, &error);
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_assert_null (none);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lh/equipment/add-and-list", test_add_and_list);
  g_test_add_func ("/lh/equipment/bad-fields", test_bad_fields);
  g_test_add_func ("/lh/equipment/status-and-history", test_status_and_history);
  g_test_add_func ("/lh/equipment/import", test_import);
  g_test_add_func ("/lh/equipment/import-bad-rows", test_import_bad_rows);
  g_test_add_func ("/lh/equipment/compliance", test_compliance);
  g_test_add_func ("/lh/equipment/compliance-beside-a-writer", test_compliance_beside_a_writer);
  g_test_add_func ("/lh/equipment/compliance-query-plans", test_compliance_query_plans);
  g_test_add_func ("/lh/equipment/list-page", test_list_page);

  return g_test_run ();
}
