/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's actions: what the buttons of every page do (action-name
 * "kiosk.…" in the templates). */
#define G_LOG_DOMAIN "lh-window"

#include "lh-window-private.h"
#include "lh-may.h"

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  lh_sign_in_page_reset (self->sign_in_page);
  lh_window_show_page (self, "sign-in");
}

/* "Something is broken", from the welcome page, without signing in: a
 * PC's own kiosk reports its PC; the desk kiosk asks which. */
static void
report_fault_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);
  LhDevicePc *pc = self->device != NULL ? self->device->pc : NULL;

  lh_fault_page_start (self->fault_page, pc != NULL ? pc->name : NULL);
  lh_window_show_page (self, "fault");
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);
  const char *name = lh_window_get_visible_page_name (self);

  if (g_str_equal (name, "sign-in"))
    {
      if (!lh_sign_in_page_go_back (self->sign_in_page))
        lh_window_show_page (self, "welcome");
    }
  else if (g_str_equal (name, "fault"))
    {
      /* Leaving stops a report still on its way, so that its thank-you
       * cannot come back later over someone else's page. */
      if (!lh_fault_page_go_back (self->fault_page))
        {
          lh_fault_page_reset (self->fault_page);
          lh_window_show_page (self, "welcome");
        }
    }
  else if (g_str_equal (name, "book"))
    {
      if (!lh_book_page_go_back (self->book_page))
        lh_window_show_page (self, "home");
    }
  else if (g_str_equal (name, "groups"))
    {
      if (!lh_groups_page_go_back (self->groups_page))
        lh_window_show_page (self, "home");
    }
  else if (g_str_equal (name, "bookings"))
    {
      if (!lh_bookings_page_go_back (self->bookings_page))
        lh_window_show_page (self, "home");
    }
  else if (g_str_equal (name, "guests"))
    {
      if (!lh_guest_page_go_back (self->guest_page))
        lh_window_show_page (self, "home");
    }
  else if (g_str_equal (name, "assessments"))
    {
      if (!lh_assessments_page_go_back (self->assessments_page))
        lh_window_show_page (self, "home");
    }
  else if (g_str_equal (name, "advice"))
    {
      if (!lh_advice_page_go_back (self->advice_page))
        lh_window_show_page (self, "home");
    }
  else if (g_str_equal (name, "record"))
    {
      /* Opened from the advice page or the home page: back to home. */
      if (!lh_record_page_go_back (self->record_page))
        lh_window_show_page (self, "home");
    }
  else if (g_str_equal (name, "timetable"))
    {
      if (!lh_timetable_page_go_back (self->timetable_page))
        lh_window_show_page (self, "home");
    }
  else if (g_str_equal (name, "desk"))
    {
      if (!lh_desk_page_go_back (self->desk_page))
        lh_window_show_page (self, "home");
    }
  else if (g_str_equal (name, "equality"))
    {
      if (!lh_equality_page_go_back (self->equality_page))
        lh_window_show_page (self, "home");
    }
  else if (g_str_equal (name, "facility"))
    {
      if (!lh_facility_page_go_back (self->facility_page))
        lh_window_show_page (self, "home");
    }
  else if (g_str_equal (name, "time-off") || g_str_equal (name, "dashboard"))
    lh_window_show_page (self, "home");
  else if (g_str_equal (name, "approvals"))
    {
      if (!lh_approvals_page_go_back (self->approvals_page))
        lh_window_show_page (self, "home");
    }
  else if (g_str_equal (name, "equipment"))
    {
      if (!lh_equipment_page_go_back (self->equipment_page))
        lh_window_show_page (self, "home");
    }
  else if (g_str_equal (name, "action-plan"))
    {
      if (!lh_action_plan_page_go_back (self->action_plan_page))
        lh_window_show_page (self, "home");
    }
  else if (g_str_equal (name, "meetings"))
    {
      if (!lh_meetings_page_go_back (self->meetings_page))
        lh_window_show_page (self, "home");
    }
}

static void
go_home_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  if (lh_client_is_signed_in (self->client))
    lh_window_show_page (self, "home");
}

