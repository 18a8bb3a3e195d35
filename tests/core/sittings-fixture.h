/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PCs with kiosks, and sittings at them written straight into the store
 * with the booking and sign-in behind each, for the tests of figures
 * worked out from sittings (usage per PC, the committee's report). */
#pragma once

#include "lh-core-test.h"
#include "lh-devices.h"
#include "lh-resources.h"
#include "lh-rules.h"

static inline void
sittings_exec (LhStore *store, const char *sql, const gint64 *values, guint n_values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n_values; i++)
    sqlite3_bind_int64 (stmt, (int) i + 1, values[i]);
  lh_store_exec (store, stmt, &error);
  g_assert_no_error (error);
}

/* A PC open Monday to Friday, 9:00 to 17:00, with its own kiosk. */
static inline gint64
sittings_add_pc (LhStore *store, const char *name, gint64 now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Fri 09:00-17:00", &error);
  g_autofree char *kiosk = g_strdup_printf ("Kiosk of %s", name);
  g_autofree char *token = NULL;
  gint64 id = 0, device = 0;

  g_assert_true (lh_resources_add (store, name, "pc", 1, &id, &error));
  g_assert_true (lh_resources_set_hours (store, id, (LhOpeningPeriod *) hours->data, hours->len, &error));
  token = lh_devices_add (store, kiosk, now, &device, &error);
  g_assert_true (lh_devices_set_pc (store, kiosk, id, &error));
  g_assert_no_error (error);
  return id;
}

/* A sitting of person at the PC from start to end (0: still going on),
 * with the booking (a walk-up or not) and sign-in behind it. */
static inline void
sittings_add (LhStore *store, gint64 person, gint64 pc, gint64 start, gint64 end, gboolean walk_up)
{
  static gint64 serial;
  gint64 booking[] = { pc, person, start, end != 0 ? end : start + 3600, walk_up ? 1 : 0 };
  gint64 session[] = { person, pc, start, booking[3], ++serial };
  gint64 usage[] = { 0, 0, start, end };

  sittings_exec (store, "INSERT INTO bookings (resource_id, person_id, start_at, end_at, created_at, status, "
                        "checked_in_at, walk_up) VALUES (?1, ?2, ?3, ?4, ?3 - 86400, 'booked', ?3, ?5)",
                 booking, G_N_ELEMENTS (booking));
  usage[0] = lh_store_last_insert_id (store);
  sittings_exec (store, "INSERT INTO sessions (token_hash, person_id, device_id, created_at, expires_at) "
                        "VALUES (printf ('%020d', ?5), ?1, (SELECT id FROM devices WHERE resource_id = ?2), ?3, ?4)",
                 session, G_N_ELEMENTS (session));
  usage[1] = lh_store_last_insert_id (store);
  sittings_exec (store, "INSERT INTO usage_sessions (person_id, resource_id, booking_id, device_id, session_id, "
                        "started_at, ended_at, end_reason) SELECT b.person_id, b.resource_id, b.id, s.device_id, "
                        "s.id, ?3, nullif (?4, 0), CASE WHEN ?4 = 0 THEN NULL ELSE 'sign-out' END "
                        "FROM bookings b, sessions s WHERE b.id = ?1 AND s.id = ?2",
                 usage, G_N_ELEMENTS (usage));
}
