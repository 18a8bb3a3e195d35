/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the advice modules (lh-advice, lh-dropins, lh-advice-record,
 * lh-facility-time) share: sealing free text, checking it, and reading
 * requests. */
#pragma once

#include "lh-advice.h"
#include "lh-advice-record.h"
#include "lh-centre.h"
#include "lh-people.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* Checks a free text: valid UTF-8, at most max_chars, and not empty
 * (after trimming) unless optional. what names it in the error. */
gboolean lh_advice_text_check   (const char     *text,
                                 int             max_chars,
                                 gboolean        optional,
                                 const char     *what,
                                 GError        **error);

/* Whether text is NULL or only white space: an optional text not given. */
gboolean lh_advice_text_is_blank (const char *text);

/* Binds text sealed with the centre's notes key (a blank text binds NULL). */
gboolean lh_advice_bind_sealed  (LhStmt         *stmt,
                                 int             column,
                                 const LhCentre *centre,
                                 const char     *text,
                                 GError        **error);

/* Opens column's sealed text into *out_text (NULL for a NULL column). */
gboolean lh_advice_column_open  (LhStmt         *stmt,
                                 int             column,
                                 const LhCentre *centre,
                                 char          **out_text,
                                 GError        **error);

/* Every request's sealed value holds this many characters, padded with
 * spaces: the longest topic, contact, number or address (in UTF-8) and
 * every outcome fit (checked in test-advice-sealed-erasure), so that its
 * size tells neither the topic, whether a number was given, nor how many
 * outcomes there were. Sealed, it is LH_ADVICE_WHAT_SEALED_SIZE bytes:
 * nonce, MAC, text. Values sealed before issue 15 were 256 characters
 * and had no number or address; they still open. */
#define LH_ADVICE_WHAT_CHARS 640
#define LH_ADVICE_WHAT_SEALED_SIZE (24 + 16 + LH_ADVICE_WHAT_CHARS)

/* The topic of a request whose sealed value did not open when it was
 * erased: counted, under no topic. */
#define LH_ADVICE_TOPIC_UNKNOWN "unknown"

/* The committee's counts: the period's requests, by time
 * (advice_requests_by_time); ?1 from, ?2 to. */
#define LH_ADVICE_COUNTS_SQL \
  "SELECT sealed, learner_id FROM advice_requests WHERE created_at >= ?1 AND created_at < ?2"

/* Binds what was asked (topic), how to reach the learner (contact and
 * its number or address, detail, each may be NULL) and what came of it
 * (outcomes, may be NULL) as one value sealed
 * with the notes key, padded to one size whatever it holds
 * (lh-advice-sealed.c). The names are checked before. */
gboolean lh_advice_bind_what    (LhStmt             *stmt,
                                 int                 column,
                                 const LhCentre     *centre,
                                 const char         *topic,
                                 const char         *contact,
                                 const char         *detail,
                                 const char * const *outcomes,
                                 GError            **error);

/* Opens column's value bound by lh_advice_bind_what(): *out_contact and
 * *out_detail are NULL when none was kept; *out_outcomes is sorted,
 * maybe empty. */
gboolean lh_advice_column_open_what (LhStmt         *stmt,
                                     int             column,
                                     const LhCentre *centre,
                                     char          **out_topic,
                                     char          **out_contact,
                                     char          **out_detail,
                                     GStrv          *out_outcomes,
                                     GError        **error);

/* Seals request_id's topic, contact, detail and outcomes again, as
 * lh_advice_bind_what() does; the error names the request. */
gboolean lh_advice_reseal       (LhStore            *store,
                                 const LhCentre     *centre,
                                 gint64              request_id,
                                 const char         *topic,
                                 const char         *contact,
                                 const char         *detail,
                                 const char * const *outcomes,
                                 GError            **error);

/* Seals learner_id's requests again without the way to reach them (the
 * number or address too): for
 * erasure, which keeps only the topic, outcomes and the day. One that
 * does not open is sealed again as of LH_ADVICE_TOPIC_UNKNOWN, so that
 * erasure never waits on the key. */
gboolean lh_advice_forget_contacts (LhStore        *store,
                                    const LhCentre *centre,
                                    gint64          learner_id,
                                    GError        **error);

