/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk's window: its pages and which one shows, the top bar, and
 * whether the daemon can be reached. Signing in and out is in
 * lh-window-session.c, a PC's own kiosk in lh-window-pc.c. */
#define G_LOG_DOMAIN "lh-window"

#include "lh-window-private.h"
#include "lh-osk.h"
#include "lh-soonest-card.h"

#include <glib/gi18n.h>

#include "lh-admin-notices.h"
#include "lh-next-meeting-tile.h"
#include "lh-language.h"
#include "lh-style.h"

G_DEFINE_FINAL_TYPE (LhWindow, lh_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_IDLE_TIMEOUT,
  PROP_IDLE_WARNING,
  PROP_LARGE_TEXT,
  PROP_HIGH_CONTRAST,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
lh_window_show_page (LhWindow   *self,
                     const char *name)
{
  GtkStackPage *page;
  gboolean signed_in = lh_client_is_signed_in (self->client);
  gboolean welcome = g_str_equal (name, "welcome");

  /* A notice on the home page stays until the person moves on. */
  if (!g_str_equal (name, "home"))
    lh_home_page_set_notice (self->home_page, NULL);
  gtk_stack_set_visible_child_name (self->stack, name);
  page = gtk_stack_get_page (self->stack, gtk_stack_get_visible_child (self->stack));

  /* Back and Sign out keep their places; only whether they show changes. */
  gtk_widget_set_visible (self->top_bar, !welcome);
  gtk_widget_set_visible (self->back_button, !g_str_equal (name, "home"));
  gtk_widget_set_visible (self->sign_out_button, signed_in);
  gtk_label_set_label (self->title_label, gtk_stack_page_get_title (page));

  /* Anywhere but the welcome page, someone who walked away is sent back
   * there, so that the next person never sees what they left. Not while
   * someone sits at this PC, though: they work in other programs, not in
   * this window, so an untouched kiosk says nothing about them. Their
   * sitting ends at its time (or when this kiosk's heartbeat stops), and
   * the daemon signs them out then. */
  self->long_page = FALSE;
  lh_window_apply_idle_timing (self);
  if (welcome || lh_window_pc_is_sitting (self))
    {
      lh_idle_monitor_stop (self->idle);
      gtk_widget_set_visible (self->idle_overlay, FALSE);
    }
  else if (!lh_idle_monitor_is_running (self->idle))
    lh_idle_monitor_start (self->idle);
  else
    lh_idle_monitor_poke (self->idle);
}

static void
set_css_class (LhWindow   *self,
               const char *css_class,
               gboolean    enabled)
{
  if (enabled)
    gtk_widget_add_css_class (GTK_WIDGET (self), css_class);
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), css_class);
}

/* Home's "Book – work time" or "Book – my own time": booked at once, the
 * book page shows the outcome. */
static void
book_soonest_cb (LhWindow     *self,
                 const LhSlot *slot,
                 gboolean      paid)
{
  if (!lh_client_is_signed_in (self->client))
    return;
  lh_book_page_start (self->book_page);
  lh_book_page_book_slot (self->book_page, slot, paid);
  lh_window_show_page (self, "book");
}

static void
approvals_pending_cb (LhWindow        *self,
                      GParamSpec      *pspec,
                      LhApprovalsPage *page)
{
  lh_home_page_set_approvals (self->home_page, lh_approvals_page_get_pending (page));
}

/* ---- connection ------------------------------------------------------- */

/* Whether the daemon can be reached is the event stream's to say (the
 * client's `online`); nothing here polls. */

static void
health_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LhWindow *self;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = lh_client_get_health_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  if (ok)
    {
      self->health_known = TRUE;
      /* The centre's idle timing, for the pages before anyone signs in. */
      lh_window_apply_idle_timing (self);
    }
  else
    g_debug ("Health check failed: %s", error->message);
}

void
lh_window_check_health (LhWindow *self)
{
  lh_client_get_health_async (self->client, self->cancellable, health_cb, self);
}

