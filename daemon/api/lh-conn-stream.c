/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-api"

#include "lh-conn-stream.h"

#include <string.h>

/* libsoup 3.2 gives up on a request head over 64 KiB by closing the
 * connection, with no answer (HEADER_SIZE_LIMIT in soup-message-io-data.c).
 * The stream sees the head first, and answers 431, or 414 if the request
 * line alone is that long, before libsoup gives up. */
#define HEAD_LIMIT (64 * 1024)

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
  gboolean      started_told;  /* a request's first bytes came since idle */
  GSource      *gone_source;  /* (owned) (nullable) */

  /* A request head on its way: from the connection's start, or from idle,
   * until the empty line that ends it. Bytes libsoup read ahead before are
   * not counted, so a head is never taken as longer than it is. */
  gboolean      in_head;
  gboolean      in_request_line;
  gsize         head_bytes;
  guint         newlines;     /* line ends in a row, as libsoup counts them */
  guint         refused;      /* 431 or 414 once answered: what comes is dropped */
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
  LhConnStreamFunc  started;
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
  /* The next request's first bytes: its time to arrive whole starts. */
  if (n_read > 0 && self->idle && !self->started_told)
    {
      self->started_told = TRUE;
      if (self->owner != NULL && self->owner->started != NULL)
        self->owner->started (self->owner, self->owner->user_data);
    }
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

static void
head_start (LhConnInput *self)
{
  self->in_head = TRUE;
  self->in_request_line = TRUE;
  self->head_bytes = 0;
  /* As if just after a line end: bytes read ahead may have held the rest
   * of the head, and a stray line end then ends the watch, never a count. */
  self->newlines = 1;
}

/* The status to refuse the head with, once n more bytes of it are in. */
static guint
head_watch (LhConnInput *self, const char *bytes, gsize n)
{
  for (gsize i = 0; i < n && self->in_head; i++)
    {
      if (bytes[i] == '\n')
        {
          self->in_request_line = FALSE;
          /* "\n\n" or "\n\r\n" ends the head, as libsoup reads it. */
          if (++self->newlines == 2)
            self->in_head = FALSE;
        }
      else if (bytes[i] != '\r')
        self->newlines = 0;
    }
  if (!self->in_head)
    return 0;
  self->head_bytes += n;
  if (self->head_bytes <= HEAD_LIMIT)
    return 0;
  return self->in_request_line ? 414 : 431;
}

/* A minimal answer written past libsoup, which has no message to answer
 * with yet; then the connection only drains until the peer closes (so that
 * closing does not reset it before the answer is read) or the owner's idle
 * timeout ends it. */
static void
head_refuse (LhConnInput *self, guint status)
{
  /* As lh-problem.c words them. */
  static const char body_431[] =
    "{\"type\":\"https://learnhub.example/problems/headers-too-large\","
    "\"title\":\"The request's headers are too large\",\"status\":431,"
    "\"detail\":\"A request's headers are limited to 64 KiB\"}";
  static const char body_414[] =
    "{\"type\":\"https://learnhub.example/problems/uri-too-long\","
    "\"title\":\"The address is too long\",\"status\":414,"
    "\"detail\":\"A request's address is limited to 8 KiB\"}";
  const char *body = status == 414 ? body_414 : body_431;
  g_autofree char *answer = NULL;
  GOutputStream *output;

  self->refused = status;
  g_message ("Refusing a request head over %u bytes (%u)", HEAD_LIMIT, status);
  if (self->owner == NULL)
    return;
  answer = g_strdup_printf ("HTTP/1.1 %u %s\r\nContent-Type: application/problem+json\r\n"
                            "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                            status, status == 414 ? "URI Too Long" : "Request Header Fields Too Large",
                            strlen (body), body);
  output = g_io_stream_get_output_stream (self->owner->base);
  /* Best effort: a peer that does not read its answer does not get it. */
  if (G_IS_POLLABLE_OUTPUT_STREAM (output) && g_pollable_output_stream_can_poll (G_POLLABLE_OUTPUT_STREAM (output)))
    g_pollable_output_stream_write_nonblocking (G_POLLABLE_OUTPUT_STREAM (output), answer, strlen (answer),
                                                NULL, NULL);
  if (G_IS_SOCKET_CONNECTION (self->owner->base))
    g_socket_shutdown (g_socket_connection_get_socket (G_SOCKET_CONNECTION (self->owner->base)),
                       FALSE, TRUE, NULL);
}

/* What the base read, once the head is watched: after a refusal, libsoup
 * sees nothing until the peer leaves, and then an error (not an end of
 * stream, which it would take for the end of the head). */
static gssize
watched (LhConnInput *self, const void *buffer, gssize n_read, GError **error)
{
  guint status;

  if (self->refused != 0)
    {
      if (n_read < 0 && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return n_read;
      g_clear_error (error);
      if (n_read > 0)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK, "Dropping a refused request");
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED, "Refused a request head (%u)",
                     self->refused);
      return -1;
    }
  if (n_read <= 0 || !self->in_head)
    return n_read;
  status = head_watch (self, buffer, (gsize) n_read);
  if (status == 0)
    return n_read;
  head_refuse (self, status);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK, "Dropping a refused request");
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
  for (;;)
    {
      gssize n = watched (self, buffer,
                          held_back (self, g_input_stream_read (self->base, buffer, count, cancellable, error),
                                     error),
                          error);

      /* Blocking, a refused request is dropped here until its end. */
      if (n >= 0 || self->refused == 0 || !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return n;
      g_clear_error (error);
    }
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
  return watched (self, buffer,
                  held_back (self,
                             g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (self->base),
                                                                       buffer, count, NULL, error),
                             error),
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
  head_start (self);
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
                              LhConnStreamFunc started, gpointer user_data)
{
  g_return_if_fail (LH_IS_CONN_STREAM (self));

  self->gone = gone;
  self->closed = closed;
  self->started = started;
  self->user_data = user_data;
}

void
lh_conn_stream_set_idle (LhConnStream *self, gboolean idle)
{
  g_return_if_fail (LH_IS_CONN_STREAM (self));

  self->input->idle = idle;
  /* Idle: what comes next is a new request's head. */
  if (idle)
    {
      head_start (self->input);
      self->input->started_told = FALSE;
    }
}
