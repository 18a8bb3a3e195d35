/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What slows down guessing PINs: a staff number locked after five wrong
 * PINs (a number nobody has alike), a kiosk that guesses across numbers
 * waiting longer each time, and the centre's ceiling on them all. */
#include "auth-fixture.h"

static void
test_five_wrong_pins_lock_for_15_minutes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  gint64 locked_until = 0;

  for (int i = 0; i < 4; i++)
    {
      g_autofree char *t = sign_in (f, "100001", "1111", NOW + i, &locked_until, &error);
      g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
      g_clear_error (&error);
    }
  g_free (sign_in (f, "100001", "1111", NOW + 4, &locked_until, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_LOCKED);
  g_assert_cmpint (locked_until, ==, NOW + 4 + 15 * 60);
  g_clear_error (&error);

  /* Even the right PIN is refused while locked. */
  g_free (sign_in (f, "100001", "4821", NOW + 60, &locked_until, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_LOCKED);
  g_clear_error (&error);

  token = sign_in (f, "100001", "4821", NOW + 4 + 15 * 60, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
}

static void
test_success_resets_count (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  for (int round = 0; round < 3; round++)
    {
      /* A kiosk a round, as the kiosk's own count is not reset. */
      g_autofree char *name = g_strdup_printf ("Round %d", round);
      gint64 device;

      g_free (lh_devices_add (f->ts->store, name, NOW, &device, &error));
      for (int i = 0; i < 4; i++)
        {
          g_free (lh_auth_sign_in (f->ts->store, device, "100001", "1111", 30, NOW, NULL, NULL, &error));
          g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
          g_clear_error (&error);
        }
      g_free (lh_auth_sign_in (f->ts->store, device, "100001", "4821", 30, NOW, NULL, NULL, &error));
      g_assert_no_error (error);
    }
}

/* Wrong PINs lock a staff number nobody has as they lock a real one, with
 * the same answers: else the lock tells which numbers are real. */
static void
test_unknown_number_locks_alike (Fixture *f, gconstpointer data)
{
  const char *numbers[] = { "100001", "999999" };
  gint64 until[2] = { 0, 0 };
  char *messages[2] = { NULL, NULL };

  for (guint n = 0; n < 2; n++)
    {
      g_autoptr(GError) error = NULL;
      gint64 device;

      /* A kiosk each, so that the kiosk's own count plays no part. */
      g_free (lh_devices_add (f->ts->store, n == 0 ? "Known" : "Unknown", NOW, &device, &error));
      for (int i = 0; i < 4; i++)
        {
          g_free (lh_auth_sign_in (f->ts->store, device, numbers[n], "1111", 30, NOW + i, NULL, NULL, &error));
          g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
          g_clear_error (&error);
        }
      g_free (lh_auth_sign_in (f->ts->store, device, numbers[n], "1111", 30, NOW + 4, NULL, &until[n], &error));
      g_assert_error (error, LH_ERROR, LH_ERROR_LOCKED);
      messages[n] = g_strdup (error->message);
      g_clear_error (&error);
      /* Still locked, whatever the PIN. */
      g_free (lh_auth_sign_in (f->ts->store, device, numbers[n], "4821", 30, NOW + 60, NULL, NULL, &error));
      g_assert_error (error, LH_ERROR, LH_ERROR_LOCKED);
    }
  g_assert_cmpint (until[0], ==, until[1]);
  g_assert_cmpstr (messages[0], ==, messages[1]);
  g_free (messages[0]);
  g_free (messages[1]);
}

/* Wrong PINs at f's kiosk, each to a different unknown number so that no
 * staff number locks. */
static void
wrong_pins_at (Fixture *f, gint64 device, int count, gint64 now, int *serial)
{
  for (int i = 0; i < count; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *number = g_strdup_printf ("9%05d", (*serial)++);

      g_free (lh_auth_sign_in (f->ts->store, device, number, "1111", 30, now, NULL, NULL, &error));
      g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
    }
}

static void
assert_slowed_until (Fixture *f, gint64 device, gint64 now, gint64 expected)
{
  g_autoptr(GError) error = NULL;
  gint64 until = 0;

  /* Even the right PIN waits: the kiosk, not the person, is held. */
  g_free (lh_auth_sign_in (f->ts->store, device, "100001", "4821", 30, now, NULL, &until, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_SLOWED);
  g_assert_cmpint (until, ==, expected);
}

/* One kiosk guessing across many staff numbers waits, longer each time;
 * the other kiosks and the people at them go on. */
static void
test_device_backs_off (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  gint64 other;
  int serial = 0;

  g_free (lh_devices_add (f->ts->store, "Kiosk 2", NOW, &other, &error));
  wrong_pins_at (f, f->device_id, LH_PIN_GUARD_DEVICE_FREE + 1, NOW, &serial);
  assert_slowed_until (f, f->device_id, NOW + 1, NOW + 30);

  token = lh_auth_sign_in (f->ts->store, other, "100001", "4821", 30, NOW + 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);

  /* A success there or here does not wipe the count. */
  g_clear_pointer (&token, g_free);
  token = lh_auth_sign_in (f->ts->store, f->device_id, "100001", "4821", 30, NOW + 30, NULL, NULL, &error);
  g_assert_no_error (error);
  wrong_pins_at (f, f->device_id, 1, NOW + 31, &serial);
  assert_slowed_until (f, f->device_id, NOW + 32, NOW + 31 + 60);
  wrong_pins_at (f, f->device_id, 1, NOW + 91, &serial);
  assert_slowed_until (f, f->device_id, NOW + 92, NOW + 91 + 120);

  /* Forgiven slowly: a wrong PIN every half hour is a person, not a
   * guesser. */
  wrong_pins_at (f, f->device_id, 1, NOW + 211 + 4 * LH_PIN_GUARD_DEVICE_FORGIVE_SECONDS, &serial);
  g_clear_pointer (&token, g_free);
  token = lh_auth_sign_in (f->ts->store, f->device_id, "100001", "4821", 30,
                           NOW + 212 + 4 * LH_PIN_GUARD_DEVICE_FORGIVE_SECONDS, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* The wait doubles up to an hour, never more. */
static void
test_device_wait_capped (Fixture *f, gconstpointer data)
{
  gint64 now = NOW;
  int serial = 0;

  wrong_pins_at (f, f->device_id, LH_PIN_GUARD_DEVICE_FREE, now, &serial);
  for (gint64 wait = 30; wait <= 4 * 3600; wait *= 2)
    {
      wrong_pins_at (f, f->device_id, 1, now, &serial);
      assert_slowed_until (f, f->device_id, now, now + MIN (wait, LH_PIN_GUARD_LONGEST_WAIT_SECONDS));
      now += MIN (wait, LH_PIN_GUARD_LONGEST_WAIT_SECONDS);
    }
}

/* Guessing spread over many kiosks: past the centre's ceiling a kiosk waits
 * after its first wrong PIN, but one where nobody gets it wrong does not. */
static void
test_centre_ceiling (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  gint64 kiosks[5], quiet;
  int serial = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kiosks); k++)
    {
      g_autofree char *name = g_strdup_printf ("Guessing kiosk %u", k);

      g_free (lh_devices_add (f->ts->store, name, NOW, &kiosks[k], &error));
    }
  g_free (lh_devices_add (f->ts->store, "Quiet kiosk", NOW, &quiet, &error));
  g_assert_no_error (error);

  /* 5 × 6 = 30: each kiosk within its own allowance, the centre at its
   * ceiling. */
  for (guint k = 0; k < G_N_ELEMENTS (kiosks); k++)
    wrong_pins_at (f, kiosks[k], 6, NOW, &serial);
  wrong_pins_at (f, f->device_id, 1, NOW, &serial);
  assert_slowed_until (f, f->device_id, NOW + 1, NOW + 30);

  token = lh_auth_sign_in (f->ts->store, quiet, "100001", "4821", 30, NOW + 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/lh/auth/five-wrong-pins-lock-for-15-minutes", test_five_wrong_pins_lock_for_15_minutes);
  ADD ("/lh/auth/success-resets-count", test_success_resets_count);
  ADD ("/lh/auth/unknown-number-locks-alike", test_unknown_number_locks_alike);
  ADD ("/lh/auth/device-backs-off", test_device_backs_off);
  ADD ("/lh/auth/device-wait-capped", test_device_wait_capped);
  ADD ("/lh/auth/centre-ceiling", test_centre_ceiling);
  return g_test_run ();
}
