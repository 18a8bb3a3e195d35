/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the centre's admins are told of equipment: a fault reported, a
 * fault open longer than the terms allow, a check due soon or overdue.
 * Kept in the database, so none is lost when no admin is connected; each
 * is raised once, and stays until an admin dismisses it or it clears
 * itself (the fault repaired, the check done). A notice names items,
 * never a learner. */
#pragma once

#include "lh-people.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* The most open notices one list holds, the overdue first, then newest
 * first. */
#define LH_ADMIN_NOTICES_MAX 50

typedef struct
{
  gint64  id;
  char   *what;        /* (owned) "fault-reported", "fault-overdue", "check-due", "check-overdue" */
  gint64  created_at;
  gint64  fault_id;    /* 0 for a check's */
  char   *category;    /* (owned) (nullable) the fault's */
  gint64  reported_at; /* the fault's first report */
  gint64  check_id;    /* 0 for a fault's */
  char   *check_what;  /* (owned) (nullable) the check's */
  gint64  due_at;      /* the check's due day it is about */
  char   *asset_tag;   /* (owned) (nullable) the item concerned */
  char   *kind;        /* (owned) (nullable) the item's, or the check's kind */
  char   *pc_name;     /* (owned) (nullable) the item's PC, or the PC a fault with no item is of */
} LhAdminNotice;

void lh_admin_notice_free (LhAdminNotice *notice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhAdminNotice, lh_admin_notice_free)

/* Raises what ("fault-reported" or "fault-overdue") for the fault, once
 * (*out_raised FALSE if it was raised before); an overdue notice replaces
 * the fault's "reported" one. Inside or outside a transaction. */
gboolean   lh_admin_notices_raise_fault (LhStore    *store,
                                         gint64      fault_id,
                                         const char *what,
                                         gint64      now,
                                         gboolean   *out_raised,
                                         GError    **error);
/* Clears the fault's (repaired) or the check's (done) open notices. */
gboolean   lh_admin_notices_clear_fault (LhStore    *store,
                                         gint64      fault_id,
                                         gint64      now,
                                         GError    **error);
gboolean   lh_admin_notices_clear_check (LhStore    *store,
                                         gint64      check_id,
                                         gint64      now,
                                         GError    **error);
/* The open notices, the overdue ones first, then newest first, at most
 * LH_ADMIN_NOTICES_MAX (element-type LhAdminNotice). */
GPtrArray *lh_admin_notices_list        (LhStore    *store,
                                         GError    **error);
/* How many notices are open, however many the list holds. */
gboolean   lh_admin_notices_count_open  (LhStore    *store,
                                         gint64     *out_count,
                                         GError    **error);
/* An admin has seen the open notice: LH_ERROR_NOT_FOUND if there is no
 * such open notice. */
gboolean   lh_admin_notices_dismiss     (LhStore    *store,
                                         gint64      notice_id,
                                         gint64      now,
                                         GError    **error);

/* Whether an admin is signed in at the kiosk device_id now: its own
 * stream then hears the admins' news. */
gboolean   lh_admin_notices_admin_at    (LhStore    *store,
                                         gint64      device_id,
                                         gint64      now,
                                         gboolean   *out_admin,
                                         GError    **error);
/* The same for anyone with role (the committee's news, say). */
gboolean   lh_admin_notices_role_at     (LhStore    *store,
                                         gint64      device_id,
                                         LhRole      role,
                                         gint64      now,
                                         gboolean   *out_there,
                                         GError    **error);

/* lh-check-reminders.c: raises "check-due" for the checks due within
 * LH_CHECK_REMIND_DAYS and "check-overdue" (replacing it) for those past
 * their day, each once per due date; *out_raised counts the new ones. */
gboolean   lh_admin_notices_raise_checks (LhStore   *store,
                                          GTimeZone *tz,
                                          gint64     now,
                                          guint     *out_raised,
                                          GError   **error);
/* When a check next falls due soon or overdue after now (0: none). */
gboolean   lh_admin_notices_next_check   (LhStore   *store,
                                          GTimeZone *tz,
                                          gint64     now,
                                          gint64    *out_at,
                                          GError   **error);

G_END_DECLS