static void
online_changed_cb (LhWindow   *self,
                   GParamSpec *pspec,
                   LhClient   *client)
{
  gboolean online = lh_client_get_online (client);

  /* The pages keep what they showed, read-only, and load it again once
   * the stream is back. */
  gtk_revealer_set_reveal_child (self->offline_revealer, !online);
  /* The centre's time zone, if the first try could not ask. */
  if (online && !self->health_known)
    lh_window_check_health (self);
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_window_constructed (GObject *object)
{
  LhWindow *self = LH_WINDOW (object);

  G_OBJECT_CLASS (lh_window_parent_class)->constructed (object);

  g_assert (self->client != NULL);
  lh_window_settings_constructed (self);

  lh_sign_in_page_set_client (self->sign_in_page, self->client);
  lh_fault_page_set_client (self->fault_page, self->client);
  lh_page_set_client (LH_PAGE (self->book_page), self->client);
  lh_page_set_client (LH_PAGE (self->bookings_page), self->client);
  lh_page_set_client (LH_PAGE (self->groups_page), self->client);
  lh_page_set_client (LH_PAGE (self->guest_page), self->client);
  lh_page_set_client (LH_PAGE (self->assessments_page), self->client);
  lh_page_set_client (LH_PAGE (self->timetable_page), self->client);
  lh_page_set_client (LH_PAGE (self->desk_page), self->client);
  lh_page_set_client (LH_PAGE (self->facility_page), self->client);
  lh_page_set_client (LH_PAGE (self->equality_page), self->client);
  lh_page_set_client (LH_PAGE (self->dashboard_page), self->client);
  lh_page_set_client (LH_PAGE (self->advice_page), self->client);
  lh_page_set_client (LH_PAGE (self->record_page), self->client);
  lh_page_set_client (LH_PAGE (self->time_off_page), self->client);
  lh_page_set_client (LH_PAGE (self->approvals_page), self->client);
  lh_admin_notices_set_client (LH_ADMIN_NOTICES (lh_home_page_get_admin_notices (self->home_page)), self->client);
  lh_next_meeting_tile_set_client (LH_NEXT_MEETING_TILE (lh_home_page_get_next_meeting (self->home_page)),
                                   self->client);
  lh_soonest_card_set_client (LH_SOONEST_CARD (lh_home_page_get_soonest (self->home_page)), self->client);
  g_signal_connect_object (lh_home_page_get_soonest (self->home_page), "book",
                           G_CALLBACK (book_soonest_cb), self, G_CONNECT_SWAPPED);
  lh_action_plan_page_set_client (self->action_plan_page, self->client);
  lh_meetings_page_set_client (self->meetings_page, self->client);
  lh_page_set_client (LH_PAGE (self->equipment_page), self->client);
  g_signal_connect_object (self->approvals_page, "notify::pending",
                           G_CALLBACK (approvals_pending_cb), self, G_CONNECT_SWAPPED);

  /* Signed out by the daemon or by the idle timer. */
  lh_window_session_setup (self);
  g_signal_connect_object (self->client, "notify::online",
                           G_CALLBACK (online_changed_cb), self, G_CONNECT_SWAPPED);
  /* A PC's own kiosk: which PC, its heartbeat, the time left. */
  lh_window_pc_setup (self);
  /* A ULR signed in here hears of appointments and long queues. */
  self->desk_alerts = lh_desk_alerts_new (self->client, self->notifier);
  /* "Your ticket was called" reaches someone looking elsewhere too. */
  lh_advice_page_set_notifier (self->advice_page, self->notifier);
  /* So does "your paid time was approved". */
  lh_window_time_off_setup (self);

  lh_window_show_page (self, "welcome");
  lh_window_check_health (self);
  /* Live updates; also tells whether the daemon can be reached. */
  lh_client_connect_events (self->client);
  gtk_revealer_set_reveal_child (self->offline_revealer, !lh_client_get_online (self->client));
}

static void
lh_window_dispose (GObject *object)
{
  LhWindow *self = LH_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->idle != NULL)
    lh_idle_monitor_stop (self->idle);
  g_clear_object (&self->desk_alerts);
  lh_window_pc_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), LH_TYPE_WINDOW);

  G_OBJECT_CLASS (lh_window_parent_class)->dispose (object);
}

static void
lh_window_finalize (GObject *object)
{
  LhWindow *self = LH_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->idle);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (lh_window_parent_class)->finalize (object);
}

