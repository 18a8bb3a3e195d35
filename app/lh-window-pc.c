/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window on a PC's own kiosk: which PC this is and whether it is
 * reserved (on the welcome and sign-in pages), its heartbeat, the time
 * left while someone sits at it, and the end of the sitting. Also the
 * good news that reaches the kiosk's own stream while the person who got
 * a place from a waiting list is signed in on it. */
#define G_LOG_DOMAIN "lh-window"

#include "lh-window-private.h"

#include <glib/gi18n.h>

#include "lh-booking-notice.h"
#include "lh-client-faults.h"
#include "lh-time-format.h"

/* ---- which PC this is ------------------------------------------------- */

static void refresh_device (LhWindow *self);

static gboolean
reserved_turns_cb (gpointer user_data)
{
  LhWindow *self = LH_WINDOW (user_data);

  self->reserved_timeout_id = 0;
  refresh_device (self);
  return G_SOURCE_REMOVE;
}

/* "Reserved from 14:00" becomes "Reserved until 15:00" at 14:00, and
 * goes at 15:00, without anyone asking. */
static void
schedule_reserved_turn (LhWindow  *self,
                        GDateTime *now)
{
  LhDevicePc *pc = self->device ? self->device->pc : NULL;
  GDateTime *next = NULL;
  GTimeSpan wait;

  g_clear_handle_id (&self->reserved_timeout_id, g_source_remove);
  if (pc == NULL)
    return;
  if (pc->reserved_from != NULL && g_date_time_compare (pc->reserved_from, now) > 0)
    next = pc->reserved_from;
  else if (pc->reserved_until != NULL && g_date_time_compare (pc->reserved_until, now) > 0)
    next = pc->reserved_until;
  if (next == NULL)
    return;
  wait = g_date_time_difference (next, now);
  self->reserved_timeout_id = g_timeout_add_seconds ((guint) MIN (wait / G_USEC_PER_SEC + 1, 24 * 3600),
                                                     reserved_turns_cb, self);
  g_source_set_name_by_id (self->reserved_timeout_id, "[learnhub] reserved turns");
}

static void
show_pc (LhWindow *self)
{
  LhDevicePc *pc = self->device ? self->device->pc : NULL;
  g_autoptr(GDateTime) now = lh_client_now (self->client);
  g_autofree char *reserved = NULL;
  g_autofree char *line = NULL;

  if (pc == NULL)
    {
      lh_welcome_page_set_pc (self->welcome_page, NULL, NULL);
      lh_sign_in_page_set_pc (self->sign_in_page, NULL);
      schedule_reserved_turn (self, now);
      return;
    }
  reserved = lh_device_pc_format_reserved (pc, now);
  lh_welcome_page_set_pc (self->welcome_page, pc->name, reserved);
  /* Translators: the sign-in page of a PC's own kiosk: "PC 3 · Reserved from 14:00" */
  line = reserved ? g_strdup_printf (_("%s · %s"), pc->name, reserved) : g_strdup (pc->name);
  lh_sign_in_page_set_pc (self->sign_in_page, line);
  schedule_reserved_turn (self, now);
}

static void
device_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LhWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhDevice) device = NULL;

  device = lh_client_get_device_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_WINDOW (user_data);
  g_clear_object (&self->device_cancellable);
  if (device == NULL)
    {
      /* Kept as last known; asked again once the stream is back. */
      g_debug ("Could not ask which device this is: %s", error->message);
      return;
    }

  g_clear_pointer (&self->device, lh_device_free);
  self->device = g_steal_pointer (&device);
  if (self->device->pc != NULL)
    lh_heartbeat_start (self->heartbeat, (guint) self->device->heartbeat_seconds);
  else
    lh_heartbeat_stop (self->heartbeat);
  show_pc (self);
}

static void
refresh_device (LhWindow *self)
{
  /* The newest answer wins. */
  g_cancellable_cancel (self->device_cancellable);
  g_clear_object (&self->device_cancellable);
  self->device_cancellable = g_cancellable_new ();
  lh_client_get_device_async (self->client, self->device_cancellable, device_cb, self);
}

/* ---- the end of a sitting --------------------------------------------- */

static void
end_sitting (LhWindow   *self,
             const char *pc_name,
             const char *reason)
{
  g_autofree char *message = NULL;

  if (g_strcmp0 (reason, "moved") == 0)
    /* Translators: %s is a PC, e.g. "PC 3" */
    message = g_strdup_printf (_("You signed in at another PC, so your time on %s has ended."), pc_name);
  else if (g_strcmp0 (reason, "closing") == 0)
    /* Translators: %s is a PC, e.g. "PC 3" */
    message = g_strdup_printf (_("The centre is closing. Your time on %s has ended."), pc_name);
  else
    /* Translators: %s is a PC, e.g. "PC 3" */
    message = g_strdup_printf (_("Your time on %s has ended."), pc_name);

  /* The person may be in another program: tell them there as well. */
  lh_notifier_show (self->notifier, "ended", message, NULL, FALSE, NULL);
  /* Explicitly, whatever the daemon did already: a session must never
   * outlive the welcome page. When the daemon ended the sitting itself
   * (time up at the same moment, or usage-ended), this finds it gone. */
  lh_window_sign_out (self, message);
}

