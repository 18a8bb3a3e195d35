/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Work time (paid)" or "My own time": the question every booking of a
 * learner's asks, with what is left of their paid time beside the paid
 * choice, nothing chosen until they pick. After the daemon refuses the
 * paid time, its words and a button to book the same in their own time
 * (the `book-own-time` signal). `chosen` is TRUE once they picked, or
 * when nothing is asked (a guest's booking): the page's Book button
 * follows it. `picked` says they tapped one, for the page to move the
 * focus (and so the view) to Book. */
#pragma once

#include <gtk/gtk.h>

#include "lh-client.h"

G_BEGIN_DECLS

#define LH_TYPE_TIME_CHOICE (lh_time_choice_get_type ())
G_DECLARE_FINAL_TYPE (LhTimeChoice, lh_time_choice, LH, TIME_CHOICE, GtkBox)

/* Asks afresh, nothing chosen, for the booking from start to end of
 * activity ("centre-learning", "group-study", "skills-for-life"), and
 * loads what is left of the person's paid time in that year. */
void      lh_time_choice_ask                  (LhTimeChoice *self,
                                               LhClient     *client,
                                               const char   *activity,
                                               GDateTime    *start,
                                               GDateTime    *end);
/* Asks nothing: the time is the person's own (a guest's). */
void      lh_time_choice_skip                 (LhTimeChoice *self);
/* Forgets everything, cancels its request. */
void      lh_time_choice_reset                (LhTimeChoice *self);
gboolean  lh_time_choice_get_chosen           (LhTimeChoice *self);
/* TRUE if "Work time (paid)" is chosen. */
gboolean  lh_time_choice_get_paid             (LhTimeChoice *self);
/* Chooses "Work time (paid)", as the home page's "Book – work time" does. */
void      lh_time_choice_choose_paid          (LhTimeChoice *self);
/* Chooses "My own time", as the refusal's button does. */
void      lh_time_choice_choose_own           (LhTimeChoice *self);
/* Whether a booking's error refused the paid time rather than the
 * booking: a 422 of paid time, or a 409 when more was asked than is
 * left (asked of the daemon afresh, as the balance shown may be old). If
 * so, the daemon's words and the own-time button are shown. */
void      lh_time_choice_check_refusal_async  (LhTimeChoice        *self,
                                               const GError        *error,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* Returns: TRUE if it was a refusal of paid time, now shown; else FALSE
 * with the booking's own error (or G_IO_ERROR_CANCELLED), for the page
 * to handle as before. */
gboolean  lh_time_choice_check_refusal_finish (LhTimeChoice  *self,
                                               GAsyncResult  *result,
                                               GError       **error);
/* Hides the refusal (a new try). */
void      lh_time_choice_clear_refusal        (LhTimeChoice *self);

G_END_DECLS
