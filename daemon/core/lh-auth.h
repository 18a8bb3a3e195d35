/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Signing in with staff number + PIN on a registered kiosk, the lockout
 * after wrong PINs, and session tokens. */
#pragma once

#include "lh-secret.h"
#include "lh-store.h"

G_BEGIN_DECLS

#define LH_AUTH_MAX_FAILED_PINS 5
#define LH_AUTH_LOCK_SECONDS    (15 * 60)
/* The longest a session lives from its sign-in, whatever keeps it alive (a
 * drop-in, a sitting at a PC): twelve hours covers a ULR who signs in at 9
 * for a day's drop-ins and runs the evening one to 21:00, yet a session
 * left open, or a token taken, dies the same day. */
#define LH_AUTH_SESSION_MAX_SECONDS (12 * 60 * 60)

typedef struct
{
  gint64  session_id;
  gint64  person_id;
  gint64  device_id;
  guint   roles;
  gint64  expires_at;
} LhSessionInfo;

/* Who is trying to sign in, from lh_auth_begin_sign_in(). */
typedef struct
{
  gint64    person_id;  /* 0: no such staff number */
  gboolean  has_pin;    /* FALSE: no PIN set yet, so it can never succeed */
  char     *pin_hash;   /* (owned) to verify against: a dummy if no PIN */
  guint8    number_hash[LH_TOKEN_HASH_SIZE];  /* of the staff number typed */
} LhSignInAttempt;

void lh_sign_in_attempt_clear (LhSignInAttempt *attempt);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LhSignInAttempt, lh_sign_in_attempt_clear)

/* Sign-in is split in three so that the daemon can verify the PIN (slow by
 * design) on a worker thread while the main loop keeps serving:
 * begin() looks the person up, the caller verifies the PIN against
 * attempt->pin_hash, finish() records the outcome. An unknown staff number,
 * or a person with no PIN yet, gets the dummy hash, so it takes as long and
 * fails the same, and wrong PINs lock it as they lock a real one. Both may
 * fail with LH_ERROR_LOCKED, setting *out_locked_until; finish() checks the
 * lock again, since other attempts may have locked the staff number while
 * this PIN was being checked. begin() fails with LH_ERROR_SLOWED (setting
 * *out_locked_until too) while the device must wait after wrong PINs (see
 * lh-pin-guard.h); finish() counts a wrong PIN against the device. */
gboolean lh_auth_begin_sign_in  (LhStore         *store,
                                 gint64           device_id,
                                 const char      *staff_number,
                                 gint64           now,
                                 LhSignInAttempt *attempt,
                                 gint64          *out_locked_until,
                                 GError         **error);

/* On success returns the new session token (and fills *out_session). */
char    *lh_auth_finish_sign_in (LhStore               *store,
                                 const LhSignInAttempt *attempt,
                                 gint64                 device_id,
                                 gboolean               pin_ok,
                                 int                    session_minutes,
                                 gint64                 now,
                                 LhSessionInfo         *out_session,
                                 gint64                *out_locked_until,
                                 GError               **error);

/* All three steps at once, for the CLI and tests. */
char    *lh_auth_sign_in        (LhStore       *store,
                                 gint64         device_id,
                                 const char    *staff_number,
                                 const char    *pin,
                                 int            session_minutes,
                                 gint64         now,
                                 LhSessionInfo *out_session,
                                 gint64        *out_locked_until,
                                 GError       **error);

/* A live session for token, or LH_ERROR_UNAUTHORIZED. */
gboolean lh_auth_check_session  (LhStore       *store,
                                 const char    *token,
                                 gint64         now,
                                 LhSessionInfo *out_session,
                                 GError       **error);

/* Keeps the session alive until `until` at least: a ULR at a drop-in is
 * signed in for as long as it runs, as someone sitting at a PC is; but
 * never past LH_AUTH_SESSION_MAX_SECONDS from its sign-in. */
gboolean lh_auth_keep_session_until (LhStore   *store,
                                     gint64     session_id,
                                     gint64     until,
                                     GError   **error);

gboolean lh_auth_end_session    (LhStore       *store,
                                 gint64         session_id,
                                 gint64         now,
                                 GError       **error);

/* The devices where the person is signed in now (element-type gint64). */
GArray  *lh_auth_live_devices   (LhStore       *store,
                                 gint64         person_id,
                                 gint64         now,
                                 GError       **error);

G_END_DECLS
