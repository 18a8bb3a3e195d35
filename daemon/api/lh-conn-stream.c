/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-api"

#include "lh-conn-stream.h"

/* ---- the input side: where the end of stream is held back ------------- */

#define LH_TYPE_CONN_INPUT (lh_conn_input_get_type ())
G_DECLARE_FINAL_TYPE (LhConnInput, lh_conn_input, LH, CONN_INPUT, GInputStream)

struct _LhConnInput
{
  GInputStream  parent_instance;

  GInputStream *base;       /* (owned) */
  LhConnStream *owner;      /* (weak) libsoup may keep the input longer */
  gboolean      idle;
  gboolean      gone;       /* the peer left while idle: nothing more to read */
  GSource      *gone_source;  /* (owned) (nullable) */
};

static void lh_conn_input_pollable_init (GPollableInputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LhConnInput, lh_conn_input, G_TYPE_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_POLLABLE_INPUT_STREAM,
                                                      lh_conn_input_pollable_init))

struct _LhConnStream
{
  GIOStream         parent_instance;

  GIOStream        *base;   /* (owned) */
  LhConnInput      *input;  /* (owned) */
  LhConnStreamFunc  gone;
  LhConnStreamFunc  closed;
  gpointer          user_data;
  gboolean          closed_told;
};

G_DEFINE_FINAL_TYPE (LhConnStream, lh_conn_stream, G_TYPE_IO_STREAM)

static gboolean
gone_cb (gpointer user_data)
{
  LhConnInput *self = user_data;
  LhConnStream *owner = self->owner;

  g_clear_pointer (&self->gone_source, g_source_unref);
  if (owner != NULL && owner->gone != NULL)
    owner->gone (owner, owner->user_data);
  return G_SOURCE_REMOVE;
}

/* What the base stream read, as the reader should see it. */
static gssize
held_back (LhConnInput *self, gssize n_read, GError **error)
{
  if (n_read > 0 || !self->idle)
    return n_read;
  if (n_read < 0 && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
    return n_read;

  /* The peer left between requests. libsoup must not see it (see the
   * header); the owner is told from a source of its own, outside this
   * read and before libsoup's sources run again. */
  g_clear_error (error);
  if (!self->gone)
    {
      self->gone = TRUE;
      self->gone_source = g_idle_source_new ();
      g_source_set_priority (self->gone_source, G_PRIORITY_HIGH);
      g_source_set_callback (self->gone_source, gone_cb, self, NULL);
      g_source_set_static_name (self->gone_source, "[learnhub] peer gone");
      g_source_attach (self->gone_source, g_main_context_get_thread_default ());
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK, "The connection is closing");
  return -1;
}

static gssize
lh_conn_input_read (GInputStream *stream, void *buffer, gsize count,
                    GCancellable *cancellable, GError **error)
{
  LhConnInput *self = LH_CONN_INPUT (stream);

  if (self->gone)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK, "The connection is closing");
      return -1;
    }
  return held_back (self, g_input_stream_read (self->base, buffer, count, cancellable, error), error);
}

static gssize
lh_conn_input_read_nonblocking (GPollableInputStream *stream, void *buffer, gsize count, GError **error)
{
  LhConnInput *self = LH_CONN_INPUT (stream);

  if (self->gone)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK, "The connection is closing");
      return -1;
    }
  return held_back (self,
                    g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (self->base),
                                                              buffer, count, NULL, error),
                    error);
}

static gboolean
lh_conn_input_can_poll (GPollableInputStream *stream)
{
  LhConnInput *self = LH_CONN_INPUT (stream);

  return G_IS_POLLABLE_INPUT_STREAM (self->base) &&
         g_pollable_input_stream_can_poll (G_POLLABLE_INPUT_STREAM (self->base));
}

static gboolean
lh_conn_input_is_readable (GPollableInputStream *stream)
{
  LhConnInput *self = LH_CONN_INPUT (stream);

  return !self->gone && g_pollable_input_stream_is_readable (G_POLLABLE_INPUT_STREAM (self->base));
}

static GSource *
lh_conn_input_create_source (GPollableInputStream *stream, GCancellable *cancellable)
{
  LhConnInput *self = LH_CONN_INPUT (stream);
  g_autoptr(GSource) base_source = NULL;

  /* Once the peer has gone the base stays readable (at its end): a source
   * on it would wake libsoup again and again until the owner closes. */
  if (self->gone)
    return g_pollable_source_new_full (stream, NULL, cancellable);
  base_source = g_pollable_input_stream_create_source (G_POLLABLE_INPUT_STREAM (self->base), NULL);
  return g_pollable_source_new_full (stream, base_source, cancellable);
}

/* The base is closed with the whole stream, not half of it from here. */
static gboolean
lh_conn_input_close (GInputStream *stream, GCancellable *cancellable, GError **error)
{
  return TRUE;
}