/* Reads the (bound) statement's rows, made with LH_ADVICE_REQUEST_SELECT,
 * as LhAdviceRequests, with positions and waits for those waiting. */
#define LH_ADVICE_REQUEST_SELECT \
  "SELECT r.id, r.learner_id, l.name, r.sealed, r.mode, r.note, r.status, " \
  "r.dropin_id, r.ticket, COALESCE(s.place, d.place, ''), r.slot_id, " \
  "COALESCE(s.start_at, d.start_at), COALESCE(s.end_at, d.end_at), r.ulr_id, u.name, r.desk, " \
  "r.created_at, r.called_at, r.started_at, r.ended_at " \
  "FROM advice_requests r LEFT JOIN people l ON l.id = r.learner_id " \
  "LEFT JOIN advice_dropins d ON d.id = r.dropin_id LEFT JOIN advice_slots s ON s.id = r.slot_id " \
  "LEFT JOIN people u ON u.id = r.ulr_id "

GPtrArray *lh_advice_collect_requests (LhStore        *store,
                                       const LhCentre *centre,
                                       LhStmt         *stmt,
                                       gint64          now,
                                       GError        **error);

/* The request whatever the viewer: for the modules' own checks. */
LhAdviceRequest *lh_advice_request_get_unchecked (LhStore        *store,
                                                  const LhCentre *centre,
                                                  gint64          request_id,
                                                  gint64          now,
                                                  GError        **error);

/* How long a conversation has taken lately, in minutes. */
int        lh_advice_service_minutes  (LhStore        *store,
                                       gint64          now,
                                       GError        **error);

/* How many ULRs staff the drop-in (at least 1), and the wait that the
 * people ahead make for them. */
int        lh_advice_n_ulrs           (LhStore        *store,
                                       gint64          dropin_id,
                                       GError        **error);
int        lh_advice_estimate_wait    (int             people,
                                       int             service_minutes,
                                       int             n_ulrs);

/* Runs sql, an UPDATE of request ?1 at time ?2 guarded by its status;
 * FALSE with LH_ERROR_CONFLICT if another request moved it first. */
gboolean   lh_advice_move_request     (LhStore        *store,
                                       gint64          request_id,
                                       const char     *sql,
                                       gint64          now,
                                       GError        **error);

/* LH_ERROR_INVALID unless person_id is a ULR. */
gboolean   lh_advice_check_ulr        (LhStore        *store,
                                       gint64          person_id,
                                       GError        **error);

/* Marks the drop-in's waiting (and called, not started) requests unseen,
 * at `at`. */
gboolean   lh_advice_send_home        (LhStore        *store,
                                       gint64          dropin_id,
                                       gint64          at,
                                       GError        **error);

/* The learner, for ulr_id who supports them, about to read or add to
 * their record; LH_ERROR_NOT_FOUND for anyone else (and for the learner
 * themself: a ULR does not support their own record). */
LhPerson  *lh_advice_learner_for_ulr  (LhStore        *store,
                                       gint64          learner_id,
                                       gint64          ulr_id,
                                       GError        **error);

/* Each learner's last contact: the last time anything happened on their
 * record; retention counts from it. Add WHERE or GROUP BY. */
#define LH_ADVICE_CONTACTS_SQL \
  "SELECT learner_id, max(t) FROM (" \
  "SELECT learner_id, coalesce(ended_at, created_at) AS t FROM advice_requests WHERE learner_id IS NOT NULL " \
  "UNION ALL SELECT learner_id, created_at FROM advice_notes " \
  "UNION ALL SELECT learner_id, max(created_at, coalesce(done_at, 0)) FROM learning_plan_items " \
  "UNION ALL SELECT learner_id, held_at FROM learning_mots " \
  "UNION ALL SELECT learner_id, created_at FROM advice_shares) "

#define LH_PLAN_ITEM_SELECT \
  "SELECT id, coalesce(goal_id, 0), body, coalesce(due_at, 0), coalesce(done_at, 0), created_by, created_at, " \
  "learner_id FROM learning_plan_items "

/* A row of LH_PLAN_ITEM_SELECT, its text opened. */
gboolean   lh_advice_plan_item_from_row (LhStmt         *stmt,
                                         const LhCentre *centre,
                                         LhPlanItem    **out_item,
                                         GError        **error);

G_END_DECLS