static void
time_up_cb (LhWindow     *self,
            LhUsage      *usage,
            LhSittingBar *bar)
{
  end_sitting (self, usage->resource_name, NULL);
}

static void
usage_ended_cb (LhWindow   *self,
                const char *type,
                JsonNode   *data,
                LhClient   *client)
{
  LhUsage *current = lh_client_get_usage (client);
  g_autoptr(LhUsage) ended = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (current == NULL || data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    return;
  ended = lh_usage_from_json (json_node_get_object (data), lh_client_get_time_zone (client), &error);
  if (ended == NULL)
    {
      g_debug ("Ignoring usage-ended: %s", error->message);
      return;
    }
  /* Only for this sitting: not one that ended before it began. */
  if (ended->id != current->id)
    return;
  name = g_strdup (current->resource_name);
  end_sitting (self, name, ended->end_reason);
}

/* The window's requests are cancelled when it goes, and their callbacks
 * then return before touching it: so they hold no reference to it. */
typedef struct
{
  LhWindow *window;   /* (unowned) */
  char     *pc_name;  /* (owned) */
} UsageCheck;

static void
usage_check_free (UsageCheck *check)
{
  g_free (check->pc_name);
  g_free (check);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UsageCheck, usage_check_free)

static void
usage_checked_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(UsageCheck) check = user_data;
  g_autoptr(GError) error = NULL;

  if (!lh_client_get_usage_finish (LH_CLIENT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not check the sitting: %s", error->message);
      return;
    }
  /* It ended while the kiosk was out of contact. */
  if (lh_client_is_signed_in (LH_CLIENT (source)) && lh_client_get_usage (LH_CLIENT (source)) == NULL)
    end_sitting (check->window, check->pc_name, NULL);
}

/* Reads the sitting again: its end, and how much more time there is. */
static void
check_usage (LhWindow *self)
{
  LhUsage *usage = lh_client_get_usage (self->client);
  UsageCheck *check;

  if (usage == NULL || !lh_client_is_signed_in (self->client))
    return;
  check = g_new0 (UsageCheck, 1);
  check->window = self;
  check->pc_name = g_strdup (usage->resource_name);
  lh_client_get_usage_async (self->client, self->cancellable, usage_checked_cb, check);
}

static void
online_changed_cb (LhWindow   *self,
                   GParamSpec *pspec,
                   LhClient   *client)
{
  if (!lh_client_get_online (client))
    return;
  /* Back in contact: what is reserved may have changed, and a
   * usage-ended may have been missed. A desk kiosk stays one. */
  if (self->device == NULL || self->device->pc != NULL)
    refresh_device (self);
  check_usage (self);
}

/* A booking of this PC was made or cancelled: the sign-in screen's
 * "Reserved from", and how much more time the sitting can have. */
static void
availability_changed_cb (LhWindow   *self,
                         gint64      resource_id,
                         const char *date,
                         LhClient   *client)
{
  if (self->device == NULL || self->device->pc == NULL || self->device->pc->id != resource_id)
    return;
  refresh_device (self);
  check_usage (self);
}

/* ---- good news while signed in ---------------------------------------- */

typedef struct
{
  LhWindow *window;   /* (unowned) as for UsageCheck */
  gint64    session_id;
} Promotion;

static void
promotion_free (Promotion *promotion)
{
  g_free (promotion);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Promotion, promotion_free)

static void
promoted_sessions_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Promotion) promotion = user_data;
  LhWindow *self = promotion->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) news = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_group_session_free);
  g_autofree char *text = NULL;

  sessions = lh_client_list_group_sessions_finish (LH_CLIENT (source), result, &error);
  if (sessions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the group sessions: %s", error->message);
      return;
    }
  /* Only a place that is the person's now: the event may have been for
   * whoever was signed in a moment before. */
  for (guint i = 0; i < sessions->len; i++)
    {
      LhGroupSession *session = g_ptr_array_index (sessions, i);

      if (session->id == promotion->session_id && g_strcmp0 (session->my_place, "booked") == 0)
        g_ptr_array_add (news, lh_group_session_copy (session));
    }
  text = lh_home_page_format_promotions (news);
  if (text == NULL || !lh_client_is_signed_in (self->client))
    return;

  if (g_strcmp0 (lh_window_get_visible_page_name (self), "home") == 0)
    lh_home_page_set_notice (self->home_page, text);
  else
    lh_window_show_toast (self, text);
  /* At a PC, the person is likely in another program. */
  if (self->device != NULL && self->device->pc != NULL)
    lh_notifier_show (self->notifier, "good-news", _("Good news"), text, FALSE, NULL);
}

