/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-note-key"

#include "lh-note-key.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "lh-error.h"

struct _LhNoteKey
{
  guint8 bytes[crypto_secretbox_KEYBYTES];
};

static LhNoteKey *
key_alloc (void)
{
  /* Locked memory, zeroed on free: the key never reaches swap. */
  LhNoteKey *key = sodium_malloc (sizeof (LhNoteKey));

  g_assert (key != NULL);
  return key;
}

LhNoteKey *
lh_note_key_new_random (void)
{
  LhNoteKey *key;

  g_assert (sodium_init () >= 0);
  key = key_alloc ();
  crypto_secretbox_keygen (key->bytes);
  return key;
}

void
lh_note_key_free (LhNoteKey *key)
{
  if (key != NULL)
    sodium_free (key);
}

/* The key must be on disk, its name included, before any note is sealed
 * with it. */
static gboolean
write_all_and_sync (int fd, const guint8 *bytes, gsize size)
{
  return write (fd, bytes, size) == (gssize) size && fsync (fd) == 0;
}

static gboolean
sync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

static gboolean
create_key_file (const char *path, GError **error)
{
  g_autoptr(LhNoteKey) key = lh_note_key_new_random ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *partial = g_strconcat (path, ".XXXXXX", NULL);
  int fd, saved;

  /* Its own directory, apart from the database's, may be new. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      saved = errno;
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "Cannot create %s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  fd = g_mkstemp_full (partial, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "Cannot create it: %s", g_strerror (saved));
      return FALSE;
    }
  if (!write_all_and_sync (fd, key->bytes, sizeof key->bytes))
    {
      saved = errno;
      close (fd);
      g_unlink (partial);
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "Cannot write it: %s", g_strerror (saved));
      return FALSE;
    }
  close (fd);
  /* Written whole under another name, then linked in: a process starting
   * at the same moment finds no key or all of it. If it made one first
   * (EEXIST), both use theirs. */
  if (link (partial, path) != 0 && errno != EEXIST)
    {
      saved = errno;
      g_unlink (partial);
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "Cannot create it: %s", g_strerror (saved));
      return FALSE;
    }
  g_unlink (partial);
  if (!sync_dir (dir))
    {
      saved = errno;
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "Cannot write it: %s", g_strerror (saved));
      return FALSE;
    }
  g_message ("Created a new notes key at %s; keep it out of database backups", path);
  return TRUE;
}

static LhNoteKey *
open_key (const char *path, gboolean may_create, GError **error)
{
  g_autoptr(LhNoteKey) key = NULL;
  GStatBuf st;
  int fd;
  gssize got;

  g_return_val_if_fail (path != NULL, NULL);

  if (sodium_init () < 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "libsodium did not start");
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!may_create)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, _("There is no notes key there"));
          return NULL;
        }
      if (!create_key_file (path, error))
        return NULL;
    }
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "Cannot read it: %s", g_strerror (errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || (st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    {
      close (fd);
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("Only its owner may read it (chmod 600), since it opens every advice note"));
      return NULL;
    }
  if (st.st_size != crypto_secretbox_KEYBYTES)
    {
      close (fd);
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("It is not a notes key (%d bytes expected)"),
                   crypto_secretbox_KEYBYTES);
      return NULL;
    }
  key = key_alloc ();
  got = read (fd, key->bytes, sizeof key->bytes);
  close (fd);
  if (got != (gssize) sizeof key->bytes)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "Cannot read it whole");
      return NULL;
    }
  return g_steal_pointer (&key);
}

LhNoteKey *
lh_note_key_open (const char *path, GError **error)
{
  return open_key (path, TRUE, error);
}

LhNoteKey *
lh_note_key_read (const char *path, GError **error)
{
  return open_key (path, FALSE, error);
}

GBytes *
lh_note_key_digest (const LhNoteKey *key)
{
  static const char constant[] = "learnhub notes key check 1";
  guint8 *digest;

  g_return_val_if_fail (key != NULL, NULL);

  digest = g_malloc (LH_NOTE_KEY_DIGEST_SIZE);
  crypto_generichash (digest, LH_NOTE_KEY_DIGEST_SIZE, (const guint8 *) constant, sizeof constant - 1, key->bytes,
                      sizeof key->bytes);
  return g_bytes_new_take (digest, LH_NOTE_KEY_DIGEST_SIZE);
}

GBytes *
lh_note_key_pseudonym (const LhNoteKey *key, const char *purpose, gint64 id)
{
  g_autofree char *message = NULL;
  guint8 *hash;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (purpose != NULL, NULL);

  /* Its own constant: never equal to the key's digest or another purpose's. */
  message = g_strdup_printf ("learnhub pseudonym 1 %s %" G_GINT64_FORMAT, purpose, id);
  hash = g_malloc (LH_NOTE_KEY_PSEUDONYM_SIZE);
  crypto_generichash (hash, LH_NOTE_KEY_PSEUDONYM_SIZE, (const guint8 *) message, strlen (message), key->bytes,
                      sizeof key->bytes);
  return g_bytes_new_take (hash, LH_NOTE_KEY_PSEUDONYM_SIZE);
}

GBytes *
lh_note_key_seal (const LhNoteKey *key, const char *text)
{
  gsize len, size;
  guint8 *sealed;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  len = strlen (text);
  size = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + len;
  sealed = g_malloc (size);
  randombytes_buf (sealed, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy (sealed + crypto_secretbox_NONCEBYTES, (const guint8 *) text, len, sealed, key->bytes);
  return g_bytes_new_take (sealed, size);
}

char *
lh_note_key_open_text (const LhNoteKey *key, const void *sealed, gsize size, GError **error)
{
  const guint8 *bytes = sealed;
  gsize len;
  g_autofree char *text = NULL;

  g_return_val_if_fail (key != NULL, NULL);

  if (sealed == NULL || size < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "A sealed note is too short");
      return NULL;
    }
  len = size - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
  text = g_malloc (len + 1);
  if (crypto_secretbox_open_easy ((guint8 *) text, bytes + crypto_secretbox_NONCEBYTES,
                                  size - crypto_secretbox_NONCEBYTES, bytes, key->bytes) != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "A note does not open with this notes key");
      return NULL;
    }
  text[len] = '\0';
  return g_steal_pointer (&text);
}
