/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What bench-soak counts: every request by kind and outcome, its latency,
 * and every 10 s the daemon's open descriptors and memory. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SOAK_SIGN_IN,
  SOAK_HOME,
  SOAK_AVAILABILITY,
  SOAK_BOOK,
  SOAK_CANCEL,
  SOAK_GROUPS,
  SOAK_JOIN_GROUP,
  SOAK_LEAVE_GROUP,
  SOAK_ADVICE,
  SOAK_ADVICE_CANCEL,
  SOAK_FAULT,
  SOAK_SIGN_OUT,
  SOAK_ULR_REQUESTS,
  SOAK_QUEUE,
  SOAK_DROPINS,
  SOAK_REPORT,
  SOAK_MEETINGS,
  SOAK_ACTION_PLAN,
  SOAK_N_KINDS
} SoakKind;

void     soak_stats_init   (const char *daemon_pid);
void     soak_stats_start  (void);
/* Thread-safe. body: the reply, for a refusal's reason and the log. */
void     soak_stats_record (SoakKind    kind,
                            guint       status,
                            const char *body,
                            gint64      microseconds);
/* Reads the daemon's descriptors and memory (every second). */
void     soak_stats_poll   (void);
/* Closes a 10-second window and prints its line. */
void     soak_stats_sample (void);
/* Prints the tables and the verdict; TRUE if it holds. */
gboolean soak_stats_report (double bare_p50_ms,
                            double pin_check_ms);

G_END_DECLS
