/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reporting a fault: a PC with no computer in the inventory, the kiosk's
 * rate limit, who counts as a reporter, the reasons of refusals and the
 * notes the admin reads. The rest of faults is in test-faults.c. */
#include <string.h>

#include "lh-admin-notices.h"
#include "lh-bookings.h"
#include "lh-core-test.h"
#include "lh-devices.h"
#include "lh-equipment.h"
#include "lh-error.h"
#include "lh-faults.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW      1795435200
#define HOUR     3600
#define DAY      (24 * (gint64) HOUR)
#define TOMORROW (NOW - 12 * HOUR + DAY)   /* Tuesday 00:00 */

static const LhEquipmentActor admin = { 0, "learnhubctl" };
static const LhFaultReporter admin_tools = { 0, TRUE };

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       amira;
  gint64       pc1, pc2, pc3;        /* PC 3 has no computer in the inventory */
  gint64       desk, pc1_kiosk, pc3_kiosk;
} Fixture;

static gint64
add_pc (Fixture *f, const char *name, const char *asset_tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Fri 08:00-20:00", &error);
  gint64 id;

  g_assert_true (lh_resources_add (f->ts->store, name, "pc", 1, &id, &error));
  g_assert_true (lh_resources_set_hours (f->ts->store, id, (LhOpeningPeriod *) hours->data, hours->len, &error));
  if (asset_tag != NULL)
    g_assert_true (lh_equipment_save (f->ts->store, f->centre,
                                      &(LhEquipmentFields) { asset_tag, "computer", NULL, NULL, NULL, id },
                                      &admin, NULL, NOW - DAY, NULL, &error));
  g_assert_no_error (error);
  return id;
}

static gint64
add_kiosk (Fixture *f, const char *name, gint64 pc)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  gint64 id = 0;

  token = lh_devices_add (f->ts->store, name, NOW - DAY, &id, &error);
  g_assert_no_error (error);
  if (pc != 0)
    g_assert_true (lh_devices_set_pc (f->ts->store, name, pc, &error));
  g_assert_no_error (error);
  return id;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->amira = lh_test_add_person (f->ts->store, "1", "Amira", LH_ROLE_LEARNER, NOW - DAY);
  f->pc1 = add_pc (f, "PC 1", "LC-0001");
  f->pc2 = add_pc (f, "PC 2", "LC-0002");
  f->pc3 = add_pc (f, "PC 3", NULL);
  f->desk = add_kiosk (f, "Desk", 0);
  f->pc1_kiosk = add_kiosk (f, "PC 1 kiosk", f->pc1);
  f->pc3_kiosk = add_kiosk (f, "PC 3 kiosk", f->pc3);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

static LhFault *
report_at (Fixture *f, const char *asset_tag, gint64 pc, gint64 device, const char *category, const char *note,
           gint64 now, gboolean *joined, GPtrArray **moves)
{
  g_autoptr(GError) error = NULL;
  LhFaultReporter reporter = { device, FALSE };
  LhFault *fault = lh_faults_report (f->ts->store, f->centre, asset_tag, pc, &reporter, category, note, now, joined,
                                     moves, &error);

  g_assert_no_error (error);
  return fault;
}

/* Refused with the code and reason, as a kiosk (device) or, when device
 * is 0, the admin's tools; returns the message. */
static char *
refused (Fixture *f, const char *asset_tag, gint64 pc, gint64 device, const char *category, const char *note,
         gint64 now, int code, const char *reason)
{
  g_autoptr(GError) error = NULL;
  LhFaultReporter reporter = { device, device == 0 };
  g_autoptr(LhFault) fault = lh_faults_report (f->ts->store, f->centre, asset_tag, pc, &reporter, category, note,
                                               now, NULL, NULL, &error);

  g_assert_error (error, LH_ERROR, code);
  g_assert_cmpstr (lh_error_get_reason (error), ==, reason);
  g_assert_null (fault);
  return g_strdup (error->message);
}

static gint64
count (Fixture *f, const char *sql)
{
  return lh_test_query_int (f->ts->store, sql);
}