static void
book_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  if (!lh_client_is_signed_in (self->client))
    return;
  lh_book_page_start (self->book_page);
  lh_window_show_page (self, "book");
}

static void
my_bookings_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  if (!lh_client_is_signed_in (self->client))
    return;
  lh_bookings_page_load (self->bookings_page);
  lh_window_show_page (self, "bookings");
}

static void
groups_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  if (!lh_client_is_signed_in (self->client))
    return;
  lh_groups_page_load (self->groups_page);
  lh_window_show_page (self, "groups");
}

/* Only staff bring guests: the home page shows the way in to no one else. */
static void
guests_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);
  LhPerson *person = lh_client_get_person (self->client);

  if (!lh_client_is_signed_in (self->client) || !lh_may (person, LH_WAY_GUESTS))
    return;
  lh_guest_page_start (self->guest_page);
  lh_window_show_page (self, "guests");
}

/* Guests book computers only: the home page shows them no way in. */
static void
assessments_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);
  LhPerson *person = lh_client_get_person (self->client);

  if (!lh_client_is_signed_in (self->client) || !lh_may (person, LH_WAY_ASSESSMENTS))
    return;
  lh_assessments_page_load (self->assessments_page);
  lh_window_show_page (self, "assessments");
}

/* ULRs and admins set up groups and assessment slots: the home page shows
 * the way in to no one else, and the daemon refuses anyone else. */
static void
timetable_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  if (!lh_client_is_signed_in (self->client) ||
      !lh_timetable_page_is_for (lh_client_get_person (self->client)))
    return;
  lh_timetable_page_load (self->timetable_page);
  lh_window_show_page (self, "timetable");
}

/* Asking a ULR for advice is for staff who learn, not guests: the home
 * page shows them no way in, and the daemon refuses anyone else. */
static gboolean
may_ask_advice (LhWindow *self)
{
  LhPerson *person = lh_client_get_person (self->client);

  return lh_client_is_signed_in (self->client) && lh_may (person, LH_WAY_ADVICE);
}

static void
advice_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  if (!may_ask_advice (self))
    return;
  lh_advice_page_start (self->advice_page);
  lh_window_show_page (self, "advice");
}

static void
advice_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  if (!may_ask_advice (self))
    return;
  lh_record_page_load (self->record_page);
  lh_window_show_page (self, "record");
}

/* Drop-ins and facility time are a ULR's: the home page shows the way in
 * to no one else, and the daemon refuses anyone else. */
static void
desk_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  if (!lh_client_is_signed_in (self->client) || !lh_desk_page_is_for (lh_client_get_person (self->client)))
    return;
  lh_desk_page_load (self->desk_page);
  lh_window_show_page (self, "desk");
}

static void
facility_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  if (!lh_client_is_signed_in (self->client) || !lh_desk_page_is_for (lh_client_get_person (self->client)))
    return;
  lh_facility_page_load (self->facility_page);
  lh_window_show_page (self, "facility");
}

/* Anyone signed in may tell about themselves: the answers are their own. */
static void
equality_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  if (!lh_client_is_signed_in (self->client))
    return;
  lh_equality_page_load (self->equality_page);
  lh_window_show_page (self, "equality");
}

/* The dashboard is the committee's: the home page shows the way in to no
 * one else, and the daemon refuses anyone else. */
static void
dashboard_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  if (!lh_client_is_signed_in (self->client) || !lh_dashboard_page_is_for (lh_client_get_person (self->client)))
    return;
  lh_dashboard_page_load (self->dashboard_page);
  lh_window_show_page (self, "dashboard");
}

/* The action plan is the committee's: the home page shows the way in to
 * no one else, and the daemon refuses anyone else. */
static void
action_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  if (!lh_client_is_signed_in (self->client) || !lh_action_plan_page_is_for (lh_client_get_person (self->client)))
    return;
  lh_action_plan_page_load (self->action_plan_page);
  lh_window_show_page (self, "action-plan");
}

static void
meetings_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  if (!lh_client_is_signed_in (self->client) || !lh_action_plan_page_is_for (lh_client_get_person (self->client)))
    return;
  lh_meetings_page_load (self->meetings_page);
  lh_window_show_page (self, "meetings");
}

