/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Signing in and out, sessions, PINs and kiosks' tokens. The locks and
 * waits that slow down guessing are in test-auth-guard.c. */
#include "auth-fixture.h"

static void
test_sign_in_and_session (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = sign_in (f, "100001", "4821", NOW, NULL, &error);
  LhSessionInfo session;

  g_assert_no_error (error);
  g_assert_true (lh_auth_check_session (f->ts->store, token, NOW + 60, &session, &error));
  g_assert_cmpint (session.person_id, ==, f->person_id);
  g_assert_cmpint (session.device_id, ==, f->device_id);
  g_assert_cmpuint (session.roles, ==, LH_ROLE_LEARNER);

  /* Short-lived: gone after 30 minutes. */
  g_assert_false (lh_auth_check_session (f->ts->store, token, NOW + 30 * 60, &session, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
}

/* A ULR at a drop-in stays signed in until it ends; never shorter, and
 * not after signing out. */
static void
test_session_kept_until (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = sign_in (f, "100001", "4821", NOW, NULL, &error);
  LhSessionInfo session;

  g_assert_true (lh_auth_check_session (f->ts->store, token, NOW, &session, &error));
  g_assert_true (lh_auth_keep_session_until (f->ts->store, session.session_id, NOW + 2 * 3600, &error));
  g_assert_true (lh_auth_keep_session_until (f->ts->store, session.session_id, NOW + 60, &error));
  g_assert_true (lh_auth_check_session (f->ts->store, token, NOW + 2 * 3600 - 1, &session, &error));
  g_assert_false (lh_auth_check_session (f->ts->store, token, NOW + 2 * 3600, &session, &error));
  g_clear_error (&error);
  g_assert_true (lh_auth_end_session (f->ts->store, session.session_id, NOW + 60, &error));
  g_assert_true (lh_auth_keep_session_until (f->ts->store, session.session_id, NOW + 3 * 3600, &error));
  g_assert_false (lh_auth_check_session (f->ts->store, token, NOW + 120, &session, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
}

static void
test_sign_out_ends_session (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = sign_in (f, "100001", "4821", NOW, NULL, &error);
  LhSessionInfo session;

  g_assert_true (lh_auth_check_session (f->ts->store, token, NOW, &session, &error));
  g_assert_true (lh_auth_end_session (f->ts->store, session.session_id, NOW, &error));
  g_assert_false (lh_auth_check_session (f->ts->store, token, NOW, &session, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
}

/* One person per PC kiosk: after a sign-out that never reached the
 * daemon, the next person's sign-in there ends the first session, so its
 * live notices cannot be shown to them. Another kiosk's session stays. */
static void
test_sign_in_ends_others_at_device (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other_kiosk_token = NULL;
  g_autofree char *left = sign_in (f, "100001", "4821", NOW, NULL, &error);
  g_autofree char *next = NULL;
  g_autofree char *elsewhere = NULL;
  g_autoptr(GArray) devices = NULL;
  LhSessionInfo session;
  LhPerson ben = { .staff_number = "100002", .name = "Ben Ode", .hours_per_week = 37.5, .roles = LH_ROLE_LEARNER };
  gint64 ben_id, other_kiosk, pc;

  g_assert_no_error (error);
  g_assert_true (lh_resources_add (f->ts->store, "PC 1", "pc", 1, &pc, &error));
  g_assert_true (lh_devices_set_pc (f->ts->store, "Kiosk 1", pc, &error));
  other_kiosk_token = lh_devices_add (f->ts->store, "Kiosk 2", NOW, &other_kiosk, &error);
  g_assert_true (lh_people_save (f->ts->store, &ben, NOW, &ben_id, NULL, &error));
  g_assert_true (lh_people_set_pin (f->ts->store, ben_id, "5702", NOW, &error));
  elsewhere = lh_auth_sign_in (f->ts->store, other_kiosk, "100001", "4821", 30, NOW, NULL, NULL, &error);
  g_assert_no_error (error);

  next = sign_in (f, "100002", "5702", NOW + 60, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lh_auth_check_session (f->ts->store, next, NOW + 60, &session, &error));
  g_assert_false (lh_auth_check_session (f->ts->store, left, NOW + 60, &session, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_true (lh_auth_check_session (f->ts->store, elsewhere, NOW + 60, &session, &error));
  devices = lh_auth_live_devices (f->ts->store, f->person_id, NOW + 60, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (devices->len, ==, 1);
  g_assert_cmpint (g_array_index (devices, gint64, 0), ==, other_kiosk);
}

static void
test_wrong_pin_and_unknown_alike (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) wrong = NULL;
  g_autoptr(GError) unknown = NULL;
  g_autofree char *t1 = sign_in (f, "100001", "0000", NOW, NULL, &wrong);
  g_autofree char *t2 = sign_in (f, "999999", "4821", NOW, NULL, &unknown);

  g_assert_null (t1);
  g_assert_null (t2);
  g_assert_error (wrong, LH_ERROR, LH_ERROR_UNAUTHORIZED);
  g_assert_error (unknown, LH_ERROR, LH_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (wrong->message, ==, unknown->message);
}

static void
test_device_tokens (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  g_autofree char *token = lh_devices_add (f->ts->store, "Kiosk 2", NOW, NULL, &error);
  g_autofree char *session_token = NULL;
  LhSessionInfo session;

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (token), >=, 40);
  g_assert_true (lh_devices_authenticate (f->ts->store, token, NOW, &id, &error));
  g_assert_cmpint (id, >, f->device_id);
  g_assert_false (lh_devices_authenticate (f->ts->store, "nonsense", NOW, &id, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* A name is unique. */
  g_free (lh_devices_add (f->ts->store, "Kiosk 2", NOW, NULL, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Revoking a kiosk ends the sessions signed in on it. */
  session_token = lh_auth_sign_in (f->ts->store, id, "100001", "4821", 30, NOW, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lh_devices_revoke (f->ts->store, "Kiosk 2", NOW, &error));
  g_assert_false (lh_devices_authenticate (f->ts->store, token, NOW, &id, &error));
  g_clear_error (&error);
  g_assert_false (lh_auth_check_session (f->ts->store, session_token, NOW, &session, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
}

/* PINs checked at once: once the wrong ones lock the staff number, a right
 * one that was still being checked is refused too. */
static void
test_lock_rechecked_after_pin_check (Fixture *f, gconstpointer data)
{
  g_auto(LhSignInAttempt) right = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  gint64 locked_until = 0;

  g_assert_true (lh_auth_begin_sign_in (f->ts->store, f->device_id, "100001", NOW, &right, NULL, &error));
  for (int i = 0; i < 5; i++)
    {
      g_auto(LhSignInAttempt) wrong = { 0 };

      g_assert_true (lh_auth_begin_sign_in (f->ts->store, f->device_id, "100001", NOW, &wrong, NULL, &error));
      g_free (lh_auth_finish_sign_in (f->ts->store, &wrong, f->device_id, FALSE, 30, NOW, NULL, NULL, NULL));
    }
  token = lh_auth_finish_sign_in (f->ts->store, &right, f->device_id, TRUE, 30, NOW, NULL, &locked_until, &error);
  g_assert_null (token);
  g_assert_error (error, LH_ERROR, LH_ERROR_LOCKED);
  g_assert_cmpint (locked_until, ==, NOW + 15 * 60);
}

/* Someone on the roster without a PIN yet can never sign in, whatever they
 * type, and wrong tries still count against them. */
static void
test_no_pin_never_signs_in (Fixture *f, gconstpointer data)
{
  LhPerson person = { .staff_number = "200002", .name = "New Starter", .hours_per_week = 20,
                      .roles = LH_ROLE_LEARNER };
  g_auto(LhSignInAttempt) attempt = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  g_assert_true (lh_people_save (f->ts->store, &person, NOW, NULL, NULL, &error));
  g_assert_true (lh_auth_begin_sign_in (f->ts->store, f->device_id, "200002", NOW, &attempt, NULL, &error));
  g_assert_false (attempt.has_pin);
  g_assert_cmpint (attempt.person_id, >, 0);
  /* Even a "match" against the dummy hash is refused. */
  token = lh_auth_finish_sign_in (f->ts->store, &attempt, f->device_id, TRUE, 30, NOW, NULL, NULL, &error);
  g_assert_null (token);
  g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
}

/* A PIN reset (learnhubctl pin-set, beside the daemon) while a sign-in
 * with the old PIN is being checked: the old PIN opens nothing, and the
 * reset ended the sessions it had opened. */
static void
test_pin_reset_during_sign_in (Fixture *f, gconstpointer data)
{
  g_auto(LhSignInAttempt) attempt = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = sign_in (f, "100001", "4821", NOW, NULL, &error);
  g_autofree char *token = NULL;
  LhSessionInfo session;

  g_assert_no_error (error);
  g_assert_true (lh_auth_begin_sign_in (f->ts->store, f->device_id, "100001", NOW, &attempt, NULL, &error));
  g_assert_true (lh_people_set_pin (f->ts->store, f->person_id, "7391", NOW + 1, &error));
  g_assert_false (lh_auth_check_session (f->ts->store, before, NOW + 2, &session, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  token = lh_auth_finish_sign_in (f->ts->store, &attempt, f->device_id, lh_pin_verify (attempt.pin_hash, "4821"),
                                  30, NOW + 2, NULL, NULL, &error);
  g_assert_null (token);
  g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
}

/* The kiosk revoked (learnhubctl device revoke) while a sign-in on it
 * was being checked: no session is opened on it. */
static void
test_revoke_during_sign_in (Fixture *f, gconstpointer data)
{
  g_auto(LhSignInAttempt) attempt = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  g_assert_true (lh_auth_begin_sign_in (f->ts->store, f->device_id, "100001", NOW, &attempt, NULL, &error));
  g_assert_true (lh_devices_revoke (f->ts->store, "Kiosk 1", NOW + 1, &error));
  token = lh_auth_finish_sign_in (f->ts->store, &attempt, f->device_id, lh_pin_verify (attempt.pin_hash, "4821"),
                                  30, NOW + 2, NULL, NULL, &error);
  g_assert_null (token);
  g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
}

/* A PIN given in the roster is a reset too: it signs the person out. */
static void
test_roster_pin_signs_out (Fixture *f, gconstpointer data)
{
  static const char csv[] = "staff_number,name,hours_per_week,roles,pin\n100001,Amira Khan,37.5,learner,5731\n";
  g_auto(LhRosterReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = sign_in (f, "100001", "4821", NOW, NULL, &error);
  LhSessionInfo session;

  g_assert_no_error (error);
  g_assert_true (lh_roster_import (f->ts->store, csv, strlen (csv), FALSE, NOW + 1, &report, &error));
  g_assert_no_error (error);
  g_assert_false (lh_auth_check_session (f->ts->store, before, NOW + 2, &session, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
}

/* A PC's kiosk beats; silent for two minutes, the PC shows as offline. */
static void
test_pc_kiosk_heartbeat (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = lh_devices_add (f->ts->store, "PC 1 kiosk", NOW, NULL, &error);
  g_autofree char *other = lh_devices_add (f->ts->store, "Spare kiosk", NOW, NULL, &error);
  gint64 pc, room, device;
  gboolean has_kiosk = TRUE, online = TRUE;

  g_assert_true (lh_resources_add (f->ts->store, "PC 1", "pc", 1, &pc, &error));
  g_assert_true (lh_resources_add (f->ts->store, "Group room", "room", 10, &room, &error));
  g_assert_true (lh_devices_pc_online (f->ts->store, pc, NOW, &has_kiosk, &online, &error));
  g_assert_false (has_kiosk);

  g_assert_true (lh_devices_set_pc (f->ts->store, "PC 1 kiosk", pc, &error));
  g_assert_true (lh_devices_pc_online (f->ts->store, pc, NOW, &has_kiosk, &online, &error));
  g_assert_true (has_kiosk);
  g_assert_false (online);   /* never beat yet */

  g_assert_true (lh_devices_authenticate (f->ts->store, token, NOW, &device, &error));
  g_assert_true (lh_devices_heartbeat (f->ts->store, device, NOW, &error));
  g_assert_true (lh_devices_pc_online (f->ts->store, pc, NOW + 60, &has_kiosk, &online, &error));
  g_assert_true (online);
  g_assert_true (lh_devices_pc_online (f->ts->store, pc, NOW + LH_DEVICE_SILENT_SECONDS + 1, &has_kiosk, &online, &error));
  g_assert_false (online);

  /* One kiosk a PC, and none for a room. */
  g_assert_false (lh_devices_set_pc (f->ts->store, "Spare kiosk", pc, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (lh_devices_set_pc (f->ts->store, "Spare kiosk", room, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
}

static void
test_pin_format (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lh_people_set_pin (f->ts->store, f->person_id, "12", NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lh_people_set_pin (f->ts->store, f->person_id, "12a4", NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
}

static void
exec_sql (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) stmt = lh_store_prepare (f->ts->store, sql, &error);

  g_assert_no_error (error);
  g_assert_true (lh_store_exec (f->ts->store, stmt, &error));
}

/* A drop-in in 2199 does not keep its ULR signed in till then: a session
 * lives LH_AUTH_SESSION_MAX_SECONDS from its sign-in at most. */
static void
test_session_life_capped (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = sign_in (f, "100001", "4821", NOW, NULL, &error);
  gint64 year_2199 = 7289654400;
  LhSessionInfo session;

  g_assert_true (lh_auth_check_session (f->ts->store, token, NOW, &session, &error));
  g_assert_true (lh_auth_keep_session_until (f->ts->store, session.session_id, year_2199, &error));
  g_assert_true (lh_auth_check_session (f->ts->store, token, NOW + 12 * 3600 - 1, &session, &error));
  g_assert_cmpint (session.expires_at, ==, NOW + LH_AUTH_SESSION_MAX_SECONDS);
  g_assert_false (lh_auth_check_session (f->ts->store, token, NOW + 12 * 3600, &session, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* Nor does anything else that moves expires_at on (a sitting at a PC
   * writes it itself). */
  exec_sql (f, "UPDATE sessions SET expires_at = 7289654400");
  g_assert_false (lh_auth_check_session (f->ts->store, token, NOW + 12 * 3600, &session, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* Nor does a long session_minutes. */
  g_clear_pointer (&token, g_free);
  token = lh_auth_sign_in (f->ts->store, f->device_id, "100001", "4821", 100000, NOW, &session, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (session.expires_at, ==, NOW + LH_AUTH_SESSION_MAX_SECONDS);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/lh/auth/sign-in-and-session", test_sign_in_and_session);
  ADD ("/lh/auth/sign-in-ends-others-at-device", test_sign_in_ends_others_at_device);
  ADD ("/lh/auth/sign-out-ends-session", test_sign_out_ends_session);
  ADD ("/lh/auth/session-kept-until", test_session_kept_until);
  ADD ("/lh/auth/wrong-pin-and-unknown-alike", test_wrong_pin_and_unknown_alike);
  ADD ("/lh/auth/device-tokens", test_device_tokens);
  ADD ("/lh/auth/lock-rechecked-after-pin-check", test_lock_rechecked_after_pin_check);
  ADD ("/lh/auth/no-pin-never-signs-in", test_no_pin_never_signs_in);
  ADD ("/lh/auth/pin-reset-during-sign-in", test_pin_reset_during_sign_in);
  ADD ("/lh/auth/roster-pin-signs-out", test_roster_pin_signs_out);
  ADD ("/lh/auth/revoke-during-sign-in", test_revoke_during_sign_in);
  ADD ("/lh/auth/pc-kiosk-heartbeat", test_pc_kiosk_heartbeat);
  ADD ("/lh/auth/pin-format", test_pin_format);
  ADD ("/lh/auth/session-life-capped", test_session_life_capped);
  return g_test_run ();
}