static void
lh_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LhWindow *self = LH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_IDLE_TIMEOUT:
      g_value_set_int (value, self->idle_timeout);
      break;
    case PROP_IDLE_WARNING:
      g_value_set_int (value, self->idle_warning);
      break;
    case PROP_LARGE_TEXT:
      g_value_set_boolean (value, self->large_text);
      break;
    case PROP_HIGH_CONTRAST:
      g_value_set_boolean (value, self->high_contrast);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, lh_language_get_current ());
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lh_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LhWindow *self = LH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_IDLE_TIMEOUT:
      self->idle_timeout = g_value_get_int (value);
      lh_window_apply_idle_timing (self);
      break;
    case PROP_IDLE_WARNING:
      self->idle_warning = g_value_get_int (value);
      lh_window_apply_idle_timing (self);
      break;
    case PROP_LARGE_TEXT:
      if (self->large_text != g_value_get_boolean (value))
        {
          self->large_text = g_value_get_boolean (value);
          set_css_class (self, "large-text", self->large_text);
          g_object_notify_by_pspec (object, pspec);
          lh_window_settings_changed (self, "large-text");
        }
      break;
    case PROP_HIGH_CONTRAST:
      if (self->high_contrast != g_value_get_boolean (value))
        {
          self->high_contrast = g_value_get_boolean (value);
          set_css_class (self, "high-contrast", self->high_contrast);
          g_object_notify_by_pspec (object, pspec);
          lh_window_settings_changed (self, "high-contrast");
        }
      break;
    case PROP_LANGUAGE:
      lh_window_settings_set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lh_window_class_init (LhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lh_window_constructed;
  object_class->dispose = lh_window_dispose;
  object_class->finalize = lh_window_finalize;
  object_class->get_property = lh_window_get_property;
  object_class->set_property = lh_window_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, LH_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* For tests, to be quick: the centre's timing (from the daemon) when 0. */
  properties[PROP_IDLE_TIMEOUT] =
    g_param_spec_int ("idle-timeout", NULL, NULL, 0, 24 * 60 * 60, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDLE_WARNING] =
    g_param_spec_int ("idle-warning", NULL, NULL, 0, 24 * 60 * 60, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LARGE_TEXT] =
    g_param_spec_boolean ("large-text", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGH_CONTRAST] =
    g_param_spec_boolean ("high-contrast", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "en", "pl", …: the language spoken now (lh-window-settings.c). */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LH_TYPE_WELCOME_PAGE);
  g_type_ensure (LH_TYPE_SIGN_IN_PAGE);
  g_type_ensure (LH_TYPE_FAULT_PAGE);
  g_type_ensure (LH_TYPE_HOME_PAGE);
  g_type_ensure (LH_TYPE_BOOK_PAGE);
  g_type_ensure (LH_TYPE_BOOKINGS_PAGE);
  g_type_ensure (LH_TYPE_GROUPS_PAGE);
  g_type_ensure (LH_TYPE_GUEST_PAGE);
  g_type_ensure (LH_TYPE_TIMETABLE_PAGE);
  g_type_ensure (LH_TYPE_DESK_PAGE);
  g_type_ensure (LH_TYPE_DASHBOARD_PAGE);
  g_type_ensure (LH_TYPE_FACILITY_PAGE);
  g_type_ensure (LH_TYPE_ADVICE_PAGE);
  g_type_ensure (LH_TYPE_RECORD_PAGE);
  g_type_ensure (LH_TYPE_TIME_OFF_PAGE);
  g_type_ensure (LH_TYPE_APPROVALS_PAGE);
  g_type_ensure (LH_TYPE_SITTING_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/learnhub/Kiosk/lh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, idle_overlay);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, idle_card);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, idle_countdown_label);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, still_here_button);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, top_bar);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, sitting_bar);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, fault_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, home_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, book_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, bookings_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, groups_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, guest_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, assessments_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, timetable_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, desk_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, facility_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, equality_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, dashboard_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, advice_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, record_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, time_off_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, approvals_page);
  gtk_widget_class_bind_template_child (widget_class, LhWindow, equipment_page);
  lh_window_session_class_init (widget_class);

  lh_window_class_install_actions (widget_class);
}

static void
lh_window_init (LhWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->idle = lh_idle_monitor_new ();

  lh_style_ensure ();
  /* Built in English, the msgids' language, so that lh-relabel.c can
   * note them; the window then speaks the kiosk's language. */
  lh_language_apply ("en");
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The committee's pages, in their own files. */
  self->action_plan_page = LH_ACTION_PLAN_PAGE (lh_action_plan_page_new ());
  gtk_stack_add_titled (self->stack, GTK_WIDGET (self->action_plan_page), "action-plan", _("Action plan"));
  self->meetings_page = LH_MEETINGS_PAGE (lh_meetings_page_new ());
  gtk_stack_add_titled (self->stack, GTK_WIDGET (self->meetings_page), "meetings", _("Meetings"));

  /* Free text anywhere gets the on-screen keyboard. */
  lh_osk_attach (ADW_APPLICATION_WINDOW (self));
  lh_idle_monitor_watch (self->idle, GTK_WIDGET (self));
  g_signal_connect_object (self->idle, "countdown", G_CALLBACK (lh_window_idle_countdown_cb), self, G_CONNECT_SWAPPED);
}

LhWindow *
lh_window_new (GtkApplication *application,
               LhClient       *client)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LH_IS_CLIENT (client), NULL);

  return g_object_new (LH_TYPE_WINDOW,
                       "application", application,
                       "client", client,
                       NULL);
}

/* Returns: (transfer none) */
LhClient *
lh_window_get_client (LhWindow *self)
{
  g_return_val_if_fail (LH_IS_WINDOW (self), NULL);
  return self->client;
}

/* Returns: (transfer none) */
LhIdleMonitor *
lh_window_get_idle_monitor (LhWindow *self)
{
  g_return_val_if_fail (LH_IS_WINDOW (self), NULL);
  return self->idle;
}

const char *
lh_window_get_visible_page_name (LhWindow *self)
{
  g_return_val_if_fail (LH_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
lh_window_show_toast (LhWindow   *self,
                      const char *message)
{
  AdwToast *toast;

  g_return_if_fail (LH_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