/* A PC whose computer is not in the inventory (not imported yet, or
 * retired) can still be reported at its kiosk, and is out of booking like
 * any other PC with a fault that stops use, until the repair. */
static void
test_pc_not_in_inventory (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFault) fault = NULL;
  g_autoptr(LhFault) again = NULL;
  g_autoptr(LhFault) retired_pc = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GArray) out = NULL;
  g_autoptr(LhBooking) booking = NULL;
  gboolean joined = TRUE, out_of_order = FALSE;
  gint64 pc = 0;

  booking = lh_bookings_create (f->ts->store, f->centre, f->amira, f->pc3, TOMORROW + 10 * HOUR,
                                TOMORROW + 11 * HOUR, NOW, &error);
  g_assert_no_error (error);
  fault = report_at (f, NULL, 0, f->pc3_kiosk, "screen", "Black", NOW, &joined, &moves);
  g_assert_false (joined);
  g_assert_null (fault->asset_tag);
  g_assert_null (fault->kind);
  g_assert_cmpint (fault->resource_id, ==, f->pc3);
  g_assert_cmpstr (fault->resource_name, ==, "PC 3");
  g_assert_true (fault->stops_use);
  g_assert_cmpuint (moves->len, ==, 1);
  g_assert_cmpint (((LhFaultMove *) moves->pdata[0])->booking_id, ==, booking->id);
  g_assert_true (lh_faults_pc_out_of_order (f->ts->store, f->pc3, &out_of_order, &error));
  g_assert_true (out_of_order);
  out = lh_faults_pcs_out_of_order (f->ts->store, &error);
  g_assert_cmpuint (out->len, ==, 1);
  g_assert_cmpint (g_array_index (out, gint64, 0), ==, f->pc3);
  open = lh_faults_list_open (f->ts->store, NOW, &error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_null (((LhFault *) open->pdata[0])->asset_tag);
  /* The admins' notice names the PC, though no item is in the inventory. */
  notices = lh_admin_notices_list (f->ts->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpint (((LhAdminNotice *) notices->pdata[0])->fault_id, ==, fault->id);
  g_assert_cmpstr (((LhAdminNotice *) notices->pdata[0])->pc_name, ==, "PC 3");

  /* Reported again: the same fault. */
  again = report_at (f, NULL, f->pc3, f->desk, "screen", NULL, NOW, &joined, NULL);
  g_assert_true (joined);
  g_assert_cmpint (again->id, ==, fault->id);
  g_assert_cmpint (again->reports, ==, 2);

  /* Repaired: bookable again. */
  g_assert_true (lh_faults_repaired (f->ts->store, fault->id, "New screen", &admin, NOW + HOUR, &pc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pc, ==, f->pc3);
  g_assert_true (lh_faults_pc_out_of_order (f->ts->store, f->pc3, &out_of_order, &error));
  g_assert_false (out_of_order);
  g_assert_cmpint (count (f, "SELECT count(*) FROM admin_notices WHERE cleared_at IS NULL"), ==, 0);

  /* A retired computer leaves its PC with none. */
  g_assert_true (lh_equipment_set_status (f->ts->store, f->centre, "LC-0001", "retired", "Old", &admin, NOW, &error));
  g_assert_no_error (error);
  retired_pc = report_at (f, NULL, 0, f->pc1_kiosk, "internet", NULL, NOW, NULL, NULL);
  g_assert_null (retired_pc->asset_tag);
  g_assert_cmpint (retired_pc->resource_id, ==, f->pc1);
  g_assert_true (lh_faults_pc_out_of_order (f->ts->store, f->pc1, &out_of_order, &error));
  g_assert_true (out_of_order);
}

/* A repeated report counts its kiosk once and adds no history row; a new
 * kiosk adds a reporter. Only the opening is in the item's history. */
static void
test_join_counts_reporters (Fixture *f, gconstpointer data)
{
  g_autoptr(LhFault) first = report_at (f, NULL, f->pc2, f->desk, "sound", "Hiss", NOW, NULL, NULL);
  g_autoptr(LhFault) tap_again = report_at (f, NULL, f->pc2, f->desk, "sound", NULL, NOW + 1, NULL, NULL);
  g_autoptr(LhFault) other_kiosk = NULL;
  g_autoptr(GPtrArray) history = NULL;

  g_assert_cmpint (tap_again->reports, ==, 1);
  other_kiosk = report_at (f, "LC-0002", 0, add_kiosk (f, "Corridor", 0), "sound", NULL, NOW + 2, NULL, NULL);
  g_assert_cmpint (other_kiosk->reports, ==, 2);
  history = lh_equipment_history (f->ts->store, "LC-0002", NULL);
  g_assert_cmpuint (history->len, ==, 2);  /* added, the fault */
  g_assert_cmpint (count (f, "SELECT count(*) FROM fault_reports"), ==, 3);
}

/* A join that changes nothing moves nothing again. */
static void
test_join_moves_once (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) moves = NULL;
  g_autoptr(GPtrArray) joined_moves = NULL;
  g_autoptr(LhFault) first = report_at (f, NULL, 0, f->pc1_kiosk, "programs", NULL, NOW, NULL, &moves);
  g_autoptr(LhFault) second = NULL;
  g_autofree char *insert = NULL;
  g_autofree char *on_pc1 = NULL;
  gboolean joined = FALSE;

  g_assert_cmpuint (moves->len, ==, 0);
  /* A booking the rules would refuse now, so that a second move would
   * show: made straight in the table. */
  insert = g_strdup_printf ("INSERT INTO bookings (person_id, resource_id, start_at, end_at, created_at) "
                            "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", "
                            "%" G_GINT64_FORMAT ", %d) RETURNING 1", f->amira, f->pc1, TOMORROW + 10 * HOUR,
                            TOMORROW + 11 * HOUR, NOW);
  g_assert_cmpint (count (f, insert), ==, 1);
  second = report_at (f, NULL, 0, f->pc1_kiosk, "programs", NULL, NOW + 1, &joined, &joined_moves);
  g_assert_true (joined);
  g_assert_cmpuint (joined_moves->len, ==, 0);
  on_pc1 = g_strdup_printf ("SELECT count(*) FROM bookings WHERE resource_id = %" G_GINT64_FORMAT
                            " AND status = 'booked'", f->pc1);
  g_assert_cmpint (count (f, on_pc1), ==, 1);
}

/* Every try counts against a kiosk's rate, refused ones too: a kiosk
 * cannot probe asset tags without limit. Another kiosk is not held up,
 * and the minute passes. */
static void
test_attempts_counted (Fixture *f, gconstpointer data)
{
  g_autofree char *locked = NULL;
  g_autofree char *attempts = NULL;
  g_autoptr(LhFault) other = NULL;
  g_autoptr(LhFault) later = NULL;

  for (int i = 0; i < LH_FAULT_REPORTS_PER_MINUTE; i++)
    {
      g_autofree char *tag = g_strdup_printf ("LC-99%02d", i);
      g_autofree char *message = refused (f, tag, 0, f->desk, "other", NULL, NOW + i, LH_ERROR_NOT_FOUND,
                                          "item-unknown");
    }
  locked = refused (f, "LC-0002", 0, f->desk, "other", NULL, NOW + 10, LH_ERROR_LOCKED, "too-many-reports");
  g_assert_cmpint (count (f, "SELECT count(*) FROM faults"), ==, 0);
  other = report_at (f, "LC-0002", 0, add_kiosk (f, "Corridor", 0), "other", NULL, NOW + 10, NULL, NULL);
  later = report_at (f, "LC-0002", 0, f->desk, "other", NULL, NOW + 61, NULL, NULL);
  g_assert_cmpint (later->id, ==, other->id);
  /* The kiosk keeps no more than a minute's tries. */
  attempts = g_strdup_printf ("SELECT count(*) FROM fault_attempts WHERE device_id = %" G_GINT64_FORMAT, f->desk);
  g_assert_cmpint (count (f, attempts), <=, LH_FAULT_REPORTS_PER_MINUTE);
}

/* Kiosks together open at most LH_FAULTS_OPENED_PER_HOUR faults an hour,
 * each with a notice for the admins, so that nobody at the desk can bury
 * a real one. A report joining an open fault and the admin's are taken;
 * an hour on, kiosks may open faults again. */
static void
test_centre_wide_cap (Fixture *f, gconstpointer data)
{
  const char * const tags[] = { "LC-0001", "LC-0002" };
  g_autofree char *message = NULL;
  g_autoptr(LhFault) joined = NULL;
  g_autoptr(LhFault) later = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFault) admins = NULL;
  gboolean was_joined = FALSE;
  gint64 at = NOW;

  for (int i = 0; i < LH_FAULTS_OPENED_PER_HOUR; i++, at += 61)
    {
      g_autoptr(LhFault) fault = report_at (f, tags[i % 2], 0, f->desk, lh_fault_categories[i / 2], NULL, at,
                                            &was_joined, NULL);

      g_assert_false (was_joined);
    }
  message = refused (f, "LC-0002", 0, f->desk, "other", NULL, at, LH_ERROR_LOCKED, "too-many-reports-centre");
  g_assert_cmpint (count (f, "SELECT count(*) FROM faults"), ==, LH_FAULTS_OPENED_PER_HOUR);
  g_assert_cmpint (count (f, "SELECT count(*) FROM admin_notices"), ==, LH_FAULTS_OPENED_PER_HOUR);

  joined = report_at (f, "LC-0001", 0, f->desk, lh_fault_categories[0], "Still", at + 61, &was_joined, NULL);
  g_assert_true (was_joined);
  admins = lh_faults_report (f->ts->store, f->centre, "LC-0002", 0, &admin_tools, "other", NULL, at + 61, NULL,
                             NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (admins);
  later = report_at (f, "LC-0001", 0, f->desk, "other", NULL, NOW + 3600 + 11 * 61, &was_joined, NULL);
  g_assert_false (was_joined);
}

/* To a kiosk, a retired item is no more there than an unknown one; the
 * admin is told which it is. */
static void
test_unknown_and_retired_alike (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *retired = NULL;
  g_autofree char *admin_unknown = NULL;
  g_autofree char *admin_retired = NULL;

  g_assert_true (lh_equipment_set_status (f->ts->store, f->centre, "LC-0002", "retired", "Old", &admin, NOW, &error));
  g_assert_no_error (error);
  unknown = refused (f, "LC-9999", 0, f->desk, "screen", NULL, NOW, LH_ERROR_NOT_FOUND, "item-unknown");
  retired = refused (f, "LC-0002", 0, f->desk, "screen", NULL, NOW, LH_ERROR_NOT_FOUND, "item-unknown");
  g_assert_cmpstr (unknown, ==, retired);
  admin_unknown = refused (f, "LC-9999", 0, 0, "screen", NULL, NOW, LH_ERROR_NOT_FOUND, "item-unknown");
  admin_retired = refused (f, "LC-0002", 0, 0, "screen", NULL, NOW, LH_ERROR_INVALID, "item-retired");
  g_assert_cmpint (count (f, "SELECT count(*) FROM faults"), ==, 0);
}

/* A PC's kiosk naming anything but its own PC gets one answer, whether
 * the asset tag or PC exists or not: it learns nothing of the inventory. */
static void
test_pc_kiosk_learns_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *unknown_tag = NULL;
  g_autofree char *known_tag = NULL;
  g_autofree char *unknown_pc = NULL;
  g_autofree char *known_pc = NULL;
  g_autoptr(LhFault) own = NULL;

  /* A minute apart, within the kiosk's rate limit. */
  unknown_tag = refused (f, "LC-9999", 0, f->pc1_kiosk, "screen", NULL, NOW, LH_ERROR_INVALID, "not-this-pc");
  known_tag = refused (f, "LC-0002", 0, f->pc1_kiosk, "screen", NULL, NOW + 60, LH_ERROR_INVALID, "not-this-pc");
  g_assert_cmpstr (unknown_tag, ==, known_tag);
  unknown_pc = refused (f, NULL, 999, f->pc1_kiosk, "screen", NULL, NOW + 120, LH_ERROR_INVALID, "not-this-pc");
  known_pc = refused (f, NULL, f->pc2, f->pc1_kiosk, "screen", NULL, NOW + 180, LH_ERROR_INVALID, "not-this-pc");
  g_assert_cmpstr (unknown_pc, ==, known_pc);
  /* Its own computer, by asset tag, is its own PC. */
  own = report_at (f, "LC-0001", 0, f->pc1_kiosk, "screen", NULL, NOW + 240, NULL, NULL);
  g_assert_cmpint (own->resource_id, ==, f->pc1);
}

