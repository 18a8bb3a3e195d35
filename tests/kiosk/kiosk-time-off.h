/* SPDX-License-Identifier: GPL-3.0-or-later */
/* For the kiosk tests of paid time off: the daemon's time-off API as
 * another program uses it (each person's own token), and the kiosk's
 * work-time-or-own-time question driven as a person would. */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "lh-test-daemon.h"
#include "lh-window.h"

G_BEGIN_DECLS

/* One of a test's own learners, with no bookings of the demo's. */
typedef struct
{
  const char *staff;
  const char *pin;
  const char *name;
  const char *hours_per_week;
  const char *days_per_week;
} KioskLearner;

/* For a centre's setup: imports the learners into the database. */
void             kiosk_time_off_import        (const char                *db_path,
                                               const KioskLearner *const *people,
                                               guint                      n_people);
/* A session token of the learner's, or of the demo's admin. (transfer full) */
char            *kiosk_time_off_sign_in       (LhTestDaemon       *centre,
                                               const KioskLearner *person);
char            *kiosk_time_off_admin_token   (LhTestDaemon       *centre);

/* The category of GET /me/time-off. Asking takes the decisions the
 * daemon has not told yet: only for people with none to be told.
 * Returns: (transfer full) */
JsonObject      *kiosk_time_off_category      (const char *token,
                                               const char *category);
/* The person's booking of this PC from start, as GET /me/bookings says.
 * Returns: (transfer full) */
JsonObject      *kiosk_time_off_booking_at    (const char *token,
                                               const char *pc,
                                               GDateTime  *start);
/* The answer's `time_off`, which must be paid and waiting for a
 * decision: its id. */
gint64           kiosk_time_off_pending_id    (JsonObject *answer);
/* Books the PC for an hour from start in work time; returns the
 * time-off request's id, waiting for a decision. */
gint64           kiosk_time_off_book_paid     (const char *token,
                                               const char *pc,
                                               GDateTime  *start);
/* An admin (token) approves or rejects ("approve", "reject") the
 * request; reason nullable. */
void             kiosk_time_off_decide        (const char *admin,
                                               gint64      request_id,
                                               const char *decision,
                                               const char *reason);
/* Tomorrow at this hour, in the centre's zone. (transfer full) */
GDateTime       *kiosk_time_off_tomorrow_at   (int         hour);

/* No widget with css_class is mapped: a view that cross-fades away is
 * gone. */
gboolean         kiosk_cards_gone             (LhWindow      *window,
                                               gconstpointer  css_class);
/* A decision at the top of My time off, whose words start with prefix
 * (a toast saying the same does not count). */
gboolean         kiosk_time_off_decision_shown (LhWindow      *window,
                                                gconstpointer  prefix);
void             kiosk_time_off_go_home       (LhWindow   *window);
/* The toggle button with a label of these words inside. */
GtkToggleButton *kiosk_time_off_find_choice   (LhWindow   *window,
                                               const char *words);
/* The confirm view asks, nothing chosen, book_words' button cannot be
 * pressed, and left (a prefix) is in the paid choice. */
void             kiosk_time_off_assert_asks   (LhWindow   *window,
                                               const char *book_words,
                                               const char *left);
/* From home to the confirm view of that PC's hour from start tomorrow. */
void             kiosk_time_off_pick_tomorrow (LhWindow   *window,
                                               const char *pc,
                                               GDateTime  *start);

G_END_DECLS
