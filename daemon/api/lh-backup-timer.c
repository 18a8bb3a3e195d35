/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-backup"

#include "lh-backup-timer.h"

#include <glib/gi18n-lib.h>

#include "lh-backup.h"
#include "lh-time.h"

/* After a failed backup (a full disk, a directory gone): try again then. */
#define RETRY_SECONDS (60 * 60)
/* A centre with no backup yet gets its first this long after learnhubd
 * starts: not in the rush of kiosks reconnecting to a daemon just
 * restarted, nor for a daemon started only for a moment. */
#define FIRST_AFTER_SECONDS (10 * 60)

typedef struct _Job Job;

struct _LhBackupTimer
{
  GObject  parent_instance;

  char    *db_path;
  char    *dir;
  guint    every_hours;
  guint    keep;
  guint    timer_id;
  Job     *running;  /* (owned) (nullable) the backup being written */
};

/* One backup, written in its own thread. */
struct _Job
{
  LhBackupTimer *timer;     /* (unowned) outlives the job: see dispose */
  GThread       *thread;
  char          *db_path;
  char          *dir;
  guint          keep;
  gint64         now;
  char          *path;      /* the backup made, or NULL and error set */
  GError        *error;
};

G_DEFINE_FINAL_TYPE (LhBackupTimer, lh_backup_timer, G_TYPE_OBJECT)

static void schedule (LhBackupTimer *self, gint64 delay);

/* After its thread has been joined. */
static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->dir);
  g_free (job->path);
  g_clear_error (&job->error);
  g_free (job);
}

static void
lh_backup_timer_dispose (GObject *object)
{
  LhBackupTimer *self = LH_BACKUP_TIMER (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  /* A backup begun is finished before the daemon stops (the join waits
   * for it); it is named only once whole, so it is never half there. */
  if (self->running != NULL)
    {
      g_thread_join (self->running->thread);
      /* Its call of job_done_cb, if the thread got that far, goes too. */
      g_idle_remove_by_data (self->running);
      g_clear_pointer (&self->running, job_free);
    }
  G_OBJECT_CLASS (lh_backup_timer_parent_class)->dispose (object);
}

static void
lh_backup_timer_finalize (GObject *object)
{
  LhBackupTimer *self = LH_BACKUP_TIMER (object);

  g_free (self->db_path);
  g_free (self->dir);
  G_OBJECT_CLASS (lh_backup_timer_parent_class)->finalize (object);
}

static void
lh_backup_timer_class_init (LhBackupTimerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lh_backup_timer_dispose;
  G_OBJECT_CLASS (klass)->finalize = lh_backup_timer_finalize;
}

static void
lh_backup_timer_init (LhBackupTimer *self)
{
}

/* In the main loop, once the thread has ended. */
static gboolean
job_done_cb (gpointer user_data)
{
  Job *job = user_data;
  LhBackupTimer *self = job->timer;

  self->running = NULL;
  g_thread_join (job->thread);
  if (job->path == NULL)
    {
      g_warning (_("The backup failed, will try again in an hour: %s"), job->error->message);
      schedule (self, RETRY_SECONDS);
    }
  else
    {
      g_message (_("Backed up the database to %s"), job->path);
      schedule (self, (gint64) self->every_hours * 3600);
    }
  job_free (job);
  return G_SOURCE_REMOVE;
}

/* In the job's thread: SQLite's own connection, nothing of the daemon's. */
static gpointer
backup_thread (gpointer user_data)
{
  Job *job = user_data;

  job->path = lh_backup_into (job->db_path, job->dir, job->keep, job->now, &job->error);
  g_idle_add (job_done_cb, job);
  return NULL;
}

static gboolean
timer_cb (gpointer user_data)
{
  LhBackupTimer *self = user_data;
  Job *job = g_new0 (Job, 1);

  self->timer_id = 0;
  job->timer = self;
  job->db_path = g_strdup (self->db_path);
  job->dir = g_strdup (self->dir);
  job->keep = self->keep;
  job->now = lh_time_now ();
  self->running = job;
  job->thread = g_thread_new ("learnhubd-backup", backup_thread, job);
  return G_SOURCE_REMOVE;
}

static void
schedule (LhBackupTimer *self, gint64 delay)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_id = g_timeout_add_seconds (CLAMP (delay, 0, G_MAXUINT / 1000), timer_cb, self);
  g_source_set_name_by_id (self->timer_id, "[learnhubd] backup");
}

LhBackupTimer *
lh_backup_timer_new (const char *db_path, const char *dir, guint every_hours, guint keep)
{
  LhBackupTimer *self;
  gint64 newest, due;

  g_return_val_if_fail (db_path != NULL && dir != NULL, NULL);

  self = g_object_new (LH_TYPE_BACKUP_TIMER, NULL);
  self->db_path = g_strdup (db_path);
  self->dir = g_strdup (dir);
  self->every_hours = every_hours;
  self->keep = keep;
  if (every_hours == 0)
    {
      g_message (_("No backups are made by learnhubd ([backup] every-hours=0)"));
      return self;
    }
  /* From the newest backup's name: a restart does not make another. */
  newest = lh_backup_newest (dir);
  due = newest + (gint64) every_hours * 3600;
  /* A newest named in the future (a clock once wrong) is due now. */
  schedule (self, newest == 0 ? FIRST_AFTER_SECONDS : CLAMP (due - lh_time_now (), 0, (gint64) every_hours * 3600));
  return self;
}