/* Each refusal has its reason, and changes nothing. */
static void
test_refusals_have_reasons (Fixture *f, gconstpointer data)
{
  g_autofree char *long_note = g_strnfill (501, 'x');
  char *messages[8];
  guint n = 0;

  messages[n++] = refused (f, NULL, f->pc1, 0, "smoke", NULL, NOW, LH_ERROR_INVALID, "category-unknown");
  messages[n++] = refused (f, NULL, f->pc1, 0, "screen", long_note, NOW, LH_ERROR_INVALID, "note-invalid");
  messages[n++] = refused (f, NULL, f->pc1, 0, "screen", "bell\a", NOW, LH_ERROR_INVALID, "note-invalid");
  messages[n++] = refused (f, "LC-0001", f->pc1, 0, "screen", NULL, NOW, LH_ERROR_INVALID, "item-named-twice");
  messages[n++] = refused (f, NULL, 0, 0, "screen", NULL, NOW, LH_ERROR_INVALID, "item-not-named");
  messages[n++] = refused (f, NULL, 999, f->desk, "screen", NULL, NOW, LH_ERROR_NOT_FOUND, "item-unknown");
  /* A PC's kiosk names no other item. */
  messages[n++] = refused (f, "LC-0002", 0, f->pc1_kiosk, "screen", NULL, NOW, LH_ERROR_INVALID, "not-this-pc");
  messages[n++] = refused (f, NULL, f->pc2, f->pc3_kiosk, "screen", NULL, NOW, LH_ERROR_INVALID, "not-this-pc");
  for (guint i = 0; i < n; i++)
    g_free (messages[i]);
  g_assert_cmpint (count (f, "SELECT count(*) FROM faults"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM fault_reports"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM equipment_events WHERE what = 'fault'"), ==, 0);
}

