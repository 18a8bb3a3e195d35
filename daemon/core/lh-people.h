/* SPDX-License-Identifier: GPL-3.0-or-later */
/* People on the roster and their roles. */
#pragma once

#include "lh-store.h"

G_BEGIN_DECLS

typedef enum
{
  LH_ROLE_LEARNER   = 1 << 0,
  LH_ROLE_ULR       = 1 << 1,
  LH_ROLE_COMMITTEE = 1 << 2,
  LH_ROLE_ADMIN     = 1 << 3,
} LhRole;

#define LH_ROLE_ALL (LH_ROLE_LEARNER | LH_ROLE_ULR | LH_ROLE_COMMITTEE | LH_ROLE_ADMIN)

/* A name is one line of at most this many characters. */
#define LH_PERSON_NAME_MAX_CHARS 100

typedef struct
{
  gint64    id;
  char     *staff_number;   /* (owned) */
  char     *name;           /* (owned) */
  char     *department;     /* (owned) */
  char     *work_pattern;   /* (owned) */
  double    hours_per_week;
  guint     roles;          /* LhRole bits */
  gint64    sponsor_id;     /* a guest's sponsor; 0 for staff */
  double    days_per_week;  /* their hours are spread over, to show hours
                             * as days; saving 0 saves 5 */
  gboolean  apprentice;     /* apprentice study days are theirs */
  gboolean  esol_learner;   /* ESOL taught hours are theirs */
} LhPerson;

void      lh_person_free (LhPerson *person);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhPerson, lh_person_free)

/* "learner;ulr" (also separated by spaces, commas or |) to bits. */
gboolean  lh_roles_parse      (const char *text,
                               guint      *out_roles,
                               GError    **error);
/* Bits to names, in a fixed order. */
GStrv     lh_roles_to_strv    (guint       roles);

/* 1 to 32 letters and digits, with single dashes between them, or
 * LH_ERROR_INVALID. */
gboolean  lh_staff_number_check (const char *staff_number,
                                 GError    **error);
/* Whether it has the form of a guest's number, G and six digits (in any
 * case): the roster may not take one. */
gboolean  lh_staff_number_is_guests (const char *staff_number);
/* The length every staff number of the roster (guests aside) has, when
 * they are all digits of one length; 0 if they are not (or there are
 * none), so that the sign-in keypad cannot know when one is complete.
 * Says nothing about any one person. -1 on error. */
int       lh_people_staff_number_digits (LhStore  *store,
                                         GError  **error);

/* Adds the person, or updates everything but the PIN of the person with the
 * same staff number; LH_ERROR_CONFLICT if that is a guest and person is
 * not (sponsor_id 0), or the other way round. days_per_week 0 saves 5; a guest always has 5 days,
 * and is neither an apprentice nor an ESOL learner (their time off is not
 * the employer's to give). Must run inside a transaction the caller holds,
 * or on its own. */
gboolean  lh_people_save      (LhStore        *store,
                               const LhPerson *person,
                               gint64          now,
                               gint64         *out_id,
                               gboolean       *out_created,
                               GError        **error);

/* Everyone with any of the role bits, by name (element-type LhPerson). */
GPtrArray *lh_people_list_with_role (LhStore   *store,
                                     guint      role,
                                     GError   **error);

LhPerson *lh_people_get       (LhStore        *store,
                               gint64          id,
                               GError        **error);

LhPerson *lh_people_find      (LhStore        *store,
                               const char     *staff_number,
                               GError        **error);

/* The person whose calendar key is key (the key is the permission), or
 * LH_ERROR_NOT_FOUND. */
LhPerson *lh_people_get_by_calendar_key (LhStore    *store,
                                         gint64      id,
                                         const char *key,
                                         GError    **error);

/* Stores only the Argon2id hash of pin. Setting a PIN (here, or the hash
 * from the roster) ends the person's sessions: whoever signed in with the
 * old PIN is signed out. */
gboolean  lh_people_set_pin   (LhStore        *store,
                               gint64          person_id,
                               const char     *pin,
                               gint64          now,
                               GError        **error);

gboolean  lh_people_set_pin_hash (LhStore     *store,
                                  gint64       person_id,
                                  const char  *pin_hash,
                                  gint64       now,
                                  GError     **error);

G_END_DECLS
