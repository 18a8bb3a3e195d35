/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Secrets: PINs (Argon2id) and bearer tokens (random, stored hashed). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LH_TOKEN_HASH_SIZE 32

/* A PIN is 4 to 8 digits. */
gboolean  lh_pin_check_format (const char *pin,
                               GError    **error);
/* Argon2id with libsodium's interactive limits; the string carries its own
 * salt and parameters. */
char     *lh_pin_hash         (const char *pin,
                               GError    **error);
/* Slow on purpose (about 85 ms): call it off the main loop in the daemon. */
gboolean  lh_pin_verify       (const char *hash,
                               const char *pin);
/* A hash of no PIN anyone has, verified against for unknown staff numbers so
 * that the answer takes as long as for a real one. */
const char *lh_pin_dummy_hash (void);
/* n random digits. */
char     *lh_pin_generate     (guint       n_digits);

/* A new random token (URL-safe base64 of 32 bytes) and its hash. */
char     *lh_token_generate   (guint8      hash[LH_TOKEN_HASH_SIZE]);
void      lh_token_hash       (const char *token,
                               guint8      hash[LH_TOKEN_HASH_SIZE]);

G_END_DECLS
