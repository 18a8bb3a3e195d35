/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one place where an LH_ERROR becomes an HTTP status and an
 * application/problem+json body. */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

guint lh_problem_status_for_error (const GError *error);

/* Sets msg's response to the problem for error. locked_until (0: none) adds
 * the "locked_until" member, as an ISO time in tz. */
void  lh_problem_reply            (SoupServerMessage *msg,
                                   const GError      *error,
                                   gint64             locked_until,
                                   GTimeZone         *tz);

/* The same with a `reason` member (nullable), a code the kiosk words
 * in its own language; an internal error never carries one. */
void  lh_problem_reply_reason     (SoupServerMessage *msg,
                                   const GError      *error,
                                   const char        *reason,
                                   gint64             locked_until,
                                   GTimeZone         *tz);
/* A problem for a status with no GError behind it (404 route, 405…). */
void  lh_problem_reply_status     (SoupServerMessage *msg,
                                   guint              status,
                                   const char        *detail);

/* The same, answered from the request's headers: the body still on its
 * way is read and dropped, not kept (libsoup 3.2 reads it all even when
 * the answer is set), and the connection closes after the answer. */
void  lh_problem_refuse_early     (SoupServerMessage *msg,
                                   guint              status,
                                   const char        *detail);

G_END_DECLS
