/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl equipment on a centre with bookings (made with the core
 * library, then closed): a status set by hand takes the PC out of booking
 * as a fault does, and editing an item keeps what was not mentioned. */
#include <glib/gstdio.h>
#include <string.h>

#include "ctl-run.h"
#include "lh-bookings.h"
#include "lh-centre.h"
#include "lh-equipment.h"
#include "lh-people.h"
#include "lh-resources.h"
#include "lh-store.h"
#include "lh-time.h"

static const LhEquipmentActor admin = { 0, "test" };

typedef struct
{
  char   *db;       /* (owned) */
  gint64  pc1, pc2;
  gint64  booking;  /* Ann's, on PC 1 tomorrow (a report moves no later one) */
} Centre;

static gint64
add_pc (LhStore *store, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Sun 08:00-20:00", &error);
  gint64 id;

  g_assert_true (lh_resources_add (store, name, "pc", 1, &id, &error));
  g_assert_true (lh_resources_set_hours (store, id, (LhOpeningPeriod *) hours->data, hours->len, &error));
  g_assert_no_error (error);
  return id;
}

static void
centre_init (Centre *c)
{
  g_autoptr(LhCentre) centre = lh_centre_new_default ();
  g_autoptr(LhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = NULL;
  LhPerson ann = { .staff_number = (char *) "200001", .name = (char *) "Ann Lee", .hours_per_week = 37.5,
                   .roles = LH_ROLE_LEARNER };
  gint64 now = lh_time_now ();
  gint64 day = lh_time_add_days (lh_time_local_midnight (now, centre->tz), 1, centre->tz);
  gint64 start = lh_time_at_local_minute (day, 10 * 60, centre->tz);
  gint64 ann_id;

  c->db = temp_path ("equipment.db");
  store = lh_store_open (c->db, &error);
  g_assert_no_error (error);
  c->pc1 = add_pc (store, "PC 1");
  c->pc2 = add_pc (store, "PC 2");
  g_assert_true (lh_people_save (store, &ann, now, &ann_id, NULL, &error));
  g_assert_true (lh_equipment_save (store, centre,
                                    &(LhEquipmentFields) { "LC-0001", "computer", "Dell OptiPlex", "Room 1", NULL,
                                                           c->pc1 },
                                    &admin, NULL, now, NULL, &error));
  booking = lh_bookings_create (store, centre, ann_id, c->pc1, start, start + 3600, now, &error);
  g_assert_no_error (error);
  c->booking = booking->id;
}

static void
centre_clear (Centre *c)
{
  g_autofree char *dir = g_path_get_dirname (c->db);
  const char *suffixes[] = { "", "-wal", "-shm", ".lock", ".key" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (c->db, suffixes[i], NULL);
      g_remove (file);
    }
  g_rmdir (dir);
  g_free (c->db);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Centre, centre_clear)

/* The PC Ann's booking is on now, and whether she has a notice waiting. */
static void
read_booking (const Centre *c, gint64 *out_pc, gboolean *out_told)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStore) store = lh_store_open (c->db, &error);
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_assert_no_error (error);
  stmt = lh_store_prepare (store, "SELECT b.resource_id, (SELECT count(*) FROM fault_notices n "
                           "WHERE n.booking_id = b.id AND n.seen_at IS NULL) FROM bookings b "
                           "WHERE b.id = ?1 AND b.status = 'booked'", &error);
  sqlite3_bind_int64 (stmt, 1, c->booking);
  g_assert_true (lh_store_step (store, stmt, &has_row, &error));
  g_assert_true (has_row);
  *out_pc = sqlite3_column_int64 (stmt, 0);
  *out_told = sqlite3_column_int (stmt, 1) == 1;
}

static void
test_status_moves_bookings (void)
{
  g_auto(Centre) c = { 0 };
  g_auto(Run) faulty = { 0 };
  gint64 pc = 0;
  gboolean told = FALSE;

  centre_init (&c);
  ctl (&faulty, c.db, "equipment", "status", "LC-0001", "faulty", "--reason", "No picture", NULL);
  g_assert_cmpint (faulty.status, ==, 0);
  g_assert_nonnull (strstr (faulty.out, "1 booking(s) moved to another PC, 0 cancelled"));
  read_booking (&c, &pc, &told);
  g_assert_cmpint (pc, ==, c.pc2);
  g_assert_true (told);
}

static void
test_add_keeps_what_it_does_not_say (void)
{
  g_auto(Centre) c = { 0 };
  g_auto(Run) edited = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) unlinked = { 0 };
  g_auto(Run) list_after = { 0 };

  centre_init (&c);
  ctl (&edited, c.db, "equipment", "add", "LC-0001", "--kind", "computer", "--location", "Room 2", NULL);
  g_assert_cmpint (edited.status, ==, 0);
  ctl (&list, c.db, "equipment", "list", NULL);
  g_assert_nonnull (strstr (list.out, "Room 2"));
  g_assert_nonnull (strstr (list.out, "PC 1"));
  g_assert_nonnull (strstr (list.out, "Dell OptiPlex"));

  ctl (&unlinked, c.db, "equipment", "add", "LC-0001", "--kind", "computer", "--pc", "none", NULL);
  g_assert_cmpint (unlinked.status, ==, 0);
  ctl (&list_after, c.db, "equipment", "list", NULL);
  g_assert_null (strstr (list_after.out, "PC 1"));
  g_assert_nonnull (strstr (list_after.out, "Dell OptiPlex"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ctl/equipment/status-moves-bookings", test_status_moves_bookings);
  g_test_add_func ("/ctl/equipment/add-keeps-what-it-does-not-say", test_add_keeps_what_it_does_not_say);
  return g_test_run ();
}
