/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Decisions on a learner's paid time off, told to them: at sign-in, those
 * made while they were away; while signed in, each as it is made (the
 * `time-off-decided` event), on the home page or as a toast, and at a PC
 * as a desktop notification too. The My time off page lists them again
 * on the next visit. */
#define G_LOG_DOMAIN "lh-window"

#include "lh-window-private.h"

#include <glib/gi18n.h>

#include "lh-client-time-off.h"
#include "lh-time-off-words.h"

#define NOTIFICATION_KEY "time-off-decided"
#define TOAST_KEY "lh-time-off-toast"  /* (owned) AdwToast, on the window */

/* What was asked for whom: the answer is told only if they are still the
 * one signed in. */
typedef struct
{
  LhWindow *window;      /* (unowned) the window's cancellable ends first */
  gint64    person_id;
  gint64    request_id;  /* 0 at sign-in: every decision */
} Ask;

static void
ask_free (Ask *ask)
{
  g_free (ask);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Ask, ask_free)

static Ask *
ask_new (LhWindow *self,
         gint64    request_id)
{
  Ask *ask = g_new0 (Ask, 1);

  ask->window = self;
  ask->person_id = lh_client_get_person (self->client)->id;
  ask->request_id = request_id;
  return ask;
}

static gboolean
still_theirs (const Ask *ask)
{
  LhPerson *person = lh_client_get_person (ask->window->client);

  return lh_client_is_signed_in (ask->window->client) && person != NULL && person->id == ask->person_id;
}

/* Good news only if every one of them was approved. */
static gboolean
all_approved (GPtrArray *decisions)
{
  for (guint i = 0; i < decisions->len; i++)
    if (g_strcmp0 (((const LhTimeOff *) g_ptr_array_index (decisions, i))->status, "rejected") == 0)
      return FALSE;
  return TRUE;
}

static void
tell (LhWindow   *self,
      const char *text,
      gboolean    good_news)
{
  const char *page = lh_window_get_visible_page_name (self);

  if (g_strcmp0 (page, "home") == 0)
    lh_home_page_add_notice (self->home_page, text, good_news);
  /* My time off shows it at its top by itself. */
  else if (g_strcmp0 (page, "time-off") != 0)
    {
      /* Kept, to be taken away when the person signs out. */
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_timeout (toast, 6);
      g_object_set_data_full (G_OBJECT (self), TOAST_KEY, g_object_ref (toast), g_object_unref);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  /* At a PC, the person is likely in another program. */
  if (self->device != NULL && self->device->pc != NULL)
    lh_notifier_show (self->notifier, NOTIFICATION_KEY, _("Time off for learning"), text, FALSE, NULL);
}

/* ---- at sign-in ------------------------------------------------------- */

static void
signed_in_balance_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Ask) ask = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhTimeOffBalance) balance = NULL;
  g_autofree char *text = NULL;

  balance = lh_client_get_my_time_off_finish (LH_CLIENT (source), result, &error);
  if (balance == NULL)
    {
      /* They are kept for the My time off page all the same. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not ask for decisions at sign-in: %s", error->message);
      return;
    }
  text = lh_time_off_format_decisions (balance->decisions);
  if (text != NULL && still_theirs (ask))
    tell (ask->window, text, all_approved (balance->decisions));
}

void
lh_window_time_off_signed_in (LhWindow *self)
{
  if (!lh_time_off_page_is_for (lh_client_get_person (self->client)))
    return;
  lh_client_get_my_time_off_async (self->client, NULL, self->cancellable, signed_in_balance_cb,
                                   ask_new (self, 0));
}

/* ---- while signed in -------------------------------------------------- */

static const LhTimeOff *
find_request (GPtrArray *requests,
              gint64     id)
{
  for (guint i = 0; i < requests->len; i++)
    {
      const LhTimeOff *request = g_ptr_array_index (requests, i);

      if (request->id == id)
        return request;
    }
  return NULL;
}

static void
decided_balance_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Ask) ask = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhTimeOffBalance) balance = NULL;
  const LhTimeOff *request;
  g_autofree char *text = NULL;

  balance = lh_client_get_my_time_off_finish (LH_CLIENT (source), result, &error);
  if (balance == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the decision: %s", error->message);
      return;
    }
  /* Told in this answer, or already to another kiosk of theirs: either
   * way the request itself says what was decided. */
  request = find_request (balance->decisions, ask->request_id);
  if (request == NULL)
    request = find_request (balance->requests, ask->request_id);
  /* Only one of the person's now: the event may have been for whoever
   * was signed in a moment before. */
  if (request == NULL || !still_theirs (ask) ||
      (g_strcmp0 (request->status, "approved") != 0 && g_strcmp0 (request->status, "rejected") != 0))
    return;
  text = lh_time_off_format_decision (request);
  tell (ask->window, text, g_strcmp0 (request->status, "approved") == 0);
}

static void
decided_cb (LhWindow   *self,
            const char *type,
            JsonNode   *data,
            LhClient   *client)
{
  JsonObject *object = data && JSON_NODE_HOLDS_OBJECT (data) ? json_node_get_object (data) : NULL;

  /* The kiosk's own stream has it only while that person is signed in. */
  if (object == NULL || !lh_client_is_signed_in (client) ||
      !lh_time_off_page_is_for (lh_client_get_person (client)))
    return;
  lh_client_get_my_time_off_async (client, NULL, self->cancellable, decided_balance_cb,
                                   ask_new (self, json_object_get_int_member_with_default (object, "request_id", 0)));
}

/* Nothing of the last person's may show: their toast and notification
 * neither. */
static void
signed_in_changed_cb (LhWindow   *self,
                      GParamSpec *pspec,
                      LhClient   *client)
{
  AdwToast *toast = g_object_get_data (G_OBJECT (self), TOAST_KEY);

  if (lh_client_is_signed_in (client))
    return;
  if (toast != NULL)
    adw_toast_dismiss (toast);
  g_object_set_data (G_OBJECT (self), TOAST_KEY, NULL);
  if (self->notifier != NULL)
    lh_notifier_close (self->notifier, NOTIFICATION_KEY);
}

void
lh_window_time_off_setup (LhWindow *self)
{
  g_signal_connect_object (self->client, "event::time-off-decided",
                           G_CALLBACK (decided_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "notify::signed-in",
                           G_CALLBACK (signed_in_changed_cb), self, G_CONNECT_SWAPPED);
}
