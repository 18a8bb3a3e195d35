/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small synchronous HTTP client for the API tests. It also records every
 * (route, status) it sees and one successful body per route, so that
 * test-api can check them against data/api/learnhub-api.md. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "lh-test-daemon.h"

G_BEGIN_DECLS

typedef struct
{
  guint     status;
  char     *content_type;  /* (owned) (nullable) */
  char     *text;          /* (owned) the body as text */
  JsonNode *json;          /* (owned) (nullable) the body parsed, if JSON */
} LhApiReply;

void        lh_api_reply_free (LhApiReply *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhApiReply, lh_api_reply_free)

/* body (nullable) is sent as-is with Content-Type application/json. */
LhApiReply *lh_api_call       (SoupSession *session,
                               const char  *base_url,
                               const char  *method,
                               const char  *path,
                               const char  *token,
                               const char  *body);

/* Signs in and returns the session token (asserts 201). */
char       *lh_api_sign_in    (SoupSession *session,
                               const char  *base_url,
                               const char  *device_token,
                               const char  *staff_number,
                               const char  *pin);

/* Signs in the first demo account with exactly these roles (e.g.
 * "learner,ulr") on the demo's desk kiosk; returns the session token. */
char       *lh_api_sign_in_as (SoupSession  *session,
                               LhTestDaemon *daemon,
                               const char   *roles);

/* Signs in on the desk kiosk; returns the session token and sets the
 * person's id and name. */
char       *lh_api_sign_in_person (SoupSession  *session,
                                   LhTestDaemon *daemon,
                                   const char   *staff_number,
                                   const char   *pin,
                                   gint64       *out_id,
                                   char        **out_name);
/* The same for the n-th demo account (not a guest) whose roles are
 * exactly roles ("learner,ulr"). */
char       *lh_api_sign_in_nth (SoupSession  *session,
                                LhTestDaemon *daemon,
                                const char   *roles,
                                guint         n,
                                gint64       *out_id,
                                char        **out_name);

/* A member of the reply's top-level object. */
const char *lh_api_reply_string (LhApiReply *reply,
                                 const char *member);
gint64      lh_api_reply_int    (LhApiReply *reply,
                                 const char *member);

/* "METHOD /route/{id}" -> GHashTable of statuses seen (as GUINT_TO_POINTER). */
GHashTable *lh_api_seen_statuses (void);
/* "METHOD /route/{id}" -> the first 2xx JsonNode seen. */
GHashTable *lh_api_seen_bodies   (void);

/* Frees what was recorded. */
void        lh_api_client_forget (void);

/* A path from a printf format. */
char       *lh_api_path          (const char *format,
                                  ...) G_GNUC_PRINTF (1, 2);

/* The next weekday (Monday to Friday) at least `from` days ahead. */
int         lh_api_weekday_ahead (int from);

/* ISO time of local day offset (0 today) at hour:00 in Europe/London. */
char       *lh_api_day_at        (int day_offset,
                                  int hour);

/* The inventory item with that asset tag, retired ones too, as `token`
 * reads GET /api/v1/equipment; NULL if there is none. The item lives in
 * *out_reply. */
JsonObject *lh_api_find_item (SoupSession  *session,
                              const char   *base_url,
                              const char   *token,
                              const char   *asset_tag,
                              LhApiReply  **out_reply);
/* Its id and (out_pc_id nullable) its PC's id, or 0 for none; asserts
 * the item is there. */
gint64      lh_api_item_id   (SoupSession  *session,
                              const char   *base_url,
                              const char   *token,
                              const char   *asset_tag,
                              gint64       *out_pc_id);

/* Two PCs open round the clock, "PC Always" and "PC Always 2", each with
 * its own kiosk, for tests of sitting at a PC whatever the hour they run
 * at: a setup for lh_test_daemon_start_with_setup(), which stores the
 * kiosks' tokens in *(GStrv *) user_data. */
#define LH_API_ALWAYS_OPEN_PC "PC Always"
void        lh_api_setup_always_open_pcs (const char *db_path,
                                          gpointer    user_data);

/* People of the advice tests' own, apart from the demo's (whose ULRs
 * staff the demo's live drop-in): ULRs "AU1" and "AU2" and learners
 * "AL1" to "AL8", all with PIN LH_API_ADVICE_PIN. A setup for
 * lh_test_daemon_start_with_setup(). */
#define LH_API_ADVICE_PIN "2468"
void        lh_api_setup_advice_people (const char *db_path,
                                        gpointer    user_data);

G_END_DECLS