static void
lh_conn_input_dispose (GObject *object)
{
  LhConnInput *self = LH_CONN_INPUT (object);

  if (self->gone_source != NULL)
    g_source_destroy (self->gone_source);
  g_clear_pointer (&self->gone_source, g_source_unref);
  g_clear_weak_pointer (&self->owner);
  G_OBJECT_CLASS (lh_conn_input_parent_class)->dispose (object);
}

static void
lh_conn_input_finalize (GObject *object)
{
  LhConnInput *self = LH_CONN_INPUT (object);

  g_clear_object (&self->base);
  G_OBJECT_CLASS (lh_conn_input_parent_class)->finalize (object);
}

static void
lh_conn_input_class_init (LhConnInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->dispose = lh_conn_input_dispose;
  object_class->finalize = lh_conn_input_finalize;
  stream_class->read_fn = lh_conn_input_read;
  stream_class->close_fn = lh_conn_input_close;
}

static void
lh_conn_input_pollable_init (GPollableInputStreamInterface *iface)
{
  iface->can_poll = lh_conn_input_can_poll;
  iface->is_readable = lh_conn_input_is_readable;
  iface->create_source = lh_conn_input_create_source;
  iface->read_nonblocking = lh_conn_input_read_nonblocking;
}

static void
lh_conn_input_init (LhConnInput *self)
{
}

/* ---- the stream ---------------------------------------------------------- */

static void
tell_closed (LhConnStream *self)
{
  if (self->closed_told)
    return;
  self->closed_told = TRUE;
  if (self->closed != NULL)
    self->closed (self, self->user_data);
}

static GInputStream *
lh_conn_stream_get_input_stream (GIOStream *stream)
{
  return G_INPUT_STREAM (LH_CONN_STREAM (stream)->input);
}

static GOutputStream *
lh_conn_stream_get_output_stream (GIOStream *stream)
{
  return g_io_stream_get_output_stream (LH_CONN_STREAM (stream)->base);
}

static gboolean
lh_conn_stream_close (GIOStream *stream, GCancellable *cancellable, GError **error)
{
  LhConnStream *self = LH_CONN_STREAM (stream);
  gboolean ok = g_io_stream_close (self->base, cancellable, error);

  tell_closed (self);
  return ok;
}

static void
base_closed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  g_io_stream_close_finish (G_IO_STREAM (source), result, &error);
  tell_closed (g_task_get_source_object (task));
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Not GIOStream's default, which would close in a thread and tell the
 * owner from there. */
static void
lh_conn_stream_close_async (GIOStream *stream, int io_priority, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  LhConnStream *self = LH_CONN_STREAM (stream);
  GTask *task = g_task_new (stream, cancellable, callback, user_data);

  g_io_stream_close_async (self->base, io_priority, cancellable, base_closed_cb, task);
}

static gboolean
lh_conn_stream_close_finish (GIOStream *stream, GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lh_conn_stream_dispose (GObject *object)
{
  LhConnStream *self = LH_CONN_STREAM (object);

  /* GIOStream's dispose closes it if nobody did. */
  G_OBJECT_CLASS (lh_conn_stream_parent_class)->dispose (object);
  tell_closed (self);
}

static void
lh_conn_stream_finalize (GObject *object)
{
  LhConnStream *self = LH_CONN_STREAM (object);

  g_clear_object (&self->input);
  g_clear_object (&self->base);
  G_OBJECT_CLASS (lh_conn_stream_parent_class)->finalize (object);
}

static void
lh_conn_stream_class_init (LhConnStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GIOStreamClass *stream_class = G_IO_STREAM_CLASS (klass);

  object_class->dispose = lh_conn_stream_dispose;
  object_class->finalize = lh_conn_stream_finalize;
  stream_class->get_input_stream = lh_conn_stream_get_input_stream;
  stream_class->get_output_stream = lh_conn_stream_get_output_stream;
  stream_class->close_fn = lh_conn_stream_close;
  stream_class->close_async = lh_conn_stream_close_async;
  stream_class->close_finish = lh_conn_stream_close_finish;
}

static void
lh_conn_stream_init (LhConnStream *self)
{
}

LhConnStream *
lh_conn_stream_new (GIOStream *base)
{
  LhConnStream *self;

  g_return_val_if_fail (G_IS_IO_STREAM (base), NULL);

  self = g_object_new (LH_TYPE_CONN_STREAM, NULL);
  self->base = g_object_ref (base);
  self->input = g_object_new (LH_TYPE_CONN_INPUT, NULL);
  self->input->base = g_object_ref (g_io_stream_get_input_stream (base));
  g_set_weak_pointer (&self->input->owner, self);
  return self;
}

void
lh_conn_stream_set_callbacks (LhConnStream *self, LhConnStreamFunc gone, LhConnStreamFunc closed,
                              gpointer user_data)
{
  g_return_if_fail (LH_IS_CONN_STREAM (self));

  self->gone = gone;
  self->closed = closed;
  self->user_data = user_data;
}

void
lh_conn_stream_set_idle (LhConnStream *self, gboolean idle)
{
  g_return_if_fail (LH_IS_CONN_STREAM (self));

  self->input->idle = idle;
}