/* Approving time off is the employer's contact point's: the home page
 * shows the way in to no one else, and the daemon refuses anyone else. */
static void
approvals_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  if (!lh_client_is_signed_in (self->client) || !lh_approvals_page_is_for (lh_client_get_person (self->client)))
    return;
  lh_approvals_page_load (self->approvals_page);
  lh_window_show_page (self, "approvals");
}

/* The equipment is the admin's: the home page shows the way in to no
 * one else, and the daemon refuses anyone else. */
static void
equipment_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  if (!lh_client_is_signed_in (self->client) || !lh_equipment_page_is_for (lh_client_get_person (self->client)))
    return;
  lh_equipment_page_load (self->equipment_page);
  lh_window_show_page (self, "equipment");
}

/* Paid time off is for staff who learn: the home page shows the way in
 * to no one else. */
static void
time_off_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LhWindow *self = LH_WINDOW (widget);

  if (!lh_client_is_signed_in (self->client) || !lh_time_off_page_is_for (lh_client_get_person (self->client)))
    return;
  lh_time_off_page_start (self->time_off_page);
  lh_window_show_page (self, "time-off");
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  lh_window_sign_out (LH_WINDOW (widget), NULL);
}

static void
still_here_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  lh_idle_monitor_poke (LH_WINDOW (widget)->idle);
}

static void
retry_connection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  /* Without waiting for the stream's next try. */
  lh_client_reconnect_events (LH_WINDOW (widget)->client);
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  lh_window_show_toast (LH_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

void
lh_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "kiosk.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "kiosk.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "kiosk.report-fault", NULL, report_fault_action);
  gtk_widget_class_install_action (widget_class, "kiosk.go-home", NULL, go_home_action);
  gtk_widget_class_install_action (widget_class, "kiosk.book", NULL, book_action);
  gtk_widget_class_install_action (widget_class, "kiosk.my-bookings", NULL, my_bookings_action);
  gtk_widget_class_install_action (widget_class, "kiosk.groups", NULL, groups_action);
  gtk_widget_class_install_action (widget_class, "kiosk.guests", NULL, guests_action);
  gtk_widget_class_install_action (widget_class, "kiosk.assessments", NULL, assessments_action);
  gtk_widget_class_install_action (widget_class, "kiosk.timetable", NULL, timetable_action);
  gtk_widget_class_install_action (widget_class, "kiosk.advice", NULL, advice_action);
  gtk_widget_class_install_action (widget_class, "kiosk.advice-record", NULL, advice_record_action);
  gtk_widget_class_install_action (widget_class, "kiosk.desk", NULL, desk_action);
  gtk_widget_class_install_action (widget_class, "kiosk.facility-time", NULL, facility_action);
  gtk_widget_class_install_action (widget_class, "kiosk.about-you", NULL, equality_action);
  gtk_widget_class_install_action (widget_class, "kiosk.dashboard", NULL, dashboard_action);
  gtk_widget_class_install_action (widget_class, "kiosk.approvals", NULL, approvals_action);
  gtk_widget_class_install_action (widget_class, "kiosk.equipment", NULL, equipment_action);
  gtk_widget_class_install_action (widget_class, "kiosk.action-plan", NULL, action_plan_action);
  gtk_widget_class_install_action (widget_class, "kiosk.meetings", NULL, meetings_action);
  gtk_widget_class_install_action (widget_class, "kiosk.time-off", NULL, time_off_action);
  gtk_widget_class_install_action (widget_class, "kiosk.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "kiosk.still-here", NULL, still_here_action);
  gtk_widget_class_install_action (widget_class, "kiosk.retry-connection", NULL, retry_connection_action);
  gtk_widget_class_install_action (widget_class, "kiosk.toast", "s", toast_action);
  gtk_widget_class_install_property_action (widget_class, "kiosk.large-text", "large-text");
  gtk_widget_class_install_property_action (widget_class, "kiosk.high-contrast", "high-contrast");
  /* A physical keyboard's Escape is Back: a dialog on top closes itself
   * first, as it has the focus. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "kiosk.back", NULL);
  gtk_widget_class_install_property_action (widget_class, "kiosk.language", "language");
}
