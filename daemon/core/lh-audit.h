/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit log: who changed what, and when. Each entry is an action code
 * ("time-off-approved", "learnhubctl rules set"), the person signed in or
 * the system user who ran learnhubctl, the roles the change needed, and
 * the thing changed where naming it is not confidential. No entry holds
 * text anyone typed. Admins read it a period at a time. */
#pragma once

#include "lh-store.h"

G_BEGIN_DECLS

/* An action code: lower-case words, digits, '-', ':' and spaces. */
#define LH_AUDIT_ACTION_MAX_CHARS 80
/* A page of the log at most. */
#define LH_AUDIT_PAGE_MAX 500

typedef struct
{
  gint64  id;
  gint64  at;
  gint64  actor_id;      /* 0: learnhubctl */
  char   *actor_name;    /* (owned) (nullable) NULL for learnhubctl, or a
                          * person no longer in the roster */
  guint   actor_roles;   /* the roles the change needed */
  char   *program_user;  /* (owned) (nullable) learnhubctl's system user */
  char   *action;        /* (owned) */
  gint64  subject_id;    /* 0: not kept */
} LhAuditEntry;

void          lh_audit_entry_free (LhAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhAuditEntry, lh_audit_entry_free)

/* Adds an entry, in the caller's transaction if one is open. actor_id 0
 * with program_user set: learnhubctl. subject_id 0: none kept.
 * LH_ERROR_INVALID for an action that is not a code. */
gboolean      lh_audit_record    (LhStore     *store,
                                  gint64       at,
                                  gint64       actor_id,
                                  guint        actor_roles,
                                  const char  *program_user,
                                  const char  *action,
                                  gint64       subject_id,
                                  GError     **error);

/* Entries with from <= at < to, in the order they were made, after the
 * entry after_id (0: from the start of the period): a page of limit
 * (1 to LH_AUDIT_PAGE_MAX) and one more if there is one, to tell that
 * there are more. LH_ERROR_NOT_FOUND for an after_id that is no entry. */
GPtrArray    *lh_audit_list      (LhStore     *store,
                                  gint64       from,
                                  gint64       to,
                                  gint64       after_id,
                                  guint        limit,
                                  GError     **error);

G_END_DECLS
