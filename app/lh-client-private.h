/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by lh-client.c (the object and its state), lh-client-request.c
 * (sending a request and reading its answer), lh-client-calls.c (one
 * function per route) and lh-client-error.c. */
#pragma once

#include <json-glib/json-glib.h>

#include "lh-client.h"

G_BEGIN_DECLS

/* Which token a request carries. */
typedef enum {
  LH_AUTH_NONE,
  LH_AUTH_DEVICE,
  LH_AUTH_SESSION,
  LH_AUTH_SESSION_OR_DEVICE,
} LhAuth;

/* Turns a success body into the call's result; NULL and error if it
 * cannot. */
typedef gpointer (*LhParseFunc) (LhClient    *self,
                                 JsonObject  *body,
                                 GError     **error);

/* Sends one request; the task returns parse's result (freed with
 * result_free), or TRUE if parse is NULL, or an LH_CLIENT_ERROR. body
 * (nullable) is sent as JSON. */
void        lh_client_send_request       (LhClient            *self,
                                          const char          *method,
                                          const char          *path,
                                          JsonObject          *body,
                                          LhAuth               auth,
                                          LhParseFunc          parse,
                                          GDestroyNotify       result_free,
                                          gpointer             source_tag,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* A GET whose answer is a file (a PDF, a CSV): the task returns its body
 * as it came, a GBytes, for lh_client_check_finish(). */
void        lh_client_send_request_for_bytes (LhClient            *self,
                                              const char          *path,
                                              LhAuth               auth,
                                              gpointer             source_tag,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gpointer    lh_client_check_finish       (LhClient      *self,
                                          GAsyncResult  *result,
                                          gpointer       source_tag,
                                          GError       **error);
gboolean    lh_client_check_done         (LhClient      *self,
                                          GAsyncResult  *result,
                                          gpointer       source_tag,
                                          GError       **error);
void        lh_client_set_session        (LhClient       *self,
                                          const char     *token,
                                          const LhPerson *person);
/* Takes promotions (element-type LhGroupSession) (transfer full). */
void        lh_client_set_promotions     (LhClient  *self,
                                          GPtrArray *promotions);
/* Takes notices (element-type LhBookingNotice) (transfer full). */
void        lh_client_set_booking_notices (LhClient  *self,
                                           GPtrArray *notices);
/* Decisions on the person's time off that the daemon told once and the
 * kiosk has not shown yet (element-type LhTimeOff) (transfer none):
 * emptied at every change of person. */
GPtrArray  *lh_client_get_time_off_decisions (LhClient *self);
void        lh_client_set_time_zone      (LhClient  *self,
                                          GTimeZone *tz);
/* Reads idle_seconds, idle_long_page_seconds and idle_warning_seconds
 * from object (health, or sign-in's limits); absent ones are kept. */
void        lh_client_read_idle_timing   (LhClient   *self,
                                          JsonObject *object);
/* An answer's Date header: the daemon's clock (nullable). */
void        lh_client_note_server_date   (LhClient   *self,
                                          const char *date);
/* The sitting (nullable, copied), notified as `usage` when it changes. */
void        lh_client_set_usage          (LhClient      *self,
                                          const LhUsage *usage);

/* What lh-client-request.c needs of the client. */
const GError *lh_client_get_setup_error  (LhClient *self);
const char  *lh_client_get_device_token  (LhClient *self);
const char  *lh_client_get_session_token (LhClient *self);
/* An answer (TRUE) or a failure to reach the daemon (FALSE): the client
 * is online or not, unless its event stream says. */
void         lh_client_note_reachable    (LhClient   *self,
                                          gboolean    reachable);
/* A 401 to a request that carried token (nullable): if it is still the
 * session's, the session is forgotten and session-ended emitted. */
void         lh_client_session_refused   (LhClient   *self,
                                          const char *token);

/* lh-client-error.c */
JsonObject *lh_client_parse_object       (GBytes  *bytes,
                                          GError **error);
GError     *lh_client_error_from_problem (SoupMessage *message,
                                          GBytes      *bytes,
                                          GTimeZone   *tz);

G_END_DECLS
