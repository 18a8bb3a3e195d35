/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Who is signed in at the kiosk: signing in, and signing out, whether by
 * the person, the daemon or the idle timer; then the pages forget the
 * last person, so the next one cannot see what they left. */
#define G_LOG_DOMAIN "lh-window"

#include "lh-window-private.h"
#include "lh-soonest-card.h"

#include <glib/gi18n.h>

#include "lh-booking-notice.h"
#include "lh-client-faults.h"

/* Forget everything the last person saw, so the next one cannot. */
static void
reset_pages (LhWindow *self)
{
  lh_sign_in_page_reset (self->sign_in_page);
  lh_fault_page_reset (self->fault_page);
  lh_home_page_set_person (self->home_page, NULL);
  lh_book_page_reset (self->book_page);
  lh_bookings_page_reset (self->bookings_page);
  lh_groups_page_reset (self->groups_page);
  lh_guest_page_reset (self->guest_page);
  lh_assessments_page_reset (self->assessments_page);
  lh_timetable_page_reset (self->timetable_page);
  lh_desk_page_reset (self->desk_page);
  lh_facility_page_reset (self->facility_page);
  lh_equality_page_reset (self->equality_page);
  lh_dashboard_page_reset (self->dashboard_page);
  lh_advice_page_reset (self->advice_page);
  lh_record_page_reset (self->record_page);
  lh_time_off_page_reset (self->time_off_page);
  lh_approvals_page_reset (self->approvals_page);
  lh_equipment_page_reset (self->equipment_page);
  lh_home_page_set_notice (self->home_page, NULL);
  if (self->desk_alerts != NULL)
    lh_desk_alerts_withdraw (self->desk_alerts);
}

static void
back_to_welcome (LhWindow   *self,
                 const char *toast)
{
  reset_pages (self);
  /* The centre's language, text size and contrast for the next person. */
  lh_window_settings_signed_out (self);
  lh_window_show_page (self, "welcome");
  if (toast != NULL)
    lh_window_show_toast (self, toast);
}

static void
sign_out_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The kiosk forgot the session already; a failure here only means the
   * daemon lets it expire by itself. */
  if (!lh_client_sign_out_finish (LH_CLIENT (source), result, &error))
    g_debug ("Sign-out request failed: %s", error->message);
}

void
lh_window_sign_out (LhWindow   *self,
                    const char *toast)
{
  lh_client_sign_out_async (self->client, NULL, sign_out_cb, NULL);
  back_to_welcome (self, toast);
}

/* The fault was reported and thanked for: the next person starts afresh. */
static void
fault_finished_cb (LhWindow    *self,
                   LhFaultPage *page)
{
  if (g_str_equal (lh_window_get_visible_page_name (self), "fault"))
    back_to_welcome (self, NULL);
}

static void
signed_in_cb (LhWindow     *self,
              LhSignInPage *page)
{
  g_autofree char *notice = NULL;
  g_autofree char *moved = NULL;

  /* Their language and the rest before anything of theirs is shown. */
  lh_window_settings_signed_in (self);
  lh_soonest_card_set_on_pc (LH_SOONEST_CARD (lh_home_page_get_soonest (self->home_page)),
                             self->device != NULL && self->device->pc != NULL);
  lh_home_page_set_person (self->home_page, lh_client_get_person (self->client));
  /* Sign-in's limits carry the centre's idle timing as it is now. */
  lh_window_apply_idle_timing (self);
  lh_idle_monitor_start (self->idle);
  lh_window_show_page (self, "home");
  /* Places from a waiting list while the person was away: the daemon
   * tells once, at sign-in (the event stream is the kiosk's, not theirs). */
  notice = lh_home_page_format_promotions (lh_client_get_promotions (self->client));
  lh_home_page_set_notice (self->home_page, notice);
  /* Bookings moved or cancelled off a PC out of order, until shown. */
  moved = lh_booking_notices_format (lh_client_get_booking_notices (self->client));
  if (moved != NULL)
    lh_home_page_add_notice (self->home_page, moved, FALSE);
  /* Only now, shown to them, are they told (not again at sign-in). */
  lh_client_booking_notices_shown (self->client, lh_client_get_booking_notices (self->client));
  /* Approved or not while they were away: told once, on the home page. */
  lh_window_time_off_signed_in (self);
  /* An admin sees at once how many requests wait for them. */
  lh_approvals_page_count (self->approvals_page);
}

static void
session_ended_cb (LhWindow *self,
                  LhClient *client)
{
  back_to_welcome (self, _("You were signed out. Please sign in again to carry on."));
}

static void
idle_expired_cb (LhWindow      *self,
                 LhIdleMonitor *idle)
{
  if (lh_client_is_signed_in (self->client))
    {
      /* Recorded as the kiosk's doing, not the person's. */
      lh_client_sign_out_idle_async (self->client, NULL, sign_out_cb, NULL);
      back_to_welcome (self, _("You were signed out because the screen was not used for a while."));
    }
  else
    back_to_welcome (self, NULL);
}

void
lh_window_session_setup (LhWindow *self)
{
  g_signal_connect_object (self->client, "session-ended",
                           G_CALLBACK (session_ended_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->idle, "expired", G_CALLBACK (idle_expired_cb), self, G_CONNECT_SWAPPED);
}

void
lh_window_session_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, signed_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, fault_finished_cb);
}
