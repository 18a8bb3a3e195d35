/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words of My bookings: each thing the person has coming up in one
 * line of facts and one of its state, and how to give it back. Whole
 * sentences, so that translators never glue words. Every function
 * returns a new string (transfer full); `now` is in the centre's zone. */
#pragma once

#include "lh-mine-item.h"

G_BEGIN_DECLS

/* "Today 10:00", "Tomorrow 10:00", "Wednesday 13:00" within the week,
 * else "Wednesday 2 December 13:00". */
char *lh_mine_format_when      (GDateTime *start,
                                GDateTime *now);
/* The row's title: "PC 3, Today 10:00 to 11:00", "Maths together,
 * Wednesday 13:00, Group room", "Maths skills check with Sue Bennett,
 * Thursday 14:00, Quiet room". */
char *lh_mine_format_title     (const LhMineItem *item,
                                GDateTime        *now);
/* The row's state: "Checked in at 10:03", "Not checked in yet — sign in
 * at PC 3 by 10:15, or it is given to someone else", "You are using it
 * now", "You have a place · 2 hours", "You are number 2 on the waiting
 * list"… hold_minutes: the rules' check-in hold, or -1 if not known;
 * early_minutes: how early check-in opens (sign-in's limits). */
char *lh_mine_format_state     (const LhMineItem *item,
                                GDateTime        *now,
                                int               hold_minutes,
                                int               early_minutes);
/* TRUE if the state asks the person to do something soon. */
gboolean lh_mine_state_is_urgent (const LhMineItem *item,
                                  GDateTime        *now);
/* "You are first on the waiting list", "You are number 2 on the
 * waiting list" */
char *lh_mine_format_position  (int position);
/* The row's button, or NULL when there is nothing to give back here (a
 * walk-up ends when its person signs out at the PC): "Cancel booking",
 * "Give up my place", "Leave the waiting list", "Give back the
 * assessment". */
char *lh_mine_format_action    (const LhMineItem *item);
/* What a screen reader says for the row's button. */
char *lh_mine_format_action_a11y (const LhMineItem *item,
                                  GDateTime        *now);
/* The confirm view: the question, the facts in full, and its two
 * buttons. */
char *lh_mine_format_question  (const LhMineItem *item);
char *lh_mine_format_facts     (const LhMineItem *item);
char *lh_mine_format_yes       (const LhMineItem *item);
char *lh_mine_format_no        (const LhMineItem *item);
/* Said once it is given back: "Your booking is cancelled." */
char *lh_mine_format_done      (const LhMineItem *item);
/* Said when the daemon no longer has it as the person's (404). */
char *lh_mine_format_gone      (const LhMineItem *item);
/* The daemon's refusal (409) in plain words: its own reason if it gave
 * one, else what is most likely. */
char *lh_mine_format_refusal   (const LhMineItem *item,
                                const GError     *error);

G_END_DECLS
