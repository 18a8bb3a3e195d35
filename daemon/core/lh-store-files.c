/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The files round the database: its directory, its lock, its mode. */
#define G_LOG_DOMAIN "lh-store"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lh-error.h"
#include "lh-store-private.h"

/* A new centre's database may live in a directory that does not exist yet. */
gboolean
lh_store_ensure_parent_dir (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "Cannot create %s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* What an admin reads when the database cannot be written. */
static void
set_not_writable (GError **error, const char *path, const char *file, int saved)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL,
               "%s cannot be written to (%s). learnhub must write the centre's database and the files "
               "beside it: make %s and its directory %s writable by the user learnhub runs as (or mount "
               "that file system read-write), then start it again. Nothing was changed",
               path, g_strerror (saved), file, dir);
}

/* A database that cannot be written is refused at start rather than
 * served read-only: every kiosk sign-in stores a session and every booking
 * is a write, so a read-only centre would fail at every kiosk with no one
 * told why, while a daemon that will not start says it once, plainly, in
 * the journal and to systemd. Opening the file for writing is the test
 * that holds for root too (a read-only file system: EROFS; an immutable
 * file: EPERM), where access (W_OK) would say yes. */
gboolean
lh_store_check_writable (const char *path, GError **error)
{
  int fd = g_open (path, O_RDWR | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      close (fd);
      return TRUE;
    }
  if (errno == ENOENT)
    return TRUE;  /* a new centre: made below, or refused as it is made */
  set_not_writable (error, path, path, errno);
  return FALSE;
}

/* Keyed on the real file, so that a second name for it (a symlink, a
 * relative path) meets the same lock. */
int
lh_store_take_lock (const char *path, gboolean *held_elsewhere, GError **error)
{
  g_autofree char *real = realpath (path, NULL);
  g_autofree char *lock_path = g_strconcat (real != NULL ? real : path, ".lock", NULL);
  int fd;

  fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == EROFS || saved == EACCES || saved == EPERM)
        set_not_writable (error, path, lock_path, saved);
      else
        g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL,
                     "Cannot open %s: %s", lock_path, g_strerror (saved));
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      if (held_elsewhere != NULL)
        *held_elsewhere = TRUE;
      g_set_error (error, LH_ERROR, LH_ERROR_BUSY,
                   "%s is in use by another learnhub program (a learnhubd already running, or a "
                   "learnhubctl command begun while none ran); try again once it has finished",
                   path);
      close (fd);
      return -1;
    }
  return fd;
}

/* The database holds who asked a ULR about what: only its owner (the
 * daemon's user) may read it. A new one is made so, before SQLite opens
 * it (its -wal and -shm files take the same mode); an older one open to
 * others is closed to them, and the log says so. */
gboolean
lh_store_keep_private (const char *path, GError **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  GStatBuf st;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0 && errno != EEXIST)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "Cannot create %s: %s", path, g_strerror (errno));
          return FALSE;
        }
      if (fd >= 0)
        close (fd);
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_stat (file, &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        {
          if (g_chmod (file, st.st_mode & 0700) != 0)
            {
              g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "Cannot make %s private: %s", file,
                           g_strerror (errno));
              return FALSE;
            }
          g_message ("%s was readable by others than its owner; it is not any more", file);
        }
    }
  return TRUE;
}