/* The admin reads the latest notes, newest first; empty ones are not
 * notes. */
static void
test_recent_notes (Fixture *f, gconstpointer data)
{
  static const char * const notes[] = { "Hiss", "", "Crackle", "Nothing at all", "Left side only" };
  g_autoptr(GPtrArray) latest = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fault_id = 0;

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autoptr(LhFault) fault = lh_faults_report (f->ts->store, f->centre, "LC-0002", 0, &admin_tools, "sound",
                                                   notes[i], NOW + i, NULL, NULL, &error);

      g_assert_no_error (error);
      fault_id = fault->id;
    }
  latest = lh_faults_recent_notes (f->ts->store, fault_id, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (latest->len, ==, 3);
  g_assert_cmpstr (((LhFaultNote *) latest->pdata[0])->text, ==, "Left side only");
  g_assert_cmpint (((LhFaultNote *) latest->pdata[0])->at, ==, NOW + 4);
  g_assert_cmpstr (((LhFaultNote *) latest->pdata[1])->text, ==, "Nothing at all");
  g_assert_cmpstr (((LhFaultNote *) latest->pdata[2])->text, ==, "Crackle");
}

/* A computer linked to a PC takes over the faults reported at the PC
 * while it had none: one open fault per problem, and repairing the
 * computer's puts the PC back in booking. */
