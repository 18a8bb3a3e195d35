/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "kiosk-dunst.h"

#include <gio/gio.h>
#include <signal.h>

#include "kiosk-helpers.h"

static GSubprocess *dunst;  /* (owned) (nullable) the one this test started */

static gboolean
bus_name_owned (const char *name)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner", g_variant_new ("(s)", name),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 2000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* dunstctl's output (JSON for "history"), or NULL if no dunst answers.
 * Returns: (transfer full) (nullable) */
static char *
dunstctl (const char *command)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, "dunstctl", command, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    return NULL;
  return g_steal_pointer (&out);
}

void
kiosk_dunst_start (void)
{
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_error ("No session bus: run the kiosk tests under dbus-run-session");
  if (bus_name_owned ("org.freedesktop.Notifications"))
    {
      /* The tests share one bus; a kiosk that notified woke dunst by D-Bus
       * activation, and it stays. It is as real as ours. */
      g_autofree char *paused = dunstctl ("is-paused");

      if (paused == NULL)
        g_error ("Another notification server than dunst is on this session bus");
      return;
    }
  dunst = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                            &error, "dunst", NULL);
  if (dunst == NULL)
    g_error ("Cannot start dunst (apt-get install dunst): %s", error->message);
  while (!bus_name_owned ("org.freedesktop.Notifications"))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("dunst did not take org.freedesktop.Notifications within 10 s");
      g_usleep (50 * 1000);
    }
}

void
kiosk_dunst_stop (void)
{
  if (dunst == NULL)
    return;
  g_subprocess_send_signal (dunst, SIGTERM);
  g_subprocess_wait (dunst, NULL, NULL);
  g_clear_object (&dunst);
}

JsonObject *
kiosk_dunst_find (const char *summary)
{
  g_autofree char *closed = dunstctl ("close-all");
  g_autofree char *history = dunstctl ("history");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *outer, *list;

  if (history == NULL || !json_parser_load_from_data (parser, history, -1, NULL))
    return NULL;
  outer = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "data");
  if (outer == NULL || json_array_get_length (outer) == 0)
    return NULL;
  list = json_array_get_array_element (outer, 0);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *item = json_array_get_object_element (list, i);
      JsonObject *field = json_object_get_object_member (item, "summary");

      if (field != NULL && g_strcmp0 (json_object_get_string_member (field, "data"), summary) == 0)
        return json_object_ref (item);
    }
  return NULL;
}

gboolean
kiosk_dunst_has (LhWindow      *window,
                 gconstpointer  summary)
{
  g_autoptr(JsonObject) found = kiosk_dunst_find (summary);

  kiosk_spin (100);
  return found != NULL;
}
