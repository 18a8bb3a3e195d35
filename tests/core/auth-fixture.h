/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A store with one kiosk and one learner with a PIN, for the tests of
 * signing in (test-auth.c, test-auth-guard.c). */
#pragma once

#include <string.h>

#include "lh-auth.h"
#include "lh-core-test.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-pin-guard.h"
#include "lh-resources.h"
#include "lh-roster.h"
#include "lh-secret.h"

#define NOW 1795000000

typedef struct
{
  LhTestStore *ts;
  gint64       device_id;
  gint64       person_id;
} Fixture;

static inline void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  LhPerson person = { .staff_number = "100001", .name = "Amira Khan", .hours_per_week = 37.5,
                      .roles = LH_ROLE_LEARNER };

  f->ts = lh_test_store_new ();
  token = lh_devices_add (f->ts->store, "Kiosk 1", NOW, &f->device_id, &error);
  g_assert_no_error (error);
  g_assert_true (lh_people_save (f->ts->store, &person, NOW, &f->person_id, NULL, &error));
  g_assert_true (lh_people_set_pin (f->ts->store, f->person_id, "4821", NOW, &error));
  g_assert_no_error (error);
}

static inline void
teardown (Fixture *f, gconstpointer data)
{
  lh_test_store_free (f->ts);
}

static inline char *
sign_in (Fixture *f, const char *staff, const char *pin, gint64 now, gint64 *locked_until, GError **error)
{
  return lh_auth_sign_in (f->ts->store, f->device_id, staff, pin, 30, now, NULL, locked_until, error);
}

