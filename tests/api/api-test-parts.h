/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of test-api kept in files of their own: sitting at a PC (on the
 * PCs of lh_api_setup_always_open_pcs()), skills assessments, advice, paid
 * time off, and the API document checked against what every test saw. */
#pragma once

#include <libsoup/soup.h>

#include "lh-test-daemon.h"

void lh_api_usage_add_tests (LhTestDaemon *daemon,
                             SoupSession  *session,
                             GStrv         pc_kiosk_tokens);

void lh_api_assessment_add_tests (LhTestDaemon *daemon,
                                  SoupSession  *session);

/* Advice from a ULR: the queue, the record and that it leaks nowhere;
 * then its events (each opens and closes its own drop-in). */
void lh_api_advice_add_tests (LhTestDaemon *daemon,
                              SoupSession  *session);
void lh_api_advice_events_add_tests (LhTestDaemon *daemon,
                                     SoupSession  *session);

/* Paid time off for learning, on two daemons of its own (started here,
 * stopped by lh_api_time_off_stop() once the tests ran). */
void lh_api_time_off_add_tests (SoupSession *session);
void lh_api_time_off_stop      (void);

/* test-api.c: a POST /api/v1/bookings body for a free hour, on the hour,
 * on some PC in the coming days (skip: that many such hours passed by). */
char *lh_api_free_slot_body (const char *token,
                             int         skip);

/* The audit log; run after the advice tests, whose ULR work it checks
 * names no learner. */
void lh_api_audit_add_tests (LhTestDaemon *daemon,
                             SoupSession  *session);

/* Text cut short by a NUL, or with control characters: refused. */
void lh_api_input_add_tests (LhTestDaemon *daemon,
                             SoupSession  *session);

/* The inventory and the equipment against the agreement. */
void lh_api_equipment_add_tests (LhTestDaemon *daemon,
                                 SoupSession  *session);

/* Usage per PC, for the committee. */
void lh_api_equipment_usage_add_tests (LhTestDaemon *daemon,
                                       SoupSession  *session);
/* One item for the admin's desk mode, and the change of its status. */
void lh_api_equipment_item_add_tests (LhTestDaemon *daemon,
                                      SoupSession  *session);

/* The admin adds items and edits them. */
void lh_api_equipment_edit_add_tests (LhTestDaemon *daemon,
                                      SoupSession  *session);

/* Faults reported from a kiosk, and the admin's maintenance. */
void lh_api_faults_add_tests (LhTestDaemon *daemon,
                              SoupSession  *session);

/* Scheduled checks and the admins' notices. */
void lh_api_checks_add_tests (LhTestDaemon *daemon,
                              SoupSession  *session);

/* A computer out of use by its status or a failed check: bookings move,
 * learners are told. */
void lh_api_out_of_use_add_tests (LhTestDaemon *daemon,
                                  SoupSession  *session);

/* A learner's own equality answers, from every role. */
void lh_api_equality_add_tests (LhTestDaemon *daemon,
                                SoupSession  *session);
/* A person's own kiosk settings, from every role. */
void lh_api_settings_add_tests (LhTestDaemon *daemon,
                                SoupSession  *session);
/* The committee's site report. */
void lh_api_report_add_tests (LhTestDaemon *daemon,
                              SoupSession  *session);
/* The committee's meetings and action plan. */
void lh_api_committee_add_tests (LhTestDaemon *daemon,
                                 SoupSession  *session);
/* The last refusals given a reason (issue 15), provoked over HTTP. */
void lh_api_reason_add_tests (LhTestDaemon *daemon,
                              SoupSession  *session);
/* Last of all: they check what the tests before them saw. */
void lh_api_document_add_tests (void);

/* What sign-in says a person may do, and the limits they meet. */
void lh_api_limits_add_tests (LhTestDaemon *daemon,
                              SoupSession  *session);
