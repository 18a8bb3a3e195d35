/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the time-off API tests share: their two daemons, their people and
 * small helpers. api-time-off-tests.c registers them all. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "lh-api-client.h"
#include "lh-test-daemon.h"

/* The tests' own people, apart from the demo's, in both daemons: all
 * learners with PIN TO_PIN. TO2 works an hour a week, so that their paid
 * learning time (pro-rated) is 84 minutes. */
#define TO_PIN "3579"

typedef struct
{
  SoupSession  *session;    /* (unowned) */
  /* The demo's terms (data/demo/terms.conf): paid requests wait for an
   * admin. */
  LhTestDaemon *waiting;    /* (owned) */
  /* Terms from today that approve at once and pay for group study and
   * skills assessments, not for time at a PC. */
  LhTestDaemon *automatic;  /* (owned) */
} TimeOffWorld;

extern TimeOffWorld tow;

LhApiReply *to_call        (LhTestDaemon *daemon,
                            const char   *method,
                            const char   *path,
                            const char   *token,
                            const char   *body);
/* Signs one of the tests' people in on the demo's desk kiosk. */
char       *to_sign_in     (LhTestDaemon *daemon,
                            const char   *staff_number,
                            gint64       *out_id);
/* A booking body for a free hour on a PC in the coming week that clashes
 * with none of the person's bookings; paid_member (nullable) is added as
 * is, e.g. "\"paid\":true". */
char       *to_pc_hour     (LhTestDaemon *daemon,
                            const char   *token,
                            const char   *paid_member);
/* GET /api/v1/me/time-off, asserted 200. */
LhApiReply *to_balance     (LhTestDaemon *daemon,
                            const char   *token);
/* An int member of a category of that balance. */
gint64      to_minutes     (LhApiReply   *balance,
                            const char   *category,
                            const char   *member);
/* The "time_off" object of a reply, asserted there. */
JsonObject *to_time_off_of (LhApiReply   *reply);
/* The element of list with that id, or NULL. */
JsonObject *to_find        (JsonArray    *list,
                            gint64        id);
JsonArray  *to_array_of    (LhApiReply   *reply,
                            const char   *member);

/* api-time-off-decisions.c */
void test_time_off_approve_and_reject (void);
void test_time_off_group_place_waits (void);
void test_time_off_approver_sees_day_and_length (void);
void test_time_off_public_lists_hide_taken (void);
