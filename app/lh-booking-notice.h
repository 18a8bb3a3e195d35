/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A learner's booking moved to another PC, or cancelled, because its PC
 * is out of order: the daemon's notice (at sign-in, or live), worded for
 * the home page. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64     booking_id;
  gint64     notice_id; /* what the kiosk acks: a rewritten outcome has a new one */
  GDateTime *start;     /* (owned) */
  GDateTime *end;       /* (owned) */
  char      *from_pc;   /* (owned) */
  char      *to_pc;     /* (owned) (nullable) NULL: cancelled */
  gboolean   paid_time_back;  /* cancelled with its request for paid time off */
} LhBookingNotice;

void             lh_booking_notice_free      (LhBookingNotice *notice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhBookingNotice, lh_booking_notice_free)

/* A "booking-moved" or "booking-cancelled" notice or event; NULL with an
 * error for any other type. */
LhBookingNotice *lh_booking_notice_from_json (JsonObject  *object,
                                              GTimeZone   *tz,
                                              GError     **error);
/* Each notice (element-type LhBookingNotice) on its own line; NULL if
 * there is none. */
char            *lh_booking_notices_format   (GPtrArray   *notices);

G_END_DECLS
