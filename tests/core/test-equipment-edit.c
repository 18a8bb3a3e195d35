/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The admin's own edits at the kiosk: a new item never takes over an
 * asset tag; an item's details change by its id, never a retired one's;
 * every refusal has its reason and changes nothing; and a computer
 * linked to or unlinked from a PC follows the one rule of "out of
 * order", moving bookings as a status change does. */
#include <string.h>

#include "lh-bookings.h"
#include "lh-core-test.h"
#include "lh-equipment.h"
#include "lh-error.h"
#include "lh-faults.h"
#include "lh-resources.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW      1795435200
#define HOUR     3600
#define DAY      (24 * (gint64) HOUR)
#define TOMORROW (NOW - 12 * HOUR + DAY)   /* Tuesday 00:00 */

static const LhEquipmentActor admin = { 0, "Ann Admin" };

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       amira;
  gint64       pc1, pc2, pc3;
} Fixture;

static gint64
add_pc (Fixture *f, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Fri 08:00-20:00", &error);
  gint64 id;

  g_assert_true (lh_resources_add (f->ts->store, name, "pc", 1, &id, &error));
  g_assert_true (lh_resources_set_hours (f->ts->store, id, (LhOpeningPeriod *) hours->data, hours->len, &error));
  g_assert_no_error (error);
  return id;
}

