/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the advice API tests share: the people they sign in as, the ids
 * one test leaves for the next, and small helpers. The tests run in order
 * and build on each other: api-advice-tests.c registers them all. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "lh-api-client.h"
#include "lh-test-daemon.h"

typedef struct
{
  char   *token;  /* (owned) a session on the demo's desk kiosk */
  gint64  id;
  char   *name;   /* (owned) */
} Person;

typedef struct
{
  LhTestDaemon *daemon;   /* (unowned) */
  SoupSession  *session;  /* (unowned) */
  Person        ulr1, ulr2, learner_a, learner_b, learner_c, learner_d, committee, admin;
  gint64        dropin_id;
  gint64        a_request;       /* her queued request, finished by ulr1 */
  gint64        plan_step;
  gint64        served_by_ulr1;  /* the learner ulr1 finished in the race */
  /* Every text about learner A that must reach only her and ulr1. */
  const char * const *secrets;
} AdviceWorld;

extern AdviceWorld adv;

LhApiReply *adv_call        (const char *method, const char *path, const char *token, const char *body);
guint       adv_status_of   (const char *method, const char *path, const char *token, const char *body);
void        adv_sign_in     (const char *roles, guint n, Person *person);
void        adv_sign_in_as_staff (const char *staff_number, Person *person);
void        adv_person_clear (Person *person);
char       *adv_iso         (gint64 unix_seconds);
char       *adv_date_of     (gint64 unix_seconds);
gint64      adv_now_seconds (void);
char       *adv_queue_body  (const char *topic, const char *note, gint64 dropin);
JsonObject *adv_object_of   (LhApiReply *reply);
/* The queue of dropin in GET /api/v1/queue, or NULL. */
JsonObject *adv_find_queue  (LhApiReply *reply, gint64 dropin);
gboolean    adv_list_has_id (JsonArray *list, gint64 id);

/* api-advice-record-tests.c */
void test_record_written_by_a_ulr (void);
void test_share_and_stop (void);
void test_slots_and_appointments (void);
void test_bad_requests_change_nothing (void);
void test_facility_time (void);
void test_no_route_leaks_the_record (void);
void test_deletion (void);
