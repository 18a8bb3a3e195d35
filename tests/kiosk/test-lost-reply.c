/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk loses the daemon mid-booking (issue 16): the booking was
 * made and its answer lost, or the request never arrived. The kiosk must
 * not say "booked" unless the daemon says so, must say it cannot tell,
 * must not book twice on a second tap, and once the daemon answers again
 * must say what happened. Between the kiosk and a real learnhubd sits a
 * small proxy in this test that can drop what goes either way. */
#define G_LOG_DOMAIN "test-lost-reply"

#include <adwaita.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-client.h"
#include "lh-test-daemon.h"
#include "lh-window.h"

#define CANNOT_TELL "The centre’s computer did not answer, so we cannot tell yet whether "
#define NOT_BOOKED "The centre’s computer is answering again. "

typedef enum
{
  PASS,
  DROP_REQUESTS,  /* nothing reaches the daemon */
  DROP_REPLIES,   /* the daemon does it; its answer is lost */
} Mode;

static LhTestDaemon *centre;  /* (owned) */
static Mode mode;

/* ---- the proxy -------------------------------------------------------- */

typedef struct
{
  GIOStream *from;      /* (owned) */
  GIOStream *to;        /* (owned) */
  gboolean   to_daemon;
  char       buffer[16384];
} Pump;

static void
pump_free (Pump *pump)
{
  g_io_stream_close (pump->from, NULL, NULL);
  g_io_stream_close (pump->to, NULL, NULL);
  g_object_unref (pump->from);
  g_object_unref (pump->to);
  g_free (pump);
}

static void pump_read (Pump *pump);

static void
pump_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Pump *pump = user_data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);
  gboolean drop = pump->to_daemon ? mode == DROP_REQUESTS : mode == DROP_REPLIES;

  /* Dropped: both ends closed, as a network that went away. */
  if (n <= 0 || drop ||
      !g_output_stream_write_all (g_io_stream_get_output_stream (pump->to), pump->buffer, n, NULL, NULL, NULL))
    {
      pump_free (pump);
      return;
    }
  pump_read (pump);
}

static void
pump_read (Pump *pump)
{
  g_input_stream_read_async (g_io_stream_get_input_stream (pump->from), pump->buffer, sizeof pump->buffer,
                             G_PRIORITY_DEFAULT, NULL, pump_read_cb, pump);
}

static void
pump_start (GIOStream *from, GIOStream *to, gboolean to_daemon)
{
  Pump *pump = g_new0 (Pump, 1);

  pump->from = g_object_ref (from);
  pump->to = g_object_ref (to);
  pump->to_daemon = to_daemon;
  pump_read (pump);
}

static gboolean
incoming_cb (GSocketService *service, GSocketConnection *kiosk, GObject *source, gpointer user_data)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) daemon = g_socket_client_connect_to_host (client, "127.0.0.1", centre->port,
                                                                         NULL, NULL);

  if (daemon == NULL || mode == DROP_REQUESTS)
    {
      g_io_stream_close (G_IO_STREAM (kiosk), NULL, NULL);
      return TRUE;
    }
  pump_start (G_IO_STREAM (kiosk), G_IO_STREAM (daemon), TRUE);
  pump_start (G_IO_STREAM (daemon), G_IO_STREAM (kiosk), FALSE);
  return TRUE;
}

/* Returns: (transfer full) the proxy's address, as a base URL. */
static char *
proxy_start (GSocketService **out_service)
{
  g_autoptr(GError) error = NULL;
  GSocketService *service = g_socket_service_new ();
  guint16 port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);

  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (incoming_cb), NULL);
  g_socket_service_start (service);
  *out_service = service;
  return g_strdup_printf ("http://127.0.0.1:%u", port);
}

/* ---- tests ------------------------------------------------------------ */

static guint
count_bookings (const char *token)
{
  g_autoptr(JsonObject) body = NULL;

  g_assert_cmpuint (kiosk_api_call ("GET", "/me/bookings", token, NULL, &body), ==, 200);
  return json_array_get_length (json_object_get_array_member (body, "bookings"));
}

static void
lose_the_daemon (gboolean made)
{
  g_autoptr(GSocketService) proxy = NULL;
  g_autofree char *proxy_url = proxy_start (&proxy);
  LhTestDaemon via = *centre;
  guint learner = made ? 0 : 1;
  g_autofree char *token = kiosk_api_sign_in (learner, centre->device_token, NULL);
  const char *staff, *pin, *name;
  guint before;
  GtkWidget *book;
  Kiosk kiosk;

  /* The kiosk talks to the daemon through the proxy. */
  via.base_url = proxy_url;
  kiosk_open_window (&kiosk, &via, centre->device_token, 0, 0);
  kiosk_demo_learner (centre, learner, &staff, &pin, &name);
  kiosk_sign_in (kiosk.window, staff, pin, name);
  before = count_bookings (token);
  kiosk_show_a_free_slot (kiosk.window);
  kiosk_press (kiosk.window, "Free");
  kiosk_wait_for_label (kiosk.window, "Book this time?");
  kiosk_press (kiosk.window, "My own time");
  kiosk_wait_for (kiosk.window, kiosk_button_ready, "Book it", "the Book button");
  book = kiosk_find_button (kiosk.window, "Book it");

  mode = made ? DROP_REPLIES : DROP_REQUESTS;
  g_signal_emit_by_name (book, "clicked");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, CANNOT_TELL, "the kiosk to say it cannot tell");
  kiosk_screenshot (kiosk.window, made ? "lost-reply-cannot-tell" : "lost-request-cannot-tell");
  /* A second tap while it finds out books nothing more. */
  g_signal_emit_by_name (book, "clicked");
  /* It keeps asking while nothing answers, and says nothing more. */
  kiosk_spin (3000);
  g_assert_null (kiosk_find_label (kiosk.window, "It is booked"));
  g_assert_nonnull (kiosk_find_label_prefix (kiosk.window, CANNOT_TELL));
  g_assert_cmpuint (count_bookings (token), ==, before + (made ? 1 : 0));

  /* The daemon answers again: the kiosk says what happened. */
  mode = PASS;
  if (made)
    kiosk_wait_for_label (kiosk.window, "It is booked");
  else
    kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, NOT_BOOKED, "the kiosk to say it was not booked");
  kiosk_screenshot (kiosk.window, made ? "lost-reply-found" : "lost-request-found");
  g_assert_cmpuint (count_bookings (token), ==, before + (made ? 1 : 0));
  kiosk_close (&kiosk);
  g_socket_service_stop (proxy);
}

/* (a) The daemon booked it; the answer never came back. */
static void
test_reply_lost (void)
{
  lose_the_daemon (TRUE);
}

/* (b) The request never reached the daemon. */
static void
test_request_lost (void)
{
  lose_the_daemon (FALSE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);
  centre = lh_test_daemon_start (NULL);
  kiosk_api_init (centre);
  g_test_add_func ("/kiosk/lost-reply/booked-answer-lost", test_reply_lost);
  g_test_add_func ("/kiosk/lost-reply/request-never-arrived", test_request_lost);
  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