static void
promoted_cb (LhWindow   *self,
             const char *type,
             JsonNode   *data,
             LhClient   *client)
{
  JsonObject *object = data && JSON_NODE_HOLDS_OBJECT (data) ? json_node_get_object (data) : NULL;
  Promotion *promotion;

  /* The kiosk's own stream has it only while that person is signed in. */
  if (object == NULL || !lh_client_is_signed_in (client))
    return;
  promotion = g_new0 (Promotion, 1);
  promotion->window = self;
  promotion->session_id = json_object_get_int_member_with_default (object, "group_session_id", 0);
  lh_client_list_group_sessions_async (client, NULL, NULL, self->cancellable,
                                       promoted_sessions_cb, promotion);
}

/* ---- a booking moved off a PC out of order ---------------------------- */

static void
booking_moved_cb (LhWindow   *self,
                  const char *type,
                  JsonNode   *data,
                  LhClient   *client)
{
  g_autoptr(LhBookingNotice) notice = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* The kiosk's own stream has it while that person has a session here;
   * shown to anyone else it would be told to the wrong person. */
  if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data) || !lh_client_is_signed_in (client) ||
      json_object_get_int_member_with_default (json_node_get_object (data), "person_id", 0) !=
        lh_client_get_person (client)->id)
    return;
  notice = lh_booking_notice_from_json (json_node_get_object (data), lh_client_get_time_zone (client), &error);
  if (notice == NULL)
    {
      g_debug ("Ignoring a booking event: %s", error->message);
      return;
    }
  notices = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_booking_notice_free);
  g_ptr_array_add (notices, g_steal_pointer (&notice));
  text = lh_booking_notices_format (notices);
  if (g_strcmp0 (lh_window_get_visible_page_name (self), "home") == 0)
    lh_home_page_add_notice (self->home_page, text, FALSE);
  else
    lh_window_show_toast (self, text);
  /* At a PC, the person is likely in another program. */
  if (self->device != NULL && self->device->pc != NULL)
    lh_notifier_show (self->notifier, "booking-moved", _("Your booking changed"), text, FALSE, NULL);
  lh_client_booking_notices_shown (client, notices);
}

/* ---- set up ----------------------------------------------------------- */

gboolean
lh_window_pc_is_sitting (LhWindow *self)
{
  return lh_client_is_signed_in (self->client) && lh_client_get_usage (self->client) != NULL;
}

void
lh_window_pc_setup (LhWindow *self)
{
  self->heartbeat = lh_heartbeat_new (self->client);
  self->notifier = lh_notifier_new ();

  lh_sitting_bar_set_notifier (self->sitting_bar, self->notifier);
  lh_sitting_bar_set_client (self->sitting_bar, self->client);
  g_signal_connect_object (self->sitting_bar, "time-up",
                           G_CALLBACK (time_up_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "availability-changed",
                           G_CALLBACK (availability_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "event::usage-ended",
                           G_CALLBACK (usage_ended_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "event::waiting-list-promoted",
                           G_CALLBACK (promoted_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "event::booking-moved",
                           G_CALLBACK (booking_moved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "event::booking-cancelled",
                           G_CALLBACK (booking_moved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "notify::online",
                           G_CALLBACK (online_changed_cb), self, G_CONNECT_SWAPPED);
  refresh_device (self);
}

void
lh_window_pc_dispose (LhWindow *self)
{
  g_cancellable_cancel (self->device_cancellable);
  g_clear_object (&self->device_cancellable);
  g_clear_handle_id (&self->reserved_timeout_id, g_source_remove);
  if (self->heartbeat != NULL)
    lh_heartbeat_stop (self->heartbeat);
  g_clear_object (&self->heartbeat);
  g_clear_object (&self->notifier);
  g_clear_pointer (&self->device, lh_device_free);
}

/* Returns: (transfer none) (nullable) for tests. */
LhHeartbeat *
lh_window_get_heartbeat (LhWindow *self)
{
  g_return_val_if_fail (LH_IS_WINDOW (self), NULL);
  return self->heartbeat;
}

/* Returns: (transfer none) for tests. */
LhSittingBar *
lh_window_get_sitting_bar (LhWindow *self)
{
  g_return_val_if_fail (LH_IS_WINDOW (self), NULL);
  return self->sitting_bar;
}