static void
add (Fixture *f, const LhEquipmentFields *fields)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhEquipment) item = lh_equipment_add (f->ts->store, f->centre, fields, &admin, NULL, NOW - DAY, NULL,
                                                  &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->amira = lh_test_add_person (f->ts->store, "1", "Amira", LH_ROLE_LEARNER, NOW - DAY);
  f->pc1 = add_pc (f, "PC 1");
  f->pc2 = add_pc (f, "PC 2");
  f->pc3 = add_pc (f, "PC 3");
  add (f, &(LhEquipmentFields) { "LC-0001", "computer", "Desktop", "PC room", NULL, f->pc1 });
  add (f, &(LhEquipmentFields) { "LC-0100", "desk", "Desk", "PC room", NULL, 0 });
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

static gint64
item_id (Fixture *f, const char *asset_tag)
{
  g_autoptr(LhEquipment) item = lh_equipment_get (f->ts->store, asset_tag, NULL);

  g_assert_nonnull (item);
  return item->id;
}

/* The whole inventory and its history, to show a refusal changed
 * nothing. */
static char *
inventory_state (Fixture *f)
{
  return g_strdup_printf ("%d %d %d",
                          lh_test_query_int (f->ts->store, "SELECT count(*) FROM equipment"),
                          lh_test_query_int (f->ts->store, "SELECT count(*) FROM equipment_events"),
                          lh_test_query_int (f->ts->store,
                                             "SELECT total(length(description) + length(location) + "
                                             "coalesce(resource_id, 0)) FROM equipment"));
}

static gint64
book (Fixture *f, gint64 pc, gint64 start, gint64 end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = lh_bookings_create (f->ts->store, f->centre, f->amira, pc, start, end, NOW - HOUR,
                                                     &error);

  g_assert_no_error (error);
  return booking->id;
}

static gint64
booking_pc (Fixture *f, gint64 booking)
{
  g_autofree char *sql = g_strdup_printf ("SELECT CASE status WHEN 'booked' THEN resource_id ELSE 0 END "
                                          "FROM bookings WHERE id = %" G_GINT64_FORMAT, booking);

  return lh_test_query_int (f->ts->store, sql);
}

static gboolean
out_of_order (Fixture *f, gint64 pc)
{
  g_autoptr(GError) error = NULL;
  gboolean out = FALSE;

  g_assert_true (lh_faults_pc_out_of_order (f->ts->store, pc, &out, &error));
  g_assert_no_error (error);
  return out;
}

/* A new item is added with who added it; an asset tag already there is
 * refused, not updated as an import would. */
static void
test_add (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhEquipment) item = NULL;
  g_autoptr(LhEquipment) taken = NULL;
  g_autoptr(LhEquipment) desk = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  item = lh_equipment_add (f->ts->store, f->centre,
                           &(LhEquipmentFields) { "LC-0301", "monitor", "24-inch", "Room 2", NULL, 0 }, &admin,
                           "Bought in December", NOW, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (item->status, ==, "working");
  g_assert_cmpstr (item->location, ==, "Room 2");
  history = lh_equipment_history (f->ts->store, "LC-0301", &error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpstr (((LhEquipmentEvent *) history->pdata[0])->what, ==, "added");
  g_assert_cmpstr (((LhEquipmentEvent *) history->pdata[0])->actor_name, ==, "Ann Admin");
  g_assert_cmpstr (((LhEquipmentEvent *) history->pdata[0])->note, ==, "Bought in December");

  before = inventory_state (f);
  taken = lh_equipment_add (f->ts->store, f->centre,
                            &(LhEquipmentFields) { "LC-0100", "desk", "", "", NULL, 0 }, &admin, NULL, NOW, NULL,
                            &error);
  g_assert_null (taken);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_cmpstr (lh_error_get_reason (error), ==, "asset-tag-taken");
  after = inventory_state (f);
  g_assert_cmpstr (after, ==, before);
  /* The desk kept its description and location. */
  desk = lh_equipment_get (f->ts->store, "LC-0100", NULL);
  g_assert_cmpstr (desk->description, ==, "Desk");
  g_assert_cmpstr (desk->location, ==, "PC room");
}

/* Each refusal says why, and changes nothing. */
static void
test_add_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *long_text = g_strnfill (201, 'x');
  g_autofree char *long_tag = g_strnfill (41, 'x');
  g_autofree char *before = inventory_state (f);
  g_autofree char *after = NULL;
  const struct { LhEquipmentFields fields; const char *reason; guint max_chars; } cases[] = {
    { { "", "desk", NULL, NULL, NULL, 0 }, "asset-tag-invalid", 0 },
    { { "   ", "desk", NULL, NULL, NULL, 0 }, "asset-tag-invalid", 0 },
    /* A text the text check refuses carries its limit too. */
    { { "LC\t1", "desk", NULL, NULL, NULL, 0 }, "asset-tag-invalid", 40 },
    /* Typed on a touch keyboard, these would be second items of LC-0100. */
    { { "LC-0100 ", "desk", NULL, NULL, NULL, 0 }, "asset-tag-invalid", 0 },
    { { " LC-0100", "desk", NULL, NULL, NULL, 0 }, "asset-tag-invalid", 0 },
    { { "LC-0100\u00a0", "desk", NULL, NULL, NULL, 0 }, "asset-tag-invalid", 0 },
    { { "lc-0100", "desk", NULL, NULL, NULL, 0 }, "asset-tag-taken", 0 },
    { { long_tag, "desk", NULL, NULL, NULL, 0 }, "text-too-long", 40 },
    { { "LC-0400", "sofa", NULL, NULL, NULL, 0 }, "kind-unknown", 0 },
    { { "LC-0400", "desk", long_text, NULL, NULL, 0 }, "text-too-long", 200 },
    { { "LC-0400", "desk", NULL, long_text, NULL, 0 }, "text-too-long", 100 },
    { { "LC-0400", "desk", "two\nlines", NULL, NULL, 0 }, "text-invalid", 200 },
    { { "LC-0400", "desk", NULL, NULL, NULL, f->pc2 }, "pc-not-computer", 0 },
    { { "LC-0400", "computer", NULL, NULL, NULL, 99999 }, "pc-unknown", 0 },
    { { "LC-0400", "computer", NULL, NULL, NULL, f->pc1 }, "pc-has-computer", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LhEquipment) item = lh_equipment_add (f->ts->store, f->centre, &cases[i].fields, &admin, NULL, NOW,
                                                      NULL, &error);

      g_assert_null (item);
      g_assert_nonnull (error);
      g_assert_cmpstr (lh_error_get_reason (error), ==, cases[i].reason);
      g_assert_cmpuint (lh_error_get_max_chars (error, NULL), ==, cases[i].max_chars);
    }
  after = inventory_state (f);
  g_assert_cmpstr (after, ==, before);
}

/* The import (learnhubctl, CSV) keeps the same rule: a tag differing
 * only in case from an item's is not a new item, and not that one. */
static void
test_import_tag_case (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = inventory_state (f);
  g_autofree char *after = NULL;

  g_assert_false (lh_equipment_save (f->ts->store, f->centre,
                                     &(LhEquipmentFields) { "Lc-0100", "desk", "Desk", "PC room", NULL, 0 }, &admin,
                                     NULL, NOW, NULL, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_cmpstr (lh_error_get_reason (error), ==, "asset-tag-taken");
  after = inventory_state (f);
  g_assert_cmpstr (after, ==, before);
}

/* An edit changes what it names, writes who and why; a retired item or
 * an unknown one is refused. */
static void
test_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhEquipment) item = NULL;
  g_autoptr(LhEquipment) retired = NULL;
  g_autoptr(LhEquipment) unknown = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const LhEquipmentEvent *newest;

  item = lh_equipment_edit (f->ts->store, f->centre, item_id (f, "LC-0100"),
                            &(LhEquipmentEdit) { NULL, "Quiet room", 0 }, &admin, "Moved for the course", NOW, NULL,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpstr (item->location, ==, "Quiet room");
  g_assert_cmpstr (item->description, ==, "Desk");
  history = lh_equipment_history (f->ts->store, "LC-0100", &error);
  newest = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (newest->what, ==, "edited");
  g_assert_cmpstr (newest->note, ==, "Moved for the course");
  g_assert_cmpstr (newest->actor_name, ==, "Ann Admin");

  g_assert_true (lh_equipment_set_status (f->ts->store, f->centre, "LC-0100", "retired", "Broken leg", &admin, NOW,
                                          &error));
  before = inventory_state (f);
  retired = lh_equipment_edit (f->ts->store, f->centre, item_id (f, "LC-0100"),
                               &(LhEquipmentEdit) { NULL, "Store room", 0 }, &admin, NULL, NOW, NULL, &error);
  g_assert_null (retired);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_cmpstr (lh_error_get_reason (error), ==, "item-retired");
  g_clear_error (&error);
  unknown = lh_equipment_edit (f->ts->store, f->centre, 99999, &(LhEquipmentEdit) { NULL, "Store room", 0 }, &admin,
                               NULL, NOW, NULL, &error);
  g_assert_null (unknown);
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_assert_cmpstr (lh_error_get_reason (error), ==, "item-not-found");
  after = inventory_state (f);
  g_assert_cmpstr (after, ==, before);
}

/* A faulty computer linked to a PC takes it out of booking and moves its
 * bookings, as setting its status would; unlinked, the PC is bookable
 * again. A working computer moved to another PC leaves the first. */
static void
test_link_follows_the_rule (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhEquipment) linked = NULL;
  g_autoptr(LhEquipment) unlinked = NULL;
  g_autoptr(LhEquipment) taken = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  gint64 booking = book (f, f->pc3, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR);
  gint64 spare;

  add (f, &(LhEquipmentFields) { "LC-0009", "computer", "Spare", "Store", NULL, 0 });
  spare = item_id (f, "LC-0009");
  g_assert_true (lh_equipment_set_status (f->ts->store, f->centre, "LC-0009", "faulty", "No display", &admin, NOW,
                                          &error));
  g_assert_false (out_of_order (f, f->pc3));

  linked = lh_equipment_edit (f->ts->store, f->centre, spare, &(LhEquipmentEdit) { NULL, NULL, f->pc3 }, &admin,
                              NULL, NOW, &moves, &error);
  g_assert_no_error (error);
  g_assert_cmpint (linked->resource_id, ==, f->pc3);
  g_assert_true (out_of_order (f, f->pc3));
  g_assert_cmpuint (moves->len, ==, 1);
  g_assert_cmpint (booking_pc (f, booking), !=, f->pc3);
  g_assert_cmpint (booking_pc (f, booking), !=, 0);

  /* Two computers for one PC: refused, and nothing changes. */
  taken = lh_equipment_edit (f->ts->store, f->centre, item_id (f, "LC-0001"),
                             &(LhEquipmentEdit) { NULL, NULL, f->pc3 }, &admin, NULL, NOW, NULL, &error);
  g_assert_null (taken);
  g_assert_cmpstr (lh_error_get_reason (error), ==, "pc-has-computer");
  g_clear_error (&error);
  g_assert_false (out_of_order (f, f->pc1));

  unlinked = lh_equipment_edit (f->ts->store, f->centre, spare,
                                &(LhEquipmentEdit) { NULL, NULL, LH_EQUIPMENT_NO_PC }, &admin, NULL, NOW, NULL,
                                &error);
  g_assert_no_error (error);
  g_assert_cmpint (unlinked->resource_id, ==, 0);
  g_assert_false (out_of_order (f, f->pc3));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/equipment-edit/add", Fixture, NULL, setup, test_add, teardown);
  g_test_add ("/equipment-edit/add-refusals", Fixture, NULL, setup, test_add_refusals, teardown);
  g_test_add ("/equipment-edit/import-tag-case", Fixture, NULL, setup, test_import_tag_case, teardown);
  g_test_add ("/equipment-edit/edit", Fixture, NULL, setup, test_edit, teardown);
  g_test_add ("/equipment-edit/link-follows-the-rule", Fixture, NULL, setup, test_link_follows_the_rule, teardown);
  return g_test_run ();
}
