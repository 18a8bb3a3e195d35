/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The notes key: seals every free text about a learner (libsodium
 * secretbox) so that a copy of the database, or a backup of it, reveals
 * none of it. The key lives in its own file, readable only by the
 * daemon's user, never in the database. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LhNoteKey LhNoteKey;

/* Reads the key at path, creating it (mode 0600, and its directory 0700)
 * when it does not exist.
 * LH_ERROR_INVALID for a file of the wrong size, or one that others than
 * its owner may read. */
LhNoteKey *lh_note_key_open       (const char      *path,
                                   GError         **error);
/* As lh_note_key_open(), but never creates it: LH_ERROR_NOT_FOUND if
 * there is no file at path. */
LhNoteKey *lh_note_key_read       (const char      *path,
                                   GError         **error);
/* A key in memory only, for tests. */
LhNoteKey *lh_note_key_new_random (void);
void       lh_note_key_free       (LhNoteKey       *key);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhNoteKey, lh_note_key_free)

/* text (UTF-8) sealed: a fresh nonce, then the ciphertext. */
GBytes    *lh_note_key_seal       (const LhNoteKey *key,
                                   const char      *text);
/* The text back; LH_ERROR_INTERNAL if it was not sealed with this key. */
char      *lh_note_key_open_text  (const LhNoteKey *key,
                                   const void      *sealed,
                                   gsize            size,
                                   GError         **error);

/* The size of lh_note_key_digest()'s hash. */
#define LH_NOTE_KEY_DIGEST_SIZE 32
/* A hash of a constant keyed with the key: tells which key a database
 * was sealed with, and nothing of the key. */
GBytes    *lh_note_key_digest     (const LhNoteKey *key);

/* The size of lh_note_key_pseudonym()'s hash. */
#define LH_NOTE_KEY_PSEUDONYM_SIZE 32
/* A keyed hash (BLAKE2b) of an id for one purpose ("equality"): stands
 * for the person in a table apart from identity, and without the key
 * cannot be turned back into the id, however few ids there are. */
GBytes    *lh_note_key_pseudonym  (const LhNoteKey *key,
                                   const char      *purpose,
                                   gint64           id);

G_END_DECLS
