/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drop-in advice sessions: a time, a place, and the ULRs who staff it,
 * each at a desk. Closing one (or its end passing) sends home whoever was
 * still waiting and logs the time as each ULR's facility time. Also the
 * ULRs' one-to-one appointment slots. */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

#define LH_DROPIN_MAX_ULRS 8

typedef struct
{
  gint64  ulr_id;
  char   *name;          /* (owned) (nullable) filled in when read */
  char   *desk;          /* (owned) e.g. "Desk 1" */
  int     alert_length;  /* tell this ULR when more than this many wait;
                          * 0: never */
  gint64  joined_at;     /* when they were there from; 0: not (yet) */
} LhDropinUlr;

typedef struct
{
  gint64     id;
  char      *place;      /* (owned) */
  gint64     start_at;
  gint64     end_at;
  gint64     closed_at;  /* 0 unless closed early */
  GPtrArray *ulrs;       /* (owned) (element-type LhDropinUlr) */
  int        n_waiting;
} LhDropin;

void lh_dropin_free (LhDropin *dropin);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhDropin, lh_dropin_free)
void lh_dropin_ulr_free (LhDropinUlr *ulr);

/* Opens a drop-in with the ULRs given (name and joined_at ignored).
 * LH_ERROR_INVALID for a place over 100 characters, an end before the
 * start or in the past, a start more than 15 minutes before now or more
 * than a year ahead, a session over 10 hours, no ULR or more than
 * LH_DROPIN_MAX_ULRS, someone who is not a ULR, a desk given twice;
 * LH_ERROR_CONFLICT when one of the ULRs staffs another drop-in then,
 * closed or not. The ULR opening it (opened_by) is there from its start
 * if it has started; the others once they say so. */
LhDropin  *lh_dropins_open      (LhStore            *store,
                                 gint64              opened_by,
                                 const char         *place,
                                 gint64              start,
                                 gint64              end,
                                 const LhDropinUlr * const *ulrs,
                                 guint               n_ulrs,
                                 gint64              now,
                                 GError            **error);

LhDropin  *lh_dropins_get       (LhStore            *store,
                                 gint64              dropin_id,
                                 GError            **error);

/* Drop-ins that end in [from, to) and are not closed, soonest first. */
GPtrArray *lh_dropins_list      (LhStore            *store,
                                 gint64              from,
                                 gint64              to,
                                 GError            **error);

/* The drop-in open now that ulr_id staffs, or LH_ERROR_NOT_FOUND. */
LhDropin  *lh_dropins_current_for_ulr (LhStore      *store,
                                       gint64        ulr_id,
                                       gint64        now,
                                       GError      **error);

/* The ULR says they are at the drop-in they staff that is on now (or
 * starts within 15 minutes); their facility time there counts from now,
 * or from its start if later. LH_ERROR_NOT_FOUND when there is none.
 * Saying it again changes nothing. */
LhDropin  *lh_dropins_here      (LhStore            *store,
                                 gint64              ulr_id,
                                 gint64              now,
                                 GError            **error);
/* The same for a given drop-in, inside the caller's transaction (calling a
 * ticket, closing it): no check that it is on. */
gboolean   lh_dropins_mark_here (LhStore            *store,
                                 gint64              dropin_id,
                                 gint64              ulr_id,
                                 gint64              now,
                                 GError            **error);
/* One of its ULRs closes it now. LH_ERROR_NOT_FOUND unless ulr_id staffs
 * it; LH_ERROR_CONFLICT if it has closed or ended already. */
LhDropin  *lh_dropins_close     (LhStore            *store,
                                 gint64              dropin_id,
                                 gint64              ulr_id,
                                 gint64              now,
                                 GError            **error);

/* Closes every drop-in whose end has passed, at its end; their ids in
 * *out_closed (element-type gint64), for telling the displays. */
gboolean   lh_dropins_close_ended (LhStore          *store,
                                   gint64            now,
                                   GArray          **out_closed,
                                   GError          **error);

/* The soonest end of a drop-in not yet closed (past ones included: they
 * are due at once), or 0 when there is none. */
gboolean   lh_dropins_next_end  (LhStore            *store,
                                 gint64             *out_end,
                                 GError            **error);

/* A ULR of the drop-in sets the queue length past which they are told. */
gboolean   lh_dropins_set_alert (LhStore            *store,
                                 gint64              dropin_id,
                                 gint64              ulr_id,
                                 int                 alert_length,
                                 GError            **error);

/* The ULRs of dropin_id to tell now that n_waiting wait: those whose
 * alert length the queue has just passed (n_waiting == length + 1). */
GArray    *lh_dropins_ulrs_to_alert (LhStore        *store,
                                     gint64          dropin_id,
                                     int             n_waiting,
                                     GError        **error);

/* ---- appointment slots --------------------------------------------------- */

typedef struct
{
  gint64    id;
  gint64    ulr_id;
  char     *ulr_name;  /* (owned) */
  gint64    start_at;
  gint64    end_at;
  char     *place;     /* (owned) */
  gboolean  taken;
  gboolean  mine;      /* taken by the person asked about */
} LhAdviceSlot;

void lh_advice_slot_free (LhAdviceSlot *slot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhAdviceSlot, lh_advice_slot_free)

/* A ULR offers a time for one-to-one advice, 15 to 120 minutes.
 * LH_ERROR_INVALID for the past, a wrong length, a place over 100
 * characters, someone who is not a ULR; LH_ERROR_CONFLICT when the ULR
 * offers another slot then. */
LhAdviceSlot *lh_advice_slots_offer (LhStore     *store,
                                     gint64       created_by,
                                     gint64       ulr_id,
                                     gint64       start,
                                     gint64       end,
                                     const char  *place,
                                     gint64       now,
                                     GError     **error);

/* Slots starting in [from, to), soonest first; taken ones say so but
 * never by whom, except mine for viewer_id's own. */
GPtrArray    *lh_advice_slots_list  (LhStore     *store,
                                     gint64       from,
                                     gint64       to,
                                     gint64       viewer_id,
                                     GError     **error);

LhAdviceSlot *lh_advice_slots_get   (LhStore     *store,
                                     gint64       slot_id,
                                     gint64       viewer_id,
                                     GError     **error);

G_END_DECLS