static void
test_linked_computer_takes_pc_faults (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFault) pc_screen = report_at (f, NULL, 0, f->pc3_kiosk, "screen", "Black", NOW, NULL, NULL);
  g_autoptr(LhFault) pc_sound = report_at (f, NULL, f->pc3, f->desk, "sound", NULL, NOW, NULL, NULL);
  g_autoptr(LhFault) item_screen = NULL;
  g_autoptr(LhEquipment) computer = NULL;
  gboolean out_of_order = FALSE;
  gint64 item_id;

  /* The computer was on the shelf with the same problem already open. */
  g_assert_true (lh_equipment_save (f->ts->store, f->centre,
                                    &(LhEquipmentFields) { "LC-0003", "computer", NULL, NULL, NULL, 0 },
                                    &admin, NULL, NOW, NULL, &error));
  g_assert_no_error (error);
  item_screen = lh_faults_report (f->ts->store, f->centre, "LC-0003", 0, &admin_tools, "screen", NULL, NOW + 60,
                                  NULL, NULL, &error);
  g_assert_no_error (error);
  item_id = lh_test_query_int (f->ts->store, "SELECT id FROM equipment WHERE asset_tag = 'LC-0003'");

  g_assert_true (lh_equipment_save (f->ts->store, f->centre,
                                    &(LhEquipmentFields) { "LC-0003", "computer", NULL, NULL, NULL, f->pc3 },
                                    &admin, NULL, NOW + HOUR, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM faults WHERE resource_id IS NOT NULL AND repaired_at IS NULL"),
                   ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM faults WHERE repaired_at IS NULL"), ==, 2);
  /* The sound fault carried on on the item; the screen one joined the item's. */
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT equipment_id FROM faults WHERE category = 'sound' "
                                      "AND repaired_at IS NULL"), ==, item_id);
  g_assert_cmpint (count (f, "SELECT reports FROM faults WHERE category = 'screen' AND repaired_at IS NULL"), ==, 2);
  g_assert_cmpint (count (f, "SELECT reported_at FROM faults WHERE category = 'screen' AND repaired_at IS NULL"),
                   ==, NOW);
  g_assert_cmpint (count (f, "SELECT count(*) FROM fault_reports WHERE fault_id = "
                          "(SELECT id FROM faults WHERE category = 'screen' AND repaired_at IS NULL)"), ==, 2);
  /* Its notice for the admins went with it: one per open fault. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM admin_notices WHERE cleared_at IS NULL"), ==, 2);
  computer = lh_equipment_get (f->ts->store, "LC-0003", &error);
  g_assert_cmpstr (computer->status, ==, "faulty");

  g_assert_true (lh_faults_repaired (f->ts->store, item_screen->id, "New screen", &admin, NOW + 2 * HOUR, NULL,
                                     &error));
  g_assert_no_error (error);
  g_assert_true (lh_faults_pc_out_of_order (f->ts->store, f->pc3, &out_of_order, &error));
  g_assert_false (out_of_order);

  /* The PC's own rows, read again: closed at the link, still the PC's,
   * and joined into the item's faults rather than repaired. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LhFault) pc_fault = lh_faults_get (f->ts->store, i == 0 ? pc_screen->id : pc_sound->id,
                                                   NOW + 3 * HOUR, &error);

      g_assert_no_error (error);
      g_assert_cmpint (pc_fault->repaired_at, ==, NOW + HOUR);
      g_assert_cmpint (pc_fault->resource_id, ==, f->pc3);
      g_assert_null (pc_fault->asset_tag);
      g_assert_cmpint (pc_fault->joined_into, !=, 0);
      g_assert_cmpint (pc_fault->joined_into, ==,
                       i == 0 ? item_screen->id
                              : count (f, "SELECT id FROM faults WHERE category = 'sound' "
                                          "AND equipment_id IS NOT NULL"));
    }
  g_assert_cmpint (item_screen->joined_into, ==, 0);
}

/* A kiosk that reported both the PC's fault and the computer's counts
 * once when they join; and the older age the joined fault takes does not
 * tell the admins again that it is overdue. */
