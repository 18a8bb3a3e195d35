/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Group commit. A confirmed booking must be on disk (WAL, synchronous=FULL)
 * before its 201 goes out, and that fsync is most of what a booking costs:
 * with several kiosks booking at once, one fsync for all of them is the
 * difference between keeping up and queueing. So the changes that arrive
 * in one turn of the main loop are held, then run one after another in one
 * transaction, and answered together once it is committed. A crash before
 * the COMMIT loses only changes nobody was told were made. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-batch.h"

#include <string.h>

#include "lh-audit-routes.h"
#include "lh-error.h"
#include "lh-problem.h"

/* More than this wait for the next group, so that no answer waits long. */
#define MAX_GROUP 64

typedef struct
{
  LhRequest     *request;  /* (owned) */
  const LhRoute *route;
} Queued;

struct _LhBatch
{
  LhStore       *store;        /* (owned) */
  LhEventHub    *events;       /* (owned) */
  LhHousekeeper *housekeeper;  /* (owned) */
  GArray        *queue;        /* (owned) (element-type Queued) */
  guint          source_id;
};

static void
queued_clear (Queued *queued)
{
  g_clear_pointer (&queued->request, lh_request_unref);
}

LhBatch *
lh_batch_new (LhStore *store, LhEventHub *events, LhHousekeeper *housekeeper)
{
  LhBatch *self = g_new0 (LhBatch, 1);

  self->store = g_object_ref (store);
  self->events = g_object_ref (events);
  self->housekeeper = g_object_ref (housekeeper);
  self->queue = g_array_new (FALSE, TRUE, sizeof (Queued));
  g_array_set_clear_func (self->queue, (GDestroyNotify) queued_clear);
  return self;
}

void
lh_batch_free (LhBatch *self)
{
  /* On shutdown: what waits was never committed, and is never answered. */
  g_clear_handle_id (&self->source_id, g_source_remove);
  g_array_unref (self->queue);
  g_object_unref (self->housekeeper);
  g_object_unref (self->events);
  g_object_unref (self->store);
  g_free (self);
}

/* A full disk is said as such (reason storage-full), whether the COMMIT
 * met it or a handler did, SQLite then rolling the whole group back. */
static gboolean
storage_full (const GError *error)
{
  return g_error_matches (error, LH_ERROR, LH_ERROR_STORAGE_FULL);
}

static void
answer (Queued *group, guint n, gboolean committed, const GError *error)
{
  for (guint i = 0; i < n; i++)
    {
      SoupServerMessage *msg = group[i].request->msg;

      if (committed)
        ;
      else if (storage_full (error))
        lh_problem_reply (msg, error, 0, NULL);
      /* A handler's own 503 (its statement met the full disk) says more. */
      else if (soup_server_message_get_status (msg) != 503)
        lh_problem_reply_status (msg, 503, "That could not be saved just now; try again");
      soup_server_message_unpause (msg);
    }
}

/* Runs the first requests of group in one transaction, answers them, and
 * returns how many it took: all n, unless SQLite rolled the transaction
 * back whole under one of them (a full disk, say), which ends this
 * transaction there. */
static guint
run_one_transaction (LhBatch *self, Queued *group, guint n)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(GError) error = NULL;
  gboolean committed, audited = TRUE;
  guint taken = 0;

  lh_event_hub_hold (self->events);
  tx = lh_store_begin (self->store, &error);
  if (tx != NULL)
    while (taken < n)
      {
        group[taken].route->handler (group[taken].request);
        /* Who made the change, committed with it: a change whose entry
         * cannot be written is not kept, and neither are the others of
         * this transaction (answered 503, to try again). */
        audited = lh_audit_request (group[taken].request, group[taken].route, &error);
        taken++;
        if (!audited || !lh_store_in_transaction (self->store))
          break;
      }
  else
    taken = 1;
  committed = tx != NULL && audited && lh_store_in_transaction (self->store) && lh_transaction_commit (tx, &error);
  if (!committed)
    g_clear_pointer (&tx, lh_transaction_free);
  if (!committed)
    g_warning ("%u change(s) could not be committed together: %s", taken,
               error != NULL ? error->message : "SQLite rolled the transaction back");
  lh_event_hub_release (self->events, committed);
  answer (group, taken, committed, error);
  return taken;
}

static gboolean
run_cb (gpointer user_data)
{
  LhBatch *self = user_data;
  g_autoptr(GArray) group = self->queue;
  guint n;

  self->source_id = 0;
  n = MIN (group->len, MAX_GROUP);
  self->queue = g_array_new (FALSE, TRUE, sizeof (Queued));
  g_array_set_clear_func (self->queue, (GDestroyNotify) queued_clear);
  if (group->len > n)
    {
      /* The rest move to the next group, their references with them. */
      g_array_append_vals (self->queue, &g_array_index (group, Queued, n), group->len - n);
      memset (&g_array_index (group, Queued, n), 0, (group->len - n) * sizeof (Queued));
      g_array_set_size (group, n);
      self->source_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, run_cb, self, NULL);
    }

  /* The timer of what falls due is set once for the whole group. */
  lh_housekeeper_hold (self->housekeeper);
  for (guint done = 0; done < n;)
    done += run_one_transaction (self, &g_array_index (group, Queued, done), n - done);
  lh_housekeeper_release (self->housekeeper);
  return G_SOURCE_REMOVE;
}

void
lh_batch_add (LhBatch *self, LhRequest *request, const LhRoute *route)
{
  Queued queued = { lh_request_ref (request), route };

  soup_server_message_pause (request->msg);
  g_array_append_val (self->queue, queued);
  /* Below the sockets' priority: it runs once every request already read
   * in this turn of the main loop has joined the group. */
  if (self->source_id == 0)
    self->source_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, run_cb, self, NULL);
}
