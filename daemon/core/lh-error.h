/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LH_ERROR (lh_error_quark ())

/* One error domain for the whole daemon; the API maps each code to exactly
 * one HTTP status in lh-problem.c, the CLI prints the message. */
typedef enum
{
  LH_ERROR_INTERNAL,       /* a bug or a failing disk: 500 */
  LH_ERROR_BAD_REQUEST,    /* malformed input: 400 */
  LH_ERROR_UNAUTHORIZED,   /* no or bad credentials: 401 */
  LH_ERROR_FORBIDDEN,      /* the role may not: 403 */
  LH_ERROR_NOT_FOUND,      /* 404 */
  LH_ERROR_CONFLICT,       /* clashes with existing state: 409 */
  LH_ERROR_TOO_LARGE,      /* 413 */
  LH_ERROR_INVALID,        /* well-formed but breaks a rule: 422 */
  LH_ERROR_LOCKED,         /* too many attempts: 429 */
  LH_ERROR_BUSY,           /* the database is held by another process */
  LH_ERROR_SLOWED,         /* this kiosk got too many PINs wrong and waits: 429 */
  LH_ERROR_STORAGE_FULL,   /* the disk is full or failing: nothing can be written, 503 */
} LhError;

GQuark lh_error_quark (void);

/* A refusal's stable reason ("note-invalid", "too-many-reports"…), which
 * the API sends beside the status for the kiosk to word; the message is
 * for logs and learnhubctl. Sets it on *error when one is set and has no
 * reason yet, so a caller can name the reason of a helper's refusal. */
void        lh_error_set_reason (GError     **error,
                                 const char  *reason);
/* (nullable) (transfer none) */
const char *lh_error_get_reason (const GError *error);
/* The limit of a refused text, in characters, which the API sends as
 * `max_chars` so that the kiosk need not know it. */
void        lh_error_set_max_chars (GError **error,
                                    guint    max_chars);
/* Reason "text-too-long", with the member (a static string, e.g.
 * "location") and its limit. */
void        lh_error_set_too_long (GError     **error,
                                   const char  *field,
                                   guint        max_chars);
/* The limit, or 0 for none; *out_field (nullable) its member, if known. */
guint       lh_error_get_max_chars (const GError *error,
                                    const char  **out_field);

/* The numbers a refusal's reason needs to be put in words ("you can book
 * up to 8 hours a week, and have 7 booked": limit_minutes 480,
 * booked_minutes 420), which the API sends as members beside `reason`. */
#define LH_ERROR_MAX_NUMBERS 4

typedef struct
{
  const char *name;    /* (unowned) a static string, e.g. "limit_minutes" */
  gint64      value;
} LhErrorNumber;

void                 lh_error_add_number  (GError     **error,
                                           const char  *name,
                                           gint64       value);
/* (transfer none) (array length=out_n_numbers) */
const LhErrorNumber *lh_error_get_numbers (const GError *error,
                                           guint        *out_n_numbers);

/* A name the refusal's reason needs to be put in words, e.g. "free_pc":
 * "PC 7" (another PC free now) or NULL (none is), sent as a member beside
 * `reason`. One per refusal. */
void        lh_error_set_text (GError     **error,
                               const char  *name,
                               const char  *value);
/* (nullable) (transfer none) The member's name, and *out_value its value. */
const char *lh_error_get_text (const GError *error,
                               const char  **out_value);

G_END_DECLS
