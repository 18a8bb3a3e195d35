/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checking the query of a request's address as it came. */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* libsoup decodes "?date=2026-12-04%00x" to the C string "2026-12-04",
 * which a parser would then accept: the NUL and all after it are lost
 * before a handler sees the value. This reads the query as sent, decodes
 * it, and refuses it (LH_ERROR_BAD_REQUEST) if it holds a NUL, a control
 * character or anything but UTF-8, so that no parameter is read cut short.
 * A route that reads its query calls it first. */
gboolean lh_api_query_check (SoupServerMessage  *msg,
                             GError            **error);
/* The same for a query as sent (still %-escaped; NULL: none), apart from
 * the message, for the fuzz target. */
gboolean lh_api_query_check_text (const char  *query,
                                  GError     **error);

G_END_DECLS
