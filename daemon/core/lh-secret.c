/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-secret"

#include "lh-secret.h"

#include <glib/gi18n-lib.h>

#include <sodium.h>
#include <string.h>

#include "lh-error.h"

static void
ensure_sodium (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      if (sodium_init () < 0)
        g_error ("libsodium could not be initialised");
      g_once_init_leave (&done, 1);
    }
}

gboolean
lh_pin_check_format (const char *pin, GError **error)
{
  gsize len = pin != NULL ? strlen (pin) : 0;

  if (len < 4 || len > 8)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("A PIN has 4 to 8 digits"));
      return FALSE;
    }
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (pin[i]))
      {
        g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("A PIN has only digits"));
        return FALSE;
      }
  return TRUE;
}

char *
lh_pin_hash (const char *pin, GError **error)
{
  char out[crypto_pwhash_STRBYTES];

  ensure_sodium ();
  if (!lh_pin_check_format (pin, error))
    return NULL;
  if (crypto_pwhash_str (out, pin, strlen (pin),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "Out of memory hashing a PIN");
      return NULL;
    }
  return g_strdup (out);
}

gboolean
lh_pin_verify (const char *hash, const char *pin)
{
  ensure_sodium ();
  if (hash == NULL || pin == NULL || strlen (pin) > 64)
    return FALSE;
  return crypto_pwhash_str_verify (hash, pin, strlen (pin)) == 0;
}

static gpointer
make_dummy_hash (gpointer data)
{
  g_autofree char *random_pin = lh_pin_generate (8);

  return lh_pin_hash (random_pin, NULL);
}

const char *
lh_pin_dummy_hash (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, make_dummy_hash, NULL);
}

char *
lh_pin_generate (guint n_digits)
{
  GString *pin = g_string_new (NULL);

  ensure_sodium ();
  for (guint i = 0; i < n_digits; i++)
    g_string_append_c (pin, (char) ('0' + randombytes_uniform (10)));
  return g_string_free (pin, FALSE);
}

char *
lh_token_generate (guint8 hash[LH_TOKEN_HASH_SIZE])
{
  guint8 raw[32];
  char text[sodium_base64_ENCODED_LEN (32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  ensure_sodium ();
  randombytes_buf (raw, sizeof raw);
  sodium_bin2base64 (text, sizeof text, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (raw, sizeof raw);
  lh_token_hash (text, hash);
  return g_strdup (text);
}

void
lh_token_hash (const char *token, guint8 hash[LH_TOKEN_HASH_SIZE])
{
  ensure_sodium ();
  crypto_generichash (hash, LH_TOKEN_HASH_SIZE, (const guint8 *) token, strlen (token), NULL, 0);
}