static void
test_join_counts_reporter_once (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFault) pc_screen = report_at (f, NULL, f->pc3, f->desk, "screen", NULL, NOW - HOUR, NULL, NULL);
  g_autoptr(LhFault) item_screen = NULL;
  g_autoptr(LhStmt) age = lh_store_prepare (f->ts->store, "UPDATE faults SET reported_at = ?2, "
                                            "overdue_told_at = ?3 WHERE id = ?1", &error);

  /* Reported a month ago, and the admins told it was overdue. */
  g_assert_no_error (error);
  sqlite3_bind_int64 (age, 1, pc_screen->id);
  sqlite3_bind_int64 (age, 2, NOW - 30 * DAY);
  sqlite3_bind_int64 (age, 3, NOW - 20 * DAY);
  g_assert_true (lh_store_exec (f->ts->store, age, &error));
  g_assert_no_error (error);
  g_assert_true (lh_equipment_save (f->ts->store, f->centre,
                                    &(LhEquipmentFields) { "LC-0003", "computer", NULL, NULL, NULL, 0 },
                                    &admin, NULL, NOW, NULL, &error));
  g_assert_no_error (error);
  item_screen = report_at (f, "LC-0003", 0, f->desk, "screen", NULL, NOW + 60, NULL, NULL);
  g_assert_true (lh_equipment_save (f->ts->store, f->centre,
                                    &(LhEquipmentFields) { "LC-0003", "computer", NULL, NULL, NULL, f->pc3 },
                                    &admin, NULL, NOW + HOUR, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM faults WHERE repaired_at IS NULL"), ==, 1);
  g_assert_cmpint (count (f, "SELECT reports FROM faults WHERE repaired_at IS NULL"), ==, 1);
  g_assert_cmpint (count (f, "SELECT reported_at FROM faults WHERE repaired_at IS NULL"), ==, NOW - 30 * DAY);
  g_assert_cmpint (count (f, "SELECT overdue_told_at FROM faults WHERE repaired_at IS NULL"), ==, NOW - 20 * DAY);
  g_assert_cmpint (count (f, "SELECT count(*) FROM fault_reports WHERE fault_id = "
                          "(SELECT id FROM faults WHERE repaired_at IS NULL)"), ==, 2);
}

/* A computer added with its PC (equipment add --pc, a CSV row) takes
 * over the PC's fault as well, and is faulty from the start. */
static void
test_added_computer_takes_pc_faults (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhFault) pc_screen = report_at (f, NULL, 0, f->pc3_kiosk, "screen", NULL, NOW, NULL, NULL);
  g_autoptr(LhEquipment) computer = NULL;
  gboolean out_of_order = FALSE;

  g_assert_true (lh_equipment_save (f->ts->store, f->centre,
                                    &(LhEquipmentFields) { "LC-0003", "computer", NULL, NULL, NULL, f->pc3 },
                                    &admin, NULL, NOW + HOUR, NULL, &error));
  g_assert_no_error (error);
  computer = lh_equipment_get (f->ts->store, "LC-0003", &error);
  g_assert_cmpstr (computer->status, ==, "faulty");
  g_assert_cmpint (count (f, "SELECT count(*) FROM faults WHERE resource_id IS NOT NULL AND repaired_at IS NULL"),
                   ==, 0);
  g_assert_cmpint (lh_test_query_int (f->ts->store, "SELECT equipment_id FROM faults WHERE repaired_at IS NULL"),
                   ==, computer->id);
  g_assert_true (lh_faults_repaired (f->ts->store,
                                     count (f, "SELECT id FROM faults WHERE repaired_at IS NULL"), "New screen",
                                     &admin, NOW + 2 * HOUR, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lh_faults_pc_out_of_order (f->ts->store, f->pc3, &out_of_order, &error));
  g_assert_false (out_of_order);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/fault-reports/pc-not-in-inventory", test_pc_not_in_inventory);
  ADD ("/fault-reports/join-counts-reporters", test_join_counts_reporters);
  ADD ("/fault-reports/join-moves-once", test_join_moves_once);
  ADD ("/fault-reports/attempts-counted", test_attempts_counted);
  ADD ("/fault-reports/centre-wide-cap", test_centre_wide_cap);
  ADD ("/fault-reports/unknown-and-retired-alike", test_unknown_and_retired_alike);
  ADD ("/fault-reports/pc-kiosk-learns-nothing", test_pc_kiosk_learns_nothing);
  ADD ("/fault-reports/refusals-have-reasons", test_refusals_have_reasons);
  ADD ("/fault-reports/recent-notes", test_recent_notes);
  ADD ("/fault-reports/linked-computer-takes-pc-faults", test_linked_computer_takes_pc_faults);
  ADD ("/fault-reports/added-computer-takes-pc-faults", test_added_computer_takes_pc_faults);
  ADD ("/fault-reports/join-counts-reporter-once", test_join_counts_reporter_once);
  return g_test_run ();
}
